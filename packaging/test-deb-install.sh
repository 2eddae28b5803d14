#!/usr/bin/env bash
# Installs a LiqLab .deb with apt-get, runs the installed launcher headless, and removes it again, in a throwaway
# root that leaves this machine as it was: an overlay over this machine's own root (its packages and apt lists as
# the lower layer, every write in a temporary upper layer), mounted in a private mount namespace (unshare), entered
# with chroot. The namespace's mounts end with the script, and the upper layer is deleted.
#
# Usage: packaging/test-deb-install.sh DEB [headless|desktop]
#   headless (default)  no desktop menu system: /etc/xdg/menus and desktop-directories are removed in the overlay,
#                       as on a server, a container or WSL. Checks that the install completes (not half-configured) and registers no menu entry.
#   desktop             a writable /etc/xdg/menus, as on a desktop: checks that the menu entry and the session file
#                       type are registered, and taken away on removal.
# Needs root, unshare, chroot and overlayfs. apt-get fetches the package's missing dependencies (xdg-utils here)
# from the machine's configured mirror. Exit 0 = every check passed, 1 = a check failed, 77 = cannot run here.
# Prints one "ok: ..." or "FAIL: ..." line per check.
set -uo pipefail

if [ "${1:-}" != --inside ]; then
  deb=$(readlink -f "${1:?usage: test-deb-install.sh DEB [headless|desktop]}")
  mode=${2:-headless}
  [ -f "$deb" ] || { echo "no such .deb: $deb" >&2; exit 2; }
  case "$mode" in headless|desktop) ;; *) echo "mode is headless or desktop" >&2; exit 2 ;; esac
  [ "$(id -u)" = 0 ] || { echo "cannot run: needs root (apt-get, chroot, mounts)"; exit 77; }
  for tool in unshare chroot mount apt-get dpkg-query; do
    command -v "$tool" >/dev/null 2>&1 || { echo "cannot run: no $tool"; exit 77; }
  done
  work=$(mktemp -d /tmp/liqlab-deb-root.XXXXXX)
  trap 'rm -rf "$work"' EXIT
  unshare --mount --propagation private "$0" --inside "$deb" "$mode" "$work"
  exit $?
fi

# In the private mount namespace from here on.
deb=$2 mode=$3 work=$4
root=$work/root
mkdir -p "$work/upper" "$work/ovlwork" "$root"
if ! mount -t overlay overlay -o "lowerdir=/,upperdir=$work/upper,workdir=$work/ovlwork" "$root" 2>/dev/null; then
  echo "cannot run: no overlay mount here"
  exit 77
fi
for fs in proc sys dev; do
  mount --rbind "/$fs" "$root/$fs"
  mount --make-rslave "$root/$fs"
done
mount -t tmpfs tmpfs "$root/run"
mount -t tmpfs tmpfs "$root/tmp"
mkdir -p "$root/run/lock"
cp "$deb" "$root/tmp/liqlab.deb"

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
failed=0
check() { # description, then a command that must succeed
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; failed=1; fi
}
status() { in_root dpkg-query -W -f='${Status}' liqlab 2>/dev/null; }

if in_root dpkg-query -W -f='${Status}' liqlab 2>/dev/null | grep -q installed; then
  echo "cannot run: liqlab is installed on this machine already"
  exit 77
fi
# The folders xdg-desktop-menu needs writable (menus, desktop-directories, applications): a desktop has them, a
# server or a container lacks the first two. Removed or made here in the overlay only.
rm -rf "$root/etc/xdg/menus" "$root/usr/share/desktop-directories" "$root/usr/local/share/desktop-directories"
if [ "$mode" = desktop ]; then
  mkdir -p "$root/etc/xdg/menus" "$root/usr/share/desktop-directories" "$root/usr/share/applications"
fi

in_root apt-get install -y -q --no-install-recommends /tmp/liqlab.deb >"$work/install.log" 2>&1
code=$?
sed 's/^/  apt-get install: /' "$work/install.log" | grep -iv "^  apt-get install: \(Get\|Selecting\|Preparing\|Unpacking\|Reading\|Building\|(Reading\)" | tail -n 12
if grep -qi "Temporary failure resolving\|Could not resolve\|Unable to fetch\|Failed to fetch" "$work/install.log"; then
  echo "cannot run: apt-get could not fetch the package's dependencies (no mirror reachable)"
  exit 77
fi
check "apt-get install ./liqlab.deb exits 0 (was $code)" test "$code" = 0
check "dpkg says liqlab is installed, not half-configured (status: $(status))" test "$(status)" = "install ok installed"
check "the launcher is installed" test -x "$root/opt/liqlab/bin/LiqLab"
if [ "$mode" = headless ]; then
  check "the install says why there is no menu entry" grep -q "no desktop menu system here" "$work/install.log"
  check "no menu entry was written" test ! -e "$root/usr/share/applications/liqlab-LiqLab.desktop"
else
  check "the menu entry is registered" test -f "$root/usr/share/applications/liqlab-LiqLab.desktop"
  check "the session file type is registered" test -f "$root/usr/share/mime/packages/liqlab-LiqLab-MimeInfo.xml"
fi

# The installed launcher, headless (no DISPLAY), as a script on a server would run it.
# The textbook profile's answer is the formula's (57,900), whatever the venues' data say next month.
in_root env LIQLAB_HOME=/tmp/liqlab-home /opt/liqlab/bin/LiqLab calc --venue textbook --side long \
  --entry 60000 --notional 12500 --leverage 25 --format json >"$work/calc.json" 2>"$work/calc.err"
code=$?
check "the installed launcher runs calc headless (exit $code: $(head -c 300 "$work/calc.err"))" test "$code" = 0
check "calc gives the textbook example's liquidation price (57,900)" \
  awk -F': *' '/"liquidationPrice"/ { gsub(/,/, "", $2); found = sprintf("%.2f", $2) == "57900.00" } END { exit !found }' "$work/calc.json"
in_root env LIQLAB_HOME=/tmp/liqlab-home /opt/liqlab/bin/LiqLab profiles list >"$work/profiles.txt" 2>&1
code=$?
check "the installed launcher lists the profiles (exit $code)" test "$code" = 0
check "the list names binance-usdm-btc" grep -q "binance-usdm-btc" "$work/profiles.txt"

in_root apt-get remove -y -q liqlab >"$work/remove.log" 2>&1
code=$?
[ "$code" = 0 ] || sed 's/^/  apt-get remove: /' "$work/remove.log" | tail -n 12
check "apt-get remove liqlab exits 0 (was $code)" test "$code" = 0
removed() { case "$(status)" in "" | *not-installed | "deinstall ok config-files") true ;; *) false ;; esac; }
check "dpkg lists liqlab as removed (status: $(status))" removed
check "/opt/liqlab is gone" test ! -e "$root/opt/liqlab/bin/LiqLab"
check "no menu entry is left" test ! -e "$root/usr/share/applications/liqlab-LiqLab.desktop"
check "no session file type is left" test ! -e "$root/usr/share/mime/packages/liqlab-LiqLab-MimeInfo.xml"
exit $failed
