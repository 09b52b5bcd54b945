"""Catalogue import: samples from another system's spreadsheet (.xlsx or .csv), all rows or none.

``read_catalogue`` reads and checks every row against the database and returns a plan listing the
samples to create and every bad row (row number and reason). ``import_catalogue`` writes a plan
without errors in one transaction: each sample gets a ``received`` event signed by the operator.

Missions: ``mission`` names the mission of every row. When the file has a Mission column, rows of
other missions are skipped (and counted); ``mission="all"`` follows the column row by row. A mission
missing from the database is created when it is a known sample-return mission (Apollo 11-17,
Chang'e-5/6, with their real returned masses); an unknown one is a bad row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.catalogue_format import (
    Column,
    find_header,
    known_missions,
    map_kind,
    mass_from_cell,
    mission_key,
    read_rows,
    split_parent,
)
from curator.catalogue_places import BadPlace, PlaceChecker
from curator.catalogue_rules import (
    check_children_of_existing,
    check_mission_totals,
    existing_parents,
    received_per_mission,
    split_from_existing,
)
from curator.errors import CuratorError, Refusal, ValidationError
from curator.events import append_event, utcnow
from curator.facts import register, sample_facts
from curator.identifiers import clean_code
from curator.mass import format_mass
from curator.material_places import house
from curator.operators import find_operator
from curator.sample_state import place, touch_sample
from curator.storage.db import Database
from curator.storage.models import Container, Location, Mission, Operator, Sample
from curator.vocabulary import ContainerKind, EventKind, SampleStatus, Sampling

ALL_MISSIONS = "all"
PROGRESS_EVERY = 100
MAX_NUMBER_LENGTH = 64


@dataclass(frozen=True)
class RowError:
    """A bad row: its message (English, for the command line) and the code and parameters the desk says."""

    row: int
    message: str
    code: Refusal | None = None
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


@dataclass(frozen=True)
class PlannedSample:
    row: int
    number: str
    mission: str
    kind: str
    mass_ug: int
    parent: str | None = None
    container: str | None = None
    sampling: str = ""
    note: str = ""
    #: The position its container goes to (a path, or a shelf, rack or cabinet's: its next free one).
    position: str | None = None


@dataclass
class ImportPlan:
    source: str
    samples: list[PlannedSample] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    new_missions: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        per_mission = Counter(sample.mission for sample in self.samples)
        parts = [f"{len(self.samples)} samples from {self.source}"
                 + (" (" + ", ".join(f"{code} {count}" for code, count in sorted(per_mission.items())) + ")"
                    if per_mission else "")]
        if self.new_missions:
            parts.append("new missions " + ", ".join(sorted(self.new_missions)))
        if self.skipped:
            parts.append(f"{sum(self.skipped.values())} rows of other missions skipped")
        return "; ".join(parts)


class _Checker:
    """Checks rows one by one against the file so far and the database."""

    def __init__(self, db: Database, plan: ImportPlan, mission: str, columns: list[Column]) -> None:
        self.plan, self.columns = plan, columns
        self.roles = {column.role: index for index, column in reversed(list(enumerate(columns)))}
        self.known = known_missions()
        with db.read() as session:
            self.db_missions = {mission_key(m.code): m for m in session.execute(select(Mission)).scalars()}
            self.db_missions.update({mission_key(m.name): m for m in self.db_missions.values()})
            self.parent_state = existing_parents(session)
            self.received = received_per_mission(session)
            self.containers = set(session.execute(select(Container.barcode)).scalars())
            self.places = PlaceChecker(session)
            paths = session.execute(select(Location.path)).scalars()
        self.existing = set(self.parent_state)
        self.parents = {number: parent.mission for number, parent in self.parent_state.items()}
        #: Sample numbers, barcodes and location paths share one namespace, in any case.
        self.taken = {code.upper() for code in (*self.existing, *self.containers, *paths)}
        self.limits = {m.code: m.returned_mass_ug for m in self.db_missions.values()}
        self.target = None if mission.strip().lower() == ALL_MISSIONS else self.mission_code(mission)
        if mission.strip().lower() != ALL_MISSIONS and self.target is None:
            raise ValidationError(f"unknown mission {mission!r}: add it first, or use a known code (A11-A17, CE5, CE6)",
                                  code=Refusal.UNKNOWN_MISSION, params={"mission": mission})
        if self.target is None and "mission" not in self.roles:
            raise ValidationError("--mission all needs a Mission column in the file", code=Refusal.MISSION_COLUMN)
        self.seen: dict[str, int] = {}

    def mission_code(self, text: str) -> str | None:
        key = mission_key(text)
        if key in self.db_missions:
            return self.db_missions[key].code
        known = self.known.get(key)
        if known is None:
            return None
        self.limits.setdefault(known["code"], int(Decimal(known["returned_mass_g"]) * 1_000_000))
        return known["code"]

    def use_mission(self, code: str) -> None:
        """A row of ``code`` will be imported: a known mission missing from the database is created."""
        if code not in self.plan.new_missions and mission_key(code) not in self.db_missions:
            self.plan.new_missions[code] = self.known[mission_key(code)]

    def cell(self, values: list[object], role: str) -> object:
        index = self.roles.get(role)
        if index is None or index >= len(values):
            return None
        value = values[index]
        return value.strip() if isinstance(value, str) else value

    def check(self, row: int, values: list[object]) -> None:
        identifier = self.cell(values, "id")
        number = str(identifier or "").strip()
        if isinstance(identifier, float) and identifier.is_integer():
            number = str(int(identifier))
        mission_cell = self.cell(values, "mission")
        mission = self.target
        if mission_cell not in (None, ""):
            row_mission = self.mission_code(str(mission_cell))
            if self.target is not None and row_mission != self.target:
                self.plan.skipped[str(mission_cell)] += 1
                return
            mission = row_mission
            if mission is None:
                return self.fail(row, f"unknown mission {mission_cell!r}", code=Refusal.UNKNOWN_MISSION,
                                 params={"mission": mission_cell})
        if mission is None:
            return self.fail(row, "no mission given (empty Mission cell)", code=Refusal.NO_MISSION_GIVEN)
        if not number:
            return self.fail(row, "missing ID (sample number)", code=Refusal.MISSING_ID)
        if len(number) > MAX_NUMBER_LENGTH:
            return self.fail(row, f"ID {number[:20]}... is longer than {MAX_NUMBER_LENGTH} characters",
                             code=Refusal.ID_TOO_LONG, params={"start": number[:20], "most": MAX_NUMBER_LENGTH})
        try:
            number = clean_code(number, "ID")
        except ValidationError as exc:
            return self.fail(row, str(exc), code=exc.code, params=exc.params)
        if number.upper() in self.seen:
            return self.fail(row, f"duplicate ID {number} (also on row {self.seen[number.upper()]})",
                             code=Refusal.DUPLICATE_ID, params={"number": number, "first": self.seen[number.upper()]})
        self.seen[number.upper()] = row
        if number in self.existing:
            return self.fail(row, f"sample {number} already exists in the database", code=Refusal.SAMPLE_EXISTS,
                             params={"number": number})
        if number.upper() in self.taken:
            return self.fail(row, f"ID {number} is already used by a sample, container or location in the database",
                             code=Refusal.ID_TAKEN, params={"number": number})
        kind_text = str(self.cell(values, "kind") or "")
        kind = map_kind(kind_text)
        if kind is None:
            return self.fail(row, f"unknown kind {kind_text!r}", code=Refusal.UNKNOWN_KIND,
                             params={"value": kind_text}) if kind_text else \
                self.fail(row, "missing kind (type)", code=Refusal.MISSING_KIND)
        mass_cell = self.cell(values, "mass")
        if mass_cell in (None, ""):
            return self.fail(row, "missing mass", code=Refusal.MISSING_MASS)
        try:
            mass = mass_from_cell(mass_cell, self.columns[self.roles["mass"]].unit)
        except ValidationError as exc:
            return self.fail(row, str(exc), code=exc.code, params=exc.params)
        if mass > self.limits[mission]:
            return self.fail(row, f"mass {format_mass(mass)} is more than {mission} returned "
                                  f"({format_mass(self.limits[mission])})", code=Refusal.MASS_OVER_MISSION,
                             params={"mass": format_mass(mass), "mission": mission,
                                     "returned": format_mass(self.limits[mission])})
        parent = str(self.cell(values, "parent") or "").strip() or split_parent(number)
        sampling = str(self.cell(values, "sampling") or "").strip().lower()
        if sampling not in list(Sampling):
            return self.fail(row, f"unknown sampling {sampling!r} (scooped or drilled)", code=Refusal.UNKNOWN_SAMPLING,
                             params={"value": sampling})
        try:
            container, position = self.places.check(row, str(self.cell(values, "container") or "").strip() or None,
                                                    str(self.cell(values, "position") or "").strip() or None)
        except BadPlace as bad:
            return self.fail(row, str(bad), code=bad.code, params=bad.params)
        except ValidationError as exc:
            return self.fail(row, str(exc), code=exc.code, params=exc.params)
        if container and container not in self.containers and container.upper() in self.taken:
            return self.fail(row, f"barcode {container} is already used by a sample or location in the database",
                             code=Refusal.ID_TAKEN, params={"number": container})
        extras = "; ".join(f"{column.header}: {values[index]}" for index, column in enumerate(self.columns)
                           if column.role == "extra" and index < len(values) and values[index] not in (None, ""))
        self.use_mission(mission)
        self.plan.samples.append(PlannedSample(row, number, mission, kind, mass, parent, container, sampling, extras,
                                               position))

    def fail(self, row: int, message: str, *, code: Refusal | None,
             params: Mapping[str, object] | None = None) -> None:
        self.plan.errors.append(RowError(row, message, code, dict(params or {})))

    def check_parents(self) -> None:
        """Every parent must be a sample of the same mission, in the file or in the database."""
        in_file = {sample.number: sample for sample in self.plan.samples}
        for sample in list(self.plan.samples):
            if not sample.parent:
                continue
            mission = in_file[sample.parent].mission if sample.parent in in_file else self.parents.get(sample.parent)
            if mission is None:
                self.fail(sample.row, f"unknown parent {sample.parent!r}: not in the file nor in the database",
                          code=Refusal.UNKNOWN_PARENT, params={"parent": sample.parent})
            elif mission != sample.mission:
                self.fail(sample.row, f"parent {sample.parent} is from {mission}, not {sample.mission}",
                          code=Refusal.OTHER_MISSION, params={"number": sample.parent, "mission": mission,
                                                              "wanted": sample.mission})
        check_children_of_existing(self.plan, self.parent_state, self.fail)
        check_mission_totals(self.plan, self.limits, self.received, self.fail)
        self.plan.errors.sort(key=lambda error: error.row)


def read_catalogue(db: Database, path: str | Path, mission: str, encoding: str | None = None) -> ImportPlan:
    """Read and check a catalogue file; nothing is written. File-level problems raise ValidationError.

    ``encoding`` forces a CSV file's text encoding (by default it is found, see curator.catalogue_files).
    """
    path = Path(path)
    plan = ImportPlan(path.name)
    columns, rows = find_header(read_rows(path, encoding), path.name)
    checker = _Checker(db, plan, mission, columns)
    for row, values in rows:
        checker.check(row, values)
    checker.check_parents()
    return plan


def _parents_first(samples: list[PlannedSample]) -> list[PlannedSample]:
    in_file = {sample.number for sample in samples}
    done: set[str] = set()
    ordered: list[PlannedSample] = []
    pending = samples
    while pending:
        ready = [s for s in pending if not s.parent or s.parent not in in_file or s.parent in done]
        if not ready:
            raise ValidationError(f"row {pending[0].row}: the parents of {pending[0].number} form a loop",
                                  code=Refusal.PARENT_LOOP, params={"row": pending[0].row, "number": pending[0].number})
        ordered.extend(ready)
        done.update(s.number for s in ready)
        pending = [s for s in pending if s.number not in done]
    return ordered


def received_container(session: Session, signer: Operator, planned: PlannedSample, parent_id: int | None,
                       put_at: str | None) -> Container | None:
    """The container a catalogue row names, with its place (a new jar, or a vial for a split)."""
    if not planned.container:
        return None
    parent = session.get(Sample, parent_id) if parent_id else None
    near = parent.container.location if parent is not None and parent.container else None
    return house(session, signer, planned.container, ContainerKind.VIAL if parent_id else ContainerKind.JAR,
                 planned.position, near, f"sample {planned.number}", fallback=put_at, place_unplaced=False)


class ImportCancelled(CuratorError):
    """The person cancelled the import; the transaction was rolled back and nothing was imported."""


def import_catalogue(db: Database, plan: ImportPlan, operator: str,
                     progress: Callable[[int, int], bool] | None = None, put_at: str | None = None) -> int:
    """Create every planned sample (and new mission) in one transaction; returns the number of samples.

    Each row's container gets its place in the same transaction (curator/catalogue_places.py): its
    Position, else ``put_at`` (a position, or a shelf, rack or cabinet: its next free ones), else the next
    free position near its parent's container (or the first free in storage).

    ``progress(done, total)`` is called every hundred samples; returning False cancels: the whole
    transaction is rolled back and ImportCancelled is raised.
    """
    if plan.errors:
        raise ValidationError(f"{len(plan.errors)} bad row(s) in {plan.source}: nothing imported",
                              code=Refusal.BAD_ROWS, params={"count": len(plan.errors), "source": plan.source})
    with db.write() as session:
        signer = find_operator(session, operator)
        for code, known in plan.new_missions.items():
            if session.execute(select(Mission.id).where(Mission.code == code)).first() is None:
                register(session, signer, Mission(
                    code=code, name=known["name"], landing_site=known["landing_site"],
                    returned_mass_ug=int(Decimal(known["returned_mass_g"]) * 1_000_000),
                    return_date=date.fromisoformat(known["return_date"])))
        session.flush()
        missions = {m.code: m.id for m in session.execute(select(Mission)).scalars()}
        numbers = [sample.number for sample in plan.samples]
        for start in range(0, len(numbers), 500):
            taken = session.execute(select(Sample.number).where(Sample.number.in_(numbers[start:start + 500]))).first()
            if taken:
                raise ValidationError(f"sample {taken[0]} was added meanwhile: nothing imported",
                                      code=Refusal.ADDED_MEANWHILE, params={"number": taken[0]})
        ids: dict[str, int] = {}
        now = utcnow()
        split_off = split_from_existing(session, signer, plan, put_at)
        for done, planned in enumerate(_parents_first(plan.samples), start=1):
            if progress is not None and done % PROGRESS_EVERY == 0 and progress(done, len(plan.samples)) is False:
                raise ImportCancelled("import cancelled: nothing was imported", code=Refusal.IMPORT_CANCELLED)
            if planned.number in split_off:
                continue
            parent_id = ids.get(planned.parent) if planned.parent else None
            if planned.parent and parent_id is None:
                parent_id = session.execute(select(Sample.id).where(Sample.number == planned.parent)).scalar_one()
            sample = Sample(number=planned.number, mission_id=missions[planned.mission], parent_id=parent_id,
                            kind=planned.kind, sampling=planned.sampling, mass_ug=planned.mass_ug,
                            status=SampleStatus.IN_STORE, created_at=now)
            session.add(sample)
            session.flush()
            ids[planned.number] = sample.id
            holder = received_container(session, signer, planned, parent_id, put_at)
            details = {"source": plan.source, "row": planned.row, "sample": sample_facts(sample),
                       **({"parent": planned.parent} if planned.parent else {})}
            event = append_event(session, EventKind.RECEIVED, signer, sample_id=sample.id, mass_ug=planned.mass_ug,
                                 container_id=holder.id if holder else None, note=planned.note, details=details)
            if holder is not None:
                place(session, sample, holder, event)
            touch_sample(sample, event)
    return len(plan.samples)
