"""The events as `verify` walks them: streamed straight from the database driver and hashed without
building ORM objects or Python dictionaries, so walking a million events costs little more than reading
them (issue 17: within 1.5x of a bare sqlite3 read-and-hash, `make bench`).

``row_hash`` gives exactly ``curator.events.compute_hash`` of the same event (a test compares them on
hostile text): the canonical JSON is written out in its sorted key order, each value encoded as
``json.dumps`` would encode it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from json.encoder import encode_basestring  # what json.dumps(ensure_ascii=False) uses
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

#: Rows fetched from the driver at a time.
BATCH = 5000


class EventRow(NamedTuple):
    """One stored event as the chain states it; ``occurred_at`` is already the UTC ISO text it is hashed as.
    Typed loosely (Any): a row forged behind the application's back may hold anything, and verify names it."""

    id: Any
    kind: Any
    occurred_at: Any
    operator_id: Any
    sample_id: Any
    container_id: Any
    allocation_id: Any
    mass_ug: Any
    from_location_id: Any
    to_location_id: Any
    corrects_event_id: Any
    note: Any
    details: Any
    prev_hash: Any
    hash: Any


_SELECT = f"SELECT {', '.join(EventRow._fields)} FROM events WHERE id > %s ORDER BY id"


def utc_iso(stored: Any) -> Any:
    """A stored time as ``datetime.isoformat()`` of the aware UTC time: SQLite's text
    ("2026-11-27 10:00:00.250000") or a server's naive UTC datetime. Anything else is kept as it is
    (a value forged behind the application's back then fails its hash)."""
    if isinstance(stored, str):
        if len(stored) == 26 and stored[19] == ".":
            fraction = "" if stored.endswith(".000000") else stored[19:]
            return f"{stored[:10]}T{stored[11:19]}{fraction}+00:00"
        try:
            stored = datetime.fromisoformat(stored)
        except ValueError:
            return stored
    if isinstance(stored, datetime):
        moment = stored.replace(tzinfo=UTC) if stored.tzinfo is None else stored
        return moment.astimezone(UTC).isoformat()
    return stored


def _json(value: Any) -> str:
    if value is None:
        return "null"
    if type(value) is str:
        return str(encode_basestring(value))
    if type(value) is int:
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def content_json(event: EventRow) -> str:
    """``canonical_json(event_content(event))``, written directly."""
    j = _json
    return (f'{{"allocation_id":{j(event.allocation_id)},"container_id":{j(event.container_id)},'
            f'"corrects_event_id":{j(event.corrects_event_id)},"details":{j(event.details)},'
            f'"from_location_id":{j(event.from_location_id)},"id":{j(event.id)},"kind":{j(event.kind)},'
            f'"mass_ug":{j(event.mass_ug)},"note":{j(event.note)},"occurred_at":{j(event.occurred_at)},'
            f'"operator_id":{j(event.operator_id)},"prev_hash":{j(event.prev_hash)},'
            f'"sample_id":{j(event.sample_id)},"to_location_id":{j(event.to_location_id)}}}')


def row_hash(event: EventRow) -> str:
    return hashlib.sha256(content_json(event).encode("utf-8")).hexdigest()


def stream_events(session: Session, after: int = 0) -> Iterator[EventRow]:
    """Every event after ``after`` in id order, in batches from the driver (a server-side cursor on
    PostgreSQL, so memory stays flat), inside the session's read transaction."""
    connection = session.connection()
    driver = connection.connection.driver_connection
    server = connection.dialect.name == "postgresql"
    cursor = driver.cursor(name="curator_verify") if server else driver.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(_SELECT % int(after))
        while batch := cursor.fetchmany(BATCH):
            for row in batch:
                yield EventRow(row[0], row[1], utc_iso(row[2]), *row[3:])
    finally:
        cursor.close()
