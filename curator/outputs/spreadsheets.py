"""The allocation workbook (.xlsx): register, samples handed over, totals per country and institution.

Written with openpyxl in write-only (streaming) mode, so 10,000 allocations take seconds and little
memory. Masses are real numbers in milligrams with a "mg" number format; the totals sheets hold
formulas over the register, whose computed values equal ``curator.reports.mass_report`` exactly.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from lxml.etree import SerialisationError
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.workbook.properties import CalcProperties
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter
from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import QueryableAttribute, aliased

from curator.countries import reported_country, reported_country_name
from curator.errors import CuratorError
from curator.events import chain_head_code, utcnow
from curator.outputs.spreadsheet_totals import write_totals_sheet
from curator.outputs.xlsx_layout import (
    Column,
    TypedCells,
    chart_sheet,
    header_row,
    prepare_sheet,
    print_setup,
    text_cell,
)

# _filtered is the report's own filter, reused so the workbook and mass_report select the same loans.
from curator.reports import ALLOCATED_STATUSES, ReportFilter, _filtered, mass_report
from curator.safe_output import check_xlsx, write_output
from curator.storage.db import Database
from curator.storage.models import Allocation, AllocationItem, Container, Institution, Mission, Sample
from curator.vocabulary import HANDED_ITEM_STATUSES

#: Progress callback: (done, total) -> False to cancel the export.
Progress = Callable[[int, int], bool]


class ExportCancelled(CuratorError):
    """The person cancelled the export; no file was written."""


REGISTER = (
    Column("Reference", 20), Column("Institution", 44), Column("Country", 9), Column("Country name", 20),
    Column("ISO code", 9), Column("PI", 22), Column("Mission", 9), Column("Status", 13),
    Column("Approved (mg)", 16, "mass"), Column("Handed over (mg)", 18, "mass"),
    Column("Returned (mg)", 16, "mass"), Column("Consumed (mg)", 16, "mass"),
    Column("On loan (mg)", 16, "mass"), Column("Requested", 12, "date"), Column("Approved on", 12, "date"),
    Column("Handed over on", 15, "date"), Column("Due", 12, "date"), Column("Closed on", 12, "date"),
)
SAMPLES = (
    Column("Allocation", 20), Column("Sample number", 26), Column("Parent", 24), Column("Mission", 9),
    Column("Kind", 14), Column("Mass handed over (mg)", 22, "mass"), Column("Returned (mg)", 16, "mass"),
    Column("Consumed (mg)", 16, "mass"), Column("Container", 14), Column("Status", 13),
)


@dataclass(frozen=True)
class ExportOptions:
    mission: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    operator: str = ""

    @property
    def report_filter(self) -> ReportFilter:
        return ReportFilter(self.mission, self.date_from, self.date_to)


@dataclass
class ExportResult:
    path: Path
    allocations: int = 0
    samples: int = 0
    countries: int = 0
    institutions: int = 0
    sheets: list[str] = field(default_factory=list)
    #: The chain head code when the data was read (`curator verify --head CODE` proves it later).
    chain_head: str = ""


def _local_date(moment: datetime | None) -> date | None:
    return moment.astimezone().date() if moment is not None else None


def _register_query(report_filter: ReportFilter) -> Select[*tuple[Any, ...]]:
    handed = AllocationItem.status.in_(HANDED_ITEM_STATUSES)

    def handed_sum(column: QueryableAttribute[int | None]) -> ColumnElement[int]:
        return func.coalesce(func.sum(column).filter(handed), 0)

    items = (
        select(AllocationItem.allocation_id.label("allocation_id"),
               handed_sum(AllocationItem.mass_ug).label("out"),
               handed_sum(AllocationItem.returned_mass_ug).label("returned"),
               handed_sum(AllocationItem.consumed_mass_ug).label("consumed"))
        .group_by(AllocationItem.allocation_id).subquery()
    )
    query = select(
        Allocation.reference, Institution.name, Institution.country, Allocation.pi, Mission.code,
        Allocation.status, Allocation.approved_mass_ug, func.coalesce(items.c.out, 0),
        func.coalesce(items.c.returned, 0), func.coalesce(items.c.consumed, 0), Allocation.requested_at,
        Allocation.approved_at, Allocation.handed_over_at, Allocation.due_date, Allocation.closed_at,
    ).select_from(Allocation)
    query = _filtered(query, report_filter)
    return query.outerjoin(items, items.c.allocation_id == Allocation.id).order_by(Allocation.reference)


def _samples_query(report_filter: ReportFilter) -> Select[*tuple[Any, ...]]:
    parent = aliased(Sample)
    query = (
        select(Allocation.reference, Sample.number, parent.number, Mission.code, Sample.kind,
               AllocationItem.mass_ug, AllocationItem.returned_mass_ug, AllocationItem.consumed_mass_ug,
               Container.barcode, AllocationItem.status)
        .select_from(AllocationItem)
        .join(Allocation, AllocationItem.allocation_id == Allocation.id)
        .join(Sample, AllocationItem.sample_id == Sample.id)
        .outerjoin(parent, Sample.parent_id == parent.id)
        .outerjoin(Container, Sample.container_id == Container.id)
        .where(AllocationItem.status.in_(HANDED_ITEM_STATUSES))
    )
    return _filtered(query, report_filter).order_by(Allocation.reference, Sample.number)


def _counts(db: Database, report_filter: ReportFilter) -> tuple[int, int]:
    with db.read() as session:
        allocations = session.execute(_filtered(
            select(func.count(Allocation.id)).select_from(Allocation), report_filter)).scalar_one()
        samples = session.execute(_filtered(
            select(func.count(AllocationItem.id)).select_from(AllocationItem)
            .join(Allocation, AllocationItem.allocation_id == Allocation.id)
            .where(AllocationItem.status.in_(HANDED_ITEM_STATUSES)), report_filter)).scalar_one()
    return int(allocations), int(samples)


def mission_codes(db: Database) -> list[str]:
    """Every mission's code, for filter choices."""
    with db.read() as session:
        return list(session.execute(select(Mission.code).order_by(Mission.code)).scalars())


def _institution_countries(db: Database) -> dict[str, str]:
    with db.read() as session:
        return {name: reported_country_name(code)
                for name, code in session.execute(select(Institution.name, Institution.country))}


def _human(status: str) -> str:
    return status.replace("_", " ")


def export_workbook(db: Database, path: str | os.PathLike[str], options: ExportOptions | None = None,
                    progress: Progress | None = None, replace: bool = False) -> ExportResult:
    """Write the allocation workbook to ``path`` through curator.safe_output: a cancelled or failed export
    leaves no file; an existing file is replaced only with ``replace``, a database file never."""

    def write(temporary: Path) -> ExportResult:
        workbook = Workbook(write_only=True)
        try:
            result = _fill(workbook, db, options or ExportOptions(), progress, Path(path))
            _save(workbook, temporary)
        except SerialisationError as exc:  # lxml writing a sheet's temporary file (in the temp folder)
            _discard(workbook)
            full = any(code in str(exc) for code in ("ENOSPC", "EFBIG", "EDQUOT"))
            raise OSError(errno.ENOSPC if full else errno.EIO, str(exc)) from None
        except BaseException:
            _discard(workbook)
            raise
        return result

    return write_output(path, write, lambda written, result: check_xlsx(written, result.sheets),
                        replace=replace, database=db.path)


def _save(workbook: Workbook, temporary: Path) -> None:
    """``workbook.save``, but the archive is closed here even when a write fails (a full disk), so it is
    not closed again, noisily, when Python collects it."""
    archive = ZipFile(temporary, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        ExcelWriter(workbook, archive).save()
    finally:
        with suppress(OSError, ValueError):
            archive.close()


def _discard(workbook: Workbook) -> None:
    """Close the streamed sheets of an abandoned workbook and delete their temporary files."""
    for sheet in workbook.worksheets:
        try:
            sheet.close()
        except Exception:  # noqa: BLE001 - best effort on a workbook that is thrown away
            pass
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            with suppress(OSError):  # already removed when the sheet was saved
                writer.cleanup()


def _fill(workbook: Workbook, db: Database, options: ExportOptions, progress: Progress | None,
          target: Path) -> ExportResult:
    report_filter = options.report_filter
    n_allocations, n_samples = _counts(db, report_filter)
    total_steps, done = n_allocations + n_samples, 0
    result = ExportResult(target)

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None and (done % 200 == 0 or done == total_steps) and progress(done, total_steps) is False:
            raise ExportCancelled("export cancelled; no file was written")

    workbook.calculation = CalcProperties(fullCalcOnLoad=True)
    register = workbook.create_sheet("Allocations")
    samples = workbook.create_sheet("Samples")
    prepare_sheet(register, REGISTER, n_allocations)
    prepare_sheet(samples, SAMPLES, n_samples)
    register.append(header_row(register, REGISTER))
    cells = TypedCells(register, REGISTER)
    with db.read() as session:
        result.chain_head = chain_head_code(session)
        for row in session.execute(_register_query(report_filter).execution_options(yield_per=2000)):
            (reference, institution, country, pi, mission, status, approved, out, returned, consumed,
             requested, approved_at, handed_at, due, closed) = row
            register.append(cells.row((
                reference, institution, reported_country(country), reported_country_name(country), country, pi,
                mission, _human(status),
                approved, out, returned, consumed, out - returned - consumed, _local_date(requested),
                _local_date(approved_at), _local_date(handed_at), due, _local_date(closed))))
            step()
        samples.append(header_row(samples, SAMPLES))
        cells = TypedCells(samples, SAMPLES)
        for row in session.execute(_samples_query(report_filter).execution_options(yield_per=2000)):
            values = list(row)
            values[4], values[9] = _human(values[4]), _human(values[9])
            samples.append(cells.row(values))
            step()
    result.allocations, result.samples = n_allocations, n_samples
    by_country = mass_report(db, "country", report_filter)
    by_institution = mass_report(db, "institution", report_filter)
    seconds = {"country": {row.key: row.label for row in by_country}, "institution": _institution_countries(db)}
    charts = {by: write_totals_sheet(workbook.create_sheet(f"By {by}"), by, rows, n_allocations, seconds[by])
              for by, rows in (("country", by_country), ("institution", by_institution))}
    result.countries, result.institutions = len(by_country), len(by_institution)
    _about_sheet(workbook.create_sheet("About"), db, options, result)
    # Chart sheets last: openpyxl numbers a sheet's own names (print titles, filters) among worksheets
    # only, so a chart sheet in between would give the next table's names to the wrong sheet.
    for by, chart in charts.items():
        if chart is not None:
            chart_sheet(workbook, f"Chart by {by}", chart)
    result.sheets = list(workbook.sheetnames)
    return result


def _about_sheet(sheet: WriteOnlyWorksheet, db: Database, options: ExportOptions, result: ExportResult) -> None:
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 70
    print_setup(sheet, landscape=False)
    generated = WriteOnlyCell(sheet, value=utcnow().astimezone().replace(tzinfo=None, microsecond=0))
    generated.number_format = "yyyy-mm-dd hh:mm:ss"
    title = WriteOnlyCell(sheet, value="Curator allocation workbook")
    title.font = Font(bold=True, size=14)
    rows: list[tuple[str, object]] = [
        ("Database", db.display_name),
        ("Generated at (local time)", generated),
        ("Operator", options.operator or "(not given)"),
        ("Chain head", f"{result.chain_head} (prove later that history up to here is unchanged: "
                       f"curator verify --head {result.chain_head})"),
        ("Mission", options.mission or "all missions"),
        ("Requested from", options.date_from.isoformat() if options.date_from else "(no limit)"),
        ("Requested to", options.date_to.isoformat() if options.date_to else "(no limit)"),
        ("Allocations", result.allocations),
        ("Samples handed over", result.samples),
        ("Units", "masses in milligrams, exact to the microgram"),
        ("Allocated", "approved mass of allocations that are " + ", ".join(_human(s) for s in ALLOCATED_STATUSES)),
        ("Totals", "the By country and By institution sheets compute their totals with formulas over "
                   "the Allocations sheet"),
    ]
    sheet.append([title])
    sheet.append([])
    for label, value in rows:
        name = WriteOnlyCell(sheet, value=label)
        name.font = Font(bold=True)
        sheet.append([name, text_cell(sheet, value)])

