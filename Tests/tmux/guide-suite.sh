#!/usr/bin/env bash
# Guided mode on the full screen (tmux, 80×24): a person answers the first questions, stops
# halfway, comes back and carries on where they stopped, and the cursor is in the answer box
# on every screen. Every assertion waits.
# Usage: Tests/tmux/guide-suite.sh [path/to/supportplan]
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
check "coming back carries on at question 4" wait_text "question 4 of"
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
check "and use everyday words" wait_text "Do you need help to eat well, cook, or get a drink?"
check "the cursor is in the answer box there too" cursor_after_answer_label
type_line "9"
check "a wrong number is explained" wait_text "! Type the number of your answer, from 1 to 2."
keys C-n
check "a question can be skipped" wait_text "Skipped. It will be on the list of things still to do."
keys F10
wait_text "Saved."
finish
