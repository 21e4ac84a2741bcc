#!/bin/sh
# Header test: every public header compiles on its own as C11 with
# -pedantic -Werror, and as C++, and has the /** @file */ block Doxygen needs.
# Usage: sh headers.sh INCLUDE_DIR C_COMPILER CXX_COMPILER
set -eu
inc=$1
cc=$2
cxx=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
for h in "$inc"/ipofacts/*.h; do
  name=$(basename "$h")
  grep -q "@file ipofacts/$name" "$h" || { echo "$name: no '/** @file ipofacts/$name' block" >&2; exit 1; }
  printf '#include <ipofacts/%s>\n#include <ipofacts/%s>\nint ipofacts_header_test_%s;\n' "$name" "$name" "$(echo "$name" | tr . _)" > "$work/t.c"
  "$cc" -std=c11 -pedantic -Wall -Wextra -Werror -I"$inc" -c "$work/t.c" -o "$work/t.o" \
    || { echo "$name does not compile alone as C11" >&2; exit 1; }
  cp "$work/t.c" "$work/t.cpp"
  "$cxx" -std=c++11 -pedantic -Wall -Wextra -Werror -I"$inc" -c "$work/t.cpp" -o "$work/t.o" \
    || { echo "$name does not compile alone as C++" >&2; exit 1; }
  n=$((n + 1))
done
echo "headers: ok ($n headers compile alone as C11 and C++)"
