"""Handling events: the append-only, hash-chained chain of custody.

Every event stores the SHA-256 of its own content together with the previous event's hash. Writers
lock the single ``chain_head`` row (SELECT ... FOR UPDATE on a server, BEGIN IMMEDIATE on SQLite),
so event ids are consecutive and the chain never forks.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from curator.errors import Refusal, ValidationError
from curator.storage.models import ChainHead, DatabaseIdentity, Event, Operator
from curator.vocabulary import EventKind, choices

GENESIS_HASH = "0" * 64
#: The server notification channel on which each committed write announces its events (curator/feed.py).
CHANNEL = "curator_events"
#: PostgreSQL refuses a notification payload of 8000 bytes or more; beyond this the ids are left out.
PAYLOAD_LIMIT = 7000


def utcnow() -> datetime:
    return datetime.now(UTC)


def canonical_json(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class EventRecord(Protocol):
    """An event's columns, as an Event, a row of ``select(*Event.__table__.columns)`` or a migration's copy."""

    id: int
    kind: str
    occurred_at: datetime
    operator_id: int
    sample_id: int | None
    container_id: int | None
    allocation_id: int | None
    mass_ug: int | None
    from_location_id: int | None
    to_location_id: int | None
    corrects_event_id: int | None
    note: str
    details: str
    prev_hash: str
    hash: str


def event_content(event: EventRecord) -> dict[str, Any]:
    """Everything the hash covers: every column but the hash itself."""
    return {
        "id": event.id,
        "kind": event.kind,
        "occurred_at": event.occurred_at.astimezone(UTC).isoformat(),
        "operator_id": event.operator_id,
        "sample_id": event.sample_id,
        "container_id": event.container_id,
        "allocation_id": event.allocation_id,
        "mass_ug": event.mass_ug,
        "from_location_id": event.from_location_id,
        "to_location_id": event.to_location_id,
        "corrects_event_id": event.corrects_event_id,
        "note": event.note,
        "details": event.details,
        "prev_hash": event.prev_hash,
    }


def compute_hash(event: EventRecord) -> str:
    return hashlib.sha256(canonical_json(event_content(event)).encode("utf-8")).hexdigest()


def lock_chain_head(session: Session) -> ChainHead:
    """Lock the chain head row until the transaction ends, and read its current committed values.

    populate_existing: if this session read the head earlier (without the lock), the values it holds
    may be stale on a server where another desk appended meanwhile; the locked read replaces them.
    """
    query = select(ChainHead).where(ChainHead.id == 1).with_for_update()
    return session.execute(query.execution_options(populate_existing=True)).scalar_one()


def signer_identity(operator: Operator) -> dict[str, str]:
    """What an event binds of its signer: the name and the role they had when signing."""
    return {"name": operator.name, "role": operator.role}


def append_event(
    session: Session,
    kind: EventKind | str,
    operator: Operator,
    *,
    at: datetime | None = None,
    details: dict[str, Any] | None = None,
    **columns: Any,
) -> Event:
    """Add one event at the end of the chain, inside the caller's write transaction.

    The details bind the signer's identity at this moment (name and role), not just a row id, so a
    later rename or promotion behind the application's back no longer matches the events it signed.
    The chain's first event also states the database's identity (``"database"``), so verify proves it.
    """
    if kind not in list(EventKind):
        raise ValidationError(f"unknown event kind {kind!r} (known: {choices(EventKind)})", code=Refusal.UNKNOWN_CHOICE,
                              params={"value": kind, "known": choices(EventKind)})
    head = lock_chain_head(session)
    occurred = (at or utcnow()).astimezone(UTC)
    if head.last_event_id == 0:
        details = {**(details or {}), **_database_identity(session)}
    event = Event(
        id=head.last_event_id + 1,
        kind=EventKind(kind).value,
        occurred_at=occurred,
        operator_id=operator.id,
        details=canonical_json({**(details or {}), "signer": signer_identity(operator)}),
        prev_hash=head.last_hash,
        note=columns.pop("note", "") or "",
        **columns,
    )
    event.hash = compute_hash(event)
    session.add(event)
    head.last_event_id = event.id
    head.last_hash = event.hash
    session.flush()
    session.info["chain_head"] = (event.id, event.hash)  # what this transaction leaves (curator/witness.py)
    session.info.setdefault("appended", []).append(event)  # announced at commit (``announce``)
    return event


def _database_identity(session: Session) -> dict[str, Any]:
    """What the first event states of the database: its identity row (uuid, creation time)."""
    identity = session.get(DatabaseIdentity, 1)
    if identity is None:
        return {}
    return {"database": {"uuid": identity.uuid, "created_at": identity.created_at.astimezone(UTC).isoformat()}}


def announce(session: Session) -> list[int]:
    """Called by the write path just before a transaction commits: the ids of the events it appended.

    On a server it also sends one notification on ``CHANNEL`` with the new chain head and what changed
    (row ids of samples, containers, locations and allocations); PostgreSQL delivers it at commit and
    drops it on rollback, so a listener (curator/feed.py) hears of exactly the committed writes.
    """
    appended: list[Event] = session.info.pop("appended", [])
    if not appended or session.get_bind().dialect.name != "postgresql":
        return [event.id for event in appended]
    last = appended[-1]
    changed = {name: sorted({getattr(event, f"{name}_id") for event in appended} - {None})
               for name in ("sample", "container", "allocation")}
    changed["location"] = sorted({place for event in appended
                                  for place in (event.from_location_id, event.to_location_id)} - {None})
    payload = canonical_json({"head": [last.id, last.hash], "first": appended[0].id,
                              **{f"{name}s": ids for name, ids in changed.items()}})
    if len(payload.encode()) > PAYLOAD_LIMIT:
        payload = canonical_json({"head": [last.id, last.hash], "first": appended[0].id, "many": True})
    session.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload})
    return [event.id for event in appended]


def chain_head_code(session: Session) -> str:
    """A short code for the chain head: the last event id and the first 12 hex digits of its hash.

    Printed on handover sheets, it lets anyone later prove that history up to that event is unchanged.
    """
    head = session.get(ChainHead, 1)
    assert head is not None
    return f"{head.last_event_id}-{head.last_hash[:12]}"
