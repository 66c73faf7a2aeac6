#!/bin/sh
# Runs the whole test suite: installs what it needs, then builds and tests
# twice: with gcc (warnings as errors), and with clang under AddressSanitizer
# and UndefinedBehaviorSanitizer; then fuzzes every parser for a bounded
# time (tests/fuzz/run_bounded.sh). Prints one summary line at the end.
set -u
cd "$(dirname "$0")/.."
packaging/deps.sh test || exit 1

jobs=$(nproc 2>/dev/null || echo 2)
passed=0
failed=0
status=0

run_suite() { # name, build dir, cmake args...
    name=$1 dir=$2
    shift 2
    echo "== $name =="
    if ! cmake -S . -B "$dir" "$@" >"$dir.configure.log" 2>&1; then
        cat "$dir.configure.log"
        echo "$name: configure failed"
        failed=$((failed + 1)); status=1; return
    fi
    if ! cmake --build "$dir" -j "$jobs"; then
        echo "$name: build failed"
        failed=$((failed + 1)); status=1; return
    fi
    (cd "$dir" && ctest --output-on-failure -j "$jobs") | tee "$dir.ctest.log"
    p=$(sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\2 \1/p' "$dir.ctest.log")
    total=${p% *} bad=${p#* }
    if [ -z "$p" ]; then
        echo "$name: no test summary"; failed=$((failed + 1)); status=1; return
    fi
    passed=$((passed + total - bad))
    failed=$((failed + bad))
    [ "$bad" -eq 0 ] || status=1
}

mkdir -p build-tests
run_suite "gcc" build-tests/gcc -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=RelWithDebInfo
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    run_suite "clang + ASan/UBSan" build-tests/clang-sanitize -DCMAKE_C_COMPILER=clang \
    -DCMAKE_BUILD_TYPE=Sanitize

# Bounded fuzzing: every fuzz target for AULA_FUZZ_SECONDS (30 here) in a
# clang -DAULA_FUZZ=ON build; a crash fails the run.
echo "== fuzz (bounded) =="
if AULA_FUZZ_SECONDS=${AULA_FUZZ_SECONDS:-30} sh tests/fuzz/run_bounded.sh build-tests/fuzz; then
    passed=$((passed + 1))
else
    failed=$((failed + 1)); status=1
fi

echo
echo "$passed passed, $failed failed"
exit $status
