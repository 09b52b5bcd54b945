"""The borrowers' yearly inventory answers compared with the chain. A borrower's word changes no mass: this
only lists where the answers and the chain disagree (a split said to be sent back that the facility never
received, or came back with more than was said to be held); if the chain is wrong, a curator records a
correction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from curator.loan_inventory import check_year
from curator.storage.db import Database
from curator.storage.models import Allocation, Event, Institution, Sample
from curator.vocabulary import EventKind, InventoryDiscrepancy


@dataclass(frozen=True)
class Discrepancy:
    """One split whose inventory answer of ``year`` disagrees with the chain: what the borrower said (held,
    consumed, returned) and what the chain records (mass weighed back, None: none; the day it came back or
    was reported used up, None: it is still out)."""

    institution: str
    reference: str
    year: int
    number: str
    kind: InventoryDiscrepancy
    held_ug: int
    consumed_ug: int
    returned_ug: int
    chain_back_ug: int | None
    chain_day: date | None


def _differs(said: dict[str, Any], closing: Event | None) -> InventoryDiscrepancy | None:
    """How the answer ``said`` for a split differs from its return or consumption event (None: still out)."""
    said_back = int(said["returned_ug"])
    if closing is None:
        return InventoryDiscrepancy.NO_RETURN_RECORDED if said_back else None
    if closing.kind == EventKind.CONSUMED:
        return InventoryDiscrepancy.RECORDED_USED_UP if said_back else None
    back = closing.mass_ug or 0
    if said_back:
        return InventoryDiscrepancy.OTHER_MASS_BACK if back != said_back else None
    return InventoryDiscrepancy.BACK_MORE_THAN_HELD if back > int(said["held_ug"]) else None


def inventory_discrepancies(db: Database, year: int | None = None) -> list[Discrepancy]:
    """Every split whose confirmed inventory (of ``year``; None: of every year) disagrees with the chain, by
    borrower, loan, year and split."""
    if year is not None:
        check_year(year)
    with db.read() as session:
        closing: dict[tuple[int, str], Event] = {}  # (loan, split) -> its return or consumption
        for event, number in session.execute(
                select(Event, Sample.number).join(Sample, Event.sample_id == Sample.id)
                .where(Event.kind.in_((EventKind.RETURNED, EventKind.CONSUMED)), Event.allocation_id.is_not(None))
                .order_by(Event.id)):
            closing[(event.allocation_id or 0, number)] = event
        answers = session.execute(
            select(Event.allocation_id, Event.details, Allocation.reference, Institution.name)
            .join(Allocation, Event.allocation_id == Allocation.id).join(Institution)
            .where(Event.kind == EventKind.INVENTORIED).order_by(Event.id))
        found = []
        for allocation_id, details, reference, institution in answers:
            facts = json.loads(details)
            if year is not None and int(facts["year"]) != year:
                continue
            for said in facts["items"]:
                back = closing.get((allocation_id or 0, said["number"]))
                kind = _differs(said, back)
                if kind is not None:
                    found.append(Discrepancy(
                        institution, reference, int(facts["year"]), said["number"], kind, int(said["held_ug"]),
                        int(said["consumed_ug"]), int(said["returned_ug"]),
                        back.mass_ug if back is not None and back.kind == EventKind.RETURNED else None,
                        back.occurred_at.date() if back is not None else None))
    return sorted(found, key=lambda found: (found.institution, found.reference, found.year, found.number))
