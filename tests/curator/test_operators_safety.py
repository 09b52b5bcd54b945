"""Operators: PINs only as salted hashes, role checks in services and CLI, admins add and retire."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from factories import ADMIN, CURATOR, PINS, TECH, sample, seed, signs_as
from safety_support import cli
from sqlalchemy import select

from curator import allocations, handling
from curator.errors import PermissionDenied
from curator.events import append_event
from curator.integrity import verify
from curator.operators import check_pin, find_operator, retire_operator
from curator.pins import hash_pin, pin_matches
from curator.storage.db import Database, open_database
from curator.storage.models import Event, Operator


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
    assert not any(pin in readable for pin in PINS.values())  # the plain PINs appear nowhere in the file
    assert all(value.startswith("scrypt$32768$") for value in stored.values())  # technicians too
    assert pin_matches(PINS[CURATOR], stored[CURATOR]) and not pin_matches("271829", stored[CURATOR])
    assert hash_pin("271828") != hash_pin("271828")  # a fresh salt every time
    assert not pin_matches("271828", "garbage")


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


def test_a_technician_cannot_approve_or_correct_in_the_cli(seeded: Path, tmp_path: Path) -> None:
    db = str(seeded)
    refused = cli("allocation", "approve", "CE5-REQ", "--operator", TECH, "--db", db, env=signs_as(TECH))
    assert refused.returncode == 2 and "only a curator may approve" in refused.stderr
    refused = cli("correct", "1", "--reason", "typo", "--operator", TECH, "--db", db, env=signs_as(TECH))
    assert refused.returncode == 2 and "only a curator may record a correction" in refused.stderr
    wrong_pin = cli("allocation", "approve", "CE5-REQ", "--operator", CURATOR, "--db", db,
                    env={"CURATOR_PIN": "000000"})
    assert wrong_pin.returncode == 2 and "wrong PIN" in wrong_pin.stderr
    no_pin = cli("allocation", "approve", "CE5-REQ", "--operator", CURATOR, "--db", db)
    assert no_pin.returncode == 2 and "must give their PIN" in no_pin.stderr
    approved = cli("allocation", "approve", "CE5-REQ", "--operator", CURATOR, "--db", db, env=signs_as(CURATOR))
    assert approved.returncode == 0, approved.stderr
    pin_file = tmp_path / "pin"
    pin_file.write_text(PINS[CURATOR] + "\n")
    pin_file.chmod(0o600)
    corrected = cli("correct", "1", "--reason", "typo", "--operator", CURATOR, "--pin-file", str(pin_file), "--db", db)
    assert corrected.returncode == 0, corrected.stderr
    for result in (refused, wrong_pin, no_pin):
        assert "Traceback" not in result.stderr
    with closing(sqlite3.connect(seeded)) as conn:
        assert conn.execute("SELECT status FROM allocations").fetchone() == ("approved",)


def test_retired_operators_keep_old_signatures_but_cannot_sign(seeded: Path) -> None:
    db: Database = open_database(seeded, auto_backup=False)
    try:
        with db.write() as session:
            admin = check_pin(session, ADMIN, PINS[ADMIN])
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
            retire_operator(session, check_pin(session, ADMIN, PINS[ADMIN]), ADMIN)
        with db.write() as session, pytest.raises(PermissionDenied, match="only a admin may retire"):
            retire_operator(session, check_pin(session, CURATOR, PINS[CURATOR]), ADMIN)
    finally:
        db.dispose()


def test_admins_add_and_retire_operators_in_the_cli(seeded: Path) -> None:
    db = str(seeded)
    as_admin = signs_as(ADMIN)
    added = cli("operator", "add", "Nina New", "--role", "curator", "--admin", ADMIN, "--db", db,
                env={**as_admin, "CURATOR_NEW_PIN": "918273"})
    assert added.returncode == 0, added.stderr
    by_curator = cli("operator", "add", "Sly", "--role", "admin", "--admin", CURATOR, "--db", db,
                     env={**signs_as(CURATOR), "CURATOR_NEW_PIN": "918273"})
    assert by_curator.returncode == 2 and "only a admin may add operators" in by_curator.stderr
    bad_pin = cli("operator", "retire", TECH, "--admin", ADMIN, "--db", db, env={"CURATOR_PIN": "000000"})
    assert bad_pin.returncode == 2 and "wrong PIN" in bad_pin.stderr
    retired = cli("operator", "retire", TECH, "--admin", ADMIN, "--db", db, env=as_admin)
    assert retired.returncode == 0, retired.stderr
    listing = cli("operator", "list", "--db", db).stdout
    assert f"{TECH}\ttechnician\t(retired)" in listing and "Nina New\tcurator\n" in listing
    signing = cli("record", "note", "JAR-1", "--note", "hello", "--operator", TECH, "--db", db, env=signs_as(TECH))
    assert signing.returncode == 2 and "retired" in signing.stderr
    assert cli("verify", "--db", db).returncode == 0
    reset = cli("operator", "pin", "Nina New", "--admin", ADMIN, "--db", db,
                env={**as_admin, "CURATOR_NEW_PIN": "564738"})
    assert reset.returncode == 0, reset.stderr
    nina = ("correct", "1", "--reason", "x", "--operator", "Nina New", "--db", db)
    assert cli(*nina, env={"CURATOR_PIN": "918273"}).returncode == 2
    assert cli(*nina, env={"CURATOR_PIN": "564738"}).returncode == 0
    too_short = cli("operator", "pin", "Nina New", "--admin", ADMIN, "--db", db,
                    env={**as_admin, "CURATOR_NEW_PIN": "1"})
    assert too_short.returncode == 2 and "at least 6 digits" in too_short.stderr


def test_an_operator_without_a_pin_cannot_sign_in(tmp_path: Path) -> None:
    db = open_database(tmp_path / "pinless.db")
    try:
        with db.write() as session:  # as an old database may hold one, from before every operator had a PIN
            session.add(Operator(name="Old Tech", role="technician", pin_hash="", active=True))
        with db.write() as session, pytest.raises(PermissionDenied, match="has no PIN yet"):
            check_pin(session, "Old Tech", "")
        with db.write() as session:
            append_event(session, "note", find_operator(session, "Old Tech"), note="its old signatures stay")
    finally:
        db.dispose()
