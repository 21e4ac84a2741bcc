"""The built-in dataset through the Python objects: the seed figures, lookups,
iteration, saving and loading, records."""

from __future__ import annotations

import csv
import io
import os
import tempfile
import unittest
from decimal import Decimal

import ipofacts


class BuiltinFiguresTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dataset = ipofacts.Dataset.builtin()
        cls.minimax = cls.dataset["minimax"]

    def test_revenue_fy2024(self):
        # 000_ef391d1195bdf984.txt: "3052.3 萬美元" for 2024, i.e. 30523000 USD
        # stated to the thousand (decimals -3).
        fact = self.minimax.fact("revenue", "FY2024")
        self.assertEqual(fact.value, Decimal("30523000"))
        self.assertIsInstance(fact.value, Decimal)
        self.assertEqual(fact.decimals, -3)
        self.assertEqual(fact.unit, "USD")
        self.assertEqual(fact.qualifier, "exact")
        self.assertIn("3052.3 萬美元", fact.quotes)
        # [30523000 - 500, 30523000 + 500]
        self.assertEqual((fact.interval.lo, fact.interval.hi), (30522500.0, 30523500.0))
        self.assertEqual(fact.concept, "revenue")
        self.assertEqual(fact.concept_label, "Revenue")
        self.assertIsNone(fact.segment)
        self.assertEqual(fact.period.id, "FY2024")
        self.assertEqual(fact.company, self.minimax)
        self.assertGreaterEqual(len(fact.sources), 1)
        for citation in fact.citations:
            self.assertIsInstance(citation.source, ipofacts.Source)

    def test_net_income_fy2024(self):
        # A loss of 4.65 億美元 is -465000000 (XBRL signs: negative for a loss).
        fact = self.minimax.fact("net_income", "FY2024")
        self.assertEqual(fact.value, Decimal("-465000000"))
        self.assertLess(fact.value, 0)

    def test_lookup_by_ticker_and_name(self):
        self.assertEqual(self.dataset["00100"], self.minimax)
        self.assertEqual(self.dataset["稀宇科技"], self.minimax)
        self.assertEqual(self.dataset["100"].id, "minimax")
        self.assertEqual(self.dataset["0100.HK"].id, "minimax")
        self.assertEqual(self.dataset["MINIMAX"].id, "minimax")
        self.assertIsNone(self.dataset.find("no such company"))
        self.assertIn("minimax", self.dataset)
        self.assertNotIn("no such company", self.dataset)
        self.assertIn(self.minimax, self.dataset)

    def test_profile(self):
        m = self.minimax
        self.assertEqual(m.id, "minimax")
        self.assertEqual(m.exchange, "HKEX")
        self.assertEqual(m.ticker, "00100")
        self.assertEqual(m.listed, ipofacts.Date(2026, 1, 9))
        self.assertEqual(m.currency, "USD")
        self.assertEqual(m.fiscal_year_end, 12)
        self.assertEqual(m.name("zh-Hans"), "稀宇科技")
        self.assertIn("en", m.names)
        self.assertEqual(str(m), m.name("en"))
        profile = m.profile()
        self.assertEqual(profile["ticker"], "00100")
        self.assertEqual(profile["listed"], "2026-01-09")
        self.assertIn("FY2024", profile["periods"])
        self.assertEqual(profile["fact_count"], len(m.facts))

    def test_iteration(self):
        companies = list(self.dataset)
        self.assertEqual(len(companies), len(self.dataset))
        self.assertGreaterEqual(len(companies), 2)
        self.assertEqual(companies, self.dataset.companies)
        self.assertIn("minimax", [c.id for c in companies])
        facts = list(self.dataset.facts())
        self.assertEqual(len(facts), self.dataset.fact_count)
        self.assertEqual(sum(len(c.facts) for c in companies), self.dataset.fact_count)
        for period in self.minimax.periods:
            for fact in period.facts:
                self.assertEqual(fact.period, period)
        sources = self.dataset.sources
        self.assertGreaterEqual(len(sources), 1)
        for source in sources:
            self.assertEqual(self.dataset.source(source.id), source)
            self.assertGreaterEqual(source.rank, 1)

    def test_periods(self):
        fy2024 = self.minimax.period("FY2024")
        self.assertFalse(fy2024.is_instant)
        self.assertEqual(fy2024.start, ipofacts.Date(2024, 1, 1))
        self.assertEqual(fy2024.end, ipofacts.Date(2024, 12, 31))
        self.assertEqual(fy2024.months, 12)
        self.assertEqual(fy2024.company, self.minimax)
        self.assertEqual(self.minimax.period_for_dates("2024-01-01", "2024-12-31"), fy2024)
        fact, why = fy2024.preferred("revenue")
        self.assertEqual(fact.value, Decimal("30523000"))
        # 3052.3 萬 (decimals -3) over 3050 萬 (decimals -4): precision decides.
        self.assertEqual(why, "precision")
        # 346 萬 (000, 002, 003) over 350 萬 (001), same precision and rank:
        # 003 (2026-01) is certainly later than 001 (2025-12).
        fact, why = self.minimax.period("FY2023").preferred("revenue")
        self.assertEqual((fact.value, why), (Decimal("3460000"), "source_date"))
        self.assertIsNone(fy2024.get("no_such_concept"))

    def test_members_people_events(self):
        for member in self.minimax.members:
            self.assertEqual(self.minimax.member(member.id), member)
            self.assertIn(member.kind, ("segment", "region", "shareholder", "investor", "round", "customer", "other"))
        for person in self.minimax.people:
            self.assertTrue(person.name())
        for event in self.minimax.events:
            self.assertTrue(event.kind)
            self.assertIsNotNone(event.date)


class SaveLoadTest(unittest.TestCase):
    def test_round_trip(self):
        dataset = ipofacts.Dataset.builtin()
        text = dataset.to_json()
        self.assertTrue(text.startswith("{"))
        self.assertIn('"format": "ipofacts-dataset/1"', text)
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "data.json")
            dataset.save(path)
            with open(path, encoding="utf-8") as f:
                self.assertEqual(f.read(), text)
            loaded = ipofacts.Dataset.load(path)
            self.assertEqual(loaded.to_json(), text)
            self.assertEqual(loaded["minimax"].fact("revenue", "FY2024").value, Decimal("30523000"))
        again = ipofacts.Dataset.from_json(text.encode("utf-8"))
        self.assertEqual(again.fact_count, dataset.fact_count)

    def test_save_to_a_missing_folder(self):
        dataset = ipofacts.Dataset.builtin()
        with self.assertRaises(ipofacts.FileAccessError) as caught:
            dataset.save("/nonexistent-folder/data.json")
        self.assertIsInstance(caught.exception, OSError)
        self.assertTrue(caught.exception.message)


class RecordsTest(unittest.TestCase):
    def test_records_are_plain(self):
        dataset = ipofacts.Dataset.builtin()
        records = dataset.to_records()
        self.assertEqual(len(records), dataset.fact_count)
        allowed = (str, int, Decimal, type(None))
        for record in records:
            self.assertIs(type(record), dict)
            self.assertEqual(tuple(record), ipofacts.RECORD_FIELDS)
            for key, value in record.items():
                self.assertIsInstance(value, allowed, f"{key}={value!r}")
                self.assertNotIsInstance(value, bool)
        revenue = [r for r in records if r["company"] == "minimax" and r["concept"] == "revenue"
                   and r["period"] == "FY2024" and r["segment"] is None]
        self.assertTrue(revenue)
        self.assertIn(Decimal("30523000"), [r["value"] for r in revenue])
        first = [r for r in revenue if r["value"] == Decimal("30523000")][0]
        self.assertEqual(first["period_start"], "2024-01-01")
        self.assertEqual(first["period_end"], "2024-12-31")
        self.assertEqual(first["unit"], "USD")
        self.assertEqual(first["decimals"], -3)

    def test_records_write_as_csv(self):
        records = ipofacts.Dataset.builtin().to_records()
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=ipofacts.RECORD_FIELDS)
        writer.writeheader()
        writer.writerows(records)
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        self.assertEqual(len(rows), len(records))
        self.assertIn("30523000", [row["value"] for row in rows])


if __name__ == "__main__":
    unittest.main()
