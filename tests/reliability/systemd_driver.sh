#!/bin/sh
# Runs inside the test container booted by systemd_test.sh, as a oneshot
# service of its real systemd, next to the installed aula.service. Checks
# that systemd sees the unit's own settings, then:
#  - a crash loop: the kiosk's main process killed CRASHES times, each
#    time as soon as the new one is ready (SIGSEGV, SIGKILL, SIGABRT and a
#    clean exit on SIGTERM in turn): it must come back every time, never
#    "failed", NRestarts counting each one;
#  - 8 restarts in a row (systemctl restart): no start limit;
#  - a hung main loop: the kiosk stopped with SIGSTOP right after a
#    watchdog ping; systemd must kill it WatchdogSec after that ping and
#    have a new one ready within WatchdogSec + RestartSec + MARGIN of the
#    stop.
# Figures go to OUT/result, the last line PASS or FAIL: ...; the journal to
# OUT/journal.txt. The container powers off when this service ends.
#   systemd_driver.sh OUT CRASHES MARGIN
set -eu
out=$1 crashes=$2 margin=$3
unit=aula.service
show=$out/show.txt

say() { echo "$*" | tee -a "$out/result"; }
fail() {
    say "FAIL: $*"
    systemctl status --no-pager -n 30 "$unit" || true
    exit 1
}

now_us() { python3 -c 'import time; print(time.monotonic_ns() // 1000)'; }
secs() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1e6 }'; } # microseconds as seconds

# The unit's state in shell variables: pid, active, sub, restarts,
# ready_us (when the current instance said READY=1), ping_us (the last
# watchdog ping, or READY).
snap() {
    systemctl show "$unit" -p MainPID -p ActiveState -p SubState -p NRestarts \
        -p ActiveEnterTimestampMonotonic -p WatchdogTimestampMonotonic >"$show"
    pid=$(sed -n 's/^MainPID=//p' "$show")
    active=$(sed -n 's/^ActiveState=//p' "$show")
    sub=$(sed -n 's/^SubState=//p' "$show")
    restarts=$(sed -n 's/^NRestarts=//p' "$show")
    ready_us=$(sed -n 's/^ActiveEnterTimestampMonotonic=//p' "$show")
    ping_us=$(sed -n 's/^WatchdogTimestampMonotonic=//p' "$show")
}

# Waits until a new main process (not $1) is running and has said READY=1
# after $2 (monotonic microseconds), polling at most $3 seconds; "failed"
# on the way fails at once.
wait_ready() {
    end=$(($(now_us) + $3 * 1000000))
    while :; do
        snap
        [ "$active" != failed ] || fail "$unit is failed: systemd gave up restarting ($4)"
        if [ "$pid" != 0 ] && [ "$pid" != "$1" ] && [ "$active" = active ] &&
            [ "$sub" = running ] && [ "$ready_us" -gt "$2" ]; then
            return 0
        fi
        [ "$(now_us)" -lt "$end" ] ||
            fail "no new ready kiosk $3 s after $4 (state $active/$sub, MainPID $pid)"
        sleep 0.1
    done
}

# A timespan as systemd prints it ("30s", "1min 30s", "infinity") in
# microseconds.
span_us() {
    [ "$1" != infinity ] || { echo infinity; return; }
    systemd-analyze timespan "$1" | awk 'NR == 2 { print $2 }'
}

: >"$out/result"

# Start it as a boot would (systemd 252 shows WatchdogUSec=infinity until
# the unit runs: its settings are read after).
t0=$(now_us)
systemctl start "$unit" || fail "systemctl start $unit failed"
wait_ready 0 0 60 "the first start"
first_pid=$pid
say "start: ready $(secs $((ready_us - t0))) s after systemctl start (MainPID $pid)"

# systemd's view of the unit: the installed file, only the container's
# drop-in on top, and the settings that keep the kiosk alive as written.
systemctl show "$unit" -p FragmentPath -p DropInPaths -p Type -p NotifyAccess -p WatchdogUSec \
    -p Restart -p RestartUSec -p StartLimitIntervalUSec -p StartLimitBurst \
    -p StartLimitAction >"$out/settings.txt"
setting() { sed -n "s/^$1=//p" "$out/settings.txt"; }
case $(setting FragmentPath) in
/usr/lib/systemd/system/"$unit" | /lib/systemd/system/"$unit") ;;
*) fail "$unit loaded from '$(setting FragmentPath)', not the installed file" ;;
esac
[ "$(setting DropInPaths)" = /etc/systemd/system/$unit.d/container.conf ] ||
    fail "drop-ins other than the container's: $(setting DropInPaths)"
[ "$(setting Type)" = notify ] || fail "Type=$(setting Type)"
[ "$(setting NotifyAccess)" = main ] || fail "NotifyAccess=$(setting NotifyAccess)"
wd_us=$(span_us "$(setting WatchdogUSec)")
rs_us=$(span_us "$(setting RestartUSec)")
case $wd_us in
'' | 0 | infinity) fail "no watchdog: WatchdogUSec=$(setting WatchdogUSec)" ;;
esac
[ "$rs_us" != infinity ] || fail "RestartUSec=infinity"
say "unit: $(setting FragmentPath): Type=notify, WatchdogSec=$(secs "$wd_us") s," \
    "Restart=$(setting Restart), RestartSec=$(secs "$rs_us") s," \
    "StartLimitIntervalSec=$(setting StartLimitIntervalUSec)," \
    "StartLimitBurst=$(setting StartLimitBurst), StartLimitAction=$(setting StartLimitAction)"

# The crash loop.
i=0 worst=0 fastest=
for_signal() {
    case $(($1 % 4)) in
    1) echo SEGV ;; 2) echo KILL ;; 3) echo ABRT ;; 0) echo TERM ;;
    esac
}
while [ "$i" -lt "$crashes" ]; do
    i=$((i + 1))
    sig=$(for_signal "$i")
    snap
    before=$restarts old=$pid
    t_kill=$(now_us)
    kill -s "$sig" "$old"
    wait_ready "$old" "$t_kill" $((rs_us / 1000000 + margin + 60)) "kill -$sig, round $i"
    took=$((ready_us - t_kill))
    [ "$restarts" -eq $((before + 1)) ] ||
        fail "round $i (kill -$sig): NRestarts went from $before to $restarts"
    # systemd waited RestartSec after the death (timed just before the
    # kill).
    [ "$took" -ge "$rs_us" ] ||
        fail "round $i (kill -$sig): ready again after $(secs "$took") s, before RestartSec"
    [ "$took" -le $((rs_us + margin * 1000000)) ] ||
        fail "round $i (kill -$sig): ready again after $(secs "$took") s, more than" \
            "RestartSec + $margin s"
    if [ "$took" -gt "$worst" ]; then worst=$took; fi
    if [ -z "$fastest" ] || [ "$took" -lt "$fastest" ]; then fastest=$took; fi
    echo "round $i: kill -$sig $old: MainPID $pid ready after $(secs "$took") s"
done
say "crash loop: $crashes kills survived (SIGSEGV, SIGKILL, SIGABRT, SIGTERM in turn)," \
    "ready again after $(secs "$fastest")-$(secs "$worst") s each, NRestarts $restarts"

# Restarts spaced by RestartSec stay under systemd's default start limit
# (5 starts in 10 s), so the crash loop alone cannot show that the unit
# has none: starts in quick succession (an administrator's restarts on
# top of crashes) do.
t_burst=$(now_us)
j=0
while [ "$j" -lt 8 ]; do
    j=$((j + 1))
    systemctl restart "$unit" || fail "systemctl restart $unit failed (restart $j of 8 in a row)"
done
snap
[ "$active/$sub" = active/running ] || fail "after 8 restarts in a row: $active/$sub"
say "restarts in a row: 8 in $(secs $(($(now_us) - t_burst))) s, no start limit (MainPID $pid)"

# A hung main loop: stop the kiosk right after a ping, so systemd's
# watchdog runs out a full WatchdogSec after the stop.
snap
last=$ping_us
wait_end=$(($(now_us) + wd_us + 30000000))
while :; do
    snap
    if [ "$pid" = 0 ] || [ "$active" != active ]; then
        fail "the kiosk stopped while idle ($active/$sub)"
    fi
    [ "$ping_us" = "$last" ] || break
    [ "$(now_us)" -lt "$wait_end" ] ||
        fail "no watchdog ping from MainPID $pid in $(secs $((wd_us + 30000000))) s"
    sleep 0.05
done
hung=$pid before=$restarts ping=$ping_us
t_stop=$(now_us)
kill -s STOP "$hung"
say "hang: the kiosk pinged the watchdog (MainPID $hung); SIGSTOP" \
    "$(secs $((t_stop - ping))) s after the ping"
wait_ready "$hung" "$t_stop" $((wd_us / 1000000 + rs_us / 1000000 + margin + 90)) "SIGSTOP"
took=$((ready_us - t_stop))
! kill -0 "$hung" 2>/dev/null || fail "the hung process $hung is still there"
[ "$restarts" -eq $((before + 1)) ] || fail "hang: NRestarts went from $before to $restarts"
# When systemd gave up on it: its own log line, with the journal's
# monotonic time.
journalctl -u "$unit" -o short-monotonic --no-pager | grep 'Watchdog timeout' >"$out/wd.txt" ||
    fail "hang: no 'Watchdog timeout' from systemd: restarted for another reason"
[ "$(wc -l <"$out/wd.txt")" -eq 1 ] || fail "hang: $(wc -l <"$out/wd.txt") watchdog timeouts"
wd_line=$(cat "$out/wd.txt")
wd_at=$(echo "$wd_line" | sed 's/^\[ *\([0-9]*\)\.\([0-9]*\)\].*/\1\2/')
since_ping=$((wd_at - ping))
[ "$since_ping" -ge $((wd_us - 500000)) ] ||
    fail "hang: the watchdog fired $(secs "$since_ping") s after the last ping, before WatchdogSec"
[ "$since_ping" -le $((wd_us + margin * 1000000)) ] ||
    fail "hang: the watchdog fired $(secs "$since_ping") s after the last ping"
bound=$((wd_us + rs_us + margin * 1000000))
[ "$took" -le "$bound" ] ||
    fail "hang: new kiosk ready $(secs "$took") s after SIGSTOP, more than WatchdogSec +" \
        "RestartSec + $margin s = $(secs "$bound") s"
say "hang: watchdog timeout $(secs "$since_ping") s after the last ping," \
    "new kiosk (MainPID $pid) ready $(secs "$took") s after SIGSTOP" \
    "(bound $(secs "$bound") s = WatchdogSec + RestartSec + $margin s)"

snap
[ "$active/$sub" = active/running ] || fail "at the end: $active/$sub"
! journalctl -u "$unit" --no-pager | grep -q -i 'start-limit\|repeated too quickly' ||
    fail "the journal shows a start limit"
say "end: active/running, never failed: $((crashes + 1)) automatic restarts ($crashes kills," \
    "1 hang) and 8 by hand; first MainPID $first_pid, now $pid"
say PASS
