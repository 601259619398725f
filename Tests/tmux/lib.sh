# Shared by the tmux suites: results, and assertions that wait (poll capture-pane until the
# expected text or flag appears, or time out). Set T (the tmux command) before sourcing.
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   - $1"; }
bad() { fail=$((fail + 1)); echo "FAIL - $1"; $T capture-pane -t s -p 2>/dev/null | sed 's/^/     | /'; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
keys() { $T send-keys -t s "$@"; sleep 0.15; }

# scratch_folder: makes a temporary folder, in $_scratch, that goes when the suite ends. Killing the
# server hangs up the programs in it, and the editor then writes its recovery file, so the
# removal is retried for a moment rather than racing that last write.
scratch_folder() {
  _scratch=$(mktemp -d)
  trap 'remove_scratch' EXIT
}
remove_scratch() {
  $T kill-server >/dev/null 2>&1
  for _ in 1 2 3 4 5 6 7 8 9 10; do rm -rf "$_scratch" 2>/dev/null && return 0; sleep 0.1; done
  rm -rf "$_scratch"
}

# wait_text TEXT [SECONDS]: until the screen shows TEXT.
wait_text() {
  local deadline=$((SECONDS + ${2:-10}))
  while ((SECONDS < deadline)); do
    $T capture-pane -t s -p 2>/dev/null | grep -qF -- "$1" && return 0
    sleep 0.05
  done
  return 1
}
# wait_history TEXT [SECONDS]: until the screen or its scrollback shows TEXT.
wait_history() {
  local deadline=$((SECONDS + ${2:-10}))
  while ((SECONDS < deadline)); do
    $T capture-pane -t s -p -S - 2>/dev/null | grep -qF -- "$1" && return 0
    sleep 0.05
  done
  return 1
}
# wait_flag FORMAT VALUE [SECONDS]: until tmux reports FORMAT (e.g. #{alternate_on}) as VALUE.
wait_flag() {
  local deadline=$((SECONDS + ${3:-10}))
  while ((SECONDS < deadline)); do
    [ "$($T display -t s -p "$1")" = "$2" ] && return 0
    sleep 0.05
  done
  return 1
}
finish() { echo "tmux: $pass passed, $fail failed"; [ "$fail" -eq 0 ]; }
