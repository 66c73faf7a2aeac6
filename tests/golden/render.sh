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
# and the calendar at 1920x1080 in every shipped language, and in Finnish
# and Arabic also with large text and with high contrast (--a11y).
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
# The problem screen: no snapshot at a fixed path, so the message is stable.
"$aula" --headless --snapshot /nonexistent/aula/current --size "$size" --now "$now" \
    --screenshot "$out/problem.png" 2>/dev/null
