#!/bin/sh
# Builds the Debian package of aula on an amd64 Debian 12 machine, for amd64
# (natively) or for arm64 (cross-compiled against an arm64 sysroot folder;
# see packaging/ARM64.md).
#   sh packaging/build-deb.sh [amd64|arm64] [--all-tests]
# Default: this machine's architecture. Installs the Debian packages it needs
# (as root, or with sudo). Builds in build-deb-ARCH and leaves
# build-deb-ARCH/aula_VERSION_ARCH.deb.
# arm64: also runs the test programs under qemu-aarch64 (ctest); with
# --all-tests also the script-driven ones (render, sync, print), which need
# the machine's test tools (packaging/deps.sh test).
# No :arm64 package is installed into the system: the arm64 headers and
# libraries are unpacked into build-arm64/sysroot (kept for the next run).
set -eu
cd "$(dirname "$0")/.."
top=$(pwd -P)

host=$(dpkg --print-architecture)
arch=$host
all_tests=0
for a in "$@"; do
    case $a in
    amd64 | arm64) arch=$a ;;
    --all-tests) all_tests=1 ;;
    *) echo "usage: sh packaging/build-deb.sh [amd64|arm64] [--all-tests]" >&2; exit 2 ;;
    esac
done
jobs=$(nproc 2>/dev/null || echo 2)
build=build-deb-$arch
log=$build/build-deb.log # .configure, .ctest, .cpack
t0=$(date +%s)
step() { echo "== $* ($(($(date +%s) - t0)) s)"; }

need() { # Debian packages for this machine, in deps.sh's way
    missing=""
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    echo "Installing Debian packages:$missing"
    $SUDO apt-get update -q
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
}

if [ "$arch" = "$host" ]; then
    step "packages for the $arch build"
    packaging/deps.sh build
    need dpkg-dev file
    tc=""
    testing=OFF
    [ $all_tests = 1 ] && { packaging/deps.sh test; testing=ON; }
elif [ "$host" = amd64 ] && [ "$arch" = arm64 ]; then
    step "packages for the arm64 cross build"
    need cmake pkg-config make gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu \
        qemu-user dpkg-dev file
    [ $all_tests = 1 ] && packaging/deps.sh test
    step "arm64 sysroot"
    sh packaging/cross/make-sysroot.sh build-arm64
    tc="-DCMAKE_TOOLCHAIN_FILE=$top/packaging/toolchain-aarch64.cmake -DAULA_SYSROOT=$top/build-arm64/sysroot"
    testing=ON
else
    echo "building for $arch on $host is not supported" >&2
    exit 2
fi

step "configure $build"
mkdir -p "$build"
# shellcheck disable=SC2086
cmake -S . -B "$build" $tc -DAULA_DEB_ARCH="$arch" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBUILD_TESTING=$testing -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON >"$log.configure" 2>&1 || {
    cat "$log.configure"; echo "configure failed" >&2; exit 1; }
step "build"
cmake --build "$build" -j "$jobs"

# ctest_in [script] BUILD [SYSROOT] ARGS...: ctest in BUILD (with "script",
# through qemu-script-tests.sh), shown and appended to $log.ctest.
ctest_in() {
    rm -f "$log.rc"
    if [ "$1" = script ]; then
        shift
        set -- sh packaging/cross/qemu-script-tests.sh "$@"
    else
        d=$1
        shift
        set -- ctest --test-dir "$d" "$@"
    fi
    { "$@" --output-on-failure --timeout 600 && echo 0 >"$log.rc" || echo 1 >"$log.rc"; } |
        tee -a "$log.ctest"
    [ "$(cat "$log.rc")" = 0 ]
}

status=0
: >"$log.ctest"
if [ "$arch" != "$host" ]; then
    # The tests ctest runs by itself under qemu-aarch64 -L build-arm64/sysroot
    # (CMAKE_CROSSCOMPILING_EMULATOR): those whose command is a built program.
    emu=$(sh packaging/cross/emulated-tests.sh "$build")
    # These check how fast they run (test_recur: a CPU-time budget per rule;
    # test_stats: a child must commit within 1-16 ms before it is killed).
    # Emulation is 5-10 times slower, so they run alone afterwards, get up
    # to three tries, and a failure is reported without stopping the build.
    timing=${AULA_QEMU_TIMING_TESTS-test_recur test_stats}
    fast="" slow=""
    for t in $emu; do
        case " $timing " in *" $t "*) slow="$slow|$t" ;; *) fast="$fast|$t" ;; esac
    done
    step "tests under qemu-aarch64"
    ctest_in "$build" -R "^(${fast#|})\$" -j "$jobs" || status=1
    if [ -n "$slow" ]; then
        step "timing-sensitive tests under qemu-aarch64, one at a time"
        ctest_in "$build" -R "^(${slow#|})\$" -j 1 --repeat until-pass:3 ||
            echo "WARNING: a timing-sensitive test failed under qemu (see packaging/ARM64.md)"
    fi
    if [ $all_tests = 1 ]; then
        step "script-driven tests under qemu-aarch64"
        all=$(echo "$emu" | tr '\n' '|')
        all=${all%|}
        ctest_in script "$build" build-arm64/sysroot -E "^($all)\$" -j "$jobs" || status=1
    fi
elif [ $all_tests = 1 ]; then
    step "tests"
    ctest_in "$build" -j "$jobs" || status=1
fi
if [ $status -ne 0 ]; then
    echo "tests failed: no package made" >&2
    exit 1
fi

step "package"
rm -f "$build"/aula_*.deb
(cd "$build" && cpack -G DEB) >"$log.cpack" 2>&1 || {
    cat "$log.cpack"; echo "cpack failed" >&2; exit 1; }
deb=$(ls "$top/$build"/aula_*_"$arch".deb)
step "done"
echo "$deb"
dpkg-deb -I "$deb"
