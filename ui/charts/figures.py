"""Drawing the allocation charts on a matplotlib Figure (never pyplot): per country or institution as
stacked bars (on loan / returned / consumed, values on the bars) and cumulative mass over time."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from curator.mass import format_mass
from curator.reports import ReportRow

PARTS = (("on_loan_ug", "#1e88e5"), ("returned_ug", "#43a047"), ("consumed_ug", "#fb8c00"))


def tr(text: str) -> str:
    return QCoreApplication.translate("charts", text)


def _unit(largest_ug: int) -> tuple[str, int]:
    return ("g", 1_000_000) if largest_ug >= 10_000_000 else ("mg", 1_000)


def _value_text(value: float, unit: str) -> str:
    return f"{value:,.0f} {unit}" if unit == "mg" else f"{value:,.2f} {unit}"


def draw_empty(figure: Any, title: str) -> None:
    figure.clear()
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.set_title(title)
    axes.text(0.5, 0.5, tr("No allocations match the filters."), ha="center", va="center", fontsize=12)


def draw_stacked(figure: Any, rows: list[ReportRow], title: str, subtitle: str = "") -> None:
    """Horizontal stacked bars, largest group on top; each segment and each total carries its value."""
    if not rows:
        draw_empty(figure, title)
        return
    figure.clear()
    axes = figure.add_subplot()
    rows = sorted(rows, key=lambda row: (row.handed_over_ug, row.allocated_ug))  # barh: largest on top
    unit, factor = _unit(max(max(row.allocated_ug, row.handed_over_ug) for row in rows))
    labels = [row.label for row in rows]
    left = [0.0] * len(rows)
    names = {"on_loan_ug": tr("on loan"), "returned_ug": tr("returned"), "consumed_ug": tr("consumed")}
    largest = max(row.handed_over_ug for row in rows) / factor or 1.0
    for field, colour in PARTS:
        values = [getattr(row, field) / factor for row in rows]
        bars = axes.barh(labels, values, left=left, color=colour, label=names[field], height=0.6)
        axes.bar_label(bars, labels=[_value_text(v, unit) if v >= largest * 0.12 else "" for v in values],
                       label_type="center", color="white", fontsize=8, fontweight="bold")
        left = [a + b for a, b in zip(left, values)]
    totals = [row.handed_over_ug for row in rows]
    for y, (x, total, row) in enumerate(zip(left, totals, rows)):
        text = tr("{handed} handed over of {allocated} allocated").format(
            handed=format_mass(total), allocated=format_mass(row.allocated_ug))
        axes.text(x + largest * 0.01, y, text, va="center", fontsize=8, color="#333")
    axes.set_xlim(0, largest * 1.6)
    axes.set_xlabel(tr("mass handed over ({unit})").format(unit=unit))
    axes.set_title(f"{title}\n{subtitle}" if subtitle else title, fontsize=11)
    axes.legend(loc="lower right", fontsize=9)
    axes.grid(axis="x", alpha=0.3)
    axes.tick_params(axis="y", labelsize=9)


def draw_cumulative(figure: Any, timeline: list[tuple[date, int, int]], title: str, subtitle: str = "") -> None:
    """Cumulative mass approved for loan and handed over, as steps over time."""
    if not timeline:
        draw_empty(figure, title)
        return
    figure.clear()
    axes = figure.add_subplot()
    unit, factor = _unit(max(allocated for _, allocated, _ in timeline))
    timeline = [(timeline[0][0], 0, 0), *timeline]
    days = [day for day, _, _ in timeline]
    axes.step(days, [a / factor for _, a, _ in timeline], where="post", color="#6a1b9a", label=tr("allocated"))
    axes.step(days, [h / factor for _, _, h in timeline], where="post", color="#1e88e5", label=tr("handed over"))
    last_day, allocated, handed = timeline[-1]
    for value, colour in ((allocated, "#6a1b9a"), (handed, "#1e88e5")):
        axes.annotate(format_mass(value), (last_day, value / factor), textcoords="offset points", xytext=(4, 4),
                      color=colour, fontsize=9)
    axes.set_ylabel(tr("cumulative mass ({unit})").format(unit=unit))
    axes.set_xlabel(tr("date of approval / handover"))
    axes.set_ylim(bottom=0)
    axes.set_title(f"{title}\n{subtitle}" if subtitle else title, fontsize=11)
    axes.legend(loc="upper left")
    axes.grid(alpha=0.3)
    figure.autofmt_xdate()
