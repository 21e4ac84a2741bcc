"""Values: exact decimals, dates, intervals, units and concepts.

C decimals become Python :class:`decimal.Decimal` values with every digit
kept; dates become :class:`Date` (a date known to a year, a month or a day);
intervals become :class:`Interval`. The functions here wrap the value layer
of the C library (``include/ipofacts/value.h``) and the concept tables.
"""

from __future__ import annotations

import ctypes
import datetime
import decimal
import math
from dataclasses import dataclass
from typing import Dict, Optional, Tuple, Union

from . import _native
from ._errors import E_OVERFLOW, E_INVALID, check, make_error
from ._lib import lib

#: ``decimals`` of a value known exactly (XBRL ``INF``) in the C API.
DECIMALS_INF: int = _native.DECIMALS_INF

DecimalLike = Union[decimal.Decimal, int, str]

#: Stable names of the C ``ipofacts_unit_kind`` values.
UNIT_KINDS: Dict[int, str] = {
    0: "invalid",
    1: "currency",
    2: "pure",
    3: "count",
    4: "multiple",
    5: "duration",
    6: "per_share",
    7: "rate",
}

#: Names of the C ``ipofacts_member_kind`` values, as the data format spells them.
MEMBER_KINDS: Dict[int, str] = {
    0: "other",
    1: "segment",
    2: "region",
    3: "shareholder",
    4: "investor",
    5: "round",
    6: "customer",
}

#: Names of the C ``ipofacts_preference`` values: why a fact was preferred.
PREFERENCES: Dict[int, str] = {
    0: "only",
    1: "precision",
    2: "source_rank",
    3: "source_count",
    4: "file_order",
    5: "source_date",
}

_PRECISIONS = {1: "year", 2: "month", 3: "day"}
_PRECISION_NUMBERS = {name: number for number, name in _PRECISIONS.items()}


def text(raw: Optional[bytes]) -> Optional[str]:
    """Decodes a borrowed C string (UTF-8) into a Python string; ``None`` stays ``None``."""
    if raw is None:
        return None
    return raw.decode("utf-8", "replace")


def cstr(value: Optional[str], what: str = "argument") -> Optional[bytes]:
    """Encodes a Python string for the C side (UTF-8, no NUL characters)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    if "\0" in value:
        raise make_error(E_INVALID, context=f"{what} contains a NUL character")
    return value.encode("utf-8")


# --------------------------------------------------------------------------
# Decimals
# --------------------------------------------------------------------------


def decimal_from_c(value: _native.CDecimal) -> decimal.Decimal:
    """The exact :class:`decimal.Decimal` of a C ``ipofacts_decimal``.

    A negative exponent is kept as given (coefficient 1220, exponent -3 is
    ``Decimal("1.220")``); a positive exponent is written out as trailing
    zeros (coefficient 30523, exponent 3 is ``Decimal("30523000")``), as
    ``ipofacts_decimal_format()`` prints it.
    """
    coefficient = int(value.coefficient)
    exponent = int(value.exponent)
    if exponent >= 0:
        return decimal.Decimal(coefficient * 10**exponent)
    sign = 1 if coefficient < 0 else 0
    digits = tuple(int(d) for d in str(abs(coefficient)))
    return decimal.Decimal((sign, digits, exponent))


def decimal_to_c(value: DecimalLike) -> _native.CDecimal:
    """A C ``ipofacts_decimal`` for a Python number, exactly or not at all.

    Args:
        value: a :class:`decimal.Decimal`, an ``int``, or a string that
            ``ipofacts_decimal_parse()`` reads (``"-12.50"``, ``"3.46e6"``)

    Raises:
        InputSyntaxError: a string that is not a decimal.
        DecimalOverflowError: more than 18 significant digits, or an exponent
            beyond +/-40.
        InvalidArgumentError: NaN or infinity.
        TypeError: another type (``float`` is refused: it is not exact).
    """
    out = _native.CDecimal()
    if isinstance(value, str):
        raw = value.encode("utf-8")
        check(lib.ipofacts_decimal_parse(ctypes.byref(out), raw, len(raw)), context=f"decimal {value!r}")
        return out
    if isinstance(value, bool) or not isinstance(value, (int, decimal.Decimal)):
        raise TypeError(f"an exact decimal must be a Decimal, an int or a str, not {type(value).__name__}")
    number = decimal.Decimal(value)
    if not number.is_finite():
        raise make_error(E_INVALID, context=f"decimal {value!r} is not finite")
    sign, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)
    coefficient = int("".join(str(d) for d in digits)) if digits else 0
    # Drop trailing zeros only when they are needed to fit.
    while (coefficient > _native.DECIMAL_COEFFICIENT_MAX or exponent < _native.DECIMAL_EXPONENT_MIN) \
            and coefficient % 10 == 0 and coefficient != 0 and exponent < _native.DECIMAL_EXPONENT_MAX:
        coefficient //= 10
        exponent += 1
    if coefficient == 0:
        exponent = min(max(exponent, _native.DECIMAL_EXPONENT_MIN), _native.DECIMAL_EXPONENT_MAX)
    if coefficient > _native.DECIMAL_COEFFICIENT_MAX or not (
        _native.DECIMAL_EXPONENT_MIN <= exponent <= _native.DECIMAL_EXPONENT_MAX
    ):
        raise make_error(E_OVERFLOW, context=f"decimal {value!r} does not fit 18 digits and exponent +/-40")
    out.coefficient = -coefficient if sign else coefficient
    out.exponent = exponent
    out.reserved = 0
    return out


def stated_decimals(value: DecimalLike) -> int:
    """The ``decimals`` a figure's text states (``ipofacts_decimal_stated_decimals()``).

    ``Decimal("3052.3E4")`` (3052.3 萬) gives -3.
    """
    c = decimal_to_c(value)
    return int(lib.ipofacts_decimal_stated_decimals(ctypes.byref(c)))


def decimals_from_c(decimals: int) -> Optional[int]:
    """A C ``decimals`` as Python: the same number, or ``None`` for ``INF`` (known exactly)."""
    return None if decimals == DECIMALS_INF else int(decimals)


def decimals_to_c(decimals: Optional[int]) -> int:
    """A Python ``decimals`` (``None`` for exact) as the C number."""
    return DECIMALS_INF if decimals is None else int(decimals)


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Date:
    """A Gregorian date known to a year, a month or a day.

    ``Date(2021)`` is "2021", ``Date(2021, 12)`` is "2021-12",
    ``Date(2026, 1, 9)`` is "2026-01-09". Fields finer than the precision are 0.
    Dates order as (year, month, day), a coarser date as its first day.
    """

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.day:
            return "day"
        if self.month:
            return "month"
        return "year"

    def to_date(self) -> Optional[datetime.date]:
        """The :class:`datetime.date` of a day-precision date, else ``None``."""
        if self.precision != "day":
            return None
        return datetime.date(self.year, self.month, self.day)

    def __str__(self) -> str:
        if self.precision == "day":
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @classmethod
    def parse(cls, value: str) -> "Date":
        """Parses ``"YYYY"``, ``"YYYY-MM"`` or ``"YYYY-MM-DD"`` (``ipofacts_date_parse()``).

        Raises:
            InputSyntaxError: another shape.
            DateError: an impossible date (``"2025-02-29"``).
        """
        raw = cstr(value, "date") or b""
        out = _native.CDate()
        check(lib.ipofacts_date_parse(ctypes.byref(out), raw, len(raw)), context=f"date {value!r}")
        result = date_from_c(out)
        assert result is not None
        return result

    @classmethod
    def from_date(cls, value: datetime.date) -> "Date":
        """The day-precision :class:`Date` of a :class:`datetime.date`."""
        return cls(value.year, value.month, value.day)


def date_from_c(value: _native.CDate) -> Optional[Date]:
    """A :class:`Date` from a C ``ipofacts_date``; ``None`` when its precision is UNKNOWN."""
    if value.precision not in _PRECISIONS:
        return None
    return Date(int(value.year), int(value.month), int(value.day))


def date_to_c(value: Union[Date, datetime.date, str, None]) -> _native.CDate:
    """A C ``ipofacts_date``; ``None`` gives a date of precision UNKNOWN."""
    out = _native.CDate()
    if value is None:
        return out
    if isinstance(value, str):
        value = Date.parse(value)
    elif isinstance(value, datetime.date):
        value = Date.from_date(value)
    if not isinstance(value, Date):
        raise TypeError(f"a date must be an ipofacts.Date, a datetime.date or a str, not {type(value).__name__}")
    out.year = value.year
    out.month = value.month
    out.day = value.day
    out.precision = _PRECISION_NUMBERS[value.precision]
    return out


def months_between(start: Union[Date, datetime.date, str], end: Union[Date, datetime.date, str]) -> int:
    """Whole calendar months from @p start to @p end inclusive (``ipofacts_months_between()``).

    ``months_between("2025-01-01", "2025-09-30")`` is 9.

    Raises:
        DateError: @p end is before @p start.
        RangeError: the span is not a whole number of months.
        InvalidArgumentError: dates without day precision.
    """
    a = date_to_c(start)
    b = date_to_c(end)
    out = ctypes.c_int32()
    check(lib.ipofacts_months_between(ctypes.byref(out), ctypes.byref(a), ctypes.byref(b)),
          context=f"months from {start} to {end}")
    return int(out.value)


def parse_period_label(label: str, fiscal_year_end: int = 12) -> Tuple[Optional[Date], Date]:
    """The dates of a period label (``ipofacts_period_label_parse()``).

    ``parse_period_label("9M2025")`` is ``(Date(2025, 1, 1), Date(2025, 9, 30))``;
    an instant (``"2025-09-30"``) has ``None`` as its start.

    Raises:
        InputSyntaxError: a label the library does not know.
    """
    start = _native.CDate()
    end = _native.CDate()
    check(lib.ipofacts_period_label_parse(ctypes.byref(start), ctypes.byref(end), cstr(label, "label"),
                                          int(fiscal_year_end)),
          context=f"period label {label!r}")
    last = date_from_c(end)
    assert last is not None
    return date_from_c(start), last


def period_label(start: Union[Date, datetime.date, str, None], end: Union[Date, datetime.date, str],
                 fiscal_year_end: int = 12) -> str:
    """The conventional label of a period (``ipofacts_period_label_format()``): ``"FY2024"``, ``"9M2025"``."""
    a = date_to_c(start)
    b = date_to_c(end)
    buf = ctypes.create_string_buffer(64)
    check(lib.ipofacts_period_label_format(buf, ctypes.sizeof(buf), ctypes.byref(a), ctypes.byref(b),
                                           int(fiscal_year_end)),
          context=f"label of the period {start}..{end}")
    return text(buf.value) or ""


# --------------------------------------------------------------------------
# Intervals and qualifiers
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Interval:
    """A closed interval [lo, hi] of true values; ``None`` for an open end.

    Bounds are rounded outward by the library, so the interval always
    contains the exact bounds. ``x in interval`` tests membership.
    """

    lo: Optional[float]
    hi: Optional[float]

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, (int, float, decimal.Decimal)):
            return False
        x = float(value)
        if self.lo is not None and x < self.lo:
            return False
        if self.hi is not None and x > self.hi:
            return False
        return True

    @property
    def width(self) -> float:
        """hi - lo; infinite when an end is open."""
        if self.lo is None or self.hi is None:
            return math.inf
        return self.hi - self.lo

    def __str__(self) -> str:
        lo = "-inf" if self.lo is None else f"{self.lo:.6g}"
        hi = "+inf" if self.hi is None else f"{self.hi:.6g}"
        return f"[{lo}, {hi}]"


def interval_from_c(value: _native.CInterval) -> Interval:
    """An :class:`Interval` from a C ``ipofacts_interval``."""
    lo = None if value.flags & _native.INTERVAL_NO_LO else float(value.lo)
    hi = None if value.flags & _native.INTERVAL_NO_HI else float(value.hi)
    return Interval(lo, hi)


def qualifier_name(number: int) -> str:
    """Stable name of a C qualifier (``"exact"``, ``"approximately"``, ...)."""
    name = text(lib.ipofacts_qualifier_name(int(number)))
    return name if name is not None else f"qualifier {int(number)}"


def qualifier_number(name: str) -> int:
    """The C number of a qualifier name.

    Raises:
        NotFoundError: an unknown name.
    """
    out = ctypes.c_int()
    check(lib.ipofacts_qualifier_from_name(ctypes.byref(out), cstr(name, "qualifier")),
          context=f"qualifier {name!r}")
    return int(out.value)


def reported_interval(value: DecimalLike, decimals: Optional[int], qualifier: str = "exact",
                      upper: Optional[DecimalLike] = None) -> Interval:
    """The interval of true values a reported figure stands for (``ipofacts_reported_interval()``).

    ``reported_interval(Decimal("30523000"), -3)`` is [30522500, 30523500].

    Args:
        value: the reported value (the lower end of a range)
        decimals: its precision as XBRL's ``decimals``; ``None`` for exact
        qualifier: ``"exact"``, ``"approximately"``, ``"at_least"``, ``"at_most"`` or ``"range"``
        upper: the upper end of a range

    Raises:
        InvalidArgumentError: a range without @p upper, or with upper < value.
        NotFoundError: an unknown qualifier name.
    """
    v = decimal_to_c(value)
    u = decimal_to_c(upper) if upper is not None else None
    out = _native.CInterval()
    check(lib.ipofacts_reported_interval(ctypes.byref(out), ctypes.byref(v),
                                         ctypes.byref(u) if u is not None else None,
                                         decimals_to_c(decimals), qualifier_number(qualifier)),
          context=f"interval of {value} ({qualifier}, decimals {decimals})")
    return interval_from_c(out)


# --------------------------------------------------------------------------
# Units and concepts
# --------------------------------------------------------------------------


def unit_kind(unit: str) -> str:
    """What a unit measures: ``"currency"``, ``"pure"``, ``"count"``, ``"multiple"``,
    ``"duration"``, ``"per_share"``, ``"rate"``, or ``"invalid"`` (``ipofacts_unit_classify()``)."""
    return UNIT_KINDS.get(int(lib.ipofacts_unit_classify(cstr(unit, "unit"))), "invalid")


def unit_currency(unit: str) -> str:
    """The currency of a monetary unit (``"USD"`` for ``"USD/share"``).

    Raises:
        UnitError: a unit without a currency.
    """
    buf = ctypes.create_string_buffer(8)
    check(lib.ipofacts_unit_currency(buf, ctypes.sizeof(buf), cstr(unit, "unit")), context=f"unit {unit!r}")
    return text(buf.value) or ""


def concept_label(concept_id: str) -> Optional[str]:
    """The English label of a known concept (``"Revenue"``), or ``None`` for another id."""
    number = int(lib.ipofacts_concept_from_id(cstr(concept_id, "concept")))
    if number == 0:
        return None
    return text(lib.ipofacts_concept_label(number))


def concept_ids() -> Tuple[str, ...]:
    """The ids of every concept the library knows by number, in number order."""
    ids = []
    number = 1
    while True:
        name = text(lib.ipofacts_concept_id(number))
        if name is None:
            break
        ids.append(name)
        number += 1
    return tuple(ids)
