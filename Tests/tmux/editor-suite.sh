#!/usr/bin/env bash
# The planner's editor in a real terminal (tmux, 80×24): a plan written from the blank
# template (a need, an outcome, a paid support linked to both, a budget), the budget bar
# checked against `check --json` after saving; then a crash (kill -9) mid-edit and the edit
# offered back on reopening, with the plan file untouched. Every assertion waits.
# Usage: Tests/tmux/editor-suite.sh [path/to/supportplan]
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=$(realpath "${1:-.build/debug/supportplan}")
T="tmux -L sp-editor-$$"
. "$(dirname "$0")/lib.sh"
scratch_folder; work=$_scratch

wait_file() { local deadline=$((SECONDS + ${2:-10})); while ((SECONDS < deadline)); do [ -e "$1" ] && return 0; sleep 0.05; done; return 1; }

PLAN="$work/plans/mary.yaml"
mkdir -p "$work/plans"
start() {
  $T kill-session -t s 2>/dev/null
  while $T has-session -t s 2>/dev/null; do sleep 0.05; done
  $T -f /dev/null new-session -d -s s -x 80 -y 24 \
    "env -i HOME=$work PATH=/usr/bin:/bin LANG=C.UTF-8 TERM=xterm-256color USER=sam $BIN edit ${1:-$PLAN}; sleep 600"
}
# capture NAME: the screen as text, kept in $CAPTURES (for the closing note) when set.
capture() { [ -n "${CAPTURES:-}" ] && { echo "=== $1 (cursor at row,column $($T display -t s -p "#{cursor_y},#{cursor_x}"))"; $T capture-pane -t s -p; } >> "$CAPTURES"; return 0; }

echo "# editor suite: $BIN"
start
check "a new plan opens from the blank template" wait_text "[1 About]"
keys 8
check "it says what is missing (Findings counts them all)" wait_text "✗ 6 errors"
keys 2
check "a section's header counts only its own" wait_text "Needs                                                  ✗ 1 error  ! 0 warnings"
keys 1

# A need: keeping clean, eligible, needs help.
keys 2; keys Enter
check "a need is added and opened" wait_text "Needs › N1"
keys Enter; keys 2; keys Enter
check "the area is picked from a list" wait_text "Keeping clean"
keys Down Enter; $T send-keys -t s -l "Cannot get in or out of the bath safely."; keys Tab
keys Enter; keys 1; keys Enter
check "eligible is chosen" wait_text "eligible: the council must meet it"
keys Down Enter; keys 1 Space; keys Enter; keys Escape

# An outcome in the person's words, linked to the need.
keys 3; keys Enter; keys Enter
$T send-keys -t s -l "I want to keep clean without being afraid of falling."; keys Tab
keys Enter; keys 1; keys Enter
keys Down Enter; keys 1 Space; keys Enter
check "the outcome is linked to N1 by picking (a digit goes to the row, Space ticks)" wait_text "Needs it answers      N1"
keys Escape

# A paid support linked to both: 7 hours a week at £24.10, council-funded.
keys 4; keys Enter; keys Enter
$T send-keys -t s -l "Help to wash, every morning"; keys Enter
keys Down Enter; keys 2; keys Enter
keys Down Down Enter; keys 1; keys Enter
keys Down Down Enter; $T send-keys -t s -l "24.10"; keys Enter
keys Down Enter; keys 1; keys Enter
check "a paid line without 'per' is not costed, and the bar says why" wait_text "S1 needs how often it is paid (Per)"
keys Down Down Enter; keys 1; keys Enter
keys Up Enter; $T send-keys -t s -l "7"
check "the budget bar follows the quantity as it is typed" wait_text "costs £8,772.40 a year (£168.70 a week) (typing)"
keys Enter
keys Down Down Down Down Enter; keys 1 Space 2 Space; keys Enter
check "the support meets N1 and O1" wait_text "Meets                 N1, O1"
keys Escape

# The budget: £9,000 a year, all from the council.
keys 5; keys Down Down Enter; $T send-keys -t s -l "9000"; keys Enter
keys Down Enter; $T send-keys -t s -l "0"; keys Enter
keys Down Enter; $T send-keys -t s -l "9000"; keys Enter
check "the budget bar shows what is left, in words and symbols" \
  wait_text "✓ £227.60 left · £8,772.40 of £9,000.00 a year (£168.70 a week)"
# Output measured from tmux's pipe of the pane: one typed character, then 5 idle seconds.
keys 1; keys Enter
$T pipe-pane -t s -o "cat >> $work/bytes"; sleep 0.3; : > "$work/bytes"
$T send-keys -t s -l "M"; wait_text "> Name                  M" 5; sleep 0.3
typed=$(stat -c %s "$work/bytes"); : > "$work/bytes"; sleep 5; idle=$(stat -c %s "$work/bytes")
$T pipe-pane -t s
echo "# editor: bytes written for one typed character: $typed (target ≤ 32); during 5 idle seconds: $idle (target 0)"
check "typing a character in a field writes at most 32 bytes ($typed)" test "$typed" -le 32
check "an idle editor writes nothing, even while the recovery file is written ($idle bytes)" test "$idle" -eq 0
keys Escape
keys C-s
check "Ctrl-S saves" wait_text "Saved $PLAN"
# Every comment of the template (its prompts in plain words) is still in the saved file.
missing=$(grep -o '#.*' templates/plans/self-written.yaml | while IFS= read -r c; do grep -qF -- "$c" "$PLAN" || echo "$c"; done | wc -l)
check "the saved plan keeps all $(grep -c '#' templates/plans/self-written.yaml) comments of the template (missing: $missing)" test "$missing" -eq 0
check "the template's comment stays at its key" grep -q '^author: "\?[^#]*# your name: you are writing this plan$' "$PLAN"
json=$("$BIN" check --json "$PLAN")
counted=$(printf '%s' "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totals"]["counted_against_budget_pence"])')
remaining=$(printf '%s' "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totals"]["remaining_pence"])')
check "check --json agrees with the bar (counted 877240, remaining 22760)" test "$counted/$remaining" = "877240/22760"
check "the saved plan is readable only by its owner" test "$(stat -c %a "$PLAN")" = "600"
keys F10
gone() { local deadline=$((SECONDS + 10)); while ((SECONDS < deadline)); do [ ! -e "$1" ] && return 0; sleep 0.05; done; return 1; }
check "quitting a saved plan does not ask, and releases the lock" gone "$work/plans/.mary.yaml.lock"

# Crash mid-edit: the typed name is in the recovery file; the plan file is untouched.
before=$(sha256sum "$PLAN" | cut -d' ' -f1)
start
wait_text "[1 About]"
keys Enter; $T send-keys -t s -l "Mary Jones"
check "the edit reaches the recovery file within seconds" wait_file "$work/plans/.mary.yaml.recovery" 10
pkill -9 -f "supportplan edit $PLAN"
while pgrep -f "supportplan edit $PLAN" >/dev/null; do sleep 0.05; done
check "after kill -9 the plan file is byte for byte as saved" test "$(sha256sum "$PLAN" | cut -d' ' -f1)" = "$before"
start
check "reopening offers the unsaved edit back" wait_text "Unsaved edits found"
keys k
check "the recovered edit is on screen" wait_text "> Name                  Mary Jones"
check "it is marked unsaved" wait_text "● unsaved"
keys F10; wait_text "Unsaved changes"; keys d

# A new plan left untouched is not kept: edit a new file, then F10 straight away.
start "$work/plans/empty.yaml"
wait_text "[1 About]"
keys F10
check "an untouched new plan leaves no file behind" gone "$work/plans/empty.yaml"

# Dates as people write them; a refusal shows an example; the file keeps year-month-day.
start
wait_text "[1 About]"
keys Down Down Enter C-u
$T send-keys -t s -l "31/02/1938"; keys Enter
check "a date that does not exist is refused with an example" \
  wait_text "! There is no such day as “31/02/1938”: write it like 2027-03-31 or 31/03/2027"
capture "the date refusal with its example"
keys C-u; $T send-keys -t s -l "31/03/1938"; keys Enter
check "31/03/1938 is read as 1938-03-31" wait_text "> Date of birth         1938-03-31"
keys p
check "plain words: every section number in the bar at 80 columns" \
  wait_text "[1 Me] 2 Needs 3 Goals 4 Help 5 Money 6 Safe 7 Agree 8 Check"
capture "the section bar in plain words"
keys C-s; wait_text "Saved $PLAN"
check "the file stores the date as year-month-day" grep -q "date_of_birth: 1938-03-31" "$PLAN"
keys F10
gone "$work/plans/.mary.yaml.lock"

# The minimum-wage finding is readable whole at 80 columns, and Enter goes to the rate.
CAL="$work/plans/cal.yaml"
sed 's/^    rate: 13.45$/    rate: 10.00/' examples/young-adult-pa.yaml >"$CAL"
start "$CAL"
wait_text "SupportPlan · Cal"
keys 8; wait_text "[8 Findings]"; keys Down Down
check "the minimum-wage finding, whole: its first line" \
  wait_text "✗ This pays less than the law allows. From 4 January 2027 it must be at least"
check "and the rest, with the amount" \
  wait_text "£12.71 an hour. (pa-below-minimum-wage: PA line S1 pays £10.00 an hour; from"
capture "a finding opened whole"
keys Enter
check "Enter goes to the rate, marked ✗" wait_text "✗ > Rate                  10.00"
keys F10
gone "$work/plans/.cal.yaml.lock"

# Accepting one of two warnings leaves the other: Cal's plan without its old acceptance,
# and a new goal that no support meets yet.
sed 's/^  - rule: outcome-unsupported$/  - rule: wage-table-ends/' examples/young-adult-pa.yaml >"$CAL"
start "$CAL"
wait_text "SupportPlan · Cal"
keys 3; wait_text "[3 Outcomes]"
keys Down Down Down Down Down Enter
wait_text "Outcomes › O6"
keys Enter; $T send-keys -t s -l "I want to learn to drive."; keys Tab
wait_text "In the person's words I want to learn to drive."
keys Escape; wait_text "+ Add an outcome"; sleep 0.5
keys 8; wait_text "[8 Findings]"
check "two goals no support meets: a warning for each" \
  wait_text '! Nothing in your plan helps with this goal yet: "I want to learn to drive."'
keys Down Down a
check "the accept box names the warning in words" wait_text "Accept this warning"
$T send-keys -t s -l "Driving lessons start after his birthday."; keys Enter
check "the accepted one is marked ✓" wait_text '✓ Nothing in your plan helps with this goal yet: "I want to learn to drive."'
check "the other stays open" wait_text '! Nothing in your plan helps with this goal yet: "I want a paid job one day'
keys C-s; wait_text "Saved $CAL"
check "the file names the accepted one's target" grep -q "target: O6" "$CAL"
check "and only that one" test "$(grep -c 'rule: outcome-unsupported' "$CAL")" = 1
keys F10

finish
