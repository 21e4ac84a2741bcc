"""Every C status maps to its exception, with the C library's message; each
is raised here by a real failing call wherever Python can reach one."""

from __future__ import annotations

import ctypes
import json
import os
import tempfile
import unittest
from decimal import Decimal

import ipofacts
from ipofacts import _errors, _lib, _native

# A small valid dataset; tests change one thing in it.
VALID = {
    "format": "ipofacts-dataset/1",
    "sources": [{"id": "s1", "publisher": "Example Daily", "date": "2026-01-09"}],
    "companies": [{
        "id": "acme",
        "names": {"en": "Acme"},
        "periods": [{"id": "FY2024", "start": "2024-01-01", "end": "2024-12-31"}],
        "facts": [{
            "concept": "revenue", "period": "FY2024", "unit": "USD", "value": "30523000",
            "decimals": -3, "sources": [{"source": "s1", "text": "3052.3 萬美元"}],
        }],
    }],
}

# A file whose only fault is on line 7: "exchange" must be a string. The value
# 5 starts in column 19 (six spaces, the 11 characters `"exchange":`, a space).
BAD_FILE = """{
  "format": "ipofacts-dataset/1",
  "sources": [],
  "companies": [
    {
      "id": "acme",
      "exchange": 5,
      "names": {"en": "Acme"}
    }
  ]
}
"""


def variant(change) -> str:
    document = json.loads(json.dumps(VALID))
    change(document)
    return json.dumps(document, ensure_ascii=False, indent=2)


def status_text(status: int) -> str:
    return _lib.lib.ipofacts_status_str(status).decode("utf-8")


class MappingTest(unittest.TestCase):
    def test_every_status_has_its_class(self):
        classes = set()
        for status in range(1, 18):
            cls = _errors.exception_class(status)
            self.assertTrue(issubclass(cls, ipofacts.IpofactsError))
            self.assertIsNot(cls, ipofacts.IpofactsError, status)
            self.assertEqual(cls.status, status)
            classes.add(cls)
            exc = _errors.make_error(status, context="doing something")
            self.assertIsInstance(exc, cls)
            self.assertEqual(exc.status, status)
            # The message is the C library's name of the status.
            self.assertEqual(exc.message, status_text(status))
            self.assertEqual(exc.status_name, status_text(status))
            self.assertEqual(str(exc), f"doing something: {status_text(status)}")
        self.assertEqual(len(classes), 17)

    def test_unknown_status_is_the_base_class(self):
        exc = _errors.make_error(999)
        self.assertIs(type(exc), ipofacts.IpofactsError)
        self.assertEqual(exc.status, 999)
        self.assertEqual(exc.message, status_text(999))

    def test_builtin_bases(self):
        self.assertTrue(issubclass(ipofacts.NotFoundError, KeyError))
        self.assertTrue(issubclass(ipofacts.FileAccessError, OSError))
        self.assertTrue(issubclass(ipofacts.InvalidArgumentError, ValueError))
        self.assertTrue(issubclass(ipofacts.DecimalOverflowError, OverflowError))
        self.assertTrue(issubclass(ipofacts.OutOfMemoryError, MemoryError))
        self.assertTrue(issubclass(ipofacts.Utf8Error, UnicodeError))
        self.assertTrue(issubclass(ipofacts.DatasetClosedError, ipofacts.IpofactsError))
        self.assertIs(ipofacts.Error, ipofacts.IpofactsError)

    def test_error_struct_is_carried(self):
        error = _native.CError()
        error.status = _errors.E_SCHEMA
        error.line = 7
        error.column = 19
        error.offset = 123
        error.file = b"data.json"
        error.path = b"$.companies[0].exchange"
        error.message = b"expected a string"
        exc = _errors.make_error(_errors.E_SCHEMA, error)
        self.assertIsInstance(exc, ipofacts.SchemaError)
        self.assertEqual((exc.file, exc.line, exc.column, exc.offset, exc.path, exc.message),
                         ("data.json", 7, 19, 123, "$.companies[0].exchange", "expected a string"))
        # str() is the C library's one-line form (ipofacts_error_format()).
        buf = ctypes.create_string_buffer(1024)
        _lib.lib.ipofacts_error_format(ctypes.byref(error), buf, len(buf))
        self.assertEqual(str(exc), buf.value.decode("utf-8"))
        self.assertIn("data.json:7:19", str(exc))

    def test_buffer_and_nomem_classes(self):
        # No call of the package can be made to run out of memory or to get a
        # too-small buffer (it sizes every buffer itself), so these two are
        # checked through the mapping only.
        with self.assertRaises(ipofacts.BufferTooSmallError):
            _errors.check(_errors.E_BUFFER)
        with self.assertRaises(ipofacts.OutOfMemoryError):
            _errors.check(_errors.E_NOMEM)
        _errors.check(_errors.OK)


class LoadErrorTest(unittest.TestCase):
    def load_text(self, text: str, cls):
        with self.assertRaises(cls) as caught:
            ipofacts.Dataset.from_json(text)
        exc = caught.exception
        self.assertIsInstance(exc, ipofacts.IpofactsError)
        self.assertEqual(exc.status, cls.status)
        self.assertTrue(exc.message)
        self.assertEqual(exc.file, "")
        return exc

    def test_bad_file_matches_the_c_error(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "bad.json")
            with open(path, "w", encoding="utf-8") as f:
                f.write(BAD_FILE)
            with self.assertRaises(ipofacts.IpofactsError) as caught:
                ipofacts.Dataset.load(path)
            exc = caught.exception
            # What the C function itself reports for the same file.
            out = ctypes.c_void_p()
            error = _native.CError()
            status = _lib.lib.ipofacts_dataset_load_file(ctypes.byref(out), path.encode(), ctypes.byref(error))
            self.assertIsNone(out.value)
        self.assertEqual(status, _errors.E_SCHEMA)
        self.assertIsInstance(exc, ipofacts.SchemaError)
        self.assertIsInstance(exc, ValueError)
        self.assertEqual(exc.status, status)
        self.assertEqual(exc.line, error.line)
        self.assertEqual(exc.column, error.column)
        self.assertEqual(exc.offset, error.offset)
        self.assertEqual(exc.path, error.path.decode())
        self.assertEqual(exc.file, error.file.decode())
        self.assertEqual(exc.message, error.message.decode())
        # And what the file says by hand.
        self.assertEqual(exc.line, 7)
        self.assertEqual(exc.column, 19)
        self.assertEqual(exc.offset, BAD_FILE.encode().index(b"5,"))
        self.assertEqual(exc.path, "$.companies[0].exchange")
        self.assertTrue(exc.file.endswith("bad.json"))
        self.assertIn(":7:19", str(exc))

    def test_io(self):
        with self.assertRaises(ipofacts.FileAccessError) as caught:
            ipofacts.Dataset.load("/nonexistent-folder/data.json")
        self.assertEqual(caught.exception.status, _errors.E_IO)
        self.assertTrue(caught.exception.message)

    def test_syntax(self):
        exc = self.load_text('{\n  "format": "ipofacts-dataset/1",\n  "sources": [,]\n}\n', ipofacts.InputSyntaxError)
        self.assertEqual(exc.line, 3)

    def test_schema(self):
        self.load_text(variant(lambda d: d.pop("companies")), ipofacts.SchemaError)

    def test_version(self):
        self.load_text(variant(lambda d: d.update(format="ipofacts-dataset/9")), ipofacts.FormatVersionError)

    def test_utf8(self):
        raw = variant(lambda d: None).replace("Example Daily", "Example \udcff").encode("utf-8", "surrogateescape")
        with self.assertRaises(ipofacts.Utf8Error) as caught:
            ipofacts.Dataset.from_json(raw)
        self.assertEqual(caught.exception.offset, raw.index(b"\xff"))

    def test_duplicate(self):
        exc = self.load_text(variant(lambda d: d["sources"].append({"id": "s1"})), ipofacts.DuplicateIdError)
        self.assertEqual(exc.path, "$.sources[1].id")

    def test_date(self):
        def change(d):
            d["companies"][0]["periods"][0]["end"] = "2023-12-31"
        self.load_text(variant(change), ipofacts.DateError)

        def impossible(d):
            d["companies"][0]["periods"][0]["end"] = "2025-02-29"
        self.load_text(variant(impossible), ipofacts.DateError)

    def test_unit(self):
        def change(d):
            d["companies"][0]["facts"][0]["unit"] = "bananas"
        exc = self.load_text(variant(change), ipofacts.UnitError)
        self.assertEqual(exc.path, "$.companies[0].facts[0].unit")

    def test_overflow(self):
        def change(d):
            d["companies"][0]["facts"][0]["value"] = "1234567890123456789"
        self.load_text(variant(change), ipofacts.DecimalOverflowError)

    def test_reference(self):
        def change(d):
            d["companies"][0]["facts"][0]["period"] = "FY2099"
        exc = self.load_text(variant(change), ipofacts.UndefinedReferenceError)
        self.assertEqual(exc.path, "$.companies[0].facts[0].period")

    def test_too_large(self):
        deep = "[" * 70 + "]" * 70
        text = variant(lambda d: None)[:-2] + ',\n  "nested": ' + deep + "\n}"
        self.load_text(text, ipofacts.TooLargeError)


class OtherErrorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dataset = ipofacts.Dataset.builtin()

    def test_not_found(self):
        with self.assertRaises(ipofacts.NotFoundError) as caught:
            self.dataset["no such company"]
        exc = caught.exception
        self.assertIsInstance(exc, KeyError)
        self.assertEqual(exc.message, status_text(_errors.E_NOT_FOUND))
        self.assertIn("no such company", str(exc))
        with self.assertRaises(ipofacts.NotFoundError):
            self.dataset["minimax"].period("FY1999")
        with self.assertRaises(ipofacts.NotFoundError):
            self.dataset["minimax"].fact("no_such_concept", "FY2024")
        with self.assertRaises(ipofacts.NotFoundError):
            self.dataset["minimax"].member("no_such_member")
        with self.assertRaises(ipofacts.NotFoundError):
            self.dataset.source("no_such_source")

    def test_invalid(self):
        with self.assertRaises(ipofacts.InvalidArgumentError):
            ipofacts.reported_interval(Decimal("400"), 0, "range")
        with self.assertRaises(ipofacts.InvalidArgumentError):
            self.dataset.find("nul\0inside")

    def test_range(self):
        with self.assertRaises(ipofacts.RangeError):
            ipofacts.months_between("2025-01-01", "2025-09-15")

    def test_no_amount(self):
        with self.assertRaises(ipofacts.NoAmountError) as caught:
            ipofacts.parse_amount("no figures here")
        self.assertEqual(caught.exception.status, _errors.E_NO_AMOUNT)
        self.assertTrue(caught.exception.message)

    def test_closed(self):
        dataset = ipofacts.Dataset.builtin()
        dataset.close()
        with self.assertRaises(ipofacts.DatasetClosedError):
            dataset["minimax"]
        with self.assertRaises(ipofacts.DatasetClosedError):
            len(dataset)


if __name__ == "__main__":
    unittest.main()
