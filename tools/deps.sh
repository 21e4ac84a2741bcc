#!/bin/sh
# Installs what libipofacts needs to build and test on Debian 12 (bookworm).
# Run as root (or with sudo available). Safe to run again.
set -eu
PACKAGES="build-essential cmake pkg-config libcjson-dev libunistring-dev libcmocka-dev doxygen python3 abigail-tools valgrind"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
echo "tools/deps.sh: installing:$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
