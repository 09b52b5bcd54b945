"""Which allocations a person asked to see: by status, country, institution, mission, overdue, or text."""

from __future__ import annotations

from dataclasses import dataclass

from curator.countries import reported_country_name
from curator.rows import AllocationRow
from curator.vocabulary import AllocationStatus, LoanState


@dataclass(frozen=True)
class LoanFilter:
    """Empty fields let every allocation through; ``text`` is looked for, case aside, in the reference,
    institution, PI, country (code, and name in English or Chinese) and mission."""

    #: As the table shows it: a closed loan is not listed under returned or consumed.
    status: AllocationStatus | LoanState | None = None
    country: str = ""
    institution: str = ""
    mission: str = ""
    overdue_only: bool = False
    text: str = ""

    def matches(self, row: AllocationRow) -> bool:
        if self.status is not None and row.state != self.status:
            return False
        if (self.country and row.country != self.country) or (self.institution and row.institution != self.institution):
            return False
        if (self.mission and row.mission != self.mission) or (self.overdue_only and not row.overdue):
            return False
        needle = self.text.strip().casefold()
        return not needle or any(needle in field.casefold() for field in (
            row.reference, row.institution, row.pi, row.country, row.country_name,
            reported_country_name(row.country, "zh"), row.mission))

    @property
    def active(self) -> bool:
        return self != LoanFilter()
