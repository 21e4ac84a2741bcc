#!/bin/sh
# README test: the copy-paste examples of README.md work as printed.
# - the C program (after "<!-- readme-test: c -->") compiles against the
#   library and prints the seed figures;
# - the Python session ("<!-- readme-test: python -->") runs, and each line it
#   prints equals the "# -> " comment that follows the print;
# - each command line of the CLI block ("<!-- readme-test: cli -->") runs and
#   exits 0 (1 for `check`, which exits 1 when it finds inconsistencies).
# Usage: sh readme.sh LIBRARY IPOFACTS SOURCE_DIR C_COMPILER
set -eu
lib=$1
cli=$2
src=$3
cc=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "readme test: $*" >&2; exit 1; }

block() { # the fenced block that follows the marker $1
  awk -v m="<!-- readme-test: $1 -->" '
    $0 == m {armed = 1; next}
    armed && /^```/ {if (inside) exit; inside = 1; next}
    inside {print}' "$src/README.md"
}

block c > "$work/readme.c"
[ -s "$work/readme.c" ] || fail "no C block"
"$cc" -std=c11 -Wall -Wextra -Werror -I"$src/include" "$work/readme.c" "$lib" -Wl,-rpath,"$(dirname "$lib")" \
  -o "$work/readme" || fail "the C example does not compile"
"$work/readme" > "$work/c.out" || fail "the C example failed"
# FY2024 revenue 3052.3 萬美元; gross margin (30523000 - 26785000) / 30523000 = 0.1225
grep -qx 'revenue 30523000 USD, printed as "3052.3 萬美元"' "$work/c.out" || fail "C output: $(cat "$work/c.out")"
grep -q '^gross margin 0\.122[0-9] in \[0\.12[0-9]*, 0\.12[0-9]*\] (ok)$' "$work/c.out" || fail "C output: $(cat "$work/c.out")"

block python > "$work/readme.py"
[ -s "$work/readme.py" ] || fail "no Python block"
IPOFACTS_LIBRARY="$lib" PYTHONPATH="$src/bindings/python" python3 "$work/readme.py" > "$work/py.out" \
  || fail "the Python example failed"
grep '^# -> ' "$work/readme.py" | sed 's/^# -> //' > "$work/py.expected"
[ -s "$work/py.expected" ] || fail "no '# ->' lines in the Python block"
while IFS= read -r want; do
  grep -qxF "$want" "$work/py.out" || fail "Python example does not print: $want"
done < "$work/py.expected"

block cli > "$work/cli.sh"
n=0
while IFS= read -r line; do
  cmd=$(printf '%s' "$line" | sed 's/[[:space:]]*#.*$//')
  [ -n "$cmd" ] || continue
  rest=${cmd#ipofacts }
  status=0
  (cd "$work" && eval "\"$cli\" $rest") > "$work/cli.out" 2>&1 || status=$?
  case "$rest" in
    check*) [ "$status" -le 1 ] || fail "'$cmd' exited $status: $(tail -3 "$work/cli.out")" ;;
    *) [ "$status" -eq 0 ] || fail "'$cmd' exited $status: $(tail -3 "$work/cli.out")" ;;
  esac
  [ -s "$work/cli.out" ] || [ -s "$work/minimax.svg" ] || fail "'$cmd' printed nothing"
  n=$((n + 1))
done < "$work/cli.sh"
[ "$n" -ge 5 ] || fail "only $n CLI lines"
echo "readme test: ok (C, Python and $n command lines)"
