"""Ratios as plain values (Dataset.ratio_values, Company.ratio_values), against the derivations."""

from __future__ import annotations

import ctypes
import unittest

import ipofacts
from ipofacts import _native
from ipofacts._lib import lib

# FY2024 revenue 30523000 (decimals -3) over FY2023 3460000 (decimals -4).
GROWTH = 30523000 / 3460000 - 1
GROWTH_LO = 30522500 / 3465000 - 1
GROWTH_HI = 30523500 / 3455000 - 1


def fields(result):
    return (result.value, result.lo, result.hi, result.status, result.basis, result.unit)


class RatioValuesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dataset = ipofacts.Dataset.builtin()
        cls.minimax = cls.dataset["minimax"]

    def test_row_layout(self):
        self.assertEqual(lib.ipofacts_ratio_row_size(), ctypes.sizeof(_native.CRatioRow))

    def test_every_ratio_matches_the_derivations(self):
        derived = self.dataset.ratios()
        rows = self.dataset.ratio_values()
        self.assertEqual(len(rows), len(derived))
        self.assertGreater(len(rows), 20)
        for ratio, row in zip(derived, rows):
            self.assertEqual(row.company, ratio.company.id)
            self.assertEqual(row.kind, ratio.kind)
            self.assertEqual(fields(row), fields(ratio.result))
        self.assertTrue(any(row.status == "ok" for row in rows))
        self.assertTrue(any(row.status != "ok" for row in rows))

    def test_company_rows_are_its_slice(self):
        rows = self.dataset.ratio_values(["growth", "net_margin"])
        mine = self.minimax.ratio_values(("growth", "net_margin"))
        self.assertEqual(mine, [row for row in rows if row.company == "minimax"])
        self.assertTrue(all(row.kind in ("growth", "net_margin") for row in rows))

    def test_minimax_fy2024(self):
        rows = {(r.kind, r.concept, r.segment): r for r in self.minimax.ratio_values(["growth", "gross_margin"])
                if r.period == "FY2024"}
        growth = rows[("growth", "revenue", None)]
        self.assertEqual(growth.status, "ok")
        self.assertEqual(growth.unit, "pure")
        self.assertEqual(growth.basis, "reported_prior")
        self.assertAlmostEqual(growth.value, GROWTH, places=9)
        self.assertAlmostEqual(growth.value, 7.8217, places=4)
        self.assertAlmostEqual(growth.lo, GROWTH_LO, places=9)
        self.assertAlmostEqual(growth.lo, 7.8088, places=4)
        self.assertAlmostEqual(growth.hi, GROWTH_HI, places=9)
        self.assertAlmostEqual(growth.hi, 7.8346, places=4)
        margin = rows[("gross_margin", None, None)]
        self.assertEqual(margin.status, "ok")
        self.assertEqual(margin.basis, "revenue_less_cost")
        self.assertAlmostEqual(margin.value, 0.1225, places=4)
        self.assertLessEqual(margin.lo, margin.value)
        self.assertLessEqual(margin.value, margin.hi)
        # A loss as a growth base: kept, with its status and no numbers.
        loss = rows[("growth", "net_income", None)]
        self.assertEqual(loss.status, "negative_base")
        self.assertIsNone(loss.value)
        self.assertIsNone(loss.lo)

    def test_one_kind_by_name(self):
        rows = self.minimax.ratio_values("gross_margin")
        self.assertEqual([r.period for r in rows], ["FY2023", "FY2024", "9M2025"])

    def test_units_past_eight_bytes(self):
        rows = self.dataset.ratio_values(["monthly_burn", "gross_margin"])
        units = {row.unit for row in rows if row.status == "ok"}
        self.assertIn("pure", units)
        self.assertTrue(any(u.endswith("/month") and len(u) > 7 for u in units), units)
        derived = [r for r in self.dataset.ratios() if r.kind in ("monthly_burn", "gross_margin")]
        self.assertEqual([row.unit for row in rows], [r.unit for r in derived])
        self.assertEqual([row.value for row in rows], [r.value for r in derived])

    def test_unknown_kind(self):
        with self.assertRaises(ipofacts.NotFoundError):
            self.dataset.ratio_values(["growth", "no_such_kind"])

    def test_company_ratio_errors_still_name_the_call(self):
        with self.assertRaises(ipofacts.InvalidArgumentError) as caught:
            self.minimax.ratio("segment_share", "FY2024")
        self.assertIn("minimax", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
