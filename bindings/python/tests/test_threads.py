"""Several threads read one dataset at once: the same answers as one thread."""

from __future__ import annotations

import threading
import unittest

import ipofacts

THREADS = 8
ROUNDS = 5


def digest(dataset: ipofacts.Dataset):
    """Everything a reader sees: every fact's figures and every ratio."""
    facts = [(f.company.id, f.concept, f.segment, f.period.id, str(f.value), f.decimals, f.unit, f.qualifier,
              tuple(f.quotes), f.interval.lo, f.interval.hi) for f in dataset.facts()]
    ratios = []
    for company in dataset:
        for r in company.ratios():
            result = r.result
            ratios.append((company.id, r.kind, r.label, r.segment, result.status, result.value,
                           result.lo, result.hi))
        growth = company.ratio("growth", "FY2024") if company.find_period("FY2024") else None
        if growth is not None:
            ratios.append((company.id, "growth-FY2024", growth.status, growth.value, growth.lo, growth.hi))
    return facts, ratios


class ThreadTest(unittest.TestCase):
    def test_eight_readers(self):
        dataset = ipofacts.Dataset.builtin()
        expected = digest(dataset)
        self.assertGreater(len(expected[0]), 100)
        self.assertGreater(len(expected[1]), 10)
        results = []
        errors = []
        start = threading.Barrier(THREADS)

        def reader():
            try:
                start.wait()
                for _ in range(ROUNDS):
                    results.append(digest(dataset))
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=reader) for _ in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=240)
        self.assertFalse(any(t.is_alive() for t in threads), "a reader did not finish")
        self.assertEqual(errors, [])
        self.assertEqual(len(results), THREADS * ROUNDS)
        for result in results:
            self.assertEqual(result, expected)


if __name__ == "__main__":
    unittest.main()
