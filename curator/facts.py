"""Directory facts as events: operators, institutions, missions, locations and containers.

A directory row is created ("registered") or changed ("amended") only together with an event whose
details carry the change: ``{"table": ..., "row": id, "set": {column: value}}``. Replaying those events
in order rebuilds every directory table, which is how `verify` proves the tables were not edited behind
the application's back.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from curator.events import append_event
from curator.storage.models import Base, DatabaseIdentity, Event, Operator, Sample
from curator.vocabulary import EventKind

REGISTERED = EventKind.REGISTERED
AMENDED = EventKind.AMENDED
#: The database's identity: stated by the chain's first event (or by a genesis fact of an upgraded database).
IDENTITY_TABLE = DatabaseIdentity.__tablename__


#: Columns added to a directory table after its first facts were written, with the value a registration
#: that does not state them (made before they existed) gave them; the replay starts from these.
LATER_COLUMNS: dict[str, dict[str, Any]] = {
    "locations": {"barcode": None, "grid_rows": None, "grid_columns": None, "grid_naming": "", "retired": False},
    "containers": {"retired": False},
}

#: The columns of a sample that no later event changes: a ``received`` event carries them as "sample".
SAMPLE_FACTS = ("number", "mission_id", "parent_id", "kind", "sampling")


def fact_value(value: Any) -> Any:
    """A column value as it is written into an event's JSON details (times in UTC, dates as ISO text)."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def sample_facts(sample: Sample) -> dict[str, Any]:
    """What a ``received`` event states about the new sample, so verify can prove its identity."""
    return {column: getattr(sample, column) for column in SAMPLE_FACTS}


def register(session: Session, signer: Operator | None, row: Base, *, at: datetime | None = None,
             note: str = "") -> Event:
    """Add ``row`` (a new directory row with its columns set) and the event that carries all its columns.

    ``signer`` None: the row is an operator signing its own registration (the very first one).
    """
    session.add(row)
    session.flush()
    columns = {c.key: fact_value(getattr(row, c.key)) for c in row.__table__.columns if c.key != "id"}
    author = signer if signer is not None else row
    if not isinstance(author, Operator):
        raise TypeError("only an operator row may sign its own registration")
    return _fact_event(session, REGISTERED, author, row, columns, at, note)


def amend(session: Session, signer: Operator, row: Base, *, at: datetime | None = None, note: str = "",
          **values: Any) -> Event:
    """Change columns of an existing directory row, with the event that carries the change."""
    for key, value in values.items():
        setattr(row, key, value)
    session.flush()
    return _fact_event(session, AMENDED, signer, row, {k: fact_value(v) for k, v in values.items()}, at, note)


def _fact_event(session: Session, kind: str, signer: Operator, row: Base, columns: dict[str, Any],
                at: datetime | None, note: str) -> Event:
    details = {"table": row.__tablename__, "row": row.id, "set": columns}  # type: ignore[attr-defined]  # directory rows have ids
    return append_event(session, kind, signer, at=at, note=note, details=details)
