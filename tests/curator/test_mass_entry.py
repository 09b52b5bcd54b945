"""Mass entry never silently off by a factor of 1000: the point is always the decimal separator, a comma
is one too unless it could equally group thousands ("1,500 g", refused naming both readings), spaces
group digits, and one decimal separator at most. The same rule for the CLI and for catalogue cells."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from factories import PINS, TECH, sample, seed
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import select

from curator.catalogue import read_catalogue
from curator.catalogue_format import mass_from_cell
from curator.errors import ValidationError
from curator.mass import ABSURD_MASS_UG, MICROGRAMS_PER_UNIT, format_mass, parse_mass
from curator.storage.db import Database, open_database
from curator.storage.models import Sample
from ui.cli import main

GROUPING = [" ", "\u2009", "\u202f", "\u00a0", "'"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0,200 g", 200_000),
        ("0,125 g", 125_000),
        ("0,250", 250),  # default unit mg
        ("1,5 g", 1_500_000),
        ("1,50 g", 1_500_000),
        ("1,5000 g", 1_500_000),
        ("12,5 mg", 12_500),
        ("00,500 g", 500_000),
        ("12 500 µg", 12_500),
        ("12\u2009500 µg", 12_500),
        ("12\u202f500 µg", 12_500),
        ("12\u00a0500 µg", 12_500),
        ("1 234,5 mg", 1_234_500),
        ("1 234.5 mg", 1_234_500),
        ("1.500 g", 1_500_000),  # the point is always the decimal separator
        ("0.000 5 g", 500),
    ],
)
def test_what_a_person_means_is_what_is_stored(text: str, expected: int) -> None:
    assert parse_mass(text) == expected


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("1,500 g", "write 1500 g or 1.5 g"),
        ("12,500 mg", "write 12500 mg or 12.5 mg"),
        ("1,250", "write 1250 mg or 1.25 mg"),
        ("1234,500 µg", "write 1234500 µg or 1234.5 µg"),
        ("1 234,567 mg", "write 1234567 mg or 1234.567 mg"),
    ],
)
def test_a_comma_that_could_group_thousands_is_refused_naming_both_readings(text: str, readings: str) -> None:
    with pytest.raises(ValidationError, match="ambiguous") as refused:
        parse_mass(text)
    assert readings in str(refused.value)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1,2,3 mg", "more than one decimal separator"),
        ("1,,5 mg", "more than one decimal separator"),
        ("1.2.3 mg", "more than one decimal separator"),
        ("1,234.5 mg", "more than one decimal separator"),
        ("1.234,5 mg", "more than one decimal separator"),
        ("1,000,000 µg", "more than one decimal separator"),
        ("5, mg", "digits on both sides"),
        ("5. mg", "digits on both sides"),
        (",5 mg", "digits on both sides"),
        ("1 5 mg", "group digits in threes"),
        ("12  500 µg", "group digits in threes"),
        ("1234 567 µg", "group digits in threes"),
    ],
)
def test_repeated_or_misplaced_separators_are_refused_in_one_line(text: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason) as refused:
        parse_mass(text)
    assert "\n" not in str(refused.value)


# --- properties --------------------------------------------------------------------------------


@st.composite
def written_masses(draw: st.DrawFn) -> tuple[str, Decimal, str]:
    """A mass as a person writes it: (text, the number they mean, unit)."""
    whole = draw(st.integers(min_value=0, max_value=10**7))
    fraction = draw(st.text("0123456789", max_size=6))
    unit = draw(st.sampled_from(["µg", "mg", "g"]))
    grouping = draw(st.sampled_from(["", *GROUPING]))
    digits = f"{whole:,}".replace(",", grouping) if grouping else str(whole)
    separator = draw(st.sampled_from([".", ","]))
    text = f"{digits}{separator}{fraction}" if fraction else digits
    meant = Decimal(f"{whole}.{fraction or '0'}")
    return f"{text} {unit}", meant, unit


@settings(deadline=None, max_examples=300)
@given(written_masses())
def test_every_accepted_mass_is_the_one_the_writer_meant(written: tuple[str, Decimal, str]) -> None:
    text, meant, unit = written
    ambiguous = "," in text and len(text.split(",")[1].split()[0]) == 3 and meant >= 1
    exact = meant * MICROGRAMS_PER_UNIT[unit]
    try:
        value = parse_mass(text, limit_ug=None)
    except ValidationError as exc:
        assert ambiguous or exact != exact.to_integral_value(), (text, str(exc))
        return
    assert not ambiguous, text
    assert value == exact


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=ABSURD_MASS_UG), st.sampled_from([None, "µg", "mg", "g", "kg"]))
def test_format_then_parse_is_the_identity(micrograms: int, unit: str | None) -> None:
    assert parse_mass(format_mass(micrograms, unit)) == micrograms


@settings(deadline=None, max_examples=400)
@given(st.text("0123456789,. \u00a0'", min_size=1, max_size=14), st.sampled_from(["µg", "mg", "g"]))
def test_no_string_is_ever_read_off_by_a_power_of_ten(number: str, unit: str) -> None:
    """Whatever is accepted reads its one separator as the decimal point and nothing else."""
    try:
        value = parse_mass(f"{number} {unit}", limit_ug=None)
    except ValidationError:
        return
    plain = number.strip().replace(" ", "").replace("\u00a0", "").replace("'", "").replace(",", ".")
    assert value == Decimal(plain) * MICROGRAMS_PER_UNIT[unit]


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999),
       st.sampled_from(["mg", "g"]))
def test_comma_decimals_never_come_out_a_thousand_times_too_big(whole: int, thousandths: int, unit: str) -> None:
    text = f"{whole},{thousandths:03d} {unit}"
    with pytest.raises(ValidationError, match=f"write {whole}{thousandths:03d} {unit} or "):
        parse_mass(text)
    assert parse_mass(f"0,{thousandths:03d} {unit}") == thousandths * MICROGRAMS_PER_UNIT[unit] // 1000
    assume(thousandths % 10)
    assert parse_mass(f"{whole},{thousandths:03d}0 {unit}") == (
        (whole * 1000 + thousandths) * MICROGRAMS_PER_UNIT[unit] // 1000)


# --- the same rule on every path in: CLI and catalogue cells ------------------------------------


def test_cli_weighing_with_a_decimal_comma_stores_milligrams(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CURATOR_PIN", PINS[TECH])
    path = tmp_path / "c.db"
    db = open_database(path)
    seed(db)
    sample(db, "CE5-W", mass_ug=200_000)
    db.dispose()
    assert main(["record", "weighed", "CE5-W", "--mass", "0,200 g", "--operator", TECH, "--db", str(path)]) == 0
    db = open_database(path)
    with db.read() as session:
        assert session.execute(select(Sample.mass_ug).where(Sample.number == "CE5-W")).scalar_one() == 200_000
    db.dispose()


def test_cli_refuses_an_ambiguous_comma(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.db"
    db = open_database(path)
    seed(db)
    sample(db, "CE5-W", mass_ug=200_000)
    db.dispose()
    with pytest.raises(SystemExit) as exited:
        main(["record", "weighed", "CE5-W", "--mass", "1,500 g", "--operator", TECH, "--db", str(path)])
    assert exited.value.code == 2
    assert "write 1500 g or 1.5 g" in capsys.readouterr().err


def test_semicolon_csv_with_decimal_commas_imports_milligrams(db: Database, tmp_path: Path) -> None:
    seed(db)
    path = tmp_path / "eu.csv"
    path.write_text("ID;Type;Weight (g)\nCE5-A;soil;0,250\nCE5-B;soil;1,5\nCE5-C;soil;0,125\n", encoding="utf-8")
    plan = read_catalogue(db, path, "CE5")
    assert plan.errors == []
    assert [(s.number, s.mass_ug) for s in plan.samples] == [("CE5-A", 250_000), ("CE5-B", 1_500_000),
                                                              ("CE5-C", 125_000)]


def test_an_ambiguous_catalogue_cell_is_a_bad_row(db: Database, tmp_path: Path) -> None:
    seed(db)
    path = tmp_path / "eu.csv"
    path.write_text("ID;Type;Weight (g)\nCE5-A;soil;1,500\n", encoding="utf-8")
    plan = read_catalogue(db, path, "CE5")
    assert [(e.row, "write 1500 g or 1.5 g" in e.message) for e in plan.errors] == [(2, True)]


def test_workbook_numbers_are_taken_as_numbers_and_text_cells_follow_the_rule(db: Database, tmp_path: Path) -> None:
    seed(db)
    workbook = Workbook()
    sheet = workbook.active
    for row in (["ID", "Type", "Weight (g)"], ["CE5-A", "soil", 0.25], ["CE5-B", "soil", 1500],
                ["CE5-C", "soil", "0,250"], ["CE5-D", "soil", "1,500"]):
        sheet.append(row)
    workbook.save(tmp_path / "eu.xlsx")
    plan = read_catalogue(db, tmp_path / "eu.xlsx", "CE5")
    assert [(s.number, s.mass_ug) for s in plan.samples] == [("CE5-A", 250_000), ("CE5-B", 1_500_000_000),
                                                              ("CE5-C", 250_000)]
    assert [(e.row, "ambiguous" in e.message) for e in plan.errors] == [(5, True)]


@pytest.mark.parametrize(("cell", "unit", "expected"),
                         [(0.25, "g", 250_000), (1500, "g", 1_500_000_000), ("0,200", "g", 200_000),
                          ("0,200 mg", "g", 200), ("12 500", "µg", 12_500)])
def test_catalogue_cells(cell: object, unit: str, expected: int) -> None:
    assert mass_from_cell(cell, unit) == expected


@pytest.mark.parametrize("cell", ["1,500", "1,2,3", "1,,5", "1.2.3"])
def test_bad_catalogue_cells_are_refused(cell: str) -> None:
    with pytest.raises(ValidationError):
        mass_from_cell(cell, "g")
