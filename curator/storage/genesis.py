"""Genesis facts written by a schema upgrade: rows that existed before the chain carried them get a
"registered" event noted "genesis", appended at the end of the chain on the migration's connection
(migrations 0003_genesis and 0010). The rows no operator registered are signed by the unattended signer.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa

from curator.events import canonical_json, compute_hash
from curator.facts import fact_value
from curator.operators import UNNAMED_SIGNER


class GenesisChain:
    """Appends hash-chained events at the end of the chain, as curator.events.append_event does."""

    def __init__(self, conn: sa.Connection, meta: sa.MetaData) -> None:
        self.conn, self.events, self.head = conn, meta.tables["events"], meta.tables["chain_head"]
        self.last_id, self.last_hash = conn.execute(sa.select(self.head.c.last_event_id, self.head.c.last_hash)).one()
        self.now = datetime.now(UTC)

    def register(self, table: str, row: dict[str, Any], signer_id: int, signer: dict[str, str]) -> None:
        columns = {key: genesis_value(value) for key, value in row.items() if key != "id"}
        details = {"table": table, "row": row["id"], "set": columns}
        event = chained_event(self.last_id, self.last_hash, "registered", (signer_id, signer), details, "genesis",
                              self.now)
        values = {**vars(event), "occurred_at": self.now.replace(tzinfo=None)}
        self.conn.execute(self.events.insert().values(**values))
        self.last_id, self.last_hash = event.id, event.hash

    def close(self) -> None:
        self.conn.execute(self.head.update().where(self.head.c.id == 1)
                          .values(last_event_id=self.last_id, last_hash=self.last_hash))


def chained_event(last_id: int, last_hash: str, kind: str, signer: tuple[int, dict[str, str]],
                  details: dict[str, Any], note: str, at: datetime) -> SimpleNamespace:
    """The event that follows (``last_id``, ``last_hash``), its hash computed, for code that appends
    without a Session (a migration's connection, a restore's locked SQLite connection)."""
    event = SimpleNamespace(id=last_id + 1, kind=kind, occurred_at=at, operator_id=signer[0], sample_id=None,
                            container_id=None, allocation_id=None, mass_ug=None, from_location_id=None,
                            to_location_id=None, corrects_event_id=None, note=note,
                            details=canonical_json({**details, "signer": signer[1]}), prev_hash=last_hash)
    event.hash = compute_hash(event)
    return event


def genesis_value(value: Any) -> Any:
    """A reflected column value as a fact states it (reflected times come back naive: Curator stores UTC)."""
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return fact_value(value)


def unattended_signer(conn: sa.Connection, meta: sa.MetaData, chain: GenesisChain) -> tuple[int, dict[str, str]]:
    """The id and bound identity of the unattended signer, created (and registered) when missing."""
    operators = meta.tables["operators"]
    found = conn.execute(sa.select(operators).where(operators.c.name == UNNAMED_SIGNER)).mappings().first()
    if found is None:
        conn.execute(operators.insert().values(name=UNNAMED_SIGNER, role="technician", pin_hash="", active=True))
        found = conn.execute(sa.select(operators).where(operators.c.name == UNNAMED_SIGNER)).mappings().one()
        chain.register("operators", dict(found), found["id"], {"name": found["name"], "role": found["role"]})
    return found["id"], {"name": found["name"], "role": found["role"]}


def stated_identity(conn: sa.Connection) -> dict[str, Any] | None:
    """The database identity the chain states (its first event, or a genesis fact), or None."""
    query = sa.text("SELECT id, kind, details FROM events WHERE id = 1 OR (kind = 'registered' "
                    "AND details LIKE '%database_identity%') ORDER BY id")
    for event_id, kind, details in conn.execute(query):
        fact = json.loads(details)
        if event_id == 1 and "database" in fact:
            return dict(fact["database"])
        if kind == "registered" and fact.get("table") == "database_identity":
            return dict(fact.get("set", {}))
    return None


def identity_row(conn: sa.Connection, given: str | None) -> dict[str, Any]:
    """The identity row a database gets when its schema first has one (migration 0004): what its chain
    states if it states one (a database downgraded and upgraded again), else ``given`` (a restore upgrading
    an old backup of this database), else a new UUID, made now."""
    now = datetime.now(UTC).replace(tzinfo=None)
    stated = stated_identity(conn)
    if stated is None:
        return {"id": 1, "uuid": given or str(uuid.uuid4()), "created_at": now}
    made = datetime.fromisoformat(stated["created_at"]).astimezone(UTC).replace(tzinfo=None)
    return {"id": 1, "uuid": stated["uuid"], "created_at": made}
