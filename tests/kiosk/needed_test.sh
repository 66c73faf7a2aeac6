#!/bin/sh
# needed_test: the kiosk's programs must not link libcups (opened with
# dlopen only when printer = cups) nor SDL2_image (the slip logo is read
# with libpng): each shared library a program names costs every start-up
# the dynamic linker's time and memory, with all the libraries it pulls in.
# Reads the NEEDED entries of each program given (readelf, or objdump).
# Usage: needed_test.sh PROGRAM...
set -u
fails=0
for prog in "$@"; do
    if command -v readelf >/dev/null 2>&1; then
        needed=$(readelf -d "$prog" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
    else
        needed=$(objdump -p "$prog" | sed -n 's/^ *NEEDED *//p')
    fi
    [ -n "$needed" ] || { echo "FAIL: no NEEDED entries read from $prog"; fails=$((fails + 1)); continue; }
    for lib in libcups libSDL2_image; do
        if echo "$needed" | grep -q "^$lib"; then
            echo "FAIL: $prog links $(echo "$needed" | grep "^$lib")"
            fails=$((fails + 1))
        fi
    done
    echo "$prog: $(echo "$needed" | wc -l) libraries named:" $needed
done
[ $fails = 0 ] && echo "needed_test: passed"
exit $((fails > 0))
