#!/bin/sh
# Builds the Debian package from a finished build tree and checks it: the
# files a screen needs are in it (and build tools are not), its Depends
# line names the libraries, /etc/aula/aula.conf is a conffile, the
# maintainer scripts are there (and switch on the staff menu's request
# handler), and every systemd unit (services, timers, path units) passes
# systemd-analyze verify.
# usage: check_package.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) || {
    cat "$work/cpack.log"; fail "cpack could not build the package"; }
deb=$(ls "$work"/aula_*.deb)
echo "package: $(basename "$deb")"

dpkg-deb -c "$deb" | awk '{print $6}' | sed 's#^\./#/#' >"$work/contents"
lib=/usr/lib
for path in /usr/bin/aula /usr/bin/aula-pack /usr/bin/aula-sync /usr/bin/aula-stats \
    $lib/systemd/system/aula.service $lib/systemd/system/aula-sync.service \
    $lib/systemd/system/aula-sync.timer $lib/systemd/system/aula-sync-usb@.service \
    $lib/sysusers.d/aula.conf $lib/sysusers.d/aula-sync.conf $lib/tmpfiles.d/aula.conf \
    $lib/systemd/system/aula-request.path $lib/systemd/system/aula-request.service \
    $lib/udev/rules.d/90-aula-usb.rules $lib/aula/aula-usb-install $lib/aula/aula-request \
    /usr/share/doc/aula/README.md /usr/share/doc/aula/FORMAT.md \
    /usr/share/doc/aula/INSTALL.md /usr/share/doc/aula/SYNC.md; do
    grep -qx "$path" "$work/contents" || fail "$path is missing from the package"
done
for path in /usr/bin/aula-po2c /usr/bin/kiosk_make_fixture; do
    ! grep -qx "$path" "$work/contents" || fail "build tool $path must not be packaged"
done
! grep -q '^/usr/bin/test_' "$work/contents" || fail "test programs must not be packaged"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libsdl2 libsdl2-ttf libsqlite3 libical3 libcsv3 fonts-noto-core libespeak-ng1 espeak-ng-data; do
    echo "$depends" | grep -q "$lib" || fail "Depends lacks $lib"
done

recommends=$(dpkg-deb -f "$deb" Recommends)
echo "Recommends: $recommends"
echo "$recommends" | grep -q libcups2 || fail "Recommends lacks libcups2 (opened with dlopen)"
for lib in libcups2 libsdl2-image; do
    ! echo "$depends" | grep -q "$lib" || fail "Depends has $lib: the kiosk must not link it"
done

dpkg-deb -e "$deb" "$work/control"
grep -qx /etc/aula/aula.conf "$work/contents" || fail "/etc/aula/aula.conf is missing"
grep -qx /etc/aula/aula.conf "$work/control/conffiles" || fail "aula.conf is not a conffile"
for s in postinst prerm postrm; do
    [ -x "$work/control/$s" ] || fail "maintainer script $s is missing"
done
# The staff menu's request handler is switched on with the package.
grep -q "enable .*aula-request.path" "$work/control/postinst" ||
    fail "postinst does not enable aula-request.path"

# Units: point ExecStart at the programs just built, then verify.
mkdir "$work/units"
for unit in "$src"/packaging/systemd/*.service "$src"/packaging/systemd/*.timer \
    "$src"/packaging/systemd/*.path; do
    sed -e "s#/usr/bin/aula-sync#$build/kiosk/app/aula-sync#" \
        -e "s#/usr/bin/aula #$build/kiosk/app/aula #" \
        -e "s#/usr/lib/aula/aula-usb-install#$src/packaging/udev/aula-usb-install#" \
        -e "s#/usr/lib/aula/aula-request#$src/packaging/udev/aula-request#" \
        "$unit" >"$work/units/$(basename "$unit")"
done
(cd "$work/units" && systemd-analyze verify --man=no ./*.service ./*.timer ./*.path) \
    >"$work/verify.log" 2>&1 || { cat "$work/verify.log"; fail "systemd-analyze verify"; }
if [ -s "$work/verify.log" ]; then
    cat "$work/verify.log"
    fail "systemd-analyze verify printed warnings"
fi
echo "package ok: $(wc -l <"$work/contents") entries, units verified"
