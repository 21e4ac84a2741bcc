"""Ratios with intervals, on the company and on values."""

from __future__ import annotations

import unittest
from decimal import Decimal

import ipofacts
from ipofacts import ratios

# FY2024 revenue 3052.3 萬 (30523000, decimals -3) over FY2023 346 萬
# (3460000, decimals -4):
#   value = 30523000 / 3460000 - 1            = 7.821676...
#   lo    = 30522500 / 3465000 - 1            = 7.808802...
#   hi    = 30523500 / 3455000 - 1            = 7.834588...
GROWTH = 30523000 / 3460000 - 1
GROWTH_LO = 30522500 / 3465000 - 1
GROWTH_HI = 30523500 / 3455000 - 1


class CompanyRatioTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dataset = ipofacts.Dataset.builtin()
        cls.minimax = cls.dataset["minimax"]

    def test_revenue_growth_fy2024(self):
        growth = self.minimax.ratio("growth", "FY2024")
        self.assertEqual(growth.status, "ok")
        self.assertTrue(growth.ok)
        self.assertEqual(growth.kind, "growth")
        self.assertEqual(growth.unit, "pure")
        self.assertEqual(growth.label, "FY2024")
        self.assertEqual(growth.concept, "revenue")
        self.assertLessEqual(growth.lo, growth.value)
        self.assertLessEqual(growth.value, growth.hi)
        self.assertIn(7.8217, growth.interval)
        self.assertAlmostEqual(growth.value, GROWTH, places=9)
        self.assertAlmostEqual(growth.lo, GROWTH_LO, places=9)
        self.assertAlmostEqual(growth.hi, GROWTH_HI, places=9)
        self.assertLessEqual(growth.lo, GROWTH_LO)
        self.assertGreaterEqual(growth.hi, GROWTH_HI)
        self.assertTrue(growth.result.derived)
        self.assertEqual(growth.period, self.minimax.period("FY2024"))
        self.assertEqual(growth.company, self.minimax)
        self.assertEqual(growth.reported_concept, "revenue_growth")
        values = sorted(i.fact.value for i in growth.inputs if i.fact is not None)
        self.assertEqual(values, [Decimal("3460000"), Decimal("30523000")])
        self.assertTrue(growth.formula)
        self.assertIn("30523000", growth.arithmetic)
        explanation = growth.explain()
        self.assertIn("3052.3 萬美元", explanation)
        self.assertIn("FY2024", repr(growth))

    def test_net_margin_fy2024(self):
        # -465000000 / 30523000 = -15.2344...
        margin = self.minimax.ratio("net_margin", "FY2024")
        self.assertTrue(margin.ok)
        self.assertAlmostEqual(margin.value, -465000000 / 30523000, places=9)
        self.assertLessEqual(margin.lo, margin.value)
        self.assertLessEqual(margin.value, margin.hi)

    def test_refused_ratio_has_a_status(self):
        # A nine-month period against a twelve-month one is refused.
        refused = self.minimax.ratio("growth", "9M2025", base_period="FY2024")
        self.assertFalse(refused.ok)
        self.assertEqual(refused.status, "period_mismatch")
        self.assertIsNone(refused.value)
        self.assertIsNone(refused.lo)
        self.assertIsNone(refused.hi)
        self.assertIsNone(refused.interval)

    def test_bad_arguments(self):
        with self.assertRaises(ipofacts.NotFoundError):
            self.minimax.ratio("no_such_ratio", "FY2024")
        with self.assertRaises(ipofacts.NotFoundError):
            self.minimax.ratio("growth", "FY1999")
        with self.assertRaises(ipofacts.NotFoundError):
            self.minimax.ratio("monthly_burn", "FY2024", basis="no_such_basis")
        zhipu_period = self.dataset["zhipu"].periods[0]
        with self.assertRaises(ipofacts.InvalidArgumentError):
            self.minimax.ratio("growth", zhipu_period)

    def test_all_ratios(self):
        every = self.minimax.ratios()
        self.assertGreater(len(every), 5)
        growth = [r for r in every if r.kind == "growth" and r.label == "FY2024" and r.concept == "revenue"
                  and r.segment is None]
        self.assertEqual(len(growth), 1)
        self.assertAlmostEqual(growth[0].value, GROWTH, places=9)
        for r in every:
            self.assertIn(r.kind, ratios.KINDS)
            if r.ok and r.lo is not None and r.hi is not None:
                self.assertLessEqual(r.lo, r.value)
                self.assertLessEqual(r.value, r.hi)
        companies = {r.company.id for r in self.dataset.ratios()}
        self.assertEqual(companies, {c.id for c in self.dataset})

    def test_repr_shows_profile_and_ratios(self):
        shown = repr(self.minimax)
        self.assertIn("minimax", shown)
        self.assertIn("HKEX 00100", shown)
        self.assertIn("2026-01-09", shown)
        self.assertIn("growth", shown)
        # 782.17% within [780.88%, 783.46%]
        self.assertIn("782.17%", shown)
        self.assertIn("[780.88%, 783.46%]", shown)

    def test_kind_names(self):
        # The kinds of ratios.h, by their ABI numbers 1 to 19; later versions append.
        documented = ("growth", "cagr", "gross_margin", "net_margin", "adjusted_net_margin", "rd_intensity",
                      "segment_share", "top1_customer_share", "top5_customer_share", "monthly_burn", "runway",
                      "ttm", "first_day_return", "implied_shares", "market_cap", "price_to_sales",
                      "holding_value", "implied_rate", "gross_profit")
        self.assertEqual(ratios.KINDS[:len(documented)], documented)
        for number, name in enumerate(documented, start=1):
            self.assertEqual(ratios.kind_number(name), number)


class ValueRatioTest(unittest.TestCase):
    def test_gross_profit_and_margin(self):
        # FY2023: revenue 346 萬 (3460000, decimals -4) and cost of sales 4314000
        # give a gross loss of 854000 and a margin of 1 - 4314000 / 3460000.
        revenue = ratios.operand(Decimal("3460000"), "USD", decimals=-4)
        cost = ratios.operand(Decimal("4314000"), "USD", decimals=-3)
        profit = ratios.gross_profit(revenue, cost)
        self.assertTrue(profit.ok)
        self.assertEqual(profit.unit, "USD")
        self.assertAlmostEqual(profit.value, -854000)
        self.assertAlmostEqual(profit.lo, 3455000 - 4314500)
        self.assertAlmostEqual(profit.hi, 3465000 - 4313500)
        margin = ratios.gross_margin(revenue, cost)
        self.assertAlmostEqual(margin.value, 1 - 4314000 / 3460000, places=12)

    def test_growth_on_values(self):
        current = ratios.operand(Decimal("30523000"), "USD", decimals=-3)
        prior = ratios.operand(Decimal("3460000"), "USD", decimals=-4)
        self.assertTrue(current.reported)
        self.assertEqual((current.lo, current.hi), (30522500.0, 30523500.0))
        growth = ratios.growth(current, prior)
        self.assertTrue(growth.ok)
        self.assertAlmostEqual(growth.value, GROWTH, places=9)
        self.assertIn(7.8217, growth)
        self.assertTrue(growth.derived)

    def test_growth_from_facts(self):
        minimax = ipofacts.Dataset.builtin()["minimax"]
        growth = ratios.growth(minimax.fact("revenue", "FY2024"), minimax.fact("revenue", "FY2023"))
        self.assertAlmostEqual(growth.value, GROWTH, places=9)

    def test_refusals(self):
        loss = ratios.operand(Decimal("-269000000"), "USD", decimals=-6)
        current = ratios.operand(Decimal("-465000000"), "USD", decimals=-6)
        self.assertEqual(ratios.growth(current, loss).status, "negative_base")
        nine = ratios.operand(Decimal("53437000"), "USD", decimals=-3)
        twelve = ratios.operand(Decimal("30523000"), "USD", decimals=-3)
        self.assertEqual(ratios.growth(nine, twelve, 9, 12).status, "period_mismatch")
        self.assertEqual(ratios.growth(nine, None).status, "missing_input")
        hkd = ratios.operand(Decimal("100"), "HKD", decimals=0)
        self.assertEqual(ratios.growth(twelve, hkd).status, "currency_mismatch")
        profit = ratios.operand(Decimal("1000"), "USD", decimals=0)
        self.assertEqual(ratios.monthly_burn(profit, 12).status, "not_burning")

    def test_burn_and_runway(self):
        # A loss of 465000000 over 12 months burns 38750000 a month (a proxy);
        # 1 billion of cash lasts 25.8 months on it.
        loss = ratios.operand(Decimal("-465000000"), "USD", decimals=-6)
        burn = ratios.monthly_burn(loss, 12)
        self.assertTrue(burn.ok)
        self.assertTrue(burn.proxy)
        self.assertEqual(burn.unit, "USD/month")
        self.assertAlmostEqual(burn.value, 465000000 / 12)
        cash = ratios.operand(Decimal("1000000000"), "USD", decimals=-8)
        runway = ratios.runway(cash, burn)
        self.assertEqual(runway.unit, "months")
        self.assertAlmostEqual(runway.value, 1000000000 / (465000000 / 12))
        self.assertLessEqual(runway.lo, runway.value)
        self.assertLessEqual(runway.value, runway.hi)

    def test_operand_errors(self):
        with self.assertRaises(ipofacts.UnitError):
            ratios.operand(Decimal("1"), "bananas")
        with self.assertRaises(ipofacts.InvalidArgumentError):
            ratios.operand_from_interval(5.0, 6.0, 7.0, "USD")
        with self.assertRaises(TypeError):
            ratios.growth(1.5, 2.5)  # type: ignore[arg-type]

    def test_interval_overlap(self):
        self.assertTrue(ratios.intervals_overlap(ipofacts.Interval(1.0, 2.0), ipofacts.Interval(2.0, 3.0)))
        self.assertFalse(ratios.intervals_overlap(ipofacts.Interval(1.0, 2.0), ipofacts.Interval(2.5, 3.0)))
        self.assertTrue(ratios.intervals_overlap(ipofacts.Interval(None, 2.0), ipofacts.Interval(-5.0, None)))


if __name__ == "__main__":
    unittest.main()
