#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for the tests: a fresh data directory, loopback only, a port
# of its own, so that it never touches a server the machine already runs. Appends
# MADOGUCHI_TEST_PG_URL (a superuser URL: the tests create a database per test) to the env file $1.
# Runs the server as the `postgres` user when started as root (PostgreSQL refuses to run as root).
set -euo pipefail
envfile=${1:?usage: start-postgresql.sh ENV_FILE}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bindir/initdb" ] || { echo "start-postgresql.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
# One cluster per build folder: several work trees on one machine can test at the same time.
key=$(printf '%s' "${MADOGUCHI_BUILD_DIR:-default}" | md5sum | cut -c1-8)
state=${MADOGUCHI_PG_STATE:-/tmp/madoguchi-test-pg-$key}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

"$(dirname "$0")/stop-postgresql.sh" >/dev/null 2>&1 || true
rm -rf "$state"
mkdir -p "$state"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$state"
# UTF-8 with C collation: byte order is code point order (the kana prefix range relies on it).
as_owner "$bindir/initdb" -D "$state/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --lc-collate=C >"$state/initdb.log" 2>&1 \
  || { cat "$state/initdb.log" >&2; exit 1; }
# The Madoguchi users' own database roles (members of the role named as their database:
# db/postgresql/user_roles.sql) log in with SCRAM passwords, as pg_hba.conf has it on a real
# server (docs/admin-guide.md); every other role as before (trust, loopback only). The superuser
# first: it is a member of itself, and so of "the role named as" its own database postgres.
as_owner sh -c "{ echo 'host all postgres 127.0.0.1/32 trust'; echo 'host samerole all 127.0.0.1/32 scram-sha-256'; cat '$state/data/pg_hba.conf'; } > '$state/data/pg_hba.new' && mv '$state/data/pg_hba.new' '$state/data/pg_hba.conf'"
# The first free port from 55432 on (another work tree's cluster may hold one).
port=${MADOGUCHI_TEST_PG_PORT:-55432}
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
  port=$((port + 1))
  [ "$port" -lt 55532 ] || { echo "start-postgresql.sh: no free port in 55432-55531" >&2; exit 1; }
done
# A test cluster: durability is not what is tested here, speed of CREATE DATABASE per test is.
as_owner "$bindir/pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$state -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$state/server.log" >&2; exit 1; }
echo "MADOGUCHI_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/postgres" >> "$envfile"
echo "MADOGUCHI_TEST_PG_BIN=$bindir" >> "$envfile"
echo "MADOGUCHI_TEST_PG_DATA=$state/data" >> "$envfile"
