#!/bin/sh
# Soak: the monkey (tests/reliability/monkey.c) taps, swipes, types,
# switches languages and waits past the idle reset for AULA_SOAK_SECONDS
# (default: SECONDS, 90) while the data directory's `current` is pointed at another
# snapshot every 3 seconds (two good ones and a damaged one, as aula-sync
# would install them). After the warm-up (the first quarter) the live heap
# may grow by at most AULA_SOAK_HEAP_GROWTH_KIB (1024) and, without
# AddressSanitizer, the resident size by AULA_SOAK_RSS_GROWTH_KIB (1024).
# No file may stay open; under the sanitizer build LeakSanitizer checks for
# leaks at exit. The seed is printed; replay a failure with
# AULA_SOAK_SEED=N. For the hours-long run see tests/RELIABILITY.md.
#   soak_test.sh MONKEY DEMO_SNAPSHOT OUTDIR [SECONDS]
set -eu
monkey=$1 demo=$2 out=$3
seconds=${AULA_SOAK_SECONDS:-${4:-90}}
seed=${AULA_SOAK_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
rm -rf "$out"
mkdir -p "$out/data"
cp "$demo" "$out/data/a.aula"
cp "$demo" "$out/data/b.aula"
sqlite3 "$out/data/b.aula" "UPDATE site_i18n SET name = 'Uusi ' || name;
    UPDATE snapshot_meta SET value = value + 1 WHERE key = 'content_version';"
# A damaged copy: the kiosk must refuse it and keep what it shows.
cp "$demo" "$out/data/bad.aula"
size=$(wc -c <"$out/data/bad.aula")
printf '%064d' 0 | dd of="$out/data/bad.aula" bs=1 seek=$((size / 2 / 4096 * 4096)) \
    conv=notrunc status=none
ln -s a.aula "$out/data/current"
echo "soak: $seconds s, seed $seed"
"$monkey" --snapshot "$out/data/current" --size 1280x800 --seconds "$seconds" --seed "$seed" \
    --swap a.aula,b.aula,bad.aula,b.aula --every 3 --max-growth-kib "${AULA_SOAK_HEAP_GROWTH_KIB:-1024}" \
    --max-rss-growth-kib "${AULA_SOAK_RSS_GROWTH_KIB:-1024}" 2>"$out/log.txt"
grep -c "new content shown" "$out/log.txt" | sed 's/^/soak: content switches: /'
grep -q "new content refused" "$out/log.txt" || {
    echo "FAIL: the damaged snapshot was never refused"
    exit 1
}
