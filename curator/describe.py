"""What `curator show` tells about a sample, a container or a location: its properties and its full
history, as plain data (masses as integer micrograms, times as ISO 8601 UTC text)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from curator.errors import NotFoundError
from curator.history import sample_detail, sample_history
from curator.lookup import find_scanned
from curator.occupancy import position_counts
from curator.placement import grid_of
from curator.rows import HistoryRow
from curator.storage.db import Database
from curator.storage.models import Container, Event, Location, Operator, Sample


def describe(db: Database, code: str) -> dict[str, Any]:
    """A sample (by number), a container (by barcode) or a location (by path), in any case for codes."""
    with db.read() as session:
        try:
            found = find_scanned(session, code)
        except NotFoundError:
            raise NotFoundError(f"no sample, container or location {code.strip()!r}") from None
        if isinstance(found, Sample):
            number = found.number
        elif isinstance(found, Container):
            return _container(session, found)
        else:
            return _location(session, found)
    return _sample(db, number)


def _sample(db: Database, number: str) -> dict[str, Any]:
    detail = sample_detail(db, number)
    with db.read() as session:
        parent_id = select(Sample.id).where(Sample.number == detail.number).scalar_subquery()
        children = list(session.execute(select(Sample.number).where(Sample.parent_id == parent_id)
                                        .order_by(Sample.number)).scalars())
    return {
        "type": "sample", "number": detail.number, "mission": detail.mission, "kind": detail.kind,
        "sampling": detail.sampling, "mass_ug": detail.mass_ug, "status": detail.status,
        "condition": detail.condition, "condition_event": detail.condition_event,
        "sealed": detail.container_sealed if detail.barcode else None,
        "container": detail.barcode or None, "location": detail.location or None, "parent": detail.parent,
        "children": children, "allocation": detail.allocation or None, "borrower": detail.borrower or None,
        "history": [_history_row(row) for row in sample_history(db, number)],
    }


def _history_row(row: HistoryRow) -> dict[str, Any]:
    return {"event": row.event_id, "at": row.occurred_at.isoformat(), "kind": row.kind, "operator": row.operator,
            "mass_ug": row.mass_ug, "facts": row.facts, "via_container": row.via_container or None,
            "via_location": row.via_location or None}


def _event_facts(event: Event) -> dict[str, Any]:
    facts: dict[str, Any] = json.loads(event.details or "{}")
    if event.note:
        facts["note"] = event.note
    if event.corrects_event_id:
        facts["corrects"] = event.corrects_event_id
    return facts


def _events(session: Session, *conditions: Any) -> list[dict[str, Any]]:
    rows = session.execute(select(Event, Operator.name, Sample.number)
                           .join(Operator, Event.operator_id == Operator.id)
                           .outerjoin(Sample, Event.sample_id == Sample.id)
                           .where(or_(*conditions)).order_by(Event.id))
    return [{"event": event.id, "at": event.occurred_at.isoformat(), "kind": event.kind, "operator": name,
             "mass_ug": event.mass_ug, "sample": number, "facts": _event_facts(event)}
            for event, name, number in rows]


def _container(session: Session, container: Container) -> dict[str, Any]:
    samples = session.execute(select(Sample.number, Sample.mass_ug).where(Sample.container_id == container.id)
                              .order_by(Sample.number)).all()
    return {
        "type": "container", "barcode": container.barcode, "kind": container.kind, "retired": container.retired,
        "sealed": container.sealed, "location": container.location.path if container.location else None,
        "samples": [{"number": number, "mass_ug": mass} for number, mass in samples],
        "history": _events(session, Event.container_id == container.id),
    }


def _location(session: Session, location: Location) -> dict[str, Any]:
    parent = session.get(Location, location.parent_id) if location.parent_id else None
    children = session.execute(select(Location.path).where(Location.parent_id == location.id)
                               .order_by(Location.path)).scalars()
    containers = session.execute(select(Container.barcode).where(Container.location_id == location.id)
                                 .order_by(Container.barcode)).scalars()
    grid = grid_of(location)
    taken, positions = position_counts(session, [location.id]).get(location.id, (0, 0))
    return {
        "type": "location", "path": location.path, "kind": location.kind, "barcode": location.barcode,
        "atmosphere": location.atmosphere or None, "grid": grid.text() if grid else None,
        "positions_taken": taken, "positions": positions, "retired": location.retired,
        "parent": parent.path if parent else None, "children": list(children), "containers": list(containers),
        "history": _events(session, Event.to_location_id == location.id, Event.from_location_id == location.id),
    }
