#!/usr/bin/env bash
# clang-tidy with the project's checks (.clang-tidy: the ones that found real bugs here) on the C++
# files changed against a base (default: main), or on the files given. Needs a configured build
# folder for compile_commands.json (scripts/build.sh makes one). A finding is an error: fix it, or,
# for a false alarm, say why on the line with `// NOLINT(check-name): reason`.
#
# usage: scripts/tidy.sh [--base REV] [FILE...]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${MADOGUCHI_BUILD_DIR:-$top/build}
base=main
if [ "${1:-}" = "--base" ]; then base=$2; shift 2; fi
cd "$top"
command -v clang-tidy >/dev/null || { echo "tidy: clang-tidy is not installed (scripts/install-deps.sh)" >&2; exit 2; }
[ -f "$build/compile_commands.json" ] || { echo "tidy: no $build/compile_commands.json: run scripts/build.sh first" >&2; exit 2; }
if [ $# -gt 0 ]; then
  files=("$@")
else
  # Changed since the branch left the base, and changed in the work tree; sources only (a header
  # is checked through the sources that include it).
  mapfile -t files < <({ git diff --name-only --diff-filter=AMR "$base"...HEAD; git diff --name-only --diff-filter=AMR HEAD;
                         git ls-files --others --exclude-standard; } | grep -E '\.cpp$' | sort -u)
fi
checked=()
for f in "${files[@]}"; do
  [ -f "$f" ] && grep -q "\"file\": \"$top/$f\"" "$build/compile_commands.json" && checked+=("$f")
done
[ ${#checked[@]} -gt 0 ] || { echo "tidy: no changed C++ source to check"; exit 0; }
echo "tidy: ${#checked[@]} file(s)"
printf '%s\n' "${checked[@]}" | xargs -P "$(nproc)" -n 1 clang-tidy -p "$build" --quiet --warnings-as-errors='*' \
  --extra-arg=-Wno-unknown-warning-option # GCC's -Wshadow=local is not clang's
