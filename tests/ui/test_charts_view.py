"""The charts view: figures computed off the GUI thread, filters, full country names, saving."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog

from ui.views.charts_view import ChartsView


@pytest.fixture
def view(desk, qtbot) -> ChartsView:  # type: ignore[no-untyped-def]
    widget = ChartsView(desk)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.job is not None and not widget.job.running and widget.status.text() == "")
    return widget


def _wait(qtbot, view: ChartsView) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not view.job.running and view.status.text() == "", timeout=10_000)


def _texts(view: ChartsView) -> list[str]:
    axes = view.figure.axes[0]
    return [label.get_text() for label in axes.get_yticklabels()] + [text.get_text() for text in axes.texts]


def test_per_country_bars_are_stacked_labelled_and_named_in_full(view: ChartsView) -> None:
    axes = view.figure.axes[0]
    labels = _texts(view)
    assert "United Kingdom" in labels and "China" in labels and "GB" not in labels
    assert "Macao" not in labels  # the demo's loan to Macao counts under China, as the lender reports it
    assert [text.get_text() for text in axes.get_legend().get_texts()] == [
        "on loan", "returned", "consumed", "allocated, not yet handed over"]
    assert "mg" in axes.get_xlabel() and "allocated per country" in axes.get_title()
    assert any("allocated, " in text and "handed over" in text for text in labels)
    on_bar = [text.get_text() for text in axes.texts if text.get_text().endswith(" mg")]
    assert on_bar, "values are written on the bars"


def test_mission_and_date_filters_change_the_figure(view: ChartsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.mission.setCurrentIndex(view.mission.findData("CE6"))
    _wait(qtbot, view)
    assert "United Kingdom" not in _texts(view) and "CE6" in view.figure.axes[0].get_title()
    view.mission.setCurrentIndex(0)
    view.date_from.setDate(QDate(2030, 1, 1))
    view.use_from.setChecked(True)
    _wait(qtbot, view)
    assert "No allocations match the filters." in [t.get_text() for t in view.figure.axes[0].texts]


def test_per_institution_and_cumulative(view: ChartsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.chart.setCurrentIndex(view.chart.findData("institution"))
    _wait(qtbot, view)
    assert "Osaka University" in _texts(view)
    view.chart.setCurrentIndex(view.chart.findData("cumulative"))
    _wait(qtbot, view)
    axes = view.figure.axes[0]
    assert len(axes.lines) == 2 and "cumulative" in axes.get_ylabel()


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_save_as_png_svg_pdf(view: ChartsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot,  # type: ignore[no-untyped-def]
                             suffix: str) -> None:
    target = tmp_path / f"chart.{suffix}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    qtbot.mouseClick(view.save, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    assert target.stat().st_size > 1000
    magic = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}[suffix]
    assert target.read_bytes().startswith(magic)


def test_chinese_text_renders_with_a_cjk_font(view: ChartsView, recwarn: pytest.WarningsRecorder) -> None:
    from matplotlib import font_manager

    font = font_manager.findfont(font_manager.FontProperties(family=["Noto Sans CJK JP"]), fallback_to_default=False)
    assert "NotoSansCJK" in font
    axes = view.figure.axes[0]
    axes.set_title("按国家分配的月球样品质量")
    view.canvas.draw()
    assert not [w for w in recwarn if "missing from font" in str(w.message)]


def test_many_groups_keep_the_largest_and_sum_the_rest() -> None:
    from curator.reports import ReportRow
    from ui.charts.figures import MAX_BARS, top_groups

    rows = [ReportRow(f"I{i:03d}", f"Institute {i:03d}", 1, 1000 * i, 1000 * i, 0, 0, 1000 * i) for i in range(1, 61)]
    shown, others = top_groups(rows)
    assert len(shown) == MAX_BARS and shown[0].label == "Institute 060"
    assert others is not None and others.label == f"{60 - MAX_BARS} others"
    assert sum(row.allocated_ug for row in shown) + others.allocated_ug == sum(row.allocated_ug for row in rows)
    assert top_groups(rows[:3]) == (rows[:3], None)


def test_the_timeline_is_filtered_as_the_reports_are(demo_db) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from curator.loans import cumulative_allocated
    from curator.reports import ReportFilter, mass_report, report_total

    everything = cumulative_allocated(demo_db)
    days = [day for day, _, _ in everything]
    assert days == sorted(days) and everything[-1][1] == report_total(mass_report(demo_db, "mission")).allocated_ug
    ce6 = cumulative_allocated(demo_db, ReportFilter("CE6"))
    assert ce6[-1][1] == report_total(mass_report(demo_db, "mission", ReportFilter("CE6"))).allocated_ug
    assert cumulative_allocated(demo_db, ReportFilter(None, date(2030, 1, 1))) == []


def test_a_chinese_desk_draws_its_charts_in_chinese(desk, qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    import build_translations
    from ui.language import install_translators, remove_translators

    build_translations.compile_all(out=tmp_path)
    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    installed = install_translators(qapp, QLocale("zh_CN"), tmp_path)
    try:
        widget = ChartsView(desk)
        qtbot.addWidget(widget)
        widget.resize(1200, 800)
        widget.show()
        _wait(qtbot, widget)
        axes = widget.figure.axes[0]
        labels = _texts(widget)
        assert "中国" in labels and "英国" in labels and "China" not in labels
        assert "国" in axes.get_title() and not any(char.isascii() and char.isalpha()
                                                     for char in axes.get_title().split("\n")[0])
        legend = [text.get_text() for text in axes.get_legend().get_texts()]
        assert legend and not any("on loan" in text or "returned" in text for text in legend)
    finally:
        remove_translators(installed)
        QLocale.setDefault(before)
