#!/bin/sh
# Headless tests of the kiosk's anonymous counters ([stats] in aula.conf):
# a scripted visit counted by local day, kind and id; text typed into the
# search never reaching the counter file; a counter file that cannot be
# opened leaving the kiosk running.
#   stats_test.sh AULA AULA_STATS DEMO_SNAPSHOT OUTDIR CASE [PNG_CHECK GOLDEN_CMP]
# AULA_UPDATE_GOLDEN=1 rewrites the summary's reference picture.
set -eu
aula=$1 stats=$2 snap=$3 out=$4 case=$5 check=${6:-} cmp=${7:-}
here=$(cd "$(dirname "$0")" && pwd)
out=$out/$case
rm -rf "$out"
mkdir -p "$out"

fail() {
    echo "FAIL: $*"
    exit 1
}

conf() { # db [more lines]: writes $out/aula.conf
    db=$1
    shift
    printf '[stats]\nfile = %s\n' "$db" >"$out/aula.conf"
    for l in "$@"; do printf '%s\n' "$l" >>"$out/aula.conf"; done
}

run() { # now script [more options]
    now=$1 script=$2
    shift 2
    "$aula" --config "$out/aula.conf" --headless --snapshot "$snap" --size 1280x800 --now "$now" \
        --idle 0 --screenshot "$out" --script "$script" "$@"
}

expect() { # csv line: the export must hold it
    grep -qx "$1" "$out/export.csv" || { cat "$out/export.csv"; fail "no \"$1\" in the export"; }
}

case $case in
count)
    conf "$out/stats.db"
    # 01:30 in Helsinki is still the day before in UTC: the local day counts.
    run 2026-11-24T01:30 "tap:category:neuvola-terveys; tap:service:lastenneuvola;
        tap:qr:contact:1; tap:qr:service; tap:home; tap:lang:sv; tap:search; type:xyzzyq;
        tap:back; tap:search; type:neuvola; tap:home; tap:orgs; tap:home; tap:lang:en"
    # A second visit the same day adds up.
    run 2026-11-24T15:00 "tap:category:neuvola-terveys; tap:home; tap:search; tap:home"
    "$stats" export --db "$out/stats.db" >"$out/export.csv"
    for l in 2026-11-24,category,neuvola-terveys,2 2026-11-24,service,lastenneuvola,1 \
        2026-11-24,screen,list,3 2026-11-24,screen,service,1 2026-11-24,screen,search,3 \
        2026-11-24,language,sv,1 2026-11-24,language,en,1 2026-11-24,qr,tel,1 \
        2026-11-24,qr,vcard,1 2026-11-24,search,empty,1 2026-11-24,search,found,1; do
        expect "$l"
    done
    # A search screen opened without typing is no search.
    [ "$(grep -c '^[^,]*,search,' "$out/export.csv")" = 2 ] || fail "a search without text was counted"
    ! grep -q '^2026-11-23' "$out/export.csv" || fail "counted on the UTC day, not the local one"
    ;;
private)
    conf "$out/stats.db"
    run 2026-11-24T10:15 "tap:search; type:Salainenkoti; wait:1; tap:home; tap:search;
        type:lastenneuvola; shot:typed.png"
    ls "$out"/stats.db* >"$out/files.txt"
    # The scan can see what is in the file (an id that was counted) ...
    grep -aq "search" "$out/stats.db" || fail "the scan cannot read the counter file"
    # ... and no typed word is there, in any case, in the file or its journal.
    for f in "$out"/stats.db*; do
        if grep -aiq "salainen" "$f" || grep -aiq "lastenneuvola" "$f"; then
            fail "$f holds text typed into the search"
        fi
    done
    ;;
broken)
    # A counter file that cannot be opened: one log line, the kiosk runs on.
    conf "$out/no/such/dir/stats.db"
    run 2026-11-24T10:15 "tap:category:neuvola-terveys; shot:list.png" 2>"$out/log.txt"
    [ -s "$out/list.png" ] || fail "the kiosk did not run without its counter file"
    [ "$(grep -c 'stats.db' "$out/log.txt")" = 1 ] || { cat "$out/log.txt"; fail "not one log line"; }
    # Off: no file at all.
    conf "$out/off.db" "enabled = off"
    run 2026-11-24T10:15 "tap:category:neuvola-terveys"
    [ ! -e "$out/off.db" ] || fail "counted although [stats] enabled = off"
    ;;
feedback)
    conf "$out/stats.db"
    # An unhappy answer asks what was missing; a topic tapped; thanks; home.
    run 2026-11-24T10:15 "tap:feedback; shot:ask.png; tap:answer:en; shot:topics.png;
        tap:topic:arki-tuki; shot:thanks.png; wait:9; shot:after.png; targets" 2>"$out/targets.txt"
    grep -q "^home: " "$out/targets.txt" || fail "the thanks did not go home"
    # A happy answer thanks at once (no topics); a skipped topic counts nothing.
    run 2026-11-24T11:00 "tap:feedback; tap:answer:kylla; tap:home; tap:feedback;
        tap:answer:osittain; tap:feedback:skip; tap:home"
    "$stats" export --db "$out/stats.db" >"$out/export.csv"
    for l in 2026-11-24,feedback,en,1 2026-11-24,feedback,kylla,1 2026-11-24,feedback,osittain,1 \
        2026-11-24,feedback_topic,arki-tuki,1 2026-11-24,screen,feedback,3; do
        expect "$l"
    done
    [ "$(grep -c ',feedback_topic,' "$out/export.csv")" = 1 ] || fail "a skipped topic counted"
    ;;
feedback-off)
    # [stats] feedback = off: no button at home, none during the countdown.
    conf "$out/stats.db" "feedback = off"
    run 2026-11-24T10:15 "targets; tap:category:arki-tuki; wait:85; targets" --idle 90 \
        2>"$out/targets.txt"
    grep -q "^home: .*about" "$out/targets.txt" || fail "no about button at home"
    ! grep -q "feedback" "$out/targets.txt" || fail "feedback offered although switched off"
    ;;
idle-offer)
    # During the idle countdown the feedback question is offered; a tap on
    # it opens the question (and stops the countdown).
    conf "$out/stats.db"
    run 2026-11-24T10:15 "tap:category:arki-tuki; wait:85; shot:countdown.png; tap:feedback;
        wait:20; targets" --idle 90 2>"$out/targets.txt"
    grep -q "^feedback: .*answer:kylla" "$out/targets.txt" ||
        { cat "$out/targets.txt"; fail "the offer did not open the question"; }
    ;;
about)
    # The about screen: what is counted, in the visitor's language; with
    # the counters off it says that nothing is counted.
    conf "$out/stats.db"
    run 2026-11-24T10:15 "tap:about; shot:about.png; tap:home; tap:lang:ar; tap:about;
        shot:about-ar.png"
    conf "$out/off.db" "enabled = off"
    run 2026-11-24T10:15 "tap:about; shot:about-off.png"
    for f in about about-ar about-off; do [ -s "$out/$f.png" ] || fail "no $f.png"; done
    ! cmp -s "$out/about.png" "$out/about-off.png" || fail "the privacy note ignores [stats]"
    "$stats" export --db "$out/stats.db" >"$out/export.csv"
    expect 2026-11-24,screen,about,2
    ;;
summary)
    # The weekly picture: a week of visits drawn, the week after left out.
    conf "$out/stats.db"
    run 2026-11-24T10:15 "tap:category:neuvola-terveys; tap:home; tap:category:neuvola-terveys;
        tap:home; tap:category:arki-tuki; tap:home; tap:lang:ar; tap:lang:fi; tap:feedback;
        tap:answer:en; tap:topic:varhaiskasvatus; tap:home; tap:feedback; tap:answer:kylla"
    run 2026-11-29T20:00 "tap:lang:uk; tap:category:vertaistuki; tap:home; tap:search; type:x;
        tap:home"
    run 2026-11-30T09:00 "tap:category:kriisiapu; tap:home; tap:feedback; tap:answer:osittain"
    "$stats" summary --week 2026-W48 -o "$out/summary.png" --db "$out/stats.db" \
        --snapshot "$snap" --config "$out/aula.conf"
    "$check" "$out/summary.png" 1600x900 24
    ref=$here/summary-2026-W48.png
    if [ "${AULA_UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$out/summary.png" "$ref"
    fi
    "$cmp" "$ref" "$out/summary.png" "$out/summary-diff.png" || fail "the summary differs from $ref"
    # Another size; a week that does not exist; no snapshot: ids instead of names.
    "$stats" summary --week 2026-W48 -o "$out/small.png" --db "$out/stats.db" --size 800x600 \
        --snapshot /nonexistent --config "$out/aula.conf" 2>"$out/err.txt"
    "$check" "$out/small.png" 800x600 24
    grep -q "showing ids" "$out/err.txt" || fail "a missing snapshot was not reported"
    if "$stats" summary --week 2021-W53 -o "$out/x.png" --db "$out/stats.db" 2>"$out/err.txt"; then
        fail "2021-W53 accepted"
    fi
    grep -q '"2021-W53" is not an ISO week' "$out/err.txt" || fail "no message for 2021-W53"
    [ ! -e "$out/x.png" ] || fail "a picture for a week that does not exist"
    ;;
*)
    fail "unknown case $case"
    ;;
esac
echo "ok: $case"
