"""Chinese text takes Simplified Chinese glyph shapes (Noto Sans CJK SC, not JP) in the desk's widgets,
its charts and its PDFs: checked on what is really drawn (Qt's glyph runs, the fonts embedded in PDFs)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QApplication

from curator.outputs.handover import handover_sheet
from curator.storage.db import Database
from tests.ui.pdf_checks import pdf_fonts, pdf_text
from ui.fonts import prefer_simplified_chinese
from ui.handover_print import write_handover_pdf

#: Han characters whose shapes differ between Chinese and Japanese fonts.
CHINESE = "样品 直 骨 返 交接"


def _families_drawing(font: QFont, text: str) -> list[str]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [run.rawFont().familyName() for run in layout.glyphRuns()]


def test_the_desk_draws_chinese_with_the_sc_font(qapp: QApplication) -> None:
    before = QFont(qapp.font())
    try:
        prefer_simplified_chinese(qapp)
        families = _families_drawing(qapp.font(), f"Mass {CHINESE}")
    finally:
        qapp.setFont(before)
    assert "Noto Sans CJK SC" in families and not any("JP" in family for family in families)


def test_charts_draw_chinese_with_the_sc_font(tmp_path: Path) -> None:
    from ui.charts.fonts import configure_matplotlib

    configure_matplotlib()
    from matplotlib.figure import Figure

    figure = Figure()
    axes = figure.add_subplot()
    axes.set_title(f"Mass {CHINESE}")
    axes.set_xlabel("质量 (mg)")
    pdf = tmp_path / "chart.pdf"
    figure.savefig(pdf)
    fonts = pdf_fonts(pdf)
    assert any(name.startswith("NotoSansCJKsc") for name in fonts), fonts
    assert not any("CJKjp" in name for name in fonts), fonts


def test_the_bilingual_handover_sheet_uses_the_sc_font(demo_db: Database, qapp: QApplication,
                                                       tmp_path: Path) -> None:
    pdf = tmp_path / "handover.pdf"
    write_handover_pdf(pdf, handover_sheet(demo_db, "CE5-INT-2025-01"), bilingual=True)
    fonts = pdf_fonts(pdf)
    assert "月球样品交接单" in pdf_text(pdf)
    assert any(name.startswith("NotoSansCJKsc") for name in fonts), fonts
    assert not any("CJKjp" in name for name in fonts), fonts
