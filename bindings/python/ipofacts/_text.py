"""Amounts in Chinese and English text: the parser, the scanner, implied
exchange rates and display width (``include/ipofacts/text.h``).

Offsets: the C library reports byte offsets into the UTF-8 text; an
:class:`Amount` gives both those (``byte_start``, ``byte_end``) and the
matching character offsets into the Python string (``start``, ``end``),
so ``text[amount.start:amount.end]`` is the figure.
"""

from __future__ import annotations

import ctypes
import decimal
from dataclasses import dataclass, field
from typing import List, Optional, Tuple, Union

from . import _native
from ._errors import check
from ._lib import lib
from ._values import Interval, decimal_from_c, decimals_from_c, interval_from_c, qualifier_name, text as ctext

TextLike = Union[str, bytes]

AMOUNT_PERCENT = 1
AMOUNT_POINTS = 2
AMOUNT_CONVERSION = 4
AMOUNT_MIXED = 8
AMOUNT_RANK = 16


def _utf8(value: TextLike) -> bytes:
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"text must be a str or bytes, not {type(value).__name__}")


def _char_offset(raw: bytes, byte_offset: int) -> int:
    return len(raw[:byte_offset].decode("utf-8", "replace"))


@dataclass(frozen=True)
class Amount:
    """One amount read from text, exact.

    ``parse_amount("2.44 億美元")`` is ``Decimal("244000000")`` USD with
    ``decimals`` -6: the text states the figure to the million.

    Attributes:
        value: the exact value (for a range, its lower end).
        upper: the upper end of a range, else ``None``.
        decimals: the precision the text states, as XBRL's decimals
            (``None`` when exact).
        qualifier: ``"exact"``, ``"approximately"``, ``"at_least"``,
            ``"at_most"`` or ``"range"``.
        unit: ``"USD"``, ``"HKD/share"``, ``"pure"``, ``"count"``, ...
        literal: the figure as the text prints it.
        start, end: character offsets of the figure in the text given.
        byte_start, byte_end: the same in bytes of its UTF-8 form.
        percent: the text gives a percentage ("23.3%"; the value is 0.233).
        points: the text gives percentage points.
        conversion: the figure restates another amount in another currency.
        mixed: the figure combines several numbers ("2亿4千万").
        rank: the figure is a place in a ranking (unit "rank": "全球第五" is 5,
            "全球前三" at most 3).
        conversion_of: index of the amount this one restates (in a scan or
            a conversion pair), else ``None``.
        converted_to: index of the amount restating this one, else ``None``.
        context: the words around the figure (from :func:`scan` only).
    """

    value: decimal.Decimal
    upper: Optional[decimal.Decimal]
    decimals: Optional[int]
    qualifier: str
    unit: str
    literal: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    percent: bool = False
    points: bool = False
    conversion: bool = False
    mixed: bool = False
    rank: bool = False
    conversion_of: Optional[int] = None
    converted_to: Optional[int] = None
    context: Optional[str] = None
    _c: _native.CAmount = field(default_factory=_native.CAmount, repr=False, compare=False)

    @property
    def interval(self) -> Interval:
        """The interval of true values the figure stands for (``ipofacts_amount_interval()``)."""
        out = _native.CInterval()
        check(lib.ipofacts_amount_interval(ctypes.byref(out), ctypes.byref(self._c)),
              context=f"interval of {self.literal!r}")
        return interval_from_c(out)

    def implied_rate(self, conversion: "Amount") -> Tuple[Interval, str]:
        """The exchange rate this amount and its @p conversion imply.

        "3100万美元（约合2.2亿元人民币）" gives CNY/USD within [6.8254, 7.3771].

        Returns:
            The interval of rates and its unit ("CNY/USD": units of the
            conversion's currency per unit of this amount's).

        Raises:
            UnitError: either is not money, or both are in one currency.
            RangeError: an interval reaches zero, or ranges cannot agree.
        """
        out = _native.CInterval()
        what = f"rate implied by {self.literal!r} and {conversion.literal!r}"
        check(lib.ipofacts_amount_implied_rate(ctypes.byref(out), ctypes.byref(self._c),
                                               ctypes.byref(conversion._c)), context=what)
        buf = ctypes.create_string_buffer(16)
        check(lib.ipofacts_amount_rate_unit(buf, ctypes.sizeof(buf), ctypes.byref(self._c),
                                            ctypes.byref(conversion._c)), context=what)
        return interval_from_c(out), ctext(buf.value) or ""

    def __str__(self) -> str:
        upper = f"..{self.upper}" if self.upper is not None else ""
        return f"{self.value}{upper} {self.unit}"


def _amount(c: _native.CAmount, raw: bytes, context: Optional[str] = None) -> Amount:
    copy = _native.CAmount.from_buffer_copy(c)
    qualifier = qualifier_name(c.qualifier)
    start = int(c.start)
    end = int(c.end)
    flags = int(c.flags)
    return Amount(
        value=decimal_from_c(c.value),
        upper=decimal_from_c(c.upper) if qualifier == "range" else None,
        decimals=decimals_from_c(c.decimals),
        qualifier=qualifier,
        unit=ctext(c.unit) or "",
        literal=raw[start:end].decode("utf-8", "replace"),
        start=_char_offset(raw, start),
        end=_char_offset(raw, end),
        byte_start=start,
        byte_end=end,
        percent=bool(flags & AMOUNT_PERCENT),
        points=bool(flags & AMOUNT_POINTS),
        conversion=bool(flags & AMOUNT_CONVERSION),
        mixed=bool(flags & AMOUNT_MIXED),
        rank=bool(flags & AMOUNT_RANK),
        conversion_of=int(c.conversion_of) if c.conversion_of >= 0 else None,
        converted_to=int(c.converted_to) if c.converted_to >= 0 else None,
        context=context,
        _c=copy,
    )


def parse_amount(text: TextLike) -> Amount:
    """Parses the first amount of a text (``ipofacts_parse_amount()``).

    Dates, years, ordinals that are not ranks ("前三季度", "第一次") and
    numbers with no unit are skipped; ranks ("全球第五") are amounts of unit
    "rank".

    Args:
        text: the text, a ``str`` or UTF-8 ``bytes`` (at most 1 MiB)

    Raises:
        NoAmountError: the text holds no amount (``offset`` says where).
        Utf8Error: bytes that are not UTF-8.
        DecimalOverflowError: a number of more than 18 significant digits.
        TooLargeError: more than 1 MiB of text.
    """
    raw = _utf8(text)
    out = _native.CAmount()
    error = _native.CError()
    check(lib.ipofacts_parse_amount(ctypes.byref(out), raw, len(raw), ctypes.byref(error)), error,
          context="parsing an amount")
    return _amount(out, raw)


def parse_amount_conversion(text: TextLike) -> Tuple[Amount, Optional[Amount]]:
    """Parses the first amount of a text and, when the text restates it in
    another currency ("1.7亿美元（约合12亿元人民币）"), that conversion too.

    Returns:
        The amount and its conversion (``None`` when there is none).

    Raises:
        IpofactsError: as :func:`parse_amount`.
    """
    raw = _utf8(text)
    out = _native.CAmount()
    conversion = _native.CAmount()
    error = _native.CError()
    check(lib.ipofacts_parse_amount_conversion(ctypes.byref(out), ctypes.byref(conversion), raw, len(raw),
                                               ctypes.byref(error)), error, context="parsing an amount")
    first = _amount(out, raw)
    if out.converted_to < 0:
        return first, None
    return first, _amount(conversion, raw)


def scan(text: TextLike) -> List[Amount]:
    """Finds every amount of a text, in text order, each with the words around it.

    A conversion ("（约合2.2亿元人民币）") is its own amount, linked to the one
    it restates by ``conversion_of`` / ``converted_to`` (indexes into the list).

    Args:
        text: the text, a ``str`` or UTF-8 ``bytes`` (at most 64 MiB)

    Raises:
        Utf8Error: bytes that are not UTF-8 (``offset`` says where).
        DecimalOverflowError: an amount of more than 18 significant digits.
        TooLargeError: more than 64 MiB of text.
    """
    raw = _utf8(text)
    handle = ctypes.c_void_p()
    error = _native.CError()
    check(lib.ipofacts_scan_text(ctypes.byref(handle), raw, len(raw), ctypes.byref(error)), error,
          context="scanning text")
    try:
        amounts = []
        for i in range(lib.ipofacts_scan_count(handle)):
            pointer = lib.ipofacts_scan_amount(handle, i)
            amounts.append(_amount(pointer.contents, raw, ctext(lib.ipofacts_scan_context(handle, i))))
        return amounts
    finally:
        lib.ipofacts_scan_free(handle)


def text_width(text: TextLike) -> int:
    """Width of text in terminal columns: "稀宇科技" is 8 (``ipofacts_text_width()``).

    Raises:
        Utf8Error: bytes that are not UTF-8.
    """
    raw = _utf8(text)
    out = ctypes.c_size_t()
    check(lib.ipofacts_text_width(ctypes.byref(out), raw, len(raw)), context="measuring text")
    return int(out.value)


def truncate_to_width(text: TextLike, width: int) -> str:
    """The longest prefix of @p text at most @p width columns wide, cut at a
    character boundary: "稀宇科技" to 5 columns is "稀宇" (``ipofacts_text_truncate()``).

    Raises:
        Utf8Error: bytes that are not UTF-8.
        ValueError: a negative width.
    """
    if width < 0:
        raise ValueError("width must not be negative")
    raw = _utf8(text)
    out = ctypes.c_size_t()
    check(lib.ipofacts_text_truncate(ctypes.byref(out), raw, len(raw), int(width)), context="truncating text")
    return raw[: out.value].decode("utf-8")
