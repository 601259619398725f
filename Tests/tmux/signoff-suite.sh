#!/usr/bin/env bash
# Review and sign-off through the screens (tmux, 80×24), on a store set up as a team does:
# the owner runs `init`, the manager makes a key pair and pins the owner's key (`trust`), the
# owner adds her as a signer (`signer add`). Then the planner submits from the editor,
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

ST="$S/store"
XDG_CONFIG_HOME="$S/owner-cfg" "$BIN" init "$ST" --owner "Sam Senior" >/dev/null
export XDG_CONFIG_HOME="$S/cfg"
"$BIN" keygen "Ana Lopez" >/dev/null
"$BIN" trust "$ST/owner.pub" >/dev/null
XDG_CONFIG_HOME="$S/owner-cfg" "$BIN" signer add "$S/cfg/supportplan/keys/ana-lopez.pub" --name "Ana Lopez" \
  --role "team manager" --level team-manager --store "$ST" >/dev/null
check "init, trust and signer add make a store Ana can sign in" grep -q "name: \"Ana Lopez\"" "$ST/config.yaml"
# Peggy's plan as the next version would have it: the budget went up from the last signed one, with the reason.
sed 's/^  final: 17250.00$/  final: 17250.00\n  previous_final: 16000.00\n  change_reason: The teatime visit was added after her hospital stay./' \
  examples/older-person-home-care.yaml >"$ST/plans/PW-2026-0117.yaml"
check "the plan has a budget change and its reason" grep -q "change_reason: The teatime visit" "$ST/plans/PW-2026-0117.yaml"
chmod 600 "$ST/plans/PW-2026-0117.yaml"
ME=$(id -un)
$T -f /dev/null new-session -d -s s -x 80 -y 24 \
  "env -i HOME=$S PATH=/usr/bin:/bin LANG=C.UTF-8 TERM=xterm-256color USER=helen XDG_CONFIG_HOME=$S/cfg PS1='$ ' bash --norc --noprofile -i"
wait_text '$' 5

echo "# sign-off suite: $BIN"
run "$BIN edit $ST/plans/PW-2026-0117.yaml"
wait_text "SupportPlan · Peggy"
keys F8
check "F8 asks before submitting" wait_text "Submit for sign-off?"
keys y
check "the planner submits from the editor (F8, y)" wait_text "Submitted for sign-off."
keys Enter
check "a submitted plan cannot be edited" wait_text "! Submitted for sign-off: it cannot be changed. F8 withdraws it"
keys F8
check "F8 on a submitted plan offers to withdraw it" wait_text "Withdraw from sign-off?"
keys y
check "withdrawn, it is a draft again" wait_text "Withdrawn: a draft again (written in the log)."
keys Enter
check "and can be edited" wait_text "Type; Enter keeps it; Esc cancels."
keys Escape; sleep 0.5
keys F8; wait_text "Submit for sign-off?"; keys y
check "submitted again" wait_text "Submitted for sign-off."
keys F10
run "cd $ST && $BIN"
wait_text "SupportPlan · plans in"
keys v
check "the approver's queue lists the submitted plan, its id whole" wait_text "PW-2026-0117  £17,250.00"
keys Enter
check "the review is read-only and starts with the person" wait_text "Name: Margaret Whitfield (known as Peggy)"
# page_until TEXT: Space (next page) until TEXT is on the screen.
page_until() { for _ in $(seq 1 12); do wait_text "$1" 1 && return 0; keys Space; done; return 1; }
check "the review shows her risks" page_until "- Peggy wants to keep sleeping upstairs in her own bed"
check "her contingency" page_until "- Karen is away or ill → My neighbour Pat Hughes collects"
check "her words" page_until "In their words: I didn't want strangers in the house"
keys g
check "the reason for the budget change" page_until "Reason for the change: The teatime visit was added after her"
check "the budget change itself" wait_text "Budget change: £16,000.00 → £17,250.00 (up £1,250.00)."
check "what happened since submission" page_until "The plan has not changed since it was submitted"
keys r Down Enter
$T send-keys -t s -l "Say who pays for the key safe"; keys Enter
check "returning asks once more, in words" wait_text "Return this plan to the planner because: The costs are not clear"
keys y
check "the approver returns it with a reason" wait_text "Returned PW-2026-0117 to the planner (costs-unclear)."
keys q
run "$BIN edit $ST/plans/PW-2026-0117.yaml"
check "the planner sees the reason in words in the editor" wait_text "! Returned by $ME: The costs are not clear or cannot be"
keys 4; keys Down Down Down Down Down Down Enter
keys Down Down Down Enter C-a C-k
$T send-keys -t s -l "Handy Person Service, Age UK (the council pays)"; keys Enter
keys F8; wait_text "Submit for sign-off?"; keys y
check "the planner fixes it and submits again (saved first)" wait_text "Submitted for sign-off."
keys F10
run "cd $ST && $BIN"
wait_text "SupportPlan · plans in"
keys v Enter
wait_text "Name: Margaret Whitfield"
keys s
check "with one signer, signing asks no key name, only to confirm" wait_text "Sign off Peggy · PW-2026-0117 v1 as Ana Lopez"
keys Enter
check "the approver signs it off in the review screen" wait_text "Signed off PW-2026-0117 as Ana Lopez"
keys q
run "cd $ST && $BIN verify signed/PW-2026-0117-v1.yaml; echo verify=\$?"
check "supportplan verify accepts it, every claim checked" wait_text "verify=0"
check "and says what was signed and by whom" wait_text "verified: PW-2026-0117 version 1 signed off by Ana"
run "minisign -Vm $ST/signed/PW-2026-0117-v1.yaml -p $S/cfg/supportplan/keys/ana-lopez.pub; echo minisign=\$?"
check "stock minisign accepts the sign-off" wait_text "minisign=0"
run "minisign -Vm $ST/config.yaml -p $ST/owner.pub; echo config=\$?"
check "stock minisign accepts the signed config" wait_text "config=0"
check "the signed copy has the planner's fix" grep -q "the council pays" "$ST/signed/PW-2026-0117-v1.yaml"
run "cd $ST && $BIN log; echo log=\$?"
check "the audit log has submit, return, submit, sign, chain and anchor intact" wait_text "1 plan log, 6 entries; every chain intact and every sign-off anchored."
# A manager who has not pinned the owner's key cannot be fooled by the store's own say-so.
run "cd $ST && XDG_CONFIG_HOME=$S/nobody $BIN verify signed/PW-2026-0117-v1.yaml; echo verify=\$?"
check "without the owner pinned, verify refuses (exit 2) and says what to do" wait_text "verify=2"

# The plan list: n then F10 keeps no empty draft; Esc clears a filter already confirmed.
before=$(ls "$ST/plans" | wc -l)
run "cd $ST && $BIN"
wait_text "SupportPlan · plans in"
keys n; wait_text "New plan from a template"; keys Enter
wait_text "[1 About]"; keys F10
check "a new plan left untouched is not kept, and the list says so" wait_text "Nothing was written, so no new plan was kept."
check "no file was left in plans/" test "$(ls "$ST/plans" | wc -l)" = "$before"
keys /; $T send-keys -t s -l "zzz"; keys Enter
check "a confirmed filter shows no plan" wait_text "No plan matches the filter."
keys Escape
check "Esc clears it" wait_text "Showing every plan."
keys q

finish
