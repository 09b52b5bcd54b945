"""`curator init`: Curator's tables in an empty database (a server's under `make test-pg`, else a file)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, inspect, text

from curator.integrity import verify
from curator.storage import schema
from curator.storage.db import Database, open_database, resolve_url
from ui.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_init_creates_the_schema_once(db_path, capsys) -> None:
    assert main(["init", "--db", str(db_path)]) == 0
    assert f"created Curator's tables (schema {schema.head_revision()})" in capsys.readouterr().out
    assert main(["init", "--db", str(db_path)]) == 0
    assert "already up to date" in capsys.readouterr().out
    db = open_database(db_path)
    assert {"events", "samples", "allocations", "chain_head"} <= set(inspect(db.read_engine).get_table_names())
    assert schema.current_revision(db) == schema.head_revision() and verify(db) == []
    db.dispose()


def test_init_refuses_a_database_of_another_application(db_path, capsys) -> None:
    engine = create_engine(resolve_url(db_path))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    assert main(["init", "--db", str(db_path)]) == 2
    assert "not a Curator database" in capsys.readouterr().err


def test_an_unreachable_server_gives_one_clear_line(capsys) -> None:
    url = "postgresql+psycopg://desk:secret@127.0.0.1:1/curator"  # nothing listens on port 1
    assert main(["init", "--db", url]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("curator: ") and "\n" not in err
    assert "127.0.0.1:1/curator" in err and "try again" in err and "secret" not in err


def test_display_name_shows_the_server_never_the_password() -> None:
    db = Database("postgresql+psycopg://desk:s3cret@db.facility.example:5433/curator")
    assert db.display_name == "postgresql+psycopg://desk:***@db.facility.example:5433/curator"
    assert not db.is_sqlite
    db.dispose()


def test_desks_opening_a_fresh_database_at_once_all_get_one_schema(db_path) -> None:
    code = "import sys; from curator.storage.db import open_database; open_database(sys.argv[1]).dispose()"
    desks = [subprocess.Popen([sys.executable, "-c", code, str(db_path)], cwd=ROOT, stderr=subprocess.PIPE,
                              text=True) for _ in range(3)]
    failures = [desk.stderr.read() for desk in desks if desk.wait(120) != 0]
    assert failures == []
    db = open_database(db_path)
    assert schema.current_revision(db) == schema.head_revision() and verify(db) == []
    db.dispose()
