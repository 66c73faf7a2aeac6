#!/bin/sh
# aula-sync upload-stats against a real HTTPS server on 127.0.0.1
# (upload_server.py with a throw-away certificate, trusted through
# ca_file): the JSON arrives whole, with its content type; plain http://
# is refused without a connection; a server error and a stalled server
# fail within the timeouts; no upload_url means nothing to do.
# Usage: upload_test.sh AULA_SYNC
set -u
sync=$1
here=$(cd "$(dirname "$0")" && pwd)
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
command -v openssl >/dev/null || { echo "SKIP: openssl is not installed"; exit 77; }
t=$(mktemp -d)
pid=""
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$t"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    [ -f "$t/err" ] && { echo "--- aula-sync said:"; cat "$t/err"; }
    exit 1
}
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$t/key.pem" -out "$t/cert.pem" 2>/dev/null || fail "openssl req"
mkdir "$t/srv"
python3 "$here/upload_server.py" "$t/srv" "$t/cert.pem" "$t/key.pem" "$t/port" &
pid=$!
i=0
while [ ! -s "$t/port" ]; do
    i=$((i + 1))
    [ $i -le 100 ] || fail "the test server did not start"
    sleep 0.1
done
port=$(cat "$t/port")
# A counter file as the kiosk writes it.
python3 - "$t/stats.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TABLE counter (day TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,"
           " n INTEGER NOT NULL, PRIMARY KEY (day, kind, key)) WITHOUT ROWID")
db.executemany("INSERT INTO counter VALUES (?, ?, ?, ?)", [
    ("2026-11-23", "screen", "list", 12), ("2026-11-23", "language", "ar", 3),
    ("2026-11-24", "feedback", "kylla", 5)])
db.commit()
PY
conf() { # upload_url
    cat >"$t/aula.conf" <<EOF2
[sync]
site_id = aurinkolahti
ca_file = $t/cert.pem
connect_timeout = 2s
timeout = 3s
[stats]
file = $t/stats.db
upload_url = $1
EOF2
}

conf "https://127.0.0.1:$port/stats"
"$sync" --config "$t/aula.conf" upload-stats 2>"$t/err" || fail "the upload failed"
grep -q "counters uploaded (HTTP 204" "$t/err" || fail "no report of the upload"
[ "$(cat "$t/srv/type.txt")" = application/json ] || fail "not sent as application/json"
python3 - "$t/srv/body.json" <<'PY' || fail "the JSON that arrived is not the counters"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["site_id"] == "aurinkolahti", d
c = {(r["day"], r["kind"], r["key"]): r["count"] for r in d["counts"]}
assert c == {("2026-11-23", "screen", "list"): 12, ("2026-11-23", "language", "ar"): 3,
             ("2026-11-24", "feedback", "kylla"): 5}, c
PY
grep -q "^POST /stats aula/.* site=aurinkolahti" "$t/srv/requests.log" || fail "no User-Agent"

# The URL on the command line wins; plain http is refused before any connection.
n=$(wc -l <"$t/srv/requests.log")
"$sync" --config "$t/aula.conf" upload-stats "http://127.0.0.1:$port/stats" 2>"$t/err"
[ $? = 2 ] || fail "http:// not refused as a usage error"
grep -q "is not an https:// address" "$t/err" || fail "no message for http://"
[ "$(wc -l <"$t/srv/requests.log")" = "$n" ] || fail "http:// reached the server"

# A server error fails (exit 3) and says so.
"$sync" --config "$t/aula.conf" upload-stats "https://127.0.0.1:$port/fail" 2>"$t/err"
[ $? = 3 ] || fail "HTTP 500 did not fail"
grep -q "answered HTTP 500" "$t/err" || fail "no message for HTTP 500"

# A stalled server: given up after the timeout.
start=$(date +%s)
"$sync" --config "$t/aula.conf" upload-stats "https://127.0.0.1:$port/slow" 2>"$t/err"
[ $? = 3 ] || fail "a stalled server did not fail"
[ $(($(date +%s) - start)) -lt 15 ] || fail "the timeout did not hold"
grep -qi "timed out\|timeout" "$t/err" || fail "no message for the timeout"

# An untrusted certificate (no ca_file) fails.
sed -i '/^ca_file/d' "$t/aula.conf"
"$sync" --config "$t/aula.conf" upload-stats 2>"$t/err"
[ $? = 3 ] || fail "an untrusted certificate was accepted"

# No upload_url: nothing to do, success (the timer runs it anyway).
conf ""
"$sync" --config "$t/aula.conf" upload-stats 2>"$t/err" || fail "no upload_url failed"
grep -q "nothing to upload" "$t/err" || fail "no message without upload_url"
echo ok
