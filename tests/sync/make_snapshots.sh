#!/bin/sh
# Builds the signed snapshots the sync tests use, with the real aula-pack:
#   v1..v5.aula       site testikeskus, content versions 1..5
#   other.aula        site toinenkeskus, content version 10
#   keys/trusted.pub  the key they are signed with (trusted.key beside it)
#   untrusted.pub/key a second key pair that no screen trusts
# Usage: make_snapshots.sh AULA_PACK OUTDIR
set -eu
pack=$1 out=$2
src=$(cd "$(dirname "$0")/../fixtures/content/minimal" && pwd)
rm -rf "$out"
mkdir -p "$out/keys"
now=2026-11-23T10:00:00Z
"$pack" keygen -s "$out/trusted.key" -p "$out/keys/trusted.pub" >/dev/null
"$pack" keygen -s "$out/untrusted.key" -p "$out/untrusted.pub" >/dev/null
for v in 1 2 3 4 5; do
    "$pack" build "$src" -o "$out/v$v.aula" --now $now --content-version $v >/dev/null
    "$pack" sign "$out/v$v.aula" -k "$out/trusted.key" >/dev/null
done
cp -r "$src" "$out/other-src"
sed -i 's/^testikeskus,/toinenkeskus,/' "$out/other-src/site.csv"
"$pack" build "$out/other-src" -o "$out/other.aula" --now $now --content-version 10 >/dev/null
"$pack" sign "$out/other.aula" -k "$out/trusted.key" >/dev/null
rm -rf "$out/other-src"
echo "snapshots in $out"
