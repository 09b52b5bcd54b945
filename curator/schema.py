"""Schema versions through Alembic: create a new database, upgrade an old one, refuse a foreign one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from curator.errors import DatabaseError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(database) -> str | None:  # type: ignore[no-untyped-def]
    with database.read_engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def prepare(database, backup: Callable[[], object]) -> None:  # type: ignore[no-untyped-def]
    """Bring ``database`` to the newest schema, or raise DatabaseError saying why it cannot be."""
    from curator.db import table_names

    tables = table_names(database)
    revision = current_revision(database) if "alembic_version" in tables else None
    if revision is None:
        if tables - {"alembic_version"}:
            raise DatabaseError(
                f"{database.display_name} is not a Curator database (it has other tables); "
                "it was left untouched"
            )
        _upgrade(database)
        return
    scripts = ScriptDirectory.from_config(alembic_config())
    known = {script.revision for script in scripts.walk_revisions()}
    if revision not in known:
        raise DatabaseError(
            f"{database.display_name} was written by a newer version of Curator (schema {revision}); "
            "update Curator to open it. The file was left untouched."
        )
    if revision != scripts.get_current_head():
        backup()
        _upgrade(database)


def _upgrade(database) -> None:  # type: ignore[no-untyped-def]
    config = alembic_config()
    with database.write_engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.commit()
