#!/usr/bin/env bash
# Guided mode on the full screen (tmux, 80×24): a person answers the first questions, stops
# halfway, comes back and carries on where they stopped, and the cursor is in the answer box
# on every screen. A self-advocate adds a personal assistant: the PA questions, the running
# money, the end list that goes to each question, and a `kind: pa` line that `check` and
# `totals` cost with employer costs. Below 80×24 the guide offers line mode and L switches.
# Every assertion waits.
# Usage: Tests/tmux/guide-suite.sh [path/to/supportplan]
# With CAPTURE_DIR set, the PA question and the end list are kept there as text (with the cursor).
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=$(realpath "${1:-.build/debug/supportplan}")
T="tmux -L sp-guide-$$"
. "$(dirname "$0")/lib.sh"
scratch_folder; work=$_scratch
type_line() { $T send-keys -t s -l "$1"; sleep 0.1; keys Enter; }
cursor_after_answer_label() {
  local row; row=$($T capture-pane -t s -p | grep -n "^  Your answer:" | cut -d: -f1)
  [ -n "$row" ] && [ "$($T display -t s -p '#{cursor_y}')" = "$row" ]   # the 1-based label line is the 0-based cursor row below it
}
$T -f /dev/null new-session -d -s s -x 80 -y 24 \
  "env -i HOME=$work PATH=/usr/bin:/bin LANG=C.UTF-8 TERM=xterm-256color PS1='$ ' bash --norc --noprofile -i"
wait_text '$' 5
echo "# guide suite: $BIN"
keys "cd $work && $BIN new --template self-written -o mary.yaml && $BIN guide mary.yaml" Enter
check "the first question, in plain words" wait_text "What is your name?"
check "the cursor is in the answer box" cursor_after_answer_label
type_line "Mary Jones"
check "the next question follows" wait_text "What do you like to be called?"
type_line "Mary"
check "question 3 shows its hint" wait_text "For example: easy read, large print"
check "and the cursor is in its answer box" cursor_after_answer_label
type_line "Large print"
check "a question with several lines says how to finish" wait_text "An empty line finishes."
keys F10
check "stopping halfway says how to carry on" wait_text "Saved. Carry on later with: supportplan guide mary.yaml"
check "the answers so far are in the plan" grep -q "name: Mary Jones" "$work/mary.yaml"
keys "clear; $BIN guide mary.yaml" Enter
check "coming back carries on at question 4, counted by part" wait_text "part 1 of 12 · question 4 of 4"
check "with the question about yourself" wait_text "Tell us about yourself"
type_line "I was a seamstress."
keys Enter
check "Enter on an empty line finishes a longer answer" wait_text "What is important to you?"
keys Escape
check "Esc goes back to the question before, with the answer given" wait_text "I was a seamstress."
keys Enter Enter
wait_text "What is important to you?"
keys Enter
wait_text "What keeps you well and safe?"
keys Enter
check "yes-or-no questions are numbered" wait_text "1. Yes"
check "and say the words can be typed" wait_text "Type the number or the words of your answer."
check "and use everyday words" wait_text "Do you need help to eat well, cook, or get a drink?"
check "the cursor is in the answer box there too" cursor_after_answer_label
type_line "9"
check "a wrong number is explained" wait_text "! Type the number of your answer, from 1 to 2, or its words, like Yes."
keys C-a C-k
type_line "no"
check "no is an answer to a yes-or-no question" wait_text "Do you need help to wash or have a bath?"
keys C-n
check "a question can be skipped" wait_text "Skipped. It will be on the list of things still to do."
keys F10
wait_text "Saved."

# A self-advocate adds a personal assistant. The questions before the help are answered in
# line mode (they are tested above); the help is chosen on the full screen at 80×24.
capture() {  # capture NAME: the screen as text, and the cursor
  [ -n "${CAPTURE_DIR:-}" ] || return 0
  { $T capture-pane -t s -p; echo "(cursor at row $($T display -t s -p '#{cursor_y}'), column $($T display -t s -p '#{cursor_x}'))"; } \
    > "$CAPTURE_DIR/$1.txt"
}
printf '%s\n' "Mary Jones" "Mary" "Large print, please." "I was a seamstress for forty years." "" "Going to church on Sunday" \
  "My cat, Bess" "" "Taking my tablets on time" "" 2 1 "I cannot get in or out of the bath." "" "1 3" 1 2 2 1 \
  "I might fall when nobody is there." "" 3 1 2 2 2 2 2 "I want to keep clean without being afraid of falling." "" \
  "1 2" "1 2" "My daughter Jane does my shopping." "" "2 3" "£8,500 a year" 0 stop > "$work/first-part.txt"
keys "clear; $BIN new --template self-written -o pa.yaml && $BIN guide --plain pa.yaml < first-part.txt > /dev/null && clear && $BIN guide pa.yaml" Enter
check "the help part starts with what help is wanted" wait_text "What help would you like? Describe it."
check "progress is by part" wait_text "part 7 of 12 · question 1 of 1"
type_line "A personal assistant to go out with me"
check "the guide asks whether this is someone Mary employs" wait_text "is this someone you employ"
check "naming the help it is about" wait_text '"A personal assistant to go out with me": is this someone you employ'
capture pa-question
type_line "yes"
check "yes leads to the PA questions: their name" wait_text "what is your personal assistant's"
type_line "Lewis Carter"
check "their pay an hour" wait_text "how much will you pay them an"
check "the cursor is in the answer box there" cursor_after_answer_label
capture pa-pay
type_line "£13 an hour"
check "£13 an hour is an amount of money, and the money so far is shown" wait_text "Your help costs £676 a year; you have £8,500."
check "their hours a week" wait_text "how many hours a week will they"
type_line "10"
check "the running money after the hours" wait_text "Your help costs £6,760 a year; you have £8,500."
check "their age or date of birth" wait_text "how old is your personal"
capture pa-age
type_line "14/08/1995"
wait_text "which needs and goals does it help with?"
type_line "1 3"
check "who pays keeps the council when Enter is pressed" wait_text "Your answer:"
wait_text "who pays for it?"
keys Enter
check "the costs of being an employer are offered" wait_text "paying someone yourself costs more"
type_line "y"
check "and counted in the running money" wait_text "Your help costs £7,752 a year (£992 of it for being an employer); you have"
check "the insurance is asked for" wait_text "Insurance for an employer: how much does it cost a year?"
type_line "£150 a year"
check "the payroll service is asked for" wait_text "A payroll service: how much does it cost a month?"
type_line "12.50"
check "more help can be added" wait_text "What other help would you like?"
keys Enter
check "the money is paid to Mary: how often" wait_text "Your money: how often should it be paid to you?"
type_line "every month"
check "the risks part" wait_text "What could go wrong?"
type_line "I might fall getting out of the bath."
keys Enter
check "what Mary will do about the risk, naming it" wait_text '"I might fall getting out of the bath.": what will you do about it?'
type_line "Lewis is with me when I have a bath."
keys Enter
check "accepting the risk is asked, not written" wait_text "do you accept this risk"
type_line "yes"
wait_text "If your help cannot come, what will happen?"
keys C-n
wait_text "What did people tell you about other help"; type_line "The falls class."; keys Enter
wait_text "What did people tell you about staying well"; type_line "The Age UK number."; keys Enter
wait_text "Who else helped you write this plan"; keys Enter
wait_text "Do you agree with your plan?"; type_line "Yes"
wait_text "Is there anything you want to say about your plan"; keys Enter
wait_text "When should someone first check your plan is working?"; keys Enter
wait_text "When should your plan be looked at again?"; keys Enter
check "the end lists what is still to do, in words" wait_text "Still to do. Press a number to go to that question:"
check "the skipped question is there in words" wait_text "Write down what will happen if your help cannot come"
check "no ids in the list" bash -c "! $T capture-pane -t s -p | grep -qE '\b[NOS][0-9]+\b'"
capture end-list
keys 1
check "a number goes to that question" wait_text "If your help cannot come, what will happen?"
type_line "Jane comes, and I ring Lewis."
keys Enter
check "and back to the end, without it" bash -c "wait() { for _ in \$(seq 100); do $T capture-pane -t s -p | grep -qF 'Still to do' && ! $T capture-pane -t s -p | grep -qF 'help cannot come' && return 0; sleep 0.05; done; return 1; }; wait"
keys F10
wait_text "Your plan is saved in pa.yaml."
check "the plan has a kind: pa line" grep -q "^    kind: pa$" "$work/pa.yaml"
check "with an employees entry and the date of birth" grep -q "^    date_of_birth: 1995-08-14$" "$work/pa.yaml"
check "and no kind: other" bash -c "! grep -q 'kind: other' '$work/pa.yaml'"
check "check passes it (the minimum wage is checked)" bash -c "'$BIN' check '$work/pa.yaml' | grep -q 'pa.yaml: 0 errors, 1 warning'"
check "totals costs it with employer NI" bash -c "'$BIN' totals '$work/pa.yaml' | grep -qF 'Employer NI           £264.00      £264.00'"
check "and holiday cover" bash -c "'$BIN' totals '$work/pa.yaml' | grep -qF 'Holiday cover         £728.00      £728.00'"

# Below 80×24 the guide offers line mode; L switches to it.
$T resize-window -t s -x 60 -y 20 2>/dev/null || $T resize-pane -t s -x 60 -y 20
keys "clear; $BIN guide mary.yaml" Enter
check "a small window offers line mode" wait_text "Press L to answer them here one at a time, in plain"
check "saying how small it is" wait_text "80×24, and this one is 60×20."
capture too-small
keys x
keys L
check "L switches to line mode" wait_text "Your plan, one question at a time."
check "which carries on where Mary stopped" wait_text "Part 3 of 12 · What I need help with"
type_line "stop"
check "stop in line mode saves" wait_text "Saved. Carry on later with: supportplan guide mary.yaml"
check "the x typed on the small screen went nowhere" bash -c "! grep -q 'x$' '$work/mary.yaml'"
finish
