"""The small mass-over-time plot of the sample detail view (matplotlib, imported on first use)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from curator.rows import MassPoint
from ui.charts.fonts import configure_matplotlib


class MassPlot(QWidget):
    """A step line of a sample's mass after each event that stated it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        configure_matplotlib()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(4, 2.4), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumSize(320, 200)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        # Axes and line are made once and updated in place: clearing a figure costs tens of milliseconds.
        self.axes = self.figure.add_subplot()
        locator = AutoDateLocator()
        self.axes.xaxis.set_major_locator(locator)
        # Months as numbers (2021, 07, 2022...): no English month names on a Chinese desk.
        formats = ["%Y", "%m", "%d", "%H:%M", "%H:%M", "%S.%f"]
        zero_formats = ["", "%Y", "%m", "%m-%d", "%H:%M", "%H:%M"]
        self.axes.xaxis.set_major_formatter(ConciseDateFormatter(locator, formats=formats, zero_formats=zero_formats))
        self.axes.tick_params(labelsize=8)
        (self.line,) = self.axes.plot([], [], drawstyle="steps-post", marker="o", markersize=3, color="#1565c0")

    def show_points(self, points: list[MassPoint]) -> None:
        largest = max((point.mass_ug for point in points), default=0)
        unit, factor = ("g", 1_000_000) if largest >= 1_000_000 else ("mg", 1_000)
        times = [point.occurred_at for point in points]
        self.line.set_data(times, [point.mass_ug / factor for point in points])  # type: ignore[arg-type]  # date units
        self.axes.set_ylabel(self.tr("mass ({unit})").format(unit=unit) if points else "")
        self.axes.relim()
        self.axes.autoscale_view()
        self.axes.margins(y=0.15)
        self.canvas.draw_idle()
