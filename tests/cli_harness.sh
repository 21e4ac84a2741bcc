# Shared harness of the command-line tests (tests/cli/*.sh), sourced by each:
#   . "$(dirname "$0")/../cli_harness.sh"
# Each test runs as `sh SCRIPT IPOFACTS TESTDATA` and prints TAP lines; it
# ends with `finish`, which prints the plan and fails if any check failed.
set -u
prog=$1
data=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
count=0
failures=0

pass() { count=$((count + 1)); echo "ok $count - $1"; }
fail() { count=$((count + 1)); failures=$((failures + 1)); echo "not ok $count - $1"; }

# run ARGS...: runs the program; $status, $tmp/out, $tmp/err.
run() { "$prog" "$@" >"$tmp/out" 2>"$tmp/err"; status=$?; }

expect_status() {
    if [ "$status" -eq "$1" ]; then
        pass "$2: exit $1"
    else
        fail "$2: exit $status, expected $1"
        sed 's/^/    stderr: /' "$tmp/err"
    fi
}
# expect_out_re REGEX DESCRIPTION: a line of the output matches REGEX (ERE).
expect_out_re() {
    if grep -E -q -- "$1" "$tmp/out"; then pass "$2"; else fail "$2: no line matches /$1/"; fi
}
# expect_err_re REGEX DESCRIPTION: stderr is one line that matches REGEX.
expect_err_re() {
    if [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -E -q -- "$1" "$tmp/err"; then
        pass "$2"
    else
        fail "$2: stderr is not one line matching /$1/"
        sed 's/^/    stderr: /' "$tmp/err"
    fi
}

# finish: the TAP plan, and the exit status of the whole test.
finish() {
    echo "1..$count"
    [ "$failures" -eq 0 ]
}
