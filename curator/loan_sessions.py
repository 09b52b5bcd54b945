"""Several splits of a loan returned in one scanning session at the desk: all recorded in one transaction,
or none (a refusal names the split)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from curator.allocations import return_split, signed_allocation
from curator.errors import ValidationError
from curator.permissions import AllocationAction
from curator.storage.db import Database


@dataclass(frozen=True)
class SplitBack:
    """One split scanned back: its number, the mass weighed back, and the mass it left with as the desk
    showed it (refused if that changed meanwhile)."""

    number: str
    returned_ug: int
    left_with_ug: int


def record_returns(db: Database, operator: str, reference: str, splits: Sequence[SplitBack], note: str = "",
                   at: datetime | None = None) -> int:
    """Record each split's return (what did not come back counts as consumed); returns how many."""
    if not splits:
        raise ValidationError(f"no split of {reference} was scanned back")
    if len({split.number for split in splits}) != len(splits):
        raise ValidationError("a split is listed twice")
    with db.write() as session:
        signer, allocation = signed_allocation(session, operator, reference, AllocationAction.RECORD_RETURN)
        for split in splits:
            return_split(session, signer, allocation, split.number, split.returned_ug, note, at,
                         expected_ug=split.left_with_ug)
    return len(splits)
