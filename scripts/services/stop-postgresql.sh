#!/usr/bin/env bash
# Stops the private test cluster started by start-postgresql.sh and removes its files.
set -uo pipefail
key=$(printf '%s' "${MADOGUCHI_BUILD_DIR:-default}" | md5sum | cut -c1-8)
state=${MADOGUCHI_PG_STATE:-/tmp/madoguchi-test-pg-$key}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -d "$state/data" ] || exit 0
if [ "$(id -u)" = 0 ]; then
  runuser -u postgres -- "$bindir/pg_ctl" -D "$state/data" -m fast -w stop >/dev/null 2>&1
else
  "$bindir/pg_ctl" -D "$state/data" -m fast -w stop >/dev/null 2>&1
fi
rm -rf "$state"
