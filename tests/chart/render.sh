#!/bin/sh
# Renders `ipofacts chart` in a real browser and checks the picture.
# Usage: sh render.sh PATH-TO-IPOFACTS [TESTS-DATA-DIR]
#
# Needs Debian's `chromium` (headless) and a font that covers Chinese
# (fonts-noto-cjk). Exits 77 (skipped) only when chromium is not installed;
# any other problem fails. IPOFACTS_CHROMIUM names another chromium binary.
#
# The charts of MiniMax (three periods, three revenue bars of #4c78a8, margin
# dots of #1b7f79 and reported diamonds of #d9822b) and of Zhipu (one hatched
# six-month bar) are screenshotted at 960x600, the size of the chart, and
# tests/chart/png_check.py reads the PNGs: size, not blank, colours present.
set -u
prog=$1
here=$(cd "$(dirname "$0")" && pwd)
browser=${IPOFACTS_CHROMIUM:-chromium}

if ! command -v "$browser" >/dev/null 2>&1; then
    echo "skip: $browser is not installed (apt-get install chromium fonts-noto-cjk)"
    exit 77
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
count=0
failures=0
pass() { count=$((count + 1)); echo "ok $count - $1"; }
fail() { count=$((count + 1)); failures=$((failures + 1)); echo "not ok $count - $1"; }

# Chinese names need a font that has them, else they render as empty boxes.
if fc-list ':lang=zh-cn' family 2>/dev/null | grep -q .; then
    pass "a font covers Chinese: $(fc-match ':lang=zh-cn' family 2>/dev/null)"
else
    fail "no font covers Chinese (install fonts-noto-cjk): the names would render as boxes"
fi

# The PNG checker must reject a blank page, or the checks below prove nothing.
python3 "$here/png_check.py" blank "$tmp/blank.png" 960 600
if python3 "$here/png_check.py" check "$tmp/blank.png" 960 600 >"$tmp/blank.log" 2>&1; then
    fail "png_check.py accepts a blank page"
else
    pass "png_check.py rejects a blank page"
fi

# shoot SVG PNG: a headless screenshot of the SVG file at the chart's size.
shoot() {
    profile=$(mktemp -d "$tmp/profile.XXXXXX")
    HOME=$profile XDG_CONFIG_HOME=$profile XDG_CACHE_HOME=$profile \
        timeout 120 "$browser" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --disable-background-networking --disable-component-update --disable-sync --no-first-run \
        --disable-quic --disable-extensions --hide-scrollbars --force-device-scale-factor=1 \
        --user-data-dir="$profile" --window-size=960,600 --screenshot="$2" "file://$1" \
        >"$2.log" 2>&1
    shot_status=$?
}

# chart NAME COMPANY COLOURS...: renders and checks one chart.
chart() {
    name=$1
    company=$2
    shift 2
    if ! "$prog" chart "$company" --svg "$tmp/$name.svg" 2>"$tmp/$name.err"; then
        fail "$name: ipofacts chart failed: $(cat "$tmp/$name.err")"
        return
    fi
    shoot "$tmp/$name.svg" "$tmp/$name.png"
    if [ "$shot_status" -ne 0 ] || [ ! -s "$tmp/$name.png" ]; then
        fail "$name: chromium made no screenshot (exit $shot_status)"
        sed 's/^/    chromium: /' "$tmp/$name.png.log" | tail -n 20
        return
    fi
    pass "$name: chromium rendered the SVG"
    if python3 "$here/png_check.py" check "$tmp/$name.png" 960 600 "$@" >"$tmp/$name.check" 2>&1; then
        pass "$name: a 960x600 picture with the chart's colours"
        sed 's/^/    /' "$tmp/$name.check"
    else
        fail "$name: bad picture"
        sed 's/^/    /' "$tmp/$name.check"
    fi
}

# The tall FY2024 and 9M2025 bars of MiniMax alone cover thousands of pixels.
chart minimax minimax '#4c78a8:4000' '#1b7f79:100' '#d9822b:60'
chart zhipu zhipu '#4c78a8:1500'

if [ -n "${IPOFACTS_CHART_KEEP:-}" ]; then
    mkdir -p "$IPOFACTS_CHART_KEEP" && cp "$tmp"/*.png "$tmp"/*.svg "$IPOFACTS_CHART_KEEP"/
fi

echo "1..$count"
[ "$failures" -eq 0 ]
