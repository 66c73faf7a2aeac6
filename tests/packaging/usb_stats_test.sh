#!/bin/sh
# The USB handler's counter export (packaging/udev/aula-usb-install) with
# mount, umount, blkid and runuser replaced by stand-ins that log what they
# were asked: a stick with aula/stats/ gets stats-SITE-FROM-TO.csv, written
# only while the stick is mounted read-write with nosuid,nodev,noexec; a
# stick without that folder is never mounted read-write.
#   usb_stats_test.sh BIN_DIR DEMO_SNAPSHOT OUTDIR  (BIN_DIR holds aula, aula-stats)
set -eu
bindir=$1 snap=$2 out=$3
db=$out/stats.db
src=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out"
mkdir -p "$out/fake" "$out/run" "$out/stick/aula/stats" "$out/plain/aula"
fail() {
    echo "FAIL: $*"
    cat "$out/log" 2>/dev/null
    exit 1
}
printf '[kiosk]\nsite_id = aurinkolahti\n[stats]\nfile = %s\n' "$db" >"$out/aula.conf"
cat >"$out/fake/mount" <<EOF2
#!/bin/sh
# mount -o OPTS DEV DIR: the stick folder appears at DIR
echo "mount \$2" >>"$out/log"
rmdir "\$4" && ln -s "\$STICK" "\$4"
EOF2
cat >"$out/fake/umount" <<EOF2
#!/bin/sh
echo "umount" >>"$out/log"
rm "\$1" && mkdir "\$1"
EOF2
cat >"$out/fake/blkid" <<'EOF2'
#!/bin/sh
echo vfat
EOF2
cat >"$out/fake/runuser" <<EOF2
#!/bin/sh
# runuser -u USER -- PROGRAM ARGS: runs it here, with the test's settings
echo "runuser \$2 \$(basename "\$4") \$5" >>"$out/log"
shift 3
exec "\$@" --config "$out/aula.conf"
EOF2
chmod +x "$out/fake/"*
# Two days counted by the kiosk.
for now in 2026-11-24T10:15 2026-11-30T09:00; do
    "$bindir/aula" --config "$out/aula.conf" --headless --snapshot "$snap" --size 800x480 \
        --now "$now" --idle 0 --script "tap:category:neuvola-terveys" >/dev/null
done
usb() { # stick
    STICK=$1 AULA_USB_RUN=$out/run AULA_BIN=$bindir PATH=$out/fake:$PATH \
        sh "$src/packaging/udev/aula-usb-install" /dev/sdz1 >>"$out/log" 2>&1
}

usb "$out/stick" || fail "the export failed"
f=$(ls "$out/stick/aula/stats")
[ "$f" = "stats-aurinkolahti-2026-11-24-2026-11-30.csv" ] || fail "unexpected file \"$f\""
head -1 "$out/stick/aula/stats/$f" | grep -qx "day,kind,key,count" || fail "not the CSV export"
grep -q "^2026-11-24,category,neuvola-terveys," "$out/stick/aula/stats/$f" || fail "counts missing"
# Read-only first; read-write only for the export, with the safe options.
grep '^mount' "$out/log" >"$out/mounts"
[ "$(sed -n 1p "$out/mounts")" = "mount ro,nosuid,nodev,noexec,uid=aula-sync,gid=aula-sync,fmask=0337,dmask=0227" ] ||
    fail "the first mount is not read-only"
[ "$(sed -n 2p "$out/mounts")" = "mount rw,nosuid,nodev,noexec,uid=aula-sync,gid=aula-sync,fmask=0337,dmask=0227" ] ||
    fail "the export mount is not rw,nosuid,nodev,noexec"
[ "$(grep -c '^umount' "$out/log")" = 2 ] || fail "not unmounted after each step"
grep -q "^runuser aula aula-stats export" "$out/log" || fail "the counters were not read as aula"
[ ! -e "$out/run/sdz1" ] || fail "the mount point was left behind"

: >"$out/log"
usb "$out/plain" || true
! grep -q "^mount rw" "$out/log" || fail "a stick without aula/stats/ was mounted read-write"
echo ok
