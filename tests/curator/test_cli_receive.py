"""Issue 14 part 3: `curator receive`, the receive step from the command line. The new sample gets its
container (a barcode not in use yet makes a jar; an empty container in use is taken) and a position (the
one named, else the next free one), in the receipt's one transaction; a refusal is one line and leaves
nothing behind."""

import pytest
from factories import CURATOR, PINS, SHELF, TECH, run_cli, sample, seed

from curator import inventory
from curator.directory import identify
from curator.history import sample_detail
from curator.integrity import verify
from curator.lookup import get_sample

run = run_cli


@pytest.fixture(autouse=True)
def signs_as_tech(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CURATOR_PIN", PINS[TECH])


@pytest.fixture
def stored(db, db_path):
    """A shelf of four positions, P1 taken by JAR-1 (a received sample), an empty vial standing nowhere."""
    seed(db)
    sample(db, "CE5-OLD", barcode="JAR-1", position=f"{SHELF} / P1")
    inventory.add_container(db, TECH, "VIAL-E", "vial")
    db.dispose()
    return db_path


def test_a_new_jar_takes_the_next_free_position(db, stored, capsys) -> None:
    code, out, err = run(stored, capsys, "receive", "CE5-R1", "--mission", "CE5", "--mass", "0,200 g",
                         "--container", "JAR-NEW", "--note", "from the return capsule", "--operator", TECH)
    assert (code, err) == (0, "")
    detail = sample_detail(db, "CE5-R1")
    assert (detail.mass_ug, detail.kind, detail.barcode, detail.container_kind) == (200_000, "powder", "JAR-NEW",
                                                                                    "jar")
    assert detail.location == f"{SHELF} / P2"
    assert out.splitlines() == [out.splitlines()[0], f"in jar JAR-NEW at {SHELF} / P2"]
    assert "CE5-R1 received, CE5 powder 200 mg" in out.splitlines()[0]
    assert verify(db) == []


def test_a_named_position_and_an_existing_empty_container(db, stored, capsys) -> None:
    code, out, err = run(stored, capsys, "receive", "CE5-R2", "--mission", "CE5", "--mass", "12 500 µg",
                         "--kind", "glass_bead", "--sampling", "drilled", "--container", "vial-e",
                         "--at", f"{SHELF} / P4", "--operator", TECH)
    assert (code, err) == (0, ""), err
    assert identify(db, "VIAL-E").where == f"{SHELF} / P4" and identify(db, "VIAL-E").numbers == ("CE5-R2",)
    with db.read() as session:
        received = get_sample(session, "CE5-R2")
        assert (received.mass_ug, received.kind, received.sampling) == (12_500, "glass_bead", "drilled")
    assert f"in vial VIAL-E at {SHELF} / P4" in out
    assert verify(db) == []


def test_a_shelf_named_gives_its_next_free_position(db, stored, capsys) -> None:
    code, out, _err = run(stored, capsys, "receive", "CE5-R3", "--mission", "CE5", "--mass", "1 mg",
                          "--container", "JAR-S", "--at", SHELF, "--operator", TECH)
    assert code == 0 and f"at {SHELF} / P2" in out
    assert verify(db) == []


@pytest.mark.parametrize(("args", "message"), [
    (["CE5-OLD", "--container", "JAR-N"], "sample CE5-OLD already exists"),
    (["CE5-X", "--container", "JAR-1"], "jar JAR-1 already holds CE5-OLD"),
    (["CE5-X", "--container", "JAR-N", "--at", f"{SHELF} / P1"], f"position {SHELF} / P1 already holds"),
    (["CE5-X", "--at", SHELF], "the following arguments are required: --container"),
    (["CE5-X", "--container", "JAR-N", "--kind", "cheese"], "unknown sample kind 'cheese'"),
    (["CE5-X", "--container", "JAR-N", "--mission", "CE9"], "CE9"),
    (["CE5-X", "--container", "JAR-N", "--at", "Lab / Nowhere"], "no location 'Lab / Nowhere'"),
    (["CE5-X", "--mass", "12 kg", "--container", "JAR-N"], "mass"),
    (["CE5-X", "--mass", "zero", "--container", "JAR-N"], "zero"),
])
def test_receive_refusals_are_one_line_and_leave_nothing(db, stored, capsys, args, message) -> None:
    mission = [] if "--mission" in args else ["--mission", "CE5"]
    mass = [] if "--mass" in args else ["--mass", "1 mg"]
    code, out, err = run(stored, capsys, "receive", *args, *mission, *mass, "--operator", TECH)
    assert code == 2 and out == "" and message in err and len(err.strip().splitlines()) == 1, err
    assert inventory.count_samples(db) == 1
    with pytest.raises(Exception, match="JAR-N"):
        identify(db, "JAR-N")  # the refused receipt made no jar
    assert verify(db) == []


def test_receive_needs_the_operators_pin(db, stored, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CURATOR_PIN", PINS[CURATOR])
    code, out, err = run(stored, capsys, "receive", "CE5-R4", "--mission", "CE5", "--mass", "1 mg",
                         "--container", "JAR-P", "--operator", TECH)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert inventory.count_samples(db) == 1
