#!/bin/sh
# Tests of `ipofacts check`.
# Usage: sh check.sh PATH-TO-IPOFACTS TESTS-DATA-DIR
#
# The findings in the built-in data, each checked by hand (intervals are
# the value +/- half a unit of its last stated digit, twice that for
# "about"):
#   revenue FY2023 346 萬 [3455000, 3465000] / 350 萬 [3495000, 3505000];
#   FY2024 3052.3 萬 [30522500, 30523500] / 3050 萬 [30495000, 30505000];
#   9M2025 5340 萬 [53395000, 53405000] / 5343.7 萬 and / 5344 萬;
#   growth FY2024 782.2% and 782% / "7 倍" [6.5, 7.5]; gross margin FY2023
#   -24.7% / -23%; Talkie MAU 2005 萬 / 2000 萬; ARPPU 15 / 5 美元;
#   plaintiffs 3 / 12: ten conflicts;
#   -23% against 1 - 431.4 萬 / 346 萬 in [-24.88%, -24.49%]: a mismatch;
#   "7 倍" (782%) and 32.6% (1746.4 / 5343.7 = 32.68%) truncate: warnings;
#   2.37% x 800 億 = 18.96 億, not about 20.6 億; 2.57% x 800 億 = 20.56 億,
#   not about 19 億: holding values;
#   "超過 37 個月": 18.39 months on the net loss, 50.61 on the adjusted
#   net loss: a basis-dependent claim, a warning.
. "$(dirname "$0")/../cli_harness.sh"

expect_no_out_re() {
    if grep -E -q -- "$1" "$tmp/out"; then fail "$2: a line matches /$1/"; else pass "$2"; fi
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

# ---- The built-in data ----
run check
expect_status 1 "check finds inconsistencies"
expect_out_re "^17 findings: 13 inconsistent, 4 warnings$" "the summary"
expect_out_re "^ 1  minimax  inconsistent  report_conflict +revenue +FY2023 " "the first finding in the table"
expect_out_re '^1\. revenue FY2023: 3460000 USD \[3455000, 3465000\] \(shzqb-202512 "346 萬美元"; anon-202512 "346 万美元"; jxyl-202601 "346萬美元"\) and 3500000 USD \[3495000, 3505000\] \(jdcj-202512 "350 萬美元"\) cannot both hold: 3465000 < 3495000$' \
    "346 萬 against 350 萬, with the arithmetic"
expect_out_re 'revenue FY2024: 30523000 USD \[30522500, 30523500\] .* cannot both hold: 30505000 < 30522500$' \
    "3052.3 萬 against 3050 萬"
expect_out_re 'gross_margin FY2023: reported -0\.23 \[-0\.235, -0\.225\] \(cyzone-20260109 "-23%"\); computed 1 - 4314000 / 3460000 = -0\.246821 \[-0\.24877, -0\.244877\], which rounds to -0\.25\.\.-0\.24: the report is outside it$' \
    "-23% recomputed"
expect_out_re 'revenue_share\[hailuo_ai\] 9M2025: .* which rounds to 0\.327 and truncates to 0\.326: the report truncates instead of rounding$' \
    "32.6% truncates"
expect_out_re 'holding_value\[tencent\] .* computed 0\.0237 x 80000000000 = 1896000000 ' "Tencent's holding"
expect_out_re 'holding_value\[idg\] .* computed 0\.0257 x 80000000000 = 2056000000 ' "IDG's holding"
expect_out_re 'runway_months 2025-09-30: claim at least 37 months \[36\.5, \+inf\] \(shzqb-202512 "超過 37 個月"\) depends on the burn basis: net_income/cash 18\.3867 months .* fails; adjusted_net_income/cash 50\.6129 months .* holds' \
    "the runway claim holds on one basis only"
expect_no_out_re '782\.2%.*\) and 7\.82 ' "782.2% and 782% are not a conflict"
expect_no_out_re '"约84\.9亿港元"' "84.9 億 fits 10.61% of 800 億"
expect_no_out_re '"174\.7%"' "174.7% and 174.8% touch: no conflict"

run check --explain minimax
expect_status 1 "check --explain"
expect_out_re "^     formula: 1 - cost_of_sales / revenue$" "explanations of the computations"

run check zhipu
expect_status 0 "no inconsistency for Zhipu"
expect_out_re "^0 findings: 0 inconsistent, 0 warnings$" "nothing found"

# ---- JSON ----
run --format json check
expect_status 1 "check --format json"
expect_py "the JSON findings" - "$tmp/out" <<'EOF'
import json, sys
fs = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(fs, list) and len(fs) == 17, len(fs)
for f in fs:
    for k in ("company", "kind", "severity", "concept", "period_end", "message", "facts"):
        assert k in f, (k, f)
    assert f["facts"], f
    for x in f["facts"]:
        for k in ("value", "unit", "decimals", "source"):
            assert k in x, (k, x)
kinds = [f["kind"] for f in fs]
assert kinds.count("report_conflict") == 10 and kinds.count("ratio_mismatch") == 1
assert kinds.count("ratio_truncated") == 3 and kinds.count("holding_value_mismatch") == 2
assert kinds.count("runway_claim") == 1
c = fs[0]
assert c["concept"] == "revenue" and c["period_end"] == "2023-12-31" and c["severity"] == "inconsistent"
assert [x["value"] for x in c["facts"]] == ["3460000", "3500000"]
assert [x["source"] for x in c["facts"]] == ["shzqb-202512", "jdcj-202512"]
assert c["facts"][0]["decimals"] == -4 and c["facts"][0]["lo"] == 3455000 and c["facts"][0]["hi"] == 3465000
t = [f for f in fs if f["kind"] == "holding_value_mismatch" and f["segment"] == "tencent"][0]
assert t["facts"][0]["value"] == "2060000000" and t["facts"][0]["qualifier"] == "approximately"
comp = t["computed"][0]
assert comp["ratio"] == "holding_value" and abs(comp["value"] - 1896000000) < 1e-3
assert comp["lo"] <= 0.02365 * 79950000000 and comp["hi"] >= 0.02375 * 80050000000
r = [f for f in fs if f["kind"] == "runway_claim"][0]
assert r["severity"] == "warning" and len(r["computed"]) == 4
assert sorted(round(x["value"], 4) for x in r["computed"]) == [18.3867, 19.3711, 50.6129, 53.3226]
EOF

# ---- Dataset files ----
run --dataset "$data/ratios/minimax.json" check minimax
expect_status 1 "check of a dataset file"
expect_out_re "^11 findings: 8 inconsistent, 3 warnings$" "the fixture's findings"
expect_out_re 'first_day_return listing: reported 0\.42 \[0\.415, 0\.425\] \(s004 "42%"\); computed 235\.4 / 165 - 1 = 0\.426667 \[0\.426363, 0\.42697\], which rounds to 0\.43 and truncates to 0\.42' \
    "with an exact offer price, 42% truncates 42.67%"

# Only a warning: exit 0.
cat >"$tmp/warn.json" <<'EOF'
{"format": "ipofacts-dataset/1",
 "sources": [{"id": "s000", "publisher": "上海證券報"}],
 "companies": [{"id": "m", "names": {"en": "MiniMax"}, "currency": "USD",
  "members": [{"id": "hailuo_ai", "kind": "segment"}],
  "periods": [{"id": "9M2025", "start": "2025-01-01", "end": "2025-09-30"}],
  "facts": [
   {"concept": "revenue", "period": "9M2025", "unit": "USD", "value": "53437000", "decimals": -3,
    "sources": [{"source": "s000", "text": "5343.7 萬美元"}]},
   {"concept": "segment_revenue", "segment": "hailuo_ai", "period": "9M2025", "unit": "USD", "value": "17464000",
    "decimals": -3, "sources": [{"source": "s000", "text": "1746.4 萬美元"}]},
   {"concept": "revenue_share", "segment": "hailuo_ai", "period": "9M2025", "unit": "pure", "value": "0.326",
    "decimals": 3, "sources": [{"source": "s000", "text": "32.6%"}]}]}]}
EOF
run --dataset "$tmp/warn.json" check
expect_status 0 "warnings alone do not fail the check"
expect_out_re "^1 finding: 0 inconsistent, 1 warning$" "one warning"

# ---- Usage ----
run check nosuchco
expect_status 2 "an unknown company"
run check --frob
expect_status 2 "an unknown option"
run --format csv check
expect_status 2 "no CSV for findings"
run --dataset "$tmp/nosuchfile.json" check
expect_status 2 "a missing dataset file"

finish
