#!/bin/sh
# Headless render tests of aula: every screen at the four layouts, keyboard
# navigation, right-to-left, the problem screen, and QR codes decoded back.
#   render_test.sh AULA PNG_CHECK SNAPSHOT OUTDIR CASE
set -eu
aula=$1 check=$2 snap=$3 out=$4 case=$5
now=2026-11-24T10:15
mkdir -p "$out"

run() { # size dir script
    "$aula" --headless --snapshot "$snap" --size "$1" --now "$now" --screenshot "$2" --script "$3"
}

decode() { # png -> payload
    zbarimg -q --raw "$1" 2>/dev/null | tr -d '\r' | sed '/^$/d'
}

case $case in
screens-*)
    size=${case#screens-}
    dir="$out/$size"
    run "$size" "$dir" "shot:home.png; tap:category:neuvola; shot:category.png;
        tap:service:neuvola-aurinkolahti; shot:service.png; swipe:400,700,400,200; wait:2;
        shot:service-scrolled.png; tap:home; tap:orgs; shot:orgs.png;
        tap:org:hyvinvointialue; shot:org.png; tap:home; tap:calendar; shot:calendar.png;
        tap:week:next; shot:calendar-next.png; tap:home; tap:services; shot:services.png"
    for f in home category service service-scrolled orgs org calendar calendar-next services; do
        "$check" "$dir/$f.png" "$size" 24
    done
    # Pages that must differ from each other.
    "$check" "$dir/calendar-next.png" "$size" 24 "$dir/calendar.png"
    "$check" "$dir/category.png" "$size" 24 "$dir/home.png"
    ;;
scroll)
    run 1920x1080 "$out/scroll" "tap:category:neuvola; tap:service:neuvola-aurinkolahti;
        shot:top.png; swipe:400,900,400,300,200; wait:3; shot:scrolled.png"
    "$check" "$out/scroll/scrolled.png" 1920x1080 24 "$out/scroll/top.png"
    ;;
keyboard)
    # Tab to the first tile, open it, Down/Return to a service, Esc back home.
    run 1920x1080 "$out/keys" "key:Tab; shot:focus.png; key:Return; shot:list.png;
        key:Return; shot:detail.png; key:Escape; key:Escape; shot:home.png"
    "$check" "$out/keys/focus.png" 1920x1080 24
    "$check" "$out/keys/list.png" 1920x1080 24 "$out/keys/focus.png"
    "$check" "$out/keys/detail.png" 1920x1080 24 "$out/keys/list.png"
    ;;
rtl)
    run 1920x1080 "$out/rtl" "shot:fi.png; tap:lang:ar; shot:ar.png; tap:category:neuvola;
        tap:service:neuvola-aurinkolahti; shot:ar-service.png"
    "$check" "$out/rtl/ar.png" 1920x1080 24 "$out/rtl/fi.png"
    "$check" "$out/rtl/ar-service.png" 1920x1080 24
    ;;
idle)
    # After the quiet time the screen goes home in the default language.
    "$aula" --headless --snapshot "$snap" --size 1280x800 --now "$now" --idle 30 \
        --screenshot "$out/idle" --script "shot:home.png; tap:lang:en; tap:calendar;
        wait:25; shot:warning.png; wait:10; shot:after.png"
    "$check" "$out/idle/warning.png" 1280x800 24
    cmp "$out/idle/home.png" "$out/idle/after.png"
    ;;
more-time)
    # No time pressure: the idle notice's large More time button keeps the
    # visitor where they are for one more idle time; then the reset comes.
    # The visitor's accessibility modes are reset with it.
    dir="$out/more-time"
    "$aula" --headless --snapshot "$snap" --size 1280x800 --now "$now" --idle 30 \
        --screenshot "$dir" --script "tap:services; a11y:large,contrast; wait:22; shot:notice.png;
        targets; tap:more_time; wait:40; targets; shot:later.png; wait:25; targets;
        shot:reset.png" 2>"$dir.targets"
    "$check" "$dir/notice.png" 1280x800 24
    for i in 1 2 3; do sed -n ${i}p "$dir.targets" >"$dir.t$i"; done
    grep -q '^list: .* more_time' "$dir.t1" || { echo "no More time button: $(cat "$dir.t1")"; exit 1; }
    grep -q '^list: back ' "$dir.t2" || { echo "went home despite More time: $(cat "$dir.t2")"; exit 1; }
    grep -q 'more_time' "$dir.t2" && { echo "the notice stayed: $(cat "$dir.t2")"; exit 1; }
    grep -q '^home: .* a11y' "$dir.t3" || { echo "no idle reset after the extra time: $(cat "$dir.t3")"; exit 1; }
    # The reset also dropped large text and high contrast: the picture is
    # the plain home screen again (87 s later: the clock says 10.16).
    "$aula" --headless --snapshot "$snap" --size 1280x800 --now 2026-11-24T10:16 --idle 0 \
        --screenshot "$dir/plain.png"
    "$check" "$dir/reset.png" 1280x800 24
    cmp "$dir/plain.png" "$dir/reset.png" >/dev/null || { echo "modes not reset"; exit 1; }
    ;;
problem)
    "$aula" --headless --snapshot "$out/no-such-file.aula" --size 1280x800 \
        --screenshot "$out/problem-missing.png"
    "$check" "$out/problem-missing.png" 1280x800 16
    printf 'not a database' > "$out/broken.aula"
    "$aula" --headless --snapshot "$out/broken.aula" --size 800x480 \
        --screenshot "$out/problem-broken.png"
    "$check" "$out/problem-broken.png" 800x480 16
    ;;
qr)
    run 1920x1080 "$out/qr" "tap:category:neuvola; tap:service:neuvola-aurinkolahti;
        shot:tel.png; tap:qr:contact:0; shot:vcard.png; tap:qr:web; shot:web.png; tap:home; tap:orgs;
        tap:org:mll-vuosaari; tap:qr:contact:0; shot:org-vcard.png"
    got=$(decode "$out/qr/tel.png")
    [ "$got" = "tel:+358900044444" ] || { echo "tel QR decoded as '$got'"; exit 1; }
    # The service's website, from the button under the code.
    got=$(decode "$out/qr/web.png")
    [ "$got" = "https://example.org/neuvola" ] || { echo "web QR decoded as '$got'"; exit 1; }
    got=$(decode "$out/qr/vcard.png")
    want='BEGIN:VCARD
VERSION:3.0
N:Virtanen;Anna;;;
FN:Anna Virtanen
ORG:Itä-Helsingin hyvinvointipalvelut
TITLE:Terveydenhoitaja
TEL;TYPE=VOICE:+358400004567
EMAIL;TYPE=INTERNET:anna.virtanen@example.org
END:VCARD'
    [ "$got" = "$want" ] || { echo "vCard QR decoded as:"; echo "$got"; exit 1; }
    decode "$out/qr/org-vcard.png" | grep -qx 'FN:Mikko Korhonen' ||
        { echo "organisation contact QR did not decode"; exit 1; }
    # Small screen: the code still decodes.
    run 800x480 "$out/qr-small" "tap:category:neuvola; tap:service:neuvola-aurinkolahti;
        tap:qr:contact:0; tap:qr:service; shot:tel.png"
    got=$(decode "$out/qr-small/tel.png")
    [ "$got" = "tel:+358900044444" ] || { echo "small-screen tel QR decoded as '$got'"; exit 1; }
    ;;
search-*)
    # Search as you type: hits after each letter, a hit opens its detail,
    # nothing found says so; in Arabic with the Arabic keyboard; with a
    # keypad and a physical keyboard; the text forgotten on leaving.
    sub=${case#search-}
    dir="$out/search-$sub"
    mkdir -p "$dir"
    has() { # listing target...: every target is in the listing
        f=$1; shift
        for t in "$@"; do
            grep -q " $t\( \|\$\)" "$f" || { echo "$f: no $t in:"; cat "$f"; exit 1; }
        done
    }
    hasnt() {
        f=$1; shift
        for t in "$@"; do
            ! grep -q " $t\( \|\$\)" "$f" || { echo "$f: unexpected $t in:"; cat "$f"; exit 1; }
        done
    }
    case $sub in
    ar)
        run 1920x1080 "$dir" "tap:lang:ar; tap:search; shot:empty.png; targets; type:عيادة;
            shot:hits.png; targets; tap:kb:layout; targets" 2>"$dir/targets"
        sed -n 1p "$dir/targets" >"$dir/t1"; sed -n 2p "$dir/targets" >"$dir/t2"
        sed -n 3p "$dir/targets" >"$dir/t3"
        has "$dir/t1" kb:c:ض kb:c:ش kb:layout kb:space kb:erase kb:clear
        hasnt "$dir/t1" kb:c:q
        has "$dir/t2" service:neuvola-aurinkolahti
        has "$dir/t3" kb:c:q kb:c:å kb:c:ä kb:c:ö
        "$check" "$dir/hits.png" 1920x1080 24 "$dir/empty.png"
        ;;
    keys)
        # Keypad: focus starts on q; Down (a), Right (s), Down (z), Right x5
        # is n; Return types it ("n" is a whole word in "MLL:n"). A physical
        # keyboard: text, Backspace and Space.
        run 1280x800 "$dir" "tap:search; key:Down; key:Right; key:Down; key:Right; key:Right;
            key:Right; key:Right; key:Right; key:Return; shot:keypad.png; targets; key:Escape;
            tap:search;
            type:vauvaryhmäx; targets; key:Backspace; targets; key:Space; type:laulua;
            targets" 2>"$dir/targets"
        for i in 1 2 3 4; do sed -n ${i}p "$dir/targets" >"$dir/t$i"; done
        has "$dir/t1" service:lastenhoito org:mll-vuosaari
        has "$dir/t2" services
        hasnt "$dir/t2" activity:vauvaryhma
        has "$dir/t3" activity:vauvaryhma contact:sari org:seurakunta
        has "$dir/t4" activity:vauvaryhma
        hasnt "$dir/t4" contact:sari org:seurakunta
        ;;
    forget)
        # Back, Home and the idle reset forget the text; a detail and back
        # keeps it (the family picks another hit).
        "$aula" --headless --snapshot "$snap" --size 1920x1080 --now "$now" --idle 30 \
            --screenshot "$dir" --script "tap:search; type:neuv; tap:service:neuvola-aurinkolahti;
            tap:back; targets; tap:back; tap:search; targets; type:neuv; tap:home; tap:search;
            targets; type:neuv; wait:45; shot:idle.png; tap:search; targets" 2>"$dir/targets"
        for i in 1 2 3 4; do sed -n ${i}p "$dir/targets" >"$dir/t$i"; done
        has "$dir/t1" search:clear service:neuvola-aurinkolahti
        for i in 2 3 4; do hasnt "$dir/t$i" search:clear service:neuvola-aurinkolahti; done
        ;;
    *)
        size=$sub
        run "$size" "$dir" "tap:search; shot:empty.png; type:neuv; shot:neuv.png; targets;
            tap:service:neuvola-aurinkolahti; shot:detail.png; targets; tap:back; type:zzz;
            shot:none.png; targets; tap:home; tap:search; type:virtanen; tap:contact:anna;
            shot:contact.png; targets; tap:home; tap:search; type:eroneuvo; tap:activity:eroneuvo;
            targets" 2>"$dir/targets"
        for i in 1 2 3 4 5; do sed -n ${i}p "$dir/targets" >"$dir/t$i"; done
        has "$dir/t1" service:neuvola-aurinkolahti org:hyvinvointialue contact:anna kb:c:å kb:c:ä \
            kb:c:ö kb:space kb:erase kb:clear kb:layout
        grep -q "^service: " "$dir/t2" || { echo "a hit did not open the service"; exit 1; }
        has "$dir/t3" services
        hasnt "$dir/t3" service:neuvola-aurinkolahti
        grep -q "^org: " "$dir/t4" || { echo "a person did not open the organisation"; exit 1; }
        has "$dir/t4" qr:contact:0
        grep -q "^service: " "$dir/t5" || { echo "an activity did not open its service"; exit 1; }
        for f in empty neuv detail none contact; do "$check" "$dir/$f.png" "$size" 24; done
        "$check" "$dir/neuv.png" "$size" 24 "$dir/empty.png"
        "$check" "$dir/none.png" "$size" 24 "$dir/neuv.png"
        ;;
    esac
    ;;
bad-script)
    if run 1920x1080 "$out/bad" "tap:no-such-target" 2>"$out/bad.err"; then
        echo "a bad script must fail"; exit 1
    fi
    grep -q "no such target on the home screen" "$out/bad.err"
    ;;
*)
    echo "unknown case $case"; exit 2
    ;;
esac
