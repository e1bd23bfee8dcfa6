#!/usr/bin/env bash
# Installs what is needed, builds, starts the services the tests use (pcscd with the virtual
# reader, PostgreSQL on loopback, an X server), and runs every test through ctest.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${MADOGUCHI_BUILD_DIR:-$top/build}
export MADOGUCHI_BUILD_DIR=$build
"$top/scripts/install-deps.sh"
"$top/scripts/build.sh"

cleanup() { for s in "$top"/scripts/services/stop-*.sh; do [ -x "$s" ] && "$s" || true; done; }
trap cleanup EXIT
# Each service the tests need has a start script that exports what the tests must know into
# $build/test-services.env (sourced below).
: > "$build/test-services.env"
for s in "$top"/scripts/services/start-*.sh; do
  [ -x "$s" ] && "$s" "$build/test-services.env"
done
set -a
. "$build/test-services.env"
set +a

export TZ=${TZ:-Asia/Tokyo}
cd "$build"
# The window tests share one X display and its keyboard focus: under a parallel run beside the
# heavy tests (the .deb build, the crash test) a dialog could miss its focus, so they run on
# their own, one at a time, after everything else.
status=0
ctest --output-on-failure --timeout 600 -j "$(nproc)" -E '^WindowTest\.' "$@" || status=$?
ctest --output-on-failure --timeout 600 -j 1 -R '^WindowTest\.' "$@" || status=$?
exit $status
