#!/bin/sh
# Headless tests of the staff menu on the demo content: the hidden long
# press (and only it) opens the PIN pad, mirrored in right-to-left
# languages; Ctrl+Alt+S; no pin_hash, no menu; five wrong PINs lock the pad
# for five minutes of the script's clock; the PIN is forgotten on leaving
# and after the idle time; restart exits with status 75; [staff] in
# aula.conf and aula --hash-pin; the screen check; the maintenance notice;
# the weekly summary; the requests to the root-side handler (install from
# USB, statistics to USB, roll back) and their answers.
#   staff_test.sh AULA DEMO_SNAPSHOT OUTDIR CASE
set -eu
aula=$1 snap=$2 out=$3 case=$4
now=2026-11-24T10:15
out=$out/$case
rm -rf "$out"
mkdir -p "$out/data"
# The PIN 2468, hashed once with aula --hash-pin.
hash='$argon2id$v=19$m=65536,t=2,p=1$GXXv1cZoo3rgl0xrr8N11w$YGPTUalRDwB0fNPlyW8oQetZQuviDpESXQcTdSWMV2w'
printf '[kiosk]\ndata_dir = %s\n\n[staff]\npin_hash = %s\n' "$out/data" "$hash" >"$out/aula.conf"
pin="tap:pin:2; tap:pin:4; tap:pin:6; tap:pin:8; tap:pin:ok"
wrong="tap:pin:1; tap:pin:1; tap:pin:1; tap:pin:1; tap:pin:ok"

run() { # size script [more options]; stderr to $out/err.txt
    size=$1 script=$2
    shift 2
    "$aula" --config "$out/aula.conf" --headless --snapshot "$snap" --size "$size" --now "$now" \
        --idle 0 --screenshot "$out" --script "$script" "$@" 2>"$out/err.txt"
}

fail() {
    echo "FAIL: $*"
    cat "$out/err.txt" 2>/dev/null || true
    exit 1
}

# The screen each "targets" command found, in order, one per line.
screens() {
    grep -v '^aula: ' "$out/err.txt" | sed -n 's/^\([a-z-]*\): .*/\1/p' | tr '\n' ' ' | sed 's/ $//'
}

expect() { # "screens" what
    got=$(screens)
    [ "$got" = "$1" ] || fail "$2: expected screens \"$1\", got \"$got\""
}

case $case in
gesture)
    # Three seconds still in the top-left corner: the PIN pad.
    run 1920x1080 "press:30,30,3100; targets; key:Escape; targets"
    expect "staff-pin home" "long press in the corner"
    # Short taps there, many of them, or a press too short: nothing.
    run 1920x1080 "tap:30,30; tap:30,30; tap:30,30; tap:30,30; tap:30,30; targets;
        press:30,30,2500; targets; press:30,30,1000; press:30,30,1000; press:30,30,1000; targets"
    expect "home home home" "short presses in the corner"
    # Held long enough, but elsewhere, or sliding: nothing.
    run 1920x1080 "press:960,30,4000; targets; press:1890,30,4000; targets;
        press:30,1050,4000; targets; swipe:30,30,30,200,3500; targets"
    expect "home home home home" "long presses elsewhere"
    # On an inner screen the corner holds the back button: the long press
    # opens the pad and does not go back when the finger lifts.
    run 1280x800 "tap:calendar; press:50,40,3200; targets; key:Escape; targets"
    expect "staff-pin calendar" "long press on Back"
    ;;
rtl)
    # Arabic: the start side is the right; the left corner does nothing.
    run 1280x800 "press:20,20,3500; targets; press:1260,20,3500; targets" --lang ar
    expect "home staff-pin" "the corner in a right-to-left language"
    ;;
shortcut)
    run 800x480 "key:Ctrl+Alt+S; targets; tap:pin:cancel; targets; tap:calendar;
        key:Ctrl+Alt+S; targets"
    expect "staff-pin home staff-pin" "Ctrl+Alt+S"
    # Also on the screen shown when there is no content.
    "$aula" --config "$out/aula.conf" --headless --snapshot "$out/none.aula" --size 800x480 \
        --now "$now" --lang en --screenshot "$out" --script "press:20,20,3500; $pin; targets;
        tap:staff:reload; targets" 2>"$out/err.txt"
    expect "staff staff" "the staff menu without content"
    grep -q "staff menu: reload content: No content" "$out/err.txt" || fail "reload without content"
    ;;
off)
    # No pin_hash: neither way opens anything; the log says why, once.
    printf '[kiosk]\ndata_dir = %s\n' "$out/data" >"$out/aula.conf"
    # A long press on Back in that corner is then just a press of Back.
    run 1280x800 "press:20,20,3500; targets; key:Ctrl+Alt+S; targets; press:20,20,3500;
        tap:calendar; targets; press:50,40,3500; targets"
    expect "home home calendar home" "no pin_hash"
    [ "$(grep -c 'staff menu: off: no pin_hash' "$out/err.txt")" = 1 ] ||
        fail "the log should say once why the staff menu is off"
    ;;
pin)
    # The right PIN opens the status page; a wrong one keeps the pad.
    run 1280x800 "key:Ctrl+Alt+S; $pin; targets"
    expect "staff" "the right PIN"
    run 1280x800 "key:Ctrl+Alt+S; tap:pin:2; tap:pin:4; tap:pin:6; tap:pin:9; tap:pin:ok; targets;
        tap:pin:erase; type:2468; key:Return; targets"
    expect "staff-pin staff" "a wrong PIN, then the right one typed on a keyboard"
    ;;
lockout)
    # Five wrong PINs lock the pad: even the right PIN is refused, also
    # after closing and opening it again, until five minutes have passed.
    run 1280x800 "key:Ctrl+Alt+S; $wrong; $wrong; $wrong; $wrong; shot:fourth.png; $wrong;
        shot:locked.png; $pin; targets; tap:pin:cancel; key:Ctrl+Alt+S; $pin; targets;
        wait:100; key:Ctrl+Alt+S; $pin; targets; wait:100; key:Ctrl+Alt+S; shot:later.png;
        wait:101; $pin; targets"
    expect "staff-pin staff-pin staff-pin staff" "the lock-out"
    grep -q "staff menu: 5 wrong PINs; the pad is locked for 5 minutes" "$out/err.txt" ||
        fail "the lock-out is not logged"
    cmp -s "$out/fourth.png" "$out/locked.png" && fail "the locked pad looks like an open one"
    cmp -s "$out/locked.png" "$out/later.png" && fail "the minutes left do not count down"
    # Before the fifth, four wrong PINs and a right one: no lock.
    run 1280x800 "key:Ctrl+Alt+S; $wrong; $wrong; $wrong; $wrong; $pin; targets"
    expect "staff" "four wrong PINs"
    ;;
forget)
    # Cancel, leaving and the idle time all forget the PIN (and the digits).
    run 1280x800 "key:Ctrl+Alt+S; shot:fresh.png; tap:pin:2; tap:pin:4; shot:typed.png;
        tap:pin:cancel; key:Ctrl+Alt+S; shot:again.png; $pin; targets; tap:staff:leave; targets;
        key:Ctrl+Alt+S; targets; $pin; wait:119; targets; wait:2; targets;
        key:Ctrl+Alt+S; tap:pin:2; wait:121; targets; key:Ctrl+Alt+S; shot:after-idle.png"
    expect "staff home staff-pin staff home home" "leaving and the idle time"
    cmp -s "$out/fresh.png" "$out/typed.png" && fail "typed digits show no dots"
    cmp "$out/fresh.png" "$out/again.png" || fail "the digits survived Cancel"
    cmp "$out/fresh.png" "$out/after-idle.png" || fail "the digits survived the idle time"
    ;;
restart)
    # Restart kiosk: the script ends and aula exits with 75 for systemd.
    set +e
    run 800x480 "key:Ctrl+Alt+S; $pin; tap:staff:restart; targets"
    rc=$?
    set -e
    [ $rc = 75 ] || fail "restart: exit status $rc, expected 75"
    grep -q "restart asked for" "$out/err.txt" || fail "the restart is not logged"
    grep -q "^staff:" "$out/err.txt" && fail "the script went on after the restart"
    # Reload content now: the same content, said so.
    run 800x480 "key:Ctrl+Alt+S; $pin; tap:staff:reload; targets" --lang en
    grep -q "staff menu: reload content: No new content: still version" "$out/err.txt" ||
        fail "reload: $(cat "$out/err.txt")"
    ;;
config)
    # [staff] pin_hash: a bad value stops aula with the file and line.
    printf '[kiosk]\nidle_seconds = 60\n\n[staff]\npin_hash = 2468\n' >"$out/bad.conf"
    if "$aula" --config "$out/bad.conf" --check-config 2>"$out/bad.err"; then
        fail "a plain PIN was accepted as pin_hash"
    fi
    grep -qxF "aula: $out/bad.conf:5: pin_hash: not an argon2id PIN hash (it must start with \$argon2id\$); make a new line with: aula --hash-pin" \
        "$out/bad.err" || fail "unexpected message: $(cat "$out/bad.err")"
    short=$(printf '%s' "$hash" | cut -c1-60)
    printf '[staff]\npin_hash = "%s"\n' "$short" >"$out/short.conf"
    if "$aula" --config "$out/short.conf" --check-config 2>"$out/short.err"; then
        fail "a cut hash was accepted"
    fi
    grep -q "short.conf:2: pin_hash: a damaged PIN hash" "$out/short.err" ||
        fail "unexpected message: $(cat "$out/short.err")"
    # A good one: the menu is on; without one, off.
    "$aula" --config "$out/aula.conf" --check-config | grep -qx "staff_menu: on (a PIN is set)" ||
        fail "--check-config does not report the staff menu"
    printf '[kiosk]\nidle_seconds = 60\n' >"$out/none.conf"
    "$aula" --config "$out/none.conf" --check-config |
        grep -qx "staff_menu: off (no pin_hash in \[staff\])" || fail "staff menu should be off"
    # aula --hash-pin: a line to paste, that aula accepts and that opens the menu.
    echo 97531 | "$aula" --hash-pin >"$out/line.txt" 2>"$out/hash.err" || fail "--hash-pin failed"
    grep -q '^pin_hash = \$argon2id\$v=19\$m=65536,t=2,p=1\$' "$out/line.txt" ||
        fail "--hash-pin printed: $(cat "$out/line.txt")"
    grep -q 97531 "$out/line.txt" && fail "--hash-pin printed the PIN"
    printf '[kiosk]\ndata_dir = %s\n[staff]\n' "$out/data" >"$out/aula.conf"
    cat "$out/line.txt" >>"$out/aula.conf"
    run 800x480 "key:Ctrl+Alt+S; type:97531; key:Return; targets"
    expect "staff" "the PIN from --hash-pin"
    # PINs the pad cannot type are refused.
    for bad in 123 1234567890123 12ab; do
        if echo "$bad" | "$aula" --hash-pin >"$out/bad.txt" 2>"$out/bad.err"; then
            fail "--hash-pin accepted $bad"
        fi
        [ -s "$out/bad.txt" ] && fail "--hash-pin printed a line for $bad"
    done
    grep -q "the PIN may only have digits" "$out/bad.err" || fail "$(cat "$out/bad.err")"
    ;;
check)
    # The screen check at 1280x800 (150 dpi: 5.9 px/mm; the corner circles
    # 12 mm = 71 px in from the edges, the fifth in the centre). Taps 1 mm
    # off: OK. One tap 4 mm off: it needs calibrating. Back: the staff page.
    near="tap:77,71; tap:1209,77; tap:1205,725; tap:71,723; tap:640,400"
    run 1280x800 "key:Ctrl+Alt+S; $pin; tap:staff:check; targets; $near; targets; tap:back; targets" \
        --lang en
    expect "staff-check staff-check staff" "the screen check and back"
    grep -q "screen check: tap 1 landed 1.0 mm from the centre" "$out/err.txt" ||
        fail "the first tap's offset"
    grep -q "screen check: OK: every tap landed within 3 mm" "$out/err.txt" ||
        fail "taps 1 mm off should pass"
    run 1280x800 "key:Ctrl+Alt+S; $pin; tap:staff:check; tap:71,71; tap:1209,71; tap:1209,729;
        tap:71,753; tap:640,400; tap:check:again; $near" --lang en
    grep -q "screen check: tap 4 landed 4.1 mm from the centre" "$out/err.txt" ||
        fail "the fourth tap's offset"
    [ "$(sed -n 's/.*screen check: \(OK\|Needs calibrating\).*/\1/p' "$out/err.txt" | tr '\n' ' ')" = \
        "Needs calibrating OK " ] || fail "a tap 4 mm off should fail, and the check start again"
    # Right to left: the first circle is in the top right corner.
    run 1280x800 "key:Ctrl+Alt+S; $pin; tap:staff:check; tap:1209,71; tap:71,71; tap:71,729;
        tap:1209,729; tap:640,400" --lang ar
    grep -q "screen check: OK" "$out/err.txt" || fail "the check mirrored in Arabic"
    ;;
maintenance)
    # The maintenance notice: taps, Escape, Home and five minutes past the
    # idle time (60 s) leave it on; so do Cancel on the PIN pad, Leave and
    # the staff idle time. Only "End maintenance" in the staff menu ends it.
    run 1280x800 "tap:calendar; key:Ctrl+Alt+S; $pin; tap:staff:maintenance; targets;
        shot:notice.png; tap:640,400; tap:100,700; key:Escape; key:Home; targets; wait:300; targets;
        key:Ctrl+Alt+S; tap:pin:cancel; targets; key:Ctrl+Alt+S; $pin; targets; tap:staff:leave;
        targets; key:Ctrl+Alt+S; $pin; wait:130; targets; key:Ctrl+Alt+S; $pin; tap:staff:maintenance;
        targets" --idle 60 --lang en
    expect "maintenance maintenance maintenance maintenance staff maintenance maintenance home" \
        "the maintenance notice"
    grep -q "staff menu: maintenance notice shown" "$out/err.txt" || fail "the notice is not logged"
    grep -q "staff menu: maintenance notice ended" "$out/err.txt" || fail "the end is not logged"
    # The notice is no home screen.
    run 1280x800 "shot:home.png" --idle 60 --lang en
    cmp -s "$out/notice.png" "$out/home.png" && fail "the notice looks like the home screen"
    # Content arriving meanwhile (aula-sync's timer), here the first one
    # after none, which starts the screens over: the notice stays on.
    mkdir -p "$out/w"
    cp "$snap" "$out/w/snap-1.aula"
    "$aula" --config "$out/aula.conf" --headless --watch --snapshot "$out/w/current" --size 800x480 \
        --now "$now" --idle 60 --screenshot "$out" --script "key:Ctrl+Alt+S; $pin;
        tap:staff:maintenance; wait-content:30; wait:200; targets" 2>"$out/err.txt" &
    pid=$!
    i=0 # until the notice is on (and the folder watched)
    until grep -q "maintenance notice shown" "$out/err.txt" 2>/dev/null; do
        i=$((i + 1))
        [ $i -le 100 ] || fail "the maintenance notice did not come"
        sleep 0.1
    done
    ln -s snap-1.aula "$out/w/current.new"
    mv -T "$out/w/current.new" "$out/w/current"
    wait $pid || fail "aula failed"
    grep -q "new content shown" "$out/err.txt" || fail "the new content was not shown"
    expect "maintenance" "the maintenance notice after new content"
    ;;
summary)
    # The weekly summary of the current ISO week (Tuesday 24 November 2026:
    # week 48), from the counters of [stats]; Back returns to the staff page.
    printf '\n[stats]\nfile = %s\n' "$out/counters.db" >>"$out/aula.conf"
    run 1280x800 "tap:lang:sv; tap:category:neuvola-terveys; tap:home; key:Ctrl+Alt+S; $pin;
        tap:staff:summary; targets; shot:summary.png; tap:back; targets"
    expect "staff-summary staff" "the weekly summary and back"
    grep -q "staff menu: weekly summary 2026-W48 shown (2026-11-23 to 2026-11-29)" "$out/err.txt" ||
        fail "the summary of week 48 is not shown"
    # Counters off: the page says so instead; not the same picture.
    printf '[kiosk]\ndata_dir = %s\n\n[staff]\npin_hash = %s\n' "$out/data" "$hash" >"$out/aula.conf"
    run 1280x800 "key:Ctrl+Alt+S; $pin; tap:staff:summary; targets; shot:off.png"
    expect "staff-summary" "the weekly summary with the counters off"
    grep -q "weekly summary .* shown" "$out/err.txt" && fail "a summary without counters"
    cmp -s "$out/summary.png" "$out/off.png" && fail "the summary page shows no picture"
    ;;
requests)
    # Install from USB, statistics to USB, roll back: each drops a request
    # file named after it into request_dir/requests/ and says it is working;
    # the handler's answer in request_dir/result shows as a translated
    # message. Roll back needs a second tap.
    mkdir -p "$out/req"
    printf 'request_dir = %s\n' "$out/req" >>"$out/aula.conf"
    said() { # message: the staff page's last line, in the last notices
        got=$(grep "^notice: staff-menu: " "$out/err.txt" | tail -n 1 | sed 's/^notice: staff-menu: //')
        [ "$got" = "$1" ] || fail "expected the staff page to say \"$1\", got \"$got\""
    }
    answer() { # request state outcome: written and renamed in, as the handler does
        printf 'request=%s\nstate=%s\noutcome=%s\nmessage=test\n' "$1" "$2" "$3" >"$out/req/.answer"
        mv "$out/req/.answer" "$out/req/result"
    }
    run 1280x800 "key:Ctrl+Alt+S; $pin; tap:staff:usb-install; notices; tap:staff:usb-stats; notices;
        tap:staff:leave; key:Ctrl+Alt+S; $pin; notices" --lang en
    [ "$(ls -A "$out/req/requests")" = usb-install ] ||
        fail "expected the request usb-install, got: $(ls -A "$out/req/requests")"
    [ "$(ls -A "$out/req")" = requests ] || fail "left beside the requests: $(ls -A "$out/req")"
    [ "$(grep "^notice: staff-menu: " "$out/err.txt" | sed 's/^notice: staff-menu: //' | tr '\n' '|')" = \
        "Installing from the USB stick…|Still working on the last request|Installing from the USB stick…|" ] ||
        fail "working, busy, and working again after opening the menu again: $(grep staff-menu "$out/err.txt")"
    rm -f "$out/req/requests/"*

    # Roll back: the first tap only asks; the second sends it.
    run 1280x800 "key:Ctrl+Alt+S; $pin; tap:staff:rollback; notices; targets;
        tap:staff:rollback-confirm; notices" --lang fi
    [ "$(ls -A "$out/req/requests")" = rollback ] || fail "no rollback request after confirming"
    grep -q "^notice: staff-menu: Perheet näkevät edellisen sisällön heti" "$out/err.txt" ||
        fail "the first tap did not ask"
    grep "^staff: " "$out/err.txt" | grep -q "staff:rollback-confirm" ||
        fail "no confirm button after the first tap"
    said "Palautetaan edellistä sisältöä…"
    rm -f "$out/req/requests/"*
    # Another action in between cancels the question.
    run 1280x800 "key:Ctrl+Alt+S; $pin; tap:staff:rollback; tap:staff:reload; targets" --lang en
    [ -z "$(ls -A "$out/req/requests")" ] || fail "a rollback request without confirming"
    grep "^staff: " "$out/err.txt" | grep -q "staff:rollback-confirm" &&
        fail "the question stayed after another action"

    # The answers, while the kiosk runs: working, then done.
    for t in "usb-stats ok stats-written Statistics written to the USB stick" \
        "usb-install ok installed Content installed from USB" \
        "usb-install failed no-stick No USB stick found" \
        "rollback ok rolled-back Rolled back to the previous content" \
        "rollback failed no-previous Nothing to roll back to" \
        "usb-stats failed failed Failed: see the journal"; do
        set -- $t
        req=$1 state=$2 outcome=$3
        shift 3
        msg=$*
        tap="tap:staff:$req"
        [ "$req" = rollback ] && tap="tap:staff:rollback; tap:staff:rollback-confirm"
        answer usb-install ok installed # an old answer: not this request's
        "$aula" --config "$out/aula.conf" --headless --snapshot "$snap" --size 1280x800 \
            --now "$now" --idle 0 --lang en --screenshot "$out" --script "key:Ctrl+Alt+S; $pin;
            $tap; wait-request:20; notices; shot:answer.png" 2>"$out/err.txt" &
        pid=$!
        i=0
        until [ -e "$out/req/requests/$req" ]; do
            i=$((i + 1))
            [ $i -le 300 ] || fail "$req: no request file"
            sleep 0.1
        done
        rm "$out/req/requests/$req"
        answer "$req" working working
        sleep 0.3
        answer "$req" "$state" "$outcome"
        wait $pid || fail "$req: aula failed"
        said "$msg"
        grep -q "staff menu: $req: $state ($outcome): test" "$out/err.txt" ||
            fail "$req: the answer is not in the journal"
    done

    # No answer at all (the handler not running): said after 30 s.
    run 1280x800 "key:Ctrl+Alt+S; $pin; tap:staff:usb-stats; wait:29; notices; wait:32; notices" \
        --lang en
    grep "^notice: staff-menu: " "$out/err.txt" | head -n 1 |
        grep -q "Writing statistics to the USB stick…" || fail "gave up before 30 s"
    said "No answer from the system: see the journal"
    grep -q "usb-stats: no answer in $out/req/result after .*aula-request.path" "$out/err.txt" ||
        fail "the journal does not say what to check"
    rm -f "$out/req/requests/"*

    # wait-request with nothing asked: the script stops and says why.
    if run 1280x800 "key:Ctrl+Alt+S; $pin; wait-request:1"; then
        fail "wait-request without a request passed"
    fi
    grep -q "wait-request: no staff-menu request is waiting for its answer" "$out/err.txt" ||
        fail "wait-request without a request: $(cat "$out/err.txt")"

    # No request folder: a clear line in the journal, a short one on screen.
    rmdir "$out/req/requests"
    rm -rf "$out/req"
    run 1280x800 "key:Ctrl+Alt+S; $pin; tap:staff:usb-install; notices" --lang en
    said "Could not send the request: see the journal"
    grep -q "staff menu: usb-install: $out/req: No such file or directory (the request folder, \[staff\] request_dir in aula.conf)" \
        "$out/err.txt" || fail "no clear message for a missing request folder"
    ;;
*)
    echo "staff_test.sh: unknown case $case"
    exit 2
    ;;
esac
echo "ok: staff $case"
