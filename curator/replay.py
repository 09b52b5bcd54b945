"""Rebuild, from the chain of events alone, the state every table should hold.

One pass over the events in id order (``see``), keeping only per-row state, so memory grows with the
number of samples, containers and other rows, never with the number of events. Directory rows
(operators, institutions, missions, locations, containers, allocations) come from the facts their
``registered``/``amended`` events carry; samples, their places and masses, containers' places and
seals, and loans follow from the handling events. Along the way the split balances, the corrections
and every event's bound signer are checked.
"""

from __future__ import annotations

import json
from collections import defaultdict, deque
from typing import Any

from curator.event_stream import EventRow
from curator.facts import AMENDED, IDENTITY_TABLE, LATER_COLUMNS, REGISTERED, SAMPLE_FACTS
from curator.mass import format_mass
from curator.problems import Problem
from curator.replay_loans import LoanReplay
from curator.vocabulary import MEASUREMENT_KINDS, EventKind, SampleStatus

#: A sample column no event has stated (a legacy ``received`` event carried only the mass).
UNSTATED: Any = type("Unstated", (), {"__repr__": lambda self: "unstated"})()


class SampleState:
    """A sample as the chain gives it; identity facts stay None where a legacy event did not state them."""

    __slots__ = ("number", "mission_id", "parent_id", "kind", "sampling", "mass_ug", "status", "container_id",
                 "last_event_id", "measured_event_id")

    def __init__(self) -> None:
        self.number = self.mission_id = self.parent_id = self.kind = self.sampling = UNSTATED
        self.mass_ug: int | None = None
        self.status: str = SampleStatus.IN_STORE
        self.container_id: int | None = None
        self.last_event_id = 0
        self.measured_event_id = 0


class ChainReplay(LoanReplay):
    """Feed it every event in id order with ``see``; then read ``rows``, ``samples``, ``stays``."""

    def __init__(self, numbers: dict[int, str], stored_operators: dict[int, tuple[str, str]]) -> None:
        super().__init__()
        self.numbers = numbers  # stored numbers, only to name samples in messages
        self.stored_operators = stored_operators
        self.rows: dict[str, dict[int, dict[str, Any]]] = defaultdict(dict)
        self.registered: dict[str, set[int]] = defaultdict(set)
        self.samples: dict[int, SampleState] = {}
        self.stays: list[list[int | None]] = []  # [sample_id, container_id, from_event_id, until_event_id]
        self.open_stay: dict[int, list[int | None]] = {}
        self.children_due: dict[int, deque[dict[str, Any]]] = {}  # split event id -> its children, in order
        self.split_parent: dict[int, int] = {}  # split event id -> parent sample id
        self.true_mass: dict[int, int] = {}  # corrected event id -> the true mass its latest correction states
        #: (correction, corrected event, recorded mass, sample)
        self.recorded_claims: list[tuple[int, int, int | None, int | None]] = []
        self.identities: dict[int, dict[str, Any]] = {}  # operator id -> name and role at this point
        self.bad_signatures: dict[tuple[Any, ...], list[Any]] = {}
        self.problems: list[Problem] = []
        #: (history_replaced event, the restored head it names), checked against the chain after the walk
        self.replacements: list[tuple[int, dict[str, Any]]] = []

    def see(self, event: EventRow) -> None:
        details = json.loads(event.details or "{}")
        if event.id == 1 and "database" in details:  # the first event states the database's identity
            self._fact(event, {"table": IDENTITY_TABLE, "row": 1, "set": details["database"]}, REGISTERED)
        if event.kind in (REGISTERED, AMENDED):
            self._fact(event, details, event.kind)
        elif event.sample_id is not None:
            self._sample_event(event, details)
        elif event.container_id is not None:
            self._container_event(event)
        elif event.kind == EventKind.HISTORY_REPLACED:
            self.replacements.append((event.id, details.get("restored") or {}))
        if event.allocation_id is not None:
            self.loan_event(event, details)
        if "signer" in details:
            self._check_signer(event, details["signer"])

    # -- directory facts -------------------------------------------------------------------------------
    def _fact(self, event: EventRow, details: dict[str, Any], kind: str) -> None:
        fact: Any = details  # as the chain holds it: a forged fact may lack any key
        table, row, values = fact.get("table"), fact.get("row"), fact.get("set", {})
        if table == "samples":  # a sample's identity, stated by a genesis fact of an upgraded database
            self._identity(self.sample(row), values)
            return
        if table == "operators":
            self.identities.pop(row, None)
        if kind == REGISTERED:
            self.rows[table][row] = {**LATER_COLUMNS.get(table, {}), **values}
            self.registered[table].add(row)
        elif row in self.rows[table]:
            self.rows[table][row].update(values)
        else:
            self.problems.append(Problem(f"amends {table} row {row}, which no earlier event registered", event.id))

    def _check_signer(self, event: EventRow, bound: dict[str, str]) -> None:
        """The name and role an event bound must be the signer's at that point of the chain."""
        expected = self.identities.get(event.operator_id)
        if expected is None:
            replayed = self.rows["operators"].get(event.operator_id)
            name, role = (replayed.get("name"), replayed.get("role")) if replayed else \
                self.stored_operators.get(event.operator_id, (None, None))
            expected = self.identities[event.operator_id] = {"name": name, "role": role}
        if bound == expected:
            return
        for column, now in expected.items():
            if bound.get(column) != now:
                key = (event.operator_id, column, bound.get("name"), bound.get("role"), now)
                first = self.bad_signatures.setdefault(key, [event.id, self.numbers.get(event.sample_id), 0])
                first[2] += 1
                return

    def _signature_problems(self) -> None:
        """One problem per forged identity: its first event and how many more it signed."""
        for (operator_id, column, name, role, now), (event_id, number, count) in self.bad_signatures.items():
            more = f" (and {count - 1} later events)" if count > 1 else ""
            self.problems.append(Problem(
                f"signed by {name!r} as {role!r}, but operator row {operator_id} has {column} {now!r}{more}: "
                "renamed or promoted behind the application's back", event_id, number))

    # -- containers ------------------------------------------------------------------------------------
    def container(self, container_id: int) -> dict[str, Any]:
        return self.rows["containers"].setdefault(container_id, {})

    def _container_event(self, event: EventRow) -> None:
        if event.kind == EventKind.MOVED:
            self.container(event.container_id)["location_id"] = event.to_location_id
        elif event.kind in (EventKind.OPENED, EventKind.SEALED):
            self.container(event.container_id)["sealed"] = event.kind == EventKind.SEALED

    # -- samples ---------------------------------------------------------------------------------------
    def sample(self, sample_id: int) -> SampleState:
        state = self.samples.get(sample_id)
        if state is None:
            state = self.samples[sample_id] = SampleState()
        return state

    def _sample_event(self, event: EventRow, details: dict[str, Any]) -> None:
        state = self.sample(event.sample_id)
        state.last_event_id = event.id
        kind = event.kind
        if kind == EventKind.RECEIVED:
            self._identity(state, details.get("sample", {}))
            self._place(event.sample_id, event.container_id, event.id)
        elif kind == EventKind.SPLIT and "parent" in details:
            self._child(event, state, details)
        elif kind == EventKind.SPLIT:
            self._check_split(event, state, details)
        elif kind == EventKind.MOVED:
            self._place(event.sample_id, event.container_id, event.id)
        if kind in MEASUREMENT_KINDS:
            state.measured_event_id = event.id
        if kind == EventKind.CORRECTION and "true_ug" in details:
            self._correction(event, state, details)
        elif event.mass_ug is not None:
            self._mass(event, state, event.mass_ug)

    def _identity(self, state: SampleState, facts: dict[str, Any]) -> None:
        for column in SAMPLE_FACTS:
            if column in facts:
                setattr(state, column, facts[column])

    def _place(self, sample_id: int, container_id: int | None, event_id: int) -> None:
        stay = self.open_stay.pop(sample_id, None)
        if stay is not None:
            stay[3] = event_id
        self.sample(sample_id).container_id = container_id
        if container_id is not None:
            stay = [sample_id, container_id, event_id, None]
            self.stays.append(stay)
            self.open_stay[sample_id] = stay

    def _mass(self, event: EventRow, state: SampleState, mass_ug: int) -> None:
        if mass_ug < 0:
            self._problem(event, f"states a negative mass ({format_mass(mass_ug)})")
        state.mass_ug = mass_ug

    def _check_split(self, event: EventRow, state: SampleState, details: dict[str, Any]) -> None:
        before, children = details.get("before_ug"), details.get("children", [])
        if state.mass_ug is not None and before != state.mass_ug:
            self._problem(event, f"split starts from {format_mass(before or 0)} but the sample "
                                 f"held {format_mass(state.mass_ug)}")
        total = (event.mass_ug or 0) + sum(child["mass_ug"] for child in children) + details.get("loss_ug", 0)
        if before != total:
            self._problem(event, f"split does not balance: before {format_mass(before or 0)}, "
                                 f"after + children + loss {format_mass(total)}")
        self.children_due[event.id] = deque(children)
        self.split_parent[event.id] = event.sample_id

    def _child(self, event: EventRow, state: SampleState, details: dict[str, Any]) -> None:
        split_id: Any = details.get("split_event_id")  # as the chain holds it: checked below
        due = self.children_due.get(split_id)
        promised = due.popleft() if due else None
        if due is not None and not due:
            del self.children_due[split_id]
        parent_id = self.split_parent.get(split_id)
        parent = self.samples.get(parent_id) if parent_id is not None else None
        if promised is None:
            self._problem(event, f"is a child of split event {split_id}, which names no more children")
        else:
            state.number = promised["number"]
            if promised["mass_ug"] != event.mass_ug:
                self._problem(event, f"child mass {format_mass(event.mass_ug or 0)} differs from the "
                                     f"{format_mass(promised['mass_ug'])} its parent's split gave it")
        state.parent_id = parent_id
        if parent is not None:
            state.mission_id, state.kind, state.sampling = parent.mission_id, parent.kind, parent.sampling
        self._place(event.sample_id, event.container_id, event.id)

    def _correction(self, event: EventRow, state: SampleState, details: dict[str, Any]) -> None:
        """The correction rule (notes/CORRECTIONS.md): the corrected event's mass was wrong by a delta,
        which moves the current mass unless the sample was measured again after it."""
        corrected, recorded, true = event.corrects_event_id, details.get("recorded_ug"), details["true_ug"]
        stood_at = self.true_mass.get(corrected)
        if stood_at is None:
            self.recorded_claims.append((event.id, corrected, recorded, event.sample_id))
        elif stood_at != recorded:
            self._problem(event, f"corrects event {corrected} from {format_mass(recorded or 0)}, but that "
                                 f"event stood at {format_mass(stood_at)}")
        self.true_mass[corrected] = true
        expected = state.mass_ug
        if expected is not None and state.measured_event_id <= corrected:
            expected += true - (recorded or 0)
        if expected is not None and event.mass_ug != expected:
            self._problem(event, f"correction leaves {format_mass(event.mass_ug or 0)}, but the correction "
                                 f"rule gives {format_mass(expected)}")
        self._mass(event, state, expected if expected is not None else event.mass_ug)

    def _problem(self, event: EventRow, message: str) -> None:
        self.problems.append(Problem(message, event.id, self._number(event.sample_id)))

    def _number(self, sample_id: int | None) -> str:
        """The stored number of a sample, or its id where the tables no longer have it."""
        number = self.numbers.get(sample_id) if sample_id is not None else None
        return number if number is not None else f"#{sample_id}"

    def finish(self, masses: dict[int, tuple[int | None, int | None]]) -> None:
        """After the pass: name forged signers, and check that each first correction of an event quoted
        the mass that event stated (``masses``: the corrected events' ids to their sample id and mass)."""
        self._signature_problems()
        for correction, corrected, recorded, sample_id in self.recorded_claims:
            stated_sample, stated = masses.get(corrected, (None, None))
            number = self._number(sample_id)
            if stated is None or stated_sample != sample_id:
                self.problems.append(Problem(f"corrects the mass of event {corrected}, which states no mass "
                                             "of this sample", correction, number))
            elif stated != recorded:
                self.problems.append(Problem(f"corrects event {corrected} from {format_mass(recorded or 0)}, "
                                             f"but that event states {format_mass(stated)}", correction, number))

