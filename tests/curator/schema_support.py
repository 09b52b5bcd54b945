"""Databases as an older Curator left them: the schema at a given Alembic revision, plus raw rows."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from curator.storage.schema import alembic_config


def database_at_revision(path: Path, revision: str, *statements: str) -> None:
    """Create ``path`` with the schema of ``revision``, then run ``statements`` (SQL written the old way)."""
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
        for statement in statements:
            conn.exec_driver_sql(statement)
    engine.dispose()
