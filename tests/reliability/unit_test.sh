#!/bin/sh
# The kiosk's systemd unit keeps it running without anyone watching:
# systemd restarts a hung kiosk (Type=notify with WatchdogSec; the kiosk's
# pings and their stop during a hang are tested by kiosk_watchdog), and a
# crash loop never makes systemd give up (Restart=always, no start limit:
# StartLimitIntervalSec=0 in [Unit], where systemd reads it).
#   unit_test.sh packaging/systemd/aula.service
set -eu
unit=$1

fail() {
    echo "FAIL: $unit: $*"
    exit 1
}

# key=value within [section], the last one winning as in systemd.
get() {
    awk -v sec="[$1]" -v key="$2" '
        /^\[/ { in_sec = ($0 == sec); next }
        in_sec && index($0, key "=") == 1 { v = substr($0, length(key) + 2) }
        END { print v }' "$unit"
}

[ "$(get Service Type)" = notify ] || fail "Type must be notify (readiness and watchdog)"
[ "$(get Service NotifyAccess)" = main ] || fail "NotifyAccess must be main"
wd=$(get Service WatchdogSec)
[ -n "$wd" ] && [ "$wd" != 0 ] || fail "no WatchdogSec: a hung kiosk would never be restarted"
[ "$(get Service Restart)" = always ] || fail "Restart must be always"
[ "$(get Unit StartLimitIntervalSec)" = 0 ] ||
    fail "StartLimitIntervalSec=0 must be in [Unit]: else a crash loop stops the service"
[ -z "$(get Service StartLimitIntervalSec)$(get Service StartLimitBurst)" ] ||
    fail "start limits in [Service] are ignored or deprecated; keep them in [Unit]"
[ -z "$(get Unit StartLimitAction)" ] || fail "StartLimitAction would reboot or stop"
case $(get Service RestartSec) in
"" | 0 | 0s | [1-9] | [1-9]s) ;;
*) fail "RestartSec $(get Service RestartSec): the lobby waits too long for the screen" ;;
esac
echo "unit: Type=notify, WatchdogSec=$wd, Restart=always, no start limit"
