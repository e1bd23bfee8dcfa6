#!/usr/bin/env bash
# Checks that every C++ file git tracks is formatted with the committed .clang-format (the tree was
# formatted once with clang-format 14, Debian 12's). Lists the files that are not, with the fix.
# scripts/test.sh (and so CI) runs it first.
#
# usage: scripts/check-format.sh [FILE...]   (default: every tracked *.cpp and *.hpp)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
command -v clang-format >/dev/null || { echo "check-format: clang-format is not installed (scripts/install-deps.sh)" >&2; exit 2; }
if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
fi
# A tracked name with a control character or blank in it is a test's output committed by mistake
# (the bad-input corpus once wrote "\t" and an escape sequence into the folder it started in).
odd=$(git ls-files -z | LC_ALL=C grep -zE '[[:cntrl:]]|(^|/) | $' | tr '\0' '\n' | cat -A || true)
if [ -n "$odd" ]; then
  echo "check-format: tracked files with control characters or blanks in their names (remove them):" >&2
  echo "$odd" | sed 's/^/  /' >&2
  exit 1
fi
[ ${#files[@]} -gt 0 ] || { echo "check-format: no files"; exit 0; }
# One run over all files; it names each file that would change ("FILE:LINE:COL: error: ...").
mapfile -t unformatted < <(clang-format --dry-run --Werror "${files[@]}" 2>&1 |
  sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
if [ ${#unformatted[@]} -gt 0 ]; then
  echo "check-format: ${#unformatted[@]} file(s) not formatted with .clang-format:" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  echo "fix with: clang-format -i ${unformatted[*]}" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
