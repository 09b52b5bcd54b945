"""The Apollo catalogue fixture and copies of it made in tests (an .xlsx, a broken copy)."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook

APOLLO = Path(__file__).resolve().parents[1] / "data" / "apollo_rocksamples.csv"


def apollo_rows() -> list[list[str]]:
    with APOLLO.open(encoding="utf-8") as handle:
        return list(csv.reader(handle))


def write_csv(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def as_xlsx(path: Path, rows: list[list[str]]) -> Path:
    """The catalogue as a workbook, weights as real numbers like a spreadsheet program would store them."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(rows[0])
    for row in rows[1:]:
        sheet.append([int(row[0]), row[1], row[2], row[3], float(row[4]), float(row[5])])
    workbook.save(path)
    return path


def broken_copy(tmp_path: Path) -> tuple[Path, dict[int, str]]:
    """The Apollo catalogue with one bad row of each kind; returns the file and row number -> reason."""
    rows = apollo_rows()
    rows[5][0] = ""                         # row 6: missing ID
    rows[10][0] = rows[9][0]                # row 11: duplicate of row 10
    rows[20][4] = "heavy"                   # row 21: not a number
    rows[30][4] = "-5"                      # row 31: negative
    rows[40][2] = "Cheese"                  # row 41: unknown kind
    rows.append(["70017,111", "Apollo17", "Basalt", "Ilmenite", "1.5", "100"])   # fine: parent 70017 exists
    rows.append(["99999,1", "Apollo17", "Basalt", "Ilmenite", "1.5", "100"])     # unknown parent
    rows.append(["70215", "Apollo18", "Basalt", "Ilmenite", "1.5", "100"])       # unknown mission
    rows.append(["76015,9", "Apollo17", "Breccia", "", "999999", "100"])         # more than Apollo 17 returned
    last = len(rows)
    return write_csv(tmp_path / "broken.csv", rows), {
        6: "missing ID", 11: "duplicate ID", 21: "not a number", 31: "negative", 41: "unknown kind 'Cheese'",
        last - 2: "unknown parent '99999'", last - 1: "unknown mission 'Apollo18'", last: "more than A17 returned"}
