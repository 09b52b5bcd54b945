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
from openpyxl.workbook.properties import CalcProperties
from openpyxl.writer.excel import ExcelWriter
from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import QueryableAttribute, aliased

from curator.condition import conditions
from curator.countries import reported_country, reported_country_name
from curator.errors import CuratorError, Refusal
from curator.events import chain_head_code
from curator.loan_results import loan_closed, results_by_allocation
from curator.outputs.output_words import both, check_language, say, sheet_name
from curator.outputs.spreadsheet_totals import write_totals_sheet
from curator.outputs.workbook_about import about_sheet
from curator.outputs.xlsx_layout import Column, TypedCells, chart_sheet, header_row, prepare_sheet

# _filtered is the report's own filter, reused so the workbook and mass_report select the same loans.
from curator.reports import ReportFilter, _filtered, mass_report
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
    Column("Results", 9, "int"), Column("Result DOIs", 40), Column("Loan closed", 11),
)
SAMPLES = (
    Column("Allocation", 20), Column("Sample number", 26), Column("Parent", 24), Column("Mission", 9),
    Column("Kind", 14), Column("Mass handed over (mg)", 22, "mass"), Column("Returned (mg)", 16, "mass"),
    Column("Consumed (mg)", 16, "mass"), Column("Container", 14), Column("Status", 13), Column("Condition", 13),
)


@dataclass(frozen=True)
class ExportOptions:
    mission: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    operator: str = ""
    #: The workbook's words: "en", "zh" or "both" (curator.outputs.output_words).
    language: str = "en"

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
        Allocation.id, Allocation.reference, Institution.name, Institution.country, Allocation.pi, Mission.code,
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
               Container.barcode, AllocationItem.status, Sample.id)
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


def _institution_countries(db: Database, language: str) -> dict[str, str]:
    with db.read() as session:
        return {name: _country(code, language)
                for name, code in session.execute(select(Institution.name, Institution.country))}


def _country(code: str, language: str) -> str:
    """The country an institution in ``code`` is reported under, with its region: "China (Macao)"."""
    return both(reported_country_name(code, "en"), reported_country_name(code, "zh"), language)


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
            raise ExportCancelled("export cancelled; no file was written", code=Refusal.EXPORT_CANCELLED)

    workbook.calculation = CalcProperties(fullCalcOnLoad=True)
    language = check_language(options.language)
    register = workbook.create_sheet(sheet_name("Allocations", language))
    samples = workbook.create_sheet(sheet_name("Samples", language))
    prepare_sheet(register, REGISTER, n_allocations, language)
    prepare_sheet(samples, SAMPLES, n_samples, language)
    register.append(header_row(register, REGISTER, language))
    cells = TypedCells(register, REGISTER)
    with db.read() as session:
        result.chain_head = chain_head_code(session)
        results = results_by_allocation(session)
        for row in session.execute(_register_query(report_filter).execution_options(yield_per=2000)):
            (allocation_id, reference, institution, country, pi, mission, status, approved, out, returned, consumed,
             requested, approved_at, handed_at, due, closed) = row
            found = results.get(allocation_id)
            register.append(cells.row((
                reference, institution, reported_country(country), _country(country, language), country, pi,
                mission, say(status, language), approved, out, returned, consumed, out - returned - consumed,
                _local_date(requested), _local_date(approved_at), _local_date(handed_at), due, _local_date(closed),
                len(found.results) if found else 0, found.dois if found else "",
                say("yes" if loan_closed(status, found) else "no", language))))
            step()
        samples.append(header_row(samples, SAMPLES, language))
        cells = TypedCells(samples, SAMPLES)
        rows = session.execute(_samples_query(report_filter).execution_options(yield_per=2000))
        for chunk in rows.partitions():
            condition = conditions(session, [row[-1] for row in chunk])
            for row in chunk:
                values = list(row)
                values[4], values[9] = say(values[4], language), say(values[9], language)
                values[10] = say(condition[row[-1]].condition, language)
                samples.append(cells.row(values))
                step()
    result.allocations, result.samples = n_allocations, n_samples
    by_country = mass_report(db, "country", report_filter)
    by_institution = mass_report(db, "institution", report_filter)
    seconds = {"country": {row.key: _country(row.key, language) for row in by_country},
               "institution": _institution_countries(db, language)}
    charts = {by: write_totals_sheet(workbook.create_sheet(sheet_name(f"By {by}", language)), by, rows,
                                     n_allocations, seconds[by], language, register.title)
              for by, rows in (("country", by_country), ("institution", by_institution))}
    result.countries, result.institutions = len(by_country), len(by_institution)
    about_sheet(workbook.create_sheet(sheet_name("About", language)), db.display_name, options, result)
    # Chart sheets last: openpyxl numbers a sheet's own names (print titles, filters) among worksheets
    # only, so a chart sheet in between would give the next table's names to the wrong sheet.
    for by, chart in charts.items():
        if chart is not None:
            chart_sheet(workbook, sheet_name(f"Chart by {by}", language), chart)
    result.sheets = list(workbook.sheetnames)
    return result
