#!/usr/bin/env bash
# The .deb, end to end: configure a build for /usr, make the package with cpack, check what it
# holds and depends on, install it with apt-get as a user would, use the installed programs from
# a folder outside the source tree (installed_session.sh: the data must come from
# /usr/share/madoguchi), then remove it and check that it is gone.
#
# usage: deb_install_test.sh SOURCE_DIR PACKAGE_BUILD_DIR BUILD_GUI(ON|OFF)
#
# It installs a system package, so it runs as root and only where asked: in CI (CI=true) or with
# MADOGUCHI_INSTALL_TEST=1. Elsewhere it exits 77, which ctest reports as skipped.
set -euo pipefail

src=$1
pkgbuild=$2
gui=${3:-ON}

if [ "${CI:-}" != true ] && [ "${MADOGUCHI_INSTALL_TEST:-}" != 1 ]; then
  echo "skipped: installs a system package; runs in CI or with MADOGUCHI_INSTALL_TEST=1"
  exit 77
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "skipped: apt-get install needs root"
  exit 77
fi

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

# Several checkouts on one machine may run this at once; they share /usr, so one at a time.
exec 9>/var/lock/madoguchi-deb-install-test.lock
flock -w 3000 9 || fail "another run of this test holds /var/lock/madoguchi-deb-install-test.lock"

work=$(mktemp -d /tmp/madoguchi-deb-test.XXXXXX)
chmod 755 "$work" # apt's _apt user reads the .deb from here
installed_by_us=false
cleanup() {
  if $installed_by_us && dpkg-query -W -f='${Status}' madoguchi 2>/dev/null | grep -q "ok installed"; then
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq -o DPkg::Lock::Timeout=600 madoguchi >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

step "building the package (prefix /usr) in $pkgbuild"
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR=$src CCACHE_NOHASHDIR=true
fi
cmake -S "$src" -B "$pkgbuild" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr \
  -DMADOGUCHI_BUILD_TESTS=OFF -DMADOGUCHI_BUILD_BENCH=OFF -DMADOGUCHI_BUILD_GUI="$gui" "${launcher[@]}" >/dev/null
cmake --build "$pkgbuild" --parallel "$(nproc)" >"$work/build.log" 2>&1 || { tail -50 "$work/build.log"; fail "package build"; }
(cd "$pkgbuild" && cpack -G DEB -B "$work/out") >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack"; }
shopt -s nullglob
debs=("$work"/out/madoguchi_*.deb)
[ ${#debs[@]} -eq 1 ] || fail "expected one madoguchi_*.deb, found: ${debs[*]:-none}"
deb=${debs[0]}
version=$(sed -n 's/^project(madoguchi VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
[ -n "$version" ] || fail "cannot read the project version from CMakeLists.txt"
echo "$deb"

step "what the package holds"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents"
# The programs, their data, the desktop integration, the man page, the translations; no tests,
# no benchmarks, nothing outside these places.
bad=$(grep -v -E '^/(usr/?|usr/bin/?|usr/share/?)$|^/usr/bin/(madoguchi|madoguchi-cli|madoguchi-display)$|^/usr/share/(madoguchi|applications|icons|man|locale|doc)(/|$)' "$work/contents" || true)
[ -z "$bad" ] || fail "unexpected files in the package: $bad"
for f in /usr/bin/madoguchi-cli /usr/bin/madoguchi-display /usr/share/applications/madoguchi.desktop \
         /usr/share/icons/hicolor/scalable/apps/madoguchi.svg /usr/share/man/man1/madoguchi-cli.1.gz; do
  grep -qx "$f" "$work/contents" || fail "$f is not in the package"
done
for size in 16 22 24 32 48 64 128 256; do
  grep -qx "/usr/share/icons/hicolor/${size}x${size}/apps/madoguchi.png" "$work/contents" ||
    fail "the ${size}x${size} icon is not in the package"
done
if [ "$gui" = ON ]; then
  grep -qx /usr/bin/madoguchi "$work/contents" || fail "/usr/bin/madoguchi is not in the package"
fi
# The translations and the rules data are in the package once they are in the tree.
for po in "$src"/po/*.po; do
  lang=$(basename "$po" .po)
  grep -qx "/usr/share/locale/$lang/LC_MESSAGES/madoguchi.mo" "$work/contents" ||
    fail "the $lang translation is not in the package"
done
if [ -d "$src/data" ]; then
  (cd "$src/data" && find . -type f | sed 's|^\.|/usr/share/madoguchi|') | while read -r f; do
    grep -qxF "$f" "$work/contents" || fail "data file $f is not in the package"
  done
fi

step "what it depends on"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for d in fonts-ipaexfont-gothic pcscd libc6 libstdc++6 libsqlite3-0 libicu libhpdf libpcsclite1 libpq; do
  grep -q "$d" <<<"$depends" || fail "Depends lacks $d"
done
if [ "$gui" = ON ]; then grep -q libwxgtk3.2 <<<"$depends" || fail "Depends lacks libwxgtk3.2"; fi

step "apt-get install $deb"
installed_by_us=true
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "$deb" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log"; fail "apt-get install"; }
dpkg-query -W -f='${Status} ${Version}\n' madoguchi | grep -q "install ok installed $version" ||
  fail "dpkg does not list madoguchi $version as installed"

step "the installed programs"
bash "$(dirname "$0")/installed_session.sh" "$version" "$gui"

# The hall display's server runs from /usr too (it answers --help without a case book).
/usr/bin/madoguchi-display --help >/dev/null || fail "the installed madoguchi-display does not run"

step "translations"
# The installed catalogs say what the source catalogs say.
for po in "$src"/po/*.po; do
  lang=$(basename "$po" .po)
  diff <(msgfmt -o - "$po" | msgunfmt) <(msgunfmt "/usr/share/locale/$lang/LC_MESSAGES/madoguchi.mo") >/dev/null ||
    fail "the installed $lang catalog differs from po/$lang.po"
done

step "apt-get remove madoguchi"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq -o DPkg::Lock::Timeout=600 madoguchi >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log"; fail "apt-get remove"; }
installed_by_us=false
for f in /usr/bin/madoguchi-cli /usr/bin/madoguchi /usr/bin/madoguchi-display /usr/share/madoguchi /usr/share/applications/madoguchi.desktop \
         /usr/share/man/man1/madoguchi-cli.1.gz; do
  [ ! -e "$f" ] || fail "$f is still there after apt-get remove"
done
echo "PASS: the .deb builds, installs, runs from /usr and removes cleanly"
