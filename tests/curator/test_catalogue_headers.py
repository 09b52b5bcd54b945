"""Catalogues as labs send them: a title or notes rows above the header, Chinese headers beside English."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from curator.catalogue import read_catalogue
from curator.catalogue_format import HEADER_SEARCH_ROWS, map_header
from curator.errors import ValidationError
from curator.storage.db import Database
from tests.curator.catalogue_support import write_csv
from tests.factories import seed


def test_title_and_notes_rows_above_the_header_are_skipped(db: Database, tmp_path: Path) -> None:
    seed(db)
    path = write_csv(tmp_path / "titled.csv", [
        ["Chang'e-5 subsamples sent to the facility, 2026"],
        ["Notes: masses weighed on receipt; container barcodes as printed"],
        [],
        ["Sample ID", "Type", "Mass (mg)", "Container"],
        ["CE5-T1", "powder", "12.5", ""],
        ["CE5-T2", "Cheese", "3", ""]])
    plan = read_catalogue(db, path, "CE5")
    assert [(s.row, s.number, s.mass_ug) for s in plan.samples] == [(5, "CE5-T1", 12_500)]
    assert [(e.row, "unknown kind" in e.message) for e in plan.errors] == [(6, True)]


def test_a_workbook_with_a_title_row_reads_from_its_header(db: Database, tmp_path: Path) -> None:
    seed(db)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Catalogue of returned samples"])
    sheet.merge_cells("A1:D1")
    sheet.append([None, "prepared by the lab", None, None])
    for row in (["ID", "Type", "Weight (g)", "Parent"], ["CE5-W1", "soil", 0.5, None]):
        sheet.append(row)
    workbook.save(tmp_path / "titled.xlsx")
    plan = read_catalogue(db, tmp_path / "titled.xlsx", "CE5")
    assert plan.errors == [] and [(s.row, s.mass_ug) for s in plan.samples] == [(4, 500_000)]


@pytest.mark.parametrize(("header", "role", "unit"), [
    ("样品编号", "id", None), ("类型", "kind", None), ("质量 (mg)", "mass", "mg"), ("重量 (g)", "mass", "g"),
    ("重量（g）", "mass", "g"), ("质量(mg)", "mass", "mg"), ("母样", "parent", None), ("容器", "container", None),
    ("任务", "mission", None)])
def test_chinese_headers_mean_what_their_english_ones_do(header: str, role: str, unit: str | None) -> None:
    column = map_header(header)
    assert (column.role, column.unit, column.header) == (role, unit, header)


def test_a_catalogue_with_chinese_headers_imports(db: Database, tmp_path: Path) -> None:
    seed(db)
    path = write_csv(tmp_path / "zh.csv", [
        ["嫦娥五号样品清单"],
        ["样品编号", "任务", "类型", "重量 (g)", "母样", "容器", "备注"],
        ["CE5-Z1", "CE5", "powder", "0,25", "", "", "首批"],
        ["CE5-Z2", "嫦娥五号", "soil", "1.5", "CE5-Z1", "", ""]])
    plan = read_catalogue(db, path, "all")
    assert plan.errors == []
    assert [(s.row, s.number, s.mission, s.mass_ug, s.parent) for s in plan.samples] == [
        (3, "CE5-Z1", "CE5", 250_000, None), (4, "CE5-Z2", "CE5", 1_500_000, "CE5-Z1")]
    assert plan.samples[0].note == "备注: 首批"


def test_a_header_too_far_down_or_missing_is_one_clear_error(db: Database, tmp_path: Path) -> None:
    seed(db)
    notes = [[f"note {i}"] for i in range(HEADER_SEARCH_ROWS)]
    late = write_csv(tmp_path / "late.csv", [*notes, ["ID", "Type", "Mass (mg)"], ["CE5-L", "soil", "1"]])
    with pytest.raises(ValidationError, match=f"no header row .*first {HEADER_SEARCH_ROWS} rows"):
        read_catalogue(db, late, "CE5")
    partial = write_csv(tmp_path / "partial.csv", [["Title"], ["ID", "Type", "Remarks"], ["CE5-P", "soil", "x"]])
    with pytest.raises(ValidationError, match=r"no column for mass \(headers on row 2: ID, Type, Remarks\)"):
        read_catalogue(db, partial, "CE5")


@pytest.mark.parametrize("text", [
    "Samples returned, 2020, CE5\nID;Type;Weight (g)\nCE5-S1;soil;0,250\nCE5-S2;soil;1,5\n",
    "Notes;see the lab book\n\nID;Type;Weight (g);Remark\nCE5-S1;soil;0,250;sieved, <1 mm\nCE5-S2;soil;1,5;a, b\n",
    "Title\tonly\nID\tType\tWeight (g)\nCE5-S1\tsoil\t0,250\nCE5-S2\tsoil\t1,5\n",
])
def test_the_delimiter_is_the_one_that_makes_a_header(db: Database, tmp_path: Path, text: str) -> None:
    seed(db)
    (tmp_path / "eu.csv").write_text(text, encoding="utf-8")
    plan = read_catalogue(db, tmp_path / "eu.csv", "CE5")
    assert plan.errors == [] and [(s.number, s.mass_ug) for s in plan.samples] == [("CE5-S1", 250_000),
                                                                                   ("CE5-S2", 1_500_000)]
