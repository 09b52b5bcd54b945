"""`curator reminders`, `remind` and `inventory statements|confirm` on the demo database, in process (after
the test QApplication, which the PDF writing then uses)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.factories import signs_as
from tests.ui.pdf_checks import pdf_text
from ui.cli import main


def test_reminders_are_listed_then_sent_with_a_letter(demo_path: Path, tmp_path: Path, capsys, qapp,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    assert main(["reminders", "--db", str(demo_path), "--today", "2027-06-20", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    brown = [item for item in listed if item["institution"] == "Brown University"]
    assert {(item["state"], item["step"]) for item in brown} == {("due_soon", "return-30"),
                                                                 ("inventory_late", "inventory2026+120")}
    monkeypatch.setenv("CURATOR_PIN", signs_as("Chen Jing")["CURATOR_PIN"])
    letter = tmp_path / "brown.pdf"
    assert main(["remind", "Brown University", "-o", str(letter), "--email", str(tmp_path / "brown.txt"),
                 "--today", "2027-06-20", "--operator", "Chen Jing", "--db", str(demo_path)]) == 0
    assert "2 item(s) recorded as sent" in capsys.readouterr().out
    text = pdf_text(letter)
    assert "CE5-INT-2025-06" in text and "月球样品借用提醒" in text
    assert "is due back on 2027-06-30, in 10 days" in (tmp_path / "brown.txt").read_text(encoding="utf-8")
    main(["reminders", "--db", str(demo_path), "--today", "2027-06-20"])
    assert "Brown University" not in capsys.readouterr().out


def test_statements_written_filled_and_confirmed(demo_path: Path, tmp_path: Path, capsys, qapp,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "statements"
    assert main(["inventory", "statements", "--year", "2026", "-o", str(out), "--institution", "Osaka University",
                 "--today", "2027-01-04", "--db", str(demo_path)]) == 0
    pdf, xlsx = out / "inventory-2026-Osaka-University.pdf", out / "inventory-2026-Osaka-University.xlsx"
    text = pdf_text(pdf)
    assert "Yearly inventory statement 2026" in text and "CE5-INT-2025-03" in text and "年度样品清点表" in text
    workbook = load_workbook(xlsx)
    rows = [row for row in workbook["Inventory"].iter_rows() if row[0].value == "CE5-INT-2025-03"]
    for row in rows:
        row[6].value, row[7].value, row[8].value = row[4].value, 0, 0
    workbook.save(xlsx)
    monkeypatch.setenv("CURATOR_PIN", signs_as("Li Wei")["CURATOR_PIN"])
    assert main(["inventory", "confirm", "CE5-INT-2025-01", "--year", "2026", "--from", str(xlsx),
                 "--operator", "Li Wei", "--db", str(demo_path)]) == 2
    assert "says nothing about CE5-INT-2025-01" in capsys.readouterr().err
    assert main(["inventory", "confirm", "Osaka University", "--year", "2026", "--from", str(xlsx),
                 "--operator", "Li Wei", "--db", str(demo_path)]) == 0
    assert "recorded the 2026 inventory of CE5-INT-2025-03" in capsys.readouterr().out


def test_a_return_with_its_treatment_and_the_return_form(demo_path: Path, tmp_path: Path, capsys, qapp,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from curator.loans import allocation_items
    from curator.storage.db import open_database

    db = open_database(demo_path)
    first, second = (item for item in allocation_items(db, "CE5-INT-2025-05"))
    db.dispose()
    monkeypatch.setenv("CURATOR_PIN", signs_as("Zhang Min")["CURATOR_PIN"])
    args = ["return", "CE5-INT-2025-05", "--split", first.number, "--mass", "100 mg", "--operator", "Zhang Min",
            "--db", str(demo_path)]
    assert main([*args, "--treatment", "baked"]) == 2
    assert "unknown treatment 'baked'" in capsys.readouterr().err
    consumed = f"{(first.mass_ug - 100_000) / 1000} mg"
    assert main([*args, "--consumed", consumed, "--treatment", "polished,coated", "--treatment", "irradiated"]) == 0
    assert "treatment polished, coated, irradiated" in capsys.readouterr().out
    form = tmp_path / "form.pdf"
    assert main(["return-form", "CE5-INT-2025-05", "-o", str(form), "--db", str(demo_path)]) == 0
    text = pdf_text(form)
    assert "Lunar sample return form" in text and "月球样品归还单" in text
    assert first.number in text and second.number in text and "still out" in text
    assert "polished 抛光, coated 镀膜, irradiated 辐照" in text


def test_a_result_recorded_from_the_command_line(demo_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CURATOR_PIN", signs_as("Chen Jing")["CURATOR_PIN"])
    args = ["result", "CE5-2021-B1-07", "--operator", "Chen Jing", "--db", str(demo_path)]
    assert main([*args, "--doi", "s41586-021-04100-2"]) == 2
    assert "is not a DOI" in capsys.readouterr().err
    assert main([*args, "--doi", "doi:10.1126/science.abl7957", "--title", "Young lunar volcanism"]) == 0
    assert main([*args, "--complete"]) == 0
    assert "1 result(s) (10.1126/science.abl7957), results complete" in capsys.readouterr().out.splitlines()[-1]
    assert main(["allocation", "show", "CE5-2021-B1-03", "--db", str(demo_path)]) == 0
    assert capsys.readouterr().out.split("\t")[:2] == ["CE5-2021-B1-03", "closed"]
