"""A migration that adds a column to a table of facts fills it with what the chain already states.

A database downgraded and upgraded again (or made by a newer desk, restored, then upgraded) has events
whose "registered"/"amended" details set the new column; the column must say the same, or `verify` would
find every such row changed behind the chain's back. An older database's events never set it: nothing to do.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

_FACT_EVENTS = sa.text("SELECT details FROM events WHERE kind IN ('registered', 'amended') ORDER BY id")


def refill_from_facts(table: str, columns: list[str]) -> None:
    """Set ``table``'s new ``columns`` on every row to the last value the chain's facts gave them."""
    connection = op.get_bind()
    for (details,) in connection.execute(_FACT_EVENTS):
        fact = json.loads(details)
        values = {column: fact.get("set", {})[column] for column in columns if column in fact.get("set", {})}
        if fact.get("table") == table and values:
            assignments = ", ".join(f"{column} = :{column}" for column in values)
            connection.execute(sa.text(f"UPDATE {table} SET {assignments} WHERE id = :row"),
                               {**values, "row": fact["row"]})
