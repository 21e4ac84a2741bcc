"""Ratios with intervals (``include/ipofacts/ratios.h``).

Two levels, as in C:

- on a company: :meth:`ipofacts.Company.ratio` and :meth:`ipofacts.Company.ratios`
  give :class:`Ratio` objects, computed from the dataset's preferred facts,
  that explain themselves (formula, arithmetic, inputs with their sources);
- on values: :func:`growth`, :func:`gross_margin`, :func:`runway`, ... take
  operands (a :class:`~ipofacts.Fact`, a :class:`Ratio`, a :class:`RatioValue`
  or one made with :func:`operand`) and give a :class:`RatioValue`.

Every result has a ``value`` and an interval ``[lo, hi]`` of the values the
inputs' precision allows, and a ``status``: a ratio that cannot honestly be
computed (a zero or negative base, periods of different lengths, mixed
currencies, a company that is not burning cash) says so, with ``value``,
``lo`` and ``hi`` set to ``None``. Pure ratios are fractions (7.822 is 782.2%).
"""

from __future__ import annotations

import ctypes
import struct
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Dict, List, NamedTuple, Optional, Sequence, Tuple, Union

from . import _native
from ._errors import E_INVALID, check, make_error
from ._lib import lib
from ._resource import Resource
from ._values import (
    DecimalLike,
    Interval,
    cstr,
    date_from_c,
    decimal_to_c,
    decimals_to_c,
    interval_from_c,
    qualifier_number,
    text,
)

if TYPE_CHECKING:  # pragma: no cover
    from ._dataset import Company, Fact, Period
    from ._values import Date

FLAG_REPORTED = 1
FLAG_DERIVED = 2
FLAG_PROXY = 4
FLAG_ANNUALISED = 8
FLAG_IMPLIED = 16
FLAG_CONVERTED = 32

def _names(getter: Any) -> Tuple[str, ...]:
    names = []
    number = 1
    while True:
        name = text(getter(number))
        if name is None:
            return tuple(names)
        names.append(name)
        number += 1


#: Stable names of the ratio kinds the loaded library computes, in C enum
#: order from 1 ("growth", "cagr", "gross_margin", ...); new kinds are appended.
KINDS: Tuple[str, ...] = _names(lib.ipofacts_ratio_kind_name)


def status_name(number: int) -> str:
    """Stable name of a ratio status ("ok", "negative_base", ...)."""
    return text(lib.ipofacts_ratio_status_name(int(number))) or "unknown"


def basis_name(number: int) -> str:
    """Stable name of a ratio basis ("default", "net_income", ...)."""
    return text(lib.ipofacts_ratio_basis_name(int(number))) or "unknown"


def basis_number(name: str) -> int:
    """The C number of a basis name.

    Raises:
        NotFoundError: an unknown name.
    """
    out = ctypes.c_int()
    check(lib.ipofacts_ratio_basis_from_name(ctypes.byref(out), cstr(name, "basis")), context=f"basis {name!r}")
    return int(out.value)


def kind_name(number: int) -> str:
    """Stable name of a ratio kind ("growth", "runway", ...)."""
    return text(lib.ipofacts_ratio_kind_name(int(number))) or f"kind {int(number)}"


def kind_number(name: str) -> int:
    """The C number of a ratio kind name.

    Raises:
        NotFoundError: an unknown name.
    """
    out = ctypes.c_int()
    check(lib.ipofacts_ratio_kind_from_name(ctypes.byref(out), cstr(name, "ratio kind")),
          context=f"ratio kind {name!r}")
    return int(out.value)


def reported_concept(kind: str, concept: Optional[str] = None) -> Optional[str]:
    """The concept of the reported figure a ratio kind corresponds to
    ("revenue_growth" for the growth of revenue), or ``None``."""
    return text(lib.ipofacts_ratio_kind_reported_concept(kind_number(kind), cstr(concept, "concept")))


def format_value(value: Optional[float], unit: str) -> str:
    """A number as people read it: a pure ratio as a percentage, months, a multiple, an amount."""
    if value is None:
        return "-"
    if unit == "pure":
        return f"{value * 100:.2f}%"
    if unit == "months":
        return f"{value:.1f} months"
    if unit == "multiple":
        return f"{value:.2f}x"
    if unit == "shares":
        return f"{value:,.0f} shares"
    return f"{value:,.2f} {unit}" if abs(value) < 1000 else f"{value:,.0f} {unit}"


@dataclass(frozen=True)
class RatioValue:
    """A computed ratio or amount (a copy of a C ``ipofacts_ratio``).

    Attributes:
        value: the value from the inputs' stated values; ``None`` unless ``ok``.
        lo: lower bound of every value the inputs allow; ``None`` when open
            or not ``ok``.
        hi: upper bound; ``None`` when open or not ``ok``.
        status: "ok", or why there is no value ("negative_base",
            "period_mismatch", "currency_mismatch", "not_burning", ...).
        basis: what it was computed from, when there is a choice
            ("net_income", "revenue_less_cost", "implied_prior", ...).
        unit: "pure", "months", "multiple", "shares", "USD", "USD/month", ...
        reported: the value is a reported figure (an operand made from a fact).
        derived: the value was computed by the library.
        proxy: the basis is a proxy (a burn from net income is not cash).
        annualised: flows were scaled to twelve months.
        implied: an input was implied (a prior period from a growth rate).
        converted: an amount was converted at an exchange rate.
    """

    value: Optional[float]
    lo: Optional[float]
    hi: Optional[float]
    status: str
    basis: str
    unit: str
    reported: bool = False
    derived: bool = False
    proxy: bool = False
    annualised: bool = False
    implied: bool = False
    converted: bool = False
    _c: _native.CRatio = field(default_factory=_native.CRatio, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """True when the ratio has a value."""
        return self.status == "ok"

    @property
    def interval(self) -> Optional[Interval]:
        """[lo, hi] as an :class:`~ipofacts.Interval`; ``None`` unless ``ok``."""
        return Interval(self.lo, self.hi) if self.ok else None

    def __contains__(self, x: object) -> bool:
        interval = self.interval
        return interval is not None and x in interval

    def __str__(self) -> str:
        if not self.ok:
            return f"({self.status})"
        lo = "-inf" if self.lo is None else format_value(self.lo, self.unit)
        hi = "+inf" if self.hi is None else format_value(self.hi, self.unit)
        return f"{format_value(self.value, self.unit)} [{lo}, {hi}]"


def _value(c: _native.CRatio) -> RatioValue:
    copy = _native.CRatio.from_buffer_copy(c)
    ok = c.status == 0
    interval = interval_from_c(c.interval) if ok else Interval(None, None)
    flags = int(c.flags)
    return RatioValue(
        value=float(c.value) if ok else None,
        lo=interval.lo,
        hi=interval.hi,
        status=status_name(c.status),
        basis=basis_name(c.basis),
        unit=text(c.unit) or "",
        reported=bool(flags & FLAG_REPORTED),
        derived=bool(flags & FLAG_DERIVED),
        proxy=bool(flags & FLAG_PROXY),
        annualised=bool(flags & FLAG_ANNUALISED),
        implied=bool(flags & FLAG_IMPLIED),
        converted=bool(flags & FLAG_CONVERTED),
        _c=copy,
    )


# --------------------------------------------------------------------------
# Company-level ratios
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class RatioInput:
    """One input of a :class:`Ratio`: its role in the formula, its value, and
    the reported fact or nested ratio it is (``None`` for a missing input)."""

    role: str
    value: RatioValue
    fact: Optional["Fact"]
    derived: Optional["Ratio"]


class Ratio:
    """A ratio of a company for a period, computed from the dataset's
    preferred facts, that can explain itself.

    ``value``, ``lo``, ``hi``, ``status``, ``unit`` and ``basis`` are those of
    :attr:`result`. A ratio keeps its dataset alive.
    """

    __slots__ = ("_resource", "_ptr")

    def __init__(self, resource: Resource, ptr: int) -> None:
        self._resource = resource
        self._ptr = ptr

    @property
    def result(self) -> RatioValue:
        """The computed value, interval and status."""
        return _value(lib.ipofacts_derived_ratio(self._ptr).contents)

    @property
    def value(self) -> Optional[float]:
        """The value; ``None`` unless the status is "ok"."""
        return self.result.value

    @property
    def lo(self) -> Optional[float]:
        """Lower bound of the interval (``None`` when open or not ok)."""
        return self.result.lo

    @property
    def hi(self) -> Optional[float]:
        """Upper bound of the interval (``None`` when open or not ok)."""
        return self.result.hi

    @property
    def interval(self) -> Optional[Interval]:
        """[lo, hi]; ``None`` unless ok."""
        return self.result.interval

    @property
    def status(self) -> str:
        """"ok" or why there is no value."""
        return self.result.status

    @property
    def ok(self) -> bool:
        """True when the ratio has a value."""
        return self.result.ok

    @property
    def unit(self) -> str:
        """What the number counts ("pure", "months", "USD/month", ...)."""
        return self.result.unit

    @property
    def basis(self) -> str:
        """What it was computed from, when there is a choice."""
        return self.result.basis

    @property
    def kind(self) -> str:
        """Which ratio: "growth", "gross_margin", "runway", ..."""
        return kind_name(lib.ipofacts_derived_kind(self._ptr))

    @property
    def company(self) -> "Company":
        """The company."""
        from ._dataset import Company

        return Company(self._resource.root(), lib.ipofacts_derived_company(self._ptr))

    @property
    def period(self) -> "Period":
        """The period the ratio was asked for."""
        from ._dataset import Period

        return Period(self._resource.root(), lib.ipofacts_derived_period(self._ptr))

    @property
    def label(self) -> str:
        """What the ratio covers: "FY2024", "TTM to 2025-09-30"."""
        return text(lib.ipofacts_derived_label(self._ptr)) or ""

    @property
    def start(self) -> Optional["Date"]:
        """First day of what the ratio covers (:class:`~ipofacts.Date`), ``None`` for an instant."""
        return date_from_c(lib.ipofacts_derived_start(self._ptr))

    @property
    def end(self) -> Optional["Date"]:
        """Last day of what the ratio covers, or its instant (:class:`~ipofacts.Date`)."""
        return date_from_c(lib.ipofacts_derived_end(self._ptr))

    @property
    def concept(self) -> Optional[str]:
        """The concept a growth, CAGR or TTM is of ("revenue"), else ``None``."""
        return text(lib.ipofacts_derived_concept_id(self._ptr))

    @property
    def segment(self) -> Optional[str]:
        """The segment or holder the ratio is about, else ``None``."""
        return text(lib.ipofacts_derived_segment(self._ptr))

    @property
    def formula(self) -> str:
        """The formula in words ("current / prior - 1")."""
        return text(lib.ipofacts_derived_formula(self._ptr)) or ""

    @property
    def arithmetic(self) -> str:
        """The formula with the numbers and the result, or why it could not be computed."""
        return text(lib.ipofacts_derived_arithmetic(self._ptr)) or ""

    @property
    def reported_concept(self) -> Optional[str]:
        """The concept of the reported figure this ratio can be compared with, or ``None``."""
        return text(lib.ipofacts_ratio_kind_reported_concept(lib.ipofacts_derived_kind(self._ptr),
                                                             cstr(self.concept, "concept")))

    @property
    def inputs(self) -> List[RatioInput]:
        """The inputs, found or looked for, in formula order."""
        from ._dataset import Fact

        root = self._resource.root()
        inputs = []
        for i in range(lib.ipofacts_derived_input_count(self._ptr)):
            fact_ptr = lib.ipofacts_derived_input_fact(self._ptr, i)
            nested = lib.ipofacts_derived_input_derived(self._ptr, i)
            inputs.append(RatioInput(
                role=text(lib.ipofacts_derived_input_role(self._ptr, i)) or "",
                value=_value(lib.ipofacts_derived_input_value(self._ptr, i).contents),
                fact=Fact(root, fact_ptr) if fact_ptr else None,
                derived=Ratio(self._resource, nested) if nested else None,
            ))
        return inputs

    @property
    def title(self) -> str:
        """A short name that tells this ratio from the others of its company
        and period: "revenue growth", "runway (net_income) on cash_and_investments",
        "price_to_sales (ttm) at market_capitalization 80000000000 HKD"."""
        kind = self.kind
        concept = self.concept
        parts = [f"{concept} {kind}" if concept and kind in ("growth", "cagr", "ttm") else kind]
        if self.segment:
            parts[0] += f"[{self.segment}]"
        basis = self.basis
        if basis not in ("default", "unknown"):
            parts.append(f"({basis})")
        for item in self.inputs:
            fact = item.fact
            if fact is None:
                continue
            if item.role == "cash_and_investments":
                parts.append("on cash_and_investments")
            elif item.role == "market_cap":
                parts.append(f"at {fact.concept} {fact.value} {fact.unit}")
        return " ".join(parts)

    def explain(self) -> str:
        """A few lines: the result with its interval and status, the formula,
        the arithmetic, and each input with its value, precision, period and sources."""
        out = ctypes.c_void_p()
        check(lib.ipofacts_derived_explain(ctypes.byref(out), self._ptr), context=f"explaining {self.kind}")
        try:
            return ctypes.string_at(out.value).decode("utf-8", "replace")
        finally:
            lib.ipofacts_string_free(out.value)

    def __repr__(self) -> str:
        seg = f"[{self.segment}]" if self.segment else ""
        return f"<Ratio {self.kind}{seg} {self.label}: {self.result}>"


def company_ratio(company: "Company", kind: str, period: Union["Period", str], *,
                  concept: Optional[str] = None, segment: Optional[str] = None, basis: Optional[str] = None,
                  cash_concept: Optional[str] = None, currency: Optional[str] = None,
                  base_period: Union["Period", str, None] = None, rate: Optional["Fact"] = None,
                  fact: Optional["Fact"] = None, annualise: bool = False) -> Ratio:
    """One ratio of a company for a period (``ipofacts_company_ratio()``).

    See :meth:`ipofacts.Company.ratio`.
    """
    from ._dataset import Period

    if isinstance(period, str):
        period = company.period(period)
    if isinstance(base_period, str):
        base_period = company.period(base_period)
    if not isinstance(period, Period):
        raise TypeError("period must be an ipofacts.Period or a period id")
    options = _native.CRatioOptions()
    status = lib.ipofacts_ratio_options_init(ctypes.byref(options), _native.RATIO_OPTIONS_VERSION)
    if status != 0:
        check(status, context="ratio options")
    keep = [cstr(concept, "concept"), cstr(segment, "segment"), cstr(cash_concept, "cash concept"),
            cstr(currency, "currency")]
    options.concept_id, options.segment, options.cash_concept_id, options.currency = keep
    options.flags = _native.RATIO_ANNUALISE if annualise else 0
    if basis is not None:
        options.basis = basis_number(basis)
    if base_period is not None:
        options.base_period = base_period._ptr
    if rate is not None:
        options.rate = rate._ptr
    if fact is not None:
        options.fact = fact._ptr
    root = company._owner
    out = ctypes.c_void_p()
    status = lib.ipofacts_company_ratio(ctypes.byref(out), company._ptr, _kind_number(kind), period._ptr,
                                        ctypes.byref(options))
    if status != 0:
        check(status, context=f"{kind} of {company.id!r} for {period.id!r}")
    del keep
    return Ratio(Resource(out.value, lib.ipofacts_derived_free, parent=root), out.value)


def _ratio_set(ptr: int, root: Resource) -> List[Ratio]:
    resource = Resource(ptr, lib.ipofacts_ratio_set_free, parent=root)
    return [Ratio(resource, lib.ipofacts_ratio_set_at(ptr, i)) for i in range(lib.ipofacts_ratio_set_count(ptr))]


def company_ratios(company: "Company") -> List[Ratio]:
    """Every ratio of a company (``ipofacts_company_ratios()``)."""
    out = ctypes.c_void_p()
    check(lib.ipofacts_company_ratios(ctypes.byref(out), company._ptr), context=f"ratios of {company.id!r}")
    return _ratio_set(out.value, company._owner)


def dataset_ratios(owner: Resource) -> List[Ratio]:
    """Every ratio of every company of a dataset (``ipofacts_dataset_ratios()``)."""
    out = ctypes.c_void_p()
    check(lib.ipofacts_dataset_ratios(ctypes.byref(out), owner.ptr), context="ratios of the dataset")
    return _ratio_set(out.value, owner)


class RatioRow(NamedTuple):
    """One ratio of :meth:`ipofacts.Dataset.ratio_values`: plain Python values.

    Attributes:
        company: the company's id.
        period: the period's id.
        kind: the ratio kind ("growth", "gross_margin", ...).
        concept: the concept of a growth or CAGR ("revenue", "net_income"), the
            cash concept of a runway, else ``None`` (growth: ``None`` is revenue).
        segment: the segment or holder, or ``None``.
        basis: what it was computed from ("gross_profit", "net_income", ...).
        status: "ok", or why there is no value.
        value: the value; ``None`` unless ``status`` is "ok".
        lo: lower bound; ``None`` when open-ended or not ok.
        hi: upper bound; ``None`` when open-ended or not ok.
        unit: "pure", "months", "USD", ...
    """

    company: str
    period: str
    kind: str
    concept: Optional[str]
    segment: Optional[str]
    basis: str
    status: str
    value: Optional[float]
    lo: Optional[float]
    hi: Optional[float]
    unit: str


# ipofacts_ratio_row on this platform, read field by field: company, period,
# kind, basis (asked), concept_id, cash_concept_id, segment, (fact), then the
# ipofacts_ratio: value, interval lo, hi, flags, (reserved), status, basis,
# (flags, reserved0), unit, (reserved[4]), and the row's (reserved[2]).
_ROW = struct.Struct("@PPiiPPP8xdddI4xii8x16s48x")
_NO_LO = 1
_NO_HI = 2
_kind_numbers: Dict[str, int] = {}
_new_row = tuple.__new__


def _kind_number(name: str) -> int:
    number = _kind_numbers.get(name)
    if number is None:
        number = _kind_numbers[name] = kind_number(name)
    return number


def ratio_table(owner: Resource, company: Optional["Company"], kinds: Optional[Sequence[str]]) -> List[RatioRow]:
    """Every ratio of a dataset or company, values only
    (``ipofacts_dataset_ratio_table()``, ``ipofacts_company_ratio_table()``)."""
    if _ROW.size != ctypes.sizeof(_native.CRatioRow) or _ROW.size != lib.ipofacts_ratio_row_size():
        raise RuntimeError("ipofacts_ratio_row does not have the layout this package reads")
    if isinstance(kinds, str):
        kinds = [kinds]
    numbers = [_kind_number(k) for k in kinds] if kinds is not None else []
    array = (ctypes.c_int * len(numbers))(*numbers) if kinds is not None else None
    out = ctypes.c_void_p()
    if company is not None:
        status = lib.ipofacts_company_ratio_table(ctypes.byref(out), company._ptr, array, len(numbers))
    else:
        status = lib.ipofacts_dataset_ratio_table(ctypes.byref(out), owner.ptr, array, len(numbers))
    if status != 0:
        check(status, context="ratio values of " + (repr(company.id) if company is not None else "the dataset"))
    try:
        count = lib.ipofacts_ratio_table_count(out.value)
        if count == 0:
            return []
        data = ctypes.string_at(lib.ipofacts_ratio_table_rows(out.value), count * _ROW.size)
        kind_names: Dict[int, str] = {}
        status_names: Dict[int, str] = {}
        basis_names: Dict[int, str] = {}
        strings: Dict[int, Optional[str]] = {0: None}
        places: Dict[Tuple[int, int], Tuple[str, str]] = {}
        units: Dict[bytes, str] = {}
        rows: List[RatioRow] = []
        append = rows.append
        for cp, pp, kind, _asked, concept, cash, segment, value, lo, hi, iflags, st, basis, unit in \
                _ROW.iter_unpack(data):
            place = places.get((cp, pp))
            if place is None:
                place = places[(cp, pp)] = (lib.ipofacts_company_id(cp).decode(), lib.ipofacts_period_id(pp).decode())
            concept = concept or cash
            concept_s = strings.get(concept, "")
            if concept_s == "":
                concept_s = strings[concept] = ctypes.string_at(concept).decode()
            segment_s = strings.get(segment, "")
            if segment_s == "":
                segment_s = strings[segment] = ctypes.string_at(segment).decode()
            kind_s = kind_names.get(kind)
            if kind_s is None:
                kind_s = kind_names[kind] = kind_name(kind)
            status_s = status_names.get(st)
            if status_s is None:
                status_s = status_names[st] = status_name(st)
            basis_s = basis_names.get(basis)
            if basis_s is None:
                basis_s = basis_names[basis] = basis_name(basis)
            unit_s = units.get(unit)
            if unit_s is None:
                unit_s = units[unit] = unit.split(b"\0", 1)[0].decode()
            if st == 0:
                append(_new_row(RatioRow, (place[0], place[1], kind_s, concept_s, segment_s, basis_s,
                                           status_s, value, None if iflags & _NO_LO else lo,
                                           None if iflags & _NO_HI else hi, unit_s)))
            else:
                append(_new_row(RatioRow, (place[0], place[1], kind_s, concept_s, segment_s, basis_s,
                                           status_s, None, None, None, unit_s)))
        return rows
    finally:
        lib.ipofacts_ratio_table_free(out.value)


# --------------------------------------------------------------------------
# Operands and ratios on values
# --------------------------------------------------------------------------

Operand = Union[RatioValue, Ratio, "Fact", None]


def operand(value: DecimalLike, unit: str, decimals: Optional[int] = None, qualifier: str = "exact",
            upper: Optional[DecimalLike] = None) -> RatioValue:
    """An operand from a stated figure: its value, the interval it stands for, its unit.

    ``operand(Decimal("30523000"), "USD", decimals=-3)`` is 30523000 within
    [30522500, 30523500].

    Raises:
        InvalidArgumentError: a bad range or qualifier.
        UnitError: a unit the library does not know.
    """
    v = decimal_to_c(value)
    u = decimal_to_c(upper) if upper is not None else None
    out = _native.CRatio()
    check(lib.ipofacts_ratio_input(ctypes.byref(out), ctypes.byref(v), ctypes.byref(u) if u is not None else None,
                                   decimals_to_c(decimals), qualifier_number(qualifier), cstr(unit, "unit")),
          context=f"operand {value} {unit}")
    return _value(out)


def operand_from_interval(value: float, lo: float, hi: float, unit: str) -> RatioValue:
    """An operand from plain numbers: a value and the interval [lo, hi] it lies in.

    Raises:
        InvalidArgumentError: NaN or infinite numbers, or a value outside [lo, hi].
        UnitError: a unit the library does not know.
    """
    interval = _native.CInterval(float(lo), float(hi), 0, 0)
    out = _native.CRatio()
    check(lib.ipofacts_ratio_input_interval(ctypes.byref(out), float(value), ctypes.byref(interval),
                                            cstr(unit, "unit")), context=f"operand {value} {unit}")
    return _value(out)


def _operand(x: Operand) -> Optional[_native.CRatio]:
    from ._dataset import Fact

    if x is None:
        return None
    if isinstance(x, RatioValue):
        return _native.CRatio.from_buffer_copy(x._c)
    if isinstance(x, Ratio):
        return _native.CRatio.from_buffer_copy(lib.ipofacts_derived_ratio(x._ptr).contents)
    if isinstance(x, Fact):
        out = _native.CRatio()
        check(lib.ipofacts_ratio_input_fact(ctypes.byref(out), x._ptr), context=f"operand from {x.concept}")
        return out
    raise TypeError(f"an operand must be a RatioValue, a Ratio, a Fact or None, not {type(x).__name__}")


def _ref(c: Optional[_native.CRatio]) -> Any:
    return ctypes.byref(c) if c is not None else None


def _binary(fn: Any, a: Operand, b: Operand) -> RatioValue:
    out = _native.CRatio()
    check(fn(ctypes.byref(out), _ref(_operand(a)), _ref(_operand(b))))
    return _value(out)


def growth(current: Operand, prior: Operand, current_months: int = 12, prior_months: int = 12,
           annualise: bool = False) -> RatioValue:
    """Year-over-year growth: current / prior - 1 (7.822 for 782.2%).

    Both flows must cover the same months unless @p annualise; a zero or
    negative prior is refused (status "zero_denominator", "negative_base").
    """
    out = _native.CRatio()
    check(lib.ipofacts_ratio_growth(ctypes.byref(out), _ref(_operand(current)), int(current_months),
                                    _ref(_operand(prior)), int(prior_months),
                                    _native.RATIO_ANNUALISE if annualise else 0))
    return _value(out)


def cagr(first: Operand, last: Operand, years: float) -> RatioValue:
    """Compound annual growth rate: (last / first)^(1 / years) - 1."""
    out = _native.CRatio()
    check(lib.ipofacts_ratio_cagr(ctypes.byref(out), _ref(_operand(first)), _ref(_operand(last)), float(years)))
    return _value(out)


def gross_margin(revenue: Operand, cost_of_sales: Operand) -> RatioValue:
    """Gross margin from revenue and cost of sales: 1 - cost / revenue."""
    return _binary(lib.ipofacts_ratio_gross_margin, revenue, cost_of_sales)


def gross_profit(revenue: Operand, cost_of_sales: Operand) -> RatioValue:
    """Gross profit: revenue - cost of sales, in the inputs' currency."""
    return _binary(lib.ipofacts_ratio_gross_profit, revenue, cost_of_sales)


def gross_margin_from_profit(gross_profit: Operand, revenue: Operand) -> RatioValue:
    """Gross margin from gross profit: gross profit / revenue."""
    return _binary(lib.ipofacts_ratio_gross_margin_from_profit, gross_profit, revenue)


def net_margin(net_income: Operand, revenue: Operand) -> RatioValue:
    """Net margin: net income / revenue (negative for a loss)."""
    return _binary(lib.ipofacts_ratio_net_margin, net_income, revenue)


def adjusted_net_margin(adjusted_net_income: Operand, revenue: Operand) -> RatioValue:
    """Adjusted net margin: adjusted (non-GAAP) net income / revenue."""
    return _binary(lib.ipofacts_ratio_adjusted_net_margin, adjusted_net_income, revenue)


def rd_intensity(rd_expense: Operand, revenue: Operand) -> RatioValue:
    """R&D intensity: R&D expense / revenue."""
    return _binary(lib.ipofacts_ratio_rd_intensity, rd_expense, revenue)


def share(part: Operand, whole: Operand) -> RatioValue:
    """A part's share of a whole: segment revenue / revenue."""
    return _binary(lib.ipofacts_ratio_share, part, whole)


def concentration(customers: Sequence[Operand], top: int, revenue: Operand) -> RatioValue:
    """Customer concentration: the @p top largest customers' revenue / revenue."""
    items = [_operand(c) for c in customers]
    if any(item is None for item in items):
        raise make_error(E_INVALID, context="a customer operand is None")
    array = (_native.CRatio * max(len(items), 1))(*items)
    out = _native.CRatio()
    check(lib.ipofacts_ratio_concentration(ctypes.byref(out), array, len(items), int(top),
                                           _ref(_operand(revenue))))
    return _value(out)


def monthly_burn(flow: Operand, months: int, basis: str = "net_income", capex: Operand = None) -> RatioValue:
    """Monthly burn: -(flow - capex) / months, positive when burning.

    @p basis is "operating_cash_flow", "free_cash_flow" (with @p capex),
    "net_income" or "adjusted_net_income" (proxies: a loss is not cash).
    """
    out = _native.CRatio()
    check(lib.ipofacts_ratio_monthly_burn(ctypes.byref(out), _ref(_operand(flow)), _ref(_operand(capex)),
                                          int(months), basis_number(basis)))
    return _value(out)


def runway(cash: Operand, burn: Operand) -> RatioValue:
    """Cash runway in months: cash / monthly burn (status "not_burning" when there is no burn)."""
    return _binary(lib.ipofacts_ratio_runway, cash, burn)


def ttm(fiscal_year: Operand, ytd: Operand, prior_ytd: Operand, ytd_months: int, fy_months: int = 12,
        prior_months: Optional[int] = None) -> RatioValue:
    """Trailing twelve months: fiscal year + year to date - prior year to date."""
    out = _native.CRatio()
    check(lib.ipofacts_ratio_ttm(ctypes.byref(out), _ref(_operand(fiscal_year)), int(fy_months),
                                 _ref(_operand(ytd)), int(ytd_months), _ref(_operand(prior_ytd)),
                                 int(ytd_months if prior_months is None else prior_months)))
    return _value(out)


def implied_prior(current: Operand, growth_rate: Operand) -> RatioValue:
    """The prior value implied by a current value and its reported growth: current / (1 + growth)."""
    return _binary(lib.ipofacts_ratio_implied_prior, current, growth_rate)


def ttm_from_growth(fiscal_year: Operand, ytd: Operand, growth_rate: Operand, ytd_months: int,
                    fy_months: int = 12) -> RatioValue:
    """Trailing twelve months with the prior year to date implied by the year to date's growth."""
    out = _native.CRatio()
    check(lib.ipofacts_ratio_ttm_from_growth(ctypes.byref(out), _ref(_operand(fiscal_year)), int(fy_months),
                                             _ref(_operand(ytd)), int(ytd_months), _ref(_operand(growth_rate))))
    return _value(out)


def first_day_return(price: Operand, offer_price: Operand) -> RatioValue:
    """First-day return: price / offer price - 1."""
    return _binary(lib.ipofacts_ratio_first_day_return, price, offer_price)


def implied_shares(market_cap: Operand, price: Operand) -> RatioValue:
    """Implied share count: market capitalisation / price per share."""
    return _binary(lib.ipofacts_ratio_implied_shares, market_cap, price)


def convert(amount: Operand, rate: Operand, currency: str) -> RatioValue:
    """Converts an amount at an exchange rate ("HKD/USD" 7.8) into @p currency."""
    out = _native.CRatio()
    check(lib.ipofacts_ratio_convert(ctypes.byref(out), _ref(_operand(amount)), _ref(_operand(rate)),
                                     cstr(currency, "currency")))
    return _value(out)


def price_to_sales(market_cap: Operand, revenue: Operand, rate: Operand = None) -> RatioValue:
    """Price-to-sales: market capitalisation / twelve months of revenue, converted at @p rate when needed."""
    out = _native.CRatio()
    check(lib.ipofacts_ratio_price_to_sales(ctypes.byref(out), _ref(_operand(market_cap)),
                                            _ref(_operand(revenue)), _ref(_operand(rate))))
    return _value(out)


def implied_rate(quote: Operand, base: Operand) -> RatioValue:
    """The exchange rate a conversion implies: quote amount / base amount, unit "<quote>/<base>"
    ("5343.7 萬美元 (约合 3.7 亿元人民币)" gives about 6.92 CNY/USD)."""
    return _binary(lib.ipofacts_ratio_implied_rate, quote, base)


def holding_value(stake: Operand, market_cap: Operand) -> RatioValue:
    """Value of a holding: ownership stake x market capitalisation."""
    return _binary(lib.ipofacts_ratio_holding_value, stake, market_cap)


def intervals_overlap(a: Interval, b: Interval) -> bool:
    """Whether two intervals share a point (``ipofacts_interval_overlaps()``); open ends reach infinitely."""
    def c(i: Interval) -> _native.CInterval:
        flags = (_native.INTERVAL_NO_LO if i.lo is None else 0) | (_native.INTERVAL_NO_HI if i.hi is None else 0)
        return _native.CInterval(i.lo or 0.0, i.hi or 0.0, flags, 0)
    ca, cb = c(a), c(b)
    return bool(lib.ipofacts_interval_overlaps(ctypes.byref(ca), ctypes.byref(cb)))


__all__ = [
    "KINDS", "Ratio", "RatioInput", "RatioValue", "adjusted_net_margin", "cagr", "concentration", "convert",
    "first_day_return", "format_value", "gross_margin", "gross_margin_from_profit", "gross_profit", "growth",
    "holding_value", "implied_prior", "implied_rate", "implied_shares", "intervals_overlap", "monthly_burn",
    "net_margin", "operand", "operand_from_interval", "price_to_sales", "rd_intensity", "reported_concept",
    "runway", "share", "ttm", "ttm_from_growth",
]
