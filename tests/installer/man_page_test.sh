#!/usr/bin/env bash
# The man page against the program: groff reads it without a warning, and every command and
# every action that `madoguchi-cli` has is described in it (a command added without its page fails
# here; add it to installer/madoguchi-cli.1).
#
# usage: man_page_test.sh MADOGUCHI_CLI MAN_PAGE
set -euo pipefail
cli=$1
page=$2
status=0

warnings=$(groff -k -man -ww -Tutf8 -z "$page" 2>&1)
if [ -n "$warnings" ]; then
  echo "FAIL: groff warns about $page:"; echo "$warnings"; status=1
fi

# Commands and actions as madoguchi-cli's --help texts list them (tests/cli/cli_surface.sh).
surface=$(bash "$(dirname "$0")/../cli/cli_surface.sh" "$cli")
commands=$(sed -n 's/^command //p' <<<"$surface")
[ -n "$commands" ] || { echo "FAIL: no commands in madoguchi-cli --help"; exit 1; }
for c in $commands; do
  if ! grep -q "^\.SS $c " "$page"; then
    echo "FAIL: the man page has no section for the command \"$c\" (.SS $c — ...)"; status=1; continue
  fi
  actions=$(sed -n "s/^action $c //p" <<<"$surface")
  for a in $actions; do
    grep -q "^\.B $c $a\b" "$page" || { echo "FAIL: the man page does not describe \"$c $a\" (.B $c $a ...)"; status=1; }
  done
  echo "$c: ${actions:-(no actions)}" | tr '\n' ' '; echo
done

# And nothing the program does not have.
for c in $(sed -n 's/^\.SS \([a-z-]*\) .*/\1/p' "$page"); do
  grep -qx "$c" <<<"$commands" || { echo "FAIL: the man page describes \"$c\", which madoguchi-cli does not have"; status=1; }
done
exit $status
