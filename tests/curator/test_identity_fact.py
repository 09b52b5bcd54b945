"""The database identity is a fact of the chain: a new database's first event states it, an older one gets
it as a genesis fact in its upgrade, and `verify` names an identity row edited behind the application's back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import seed
from safety_support import cli, downgrade, rewrite_chain, seeded_file, sql
from sqlalchemy import select, text

from curator.events import canonical_json
from curator.integrity import verify
from curator.storage.db import Database, open_database, resolve_url
from curator.storage.identity import identity_of_file
from curator.storage.models import DatabaseIdentity, Event


def _problems(db: Database) -> list[str]:
    return [str(problem) for problem in verify(db)]


def test_the_first_event_states_the_identity_and_verify_proves_it(db: Database) -> None:
    assert _problems(db) == []  # a new database without events: nothing to prove yet
    seed(db)
    with db.read() as session:
        identity = session.get(DatabaseIdentity, 1)
        assert identity is not None
        first = session.execute(select(Event).where(Event.id == 1)).scalar_one()
        stated = json.loads(first.details)["database"]
        assert stated == {"uuid": identity.uuid, "created_at": identity.created_at.isoformat()}
        later = session.execute(select(Event.details).where(Event.id > 1)).scalars()
        assert not any("database" in json.loads(details) for details in later)
    assert _problems(db) == []
    with db.write() as session:  # behind the application's back, on any backend
        session.execute(text("UPDATE database_identity SET uuid = '00000000-0000-4000-8000-000000000000'"))
    found = _problems(db)
    assert found == [f"database_identity {identity.uuid!r}: uuid is '00000000-0000-4000-8000-000000000000', "
                     f"the chain gives {identity.uuid!r}"]


@pytest.mark.sqlite_file
def test_an_identity_row_edited_or_deleted_in_the_file_is_found(tmp_path: Path) -> None:
    path = seeded_file(tmp_path / "desk.db")
    identity = identity_of_file(path)
    assert cli("verify", "--db", str(path)).returncode == 0
    sql(path, "UPDATE database_identity SET created_at = '2020-01-01 00:00:00.000000'")
    result = cli("verify", "--db", str(path))
    assert result.returncode == 1
    assert "database_identity" in result.stdout and "created_at is '2020-01-01T00:00:00+00:00'" in result.stdout
    sql(path, "DELETE FROM database_identity")
    result = cli("verify", "--db", str(path))
    assert result.returncode == 1
    assert f"database_identity {identity!r}: the chain has row 1 but the table does not" in result.stdout


@pytest.mark.sqlite_file
def test_an_older_database_gets_its_identity_as_a_genesis_fact_once(tmp_path: Path) -> None:
    path = seeded_file(tmp_path / "old.db")
    downgrade(path, "0009")
    identity = identity_of_file(path)
    # a database made before 0010: its first event does not state the identity; rewrite it as one was
    first = json.loads(sql(path, "SELECT details FROM events WHERE id = 1")[0][0])
    assert "database" in first
    del first["database"]
    _rewrite_first_event(path, first)
    events_before = sql(path, "SELECT count(*) FROM events")[0][0]
    db = open_database(path, auto_backup=False)  # the upgrade states the identity, signed by the unattended
    try:
        assert _problems(db) == []
    finally:
        db.dispose()
    facts = sql(path, "SELECT note, details FROM events WHERE id > ?", events_before)
    stated = [json.loads(details) for note, details in facts if note == "genesis"]
    assert [fact["table"] for fact in stated] == ["operators", "database_identity"]  # its signer, then the fact
    assert stated[1]["set"]["uuid"] == identity
    db = open_database(path, auto_backup=False)  # opening again adds nothing
    db.dispose()
    assert sql(path, "SELECT count(*) FROM events")[0][0] == events_before + 2
    sql(path, "UPDATE database_identity SET uuid = 'forged'")
    result = cli("verify", "--db", str(path))
    assert result.returncode == 1 and f"uuid is 'forged', the chain gives {identity!r}" in result.stdout


@pytest.mark.sqlite_file
def test_a_database_downgraded_before_identities_and_upgraded_again_gets_its_identity_back(tmp_path: Path) -> None:
    path = seeded_file(tmp_path / "desk.db")
    identity = identity_of_file(path)
    downgrade(path, "0003_genesis")
    assert identity_of_file(path) is None
    open_database(path, auto_backup=False).dispose()
    assert identity_of_file(path) == identity
    assert cli("verify", "--db", str(path)).returncode == 0


def _rewrite_first_event(path: Path, details: dict[str, object]) -> None:
    """Give event 1 other details and recompute every hash after it, as an older Curator had written them
    (on the file as it is: opening it with open_database would upgrade it)."""
    sql(path, "UPDATE events SET details = ? WHERE id = 1", canonical_json(details))
    db = Database(resolve_url(path))
    try:
        rewrite_chain(db, 1)
    finally:
        db.dispose()
