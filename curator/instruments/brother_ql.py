"""Brother QL raster jobs, written from Brother's published "Raster Command Reference" for the QL-700,
QL-800 series and QL-1100 (not from any GPL library). One job: invalidate, initialise, raster mode, then
per label the print information (media, lines), auto cut, margins, one ``g`` line per raster row, and a
print command (FF between labels, Control-Z after the last)."""

from __future__ import annotations

from curator.instruments.bitmap import Bitmap, crop
from curator.instruments.printers import BROTHER_MEDIA, BROTHER_MODELS, BrotherMedia, BrotherModel

ESC = b"\x1b"
#: ESC i z validity flags: recovery on, media kind, width and length given.
PI_FLAGS = 0x80 | 0x02 | 0x04 | 0x08
ENDLESS, DIE_CUT = 0x0A, 0x0B
AUTO_CUT = 0x40
CUT_AT_END = 0x08
#: Feed margin on endless tape (3 mm at 300 dpi); die-cut labels have their own gap.
ENDLESS_MARGIN_DOTS = 35


def printable(label: Bitmap, media: BrotherMedia) -> Bitmap:
    """The printable middle of a label drawn at 300 dpi, true size: the tape's unprintable edges are cut
    off, never scaled away. Endless tape keeps the label's length."""
    height = media.dots_long or label.height
    return crop(label, (label.width - media.dots_wide) // 2, (label.height - height) // 2, media.dots_wide, height)


def raster_line(row: bytes, width: int, model: BrotherModel) -> bytes:
    """One head line: the row mirrored (the head's first pin prints the label's right edge), placed after the
    model's margin pins, padded to the head."""
    bits = "".join(f"{byte:08b}" for byte in row)[:width][::-1]
    line = ("0" * model.margin_dots + bits).ljust(model.head_bytes * 8, "0")
    return int(line, 2).to_bytes(model.head_bytes, "big")


def page(label: Bitmap, model: BrotherModel, media: BrotherMedia, first: bool, last: bool) -> bytes:
    area = printable(label, media)
    kind = DIE_CUT if media.length_mm else ENDLESS
    info = bytes([PI_FLAGS, kind, media.width_mm, media.length_mm]) + area.height.to_bytes(4, "little") \
        + bytes([0 if first else 1, 0])
    margin = 0 if media.length_mm else ENDLESS_MARGIN_DOTS
    commands = [ESC + b"iz" + info, ESC + b"iM" + bytes([AUTO_CUT]), ESC + b"iA" + bytes([1]),
                ESC + b"iK" + bytes([CUT_AT_END]), ESC + b"id" + margin.to_bytes(2, "little")]
    for row in area.rows:
        commands.append(b"g\x00" + bytes([model.head_bytes]) + raster_line(row, area.width, model))
    commands.append(b"\x1a" if last else b"\x0c")
    return b"".join(commands)


def job(labels: list[Bitmap], model_name: str, media_name: str) -> bytes:
    """The bytes that print ``labels`` (each drawn at 300 dpi, true size) on this model and media."""
    model, media = BROTHER_MODELS[model_name], BROTHER_MEDIA[media_name]
    head = b"\x00" * model.invalidate + ESC + b"@" + ESC + b"ia\x01"
    return head + b"".join(page(label, model, media, index == 0, index == len(labels) - 1)
                           for index, label in enumerate(labels))
