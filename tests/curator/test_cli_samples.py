"""Issue 10 section 5: `curator split` and `curator show` as scripts call them."""

import json

import pytest
from factories import PINS, TECH, run_cli, sample, seed

from curator import handling, inventory
from curator.integrity import verify
from curator.lookup import get_sample


@pytest.fixture(autouse=True)
def signs_as_tech(monkeypatch: pytest.MonkeyPatch) -> None:
    """`curator split` here signs as TECH, who gives their PIN in $CURATOR_PIN."""
    monkeypatch.setenv("CURATOR_PIN", PINS[TECH])


@pytest.fixture
def number(db, db_path):
    positions = seed(db)
    inventory.add_container(db, TECH, "VIAL-7", "vial", positions[1])
    number = sample(db, mass_ug=1_000_000, barcode="JAR-1", position=positions[0])
    handling.record_observation(db, TECH, "opened", "JAR-1", atmosphere="nitrogen", note="glove box G1")
    db.dispose()
    return number


run = run_cli


def test_split_prints_the_children_numbers_one_per_line(db, db_path, number, capsys) -> None:
    code, out, err = run(db_path, capsys, "split", number, "--child", "200 mg", "--child", "0.1 g@vial-7",
                         "--loss", "5 ug", "--expect", "1000 mg", "--operator", TECH)
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"{number}-01", f"{number}-02"]
    with db.read() as session:
        assert get_sample(session, number).mass_ug == 1_000_000 - 300_000 - 5
        assert get_sample(session, f"{number}-02").container.barcode == "VIAL-7"
    assert verify(db) == []


def test_a_child_in_a_new_vial_gets_the_free_position_nearest_its_parent(db, db_path, number, capsys) -> None:
    code, out, err = run(db_path, capsys, "split", number, "--child", "20 mg@NEW-1", "--child", "30 mg@NEW-2",
                         "--operator", TECH)
    assert (code, err) == (0, "")
    with db.read() as session:
        places = [get_sample(session, child).container.location.path for child in out.split()]
    assert places == ["Lab / Room / Cabinet / Shelf / P3", "Lab / Room / Cabinet / Shelf / P4"]
    code, out, err = run(db_path, capsys, "split", number, "--child", "5 mg@NEW-3", "--operator", TECH)
    assert code == 2 and "no free position for NEW-3: Lab is full; say where it goes" in err
    assert verify(db) == []


@pytest.mark.parametrize(("args", "message"), [
    (["--child", "900 mg", "--child", "200 mg"], "does not balance"),
    (["--child", "100 mg", "--expect", "999 mg"], "changed since you opened it; reload"),
    (["--child", "100 mg@"], "name the container after '@'"),
    (["--child", "100 mg@JAR-1"], "jar JAR-1 already holds"),
    (["--child", "100 mg@NEW-1", "--at", "Lab / Nowhere"], "no location 'Lab / Nowhere'"),
])
def test_split_refusals_are_one_line_and_change_nothing(db, db_path, number, capsys, args, message) -> None:
    code, out, err = run(db_path, capsys, "split", number, *args, "--operator", TECH)
    assert code == 2 and out == "" and message in err and len(err.strip().splitlines()) == 1
    with db.read() as session:
        assert get_sample(session, number).mass_ug == 1_000_000


def test_show_sample_json_has_properties_children_and_full_history(db, db_path, number, capsys) -> None:
    assert run(db_path, capsys, "split", number, "--child", "200 mg", "--operator", TECH)[0] == 0
    code, out, _ = run(db_path, capsys, "show", number.lower(), "--json")
    shown = json.loads(out)
    assert code == 0
    assert {key: shown[key] for key in ("type", "number", "mass_ug", "status", "condition", "sealed", "container",
                                        "parent", "children")} == {
        "type": "sample", "number": number, "mass_ug": 800_000, "status": "in_store", "condition": "pristine",
        "sealed": False, "container": "JAR-1", "parent": None, "children": [f"{number}-01"]}
    assert shown["location"].endswith("/ P1")
    kinds = [(row["kind"], row["via_container"]) for row in shown["history"]]
    assert kinds == [("received", None), ("opened", "JAR-1"), ("split", None)]
    assert all(isinstance(row["mass_ug"], (int, type(None))) for row in shown["history"])


def test_show_child_container_and_location(db, db_path, number, capsys) -> None:
    run(db_path, capsys, "split", number, "--child", "200 mg@VIAL-7", "--operator", TECH)
    child = json.loads(run(db_path, capsys, "show", f"{number}-01", "--json")[1])
    assert (child["parent"], child["mass_ug"], child["container"]) == (number, 200_000, "VIAL-7")
    jar = json.loads(run(db_path, capsys, "show", "jar-1", "--json")[1])
    assert (jar["type"], jar["sealed"], jar["samples"]) == ("container", False, [{"number": number,
                                                                                   "mass_ug": 800_000}])
    assert [row["kind"] for row in jar["history"]][:2] == ["received", "opened"]
    code, out, _ = run(db_path, capsys, "show", "Lab / Room / Cabinet / Shelf / P1")
    assert code == 0 and out.startswith("location Lab / Room / Cabinet / Shelf / P1") and "JAR-1" in out
    code, out, _ = run(db_path, capsys, "show", number)
    assert code == 0 and "mass: 800 mg" in out and "opened" in out and "(on JAR-1)" in out


def test_show_unknown_code(db_path, number, capsys) -> None:
    code, _, err = run(db_path, capsys, "show", "NOPE-1")
    assert code == 2 and "no sample, container or location 'NOPE-1'" in err
