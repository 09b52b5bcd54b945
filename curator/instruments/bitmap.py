"""A 1-bit picture as the label encoders take it: rows of packed bytes, most significant bit leftmost,
a set bit black (what Qt's QImage.Format_Mono gives with black as index 1, and what ZPL ^GF wants)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bitmap:
    width: int
    height: int
    rows: tuple[bytes, ...]  # each ceil(width / 8) bytes

    @property
    def row_bytes(self) -> int:
        return (self.width + 7) // 8

    def pixel(self, x: int, y: int) -> bool:
        return bool(self.rows[y][x // 8] & (0x80 >> (x % 8)))

    @classmethod
    def from_pixels(cls, pixels: list[list[bool]]) -> Bitmap:
        width = len(pixels[0]) if pixels else 0
        rows = []
        for line in pixels:
            packed = bytearray((width + 7) // 8)
            for x, black in enumerate(line):
                if black:
                    packed[x // 8] |= 0x80 >> (x % 8)
            rows.append(bytes(packed))
        return cls(width, len(pixels), tuple(rows))

    def to_pixels(self) -> list[list[bool]]:
        return [[self.pixel(x, y) for x in range(self.width)] for y in range(self.height)]


def crop(bitmap: Bitmap, left: int, top: int, width: int, height: int) -> Bitmap:
    """The part of ``bitmap`` from (left, top), ``width`` x ``height`` dots; outside it is white."""
    pixels = bitmap.to_pixels()
    blank = [False] * width
    rows = []
    for y in range(top, top + height):
        if 0 <= y < bitmap.height:
            line = pixels[y]
            rows.append([line[x] if 0 <= x < bitmap.width else False for x in range(left, left + width)])
        else:
            rows.append(list(blank))
    return Bitmap.from_pixels(rows)
