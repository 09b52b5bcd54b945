"""Generate a facility-scale Curator database for the benchmarks.

Default size (issue 7): 100,000 samples with genealogy, 10,000 containers, 1,000,000 handling events,
5,000 allocations to 300 institutions in 60 countries. Rows are written in bulk with the sqlite3
module (the services would take hours), but as the services would write them: every directory row
and allocation is registered by an event carrying its content, every event binds its signer, every
event is hash chained and every mass balances, so `curator verify` passes on the result.

    python bench/large_db.py OUT.db [--samples N] [--events N] [--allocations N]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pycountry  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402

from bench.measure import BENCH_PIN  # noqa: E402
from curator import search_index  # noqa: E402
from curator.events import GENESIS_HASH, canonical_json, compute_hash  # noqa: E402
from curator.facts import fact_value  # noqa: E402
from curator.pins import hash_pin  # noqa: E402
from curator.storage.db import open_database  # noqa: E402

START = datetime(2021, 1, 1, tzinfo=UTC)
KINDS = ("powder", "rock_fragment", "glass_bead", "thin_section")
OBSERVATIONS = ("inspected", "opened", "sealed", "photographed", "note")
SIGNERS = {1: {"name": "Bench Tech", "role": "technician"}, 2: {"name": "Bench Curator", "role": "curator"}}
EVENT_COLUMNS = ("id", "kind", "occurred_at", "operator_id", "sample_id", "container_id", "allocation_id", "mass_ug",
                 "from_location_id", "to_location_id", "corrects_event_id", "note", "details", "prev_hash", "hash")


def _stamp(moment: datetime) -> str:
    """How SQLAlchemy's DateTime stores a naive UTC time in SQLite."""
    return moment.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


@dataclass
class Chain:
    """Appends hash-chained event rows in memory, in id order."""

    rows: list[tuple] = field(default_factory=list)
    last_hash: str = GENESIS_HASH
    clock: datetime = START
    database: dict[str, str] = field(default_factory=dict)  # the identity the first event states

    def add(self, kind: str, operator_id: int, **values: object) -> int:
        self.clock += timedelta(minutes=5)
        if not self.rows:
            values["details"] = {**values.get("details", {}), "database": self.database}  # type: ignore[dict-item]
        event = SimpleNamespace(id=len(self.rows) + 1, kind=kind, occurred_at=self.clock, operator_id=operator_id,
                                sample_id=None, container_id=None, allocation_id=None, mass_ug=None,
                                from_location_id=None, to_location_id=None, corrects_event_id=None, note="",
                                details=canonical_json({**values.pop("details", {}), "signer": SIGNERS[operator_id]}),
                                prev_hash=self.last_hash)
        for key, value in values.items():
            setattr(event, key, value)
        event.hash = compute_hash(event)
        self.last_hash = event.hash
        self.rows.append(tuple(_stamp(event.occurred_at) if c == "occurred_at" else getattr(event, c)
                               for c in EVENT_COLUMNS))
        return event.id

    def register(self, table: str, columns: tuple[str, ...], row: tuple, operator_id: int = 2) -> None:
        """The "registered" fact of a directory row (``row[0]`` is its id), as curator.facts.register writes it."""
        values = {c: fact_value(v) for c, v in zip(columns[1:], row[1:], strict=True)}
        self.add("registered", operator_id, details={"table": table, "row": row[0], "set": values})

    @property
    def now(self) -> str:
        """The time of the last event, as facts carry times."""
        return fact_value(self.clock)


def _insert(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)


def _register_all(conn: sqlite3.Connection, chain: Chain, table: str, columns: tuple[str, ...], rows: list[tuple],
                  insert: bool = True) -> None:
    for row in rows:
        chain.register(table, columns, row, row[0] if table == "operators" else 2)
    if insert:
        _insert(conn, table, columns, rows)


def generate(path: Path, samples: int, containers: int, events: int, allocations: int,
             institutions: int = 300, countries: int = 60, seed: int = 7) -> None:
    rng = random.Random(seed)
    open_database(path).dispose()  # schema through Alembic, exactly as the app makes it
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN")
    uuid, made = conn.execute("SELECT uuid, created_at FROM database_identity").fetchone()
    chain = Chain(database={"uuid": uuid, "created_at": fact_value(datetime.fromisoformat(made).replace(tzinfo=UTC))})
    _register_all(conn, chain, "operators", ("id", "name", "role", "pin_hash", "active"),
                  [(1, "Bench Tech", "technician", hash_pin(BENCH_PIN), True),
                   (2, "Bench Curator", "curator", hash_pin(BENCH_PIN), True)])
    _register_all(conn, chain, "missions", ("id", "code", "name", "landing_site", "return_date", "returned_mass_ug"),
                  [(1, "CE5", "Chang'e-5", "", None, 1_731_000_000), (2, "CE6", "Chang'e-6", "", None, 1_935_300_000)])
    codes = [country.alpha_2 for country in list(pycountry.countries)[:countries]]
    _register_all(conn, chain, "institutions", ("id", "name", "country", "city", "contact"),
                  [(i, f"Institute {i:03d}", codes[i % countries], "", "") for i in range(1, institutions + 1)])
    positions = _locations(conn, chain, containers)
    container_columns = ("id", "barcode", "kind", "location_id", "sealed")
    container_rows = [(i, f"BX-{i:06d}", "vial", positions[i - 1], True) for i in range(1, containers + 1)]
    _register_all(conn, chain, "containers", container_columns, container_rows, insert=False)
    sealed = {i: True for i in range(1, containers + 1)}
    mass, mission_of, parent_of, container_of, number_of, kind_of, placed_by = _samples(chain, rng, samples, containers)
    status = {sample_id: "in_store" for sample_id in mass}
    _allocations(conn, chain, rng, allocations, institutions, mass, mission_of, status, parent_of)
    while len(chain.rows) < events:
        if rng.random() < 0.5:
            sample_id = rng.randrange(1, samples + 1)
            if status[sample_id] in ("in_store", "returned"):
                chain.add("weighed", 1, sample_id=sample_id, container_id=container_of[sample_id],
                          mass_ug=mass[sample_id], details={"expected_ug": mass[sample_id]})
        else:
            kind, container_id = rng.choice(OBSERVATIONS), rng.randrange(1, containers + 1)
            chain.add(kind, 1, container_id=container_id, details={"atmosphere": "nitrogen"})
            if kind in ("opened", "sealed"):
                sealed[container_id] = kind == "sealed"
    _insert(conn, "containers", container_columns, [row[:-1] + (sealed[row[0]],) for row in container_rows])
    last_event = {}
    for row in chain.rows:
        if row[4] is not None:
            last_event[row[4]] = row[0]
    conn.executemany(
        "INSERT INTO samples (id, number, mission_id, parent_id, kind, sampling, container_id, mass_ug, status, "
        "created_at, last_event_id) VALUES (?, ?, ?, ?, ?, 'scooped', ?, ?, ?, ?, ?)",
        [(i, number_of[i], mission_of[i], parent_of[i], kind_of[i], container_of[i], mass[i], status[i],
          _stamp(START), last_event.get(i)) for i in range(1, samples + 1)])
    conn.executemany("INSERT INTO container_stays (sample_id, container_id, from_event_id) VALUES (?, ?, ?)",
                     [(i, container_of[i], placed_by[i]) for i in range(1, samples + 1)])
    conn.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})",
                     chain.rows)
    conn.execute("UPDATE chain_head SET last_event_id = ?, last_hash = ? WHERE id = 1",
                 (len(chain.rows), chain.last_hash))
    conn.commit()
    conn.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        search_index.refresh(connection)
    engine.dispose()


def _locations(conn: sqlite3.Connection, chain: Chain, containers: int) -> list[int]:
    """A facility with enough cabinets, shelves and positions for every container; returns position ids."""
    rows, positions = [(1, None, "facility", "Facility", "Facility")], []
    per_shelf, shelves_per_cabinet = 25, 10
    for cabinet in range(containers // (per_shelf * shelves_per_cabinet) + 1):
        cabinet_id, cabinet_path = len(rows) + 1, f"Facility / Cabinet {cabinet:03d}"
        rows.append((cabinet_id, 1, "cabinet", f"Cabinet {cabinet:03d}", cabinet_path))
        for shelf in range(shelves_per_cabinet):
            shelf_id, shelf_path = len(rows) + 1, f"{cabinet_path} / Shelf {shelf}"
            rows.append((shelf_id, cabinet_id, "shelf", f"Shelf {shelf}", shelf_path))
            for slot in range(per_shelf):
                rows.append((len(rows) + 1, shelf_id, "position", f"P{slot:02d}", f"{shelf_path} / P{slot:02d}"))
                positions.append(len(rows))
    _register_all(conn, chain, "locations", ("id", "parent_id", "kind", "name", "path", "atmosphere"),
                  [row + ("nitrogen",) for row in rows])
    return positions


def _samples(chain: Chain, rng: random.Random, count: int, containers: int):  # type: ignore[no-untyped-def]
    """Primaries received, then splits of random earlier samples until ``count`` samples exist."""
    primaries = max(1, count // 100)
    mass, mission_of, parent_of, container_of, number_of, kind_of, placed_by = {}, {}, {}, {}, {}, {}, {}
    for sample_id in range(1, primaries + 1):
        number_of[sample_id] = f"CE{5 + sample_id % 2}C{sample_id % 10:04d}YJFM{sample_id:05d}"
        mass[sample_id], mission_of[sample_id] = 1_500_000_000 // primaries, 1 + sample_id % 2
        parent_of[sample_id] = None
        container_of[sample_id], kind_of[sample_id] = rng.randrange(1, containers + 1), KINDS[sample_id % 4]
        identity = {"number": number_of[sample_id], "mission_id": mission_of[sample_id], "parent_id": None,
                    "kind": kind_of[sample_id], "sampling": "scooped"}
        placed_by[sample_id] = chain.add("received", 2, sample_id=sample_id, container_id=container_of[sample_id],
                                         mass_ug=mass[sample_id], details={"sample": identity})
    next_id = primaries + 1
    while next_id <= count:
        parent = rng.randrange(1, next_id)
        children = list(range(next_id, min(count, next_id + rng.randrange(2, 6)) + 1))
        shares = [mass[parent] // (len(children) + 2) for _ in children]
        if min(shares) <= 0 or mass[parent] - sum(shares) - 3 < 0:
            continue
        root = parent
        while parent_of[root] is not None:
            root = parent_of[root]
        for child in children:
            number_of[child] = f"{number_of[root]}-{child:06d}"
        before, after = mass[parent], mass[parent] - sum(shares) - 3
        split_id = chain.add("split", 1, sample_id=parent, container_id=container_of[parent], mass_ug=after, details={
            "before_ug": before, "loss_ug": 3,
            "children": [{"number": number_of[child], "mass_ug": share}
                         for child, share in zip(children, shares, strict=True)]})
        mass[parent] = after
        for child, share in zip(children, shares, strict=True):
            mass[child], mission_of[child], parent_of[child] = share, mission_of[parent], parent
            container_of[child], kind_of[child] = rng.randrange(1, containers + 1), kind_of[parent]
            placed_by[child] = chain.add("split", 1, sample_id=child, container_id=container_of[child], mass_ug=share,
                                         details={"parent": number_of[parent], "split_event_id": split_id})
        next_id = children[-1] + 1
    return mass, mission_of, parent_of, container_of, number_of, kind_of, placed_by


ALLOCATION_COLUMNS = ("id", "reference", "institution_id", "mission_id", "pi", "purpose", "approved_mass_ug", "status",
                      "requested_at", "approved_at", "approved_by_id", "handed_over_at", "due_date", "closed_at",
                      "override_reason", "version")


def _allocations(conn, chain, rng, count, institutions, mass, mission_of, status, parent_of) -> None:  # type: ignore[no-untyped-def]
    """Each allocation registered as requested, then approved, and handed over, returned, consumed or
    cancelled by the events allocations.py writes; rows and items hold what those events give."""
    leaves = [s for s in mass if parent_of[s] is not None]
    rng.shuffle(leaves)
    allocation_rows, item_rows = [], []
    for allocation_id in range(1, count + 1):
        state = rng.choice(("approved", "handed_over", "handed_over", "returned", "consumed", "cancelled"))
        lent = state in ("handed_over", "returned", "consumed")
        picked = [leaves.pop() for _ in range(rng.randrange(1, 3))] if lent else []
        approved = sum(mass[s] for s in picked) or 1_000
        row = dict(zip(ALLOCATION_COLUMNS, (
            allocation_id, f"BENCH-{allocation_id:05d}", rng.randrange(1, institutions + 1),
            mission_of[picked[0]] if picked else 1, f"PI {allocation_id}", "", approved, "requested",
            START + timedelta(days=rng.randrange(0, 1800)), None, None, None, date(2030, 1, 1), None, "", 1),
            strict=True))
        chain.register("allocations", ALLOCATION_COLUMNS, tuple(row.values()))
        chain.add("approved", 2, allocation_id=allocation_id, details={"approved_ug": approved})
        row.update(status="approved", approved_at=chain.clock, approved_by_id=2)
        if state == "cancelled":
            chain.add("cancelled", 2, allocation_id=allocation_id, note="withdrawn")
            row.update(status="cancelled", closed_at=chain.clock)
        for sample_id in picked:
            chain.add("handed_over", 2, sample_id=sample_id, allocation_id=allocation_id, mass_ug=mass[sample_id])
            row.update(status="handed_over", handed_over_at=chain.clock)
            status[sample_id] = "on_loan"
        for sample_id in picked:
            out = mass[sample_id]
            returned = out // 2 if state == "returned" else 0
            consumed = out - returned if state in ("returned", "consumed") else 0
            if state != "handed_over":
                chain.add(state, 2, sample_id=sample_id, allocation_id=allocation_id, mass_ug=returned,
                          details={"consumed_ug": consumed})
                mass[sample_id], status[sample_id] = returned, state
                row.update(status=state, closed_at=chain.clock)
            item_rows.append((allocation_id, sample_id, out, returned, consumed, state))
        allocation_rows.append(tuple(_stamp(v) if isinstance(v, datetime) else v.isoformat() if isinstance(v, date)
                                     else v for v in row.values()))
    _insert(conn, "allocations", ALLOCATION_COLUMNS, allocation_rows)
    conn.executemany("INSERT INTO allocation_items (allocation_id, sample_id, mass_ug, returned_mass_ug, "
                     "consumed_mass_ug, status) VALUES (?, ?, ?, ?, ?, ?)", item_rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--samples", type=int, default=100_000)
    parser.add_argument("--containers", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--allocations", type=int, default=5_000)
    args = parser.parse_args()
    if args.out.exists():
        sys.exit(f"{args.out} exists: remove it first")
    started = time.perf_counter()
    generate(args.out, args.samples, args.containers, args.events, args.allocations)
    print(json.dumps({"database": str(args.out), "seconds": round(time.perf_counter() - started, 1),
                      "samples": args.samples, "events": args.events, "allocations": args.allocations}))


if __name__ == "__main__":
    main()
