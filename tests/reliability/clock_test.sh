#!/bin/sh
# A wrong clock: before the snapshot was built, far in the future, the
# night of a daylight saving change (the repeated hour in October, the
# missing one in March). The kiosk must run, show no programme as
# "today" that is not today, and the calendar must be right once the
# clock is: a frozen clock (--now) for each case and across midnight,
# then the real clock path under faketime (when installed).
#   clock_test.sh AULA PNG_CHECK DEMO_SNAPSHOT OUTDIR
set -eu
aula=$1 check=$2 snap=$3 out=$4
rm -rf "$out"
mkdir -p "$out"
size=1280x800

fail() {
    echo "FAIL: $*"
    exit 1
}

home_targets() { # now name: runs home then the calendar; targets to $out/name.txt
    "$aula" --headless --snapshot "$snap" --size "$size" --now "$1" --idle 0 \
        --screenshot "$out" --script "shot:$2-home.png; targets; tap:calendar; targets;
        shot:$2-calendar.png" 2>"$out/$2.txt" || fail "$2: the kiosk failed: $(cat "$out/$2.txt")"
    "$check" "$out/$2-home.png" "$size" 16
    "$check" "$out/$2-calendar.png" "$size" 16
}

# The right time: today's programme on the home screen.
home_targets 2026-11-24T10:15 right
grep "^home:" "$out/right.txt" | grep -q " occ:" || fail "no programme today at the right time"

# Before the build and far in the future: nothing shown as today (which
# notice for staff is due is checked by test_kiosk_domain).
for c in behind:2019-01-01T10:15 future:2099-11-24T10:15; do
    name=${c%%:*} now=${c#*:}
    home_targets "$now" "$name"
    if grep "^home:" "$out/$name.txt" | grep -q " occ:"; then
        fail "$name: the home screen shows a programme for today ($now)"
    fi
    week=$(grep "^calendar:" "$out/$name.txt" | grep -o "day:[0-9-]*" | head -n 1)
    [ -n "$week" ] || fail "$name: the calendar shows no week"
done

# Daylight saving nights: the repeated hour (2026-10-25 03:30 comes twice)
# and the missing one (2027-03-28 03:30 does not exist in Helsinki).
home_targets 2026-10-25T03:30 dst-autumn
home_targets 2027-03-28T03:30 dst-spring
grep "^calendar:" "$out/dst-spring.txt" | grep -q "day:2027-03-28" ||
    fail "the spring DST night does not show its own week"
grep "^calendar:" "$out/dst-autumn.txt" | grep -q "day:2026-10-25" ||
    fail "the autumn DST night does not show its own week"

# Midnight passes while the kiosk runs: the home screen's today follows.
"$aula" --headless --snapshot "$snap" --size "$size" --now 2026-11-23T23:58 --idle 0 \
    --script "targets; wait:180; targets" 2>"$out/midnight.txt" || fail "midnight run"
first=$(grep "^home:" "$out/midnight.txt" | head -n 1)
last=$(grep "^home:" "$out/midnight.txt" | tail -n 1)
echo "$last" | grep -q " occ:" || fail "after midnight the home screen shows no programme"
[ "$first" != "$last" ] || fail "the programme did not change at midnight"

# The real clock, through faketime.
if [ -n "${AULA_NO_FAKETIME:-}" ]; then
    echo "clock: the real clock path under faketime is tested in the gcc build only"
    exit 0
fi
if ! command -v faketime >/dev/null 2>&1; then
    echo "clock: faketime not installed (Debian: faketime); the real clock path is not tested"
    exit 0
fi
# libfaketime is preloaded: AddressSanitizer must not insist on coming first.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
TZ=Europe/Helsinki faketime '2019-01-01 10:15:00' "$aula" --headless --snapshot "$snap" \
    --size "$size" --idle 0 --screenshot "$out/real-behind.png" --script "targets" \
    2>"$out/real-behind.txt" || fail "faketime 2019: $(cat "$out/real-behind.txt")"
if grep "^home:" "$out/real-behind.txt" | grep -q " occ:"; then
    fail "real clock in 2019: a programme is shown as today"
fi
TZ=Europe/Helsinki faketime '2026-11-24 10:15:00' "$aula" --headless --snapshot "$snap" \
    --size "$size" --idle 0 --screenshot "$out/real-right.png" --script "targets" \
    2>"$out/real-right.txt" || fail "faketime 2026: $(cat "$out/real-right.txt")"
grep "^home:" "$out/real-right.txt" | grep -q " occ:" ||
    fail "real clock at the right time: no programme today"
"$check" "$out/real-right.png" "$size" 16 "$out/real-behind.png"

echo "clock: all cases passed"
