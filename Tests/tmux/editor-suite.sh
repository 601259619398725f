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
    "env -i HOME=$work PATH=/usr/bin:/bin LANG=C.UTF-8 TERM=xterm-256color USER=sam $BIN edit $PLAN; sleep 600"
}

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
keys Down Enter; keys 1; keys Enter; keys Escape

# An outcome in the person's words, linked to the need.
keys 3; keys Enter; keys Enter
$T send-keys -t s -l "I want to keep clean without being afraid of falling."; keys Tab
keys Enter; keys 1; keys Enter
keys Down Enter; keys 1; keys Enter
check "the outcome is linked to N1 by picking" wait_text "Needs it answers      N1"
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
keys Down Down Down Down Enter; keys 1 2; keys Enter
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

finish
