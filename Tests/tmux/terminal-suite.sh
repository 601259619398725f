#!/usr/bin/env bash
# The real binary in a real terminal emulator (tmux): resize, suspend and resume, SIGTERM,
# a crash, bracketed paste and NO_COLOR, plus the output-byte measurements. Every assertion
# waits (polls capture-pane until the expected text or flag appears, or times out); sleeps
# only pace the idle measurement, they never decide a result.
# Usage: Tests/tmux/terminal-suite.sh [path/to/supportplan]
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=$(realpath "${1:-.build/debug/supportplan}")
SOCK="sp-suite-$$"
T="tmux -L $SOCK"
. "$(dirname "$0")/lib.sh"
scratch_folder; work=$_scratch


# wait_gone TEXT: until the screen no longer shows TEXT.
wait_gone() {
  local deadline=$((SECONDS + ${2:-10}))
  while ((SECONDS < deadline)); do
    $T capture-pane -t s -p 2>/dev/null | grep -qF -- "$1" || return 0
    sleep 0.05
  done
  return 1
}

# A fresh interactive shell at 80×24, then the demo in it (so Ctrl-Z and fg work).
session=0
start() {
  $T kill-session -t s 2>/dev/null
  while $T has-session -t s 2>/dev/null; do sleep 0.05; done
  session=$((session + 1))
  $T -f /dev/null new-session -d -s s -x 80 -y 24 \
    "env -i HOME=$work PATH=/usr/bin:/bin LANG=C.UTF-8 TERM=xterm-256color PS1='$ ' \
     SWIFT_BACKTRACE=enable=yes,interactive=no,color=no bash --norc --noprofile -i"
  wait_text '$' 5
  $T send-keys -t s "$1" Enter
}
DEMO="$BIN terminal-demo --allow-test-crash"

echo "# terminal suite: $BIN"
start "$DEMO"
check "demo starts at 80×24 on the alternate screen" wait_text "SupportPlan · terminal check"
check "alternate screen is on" wait_flag '#{alternate_on}' 1
$T send-keys -t s 'Mary é 日本'
check "typed text, wide and combining, reaches the field" wait_text "> Name          Mary é 日本"
check "cursor sits after the typed text (screen readers follow it)" wait_flag '#{cursor_x},#{cursor_y}' '27,2'

$T resize-window -t s -x 40 -y 12
check "at 40×12 the screen says it is too small" wait_text "Terminal too small (need 80×24)"
$T resize-window -t s -x 80 -y 24
check "back at 80×24 the form is drawn again" wait_text "> Name          Mary é 日本"

$T send-keys -t s C-z
check "Ctrl-Z suspends to the shell" wait_text "Stopped"
check "the shell has the normal screen while suspended" wait_flag '#{alternate_on}' 0
$T send-keys -t s 'fg' Enter
check "fg repaints the form" wait_text "> Name          Mary é 日本"
check "fg restores the alternate screen" wait_flag '#{alternate_on}' 1

$T send-keys -t s C-u
printf 'pasted q text\nsecond line' | $T load-buffer -
$T paste-buffer -p -t s
check "bracketed paste arrives as one literal text (q does not quit, Enter does not submit)" \
  wait_text "> Name          pasted q text second line"
check "the paste was seen as a paste" wait_text "Pasted 25 characters as text."

# Bytes written for one typed character, and while idle, read from tmux's pipe of the pane.
$T pipe-pane -t s -o "cat >> $work/bytes"
sleep 0.3; : > "$work/bytes"
$T send-keys -t s 'x'
wait_text "second linex" 5
sleep 0.3
typed=$(stat -c %s "$work/bytes")
: > "$work/bytes"
sleep 5
idle=$(stat -c %s "$work/bytes")
$T pipe-pane -t s
echo "# bytes written for one typed character: $typed (target ≤ 32); during 5 idle seconds: $idle (target 0)"
check "one typed character writes at most 32 bytes ($typed)" test "$typed" -le 32
check "nothing is written while idle ($idle bytes in 5 s)" test "$idle" -eq 0

pid=$(pgrep -f "supportplan terminal-demo" | head -n 1)
kill -TERM "$pid"
check "after SIGTERM the shell is back" wait_text "Demo closed"
check "after SIGTERM the alternate screen is off" wait_flag '#{alternate_on}' 0
check "after SIGTERM the keypad mode is off" wait_flag '#{keypad_cursor_flag}' 0

$T send-keys -t s "clear; $DEMO" Enter
wait_text "SupportPlan · terminal check" 10
$T send-keys -t s C-c
check "Ctrl-C (SIGINT) stops the demo and restores the screen" wait_flag '#{alternate_on}' 0
check "after Ctrl-C the shell is back" wait_text "Demo closed"

$T send-keys -t s "clear; $DEMO" Enter
wait_text "SupportPlan · terminal check" 10
pid=$(pgrep -f "supportplan terminal-demo" | head -n 1)
kill -HUP "$pid"
check "SIGHUP restores the screen" wait_flag '#{alternate_on}' 0

$T send-keys -t s "clear; $DEMO" Enter
wait_text "SupportPlan · terminal check" 10
$T send-keys -t s F12
check "a crash prints its report after the screen is restored" wait_history "Fatal error: crash requested" 20
check "after a crash the alternate screen is off" wait_flag '#{alternate_on}' 0
check "after a crash the keypad mode is off" wait_flag '#{keypad_cursor_flag}' 0

colour() { $T capture-pane -t s -p -e | grep -F "over the" | grep -cE $'\e\\[[0-9;]*3[0-7]m|\e\\[[0-9;]*38;'; }
start "$DEMO"
wait_text "SupportPlan · terminal check"
$T send-keys -t s Tab '900'
wait_text "✗ over the £500.00 a week budget"
check "with colour, over budget is red as well as ✗ and bold" test "$(colour)" -ge 1
$T send-keys -t s C-q
wait_text "Demo closed"
$T send-keys -t s "clear; NO_COLOR=1 $DEMO" Enter
wait_text "SupportPlan · terminal check"
$T send-keys -t s Tab '900'
check "with NO_COLOR the ✗ marker still says over budget" wait_text "✗ over the £500.00 a week budget"
check "with NO_COLOR there is no colour" test "$(colour)" -eq 0
$T send-keys -t s F10
check "F10 quits and restores the screen" wait_flag '#{alternate_on}' 0

start "TERM=dumb $BIN terminal-demo"
check "TERM=dumb gives plain line mode" wait_text "in plain line mode (TERM is dumb)"
check "line mode never uses the alternate screen" wait_flag '#{alternate_on}' 0
$T send-keys -t s 'Mary' Enter '12.345' Enter
check "line mode explains a refused amount in words" wait_text "has more than two decimal places"
$T send-keys -t s '612.50' Enter '2' Enter
check "line mode finishes with a summary line" wait_text "Mary: Agency, £612.50 a week, over the £500.00 a week budget."

finish
