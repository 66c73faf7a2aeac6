#!/bin/sh
# Headless tests of the kiosk's behaviour on the demo content: the quick
# exit of sensitive pages, an activity without a service opening its day, content reload while running (a new snapshot
# shows, a broken one is refused), a damaged snapshot refused with the
# problem screen, and the configuration file.
#   features_test.sh AULA AULA_PACK PNG_CHECK DEMO_SNAPSHOT OUTDIR CASE
set -eu
aula=$1 pack=$2 check=$3 snap=$4 out=$5 case=$6
src=$(cd "$(dirname "$0")/../.." && pwd)
now=2026-11-24T10:15
out=$out/$case
rm -rf "$out"
mkdir -p "$out"

run() { # size dir script [more options]
    size=$1 dir=$2 script=$3
    shift 3
    "$aula" --headless --snapshot "$snap" --size "$size" --now "$now" --idle 0 \
        --screenshot "$dir" --script "$script" "$@"
}

fail() {
    echo "FAIL: $*"
    exit 1
}

wait_for() { # file pattern seconds: waits until a line of file matches
    i=0
    while ! grep -q "$2" "$1" 2>/dev/null; do
        i=$((i + 1))
        [ $i -le $(($3 * 10)) ] || { cat "$1"; fail "no \"$2\" in $1 after $3 s"; }
        sleep 0.1
    done
}

swap() { # dir target: points dir/current at target atomically, as aula-sync does
    ln -s "$2" "$1/current.new"
    mv -T "$1/current.new" "$1/current"
}

damage() { # in out: a copy with 64 bytes overwritten at the start of the middle page
    size=$(wc -c <"$1")
    page=4096
    cp "$1" "$2"
    off=$((size / 2 / page * page))
    printf '%064d' 0 | tr 0 '\377' | dd of="$2" bs=1 seek="$off" conv=notrunc status=none
}

case $case in
quick-exit)
    # A sensitive service: "Close" goes home at once, with no way back.
    run 1280x800 "$out" "shot:home.png; tap:category:kriisiapu; tap:service:turvakoti;
        shot:service.png; swipe:400,700,400,300; wait:2; tap:quick-exit; shot:after.png;
        key:Escape; key:Escape; targets" 2>"$out/targets.txt"
    "$check" "$out/service.png" 1280x800 24 "$out/home.png"
    cmp "$out/home.png" "$out/after.png" || fail "after the quick exit the screen is not home"
    # Back (Esc) has nowhere to go: still home.
    grep -q "^home: .*category:" "$out/targets.txt" || fail "Back after the quick exit left home"
    # In another language it ends the visit as the idle reset does: home
    # in the default language, nothing of the visitor's choices left.
    run 1280x800 "$out/ar" "tap:lang:ar; tap:category:kriisiapu; tap:service:turvakoti;
        tap:quick-exit; shot:after.png"
    cmp "$out/home.png" "$out/ar/after.png" || fail "the quick exit kept the visitor's language"
    # Its organisation too.
    run 800x480 "$out/org" "shot:home.png; tap:orgs; tap:org:etkoti-itaranta;
        tap:quick-exit; shot:after.png"
    cmp "$out/org/home.png" "$out/org/after.png" || fail "organisation quick exit"
    # An ordinary service has no such button.
    if run 1280x800 "$out/plain" "tap:category:raskaus-vauva; tap:service:aitiysneuvola;
        tap:quick-exit" 2>"$out/plain.err"; then
        fail "an ordinary service shows the quick exit"
    fi
    grep -q "tap:quick-exit: no such target on the service screen" "$out/plain.err" ||
        fail "unexpected error: $(cat "$out/plain.err")"
    ;;
activity-day)
    # An activity with no service of its own opens its day (where its
    # description shows in full), from home and from the week.
    cp "$snap" "$out/free.aula"
    sqlite3 "$out/free.aula" "UPDATE activity SET service_id = NULL WHERE id = 'perhekahvila-ti'"
    occ=$(sqlite3 "$out/free.aula" "SELECT id FROM occurrence
        WHERE activity_id = 'perhekahvila-ti' AND local_date = '2026-11-24'")
    [ -n "$occ" ] || fail "the demo has no Tuesday family café on 2026-11-24"
    snap=$out/free.aula
    run 1920x1080 "$out" "tap:occ:$occ; targets; shot:day.png; key:Escape; targets" \
        2>"$out/home.txt"
    head -1 "$out/home.txt" | grep -q "^calendar: .* day:prev " ||
        fail "from home, the activity did not open its day: $(head -3 "$out/home.txt")"
    tail -1 "$out/home.txt" | grep -q "^home:" || fail "back from the day did not return home"
    run 1920x1080 "$out" "tap:calendar; tap:occ:$occ; targets; key:Escape; targets" \
        2>"$out/week.txt"
    head -1 "$out/week.txt" | grep -q "^calendar: .* day:prev " || fail "from the week, no day view"
    tail -1 "$out/week.txt" | grep -q "^calendar: .* week:prev " ||
        fail "back from the day did not return to the week"
    ;;
reload)
    # The kiosk watches data/current; new content replaces the old without a
    # restart, a broken one is refused and the old content stays.
    mkdir -p "$out/data" "$out/content"
    cp "$snap" "$out/data/snap-1.aula"
    swap "$out/data" snap-1.aula
    cp -r "$src/content/demo/." "$out/content/"
    sed -i 's/Perhekeskus Aurinkolahti/Perhekeskus Uusi Aurinkolahti/' "$out/content/site.csv"
    "$pack" build "$out/content" -o "$out/data/snap-2.aula" --now 2026-11-23T12:00:00Z \
        >/dev/null
    damage "$out/data/snap-2.aula" "$out/data/snap-3.aula"
    "$aula" --headless --watch --snapshot "$out/data/current" --size 1280x800 --now "$now" \
        --idle 0 --screenshot "$out" --script "shot:before.png; wait-content:30;
        shot:after.png; wait-content:30; shot:refused.png" 2>"$out/log" &
    pid=$!
    wait_for "$out/log" "watching .* for new content in current" 10
    swap "$out/data" snap-2.aula
    wait_for "$out/log" "new content shown: .*current (content version" 30
    swap "$out/data" snap-3.aula
    wait "$pid" || { cat "$out/log"; fail "aula failed"; }
    cat "$out/log"
    grep -q "new content refused, still showing content version [0-9]*: .*current: snapshot is damaged" \
        "$out/log" || fail "the damaged snapshot was not refused"
    "$check" "$out/after.png" 1280x800 24 "$out/before.png"
    cmp "$out/after.png" "$out/refused.png" || fail "the picture changed after a refusal"
    # The new site name shows: the picture equals a fresh start on the new content.
    "$aula" --headless --snapshot "$out/data/snap-2.aula" --size 1280x800 --now "$now" \
        --idle 0 --screenshot "$out/fresh" --script "shot:home.png"
    cmp "$out/after.png" "$out/fresh/home.png" || fail "after the switch the screen differs from the new content"
    ;;
reload-first)
    # No content at start (the problem screen); the first snapshot arrives.
    mkdir -p "$out/data"
    cp "$snap" "$out/data/snap-1.aula"
    "$aula" --headless --watch --snapshot "$out/data/current" --size 800x480 --now "$now" \
        --idle 0 --screenshot "$out" --script "shot:problem.png; wait-content:30;
        shot:home.png" 2>"$out/log" &
    pid=$!
    wait_for "$out/log" "watching .* for new content in current" 10
    swap "$out/data" snap-1.aula
    wait "$pid" || { cat "$out/log"; fail "aula failed"; }
    grep -q "new content shown" "$out/log" || fail "the first content was not taken"
    "$aula" --headless --snapshot "$snap" --size 800x480 --now "$now" --idle 0 \
        --screenshot "$out/fresh.png"
    cmp "$out/home.png" "$out/fresh.png" || fail "the first content does not show as home"
    "$check" "$out/problem.png" 800x480 16 "$out/home.png"
    ;;
config)
    # aula.conf: a bad value stops aula with the file, line and reason.
    printf '[sync]\npull_url = https://example.org/a.aula\n\n[kiosk]\nidle_seconds = soon\n' \
        >"$out/bad.conf"
    if "$aula" --config "$out/bad.conf" --check-config 2>"$out/bad.err"; then
        fail "a bad aula.conf was accepted"
    fi
    grep -qx "aula: $out/bad.conf:5: idle_seconds: \"soon\" is not a number of seconds" \
        "$out/bad.err" || fail "unexpected message: $(cat "$out/bad.err")"
    # A snapshot for another site is refused.
    printf '[kiosk]\nsite_id = elsewhere\n' >"$out/site.conf"
    "$aula" --config "$out/site.conf" --headless --snapshot "$snap" --size 800x480 \
        --now "$now" --screenshot "$out/site.png" 2>"$out/site.err"
    grep -q 'is for site "aurinkolahti" but this screen is set up for site "elsewhere"' \
        "$out/site.err" || fail "the site id was not checked: $(cat "$out/site.err")"
    # Offered languages in order, the default language, the idle time, the
    # orientation; an unknown key is a warning.
    cat >"$out/aula.conf" <<CONF
# the kiosk at Aurinkolahti
[kiosk]
site_id = aurinkolahti
languages = en, fi, xx
default_language = en
idle_seconds = 5
orientation = portrait
colour = blue
[printer]
queue = lobby
CONF
    "$aula" --config "$out/aula.conf" --headless --snapshot "$snap" --size 1280x800 \
        --now "$now" --screenshot "$out/lang" --script "shot:home.png; targets;
        tap:calendar; wait:10; targets" 2>"$out/lang.err"
    cat "$out/lang.err"
    grep -q "^home: .* lang:en lang:fi$" "$out/lang.err" || fail "languages not offered as configured"
    grep -q "aula.conf:8: colour: unknown setting in \[kiosk\]; ignored" "$out/lang.err" ||
        fail "no warning about an unknown key"
    grep -q 'languages: the content has no "xx"' "$out/lang.err" || fail "no warning about xx"
    [ "$(grep -c '^home: ' "$out/lang.err")" -eq 2 ] || fail "idle_seconds = 5 did not reset"
    "$check" "$out/lang/home.png" 800x1280 24 # portrait
    # The command line overrides the file: --idle 0 never resets.
    "$aula" --config "$out/aula.conf" --headless --snapshot "$snap" --size 1280x800 \
        --now "$now" --idle 0 --screenshot "$out/cli" --script "tap:calendar; wait:10;
        targets" 2>"$out/cli.err"
    grep -q "^calendar: " "$out/cli.err" || fail "--idle 0 did not override idle_seconds"
    # Accessibility modes every visitor starts with: from the file, the
    # command line over it, and a bad word named with its line.
    printf '[kiosk]\naccessibility = large, reach\n' >"$out/a11y.conf"
    "$aula" --config "$out/a11y.conf" --check-config >"$out/a11y.out"
    grep -qx "accessibility: large,reach" "$out/a11y.out" || fail "accessibility not read: $(cat "$out/a11y.out")"
    "$aula" --config "$out/a11y.conf" --a11y contrast --check-config >"$out/a11y.out"
    grep -qx "accessibility: contrast" "$out/a11y.out" || fail "--a11y did not override the file"
    printf '[kiosk]\naccessibility = large, tiny\n' >"$out/a11y-bad.conf"
    if "$aula" --config "$out/a11y-bad.conf" --check-config 2>"$out/a11y.err"; then
        fail "a bad accessibility value was accepted"
    fi
    grep -q "a11y-bad.conf:2: accessibility: 'tiny': expected large, contrast, reach, motion or none" \
        "$out/a11y.err" || fail "unexpected message: $(cat "$out/a11y.err")"
    ;;
display)
    # [display]: black outside the hours, normal inside; the first tap
    # while off only wakes the screen, the next one acts; the power
    # commands run (here: append to a file).
    log=$out/power.log
    cat >"$out/display.conf" <<CONF
[display]
on = mon-fri 07:30-17:00
off_action = command
power_off_command = echo off >>$log
power_on_command = echo on >>$log
wake_minutes = 2
CONF
    d() { # now dir script
        "$aula" --config "$out/display.conf" --headless --snapshot "$snap" --size 1280x800 \
            --now "$1" --idle 0 --screenshot "$2" --script "$3"
    }
    d 2026-11-24T06:00 "$out/before" "shot:screen.png; targets" 2>"$out/before.err"
    "$check" --black "$out/before/screen.png" 1280x800
    grep -q "^home: $" "$out/before.err" || fail "targets while off: $(cat "$out/before.err")"
    [ "$(cat "$log")" = off ] || fail "power_off_command did not run: $(cat "$log")"
    d 2026-11-24T10:15 "$out/open" "shot:screen.png"
    "$check" "$out/open/screen.png" 1280x800 24
    d 2026-11-24T17:00 "$out/after" "shot:screen.png"
    "$check" --black "$out/after/screen.png" 1280x800
    # Saturday: no hours at all.
    d 2026-11-28T12:00 "$out/sat" "shot:screen.png"
    "$check" --black "$out/sat/screen.png" 1280x800
    # At 06:00 a tap on a tile's place: the screen wakes at home (the tile
    # is not opened); the next tap opens it; after wake_minutes it is off.
    : >"$log"
    d 2026-11-24T06:00 "$out/wake" "tap:640,400; shot:woken.png; targets; tap:640,400;
        shot:tapped.png; wait:130; shot:asleep.png; targets" 2>"$out/wake.err"
    cat "$out/wake.err"
    "$check" "$out/wake/woken.png" 1280x800 24
    cmp "$out/wake/woken.png" "$out/open/screen.png" >/dev/null &&
        fail "woken at 06:00 shows the same as at 10:15 (the clock should differ)"
    "$check" "$out/wake/tapped.png" 1280x800 24 "$out/wake/woken.png"
    grep -q "^home: .*category:" "$out/wake.err" || fail "the waking tap did more than wake"
    grep -q "^list: " "$out/wake.err" && fail "off again, yet a list is still open"
    "$check" --black "$out/wake/asleep.png" 1280x800
    [ "$(tr '\n' ' ' <"$log")" = "off on off " ] ||
        fail "power commands: expected off on off, got: $(cat "$log")"
    # Closing time while someone is using the screen: it stays on for
    # wake_minutes after the last touch, then goes off.
    d 2026-11-24T16:59 "$out/closing" "tap:calendar; wait:90; shot:inuse.png; targets;
        wait:200; shot:closed.png" 2>"$out/closing.err"
    "$check" "$out/closing/inuse.png" 1280x800 24
    grep -q "^calendar: " "$out/closing.err" || fail "at 17:00 the visitor lost the calendar"
    "$check" --black "$out/closing/closed.png" 1280x800
    # A failing command is logged once
    # and the screen is black anyway.
    printf '[display]\non = daily 08:00-16:00\noff_action = command\npower_off_command = exit 3\n' \
        >"$out/fail.conf"
    "$aula" --config "$out/fail.conf" --headless --snapshot "$snap" --size 800x480 \
        --now 2026-11-24T20:00 --screenshot "$out/fail.png" 2>"$out/fail.err"
    "$check" --black "$out/fail.png" 800x480
    grep -q "power_off_command failed (exit status 3): exit 3" "$out/fail.err" ||
        fail "no message about the failing command: $(cat "$out/fail.err")"
    # A hanging command is stopped after command_timeout; the kiosk never
    # waits for it (the whole run takes less than the command would).
    printf '[display]\non = daily 08:00-16:00\noff_action = command\npower_off_command = sleep 30\ncommand_timeout = 1\n' \
        >"$out/hang.conf"
    start=$(date +%s)
    "$aula" --config "$out/hang.conf" --headless --snapshot "$snap" --size 800x480 \
        --now 2026-11-24T20:00 --screenshot "$out/hang.png" 2>"$out/hang.err"
    [ $(($(date +%s) - start)) -lt 15 ] || fail "a hanging power command held up the kiosk"
    "$check" --black "$out/hang.png" 800x480
    grep -q "power_off_command did not finish within 1 s and was stopped: sleep 30" \
        "$out/hang.err" || fail "no message about the hanging command: $(cat "$out/hang.err")"
    # off_action = dim: the picture, darker.
    printf '[display]\non = daily 08:00-16:00\noff_action = dim\n' >"$out/dim.conf"
    "$aula" --config "$out/dim.conf" --headless --snapshot "$snap" --size 1280x800 \
        --now 2026-11-24T06:00 --idle 0 --screenshot "$out/dim.png"
    "$check" --black "$out/dim.png" 1280x800 2>/dev/null && fail "dim is all black"
    cmp -s "$out/dim.png" "$out/before/screen.png" && fail "dim looks like black"
    # hours = site: the demo site (pk-1krs) opens at 7.45 on Tuesdays and is
    # closed on Independence Day (Sunday) and on Christmas Eve (Thursday).
    printf '[display]\nhours = site\n' >"$out/site.conf"
    for t in 2026-11-24T07:40:black 2026-11-24T07:50:on 2026-12-24T10:00:black \
        2026-12-23T10:00:on; do
        now=${t%:*}
        "$aula" --config "$out/site.conf" --headless --snapshot "$snap" --size 800x480 \
            --now "$now" --screenshot "$out/site.png"
        if [ "${t##*:}" = black ]; then
            "$check" --black "$out/site.png" 800x480 || fail "hours = site at $now: not black"
        else
            "$check" "$out/site.png" 800x480 24 || fail "hours = site at $now: not shown"
        fi
    done
    # A bad value: file and line.
    printf '[kiosk]\nidle_seconds = 5\n[display]\non = mon-fri 07:30-17\n' >"$out/bad.conf"
    if "$aula" --config "$out/bad.conf" --check-config 2>"$out/bad.err"; then
        fail "a bad [display] was accepted"
    fi
    grep -q "^aula: $out/bad.conf:4: on: \"07:30-17\" is not a time range" "$out/bad.err" ||
        fail "unexpected message: $(cat "$out/bad.err")"
    ;;
shift)
    # Burn-in care: with --shift the picture moves with the clock, at most
    # 4 px each way, and differently at two times; headless pictures are
    # not shifted by default (golden screenshots stay stable).
    for t in 2026-11-24T10:15 2026-11-24T10:24; do
        n=$(echo "$t" | tr -d ':-')
        "$aula" --headless --snapshot "$snap" --size 1280x800 --now "$t" --idle 0 \
            --screenshot "$out/plain-$n.png"
        "$aula" --headless --snapshot "$snap" --size 1280x800 --now "$t" --idle 0 --shift \
            --screenshot "$out/shift-$n.png"
        "$check" --offset "$out/plain-$n.png" "$out/shift-$n.png" 4 >"$out/offset-$n.txt" ||
            fail "at $t the shifted picture is not the plain one moved by at most 4 px"
        echo "$t: offset $(cat "$out/offset-$n.txt")"
    done
    cmp -s "$out/offset-20261124T1015.txt" "$out/offset-20261124T1024.txt" &&
        fail "the same offset at 10:15 and 10:24"
    # A tap on a shifted screen hits what is drawn there.
    "$aula" --headless --snapshot "$snap" --size 1280x800 --now 2026-11-24T10:15 --idle 0 \
        --shift --screenshot "$out/tap" --script "tap:calendar; targets" 2>"$out/tap.err"
    grep -q "^calendar: " "$out/tap.err" || fail "tap on the shifted screen: $(cat "$out/tap.err")"
    ;;
corrupt)
    # A damaged copy of a good snapshot is refused: the problem screen.
    damage "$snap" "$out/damaged.aula"
    "$aula" --headless --snapshot "$out/damaged.aula" --size 1280x800 --now "$now" \
        --screenshot "$out/problem.png" 2>"$out/log"
    cat "$out/log"
    grep -q "damaged" "$out/log" || fail "the damaged snapshot was not reported"
    "$check" "$out/problem.png" 1280x800 16
    "$aula" --headless --snapshot /nonexistent/aula/current --size 1280x800 --now "$now" \
        --screenshot "$out/missing.png" 2>/dev/null
    "$check" "$out/problem.png" 1280x800 16 "$out/missing.png" # the "broken" text
    ;;
*)
    echo "unknown case $case"
    exit 2
    ;;
esac
echo "ok: $case"
