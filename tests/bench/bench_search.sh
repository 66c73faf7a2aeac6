#!/bin/sh
# Benchmark: search keystroke to results on region-sized content (5,000
# services, 500 organisations, 1,500 contact persons, 2,000 activities).
# Prints the median, p95 and worst time per keystroke.
# usage: tests/bench/bench_search.sh [BUILD_DIR] [ROUNDS]
# Target (issue: the kiosk): <= 5 ms per keystroke.
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
rounds=${2:-5}
pack="$build/kiosk/app/aula-pack"
bench="$build/tests/kiosk/bench_search"
[ -x "$pack" ] && [ -x "$bench" ] || { echo "build first (cmake --build $build)"; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 tests/bench/gen_region.py "$dir/region"
"$pack" build "$dir/region" -o "$dir/region.aula" --now 2026-11-23T10:00:00Z 2>/dev/null
"$bench" "$dir/region.aula" "$rounds"
