#!/bin/sh
# cli_test: aula-print on the demo content — a Finnish slip with a contact
# person's vCard, an Arabic slip on 58 mm paper, an organisation's slip as
# ESC/POS bytes, the test slip as PDF and to a device file, and the errors a
# staff member can meet (missing device, bad config, unknown service, usage).
# Usage: cli_test.sh AULA_PRINT AULA_PACK CONTENT_DIR WORK_DIR
set -u
PRINT=$1 PACK=$2 CONTENT=$3 W=$4
rm -rf "$W" && mkdir -p "$W" || exit 1
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
have_zbar=0
command -v zbarimg >/dev/null 2>&1 && have_zbar=1
scan() { zbarimg -q --raw "$1" 2>/dev/null; }

"$PACK" build "$CONTENT" -o "$W/demo.aula" --now 2026-11-23T10:00:00Z --from 2026-11-16 \
    --until 2027-02-28 >"$W/pack.log" 2>&1 || { cat "$W/pack.log"; echo "FAIL: aula-pack"; exit 1; }

"$PRINT" slip --snapshot "$W/demo.aula" --service aitiysneuvola --contact 0 --lang fi \
    --today 2026-11-23 --out "$W/fi.png" || fail "fi slip"
if [ $have_zbar = 1 ]; then
    scan "$W/fi.png" | grep -q "^FN:Hanna Kivelä" || fail "fi slip: no vCard of Hanna Kivelä in the QR"
fi

"$PRINT" slip --snapshot "$W/demo.aula" --service lastenneuvola --lang ar --paper 58 \
    --today 2026-12-20 --out "$W/ar.png" | grep -q "384 x" || fail "ar slip: not 384 dots wide"
if [ $have_zbar = 1 ]; then
    scan "$W/ar.png" | grep -q "^tel:" || fail "ar slip: no tel: QR"
fi

"$PRINT" slip --snapshot "$W/demo.aula" --org hva-perhekeskus --lang sv --out "$W/org.bin" ||
    fail "org slip"
[ "$(head -c 2 "$W/org.bin" | od -An -tx1 | tr -d ' \n')" = "1b40" ] || fail "org.bin: no ESC @"

"$PRINT" test --out "$W/test.pdf" >/dev/null || fail "test slip as PDF"
[ "$(head -c 5 "$W/test.pdf")" = "%PDF-" ] || fail "test.pdf is not a PDF"

: >"$W/lp0"
printf 'printer = escpos-device\nprinter_device = %s\nprint_status_wait = 0\n' "$W/lp0" >"$W/ok.conf"
"$PRINT" test --config "$W/ok.conf" >"$W/ok.out" 2>&1 || { cat "$W/ok.out"; fail "test slip to a device"; }
[ "$(head -c 2 "$W/lp0" | od -An -tx1 | tr -d ' \n')" = "1b40" ] || fail "device got no ESC/POS"

printf 'printer = escpos-device\nprinter_device = %s\n' "$W/nothing" >"$W/missing.conf"
"$PRINT" test --config "$W/missing.conf" >"$W/missing.out" 2>&1
[ $? = 1 ] || fail "missing device: exit status"
grep -q "print.missing" "$W/missing.out" || fail "missing device: no print.missing"

printf 'printer = escpos-device\nprinter_paper = 72\n' >"$W/bad.conf"
"$PRINT" test --config "$W/bad.conf" >"$W/bad.out" 2>&1
[ $? = 1 ] || fail "bad config: exit status"
grep -q "bad.conf:2: printer_paper: \"72\" must be 58 or 80 (mm)" "$W/bad.out" ||
    fail "bad config: message"

"$PRINT" slip --snapshot "$W/demo.aula" --service no-such --out "$W/x.png" 2>"$W/nosvc.out"
[ $? = 1 ] || fail "unknown service: exit status"
grep -q 'no service "no-such"' "$W/nosvc.out" || fail "unknown service: message"

"$PRINT" >/dev/null 2>&1
[ $? = 2 ] || fail "usage: exit status"

[ $have_zbar = 1 ] || echo "note: zbarimg not found (Debian: zbar-tools): QR codes not decoded"
[ $fails = 0 ] && echo "cli_test: all passed"
exit $((fails > 0))
