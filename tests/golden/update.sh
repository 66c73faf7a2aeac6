#!/bin/sh
# Regenerates the golden reference pictures deliberately, after a change to
# the look of the kiosk has been checked by eye:
#   sh tests/golden/update.sh BUILD_DIR
# BUILD_DIR is a configured and built tree (it needs aula and aula-pack).
# Then review the new pictures (git diff --stat, an image viewer) and commit
# them with the change that caused them.
set -eu
build=${1:?usage: sh tests/golden/update.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
aula=$build/kiosk/app/aula
pack=$build/kiosk/app/aula-pack
for p in "$aula" "$pack"; do
    [ -x "$p" ] || { echo "update.sh: $p not found: build first (cmake --build $build)"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$pack" build "$src/content/demo" -o "$tmp/demo.aula" --now 2026-11-23T10:00:00Z >/dev/null
export SDL_VIDEODRIVER=dummy
for size in $(cat "$here/sizes"); do
    rm -rf "${here:?}/$size"
    sh "$here/render.sh" "$aula" "$tmp/demo.aula" "$here/$size" "$size"
    echo "update.sh: $(ls "$here/$size" | wc -l) references in tests/golden/$size"
done
du -sh "$here" | sed 's/^/update.sh: total /'
