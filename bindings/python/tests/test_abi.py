"""The loader, the ABI check and the layout of the mirrored C structures."""

from __future__ import annotations

import ctypes
import os
import pathlib
import tempfile
import unittest
from unittest import mock

import ipofacts
from ipofacts import _lib, _native

from _support import PACKAGE_ROOT, run_python, child_env


class StructLayoutTest(unittest.TestCase):
    """Sizes and offsets as a C program built against include/ipofacts/*.h prints them
    (sizeof and offsetof, gcc on x86-64 Linux): the ctypes mirrors must match field by field."""

    def assertLayout(self, struct, size, offsets):
        self.assertEqual(ctypes.sizeof(struct), size, struct.__name__)
        for field, offset in offsets.items():
            self.assertEqual(getattr(struct, field).offset, offset, f"{struct.__name__}.{field}")
        self.assertEqual([f[0] for f in struct._fields_], list(offsets), struct.__name__)

    def test_decimal(self):
        self.assertLayout(_native.CDecimal, 16, {"coefficient": 0, "exponent": 8, "reserved": 12})

    def test_interval(self):
        self.assertLayout(_native.CInterval, 24, {"lo": 0, "hi": 8, "flags": 16, "reserved": 20})

    def test_date(self):
        self.assertLayout(_native.CDate, 8, {"year": 0, "month": 4, "day": 5, "precision": 6, "reserved": 7})

    def test_amount(self):
        self.assertLayout(_native.CAmount, 88, {
            "value": 0, "upper": 16, "decimals": 32, "qualifier": 36, "conversion_of": 40,
            "converted_to": 44, "start": 48, "end": 56, "unit": 64, "flags": 80, "reserved": 84,
        })

    def test_ratio(self):
        self.assertLayout(_native.CRatio, 96, {
            "value": 0, "interval": 8, "status": 32, "basis": 36, "flags": 40, "reserved0": 44,
            "unit": 48, "reserved": 64,
        })

    def test_ratio_options(self):
        self.assertLayout(_native.CRatioOptions, 104, {
            "version": 0, "flags": 4, "basis": 8, "reserved0": 12, "concept_id": 16, "segment": 24,
            "cash_concept_id": 32, "currency": 40, "base_period": 48, "rate": 56, "fact": 64, "reserved": 72,
        })

    def test_sec_mapping(self):
        self.assertLayout(_native.CSecMapping, 40, {
            "taxonomy": 0, "sec_concept": 8, "concept_id": 16, "priority": 24, "period_kind": 28,
            "unit_kind": 32, "reserved": 36,
        })

    def test_sec_import_summary(self):
        offsets = {name: 8 * i for i, name in enumerate(_native.SEC_SUMMARY_FIELDS)}
        offsets["reserved"] = 104
        self.assertEqual(offsets["skipped_alternate"], 96)
        self.assertLayout(_native.CSecImportSummary, 160, offsets)

    def test_error(self):
        self.assertLayout(_native.CError, 600, {
            "status": 0, "line": 4, "column": 8, "reserved": 12, "offset": 16,
            "file": 24, "path": 184, "message": 344,
        })


class AbiCheckTest(unittest.TestCase):
    def test_loaded_library_is_supported(self):
        abi, number, text = _lib.check_abi(_lib.lib)
        self.assertIn(abi, _lib.SUPPORTED_ABI_VERSIONS)
        self.assertEqual(abi, ipofacts.abi_version())
        self.assertGreaterEqual(number, 10000)
        self.assertEqual(text, ipofacts.library_version())
        self.assertEqual(text.count("."), 2)
        self.assertEqual(number, sum(int(p) * w for p, w in zip(text.split("."), (10000, 100, 1))))

    def test_unsupported_abi_is_refused(self):
        abi = ipofacts.abi_version()
        with mock.patch.object(_lib, "SUPPORTED_ABI_VERSIONS", (abi + 1,)):
            with self.assertRaises(ipofacts.AbiVersionError) as caught:
                _lib.check_abi(_lib.lib, "libipofacts.so.1")
        message = str(caught.exception)
        self.assertIn(f"ABI version {abi}", message)
        self.assertIn(f"supports ABI version {abi + 1}", message)
        self.assertIsInstance(caught.exception, ipofacts.IpofactsError)
        self.assertIsInstance(caught.exception, ImportError)

    def test_too_old_library_is_refused(self):
        number = int(_lib.lib.ipofacts_version_number())
        with mock.patch.object(_lib, "MINIMUM_VERSION_NUMBER", number + 1):
            with self.assertRaises(ipofacts.AbiVersionError) as caught:
                _lib.check_abi(_lib.lib)
        self.assertIn("needs", str(caught.exception))

    def test_import_time_check_refuses_another_abi(self):
        # Re-runs the loading done at import, in a child, with a library that
        # reports ABI generation 99.
        code = (
            "import importlib, ipofacts, ipofacts._native as native, ipofacts._lib as lib\n"
            "real = native.read_versions\n"
            "native.read_versions = lambda library: (99,) + tuple(real(library)[1:])\n"
            "try:\n"
            "    importlib.reload(lib)\n"
            "except ipofacts.AbiVersionError as exc:\n"
            "    print('refused:', exc)\n"
        )
        result = run_python(["-c", code])
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("refused:", result.stdout)
        self.assertIn("has ABI version 99", result.stdout)
        self.assertIn("supports ABI version 1", result.stdout)

    def test_missing_function_is_reported(self):
        with self.assertRaises(_native.LibraryLoadError) as caught:
            _native.declare(_lib.lib, [("ipofacts_no_such_function", None, [])])
        self.assertIn("ipofacts_no_such_function", str(caught.exception))


class LoaderTest(unittest.TestCase):
    def test_environment_variable_is_used_first(self):
        path = child_env()["IPOFACTS_LIBRARY"]
        library, where = _native.find_and_load({"IPOFACTS_LIBRARY": path})
        self.assertEqual(where, path)
        self.assertIsInstance(library, ctypes.CDLL)

    def test_relative_environment_path_is_made_absolute(self):
        path = child_env()["IPOFACTS_LIBRARY"]
        if not os.path.isabs(path):
            self.skipTest("the library was found by name, not by path")
        relative = os.path.relpath(path)
        _, where = _native.find_and_load({"IPOFACTS_LIBRARY": relative})
        self.assertTrue(os.path.isabs(where))
        self.assertTrue(os.path.samefile(where, path))

    def test_bad_environment_variable_is_an_error(self):
        with self.assertRaises(_native.LibraryLoadError) as caught:
            _native.find_and_load({"IPOFACTS_LIBRARY": "/nonexistent/libipofacts.so.1"})
        self.assertIn("/nonexistent/libipofacts.so.1", str(caught.exception))
        self.assertIn("IPOFACTS_LIBRARY", str(caught.exception))

    def test_import_with_a_bad_path_raises_library_not_found(self):
        result = run_python(
            ["-c", "import ipofacts"],
            env=child_env({"IPOFACTS_LIBRARY": "/nonexistent/libipofacts.so.1"}),
        )
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("LibraryNotFoundError", result.stderr)
        self.assertIn("/nonexistent/libipofacts.so.1", result.stderr)

    def test_build_tree_candidates(self):
        with tempfile.TemporaryDirectory() as root:
            rootp = pathlib.Path(root)
            (rootp / "include" / "ipofacts").mkdir(parents=True)
            (rootp / "include" / "ipofacts" / "common.h").write_text("")
            package = rootp / "bindings" / "python" / "ipofacts"
            package.mkdir(parents=True)
            self.assertEqual(_native.build_tree_candidates(package), [])
            for folder in ("build-b", "build", "build-a"):
                (rootp / folder).mkdir()
                (rootp / folder / "libipofacts.so.1").write_bytes(b"")
            older = rootp / "build-a" / "libipofacts.so.1"
            os.utime(older, (1_000_000, 1_000_000))
            found = _native.build_tree_candidates(package)
            self.assertEqual([p.parent.name for p in found], ["build", "build-b", "build-a"])

    def test_not_in_a_source_tree(self):
        with tempfile.TemporaryDirectory() as root:
            package = pathlib.Path(root) / "site-packages" / "ipofacts"
            package.mkdir(parents=True)
            self.assertEqual(_native.build_tree_candidates(package), [])

    def test_source_tree_is_recognised(self):
        self.assertTrue((PACKAGE_ROOT.parent.parent / "include" / "ipofacts" / "common.h").is_file())


if __name__ == "__main__":
    unittest.main()
