"""Labels straight to a label printer: each label drawn by the same template code as the PDF (ui/printing.py)
into an image at the printer's resolution, true size, made 1-bit, then encoded (curator/instruments) and sent."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from curator.errors import ValidationError
from curator.instruments import brother_ql, zpl
from curator.instruments.bitmap import Bitmap
from curator.instruments.printers import BROTHER_MEDIA, parse_printer, printer_dpi, send_job
from curator.instruments.uris import PrinterAddress
from curator.outputs.labels import LabelData, LabelTemplate
from ui.printing import MmCanvas, draw_label

MM_PER_INCH = 25.4
#: Grey darker than this prints black.
THRESHOLD = 128


def rasterise(template: LabelTemplate, label: LabelData, dpi: int) -> Bitmap:
    """One label at ``dpi``, true size, 1-bit (black where the drawing is darker than mid grey)."""
    width = round(template.label_width * dpi / MM_PER_INCH)
    height = round(template.label_height * dpi / MM_PER_INCH)
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.setDotsPerMeterX(round(dpi / MM_PER_INCH * 1000))
    image.setDotsPerMeterY(round(dpi / MM_PER_INCH * 1000))
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        draw_label(MmCanvas(painter), template, 0, 0, label)
    finally:
        painter.end()
    grey = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.bytesPerLine() * height)
    black = grey.reshape(height, image.bytesPerLine())[:, :width] < THRESHOLD
    packed = np.packbits(black, axis=1)
    return Bitmap(width, height, tuple(bytes(row) for row in packed))


def check_fits(address: PrinterAddress, template: LabelTemplate) -> None:
    """A Brother takes labels as wide as its 62 mm tape, and die-cut 62 x 29 mm labels only of that size."""
    if address.kind != "brother":
        return
    media = BROTHER_MEDIA[address.media]
    if round(template.label_width) != media.width_mm or (
            media.length_mm and round(template.label_height) != media.length_mm):
        size = f"{media.width_mm} x {media.length_mm} mm labels" if media.length_mm else f"{media.width_mm} mm tape"
        raise ValidationError(f"template {template.name} ({template.label_width:g} x {template.label_height:g} mm) "
                              f"does not fit the printer's {size}")


def label_job(address: PrinterAddress, template: LabelTemplate, labels: list[LabelData]) -> bytes:
    check_fits(address, template)
    bitmaps = [rasterise(template, label, printer_dpi(address)) for label in labels]
    if address.kind == "brother":
        return brother_ql.job(bitmaps, address.model, address.media)
    return zpl.job(bitmaps)


def print_labels(uri: str, template: LabelTemplate, labels: list[LabelData]) -> PrinterAddress:
    """Draw, encode and send; a printer that cannot be reached is one InstrumentError."""
    address = parse_printer(uri)
    send_job(address, label_job(address, template, labels))
    return address
