#!/bin/sh
# Tests of `ipofacts chart COMPANY --svg FILE`.
# Usage: sh chart.sh PATH-TO-IPOFACTS TESTS-DATA-DIR
#
# Figures are those of the seed articles as the built-in dataset holds them:
#   MiniMax (稀宇科技, HKEX:00100) revenue FY2023 346 萬美元 = 3,460,000
#   (decimals -4: true value in [3,455,000, 3,465,000]), FY2024 3052.3 萬美元
#   = 30,523,000, 9M2025 (nine months) 5343.7 萬美元 = 53,437,000;
#   cost of sales FY2023 4,314,000, so the computed gross margin is
#   1 - 4314000 / 3460000 = -0.246821, and the reported one -24.7%.
#   Zhipu (智谱) reports revenue only for H1 2025 (~1.91 亿元, six months)
#   and no cost of sales there: its gross margin is n/a (missing_input).
. "$(dirname "$0")/../cli_harness.sh"

expect_no_err() {
    if [ -s "$tmp/err" ]; then
        fail "$1: unexpected stderr"
        sed 's/^/    stderr: /' "$tmp/err"
    else
        pass "$1: nothing on stderr"
    fi
}
# expect_py DESCRIPTION ARGS...: python3 $tmp/check.py ARGS... exits 0.
expect_py() {
    desc=$1
    shift
    if python3 "$tmp/check.py" "$@" >"$tmp/py" 2>&1; then
        pass "$desc"
    else
        fail "$desc"
        sed 's/^/    /' "$tmp/py"
    fi
}

# The checks of a chart, in Python (standard library only).
# argv: check NAME SVG [ARGS...]
cat >"$tmp/check.py" <<'EOF'
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"

def classes(e):
    return (e.get("class") or "").split()

def text_of(e):
    return "".join(e.itertext())

def find_class(root, cls):
    return [e for e in root.iter() if cls in classes(e)]

def fail(msg):
    print(msg)
    sys.exit(1)

def tooltips(root):
    return [text_of(t) for t in root.iter(NS + "title")]

def all_text(root):
    return [text_of(t) for t in root.iter(NS + "text")]

check, path = sys.argv[1], sys.argv[2]
args = sys.argv[3:]
try:
    root = ET.parse(path).getroot()
except ET.ParseError as e:
    fail("not well-formed XML: %s" % e)

if check == "root":
    if root.tag != NS + "svg":
        fail("root element is %r, not svg in the SVG namespace" % root.tag)
    for name, want in (("width", "960"), ("height", "600"), ("viewBox", "0 0 960 600"), ("version", "1.1")):
        if root.get(name) != want:
            fail("%s is %r, expected %r" % (name, root.get(name), want))
    fonts = root.get("font-family") or ""
    for f in ("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Source Han Sans SC", "sans-serif"):
        if f not in fonts:
            fail("font-family %r lacks %s" % (fonts, f))
elif check == "text":
    # every argument appears in some <text> element
    texts = all_text(root)
    for want in args:
        if not any(want in t for t in texts):
            fail("no text element holds %r; texts: %r" % (want, texts[:40]))
elif check == "tooltip":
    tips = tooltips(root)
    for want in args:
        if not any(want in t for t in tips):
            fail("no <title> holds %r" % want)
elif check == "bars":
    # argv: expected labels in order, each "LABEL:MONTHS"
    points = find_class(root, "revenue-point")
    bars = find_class(root, "revenue-bar")
    got = ["%s:%s" % (p.get("data-period"), p.get("data-months")) for p in points]
    if got != args:
        fail("revenue points %r, expected %r" % (got, args))
    if len(bars) != len(args):
        fail("%d revenue bars, expected %d" % (len(bars), len(args)))
    xs = [float(b.get("x")) for b in bars]
    if xs != sorted(xs):
        fail("bars are not left to right in order: %r" % xs)
    for p, b in zip(points, [e for p in points for e in p.iter() if "revenue-bar" in classes(e)]):
        partial = "partial" in classes(b)
        if partial != (p.get("data-months") != "12"):
            fail("bar of %s: partial=%s with %s months" % (p.get("data-period"), partial, p.get("data-months")))
        if partial and "url(#partial)" not in (b.get("fill") or ""):
            fail("the bar of %s is not hatched" % p.get("data-period"))
elif check == "heights":
    # argv: pairs LABEL=VALUE; bar heights must be proportional to the values (within 1%)
    want = dict(a.split("=") for a in args)
    heights = {}
    for p in find_class(root, "revenue-point"):
        for b in p.iter():
            if "revenue-bar" in classes(b):
                heights[p.get("data-period")] = float(b.get("height"))
    labels = list(want)
    base = labels[0]
    for l in labels[1:]:
        r_h = heights[l] / heights[base]
        r_v = float(want[l]) / float(want[base])
        if abs(r_h / r_v - 1) > 0.01:
            fail("height %s/%s is %.4f, values give %.4f" % (l, base, r_h, r_v))
elif check == "count":
    # argv: CLASS N
    n = len(find_class(root, args[0]))
    if n != int(args[1]):
        fail("%d elements of class %s, expected %s" % (n, args[0], args[1]))
elif check == "footnote":
    # argv: texts the footnote must hold
    foot = " ".join(text_of(e) for e in find_class(root, "footnote"))
    for want in args:
        if want not in foot:
            fail("footnote lacks %r: %r" % (want, foot))
elif check == "title":
    # argv: the exact text the chart's title element starts with
    t = find_class(root, "chart-title")
    if not t or not text_of(t[0]).startswith(args[0]):
        fail("chart title %r does not start with %r" % ([text_of(x) for x in t], args[0]))
else:
    fail("unknown check " + check)
EOF

# ---- MiniMax: the chart of the issue ------------------------------------
run chart minimax --svg "$tmp/minimax.svg"
expect_status 0 "chart minimax"
expect_no_err "chart minimax"
expect_py "well-formed SVG 1.1 of 960x600 with CJK fonts" root "$tmp/minimax.svg"
expect_py "title with both names and the listing" title "$tmp/minimax.svg" "MiniMax 稀宇科技HKEX:00100"
expect_py "three revenue bars in order, 9M2025 hatched" bars "$tmp/minimax.svg" FY2023:12 FY2024:12 9M2025:9
expect_py "bar heights follow the figures" heights "$tmp/minimax.svg" FY2023=3460000 FY2024=30523000 \
    9M2025=53437000
expect_py "period labels and the nine-month label" text "$tmp/minimax.svg" FY2023 FY2024 9M2025 "9 months" \
    "12 months"
expect_py "axis titles with units" text "$tmp/minimax.svg" "Revenue (USD millions)" "Gross margin (%)"
expect_py "exact bar labels in millions" text "$tmp/minimax.svg" 3.46 30.523 53.437
expect_py "exact revenue and its interval in a tooltip" tooltip "$tmp/minimax.svg" "Revenue: 30523000 USD" \
    "[30522500, 30523500] USD" "[3455000, 3465000] USD" "3052.3 萬美元"
expect_py "computed margins: three, with the arithmetic" count "$tmp/minimax.svg" margin-computed 3
expect_py "the arithmetic of the FY2023 margin" tooltip "$tmp/minimax.svg" "1 - 4314000 / 3460000 = -0.246821"
expect_py "reported margins: three points" count "$tmp/minimax.svg" margin-reported 3
expect_py "reported margins as labels" text "$tmp/minimax.svg" -24.7% 12.2% 23.3%
expect_py "no margin is n/a" count "$tmp/minimax.svg" margin-na 0
expect_py "whiskers on every bar and point" count "$tmp/minimax.svg" whisker 10
expect_py "sources in the footnote" footnote "$tmp/minimax.svg" "Sources:" "上海證券報" \
    "000_ef391d1195bdf984.txt" "2025-12" "创业仅4年" "not comparable with full years"

run chart minimax --svg "$tmp/again.svg"
if cmp -s "$tmp/minimax.svg" "$tmp/again.svg"; then
    pass "the same chart twice is the same bytes"
else
    fail "two runs gave different files"
fi

run chart 00100.HK --svg=- 
expect_status 0 "chart by ticker to standard output (--svg=-)"
if cmp -s "$tmp/minimax.svg" "$tmp/out"; then pass "--svg - writes the same document"; else fail "--svg - differs"; fi

run -o "$tmp/via-o.svg" chart minimax --svg -
expect_status 0 "chart --svg - -o FILE"
if cmp -s "$tmp/minimax.svg" "$tmp/via-o.svg"; then pass "-o FILE holds the document"; else fail "-o FILE differs"; fi

# ---- Zhipu: one six-month period, a margin that cannot be computed -----
run chart 智谱 --svg "$tmp/zhipu.svg"
expect_status 0 "chart 智谱"
expect_py "zhipu: one hatched bar" bars "$tmp/zhipu.svg" "H1 2025:6"
expect_py "zhipu: margin n/a with its status, no point" text "$tmp/zhipu.svg" "n/a (missing_input)" "6 months" \
    "Revenue (CNY millions)" "~191"
expect_py "zhipu: no computed point" count "$tmp/zhipu.svg" margin-computed 0
expect_py "zhipu: the n/a is a note" count "$tmp/zhipu.svg" margin-na 1
expect_py "zhipu: the longer period is named, not drawn" footnote "$tmp/zhipu.svg" \
    "Not charted, longer than twelve months: 2022-01-01..2025-06-30, 42 months (gross margin 50"

# ---- A dataset of edge cases: markup in names, open-ended figures, a
# ---- zero revenue, no revenue at all ------------------------------------
cat >"$tmp/edge.json" <<'EOF'
{
  "format": "ipofacts-dataset/1",
  "sources": [
    {"id": "s1", "publisher": "A&B <Press> \"Daily\"", "title": "Q&A: 'margins' <today>", "date": "2025-03-01"}
  ],
  "companies": [
    {
      "id": "markup",
      "names": {"en": "Fish & Chips <Holdings> \"FC\" 'Ltd'", "zh-Hans": "鱼与薯条控股"},
      "exchange": "HKEX",
      "ticker": "09999",
      "currency": "USD",
      "periods": [
        {"id": "FY2023", "start": "2023-01-01", "end": "2023-12-31"},
        {"id": "FY2024", "start": "2024-01-01", "end": "2024-12-31"},
        {"id": "Q1-2025", "label": "Q1 2025", "start": "2025-01-01", "end": "2025-03-31"}
      ],
      "facts": [
        {"concept": "revenue", "period": "FY2023", "unit": "USD", "value": "0", "decimals": "INF",
         "sources": [{"source": "s1", "text": "0 <none>"}]},
        {"concept": "cost_of_sales", "period": "FY2023", "unit": "USD", "value": "100", "decimals": 0,
         "sources": [{"source": "s1", "text": "100"}]},
        {"concept": "revenue", "period": "FY2024", "unit": "USD", "value": "5000000", "decimals": -6,
         "qualifier": "at_least", "sources": [{"source": "s1", "text": "more than 5 million"}]},
        {"concept": "gross_margin", "period": "Q1-2025", "unit": "pure", "value": "-0.5", "decimals": 1,
         "sources": [{"source": "s1", "text": "-50%"}]}
      ]
    },
    {
      "id": "empty",
      "names": {"en": "Empty Co"},
      "periods": [],
      "facts": []
    }
  ]
}
EOF
run --dataset "$tmp/edge.json" chart markup --svg "$tmp/edge.svg"
expect_status 0 "chart of a company with markup in its names"
expect_py "markup: still well-formed" root "$tmp/edge.svg"
expect_py "markup: names escaped and read back" title "$tmp/edge.svg" "Fish & Chips <Holdings> \"FC\" 'Ltd' 鱼与薯条控股"
expect_py "markup: publisher and title escaped" footnote "$tmp/edge.svg" \
    "[1] A&B <Press> \"Daily\", \"Q&A: 'margins' <today>\", 2025-03-01"
expect_py "markup: two bars and a period without revenue" bars "$tmp/edge.svg" FY2023:12 FY2024:12
expect_py "markup: open-ended and zero figures labelled" text "$tmp/edge.svg" "≥5" "no revenue" \
    "n/a (zero_denominator)" "-50%" "3 months"
expect_py "markup: quotes escaped in tooltips" tooltip "$tmp/edge.svg" "“0 <none>”" "no upper bound"

run --dataset "$tmp/edge.json" chart empty --svg "$tmp/empty.svg"
expect_status 1 "a company with no revenue"
expect_err_re "no revenue" "no revenue: one line on stderr"
expect_py "no revenue: the file is a valid chart all the same" root "$tmp/empty.svg"
expect_py "no revenue: the chart says so" text "$tmp/empty.svg" "No revenue reported for any period of up to twelve months"

# ---- Errors --------------------------------------------------------------
echo "old content" >"$tmp/keep.svg"
run chart nosuch --svg "$tmp/keep.svg"
expect_status 2 "unknown company"
expect_err_re 'no company matches "nosuch"' "unknown company: one line naming it"
if [ "$(cat "$tmp/keep.svg")" = "old content" ]; then pass "unknown company: FILE untouched"; else fail "FILE changed"; fi

run chart minimax
expect_status 2 "no --svg"
expect_err_re "chart: no --svg FILE given" "no --svg: usage message"

run chart --svg "$tmp/x.svg"
expect_status 2 "no COMPANY"
expect_err_re "chart: no COMPANY given" "no COMPANY: usage message"

run chart minimax zhipu --svg "$tmp/x.svg"
expect_status 2 "two companies"
expect_err_re 'unexpected argument "zhipu"' "two companies: usage message"

run chart minimax --svg
expect_status 2 "--svg without a value"
expect_err_re "option --svg needs a file name" "--svg without a value: message"

run chart minimax --frob --svg "$tmp/x.svg"
expect_status 2 "unknown option"
expect_err_re 'unknown option "--frob"' "unknown option: message"

run --format json chart minimax --svg "$tmp/x.svg"
expect_status 2 "--format"
expect_err_re "--format does not apply" "--format: message"

run -o "$tmp/o.svg" chart minimax --svg "$tmp/x.svg"
expect_status 2 "-o with --svg FILE"
if [ ! -e "$tmp/x.svg" ] && [ ! -e "$tmp/o.svg" ]; then pass "-o with --svg FILE: no file written"; else
    fail "-o with --svg FILE wrote a file"; fi

run chart minimax --svg "$tmp/no/such/dir/chart.svg"
expect_status 2 "unwritable file"
expect_err_re "$tmp/no/such/dir/chart.svg: cannot write the chart" "unwritable file: the message names it"

mkdir "$tmp/dir.svg"
run chart minimax --svg "$tmp/dir.svg"
expect_status 2 "a directory as FILE"
expect_err_re "dir.svg: cannot write the chart" "a directory as FILE: the message names it"
if [ -z "$(ls "$tmp" | grep '\.tmp')" ]; then pass "no temporary file is left behind"; else
    fail "temporary files left: $(ls "$tmp" | grep '\.tmp')"; fi

run --dataset "$data/bad/malformed.json" chart minimax --svg "$tmp/x.svg"
expect_status 2 "a dataset that does not load"
expect_err_re "malformed.json:" "a dataset that does not load: message names the file"
if [ ! -e "$tmp/x.svg" ]; then pass "no file after an error"; else fail "a file was written after an error"; fi

run help chart
expect_status 0 "help chart"
if grep -q -- "--svg FILE" "$tmp/out"; then pass "help chart shows --svg FILE"; else fail "help chart"; fi

finish
