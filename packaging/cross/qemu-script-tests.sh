#!/bin/sh
# Runs the tests of an arm64 cross build whose command is a shell script that
# starts aula, aula-pack, ... itself (the render tests, sync and print
# tests). ctest already runs the other tests under qemu-aarch64
# (CMAKE_CROSSCOMPILING_EMULATOR); these would fail with "Exec format error"
# on a machine without binfmt_misc. This makes a copy of the build's
# CTestTestfile.cmake files in BUILD/qemu-tests in which each arm64 program
# named on such a test's command line is replaced by a two-line wrapper that
# runs it under qemu-aarch64 -L SYSROOT, then runs ctest there.
#   qemu-script-tests.sh BUILD SYSROOT [ctest arguments...]
# The tests need what they need natively too (packaging/deps.sh test:
# zbarimg, fonts-noto-core, minisign, nginx, ...); files the arm64 programs
# open that are not in the sysroot (fonts, zoneinfo) come from the machine,
# as qemu -L falls back to / for them.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 BUILD SYSROOT [ctest arguments...]" >&2; exit 2; }
build=$(cd "$1" && pwd -P)
sysroot=$(cd "$2" && pwd -P)
shift 2
qemu=$(command -v qemu-aarch64 || command -v qemu-aarch64-static) || {
    echo "qemu-aarch64 not found (Debian: qemu-user)" >&2; exit 1; }
out=$build/qemu-tests
rm -rf "$out"
mkdir -p "$out/bin"

(cd "$build" && find . -name CTestTestfile.cmake -not -path './qemu-tests/*') |
while read -r f; do
    mkdir -p "$out/$(dirname "$f")"
    cp "$build/$f" "$out/$f"
done

# Tests not already run through the emulator, and the build's files on them.
progs=$(find "$out" -name CTestTestfile.cmake -exec grep -h '^add_test(' {} + |
        grep -v -F "\"$qemu\"" | grep -o "\"$build/[^\"]*\"" | tr -d '"' | sort -u)
for p in $progs; do
    if [ ! -f "$p" ] || ! file -b "$p" | grep -q 'ELF.*aarch64'; then continue; fi
    w=$out/bin/${p#"$build"/}
    mkdir -p "$(dirname "$w")"
    printf '#!/bin/sh\nexec %s -L %s %s "$@"\n' "$qemu" "$sysroot" "$p" >"$w"
    chmod +x "$w"
    find "$out" -name CTestTestfile.cmake -exec sed -i \
        "/^add_test(/{\\|\"$qemu\"|! s|\"$p\"|\"$w\"|g}" {} +
    echo "under qemu: ${p#"$build"/}"
done

cd "$out"
exec ctest "$@"
