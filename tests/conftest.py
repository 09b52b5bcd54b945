"""Shared fixtures: every test gets a fresh, real SQLite file in its own temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from curator.db import Database, open_database  # noqa: E402

#: Set CURATOR_TEST_DB to a server URL (e.g. postgresql+psycopg://...) to run the suite on a server.
SERVER_URL = os.environ.get("CURATOR_TEST_DB")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "curator.db"


@pytest.fixture
def db(db_path: Path) -> Database:
    """An empty, migrated Curator database."""
    database = open_database(db_path)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once per test run; tests get copies of it."""
    from curator.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_database(path)
    build_demo(database)
    database.dispose()  # the last connection to close checkpoints the WAL into the file
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database file."""
    target = tmp_path / "demo.db"
    target.write_bytes(demo_template.read_bytes())
    return target


@pytest.fixture
def demo_db(demo_path: Path) -> Database:
    database = open_database(demo_path)
    yield database
    database.dispose()
