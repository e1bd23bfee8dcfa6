#!/usr/bin/env bash
# Stops the private test cluster started by start-postgresql.sh and removes its files.
set -uo pipefail
state=${MADOGUCHI_PG_STATE:-/tmp/madoguchi-test-pg}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -d "$state/data" ] || exit 0
if [ "$(id -u)" = 0 ]; then
  runuser -u postgres -- "$bindir/pg_ctl" -D "$state/data" -m fast -w stop >/dev/null 2>&1
else
  "$bindir/pg_ctl" -D "$state/data" -m fast -w stop >/dev/null 2>&1
fi
rm -rf "$state"
