"""The feed of committed events, from any desk: what `curator watch` prints and what keeps desks in step.

Every write commits its events in one transaction, so "what changed" is exactly "the events after the
last one seen". A reader keeps the id of the last event it saw and reads the events after it, with their
people-facing keys (sample number, container barcode, location path, allocation reference, signer).

When to look again: on a server, each write transaction that appends events sends a notification on
the channel ``curator_events`` (``curator.events.announce``, delivered at commit, never for a write that
rolled back), which a ``Listener`` waits for; on SQLite, one read of the chain head a second (``POLL_S``).
Nothing is lost across a lost connection or a server restart: the reader reconnects and reads every
event after the last one it saw.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, create_engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import aliased
from sqlalchemy.pool import NullPool

from curator.changes import EVERYTHING, Changes
from curator.errors import CuratorError, Refusal
from curator.events import CHANNEL
from curator.recorded_changes import changes_after
from curator.storage.db import Database
from curator.storage.models import (
    Allocation,
    ChainHead,
    Container,
    Event,
    Institution,
    Location,
    Mission,
    Operator,
    Sample,
)

#: How often SQLite's chain head is read when waiting for other desks' events.
POLL_S = 1.0
#: On a server, the longest wait for a notification before the chain head is read all the same
#: (a write made by other means than Curator's own write path sends none).
LISTEN_TIMEOUT_S = 30.0
#: Events read in one query.
BATCH = 500
#: The key people know a fact's row by (the column of its table).
FACT_KEYS = {"containers": Container.barcode, "locations": Location.path, "allocations": Allocation.reference,
             "operators": Operator.name, "institutions": Institution.name, "missions": Mission.code}
#: Detail fields never printed by the feed (a PIN's hash is for the desk's sign-in alone).
HIDDEN_DETAILS = {"pin_hash"}
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedEvent:
    """One committed event, by the keys people know (a sample number, not a row id)."""

    id: int
    hash: str
    kind: str
    occurred_at: datetime
    operator: str
    sample: str | None
    container: str | None
    allocation: str | None
    mass_ug: int | None
    from_location: str | None
    to_location: str | None
    note: str
    details: dict[str, Any] = field(default_factory=dict)
    #: For a "registered"/"amended" fact: the table and the row's key (or id when it has no key).
    fact: tuple[str, str] | None = None

    def as_json(self) -> dict[str, Any]:
        """A JSON object for integrations: times in UTC (ISO 8601), masses in micrograms."""
        return {"id": self.id, "hash": self.hash, "kind": self.kind, "occurred_at": self.occurred_at.isoformat(),
                "operator": self.operator, "sample": self.sample, "container": self.container,
                "allocation": self.allocation, "mass_ug": self.mass_ug, "from_location": self.from_location,
                "to_location": self.to_location, "note": self.note, "details": self.details}


def current_head(db: Database) -> int:
    """The id of the last committed event (0 for an empty chain)."""
    with db.read() as session:
        return int(session.execute(select(ChainHead.last_event_id).where(ChainHead.id == 1)).scalar_one_or_none() or 0)


def events_after(db: Database, after: int, limit: int = BATCH) -> list[FeedEvent]:
    """Up to ``limit`` committed events with an id above ``after``, oldest first."""
    origin, target = aliased(Location), aliased(Location)
    query = (select(Event.id, Event.hash, Event.kind, Event.occurred_at, Operator.name, Sample.number,
                    Container.barcode, Allocation.reference, Event.mass_ug, origin.path, target.path, Event.note,
                    Event.details)
             .join(Operator, Operator.id == Event.operator_id)
             .outerjoin(Sample, Sample.id == Event.sample_id)
             .outerjoin(Container, Container.id == Event.container_id)
             .outerjoin(Allocation, Allocation.id == Event.allocation_id)
             .outerjoin(origin, origin.id == Event.from_location_id)
             .outerjoin(target, target.id == Event.to_location_id)
             .where(Event.id > after).order_by(Event.id).limit(limit))
    with db.read() as session:
        rows = session.execute(query).all()
        details = [_details(row.details) for row in rows]
        keys = _fact_keys(session.connection(), details)
    return [FeedEvent(row.id, row.hash, row.kind, row.occurred_at, row.name, row.number, row.barcode, row.reference,
                      row.mass_ug, row[9], row[10], row.note, extra, _fact(extra, keys))
            for row, extra in zip(rows, details, strict=True)]


def _details(stored: str) -> dict[str, Any]:
    try:
        value = json.loads(stored or "{}")
    except ValueError:
        return {"unreadable": stored}
    if not isinstance(value, dict):
        return {"value": value}
    if isinstance(value.get("set"), dict):
        value["set"] = {key: item for key, item in value["set"].items() if key not in HIDDEN_DETAILS}
    return value


def _fact_keys(conn: Connection, details: list[dict[str, Any]]) -> dict[tuple[str, int], str]:
    """The key (barcode, path, reference) of each container, location and allocation a fact names."""
    wanted: dict[str, set[int]] = {}
    for extra in details:
        table, row = extra.get("table"), extra.get("row")
        if table in FACT_KEYS and isinstance(row, int):
            wanted.setdefault(table, set()).add(row)
    keys: dict[tuple[str, int], str] = {}
    for table, ids in wanted.items():
        column = FACT_KEYS[table]
        id_column = column.class_.id
        for row_id, key in conn.execute(select(id_column, column).where(id_column.in_(sorted(ids)))):
            keys[(table, row_id)] = key
    return keys


def _fact(extra: dict[str, Any], keys: dict[tuple[str, int], str]) -> tuple[str, str] | None:
    table, row = extra.get("table"), extra.get("row")
    if not isinstance(table, str) or not isinstance(row, int):
        return None
    return table, keys.get((table, row), str(row))


class Listener:
    """A server connection that LISTENs on the events channel; ``wait`` returns when a write committed."""

    def __init__(self, db: Database) -> None:
        self.engine = create_engine(db.url, poolclass=NullPool)
        self.conn = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        self.conn.execute(text(f"LISTEN {CHANNEL}"))
        self.driver = self.conn.connection.driver_connection

    def fileno(self) -> int:
        """The socket to watch for readability (a notification, or the server going away)."""
        return int(self.driver.fileno())  # type: ignore[union-attr]

    def wait(self, timeout: float) -> list[dict[str, Any]]:
        """The notifications that came within ``timeout`` seconds (returns at the first); [] if none.
        A lost connection raises CuratorError."""
        try:
            found = list(self.driver.notifies(timeout=timeout, stop_after=1))  # type: ignore[union-attr]
        except Exception as exc:  # psycopg's OperationalError: the server restarted or went away
            raise _lost(exc) from None
        return [_details(notice.payload) for notice in found]

    def drain(self) -> list[dict[str, Any]]:
        """The notifications already here, without waiting (the desk calls it when the socket is readable)."""
        try:
            found = list(self.driver.notifies(timeout=0))  # type: ignore[union-attr]
        except Exception as exc:
            raise _lost(exc) from None
        return [_details(notice.payload) for notice in found]

    def close(self) -> None:
        try:
            self.conn.close()
        except DBAPIError:
            pass  # the connection was already dead
        self.engine.dispose()


class Follower:
    """What keeps a desk in step: at each look, what other desks committed since the last one."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.last_id = current_head(db)

    def look(self) -> Changes | None:
        """The Changes of the events other processes committed since the last look (None if there are none;
        everything when the chain got shorter: the database was restored)."""
        head = current_head(self.db)
        after, self.last_id = self.last_id, head
        if head < after:
            return EVERYTHING
        if head == after:
            return None
        with self.db.read() as session:
            ids = set(session.execute(select(Event.id).where(Event.id > after, Event.id <= head)).scalars())
        others = ids - self.db.own_events
        self.db.own_events.difference_update(ids)  # shown when this desk wrote them
        return changes_after(self.db, after) if others else None


class Feed:
    """The events committed after a point, read as they come (``follow``), across lost connections."""

    def __init__(self, db: Database, after: int | None = None) -> None:
        self.db = db
        self.last_id = current_head(db) if after is None else after
        self.listener: Listener | None = None

    def read(self) -> list[FeedEvent]:
        """Every event committed after the last one read (and remember the newest)."""
        found: list[FeedEvent] = []
        while True:
            batch = events_after(self.db, self.last_id)
            found += batch
            if batch:
                self.last_id = batch[-1].id
            if len(batch) < BATCH:
                return found

    def listen(self) -> None:
        """On a server, start listening (before the next read, so no commit falls between the two)."""
        if not self.db.is_sqlite and self.listener is None:
            self.listener = Listener(self.db)

    def wait(self, timeout: float) -> None:
        """Until another desk may have committed (a notification, or SQLite's chain head moved) or timeout."""
        if self.listener is not None:
            self.listener.wait(timeout)
            return
        deadline = time.monotonic() + timeout
        while current_head(self.db) <= self.last_id and time.monotonic() < deadline:
            time.sleep(min(POLL_S, max(0.0, deadline - time.monotonic())))

    def close(self) -> None:
        if self.listener is not None:
            self.listener.close()
            self.listener = None

    def follow(self, trouble: Callable[[str | None], None] = lambda _message: None) -> Iterator[FeedEvent]:
        """Every event committed after the start point, as it comes, for ever. A lost connection or an
        unreadable database is told to ``trouble`` (once per outage, then None when it is over) and
        tried again every second; on reconnecting, the events committed meanwhile come first."""
        lost = False
        while True:
            try:
                self.listen()
                events = self.read()
                if lost:
                    lost = False
                    trouble(None)
                yield from events
                self.wait(LISTEN_TIMEOUT_S if self.listener is not None else POLL_S)
            except (CuratorError, DBAPIError) as exc:
                self.close()
                if not lost:
                    lost = True
                    trouble(str(exc))
                _log.info("feed: %s", exc)
                time.sleep(POLL_S)


def _lost(exc: Exception) -> CuratorError:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return CuratorError(f"lost the server's notifications ({detail})", code=Refusal.NOTIFICATIONS_LOST,
                        params={"detail": detail})
