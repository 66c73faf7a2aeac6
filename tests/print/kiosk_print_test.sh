#!/bin/sh
# kiosk_print_test: the kiosk's Print buttons against fake network printers
# (fakeprinter, raw TCP 9100 on 127.0.0.1), headless:
#   service  tap Print on a service: the printer gets one ESC/POS job whose
#            raster decodes to the slip, its QR code to the service's tel:
#            link, and the screen says the slip is printing (fi, then ar
#            for a contact person, whose QR is the vCard)
#   stall    a printer that takes nothing: the screen says "Printing…",
#            the kiosk still answers taps meanwhile, then a timeout message
#   cap      a daily cap of one slip: after it, the Print buttons are gone
#   none     no printer configured: no Print button anywhere
#   test     aula --test-print: a test slip with the place's name and a QR
#            code of its web page; exit status 0, and 1 with a clear
#            message when the printer is missing
#   nocups   printer = cups while libcups cannot be opened (AULA_TEST_LIBCUPS
#            names a missing library, then one without the CUPS functions):
#            the kiosk says so, runs without printing, --test-print fails
#            with the message; with the real libcups opened at run time, an
#            unreachable CUPS server is reported as offline
# Usage: kiosk_print_test.sh AULA FAKEPRINTER SNAPSHOT WORKDIR CASE
set -u
AULA=$1 FAKE=$2 SNAP=$3 W=$4/$5 CASE=$5
rm -rf "$W" && mkdir -p "$W" || exit 1
fails=0
fail() { echo "FAIL: $CASE: $*"; fails=$((fails + 1)); }
have_zbar=0
command -v zbarimg >/dev/null 2>&1 && have_zbar=1
NOW=2026-11-24T10:15
fake_pid=
cleanup() {
    [ -n "$fake_pid" ] && kill "$fake_pid" 2>/dev/null && wait "$fake_pid" 2>/dev/null
    fake_pid=
}
trap cleanup EXIT

start_fake() { # MODE [OUT]
    cleanup
    rm -f "$W/port"
    "$FAKE" "$1" "$W/port" ${2:+"$2"} &
    fake_pid=$!
    i=0
    while [ ! -s "$W/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
    [ -s "$W/port" ] || { echo "FAIL: fakeprinter did not start"; exit 1; }
    port=$(cat "$W/port")
    printf '[printer]\nprinter = escpos-tcp\nprinter_host = 127.0.0.1:%s\n' "$port" >"$W/aula.conf"
    printf 'print_status_wait = 0\nprint_timeout = %s\nprint_state_file = %s/count\n' \
        "${TIMEOUT:-10s}" "$W" >>"$W/aula.conf"
}

kiosk() { # LANG SIZE SCRIPT
    "$AULA" --config "$W/aula.conf" --headless --snapshot "$SNAP" --size "$2" --lang "$1" \
        --now "$NOW" --idle 0 --screenshot "$W" --script "$3" >"$W/out.txt" 2>&1
}

case $CASE in
service)
    start_fake record "$W/got.bin"
    kiosk fi 1920x1080 "tap:category:raskaus-vauva; tap:service:aitiysneuvola; targets;
        tap:print:service; notices; wait-print:10; notices; shot:printed.png" ||
        { cat "$W/out.txt"; fail "aula"; }
    grep -q "print:service" "$W/out.txt" || fail "no Print button on the service"
    grep -q "print:contact:0" "$W/out.txt" || fail "no Print button on a contact person"
    grep -q "^notice: visitor: Tulostetaan…" "$W/out.txt" || fail "no 'printing' message"
    grep -q "^notice: visitor: Lappu tulostuu. Muista ottaa se mukaan!" "$W/out.txt" ||
        fail "no 'printed' message"
    "$FAKE" decode "$W/got.bin" "$W/slip.png" >"$W/decode.txt" || fail "not an ESC/POS raster job"
    grep -q "^576 x [0-9]* dots, 1 cuts" "$W/decode.txt" || fail "not one 80 mm slip: $(cat "$W/decode.txt")"
    if [ $have_zbar = 1 ]; then
        got=$(zbarimg -q --raw "$W/slip.png")
        [ "$got" = "tel:090002110" ] || fail "slip QR is '$got', not the service's tel: link"
    fi
    # Arabic, a contact person's slip: the vCard.
    start_fake record "$W/got-ar.bin"
    kiosk ar 1080x1920 "tap:category:raskaus-vauva; tap:service:aitiysneuvola;
        tap:print:contact:0; wait-print:10; notices; shot:printed-ar.png" ||
        { cat "$W/out.txt"; fail "aula (ar)"; }
    grep -q "^notice: visitor: تتم طباعة الورقة" "$W/out.txt" || fail "no Arabic 'printed' message"
    "$FAKE" decode "$W/got-ar.bin" "$W/slip-ar.png" >/dev/null || fail "ar: not an ESC/POS raster job"
    if [ $have_zbar = 1 ]; then
        zbarimg -q --raw "$W/slip-ar.png" | grep -q "^BEGIN:VCARD" || fail "ar slip QR is not a vCard"
    fi
    ;;
stall)
    TIMEOUT=2s start_fake stall
    # While the job hangs, the kiosk answers: back, another service, its
    # Print button says the previous slip is still printing.
    kiosk fi 1920x1080 "tap:category:raskaus-vauva; tap:service:aitiysneuvola;
        tap:print:service; notices; shot:sending.png; tap:back; tap:service:lastenneuvola; targets;
        tap:print:service; notices; wait-print:10; notices; shot:timeout.png" ||
        { cat "$W/out.txt"; fail "aula"; }
    grep -q "^service: .*print:service" "$W/out.txt" || fail "the kiosk did not answer during the job"
    grep -q "^notice: visitor: Edellinen lappu tulostuu vielä" "$W/out.txt" ||
        fail "no 'still printing' message for a second tap"
    grep -q "^notice: visitor: Tulostus kesti liian kauan. Kerro henkilökunnalle." "$W/out.txt" ||
        fail "no timeout message"
    ;;
cap)
    start_fake record "$W/got.bin"
    echo "print_daily_cap = 1" >>"$W/aula.conf"
    kiosk fi 1920x1080 "tap:category:raskaus-vauva; tap:service:aitiysneuvola;
        tap:print:service; wait-print:10; targets; tap:back; tap:service:lastenneuvola; targets" ||
        { cat "$W/out.txt"; fail "aula"; }
    ! grep -q "^service: .*print:" "$W/out.txt" || fail "Print buttons after the daily cap"
    grep -q "^$(date +%Y-%m-%d) 1$" "$W/count" || fail "the printed slip was not counted: $(cat "$W/count")"
    ;;
none)
    printf '[printer]\nprinter = none\n' >"$W/aula.conf"
    kiosk fi 1920x1080 "tap:category:raskaus-vauva; tap:service:aitiysneuvola; targets;
        tap:home; tap:orgs; tap:org:hva-perhekeskus; targets" || { cat "$W/out.txt"; fail "aula"; }
    grep -q "^service: .*qr:service" "$W/out.txt" || fail "no service screen"
    grep -q "^org: " "$W/out.txt" || fail "no organisation screen"
    ! grep -q "print:" "$W/out.txt" || fail "a Print button without a printer"
    "$AULA" --config "$W/aula.conf" --snapshot "$SNAP" --test-print >"$W/test.txt" 2>&1
    [ $? = 1 ] || fail "--test-print without a printer: exit status"
    grep -q "no printer is configured" "$W/test.txt" || fail "--test-print: message"
    ;;
test)
    start_fake record "$W/got.bin"
    "$AULA" --config "$W/aula.conf" --snapshot "$SNAP" --test-print >"$W/test.txt" 2>&1 ||
        { cat "$W/test.txt"; fail "--test-print: exit status"; }
    grep -q "test slip printed" "$W/test.txt" || fail "--test-print: message"
    "$FAKE" decode "$W/got.bin" "$W/test.png" >/dev/null || fail "not an ESC/POS raster job"
    if [ $have_zbar = 1 ]; then
        got=$(zbarimg -q --raw "$W/test.png")
        case $got in http*) ;; *) fail "test slip QR is '$got', not the place's web page" ;; esac
    fi
    kill "$fake_pid"; wait "$fake_pid" 2>/dev/null; fake_pid=
    "$AULA" --config "$W/aula.conf" --snapshot "$SNAP" --test-print >"$W/test2.txt" 2>&1
    [ $? = 1 ] || fail "--test-print with the printer gone: exit status"
    grep -q "test print failed: print.offline" "$W/test2.txt" || fail "--test-print offline: $(cat "$W/test2.txt")"
    ;;
nocups)
    printf '[printer]\nprinter = cups\nprinter_queue = Lobby\nprinter_cups_server = 127.0.0.1:1\n' \
        >"$W/aula.conf"
    printf 'print_timeout = 3s\nprint_state_file = %s/count\n' "$W" >>"$W/aula.conf"
    want="printer = cups but libcups2 could not be loaded:"
    AULA_TEST_LIBCUPS=/nonexistent/libcups-gone.so.2 \
        kiosk fi 1920x1080 "tap:category:raskaus-vauva; tap:service:aitiysneuvola; targets" ||
        { cat "$W/out.txt"; fail "aula without libcups"; }
    grep -q "$want .*libcups-gone.so.2.*; the kiosk runs without printing" "$W/out.txt" ||
        fail "no message about libcups: $(cat "$W/out.txt")"
    grep -q "^service: " "$W/out.txt" || fail "no service screen without libcups"
    ! grep -q "print:" "$W/out.txt" || fail "a Print button without libcups"
    AULA_TEST_LIBCUPS=/nonexistent/libcups-gone.so.2 \
        "$AULA" --config "$W/aula.conf" --snapshot "$SNAP" --test-print >"$W/test.txt" 2>&1
    [ $? = 1 ] || fail "--test-print without libcups: exit status"
    grep -q "^aula: --test-print: $want" "$W/test.txt" || fail "--test-print: $(cat "$W/test.txt")"
    # A library that is there but is not libcups.
    AULA_TEST_LIBCUPS=libz.so.1 \
        "$AULA" --config "$W/aula.conf" --snapshot "$SNAP" --test-print >"$W/test-z.txt" 2>&1
    [ $? = 1 ] || fail "--test-print with libz as libcups: exit status"
    grep -q "$want libz.so.1 has no " "$W/test-z.txt" || fail "not libcups: $(cat "$W/test-z.txt")"
    # The real libcups, opened when printing starts: nothing listens on port 1.
    "$AULA" --config "$W/aula.conf" --snapshot "$SNAP" --test-print >"$W/test-real.txt" 2>&1
    [ $? = 1 ] || fail "--test-print to an unreachable CUPS: exit status"
    grep -q "cannot reach CUPS at 127.0.0.1:1" "$W/test-real.txt" &&
        grep -q "test print failed: print.offline" "$W/test-real.txt" ||
        fail "unreachable CUPS: $(cat "$W/test-real.txt")"
    ;;
*)
    echo "unknown case $CASE"; exit 2 ;;
esac
[ $have_zbar = 1 ] || echo "note: zbarimg not found (Debian: zbar-tools): QR codes not decoded"
[ $fails = 0 ] && echo "kiosk_print_test $CASE: passed"
exit $((fails > 0))
