#!/usr/bin/env bash
# Starts pcscd (as root, in the foreground of a background job) with the vsmartcard-vpcd reader
# driver, waits until the virtual reader is listed, and tells the card tests so through the env
# file given as $1 (scripts/test.sh sources it). A pcscd that already runs is reused and left alone.
set -euo pipefail
envfile=${1:?usage: start-pcscd.sh ENV_FILE}
# Per build folder: several work trees may test at once; only the one that started pcscd stops it.
state=${MADOGUCHI_PCSCD_STATE:-${MADOGUCHI_BUILD_DIR:-/tmp}/pcscd-service}
mkdir -p "$state"

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

if [ ! -e /usr/lib/pcsc/drivers/serial/libifdvpcd.so ]; then
  echo "start-pcscd: vsmartcard-vpcd is not installed (scripts/install-deps.sh installs it)" >&2
  exit 1
fi

# /proc rather than pgrep: a minimal Debian has no procps.
pcscd_running() {
  local c
  for c in /proc/[0-9]*/comm; do [ "$(cat "$c" 2>/dev/null)" = pcscd ] && return 0; done
  return 1
}
reader_listed() { opensc-tool --list-readers 2>/dev/null | grep -q "Virtual PCD"; }

if pcscd_running; then
  echo "start-pcscd: pcscd already runs; reusing it"
else
  # pcscd refuses to start while a stale socket or pid file of a killed daemon is left behind.
  "${sudo_cmd[@]}" rm -f /run/pcscd/pcscd.comm /run/pcscd/pcscd.pid
  "${sudo_cmd[@]}" mkdir -p /run/pcscd
  "${sudo_cmd[@]}" nohup pcscd --foreground --error >"$state/pcscd.log" 2>&1 &
  echo $! >"$state/pcscd.pid"
  echo "started" >"$state/owner"
fi

for _ in $(seq 1 100); do
  reader_listed && break
  sleep 0.1
done
if ! reader_listed; then
  echo "start-pcscd: pcscd did not list the virtual reader within 10 s; its log:" >&2
  cat "$state/pcscd.log" >&2 2>/dev/null || true
  exit 1
fi

{
  echo "MADOGUCHI_PCSCD=1"
  echo "MADOGUCHI_VPCD_PORT=35963"
} >>"$envfile"
echo "start-pcscd: pcscd ready with the virtual reader (vpcd on 127.0.0.1:35963)"
