#!/bin/sh
# Renders the golden screens of the demo content at one size, in Finnish,
# with the clock frozen, into OUTDIR (one PNG per screen).
#   render.sh AULA SNAPSHOT OUTDIR WxH
# The list of screens is in SHOTS below; golden_test.sh and update.sh both
# use this script, so the references and the test always show the same.
set -eu
aula=$1 snap=$2 out=$3 size=$4
now=2026-11-24T10:15
mkdir -p "$out"
# The set "a11y" (a line of the sizes file like the sizes): home, a service
# and the calendar at 1920x1080 in every shipped language; in Finnish and
# Arabic also with large text and with high contrast (--a11y), in the other
# languages with both at once.
if [ "$size" = a11y ]; then
    three() { # name lang [aula options]
        name=$1 lang=$2
        shift 2
        "$aula" --headless --snapshot "$snap" --size 1920x1080 --now "$now" --lang "$lang" \
            --idle 0 "$@" --screenshot "$out" --script "shot:home-$name.png;
            tap:category:raskaus-vauva; tap:service:aitiysneuvola; shot:service-$name.png;
            tap:home; tap:calendar; shot:calendar-$name.png"
    }
    for lang in fi sv en ar so ru uk; do
        three "$lang" "$lang"
    done
    for lang in fi ar; do
        three "$lang-large" "$lang" --a11y large
        three "$lang-contrast" "$lang" --a11y contrast
    done
    # The other languages in both modes at once: longer words (Somali,
    # Russian) in large text, every language's texts on the dark colours.
    for lang in sv en so ru uk; do
        three "$lang-large-contrast" "$lang" --a11y large,contrast
    done
    exit 0
fi
"$aula" --headless --snapshot "$snap" --size "$size" --now "$now" --lang fi --idle 0 \
    --screenshot "$out" --script "shot:home.png;
    tap:category:raskaus-vauva; shot:category.png;
    tap:service:aitiysneuvola; shot:service.png;
    tap:home; tap:orgs; shot:orgs.png;
    tap:org:hva-perhekeskus; shot:org.png;
    tap:home; tap:calendar; shot:calendar.png;
    tap:day:2026-11-24; shot:calendar-day.png"
# A service with a printer configured (a file standing in for a USB
# printer): the Print button, then the message after a slip was printed.
pdir=$(mktemp -d)
: >"$pdir/lp0"
printf '[printer]\nprinter = escpos-device\nprinter_device = %s/lp0\nprint_status_wait = 0\nprint_state_file = %s/count\n' \
    "$pdir" "$pdir" >"$pdir/aula.conf"
"$aula" --config "$pdir/aula.conf" --headless --snapshot "$snap" --size "$size" --now "$now" \
    --lang fi --idle 0 --screenshot "$out" --script "tap:category:raskaus-vauva;
    tap:service:aitiysneuvola; shot:service-print.png;
    tap:print:service; wait-print:20; shot:service-printed.png" 2>"$pdir/log" ||
    { cat "$pdir/log"; rm -rf "$pdir"; exit 1; }
rm -rf "$pdir"
# The problem screen: no snapshot at a fixed path, so the message is stable.
"$aula" --headless --snapshot /nonexistent/aula/current --size "$size" --now "$now" \
    --screenshot "$out/problem.png" 2>/dev/null
# The staff menu (PIN 2468) at the largest and the smallest size: the PIN
# pad with two digits typed, and the status page, with the last update from
# staff-data/status.json and fixed machine figures (free space, uptime).
case $size in
1920x1080 | 800x480)
    here=$(cd "$(dirname "$0")" && pwd)
    conf=$(mktemp)
    printf '[kiosk]\ndata_dir = %s/staff-data\n\n[staff]\npin_hash = %s\n' "$here" \
        '$argon2id$v=19$m=65536,t=2,p=1$GXXv1cZoo3rgl0xrr8N11w$YGPTUalRDwB0fNPlyW8oQetZQuviDpESXQcTdSWMV2w' \
        >"$conf"
    AULA_TEST_MACHINE="12345678901 31000000000 273600" "$aula" --config "$conf" --headless \
        --snapshot "$snap" --size "$size" --now "$now" --lang fi --idle 0 --screenshot "$out" \
        --script "press:20,20,3200; tap:pin:2; tap:pin:4; shot:staff-pin.png;
        tap:pin:6; tap:pin:8; tap:pin:ok; wait:90; shot:staff.png" || { rm -f "$conf"; exit 1; }
    rm -f "$conf"
    ;;
esac
