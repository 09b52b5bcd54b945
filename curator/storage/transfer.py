"""`curator migrate-to`: move a desk's database (an SQLite file) onto the facility server, then prove it.

Every table is copied row by row with its ids, in one transaction on the target: either the server
holds everything or nothing. The target must be a fresh Curator database (schema created by Alembic,
no data). Afterwards both sides are compared: row counts, the chain head, the sequence of event hashes,
``verify()`` on each side, the total mass in store and every report's totals.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import Connection, Integer, MetaData, Table, delete, func, insert, select, text
from sqlalchemy.exc import IntegrityError

from curator.errors import DatabaseError, ValidationError
from curator.events import GENESIS_HASH
from curator.integrity import verify
from curator.reports import GROUPINGS, mass_report, report_total
from curator.storage.db import Database
from curator.storage.models import Base, ChainHead, DatabaseIdentity, Event, Sample

BATCH = 2000
#: Tables that a fresh database already fills (the chain head's genesis row) or that Alembic owns.
_SKIP = {"alembic_version"}

Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class Summary:
    """What one database holds, in the terms the comparison uses."""

    rows: dict[str, int]
    chain_head: tuple[int, str]
    chain_digest: str
    problems: tuple[str, ...]
    samples_mass_ug: int
    report_totals: dict[str, tuple[int, ...]]


@dataclass(frozen=True)
class TransferResult:
    source: Summary
    target: Summary
    mismatches: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches


def migrate(source: Database, target: Database, progress: Progress | None = None) -> TransferResult:
    """Copy everything from ``source`` into the fresh ``target``, then compare the two."""
    if source.url == target.url:
        raise ValidationError("the source and the target are the same database")
    tables = copy_order(target)
    try:
        with target.write() as session:
            conn = session.connection()
            _require_fresh(conn, tables, target.display_name)
            conn.execute(delete(ChainHead))
            conn.execute(delete(DatabaseIdentity))  # the desk's database keeps its identity
            with source.read() as reading:
                for table in tables:
                    count = _copy_table(reading.connection(), conn, table)
                    if progress:
                        progress(table.name, count)
            _reset_sequences(conn, tables)
    except IntegrityError as exc:
        raise DatabaseError(f"{target.display_name} refused a row of {source.display_name} "
                            f"({str(exc.orig).splitlines()[0]}); nothing was copied: run `curator verify` "
                            "on the source and repair it first") from None
    return compare(source, target)


def copy_order(target: Database) -> list[Table]:
    """Curator's tables parents first; tables a newer migration added without a model come last."""
    known = list(Base.metadata.sorted_tables)
    with target.read() as session:
        extra = MetaData()
        extra.reflect(session.connection())
    names = {table.name for table in known} | _SKIP
    return known + [table for table in extra.sorted_tables if table.name not in names]


def _require_fresh(conn: Connection, tables: list[Table], where: str) -> None:
    for table in sorted(tables, key=lambda table: table.name == "chain_head"):
        rows = conn.execute(select(func.count()).select_from(table)).scalar_one()
        if table.name == DatabaseIdentity.__tablename__:  # made by `init`, replaced by the desk's
            continue
        if table.name == "chain_head":
            head = conn.execute(select(table.c.last_event_id, table.c.last_hash)).all()
            if [tuple(row) for row in head] in ([], [(0, GENESIS_HASH)]):
                continue
        if rows:
            raise ValidationError(f"{where} already holds data ({rows} rows in {table.name}); "
                                  "migrate-to needs a fresh database (create one, then `curator init`)")


def _batches(conn: Connection, table: Table) -> Iterator[list[dict[str, object]]]:
    query = select(table).order_by(*table.primary_key.columns).execution_options(yield_per=BATCH)
    for partition in conn.execute(query).mappings().partitions(BATCH):
        yield [dict(row) for row in partition]


def _copy_table(source: Connection, target: Connection, table: Table) -> int:
    count = 0
    for batch in _batches(source, table):
        target.execute(insert(table), batch)
        count += len(batch)
    return count


def _reset_sequences(conn: Connection, tables: list[Table]) -> None:
    """Ids were copied as they were: move each server sequence past the highest id."""
    if conn.dialect.name != "postgresql":
        return
    quote = conn.dialect.identifier_preparer.quote
    for table in tables:
        columns = list(table.primary_key.columns)
        if len(columns) != 1 or not isinstance(columns[0].type, Integer):
            continue
        column, name = quote(columns[0].name), quote(table.name)
        conn.execute(text(f"SELECT setval(seq, COALESCE((SELECT MAX({column}) FROM {name}), 0) + 1, false) "
                          "FROM pg_get_serial_sequence(:table, :column) AS seq WHERE seq IS NOT NULL"),
                     {"table": name, "column": columns[0].name})


def summarize(db: Database, tables: list[Table]) -> Summary:
    """Counts, chain, verify() findings and totals of one database."""
    digest = hashlib.sha256()
    with db.read() as session:
        conn = session.connection()
        rows = {table.name: conn.execute(select(func.count()).select_from(table)).scalar_one() for table in tables}
        for event_id, prev_hash, event_hash in conn.execute(
                select(Event.id, Event.prev_hash, Event.hash).order_by(Event.id).execution_options(yield_per=5000)):
            digest.update(f"{event_id}:{prev_hash}:{event_hash};".encode())
        head = session.get(ChainHead, 1)
        chain_head = (head.last_event_id, head.last_hash) if head else (0, GENESIS_HASH)
        mass = int(conn.execute(select(func.coalesce(func.sum(Sample.mass_ug), 0))).scalar_one())
    totals: dict[str, tuple[int, ...]] = {}
    for by in GROUPINGS:
        total = report_total(mass_report(db, by))
        totals[by] = (total.allocations, total.allocated_ug, total.handed_over_ug, total.returned_ug,
                      total.consumed_ug, total.on_loan_ug)
    problems = tuple(str(problem) for problem in verify(db))
    return Summary(rows, chain_head, digest.hexdigest(), problems, mass, totals)


def compare(source: Database, target: Database) -> TransferResult:
    """Summarize both databases and list every difference."""
    tables = copy_order(target)
    before, after = summarize(source, tables), summarize(target, tables)
    mismatches = [f"{name}: {before.rows.get(name)} rows here, {count} on the target"
                  for name, count in after.rows.items() if before.rows.get(name) != count]
    if before.chain_head != after.chain_head:
        mismatches.append(f"chain head differs: {before.chain_head} here, {after.chain_head} on the target")
    if before.chain_digest != after.chain_digest:
        mismatches.append("the sequence of event hashes differs")
    if before.problems != after.problems:
        mismatches.append(f"verify differs: {len(before.problems)} problem(s) here, "
                          f"{len(after.problems)} on the target")
    if before.samples_mass_ug != after.samples_mass_ug:
        mismatches.append(f"mass in samples differs: {before.samples_mass_ug} ug here, "
                          f"{after.samples_mass_ug} ug on the target")
    mismatches += [f"report by {by} totals differ" for by in GROUPINGS
                   if before.report_totals[by] != after.report_totals[by]]
    return TransferResult(before, after, mismatches)
