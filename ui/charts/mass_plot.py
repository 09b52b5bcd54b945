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
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(4, 2.4), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumSize(320, 200)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)

    def show_points(self, points: list[MassPoint]) -> None:
        self.figure.clear()
        axes = self.figure.add_subplot()
        if points:
            largest = max(point.mass_ug for point in points)
            unit, factor = ("g", 1_000_000) if largest >= 1_000_000 else ("mg", 1_000)
            times = [point.occurred_at for point in points]
            values = [point.mass_ug / factor for point in points]
            axes.step(times, values, where="post", marker="o", markersize=3, color="#1565c0")
            axes.set_ylabel(self.tr("mass ({unit})").format(unit=unit))
            axes.margins(y=0.15)
            axes.tick_params(labelsize=8)
            self.figure.autofmt_xdate()
        self.canvas.draw_idle()
