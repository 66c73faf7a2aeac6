#!/bin/sh
# banner_test: the content-update banner. A headless kiosk watches a data
# directory; status.json is written there mid-script as aula-sync writes it
# (a new file renamed over the old): "installed" shows "Content updated to
# version N" in the site's default language at the top of the screen, the
# screen under it still answers taps, the banner is gone after ten
# seconds; a refusal shows its reason; the same refusal again shows
# nothing new; the status.json present at start is not shown.
# Usage: banner_test.sh AULA SNAPSHOT WORKDIR
set -u
AULA=$1 SNAP=$2 W=$3
rm -rf "$W" && mkdir -p "$W/data" || exit 1
fails=0
fail() { echo "FAIL: banner: $*"; fails=$((fails + 1)); }
cp "$SNAP" "$W/data/snap-1.aula"
ln -s snap-1.aula "$W/data/current"
status() { # RESULT VERSION BANNER
    printf '{"current_version": %s, "last_result": "%s", "banner": "%s"}\n' "$2" "$1" "$3" \
        >"$W/data/.status.tmp"
    mv "$W/data/.status.tmp" "$W/data/status.json"
}
wait_for() { # FILE PATTERN SECONDS
    i=0
    while ! grep -q "$2" "$1" 2>/dev/null && [ $i -lt $(($3 * 20)) ]; do
        sleep 0.05; i=$((i + 1))
    done
}
status refused 1 "Not installed: signature not trusted" # old news at start
"$AULA" --headless --watch --snapshot "$W/data/current" --size 1280x800 --lang en \
    --now 2026-11-24T10:15 --idle 0 --screenshot "$W" --script "notices;
    wait-status:20; notices; shot:banner.png; tap:services; targets; notices; wait:11; notices;
    wait-status:20; notices; wait-status:20; notices" >"$W/out" 2>&1 &
pid=$!
wait_for "$W/out" "watching .* for new content in status.json" 10
status installed 7 "Content updated to version 7"
wait_for "$W/out" "banner: " 10
sleep 0.5
status refused 7 "Not installed: the content is for another site"
wait_for "$W/out" "banner: Ei asennettu" 10
sleep 0.5
status refused 7 "Not installed: the content is for another site"
wait "$pid" || { cat "$W/out"; fail "aula failed"; }
grep "^notice: staff:" "$W/out" >"$W/staff"
# 1 at start, 2 after installed, 3 after the tap, 4 after 11 s, 5 refusal, 6 the same again
[ "$(sed -n 1p "$W/staff")" = "notice: staff: " ] || fail "the status at start was shown"
[ "$(sed -n 2p "$W/staff")" = "notice: staff: Sisältö päivitetty versioon 7" ] ||
    fail "no 'updated' banner in the site's language (fi): $(sed -n 2p "$W/staff")"
grep -q "^list: .*service:" "$W/out" || fail "the screen under the banner did not answer the tap"
[ "$(sed -n 3p "$W/staff")" = "notice: staff: Sisältö päivitetty versioon 7" ] ||
    fail "the banner went away at the tap"
[ "$(sed -n 4p "$W/staff")" = "notice: staff: " ] || fail "the banner did not go away"
[ "$(sed -n 5p "$W/staff")" = "notice: staff: Ei asennettu: sisältö on toiselle toimipaikalle" ] ||
    fail "no refusal banner: $(sed -n 5p "$W/staff")"
[ "$(grep -c "banner: " "$W/out")" = 2 ] || fail "a repeated refusal was shown again"
grep -q "^notice: visitor: $" "$W/out" || fail "the banner took the visitor's message place"
[ $fails = 0 ] && echo "banner_test: passed"
exit $((fails > 0))
