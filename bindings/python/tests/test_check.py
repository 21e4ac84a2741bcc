"""The consistency check through Python."""

from __future__ import annotations

import gc
import unittest
from decimal import Decimal

import ipofacts
from ipofacts import check


class CheckTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dataset = ipofacts.Dataset.builtin()
        cls.findings = cls.dataset.check()

    def test_returns_findings(self):
        self.assertGreater(len(self.findings), 0)
        for finding in self.findings:
            self.assertIsInstance(finding, ipofacts.Finding)
            self.assertIn(finding.kind, check.KINDS)
            self.assertIn(finding.severity, check.SEVERITIES)
            self.assertTrue(finding.message)
            self.assertTrue(finding.concept)
            self.assertGreaterEqual(len(finding.facts), 1)
            self.assertIn(finding.company.id, ("minimax", "zhipu"))
            self.assertIn(finding.kind, str(finding))

    def test_kind_names(self):
        documented = ("report_conflict", "ratio_mismatch", "ratio_truncated", "share_mismatch",
                      "holding_value_mismatch", "runway_claim", "amount_mismatch", "part_exceeds_whole",
                      "conversion_mismatch")
        self.assertEqual(check.KINDS[:len(documented)], documented)

    def test_revenue_fy2023_reports_conflict(self):
        # 346 萬 stands for [3455000, 3465000] and 350 萬 for [3495000, 3505000]:
        # they cannot both hold, since 3465000 < 3495000.
        conflicts = [f for f in self.findings if f.kind == "report_conflict" and f.concept == "revenue"
                     and f.period.id == "FY2023" and f.company.id == "minimax"]
        self.assertEqual(len(conflicts), 1)
        finding = conflicts[0]
        self.assertEqual(finding.severity, "inconsistent")
        self.assertIsNone(finding.segment)
        self.assertEqual(sorted(f.value for f in finding.facts), [Decimal("3460000"), Decimal("3500000")])
        self.assertEqual(finding.computations, [])
        self.assertIn("3465000 < 3495000", finding.message)
        self.assertIn("346 萬美元", finding.message)

    def test_company_check_is_the_dataset_check_of_that_company(self):
        minimax = self.dataset["minimax"]
        own = [(f.kind, f.concept, f.segment, f.period.id, f.message) for f in minimax.check()]
        from_all = [(f.kind, f.concept, f.segment, f.period.id, f.message) for f in self.findings
                    if f.company.id == "minimax"]
        self.assertEqual(own, from_all)

    def test_computations_explain_themselves(self):
        compared = [f for f in self.findings if f.computations]
        for finding in compared:
            for ratio in finding.computations:
                self.assertTrue(ratio.explain())

    def test_findings_keep_the_dataset_alive(self):
        dataset = ipofacts.Dataset.builtin()
        c_dataset = dataset._handle._finalizer
        findings = dataset.check()
        messages = [f.message for f in findings]
        dataset.close()
        del dataset
        gc.collect()
        self.assertTrue(c_dataset.alive)
        self.assertEqual([f.message for f in findings], messages)
        self.assertTrue(all(fact.value is not None for f in findings for fact in f.facts))
        del findings
        gc.collect()
        self.assertFalse(c_dataset.alive)


if __name__ == "__main__":
    unittest.main()
