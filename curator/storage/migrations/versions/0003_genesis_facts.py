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
from typing import Any

import sqlalchemy as sa
from alembic import op

from curator.facts import SAMPLE_FACTS
from curator.storage.genesis import GenesisChain, unattended_signer

revision = '0003_genesis'
down_revision = '0002'
branch_labels = None
depends_on = None

#: In registration order: what a row points to is registered before it.
TABLES = ("operators", "institutions", "missions", "locations", "containers", "allocations", "samples")


def upgrade() -> None:
    conn = op.get_bind()
    meta = sa.MetaData()
    meta.reflect(conn, only=(*TABLES, "events", "chain_head"))
    done = _stated(conn, meta.tables["events"])
    missing = {table: [dict(row) for row in conn.execute(_columns(meta.tables[table]).order_by(meta.tables[table].c.id))
                       .mappings() if (table, row["id"]) not in done] for table in TABLES}
    if not any(missing.values()):
        return
    chain = GenesisChain(conn, meta)
    for row in missing["operators"]:
        chain.register("operators", row, row["id"], {"name": row["name"], "role": row["role"]})
    if any(missing[table] for table in TABLES[1:]):
        signer_id, signer = unattended_signer(conn, meta, chain)
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


def downgrade() -> None:
    """Genesis events stay: events are never deleted (the chain would no longer verify)."""
