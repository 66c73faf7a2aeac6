#!/bin/sh
# Unpacks .deb files into a sysroot and records them in its small dpkg
# database (see make-sysroot.sh), without running any maintainer script.
#   unpack-deb.sh SYSROOT ARCH DEB...
# The database's file lists name the files where they are (inside the
# sysroot), so that dpkg-shlibdeps run with DPKG_ADMINDIR=SYSROOT/var/lib/dpkg
# finds the package and the symbols or shlibs file of each library.
set -eu
sysroot=$1 arch=$2
shift 2
db=$sysroot/var/lib/dpkg
for f in "$@"; do
    [ -f "$f" ] || { echo "missing $f" >&2; exit 1; }
    ctl=$(mktemp -d)
    dpkg-deb -e "$f" "$ctl"
    pkg=$(sed -n 's/^Package: //p' "$ctl/control")
    name=$pkg
    grep -qx 'Multi-Arch: same' "$ctl/control" && name=$pkg:$arch
    dpkg-deb -X "$f" "$sysroot" | sed -e '/^\.\/$/d' -e 's|^\./|/|' -e 's|/$||' \
        -e "s|^|$sysroot|" >"$db/info/$name.list"
    for c in shlibs symbols; do
        if [ -f "$ctl/$c" ]; then cp "$ctl/$c" "$db/info/$name.$c"; fi
    done
    { sed '/^Package:/a Status: install ok installed' "$ctl/control"; echo; } >"$db/parts/$pkg"
    rm -rf "$ctl"
done
