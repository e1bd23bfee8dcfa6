#!/usr/bin/env bash
# Stops the pcscd that start-pcscd.sh started (only that one: a daemon found running is left alone).
set -uo pipefail
# Per build folder: several work trees may test at once; only the one that started pcscd stops it.
state=${MADOGUCHI_PCSCD_STATE:-${MADOGUCHI_BUILD_DIR:-/tmp}/pcscd-service}
[ -f "$state/owner" ] || exit 0
pid=$(cat "$state/pcscd.pid" 2>/dev/null || true)
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
if [ -n "$pid" ]; then
  # As root, $pid is pcscd itself (nohup execs it); through sudo it is sudo, which passes the
  # signal on to pcscd.
  "${sudo_cmd[@]}" kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
fi
rm -f "$state/owner" "$state/pcscd.pid"
