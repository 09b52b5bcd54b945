"""Drawing the allocation charts on a matplotlib Figure (never pyplot): per country or institution as
stacked bars (on loan / returned / consumed, values on the bars) and cumulative mass over time."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from curator.mass import format_mass
from curator.reports import ReportRow

# lupdate reads translate("Context", "literal") calls; the context must be a literal too.
translate = QCoreApplication.translate


def _unit(largest_ug: int) -> tuple[str, int]:
    return ("g", 1_000_000) if largest_ug >= 10_000_000 else ("mg", 1_000)


def _value_text(value: float, unit: str) -> str:
    return f"{value:,.0f} {unit}" if unit == "mg" else f"{value:,.2f} {unit}"


def draw_empty(figure: Any, title: str) -> None:
    figure.clear()
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.set_title(title)
    axes.text(0.5, 0.5, translate("charts", "No allocations match the filters."), ha="center", va="center", fontsize=12)


#: Bars a chart shows before the smallest groups are summed into one "others" bar.
MAX_BARS = 20
SUMMED = ("allocations", "allocated_ug", "handed_over_ug", "returned_ug", "consumed_ug", "on_loan_ug")


def top_groups(rows: list[ReportRow], limit: int = MAX_BARS) -> tuple[list[ReportRow], ReportRow | None]:
    """The ``limit`` largest groups by allocated mass, and one row summing the rest (None if none)."""
    if len(rows) <= limit:
        return rows, None
    ranked = sorted(rows, key=lambda row: (-max(row.allocated_ug, row.handed_over_ug), row.label))
    kept, rest = ranked[:limit], ranked[limit:]
    others = ReportRow("others", translate("charts", "{count} others").format(count=len(rest)),
                       *(sum(getattr(row, name) for row in rest) for name in SUMMED))
    return kept, others


def rounded(micrograms: int) -> str:
    """A mass for a chart label: grams to 2 decimals, milligrams whole (exact values are in the tables)."""
    if micrograms >= 1_000_000:
        return f"{micrograms / 1_000_000:,.2f} g"
    if micrograms >= 1_000:
        return f"{micrograms / 1_000:,.0f} mg"
    return format_mass(micrograms)


def draw_stacked(figure: Any, rows: list[ReportRow], title: str, subtitle: str = "") -> None:
    """Horizontal bars of the mass allocated per group, largest on top, split into on loan / returned /
    consumed / not yet handed over; each wide enough segment and each bar's total carry their value."""
    if not rows:
        draw_empty(figure, title)
        return
    figure.clear()
    axes = figure.add_subplot()
    shown, others = top_groups(rows)
    if others is not None:
        subtitle = translate("charts", "{subtitle}; {count} smaller groups not shown: {allocated} allocated").format(
            subtitle=subtitle, count=len(rows) - len(shown), allocated=rounded(others.allocated_ug))
    rows = sorted(shown, key=lambda row: (max(row.allocated_ug, row.handed_over_ug), row.handed_over_ug))
    totals = [max(row.allocated_ug, row.handed_over_ug) for row in rows]
    unit, factor = _unit(max(totals))
    right = max(totals) / factor * 1.55 or 1.0
    labels = [row.label for row in rows]
    left = [0.0] * len(rows)
    parts = [(translate("charts", "on loan"), "#1e88e5", [row.on_loan_ug for row in rows]),
             (translate("charts", "returned"), "#43a047", [row.returned_ug for row in rows]),
             (translate("charts", "consumed"), "#fb8c00", [row.consumed_ug for row in rows]),
             (translate("charts", "allocated, not yet handed over"), "#b0bec5",
              [max(row.allocated_ug - row.handed_over_ug, 0) for row in rows])]
    for name, colour, micrograms in parts:
        values = [value / factor for value in micrograms]
        bars = axes.barh(labels, values, left=left, color=colour, label=name, height=0.6)
        axes.bar_label(bars, labels=[_value_text(v, unit) if v >= right * 0.045 else "" for v in values],
                       label_type="center", color="white" if colour != "#b0bec5" else "#263238",
                       fontsize=8, fontweight="bold")
        left = [a + b for a, b in zip(left, values, strict=True)]
    for y, (x, row) in enumerate(zip(left, rows, strict=True)):
        text = translate("charts", "{allocated} allocated, {handed} handed over").format(
            allocated=rounded(row.allocated_ug), handed=rounded(row.handed_over_ug))
        axes.text(x + right * 0.006, y, text, va="center", fontsize=8, color="#333")
    axes.set_xlim(0, right)
    axes.set_xlabel(translate("charts", "mass ({unit})").format(unit=unit))
    axes.set_title(f"{title}\n{subtitle}" if subtitle else title, fontsize=11)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.09), ncol=4, fontsize=9, frameon=False)
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
    axes.step(days, [a / factor for _, a, _ in timeline], where="post", color="#6a1b9a",
              label=translate("charts", "allocated"))
    axes.step(days, [h / factor for _, _, h in timeline], where="post", color="#1e88e5",
              label=translate("charts", "handed over"))
    last_day, allocated, handed = timeline[-1]
    for value, colour in ((allocated, "#6a1b9a"), (handed, "#1e88e5")):
        axes.annotate(format_mass(value), (last_day, value / factor), textcoords="offset points", xytext=(4, 4),
                      color=colour, fontsize=9)
    axes.set_ylabel(translate("charts", "cumulative mass ({unit})").format(unit=unit))
    axes.set_xlabel(translate("charts", "date of approval / handover"))
    axes.set_ylim(bottom=0)
    axes.set_title(f"{title}\n{subtitle}" if subtitle else title, fontsize=11)
    axes.legend(loc="upper left")
    axes.grid(alpha=0.3)
    figure.autofmt_xdate()
