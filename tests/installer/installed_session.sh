#!/usr/bin/env bash
# A short session with the installed Madoguchi: only the programs in /usr/bin, run from a folder
# that is not the source tree, with a home of their own and no hint where the data is. Run by
# deb_install_test.sh after `apt-get install`, and inside a fresh Debian 12 by
# installer/check-clean-debian.sh. Needs python3 (JSON); desktop-file-validate, man and Xvfb are
# used when present.
#
# usage: installed_session.sh VERSION BUILD_GUI(ON|OFF)
set -euo pipefail
version=$1
gui=${2:-ON}

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

work=$(mktemp -d /tmp/madoguchi-session.XXXXXX)
xvfb_pid=
gui_pid=
rules_moved=false
cleanup() {
  [ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  if $rules_moved; then mv "$work/rules-moved" /usr/share/madoguchi/rules; fi
  rm -rf "$work"
}
trap cleanup EXIT

cd "$work"
unset MADOGUCHI_DATA_DIR XDG_DATA_HOME
export HOME=$work/home LANG=C.UTF-8 TZ=Asia/Tokyo
mkdir -p "$HOME"
cli=/usr/bin/madoguchi-cli
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

step "madoguchi-cli --version"
$cli --version | tee "$work/version.txt"
head -1 "$work/version.txt" | grep -qx "madoguchi-cli $version" || fail "--version does not start with madoguchi-cli $version"
for lib in Boost SQLite ICU; do grep -q "^  $lib " "$work/version.txt" || fail "--version does not name $lib"; done
[ "$($cli --version --json | json 'd["libraries"]["SQLite"]')" = "$(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)')" ] ||
  fail "--version --json names another SQLite than the system's"

step "a case, from the installed program"
# Every case book has users: the first run creates the admin, who then acts through the environment.
echo admin-pass-1 | $cli --db "$work/book.db" user init-admin --name admin >/dev/null
echo admin-pass-1 | $cli user init-admin --name admin >/dev/null
export MADOGUCHI_USER=admin MADOGUCHI_PASSWORD=admin-pass-1
$cli --db "$work/book.db" case add --procedure reissue --name '山田 太郎' --kana 'ヤマダ タロウ' \
  --birth 1970-05-20 --json >"$work/add.json"
id=$(json 'd["id"]' <"$work/add.json")
[ "$(json 'd["name"]' <"$work/add.json")" = '山田 太郎' ] || fail "case add did not keep the name"
[ "$($cli --db "$work/book.db" case list --search やまだ --json | json 'len(d)')" = 1 ] ||
  fail "case list --search やまだ does not find the case"
$cli --db "$work/book.db" case status "$id" in-progress >/dev/null
[ "$($cli --db "$work/book.db" case show "$id" --json | json 'd["status"]')" = in-progress ] ||
  fail "case status did not move the case to in-progress"
[ "$($cli --db "$work/book.db" db check --json | json 'd["ok"]')" = True ] || fail "db check"
# Without --db: the case book in the user's data directory, private to the user.
$cli case add --procedure pin-reset --name 'Smith John' --kana 'スミス ジョン' --birth 1985-01-31 >/dev/null
[ "$(stat -c %a "$HOME/.local/share/madoguchi/madoguchi.db")" = 600 ] || fail "the default case book is not mode 0600"
set +e
$cli --db "$work/book.db" case add --procedure reissue --name x --kana x --birth 1970-02-30 2>"$work/err.txt"
rc=$?
set -e
[ $rc -eq 2 ] && [ "$(wc -l <"$work/err.txt")" -eq 1 ] || fail "an impossible date gives exit $rc, not 2 with one line"

step "deadlines"
[ "$($cli deadlines --birth 1990-04-01 --issued 2024-06-10 --today 2026-11-29 --json | json 'd["card_expiry"]')" = 2034-04-01 ] ||
  fail "deadlines: the card issued 2024-06-10 to an adult born 1990-04-01 expires on 2034-04-01"

step "documents (the rules data from /usr/share/madoguchi)"
[ -f /usr/share/madoguchi/rules/documents.json ] || fail "/usr/share/madoguchi/rules is not installed"
$cli documents --procedure reissue --applicant principal --today 2026-11-29 --json >"$work/documents.json" ||
  fail "documents from the installed data"
# A reissue costs the card (800 yen) and its certificates (200 yen).
[ "$(json 'd["procedure"], d["total_yen"], len(d["documents"]) > 0' <"$work/documents.json")" = 'reissue 1000 True' ] ||
  fail "documents --procedure reissue: $(head -c 400 "$work/documents.json")"
# The data really comes from the installed folder: without it the command refuses.
mv /usr/share/madoguchi/rules "$work/rules-moved"
rules_moved=true
set +e
$cli documents --procedure reissue --today 2026-11-29 >/dev/null 2>"$work/err.txt"
rc=$?
set -e
mv "$work/rules-moved" /usr/share/madoguchi/rules
rules_moved=false
[ $rc -ne 0 ] || fail "documents answered with /usr/share/madoguchi/rules moved away: it reads data from elsewhere"

step "checklist and daily report (PDFs with the font of fonts-ipaexfont-gothic)"
$cli --db "$work/book.db" checklist --case "$id" --lang ja --date 2026-11-29 --pdf "$work/handout.pdf" --json \
  >"$work/checklist.json" || fail "checklist from the installed program"
[ "$(json 'd["pages"] >= 1' <"$work/checklist.json")" = True ] || fail "checklist: $(cat "$work/checklist.json")"
[ "$(head -c 5 "$work/handout.pdf")" = %PDF- ] || fail "the handout is not a PDF"
if command -v pdftotext >/dev/null; then
  # Into a file first: under pipefail, `pdftotext … | grep -q` fails whenever grep finds the name
  # before pdftotext has written the rest (SIGPIPE), which made this check fail at random in CI.
  pdftotext "$work/handout.pdf" "$work/handout.txt" 2>/dev/null || fail "pdftotext cannot read the handout"
  grep -q '山田 太郎' "$work/handout.txt" || fail "the handout does not name the resident"
fi
$cli --db "$work/book.db" report daily --pdf "$work/daily.pdf" --csv "$work/daily.csv" --json >"$work/daily.json" ||
  fail "report daily from the installed program"
[ "$(json 'd["total"]' <"$work/daily.json")" = 1 ] || fail "report daily: $(head -c 400 "$work/daily.json")"
[ "$(head -c 5 "$work/daily.pdf")" = %PDF- ] || fail "the daily report is not a PDF"
grep -q '山田 太郎' "$work/daily.csv" || fail "the day's CSV does not list the case"

step "man page, desktop entry, icons"
zcat /usr/share/man/man1/madoguchi-cli.1.gz >"$work/man.roff"
grep -q "Madoguchi $version" "$work/man.roff" || fail "the man page does not carry the version"
if command -v man >/dev/null; then
  MANWIDTH=80 man madoguchi-cli >"$work/man.txt" 2>/dev/null || true
  grep -q "case add" "$work/man.txt" || fail "man madoguchi-cli does not show the page"
fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate /usr/share/applications/madoguchi.desktop || fail "the desktop entry does not validate"
fi
grep -qx 'Name\[ja\]=窓口' /usr/share/applications/madoguchi.desktop || fail "the desktop entry has no Japanese name"
python3 - <<'EOF' || fail "an icon has the wrong size"
import struct
for size in (16, 22, 24, 32, 48, 64, 128, 256):
    with open(f"/usr/share/icons/hicolor/{size}x{size}/apps/madoguchi.png", "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", size
    assert struct.unpack(">II", head[16:24]) == (size, size), (size, struct.unpack(">II", head[16:24]))
EOF

if [ "$gui" = ON ]; then
  step "madoguchi --version (no display)"
  env -u DISPLAY -u WAYLAND_DISPLAY /usr/bin/madoguchi --version | tee "$work/gui-version.txt"
  head -1 "$work/gui-version.txt" | grep -qx "madoguchi $version" || fail "madoguchi --version"
  grep -q '^  wxWidgets ' "$work/gui-version.txt" || fail "madoguchi --version does not name wxWidgets"

  if command -v Xvfb >/dev/null; then
    step "the installed window starts (Xvfb)"
    Xvfb -displayfd 3 -nolisten tcp -screen 0 1280x1024x24 3>"$work/display" 2>"$work/xvfb.log" &
    xvfb_pid=$!
    for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
    [ -s "$work/display" ] || fail "Xvfb did not start"
    DISPLAY=:$(cat "$work/display") /usr/bin/madoguchi --db "$work/gui.db" >"$work/gui.log" 2>&1 &
    gui_pid=$!
    sleep 5
    kill -0 "$gui_pid" 2>/dev/null || { cat "$work/gui.log"; fail "the installed window exited at start"; }
    [ -f "$work/gui.db" ] || fail "the installed window did not open its case book"
    kill "$gui_pid"; wait "$gui_pid" 2>/dev/null || true; gui_pid=
    kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true; xvfb_pid=
  fi
fi

echo "the installed programs work"
