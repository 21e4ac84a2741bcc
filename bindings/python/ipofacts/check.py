"""The consistency check (``include/ipofacts/check.h``).

:meth:`ipofacts.Dataset.check` and :meth:`ipofacts.Company.check` compare
every reported ratio, growth rate, share and holding value with the one
computed from its parts, and every report of a figure with the other
reports of it. The check is rounding-aware: two reports conflict only when
their intervals cannot overlap, and a reported ratio is consistent when some
value of the computed interval rounds to it. Each :class:`Finding` names
its kind and severity, the facts and computations involved, and explains
itself in one line.
"""

from __future__ import annotations

import ctypes
from typing import TYPE_CHECKING, List, Optional, Tuple

from ._errors import check as check_status
from ._lib import lib
from ._resource import Resource
from ._values import text

if TYPE_CHECKING:  # pragma: no cover
    from ._dataset import Company, Fact, Period
    from .ratios import Ratio

def _kinds() -> Tuple[str, ...]:
    names = []
    number = 1
    while True:
        name = text(lib.ipofacts_finding_kind_name(number))
        if name is None:
            return tuple(names)
        names.append(name)
        number += 1


#: Stable names of the finding kinds the loaded library reports, in C enum
#: order from 1 ("report_conflict", "ratio_mismatch", ...); new kinds are appended.
KINDS: Tuple[str, ...] = _kinds()

#: Stable names of the severities, least serious first.
SEVERITIES = ("warning", "inconsistent")


class Finding:
    """One finding of a check: what is wrong, how seriously, and with which
    facts and computations. A finding keeps its dataset alive."""

    __slots__ = ("_resource", "_ptr")

    def __init__(self, resource: Resource, ptr: int) -> None:
        self._resource = resource
        self._ptr = ptr

    @property
    def kind(self) -> str:
        """"report_conflict", "ratio_mismatch", "ratio_truncated", "share_mismatch",
        "holding_value_mismatch", "runway_claim", "amount_mismatch",
        "part_exceeds_whole" or "conversion_mismatch"."""
        number = int(lib.ipofacts_finding_kind_of(self._ptr))
        return text(lib.ipofacts_finding_kind_name(number)) or f"kind {number}"

    @property
    def severity(self) -> str:
        """"inconsistent" (the figures cannot all be right) or "warning" (weaker)."""
        number = int(lib.ipofacts_finding_severity(self._ptr))
        return text(lib.ipofacts_severity_name(number)) or f"severity {number}"

    @property
    def company(self) -> "Company":
        """The company the finding is about."""
        from ._dataset import Company

        return Company(self._resource.root(), lib.ipofacts_finding_company(self._ptr))

    @property
    def concept(self) -> str:
        """The concept of the reported figure ("revenue", "gross_margin")."""
        return text(lib.ipofacts_finding_concept_id(self._ptr)) or ""

    @property
    def segment(self) -> Optional[str]:
        """The segment or holder of the figure, or ``None``."""
        return text(lib.ipofacts_finding_segment(self._ptr))

    @property
    def period(self) -> "Period":
        """The period of the figure."""
        from ._dataset import Period

        return Period(self._resource.root(), lib.ipofacts_finding_period(self._ptr))

    @property
    def facts(self) -> List["Fact"]:
        """The reported facts involved: the reports compared, or the report
        first and then the facts it was recomputed from."""
        from ._dataset import Fact

        root = self._resource.root()
        return [Fact(root, lib.ipofacts_finding_fact(self._ptr, i))
                for i in range(lib.ipofacts_finding_fact_count(self._ptr))]

    @property
    def computations(self) -> List["Ratio"]:
        """The computations the report was compared with (each explains itself)."""
        from .ratios import Ratio

        return [Ratio(self._resource, lib.ipofacts_finding_derived(self._ptr, i))
                for i in range(lib.ipofacts_finding_derived_count(self._ptr))]

    @property
    def message(self) -> str:
        """One line that says what is wrong, with the values, the sources and the arithmetic."""
        return text(lib.ipofacts_finding_message(self._ptr)) or ""

    def __str__(self) -> str:
        return f"{self.severity}: {self.kind}: {self.message}"

    def __repr__(self) -> str:
        seg = f"[{self.segment}]" if self.segment else ""
        return f"<Finding {self.severity} {self.kind} {self.concept}{seg} {self.period.id}>"


def _findings(ptr: int, root: Resource) -> List[Finding]:
    resource = Resource(ptr, lib.ipofacts_findings_free, parent=root)
    return [Finding(resource, lib.ipofacts_findings_at(ptr, i)) for i in range(lib.ipofacts_findings_count(ptr))]


def check_dataset(owner: Resource) -> List[Finding]:
    """Checks every company of a dataset (``ipofacts_check_dataset()``)."""
    out = ctypes.c_void_p()
    check_status(lib.ipofacts_check_dataset(ctypes.byref(out), owner.ptr), context="checking the dataset")
    return _findings(out.value, owner)


def check_company(company: "Company") -> List[Finding]:
    """Checks one company (``ipofacts_check_company()``)."""
    out = ctypes.c_void_p()
    check_status(lib.ipofacts_check_company(ctypes.byref(out), company._ptr), context=f"checking {company.id!r}")
    return _findings(out.value, company._owner)


__all__ = ["Finding", "KINDS", "SEVERITIES", "check_company", "check_dataset"]
