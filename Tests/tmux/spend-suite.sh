#!/usr/bin/env bash
# Money in use through the "Money so far" screen (tmux, 80×24): a store made as a team makes
# one (scripts/make-test-store), the young-adult example's 16-week statement imported, the
# screen opened with `spend PLAN --screen`, two unmatched transactions assigned by keys (one to
# Jade's line from the picker, one "not for care" with a reason typed in the box), the forecast
# read; assigned.yaml then holds both and `spend` agrees. Then the same screen from the plan
# list (m) and the editor (m), in plain words, and at 60×20. Every assertion waits.
# Usage: Tests/tmux/spend-suite.sh [path/to/supportplan]
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=$(realpath "${1:-.build/debug/supportplan}")
T="tmux -L sp-spend-$$"
. "$(dirname "$0")/lib.sh"
scratch_folder; S=$_scratch
run() { keys "clear; $*" Enter; }

ST="$S/store"
export XDG_CONFIG_HOME="$S/cfg"
scripts/make-test-store "$BIN" "$ST"
"$BIN" spend import CA-2026-0388 examples/statements/young-adult-16-weeks.csv --store "$ST" >"$S/import.txt"
check "the 16-week statement is imported (81 rows)" grep -q "81 added" "$S/import.txt"

$T -f /dev/null new-session -d -s s -x 80 -y 24 \
  "env -i HOME=$S PATH=/usr/bin:/bin LANG=C.UTF-8 TERM=xterm-256color USER=cal XDG_CONFIG_HOME=$S/cfg PS1='$ ' bash --norc --noprofile -i"
wait_text '$' 5

echo "# spend suite: $BIN"
run "$BIN spend CA-2026-0388 --screen --store $ST"
check "spend --screen opens Money so far" wait_text " Money so far · Cal · CA-2026-0388"
check "the forecast in one sentence" wait_text "At this rate £912.93 will be left on 3 January 2028, within the 4 weeks you"
check "the period table" wait_text "29 Mar – 25 Apr   £2,167.37  £2,221.17      £0.00    £938.95"
check "three unmatched to assign" wait_text "Unmatched: 3 transactions matching nothing in the plan"
check "the cursor is on the first unmatched (row 19, column 1)" wait_flag "#{cursor_y},#{cursor_x}" "19,1"
echo "# the screen at 80×24 (cursor $($T display -t s -p '#{cursor_y},#{cursor_x}')):"
$T capture-pane -t s -p | sed 's/^/#  |/'

keys Down; keys Down; keys Enter
check "Enter on Kindred Care opens the line picker, lines in words" wait_text "S2  Jade, my evening and Saturday PA"
keys Down; keys Enter
check "it is kept for S2" wait_text "Kept in assigned.yaml: KINDRED CARE LTD -£96.00 pays for S2."
check "two left" wait_text "Unmatched: 2 transactions matching nothing in the plan"
keys Up; keys Up; keys n
check "n asks why it was not for care" wait_text "Why was it not for care?"
keys -l "Bought with the wrong card; paid back"; keys Enter
check "the Tesco bill is not for care" wait_text "Kept in assigned.yaml: TESCO STORES 2231 -£23.40 is not for care."
check "one left" wait_text "Unmatched: 1 transaction matching nothing in the plan"
check "the forecast is read again after the choices" wait_text "At this rate £912.93 will be left on 3 January 2028"
check "assigned.yaml holds Kindred Care for S2" grep -q "    line: S2" "$ST/spend/CA-2026-0388/assigned.yaml"
check "and the Tesco bill with its reason" grep -q "not_for_care: Bought with the wrong card; paid back" "$ST/spend/CA-2026-0388/assigned.yaml"
check "assigned.yaml is 0600" test "$(stat -c %a "$ST/spend/CA-2026-0388/assigned.yaml")" = 600

$T resize-window -t s -x 60 -y 20
check "at 60×20 the forecast still reads whole" wait_text "At this rate £912.93 will be left on 3 January 2028,"
check "and the one left to assign" wait_text "Unmatched: 1 transaction matching nothing in the plan"
$T resize-window -t s -x 80 -y 24
keys '?'
check "? shows the screen's keys" wait_text "Help: Money so far"
keys Escape; keys Escape
check "Esc goes back to the shell (the screen is given back)" wait_flag "#{alternate_on}" 0
run "$BIN spend CA-2026-0388 --store $ST | grep Unmatched"
check "spend agrees: one unmatched" wait_text "Unmatched (1)"

run "$BIN spend CA-2026-0388 --screen --plain-language --store $ST"
check "plain words: Your money so far" wait_text " Your money so far · Cal · CA-2026-0388"
check "plain words: payments we could not match" wait_text "Payments we could not match: 1"
keys Escape

run "cd $ST && $BIN"
wait_text "SupportPlan · plans in"
keys m
check "m in the plan list opens it for the chosen plan" wait_text " Money so far · Cal · CA-2026-0388"
keys Escape
check "and back to the list" wait_text "Back from money so far for CA-2026-0388."
keys q
run "$BIN edit $ST/plans/CA-2026-0388.yaml"
wait_text "SupportPlan · Cal"
keys m
check "m in the editor opens it" wait_text " Money so far · Cal · CA-2026-0388"
keys Escape
check "and back to the editor" wait_text "Back from money so far."
keys F10
finish
