#!/bin/bash
# Writes the window's message template (every text passed through _() or tr()) to $1.
# Run from anywhere; `ninja madoguchi_pot` runs it for po/madoguchi.pot, and
# tests/gui/catalog_test.sh runs it to see that the catalogs are current.
set -euo pipefail
out=$(realpath -m "$1")
cd "$(dirname "$0")/.."
xgettext --from-code=UTF-8 --language=C++ --keyword=_ --keyword=tr --add-comments=TRANSLATORS \
  --package-name=madoguchi --sort-by-file --output="$out" app/gui/*.cpp app/gui/presenters/*.cpp
