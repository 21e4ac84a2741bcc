"""Exact decimals, dates, periods, intervals, units and concepts."""

from __future__ import annotations

import datetime
import unittest
from decimal import Decimal

import ipofacts
from ipofacts import _native
from ipofacts._values import decimal_from_c, decimal_to_c


def c_decimal(coefficient: int, exponent: int) -> _native.CDecimal:
    value = _native.CDecimal()
    value.coefficient = coefficient
    value.exponent = exponent
    return value


class DecimalTest(unittest.TestCase):
    def test_from_c_is_exact(self):
        # 3052.3 萬 is coefficient 30523, exponent 3: 30523000 exactly.
        self.assertEqual(decimal_from_c(c_decimal(30523, 3)), Decimal("30523000"))
        self.assertEqual(str(decimal_from_c(c_decimal(30523, 3))), "30523000")
        # The representation is kept: 1.220 stays 1.220.
        self.assertEqual(str(decimal_from_c(c_decimal(1220, -3))), "1.220")
        self.assertEqual(decimal_from_c(c_decimal(-465, 6)), Decimal("-465000000"))
        self.assertEqual(str(decimal_from_c(c_decimal(-125, -3))), "-0.125")
        big = 999999999999999999
        self.assertEqual(decimal_from_c(c_decimal(big, -40)), Decimal(big).scaleb(-40))

    def test_to_c(self):
        value = decimal_to_c(Decimal("1.220"))
        self.assertEqual((value.coefficient, value.exponent), (1220, -3))
        value = decimal_to_c(-465000000)
        self.assertEqual((value.coefficient, value.exponent), (-465000000, 0))
        # Strings go through ipofacts_decimal_parse(): 3.46e6 is 346 x 10^4.
        value = decimal_to_c("3.46e6")
        self.assertEqual((value.coefficient, value.exponent), (346, 4))
        # Trailing zeros are dropped only when needed to fit 18 digits.
        value = decimal_to_c(Decimal("1.0000000000000000000"))
        self.assertEqual(decimal_from_c(value), Decimal(1))

    def test_round_trip(self):
        for text in ("30523000", "-0.247", "7.822", "0.00001", "-999999999999999999"):
            self.assertEqual(str(decimal_from_c(decimal_to_c(Decimal(text)))), text)

    def test_refused(self):
        with self.assertRaises(TypeError):
            decimal_to_c(1.5)  # type: ignore[arg-type]
        with self.assertRaises(ipofacts.InvalidArgumentError):
            decimal_to_c(Decimal("NaN"))
        with self.assertRaises(ipofacts.DecimalOverflowError) as caught:
            decimal_to_c(Decimal("1234567890123456789"))
        self.assertIsInstance(caught.exception, OverflowError)
        with self.assertRaises(ipofacts.DecimalOverflowError):
            decimal_to_c(Decimal("1E+50"))
        with self.assertRaises(ipofacts.DecimalOverflowError):
            decimal_to_c("1234567890123456789")
        with self.assertRaises(ipofacts.InputSyntaxError):
            decimal_to_c("12 萬")

    def test_stated_decimals(self):
        # "3052.3" x 10^4 states decimals -3; "800" x 10^8 states -8.
        self.assertEqual(ipofacts.stated_decimals(Decimal("3052.3E4")), -3)
        self.assertEqual(ipofacts.stated_decimals(Decimal("800E8")), -8)
        self.assertEqual(ipofacts.stated_decimals(Decimal("0.233")), 3)


class DateTest(unittest.TestCase):
    def test_parse_and_print(self):
        self.assertEqual(ipofacts.Date.parse("2021-12"), ipofacts.Date(2021, 12))
        self.assertEqual(ipofacts.Date.parse("2021-12").precision, "month")
        self.assertEqual(ipofacts.Date.parse("2022").precision, "year")
        day = ipofacts.Date.parse("2026-01-09")
        self.assertEqual(day.precision, "day")
        self.assertEqual(str(day), "2026-01-09")
        self.assertEqual(day.to_date(), datetime.date(2026, 1, 9))
        self.assertIsNone(ipofacts.Date(2021, 12).to_date())
        self.assertEqual(str(ipofacts.Date(2021, 12)), "2021-12")
        self.assertLess(ipofacts.Date(2021, 12), ipofacts.Date(2026, 1, 9))

    def test_bad_dates(self):
        with self.assertRaises(ipofacts.DateError):
            ipofacts.Date.parse("2025-02-29")
        with self.assertRaises(ipofacts.DateError):
            ipofacts.Date.parse("2025-13")
        with self.assertRaises(ipofacts.InputSyntaxError):
            ipofacts.Date.parse("9 January 2026")

    def test_months_between(self):
        self.assertEqual(ipofacts.months_between("2025-01-01", "2025-09-30"), 9)
        self.assertEqual(ipofacts.months_between(datetime.date(2024, 1, 1), ipofacts.Date(2024, 12, 31)), 12)
        with self.assertRaises(ipofacts.RangeError):
            ipofacts.months_between("2025-01-01", "2025-09-15")
        with self.assertRaises(ipofacts.DateError):
            ipofacts.months_between("2025-09-30", "2025-01-01")
        with self.assertRaises(ipofacts.InvalidArgumentError):
            ipofacts.months_between("2025-01", "2025-09-30")

    def test_period_labels(self):
        self.assertEqual(ipofacts.parse_period_label("9M2025"),
                         (ipofacts.Date(2025, 1, 1), ipofacts.Date(2025, 9, 30)))
        self.assertEqual(ipofacts.parse_period_label("FY2024"),
                         (ipofacts.Date(2024, 1, 1), ipofacts.Date(2024, 12, 31)))
        self.assertEqual(ipofacts.parse_period_label("2025-09-30"), (None, ipofacts.Date(2025, 9, 30)))
        self.assertEqual(ipofacts.period_label("2025-01-01", "2025-09-30"), "9M2025")
        self.assertEqual(ipofacts.period_label("2024-01-01", "2024-12-31"), "FY2024")
        self.assertEqual(ipofacts.period_label(None, "2025-09-30"), "2025-09-30")
        with self.assertRaises(ipofacts.InputSyntaxError):
            ipofacts.parse_period_label("sometime in 2025")


class IntervalTest(unittest.TestCase):
    def test_reported_interval(self):
        # "3052.3 萬" (30523000, decimals -3) stands for [30522500, 30523500].
        exact = ipofacts.reported_interval(Decimal("30523000"), -3)
        self.assertEqual((exact.lo, exact.hi), (30522500.0, 30523500.0))
        self.assertIn(30523000, exact)
        self.assertNotIn(30523501, exact)
        # "about" doubles the half-unit: [v - 2h, v + 2h].
        about = ipofacts.reported_interval(Decimal("30523000"), -3, "approximately")
        self.assertEqual((about.lo, about.hi), (30522000.0, 30524000.0))
        at_least = ipofacts.reported_interval(Decimal("1837"), 0, "at_least")
        self.assertEqual((at_least.lo, at_least.hi), (1836.5, None))
        self.assertIn(10**9, at_least)
        self.assertEqual(at_least.width, float("inf"))
        ranged = ipofacts.reported_interval(Decimal("400"), 0, "range", upper=Decimal("550"))
        self.assertEqual((ranged.lo, ranged.hi), (399.5, 550.5))
        known = ipofacts.reported_interval(Decimal("7.75"), None)
        self.assertEqual((known.lo, known.hi), (7.75, 7.75))
        self.assertEqual(str(exact), "[3.05225e+07, 3.05235e+07]")

    def test_bad_intervals(self):
        with self.assertRaises(ipofacts.InvalidArgumentError):
            ipofacts.reported_interval(Decimal("400"), 0, "range")
        with self.assertRaises(ipofacts.InvalidArgumentError):
            ipofacts.reported_interval(Decimal("400"), 0, "range", upper=Decimal("300"))
        with self.assertRaises(ipofacts.NotFoundError):
            ipofacts.reported_interval(Decimal("400"), 0, "roughly")


class UnitAndConceptTest(unittest.TestCase):
    def test_unit_kinds(self):
        expected = {
            "USD": "currency", "pure": "pure", "shares": "count", "users": "count",
            "multiple": "multiple", "months": "duration", "HKD/share": "per_share",
            "CNY/USD": "rate", "bananas": "invalid", "usd": "invalid",
        }
        for unit, kind in expected.items():
            self.assertEqual(ipofacts.unit_kind(unit), kind, unit)

    def test_unit_currency(self):
        self.assertEqual(ipofacts.unit_currency("USD"), "USD")
        self.assertEqual(ipofacts.unit_currency("HKD/share"), "HKD")
        self.assertEqual(ipofacts.unit_currency("CNY/USD"), "CNY")
        with self.assertRaises(ipofacts.UnitError):
            ipofacts.unit_currency("pure")

    def test_concepts(self):
        ids = ipofacts.concept_ids()
        self.assertEqual(len(ids), 50)
        self.assertEqual(ids[0], "revenue")
        self.assertEqual(ids[5], "net_income")
        self.assertEqual(ipofacts.concept_label("revenue"), "Revenue")
        self.assertIsNone(ipofacts.concept_label("no_such_concept"))


if __name__ == "__main__":
    unittest.main()
