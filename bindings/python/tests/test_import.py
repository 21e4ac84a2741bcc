"""Importing SEC EDGAR companyfacts JSON."""

from __future__ import annotations

import json
import os
import tempfile
import unittest
from decimal import Decimal

import ipofacts


def companyfacts(revenue_2024=1500000):
    return {
        "cik": 1997711,
        "entityName": "Example Corp",
        "facts": {
            "us-gaap": {
                "Revenues": {
                    "label": "Revenues",
                    "description": "Revenue recognized.",
                    "units": {
                        "USD": [
                            {"start": "2023-01-01", "end": "2023-12-31", "val": 1000000,
                             "accn": "0001997711-24-000001", "fy": 2023, "fp": "FY", "form": "10-K",
                             "filed": "2024-02-15"},
                            {"start": "2024-01-01", "end": "2024-12-31", "val": revenue_2024,
                             "accn": "0001997711-25-000001", "fy": 2024, "fp": "FY", "form": "10-K",
                             "filed": "2025-02-15"},
                        ]
                    },
                }
            }
        },
    }


class ImportTest(unittest.TestCase):
    def test_import_buffer(self):
        raw = json.dumps(companyfacts(), indent=2).encode("utf-8")
        dataset, summary = ipofacts.import_sec_companyfacts(raw)
        self.assertEqual(len(dataset), 1)
        company = dataset.companies[0]
        self.assertEqual(company.identifier("cik"), "0001997711")
        self.assertEqual(company.name("en"), "Example Corp")
        self.assertEqual(company.currency, "USD")
        self.assertEqual(summary.records, 2)
        self.assertEqual(summary.records_imported, 2)
        self.assertEqual(summary.facts, 2)
        self.assertEqual(summary.sources, 2)
        self.assertEqual(summary.skipped_unmapped, 0)
        self.assertEqual(dataset.fact_count, 2)
        values = sorted(f.value for f in company.facts if f.concept == "revenue")
        self.assertEqual(values, [Decimal("1000000"), Decimal("1500000")])
        # Growth of 50%: both values are exact to the dollar.
        fy2024 = [p for p in company.periods if p.start == ipofacts.Date(2024, 1, 1)][0]
        growth = company.ratio("growth", fy2024)
        self.assertTrue(growth.ok)
        self.assertAlmostEqual(growth.value, 0.5, places=9)

    def test_import_file(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "CIK0001997711.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(companyfacts(), f)
            dataset = ipofacts.Dataset.from_sec_companyfacts(path)
        self.assertEqual(dataset.companies[0].identifier("cik"), "0001997711")

    def test_import_errors(self):
        with self.assertRaises(ipofacts.FileAccessError):
            ipofacts.import_sec_companyfacts("/nonexistent-folder/companyfacts.json")
        truncated = json.dumps(companyfacts(), indent=2).encode("utf-8")[:-40]
        with self.assertRaises(ipofacts.InputSyntaxError) as caught:
            ipofacts.import_sec_companyfacts(truncated)
        self.assertGreater(caught.exception.line, 1)
        bad = json.dumps(companyfacts(revenue_2024="1500000"), indent=2).encode("utf-8")
        with self.assertRaises(ipofacts.SchemaError) as caught:
            ipofacts.import_sec_companyfacts(bad)
        self.assertEqual(caught.exception.path, '$.facts["us-gaap"].Revenues.units.USD[1].val')
        self.assertEqual(caught.exception.offset, bad.index(b'"1500000"'))

    def test_mapping_table(self):
        rows = ipofacts.sec_mappings()
        self.assertGreater(len(rows), 5)
        revenue = [r for r in rows if r.concept == "revenue"]
        self.assertTrue(revenue)
        self.assertEqual(revenue[0].priority, 1)
        self.assertEqual(revenue[0].period_kind, "duration")
        self.assertEqual(revenue[0].unit_kind, "currency")
        self.assertIn(("us-gaap", "Revenues"), [(r.taxonomy, r.sec_concept) for r in revenue])
        cash = [r for r in rows if r.concept == "cash"]
        self.assertTrue(cash and cash[0].period_kind == "instant")


if __name__ == "__main__":
    unittest.main()
