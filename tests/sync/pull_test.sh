#!/bin/sh
# aula-sync pull against a real nginx (its own prefix and config in a
# temporary folder, on 127.0.0.1, plain HTTP and TLS), with content put
# there by aula-pack publish; and against test_server.py for a server that
# dies mid-download, stalls, or fails once. After every case the data
# directory must show the expected version and hold no temporary files.
# Usage: pull_test.sh AULA_PACK AULA_SYNC SNAPSHOT_DIR
set -u
pack=$1 sync=$2 fix=$3
here=$(cd "$(dirname "$0")" && pwd)
nginx=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$nginx" ]; then
    echo "SKIP: nginx is not installed (Debian package nginx; tests/run.sh installs it)"
    exit 77
fi
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
command -v openssl >/dev/null || { echo "SKIP: openssl is not installed"; exit 77; }

t=$(mktemp -d)
chmod 755 "$t" # nginx workers may run as another user
pids=""
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$t"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    [ -f "$t/err" ] && { echo "--- aula-sync said:"; cat "$t/err"; }
    echo "--- nginx access log:"
    cat "$t/nginx/access.log" 2>/dev/null
    exit 1
}
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# --- nginx -----------------------------------------------------------------
port=$(free_port)
tlsport=$(free_port)
mkdir -p "$t/www" "$t/nginx/tmp" "$t/tls" "$t/build" "$t/py"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$t/tls/key.pem" -out "$t/tls/cert.pem" 2>/dev/null || fail "openssl req"
cat >"$t/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $t/nginx/nginx.pid;
error_log $t/nginx/error.log;
events { worker_connections 64; }
http {
    default_type application/octet-stream;
    log_format t '\$status "\$request" "\$http_user_agent" inm=\$http_if_none_match';
    access_log $t/nginx/access.log t;
    client_body_temp_path $t/nginx/tmp/body;
    proxy_temp_path $t/nginx/tmp/proxy;
    fastcgi_temp_path $t/nginx/tmp/fastcgi;
    uwsgi_temp_path $t/nginx/tmp/uwsgi;
    scgi_temp_path $t/nginx/tmp/scgi;
    server {
        listen 127.0.0.1:$port;
        root $t/www;
    }
    server {
        listen 127.0.0.1:$tlsport ssl;
        ssl_certificate $t/tls/cert.pem;
        ssl_certificate_key $t/tls/key.pem;
        root $t/www;
        location /down/ { return 302 http://127.0.0.1:$port/site/site.aula; }
    }
}
EOF
"$nginx" -p "$t/nginx" -c "$t/nginx/nginx.conf" -e "$t/nginx/error.log" -g 'daemon off;' &
pids="$pids $!"

# --- the small server --------------------------------------------------------
python3 "$here/test_server.py" "$t/py" "$t/py.port" &
pids="$pids $!"
i=0
while [ ! -f "$t/py.port" ] || ! [ -f "$t/nginx/nginx.pid" ]; do
    i=$((i + 1))
    [ $i -gt 100 ] && fail "nginx or test_server.py did not start"
    sleep 0.1
done
pyport=$(cat "$t/py.port")

cat >"$t/aula.conf" <<EOF
# aula-sync settings for this test
data_dir = $t/data
keys_dir = $fix/keys
connect_timeout = 2s
timeout = 4s
retries = 2
retry_delay = 100ms
max_size = 4M
ca_file = $t/tls/cert.pem
prometheus_file =
EOF

base=http://127.0.0.1:$port
now=2026-11-23T12:00:00Z
pull() { # expected exit status, aula-sync pull arguments...
    want=$1
    shift
    "$sync" --config "$t/aula.conf" --now $now pull "$@" 2>"$t/err" >/dev/null
    rc=$?
    [ $rc -eq "$want" ] || fail "pull $*: exit status $rc, expected $want"
    if ls -A "$t/data" | grep -q '\.tmp$'; then fail "temporary file left: $(ls -A "$t/data")"; fi
}
expect_current() {
    "$sync" --config "$t/aula.conf" status --json >"$t/status.json"
    grep -q "\"current_version\": $1," "$t/status.json" ||
        fail "current version is not $1: $(cat "$t/status.json")"
}
expect_msg() {
    grep -qF -- "$1" "$t/err" || fail "message should contain: $1"
}
stamp=$(date +%s)
serve() { # snapshot, signature: put there by hand, with a new mtime (nginx's ETag)
    cp "$1" "$t/www/site/site.aula"
    cp "$2" "$t/www/site/site.aula.minisig"
    stamp=$((stamp + 10))
    touch -d "@$stamp" "$t/www/site/site.aula"
}
publish() { # version, extra publish options
    cp "$fix/v$1.aula" "$t/build/site.aula"
    shift
    "$pack" publish "$t/build/site.aula" -k "$fix/trusted.key" "$t/www/site" "$@" >/dev/null ||
        fail "aula-pack publish"
}

echo "1. publish, first pull"
publish 1
grep -q '"content_version": 1,' "$t/www/site/manifest.json" || fail "manifest: version"
sha=$(sha256sum "$t/www/site/site.aula" | cut -d' ' -f1)
grep -q "\"sha256\": \"$sha\"" "$t/www/site/manifest.json" || fail "manifest: sha256"
grep -q "\"size\": $(stat -c %s "$t/www/site/site.aula")," "$t/www/site/manifest.json" ||
    fail "manifest: size"
grep -q '"valid_until": "2027-05-22"' "$t/www/site/manifest.json" || fail "manifest: validity"
minisign -V -q -m "$t/www/site/site.aula" -p "$fix/keys/trusted.pub" 2>/dev/null ||
    ! command -v minisign >/dev/null || fail "minisign rejects the published signature"
pull 0 "$base/site/site.aula"
expect_current 1
grep -q '"aula/[0-9.]* site=- content=0"' "$t/nginx/access.log" || fail "first User-Agent"

echo "2. nothing new: 304"
pull 0 "$base/site/site.aula"
expect_msg "not modified since the last pull"
grep -q '^304 .*"aula/[0-9.]* site=testikeskus content=1" inm=[^-]' "$t/nginx/access.log" ||
    fail "no conditional request answered 304"
n=$(wc -l <"$t/nginx/access.log")
pull 0 --if-due "$base/site/site.aula"
[ "$(wc -l <"$t/nginx/access.log")" -eq "$n" ] || fail "--if-due pulled before pull_interval"

echo "3. a new version"
publish 2
pull 0 "$base/site/site.aula"
expect_current 2
expect_msg "installed content version 2"

echo "4. publishing an older version is refused by aula-pack"
cp "$fix/v1.aula" "$t/build/site.aula"
"$pack" publish "$t/build/site.aula" -k "$fix/trusted.key" "$t/www/site" 2>"$t/err" &&
    fail "publish of an older version"
expect_msg "manifest.json already publishes content version 2"

echo "5. signed by a key the screen does not trust"
cp "$fix/v3.aula" "$t/build/u.aula"
"$pack" sign "$t/build/u.aula" -k "$fix/untrusted.key" >/dev/null
serve "$t/build/u.aula" "$t/build/u.aula.minisig"
pull 1 "$base/site/site.aula"
expect_msg "not a trusted key"
expect_current 2

echo "6. a truncated file"
head -c 100000 "$fix/v3.aula" >"$t/build/cut.aula"
serve "$t/build/cut.aula" "$fix/v3.aula.minisig"
pull 1 "$base/site/site.aula"
expect_msg "signature does not match"
expect_current 2

echo "7. an older version replayed by the server"
publish 1 --force
pull 1 "$base/site/site.aula"
expect_msg "content version 1 is not newer than version 2 installed before"
expect_current 2
pull 0 "$base/site/site.aula"
expect_msg "not modified since the last pull"

echo "8. a huge file"
mkdir -p "$t/www/big"
truncate -s 6M "$t/www/big/site.aula"
cp "$fix/v3.aula.minisig" "$t/www/big/site.aula.minisig"
pull 1 "$base/big/site.aula"
expect_msg "larger than max_size (4194304 bytes)"
expect_current 2

echo "9. https, and a redirect from https to http"
publish 3
pull 1 "https://127.0.0.1:$tlsport/down/site.aula"
expect_msg "redirected from https to http://127.0.0.1:$port/site/site.aula; refusing to leave https"
expect_current 2
pull 0 "https://127.0.0.1:$tlsport/site/site.aula"
expect_current 3

echo "10. not found"
pull 3 "$base/nothing/site.aula"
expect_msg "HTTP 404 (not found)"

echo "11. the server dies mid-download (retried, then given up)"
cp "$fix/v4.aula" "$fix/v4.aula.minisig" "$t/py/"
pull 3 "http://127.0.0.1:$pyport/die/v4.aula"
expect_msg "transfer closed with"
expect_msg "(gave up after 3 attempts)"
[ "$(grep -c '^/die/v4.aula ' "$t/py/requests.log")" -eq 3 ] || fail "not retried 3 times"
expect_current 3

echo "12. a stalled server (timeout)"
start=$(date +%s)
sed -i 's/^retries = 2/retries = 0/' "$t/aula.conf"
pull 3 "http://127.0.0.1:$pyport/slow/v4.aula"
expect_msg "timed out"
[ $(($(date +%s) - start)) -lt 15 ] || fail "the timeout took too long"
sed -i 's/^retries = 0/retries = 2/' "$t/aula.conf"
expect_current 3

echo "13. a server error once: retried with back-off, then installed"
pull 0 "http://127.0.0.1:$pyport/flaky/v4.aula"
expect_current 4
# 503 for the snapshot, then 200; 503 for its signature, then both again.
[ "$(grep -c '^/flaky/v4.aula ' "$t/py/requests.log")" -eq 3 ] || fail "not retried"
[ "$(grep -c '^/flaky/v4.aula.minisig ' "$t/py/requests.log")" -eq 2 ] || fail "not retried"

echo "14. status"
"$sync" --config "$t/aula.conf" status >"$t/status.txt" || fail "status"
grep -q "^installed:      4 (current), 3, 2$" "$t/status.txt" || fail "status: $(cat "$t/status.txt")"
grep -q '"last_result": "installed"' "$t/data/status.json" || fail "status.json"
echo "PASS"
