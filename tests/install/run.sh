#!/bin/sh
# Install test: configures a fresh build with a temporary prefix, installs it,
# checks the installed layout and exported symbols, then builds two consumers
# against the *installed* library: examples/minimal.c with pkg-config, and
# examples/cmake-consumer with find_package(ipofacts CONFIG).
# Usage: sh run.sh SOURCE_DIR
set -eu
src=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
fail() { echo "install test: $*" >&2; exit 1; }

cmake -S "$src" -B "$work/build" -DCMAKE_INSTALL_PREFIX="$prefix" -DBUILD_TESTING=OFF \
      -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build" -j2 >/dev/null
cmake --install "$work/build" >/dev/null

libdir="$prefix/lib"
[ -d "$libdir/pkgconfig" ] || libdir=$(dirname "$(find "$prefix" -name ipofacts.pc | head -1)")/..
for f in include/ipofacts/ipofacts.h include/ipofacts/common.h include/ipofacts/value.h \
         include/ipofacts/dataset.h bin/ipofacts; do
  [ -e "$prefix/$f" ] || fail "missing $f"
done
for f in libipofacts.so libipofacts.so.1 libipofacts.so.1.1.0 libipofacts.a pkgconfig/ipofacts.pc \
         cmake/ipofacts/ipofactsConfig.cmake cmake/ipofacts/ipofactsConfigVersion.cmake \
         cmake/ipofacts/ipofactsTargets.cmake; do
  [ -e "$libdir/$f" ] || fail "missing lib/$f"
done
[ "$(readlink "$libdir/libipofacts.so.1")" = "libipofacts.so.1.1.0" ] || fail "libipofacts.so.1 does not link to 1.1.0"
soname=$(objdump -p "$libdir/libipofacts.so.1.1.0" | awk '/SONAME/ {print $2}')
[ "$soname" = "libipofacts.so.1" ] || fail "SONAME is '$soname'"

# Every exported symbol is ipofacts_* and carries a version node: IPOFACTS_1.0
# for the symbols of 1.0, IPOFACTS_1.1 for those 1.1 added.
nm -D --defined-only "$libdir/libipofacts.so.1" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' > "$work/syms"
[ -s "$work/syms" ] || fail "no exported symbols"
bad=$(grep -v '^ipofacts_[a-z0-9_]*@@IPOFACTS_1\.[01]$' "$work/syms" | grep -v '^IPOFACTS_1\.[01]@@IPOFACTS_1\.[01]$' || true)
[ -z "$bad" ] || fail "exported symbols without prefix or version node: $bad"
grep -qx 'ipofacts_company_ratio@@IPOFACTS_1\.0' "$work/syms" || fail "ipofacts_company_ratio is not in IPOFACTS_1.0"
grep -qx 'ipofacts_company_ratio_value@@IPOFACTS_1\.1' "$work/syms" || fail "ipofacts_company_ratio_value is not in IPOFACTS_1.1"
grep -qx 'ipofacts_dataset_ratio_table@@IPOFACTS_1\.1' "$work/syms" || fail "ipofacts_dataset_ratio_table is not in IPOFACTS_1.1"

# A C program built with pkg-config against the installed library.
export PKG_CONFIG_PATH="$libdir/pkgconfig"
pkg-config --exists ipofacts || fail "pkg-config does not find ipofacts"
[ "$(pkg-config --modversion ipofacts)" = "1.1.0" ] || fail "pkg-config version"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror -o "$work/minimal" "$src/examples/minimal.c" \
   $(pkg-config --cflags --libs ipofacts) -Wl,-rpath,"$libdir"
"$work/minimal" > "$work/minimal.out" || fail "minimal (pkg-config) failed"
grep -q "MiniMax" "$work/minimal.out" || fail "minimal output: $(cat "$work/minimal.out")"
# The same program linked statically (pkg-config --static brings cJSON and libunistring).
# shellcheck disable=SC2046
cc -std=c11 -o "$work/minimal-static" "$src/examples/minimal.c" -I"$prefix/include" \
   "$libdir/libipofacts.a" $(pkg-config --libs --static ipofacts | sed 's/-lipofacts//')
"$work/minimal-static" | cmp -s - "$work/minimal.out" || fail "static build prints something else"

# A CMake project with find_package(ipofacts CONFIG) and target ipofacts::ipofacts.
cmake -S "$src/examples/cmake-consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null \
  || fail "find_package(ipofacts) failed"
cmake --build "$work/consumer" >/dev/null || fail "CMake consumer does not build"
"$work/consumer/consumer" | cmp -s - "$work/minimal.out" || fail "CMake consumer prints something else"

# The installed program runs on the built-in data with no data files.
"$prefix/bin/ipofacts" --version | grep -q "1.1.0" || fail "installed ipofacts --version"
"$prefix/bin/ipofacts" export --format csv > "$work/facts.csv" || fail "installed export failed"
head -1 "$work/facts.csv" | grep -qx 'company,concept,segment,period_start,period_end,value,unit,decimals,qualifier,source' \
  || fail "CSV header: $(head -1 "$work/facts.csv")"
rows=$(($(wc -l < "$work/facts.csv") - 1))
[ "$rows" -gt 100 ] || fail "installed export lists only $rows facts"
echo "install test: ok ($rows facts exported by the installed program)"
