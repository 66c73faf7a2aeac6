#!/bin/sh
# The kiosk's unit under a real systemd: restarted when its main loop
# hangs (the watchdog) and through a crash loop (Restart=always, no start
# limit). systemd-nspawn boots the machine's own systemd in a container
# whose root is this machine's root under a throw-away overlay; the build
# is installed into it as the package would install it (cmake --install:
# binaries, aula.service, users, folders, aula.conf), the demo content as
# /var/lib/aula/current. A drop-in changes only what a container without
# a display needs (SDL's dummy video driver, no tty); the watchdog,
# restart and start limit settings are the installed unit's own.
# systemd_driver.sh, a service inside, does the killing and the checks;
# its figures are printed here.
#   systemd_test.sh CMAKE BUILD_DIR SNAPSHOT WORKDIR [CRASHES [MARGIN]]
# CRASHES: kills of the crash loop (12); MARGIN: seconds allowed on top of
# the unit's times for starting the kiosk and for a loaded machine (15).
# Needs root and systemd-nspawn (Debian: systemd-container); skipped
# (exit 77) without them.
set -eu
cmake=$1 build=$2 snap=$3 work=$4 crashes=${5:-12} margin=${6:-15}
here=$(cd "$(dirname "$0")" && pwd)

skip() {
    echo "SKIP: $*"
    exit 77
}
fail() {
    echo "FAIL: systemd_test: $*"
    exit 1
}

[ "$(id -u)" -eq 0 ] || skip "needs root: systemd-nspawn boots a container"
command -v systemd-nspawn >/dev/null 2>&1 ||
    skip "systemd-nspawn is not installed (Debian: systemd-container)"
[ -x /lib/systemd/systemd ] || skip "systemd is not installed"
command -v python3 >/dev/null 2>&1 || skip "python3 is not installed"
command -v unshare >/dev/null 2>&1 || skip "unshare is not installed (Debian: util-linux)"
[ -f "$snap" ] || fail "no snapshot $snap"

# Everything mounted from here on is in a mount namespace of this test
# alone: the mounts go away with it however it ends.
if [ "${AULA_SYSTEMD_TEST_NS:-}" != 1 ]; then
    AULA_SYSTEMD_TEST_NS=1 exec unshare --mount --propagation private sh "$0" "$@"
fi

rm -rf --one-file-system "$work"
mkdir -p "$work/out" "$work/layers" "$work/root"
root=$work/root
console=$work/console.log
nspawn=

cleanup() {
    if [ -n "$nspawn" ] && kill -0 "$nspawn" 2>/dev/null; then
        # Killing the container's init ends every process in it.
        for p in $(ps -o pid= --ppid "$nspawn"); do kill -KILL "$p" 2>/dev/null || true; done
        kill -KILL "$nspawn" 2>/dev/null || true
        wait "$nspawn" 2>/dev/null || true
    fi
    umount "$root" 2>/dev/null || true
    umount "$work/layers" 2>/dev/null || true
    umount /run/systemd/nspawn 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# The container's root: / read-only below, changes in memory above. Its
# own /run/systemd/nspawn keeps nspawn's state out of the machine's.
mount -t tmpfs -o mode=0755 aula-test "$work/layers" || fail "cannot mount a tmpfs"
mkdir "$work/layers/upper" "$work/layers/work"
mount -t overlay -o "lowerdir=/,upperdir=$work/layers/upper,workdir=$work/layers/work" \
    aula-test "$root" || fail "cannot mount an overlay of / on $root"
mkdir -p /run/systemd/nspawn
mount -t tmpfs -o mode=0755 aula-test /run/systemd/nspawn || fail "cannot mount a tmpfs"

# The package's files, as on a screen.
DESTDIR=$root "$cmake" --install "$build" --prefix /usr >"$work/install.log" 2>&1 || {
    cat "$work/install.log"
    fail "cmake --install into the container failed"
}
unit=$root/usr/lib/systemd/system/aula.service
[ -f "$unit" ] || fail "the install has no /usr/lib/systemd/system/aula.service"
[ -x "$root/usr/bin/aula" ] || fail "the install has no /usr/bin/aula"
mkdir -p "$root/var/lib/aula"
cp "$snap" "$root/var/lib/aula/current"
# A machine of its own (else systemd would share this machine's id).
tr -d - </proc/sys/kernel/random/uuid >"$root/etc/machine-id"
# The groups the unit asks for: on a screen udev and the base system make
# them; here they may be missing.
groups=$(sed -n 's/^SupplementaryGroups=//p' "$unit")
mkdir -p "$root/etc/sysusers.d"
for g in $groups; do echo "g $g -"; done >"$root/etc/sysusers.d/aula-test-groups.conf"

# What a container without a display needs, and nothing else.
mkdir -p "$root/etc/systemd/system/aula.service.d"
cat >"$root/etc/systemd/system/aula.service.d/container.conf" <<'EOF'
# The test container has no display and no tty1.
[Service]
Environment=SDL_VIDEODRIVER=dummy
StandardInput=null
EOF
mkdir -p "$root/usr/local/libexec"
cp "$here/systemd_driver.sh" "$root/usr/local/libexec/aula-systemd-driver"
cat >"$root/etc/systemd/system/aula-reliability.service" <<EOF
[Unit]
Description=aula reliability: the kiosk unit under systemd
SuccessAction=poweroff
FailureAction=poweroff
[Service]
Type=oneshot
ExecStart=/bin/sh /usr/local/libexec/aula-systemd-driver /aula-test $crashes $margin
ExecStopPost=/bin/sh -c 'journalctl -b --no-pager -o short-monotonic >/aula-test/journal.txt'
StandardOutput=journal+console
StandardError=journal+console
EOF
cat >"$root/etc/systemd/system/aula-reliability.target" <<'EOF'
[Unit]
Description=aula reliability test
Requires=aula-reliability.service
After=aula-reliability.service
AllowIsolate=yes
EOF

# The unit's own times bound the run: boot, the crash loop, a ping, the
# hang, shutdown.
wd=$(sed -n 's/^WatchdogSec=\([0-9]*\)s*$/\1/p' "$unit")
rs=$(sed -n 's/^RestartSec=\([0-9]*\)s*$/\1/p' "$unit")
[ -n "$wd" ] || fail "no WatchdogSec=SECONDS in $unit: $(grep '^WatchdogSec' "$unit" || echo none)"
[ -n "$rs" ] || rs=0
limit=$((120 + crashes * (rs + margin) + 2 * wd + rs + 3 * margin))

echo "booting systemd in a container (up to $limit s): $crashes kills, then a hang"
start=$(date +%s)
# --keep-unit: the container stays in this test's control group and asks
# no service manager on the outside for one (there may be none).
systemd-nspawn --directory="$root" --machine="aula-test-$$" --register=no --keep-unit \
    --console=read-only --bind="$work/out:/aula-test" --boot \
    -- systemd.unit=aula-reliability.target </dev/null >"$console" 2>&1 &
nspawn=$!
while kill -0 "$nspawn" 2>/dev/null; do
    [ $(($(date +%s) - start)) -lt "$limit" ] || break
    sleep 1
done
if kill -0 "$nspawn" 2>/dev/null; then
    echo "the container still runs after $limit s"
    status=timeout
else
    status=0
    wait "$nspawn" || status=$?
    nspawn=
fi
took=$(($(date +%s) - start))

show_logs() {
    echo "--- console (last 60 lines):"
    tail -n 60 "$console"
    echo "--- journal of the container (last 150 lines):"
    if [ -s "$work/out/journal.txt" ]; then
        tail -n 150 "$work/out/journal.txt"
    else
        journalctl -D "$root/var/log/journal" --no-pager -o short-monotonic 2>&1 | tail -n 150
    fi
}

[ -f "$work/out/result" ] || {
    show_logs
    fail "no result from the container (nspawn: $status, $took s)"
}
cat "$work/out/result"
if [ "$(tail -n 1 "$work/out/result")" != PASS ]; then
    show_logs
    fail "$(grep '^FAIL' "$work/out/result" || echo 'the driver did not finish')"
fi
[ "$status" = 0 ] || {
    show_logs
    fail "the container did not power off cleanly (nspawn: $status)"
}
echo "container: booted, tested and powered off in $took s"
