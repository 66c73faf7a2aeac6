#!/bin/sh
# Prints the names of the tests of a cross build that ctest can run by itself
# under qemu-aarch64: the test's command is a built program (so ctest puts
# CMAKE_CROSSCOMPILING_EMULATOR before it) and so is the command of every
# fixture set-up test it needs. The other tests start the arm64 programs from
# shell scripts: packaging/cross/qemu-script-tests.sh runs those.
#   emulated-tests.sh BUILD
set -eu
find "$1" -name CTestTestfile.cmake -not -path '*/qemu-tests/*' -exec cat {} + | awk '
/^add_test\(/ {
    name = $1; sub(/^add_test\(/, "", name)
    if ($0 ~ /qemu-aarch64/) emu[name] = 1
}
/^set_tests_properties\(/ {
    name = $1; sub(/^set_tests_properties\(/, "", name)
    if (match($0, /FIXTURES_SETUP "[^"]*"/)) {
        n = split(substr($0, RSTART + 16, RLENGTH - 17), f, ";")
        for (i = 1; i <= n; i++) setup[f[i]] = setup[f[i]] " " name
    }
    if (match($0, /FIXTURES_REQUIRED "[^"]*"/))
        req[name] = substr($0, RSTART + 19, RLENGTH - 20)
}
END {
    for (t in emu) {
        ok = 1
        n = split(req[t], f, ";")
        for (i = 1; i <= n; i++) {
            if (setup[f[i]] == "") { ok = 0; continue }
            m = split(setup[f[i]], s, " ")
            for (j = 1; j <= m; j++) if (!(s[j] in emu)) ok = 0
        }
        if (ok) print t
    }
}' | sort
