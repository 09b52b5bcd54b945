"""Every signature authenticated: every operator has a non-trivial PIN, the CLI never takes it from the
command line, five wrong PINs lock the operator, and every change of an operator is an event."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from factories import ADMIN, CURATOR, PINS, TECH, sample, seed, signs_as
from safety_support import cli
from sqlalchemy import select

from curator.directory import sign_in
from curator.errors import PermissionDenied, ValidationError
from curator.events import utcnow
from curator.integrity import verify
from curator.operators import LOCK_TIME, add_operator, check_pin
from curator.pins import check_pin_policy
from curator.storage.db import Database, open_database
from curator.storage.models import Event, Operator


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    path = tmp_path / "signers.db"
    db = open_database(path)
    seed(db)
    sample(db)
    db.dispose()
    return path


@pytest.mark.parametrize("pin", ["", "    ", "0000", "2468", "12345", "000000", "777777", "123456", "987654",
                                 "890123", "246802", "121212", "123123", " 314159", "314159 ", "abc", "aaaaaaaa",
                                 "pass 12"])
def test_short_or_trivial_pins_are_refused(pin: str) -> None:
    with pytest.raises(ValidationError):
        check_pin_policy(pin)


@pytest.mark.parametrize("pin", ["314159", "520131", "90210417", "correct horse", "Mondlandung!"])
def test_six_digits_or_a_passphrase_are_accepted(pin: str) -> None:
    check_pin_policy(pin)


def test_every_operator_needs_a_pin_technicians_too(db: Database) -> None:
    with db.write() as session, pytest.raises(ValidationError, match="PIN is empty"):
        add_operator(session, "Tech Without", "technician", "")
    seed(db)
    with pytest.raises(PermissionDenied, match="wrong PIN"):
        sign_in(db, TECH, "")
    assert sign_in(db, TECH, PINS[TECH]).name == TECH


def test_a_pin_on_the_command_line_is_refused(seeded: Path) -> None:
    db = str(seeded)
    for option in (["--pin", PINS[TECH]], [f"--pin={PINS[TECH]}"]):
        refused = cli("record", "note", "JAR-1", "--note", "x", "--operator", TECH, *option, "--db", db)
        assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1, refused.stderr
        assert "CURATOR_PIN" in refused.stderr and "--pin-file" in refused.stderr and "prompt" in refused.stderr
    new_pin = cli("operator", "add", "Nina", "--role", "technician", "--new-pin", "918273", "--admin", ADMIN,
                  "--db", db, env=signs_as(ADMIN))
    assert new_pin.returncode == 2 and "--new-pin-file" in new_pin.stderr
    with open_database(seeded).read() as session:
        assert session.execute(select(Event.id).where(Event.note == "x")).first() is None
        assert session.execute(select(Operator.id).where(Operator.name == "Nina")).first() is None


def test_a_pin_file_other_users_can_read_is_refused(seeded: Path, tmp_path: Path) -> None:
    pin_file = tmp_path / "tech.pin"
    pin_file.write_text(PINS[TECH])
    command = ("record", "note", "JAR-1", "--note", "from a file", "--operator", TECH, "--pin-file", str(pin_file),
               "--db", str(seeded))
    for mode in (0o644, 0o640, 0o604):
        pin_file.chmod(mode)
        refused = cli(*command)
        assert refused.returncode == 2 and "can be read by other users" in refused.stderr
    pin_file.chmod(0o600)
    assert cli(*command).returncode == 0


@pytest.mark.parametrize("command", [
    ("record", "note", "JAR-1", "--note", "x", "--operator", TECH),
    ("allocation", "approve", "CE5-NONE", "--operator", CURATOR),
    ("allocation", "edit", "CE5-NONE", "--version", "1", "--pi", "X", "--operator", CURATOR),
    ("correct", "1", "--reason", "x", "--operator", CURATOR),
    ("import", "missing.csv", "--mission", "CE5", "--operator", TECH),
    ("operator", "retire", TECH, "--admin", ADMIN),
    ("operator", "pin", TECH, "--admin", ADMIN),
    ("operator", "unlock", TECH, "--admin", ADMIN),
    ("operator", "add", "Nina", "--role", "technician", "--admin", ADMIN),
])
def test_every_signing_command_asks_for_the_pin(seeded: Path, command: tuple[str, ...],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CURATOR_PIN", raising=False)
    refused = cli(*command, "--db", str(seeded))
    assert refused.returncode == 2 and "must give their PIN" in refused.stderr, refused.stderr


def test_five_wrong_pins_lock_the_operator_until_an_admin_unlocks(seeded: Path) -> None:
    db = str(seeded)
    record = ("record", "note", "JAR-1", "--note", "hello", "--operator", TECH, "--db", db)
    for _attempt in range(1, 6):
        wrong = cli(*record, env={"CURATOR_PIN": "918273"})
        assert wrong.returncode == 2 and "wrong PIN" in wrong.stderr
    assert "locked for 5 minutes" in wrong.stderr
    locked = cli(*record, env=signs_as(TECH))  # the right PIN, too late
    assert locked.returncode == 2 and "locked after 5 wrong PINs until" in locked.stderr
    unlocked = cli("operator", "unlock", TECH, "--admin", ADMIN, "--db", db, env=signs_as(ADMIN))
    assert unlocked.returncode == 0, unlocked.stderr
    assert cli(*record, env=signs_as(TECH)).returncode == 0
    with open_database(seeded).read() as session:
        facts = [(json.loads(e.details), e.note) for e in session.execute(
            select(Event).where(Event.kind == "amended").order_by(Event.id)).scalars()]
    counts = [details["set"]["failed_pins"] for details, _note in facts if details["table"] == "operators"]
    assert counts == [1, 2, 3, 4, 5, 0]  # each wrong PIN, the lock, the unlock: all events
    assert facts[4][0]["set"]["locked_until"] and facts[4][1] == "locked after 5 wrong PINs"
    assert verify(open_database(seeded)) == []


def test_the_lock_ends_after_five_minutes_and_a_right_pin_resets_the_count(seeded: Path) -> None:
    db = open_database(seeded)
    start = utcnow()
    for _ in range(5):
        with db.write() as session:
            with pytest.raises(PermissionDenied, match="wrong PIN"):
                check_pin(session, CURATOR, "000001", at=start)
    with db.write() as session, pytest.raises(PermissionDenied, match="locked"):
        check_pin(session, CURATOR, PINS[CURATOR], at=start + LOCK_TIME - timedelta(seconds=1))
    with db.write() as session:
        assert check_pin(session, CURATOR, PINS[CURATOR], at=start + LOCK_TIME).name == CURATOR
    with db.read() as session:
        curator = session.execute(select(Operator).where(Operator.name == CURATOR)).scalar_one()
        assert (curator.failed_pins, curator.locked_until) == (0, None)
    db.dispose()


def test_adding_retiring_and_resetting_operators_are_events(seeded: Path) -> None:
    db = str(seeded)
    as_admin = signs_as(ADMIN)
    trivial = cli("operator", "add", "Nina", "--role", "curator", "--admin", ADMIN, "--db", db,
                  env={**as_admin, "CURATOR_NEW_PIN": "123456"})
    assert trivial.returncode == 2 and "too easy to guess" in trivial.stderr
    steps = [("add", "Nina", "--role", "curator"), ("pin", "Nina"), ("retire", "Nina")]
    for step in steps:
        done = cli("operator", *step, "--admin", ADMIN, "--db", db, env={**as_admin, "CURATOR_NEW_PIN": "918273"})
        assert done.returncode == 0, done.stderr
    with open_database(seeded).read() as session:
        rows = session.execute(select(Event, Operator.name).join(Operator, Event.operator_id == Operator.id)
                               .where(Event.kind.in_(("registered", "amended"))).order_by(Event.id)).all()
    operator_facts = [(e.kind, name, json.loads(e.details)) for e, name in rows
                      if json.loads(e.details)["table"] == "operators"]
    first = operator_facts[0]
    assert first[0] == "registered" and first[1] == ADMIN == first[2]["set"]["name"]  # registers itself
    nina = [fact for fact in operator_facts if fact[2]["row"] == operator_facts[-1][2]["row"]]
    assert [kind for kind, _signer, _details in nina] == ["registered", "amended", "amended"]
    assert all(signer == ADMIN for _kind, signer, _details in nina)
    assert nina[0][2]["set"]["role"] == "curator" and nina[0][2]["set"]["pin_hash"].startswith("scrypt$")
    assert set(nina[1][2]["set"]) >= {"pin_hash"} and nina[2][2]["set"] == {"active": False}
