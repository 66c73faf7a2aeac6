#!/bin/sh
# The golden test of one size: renders every screen (render.sh) and compares
# each picture with its reference in tests/golden/SIZE/ (golden_cmp). On a
# difference the diff picture's path is printed; update.sh regenerates the
# references when a change is deliberate.
#   golden_test.sh AULA GOLDEN_CMP SNAPSHOT OUTDIR WxH REFDIR
set -eu
aula=$1 cmp=$2 snap=$3 out=$4 size=$5 refdir=$6
here=$(dirname "$0")
rm -rf "$out/$size"
sh "$here/render.sh" "$aula" "$snap" "$out/$size" "$size"
status=0
count=0
for got in "$out/$size"/*.png; do
    case $got in *.diff.png) continue ;; esac
    name=$(basename "$got")
    ref="$refdir/$size/$name"
    count=$((count + 1))
    if [ ! -f "$ref" ]; then
        echo "golden: no reference $ref (sh tests/golden/update.sh BUILD_DIR makes it)"
        status=1
        continue
    fi
    "$cmp" "$ref" "$got" "$out/$size/${name%.png}.diff.png" || status=1
done
# Every reference must still be rendered.
for ref in "$refdir/$size"/*.png; do
    [ -f "$out/$size/$(basename "$ref")" ] || { echo "golden: $ref is no longer rendered"; status=1; }
done
[ "$count" -gt 0 ] || { echo "golden: nothing rendered"; exit 1; }
exit $status
