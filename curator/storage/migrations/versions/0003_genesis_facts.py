"""Genesis facts: every directory row that no event registered gets a "registered" event carrying its
content, noted "genesis", so `curator verify` can rebuild every table from the chain (curator/facts.py).

Samples get the same for their identity (number, mission, parent, kind, sampling), which their old
``received`` events did not state. Operators register themselves; the other rows are signed by the
unattended signer (created, and registered, when the database has none). Runs once: a row that has
its registration (a sample whose received event states it) is left alone.

Revision ID: 0003_genesis
Revises: 0002
Create Date: 2026-11-27
"""
from __future__ import annotations

import json
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from alembic import op

from curator.events import canonical_json, compute_hash
from curator.facts import SAMPLE_FACTS, fact_value
from curator.operators import UNNAMED_SIGNER

revision = '0003_genesis'
down_revision = '0002'
branch_labels = None
depends_on = None

#: In registration order: what a row points to is registered before it.
TABLES = ("operators", "institutions", "missions", "locations", "containers", "allocations", "samples")


class _Chain:
    """Appends hash-chained events at the end of the chain, as curator.events.append_event does."""

    def __init__(self, conn: sa.Connection, meta: sa.MetaData) -> None:
        self.conn, self.events, self.head = conn, meta.tables["events"], meta.tables["chain_head"]
        self.last_id, self.last_hash = conn.execute(sa.select(self.head.c.last_event_id, self.head.c.last_hash)).one()
        self.now = datetime.now(UTC)

    def register(self, table: str, row: dict[str, Any], signer_id: int, signer: dict[str, str]) -> None:
        columns = {key: _fact(value) for key, value in row.items() if key != "id"}
        details = {"table": table, "row": row["id"], "set": columns, "signer": signer}
        event = SimpleNamespace(id=self.last_id + 1, kind="registered", occurred_at=self.now, operator_id=signer_id,
                                sample_id=None, container_id=None, allocation_id=None, mass_ug=None,
                                from_location_id=None, to_location_id=None, corrects_event_id=None, note="genesis",
                                details=canonical_json(details), prev_hash=self.last_hash)
        event.hash = compute_hash(event)
        values = {**vars(event), "occurred_at": self.now.replace(tzinfo=None)}
        self.conn.execute(self.events.insert().values(**values))
        self.last_id, self.last_hash = event.id, event.hash

    def close(self) -> None:
        self.conn.execute(self.head.update().where(self.head.c.id == 1)
                          .values(last_event_id=self.last_id, last_hash=self.last_hash))


def _fact(value: Any) -> Any:
    """Reflected times come back naive: Curator stores them in UTC."""
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return fact_value(value)


def upgrade() -> None:
    conn = op.get_bind()
    meta = sa.MetaData()
    meta.reflect(conn, only=(*TABLES, "events", "chain_head"))
    done = _stated(conn, meta.tables["events"])
    missing = {table: [dict(row) for row in conn.execute(_columns(meta.tables[table]).order_by(meta.tables[table].c.id))
                       .mappings() if (table, row["id"]) not in done] for table in TABLES}
    if not any(missing.values()):
        return
    chain = _Chain(conn, meta)
    for row in missing["operators"]:
        chain.register("operators", row, row["id"], {"name": row["name"], "role": row["role"]})
    if any(missing[table] for table in TABLES[1:]):
        signer_id, signer = _unattended_signer(conn, meta, chain)
        for table in TABLES[1:]:
            for row in missing[table]:
                chain.register(table, row, signer_id, signer)
    chain.close()


def _stated(conn: sa.Connection, events: sa.Table) -> set[tuple[str, int]]:
    """(table, row) of every row whose content an event already carries."""
    done = set()
    query = sa.select(events.c.kind, events.c.sample_id, events.c.details).where(events.c.kind.in_(("registered",
                                                                                                  "received")))
    for kind, sample_id, details in conn.execute(query):
        fact = json.loads(details)
        if kind == "registered":
            done.add((fact.get("table"), fact.get("row")))
        elif "sample" in fact:
            done.add(("samples", sample_id))
    return done


def _columns(table: sa.Table) -> sa.Select[*tuple[Any, ...]]:
    """What a fact carries of a row: every column, or for a sample the columns no event changes."""
    if table.name == "samples":
        return sa.select(table.c.id, *(table.c[column] for column in SAMPLE_FACTS))
    return sa.select(table)


def _unattended_signer(conn: sa.Connection, meta: sa.MetaData, chain: _Chain) -> tuple[int, dict[str, str]]:
    operators = meta.tables["operators"]
    found = conn.execute(sa.select(operators).where(operators.c.name == UNNAMED_SIGNER)).mappings().first()
    if found is None:
        conn.execute(operators.insert().values(name=UNNAMED_SIGNER, role="technician", pin_hash="", active=True))
        found = conn.execute(sa.select(operators).where(operators.c.name == UNNAMED_SIGNER)).mappings().one()
        chain.register("operators", dict(found), found["id"], {"name": found["name"], "role": found["role"]})
    return found["id"], {"name": found["name"], "role": found["role"]}


def downgrade() -> None:
    """Genesis events stay: events are never deleted (the chain would no longer verify)."""
