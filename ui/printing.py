"""QPainter rendering of labels (and the drawing helpers the handover sheet shares) to QPdfWriter/QPrinter.

Everything is laid out in millimetres and converted with the device's own resolution, so a label is
true size on any printer and in the PDF. QR codes and Code 128 barcodes are drawn as vector rectangles;
text shrinks until it fits its box, so nothing is ever clipped.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from curator.outputs import code128
from curator.outputs.labels import LabelData, LabelTemplate, pages, qr_matrix
from curator.safe_output import check_pdf, write_output
from ui.fonts import PRINT_FAMILIES

PDF_RESOLUTION = 1200
MIN_READABLE_PT = 4.0


def base_font(bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(PRINT_FAMILIES)
    font.setBold(bold)
    return font


class MmCanvas:
    """A QPainter with millimetre coordinates (origin: the paper's top-left corner)."""

    def __init__(self, painter: QPainter) -> None:
        self.painter = painter
        device = painter.device()
        self.px_x = device.logicalDpiX() / 25.4
        self.px_y = device.logicalDpiY() / 25.4

    def rect(self, x: float, y: float, width: float, height: float) -> QRectF:
        return QRectF(x * self.px_x, y * self.px_y, width * self.px_x, height * self.px_y)

    def fitted_font(self, text: str, width: float, height: float, max_pt: float, bold: bool = False) -> QFont:
        """The largest font up to ``max_pt`` in which ``text`` fits ``width`` x ``height`` mm on one line."""
        font = base_font(bold)
        size = max_pt
        for _ in range(60):
            font.setPointSizeF(size)
            metrics = QFontMetricsF(font, self.painter.device())
            needed_w, needed_h = metrics.horizontalAdvance(text), metrics.height()
            box_w, box_h = width * self.px_x, height * self.px_y
            if needed_w <= box_w and needed_h <= box_h:
                return font
            size *= max(0.5, min(0.97, box_w / max(needed_w, 1e-9), box_h / max(needed_h, 1e-9)))
        return font

    def text(self, x: float, y: float, width: float, height: float, text: str, max_pt: float,
             bold: bool = False, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> float:
        """Draw ``text`` shrunk to fit the box (vertically centred); returns the point size used."""
        if not text:
            return 0.0
        font = self.fitted_font(text, width, height, max_pt, bold)
        self.painter.setFont(font)
        self.painter.setPen(QColor("black"))
        self.painter.drawText(self.rect(x, y, width, height), int(align | Qt.AlignmentFlag.AlignVCenter), text)
        return font.pointSizeF()

    def paragraph(self, x: float, y: float, width: float, height: float, text: str, max_pt: float,
                  bold: bool = False, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> float:
        """Draw word-wrapped ``text`` from the box's top, shrunk until every line fits; returns the size used."""
        if not text:
            return 0.0
        font = base_font(bold)
        size = max_pt
        box = self.rect(x, y, width, height)
        flags = int(align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        for _ in range(60):
            font.setPointSizeF(size)
            needed = QFontMetricsF(font, self.painter.device()).boundingRect(box, flags, text)
            if needed.height() <= box.height() and needed.width() <= box.width():
                break
            size *= 0.95
        self.painter.setFont(font)
        self.painter.setPen(QColor("black"))
        self.painter.drawText(box, flags, text)
        return size

    def paragraph_height(self, width: float, text: str, pt: float, bold: bool = False) -> float:
        """The height in mm that word-wrapped ``text`` needs at ``pt`` points in a box ``width`` mm wide."""
        font = base_font(bold)
        font.setPointSizeF(pt)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        needed = QFontMetricsF(font, self.painter.device()).boundingRect(self.rect(0, 0, width, 10_000), flags, text)
        return needed.height() / self.px_y

    def line(self, x1: float, y1: float, x2: float, y2: float, width_mm: float = 0.25) -> None:
        pen = QPen(QColor("black"))
        pen.setWidthF(width_mm * self.px_x)
        self.painter.setPen(pen)
        self.painter.drawLine(QPointF(x1 * self.px_x, y1 * self.px_y), QPointF(x2 * self.px_x, y2 * self.px_y))

    def frame(self, x: float, y: float, width: float, height: float, width_mm: float = 0.25) -> None:
        pen = QPen(QColor("black"))
        pen.setWidthF(width_mm * self.px_x)
        self.painter.setPen(pen)
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawRect(self.rect(x, y, width, height))

    def qr(self, box_x: float, box_y: float, size: float, payload: str, quiet_zone: int = 4) -> None:
        """A QR code holding ``payload``, quiet zone included in the square box, as filled rectangles."""
        matrix = qr_matrix(payload)
        count = len(matrix)
        module = size / (count + 2 * quiet_zone)
        left, top = box_x + quiet_zone * module, box_y + quiet_zone * module
        path = QPainterPath()
        for row_index, row in enumerate(matrix):
            column = 0
            while column < count:
                if not row[column]:
                    column += 1
                    continue
                start = column
                while column < count and row[column]:
                    column += 1
                path.addRect(self.rect(left + start * module, top + row_index * module,
                                       (column - start) * module, module))
        self.painter.fillPath(path, QColor("black"))

    def code128(self, x: float, y: float, width: float, height: float, text: str) -> None:
        """A Code 128 barcode of ``text`` stretched to ``width`` mm, quiet zones included."""
        widths = code128.modules(text)
        module = width / code128.total_modules(text)
        position = x + code128.QUIET_ZONE_MODULES * module
        path = QPainterPath()
        for index, modules in enumerate(widths):
            if index % 2 == 0:
                path.addRect(self.rect(position, y, modules * module, height))
            position += modules * module
        self.painter.fillPath(path, QColor("black"))


class PagedSheet(Protocol):
    """A multi-page sheet being drawn: its page number and the footer that ends a page."""

    page: int

    def footer(self) -> None: ...


def turn_page(sheet: PagedSheet, device: QPagedPaintDevice) -> None:
    """End the page with its footer and go on to the next."""
    sheet.footer()
    device.newPage()
    sheet.page += 1


def room_for(sheet: PagedSheet, device: QPagedPaintDevice, y: float, height: float, bottom: float,
             next_top: Callable[[], float]) -> float:
    """Where to draw ``height`` mm: at ``y`` if it ends above ``bottom``, else at ``next_top()`` of a new page
    (called after the turn, so it may draw the page's continued table header)."""
    if y + height <= bottom:
        return y
    turn_page(sheet, device)
    return next_top()


@contextmanager
def canvas_on(device: QPagedPaintDevice) -> Iterator[MmCanvas]:
    """A millimetre canvas painting on ``device`` for the duration of the block."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot draw on the printer or PDF file")
    try:
        yield MmCanvas(painter)
    finally:
        painter.end()


def page_size(width_mm: float, height_mm: float) -> QPageSize:
    if (round(width_mm, 1), round(height_mm, 1)) == (210.0, 297.0):
        return QPageSize(QPageSize.PageSizeId.A4)
    return QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter, "",
                     QPageSize.SizeMatchPolicy.ExactMatch)


def set_page(device: QPagedPaintDevice, width_mm: float, height_mm: float) -> None:
    """Paper of exactly this size, no margins, portrait (a wide label is a wide page, not rotated)."""
    layout = QPageLayout(page_size(width_mm, height_mm), QPageLayout.Orientation.Portrait,
                         QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    device.setPageLayout(layout)
    if hasattr(device, "setFullPage"):
        device.setFullPage(True)  # QPrinter: origin at the paper's corner, not the printable area


def draw_label(canvas: MmCanvas, template: LabelTemplate, x: float, y: float, label: LabelData) -> None:
    qr = template.qr
    canvas.qr(x + qr.x, y + qr.y, min(qr.width, qr.height), label.code, template.quiet_zone_modules)
    for spec in template.fields:
        canvas.text(x + spec.box.x, y + spec.box.y, spec.box.width, spec.box.height, spec.text(label),
                    spec.max_pt, spec.bold)
    if template.barcode is not None:
        box = template.barcode
        canvas.code128(x + box.x, y + box.y, box.width, box.height, label.code)


def render_labels(device: QPagedPaintDevice, template: LabelTemplate, labels: list[LabelData],
                  progress: Callable[[int], None] | None = None) -> int:
    """Draw ``labels`` onto ``device`` page by page (its page size must already be set); returns pages."""
    placed = pages(template, labels)
    with canvas_on(device) as canvas:
        done = 0
        for page_index, page in enumerate(placed):
            if page_index:
                device.newPage()
            for x, y, label in page:
                draw_label(canvas, template, x, y, label)
                done += 1
                if progress is not None:
                    progress(done)
    return len(placed)


def pdf_writer(path: str, width_mm: float, height_mm: float, title: str) -> QPdfWriter:
    writer = QPdfWriter(path)
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator("Curator")
    writer.setTitle(title)
    set_page(writer, width_mm, height_mm)
    return writer


def write_pdf(path: str | os.PathLike[str], title: str, width_mm: float, height_mm: float,
              render: Callable[[QPdfWriter], int], replace: bool = False,
              database: str | os.PathLike[str] | None = None) -> int:
    """Render a PDF with ``render(writer) -> pages`` through curator.safe_output (checked, then renamed into
    place; never over an existing file unless ``replace``, never over a database); returns the pages."""

    def draw(temporary: Path) -> int:
        writer = pdf_writer(str(temporary), width_mm, height_mm, title)
        pages = render(writer)
        del writer  # closes the file
        return pages

    return write_output(path, draw, check_pdf, replace=replace, database=database)


def write_labels_pdf(path: str | os.PathLike[str], template: LabelTemplate, labels: list[LabelData],
                     replace: bool = False, database: str | os.PathLike[str] | None = None) -> int:
    """Render ``labels`` to a PDF at true size; returns the number of pages."""
    if not labels:
        raise ValueError("no labels to print")
    return write_pdf(path, "Curator labels", template.page_width, template.page_height,
                     lambda writer: render_labels(writer, template, labels), replace, database)


def ensure_gui_application() -> None:
    """Fonts and PDF writing need a QGuiApplication; headless (no display) it uses the offscreen platform."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    global _APPLICATION
    _APPLICATION = QGuiApplication(["curator"])


_APPLICATION = None  # kept referenced: a collected QGuiApplication would take Qt down with it
