"""Importing SEC EDGAR companyfacts JSON (``include/ipofacts/import.h``)."""

from __future__ import annotations

import ctypes
import os
from dataclasses import dataclass
from typing import List, Tuple, Union

from . import _native
from ._dataset import Dataset
from ._errors import check
from ._lib import lib
from ._values import UNIT_KINDS, cstr, text

_PERIOD_KINDS = {1: "duration", 2: "instant"}


@dataclass(frozen=True)
class SecMapping:
    """One row of the table mapping SEC XBRL concepts to the library's.

    Attributes:
        taxonomy: "us-gaap", "ifrs-full" or "dei".
        sec_concept: the SEC concept ("Revenues").
        concept: the library's concept id ("revenue").
        priority: 1 for the first choice among the rows of one concept, then 2, 3, ...
        period_kind: "duration" or "instant".
        unit_kind: the kind of unit the records must have ("currency", "count", "per_share").
    """

    taxonomy: str
    sec_concept: str
    concept: str
    priority: int
    period_kind: str
    unit_kind: str


@dataclass(frozen=True)
class SecImportSummary:
    """What an SEC import read, kept and skipped.

    Every record of the file is counted in ``records`` and in exactly one of
    ``records_imported``, ``skipped_unmapped``, ``skipped_unit``,
    ``skipped_period`` and ``skipped_alternate``.
    """

    records: int
    records_imported: int
    facts: int
    merged: int
    restated: int
    periods: int
    sources: int
    concepts: int
    concepts_mapped: int
    skipped_unmapped: int
    skipped_unit: int
    skipped_period: int
    skipped_alternate: int


def sec_mappings() -> List[SecMapping]:
    """The SEC mapping table, in priority order."""
    rows = []
    for i in range(lib.ipofacts_sec_mapping_count()):
        row = _native.CSecMapping()
        check(lib.ipofacts_sec_mapping_get(ctypes.byref(row), i), context=f"SEC mapping row {i}")
        rows.append(SecMapping(
            taxonomy=text(row.taxonomy) or "",
            sec_concept=text(row.sec_concept) or "",
            concept=text(row.concept_id) or "",
            priority=int(row.priority),
            period_kind=_PERIOD_KINDS.get(int(row.period_kind), str(int(row.period_kind))),
            unit_kind=UNIT_KINDS.get(int(row.unit_kind), str(int(row.unit_kind))),
        ))
    return rows


def _summary(c: _native.CSecImportSummary) -> SecImportSummary:
    return SecImportSummary(**{name: int(getattr(c, name)) for name in _native.SEC_SUMMARY_FIELDS})


def import_sec_companyfacts(source: Union[str, bytes, "os.PathLike[str]"]) -> Tuple[Dataset, SecImportSummary]:
    """Imports an SEC EDGAR companyfacts JSON file (a path) or text (``bytes``)
    as a dataset of one company: all of it or nothing.

    Args:
        source: a file name (``str`` or path-like), or the JSON text as ``bytes``

    Returns:
        The dataset and what the import read, kept and skipped.

    Raises:
        IpofactsError: the subclass for the C status (:class:`FileAccessError`,
            :class:`InputSyntaxError`, :class:`SchemaError`, :class:`RangeError`,
            ...), with the C message, line, column, offset and JSON path.
    """
    out = ctypes.c_void_p()
    summary = _native.CSecImportSummary()
    error = _native.CError()
    if isinstance(source, (bytes, bytearray, memoryview)):
        raw = bytes(source)
        status = lib.ipofacts_dataset_import_sec_companyfacts_buffer(
            ctypes.byref(out), raw, len(raw), ctypes.byref(summary), ctypes.byref(error))
        check(status, error, context="companyfacts text")
    else:
        name = os.fspath(source)
        status = lib.ipofacts_dataset_import_sec_companyfacts_file(
            ctypes.byref(out), cstr(name, "path"), ctypes.byref(summary), ctypes.byref(error))
        check(status, error, context=name)
    return Dataset._adopt(out.value), _summary(summary)
