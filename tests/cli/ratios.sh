#!/bin/sh
# Tests of `ipofacts ratios`.
# Usage: sh ratios.sh PATH-TO-IPOFACTS TESTS-DATA-DIR
#
# Figures of the seed articles, worked out by hand:
#   revenue growth FY2024 = 30523000 / 3460000 - 1 = 782.17%, within
#     [30522500 / 3465000 - 1, 30523500 / 3455000 - 1] = [780.88%, 783.46%];
#   gross margin FY2023 = 1 - 4314000 / 3460000 = -24.68%, FY2024 12.25%,
#     9M2025 1 - 40961000 / 53437000 = 23.35%;
#   R&D intensity 9M2025 = 1.8 億 / 5343.7 萬 = 336.85% in [327.48%, 346.21%];
#   burn 9M2025: net loss 5.12 億 / 9 = 56,888,889 USD a month (a proxy),
#     adjusted 1.86 億 / 9 = 20,666,667; runway on 10.46 億 of cash 18.39 and
#     50.61 months; no operating cash flow is reported;
#   TTM to 2025-09-30 = 3052.3 萬 + 5343.7 萬 - 5343.7 萬 / 2.747 = 64,507,142;
#   first-day return 235.4 / 165 - 1 = 42.67%;
#   price-to-sales at the opening: 720 億港元 / 7.8 / 64,507,142 = 143.10.
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

# ---- The table ----
run ratios minimax
expect_status 0 "ratios minimax"
cp "$tmp/out" "$tmp/table.txt"
expect_out_re "^growth of revenue +FY2024 +782\.17% +\[780\.88%, 783\.46%\] +ok +reported_prior +782\.2% \+2 +shzqb-202512" \
    "FY2024 revenue growth with its interval, the reported figure and sources"
expect_out_re "^gross_margin +FY2023 +-24\.68% +\[-24\.88%, -24\.48%\] +ok" "gross margin FY2023"
expect_out_re "^gross_margin +FY2024 +12\.25% +\[12\.24%, 12\.25%\] +ok" "gross margin FY2024"
expect_out_re "^gross_margin +9M2025 +23\.35% +\[23\.34%, 23\.35%\] +ok" "gross margin 9M2025"
expect_out_re "^rd_intensity +9M2025 +336\.85% +\[327\.48%, 346\.21%\] +ok .* 337\.4% " "R&D intensity 9M2025"
expect_out_re "^monthly_burn +9M2025 +56,888,889 USD/month +\[56,833,333, 56,944,445\] +ok +net_income \(proxy\)" \
    "burn on the net loss, labelled a proxy"
expect_out_re "^monthly_burn +9M2025 +20,666,667 USD/month .* adjusted_net_income \(proxy\)" "burn on the adjusted net loss"
expect_out_re "^runway on cash +2025-09-30 +18\.39 months +\[18\.35, 18\.42\] +ok +net_income \(proxy\) +≥37" \
    "runway at 2025-09-30 on the net loss"
expect_out_re "^runway on cash +2025-09-30 +50\.61 months +\[50\.45, 50\.78\] +ok +adjusted_net_income \(proxy\)" \
    "runway on the adjusted net loss"
expect_out_re "^runway on cash +2025-09-30 +missing_input +operating_cash_flow" "no cash-flow basis reported"
expect_out_re "^ttm of revenue +TTM to 2025-09-30 +64,507,142 USD +\[64,502,782, 64,511,501\] +ok +implied_prior" \
    "TTM revenue with 9M2024 implied by 174.7%"
expect_out_re "^first_day_return +listing \(2026-01-09\) +42\.67% +\[42\.66%, 42\.67%\] +ok +42% +cyzone-20260109" \
    "first-day return at the listing"
expect_out_re "^price_to_sales \(约720亿港元\) +listing \(2026-01-09\) +143\.10× +\[141\.88×, 144\.33×\] +ok +ttm +.*hkma-lers" \
    "price-to-sales at the opening, through the HKD/USD band"
expect_out_re "^growth of net_income +FY2024 +negative_base" "a loss is no base for growth"
# Every line of the table is within the width of its rule (display columns).
expect_py "the table is aligned" - "$tmp/table.txt" <<'EOF'
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
rule = lines[1]
assert set(rule) <= {"-", " "}, rule
for l in lines:
    assert width(l) <= width(rule), (width(l), width(rule), l)
EOF

# ---- JSON ----
run --format json ratios minimax
expect_status 0 "ratios --format json"
cp "$tmp/out" "$tmp/ratios.json"
expect_py "the JSON holds every ratio with its numbers, basis and inputs" - "$tmp/ratios.json" <<'EOF'
import json, sys
rs = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(rs, list) and len(rs) > 40
for r in rs:
    for k in ("company", "ratio", "period_start", "period_end", "value", "lo", "hi", "unit", "status", "basis",
              "inputs"):
        assert k in r, (k, r)
    for k in ("value", "lo", "hi"):
        assert r[k] is None or isinstance(r[k], (int, float)), (k, r[k])
    if r["status"] == "ok":
        assert r["lo"] is None or r["lo"] <= r["value"]
        assert r["hi"] is None or r["value"] <= r["hi"]
    else:
        assert r["value"] is None
    assert r["company"] == "minimax" and r["derived"] is True

def one(**kw):
    m = [r for r in rs if all(r.get(k) == v for k, v in kw.items())]
    assert len(m) == 1, (kw, len(m))
    return m[0]

g = one(ratio="growth", concept="revenue", period="FY2024")
assert abs(g["value"] - 7.8216763005780345) < 1e-9
assert g["lo"] <= 30522500 / 3465000 - 1 and g["hi"] >= 30523500 / 3455000 - 1
assert g["hi"] - g["lo"] < 0.0258
assert g["period_start"] == "2024-01-01" and g["period_end"] == "2024-12-31" and g["unit"] == "pure"
texts = [s["text"] for i in g["inputs"] for s in i["fact"]["sources"]]
assert "3052.3 萬美元" in texts and "346 萬美元" in texts, texts
for p, v in (("FY2023", -0.2468208092485549), ("FY2024", 0.12246502637355437), ("9M2025", 0.2334711903737111)):
    assert abs(one(ratio="gross_margin", period=p)["value"] - v) < 1e-12
rd = one(ratio="rd_intensity", period="9M2025")
assert rd["lo"] <= 3.374 <= rd["hi"]
runways = [r for r in rs if r["ratio"] == "runway" and r["period_end"] == "2025-09-30"
           and r["inputs"][0]["role"] == "cash"]
by = {r["basis"]: r for r in runways}
assert abs(by["net_income"]["value"] - 1046000000 / (512000000 / 9)) < 1e-9 and by["net_income"]["proxy"]
assert abs(by["adjusted_net_income"]["value"] - 1046000000 / (186000000 / 9)) < 1e-9
assert by["operating_cash_flow"]["status"] == "missing_input" and by["operating_cash_flow"]["value"] is None
burn = by["net_income"]["inputs"][1]["derivation"]
assert burn["ratio"] == "monthly_burn" and burn["period"] == "9M2025" and burn["unit"] == "USD/month"
ttm = one(ratio="ttm", period="9M2025")
assert abs(ttm["value"] - (30523000 + 53437000 - 53437000 / 2.747)) < 1e-3 and ttm["implied"]
assert ttm["period_start"] == "2024-10-01" and ttm["period_end"] == "2025-09-30"
assert abs(one(ratio="first_day_return", period="listing")["value"] - (235.4 / 165 - 1)) < 1e-12
ps = [r for r in rs if r["ratio"] == "price_to_sales" and r["name"] == "price_to_sales (约720亿港元)"][0]
assert abs(ps["value"] - 72e9 / 7.8 / (30523000 + 53437000 - 53437000 / 2.747)) < 1e-9
assert ps["basis"] == "ttm" and ps["converted"]
rate = [i for i in ps["inputs"] if i["role"] == "rate"][0]
assert rate["fact"]["unit"] == "HKD/USD" and rate["fact"]["value"] == "7.75" and rate["fact"]["upper"] == "7.85"
EOF

run --format json ratios
expect_status 0 "ratios of every company as JSON"
expect_py "both companies" - "$tmp/out" <<'EOF'
import json, sys
rs = json.load(open(sys.argv[1], encoding="utf-8"))
assert {r["company"] for r in rs} == {"minimax", "zhipu"}
EOF

run --format csv ratios minimax --ratio gross_margin
expect_status 0 "ratios as CSV"
expect_py "CSV rows" - "$tmp/out" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert [r["label"] for r in rows] == ["FY2023", "FY2024", "9M2025"], rows
assert abs(float(rows[0]["value"]) + 0.2468208092485549) < 1e-15
assert rows[0]["arithmetic"] == "1 - 4314000 / 3460000 = -0.246821 [-0.24877, -0.244877]"
EOF

# ---- Filters, explanations, exit statuses ----
run ratios minimax --ratio gross_margin --period FY2023 --explain
expect_status 0 "one ratio, explained"
expect_out_re "^gross_margin, FY2023: -0.246821 pure in \[-0.24877, -0.244877\] \(derived, not reported; basis revenue_less_cost\)$" \
    "the explanation marks the ratio derived"
expect_out_re "^  formula: 1 - cost_of_sales / revenue$" "the formula"
expect_out_re "^  input revenue: revenue FY2023 = 3460000 USD \(decimals -4, exact\), reported" "an input with its precision"
expect_out_re '^    sources: shzqb-202512 "346 萬美元"; anon-202512 "346 万美元"; jxyl-202601 "346萬美元"$' \
    "an input's sources and literal texts"

run ratios minimax --ratio runway
expect_status 1 "a selected ratio that cannot be computed (no cash flow reported)"

run ratios minimax --ratio ebitda
expect_status 2 "an unknown ratio"
expect_err_re '^ipofacts: .*unknown ratio "ebitda"' "the message names the ratio"
run ratios nosuchco
expect_status 2 "an unknown company"
run ratios minimax zhipu
expect_status 2 "two companies"
run ratios --frob
expect_status 2 "an unknown option"

# ---- A dataset file: the offer price exact ----
run --dataset "$data/ratios/minimax.json" ratios minimax --ratio first_day_return
expect_status 0 "ratios of a dataset file"
expect_out_re "^first_day_return +listing +42\.67% +\[42\.63%, 42\.70%\] +ok +42% +s004$" \
    "with the offer price exact the interval is [42.63%, 42.70%]"
run --dataset "$data/ratios/edge.json" ratios edge --ratio growth --period 9M2025
expect_status 1 "nine months against twelve"
expect_out_re "^growth of revenue +9M2025 +period_mismatch" "refused as period_mismatch"

finish
