#!/bin/sh
# Bounded fuzzing: runs every libFuzzer target for a fixed time and fails if
# any finds a crash, a sanitizer report, a leak or an input that hangs.
#   tests/fuzz/run_bounded.sh [BUILD_DIR]
# BUILD_DIR must be configured with clang, -DAULA_FUZZ=ON (and preferably
# -DCMAKE_BUILD_TYPE=Sanitize, so ASan and UBSan watch too). Without it the
# script configures and builds build-fuzz/ itself. Environment:
#   AULA_FUZZ_SECONDS  seconds per target (default 60)
#   AULA_FUZZ_JOBS     targets fuzzed at once (default: the number of cores)
#   AULA_FUZZ_TARGETS  names to run (default: all, e.g. "snapshot script")
# New inputs that reach new code go to BUILD_DIR/fuzz-work/<target>/ (the
# seed corpora in tests/fuzz/corpus stay as they are). A crasher is left as
# BUILD_DIR/fuzz-work/<target>-crash-*: fix the bug, then copy the file into
# tests/fuzz/corpus/<target>/ so the replay test keeps it fixed.
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build-fuzz}
seconds=${AULA_FUZZ_SECONDS:-60}
jobs=${AULA_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
targets=${AULA_FUZZ_TARGETS:-"ptv linkedevents hsds csv ics po minisign conf snapshot script"}

# Configure unless a finished configuration is there (an interrupted one
# leaves a cache without build files).
if [ ! -f "$build/CMakeCache.txt" ] || { [ ! -f "$build/Makefile" ] && [ ! -f "$build/build.ninja" ]; }; then
    cmake -S "$src" -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Sanitize \
        -DAULA_FUZZ=ON >"$build.configure.log" 2>&1 || {
        cat "$build.configure.log"
        echo "fuzz: configure failed"
        exit 1
    }
fi
if ! grep -q '^AULA_FUZZ:BOOL=ON' "$build/CMakeCache.txt" ||
    ! grep -q '^CMAKE_C_COMPILER_ID:.*=Clang\|^CMAKE_C_COMPILER:.*clang' "$build/CMakeCache.txt"; then
    echo "fuzz: $build is not a clang build with -DAULA_FUZZ=ON"
    exit 1
fi
names=
for t in $targets; do names="$names fuzz_$t"; done
# shellcheck disable=SC2086
cmake --build "$build" -j "$jobs" --target $names || {
    echo "fuzz: build failed"
    exit 1
}

work=$build/fuzz-work
mkdir -p "$work"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export TZ=UTC

fuzz_one() { # target: fuzzes it, writes its log, its exit status to .rc
    t=$1
    mkdir -p "$work/$t"
    rm -f "$work/$t-crash-"* "$work/$t-leak-"* "$work/$t-timeout-"* "$work/$t-oom-"*
    "$build/tests/import/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=25 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/$t-" \
        "$work/$t" "$src/tests/fuzz/corpus/$t" >"$work/$t.log" 2>&1
    echo $? >"$work/$t.rc"
}

echo "fuzz: $seconds s per target, $jobs at once: $targets"
start=$(date +%s)
running=0
for t in $targets; do
    fuzz_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait
        running=0
    fi
done
wait

status=0
for t in $targets; do
    rc=$(cat "$work/$t.rc" 2>/dev/null || echo 1)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log" | tail -n 1)
    if [ "$rc" -eq 0 ]; then
        echo "fuzz_$t: ok, ${runs:-?} inputs"
    else
        status=1
        echo "fuzz_$t: FAILED (exit $rc); the end of $work/$t.log:"
        tail -n 40 "$work/$t.log"
        ls "$work/$t-"* 2>/dev/null | sed 's/^/  input: /'
    fi
done
echo "fuzz: $(($(date +%s) - start)) s in all"
exit $status
