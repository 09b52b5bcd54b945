"""Shared fixtures: every test gets a fresh, real database of its own.

Two backends, one suite:

* plain ``make test``: every database is an SQLite file in the test's temporary folder;
* ``make test-pg`` sets CURATOR_TEST_DB to a PostgreSQL server URL (a role that may CREATE DATABASE);
  then ``db_path``/``db``/``demo_path``/``demo_db`` are fresh server databases, one per test
  (CREATE DATABASE ... TEMPLATE, dropped afterwards).

Fixture names:

* ``db_path`` -- where a new database may be created: a Path to a file that does not exist yet, or on a
  server the URL (str) of a new, empty database. Pass it to ``open_database`` or to ``--db``.
* ``db`` -- an empty, migrated Curator database at ``db_path``.
* ``demo_path`` / ``demo_db`` -- a private copy of the demo database (file copy, or server clone).
* ``demo_template`` -- the SQLite demo file, built once per run (never write into it).
* ``sqlite_db_path``, ``sqlite_db``, ``sqlite_demo_path``, ``sqlite_demo_db`` -- always SQLite files, for
  tests that are about files (corruption, byte-identical files, backups, PRAGMAs).
* ``@pytest.mark.sqlite_file`` (or ``pytestmark = pytest.mark.sqlite_file`` in a module) makes
  ``db_path``/``db``/``demo_path``/``demo_db`` SQLite files even when the suite runs on a server.
* ``witness_log`` (autouse) -- each test's own witness log (curator/witness.py), via $CURATOR_WITNESS_DIR,
  so no test reads or writes the user's; CLI processes a test starts inherit it.
* ``server_url`` -- the URL of a new, empty server database; the test is skipped without a server
  (only the PostgreSQL-specific tests use it; ``make test-pg`` always has a server).
* ``test_server`` (session) -- creates/drops the per-test databases, or None on SQLite runs;
  ``server_demo_template`` (session) -- the demo built through the services on the server, cloned by
  ``demo_path``. A test that needs a server feature checks ``db.is_sqlite`` and skips on SQLite runs.

Under `make test-pg`, CURATOR_TEST_PG_DIR names the throwaway server's folder (.ci/pg-server.sh), so a
test may restart the server (``.ci/pg-server.sh restart DIR``).
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from curator.storage.db import Database, open_database  # noqa: E402

#: Set CURATOR_TEST_DB to a server URL (e.g. postgresql+psycopg://...) to run the suite on a server.
SERVER_URL = os.environ.get("CURATOR_TEST_DB")
#: How long dropping a test's server database waits for queries still running on it.
BUSY_WAIT_S = 10


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_file: the test is about SQLite files; its databases stay files")


def pytest_report_header(config: pytest.Config) -> str:
    if SERVER_URL:
        return f"curator databases: {make_url(SERVER_URL).render_as_string(hide_password=True)} (one per test)"
    return "curator databases: SQLite files"


class TestServer:
    """Creates and drops the per-test databases on the server named by CURATOR_TEST_DB."""

    __test__ = False

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT", pool_size=1, pool_pre_ping=True)
        self._numbers = itertools.count(1)

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def create(self, template: str = "template0", name: str | None = None) -> str:
        """A new database (a copy of ``template``); returns its URL."""
        name = name or f"curator_test_{os.getpid()}_{next(self._numbers)}"
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        return self.url_of(name)

    def drop(self, url: str) -> None:
        """Drop a test's database once work still running on it (a desk's background job) has ended."""
        name = make_url(url).database
        deadline = time.monotonic() + BUSY_WAIT_S
        with self.admin.connect() as conn:
            while time.monotonic() < deadline and conn.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = :name AND pid <> pg_backend_pid() "
                    "AND state IN ('active', 'idle in transaction')"), {"name": name}).scalar_one():
                time.sleep(0.05)
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))  # idle pooled connections


@pytest.fixture(scope="session")
def test_server() -> Iterator[TestServer | None]:
    """The server behind CURATOR_TEST_DB, or None when the suite runs on SQLite files."""
    if not SERVER_URL:
        yield None
        return
    server = TestServer(SERVER_URL)
    yield server
    server.admin.dispose()


@pytest.fixture
def server_url(test_server: TestServer | None) -> Iterator[str]:
    """A new, empty server database (no schema); skips the test when there is no server."""
    if test_server is None:
        pytest.skip("needs a PostgreSQL server: run `make test-pg` (sets CURATOR_TEST_DB)")
    url = test_server.create()
    yield url
    test_server.drop(url)


def _on_server(request: pytest.FixtureRequest) -> TestServer | None:
    server: TestServer | None = request.getfixturevalue("test_server")
    if server is None or request.node.get_closest_marker("sqlite_file"):
        return None
    return server


# --- SQLite files, whatever the backend of the run ------------------------------------------------


@pytest.fixture(autouse=True)
def witness_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's witness log: never the user's own."""
    from curator.witness import ENV_FOLDER, LOG_NAME

    monkeypatch.setenv(ENV_FOLDER, str(tmp_path / "witness"))
    return tmp_path / "witness" / LOG_NAME


@pytest.fixture
def sqlite_db_path(tmp_path: Path) -> Path:
    return tmp_path / "curator.db"


@pytest.fixture
def sqlite_db(sqlite_db_path: Path) -> Iterator[Database]:
    database = open_database(sqlite_db_path)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database as an SQLite file, built once per test run; tests get copies of it."""
    from curator.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_database(path)
    build_demo(database)
    database.dispose()  # the last connection to close checkpoints the WAL into the file
    return path


@pytest.fixture
def sqlite_demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database file."""
    target = tmp_path / "demo.db"
    target.write_bytes(demo_template.read_bytes())
    return target


@pytest.fixture
def sqlite_demo_db(sqlite_demo_path: Path) -> Iterator[Database]:
    database = open_database(sqlite_demo_path)
    yield database
    database.dispose()


# --- the backend of the run: SQLite files, or databases on the server -----------------------------


@pytest.fixture(scope="session")
def server_demo_template(test_server: TestServer | None) -> Iterator[str | None]:
    """The demo built through the services on the server, once per run; tests get clones of it."""
    if test_server is None:
        yield None
        return
    from curator.demo import build_demo

    url = test_server.create(name=f"curator_demo_template_{os.getpid()}")
    database = open_database(url)
    build_demo(database)
    database.dispose()
    yield url
    test_server.drop(url)


def _database_for(request: pytest.FixtureRequest, file: Callable[[], Path],
                  template: Callable[[], str]) -> Iterator[Path | str]:
    """A file when the run (or the test) uses SQLite; else a new server database copied from template."""
    server = _on_server(request)
    if server is None:
        yield file()
        return
    url = server.create(template=template())
    yield url
    server.drop(url)


@pytest.fixture
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | str]:
    """Where a new database may be created: a file path, or the URL of an empty server database."""
    yield from _database_for(request, lambda: tmp_path / "curator.db", lambda: "template0")


@pytest.fixture
def db(db_path: Path | str) -> Iterator[Database]:
    """An empty, migrated Curator database."""
    database = open_database(db_path)
    yield database
    database.dispose()


@pytest.fixture
def demo_path(request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """A private copy of the demo database: a file, or on a server the URL of a clone."""
    yield from _database_for(request, lambda: request.getfixturevalue("sqlite_demo_path"),
                             lambda: make_url(request.getfixturevalue("server_demo_template")).database)


@pytest.fixture
def demo_db(demo_path: Path | str) -> Iterator[Database]:
    database = open_database(demo_path)
    yield database
    database.dispose()
