"""Reading catalogue files (.csv, .xlsx): header aliases, units in headers or cells, kinds, missions.

Pure parsing, no database: ``curator.catalogue`` checks the rows against the database and imports them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any

from curator.catalogue_files import check_unpacked_size, decode_text
from curator.errors import Refusal, ValidationError
from curator.mass import MICROGRAMS_PER_UNIT, parse_mass
from curator.vocabulary import SampleKind
from resources import resource_path

KNOWN_MISSIONS_FILE = resource_path("catalogue", "known_missions.json")

#: Column roles and the header names (normalised: lower case, single spaces) that mean them.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "sample", "sample id", "sample number", "sample no", "sample no.", "number", "specimen",
           "specimen id", "generic", "sample name", "样品编号", "样品号", "样品"),
    "mission": ("mission", "mission code", "expedition", "任务"),
    "kind": ("type", "kind", "sample type", "sample kind", "class", "category", "rock type", "类型", "样品类型"),
    "mass": ("weight", "mass", "current mass", "current weight", "net mass", "net weight", "质量", "重量"),
    "parent": ("parent", "parent id", "parent sample", "parent number", "split of", "parent sample number",
               "母样", "母样编号"),
    "container": ("container", "container barcode", "barcode", "vial", "容器", "容器条码"),
    "position": ("position", "storage position", "container position", "库位", "存放库位"),
    "sampling": ("sampling", "sampling method", "采样方式"),
}
#: The columns without which no row can be read; the header row is the first row that names them all.
REQUIRED_ROLES = ("id", "kind", "mass")
#: How far down a title, notes and blank rows may push the header row.
HEADER_SEARCH_ROWS = 20
#: The cell delimiters a CSV catalogue may use.
CSV_DELIMITERS = (",", ";", "\t")
#: How catalogues spell the kinds Curator knows.
KIND_ALIASES = {
    "rock fragment": "rock_fragment", "rock fragments": "rock_fragment", "rock debris": "rock_fragment",
    "glass bead": "glass_bead", "glass beads": "glass_bead", "thin section": "thin_section",
    "thin sections": "thin_section", "regolith": "soil", "fines": "soil", "drive tube": "core",
    "drill core": "core",
}
_UNIT_RE = re.compile(r"^(?P<name>.*?)[\s_]*(?:[(\[]\s*(?P<unit>[a-zµμ]+)\s*[)\]]|_(?P<suffix>ug|mg|g|kg))$")


@dataclass(frozen=True)
class Column:
    role: str  # a HEADER_ALIASES key, or "extra" for a column kept only in the event note
    header: str
    unit: str | None = None


def normalise(text: str) -> str:
    return " ".join(str(text).strip().lower().replace("_", " ").split())


def map_header(header: str) -> Column:
    """What a header means: its role and the mass unit it names ("Weight (g)", "mass_mg", "Mass [µg]")."""
    raw = str(header or "").strip()
    name, unit = raw.lower().replace("（", "(").replace("）", ")"), None
    match = _UNIT_RE.match(name)
    if match and (match.group("unit") or match.group("suffix")):
        candidate = (match.group("unit") or match.group("suffix")).replace("μ", "µ")
        if candidate in MICROGRAMS_PER_UNIT:
            name, unit = match.group("name"), candidate
    key = normalise(name)
    for role, aliases in HEADER_ALIASES.items():
        if key in aliases:
            return Column(role, raw, unit if role == "mass" else None)
    return Column("extra", raw)


def map_kind(value: str) -> str | None:
    """The Curator sample kind a catalogue's type names, or None if unknown."""
    key = normalise(value)
    if key.replace(" ", "_") in list(SampleKind):
        return key.replace(" ", "_")
    return KIND_ALIASES.get(key)


def mass_from_cell(value: object, unit: str | None) -> int:
    """Micrograms from a cell: a number in the header's unit, or text with its own unit ("12.5 mg")."""
    if isinstance(value, bool):
        raise ValidationError(f"mass {value!r} is not a number", code=Refusal.MASS_NOT_A_NUMBER,
                              params={"raw": value})
    if isinstance(value, (int, float)):
        if unit is None:
            raise ValidationError(f"mass {value!r} has no unit: name it in the header, e.g. Weight (g), or the cell",
                                  code=Refusal.MASS_NO_UNIT, params={"raw": value})
        exact = Decimal(repr(value)) * MICROGRAMS_PER_UNIT[unit]
        rounded = exact.to_integral_value()
        if abs(exact - rounded) > Decimal("0.001"):
            raise ValidationError(f"mass {value!r} {unit} is finer than one microgram", code=Refusal.MASS_TOO_FINE,
                                  params={"raw": f"{value!r} {unit}"})
        if rounded < 0:
            raise ValidationError(f"mass {value!r} {unit} is negative", code=Refusal.MASS_NEGATIVE,
                                  params={"raw": f"{value!r} {unit}"})
        return int(rounded)
    text = str(value).strip()
    has_unit = bool(re.search(r"[a-zA-Zµμ]\s*$", text))
    if not has_unit and unit is None:
        raise ValidationError(f"mass {text!r} has no unit: name it in the header, e.g. Weight (g), or the cell",
                              code=Refusal.MASS_NO_UNIT, params={"raw": text})
    return parse_mass(text, default_unit=unit or "mg", limit_ug=None)


def find_header(rows: Iterator[tuple[int, list[object]]], name: str
                ) -> tuple[list[Column], Iterator[tuple[int, list[object]]]]:
    """The columns of the header row and the rows below it.

    The header is the first of the first HEADER_SEARCH_ROWS rows that names an id, a kind and a mass
    column: a title or notes above it are skipped. Raises ValidationError naming what is missing.
    """
    best: tuple[int, list[Column], list[str]] | None = None  # the row naming most of the required columns
    for number, cells in islice(rows, HEADER_SEARCH_ROWS):
        columns, named = _required_columns(cells)
        if len(named) == len(REQUIRED_ROLES):
            return columns, rows
        if best is None or len(named) > len(best[2]):
            best = number, columns, named
    if best is None:
        raise ValidationError(f"{name} is empty", code=Refusal.FILE_EMPTY, params={"name": name})
    number, columns, named = best
    if not named:
        raise ValidationError(f"{name}: no header row with columns for {', '.join(REQUIRED_ROLES)} "
                              f"in its first {HEADER_SEARCH_ROWS} rows", code=Refusal.NO_HEADER_ROW,
                              params={"name": name, "columns": ", ".join(REQUIRED_ROLES), "rows": HEADER_SEARCH_ROWS})
    missing = [role for role in REQUIRED_ROLES if role not in named]
    raise ValidationError(f"{name}: no column for {', '.join(missing)} (headers on row {number}: "
                          f"{', '.join(column.header for column in columns)})", code=Refusal.MISSING_COLUMNS,
                          params={"name": name, "missing": ", ".join(missing), "row": number,
                                  "headers": ", ".join(column.header for column in columns)})


def _required_columns(cells: Sequence[object]) -> tuple[list[Column], list[str]]:
    """What each cell of a candidate header row means, and which REQUIRED_ROLES the row names."""
    columns = [map_header(str(cell or "")) for cell in cells]
    return columns, [role for role in REQUIRED_ROLES if any(column.role == role for column in columns)]


def split_parent(number: str) -> str | None:
    """The parent of an Apollo-style split number: ``70017,111`` -> ``70017``; None otherwise."""
    head, comma, tail = number.rpartition(",")
    if comma and head.strip() and tail.strip().isdigit():
        return head.strip()
    return None


def _mission_key(text: str) -> str:
    return re.sub(r"[\s\-_'’.]", "", str(text)).lower()


def known_missions() -> dict[str, dict[str, Any]]:
    """Known sample-return missions by every normalised spelling of their code, name and aliases."""
    data = json.loads(KNOWN_MISSIONS_FILE.read_text(encoding="utf-8"))["missions"]
    found = {}
    for mission in data:
        for spelling in (mission["code"], mission["name"], *mission.get("aliases", [])):
            found[_mission_key(spelling)] = mission
    return found


def mission_key(text: str) -> str:
    return _mission_key(text)


def read_rows(path: Path, encoding: str | None = None) -> Iterator[tuple[int, list[object]]]:
    """(spreadsheet row number, cell values) of every non-empty row, the header row included.

    ``encoding`` forces a CSV file's text encoding (else curator.catalogue_files finds it).
    """
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ValidationError(f"no file {path}", code=Refusal.NO_FILE, params={"path": path})
    if suffix == ".csv":
        yield from _csv_rows(path, encoding)
    elif suffix in (".xlsx", ".xlsm"):
        yield from _xlsx_rows(path)
    else:
        raise ValidationError(f"{path.name}: a catalogue must be an .xlsx or a .csv file",
                              code=Refusal.NOT_A_CATALOGUE, params={"name": path.name})


def _csv_rows(path: Path, encoding: str | None) -> Iterator[tuple[int, list[object]]]:
    text = decode_text(path.read_bytes(), path.name, encoding)
    number = 0
    try:
        reader = csv.reader(io.StringIO(text, newline=""), _csv_dialect(text))
        for number, row in enumerate(reader, start=1):
            if any(cell.strip() for cell in row):
                yield number, list(row)
    except csv.Error as exc:  # a field longer than the csv module allows, a broken quote
        raise ValidationError(f"{path.name}: row {number + 1} cannot be read as CSV: {exc}", code=Refusal.CSV_ROW,
                              params={"name": path.name, "row": number + 1, "detail": exc}) from None


def _csv_dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """The CSV dialect whose delimiter makes one of the first rows a header (so a title with commas above a
    semicolon header is no trap); else the sniffer's guess; else commas."""
    head = text[:65_536].splitlines()[:HEADER_SEARCH_ROWS]
    for delimiter in CSV_DELIMITERS:
        if any(len(_required_columns(row)[1]) == len(REQUIRED_ROLES)
               for row in csv.reader(head, csv.excel, delimiter=delimiter)):
            return type("HeaderDialect", (csv.excel,), {"delimiter": delimiter})
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters="".join(CSV_DELIMITERS))
    except csv.Error:
        return csv.excel


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[object]]]:
    from openpyxl import load_workbook

    check_unpacked_size(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ValidationError(f"{path.name} cannot be read as an .xlsx workbook: {exc}", code=Refusal.NOT_XLSX,
                              params={"name": path.name, "detail": exc}) from None
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # a forged dimension (A1:XFD1048576) would pad every row to 16,384 cells
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if any(cell is not None and str(cell).strip() for cell in row):
                yield number, list(row)
    except Exception as exc:  # damage found while reading on (a bad CRC, broken XML)
        raise ValidationError(f"{path.name} cannot be read as an .xlsx workbook: {exc}", code=Refusal.NOT_XLSX,
                              params={"name": path.name, "detail": exc}) from None
    finally:
        workbook.close()
