#!/usr/bin/env bash
# Ends the X server that start-xvfb.sh started (by its recorded pid, nothing else).
set -euo pipefail
state=${MADOGUCHI_BUILD_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/build}/xvfb
[ -f "$state/xvfb.pid" ] || exit 0
pid=$(cat "$state/xvfb.pid")
kill "$pid" 2>/dev/null || true
rm -f "$state/xvfb.pid"
