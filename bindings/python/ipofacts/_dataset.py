"""Datasets and what they hold: companies, periods, facts, sources, people,
members and events, as Python objects over the C handles.

Lifetimes: the C dataset is owned by a private ``Resource`` object. Every
wrapper (the :class:`Dataset` and each :class:`Company`, :class:`Fact`, ...)
keeps a reference to it, and the C ``ipofacts_dataset_free()`` runs exactly
once, when the last wrapper is gone. :meth:`Dataset.close` only drops the
dataset object's own reference, so objects taken from it earlier stay usable.
Borrowed C strings are copied into Python strings at once.
"""

from __future__ import annotations

import ctypes
import decimal
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union

from . import _native
from ._errors import E_NOT_FOUND, DatasetClosedError, check, make_error
from ._lib import lib
from ._resource import Resource
from ._values import (
    MEMBER_KINDS,
    PREFERENCES,
    Date,
    Interval,
    concept_label,
    cstr,
    date_from_c,
    date_to_c,
    decimal_from_c,
    decimals_from_c,
    interval_from_c,
    qualifier_name,
    text,
)

if TYPE_CHECKING:  # pragma: no cover
    from .check import Finding
    from .ratios import Ratio, RatioRow

#: Languages tried when listing names (the C API looks names up by language).
NAME_LANGUAGES: Tuple[str, ...] = ("en", "zh-Hans", "zh-Hant")

#: Keys of every record :meth:`Dataset.to_records` gives, in order.
RECORD_FIELDS: Tuple[str, ...] = (
    "company",
    "concept",
    "segment",
    "period",
    "period_start",
    "period_end",
    "value",
    "upper",
    "unit",
    "decimals",
    "qualifier",
    "source",
    "quote",
    "source_count",
    "fact_id",
    "note",
)

_dataset_free = lib.ipofacts_dataset_free


def _Owner(ptr: int) -> Resource:
    """The owner of a C dataset: frees it once no wrapper refers to it."""
    return Resource(ptr, _dataset_free)


def _str_path(path: Union[str, "os.PathLike[str]"]) -> str:
    return os.fspath(path)


class _Borrowed:
    """Base of the objects borrowed from a dataset: a C handle and its owner."""

    __slots__ = ("_owner", "_ptr")

    def __init__(self, owner: Resource, ptr: int) -> None:
        self._owner = owner
        self._ptr = ptr

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return False
        assert isinstance(other, _Borrowed)
        return other._owner is self._owner and other._ptr == self._ptr

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._ptr))

    @property
    def dataset(self) -> "Dataset":
        """The dataset this object belongs to (kept alive while this object lives)."""
        return Dataset._from_owner(self._owner)


def _wrap(cls: Any, owner: Resource, ptr: Optional[int]) -> Any:
    return None if not ptr else cls(owner, ptr)


# --------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------


class Source(_Borrowed):
    """A document that reports facts: an article, a prospectus, a filing."""

    __slots__ = ()

    @property
    def id(self) -> str:
        """Id of the source, unique in its dataset."""
        return text(lib.ipofacts_source_id(self._ptr)) or ""

    @property
    def publisher(self) -> Optional[str]:
        """Publication that issued it ("上海證券報"), or ``None``."""
        return text(lib.ipofacts_source_publisher(self._ptr))

    @property
    def title(self) -> Optional[str]:
        """Title, or ``None``."""
        return text(lib.ipofacts_source_title(self._ptr))

    @property
    def author(self) -> Optional[str]:
        """Author, or ``None``."""
        return text(lib.ipofacts_source_author(self._ptr))

    @property
    def date(self) -> Optional[Date]:
        """Publication date, or ``None``."""
        return date_from_c(lib.ipofacts_source_date(self._ptr))

    @property
    def document(self) -> Optional[str]:
        """File or document name it was read from, or ``None``."""
        return text(lib.ipofacts_source_document(self._ptr))

    @property
    def language(self) -> Optional[str]:
        """Language as a BCP 47 tag ("zh-Hant"), or ``None``."""
        return text(lib.ipofacts_source_language(self._ptr))

    @property
    def rank(self) -> int:
        """1 for a primary document, larger for secondary reporting."""
        return int(lib.ipofacts_source_rank(self._ptr))

    def __repr__(self) -> str:
        parts = [p for p in (self.publisher, str(self.date) if self.date else None) if p]
        extra = f" ({', '.join(parts)})" if parts else ""
        return f"<Source {self.id!r}{extra}>"


@dataclass(frozen=True)
class Citation:
    """One source of a fact or an event, with the literal text it printed."""

    source: Source
    quote: Optional[str]


# --------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------


class Fact(_Borrowed):
    """One reported figure with its provenance.

    ``value`` is an exact :class:`decimal.Decimal`; ``decimals`` says how
    precise it is (``None`` when known exactly); ``interval`` is the range of
    true values it stands for.
    """

    __slots__ = ()

    @property
    def id(self) -> Optional[str]:
        """Id of the fact when the file gives one."""
        return text(lib.ipofacts_fact_id(self._ptr))

    @property
    def concept(self) -> str:
        """Concept id ("revenue", "net_income")."""
        return text(lib.ipofacts_fact_concept_id(self._ptr)) or ""

    @property
    def concept_label(self) -> Optional[str]:
        """English label of the concept ("Revenue"), ``None`` for a concept known only by id."""
        return concept_label(self.concept)

    @property
    def segment(self) -> Optional[str]:
        """Member id the fact is about, ``None`` for the whole company."""
        return text(lib.ipofacts_fact_segment(self._ptr))

    @property
    def unit(self) -> str:
        """Unit ("USD", "pure", "HKD/share")."""
        return text(lib.ipofacts_fact_unit(self._ptr)) or ""

    @property
    def value(self) -> decimal.Decimal:
        """The exact value (for a range, its lower end)."""
        return decimal_from_c(lib.ipofacts_fact_value(self._ptr))

    @property
    def upper(self) -> Optional[decimal.Decimal]:
        """Upper end of a range, ``None`` for a fact that is not a range."""
        out = _native.CDecimal()
        status = lib.ipofacts_fact_upper(ctypes.byref(out), self._ptr)
        if status == E_NOT_FOUND:
            return None
        check(status, context=f"upper end of {self.concept}")
        return decimal_from_c(out)

    @property
    def decimals(self) -> Optional[int]:
        """Precision as XBRL's decimals ("3052.3 萬" has -3); ``None`` when known exactly."""
        return decimals_from_c(lib.ipofacts_fact_decimals(self._ptr))

    @property
    def qualifier(self) -> str:
        """``"exact"``, ``"approximately"``, ``"at_least"``, ``"at_most"`` or ``"range"``."""
        return qualifier_name(lib.ipofacts_fact_qualifier(self._ptr))

    @property
    def interval(self) -> Interval:
        """The interval of true values the figure stands for."""
        out = _native.CInterval()
        check(lib.ipofacts_fact_interval(ctypes.byref(out), self._ptr), context=f"interval of {self.concept}")
        return interval_from_c(out)

    @property
    def period(self) -> "Period":
        """The period of the fact."""
        return Period(self._owner, lib.ipofacts_fact_period(self._ptr))

    @property
    def company(self) -> "Company":
        """The company of the fact."""
        return Company(self._owner, lib.ipofacts_fact_company(self._ptr))

    @property
    def note(self) -> Optional[str]:
        """What exactly the figure covers, or ``None``."""
        return text(lib.ipofacts_fact_note(self._ptr))

    @property
    def citations(self) -> List[Citation]:
        """Every source that reports the fact, with its literal text."""
        count = lib.ipofacts_fact_source_count(self._ptr)
        return [
            Citation(Source(self._owner, lib.ipofacts_fact_source(self._ptr, i)),
                     text(lib.ipofacts_fact_quote(self._ptr, i)))
            for i in range(count)
        ]

    @property
    def sources(self) -> List[Source]:
        """The sources that report the fact (at least one)."""
        return [c.source for c in self.citations]

    @property
    def quotes(self) -> List[Optional[str]]:
        """The literal text of the figure in each source ("3052.3 萬美元"), as :attr:`sources`."""
        return [c.quote for c in self.citations]

    def to_record(self) -> Dict[str, Any]:
        """The fact as a plain dict with the keys of :data:`RECORD_FIELDS`.

        Values are ``str``, ``int``, :class:`decimal.Decimal` or ``None`` only;
        dates are ISO strings.
        """
        period = self.period
        start = period.start
        citations = self.citations
        first = citations[0] if citations else None
        return {
            "company": self.company.id,
            "concept": self.concept,
            "segment": self.segment,
            "period": period.id,
            "period_start": str(start) if start is not None else None,
            "period_end": str(period.end) if period.end is not None else None,
            "value": self.value,
            "upper": self.upper,
            "unit": self.unit,
            "decimals": self.decimals,
            "qualifier": self.qualifier,
            "source": first.source.id if first else None,
            "quote": first.quote if first else None,
            "source_count": len(citations),
            "fact_id": self.id,
            "note": self.note,
        }

    def __repr__(self) -> str:
        seg = f"[{self.segment}]" if self.segment else ""
        upper = self.upper
        shown = f"{self.value}..{upper}" if upper is not None else f"{self.value}"
        decimals = "INF" if self.decimals is None else self.decimals
        return (f"<Fact {self.concept}{seg} {self.period.id} = {shown} {self.unit} "
                f"(decimals {decimals}, {self.qualifier})>")


# --------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------


class Period(_Borrowed):
    """A duration (``FY2024``, ``9M2025``) or an instant of one company."""

    __slots__ = ()

    @property
    def id(self) -> str:
        """Id, unique in the company ("FY2024", "listing")."""
        return text(lib.ipofacts_period_id(self._ptr)) or ""

    @property
    def label(self) -> str:
        """Display label ("FY2024", "9M2025", "2025-09-30")."""
        return text(lib.ipofacts_period_label(self._ptr)) or ""

    @property
    def is_instant(self) -> bool:
        """True for an instant (a balance at a date), False for a duration."""
        return bool(lib.ipofacts_period_is_instant(self._ptr))

    @property
    def start(self) -> Optional[Date]:
        """First day of a duration; ``None`` for an instant."""
        return date_from_c(lib.ipofacts_period_start(self._ptr))

    @property
    def end(self) -> Optional[Date]:
        """Last day of a duration, or the date of an instant."""
        return date_from_c(lib.ipofacts_period_end(self._ptr))

    @property
    def months(self) -> int:
        """Length of a duration in whole months; 0 for an instant."""
        return int(lib.ipofacts_period_months(self._ptr))

    @property
    def company(self) -> "Company":
        """The company the period belongs to."""
        return Company(self._owner, lib.ipofacts_period_company(self._ptr))

    @property
    def facts(self) -> List[Fact]:
        """Every fact of the period, in file order."""
        count = lib.ipofacts_period_fact_count(self._ptr)
        return [Fact(self._owner, lib.ipofacts_period_fact_at(self._ptr, i)) for i in range(count)]

    def preferred(self, concept: str, segment: Optional[str] = None) -> Tuple[Fact, str]:
        """The preferred fact of a concept in this period, and why it was preferred.

        Several facts may report one concept; the library prefers an exact
        figure, then the finest precision, the best source rank, the latest
        source date, the most sources, file order.

        Args:
            concept: concept id ("revenue")
            segment: member id, or ``None`` for the whole company

        Returns:
            The fact and the reason: ``"only"``, ``"precision"``,
            ``"source_rank"``, ``"source_date"``, ``"source_count"`` or
            ``"file_order"``.

        Raises:
            NotFoundError: no fact of that concept (and segment) in the period.
        """
        out = ctypes.c_void_p()
        why = ctypes.c_int()
        status = lib.ipofacts_period_find_fact(ctypes.byref(out), ctypes.byref(why), self._ptr,
                                               cstr(concept, "concept"), cstr(segment, "segment"))
        seg = f" of segment {segment!r}" if segment else ""
        check(status, context=f"{concept}{seg} in period {self.id!r} of {self.company.id!r}")
        return Fact(self._owner, out.value), PREFERENCES.get(int(why.value), str(int(why.value)))

    def fact(self, concept: str, segment: Optional[str] = None) -> Fact:
        """The preferred fact of a concept (see :meth:`preferred`).

        Raises:
            NotFoundError: no such fact.
        """
        return self.preferred(concept, segment)[0]

    def get(self, concept: str, segment: Optional[str] = None) -> Optional[Fact]:
        """As :meth:`fact`, but ``None`` when there is no such fact."""
        try:
            return self.fact(concept, segment)
        except KeyError:
            return None

    def __repr__(self) -> str:
        if self.is_instant:
            return f"<Period {self.id!r} instant {self.end}>"
        return f"<Period {self.id!r} {self.start}..{self.end} ({self.months} months)>"


# --------------------------------------------------------------------------
# People, members, events
# --------------------------------------------------------------------------


def _names(getter: Any, ptr: int) -> Dict[str, str]:
    names: Dict[str, str] = {}
    for lang in NAME_LANGUAGES:
        name = text(getter(ptr, lang.encode("ascii")))
        if name is not None:
            names[lang] = name
    if not names:
        first = text(getter(ptr, None))
        if first is not None:
            names[""] = first
    return names


class Person(_Borrowed):
    """A person of a company's profile."""

    __slots__ = ()

    def name(self, lang: Optional[str] = None) -> Optional[str]:
        """Name in a language ("en", "zh-Hans"); the first given when @p lang is ``None``."""
        return text(lib.ipofacts_person_name(self._ptr, cstr(lang, "lang")))

    @property
    def names(self) -> Dict[str, str]:
        """Names by language, for the languages "en", "zh-Hans" and "zh-Hant"."""
        return _names(lib.ipofacts_person_name, self._ptr)

    @property
    def role(self) -> Optional[str]:
        """Role ("founder, chief executive officer"), or ``None``."""
        return text(lib.ipofacts_person_role(self._ptr))

    @property
    def born(self) -> Optional[Date]:
        """Birth date (usually to the year), or ``None``."""
        return date_from_c(lib.ipofacts_person_born(self._ptr))

    @property
    def sources(self) -> List[Source]:
        """Sources that state facts about the person."""
        count = lib.ipofacts_person_source_count(self._ptr)
        return [Source(self._owner, lib.ipofacts_person_source(self._ptr, i)) for i in range(count)]

    def __repr__(self) -> str:
        role = f", {self.role}" if self.role else ""
        return f"<Person {self.name()!r}{role}>"


class Member(_Borrowed):
    """A segment, region, holder, investor, funding round or customer a fact may be about."""

    __slots__ = ()

    @property
    def id(self) -> str:
        """Id, unique in the company; facts name it as their segment."""
        return text(lib.ipofacts_member_id(self._ptr)) or ""

    @property
    def kind(self) -> str:
        """``"segment"``, ``"region"``, ``"shareholder"``, ``"investor"``, ``"round"``,
        ``"customer"`` or ``"other"``."""
        return MEMBER_KINDS.get(int(lib.ipofacts_member_kind_of(self._ptr)), "other")

    def name(self, lang: Optional[str] = None) -> Optional[str]:
        """Name in a language; the first given when @p lang is ``None``."""
        return text(lib.ipofacts_member_name(self._ptr, cstr(lang, "lang")))

    @property
    def names(self) -> Dict[str, str]:
        """Names by language."""
        return _names(lib.ipofacts_member_name, self._ptr)

    @property
    def date(self) -> Optional[Date]:
        """Date of the member (a round's closing), or ``None``."""
        return date_from_c(lib.ipofacts_member_date(self._ptr))

    @property
    def related(self) -> List[str]:
        """Ids of related members (a round's investors)."""
        count = lib.ipofacts_member_related_count(self._ptr)
        return [text(lib.ipofacts_member_related(self._ptr, i)) or "" for i in range(count)]

    def __repr__(self) -> str:
        return f"<Member {self.id!r} ({self.kind})>"


class Event(_Borrowed):
    """A dated event of a company: founded, listed, a filing, a funding round."""

    __slots__ = ()

    @property
    def kind(self) -> str:
        """"founded", "listed", "prospectus", ..."""
        return text(lib.ipofacts_event_kind(self._ptr)) or ""

    @property
    def date(self) -> Optional[Date]:
        """Date, with its precision."""
        return date_from_c(lib.ipofacts_event_date(self._ptr))

    @property
    def note(self) -> Optional[str]:
        """One-line description, in the source's language, or ``None``."""
        return text(lib.ipofacts_event_note(self._ptr))

    @property
    def citations(self) -> List[Citation]:
        """Sources that report the event, with their literal text."""
        count = lib.ipofacts_event_source_count(self._ptr)
        return [
            Citation(Source(self._owner, lib.ipofacts_event_source(self._ptr, i)),
                     text(lib.ipofacts_event_quote(self._ptr, i)))
            for i in range(count)
        ]

    @property
    def sources(self) -> List[Source]:
        """Sources that report the event."""
        return [c.source for c in self.citations]

    def __repr__(self) -> str:
        return f"<Event {self.kind} {self.date}>"


# --------------------------------------------------------------------------
# Companies
# --------------------------------------------------------------------------


class Company(_Borrowed):
    """One company: profile, periods, facts and the ratios computed from them.

    A company keeps its dataset alive: it stays usable after the
    :class:`Dataset` object is closed or dropped.
    """

    __slots__ = ()

    @property
    def id(self) -> str:
        """Id, unique in the dataset ("minimax")."""
        return text(lib.ipofacts_company_id(self._ptr)) or ""

    def name(self, lang: Optional[str] = None) -> Optional[str]:
        """Name in a language ("en", "zh-Hans", "zh-Hant"); the first given when @p lang is ``None``."""
        return text(lib.ipofacts_company_name(self._ptr, cstr(lang, "lang")))

    @property
    def names(self) -> Dict[str, str]:
        """Names by language, for "en", "zh-Hans" and "zh-Hant"."""
        return _names(lib.ipofacts_company_name, self._ptr)

    @property
    def exchange(self) -> Optional[str]:
        """Exchange of the listing ("HKEX"), or ``None``."""
        return text(lib.ipofacts_company_exchange(self._ptr))

    @property
    def ticker(self) -> Optional[str]:
        """Ticker as the exchange writes it ("00100"), or ``None``."""
        return text(lib.ipofacts_company_ticker(self._ptr))

    def identifier(self, scheme: str) -> Optional[str]:
        """Another identifier by scheme ("cik"), or ``None``."""
        return text(lib.ipofacts_company_identifier(self._ptr, cstr(scheme, "scheme")))

    @property
    def founded(self) -> Optional[Date]:
        """Founding date, with its precision, or ``None``."""
        return date_from_c(lib.ipofacts_company_founded(self._ptr))

    @property
    def listed(self) -> Optional[Date]:
        """Listing date, or ``None``."""
        return date_from_c(lib.ipofacts_company_listed(self._ptr))

    @property
    def currency(self) -> Optional[str]:
        """Reporting currency ("USD"), or ``None``."""
        return text(lib.ipofacts_company_currency(self._ptr))

    @property
    def fiscal_year_end(self) -> int:
        """Last month of the fiscal year, 1-12."""
        return int(lib.ipofacts_company_fiscal_year_end(self._ptr))

    @property
    def people(self) -> List[Person]:
        """People of the profile."""
        count = lib.ipofacts_company_person_count(self._ptr)
        return [Person(self._owner, lib.ipofacts_company_person(self._ptr, i)) for i in range(count)]

    @property
    def members(self) -> List[Member]:
        """Segments, regions, holders, investors, rounds and customers."""
        count = lib.ipofacts_company_member_count(self._ptr)
        return [Member(self._owner, lib.ipofacts_company_member(self._ptr, i)) for i in range(count)]

    def member(self, member_id: str) -> Member:
        """The member with this id.

        Raises:
            NotFoundError: no such member.
        """
        ptr = lib.ipofacts_company_find_member(self._ptr, cstr(member_id, "member id"))
        if not ptr:
            raise make_error(E_NOT_FOUND, context=f"member {member_id!r} of {self.id!r}")
        return Member(self._owner, ptr)

    @property
    def events(self) -> List[Event]:
        """Dated events (founded, listed, rounds, filings)."""
        count = lib.ipofacts_company_event_count(self._ptr)
        return [Event(self._owner, lib.ipofacts_company_event(self._ptr, i)) for i in range(count)]

    @property
    def periods(self) -> List[Period]:
        """Periods, in file order."""
        count = lib.ipofacts_company_period_count(self._ptr)
        return [Period(self._owner, lib.ipofacts_company_period(self._ptr, i)) for i in range(count)]

    def period(self, key: str) -> Period:
        """The period with this id or label ("FY2024", "9M2025").

        Raises:
            NotFoundError: no such period.
        """
        ptr = lib.ipofacts_company_find_period(self._ptr, cstr(key, "period"))
        if not ptr:
            raise make_error(E_NOT_FOUND, context=f"period {key!r} of {self.id!r}")
        return Period(self._owner, ptr)

    def find_period(self, key: str) -> Optional[Period]:
        """The period with this id or label, or ``None``."""
        return _wrap(Period, self._owner, lib.ipofacts_company_find_period(self._ptr, cstr(key, "period")))

    def period_for_dates(self, start: Union[Date, str, None], end: Union[Date, str]) -> Period:
        """The period with exactly these dates (@p start ``None`` for an instant).

        Raises:
            NotFoundError: no such period.
        """
        a = date_to_c(start)
        b = date_to_c(end)
        ptr = lib.ipofacts_company_find_period_dates(self._ptr, ctypes.byref(a), ctypes.byref(b))
        if not ptr:
            raise make_error(E_NOT_FOUND, context=f"period {start}..{end} of {self.id!r}")
        return Period(self._owner, ptr)

    @property
    def facts(self) -> List[Fact]:
        """Every fact of every period, in file order."""
        count = lib.ipofacts_company_fact_count(self._ptr)
        return [Fact(self._owner, lib.ipofacts_company_fact(self._ptr, i)) for i in range(count)]

    def fact(self, concept: str, period: str, segment: Optional[str] = None) -> Fact:
        """The preferred fact of a concept in a period: ``company.fact("revenue", "FY2024")``.

        Raises:
            NotFoundError: no such period or fact.
        """
        return self.period(period).fact(concept, segment)

    def profile(self) -> Dict[str, Any]:
        """The profile as a plain dict: id, names, exchange, ticker, dates,
        currency, fiscal year end, people, members, periods and fact count."""
        founded = self.founded
        listed = self.listed
        return {
            "id": self.id,
            "names": self.names,
            "exchange": self.exchange,
            "ticker": self.ticker,
            "founded": str(founded) if founded else None,
            "listed": str(listed) if listed else None,
            "currency": self.currency,
            "fiscal_year_end": self.fiscal_year_end,
            "people": [
                {"name": p.name(), "role": p.role, "born": str(p.born) if p.born else None} for p in self.people
            ],
            "members": [{"id": m.id, "kind": m.kind, "name": m.name()} for m in self.members],
            "periods": [p.id for p in self.periods],
            "fact_count": lib.ipofacts_company_fact_count(self._ptr),
        }

    def ratio(self, kind: str, period: Union[Period, str], *, concept: Optional[str] = None,
              segment: Optional[str] = None, basis: Optional[str] = None, cash_concept: Optional[str] = None,
              currency: Optional[str] = None, base_period: Union[Period, str, None] = None,
              rate: Optional[Fact] = None, fact: Optional[Fact] = None, annualise: bool = False) -> "Ratio":
        """One ratio for a period, from the dataset's preferred facts.

        ``company.ratio("growth", "FY2024")`` compares FY2024 revenue with
        FY2023's; the result has ``value``, ``lo``, ``hi`` and ``status``
        and explains itself (:meth:`Ratio.explain`). A ratio that cannot be
        computed is still returned, with its status.

        Args:
            kind: "growth", "cagr", "gross_margin", "net_margin",
                "adjusted_net_margin", "rd_intensity", "segment_share",
                "top1_customer_share", "top5_customer_share", "monthly_burn",
                "runway", "ttm", "first_day_return", "implied_shares",
                "market_cap", "price_to_sales", "holding_value" or "implied_rate"
            period: the period (or its id): a duration for flow ratios, the
                cash date for "runway", the listing period for price ratios
            concept: growth, CAGR, TTM: the concept (default "revenue")
            segment: the segment of a share or growth, the holder of a holding value
            basis: burn and runway: "net_income" (default), "adjusted_net_income",
                "operating_cash_flow", "free_cash_flow"; gross margin:
                "gross_profit" or "revenue_less_cost"
            cash_concept: runway: "cash" (default) or "cash_and_investments"
            currency: market capitalisation: the currency to convert to;
                "implied_rate": the currency converted from
            base_period: growth, CAGR: the period to compare with; runway:
                the duration to take the burn from
            rate: market capitalisation, price-to-sales: the exchange-rate fact
            fact: the reported figure to start from instead of the preferred
                one: the market capitalisation of "implied_shares",
                "market_cap", "price_to_sales" and "holding_value"; the
                converted amount of "implied_rate"
            annualise: scale flows of different lengths to twelve months

        Raises:
            NotFoundError: an unknown kind, basis or period id.
            InvalidArgumentError: a period of another company, a share
                without a segment.
        """
        from .ratios import company_ratio

        return company_ratio(self, kind, period, concept=concept, segment=segment, basis=basis,
                             cash_concept=cash_concept, currency=currency, base_period=base_period, rate=rate,
                             fact=fact, annualise=annualise)

    def ratios(self) -> List["Ratio"]:
        """Every ratio of the company: each kind for each period where its
        inputs are reported, each burn basis, each segment and holder.
        Ratios refused for a reason other than a missing input are kept with
        their status."""
        from .ratios import company_ratios

        return company_ratios(self)

    def ratio_values(self, kinds: Union[str, Sequence[str], None] = None) -> List["RatioRow"]:
        """The ratios of :meth:`ratios` (or only those of ``kinds``) as plain
        values, computed in one call without derivations
        (``ipofacts_company_ratio_table()``): much faster for many ratios.

        Each :class:`ipofacts.RatioRow` has the same value, interval, status,
        basis and unit as the :class:`ipofacts.Ratio` of :meth:`ratios` in the
        same place.

        Raises:
            NotFoundError: an unknown kind name.
        """
        from .ratios import ratio_table

        return ratio_table(self._owner, self, kinds)

    def check(self) -> List["Finding"]:
        """Checks the company's figures against each other (see :meth:`Dataset.check`)."""
        from .check import check_company

        return check_company(self)

    def _profile_lines(self) -> List[str]:
        names = self.names
        shown = " / ".join(dict.fromkeys(names.values())) or self.id
        lines = [f"Company {self.id!r}: {shown}"]
        listing = " ".join(p for p in (self.exchange, self.ticker) if p)
        if listing or self.listed:
            lines.append(f"  listed:   {listing or '-'}" + (f" on {self.listed}" if self.listed else ""))
        if self.founded:
            lines.append(f"  founded:  {self.founded}")
        fiscal = f", fiscal year ends in month {self.fiscal_year_end}"
        lines.append(f"  currency: {self.currency or '-'}{fiscal}")
        people = self.people
        if people:
            lines.append("  people:   " + ", ".join(p.name() or "?" for p in people))
        periods = self.periods
        if periods:
            lines.append("  periods:  " + ", ".join(p.id for p in periods))
        lines.append(f"  facts:    {lib.ipofacts_company_fact_count(self._ptr)}")
        return lines

    #: Ratio kinds the repr shows (whole-company figures; growth of revenue only).
    _REPR_KINDS = ("growth", "cagr", "gross_margin", "net_margin", "adjusted_net_margin", "rd_intensity",
                   "monthly_burn", "runway", "ttm", "first_day_return", "implied_shares", "market_cap",
                   "price_to_sales")

    def _ratio_lines(self) -> Tuple[List[str], int]:
        from .ratios import format_value

        rows = []
        every = self.ratios()
        shown_ratios = [r for r in every
                        if r.kind in self._REPR_KINDS and not r.segment and r.concept in (None, "revenue")]
        titles = [r.title for r in shown_ratios]
        width = max((len(t) for t in titles), default=0)
        for r, title in zip(shown_ratios, titles):
            result = r.result
            if result.ok:
                lo = "-inf" if result.lo is None else format_value(result.lo, result.unit)
                hi = "+inf" if result.hi is None else format_value(result.hi, result.unit)
                shown = f"{format_value(result.value, result.unit)}  [{lo}, {hi}]"
            else:
                shown = f"not computed: {result.status}"
            rows.append(f"    {r.label:<22} {title:<{width}}  {shown}")
        return rows, len(every) - len(rows)

    def __repr__(self) -> str:
        lines = self._profile_lines()
        ratio_lines, more = self._ratio_lines()
        if ratio_lines:
            lines.append("  ratios: value  [interval of the values the figures' precision allows]")
            lines.extend(ratio_lines)
        if more:
            lines.append(f"    ... and {more} more (segments, holders, other concepts): .ratios()")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.name("en") or self.name() or self.id


# --------------------------------------------------------------------------
# Datasets
# --------------------------------------------------------------------------


class Dataset:
    """A set of companies and the sources their facts cite.

    Open one with :meth:`builtin`, :meth:`load` or :meth:`from_json`.
    ``dataset["minimax"]`` finds a company by id, ticker ("00100") or name
    ("稀宇科技"); iterating gives the companies. A dataset is immutable, so
    any number of threads may read it at once.

    :meth:`close` (or leaving a ``with`` block) releases this object's hold
    on the C dataset; the memory is freed once no company, fact or other
    object taken from it is left either.
    """

    __slots__ = ("_handle", "__weakref__")

    def __init__(self, _owner: Resource) -> None:
        """Internal: use :meth:`builtin`, :meth:`load` or :meth:`from_json`."""
        if not isinstance(_owner, Resource):
            raise TypeError("use Dataset.builtin(), Dataset.load(path) or Dataset.from_json(text)")
        self._handle: Optional[Resource] = _owner

    @classmethod
    def _from_owner(cls, owner: Resource) -> "Dataset":
        return cls(owner)

    @classmethod
    def _adopt(cls, ptr: Optional[int]) -> "Dataset":
        if not ptr:
            raise make_error(E_NOT_FOUND, context="the library returned no dataset")
        return cls(_Owner(ptr))

    @classmethod
    def builtin(cls) -> "Dataset":
        """The dataset compiled into the library (MiniMax and Zhipu). Each call gives a new dataset.

        Raises:
            OutOfMemoryError: the library ran out of memory.
        """
        out = ctypes.c_void_p()
        check(lib.ipofacts_dataset_open_builtin(ctypes.byref(out)), context="opening the built-in dataset")
        return cls._adopt(out.value)

    @classmethod
    def load(cls, path: Union[str, "os.PathLike[str]"]) -> "Dataset":
        """Loads a dataset file (format ``ipofacts-dataset/1``): all of it or nothing.

        Raises:
            IpofactsError: the subclass for the C status (:class:`FileAccessError`,
                :class:`InputSyntaxError`, :class:`SchemaError`, ...), with the
                C message and its ``file``, ``line``, ``column``, ``offset``
                and JSON ``path``.
        """
        name = _str_path(path)
        out = ctypes.c_void_p()
        error = _native.CError()
        status = lib.ipofacts_dataset_load_file(ctypes.byref(out), cstr(name, "path"), ctypes.byref(error))
        check(status, error, context=name)
        return cls._adopt(out.value)

    @classmethod
    def from_json(cls, data: Union[str, bytes]) -> "Dataset":
        """Loads a dataset from JSON text in memory (``str`` or UTF-8 ``bytes``).

        Raises:
            IpofactsError: as :meth:`load`, with an empty ``file``.
        """
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        out = ctypes.c_void_p()
        error = _native.CError()
        status = lib.ipofacts_dataset_load_buffer(ctypes.byref(out), raw, len(raw), ctypes.byref(error))
        check(status, error, context="dataset text")
        return cls._adopt(out.value)

    def save(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Saves the dataset as JSON, atomically (the file holds the old or the new content, never a part).

        Raises:
            FileAccessError: the file could not be written or renamed.
        """
        name = _str_path(path)
        error = _native.CError()
        status = lib.ipofacts_dataset_save_file(self._ptr(), cstr(name, "path"), ctypes.byref(error))
        check(status, error, context=name)

    def to_json(self) -> str:
        """The dataset as canonical JSON text (what :meth:`save` writes)."""
        out = ctypes.c_void_p()
        length = ctypes.c_size_t()
        check(lib.ipofacts_dataset_save_buffer(ctypes.byref(out), ctypes.byref(length), self._ptr()),
              context="writing the dataset")
        try:
            return ctypes.string_at(out.value, length.value).decode("utf-8")
        finally:
            lib.ipofacts_string_free(out.value)

    # -- lifetime ----------------------------------------------------------

    def _owner(self) -> Resource:
        handle = self._handle
        if handle is None:
            raise DatasetClosedError("the dataset is closed")
        return handle

    def _ptr(self) -> int:
        return self._owner().ptr

    def close(self) -> None:
        """Releases this object's hold on the C dataset. Closing twice is allowed.

        Objects taken from the dataset before (companies, facts, ...) stay
        valid; the C dataset is freed when the last of them is gone.
        Afterwards, reading through this object raises :class:`DatasetClosedError`.
        """
        self._handle = None

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has been called."""
        return self._handle is None

    def __enter__(self) -> "Dataset":
        self._owner()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- companies ---------------------------------------------------------

    @property
    def companies(self) -> List[Company]:
        """Every company, in file order."""
        owner = self._owner()
        count = lib.ipofacts_dataset_company_count(owner.ptr)
        return [Company(owner, lib.ipofacts_dataset_company(owner.ptr, i)) for i in range(count)]

    def __iter__(self) -> Iterator[Company]:
        return iter(self.companies)

    def __len__(self) -> int:
        return int(lib.ipofacts_dataset_company_count(self._ptr()))

    def find(self, key: str) -> Optional[Company]:
        """The company with this id, ticker ("00100", "100", "0100.HK") or name, or ``None``."""
        owner = self._owner()
        return _wrap(Company, owner, lib.ipofacts_dataset_find_company(owner.ptr, cstr(key, "company")))

    def __getitem__(self, key: str) -> Company:
        """The company with this id, ticker or name.

        Raises:
            NotFoundError: (a ``KeyError``) no company matches.
        """
        company = self.find(key)
        if company is None:
            raise make_error(E_NOT_FOUND, context=f"company {key!r}")
        return company

    def __contains__(self, key: object) -> bool:
        if isinstance(key, Company):
            return key._owner is self._handle
        return isinstance(key, str) and self.find(key) is not None

    # -- sources and facts -------------------------------------------------

    @property
    def sources(self) -> List[Source]:
        """Every source, in file order."""
        owner = self._owner()
        count = lib.ipofacts_dataset_source_count(owner.ptr)
        return [Source(owner, lib.ipofacts_dataset_source(owner.ptr, i)) for i in range(count)]

    def source(self, source_id: str) -> Source:
        """The source with this id.

        Raises:
            NotFoundError: no such source.
        """
        owner = self._owner()
        ptr = lib.ipofacts_dataset_find_source(owner.ptr, cstr(source_id, "source id"))
        if not ptr:
            raise make_error(E_NOT_FOUND, context=f"source {source_id!r}")
        return Source(owner, ptr)

    @property
    def fact_count(self) -> int:
        """Number of facts of all companies."""
        return int(lib.ipofacts_dataset_fact_count(self._ptr()))

    def facts(self) -> Iterator[Fact]:
        """Every fact of every company, company by company, in file order."""
        for company in self.companies:
            yield from company.facts

    def ratios(self) -> List["Ratio"]:
        """Every ratio of every company, in dataset order (see :meth:`Company.ratios`)."""
        from .ratios import dataset_ratios

        return dataset_ratios(self._owner())

    def ratio_values(self, kinds: Union[str, Sequence[str], None] = None) -> List["RatioRow"]:
        """Every ratio of every company (or only those of ``kinds``, e.g.
        ``["growth", "gross_margin"]``) as plain values, in the order of
        :meth:`ratios`, computed in one call without derivations
        (``ipofacts_dataset_ratio_table()``): tens of milliseconds for tens of
        thousands of ratios.

        Raises:
            NotFoundError: an unknown kind name.
        """
        from .ratios import ratio_table

        return ratio_table(self._owner(), None, kinds)

    def check(self) -> List["Finding"]:
        """The consistency check of every company: reported ratios against
        their parts, and reports of one figure against each other, rounding-aware.

        Returns:
            The findings (possibly none), companies in dataset order; each has
            ``kind``, ``severity``, ``facts``, ``computations`` and a one-line ``message``.
        """
        from .check import check_dataset

        return check_dataset(self._owner())

    @classmethod
    def from_sec_companyfacts(cls, source: Union[str, bytes, "os.PathLike[str]"]) -> "Dataset":
        """Imports SEC EDGAR companyfacts JSON, a file name or the text as ``bytes``
        (see :func:`ipofacts.import_sec_companyfacts`, which also gives the summary)."""
        from ._import import import_sec_companyfacts

        return import_sec_companyfacts(source)[0]

    def to_records(self) -> List[Dict[str, Any]]:
        """One plain dict per fact (keys: :data:`RECORD_FIELDS`), ready for ``pandas.DataFrame``.

        Values are ``str``, ``int``, :class:`decimal.Decimal` or ``None``.
        """
        return [fact.to_record() for fact in self.facts()]

    def __repr__(self) -> str:
        if self._handle is None:
            return "<Dataset (closed)>"
        ids = ", ".join(c.id for c in self.companies)
        return f"<Dataset: {len(self)} companies ({ids}), {self.fact_count} facts, {len(self.sources)} sources>"
