#!/usr/bin/env bash
# Starts an X server for the window tests on the first free display from :90 and appends
# DISPLAY=… to the env file given as $1 (scripts/test.sh sources it). stop-xvfb.sh ends it.
# MADOGUCHI_XVFB_SCREEN (WxHxDEPTH, default 1280x800x24) sets the screen: the screenshots at
# 1366x768 and 1920x1080 (docs/benchmarks.md, tests/gui) use it.
set -euo pipefail
envfile=${1:?usage: start-xvfb.sh ENVFILE}
state=${MADOGUCHI_BUILD_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/build}/xvfb
mkdir -p "$state"
for n in $(seq 90 140); do
  # A display is taken when its lock file or socket exists.
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
  Xvfb ":$n" -screen 0 "${MADOGUCHI_XVFB_SCREEN:-1280x800x24}" -nolisten tcp -noreset >"$state/xvfb.log" 2>&1 &
  pid=$!
  for _ in $(seq 50); do
    [ -e "/tmp/.X11-unix/X$n" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null && [ -e "/tmp/.X11-unix/X$n" ]; then
    echo "$pid" >"$state/xvfb.pid"
    echo "DISPLAY=:$n" >>"$envfile"
    echo "Xvfb on :$n (pid $pid)"
    exit 0
  fi
done
echo "start-xvfb.sh: no free display between :90 and :140 (see $state/xvfb.log)" >&2
exit 1
