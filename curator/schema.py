"""Schema versions through Alembic: create a new database, upgrade an old one, refuse a foreign one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from curator import server
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


def refuse_foreign_or_newer(name: str, tables: set[str], revision: str | None) -> None:
    """Raise DatabaseError for a database that is not Curator's or was written by a newer Curator."""
    if revision is None and tables - {"alembic_version"}:
        raise DatabaseError(f"{name} is not a Curator database (it has other tables); it was left untouched")
    if revision is not None and revision not in known_revisions():
        raise DatabaseError(
            f"{name} was written by a newer version of Curator (schema {revision}); "
            "update Curator to open it. The file was left untouched."
        )


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def prepare(database, backup: Callable[[], object]) -> None:  # type: ignore[no-untyped-def]
    """Bring ``database`` to the newest schema, or raise DatabaseError saying why it cannot be."""
    from curator.db import table_names

    tables = table_names(database)
    revision = current_revision(database) if "alembic_version" in tables else None
    refuse_foreign_or_newer(database.display_name, tables, revision)
    if revision is None:
        _upgrade(database)
    elif revision != head_revision():
        backup()
        _upgrade(database)


def _upgrade(database) -> None:  # type: ignore[no-untyped-def]
    config = alembic_config()
    with database.write_engine.connect() as conn:
        server.take_migration_lock(conn)  # desks opening a fresh server database at once: one migrates
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.commit()
