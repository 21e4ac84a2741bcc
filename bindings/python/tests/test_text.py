"""Amounts read from Chinese and English text, the scanner and display width."""

from __future__ import annotations

import unittest
from decimal import Decimal

import ipofacts


class ParseAmountTest(unittest.TestCase):
    def test_yi_dollars(self):
        # 2.44 億美元 = 2.44 x 10^8 USD = 244000000, stated to the million.
        amount = ipofacts.parse_amount("2.44 億美元")
        self.assertEqual(amount.value, Decimal("244000000"))
        self.assertIsInstance(amount.value, Decimal)
        self.assertEqual(amount.unit, "USD")
        self.assertEqual(amount.decimals, -6)
        self.assertEqual(amount.qualifier, "exact")
        self.assertIsNone(amount.upper)
        self.assertEqual(amount.literal, "2.44 億美元")
        self.assertEqual((amount.start, amount.end), (0, 8))
        self.assertEqual((amount.byte_start, amount.byte_end), (0, len("2.44 億美元".encode())))
        self.assertEqual(str(amount), "244000000 USD")

    def test_wan_dollars_and_interval(self):
        # 3052.3 萬美元 = 30523000, decimals -3: [30522500, 30523500].
        amount = ipofacts.parse_amount("營收 3052.3 萬美元")
        self.assertEqual(amount.value, Decimal("30523000"))
        self.assertEqual(amount.decimals, -3)
        self.assertEqual(amount.interval, ipofacts.Interval(30522500.0, 30523500.0))
        text = "營收 3052.3 萬美元"
        self.assertEqual(text[amount.start:amount.end], amount.literal)

    def test_percentage(self):
        # 782.2% is the fraction 7.822, stated to 0.1 point: decimals 3.
        amount = ipofacts.parse_amount("同比增幅為 782.2%")
        self.assertEqual(amount.value, Decimal("7.822"))
        self.assertEqual(amount.unit, "pure")
        self.assertEqual(amount.decimals, 3)
        self.assertTrue(amount.percent)

    def test_rank(self):
        # "位列全球第五": fifth place, a rank, not a count; "全球前三": top three, at most 3.
        fifth = ipofacts.parse_amount("位列全球第五")
        self.assertEqual((fifth.value, fifth.unit, fifth.qualifier, fifth.rank), (Decimal("5"), "rank", "exact", True))
        top = ipofacts.parse_amount("视频模型位列全球前三")
        self.assertEqual((top.value, top.unit, top.qualifier), (Decimal("3"), "rank", "at_most"))
        # "前三季度" is a period (the first three quarters), never a rank.
        figure = ipofacts.parse_amount("2025年前三季度营收5343.7萬美元")
        self.assertEqual((figure.value, figure.unit, figure.rank), (Decimal("53437000"), "USD", False))

    def test_qualifier(self):
        amount = ipofacts.parse_amount("超过 15 亿美元")
        self.assertEqual(amount.qualifier, "at_least")
        self.assertEqual(amount.value, Decimal("1500000000"))
        self.assertIsNone(amount.interval.hi)

    def test_conversion_and_implied_rate(self):
        first, conversion = ipofacts.parse_amount_conversion("1.7亿美元（约合12亿元人民币）")
        self.assertEqual((first.value, first.unit, first.decimals), (Decimal("170000000"), "USD", -7))
        self.assertIsNotNone(conversion)
        assert conversion is not None
        self.assertEqual((conversion.value, conversion.unit, conversion.decimals),
                         (Decimal("1200000000"), "CNY", -8))
        self.assertEqual(first.converted_to, 1)
        self.assertEqual(conversion.conversion_of, 0)
        self.assertTrue(conversion.conversion)
        # The rate lies in [cny.lo / usd.hi, cny.hi / usd.lo], each amount
        # standing for its rounding interval: 3100万 states decimals -4
        # ([30995000, 31005000]) and 2.2亿 decimals -7 ([215e6, 225e6]).
        usd, cny = ipofacts.parse_amount_conversion("3100万美元（约合2.2亿元人民币）")
        assert cny is not None
        self.assertEqual((usd.value, usd.decimals), (Decimal("31000000"), -4))
        self.assertEqual((cny.value, cny.decimals), (Decimal("220000000"), -7))
        rate, unit = usd.implied_rate(cny)
        self.assertEqual(unit, "CNY/USD")
        self.assertAlmostEqual(rate.lo, 215e6 / 31005000, places=9)
        self.assertAlmostEqual(rate.hi, 225e6 / 30995000, places=9)
        self.assertLessEqual(rate.lo, 215e6 / 31005000)
        self.assertGreaterEqual(rate.hi, 225e6 / 30995000)
        self.assertIn(220e6 / 31e6, rate)
        with self.assertRaises(ipofacts.UnitError):
            usd.implied_rate(usd)

    def test_no_conversion(self):
        first, conversion = ipofacts.parse_amount_conversion("2.44 億美元")
        self.assertEqual(first.value, Decimal("244000000"))
        self.assertIsNone(conversion)

    def test_bytes_in(self):
        amount = ipofacts.parse_amount("2.44 億美元".encode("utf-8"))
        self.assertEqual(amount.value, Decimal("244000000"))

    def test_errors(self):
        with self.assertRaises(ipofacts.NoAmountError) as caught:
            ipofacts.parse_amount("2023 年")
        self.assertIsInstance(caught.exception, ValueError)
        with self.assertRaises(ipofacts.Utf8Error) as caught:
            ipofacts.parse_amount(b"12 \xff USD")
        self.assertEqual(caught.exception.offset, 3)
        with self.assertRaises(ipofacts.TooLargeError):
            ipofacts.parse_amount(" " * ((1 << 20) + 1))
        with self.assertRaises(ipofacts.DecimalOverflowError):
            ipofacts.parse_amount("1234567890123456789 美元")
        with self.assertRaises(TypeError):
            ipofacts.parse_amount(12)  # type: ignore[arg-type]


class ScanTest(unittest.TestCase):
    TEXT = "2024 年營收 3052.3 萬美元，淨虧損 4.65 億美元。"

    def test_scan(self):
        amounts = ipofacts.scan(self.TEXT)
        self.assertEqual([a.value for a in amounts], [Decimal("30523000"), Decimal("465000000")])
        self.assertEqual([a.literal for a in amounts], ["3052.3 萬美元", "4.65 億美元"])
        for amount in amounts:
            self.assertEqual(self.TEXT[amount.start:amount.end], amount.literal)
            self.assertIsNotNone(amount.context)
            self.assertIn(amount.literal, amount.context)

    def test_scan_links_conversions(self):
        amounts = ipofacts.scan("募资1.7亿美元（约合12亿元人民币），其中")
        self.assertEqual(len(amounts), 2)
        self.assertEqual(amounts[0].converted_to, 1)
        self.assertEqual(amounts[1].conversion_of, 0)

    def test_scan_nothing(self):
        self.assertEqual(ipofacts.scan("沒有數字"), [])

    def test_scan_bad_utf8(self):
        with self.assertRaises(ipofacts.Utf8Error):
            ipofacts.scan(b"ok \xc3")


class WidthTest(unittest.TestCase):
    def test_width(self):
        self.assertEqual(ipofacts.text_width("稀宇科技"), 8)
        self.assertEqual(ipofacts.text_width("MiniMax 稀宇"), 12)
        self.assertEqual(ipofacts.truncate_to_width("稀宇科技", 5), "稀宇")
        self.assertEqual(ipofacts.truncate_to_width("MiniMax", 20), "MiniMax")
        with self.assertRaises(ipofacts.Utf8Error):
            ipofacts.text_width(b"\xff")
        with self.assertRaises(ValueError):
            ipofacts.truncate_to_width("abc", -1)


if __name__ == "__main__":
    unittest.main()
