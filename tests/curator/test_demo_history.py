"""The demo database reads as a real facility's would: no sample's or container's history goes back in time."""

from __future__ import annotations

from sqlalchemy import text

from curator.storage.db import Database

BACKWARDS = """
SELECT e.id, e.kind, e.occurred_at FROM events e
WHERE e.{key} IS NOT NULL AND e.occurred_at < (
    SELECT MAX(earlier.occurred_at) FROM events earlier WHERE earlier.{key} = e.{key} AND earlier.id < e.id)
"""


def test_every_sample_and_container_history_is_in_date_order(demo_db: Database) -> None:
    with demo_db.read() as session:
        for key in ("sample_id", "container_id"):
            assert session.execute(text(BACKWARDS.format(key=key))).all() == [], key
