"""Schema versions through Alembic: create a new database, upgrade an old one, refuse a foreign one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text

from curator.errors import DatabaseError, Refusal
from curator.storage import server

if TYPE_CHECKING:
    from alembic.config import Config

    from curator.storage.db import Database

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: The newest migration in migrations/versions (a test keeps it equal to Alembic's head). Opening a
#: database already at this revision needs no Alembic at all, which keeps the desk's start-up fast.
SCHEMA_HEAD = "0010"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """Alembic's own view of the newest revision (reads every migration script)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(database: Database) -> str | None:
    with database.read_engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def refuse_foreign_or_newer(name: str, tables: set[str], revision: str | None) -> None:
    """Raise DatabaseError for a database that is not Curator's or was written by a newer Curator."""
    if revision is None and tables - {"alembic_version"}:
        raise DatabaseError(f"{name} is not a Curator database (it has other tables); it was left untouched",
                            code=Refusal.DB_NOT_CURATOR, params={"name": name})
    if revision not in (None, SCHEMA_HEAD) and revision not in known_revisions():
        raise DatabaseError(
            f"{name} was written by a newer version of Curator (schema {revision}); "
            "update Curator to open it. The file was left untouched.",
            code=Refusal.DB_NEWER, params={"name": name, "revision": revision})


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def prepare(database: Database, backup: Callable[[], object], identity: str | None = None) -> None:
    """Bring ``database`` to the newest schema, or raise DatabaseError saying why it cannot be.

    ``identity``: the one a database older than identities gets (a restore's staging copy of an old backup
    takes the identity of the database it restores); else it gets a new one.
    """
    from curator.storage.db import table_names

    tables = table_names(database)
    revision = current_revision(database) if "alembic_version" in tables else None
    refuse_foreign_or_newer(database.display_name, tables, revision)
    if revision is None:
        _upgrade(database, identity)
    elif revision != SCHEMA_HEAD:
        backup()
        _upgrade(database, identity)


def _upgrade(database: Database, identity: str | None) -> None:
    from alembic import command

    config = alembic_config()
    with database.write_engine.connect() as conn:
        server.take_migration_lock(conn)  # desks opening a fresh server database at once: one migrates
        config.attributes["connection"] = conn
        config.attributes["identity"] = identity
        command.upgrade(config, "head")
        conn.commit()
