"""The A4 handover sheet rendered to PDF: QR of the reference, every split, total, signatures, chain code."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from curator.errors import RuleViolation
from curator.events import chain_head_code
from curator.mass import format_mass
from curator.outputs.handover import handover_sheet
from curator.storage.db import Database
from tests.ui.pdf_checks import decode, page_sizes_mm, pdf_text, rasterise
from ui.handover_print import page_count, write_handover_pdf

REFERENCE = "CE5-INT-2025-01"


def test_sheet_states_everything_needed_to_hand_over(demo_db: Database, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = handover_sheet(demo_db, REFERENCE)
    pdf = tmp_path / "handover.pdf"
    assert write_handover_pdf(pdf, sheet) == 1
    assert page_sizes_mm(pdf) == [(209.9, 297.0)]  # A4 is 595 x 842 pt
    assert decode(rasterise(pdf, tmp_path / "png")[0]) == [("QR-Code", REFERENCE)]
    text = pdf_text(pdf)
    for expected in (REFERENCE, "Institut de Physique du Globe de Paris", "France (FR)", "Dr. A. Martin",
                     "Storage conditions", _opening(sheet.storage_conditions[0]), "Signature", "Date",
                     "Released by (curator)",
                     "Received by (recipient)", format_mass(sheet.total_ug)):
        assert expected in text, expected
    for item in sheet.items:
        assert item.number in text and item.container in text
        assert format_mass(item.mass_ug) in text
    with demo_db.read() as session:
        assert chain_head_code(session) in text


def test_bilingual_sheet_has_chinese_and_english(demo_db: Database, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "bilingual.pdf"
    sheet = handover_sheet(demo_db, REFERENCE)
    write_handover_pdf(pdf, sheet, bilingual=True)
    text = pdf_text(pdf)
    for expected in ("月球样品交接单", "Lunar sample handover sheet", "接收人", "签名", "日期", "保存条件", "高纯氮气"):
        assert expected in text, expected


def test_many_splits_continue_on_more_pages(demo_db: Database, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = handover_sheet(demo_db, REFERENCE)
    many = dataclasses.replace(sheet, items=tuple(
        dataclasses.replace(item, number=f"{item.number}-{index:03d}") for index in range(40) for item in sheet.items))
    pdf = tmp_path / "long.pdf"
    pages = write_handover_pdf(pdf, many)
    assert pages == page_count(many, False) == len(page_sizes_mm(pdf)) >= 3
    text = pdf_text(pdf)
    assert all(item.number in text for item in many.items)
    assert f"page {pages} / {pages}" in text and text.count("Signature") == 2
    assert decode(rasterise(pdf, tmp_path / "png", last_page=1)[0]) == [("QR-Code", REFERENCE)]


def test_an_allocation_with_nothing_prepared_has_no_sheet(demo_db: Database) -> None:
    with pytest.raises(RuleViolation, match="nothing to hand over"):
        handover_sheet(demo_db, "CE6-2025-B9-04")  # approved, no split prepared yet


def test_storage_conditions_follow_the_cabinet_atmosphere(demo_db: Database) -> None:
    sheet = handover_sheet(demo_db, REFERENCE)
    assert sheet.atmosphere == "nitrogen"  # the demo's loan vials stand under nitrogen, as their parents
    english, chinese = sheet.storage_conditions
    assert english and chinese


def _opening(text: str) -> str:
    """The first words of a sentence: on one line of the PDF whatever the wrapping."""
    return " ".join(text.split()[:3])
