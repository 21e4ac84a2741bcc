#!/bin/sh
# Symbol test: the shared library exports exactly the functions the public
# headers declare with IPOFACTS_API, each named ipofacts_* and bound to the
# version node of lib/ipofacts.map.
# Usage: sh symbols.sh LIBRARY INCLUDE_DIR
set -eu
lib=$1
inc=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | grep -v '^IPOFACTS_1\.[01]@@' > "$work/exported.v"
# The symbols of 1.0 (listed by name in the map's IPOFACTS_1.0 node) keep
# that node; every other one is bound to IPOFACTS_1.1.
map="$inc/../lib/ipofacts.map"
sed -n '/^IPOFACTS_1\.0 {/,/^}/p' "$map" | grep -o 'ipofacts_[a-z0-9_]*' | sort -u > "$work/v10"
[ -s "$work/v10" ] || { echo "no IPOFACTS_1.0 node in $map" >&2; exit 1; }
bad=$(grep -v '@@IPOFACTS_1\.[01]$' "$work/exported.v" || true)
[ -z "$bad" ] || { echo "symbols without version node IPOFACTS_1.0 or IPOFACTS_1.1: $bad" >&2; exit 1; }
bad=$(grep '@@IPOFACTS_1\.0$' "$work/exported.v" | sed 's/@@.*//' | sort | comm -23 - "$work/v10")
[ -z "$bad" ] || { echo "bound to IPOFACTS_1.0 but not a symbol of 1.0: $bad" >&2; exit 1; }
bad=$(grep '@@IPOFACTS_1\.1$' "$work/exported.v" | sed 's/@@.*//' | sort | comm -12 - "$work/v10")
[ -z "$bad" ] || { echo "symbols of 1.0 moved to IPOFACTS_1.1: $bad" >&2; exit 1; }
sed 's/@@.*//' "$work/exported.v" | sort > "$work/exported"
bad=$(grep -v '^ipofacts_' "$work/exported" || true)
[ -z "$bad" ] || { echo "exported symbols without the ipofacts_ prefix: $bad" >&2; exit 1; }
# Declared: every identifier followed by '(' on an IPOFACTS_API declaration.
cat "$inc"/ipofacts/*.h | tr '\n' ' ' | sed 's/;/;\n/g' | grep 'IPOFACTS_API' \
  | grep -o 'ipofacts_[a-z0-9_]*[ ]*(' | sed 's/[ ]*($//' | sort -u > "$work/declared"
missing=$(comm -23 "$work/declared" "$work/exported")
extra=$(comm -13 "$work/declared" "$work/exported")
[ -z "$missing" ] || { echo "declared but not exported (not implemented?): $missing" >&2; exit 1; }
[ -z "$extra" ] || { echo "exported but not declared in a public header: $extra" >&2; exit 1; }
echo "symbols: ok ($(wc -l < "$work/exported") exported, all declared, all ipofacts_* in IPOFACTS_1.0 or 1.1)"
