"""Compare every table with the state the chain gives (curator/replay.py), naming each difference:
the table, the row by its human key, the column, the stored value and the value the chain gives."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.facts import IDENTITY_TABLE, fact_value
from curator.mass import format_mass
from curator.problems import Problem
from curator.replay import UNSTATED, ChainReplay
from curator.replay_loans import ITEM_COLUMNS
from curator.storage.models import AllocationItem, Base, ContainerStay, Sample

#: The column people name each directory row by.
KEYS = {"operators": "name", "institutions": "name", "investigators": "name", "missions": "code",
        "locations": "path", "containers": "barcode", "allocations": "reference", IDENTITY_TABLE: "uuid"}
#: Columns no event states: the allocations' optimistic-lock counter.
UNCHECKED = {"version"}
#: Which table an id column points into, so a difference names the row ("Osaka University", not 3).
REFERENCES = {"institution_id": "institutions", "mission_id": "missions", "location_id": "locations",
              "container_id": "containers", "approved_by_id": "operators"}
SAMPLE_COLUMNS = ("number", "mission_id", "parent_id", "kind", "sampling", "status", "container_id", "last_event_id")


class StateCheck:
    def __init__(self, session: Session, replay: ChainReplay, events: int) -> None:
        self.session, self.replay, self.events = session, replay, events
        self.keys = {table: {row_id: row.get(key) for row_id, row in replay.rows[table].items()}
                     for table, key in KEYS.items()}
        self.numbers = dict(replay.numbers)
        self.numbers.update({sample_id: state.number for sample_id, state in replay.samples.items()
                             if isinstance(state.number, str)})
        self.problems: list[Problem] = []

    def run(self) -> list[Problem]:
        for table in KEYS:
            self._directory(table)
        self._samples()
        self._items()
        self._stays()
        return self.problems

    def shown(self, table: str, column: str, value: Any) -> str:
        """A value as people know it: an id column shows the row it points to by its key."""
        target = table if column == "parent_id" else REFERENCES.get(column)
        if value is None or target is None:
            return repr(value)
        name = self.numbers.get(value) if target == "samples" else self.keys[target].get(value)
        return repr(name) if name is not None else f"row {value}"

    def _differ(self, table: str, label: str, column: str, stored: Any, chain: Any, **where: Any) -> None:
        self.problems.append(Problem(f"{label}: {column} is {self.shown(table, column, stored)}, the chain "
                                     f"gives {self.shown(table, column, chain)}", **where))

    def _directory(self, table: str) -> None:
        replayed = self.replay.rows[table]
        registered = self.replay.registered[table]
        if table == "operators" and not registered:
            return  # a chain without operator facts yet: its signatures are checked against the table instead
        if table == IDENTITY_TABLE and not self.events:
            return  # a new database: its first event will state the identity
        key = KEYS[table]
        stored = {row["id"]: dict(row) for row in self.session.execute(select(Base.metadata.tables[table])).mappings()}
        for row_id, chain in replayed.items():
            row = stored.pop(row_id, None)
            name = repr(chain.get(key) or (row or {}).get(key) or f"#{row_id}")
            if row is None:
                self.problems.append(Problem(f"{table} {name}: the chain has row {row_id} but the table does not "
                                             "(deleted behind the application's back)"))
                continue
            if row_id not in registered:
                self.problems.append(Problem(f"{table} {name}: no event registered row {row_id} "
                                             "(added behind the application's back)"))
            for column, value in chain.items():
                if column in row and column not in UNCHECKED and fact_value(row[column]) != value:
                    self._differ(table, f"{table} {name}", column, fact_value(row[column]), value)
        for row_id, row in stored.items():
            self.problems.append(Problem(f"{table} {row.get(key)!r}: no event registered row {row_id} "
                                         "(added behind the application's back)"))

    def _samples(self) -> None:
        query = select(Sample.id, Sample.mass_ug, *(getattr(Sample, c) for c in SAMPLE_COLUMNS))
        seen = set()
        for row in self.session.execute(query.execution_options(yield_per=5000)).mappings():
            sample_id, number, mass = row["id"], row["number"], row["mass_ug"]
            seen.add(sample_id)
            where = {"event_id": row["last_event_id"], "sample": number}
            if mass < 0:
                self.problems.append(Problem(f"mass is negative ({format_mass(mass)})", **where))
            state = self.replay.samples.get(sample_id)
            if state is None or state.mass_ug is None:
                self.problems.append(Problem("has no event that records its mass (received or split)", **where))
                continue
            if state.mass_ug != mass:
                self.problems.append(Problem(f"stored mass {format_mass(mass)} differs from its history "
                                             f"({format_mass(state.mass_ug)})", **where))
            for column in SAMPLE_COLUMNS:
                chain = getattr(state, column)
                if chain is not UNSTATED and row[column] != chain:
                    self._differ("samples", "samples", column, row[column], chain, **where)
        for sample_id in self.replay.samples.keys() - seen:
            self.problems.append(Problem(f"the chain records sample row {sample_id} but the samples table has no "
                                         "such row (deleted behind the application's back)",
                                         self.replay.samples[sample_id].last_event_id, self.numbers.get(sample_id)))

    def _items(self) -> None:
        references = self.keys["allocations"]
        stored: dict[tuple[int, int], dict[str, Any]] = {}
        for row in self.session.execute(select(AllocationItem.__table__)).mappings():
            key = (row["allocation_id"], row["sample_id"])
            name = f"{references.get(key[0], key[0])} / {self.numbers.get(key[1], key[1])}"
            if key in stored or key not in self.replay.items:
                self.problems.append(Problem(f"allocation_items {name}: no event put this sample into this "
                                             "allocation (added behind the application's back)"))
            stored[key] = dict(row)
        for key, chain in self.replay.items.items():
            name = f"{references.get(key[0], key[0])} / {self.numbers.get(key[1], key[1])}"
            item = stored.get(key)
            if item is None:
                self.problems.append(Problem(f"allocation_items {name}: the chain has this split in this "
                                             "allocation but the table does not (deleted)"))
                continue
            for column in ITEM_COLUMNS:
                if item[column] != chain[column]:
                    self._differ("allocation_items", f"allocation_items {name}", column, item[column], chain[column])

    def _stays(self) -> None:
        columns = (ContainerStay.sample_id, ContainerStay.container_id, ContainerStay.from_event_id,
                   ContainerStay.until_event_id)
        stored: Counter[tuple[Any, ...]] = Counter(tuple(row) for row in self.session.execute(select(*columns)))
        chain: Counter[tuple[Any, ...]] = Counter(tuple(stay) for stay in self.replay.stays)
        for label, extra in (("the table has it, the chain does not", stored - chain),
                             ("the chain has it, the table does not", chain - stored)):
            for sample_id, container_id, start, until in extra.elements():
                self.problems.append(Problem(
                    f"container_stays: in container {self.keys['containers'].get(container_id, container_id)!r} "
                    f"from event {start} until {until if until is not None else 'now'}: {label}",
                    start, self.numbers.get(sample_id)))
