"""Issue 15 part 1: borrowers and their principal investigators added and edited as facts (verify proves
them), ISO country codes checked, and a name like one already listed refused unless confirmed."""

import json

import pytest
from factories import CURATOR, TECH, seed, signs_as
from sqlalchemy import text

from curator.errors import NotFoundError, ValidationError
from curator.institution_names import alike
from curator.institutions import (
    NearDuplicate,
    add_institution,
    add_investigator,
    edit_institution,
    edit_investigator,
    institution_rows,
    similar_institutions,
)
from curator.integrity import verify
from ui.cli import main


@pytest.mark.parametrize(("first", "second", "same"), [
    ("Osaka Univ.", "Osaka University", True),
    ("University of Cologne", "Cologne University", True),
    ("Brown Univeristy", "Brown University", True),
    ("ETH Zürich", "ETH Zurich", True),
    ("Boston University", "Brown University", False),
    ("University of Tokyo", "University of Kyoto", False),
    ("University of Arizona", "Arizona State University", False),
])
def test_near_duplicate_names(first, second, same) -> None:
    assert alike(first, second) is same


def test_institutions_and_investigators_are_facts_that_verify_proves(db) -> None:
    seed(db)
    assert add_institution(db, TECH, "  Open   University ", "gb", "Milton Keynes", "samples@open.example") \
        == "Open University"
    add_investigator(db, TECH, "Open University", "Dr. Maya Evans", "m.evans@open.example")
    edit_institution(db, CURATOR, "Open University", city="Milton Keynes, UK", country="GB")
    edit_investigator(db, CURATOR, "Open University", "Dr. Maya Evans", email="evans@open.example")
    rows = {row.name: row for row in institution_rows(db)}
    open_u = rows["Open University"]
    assert (open_u.country, open_u.country_name, open_u.city) == ("GB", "United Kingdom", "Milton Keynes, UK")
    assert [(p.name, p.email) for p in open_u.investigators] == [("Dr. Maya Evans", "evans@open.example")]
    assert verify(db) == []
    with db.write() as session:  # behind the application's back
        session.execute(text("UPDATE investigators SET email = 'x@evil.example'"))
    assert any("investigators 'Dr. Maya Evans': email" in str(problem) for problem in verify(db))


def test_bad_input_is_refused_naming_what_is_wrong(db) -> None:
    seed(db)
    with pytest.raises(ValidationError, match="'XX' is not an ISO 3166-1 alpha-2 country code"):
        add_institution(db, TECH, "Open University", "XX")
    with pytest.raises(ValidationError, match="already exists"):
        add_institution(db, TECH, "osaka university", "JP")
    with pytest.raises(ValidationError, match="nothing to change"):
        edit_institution(db, TECH, "Osaka University", city="Osaka")
    with pytest.raises(NotFoundError):
        edit_investigator(db, TECH, "Osaka University", "Dr. Nobody", email="a@b.example")
    add_investigator(db, TECH, "Osaka University", "Dr. Ito")
    with pytest.raises(ValidationError, match="already listed at Osaka University"):
        add_investigator(db, TECH, "Osaka University", "Dr.  Ito")
    assert [row.name for row in institution_rows(db)] == ["Brown University", "Osaka University"]


def test_a_near_duplicate_is_saved_only_when_forced(db) -> None:
    seed(db)
    with pytest.raises(NearDuplicate, match="'Osaka Univ.' looks like 'Osaka University'") as refused:
        add_institution(db, TECH, "Osaka Univ.", "JP")
    assert refused.value.similar == ["Osaka University"]
    assert similar_institutions(db, "Brown Univ") == ["Brown University"]
    assert similar_institutions(db, "Osaka University", excluding="Osaka University") == []
    add_institution(db, TECH, "Osaka Univ.", "JP", force=True)
    with pytest.raises(NearDuplicate):  # a rename is checked too, the institution itself aside
        edit_institution(db, TECH, "Osaka Univ.", new_name="Brown Universty")
    assert edit_institution(db, TECH, "Osaka Univ.", new_name="Osaka City University", force=True) \
        == "Osaka City University"
    assert verify(db) == []


def test_cli_institution_add_list_edit(db, db_path, capsys, monkeypatch) -> None:
    seed(db)
    db.dispose()
    for name, value in signs_as(TECH).items():
        monkeypatch.setenv(name, value)
    base = ["--db", str(db_path), "--operator", TECH]
    assert main(["institution", "add", "Open University", "--country", "gb", "--city", "Milton Keynes", *base]) == 0
    assert "added Open University (GB)" in capsys.readouterr().out
    assert main(["institution", "add", "Nowhere Institute", "--country", "XX", *base]) == 2
    assert "not an ISO 3166-1 alpha-2" in capsys.readouterr().err
    assert main(["institution", "add", "Osaka Univ", "--country", "JP", "--force", *base]) == 0
    assert main(["institution", "edit", "Osaka Univ", "--name", "Osaka City University", "--force", *base]) == 0
    assert main(["institution", "add-pi", "Open University", "Dr. Evans", "--email", "a@open.example",
                 *base]) == 0
    assert main(["institution", "edit-pi", "Open University", "Dr. Evans", "--name", "Dr. Maya Evans",
                 *base]) == 0
    capsys.readouterr()
    assert main(["institution", "list", "--db", str(db_path)]) == 0
    listing = capsys.readouterr().out
    assert "Open University\tGB\tMilton Keynes\t\n\tPI Dr. Maya Evans <a@open.example>" in listing
    assert main(["institution", "list", "--json", "--db", str(db_path)]) == 0
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert sorted(rows) == ["Brown University", "Open University", "Osaka City University", "Osaka University"]
    assert rows["Open University"]["investigators"] == [{"name": "Dr. Maya Evans", "email": "a@open.example"}]
    assert main(["verify", "--db", str(db_path)]) == 0


def test_cli_near_duplicate_refused_without_a_terminal_names_force(db, db_path, capsys, monkeypatch) -> None:
    seed(db)
    db.dispose()
    for name, value in signs_as(TECH).items():
        monkeypatch.setenv(name, value)
    assert main(["institution", "add", "Osaka Univ", "--country", "JP", "--db", str(db_path),
                 "--operator", TECH]) == 2
    err = capsys.readouterr().err
    assert "'Osaka Univ' looks like 'Osaka University'" in err and "--force saves it" in err


def test_cli_near_duplicate_asked_on_a_terminal(db, db_path, capsys, monkeypatch) -> None:
    seed(db)
    db.dispose()
    for name, value in signs_as(TECH).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["n", "y"])
    monkeypatch.setattr("builtins.input", lambda _prompt: next(answers))
    args = ["institution", "add", "Osaka Univ", "--country", "JP", "--db", str(db_path), "--operator", TECH]
    assert main(args) == 1 and "nothing saved" in capsys.readouterr().out
    assert main(args) == 0 and "added Osaka Univ (JP)" in capsys.readouterr().out
