#!/bin/sh
# packaging/aula.conf.example is the file installed as /etc/aula/aula.conf:
# every program that reads it must accept it as shipped, with no warning,
# and with each commented-out "#key = value" example line switched on in
# turn (power commands together with off_action = command). Every key of
# the [kiosk] and [display] tables in packaging/KIOSK.md must be in it.
#   conf_example_test.sh SOURCE_DIR AULA AULA_SYNC AULA_PRINT OUTDIR
set -eu
src=$1 aula=$2 sync=$3 print=$4 out=$5
example=$src/packaging/aula.conf.example
rm -rf "$out"
mkdir -p "$out/data"

fail() {
    echo "FAIL: $*"
    exit 1
}

check() { # file what [section]: the programs reading section (all if none)
    case ${3:-all} in all | kiosk | display)
        "$aula" --check-config --config "$1" >"$out/aula.out" 2>"$out/aula.err" ||
            fail "$2: aula: $(cat "$out/aula.err")"
        [ ! -s "$out/aula.err" ] || fail "$2: aula warns: $(cat "$out/aula.err")"
        ;;
    esac
    case ${3:-all} in all | sync)
        "$sync" --config "$1" --data-dir "$out/data" status >/dev/null 2>"$out/sync.err" ||
            fail "$2: aula-sync: $(cat "$out/sync.err")"
        ;;
    esac
    case ${3:-all} in all | printer)
        "$print" test --config "$1" --out "$out/test.png" >/dev/null 2>"$out/print.err" ||
            fail "$2: aula-print: $(cat "$out/print.err")"
        ;;
    esac
}

check "$example" "as shipped"
grep -q '^\[kiosk\]$' "$example" || fail "no [kiosk] section"
grep -q '^\[display\]$' "$example" || fail "no [display] section"

n=0
# "LINE SECTION" of each example line.
awk '/^\[[a-z]*\]$/ { sec = substr($0, 2, length($0) - 2) }
     /^#[a-z_]* = / { print NR, sec }' "$example" >"$out/lines"
while read -r line section; do
    key=$(sed -n "${line}s/^#\([a-z_]*\) = .*/\1/p" "$example")
    case $key in
    power_on_command | power_off_command)
        # Only with off_action = command, which needs power_off_command.
        sed -e "${line}s/^#//" -e 's/^\[display\]$/[display]\noff_action = command\npower_off_command = true/' \
            "$example" | awk -v k="$key" '
                # the switched-on line wins over the one added above
                $0 == "power_off_command = true" && k == "power_off_command" { next }
                { print }' >"$out/variant.conf"
        ;;
    *)
        sed -e "${line}s/^#//" "$example" >"$out/variant.conf"
        ;;
    esac
    check "$out/variant.conf" "line $line ($key) switched on" "$section"
    n=$((n + 1))
done <"$out/lines"
[ "$n" -ge 30 ] || fail "only $n example lines found"

# Every key the kiosk guide documents is in the example.
for key in $(sed -n '/^| key | values/,/^$/s/^| `\([a-z_]*\)` |.*/\1/p' "$src/packaging/KIOSK.md"); do
    grep -q "^#$key = " "$example" || fail "KIOSK.md documents $key, the example lacks it"
done
echo "the example and $n variants of it are accepted by aula, aula-sync and aula-print"
