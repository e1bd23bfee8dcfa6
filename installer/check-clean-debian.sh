#!/usr/bin/env bash
# Installs a .deb into a fresh, minimal Debian 12 (debootstrap --variant=minbase: no fonts, no
# pcscd, no wxWidgets — only what the package's Depends bring) and runs the installed-program
# session of the tests there, then removes the package. Needs root, debootstrap and the Debian
# mirror; not part of the test run (CI installs on the build machine instead).
#
# usage: installer/check-clean-debian.sh build-deb/madoguchi_<version>_amd64.deb [CHROOT_DIR]
#   CHROOT_DIR (default /var/tmp/madoguchi-clean-bookworm) is made once and kept clean: the
#   package is removed and purged at the end, so the next run starts from the same base.
set -euo pipefail
deb=$(realpath "$1")
root=${2:-/var/tmp/madoguchi-clean-bookworm}
here=$(cd "$(dirname "$0")" && pwd)
mirror=http://deb.debian.org/debian
version=$(dpkg-deb -f "$deb" Version)

[ "$(id -u)" -eq 0 ] || { echo "needs root (debootstrap, chroot)" >&2; exit 2; }
if [ ! -x "$root/usr/bin/apt-get" ]; then
  command -v debootstrap >/dev/null || { echo "needs debootstrap (apt-get install debootstrap)" >&2; exit 2; }
  echo "== debootstrap bookworm (minbase) into $root"
  debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
  cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
fi

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }
# apt in a chroot without /dev/pts complains on stderr about its terminal log; show it on failure only.
apt_in_root() { in_root apt-get -y -qq "$@" >"$root/root/apt.log" 2>&1 || { cat "$root/root/apt.log"; exit 1; }; }

mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
cleanup() {
  # apt no longer knows a removed local .deb by name: dpkg purges it, apt takes the rest away.
  in_root dpkg --purge madoguchi >/dev/null 2>&1 || true
  in_root apt-get purge -y -qq --autoremove python3 xvfb xauth poppler-utils >/dev/null 2>&1 || true
  rm -f "$root/root/$(basename "$deb")" "$root/root/installed_session.sh" "$root/root/apt.log"
  umount "$root/dev" "$root/proc" || true
}
trap cleanup EXIT

cp "$deb" "$here/../tests/installer/installed_session.sh" "$root/root/"

echo "== apt-get install ./$(basename "$deb") (nothing else installed before it)"
apt_in_root update
apt_in_root install "/root/$(basename "$deb")"
# The session's own tools, installed after the package so that they cannot stand in for a
# missing dependency of it.
apt_in_root install --no-install-recommends python3 xvfb xauth poppler-utils

echo "== the installed programs in the fresh system"
in_root bash /root/installed_session.sh "$version" ON

echo "== apt-get remove madoguchi"
apt_in_root remove madoguchi
for f in /usr/bin/madoguchi-cli /usr/bin/madoguchi /usr/share/madoguchi; do
  [ ! -e "$root$f" ] || { echo "FAIL: $f is still there after apt-get remove" >&2; exit 1; }
done
echo "PASS: madoguchi $version installs, runs and removes on a fresh Debian 12"
