#!/bin/sh
# Tests of `ipofacts export`.
# Usage: sh export.sh PATH-TO-IPOFACTS TESTS-DATA-DIR
. "$(dirname "$0")/../cli_harness.sh"

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
same_files() {
    if cmp -s "$1" "$2"; then pass "$3"; else fail "$3: $1 and $2 differ"; fi
}

header="company,concept,segment,period_start,period_end,value,unit,decimals,qualifier,source"

# Compares the CSV export with the JSON export of the same dataset: one row
# a fact, in order, every column derived from the fact exactly.
cat >"$tmp/csv_vs_json.py" <<'EOF'
import csv, json, re, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
dataset = json.load(open(sys.argv[2], encoding="utf-8"))
assert rows[0] == "company,concept,segment,period_start,period_end,value,unit,decimals,qualifier,source".split(",")
expected = []
for c in dataset["companies"]:
    periods = {p["id"]: p for p in c.get("periods", [])}
    for f in c.get("facts", []):
        p = periods[f["period"]]
        value = f["value"] + (".." + f["upper"] if "upper" in f else "")
        expected.append([c["id"], f["concept"], f.get("segment", ""), p.get("start", ""),
                         p.get("end", p.get("instant", "")), value, f["unit"], str(f["decimals"]),
                         f.get("qualifier", "exact"), "|".join(s["source"] for s in f["sources"])])
body = rows[1:]
assert len(body) == len(expected), "%d rows, %d facts" % (len(body), len(expected))
for got, want in zip(body, expected):
    assert got == want, (got, want)
number = re.compile(r"-?[0-9]+(\.[0-9]+)?")
for row in body:
    lo, _, hi = row[5].partition("..")
    assert number.fullmatch(lo) and (hi == "" or number.fullmatch(hi)), row
    assert row[7] == "INF" or re.fullmatch(r"-?[0-9]+", row[7]), row
print("%d facts" % len(body))
EOF

# ---- CSV of the built-in data ----
run export --format csv
expect_status 0 "export --format csv"
cp "$tmp/out" "$tmp/builtin.csv"
if [ "$(head -n 1 "$tmp/builtin.csv")" = "$header" ]; then pass "the header line"; else fail "the header line is: $(head -n 1 "$tmp/builtin.csv")"; fi

run export --format json
expect_status 0 "export --format json"
cp "$tmp/out" "$tmp/builtin.json"
run export
expect_status 0 "export"
same_files "$tmp/out" "$tmp/builtin.json" "json is the default format"

expect_py "one CSV row a fact, each column exact" "$tmp/csv_vs_json.py" "$tmp/builtin.csv" "$tmp/builtin.json"
expect_py "the number of rows is the number of facts" - "$tmp/builtin.csv" "$tmp/builtin.json" <<'EOF'
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
dataset = json.load(open(sys.argv[2], encoding="utf-8"))
facts = sum(len(c["facts"]) for c in dataset["companies"])
assert facts > 200 and len(rows) == facts + 1, (len(rows), facts)
EOF
# Figures from the seed articles, exactly as the CSV prints them.
if grep -q '^minimax,revenue,,2024-01-01,2024-12-31,30523000,USD,-3,exact,shzqb-202512$' "$tmp/builtin.csv"; then
    pass "revenue FY2024: 3052.3 萬美元 = 30523000, decimals -3"
else
    fail "no CSV row for MiniMax's FY2024 revenue"
fi
if grep -q '^minimax,employees,,,2025-09-30,385,people,0,exact,shzqb-202512|jdcj-202512|jxyl-202601$' "$tmp/builtin.csv"; then
    pass "an instant: empty period_start; three sources joined with |"
else
    fail "no CSV row for MiniMax's 385 employees"
fi
if grep -q '^minimax,exchange_rate,,,2026-01-09,7.75..7.85,HKD/USD,2,range,hkma-lers$' "$tmp/builtin.csv"; then
    pass "a range as lo..hi"
else
    fail "no CSV row for the HKD peg band 7.75..7.85"
fi
if grep -q '^minimax,gross_margin,,2023-01-01,2023-12-31,0,pure,INF,at_most,anon-202512$' "$tmp/builtin.csv"; then
    pass "decimals INF"
else
    fail "no CSV row with decimals INF"
fi

# ---- Round trips ----
run export --format json -o "$tmp/x.json"
expect_status 0 "export --format json -o x.json"
if [ -s "$tmp/out" ]; then fail "nothing on stdout with -o"; else pass "nothing on stdout with -o"; fi
same_files "$tmp/x.json" "$tmp/builtin.json" "-o writes what stdout gets"
run --dataset "$tmp/x.json" export --format json
expect_status 0 "export of the exported file"
same_files "$tmp/out" "$tmp/x.json" "round trip through a file keeps every byte"
run --dataset "$tmp/x.json" export --format csv
same_files "$tmp/out" "$tmp/builtin.csv" "the reloaded file exports the same CSV"

run export --format csv -o "$tmp/x.csv"
expect_status 0 "export --format csv -o x.csv"
same_files "$tmp/x.csv" "$tmp/builtin.csv" "-o writes the CSV"
if ls "$tmp" | grep -q 'tmp'; then fail "a temporary file was left behind"; else pass "no temporary file left"; fi

# ---- The fixture ----
small="$data/cli/small.json"
run --dataset "$small" export --format csv
expect_status 0 "export the fixture as CSV"
cp "$tmp/out" "$tmp/small.csv"
if grep -q '^openai,cumulative_spending,,,2025-09-30,40000000000..55000000000,USD,-8,range,s000$' "$tmp/small.csv"; then
    pass "the fixture's range: 400 億至 550 億美元"
else
    fail "no row for the fixture's range"
fi
run --dataset "$small" export --format json
cp "$tmp/out" "$tmp/small.json"
expect_py "the fixture's CSV matches its JSON" "$tmp/csv_vs_json.py" "$tmp/small.csv" "$tmp/small.json"
same_files "$tmp/small.json" "$small" "the fixture is canonical: it exports byte for byte"

# ---- RFC 4180 quoting ----
python3 - "$small" "$tmp/quoted.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
# Ids and units cannot hold a comma, but a concept may be any string
# (docs/data-format.md): one with a comma and quotes exercises the quoting.
d["companies"][1]["facts"][0]["concept"] = 'spend, "total"'
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
EOF
run --dataset "$tmp/quoted.json" export --format csv
expect_status 0 "export of a concept with a comma and quotes"
if grep -q '^openai,"spend, ""total""",,,2025-09-30,' "$tmp/out"; then
    pass "a field with a comma and quotes is quoted"
else
    fail "RFC 4180 quoting: $(grep '^openai' "$tmp/out")"
fi

# ---- Errors ----
run export --format table
expect_status 2 "export --format table"
run export extra
expect_status 2 "export with an operand"
run export --bogus
expect_status 2 "export with an unknown option"
run export --format json -o "$tmp/no/such/dir/x.json"
expect_status 2 "-o into a missing directory"
if grep -q "no/such/dir" "$tmp/err"; then pass "the message names the file"; else fail "the message does not name the file"; fi
run --dataset "$data/cli/bad_unit.json" export
expect_status 2 "export of a bad dataset"

finish
