#!/bin/sh
# Installs what libipofacts needs on Debian 12 (bookworm). Run as root, or as a
# user with sudo. Safe to run again: it installs only what is missing.
#   sh tools/deps.sh           to build (compiler, CMake, cJSON, libunistring)
#   sh tools/deps.sh --test    and to run every test (cmocka, Doxygen, Python,
#                              abigail-tools, Chromium and CJK fonts for the chart test)
#   sh tools/deps.sh --gates   and the quality gates (valgrind, clang-14 with
#                              libFuzzer, cppcheck, clang-tidy)
set -eu
BUILD="build-essential cmake pkg-config libcjson-dev libunistring-dev"
TEST="libcmocka-dev doxygen python3 abigail-tools binutils chromium fonts-noto-cjk"
GATES="valgrind clang-14 libclang-rt-14-dev cppcheck clang-tidy"
case "${1:-}" in
  "") PACKAGES="$BUILD" ;;
  --test) PACKAGES="$BUILD $TEST" ;;
  --gates) PACKAGES="$BUILD $TEST $GATES" ;;
  *) echo "usage: sh tools/deps.sh [--test|--gates]" >&2; exit 2 ;;
esac
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
echo "tools/deps.sh: installing:$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
