#!/bin/sh
# Tests of `ipofacts scan FILE`: every amount of a text with its span and
# context, as a table, JSON or CSV; conversions; bad files.
# Usage: sh scan.sh PATH-TO-IPOFACTS TESTS-DATA-DIR
. "$(dirname "$0")/../cli_harness.sh"
LC_ALL=C.UTF-8
export LC_ALL

expect_out() {
    if grep -F -q -- "$1" "$tmp/out"; then pass "$2"; else fail "$2: no \"$1\" in the output"; fi
}
expect_err() {
    if grep -F -q -- "$1" "$tmp/err" && [ ! -s "$tmp/out" ]; then pass "$2"; else fail "$2: stderr \"$(cat "$tmp/err")\""; fi
}

figures=$data/text/figures.txt

# --- the table ----------------------------------------------------------------
run scan "$figures"
expect_status 0 "scan figures.txt"
cat >"$tmp/want" <<'EOF'
#  span     text                                    value  unit       decimals  qualifier  restates                          context
-  -------  -------------------  ------------------------  ---------  --------  ---------  --------------------------------  ------------------------------------------------
1  58-71    346 萬美元                            3460000  USD              -4  exact                                        4 年、2025 年前三季度營收分別為 346 萬美元、305…
2  74-90    3052.3 萬美元                        30523000  USD              -3  exact                                         年前三季度營收分別為 346 萬美元、3052.3 萬美元…
3  93-109   5343.7 萬美元                        53437000  USD              -3  exact                                         346 萬美元、3052.3 萬美元、5343.7 萬美元。
4  137-149  1.7亿美元                           170000000  USD              -7  exact                                        天使轮投前估值达1.7亿美元（约合12亿元人民币），…
5  152-175  约合12亿元人民币                   1200000000  CNY              -8  exact      #4 at CNY/USD 6.571428..7.575758  天使轮投前估值达1.7亿美元（约合12亿元人民币），…
6  205-212  1837倍                                   1837  multiple          0  exact                                        （约合12亿元人民币），公开发售部分获得1837倍超…
7  235-259  400 億至 550 億美元  40000000000..55000000000  USD              -8  range                                        OpenAI 400 億至 550 億美元累計花銷，MiniMax 僅…
8  294-303  不到 1%                                  0.01  pure              2  at_most                                      億美元累計花銷，MiniMax 僅僅用了不到 1% 的費用…
9  326-341  235.4港元/股                            235.4  HKD/share         1  exact                                        x 僅僅用了不到 1% 的費用；開盤價 235.4港元/股。
9 amounts in FIGURES
EOF
sed "s|FIGURES|$figures|" "$tmp/want" >"$tmp/want2"
if cmp -s "$tmp/out" "$tmp/want2"; then pass "the table, exactly"; else fail "the table differs"; diff "$tmp/want2" "$tmp/out"; fi
# the value column's right edge is at one display column on every row
widths=$(sed -e 2d -e '$d' "$tmp/out" | sed -E 's/  +(unit|USD|CNY|HKD|pure|multiple|HKD\/share)  .*$//' |
    while IFS= read -r line; do printf '%s\n' "$line" | wc -L; done | sort -u | wc -l)
if [ "$widths" -eq 1 ]; then pass "the columns line up"; else fail "the columns do not line up"; fi
# the spans are byte offsets of the file
span=$(sed -n 's/^2  \([0-9]*\)-\([0-9]*\) .*/\1 \2/p' "$tmp/out")
set -- $span
if [ "$(dd if="$figures" bs=1 skip="$1" count=$(($2 - $1)) 2>/dev/null)" = "3052.3 萬美元" ]; then
    pass "a span names the bytes of the figure"
else
    fail "span $span"
fi

# --- JSON and CSV -------------------------------------------------------------------
run --format json scan "$figures"
expect_status 0 "--format json"
expect_out '"text": "约合12亿元人民币"' "the conversion's text"
expect_out '"conversion_of": 3' "the conversion names the amount it restates"
expect_out '"context": "天使轮投前估值达1.7亿美元（约合12亿元人民币），公开发售部分' "the context"
expect_out '"hi": "55000000000"' "the upper end of a range"
if command -v python3 >/dev/null 2>&1; then
    python3 -c '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
text = open(sys.argv[2], "rb").read()
assert len(a) == 9
for o in a:
    assert text[o["start"]:o["end"]].decode("utf-8") == o["text"], o
' "$tmp/out" "$figures" && pass "the JSON parses and every span is its text" || fail "the JSON or its spans"
fi
run scan --format csv "$figures"
expect_status 0 "--format csv"
if [ "$(head -n 1 "$tmp/out")" = "#,span,text,value,unit,decimals,qualifier,restates,context" ] &&
    [ "$(wc -l <"$tmp/out")" -eq 10 ]; then
    pass "CSV: a header and one line per amount"
else
    fail "CSV: $(head -n 2 "$tmp/out")"
fi
expect_out '7,235-259,400 億至 550 億美元,40000000000..55000000000,USD,-8,range,,' "a CSV row"

# --- standard input, the seed excerpts ----------------------------------------------
run scan - <"$figures"
expect_status 0 "scan - reads standard input"
expect_out "9 amounts in <stdin>" "the count"
run scan "$data/seed_excerpts/000_ef391d1195bdf984.txt"
expect_status 0 "a seed excerpt"
expect_out "超過 37 個月" "the runway of 000"
expect_out "約 35 億元人民幣" "the conversion of 000"
if grep -E -q "^[0-9]+ amounts in " "$tmp/out"; then pass "the count line"; else fail "the count line"; fi
# its ranks, and no period (前三季度) or first day (第一天) read as one
run --format csv scan "$data/seed_excerpts/000_ef391d1195bdf984.txt"
expect_status 0 "a seed excerpt as CSV"
expect_out ',前五,5,rank,0,at_most,,' "全球前五 is rank 5 or better"
expect_out ',第一,1,rank,0,exact,,' "開源第一 is rank 1"
expect_out ',前三,3,rank,0,at_most,,' "全球前三 is rank 3 or better"
if [ "$(grep -c ',rank,' "$tmp/out")" -eq 4 ]; then pass "four ranks in 000"; else fail "ranks: $(grep ',rank,' "$tmp/out")"; fi

# --- files with no amount, bad files ---------------------------------------------------
run scan "$data/text/no_amounts.txt"
expect_status 0 "a text with no amount"
expect_out "0 amounts in" "no amount is not an error"
run scan "$data/text/bad_utf8.txt"
expect_status 2 "invalid UTF-8"
expect_err "bad_utf8.txt:3:1: invalid UTF-8 at byte offset 37" "invalid UTF-8: file, line, column and offset"
run scan "$tmp/missing.txt"
expect_status 2 "a missing file"
expect_err "ipofacts: scan: cannot read $tmp/missing.txt: No such file or directory" "a missing file: the name"
run scan "$data/text"
expect_status 2 "a directory"
expect_err "text" "a directory: the name"
run scan
expect_status 2 "no FILE"
run scan "$figures" "$figures"
expect_status 2 "two FILEs"
run scan --bogus "$figures"
expect_status 2 "an unknown option"

finish
