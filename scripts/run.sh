#!/usr/bin/env bash
# Installs what is needed, builds, and starts the counter window on the embedded SQLite case book
# in the user's data directory (~/.local/share/madoguchi/madoguchi.db).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/install-deps.sh"
"$top/scripts/build.sh"
exec "${MADOGUCHI_BUILD_DIR:-$top/build}/app/gui/madoguchi" "$@"
