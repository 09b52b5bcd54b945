"""The charts view: mass per country or institution (stacked on loan / returned / consumed) and
cumulative over time, filtered by mission and dates; saved as PNG, SVG or PDF. Matplotlib is imported
the first time the view is shown, and the figures are computed off the GUI thread."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from curator.changes import Changes
from curator.directory import list_missions
from curator.loans import cumulative_allocated
from curator.reports import ReportFilter, ReportRow, mass_report
from ui.desk import Desk
from ui.save_location import ask_save_path, file_name
from ui.text import date_format, day
from ui.widgets.document_language import desk_country_name
from ui.worker import BackgroundJob

CHARTS = ("country", "institution", "cumulative")


def countries_in_desk_language(rows: list[ReportRow]) -> list[ReportRow]:
    """The rows of a report per country with the country names in the desk's language (中国 on a Chinese desk)."""
    return [replace(row, label=desk_country_name(row.key)) for row in rows]


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ChartsView(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.canvas: Any = None
        self.figure: Any = None
        self.job: BackgroundJob | None = None
        self.dirty = True
        self.chart = QComboBox(self)
        self.chart.setObjectName("chartKind")
        for key, text in zip(CHARTS, (self.tr("Mass per country"), self.tr("Mass per institution"),
                                      self.tr("Cumulative over time")), strict=True):
            self.chart.addItem(text, key)
        self.mission = QComboBox(self)
        self.mission.setObjectName("chartMission")
        self.mission.addItem(self.tr("All missions"), "")
        for code in list_missions(desk.db):
            self.mission.addItem(code, code)
        self.use_from, self.date_from = QCheckBox(self.tr("From"), self), QDateEdit(QDate(2020, 12, 17), self)
        self.use_to, self.date_to = QCheckBox(self.tr("to"), self), QDateEdit(QDate.currentDate(), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
        self.save = QPushButton(self.tr("Sav&e as…"), self)
        self.save.setObjectName("saveChart")
        self.status = QLabel(self)
        self.holder = QVBoxLayout()
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("Chart:"), self), self.chart, QLabel(self.tr("Mission:"), self), self.mission,
                       self.use_from, self.date_from, self.use_to, self.date_to):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(self.holder, 1)
        for signal in (self.chart.currentIndexChanged, self.mission.currentIndexChanged, self.use_from.toggled,
                       self.use_to.toggled, self.date_from.dateChanged, self.date_to.dateChanged):
            signal.connect(self.redraw)
        self.save.clicked.connect(self.save_figure)
        desk.changed.connect(self._mark_dirty)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self.dirty:
            self.redraw()

    @Slot(object)
    def _mark_dirty(self, changes: Changes) -> None:
        if not (changes.everything or changes.allocations):  # the charts show only what was lent
            return
        self.dirty = True
        if self.isVisible():
            self.redraw()

    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from ui.charts.fonts import configure_matplotlib

        configure_matplotlib()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from ui.charts.toolbar import ChartToolbar

        self.figure = Figure(figsize=(10, 6), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setObjectName("chartCanvas")
        self.holder.addWidget(ChartToolbar(self.canvas, self))
        self.holder.addWidget(self.canvas, 1)

    def report_filter(self) -> ReportFilter:
        return ReportFilter(self.mission.currentData() or None,
                            _to_date(self.date_from.date()) if self.use_from.isChecked() else None,
                            _to_date(self.date_to.date()) if self.use_to.isChecked() else None)

    def _subtitle(self, report_filter: ReportFilter) -> str:
        parts = [report_filter.mission or self.tr("all missions")]
        if report_filter.date_from or report_filter.date_to:
            parts.append(self.tr("requested {start} – {end}").format(
                start=day(report_filter.date_from) or "…", end=day(report_filter.date_to) or "…"))
        return ", ".join(parts)

    @Slot()
    def redraw(self) -> BackgroundJob:
        """Compute the chosen figure's data off the GUI thread, then draw it."""
        self._ensure_canvas()
        self.dirty = False
        kind, report_filter, db = self.chart.currentData(), self.report_filter(), self.desk.db
        if self.job is not None and self.job.running:
            self.job.cancel()
        self.status.setText(self.tr("Computing…"))

        def work(_cancelled: Any) -> Any:
            if kind == "cumulative":
                return cumulative_allocated(db, report_filter)
            return mass_report(db, kind, report_filter)

        self.job = BackgroundJob(self, self.tr("Computing the chart…"), work,
                                 lambda data: self._draw(kind, report_filter, data))
        return self.job

    def _draw(self, kind: str, report_filter: ReportFilter, data: Any) -> None:
        from ui.charts.figures import draw_cumulative, draw_stacked

        subtitle = self._subtitle(report_filter)
        if kind == "cumulative":
            draw_cumulative(self.figure, data, self.tr("Lunar sample mass allocated and handed over"), subtitle)
        elif kind == "country":
            draw_stacked(self.figure, countries_in_desk_language(data),
                         self.tr("Lunar sample mass allocated per country"), subtitle)
        else:
            draw_stacked(self.figure, data, self.tr("Lunar sample mass allocated per institution"), subtitle)
        self.canvas.draw()
        self.status.setText("")

    @Slot()
    def save_figure(self) -> str:
        """Save the chart shown as PNG, SVG or PDF (by the chosen file's extension)."""
        self._ensure_canvas()
        path = ask_save_path(self, self.tr("Save chart"), file_name(f"chart-{self.chart.currentData()}", "png"),
                             self.tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"))
        if path:
            self.figure.savefig(path, dpi=150)
            self.status.setText(self.tr("Saved {path}").format(path=path))
        return path
