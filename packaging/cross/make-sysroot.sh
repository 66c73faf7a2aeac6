#!/bin/sh
# Builds an arm64 (Debian 12) sysroot in a folder, for cross-building aula on
# an amd64 machine, without installing any :arm64 package into the system.
#   packaging/cross/make-sysroot.sh DIR      (DIR: e.g. build-arm64)
# Makes DIR/sysroot (headers, libraries, pkg-config files), DIR/sysroot/
# var/lib/dpkg (a small dpkg database of what is unpacked there, for
# dpkg-shlibdeps) and DIR/apt (apt's lists and the downloaded .deb files).
#
# apt runs with its own state folder and APT::Architecture=arm64, on the
# sources the machine's apt already uses (Raspberry Pi OS 12 is Debian 12
# plus its own archive: the libraries aula links against come from Debian
# on both). With an empty package status apt resolves the whole dependency
# closure of the -dev packages; every .deb is then unpacked with dpkg-deb -x,
# nothing is configured and no maintainer script runs.
#
# The package list is every lib*-dev package named in packaging/deps.sh plus
# packaging/cross/sysroot-packages. A second run with the same list returns
# at once; a changed list (or AULA_SYSROOT_REFRESH=1) rebuilds the sysroot,
# reusing the .deb files already downloaded.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
mkdir -p "$1"
dir=$(cd "$1" && pwd -P)
sysroot=$dir/sysroot
aptdir=$dir/apt
arch=arm64

want=$( (grep -o 'lib[a-z0-9.+-]*-dev' "$top/packaging/deps.sh"
         sed 's/#.*//' "$here/sysroot-packages" | tr -s ' \t' '\n') |
       sed '/^$/d' | sort -u | tr '\n' ' ')
stamp="$arch: $want"
if [ -f "$sysroot/.aula-sysroot" ] && [ "$(cat "$sysroot/.aula-sysroot")" = "$stamp" ] &&
   [ "${AULA_SYSROOT_REFRESH:-0}" != 1 ]; then
    echo "sysroot up to date: $sysroot"
    exit 0
fi

echo "Building the $arch sysroot in $sysroot"
echo "packages: $want"
mkdir -p "$aptdir/state/lists/partial" "$aptdir/cache/archives/partial"
: >"$aptdir/state/status"
# Own state, cache and status; the machine's sources, keys and proxy
# settings; no locks on the machine's dpkg database (nothing is installed).
cat >"$aptdir/apt.conf" <<EOF
Dir::State "$aptdir/state";
Dir::State::status "$aptdir/state/status";
Dir::Cache "$aptdir/cache";
APT::Architecture "$arch";
APT::Architectures { "$arch"; };
APT::Install-Recommends "false";
APT::Sandbox::User "root";
Debug::NoLocking "true";
EOF
export APT_CONFIG="$aptdir/apt.conf"
apt-get update -q -o APT::Get::List-Cleanup=false >"$aptdir/update.log" 2>&1 || {
    cat "$aptdir/update.log"; echo "apt-get update for $arch failed" >&2; exit 1; }
grep -E '^(W|E|Err):' "$aptdir/update.log" || true
# shellcheck disable=SC2086
apt-get install -q -y --download-only $want >"$aptdir/install.log" 2>&1 || {
    cat "$aptdir/install.log"; echo "apt-get could not download the $arch packages" >&2; exit 1; }
# The .debs of exactly this resolution (the cache may hold older versions):
# "Inst NAME (VERSION RELEASE [ARCH])" -> NAME_VERSION_ARCH.deb, ':' as %3a.
# shellcheck disable=SC2086
apt-get install -q -y -s $want |
    sed -n 's/^Inst \([^ ]*\) (\([^ ]*\) .*\[\([a-z0-9]*\)\]).*/\1_\2_\3.deb/p' |
    sed 's/:/%3a/g' >"$aptdir/debs"
[ -s "$aptdir/debs" ] || { echo "no packages resolved" >&2; exit 1; }

rm -rf "$sysroot"
db=$sysroot/var/lib/dpkg
mkdir -p "$db/info" "$db/updates" "$db/parts"
echo 1 >"$db/info/format"
echo "$arch" >"$db/arch"
# Unpack every .deb (two at a time per core), then join the status entries
# in apt's order.
sed "s|^|$aptdir/cache/archives/|" "$aptdir/debs" |
    xargs -P "$(($(nproc 2>/dev/null || echo 2) * 2))" -n 8 sh "$here/unpack-deb.sh" "$sysroot" "$arch"
: >"$db/status"
while read -r deb; do
    cat "$db/parts/${deb%%_*}" >>"$db/status"
done <"$aptdir/debs"
rm -rf "$db/parts"
n=$(grep -c '^Package:' "$db/status")

# Absolute symbolic links point into the machine's own /; make them relative
# so that they stay inside the sysroot (for the linker and for qemu -L).
find "$sysroot" -type l -lname '/*' | while read -r link; do
    target=$(readlink "$link")
    ln -sfn "$(realpath -m -s --relative-to="$(dirname "$link")" "$sysroot$target")" "$link"
done

echo "$stamp" >"$sysroot/.aula-sysroot"
echo "sysroot ready: $n packages, $(du -sm "$sysroot" | cut -f1) MiB in $sysroot"
