#!/bin/sh
# Tests of `ipofacts import-sec`.
# Usage: sh import_sec.sh PATH-TO-IPOFACTS TESTS-DATA-DIR
. "$(dirname "$0")/../cli_harness.sh"
sec=$data/sec

expect_grep() {
    if grep -q -- "$1" "$2"; then pass "$3"; else fail "$3: no \"$1\" in $2"; sed 's/^/    /' "$2"; fi
}
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

# Import the trimmed LPA file to a file; the summary goes to stderr.
run import-sec "$sec/lpa-trimmed.json" -o "$tmp/lpa.json"
expect_status 0 "import-sec -o"
[ -s "$tmp/out" ] && fail "import-sec -o wrote to stdout" || pass "import-sec -o leaves stdout empty"
# 66 records: 50 imported as 38 facts (12 merged), 6 unmapped, 10 alternates.
expect_grep "38 facts from 50 of 66 records (12 merged" "$tmp/err" "summary counts facts and records"
expect_grep "6 unmapped concept, 0 unit, 0 instant/duration, 10 alternate concept" "$tmp/err" \
    "summary counts skips by reason"
expect_grep "Logistic Properties of the Americas (CIK 0001997711)" "$tmp/err" "summary names the company"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && pass "summary is one line" || fail "summary is not one line"

# The same import to stdout gives the same bytes, and so does stdin.
run import-sec "$sec/lpa-trimmed.json"
expect_status 0 "import-sec to stdout"
cmp -s "$tmp/out" "$tmp/lpa.json" && pass "stdout and -o agree" || fail "stdout and -o differ"
"$prog" import-sec - <"$sec/lpa-trimmed.json" >"$tmp/stdin.json" 2>/dev/null
cmp -s "$tmp/stdin.json" "$tmp/lpa.json" && pass "import-sec - reads stdin" || fail "import-sec - differs"

# The result is a dataset like any other.
run --dataset "$tmp/lpa.json" report
expect_status 0 "--dataset imported report"
expect_grep "Logistic Properties of the Americas" "$tmp/out" "report shows the company"
expect_grep "43,862,372" "$tmp/out" "report shows FY2024 revenue"
expect_grep "20-F/A filed 2025-04-07 (amendment)" "$tmp/out" "report lists the amendment as a source"

run --dataset "$tmp/lpa.json" export --format csv
expect_status 0 "--dataset imported export --format csv"
cp "$tmp/out" "$tmp/lpa.csv"
# One row a fact: 38 facts and the header.
[ "$(wc -l <"$tmp/lpa.csv")" -eq 39 ] && pass "csv has 38 fact rows" || fail "csv has $(wc -l <"$tmp/lpa.csv") lines"
expect_grep "logistic-properties-of-the-americas,revenue,,2024-01-01,2024-12-31,43862372,USD,0,exact,0001997711-25-000030" \
    "$tmp/lpa.csv" "csv row of FY2024 revenue"
expect_grep "logistic-properties-of-the-americas,eps_basic,,2022-01-01,2022-12-31,0.048,USD/share,2,exact,0001493152-24-016772" \
    "$tmp/lpa.csv" "csv keeps the restated-away EPS"

# Round trip: export the imported dataset as JSON, load that, export again:
# the same bytes, and every fact of the import is there (count and values).
run --dataset "$tmp/lpa.json" export -o "$tmp/again.json"
expect_status 0 "export of the imported dataset"
cmp -s "$tmp/again.json" "$tmp/lpa.json" && pass "round trip keeps the same bytes" || fail "round trip changed the file"
run --dataset "$tmp/again.json" export --format csv
cmp -s "$tmp/out" "$tmp/lpa.csv" && pass "round trip keeps every fact" || fail "round trip lost or changed facts"
cat >"$tmp/facts.py" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
facts = d["companies"][0]["facts"]
assert len(facts) == 38, len(facts)
assert len({f["id"] for f in facts}) == 38
byid = {f["id"]: f for f in facts}
assert byid["revenue.FY2022"]["value"] == "31983567"
assert [s["source"] for s in byid["revenue.FY2022"]["sources"]] == ["0001493152-24-016772", "0001997711-25-000030"]
assert byid["net_income.FY2024"]["value"] == "-19426051"
assert byid["eps_basic.FY2022"]["value"] == "0.28"
assert byid["eps_basic.FY2022.2"]["value"] == "0.048"
assert d["companies"][0]["identifiers"] == {"cik": "0001997711"}
assert len(d["sources"]) == 3
EOF
expect_py "the dataset JSON holds the facts as filed" "$tmp/facts.py" "$tmp/again.json"

# Ratios and check run on imported data as on the built-in data. Figures by
# hand (ifrs-full:Revenue, ProfitLoss):
#   growth of revenue FY2022 31983567 / 25596073 - 1 = 0.2495498 (25596073 x
#   1.25 = 31995091.25, 11524.25 too much: 1.25 - 0.00045024);
#   FY2023 39436343 / 31983567 - 1 = 0.2330189 (x 1.233 = 39435738.1, 604.9
#   short: + 0.0000189); FY2024 43862372 / 39436343 - 1 = 0.1122322 (x 1.112
#   = 43853213.4, 9158.6 short: + 0.000232);
#   net margin FY2021 8669385 / 25596073 = 0.3387 (25596073 x 0.3387 =
#   8669389.9); FY2024 -19426051 / 43862372 = -0.4428865;
#   burn FY2024 on net income (a proxy; operating cash flow is an inflow):
#   19426051 / 12 = 1618837.58 a month; runway at 2024-12-31: 28827347 /
#   1618837.58 = 17.81 months.
run --dataset "$tmp/lpa.json" ratios --format csv
expect_status 0 "ratios on the imported dataset"
cat >"$tmp/ratios.py" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
def one(name, label, basis=None):
    hits = [r for r in rows if r["name"] == name and r["label"] == label and (basis is None or r["basis"].startswith(basis))]
    assert len(hits) == 1, (name, label, basis, len(hits))
    return hits[0]
def near(row, value):
    assert row["status"] == "ok", row
    v, lo, hi = float(row["value"]), float(row["lo"]), float(row["hi"])
    assert abs(v - value) <= 1e-9 * abs(value), (row["name"], row["label"], v, value)
    assert lo <= value <= hi, (lo, value, hi)
near(one("growth of revenue", "FY2022"), 31983567 / 25596073 - 1)
near(one("growth of revenue", "FY2023"), 39436343 / 31983567 - 1)
near(one("growth of revenue", "FY2024"), 43862372 / 39436343 - 1)
assert abs(float(one("growth of revenue", "FY2022")["value"]) - 0.2495498) < 1e-7
assert abs(float(one("growth of revenue", "FY2023")["value"]) - 0.2330189) < 1e-7
assert abs(float(one("growth of revenue", "FY2024")["value"]) - 0.1122322) < 1e-7
near(one("net_margin", "FY2021"), 8669385 / 25596073)
near(one("net_margin", "FY2024"), -19426051 / 43862372)
near(one("monthly_burn", "FY2024", "net_income"), 19426051 / 12)
assert one("monthly_burn", "FY2024", "operating_cash_flow")["status"] == "not_burning"
r = [r for r in rows if r["ratio"] == "runway" and r["label"] == "2024-12-31" and r["basis"].startswith("net_income")]
assert len(r) == 1 and abs(float(r[0]["value"]) - 28827347 / (19426051 / 12)) < 1e-6, r
assert abs(float(r[0]["value"]) - 17.8075) < 1e-4
# No gross margin: LPA tags neither cost of sales nor gross profit.
assert not [r for r in rows if r["ratio"] == "gross_margin" and r["status"] == "ok"]
EOF
expect_py "ratios of the imported dataset match the figures by hand" "$tmp/ratios.py" "$tmp/out"

# The restated EPS (FY2022 0.048 -> 0.28, FY2023 0.019 -> 0.11, basic and
# diluted) are reports that cannot both hold: four findings, exit 1; FY2021
# and FY2024 have none.
run --dataset "$tmp/lpa.json" check --format json
expect_status 1 "check on the imported dataset finds the restatements"
cat >"$tmp/check.py" <<'EOF'
import json, sys
findings = json.load(open(sys.argv[1], encoding="utf-8"))
got = sorted((f["kind"], f["concept"], f["period"]) for f in findings)
want = sorted([("report_conflict", c, p) for c in ("eps_basic", "eps_diluted") for p in ("FY2022", "FY2023")])
assert got == want, got
for f in findings:
    assert {s["source"] for s in f["facts"]} == {"0001997711-25-000030", "0001493152-24-016772"}, f["facts"]
EOF
expect_py "check of the imported dataset lists the four restated EPS" "$tmp/check.py" "$tmp/out"

# Bad input: exit 2, one line with file, line, column, path and reason; an
# existing -o file is left as it was.
echo "keep me" >"$tmp/keep.json"
run import-sec "$sec/bad-val-string.json" -o "$tmp/keep.json"
expect_status 2 "bad val"
expect_grep 'bad-val-string.json:24:22: $.facts\["us-gaap"\].Revenues.units.USD\[1\].val: val is a string, not a number' \
    "$tmp/err" "bad val names file, line, column and path"
[ "$(cat "$tmp/keep.json")" = "keep me" ] && pass "failed import leaves -o file alone" || fail "-o file changed"
run import-sec "$sec/bad-truncated.json"
expect_status 2 "truncated file"
expect_grep "truncated" "$tmp/err" "truncated file says so"
run import-sec "$sec/bad-val-2p53.json"
expect_status 2 "val beyond 2^53"
expect_grep "beyond 2^53" "$tmp/err" "val beyond 2^53 says so"
run import-sec "$tmp/no-such-file.json"
expect_status 2 "missing file"
expect_grep "cannot open" "$tmp/err" "missing file says so"

# Usage.
run import-sec
expect_status 2 "import-sec without FILE"
run import-sec a.json b.json
expect_status 2 "import-sec with two files"
run import-sec --frob "$sec/lpa-trimmed.json"
expect_status 2 "import-sec with an unknown option"
run --format csv import-sec "$sec/lpa-trimmed.json"
expect_status 2 "import-sec --format csv"

# The mapping table: a header, a rule and one row a mapping.
run import-sec --mapping --format csv
expect_status 0 "import-sec --mapping"
expect_grep "revenue,1,us-gaap:Revenues,duration,currency" "$tmp/out" "mapping lists us-gaap:Revenues first"
expect_grep "cash,3,ifrs-full:CashAndCashEquivalents,instant,currency" "$tmp/out" "mapping lists ifrs cash"

finish
