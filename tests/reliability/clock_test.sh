#!/bin/sh
# A wrong clock: before the snapshot was built, far in the future, the
# night of a daylight saving change (the repeated hour in October, the
# missing one in March). The kiosk must run, show no programme as
# "today" that is not today, and the calendar must be right once the
# clock is: a frozen clock (--now) for each case, across midnight and set
# while the kiosk runs (now:); then the real clock under faketime (when
# installed): at start, and set right while the kiosk runs, as NTP does
# after a boot without a clock.
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

# The clock set while the kiosk runs (frozen clock, set by the script):
# from before the build and from the far future to the right time, with
# the calendar open. Today's programme comes back on home, the staff
# notice goes, the calendar shows this week.
for c in behind:2019-01-01T10:15 future:2099-11-24T10:15; do
    name=set-${c%%:*} now=${c#*:}
    "$aula" --headless --snapshot "$snap" --size "$size" --now "$now" --idle 0 --lang en \
        --script "targets; notices; tap:calendar; now:2026-11-24T10:15; targets; tap:home;
        targets; notices" 2>"$out/$name.txt" || fail "$name: the kiosk failed: $(cat "$out/$name.txt")"
    if grep "^home:" "$out/$name.txt" | head -n 1 | grep -q " occ:"; then
        fail "$name: a programme shown as today before the clock was set"
    fi
    grep "^notice: screen:" "$out/$name.txt" | head -n 1 | grep -q -e clock -e "out of date" ||
        fail "$name: no notice for staff before the clock was set"
    grep -q "clock: set .* to 2026-11-24 10:15" "$out/$name.txt" ||
        fail "$name: the kiosk did not see the clock set"
    grep "^calendar:" "$out/$name.txt" | grep -q "day:2026-11-23" ||
        fail "$name: the open calendar did not move to this week"
    grep "^home:" "$out/$name.txt" | tail -n 1 | grep -q " occ:" ||
        fail "$name: no programme today after the clock was set"
    [ "$(grep "^notice: screen:" "$out/$name.txt" | tail -n 1)" = "notice: screen: " ] ||
        fail "$name: the staff notice stayed after the clock was set"
done

# The real clock, through faketime. The faked clock follows the
# modification time of a file (faketime -f %, FAKETIME_FOLLOW_FILE) and
# runs on from there (FAKETIME_DONT_RESET); the test changes the file
# while the kiosk runs. The monotonic clock stays real
# (FAKETIME_DONT_FAKE_MONOTONIC): NTP sets only the wall clock, and the
# kiosk's waits (SDL ticks) must go on. With the monotonic clock faked
# too, a frozen fake clock stops every timed wait (SDL's ticks stand
# still), and a set moves the ticks by the same years, so nothing looks
# like a clock set. A timestamp file (FAKETIME_TIMESTAMP_FILE) is not
# used: libfaketime reads it with fopen() and parses it with mktime()
# inside clock_gettime(), which AddressSanitizer's allocator calls while
# it holds its own lock, and the kiosk deadlocks at start. Following a
# file's time needs only stat(). Even so libfaketime's own start-up can
# deadlock under AddressSanitizer (its dlsym() error path allocates), so
# the sanitizer build skips these cases (AULA_NO_FAKETIME).
if [ -n "${AULA_NO_FAKETIME:-}" ]; then
    echo "clock: the real clock under faketime is tested in the gcc build only (see CMakeLists.txt)"
    exit 0
fi
if ! command -v faketime >/dev/null 2>&1; then
    [ "${CI:-}" != true ] || fail "faketime is not installed (packaging/deps.sh installs it)"
    echo "clock: faketime not installed (Debian: faketime); the real clock path is not tested"
    exit 0
fi
# libfaketime is preloaded: AddressSanitizer must not insist on coming first.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

set_clock() { # name time: the faked clock of run name shows time (site time) from now on
    TZ=Europe/Helsinki touch -d "$2" "$out/$1.clock" || fail "$1: cannot set the clock file to $2"
}

# A kiosk that hangs is killed (SIGKILL: a hung one does not stop on SIGTERM).
real_kiosk() { # name script...: the kiosk on the faked system clock, stderr to $out/name.txt
    n=$1
    shift
    FAKETIME_FOLLOW_FILE="$out/$n.clock" FAKETIME_DONT_RESET=1 FAKETIME_CACHE_DURATION=1 \
        FAKETIME_DONT_FAKE_MONOTONIC=1 TZ=Europe/Helsinki timeout -s KILL 180 faketime -f % \
        "$aula" --headless --snapshot "$snap" --size "$size" --idle 0 "$@" 2>"$out/$n.txt"
}

# At start.
set_clock real-behind '2019-01-01 10:15:00'
real_kiosk real-behind --screenshot "$out/real-behind.png" --script "targets" ||
    fail "faketime 2019: $(cat "$out/real-behind.txt")"
if grep "^home:" "$out/real-behind.txt" | grep -q " occ:"; then
    fail "real clock in 2019: a programme is shown as today"
fi
set_clock real-right '2026-11-24 10:15:00'
real_kiosk real-right --screenshot "$out/real-right.png" --script "targets" ||
    fail "faketime 2026: $(cat "$out/real-right.txt")"
grep "^home:" "$out/real-right.txt" | grep -q " occ:" ||
    fail "real clock at the right time: no programme today"
"$check" "$out/real-right.png" "$size" 16 "$out/real-behind.png"

# Set right while the kiosk runs. It starts at 10:15:00 (2019): its next
# minute tick is a whole minute away, the longest it can take to notice
# when nothing tells it at once. (A real system also tells it at once: a
# timerfd cancelled on a clock set, which a faked clock cannot trigger.)
# The kiosk runs its own loop on real time (wait-clock:) until it has seen
# the set; it must take no longer than that minute (with 15 s to spare for
# a loaded machine).
set_clock real-jump '2019-01-01 10:15:00'
real_kiosk real-jump --lang en --script "targets; notices; wait-clock:120; targets; notices;
    tap:calendar; targets" &
pid=$!
tries=0
until grep -q "^notice: screen:" "$out/real-jump.txt" 2>/dev/null; do
    tries=$((tries + 1))
    [ "$tries" -le 60 ] || fail "real clock jump: the kiosk did not start in 60 s"
    sleep 1
done
set_clock real-jump '2026-11-24 10:15:00'
set_at=$(date +%s)
wait "$pid" || fail "real clock jump: $(cat "$out/real-jump.txt")"
took=$(($(date +%s) - set_at))
[ "$took" -le 75 ] || fail "real clock jump: the kiosk took $took s to follow the clock (at most 75)"
if grep "^home:" "$out/real-jump.txt" | head -n 1 | grep -q " occ:"; then
    fail "real clock jump: a programme shown as today in 2019"
fi
grep "^notice: screen:" "$out/real-jump.txt" | head -n 1 | grep -q "clock" ||
    fail "real clock jump: no clock notice for staff in 2019"
grep -q "clock: set forward .* to 2026-11-24 10:1" "$out/real-jump.txt" ||
    fail "real clock jump: the kiosk did not say the clock was set"
grep "^home:" "$out/real-jump.txt" | tail -n 1 | grep -q " occ:" ||
    fail "real clock jump: no programme today after the clock was set"
[ "$(grep "^notice: screen:" "$out/real-jump.txt" | tail -n 1)" = "notice: screen: " ] ||
    fail "real clock jump: the staff notice stayed after the clock was set"
grep "^calendar:" "$out/real-jump.txt" | grep -q "day:2026-11-23" ||
    fail "real clock jump: the calendar does not show the week of 2026-11-24"

echo "clock: all cases passed (the running kiosk followed the clock set in $took s)"
