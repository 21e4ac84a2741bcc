#!/bin/sh
# Builds libipofacts and runs every test: the C suites (cmocka), the command-line
# tests, the header and symbol tests, the install tests (pkg-config and CMake
# consumers) and the Python tests, all through CTest.
# Usage: sh tools/test.sh [BUILD_DIR]   (default: build-test)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$top/build-test"}
sh "$top/tools/deps.sh" --test
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
