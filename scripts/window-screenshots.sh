#!/usr/bin/env bash
# What a clerk sees on the screens issue #17 names — the counter laptop's 1366x768, a 1920x1080
# screen, and 1920x1080 at 150 % (GDK_DPI_SCALE=1.5: text and what is sized from it grow, as
# with the desktop's large-text setting) — taken by the window tests that take screenshots, each
# on an Xvfb of that size, into $build/screenshots/<screen>/, with the two-procedure handout as
# PNG pages (pdftoppm). The card tests need pcscd (scripts/services/start-pcscd.sh; MADOGUCHI_PCSCD=1).
# Usage: scripts/window-screenshots.sh [GTEST_FILTER]   (after scripts/build.sh)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${MADOGUCHI_BUILD_DIR:-$top/build}
filter=${1:-'*TheMainWindowShowsItsActions*:*ACardNeedingTwoProcedures*:*TheCallKeys*:*AVisitOfTwoProcedures*'}
export TZ=${TZ:-Asia/Tokyo}

shoot() { # NAME SCREEN DPI_SCALE
  local name=$1 screen=$2 scale=$3 state out
  state=$(mktemp -d)
  out=$build/screenshots/$name
  rm -rf "$out" && mkdir -p "$out"
  MADOGUCHI_BUILD_DIR=$state MADOGUCHI_XVFB_SCREEN=$screen "$top/scripts/services/start-xvfb.sh" "$state/env" >/dev/null
  local display
  display=$(sed -n 's/^DISPLAY=//p' "$state/env")
  local status=0
  DISPLAY=$display GDK_DPI_SCALE=$scale MADOGUCHI_SCREENSHOT_DIR=$out \
    "$build/tests/gui/gui_window_test" --gtest_filter="$filter" >"$out/test.log" 2>&1 || status=$?
  kill "$(cat "$state/xvfb/xvfb.pid")" 2>/dev/null || true
  rm -rf "$state"
  if [ -f "$out/handout-two-procedures.pdf" ]; then
    pdftoppm -png -r 60 "$out/handout-two-procedures.pdf" "$out/handout-two-procedures"
  fi
  echo "$name: $(ls "$out"/*.png 2>/dev/null | wc -l) pictures in $out (tests: exit $status, log $out/test.log)"
  return $status
}

status=0
shoot 1366x768 1366x768x24 1 || status=1
shoot 1920x1080 1920x1080x24 1 || status=1
shoot 1920x1080-150 1920x1080x24 1.5 || status=1
exit $status
