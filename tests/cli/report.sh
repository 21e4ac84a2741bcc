#!/bin/sh
# Tests of `ipofacts report`.
# Usage: sh report.sh PATH-TO-IPOFACTS TESTS-DATA-DIR
#
# Figures are those of the seed articles as the built-in dataset and the
# fixture tests/data/cli/small.json hold them:
#   revenue FY2023 346 萬美元 = 3,460,000 (also reported as 350 萬: "+1"),
#   FY2024 3052.3 萬美元 = 30,523,000, 9M2025 5343.7 萬美元 = 53,437,000;
#   gross margin 9M2025 23.3%; offer price 165 港元/股; public tranche
#   1837 倍 oversubscribed; 385 employees at the end of September 2025.
. "$(dirname "$0")/../cli_harness.sh"

# expect_out TEXT DESCRIPTION: the output has TEXT.
expect_out() {
    if grep -F -q -- "$1" "$tmp/out"; then pass "$2"; else fail "$2: no \"$1\" in the output"; fi
}
# expect_py DESCRIPTION SCRIPT ARGS...: a python3 check exits 0.
expect_py() {
    desc=$1
    shift
    if python3 "$@" >"$tmp/py" 2>&1; then
        pass "$desc"
    else
        fail "$desc"
        sed 's/^/    /' "$tmp/py"
    fi
}

# Checks the tables of a report: in every table (a header line, a rule of
# dashes, rows up to a blank line) the gaps between the columns of the rule
# are blank on every line, counting display columns (East Asian wide and
# fullwidth characters take two), and no line is wider than the rule.
# Every line of the table under the heading given (its value columns are
# right-aligned) must be exactly as wide as its rule. argv: report file,
# that heading, and "cjk" if some line must hold a wide character.
cat >"$tmp/align.py" <<'EOF'
import re, sys, unicodedata

def cells(line):
    out = []
    for ch in line:
        if unicodedata.combining(ch):
            continue
        out.append(ch)
        if unicodedata.east_asian_width(ch) in "WF":
            out.append("")
    return out

path, required, need_cjk = sys.argv[1], sys.argv[2], len(sys.argv) > 3
lines = open(path, encoding="utf-8").read().split("\n")
checked, wide, problems, found = 0, 0, [], False
for i, rule in enumerate(lines):
    if i == 0 or not re.fullmatch(r" *-+( +-+)*", rule):
        continue
    title = lines[i - 2] if i >= 2 else ""
    if title == required:
        found = True
        exact = True
    else:
        exact = False
    gaps = [j for j, ch in enumerate(rule) if ch == " " and j >= len(rule) - len(rule.lstrip())]
    block = [lines[i - 1]]
    k = i + 1
    while k < len(lines) and lines[k].strip() != "":
        block.append(lines[k])
        k += 1
    if len(block) < 2:
        problems.append("table under %r has no rows" % title)
    # A table whose last column is filled on every line and ends at the rule
    # is right-aligned there: its lines must all be as wide as the rule.
    rightmost = [cells(l)[len(rule) - 1] if len(cells(l)) >= len(rule) else "" for l in block]
    right_aligned = all(ch not in ("", " ") for ch in rightmost)
    for line in block:
        c = cells(line)
        if any(unicodedata.east_asian_width(ch) in "WF" for ch in line):
            wide += 1
        for g in gaps:
            if g < len(c) and c[g] != " ":
                problems.append("column gap %d not blank in %r" % (g, line))
                break
        if len(c) > len(rule):
            problems.append("line wider than its rule (%d > %d): %r" % (len(c), len(rule), line))
        if (exact or right_aligned) and len(c) != len(rule):
            problems.append("line of width %d, rule %d: %r" % (len(c), len(rule), line))
    checked += 1
if not found:
    problems.append("no table under the heading %r" % required)
if need_cjk and wide == 0:
    problems.append("no table line holds a wide character")
for p in problems:
    print(p)
print("%d tables, %d lines with wide characters" % (checked, wide))
sys.exit(1 if problems else 0)
EOF

fin_heading="Financials and operating figures, by period"

# ---- The built-in data ----
run report minimax
expect_status 0 "report minimax"
cp "$tmp/out" "$tmp/minimax.txt"
expect_out "稀宇科技" "the Chinese name"
expect_out_re "^  Name \(en\) +MiniMax$" "the English name"
expect_out_re "^  Listing +HKEX:00100$" "exchange and ticker"
expect_out_re "^  Founded +2021-12$" "the founding date to its precision"
expect_out_re "^  Listed +2026-01-09$" "the listing date"
expect_out_re "^  Employees +385 people at 2025-09-30 \[[0-9,]+\]$" "employees of the latest instant"
expect_out_re "^  Offer price +165 HKD/share \[[0-9]+\]$" "offer price 165 HKD/share"
expect_out_re "^  Opening price +235\.4 HKD/share \[[0-9]+\]$" "opening price"
expect_out_re "^  First-day return +42% \[[0-9]+\]$" "first-day return 42%"
expect_out_re "^  Public offering oversubscription +1,837× \[[0-9,]+\]$" "1837 times oversubscribed"
expect_out_re "^  Gross proceeds +~5,540,000,000 HKD \[[0-9]+\]$" "gross proceeds, approximately"
expect_out_re "阿布扎比投资局 +65,000,000 USD \[[0-9]+\]$" "a cornerstone investor by name"
expect_out_re "阿里巴巴 +13\.66% \[[0-9]+\] +12\.52% \[[0-9]+\]" "a shareholder before and after listing"
expect_out_re "^  Angel round / 天使轮 +2021-12 +31,000,000 USD \[[0-9]+\] \+1 +170,000,000 USD \[[0-9]+\] \+2" "the angel round"
expect_out_re "^  Period +FY2023 +FY2024 +9M2025( |$)" "financial periods in chronological order"
expect_out_re "^  Revenue \(USD\) +3,460,000 \[[0-9,]+\] \+1 +30,523,000 \[[0-9]+\] \+1 +53,437,000 \[[0-9,]+\] \+4( |$)" \
    "revenue row: preferred figures, sources and other reports"
expect_out_re "^  Gross margin \(%\) +-24\.7% \[[0-9,]+\] \+2 +12\.2% \[[0-9,]+\] \+1 +23\.3% \[[0-9,]+\] \+1( |$)" \
    "gross margin as percentages"
expect_out_re "^  Net income \(USD\) +-269,000,000 \[[0-9]+\] +-465,000,000 \[[0-9,]+\] +-512,000,000 \[[0-9,]+\] \+1( |$)" \
    "net loss with its sign"
expect_out_re "^  Cash and cash equivalents \(USD\) .* 1,046,000,000 \[[0-9]+\]( |$)" "cash at 2025-09-30"
expect_out_re "^  Reported cash runway \(months\) .* ≥37 \[[0-9]+\]( |$)" "a qualifier shown as a prefix"
expect_out_re "^  \[1\] [^ ]" "a sources list"
expect_out_re "^  \[[0-9]+\] 上海證券報, MiniMax first disclosed its performance!.*, 2025-12 \(000_ef391d1195bdf984\.txt\)$" \
    "a source with publisher, title, date and document"
# Every key cited in the report is listed under Sources.
expect_py "every cited key is listed" - "$tmp/minimax.txt" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
body, _, sources = text.partition("\nSources\n")
keys = set()
for group in re.findall(r"\[([0-9,]+)\]", body):
    keys.update(int(k) for k in group.split(","))
listed = set(int(k) for k in re.findall(r"^  \[([0-9]+)\] ", sources, re.M))
assert keys and keys == listed == set(range(1, len(listed) + 1)), (sorted(keys), sorted(listed))
EOF
expect_py "tables align by display width" "$tmp/align.py" "$tmp/minimax.txt" "$fin_heading" cjk

run report 00100
expect_status 0 "report by ticker 00100"
if cmp -s "$tmp/out" "$tmp/minimax.txt"; then pass "the ticker finds the same company"; else fail "report 00100 differs from report minimax"; fi

run report 智谱
expect_status 0 "report by Chinese name 智谱"
expect_out_re "^  Name \(zh-Hant\) +智譜$" "Zhipu's traditional name"
expect_out_re "^  Revenue \(CNY\) .*~191,000,000 \[[0-9]+\]" "Zhipu's H1 2025 revenue"
expect_out_re "^  Gross margin \(%\) .* 50–60% \[[0-9]+\]$" "a range shown as lo–hi"

run report
expect_status 0 "report of every company"
if grep -q "^MiniMax / 稀宇科技 (HKEX:00100)$" "$tmp/out" && grep -q "^Zhipu AI / 智谱 / 智譜 (HKEX)$" "$tmp/out"; then
    pass "both companies reported"
else
    fail "report without a company does not report both"
fi

run report nosuchco
expect_status 2 "report nosuchco"
expect_err_re '^ipofacts: .*no company matches "nosuchco"' "the message names the key"
if [ -s "$tmp/out" ]; then fail "nothing on stdout for an unknown company"; else pass "nothing on stdout for an unknown company"; fi

run report minimax zhipu
expect_status 2 "two companies"
run report --frob
expect_status 2 "an unknown option of report"

# ---- JSON and CSV ----
run export --format json
cp "$tmp/out" "$tmp/dataset.json"
run report --format json minimax
expect_status 0 "report --format json"
cp "$tmp/out" "$tmp/report.json"
expect_py "the JSON report has every fact, exactly" - "$tmp/report.json" "$tmp/dataset.json" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
dataset = json.load(open(sys.argv[2], encoding="utf-8"))
assert isinstance(report, list) and len(report) == 1
r = report[0]
assert r["id"] == "minimax"
assert r["profile"]["names"]["zh-Hans"] == "稀宇科技"
assert r["profile"]["founded"] == "2021-12" and r["profile"]["listed"] == "2026-01-09"
assert r["profile"]["employees"]["value"] == "385"
facts = r["financials"]["facts"]
expected = [c for c in dataset["companies"] if c["id"] == "minimax"][0]["facts"]
assert len(facts) == len(expected), (len(facts), len(expected))
for got, want in zip(facts, expected):
    assert got["concept"] == want["concept"] and got["period"] == want["period"]
    assert got["value"] == want["value"] and got.get("upper") == want.get("upper")
    assert got["unit"] == want["unit"] and got["decimals"] == want["decimals"]
    assert got["qualifier"] == want.get("qualifier", "exact")
    assert got["segment"] == want.get("segment")
    assert [s["id"] for s in got["sources"]] == [s["source"] for s in want["sources"]]
rev = [f for f in facts if f["concept"] == "revenue" and f["period"] == "FY2024" and f["preferred"]]
assert len(rev) == 1 and rev[0]["value"] == "30523000" and rev[0]["decimals"] == -3 and rev[0]["reports"] == 2
offer = [f for f in r["offering"]["facts"] if f["concept"] == "offer_price"]
assert offer[0]["value"] == "165" and offer[0]["unit"] == "HKD/share"
assert r["offering"]["date"] == "2026-01-09"
alibaba = [h for h in r["shareholders"] if h["holder"] == "alibaba"][0]
assert alibaba["before_listing"]["value"] == "0.1366" and alibaba["after_listing"]["value"] == "0.1252"
angel = [x for x in r["funding_rounds"] if x["round"] == "angel"][0]
assert angel["funding_amount"]["value"] == "31000000" and angel["post_money_valuation"] is None
EOF

run report --format csv
expect_status 0 "report --format csv"
expect_py "the CSV report has one row a fact" - "$tmp/out" "$tmp/dataset.json" <<'EOF'
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
dataset = json.load(open(sys.argv[2], encoding="utf-8"))
assert rows[0] == "company,concept,segment,period_start,period_end,value,unit,decimals,qualifier,source".split(",")
assert len(rows) - 1 == sum(len(c["facts"]) for c in dataset["companies"])
EOF

run --format table report minimax
expect_status 0 "--format table"
if cmp -s "$tmp/out" "$tmp/minimax.txt"; then pass "--format table is the default"; else fail "--format table differs"; fi

run report minimax -o "$tmp/o.txt"
expect_status 0 "report -o FILE"
if [ ! -s "$tmp/out" ] && cmp -s "$tmp/o.txt" "$tmp/minimax.txt"; then
    pass "-o FILE holds the report and stdout is empty"
else
    fail "-o FILE"
fi
run -o "$tmp/none.txt" report nosuchco
if [ "$status" -eq 2 ] && [ ! -e "$tmp/none.txt" ] && [ -z "$(ls "$tmp" | grep 'none\.txt')" ]; then
    pass "a failed report leaves no output file"
else
    fail "a failed report left $tmp/none.txt or a temporary file"
fi

# ---- --dataset FILE ----
small="$data/cli/small.json"
run --dataset "$small" report minimax
expect_status 0 "--dataset small.json"
cp "$tmp/out" "$tmp/small.txt"
expect_out_re "^  Revenue \(USD\) +3,460,000 \[[0-9]+\] \+1 +30,523,000 \[[0-9]+\] +53,437,000 \[[0-9]+\]$" \
    "the fixture's revenue"
expect_out_re "^  Gross margin \(%\) +-24\.7% \[[0-9]+\] +12\.2% \[[0-9]+\] +23\.3% \[[0-9]+,[0-9]+\]$" \
    "a figure with two sources"
expect_out_re "^  Person +Born +Role$" "the people table"
expect_out_re "^  闫俊杰 / 閆俊傑 / Yan Junjie +1989 +founder$" "a person with names, year of birth and role"
expect_out_re "^  Founded +2022$" "a founding year"
expect_out_re "^  Cornerstone investor +Investment$" "the cornerstone table"
expect_out_re "^  Alibaba / 阿里巴巴 +13\.66% \[[0-9]+\] +12\.52% \[[0-9]+\]$" "stakes before and after listing"
expect_py "the fixture's tables align" "$tmp/align.py" "$tmp/small.txt" "Shareholders" cjk

run report --dataset "$small" openai
expect_status 0 "--dataset after the command"
expect_out_re "^  Cumulative spending \(USD\) +40,000,000,000–55,000,000,000 \[1\]$" "a range fact"

run --dataset "$data/cli/bad_unit.json" report
expect_status 2 "--dataset with an unknown unit"
expect_err_re '^ipofacts: [^ ]*bad_unit\.json:26:[0-9]+: \$\.companies\[0\]\.facts\[0\]\.unit: .*USDX' \
    "the message says file:line:column, path and what"
if [ -s "$tmp/out" ]; then fail "nothing on stdout for a bad dataset"; else pass "nothing on stdout for a bad dataset"; fi

run --dataset "$tmp/missing.json" report
expect_status 2 "--dataset with a missing file"
expect_err_re "^ipofacts: .*missing\.json" "the message names the file"

run --dataset - report minimax <"$small"
expect_status 0 "--dataset - reads standard input"
if cmp -s "$tmp/out" "$tmp/small.txt"; then pass "the same report from stdin"; else fail "the report from stdin differs"; fi

finish
