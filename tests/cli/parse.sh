#!/bin/sh
# Tests of `ipofacts parse TEXT...`: values, units, decimals, qualifiers,
# spans, JSON, conversions, the table's alignment, and bad input.
# Usage: sh parse.sh PATH-TO-IPOFACTS TESTS-DATA-DIR
. "$(dirname "$0")/../cli_harness.sh"
LC_ALL=C.UTF-8
export LC_ALL

# expect_out FIXED-STRING DESCRIPTION: stdout holds the string.
expect_out() {
    if grep -F -q -- "$1" "$tmp/out"; then pass "$2"; else fail "$2: no \"$1\" in the output"; sed 's/^/    out: /' "$tmp/out"; fi
}
# expect_err_line LINE DESCRIPTION: stderr is exactly LINE and stdout is empty.
expect_err_line() {
    if [ "$(cat "$tmp/err")" = "$1" ] && [ ! -s "$tmp/out" ]; then
        pass "$2: the message"
    else
        fail "$2: stderr is \"$(cat "$tmp/err")\", expected \"$1\""
    fi
}
# expect_aligned DESCRIPTION: the right edge of the right-aligned value
# column is at the same display column on every line of the table (a CJK
# character is two columns; wc -L measures display width).
expect_aligned() {
    widths=$(sed -e 2d "$tmp/out" | sed -E 's/  +(unit|USD|CNY|HKD|pure|count|users|multiple|HKD\/share)( .*)?$//' |
        while IFS= read -r line; do printf '%s\n' "$line" | wc -L; done | sort -u | wc -l)
    if [ "$widths" -eq 1 ]; then pass "$1: the columns line up"; else fail "$1: the columns do not line up"; cat "$tmp/out"; fi
}

# --- values, units, decimals, qualifiers, spans -----------------------------
run parse "3052.3 萬美元"
expect_status 0 "parse 3052.3 萬美元"
expect_out "3052.3 萬美元  30523000  USD         -3  exact      0-16" "3052.3 萬美元 is 30523000 USD, decimals -3, bytes 0-16"

run parse "800亿" "2亿4千万" "1万2千" "23.3%" "782.2%" "HK\$5.54 billion" "1837倍" "165港元/股" "2.12 亿名用户"
expect_status 0 "parse nine texts"
for row in "800亿 *80000000000 *count *-8 *exact *0-6" \
    "2亿4千万 *240000000 *count *-7 *exact" \
    "1万2千 *12000 *count *-3" \
    "23.3% *0.233 *pure *3 *exact *0-5" \
    "782.2% *7.822 *pure *3" \
    "HK\\\$5.54 billion *5540000000 *HKD *-7 *exact *0-15" \
    "1837倍 *1837 *multiple *0" \
    "165港元/股 *165 *HKD/share *0 *exact *0-13" \
    "2.12 亿名用户 *212000000 *users *-6"; do
    if grep -E -q -- "$row" "$tmp/out"; then pass "a row /$row/"; else fail "no row /$row/"; fi
done
if [ "$(grep -c '^ *[0-9]  ' "$tmp/out")" -eq 9 ]; then pass "one row per input, numbered"; else fail "rows: $(cat "$tmp/out")"; fi

run parse "超过 15 亿美元" "约合12亿元人民币" "近 74%" "400 至 550 亿美元"
expect_status 0 "qualifiers"
expect_out "at_least" "超过 is at least"
expect_out "approximately" "约合 alone is approximately"
expect_out "at_most" "近 is at most"
expect_out "40000000000..55000000000" "a range prints lo..hi"
expect_out "range" "400 至 550 is a range"

# full-width digits: the span counts the original bytes
run parse "３０５２．３萬美元"
expect_status 0 "full-width digits"
expect_out "30523000  USD         -3  exact      0-27" "full-width 3052.3 萬美元 spans 27 bytes"

# a negative figure is not an option
run parse -24.7%
expect_status 0 "parse -24.7%"
expect_out "-0.247  pure         3  exact      0-6" "-24.7% is -0.247"

# --- the table lines up with Chinese text ---------------------------------------
run parse "3052.3 萬美元" "近 74%" "HK\$5.54 billion" "约合12亿元人民币" "1837倍"
expect_status 0 "a table of mixed scripts"
expect_aligned "parse table"
cat >"$tmp/want" <<'EOF'
input  text                   value  unit      decimals  qualifier      span
-----  ----------------  ----------  --------  --------  -------------  ----
    1  3052.3 萬美元       30523000  USD             -3  exact          0-16
    2  近 74%                  0.74  pure             2  at_most        0-7
    3  HK$5.54 billion   5540000000  HKD             -7  exact          0-15
    4  约合12亿元人民币  1200000000  CNY             -8  approximately  0-23
    5  1837倍                  1837  multiple         0  exact          0-7
EOF
if cmp -s "$tmp/out" "$tmp/want"; then pass "the table, exactly"; else fail "the table differs"; diff "$tmp/want" "$tmp/out"; fi

# --- conversions ----------------------------------------------------------------
run parse "1.7亿美元（约合12亿元人民币）"
expect_status 0 "a conversion"
expect_out "1.7亿美元" "the amount"
expect_out "约合12亿元人民币 restates 1.7亿美元: CNY/USD in [6.571428, 7.575758]" "the implied rate, [1.15e9/1.75e8, 1.25e9/1.65e8]"

# --- JSON -------------------------------------------------------------------------
run --format json parse "400 至 550 亿美元" "3100万美元（约合2.2亿元人民币）"
expect_status 0 "--format json"
cat >"$tmp/want" <<'EOF'
[
  {
    "text": "400 至 550 亿美元",
    "value": "40000000000",
    "lo": "40000000000",
    "hi": "55000000000",
    "unit": "USD",
    "decimals": -8,
    "qualifier": "range",
    "start": 0,
    "end": 21
  },
  {
    "text": "3100万美元",
    "value": "31000000",
    "unit": "USD",
    "decimals": -4,
    "qualifier": "exact",
    "start": 0,
    "end": 13
  },
  {
    "text": "约合2.2亿元人民币",
    "value": "220000000",
    "unit": "CNY",
    "decimals": -7,
    "qualifier": "exact",
    "start": 16,
    "end": 40,
    "conversion_of": 1,
    "implied_rate": {
      "unit": "CNY/USD",
      "lo": "6.934365",
      "hi": "7.259236"
    }
  }
]
EOF
if cmp -s "$tmp/out" "$tmp/want"; then pass "the JSON, exactly"; else fail "the JSON differs"; diff "$tmp/want" "$tmp/out"; fi
if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json,sys; a=json.load(open(sys.argv[1], encoding="utf-8")); sys.exit(0 if len(a)==3 else 1)' "$tmp/out" &&
        pass "the JSON parses" || fail "the JSON does not parse"
fi
run parse --format json "2.12 亿名用户"
expect_status 0 "--format after the command"
expect_out '"unit": "users"' "2.12 亿名用户 counts users"
expect_out '"decimals": -6' "2.12 亿名用户 has decimals -6"

# --- ranks ---------------------------------------------------------------------------
run parse "位列全球第五"
expect_status 0 "parse a rank"
cat >"$tmp/want" <<'EOF'
text  value  unit  decimals  qualifier  span
----  -----  ----  --------  ---------  -----
第五      5  rank         0  exact      12-18
EOF
if cmp -s "$tmp/out" "$tmp/want"; then pass "位列全球第五 is rank 5, exactly"; else fail "the rank table differs"; diff "$tmp/want" "$tmp/out"; fi
run --format json parse "位列全球第五" "在多個榜單中位列全球前三；"
expect_status 0 "ranks as JSON"
cat >"$tmp/want" <<'EOF'
[
  {
    "text": "第五",
    "value": "5",
    "unit": "rank",
    "decimals": 0,
    "qualifier": "exact",
    "start": 12,
    "end": 18
  },
  {
    "text": "前三",
    "value": "3",
    "unit": "rank",
    "decimals": 0,
    "qualifier": "at_most",
    "start": 30,
    "end": 36
  }
]
EOF
if cmp -s "$tmp/out" "$tmp/want"; then pass "ranks as JSON, exactly (前三 is at most 3)"; else fail "the rank JSON differs"; diff "$tmp/want" "$tmp/out"; fi
run parse "2025 年前三季度"
expect_status 2 "a period is not a rank"
expect_err_line 'ipofacts: parse: no amount in "2025 年前三季度" (byte offset 0)' "a period is not a rank"

# --- bad input ----------------------------------------------------------------------
run parse abc
expect_status 2 "parse abc"
expect_err_line 'ipofacts: parse: no amount in "abc" (byte offset 0)' "parse abc"
run parse 亿
expect_status 2 "parse 亿"
expect_err_line 'ipofacts: parse: no amount in "亿" (byte offset 0)' "a unit with no number"
run parse "营收 美元"
expect_status 2 "parse 营收 美元"
expect_err_line 'ipofacts: parse: no amount in "营收 美元" (byte offset 7)' "the offset of the bare unit"
run parse "2023 年"
expect_status 2 "a year is not an amount"
run parse "5 亿美元" "abc"
expect_status 2 "one good and one bad TEXT"
expect_err_line 'ipofacts: parse: no amount in "abc" (byte offset 0)' "nothing is printed when a TEXT is bad"
run parse "$(printf '5 \377亿')"
expect_status 2 "invalid UTF-8"
expect_err_line 'ipofacts: parse: invalid UTF-8 in "5 \xFF亿" (byte offset 2)' "invalid UTF-8 with its offset"
run parse 1234567890123456789012345
expect_status 2 "a 25-digit number"
expect_err_line 'ipofacts: parse: a number beyond the range of an exact decimal (18 digits) in "1234567890123456789012345" (byte offset 0)' "a 25-digit number"
run parse
expect_status 2 "no TEXT"
if grep -q "no TEXT" "$tmp/err" && grep -q "ipofacts help parse" "$tmp/err"; then pass "no TEXT: the message"; else fail "no TEXT: $(cat "$tmp/err")"; fi
run parse --bogus 5亿
expect_status 2 "an unknown option"
run --format csv parse 5亿
expect_status 2 "--format csv"

finish
