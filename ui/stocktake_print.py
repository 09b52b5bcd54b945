"""The content list of a location on A4: every container the database places there (position, barcode,
kind, samples, mass) and, after a stocktake, whether each was found, plus the codes found that do not
belong there. Printed from the stocktake dialog and `curator stocktake -o`."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QPagedPaintDevice

from curator.events import utcnow
from curator.mass import format_mass
from curator.stocktake import Stocktake
from ui.printing import canvas_on, write_pdf

PAGE_W, PAGE_H, MARGIN, TOP = 210.0, 297.0, 15.0, 14.0
ROW_H = 6.0
FOOTER_Y = PAGE_H - 10.0
#: (heading, width in mm, alignment)
COLUMNS = (("Position", 62, "left"), ("Container", 24, "left"), ("Kind", 16, "left"), ("Samples", 46, "left"),
           ("Mass", 17, "right"), ("Stocktake", 15, "left"))


def _cells(taken: Stocktake) -> list[list[str]]:
    found, counted = set(taken.found), bool(taken.scanned)
    rows = []
    for line in taken.expected:
        position = line.position.removeprefix(taken.location).lstrip(" /") or line.position.rsplit(" / ", 1)[-1]
        samples = ", ".join(line.samples) or "empty"
        state = ("found" if line.barcode in found else "MISSING") if counted else ""
        rows.append([position, line.barcode, line.kind, samples, format_mass(line.mass_ug) if line.samples else "",
                     state])
    for code in taken.unexpected:
        where = taken.elsewhere.get(code)
        note = f"recorded at {where}" if where else ("recorded nowhere" if code in taken.elsewhere
                                                    else "not a known container")
        rows.append(["", code, "", note, "", "UNEXPECTED"])
    return rows


def render_content_list(device: QPagedPaintDevice, taken: Stocktake) -> int:
    with canvas_on(device) as canvas:
        page = 1
        rows = _cells(taken)
        width = PAGE_W - 2 * MARGIN

        def header() -> float:
            canvas.text(MARGIN, TOP, width, 9, "Content list", 16, bold=True)
            canvas.text(MARGIN, TOP + 9, width, 6, taken.location, 10, bold=True)
            summary = f"{len(taken.expected)} containers expected, printed {utcnow().astimezone():%Y-%m-%d %H:%M}"
            if taken.scanned:
                summary += (f"; stocktake: {len(taken.found)} found, {len(taken.missing)} missing, "
                            f"{len(taken.unexpected)} unexpected")
            canvas.text(MARGIN, TOP + 15, width, 5, summary, 9)
            y, x = TOP + 23, MARGIN
            for heading, column_width, _align in COLUMNS:
                canvas.text(x + 1, y, column_width - 2, ROW_H, heading, 9, bold=True)
                x += column_width
            canvas.line(MARGIN, y + ROW_H, PAGE_W - MARGIN, y + ROW_H, 0.4)
            return y + ROW_H

        y = header()
        for cells in rows:
            if y + ROW_H > FOOTER_Y - 4:
                canvas.text(MARGIN, FOOTER_Y, width, 5, f"page {page}", 8, align=Qt.AlignmentFlag.AlignRight)
                device.newPage()
                page += 1
                y = header()
            x = MARGIN
            for (_heading, column_width, align), text in zip(COLUMNS, cells, strict=True):
                canvas.text(x + 1, y, column_width - 2, ROW_H, text, 8.5, bold=text in ("MISSING", "UNEXPECTED"),
                            align=Qt.AlignmentFlag.AlignRight if align == "right" else Qt.AlignmentFlag.AlignLeft)
                x += column_width
            canvas.line(MARGIN, y + ROW_H, PAGE_W - MARGIN, y + ROW_H, 0.1)
            y += ROW_H
        canvas.text(MARGIN, FOOTER_Y, width, 5, f"page {page}", 8, align=Qt.AlignmentFlag.AlignRight)
        return page


def write_content_list_pdf(path: str | os.PathLike[str], taken: Stocktake, replace: bool = False,
                           database: str | os.PathLike[str] | None = None) -> int:
    """Write the location's content list as an A4 PDF; returns the number of pages."""
    return write_pdf(path, f"Content list {taken.location}", PAGE_W, PAGE_H,
                     lambda writer: render_content_list(writer, taken), replace, database)
