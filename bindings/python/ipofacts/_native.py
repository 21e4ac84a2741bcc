"""Loading libipofacts and declaring the C functions the package calls.

Everything that touches ``ctypes`` directly lives here: the structures that
mirror the frozen C value types, the search for the shared library, the ABI
check and one ``argtypes``/``restype`` declaration per C function. The other
modules only call the functions declared here.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import pathlib
import sys
from typing import Any, Iterable, List, Optional, Sequence, Tuple

#: Environment variable that names the shared library to load.
LIBRARY_ENV = "IPOFACTS_LIBRARY"

# Sizes of the C buffers, from include/ipofacts/common.h and value.h.
ERROR_MESSAGE_SIZE = 256
ERROR_PATH_SIZE = 160
ERROR_FILE_SIZE = 160
DECIMAL_STRING_SIZE = 64
DATE_STRING_SIZE = 16
DECIMALS_INF = 2**31 - 1
DECIMAL_COEFFICIENT_MAX = 10**18 - 1
DECIMAL_EXPONENT_MIN = -40
DECIMAL_EXPONENT_MAX = 40
INTERVAL_NO_LO = 1
INTERVAL_NO_HI = 2


class LibraryLoadError(ImportError):
    """The shared library could not be found or loaded, or is not compatible.

    Raised while ``import ipofacts`` runs. :class:`ipofacts.AbiVersionError`
    and :class:`ipofacts.LibraryNotFoundError` are its subclasses; both are
    also subclasses of :class:`ipofacts.IpofactsError`.
    """


# --------------------------------------------------------------------------
# Structures: field by field as in the C headers (their layout is frozen).
# --------------------------------------------------------------------------


class CDecimal(ctypes.Structure):
    """``ipofacts_decimal``: coefficient x 10^exponent."""

    _fields_ = [
        ("coefficient", ctypes.c_int64),
        ("exponent", ctypes.c_int32),
        ("reserved", ctypes.c_int32),
    ]


class CInterval(ctypes.Structure):
    """``ipofacts_interval``: [lo, hi] with open-end flags."""

    _fields_ = [
        ("lo", ctypes.c_double),
        ("hi", ctypes.c_double),
        ("flags", ctypes.c_uint32),
        ("reserved", ctypes.c_uint32),
    ]


class CDate(ctypes.Structure):
    """``ipofacts_date``: a date known to a precision."""

    _fields_ = [
        ("year", ctypes.c_int32),
        ("month", ctypes.c_uint8),
        ("day", ctypes.c_uint8),
        ("precision", ctypes.c_uint8),
        ("reserved", ctypes.c_uint8),
    ]


class CError(ctypes.Structure):
    """``ipofacts_error``: where and why a load, import or parse failed."""

    _fields_ = [
        ("status", ctypes.c_int),
        ("line", ctypes.c_uint32),
        ("column", ctypes.c_uint32),
        ("reserved", ctypes.c_uint32),
        ("offset", ctypes.c_uint64),
        ("file", ctypes.c_char * ERROR_FILE_SIZE),
        ("path", ctypes.c_char * ERROR_PATH_SIZE),
        ("message", ctypes.c_char * ERROR_MESSAGE_SIZE),
    ]


AMOUNT_UNIT_SIZE = 16
RATIO_UNIT_SIZE = 16
RATIO_OPTIONS_VERSION = 1
RATIO_ANNUALISE = 1


class CAmount(ctypes.Structure):
    """``ipofacts_amount``: one amount read from text (text.h)."""

    _fields_ = [
        ("value", CDecimal),
        ("upper", CDecimal),
        ("decimals", ctypes.c_int32),
        ("qualifier", ctypes.c_int),
        ("conversion_of", ctypes.c_int32),
        ("converted_to", ctypes.c_int32),
        ("start", ctypes.c_size_t),
        ("end", ctypes.c_size_t),
        ("unit", ctypes.c_char * AMOUNT_UNIT_SIZE),
        ("flags", ctypes.c_uint32),
        ("reserved", ctypes.c_uint32),
    ]


class CRatio(ctypes.Structure):
    """``ipofacts_ratio``: a computed ratio or amount with its interval and status (ratios.h)."""

    _fields_ = [
        ("value", ctypes.c_double),
        ("interval", CInterval),
        ("status", ctypes.c_int),
        ("basis", ctypes.c_int),
        ("flags", ctypes.c_uint32),
        ("reserved0", ctypes.c_uint32),
        ("unit", ctypes.c_char * RATIO_UNIT_SIZE),
        ("reserved", ctypes.c_uint64 * 4),
    ]


class CRatioRow(ctypes.Structure):
    """``ipofacts_ratio_row``: one row of an ``ipofacts_ratio_table`` (ratios.h, 1.1)."""

    _fields_ = [
        ("company", ctypes.c_void_p),
        ("period", ctypes.c_void_p),
        ("kind", ctypes.c_int),
        ("basis", ctypes.c_int),
        ("concept_id", ctypes.c_void_p),
        ("cash_concept_id", ctypes.c_void_p),
        ("segment", ctypes.c_void_p),
        ("fact", ctypes.c_void_p),
        ("ratio", CRatio),
        ("reserved", ctypes.c_uint64 * 2),
    ]


class CRatioOptions(ctypes.Structure):
    """``ipofacts_ratio_options``: choices for ``ipofacts_company_ratio()`` (ratios.h)."""

    _fields_ = [
        ("version", ctypes.c_uint32),
        ("flags", ctypes.c_uint32),
        ("basis", ctypes.c_int),
        ("reserved0", ctypes.c_uint32),
        ("concept_id", ctypes.c_char_p),
        ("segment", ctypes.c_char_p),
        ("cash_concept_id", ctypes.c_char_p),
        ("currency", ctypes.c_char_p),
        ("base_period", ctypes.c_void_p),
        ("rate", ctypes.c_void_p),
        ("fact", ctypes.c_void_p),
        ("reserved", ctypes.c_uint64 * 4),
    ]


class CSecMapping(ctypes.Structure):
    """``ipofacts_sec_mapping``: one row of the SEC concept mapping table (import.h)."""

    _fields_ = [
        ("taxonomy", ctypes.c_char_p),
        ("sec_concept", ctypes.c_char_p),
        ("concept_id", ctypes.c_char_p),
        ("priority", ctypes.c_uint32),
        ("period_kind", ctypes.c_uint32),
        ("unit_kind", ctypes.c_uint32),
        ("reserved", ctypes.c_uint32),
    ]


#: Counters of ``ipofacts_sec_import_summary``, in order (import.h).
SEC_SUMMARY_FIELDS = (
    "records",
    "records_imported",
    "facts",
    "merged",
    "restated",
    "periods",
    "sources",
    "concepts",
    "concepts_mapped",
    "skipped_unmapped",
    "skipped_unit",
    "skipped_period",
    "skipped_alternate",
)


class CSecImportSummary(ctypes.Structure):
    """``ipofacts_sec_import_summary``: what an SEC import read, kept and skipped (import.h)."""

    _fields_ = [(name, ctypes.c_uint64) for name in SEC_SUMMARY_FIELDS] + [("reserved", ctypes.c_uint64 * 7)]


# Short names for the declarations below.
_status = ctypes.c_int  # ipofacts_status and every other C enum
_enum = ctypes.c_int
_handle = ctypes.c_void_p  # every opaque pointer, const or not
_str = ctypes.c_char_p
_size = ctypes.c_size_t
_u32 = ctypes.c_uint32
_i32 = ctypes.c_int32
_i64 = ctypes.c_int64
_dbl = ctypes.c_double
_int = ctypes.c_int
_P = ctypes.POINTER

#: One entry per C function: (name, restype, argtypes). Every function the
#: package calls is declared here, and only these are called.
FUNCTIONS: List[Tuple[str, Any, Sequence[Any]]] = [
    # common.h
    ("ipofacts_version_string", _str, []),
    ("ipofacts_version_number", _u32, []),
    ("ipofacts_abi_version", _u32, []),
    ("ipofacts_status_str", _str, [_status]),
    ("ipofacts_error_format", _status, [_P(CError), ctypes.c_char_p, _size]),
    # value.h
    ("ipofacts_decimal_parse", _status, [_P(CDecimal), ctypes.c_char_p, _size]),
    ("ipofacts_decimal_format", _status, [_P(CDecimal), ctypes.c_char_p, _size]),
    ("ipofacts_decimal_round", _status, [_P(CDecimal), _P(CDecimal), _i32, _enum]),
    ("ipofacts_qualifier_name", _str, [_enum]),
    ("ipofacts_qualifier_from_name", _status, [_P(_enum), _str]),
    ("ipofacts_reported_interval", _status, [_P(CInterval), _P(CDecimal), _P(CDecimal), _i32, _enum]),
    ("ipofacts_decimal_stated_decimals", _i32, [_P(CDecimal)]),
    ("ipofacts_date_parse", _status, [_P(CDate), ctypes.c_char_p, _size]),
    ("ipofacts_date_format", _status, [_P(CDate), ctypes.c_char_p, _size]),
    ("ipofacts_months_between", _status, [_P(_i32), _P(CDate), _P(CDate)]),
    ("ipofacts_period_label_parse", _status, [_P(CDate), _P(CDate), _str, _i32]),
    ("ipofacts_period_label_format", _status, [ctypes.c_char_p, _size, _P(CDate), _P(CDate), _i32]),
    ("ipofacts_unit_classify", _enum, [_str]),
    ("ipofacts_unit_currency", _status, [ctypes.c_char_p, _size, _str]),
    # dataset.h: concepts
    ("ipofacts_concept_id", _str, [_enum]),
    ("ipofacts_concept_from_id", _enum, [_str]),
    ("ipofacts_concept_label", _str, [_enum]),
    # dataset.h: opening, loading, saving
    ("ipofacts_dataset_open_builtin", _status, [_P(_handle)]),
    ("ipofacts_dataset_load_file", _status, [_P(_handle), _str, _P(CError)]),
    ("ipofacts_dataset_load_buffer", _status, [_P(_handle), ctypes.c_char_p, _size, _P(CError)]),
    ("ipofacts_dataset_save_file", _status, [_handle, _str, _P(CError)]),
    ("ipofacts_dataset_save_buffer", _status, [_P(ctypes.c_void_p), _P(_size), _handle]),
    ("ipofacts_string_free", None, [ctypes.c_void_p]),
    ("ipofacts_dataset_free", None, [_handle]),
    # dataset.h: dataset
    ("ipofacts_dataset_company_count", _size, [_handle]),
    ("ipofacts_dataset_company", _handle, [_handle, _size]),
    ("ipofacts_dataset_find_company", _handle, [_handle, _str]),
    ("ipofacts_dataset_source_count", _size, [_handle]),
    ("ipofacts_dataset_source", _handle, [_handle, _size]),
    ("ipofacts_dataset_find_source", _handle, [_handle, _str]),
    ("ipofacts_dataset_fact_count", _size, [_handle]),
    # dataset.h: sources
    ("ipofacts_source_id", _str, [_handle]),
    ("ipofacts_source_publisher", _str, [_handle]),
    ("ipofacts_source_title", _str, [_handle]),
    ("ipofacts_source_author", _str, [_handle]),
    ("ipofacts_source_date", CDate, [_handle]),
    ("ipofacts_source_document", _str, [_handle]),
    ("ipofacts_source_language", _str, [_handle]),
    ("ipofacts_source_rank", _u32, [_handle]),
    # dataset.h: companies
    ("ipofacts_company_id", _str, [_handle]),
    ("ipofacts_company_name", _str, [_handle, _str]),
    ("ipofacts_company_exchange", _str, [_handle]),
    ("ipofacts_company_ticker", _str, [_handle]),
    ("ipofacts_company_identifier", _str, [_handle, _str]),
    ("ipofacts_company_founded", CDate, [_handle]),
    ("ipofacts_company_listed", CDate, [_handle]),
    ("ipofacts_company_currency", _str, [_handle]),
    ("ipofacts_company_fiscal_year_end", _i32, [_handle]),
    ("ipofacts_company_dataset", _handle, [_handle]),
    ("ipofacts_company_person_count", _size, [_handle]),
    ("ipofacts_company_person", _handle, [_handle, _size]),
    ("ipofacts_company_member_count", _size, [_handle]),
    ("ipofacts_company_member", _handle, [_handle, _size]),
    ("ipofacts_company_find_member", _handle, [_handle, _str]),
    ("ipofacts_company_event_count", _size, [_handle]),
    ("ipofacts_company_event", _handle, [_handle, _size]),
    ("ipofacts_company_period_count", _size, [_handle]),
    ("ipofacts_company_period", _handle, [_handle, _size]),
    ("ipofacts_company_find_period", _handle, [_handle, _str]),
    ("ipofacts_company_find_period_dates", _handle, [_handle, _P(CDate), _P(CDate)]),
    ("ipofacts_company_fact_count", _size, [_handle]),
    ("ipofacts_company_fact", _handle, [_handle, _size]),
    # dataset.h: people, members, events
    ("ipofacts_person_name", _str, [_handle, _str]),
    ("ipofacts_person_role", _str, [_handle]),
    ("ipofacts_person_born", CDate, [_handle]),
    ("ipofacts_person_source_count", _size, [_handle]),
    ("ipofacts_person_source", _handle, [_handle, _size]),
    ("ipofacts_member_id", _str, [_handle]),
    ("ipofacts_member_kind_of", _enum, [_handle]),
    ("ipofacts_member_name", _str, [_handle, _str]),
    ("ipofacts_member_date", CDate, [_handle]),
    ("ipofacts_member_related_count", _size, [_handle]),
    ("ipofacts_member_related", _str, [_handle, _size]),
    ("ipofacts_event_kind", _str, [_handle]),
    ("ipofacts_event_date", CDate, [_handle]),
    ("ipofacts_event_note", _str, [_handle]),
    ("ipofacts_event_source_count", _size, [_handle]),
    ("ipofacts_event_source", _handle, [_handle, _size]),
    ("ipofacts_event_quote", _str, [_handle, _size]),
    # dataset.h: periods
    ("ipofacts_period_id", _str, [_handle]),
    ("ipofacts_period_label", _str, [_handle]),
    ("ipofacts_period_is_instant", _int, [_handle]),
    ("ipofacts_period_start", CDate, [_handle]),
    ("ipofacts_period_end", CDate, [_handle]),
    ("ipofacts_period_months", _i32, [_handle]),
    ("ipofacts_period_company", _handle, [_handle]),
    ("ipofacts_period_fact_count", _size, [_handle]),
    ("ipofacts_period_fact_at", _handle, [_handle, _size]),
    ("ipofacts_period_find_fact", _status, [_P(_handle), _P(_enum), _handle, _str, _str]),
    ("ipofacts_period_fact", _status, [_handle, _enum, _P(_handle)]),
    # dataset.h: facts
    ("ipofacts_fact_concept_id", _str, [_handle]),
    ("ipofacts_fact_concept", _enum, [_handle]),
    ("ipofacts_fact_segment", _str, [_handle]),
    ("ipofacts_fact_unit", _str, [_handle]),
    ("ipofacts_fact_value", CDecimal, [_handle]),
    ("ipofacts_fact_upper", _status, [_P(CDecimal), _handle]),
    ("ipofacts_fact_decimals", _i32, [_handle]),
    ("ipofacts_fact_qualifier", _enum, [_handle]),
    ("ipofacts_fact_interval", _status, [_P(CInterval), _handle]),
    ("ipofacts_fact_period", _handle, [_handle]),
    ("ipofacts_fact_company", _handle, [_handle]),
    ("ipofacts_fact_note", _str, [_handle]),
    ("ipofacts_fact_id", _str, [_handle]),
    ("ipofacts_fact_source_count", _size, [_handle]),
    ("ipofacts_fact_source", _handle, [_handle, _size]),
    ("ipofacts_fact_quote", _str, [_handle, _size]),
    # text.h
    ("ipofacts_text_width", _status, [_P(_size), ctypes.c_char_p, _size]),
    ("ipofacts_text_truncate", _status, [_P(_size), ctypes.c_char_p, _size, _size]),
    ("ipofacts_parse_amount", _status, [_P(CAmount), ctypes.c_char_p, _size, _P(CError)]),
    ("ipofacts_parse_amount_conversion", _status, [_P(CAmount), _P(CAmount), ctypes.c_char_p, _size, _P(CError)]),
    ("ipofacts_amount_interval", _status, [_P(CInterval), _P(CAmount)]),
    ("ipofacts_amount_implied_rate", _status, [_P(CInterval), _P(CAmount), _P(CAmount)]),
    ("ipofacts_amount_rate_unit", _status, [ctypes.c_char_p, _size, _P(CAmount), _P(CAmount)]),
    ("ipofacts_scan_text", _status, [_P(_handle), ctypes.c_char_p, _size, _P(CError)]),
    ("ipofacts_scan_count", _size, [_handle]),
    ("ipofacts_scan_amount", _P(CAmount), [_handle, _size]),
    ("ipofacts_scan_literal", _str, [_handle, _size]),
    ("ipofacts_scan_context", _str, [_handle, _size]),
    ("ipofacts_scan_free", None, [_handle]),
    # ratios.h: names
    ("ipofacts_ratio_status_name", _str, [_enum]),
    ("ipofacts_ratio_basis_name", _str, [_enum]),
    ("ipofacts_ratio_basis_from_name", _status, [_P(_enum), _str]),
    ("ipofacts_ratio_kind_name", _str, [_enum]),
    ("ipofacts_ratio_kind_from_name", _status, [_P(_enum), _str]),
    ("ipofacts_ratio_kind_reported_concept", _str, [_enum, _str]),
    # ratios.h: operands and ratios on values
    ("ipofacts_interval_overlaps", _int, [_P(CInterval), _P(CInterval)]),
    ("ipofacts_ratio_input", _status, [_P(CRatio), _P(CDecimal), _P(CDecimal), _i32, _enum, _str]),
    ("ipofacts_ratio_input_fact", _status, [_P(CRatio), _handle]),
    ("ipofacts_ratio_input_interval", _status, [_P(CRatio), _dbl, _P(CInterval), _str]),
    ("ipofacts_ratio_growth", _status, [_P(CRatio), _P(CRatio), _i32, _P(CRatio), _i32, _u32]),
    ("ipofacts_ratio_cagr", _status, [_P(CRatio), _P(CRatio), _P(CRatio), _dbl]),
    ("ipofacts_ratio_gross_margin", _status, [_P(CRatio), _P(CRatio), _P(CRatio)]),
    ("ipofacts_ratio_gross_profit", _status, [_P(CRatio), _P(CRatio), _P(CRatio)]),
    ("ipofacts_ratio_gross_margin_from_profit", _status, [_P(CRatio), _P(CRatio), _P(CRatio)]),
    ("ipofacts_ratio_net_margin", _status, [_P(CRatio), _P(CRatio), _P(CRatio)]),
    ("ipofacts_ratio_adjusted_net_margin", _status, [_P(CRatio), _P(CRatio), _P(CRatio)]),
    ("ipofacts_ratio_rd_intensity", _status, [_P(CRatio), _P(CRatio), _P(CRatio)]),
    ("ipofacts_ratio_share", _status, [_P(CRatio), _P(CRatio), _P(CRatio)]),
    ("ipofacts_ratio_concentration", _status, [_P(CRatio), _P(CRatio), _size, _size, _P(CRatio)]),
    ("ipofacts_ratio_monthly_burn", _status, [_P(CRatio), _P(CRatio), _P(CRatio), _i32, _enum]),
    ("ipofacts_ratio_runway", _status, [_P(CRatio), _P(CRatio), _P(CRatio)]),
    ("ipofacts_ratio_ttm", _status, [_P(CRatio), _P(CRatio), _i32, _P(CRatio), _i32, _P(CRatio), _i32]),
    ("ipofacts_ratio_implied_prior", _status, [_P(CRatio), _P(CRatio), _P(CRatio)]),
    ("ipofacts_ratio_ttm_from_growth", _status, [_P(CRatio), _P(CRatio), _i32, _P(CRatio), _i32, _P(CRatio)]),
    ("ipofacts_ratio_first_day_return", _status, [_P(CRatio), _P(CRatio), _P(CRatio)]),
    ("ipofacts_ratio_implied_shares", _status, [_P(CRatio), _P(CRatio), _P(CRatio)]),
    ("ipofacts_ratio_convert", _status, [_P(CRatio), _P(CRatio), _P(CRatio), _str]),
    ("ipofacts_ratio_price_to_sales", _status, [_P(CRatio), _P(CRatio), _P(CRatio), _P(CRatio)]),
    ("ipofacts_ratio_implied_rate", _status, [_P(CRatio), _P(CRatio), _P(CRatio)]),
    ("ipofacts_ratio_holding_value", _status, [_P(CRatio), _P(CRatio), _P(CRatio)]),
    # ratios.h: ratios on a company
    ("ipofacts_ratio_options_init", _status, [_P(CRatioOptions), _u32]),
    ("ipofacts_company_ratio", _status, [_P(_handle), _handle, _enum, _handle, _P(CRatioOptions)]),
    ("ipofacts_derived_free", None, [_handle]),
    # ratios.h: values only (1.1)
    ("ipofacts_company_ratio_value", _status, [_P(CRatio), _handle, _enum, _handle, _P(CRatioOptions)]),
    ("ipofacts_dataset_ratio_table", _status, [_P(_handle), _handle, _P(_enum), _size]),
    ("ipofacts_company_ratio_table", _status, [_P(_handle), _handle, _P(_enum), _size]),
    ("ipofacts_ratio_table_count", _size, [_handle]),
    ("ipofacts_ratio_table_rows", _handle, [_handle]),
    ("ipofacts_ratio_table_at", _handle, [_handle, _size]),
    ("ipofacts_ratio_row_size", _size, []),
    ("ipofacts_ratio_table_free", None, [_handle]),
    ("ipofacts_derived_ratio", _P(CRatio), [_handle]),
    ("ipofacts_derived_kind", _enum, [_handle]),
    ("ipofacts_derived_company", _handle, [_handle]),
    ("ipofacts_derived_period", _handle, [_handle]),
    ("ipofacts_derived_start", CDate, [_handle]),
    ("ipofacts_derived_end", CDate, [_handle]),
    ("ipofacts_derived_label", _str, [_handle]),
    ("ipofacts_derived_concept_id", _str, [_handle]),
    ("ipofacts_derived_segment", _str, [_handle]),
    ("ipofacts_derived_formula", _str, [_handle]),
    ("ipofacts_derived_arithmetic", _str, [_handle]),
    ("ipofacts_derived_input_count", _size, [_handle]),
    ("ipofacts_derived_input_role", _str, [_handle, _size]),
    ("ipofacts_derived_input_value", _P(CRatio), [_handle, _size]),
    ("ipofacts_derived_input_fact", _handle, [_handle, _size]),
    ("ipofacts_derived_input_derived", _handle, [_handle, _size]),
    ("ipofacts_derived_explain", _status, [_P(ctypes.c_void_p), _handle]),
    ("ipofacts_company_ratios", _status, [_P(_handle), _handle]),
    ("ipofacts_dataset_ratios", _status, [_P(_handle), _handle]),
    ("ipofacts_ratio_set_count", _size, [_handle]),
    ("ipofacts_ratio_set_at", _handle, [_handle, _size]),
    ("ipofacts_ratio_set_free", None, [_handle]),
    # check.h
    ("ipofacts_finding_kind_name", _str, [_enum]),
    ("ipofacts_severity_name", _str, [_enum]),
    ("ipofacts_check_dataset", _status, [_P(_handle), _handle]),
    ("ipofacts_check_company", _status, [_P(_handle), _handle]),
    ("ipofacts_findings_free", None, [_handle]),
    ("ipofacts_findings_count", _size, [_handle]),
    ("ipofacts_findings_at", _handle, [_handle, _size]),
    ("ipofacts_finding_kind_of", _enum, [_handle]),
    ("ipofacts_finding_severity", _enum, [_handle]),
    ("ipofacts_finding_company", _handle, [_handle]),
    ("ipofacts_finding_concept_id", _str, [_handle]),
    ("ipofacts_finding_segment", _str, [_handle]),
    ("ipofacts_finding_period", _handle, [_handle]),
    ("ipofacts_finding_fact_count", _size, [_handle]),
    ("ipofacts_finding_fact", _handle, [_handle, _size]),
    ("ipofacts_finding_derived_count", _size, [_handle]),
    ("ipofacts_finding_derived", _handle, [_handle, _size]),
    ("ipofacts_finding_message", _str, [_handle]),
    # import.h
    ("ipofacts_sec_mapping_count", _size, []),
    ("ipofacts_sec_mapping_get", _status, [_P(CSecMapping), _size]),
    ("ipofacts_dataset_import_sec_companyfacts_file", _status,
     [_P(_handle), _str, _P(CSecImportSummary), _P(CError)]),
    ("ipofacts_dataset_import_sec_companyfacts_buffer", _status,
     [_P(_handle), ctypes.c_char_p, _size, _P(CSecImportSummary), _P(CError)]),
]


def library_names() -> List[str]:
    """File names the system loader may know the library by, on this platform."""
    if sys.platform == "darwin":
        return ["libipofacts.1.dylib", "libipofacts.dylib"]
    if sys.platform.startswith("win"):
        return ["ipofacts.dll", "libipofacts.dll"]
    return ["libipofacts.so.1", "libipofacts.so"]


def build_tree_candidates(package_dir: Optional[pathlib.Path] = None) -> List[pathlib.Path]:
    """Shared libraries in the build folders of the source tree this package sits in.

    When the package is used from ``bindings/python`` of a source checkout,
    the project's root is three levels up, and CMake puts the library at the
    top of its build folder (``build/``, ``build-*/``). ``build/`` comes
    first; the other folders follow, most recently built first.

    Args:
        package_dir: folder of the ``ipofacts`` package (this file's folder
            when omitted).

    Returns:
        Existing library files, best first; empty when the package is not in
        a source tree (for example once installed).
    """
    here = package_dir if package_dir is not None else pathlib.Path(__file__).resolve().parent
    root = here.parent.parent.parent
    if not (root / "include" / "ipofacts" / "common.h").is_file():
        return []
    found: List[pathlib.Path] = []
    primary = [root / "build" / name for name in library_names()]
    found.extend(p for p in primary if p.is_file())
    others: List[pathlib.Path] = []
    for folder in sorted(root.glob("build-*")):
        for name in library_names():
            candidate = folder / name
            if candidate.is_file():
                others.append(candidate)
                break
    others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    found.extend(others)
    return found


def _system_candidates() -> List[str]:
    names: List[str] = []
    located = ctypes.util.find_library("ipofacts")
    if located:
        names.append(located)
    names.extend(library_names())
    return names


def find_and_load(env: Optional[dict] = None) -> Tuple[ctypes.CDLL, str]:
    """Finds and loads the shared library.

    Search order: the path in ``IPOFACTS_LIBRARY`` (when set, it must load:
    no other library is tried); then the build folders of the source tree
    (:func:`build_tree_candidates`); then the system loader
    (``ctypes.util.find_library("ipofacts")``, then ``libipofacts.so.1``).

    Args:
        env: the environment to read ``IPOFACTS_LIBRARY`` from
            (``os.environ`` when omitted).

    Returns:
        The loaded library and the name or path it was loaded from.

    Raises:
        LibraryLoadError: when no candidate loads; the message lists every
            place that was tried and why it failed.
    """
    environ = os.environ if env is None else env
    explicit = environ.get(LIBRARY_ENV)
    if explicit:
        # A relative path is taken from the current folder, as the loader
        # would; it is made absolute so that library_path stays true later.
        if os.sep in explicit and not os.path.isabs(explicit):
            explicit = os.path.abspath(explicit)
        try:
            return ctypes.CDLL(explicit), explicit
        except OSError as exc:
            raise LibraryLoadError(
                f"cannot load libipofacts from {LIBRARY_ENV}={explicit!r}: {exc}"
            ) from exc
    tried: List[str] = []
    candidates: List[str] = [str(p) for p in build_tree_candidates()] + _system_candidates()
    for candidate in candidates:
        try:
            return ctypes.CDLL(candidate), candidate
        except OSError as exc:
            tried.append(f"{candidate} ({exc})")
    raise LibraryLoadError(
        "cannot find libipofacts: set "
        + LIBRARY_ENV
        + " to the path of libipofacts.so.1, build the project (cmake --build build), "
        + "or install the library where the system loader finds it; tried: "
        + "; ".join(tried)
    )


def declare(lib: ctypes.CDLL, functions: Iterable[Tuple[str, Any, Sequence[Any]]] = FUNCTIONS) -> None:
    """Sets ``restype`` and ``argtypes`` of every function the package calls.

    Args:
        lib: the loaded library
        functions: (name, restype, argtypes) entries

    Raises:
        LibraryLoadError: when the library lacks one of the functions (a
            library older than this package needs).
    """
    missing: List[str] = []
    for name, restype, argtypes in functions:
        try:
            fn = getattr(lib, name)
        except AttributeError:
            missing.append(name)
            continue
        fn.restype = restype
        fn.argtypes = list(argtypes)
    if missing:
        raise LibraryLoadError(
            "libipofacts lacks functions this package needs (a library older than the package?): "
            + ", ".join(missing)
        )


def read_versions(lib: ctypes.CDLL) -> Tuple[int, int, str]:
    """The running library's ABI generation, version number and version string."""
    lib.ipofacts_abi_version.restype = ctypes.c_uint32
    lib.ipofacts_abi_version.argtypes = []
    lib.ipofacts_version_number.restype = ctypes.c_uint32
    lib.ipofacts_version_number.argtypes = []
    lib.ipofacts_version_string.restype = ctypes.c_char_p
    lib.ipofacts_version_string.argtypes = []
    abi = int(lib.ipofacts_abi_version())
    number = int(lib.ipofacts_version_number())
    text = (lib.ipofacts_version_string() or b"").decode("utf-8", "replace")
    return abi, number, text
