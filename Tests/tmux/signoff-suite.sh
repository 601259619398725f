#!/usr/bin/env bash
# Review and sign-off through the screens (tmux, 80×24): the planner submits from the editor,
# the approver opens the review queue and returns the plan with a reason, the planner sees
# the reason in the editor, fixes the plan and submits again, the approver signs it off;
# then `supportplan verify` and stock `minisign -V` both accept it. Every assertion waits.
# Usage: Tests/tmux/signoff-suite.sh [path/to/supportplan]
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=$(realpath "${1:-.build/debug/supportplan}")
T="tmux -L sp-signoff-$$"
. "$(dirname "$0")/lib.sh"
scratch_folder; S=$_scratch
run() { keys "clear; $*" Enter; }

mkdir -p "$S/plans"
cp examples/older-person-home-care.yaml "$S/plans/peggy.yaml"
chmod 600 "$S/plans/peggy.yaml"
export XDG_CONFIG_HOME="$S/cfg"
"$BIN" keygen "Ana Lopez" --store "$S" >/dev/null
printf 'signers:\n  - key: ana-lopez\n    name: Ana Lopez\n    role: team manager\n    level: team-manager\n' > "$S/config.yaml"
$T -f /dev/null new-session -d -s s -x 80 -y 24 \
  "env -i HOME=$S PATH=/usr/bin:/bin LANG=C.UTF-8 TERM=xterm-256color USER=helen XDG_CONFIG_HOME=$S/cfg PS1='$ ' bash --norc --noprofile -i"
wait_text '$' 5

echo "# sign-off suite: $BIN"
run "$BIN edit $S/plans/peggy.yaml"
wait_text "SupportPlan · Peggy"
keys F8
check "the planner submits from the editor (F8)" wait_text "Submitted for sign-off."
keys F10
run "$BIN --store $S"
wait_text "SupportPlan · plans in"
keys v
check "the approver's queue lists the submitted plan" wait_text "> Peggy        PW-2026-0117"
keys Enter
check "the review is read-only, with the readiness checklist" wait_text "✓ Needs and outcomes"
check "and the costing" wait_text "Costing for PW-2026-0117 (Peggy)"
keys r Down Enter
$T send-keys -t s -l "Say who pays for the key safe"; keys Enter
check "the approver returns it with a reason" wait_text "Returned PW-2026-0117 to the planner (costs-unclear)."
keys q
run "$BIN edit $S/plans/peggy.yaml"
check "the planner sees the reason in the editor" wait_text "! Returned by helen: costs-unclear — Say who pays for the key safe"
keys 4; keys Down Down Down Down Down Down Enter
keys Down Down Down Enter C-a C-k
$T send-keys -t s -l "Handy Person Service, Age UK (the council pays)"; keys Enter
keys F8
check "the planner fixes it and submits again (saved first)" wait_text "Submitted for sign-off."
keys F10
run "$BIN --store $S"
wait_text "SupportPlan · plans in"
keys v Enter
wait_text "✓ Needs and outcomes"
keys s
$T send-keys -t s -l "ana-lopez"; keys Enter
check "the approver signs it off in the review screen" wait_text "Signed off PW-2026-0117 as Ana Lopez"
keys q
run "$BIN verify $S/signed/PW-2026-0117-v1.yaml; echo verify=\$?"
check "supportplan verify accepts it" wait_text "verify=0"
run "minisign -Vm $S/signed/PW-2026-0117-v1.yaml -p $S/keys/ana-lopez.pub; echo minisign=\$?"
check "stock minisign accepts it" wait_text "minisign=0"
check "the signed copy has the planner's fix" grep -q "the council pays" "$S/signed/PW-2026-0117-v1.yaml"
run "$BIN log --store $S; echo log=\$?"
check "the audit log has submit, return, submit, sign, chain intact" wait_text "4 entries, chain intact."

finish
