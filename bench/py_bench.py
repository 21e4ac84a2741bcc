#!/usr/bin/env python3
"""Load a dataset and compute every growth and margin of every company and
duration period, two ways, and print `key value` lines (as bench.c does).

    py_bench.py package FILE   through the ipofacts Python package (one
                               Dataset.ratio_values() call for the ratios)
    py_bench.py pure FILE      in pure Python: json and decimal, nothing else

Both compute, for each duration period of each company, revenue growth over
the same months a year earlier, gross margin (from gross profit, else
revenue less cost of sales), net margin and adjusted net margin: the value
and the interval of values the figures' precision allows, from the preferred
report of each figure (an exact figure first, then the finest precision,
the best source rank, the most sources, file order), with a status when a
ratio cannot be computed. The pure version is what a careful analyst would
write without the library; both print a checksum so that bench/run can
tell they computed the same thing.

Times are CPU times of this process (time.process_time), from opening the
file to the last ratio; the interpreter's start and the imports are not
counted.
"""
import sys
import time

KINDS = ("growth", "gross_margin", "net_margin", "adjusted_net_margin")


def report(t0, n, ok, total):
    print(f"python_s {time.process_time() - t0:.6f}")
    print(f"python_ratios {n}")
    print(f"python_ok {ok}")
    print(f"python_checksum {total:.6e}")


def run_package(path):
    import ipofacts

    t0 = time.process_time()
    ds = ipofacts.Dataset.load(path)
    t_load = time.process_time() - t0
    # Every ratio of these kinds in one call (Dataset.ratio_values); the
    # growth of revenue is the one with concept "revenue" and no segment.
    # Ratios whose inputs are missing are not listed: they count as ratios
    # without a value, as on the pure side.
    durations = 0
    instants = set()
    for company in ds:
        company_id = company.id
        for period in company.periods:
            if period.is_instant:
                instants.add((company_id, period.id))
            else:
                durations += 1
    n = durations * len(KINDS)
    ok = 0
    total = 0.0
    for row in ds.ratio_values(KINDS):
        if (row.status == "ok" and row.segment is None and (row.kind != "growth" or row.concept == "revenue")
                and (row.company, row.period) not in instants):
            ok += 1
            total += row.value
    print(f"python_load_s {t_load:.6f}")
    report(t0, n, ok, total)


# --------------------------------------------------------------------------
# Pure Python
# --------------------------------------------------------------------------


def run_pure(path):
    import datetime
    import json
    from decimal import Decimal, localcontext

    INF = Decimal("Infinity")
    t0 = time.process_time()
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    t_load = time.process_time() - t0

    rank = {s["id"]: s.get("rank", 2) for s in data["sources"]}

    def interval(fact):
        v = Decimal(fact["value"])
        d = fact["decimals"]
        q = fact.get("qualifier", "exact")
        if d == "INF":
            h = Decimal(0)
        else:
            h = Decimal(5).scaleb(-d - 1)
        if q == "exact":
            return v, v - h, v + h
        if q == "approximately":
            return v, v - 2 * h, v + 2 * h
        if q == "at_least":
            return v, v - h, INF
        if q == "at_most":
            return v, -INF, v + h
        upper = Decimal(fact["upper"])
        return (v + upper) / 2, v - h, upper + h

    def preference(item):
        index, fact = item
        d = fact["decimals"]
        return (fact.get("qualifier", "exact") != "exact", -(10**6 if d == "INF" else d),
                min(rank[c["source"]] for c in fact["sources"]), -len(fact["sources"]), index)

    def parse_date(s):
        return datetime.date(int(s[0:4]), int(s[5:7]), int(s[8:10]))

    def year_before(d):
        try:
            return d.replace(year=d.year - 1)
        except ValueError:  # 29 February
            return d.replace(year=d.year - 1, day=28)

    def months_of(start, end):
        after = end + datetime.timedelta(days=1)
        return (after.year - start.year) * 12 + after.month - start.month + round((after.day - start.day) / 30.4)

    def divide(a, b):
        """(status, value, lo, hi) of a / b for (value, lo, hi) triples."""
        if b[0] == 0:
            return "zero_denominator", None, None, None
        if b[1] <= 0 <= b[2]:
            return "denominator_straddles_zero", None, None, None
        qs = []
        for x in (a[1], a[2]):
            for y in (b[1], b[2]):
                if x.is_infinite() and y.is_infinite():
                    qs.append(INF if (x > 0) == (y > 0) else -INF)
                else:
                    qs.append(x / y)
        return "ok", a[0] / b[0], min(qs), max(qs)

    def per_revenue(num, rev):
        if num is None or rev is None:
            return "missing_input", None, None, None
        if rev[0] < 0:
            return "negative_base", None, None, None
        return divide(num, rev)

    n = ok = 0
    total = 0.0
    with localcontext() as ctx:
        ctx.prec = 28
        for company in data["companies"]:
            periods = {}
            for p in company.get("periods") or ():
                if "instant" in p:
                    periods[p["id"]] = (None, parse_date(p["instant"]), 0)
                else:
                    s, e = parse_date(p["start"]), parse_date(p["end"])
                    periods[p["id"]] = (s, e, months_of(s, e))
            reports = {}
            for i, fact in enumerate(company.get("facts") or ()):
                if fact.get("segment") is None:
                    reports.setdefault((fact["period"], fact["concept"]), []).append((i, fact))
            preferred = {k: interval(min(v, key=preference)[1]) for k, v in reports.items()}
            by_end = {}
            for pid, (s, e, m) in periods.items():
                if s is not None:
                    by_end.setdefault(e, []).append(pid)

            def get(pid, concept):
                return preferred.get((pid, concept))

            for pid, (s, e, m) in periods.items():
                if s is None:
                    continue
                rev = get(pid, "revenue")
                # Growth: the same months ending a year earlier, preferring
                # a period that reports revenue.
                prior = None
                for q in by_end.get(year_before(e), ()):
                    if periods[q][2] == m and (prior is None or (get(prior, "revenue") is None
                                                                and get(q, "revenue") is not None)):
                        prior = q
                prev = get(prior, "revenue") if prior is not None else None
                if rev is None or prev is None:
                    g = ("missing_input", None, None, None)
                elif prev[0] < 0:
                    g = ("negative_base", None, None, None)
                else:
                    st, v, lo, hi = divide(rev, prev)
                    g = (st, v - 1, lo - 1, hi - 1) if st == "ok" else (st, None, None, None)
                gp = get(pid, "gross_profit")
                if gp is not None:
                    gm = per_revenue(gp, rev)
                else:
                    cost = get(pid, "cost_of_sales")
                    st, v, lo, hi = per_revenue(cost, rev)
                    gm = (st, 1 - v, 1 - hi, 1 - lo) if st == "ok" else (st, None, None, None)
                nm = per_revenue(get(pid, "net_income"), rev)
                am = per_revenue(get(pid, "adjusted_net_income"), rev)
                for st, v, lo, hi in (g, gm, nm, am):
                    n += 1
                    if st == "ok":
                        ok += 1
                        total += float(v)
    print(f"python_load_s {t_load:.6f}")
    report(t0, n, ok, total)


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("package", "pure"):
        print("usage: py_bench.py package|pure FILE", file=sys.stderr)
        return 2
    if sys.argv[1] == "package":
        run_package(sys.argv[2])
    else:
        run_pure(sys.argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main())
