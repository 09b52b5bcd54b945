"""Position grids: "4x6" read as rows x columns, the positions' names (A1..D6 or P01..P24) and the cell
each name stands for. Pure: no database."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from curator.errors import Refusal, ValidationError
from curator.vocabulary import GridNaming

#: A grid larger than this is a typing slip (a 96-well plate is 8x12; a freezer rack 10x10).
MAX_SIDE = 26
_GRID = re.compile(r"^\s*(\d+)\s*[x×X*]\s*(\d+)\s*$")


@dataclass(frozen=True)
class Grid:
    rows: int
    columns: int
    naming: GridNaming = GridNaming.LETTERS

    @property
    def size(self) -> int:
        return self.rows * self.columns

    def text(self) -> str:
        return f"{self.rows}x{self.columns}"

    def names(self) -> list[str]:
        """The positions' names in reading order (row by row)."""
        return [self.name(row, column) for row in range(self.rows) for column in range(self.columns)]

    def name(self, row: int, column: int) -> str:
        if self.naming == GridNaming.NUMBERS:
            return f"P{row * self.columns + column + 1:0{max(2, len(str(self.size)))}d}"
        return f"{string.ascii_uppercase[row]}{column + 1}"

    def cell(self, name: str) -> tuple[int, int] | None:
        """(row, column) of the position named ``name``, both from 0; None for a name not of this grid."""
        if self.naming == GridNaming.NUMBERS:
            match = re.fullmatch(r"P(\d+)", name.strip().upper())
            index = int(match.group(1)) - 1 if match else -1
            return divmod(index, self.columns) if 0 <= index < self.size else None
        match = re.fullmatch(r"([A-Z])(\d+)", name.strip().upper())
        if not match:
            return None
        row, column = string.ascii_uppercase.index(match.group(1)), int(match.group(2)) - 1
        return (row, column) if row < self.rows and 0 <= column < self.columns else None


def parse_grid(text: str, naming: str = GridNaming.LETTERS) -> Grid:
    """"4x6" (rows x columns) as a Grid; ValidationError naming what is wrong."""
    match = _GRID.match(text)
    if not match:
        raise ValidationError(f"grid {text!r} is not rows x columns, e.g. 4x6", code=Refusal.GRID_MALFORMED,
                              params={"grid": text})
    rows, columns = int(match.group(1)), int(match.group(2))
    if not (1 <= rows <= MAX_SIDE and 1 <= columns <= MAX_SIDE):
        raise ValidationError(f"grid {text!r}: rows and columns must each be between 1 and {MAX_SIDE}",
                              code=Refusal.GRID_TOO_LARGE, params={"grid": text, "most": MAX_SIDE})
    if naming not in list(GridNaming):
        raise ValidationError(f"unknown position naming {naming!r} (letters: A1..D6, numbers: P01..P24)",
                              code=Refusal.UNKNOWN_CHOICE, params={"value": naming, "known": "A1..D6, P01..P24"})
    return Grid(rows, columns, GridNaming(naming))
