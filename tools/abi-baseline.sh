#!/bin/sh
# Regenerates the ABI baseline abi/libipofacts.abi from a -g build of the
# shared library. Run it only for an intentional, compatible addition to the
# API, and commit the new baseline with the change (docs/abi.md).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
cmake -S . -B build-abi -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF -DIPOFACTS_BUILD_EXAMPLES=OFF >/dev/null
cmake --build build-abi -j"$(nproc)" --target ipofacts >/dev/null
mkdir -p abi
abidw --no-corpus-path --no-show-locs --headers-dir include/ipofacts --drop-private-types \
  build-abi/libipofacts.so.1 > abi/libipofacts.abi.new
grep -q '<abi-instr' abi/libipofacts.abi.new || { echo "abidw wrote no <abi-instr>" >&2; exit 1; }
mv abi/libipofacts.abi.new abi/libipofacts.abi
echo "abi/libipofacts.abi: $(grep -c '<elf-symbol ' abi/libipofacts.abi) symbols"
