#!/usr/bin/env python3
"""Prints a company's profile, its revenue as reported, and a few ratios with
the intervals their inputs' precision allows.

Usage: python3 examples/python/report.py [COMPANY] [--dataset FILE]

COMPANY is an id, a ticker or a name ("minimax", "00100", "稀宇科技");
the default is minimax. Without --dataset the built-in data is used. Set
IPOFACTS_LIBRARY to the path of libipofacts.so.1 when it is not installed.
"""

from __future__ import annotations

import argparse
import pathlib
import sys

try:
    import ipofacts
except ImportError:  # running from a source checkout without installing the package
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "bindings" / "python"))
    import ipofacts
from ipofacts.ratios import format_value

# The ratios shown, in this order, when the company reports their inputs.
SHOWN = ("growth", "gross_margin", "net_margin", "adjusted_net_margin", "rd_intensity", "monthly_burn",
         "runway", "first_day_return", "price_to_sales")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("company", nargs="?", default="minimax")
    parser.add_argument("--dataset", help="a dataset file instead of the built-in data")
    args = parser.parse_args(argv)

    try:
        dataset = ipofacts.Dataset.load(args.dataset) if args.dataset else ipofacts.Dataset.builtin()
        company = dataset[args.company]
    except ipofacts.IpofactsError as exc:
        print(f"report: {exc}", file=sys.stderr)
        return 2

    names = " / ".join(dict.fromkeys(company.names.values()))
    print(f"{names} ({company.id})")
    if company.exchange or company.listed:
        print(f"  listed   {company.exchange or '-'} {company.ticker or ''} on {company.listed or 'unknown date'}")
    if company.founded:
        print(f"  founded  {company.founded}")
    print(f"  currency {company.currency or '-'}, fiscal year ends in month {company.fiscal_year_end}")

    print("\nRevenue as reported (preferred figure of each period):")
    for period in company.periods:
        fact = period.get("revenue")
        if fact is None:
            continue
        decimals = "exact" if fact.decimals is None else f"decimals {fact.decimals}"
        quote = next((q for q in fact.quotes if q), "")
        print(f"  {period.label:<10} {fact.value:>14} {fact.unit}  ({decimals})  \"{quote}\"")

    print("\nRatios: value [interval of the values the figures' precision allows]")
    by_kind = {kind: [] for kind in SHOWN}
    for ratio in company.ratios():
        if ratio.kind in by_kind and ratio.segment is None and ratio.ok \
                and ratio.concept in (None, "revenue"):
            by_kind[ratio.kind].append(ratio)
    rows = [(ratio.label, ratio.title, ratio.result) for kind in SHOWN for ratio in by_kind[kind]]
    width = max((len(title) for _, title, _ in rows), default=0)
    for label, title, result in rows:
        lo = "-inf" if result.lo is None else format_value(result.lo, result.unit)
        hi = "+inf" if result.hi is None else format_value(result.hi, result.unit)
        print(f"  {label:<20} {title:<{width}}  {format_value(result.value, result.unit):>22}  [{lo}, {hi}]")

    growth = by_kind["growth"]
    if growth:
        print("\nHow the latest revenue growth was computed:")
        print(growth[-1].explain().rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
