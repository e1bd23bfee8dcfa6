#!/usr/bin/env bash
# docs/cli.md against the program: every global option, command, action, option and exit code
# that madoguchi-cli's --help texts list is documented there, and cli.md documents nothing the
# program does not have. A command or option added without its line in cli.md fails here.
#
# cli.md's shape, read below: "## Global options" and "## Exit codes" with a table each (first
# column `--name …` or the code); "### `command`" or "### `command action`" per command, with an
# options table whose first column starts with `--name`.
#
# usage: cli_doc_test.sh MADOGUCHI_CLI DOCS_CLI_MD
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cli=$1
doc=$2

program=$(bash "$here/cli_surface.sh" "$cli" | sort -u)
[ -n "$program" ] || { echo "FAIL: madoguchi-cli --help lists nothing"; exit 1; }

documented=$(awk '
  /^## / { section = $0; heading = ""; next }
  /^### `/ {
    match($0, /`[^`]+`/); heading = substr($0, RSTART + 1, RLENGTH - 2)
    n = split(heading, w, " ")
    print "command " w[1]
    if (n > 1) print "action " heading
    next
  }
  /^\| `--/ {
    match($0, /--[a-z-]+/); opt = substr($0, RSTART, RLENGTH)
    if (section == "## Global options") print "global " opt
    else if (heading != "") print "option " heading " " opt
    next
  }
  section == "## Exit codes" && /^\| [0-9]+ \|/ { split($0, f, "|"); gsub(/ /, "", f[2]); print "exit " f[2] }
' "$doc" | sort -u)

status=0
missing=$(comm -23 <(echo "$program") <(echo "$documented"))
extra=$(comm -13 <(echo "$program") <(echo "$documented"))
if [ -n "$missing" ]; then
  echo "FAIL: in madoguchi-cli --help but not in $doc:"; sed 's/^/  /' <<<"$missing"; status=1
fi
if [ -n "$extra" ]; then
  echo "FAIL: in $doc but not in madoguchi-cli --help:"; sed 's/^/  /' <<<"$extra"; status=1
fi
[ $status = 0 ] && echo "ok: $(wc -l <<<"$program") commands, actions, options and exit codes documented"
exit $status
