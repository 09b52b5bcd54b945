"""What the chain says was changed after a point: the Changes of one write, or of another desk's writes.

Every write records events, and every event names what it touched (a sample, a container, an allocation,
the locations it moved between, or the directory row of a fact). Reading the changes off the chain means
no caller has to name them, and a write cannot forget one.
"""

from __future__ import annotations

import json

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session, aliased

from curator.changes import EVERYTHING, Changes
from curator.storage.db import Database
from curator.storage.models import Allocation, Container, Event, Location, Sample
from curator.vocabulary import LOCATION_KINDS, EventKind

#: Directory rows whose facts a view shows by key; a fact on any other table (an operator, an institution,
#: a mission) changes what many views offer, so every view reloads.
_KEYED_FACTS = {"containers": select(Container.barcode).where(Container.id == bindparam("row")),
                "locations": select(Location.path).where(Location.id == bindparam("row")),
                "allocations": select(Allocation.reference).where(Allocation.id == bindparam("row"))}
_FACTS = (EventKind.REGISTERED, EventKind.AMENDED)
#: Facts no view shows: an operator added, a wrong PIN counted or a lock set reloads nothing anywhere.
_UNSEEN_FACTS = {"operators"}


def last_event_id(db: Database) -> int:
    """The newest event's id (0 before the first): the point to read changes after."""
    with db.read() as session:
        return session.scalar(select(func.coalesce(func.max(Event.id), 0))) or 0


def changes_after(db: Database, event_id: int) -> Changes:
    """What the events after ``event_id`` changed, by the keys people see."""
    with db.read() as session:
        return _changes(session, event_id)


def _changes(session: Session, event_id: int) -> Changes:
    origin, target = aliased(Location), aliased(Location)
    rows = session.execute(
        select(Event.kind, Event.details, Sample.number, Container.barcode, Allocation.reference,
               origin.path, target.path)
        .outerjoin(Sample, Sample.id == Event.sample_id)
        .outerjoin(Container, Container.id == Event.container_id)
        .outerjoin(Allocation, Allocation.id == Event.allocation_id)
        .outerjoin(origin, origin.id == Event.from_location_id)
        .outerjoin(target, target.id == Event.to_location_id)
        .where(Event.id > event_id)).all()
    keys: dict[str, list[str | None]] = {"samples": [], "containers": [], "locations": [], "allocations": []}
    for kind, details, number, barcode, reference, from_path, to_path in rows:
        keys["samples"].append(number)
        keys["containers"].append(barcode)
        keys["allocations"].append(reference)
        keys["locations"] += [from_path, to_path]
        if kind in LOCATION_KINDS and number is None and barcode is None and to_path:  # a facility event
            keys["samples"] += json.loads(details).get("samples", [])
        if kind in _FACTS:
            fact = json.loads(details)
            table = fact.get("table", "")
            if table in _UNSEEN_FACTS:
                continue
            if table not in _KEYED_FACTS:
                return EVERYTHING
            keys[table].append(session.scalar(_KEYED_FACTS[table], {"row": fact.get("row")}))
    return Changes.of(**keys)
