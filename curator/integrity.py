"""`curator verify`: walk the hash chain and the mass balances and name every inconsistency.

Finds events edited, deleted or inserted behind the application's back (raw SQL), a split that no
longer balances, a sample whose stored mass disagrees with its history, and negative masses.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.db import Database
from curator.errors import CuratorError, ValidationError
from curator.events import GENESIS_HASH, compute_hash
from curator.mass import format_mass
from curator.models import ChainHead, Event, Sample


@dataclass(frozen=True)
class Problem:
    message: str
    event_id: int | None = None
    sample: str | None = None

    def __str__(self) -> str:
        where = ", ".join(part for part in (
            f"event {self.event_id}" if self.event_id is not None else "",
            f"sample {self.sample}" if self.sample else "",
        ) if part)
        return f"{where}: {self.message}" if where else self.message


class _MassReplay:
    """The mass of every sample as its events state it, and the split balances along the way."""

    def __init__(self, numbers: dict[int, str]) -> None:
        self.numbers = numbers
        self.mass: dict[int, int] = {}
        self.expected_children: dict[str, int] = {}
        self.problems: list[Problem] = []

    def see(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.sample_id is None or event.mass_ug is None:
            return
        number = self.numbers.get(event.sample_id, f"#{event.sample_id}")
        if event.mass_ug < 0:
            self._problem(event, number, f"states a negative mass ({format_mass(event.mass_ug)})")
        if event.kind == "split":
            self._check_split(event, number)
        self.mass[event.sample_id] = event.mass_ug

    def _check_split(self, event, number: str) -> None:  # type: ignore[no-untyped-def]
        details = json.loads(event.details or "{}")
        if "parent" in details:  # the child's side of a split
            expected = self.expected_children.pop(number, None)
            if expected is not None and expected != event.mass_ug:
                self._problem(event, number, f"child mass {format_mass(event.mass_ug)} differs from the "
                                             f"{format_mass(expected)} its parent's split gave it")
            return
        before = details.get("before_ug")
        children = details.get("children", [])
        previous = self.mass.get(event.sample_id)
        if previous is not None and before != previous:
            self._problem(event, number, f"split starts from {format_mass(before or 0)} but the sample "
                                         f"held {format_mass(previous)}")
        total = event.mass_ug + sum(child["mass_ug"] for child in children) + details.get("loss_ug", 0)
        if before != total:
            self._problem(event, number, f"split does not balance: before {format_mass(before or 0)}, "
                                         f"after + children + loss {format_mass(total)}")
        for child in children:
            self.expected_children[child["number"]] = child["mass_ug"]

    def _problem(self, event, number: str, message: str) -> None:  # type: ignore[no-untyped-def]
        self.problems.append(Problem(message, event.id, number))


class VerifyCancelled(CuratorError):
    """The walk was stopped before the end (the desk closed, or the person cancelled)."""


def verify(db: Database, head: str | None = None, cancelled: Callable[[], bool] = lambda: False) -> list[Problem]:
    """Every inconsistency found; an empty list means the database is consistent.

    With ``head`` (a code printed earlier by ``chain_head_code``), also prove that history up to that
    event is unchanged, even if someone rewrote the whole chain with freshly computed hashes.
    ``cancelled`` is asked every few thousand events; when it says yes, VerifyCancelled is raised.
    """
    problems: list[Problem] = check_head_code(db, head) if head else []
    with db.read() as session:
        problems.extend(_file_problems(db, session))
        numbers = dict(session.execute(select(Sample.id, Sample.number)).all())
        replay = _MassReplay(numbers)
        previous_id, previous_hash = 0, GENESIS_HASH
        rows = session.execute(select(*Event.__table__.columns).order_by(Event.id).execution_options(yield_per=5000))
        for event in rows:
            if event.id % 5000 == 1 and cancelled():
                raise VerifyCancelled("verification cancelled before the end of the chain")
            problems.extend(_chain_problems(event, previous_id, previous_hash, numbers.get(event.sample_id)))
            replay.see(event)
            previous_id, previous_hash = event.id, event.hash
        last = session.get(ChainHead, 1)
        if last is not None and (last.last_event_id, last.last_hash) != (previous_id, previous_hash):
            problems.append(Problem(
                f"the chain ends at event {previous_id} but was last written at event {last.last_event_id}: "
                "events at the end were deleted or replaced"))
        stored = session.execute(select(Sample.id, Sample.number, Sample.mass_ug, Sample.last_event_id)).all()
    problems.extend(replay.problems)
    for sample_id, number, mass_ug, last_event in stored:
        if mass_ug < 0:
            problems.append(Problem(f"mass is negative ({format_mass(mass_ug)})", last_event, number))
        if sample_id not in replay.mass:
            problems.append(Problem("has no event that records its mass (received or split)", last_event, number))
        elif replay.mass[sample_id] != mass_ug:
            problems.append(Problem(f"stored mass {format_mass(mass_ug)} differs from its history "
                                    f"({format_mass(replay.mass[sample_id])})", last_event, number))
    return problems


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
        number = session.get(Sample, event.sample_id).number if event.sample_id else None
        return [Problem(f"history up to this event changed since head code {code} was printed "
                        f"(its hash now starts {event.hash[:len(prefix)]})", event_id, number)]


def _chain_problems(event, previous_id: int, previous_hash: str, sample: str | None) -> list[Problem]:  # type: ignore[no-untyped-def]
    found = []
    if event.id != previous_id + 1:
        missing = f"event {previous_id + 1}" if event.id == previous_id + 2 else f"events {previous_id + 1}-{event.id - 1}"
        found.append(Problem(f"{missing} missing from the chain (deleted)", event.id, sample))
    if event.prev_hash != previous_hash:
        found.append(Problem(f"does not follow event {previous_id} in the chain (inserted, or event "
                             f"{previous_id} was replaced)", event.id, sample))
    if compute_hash(event) != event.hash:
        found.append(Problem(f"{event.kind} event was altered: its content no longer matches its hash",
                             event.id, sample))
    return found
