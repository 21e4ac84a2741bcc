#!/bin/sh
# Runs every libFuzzer target of a build made with -DIPOFACTS_FUZZ=ON for a
# bounded time each, starting from the committed corpus and dictionary. New
# interesting inputs go to a scratch corpus; a crash is copied to
# tests/fuzz/crashes/<name>/ (commit it: every build then replays it).
# Usage: sh tools/fuzz.sh BUILD_DIR SECONDS [TARGET...]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$1
seconds=$2
shift 2
targets=${*:-$(cd "$top/tests/fuzz" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')}
for name in $targets; do
  bin="$build/tests/fuzz/fuzz_$name"
  [ -x "$bin" ] || { echo "fuzz: $bin not built" >&2; exit 1; }
  scratch=$(mktemp -d)
  dict=""
  [ -f "$top/tests/fuzz/$name.dict" ] && dict="-dict=$top/tests/fuzz/$name.dict"
  mkdir -p "$top/tests/fuzz/crashes/$name"
  # shellcheck disable=SC2086
  if ! "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
       -artifact_prefix="$top/tests/fuzz/crashes/$name/" $dict "$scratch" "$top/tests/fuzz/corpus/$name" \
       >"$scratch.log" 2>&1; then
    tail -40 "$scratch.log"
    echo "fuzz: $name found a failure; the input is in tests/fuzz/crashes/$name/" >&2
    exit 1
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$scratch.log" | awk '{print $2}')
  echo "fuzz: $name ok, $execs executions in $seconds s"
  rm -rf "$scratch" "$scratch.log"
done
