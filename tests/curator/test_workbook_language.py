"""The allocation workbook in Chinese, English or both: sheet names, headers, words in cells, the About
sheet; read back with openpyxl (test_spreadsheets_recalc.py has LibreOffice compute its totals)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from curator.errors import ValidationError
from curator.outputs.output_words import CHINESE, SHEET_NAMES, say
from curator.outputs.spreadsheets import REGISTER, SAMPLES, ExportOptions, export_workbook
from curator.reports import mass_report
from curator.storage.db import Database

CHINESE_SHEETS = ["分配登记", "交接样品", "按国家汇总", "按借用单位汇总", "说明", "按国家图表", "按借用单位图表"]


def _rows(sheet) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    headers = [cell.value for cell in sheet[1]]
    return [dict(zip(headers, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_every_word_of_the_workbook_has_its_chinese() -> None:
    headers = {column.header for column in (*REGISTER, *SAMPLES)}
    assert headers <= set(CHINESE)
    assert all(len(name) <= 31 and "/" not in name for name in (*SHEET_NAMES.values(),
               *(f"{english} {chinese}" for english, chinese in SHEET_NAMES.items())))


def test_a_chinese_workbook(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "zh.xlsx"
    result = export_workbook(demo_db, out, ExportOptions(operator="陈静", language="zh"))
    workbook = load_workbook(out)
    assert workbook.sheetnames == result.sheets == CHINESE_SHEETS
    register = _rows(workbook["分配登记"])
    assert list(register[0])[:9] == ["编号", "借用单位", "国家", "国家名称", "ISO 代码", "项目负责人", "任务", "状态",
                                     "批准质量 (mg)"]
    macao = next(row for row in register if row["ISO 代码"] == "MO")
    assert (macao["国家"], macao["国家名称"]) == ("CN", "中国（澳门）")
    assert {row["状态"] for row in register} >= {"已交接", "已归还"}
    assert isinstance(register[0]["批准质量 (mg)"], float | int)
    samples = _rows(workbook["交接样品"])
    assert {row["类型"] for row in samples} <= set(CHINESE.values()) and samples
    by_country = _rows(workbook["按国家汇总"])
    assert [row["国家"] for row in by_country] == [row.key for row in mass_report(demo_db, "country")] + ["合计"]
    assert by_country[[row["国家"] for row in by_country].index("CN")]["国家名称"] == "中国"
    assert "'分配登记'!" in str(by_country[0]["分配数"]) and '"已申请"' in str(by_country[0]["分配数"])
    about = {row[0]: row[1] for row in workbook["说明"].iter_rows(values_only=True) if row[0]}
    assert "Curator 样品分配工作簿" in about and about["操作员"] == "陈静" and about["任务"] == "全部任务"
    assert "curator verify --head" in about["监管链校验码"]


def test_a_bilingual_workbook(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "both.xlsx"
    export_workbook(demo_db, out, ExportOptions(language="both"))
    workbook = load_workbook(out)
    assert workbook.sheetnames[0] == "Allocations 分配登记"
    register = workbook["Allocations 分配登记"]
    headers = [cell.value for cell in register[1]]
    assert headers[:2] == ["Reference / 编号", "Institution / 借用单位"]
    assert register.column_dimensions["I"].width >= 27  # "Approved (mg) / 批准质量 (mg)" fits
    statuses = {row["Status / 状态"] for row in _rows(register)}
    assert "handed over / 已交接" in statuses
    assert say("handed_over", "both") == "handed over / 已交接"


def test_an_english_workbook_stays_english(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "en.xlsx"
    export_workbook(demo_db, out, ExportOptions(language="en"))
    text = " ".join(str(cell) for sheet in load_workbook(out).worksheets
                    for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None)
    assert not any("\u4e00" <= char <= "\u9fff" for char in text.replace("Chang'e", ""))


def test_an_unknown_language_is_refused_and_writes_nothing(demo_db: Database, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="unknown language 'fr'"):
        export_workbook(demo_db, tmp_path / "fr.xlsx", ExportOptions(language="fr"))
    assert not (tmp_path / "fr.xlsx").exists()
