#!/bin/sh
# aula-pack and Debian's minisign read each other's keys and signatures:
# each signs, the other verifies, with unencrypted and scrypt-encrypted
# keys; legacy signatures, foreign keys, changed files and trailing garbage
# are refused with their exact messages.
# Usage: minisign_interop.sh AULA_PACK SNAPSHOT_DIR
set -u
pack=$1 fix=$2
if ! command -v minisign >/dev/null 2>&1; then
    echo "SKIP: minisign is not installed (Debian package minisign; tests/run.sh installs it)"
    exit 77
fi
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() {
    echo "FAIL: $*"
    exit 1
}
expect_err() { # file, exact text
    got=$(cat "$1")
    [ "$got" = "$2" ] || fail "expected: $2
got:      $got"
}
keyid() { sed -n '1s/.*public key //p' "$1"; }

cp "$fix/v1.aula" "$t/s.aula"

echo "1. aula-pack key and signature, verified by minisign"
"$pack" keygen -s "$t/a.key" -p "$t/a.pub" >/dev/null || fail "aula-pack keygen"
"$pack" sign "$t/s.aula" -k "$t/a.key" >/dev/null || fail "aula-pack sign"
minisign -V -q -m "$t/s.aula" -p "$t/a.pub" || fail "minisign rejects aula-pack's signature"
minisign -V -q -H -m "$t/s.aula" -p "$t/a.pub" || fail "aula-pack's signature is not prehashed"

echo "2. minisign signs with aula-pack's secret key, aula-pack verifies"
rm "$t/s.aula.minisig"
minisign -S -s "$t/a.key" -m "$t/s.aula" -t "signed by minisign" </dev/null >/dev/null ||
    fail "minisign cannot use aula-pack's secret key"
"$pack" verify "$t/s.aula" -p "$t/a.pub" >"$t/out" || fail "aula-pack rejects minisign's signature"
grep -q "^trusted comment: signed by minisign$" "$t/out" || fail "trusted comment lost"

echo "3. minisign key (-W), aula-pack signs, minisign verifies"
minisign -G -W -p "$t/m.pub" -s "$t/m.key" >/dev/null || fail "minisign -G -W"
"$pack" sign "$t/s.aula" -k "$t/m.key" >/dev/null || fail "aula-pack cannot use minisign's key"
minisign -V -q -m "$t/s.aula" -p "$t/m.pub" || fail "minisign rejects the signature"
"$pack" verify "$t/s.aula" -p "$t/m.pub" >/dev/null || fail "aula-pack rejects its own signature"

echo "4. minisign encrypted key (scrypt), aula-pack signs with AULA_KEY_PASSWORD"
printf 'salasana\nsalasana\n' | minisign -G -p "$t/e.pub" -s "$t/e.key" >/dev/null 2>&1 ||
    fail "minisign -G"
AULA_KEY_PASSWORD=salasana "$pack" sign "$t/s.aula" -k "$t/e.key" >/dev/null ||
    fail "aula-pack cannot decrypt minisign's key"
minisign -V -q -m "$t/s.aula" -p "$t/e.pub" || fail "minisign rejects the signature"
"$pack" sign "$t/s.aula" -k "$t/e.key" 2>"$t/err" >/dev/null && fail "no password needed"
expect_err "$t/err" "aula-pack: $t/e.key: the secret key is encrypted; give its password in the \
AULA_KEY_PASSWORD environment variable"

echo "5. a legacy (non-prehashed) minisign signature is refused"
minisign -S -l -s "$t/m.key" -m "$t/s.aula" </dev/null >/dev/null || fail "minisign -S -l"
"$pack" verify "$t/s.aula" -p "$t/m.pub" 2>"$t/err" >/dev/null && fail "legacy accepted"
expect_err "$t/err" "aula-pack verify: $t/s.aula.minisig: legacy (non-prehashed) signature, which \
is not accepted; re-sign the file with aula-pack sign, or with minisign 0.11 or later without -l"

echo "6. a signature by another key is refused, naming its key ID"
minisign -S -s "$t/m.key" -m "$t/s.aula" </dev/null >/dev/null || fail "minisign -S"
"$pack" verify "$t/s.aula" -p "$t/a.pub" 2>"$t/err" >/dev/null && fail "foreign key accepted"
expect_err "$t/err" "aula-pack verify: $t/s.aula.minisig: signed with key ID $(keyid "$t/m.pub"), \
not a trusted key; add its public key to the trusted keys or re-sign with a trusted key"

echo "7. aula-sync installs a snapshot signed by minisign"
mkdir "$t/keys"
cp "$t/m.pub" "$t/keys/"
"$(dirname "$pack")/aula-sync" install "$t/s.aula" --data-dir "$t/data" --keys "$t/keys" \
    --config /dev/null --now 2026-11-23T12:00:00Z 2>"$t/err" || {
    cat "$t/err"
    fail "aula-sync refused minisign's signature"
}

echo "8. a changed file fails in both"
cp "$t/s.aula" "$t/c.aula"
cp "$t/s.aula.minisig" "$t/c.aula.minisig"
printf 'x' >>"$t/c.aula"
minisign -V -q -m "$t/c.aula" -p "$t/m.pub" 2>/dev/null && fail "minisign accepted a changed file"
"$pack" verify "$t/c.aula" -p "$t/m.pub" 2>"$t/err" >/dev/null && fail "changed file accepted"
expect_err "$t/err" "aula-pack verify: $t/c.aula.minisig: signature does not match $t/c.aula \
(the file was changed or damaged after signing, or the signature belongs to another file)"

echo "9. trailing garbage and truncation in the signature file are refused"
cp "$t/s.aula.minisig" "$t/good.minisig"
echo "extra line" >>"$t/s.aula.minisig"
"$pack" verify "$t/s.aula" -p "$t/m.pub" 2>"$t/err" >/dev/null && fail "trailing garbage accepted"
expect_err "$t/err" "aula-pack verify: $t/s.aula.minisig:5: unexpected data after the signature \
(trailing garbage)"
head -c 200 "$t/good.minisig" >"$t/s.aula.minisig"
"$pack" verify "$t/s.aula" -p "$t/m.pub" 2>"$t/err" >/dev/null && fail "truncation accepted"
expect_err "$t/err" "aula-pack verify: $t/s.aula.minisig: truncated signature: 3 of 4 lines"

echo "10. a bad public key file"
printf 'untrusted comment: x\nRWQAAAA=\n' >"$t/bad.pub"
cp "$t/good.minisig" "$t/s.aula.minisig"
"$pack" verify "$t/s.aula" -p "$t/bad.pub" 2>"$t/err" >/dev/null && fail "bad key accepted"
expect_err "$t/err" "aula-pack verify: $t/bad.pub:2: public key has 5 bytes, expected 42 \
(truncated or not a minisign public key)"

echo "PASS"
