"""Operators: PINs only as salted hashes, role checks in services and CLI, admins add and retire."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from curator import allocations, handling
from curator.db import Database, open_database
from curator.errors import PermissionDenied
from curator.events import append_event
from curator.integrity import verify
from curator.models import Event, Operator
from curator.operators import add_operator, authenticate, find_operator, hash_pin, pin_matches, retire_operator
from factories import ADMIN, CURATOR, TECH, sample, seed
from safety_support import cli


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    path = tmp_path / "ops.db"
    db = open_database(path)
    seed(db)
    sample(db)
    allocations.create(db, TECH, "CE5-REQ", "Osaka University", "CE5", "Dr. Req", 1000)
    handling.record_observation(db, TECH, "note", "JAR-1", "signed before retirement")
    db.dispose()
    return path


def test_pins_are_stored_only_as_salted_hashes(seeded: Path) -> None:
    with closing(sqlite3.connect(seeded)) as conn:
        stored = dict(conn.execute("SELECT name, pin_hash FROM operators").fetchall())
        dump = "\n".join(conn.iterdump())
    readable = re.sub(r"[0-9a-f]{32,}", "", dump)  # hashes are hex: a PIN's digits may occur inside one
    assert "2468" not in readable and "1357" not in readable  # the plain PINs appear nowhere in the file
    assert stored[TECH] == ""
    assert stored[CURATOR].startswith("scrypt$") and pin_matches("2468", stored[CURATOR])
    assert not pin_matches("2469", stored[CURATOR])
    assert hash_pin("2468") != hash_pin("2468")  # a fresh salt every time
    assert not pin_matches("2468", "garbage")


def test_a_technician_cannot_approve_or_correct_in_the_services(seeded: Path) -> None:
    db = open_database(seeded, auto_backup=False)
    try:
        with pytest.raises(PermissionDenied, match="only a curator may approve"):
            allocations.approve(db, TECH, "CE5-REQ")
        with pytest.raises(PermissionDenied, match="only a curator may record a correction"):
            handling.correct(db, TECH, 1, "typo")
        allocations.approve(db, CURATOR, "CE5-REQ")
        assert handling.correct(db, CURATOR, 1, "typo in the note") > 1
    finally:
        db.dispose()


def test_a_technician_cannot_approve_or_correct_in_the_cli(seeded: Path) -> None:
    db = str(seeded)
    refused = cli("allocation", "approve", "CE5-REQ", "--operator", TECH, "--db", db)
    assert refused.returncode == 2 and "only a curator may approve" in refused.stderr
    refused = cli("correct", "1", "--reason", "typo", "--operator", TECH, "--db", db)
    assert refused.returncode == 2 and "only a curator may record a correction" in refused.stderr
    wrong_pin = cli("allocation", "approve", "CE5-REQ", "--operator", CURATOR, "--pin", "0000", "--db", db)
    assert wrong_pin.returncode == 2 and "wrong PIN" in wrong_pin.stderr
    no_pin = cli("allocation", "approve", "CE5-REQ", "--operator", CURATOR, "--db", db)
    assert no_pin.returncode == 2 and "wrong PIN" in no_pin.stderr
    approved = cli("allocation", "approve", "CE5-REQ", "--operator", CURATOR, "--db", db,
                       env={"CURATOR_PIN": "2468"})
    assert approved.returncode == 0, approved.stderr
    corrected = cli("correct", "1", "--reason", "typo", "--operator", CURATOR, "--pin", "2468", "--db", db)
    assert corrected.returncode == 0, corrected.stderr
    for result in (refused, wrong_pin, no_pin):
        assert "Traceback" not in result.stderr
    with closing(sqlite3.connect(seeded)) as conn:
        assert conn.execute("SELECT status FROM allocations").fetchone() == ("approved",)


def test_retired_operators_keep_old_signatures_but_cannot_sign(seeded: Path) -> None:
    db: Database = open_database(seeded, auto_backup=False)
    try:
        with db.write() as session:
            admin = authenticate(session, ADMIN, "1357")
            retire_operator(session, admin, TECH)
        with pytest.raises(PermissionDenied, match="retired"):
            handling.record_observation(db, TECH, "note", "JAR-1", "after retirement")
        with db.read() as session:
            with pytest.raises(PermissionDenied, match="retired"):
                find_operator(session, TECH)
            signed = session.execute(select(Event.note).join(Operator).where(Operator.name == TECH)).scalars()
            assert "signed before retirement" in list(signed)  # their old signature stays
        assert verify(db) == []
        with db.write() as session, pytest.raises(PermissionDenied, match="last admin"):
            retire_operator(session, authenticate(session, ADMIN, "1357"), ADMIN)
        with db.write() as session, pytest.raises(PermissionDenied, match="only a admin may retire"):
            retire_operator(session, authenticate(session, CURATOR, "2468"), ADMIN)
    finally:
        db.dispose()


def test_admins_add_and_retire_operators_in_the_cli(seeded: Path) -> None:
    db = str(seeded)
    added = cli("operator", "add", "Nina New", "--role", "curator", "--new-pin", "9999",
                    "--admin", ADMIN, "--pin", "1357", "--db", db)
    assert added.returncode == 0, added.stderr
    by_curator = cli("operator", "add", "Sly", "--role", "admin", "--new-pin", "1111",
                         "--admin", CURATOR, "--pin", "2468", "--db", db)
    assert by_curator.returncode == 2 and "only a admin may add operators" in by_curator.stderr
    bad_pin = cli("operator", "retire", TECH, "--admin", ADMIN, "--pin", "0000", "--db", db)
    assert bad_pin.returncode == 2 and "wrong PIN" in bad_pin.stderr
    retired = cli("operator", "retire", TECH, "--admin", ADMIN, "--pin", "1357", "--db", db)
    assert retired.returncode == 0, retired.stderr
    listing = cli("operator", "list", "--db", db).stdout
    assert f"{TECH}\ttechnician\t(retired)" in listing and "Nina New\tcurator\t(PIN)" in listing
    signing = cli("record", "note", "JAR-1", "--note", "hello", "--operator", TECH, "--db", db)
    assert signing.returncode == 2 and "retired" in signing.stderr
    assert cli("verify", "--db", db).returncode == 0
    reset = cli("operator", "pin", "Nina New", "--new-pin", "4321", "--admin", ADMIN, "--pin", "1357", "--db", db)
    assert reset.returncode == 0, reset.stderr
    assert cli("correct", "1", "--reason", "x", "--operator", "Nina New", "--pin", "9999", "--db", db).returncode == 2
    assert cli("correct", "1", "--reason", "x", "--operator", "Nina New", "--pin", "4321", "--db", db).returncode == 0
    too_short = cli("operator", "pin", "Nina New", "--new-pin", "1", "--admin", ADMIN, "--pin", "1357", "--db", db)
    assert too_short.returncode == 2 and "at least 4" in too_short.stderr


def test_authenticate_requires_a_pin_of_curators(tmp_path: Path) -> None:
    db = open_database(tmp_path / "pinless.db")
    try:
        with db.write() as session:
            add_operator(session, "Tech", "technician")
            session.add(Operator(name="Old Curator", role="curator", pin_hash="", active=True))
        with db.read() as session:
            assert authenticate(session, "Tech", "").name == "Tech"
            with pytest.raises(PermissionDenied, match="without a PIN"):
                authenticate(session, "Old Curator", "")
        with db.write() as session:
            append_event(session, "note", find_operator(session, "Tech"), note="still signs")
    finally:
        db.dispose()
