"""Lifetimes: objects keep their dataset alive, the C dataset is freed exactly
once and only when nothing refers to it, and a closed dataset refuses use."""

from __future__ import annotations

import gc
import unittest
from decimal import Decimal

import ipofacts


def c_dataset_of(dataset: ipofacts.Dataset):
    """The finalizer of the dataset's C object: alive until ipofacts_dataset_free() has run.
    (Holding it does not keep the C dataset alive; holding the owner itself would.)"""
    return dataset._handle._finalizer


class LifetimeTest(unittest.TestCase):
    def test_company_outlives_its_dataset_object(self):
        dataset = ipofacts.Dataset.builtin()
        c_dataset = c_dataset_of(dataset)
        company = dataset["minimax"]
        del dataset
        gc.collect()
        self.assertTrue(c_dataset.alive, "the C dataset was freed while a company refers to it")
        # Use it: strings, facts, periods and the dataset it belongs to.
        self.assertEqual(company.fact("revenue", "FY2024").value, Decimal("30523000"))
        self.assertEqual(company.period("FY2024").months, 12)
        self.assertEqual(company.dataset["00100"], company)
        del company
        gc.collect()
        self.assertFalse(c_dataset.alive, "the C dataset was not freed once nothing refers to it")

    def test_fact_keeps_everything_it_needs(self):
        fact = ipofacts.Dataset.builtin()["minimax"].fact("net_income", "FY2024")
        gc.collect()
        self.assertEqual(fact.value, Decimal("-465000000"))
        self.assertEqual(fact.company.id, "minimax")
        self.assertTrue(all(source.id for source in fact.sources))

    def test_close_while_companies_live(self):
        dataset = ipofacts.Dataset.builtin()
        c_dataset = c_dataset_of(dataset)
        company = dataset["minimax"]
        sources = dataset.sources
        dataset.close()
        dataset.close()  # closing twice is allowed
        self.assertTrue(dataset.closed)
        self.assertEqual(repr(dataset), "<Dataset (closed)>")
        with self.assertRaises(ipofacts.DatasetClosedError):
            dataset.companies
        gc.collect()
        self.assertTrue(c_dataset.alive)
        self.assertEqual(company.ticker, "00100")
        self.assertTrue(sources[0].id)
        del company, sources
        gc.collect()
        self.assertFalse(c_dataset.alive)

    def test_with_block_frees_at_once_when_nothing_is_kept(self):
        with ipofacts.Dataset.builtin() as dataset:
            c_dataset = c_dataset_of(dataset)
            self.assertEqual(dataset["minimax"].id, "minimax")
        gc.collect()
        self.assertTrue(dataset.closed)
        self.assertFalse(c_dataset.alive)

    def test_freed_once(self):
        dataset = ipofacts.Dataset.builtin()
        finalizer = c_dataset_of(dataset)
        del dataset
        gc.collect()
        self.assertFalse(finalizer.alive)
        # A second call of the finalizer does nothing: no double free.
        self.assertIsNone(finalizer())

    def test_ratios_keep_the_dataset_alive(self):
        dataset = ipofacts.Dataset.builtin()
        c_dataset = c_dataset_of(dataset)
        ratio = dataset["minimax"].ratio("growth", "FY2024")
        every = dataset["minimax"].ratios()
        del dataset
        gc.collect()
        self.assertTrue(c_dataset.alive)
        self.assertTrue(ratio.ok)
        self.assertIn(7.8217, ratio.interval)
        self.assertTrue(ratio.explain())
        inputs = ratio.inputs
        self.assertTrue(any(i.fact is not None for i in inputs))
        self.assertTrue(all(r.kind for r in every))
        del ratio, every
        gc.collect()
        # Inputs hold facts, and facts hold the dataset.
        self.assertTrue(c_dataset.alive)
        self.assertTrue(inputs[0].role)
        del inputs
        gc.collect()
        self.assertFalse(c_dataset.alive)

    def test_wrappers_cannot_be_made_from_nothing(self):
        with self.assertRaises(TypeError):
            ipofacts.Dataset(None)  # type: ignore[arg-type]


if __name__ == "__main__":
    unittest.main()
