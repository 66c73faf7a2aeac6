#!/bin/sh
# Headless tests of the kiosk's behaviour on the demo content: the quick
# exit of sensitive pages, content reload while running (a new snapshot
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
