#!/bin/sh
# cups_test: a real CUPS queue. Starts a private cupsd (its own cupsd.conf
# and cups-files.conf in a temporary directory, on a free 127.0.0.1 port —
# never the system's cupsd), adds a raw queue whose backend (a small script
# in the private ServerBin) keeps each job's document in a directory, prints the
# test slip with aula-print (printer = cups, PDF), and checks that the job
# arrives and that its PDF shows the slip (pdftoppm, then zbarimg reads the
# QR code). Then the queue refuses jobs (cupsreject) and a missing queue is
# reported as missing. Exits 77 (skipped) with the reason when cupsd cannot
# be started here. Usage: cups_test.sh AULA_PRINT WORK_DIR
set -u
PRINT=$1 W=$2
skip() { echo "SKIP: $*"; exit 77; }
command -v cupsd >/dev/null 2>&1 || [ -x /usr/sbin/cupsd ] || skip "cupsd not installed (Debian: cups)"
CUPSD=$(command -v cupsd 2>/dev/null || echo /usr/sbin/cupsd)
command -v lpadmin >/dev/null 2>&1 || [ -x /usr/sbin/lpadmin ] || skip "lpadmin not installed (Debian: cups-client)"
LPADMIN=$(command -v lpadmin 2>/dev/null || echo /usr/sbin/lpadmin)
command -v python3 >/dev/null 2>&1 || skip "python3 is needed to find a free port"

rm -rf "$W" && mkdir -p "$W/spool/tmp" "$W/cache" "$W/state" "$W/log" "$W/out" "$W/ppd" || exit 1
chmod 755 "$W" "$W/out"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
srv="127.0.0.1:$port"
cat >"$W/cupsd.conf" <<CONF
Listen $srv
LogLevel info
WebInterface No
Browsing No
DefaultAuthType None
DefaultEncryption Never
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
cat >"$W/cups-files.conf" <<CONF
ServerRoot $W
RequestRoot $W/spool
TempDir $W/spool/tmp
CacheDir $W/cache
StateDir $W/state
AccessLog $W/log/access_log
ErrorLog $W/log/error_log
PageLog $W/log/page_log
ServerBin $W/bin
DataDir /usr/share/cups
SystemGroup root
CONF

# The system's filters and helpers, and our own capture backend.
mkdir -p "$W/bin/backend"
for d in daemon filter cgi-bin monitor notifier; do
    [ -e "/usr/lib/cups/$d" ] && ln -s "/usr/lib/cups/$d" "$W/bin/$d"
done
cat >"$W/bin/backend/aulacapture" <<'SH'
#!/bin/sh
# aulacapture: keeps the job's document in the directory of its device URI.
[ $# -eq 0 ] && { echo 'direct aulacapture "Unknown" "aula test capture"'; exit 0; }
dir=${DEVICE_URI#aulacapture:}
if [ -n "${6:-}" ]; then cp "$6" "$dir/job-$1.tmp"; else cat >"$dir/job-$1.tmp"; fi
mv "$dir/job-$1.tmp" "$dir/job-$1.data"
SH
chmod 0700 "$W/bin/backend/aulacapture"

"$CUPSD" -f -c "$W/cupsd.conf" -s "$W/cups-files.conf" >"$W/log/cupsd.out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT INT TERM
up=0
for _ in $(seq 1 50); do
    if lpstat -h "$srv" -r 2>/dev/null | grep -q "is running"; then up=1; break; fi
    kill -0 $pid 2>/dev/null || break
    sleep 0.1
done
if [ $up = 0 ]; then
    cat "$W/log/cupsd.out" "$W/log/error_log" 2>/dev/null | tail -20
    skip "a private cupsd could not be started in this environment"
fi

out="$W/out/job-1.data"
"$LPADMIN" -h "$srv" -p aulaslip -E -v "aulacapture:$W/out" >"$W/lpadmin.out" 2>&1 ||
    { cat "$W/lpadmin.out"; echo "FAIL: lpadmin"; exit 1; }
cupsenable -h "$srv" aulaslip 2>/dev/null
cupsaccept -h "$srv" aulaslip 2>/dev/null

conf="$W/aula.conf"
printf 'printer = cups\nprinter_queue = aulaslip\nprinter_cups_server = %s\nprinter_format = pdf\nprint_timeout = 20s\n' \
    "$srv" >"$conf"
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

"$PRINT" test --config "$conf" >"$W/print.out" 2>&1 || { cat "$W/print.out"; fail "aula-print test on CUPS"; }
cat "$W/print.out"
grep -q "took job" "$W/print.out" || fail "no job id from CUPS"
for _ in $(seq 1 100); do
    [ -s "$out" ] && lpstat -h "$srv" -W completed -o aulaslip 2>/dev/null | grep -q aulaslip && break
    sleep 0.1
done
[ -s "$out" ] || { tail -20 "$W/log/error_log"; fail "the job did not arrive in $out"; }
[ "$(head -c 5 "$out" 2>/dev/null)" = "%PDF-" ] || fail "the job's file is not our PDF"
if command -v pdftoppm >/dev/null 2>&1 && command -v zbarimg >/dev/null 2>&1; then
    pdftoppm -r 203 -png -singlefile "$out" "$W/out/slip" || fail "pdftoppm"
    zbarimg -q --raw "$W/out/slip.png" 2>/dev/null | grep -q "^tel:+358400000000" ||
        fail "the printed PDF's QR code does not decode to the test slip's tel: link"
else
    echo "note: pdftoppm (poppler-utils) or zbarimg (zbar-tools) missing: the PDF is not read back"
fi

cupsreject -h "$srv" aulaslip
"$PRINT" test --config "$conf" >"$W/refused.out" 2>&1 && fail "a refusing queue printed"
grep -q "print.refused" "$W/refused.out" || { cat "$W/refused.out"; fail "refusing queue: no print.refused"; }

sed 's/^printer_queue = .*/printer_queue = nosuchqueue/' "$conf" >"$W/missing.conf"
"$PRINT" test --config "$W/missing.conf" >"$W/missing.out" 2>&1 && fail "a missing queue printed"
grep -q "print.missing" "$W/missing.out" || { cat "$W/missing.out"; fail "missing queue: no print.missing"; }

[ $fails = 0 ] && echo "cups_test: the job arrived and shows the slip; refusals are reported"
exit $((fails > 0))
