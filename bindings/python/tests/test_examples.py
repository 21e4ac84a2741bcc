"""The examples of examples/python/ and the README's example run and print what they should."""

from __future__ import annotations

import csv
import io
import re
import unittest
from decimal import Decimal

import ipofacts

from _support import EXAMPLES, README, run_python


def readme_example() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- example:start -->\s*```python\n(.*?)```\s*<!-- example:end -->", text, re.S)
    if match is None:
        raise AssertionError("bindings/python/README.md has no example between its markers")
    return match.group(1)


class ExamplesTest(unittest.TestCase):
    def test_report(self):
        result = run_python([str(EXAMPLES / "report.py")])
        self.assertEqual(result.returncode, 0, result.stderr)
        out = result.stdout
        self.assertIn("MiniMax / 稀宇科技 (minimax)", out)
        self.assertIn("HKEX 00100 on 2026-01-09", out)
        self.assertRegex(out, r"FY2024\s+30523000 USD\s+\(decimals -3\)\s+\"3052.3 萬美元\"")
        self.assertRegex(out, r"FY2024\s+revenue growth \(reported_prior\)\s+782\.17%\s+\[780\.88%, 783\.46%\]")
        self.assertRegex(out, r"FY2024\s+net_margin\s+-1523\.44%")
        self.assertIn("How the latest revenue growth was computed:", out)

    def test_report_by_ticker_and_bad_company(self):
        result = run_python([str(EXAMPLES / "report.py"), "00100"])
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("(minimax)", result.stdout)
        result = run_python([str(EXAMPLES / "report.py"), "no such company"])
        self.assertEqual(result.returncode, 2)
        self.assertIn("report: company 'no such company'", result.stderr)

    def test_to_records(self):
        result = run_python([str(EXAMPLES / "to_records.py")])
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        self.assertEqual(tuple(rows[0]), ipofacts.RECORD_FIELDS)
        self.assertEqual(len(rows), ipofacts.Dataset.builtin().fact_count)
        revenue = [r for r in rows if r["company"] == "minimax" and r["concept"] == "revenue"
                   and r["period"] == "FY2024" and r["value"] == "30523000"]
        self.assertEqual(len(revenue), 1)
        self.assertEqual(revenue[0]["decimals"], "-3")
        self.assertEqual(revenue[0]["quote"], "3052.3 萬美元")
        self.assertEqual(revenue[0]["segment"], "")
        result = run_python([str(EXAMPLES / "to_records.py"), "--company", "zhipu"])
        self.assertEqual(result.returncode, 0, result.stderr)
        companies = {r["company"] for r in csv.DictReader(io.StringIO(result.stdout))}
        self.assertEqual(companies, {"zhipu"})
        # Every value prints exactly.
        for row in rows:
            Decimal(row["value"])

    def test_readme_example(self):
        code = readme_example()
        expected = [line.split("# -> ", 1)[1].strip() for line in code.splitlines() if "# -> " in line]
        self.assertGreaterEqual(len(expected), 3)
        result = run_python(["-c", code])
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = [line.strip() for line in result.stdout.splitlines()]
        for line in expected:
            self.assertIn(line, lines)
        self.assertIn("growth", result.stdout)
        self.assertIn("HKEX 00100", result.stdout)


if __name__ == "__main__":
    unittest.main()
