#!/bin/bash
# Japanese first: every text the window passes through gettext has its Japanese in po/ja.po (none
# untranslated, none fuzzy), and po/madoguchi.pot lists exactly the texts the sources have.
# After changing a text: `ninja madoguchi_pot`, then translate what msgfmt reports in ja.po.
set -euo pipefail
src=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bash "$src/po/extract-messages.sh" "$tmp/now.pot"
fail=0
# Both ways: texts added to the sources, and texts the sources no longer have.
added=0 gone=0
msgcmp --use-untranslated "$src/po/madoguchi.pot" "$tmp/now.pot" 2>"$tmp/added" || added=1
msgcmp --use-untranslated "$tmp/now.pot" "$src/po/madoguchi.pot" 2>"$tmp/gone" || gone=1
if ((added || gone)); then
  echo "po/madoguchi.pot is behind the sources (run: ninja madoguchi_pot):"
  cat "$tmp/added" "$tmp/gone"
  fail=1
fi
msgmerge --quiet --output-file="$tmp/ja.po" "$src/po/ja.po" "$tmp/now.pot"
stats=$(LC_ALL=C msgfmt --statistics --output-file=/dev/null "$tmp/ja.po" 2>&1)
echo "ja.po against the sources: $stats"
if grep -Eq 'fuzzy|untranslated' <<<"$stats"; then
  echo "texts without their Japanese (the first entry printed is the catalog's header):"
  msgattrib --only-fuzzy --no-location "$tmp/ja.po"
  msgattrib --untranslated --no-location "$tmp/ja.po"
  fail=1
fi
exit $fail
