"""ipofacts: typed, sourced facts about companies going public, and honest ratios.

A Python interface to libipofacts over its stable C ABI, with the standard
library's :mod:`ctypes` only::

    >>> import ipofacts
    >>> minimax = ipofacts.Dataset.builtin()["minimax"]
    >>> minimax.fact("revenue", "FY2024").value
    Decimal('30523000')

The shared library is found through ``IPOFACTS_LIBRARY`` (a path), then the
build folders of the source tree this package sits in, then the system
loader. Importing the package checks the library's ABI version
(:class:`AbiVersionError` when it is not one this package supports).

Every error is an :class:`IpofactsError`; its subclass follows the C status
and its message is the C library's.
"""

from __future__ import annotations

from ._errors import (
    AbiVersionError,
    BufferTooSmallError,
    DatasetClosedError,
    DateError,
    DecimalOverflowError,
    DuplicateIdError,
    FileAccessError,
    FormatVersionError,
    InputSyntaxError,
    InvalidArgumentError,
    IpofactsError,
    LibraryNotFoundError,
    NoAmountError,
    NotFoundError,
    OutOfMemoryError,
    RangeError,
    SchemaError,
    TooLargeError,
    UndefinedReferenceError,
    UnitError,
    Utf8Error,
)
from ._lib import library_path
from ._lib import lib as _c_lib
from ._values import (
    DECIMALS_INF,
    Date,
    Interval,
    concept_ids,
    concept_label,
    months_between,
    parse_period_label,
    period_label,
    reported_interval,
    stated_decimals,
    unit_currency,
    unit_kind,
)
from ._dataset import (
    NAME_LANGUAGES,
    RECORD_FIELDS,
    Citation,
    Company,
    Dataset,
    Event,
    Fact,
    Member,
    Period,
    Person,
    Source,
)
from ._text import Amount, parse_amount, parse_amount_conversion, scan, text_width, truncate_to_width
from . import check, ratios
from .check import Finding
from .ratios import Ratio, RatioInput, RatioRow, RatioValue
from ._import import SecImportSummary, SecMapping, import_sec_companyfacts, sec_mappings

#: Short alias of :class:`IpofactsError`.
Error = IpofactsError

__version__ = "1.1.0"


def library_version() -> str:
    """Version of the libipofacts that is loaded ("1.1.0")."""
    return (_c_lib.ipofacts_version_string() or b"").decode("utf-8")


def abi_version() -> int:
    """ABI generation of the libipofacts that is loaded."""
    return int(_c_lib.ipofacts_abi_version())


__all__ = [
    "Amount",
    "Finding",
    "check",
    "NAME_LANGUAGES",
    "Ratio",
    "RatioInput",
    "RatioRow",
    "RatioValue",
    "SecImportSummary",
    "SecMapping",
    "import_sec_companyfacts",
    "parse_amount",
    "parse_amount_conversion",
    "ratios",
    "scan",
    "sec_mappings",
    "text_width",
    "truncate_to_width",
    "AbiVersionError",
    "BufferTooSmallError",
    "Citation",
    "Company",
    "DECIMALS_INF",
    "Dataset",
    "DatasetClosedError",
    "Date",
    "DateError",
    "DecimalOverflowError",
    "DuplicateIdError",
    "Error",
    "Event",
    "Fact",
    "FileAccessError",
    "FormatVersionError",
    "InputSyntaxError",
    "Interval",
    "InvalidArgumentError",
    "IpofactsError",
    "LibraryNotFoundError",
    "Member",
    "NoAmountError",
    "NotFoundError",
    "OutOfMemoryError",
    "Period",
    "Person",
    "RECORD_FIELDS",
    "RangeError",
    "SchemaError",
    "Source",
    "TooLargeError",
    "UndefinedReferenceError",
    "UnitError",
    "Utf8Error",
    "abi_version",
    "concept_ids",
    "concept_label",
    "library_path",
    "library_version",
    "months_between",
    "parse_period_label",
    "period_label",
    "reported_interval",
    "stated_decimals",
    "unit_currency",
    "unit_kind",
]


def _public_module_names() -> None:
    # Show the public classes as ipofacts.X in tracebacks and reprs.
    for name in __all__:
        obj = globals().get(name)
        if isinstance(obj, type) and obj.__module__.startswith("ipofacts._"):
            obj.__module__ = __name__


_public_module_names()
