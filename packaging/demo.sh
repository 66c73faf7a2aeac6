#!/bin/sh
# Sets up everything and runs the kiosk on the demo family centre:
# installs the Debian packages, builds, builds the demo snapshot, then opens
# the kiosk in a window, or, with no display, renders screenshots and says
# where they are. Extra arguments go to the kiosk (e.g. --size 1080x1920).
set -eu
cd "$(dirname "$0")/.."
packaging/deps.sh build

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF >/dev/null
cmake --build build -j "$(nproc 2>/dev/null || echo 2)"

build/kiosk/app/aula-pack build content/demo -o build/demo.aula
build/kiosk/app/aula-pack info build/demo.aula

if [ ! -x build/kiosk/app/aula ]; then
    echo "The kiosk program was not built (AULA_BUILD_KIOSK=OFF?); the snapshot is build/demo.aula."
    exit 0
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec build/kiosk/app/aula --window --snapshot build/demo.aula "$@"
fi
out=build/screenshots
mkdir -p "$out"
# A short tour: home, a category, a service, the week, and the home screen
# in Arabic, at each of the four display sizes.
tour='shot:home.png; tap:category:neuvola-terveys; shot:category.png; tap:service:lastenneuvola;
shot:service.png; tap:home; tap:calendar; shot:calendar.png'
for size in 1920x1080 1080x1920 1280x800 800x480; do
    mkdir -p "$out/$size"
    build/kiosk/app/aula --headless --snapshot build/demo.aula --size "$size" \
        --script "$tour" --screenshot "$out/$size" "$@"
    build/kiosk/app/aula --headless --snapshot build/demo.aula --size "$size" --lang ar \
        --screenshot "$out/$size/home-ar.png" "$@"
done
echo "No display found: screenshots of the demo are in $out/<size>/"
ls "$out"/*
