#!/bin/sh
# Tests of the command line of ipofacts: options, help, version, exit statuses.
# Usage: sh usage.sh PATH-TO-IPOFACTS TESTS-DATA-DIR
. "$(dirname "$0")/../cli_harness.sh"

# expect_usage_error REGEX DESCRIPTION: exit 2, nothing on stdout, and a
# line on stderr that matches REGEX and points to the help.
expect_usage_error() {
    expect_status 2 "$2"
    if grep -E -q -- "$1" "$tmp/err" && grep -q "ipofacts.*help" "$tmp/err" && [ ! -s "$tmp/out" ]; then
        pass "$2: the message says what and where to look"
    else
        fail "$2: stderr does not match /$1/ with a hint"
        sed 's/^/    stderr: /' "$tmp/err"
    fi
}

run
expect_usage_error "no command" "no arguments"
if grep -q "^usage: ipofacts " "$tmp/err"; then pass "no arguments: the usage line"; else fail "no arguments: no usage line"; fi

run --version
expect_status 0 "--version"
if grep -E -q '^ipofacts [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out"; then pass "--version prints the version"; else fail "--version printed: $(cat "$tmp/out")"; fi
version=$(cat "$tmp/out")
run report --version
if [ "$status" -eq 0 ] && [ "$(cat "$tmp/out")" = "$version" ]; then pass "--version after a command"; else fail "--version after a command"; fi

run --help
expect_status 0 "--help"
if grep -q "^usage: ipofacts " "$tmp/out" && grep -E -q "^  report +\[COMPANY\]" "$tmp/out" &&
    grep -E -q "^  export +" "$tmp/out" && grep -E -q "^  --dataset FILE +" "$tmp/out"; then
    pass "--help lists the commands and options"
else
    fail "--help output"
fi
run help
expect_status 0 "help"
run help export
expect_status 0 "help export"
if grep -q "export" "$tmp/out"; then pass "help export describes export"; else fail "help export"; fi
run report --help
expect_status 0 "report --help"
run help nosuch
expect_usage_error 'unknown command "nosuch"' "help for an unknown command"

run frobnicate
expect_usage_error 'unknown command "frobnicate"' "an unknown command"
run --format xml report
expect_usage_error 'unknown format "xml"' "--format xml"
run report --format xml
expect_usage_error 'unknown format "xml"' "--format xml after the command"
run --format=xml report
expect_usage_error 'unknown format "xml"' "--format=xml"
run --bogus report
expect_usage_error 'unknown option "--bogus"' "an unknown option before the command"
run report minimax --bogus
expect_usage_error 'report: unknown option "--bogus"' "an unknown option of a command"
run report --dataset
expect_usage_error "--dataset needs a value" "--dataset without a file"
run report -o
expect_usage_error "-o needs a value" "-o without a file"
run export --format table
expect_usage_error "export: --format table is not available" "a format the command does not write"

# Options in their other spellings.
run --format=json report minimax
expect_status 0 "--format=json"
python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$tmp/out" &&
    pass "--format=json writes JSON" || fail "--format=json does not write JSON"
run report minimax --format json
cp "$tmp/out" "$tmp/a.json"
run --format json report minimax
if cmp -s "$tmp/out" "$tmp/a.json"; then pass "global options before or after the command"; else fail "options after the command differ"; fi
run "-o$tmp/o.json" --format json report minimax
if [ "$status" -eq 0 ] && cmp -s "$tmp/o.json" "$tmp/a.json"; then pass "-oFILE"; else fail "-oFILE"; fi
run --output="$tmp/p.json" --format json report minimax
if [ "$status" -eq 0 ] && cmp -s "$tmp/p.json" "$tmp/a.json"; then pass "--output=FILE"; else fail "--output=FILE"; fi
run --dataset="$data/cli/small.json" report -- minimax
expect_status 0 "--dataset=FILE and -- before the operand"
if grep -q "^MiniMax / 稀宇科技 (HKEX:00100)$" "$tmp/out"; then pass "-- ends the options"; else fail "-- ends the options"; fi

# Writing to a full device fails with exit 2 and a message.
if [ -w /dev/full ]; then
    "$prog" export >/dev/full 2>"$tmp/err"
    status=$?
    if [ "$status" -eq 2 ] && grep -q "^ipofacts: " "$tmp/err"; then
        pass "a write error is reported"
    else
        fail "a write error: exit $status"
    fi
fi

finish
