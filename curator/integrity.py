"""`curator verify`: walk the hash chain, rebuild the state it gives, and name every inconsistency.

Finds events edited, deleted or inserted behind the application's back (raw SQL), a missing or
inconsistent chain head, a split that no longer balances, an event whose bound signer no longer
matches the operator row, and every table row that differs from what the chain gives (replay.py,
state_check.py): a renamed operator, a promoted technician, a sample put back in store, a moved
institution, an edited allocation item, a renumbered sample.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.errors import CuratorError, Refusal, ValidationError
from curator.event_stream import EventRow, row_hash, stream_events
from curator.events import GENESIS_HASH
from curator.photos import photo_problems
from curator.problems import Problem
from curator.replay import ChainReplay
from curator.state_check import StateCheck
from curator.storage.db import Database
from curator.storage.models import ChainHead, Event, Operator, Sample

__all__ = ["Problem", "VerifyCancelled", "verify", "check_head_code", "parse_head_code"]


class VerifyCancelled(CuratorError):
    """The walk was stopped before the end (the desk closed, or the person cancelled)."""


def verify(db: Database, head: str | None = None, cancelled: Callable[[], bool] = lambda: False) -> list[Problem]:
    """Every inconsistency found; an empty list means the database is consistent.

    With ``head`` (a code printed earlier by ``chain_head_code``), also prove that history up to that
    event is unchanged, even if someone rewrote the whole chain with freshly computed hashes.
    ``cancelled`` is asked every few thousand events; when it says yes, VerifyCancelled is raised.
    One streamed pass over the events: memory grows with the rows of the other tables, not the events.
    """
    problems: list[Problem] = check_head_code(db, head) if head else []
    with db.read() as session:
        problems.extend(_file_problems(db, session))
        numbers: dict[int, str] = dict(session.execute(select(Sample.id, Sample.number)).all())
        operators = {row.id: (row.name, row.role) for row in session.execute(select(Operator.id, Operator.name,
                                                                                     Operator.role))}
        replay = ChainReplay(numbers, operators)
        previous_id, previous_hash = 0, GENESIS_HASH
        for event in stream_events(session):
            if event.id % 5000 == 1 and cancelled():
                raise VerifyCancelled("verification cancelled before the end of the chain",
                                      code=Refusal.VERIFY_CANCELLED)
            if event.id != previous_id + 1 or event.prev_hash != previous_hash or row_hash(event) != event.hash:
                problems.extend(_chain_problems(event, previous_id, previous_hash, numbers.get(event.sample_id or 0)))
            replay.see(event)
            previous_id, previous_hash = event.id, event.hash
        problems.extend(_head_problems(session, previous_id, previous_hash))
        replay.finish(_stated_masses(session, [claim[1] for claim in replay.recorded_claims]))
        problems.extend(replay.problems)
        problems.extend(_replacement_problems(session, replay.replacements))
        problems.extend(StateCheck(session, replay, previous_id).run())
        problems.extend(photo_problems(session))
    return problems


def _head_problems(session: Session, last_id: int, last_hash: str) -> list[Problem]:
    head = session.get(ChainHead, 1)
    if head is None:
        return [Problem("the chain_head row is missing (deleted behind the application's back): nothing "
                        f"proves the chain ends at event {last_id}, so a cut tail would go unseen")]
    if (head.last_event_id, head.last_hash) == (last_id, last_hash):
        return []
    if head.last_event_id == last_id:
        return [Problem(f"the chain head names event {last_id} with another hash than that event has: the head "
                        "or the last event was replaced")]
    return [Problem(f"the chain ends at event {last_id} but was last written at event {head.last_event_id}: "
                    "events at the end were deleted or replaced")]


def _replacement_problems(session: Session, replacements: list[tuple[int, dict[str, Any]]]) -> list[Problem]:
    """A history_replaced event names the restored head it follows: an earlier event of this chain, that hash."""
    found = []
    for event_id, restored in replacements:
        head_id, head_hash = restored.get("event_id"), restored.get("hash")
        head = session.get(Event, head_id) if isinstance(head_id, int) and 0 < head_id < event_id else None
        if head is None or head.hash != head_hash:
            found.append(Problem(f"says the history restored ended at event {head_id} with hash {str(head_hash)[:12]}, "
                                 f"which this chain does not have before it", event_id))
    return found


def _stated_masses(session: Session, event_ids: list[int]) -> dict[int, tuple[int | None, int | None]]:
    """(sample id, mass) of the events that corrections cite, read after the walk (corrections are few)."""
    found: dict[int, tuple[int | None, int | None]] = {}
    for start in range(0, len(event_ids), 500):
        query = select(Event.id, Event.sample_id, Event.mass_ug).where(Event.id.in_(event_ids[start:start + 500]))
        found.update({event_id: (sample_id, mass) for event_id, sample_id, mass in session.execute(query)})
    return found


def _file_problems(db: Database, session: Session) -> list[Problem]:
    """SQLite's quick check of the file: damage in pages (e.g. an index) that the walk never reads."""
    if not db.is_sqlite:
        return []
    rows = session.connection().exec_driver_sql("PRAGMA quick_check").scalars()
    findings = [line for row in rows for line in str(row).splitlines() if line != "ok" and not line.startswith("***")]
    if not findings:
        return []
    return [Problem(f"the database file is damaged ({findings[0]}; {len(findings)} finding(s) of SQLite's "
                    "quick check): restore a backup with `curator restore`")]


def parse_head_code(code: str) -> tuple[int, str]:
    """``"1234-0123456789ab"`` -> (1234, "0123456789ab"); ValidationError for anything else."""
    event_id, _, prefix = code.strip().partition("-")
    prefix = prefix.lower()
    if not event_id.isdigit() or len(prefix) < 6 or any(c not in "0123456789abcdef" for c in prefix):
        raise ValidationError(f"{code!r} is not a chain head code like 1234-0123456789ab")
    return int(event_id), prefix


def check_head_code(db: Database, code: str) -> list[Problem]:
    """Problems if the event a head code names is gone or no longer has the hash the code printed."""
    event_id, prefix = parse_head_code(code)
    with db.read() as session:
        event = session.get(Event, event_id)
        if event is None:
            return [Problem(f"the event named by head code {code} no longer exists: history was cut", event_id)]
        if event.hash.startswith(prefix):
            return []
        sample = session.get(Sample, event.sample_id) if event.sample_id else None
        number = sample.number if sample is not None else None
        return [Problem(f"history up to this event changed since head code {code} was printed "
                        f"(its hash now starts {event.hash[:len(prefix)]})", event_id, number)]


def _chain_problems(event: EventRow, previous_id: int, previous_hash: str,
                    sample: str | None) -> list[Problem]:
    found = []
    if event.id != previous_id + 1:
        first = previous_id + 1
        missing = f"event {first}" if event.id == first + 1 else f"events {first}-{event.id - 1}"
        found.append(Problem(f"{missing} missing from the chain (deleted)", event.id, sample))
    if event.prev_hash != previous_hash:
        found.append(Problem(f"does not follow event {previous_id} in the chain (inserted, or event "
                             f"{previous_id} was replaced)", event.id, sample))
    if row_hash(event) != event.hash:
        found.append(Problem(f"{event.kind} event was altered: its content no longer matches its hash",
                             event.id, sample))
    return found
