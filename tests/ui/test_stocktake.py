"""Issue 14 part 7: a stocktake compares the scanned containers with those the database places in a
location, is recorded as an event on it, and prints the location's content list (PDF), from the CLI and
from the desk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from curator import inventory
from curator.describe import describe
from curator.stocktake import compare, read_scanned_file
from tests.factories import PINS, SHELF, TECH, sample, seed
from tests.ui.pdf_checks import page_sizes_mm, pdf_text
from ui.cli import main


@pytest.fixture
def shelf(db):
    """Three containers on the shelf (two with a sample, one empty) and one in another cabinet."""
    positions = seed(db, positions=4)
    sample(db, "CE5C0400YJFM00501", barcode="JAR-1", position=positions[0])
    sample(db, "CE5C0400YJFM00502", barcode="JAR-2", position=positions[1])
    inventory.add_container(db, TECH, "VIAL-3", "vial", positions[2])
    inventory.add_location(db, TECH, "Lab / Room", "cabinet", "Safe")
    inventory.add_location(db, TECH, "Lab / Room / Safe", "shelf", "Top")
    inventory.add_location(db, TECH, "Lab / Room / Safe / Top", "position", "S1")
    inventory.add_container(db, TECH, "VIAL-9", "vial", "Lab / Room / Safe / Top / S1")
    inventory.add_container(db, TECH, "BAG-0", "bag")
    return positions


def test_compare_names_found_missing_and_unexpected(db, shelf) -> None:
    taken = compare(db, SHELF, ["jar-1", "JAR-1", "VIAL-3", "VIAL-9", "BAG-0", "NOPE-7", "  "])
    assert taken.expected_codes == ["JAR-1", "JAR-2", "VIAL-3"]
    assert (taken.found, taken.missing, taken.unexpected) == (["JAR-1", "VIAL-3"], ["JAR-2"],
                                                              ["VIAL-9", "BAG-0", "NOPE-7"])
    assert taken.elsewhere == {"VIAL-9": "Lab / Room / Safe / Top / S1", "BAG-0": ""}
    assert taken.expected[0].samples == ("CE5C0400YJFM00501",) and taken.expected[2].samples == ()


def test_a_sample_s_label_counts_its_container_and_a_position_s_label_is_passed_over(db, shelf) -> None:
    from curator.occupancy import list_locations

    position = next(entry for entry in list_locations(db, SHELF) if entry.container == "JAR-2")
    taken = compare(db, SHELF, ["ce5c0400yjfm00501", position.barcode, "JAR-2", "CE5C0400YJFM00502"])
    assert (taken.found, taken.missing, taken.unexpected) == (["JAR-1", "JAR-2"], ["VIAL-3"], [])


def test_cli_records_the_stocktake_and_prints_the_content_list(db, db_path, shelf, tmp_path: Path, capsys,
                                                               monkeypatch, qapp) -> None:
    """(after the test QApplication, which the PDF writing then uses)"""
    monkeypatch.setenv("CURATOR_PIN", PINS[TECH])
    db.dispose()
    scans = tmp_path / "scanner.csv"
    scans.write_text("JAR-1,2026-11-27 10:01\nvial-3,2026-11-27 10:02\n\nVIAL-9,2026-11-27 10:03\n", encoding="utf-8")
    assert read_scanned_file(scans) == ["JAR-1", "vial-3", "VIAL-9"]
    pdf = tmp_path / "content.pdf"
    code = main(["stocktake", SHELF, "--scanned", str(scans), "-o", str(pdf), "--operator", TECH,
                 "--db", str(db_path)])
    out = capsys.readouterr().out
    assert code == 1  # something is missing or unexpected
    assert "1 missing" in out and "missing: JAR-2" in out and "unexpected: VIAL-9 (recorded at Lab / Room / Safe" in out
    assert page_sizes_mm(pdf) == [(209.9, 297.0)]  # A4 is 595 x 842 pt
    text = pdf_text(pdf)
    for expected in ("Content list", SHELF, "JAR-1", "CE5C0400YJFM00501", "MISSING", "UNEXPECTED", "VIAL-9"):
        assert expected in text
    location = describe(db, SHELF)
    assert location["history"][-1]["kind"] == "stocktake"
    assert location["history"][-1]["facts"]["missing"] == ["JAR-2"]
    scans.write_text("JAR-1\nJAR-2\nVIAL-3\n", encoding="utf-8")
    assert main(["stocktake", SHELF, "--scanned", str(scans), "--json", "--operator", TECH,
                 "--db", str(db_path)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["found"], shown["missing"], shown["unexpected"]) == (["JAR-1", "JAR-2", "VIAL-3"], [], [])


def test_a_file_that_is_no_scanner_file_is_refused(db, db_path, shelf, tmp_path: Path, capsys) -> None:
    scans = tmp_path / "photo.jpg"
    scans.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(200)))
    assert main(["stocktake", SHELF, "--scanned", str(scans), "--operator", TECH, "--db", str(db_path)]) == 2
    assert "photo.jpg is not UTF-8 text" in capsys.readouterr().err


def test_the_desk_shows_expected_found_unexpected_and_missing_as_you_scan(desk, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                         monkeypatch) -> None:
    from PySide6.QtCore import Qt

    from curator.demo import FACILITY
    from tests.ui.conftest import closed, press_ok
    from ui.dialogs import stocktake_dialog
    from ui.dialogs.stocktake_dialog import StocktakeDialog

    shelf = f"{FACILITY} / Storage room 1 / Nitrogen cabinet N1 / Shelf 1"
    dialog = StocktakeDialog(desk, shelf)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.scan
    expected = compare(desk.db, shelf).expected_codes
    assert dialog.boxes["expected"].title() == f"Expected ({len(expected)})" and len(expected) > 2
    assert not dialog.ok_button.isEnabled()
    for code in [expected[0].lower(), expected[1], "LSL-99999"]:
        qtbot.keyClicks(dialog.scan, code)
        qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    assert [dialog.lists["found"].item(i).text() for i in range(2)] == expected[:2]
    assert dialog.boxes["missing"].title() == f"Missing ({len(expected) - 2})"
    assert dialog.lists["unexpected"].item(0).text() == "LSL-99999  (unknown)"
    target = tmp_path / "content-list.pdf"
    monkeypatch.setattr(stocktake_dialog, "ask_save_path", lambda *args: str(target))
    dialog.print_button.click()
    assert "MISSING" in pdf_text(target) and expected[0] in pdf_text(target)
    press_ok(qtbot, dialog)
    assert closed(dialog)
    last = describe(desk.db, shelf)["history"][-1]
    assert (last["kind"], last["facts"]["found"], last["facts"]["unexpected"]) == ("stocktake", expected[:2],
                                                                                ["LSL-99999"])
