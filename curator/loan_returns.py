"""What comes back from a loan: the treatments a returned split went through, and the return form (in
the manner of NASA's F-75: per split, the mass that left, came back and was consumed, and what was done
to it), read from the chain's "returned" and "consumed" events. Plain data; ui/return_form_print.py
draws it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from curator.countries import country_name
from curator.errors import Refusal, RuleViolation, ValidationError
from curator.events import chain_head_code
from curator.lookup import get_allocation
from curator.storage.db import Database
from curator.storage.models import Event
from curator.vocabulary import AllocationItemStatus, EventKind, Treatment, choices


def check_treatment(treatment: Iterable[str]) -> list[Treatment]:
    """The treatments named (each once), refused when unknown or when "none" comes with another."""
    found: list[Treatment] = []
    for word in treatment:
        try:
            member = Treatment(word.strip().lower().replace(" ", "_"))
        except ValueError:
            raise ValidationError(f"unknown treatment {word!r} (known: {choices(Treatment)})",
                                  code=Refusal.UNKNOWN_CHOICE, params={"value": word, "known": choices(Treatment)}
                                  ) from None
        if member not in found:
            found.append(member)
    if Treatment.NONE in found and len(found) > 1:
        raise ValidationError('a split treated in some way cannot also be untreated ("none")',
                              code=Refusal.TREATED_AND_UNTREATED)
    return found


@dataclass(frozen=True)
class ReturnLine:
    number: str
    out_ug: int
    status: AllocationItemStatus
    #: When it came back or was reported used up (None: still out).
    closed_on: date | None = None
    back_ug: int = 0
    consumed_ug: int = 0
    treatment: tuple[Treatment, ...] = ()
    note: str = ""
    recorded_by: str = ""


@dataclass(frozen=True)
class ReturnForm:
    reference: str
    institution: str
    city: str
    country: str
    pi: str
    mission: str
    handed_over_at: datetime | None
    due_date: date | None
    lines: tuple[ReturnLine, ...]
    chain_code: str

    @property
    def out_ug(self) -> int:
        return sum(line.out_ug for line in self.lines)

    @property
    def back_ug(self) -> int:
        return sum(line.back_ug for line in self.lines)

    @property
    def consumed_ug(self) -> int:
        return sum(line.consumed_ug for line in self.lines)


def return_form(db: Database, reference: str) -> ReturnForm:
    """The return form of a loan, from its events; refused while no split has come back or been used up."""
    with db.read() as session:
        allocation = get_allocation(session, reference)
        closing: dict[int | None, Event] = {  # sample id -> its last return or consumption
            event.sample_id: event for event in session.execute(select(Event).where(
                Event.allocation_id == allocation.id,
                Event.kind.in_((EventKind.RETURNED, EventKind.CONSUMED))).order_by(Event.id)).scalars()}
        lines = []
        for item in sorted(allocation.items, key=lambda item: item.sample.number):
            if item.status in (AllocationItemStatus.PREPARED, AllocationItemStatus.CANCELLED):
                continue
            found = closing.get(item.sample_id)
            if found is None:
                lines.append(ReturnLine(item.sample.number, item.mass_ug, AllocationItemStatus(item.status)))
                continue
            event, details = found, json.loads(found.details)
            lines.append(ReturnLine(
                item.sample.number, item.mass_ug, AllocationItemStatus(item.status), event.occurred_at.date(),
                event.mass_ug or 0, int(details.get("consumed_ug", item.mass_ug - (event.mass_ug or 0))),
                tuple(Treatment(word) for word in details.get("treatment", ())), event.note,
                details.get("signer", {}).get("name", "")))
        if not closing:
            raise RuleViolation(f"allocation {allocation.reference} has no split back or used up yet: "
                                "there is no return to put on a form", code=Refusal.NOTHING_RETURNED,
                                params={"reference": allocation.reference})
        institution = allocation.institution
        return ReturnForm(allocation.reference, institution.name, institution.city, country_name(institution.country),
                          allocation.pi, allocation.mission.code, allocation.handed_over_at, allocation.due_date,
                          tuple(lines), chain_head_code(session))
