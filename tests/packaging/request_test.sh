#!/bin/sh
# The staff menu's request handler (packaging/udev/aula-request, with
# aula-usb-install in its install and stats modes) with lsblk, mount,
# umount, blkid and runuser replaced by stand-ins that log what they were
# asked, and aula-sync and aula-stats by stand-ins (AULA_BIN) that answer
# as told: each request kind and its answer file, no stick, a stick without
# content, a second partition with content, statistics onto a stick without
# aula/stats/, the counters off, nothing to roll back, a failing aula-sync,
# an unknown request, request files removed, a planted link in place of
# the answer file not followed, the requests folder swapped for a link.
#   request_test.sh OUTDIR
set -eu
out=$1
src=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out"
mkdir -p "$out/fake" "$out/bin" "$out/run" "$out/req/requests" "$out/sticks"
fail() {
    echo "FAIL: $*"
    echo "--- log"
    cat "$out/log" 2>/dev/null
    echo "--- result"
    cat "$out/req/result" 2>/dev/null
    exit 1
}

# lsblk: the disks in $out/disks ("NAME TRAN"), their partitions in
# $out/parts ("NAME FSTYPE", a disk's own line first, as lsblk prints).
cat >"$out/fake/lsblk" <<EOF2
#!/bin/sh
case "\$1" in
-rpndo) cat "$out/disks" ;;
-rpno) grep "^\$3" "$out/parts" ;;
*) echo "lsblk: unexpected \$*" >&2; exit 2 ;;
esac
EOF2
# mount -o OPTS DEV DIR: the folder $out/sticks/NAME appears at DIR.
cat >"$out/fake/mount" <<EOF2
#!/bin/sh
echo "mount \$2 \$3" >>"$out/log"
rmdir "\$4" && ln -s "$out/sticks/\$(basename "\$3")" "\$4"
EOF2
cat >"$out/fake/umount" <<EOF2
#!/bin/sh
echo "umount" >>"$out/log"
rm "\$1" && mkdir "\$1"
EOF2
printf '#!/bin/sh\necho vfat\n' >"$out/fake/blkid"
cat >"$out/fake/runuser" <<EOF2
#!/bin/sh
# runuser -u USER -- PROGRAM ARGS
echo "runuser \$2 \$(basename "\$4") \${5:-} \${6:-}" >>"$out/log"
shift 3
exec "\$@"
EOF2
# aula-sync: prints \$SYNC_SAYS and exits with \$SYNC_RC.
cat >"$out/bin/aula-sync" <<'EOF2'
#!/bin/sh
echo "aula-sync: ${SYNC_SAYS:-info: installed content version 7}" >&2
exit "${SYNC_RC:-0}"
EOF2
# aula-stats: the counters, or none when $STATS_OFF is set.
cat >"$out/bin/aula-stats" <<'EOF2'
#!/bin/sh
if [ -n "${STATS_OFF:-}" ]; then
    echo "aula-stats: the counters are off ([stats] enabled = no)" >&2
    exit 1
fi
case "$*" in
"export --file-name") echo stats-aurinkolahti-2026-11-24-2026-11-30.csv ;;
export) printf 'day,kind,key,count\n2026-11-24,screen,home,3\n' ;;
*) exit 2 ;;
esac
EOF2
chmod +x "$out/fake/"* "$out/bin/"*

printf '/dev/sda sata\n/dev/sdz usb\n' >"$out/disks"
printf '/dev/sda \n/dev/sda1 ext4\n/dev/sdz \n/dev/sdz1 vfat\n' >"$out/parts"
mkdir -p "$out/sticks/sdz1/aula"
: >"$out/sticks/sdz1/aula/site.aula"

ask() { # request...: drop the requests, run the handler
    : >"$out/log"
    for r in "$@"; do
        : >"$out/req/requests/$r"
    done
    AULA_REQUEST_DIR=$out/req AULA_LIB=$src/packaging/udev AULA_BIN=$out/bin \
        AULA_USB_RUN=$out/run PATH=$out/fake:$PATH \
        sh "$src/packaging/udev/aula-request" >>"$out/log" 2>&1 || fail "aula-request failed"
    [ -z "$(ls -A "$out/req/requests")" ] || fail "requests left: $(ls -A "$out/req/requests")"
    [ -z "$(ls -A "$out/run")" ] || fail "a mount point was left behind"
    [ -z "$(ls -A "$out/req" | grep -v '^requests$' | grep -v '^result$')" ] ||
        fail "files left beside the answer: $(ls -A "$out/req")"
}

expect() { # request state outcome [message]
    want=$(printf 'request=%s\nstate=%s\noutcome=%s' "$1" "$2" "$3")
    got=$(head -n 3 "$out/req/result")
    [ "$got" = "$want" ] || fail "expected the answer \"$1 $2 $3\""
    if [ $# -ge 4 ]; then
        grep -qxF "message=$4" "$out/req/result" || fail "expected the message \"$4\""
    fi
    perm=$(stat -c %a "$out/req/result")
    [ "$perm" = 644 ] || fail "the answer is mode $perm, not readable by the kiosk"
}

# Install from the stick: read-only, as aula-sync, nothing written.
ask usb-install
expect usb-install ok installed "aula-sync: info: installed content version 7"
[ "$(grep '^mount' "$out/log")" = "mount ro,nosuid,nodev,noexec,uid=aula-sync,gid=aula-sync,fmask=0337,dmask=0227 /dev/sdz1" ] ||
    fail "not mounted read-only, once"
grep -q "^runuser aula-sync aula-sync install $out/run/sdz1" "$out/log" ||
    fail "aula-sync install was not run as aula-sync on the stick"
grep -q "aula-stats" "$out/log" && fail "install also exported the counters"
grep -q "^aula-request: usb-install: ok (installed)" "$out/log" || fail "the journal line"

SYNC_SAYS="info: /run/aula-usb/sdz1: content version 7 is already installed and current" \
    ask usb-install
expect usb-install ok unchanged
SYNC_RC=1 SYNC_SAYS="error: site.aula: signature not trusted" ask usb-install
expect usb-install failed refused "aula-sync: error: site.aula: signature not trusted"
SYNC_RC=3 SYNC_SAYS="error: /var/lib/aula: No space left on device" ask usb-install
expect usb-install failed failed "aula-sync: error: /var/lib/aula: No space left on device"

# No stick at all (only the internal disk).
printf '/dev/sda sata\n' >"$out/disks"
ask usb-install
expect usb-install failed no-stick "no USB stick found"
ask usb-stats
expect usb-stats failed no-stick "no USB stick found"
grep -q "^mount" "$out/log" && fail "something was mounted without a stick"
printf '/dev/sda sata\n/dev/sdz usb\n' >"$out/disks"

# A stick without aula content; then a second partition that has it.
rm -rf "$out/sticks/sdz1/aula"
ask usb-install
expect usb-install failed no-content
grep -q "runuser aula-sync" "$out/log" && fail "aula-sync ran on a stick without content"
printf '/dev/sda \n/dev/sda1 ext4\n/dev/sdz \n/dev/sdz1 vfat\n/dev/sdz2 exfat\n' >"$out/parts"
mkdir -p "$out/sticks/sdz2/aula"
: >"$out/sticks/sdz2/aula/site.aula"
ask usb-install
expect usb-install ok installed
grep -q "^runuser aula-sync aula-sync install $out/run/sdz2" "$out/log" ||
    fail "the second partition was not installed from"

# Statistics onto a stick with no aula/ folder at all: made, written
# read-write with nosuid,nodev,noexec, nothing installed.
ask usb-stats
expect usb-stats ok stats-written
f=$out/sticks/sdz1/aula/stats/stats-aurinkolahti-2026-11-24-2026-11-30.csv
[ -f "$f" ] || fail "the counters were not written to the first partition"
head -n 1 "$f" | grep -qx "day,kind,key,count" || fail "not the CSV export"
[ "$(grep '^mount' "$out/log")" = "mount rw,nosuid,nodev,noexec,uid=aula-sync,gid=aula-sync,fmask=0337,dmask=0227 /dev/sdz1" ] ||
    fail "not mounted read-write with the safe options, once"
grep -q "^runuser aula-sync" "$out/log" && fail "the statistics request ran aula-sync"
grep -q "^runuser aula aula-stats export" "$out/log" || fail "the counters were not read as aula"
# aula/stats as a link on the stick: refused, nothing written through it.
rm -rf "$out/sticks/sdz1/aula/stats"
mkdir -p "$out/elsewhere"
ln -s "$out/elsewhere" "$out/sticks/sdz1/aula/stats"
printf '/dev/sda \n/dev/sdz \n/dev/sdz1 vfat\n' >"$out/parts"
ask usb-stats
expect usb-stats failed failed
[ -z "$(ls -A "$out/elsewhere")" ] || fail "the counters were written through a link"
grep -q "aula/stats is not a folder" "$out/log" || fail "no message about aula/stats"
rm "$out/sticks/sdz1/aula/stats"
STATS_OFF=1 ask usb-stats
expect usb-stats failed no-stats
grep -q "^mount" "$out/log" && fail "mounted although there were no counters"

# Roll back, as aula-sync.
SYNC_SAYS="info: content rolled back to version 6" ask rollback
expect rollback ok rolled-back "aula-sync: info: content rolled back to version 6"
grep -q "^runuser aula-sync aula-sync rollback" "$out/log" || fail "rollback not run as aula-sync"
SYNC_RC=1 SYNC_SAYS="error: /var/lib/aula: no version older than the current one is kept (kept: 7)" \
    ask rollback
expect rollback failed no-previous
SYNC_RC=3 SYNC_SAYS="error: /var/lib/aula/state.json: Permission denied" ask rollback
expect rollback failed failed "aula-sync: error: /var/lib/aula/state.json: Permission denied"

# An unknown request: removed, said in the journal, the answer untouched.
cp "$out/req/result" "$out/before"
ask 'format-disk' '.hidden'
cmp -s "$out/before" "$out/req/result" || fail "an unknown request changed the answer"
grep -q 'unknown request "format-disk" in .*; removed (known: usb-install, usb-stats, rollback)' \
    "$out/log" || fail "no clear message about the unknown request"
grep -q 'unknown request ".hidden"' "$out/log" || fail "a hidden request file was not removed"
grep -q "^mount\|^runuser" "$out/log" && fail "an unknown request did something"

# Two at once, in one run.
SYNC_SAYS="info: content rolled back to version 6" ask rollback usb-stats
expect usb-stats ok stats-written
grep -q "^aula-request: rollback: ok (rolled-back)" "$out/log" || fail "rollback of the pair"

# A link planted where the answer goes (the folder is the kiosk's) is
# replaced, not written through.
echo "keep me" >"$out/victim"
rm "$out/req/result"
ln -s "$out/victim" "$out/req/result"
SYNC_SAYS="info: content rolled back to version 6" ask rollback
[ "$(cat "$out/victim")" = "keep me" ] || fail "the answer was written through a link"
[ ! -L "$out/req/result" ] || fail "the link is still there"
expect rollback ok rolled-back

# The requests folder swapped for a link to another place (the kiosk's
# user owns the folder above it): nothing there is touched or done.
mv "$out/req/requests" "$out/req/requests.real"
mkdir -p "$out/precious"
echo "keep me" >"$out/precious/rollback"
ln -s "$out/precious" "$out/req/requests"
: >"$out/log"
AULA_REQUEST_DIR=$out/req AULA_LIB=$src/packaging/udev AULA_BIN=$out/bin \
    AULA_USB_RUN=$out/run PATH=$out/fake:$PATH \
    sh "$src/packaging/udev/aula-request" >>"$out/log" 2>&1 || fail "aula-request failed"
[ "$(cat "$out/precious/rollback")" = "keep me" ] || fail "a file behind the link was removed"
grep -q "^runuser" "$out/log" && fail "a request behind a link was done"
grep -q "requests is not a folder" "$out/log" || fail "no message about the link"
rm "$out/req/requests"
mv "$out/req/requests.real" "$out/req/requests"

# AULA_USB_MODE is checked.
if AULA_USB_MODE=all sh "$src/packaging/udev/aula-usb-install" /dev/sdz1 2>"$out/err"; then
    fail "aula-usb-install accepted AULA_USB_MODE=all"
fi
grep -q "AULA_USB_MODE=all: expected both, install or stats" "$out/err" || fail "$(cat "$out/err")"
echo ok
