#!/bin/sh
# Installs the Debian packages aula needs to build, run and test.
# Usage: packaging/deps.sh [build|test]   (as root, or with sudo available)
set -eu

BUILD="build-essential cmake pkg-config clang
  libsqlite3-dev libical-dev libcsv-dev
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libfribidi-dev libharfbuzz-dev
  libqrencode-dev libsodium-dev libcurl4-openssl-dev libjansson-dev
  libcups2-dev libpng-dev zlib1g-dev libespeak-ng-dev espeak-ng-data
  fonts-noto-core tzdata sqlite3"
TEST="libcmocka-dev zbar-tools xvfb xauth python3 minisign nginx-light openssl
  dpkg-dev systemd systemd-container cups cups-client poppler-utils cage xwayland faketime"

want="$BUILD"
[ "${1:-build}" = test ] && want="$BUILD $TEST"

missing=""
for p in $want; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "Installing Debian packages:$missing"
$SUDO apt-get update -q
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
