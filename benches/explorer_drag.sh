#!/usr/bin/env bash
# Frame times of the explorer while a drag pans the view: a 1920x1080 window under Xvfb,
# GRADFIELD_FRAME_LOG=1, an xdotool drag of 2 pixels every 30 ms for 4 s while the preset's
# path animates. Prints the frame log's one-second means taken during the drag.
#   benches/explorer_drag.sh [BINARY [EXPLORE ARGS…]]
#   (defaults: target/release/gradfield --preset bowl), e.g. … target/release/gradfield --preset rosenbrock
set -euo pipefail
bin=${1:-target/release/gradfield}
shift || true
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--preset bowl)
log=$(mktemp)
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -f "$log"' EXIT
sleep 1
DISPLAY=$display GRADFIELD_FRAME_LOG=1 "$bin" explore "${args[@]}" --window 1920x1080 \
    --frames 100000 2>"$log" &
app=$!
sleep 4
export DISPLAY=$display
win=$(xdotool search --sync --pid "$app" | head -1)
xdotool windowfocus --sync "$win" 2>/dev/null || true
# The canvas's centre: right of the panel, below the title.
xdotool mousemove --window "$win" 1200 540 mousedown 1
: >"$log.mark"
start=$(wc -l <"$log")
for _ in $(seq 133); do
    xdotool mousemove_relative -- 2 0
    sleep 0.03
done
end=$(wc -l <"$log")
xdotool mouseup 1
sleep 0.5
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
rm -f "$log.mark"
sed -n "$((start + 1)),${end}p" "$log"
