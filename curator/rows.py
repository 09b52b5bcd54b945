"""Frozen rows the read-side queries return for display: plain data, no ORM objects, no sessions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from curator.vocabulary import AllocationItemStatus, AllocationStatus, Condition, LoanState, Role, SampleStatus


@dataclass(frozen=True)
class OperatorRow:
    name: str
    role: str
    #: When the lock that five wrong PINs put on the operator ends (None: not locked).
    locked_until: datetime | None = None

    @property
    def is_curator(self) -> bool:
        """Curators and admins may approve allocations and record corrections."""
        return Role(self.role).at_least(Role.CURATOR)


@dataclass(frozen=True)
class LocationNode:
    """One node of the storage tree, for the containers view (its children are asked for when opened)."""

    path: str
    name: str
    kind: str
    atmosphere: str
    has_children: bool = False
    #: Positions at or below it: taken and all (0, 0 when it has none).
    taken: int = 0
    positions: int = 0


@dataclass(frozen=True)
class SampleRow:
    """One line of the containers table: a sample and where it is."""

    number: str
    mission: str
    kind: str
    mass_ug: int
    barcode: str
    location: str
    status: SampleStatus
    last_event: str
    last_event_at: datetime | None
    condition: Condition = Condition.PRISTINE


@dataclass(frozen=True)
class SampleDetail:
    number: str
    mission: str
    kind: str
    sampling: str
    mass_ug: int
    status: SampleStatus
    parent: str | None
    barcode: str
    container_kind: str
    container_sealed: bool
    location: str
    created_at: datetime
    #: Reference and institution of the open allocation holding this sample, if any.
    allocation: str = ""
    borrower: str = ""
    #: Derived from the history (curator/condition.py), with the event that set it (None: pristine).
    condition: Condition = Condition.PRISTINE
    condition_event: int | None = None


@dataclass(frozen=True)
class HistoryRow:
    """One event in a sample's history; ``via_container`` marks events recorded on its container,
    ``via_location`` those recorded on a location it was inside (a facility event)."""

    event_id: int
    occurred_at: datetime
    kind: str
    operator: str
    mass_ug: int | None
    #: Kind-specific facts: note, atmosphere, to (location), allocation, corrects, children, expected_ug...
    facts: dict[str, object]
    via_container: str = ""
    via_location: str = ""


@dataclass(frozen=True)
class GenealogyNode:
    number: str
    mass_ug: int
    status: SampleStatus
    location: str
    borrower: str = ""
    children: tuple[GenealogyNode, ...] = field(default=())
    #: pristine, exposed, processed or contaminated (curator/condition.py)
    condition: str = ""


@dataclass(frozen=True)
class MassPoint:
    occurred_at: datetime
    mass_ug: int


@dataclass(frozen=True)
class AllocationRow:
    reference: str
    institution: str
    country: str
    country_name: str
    pi: str
    mission: str
    approved_ug: int
    handed_over_ug: int
    returned_ug: int
    consumed_ug: int
    status: AllocationStatus
    due_date: date | None
    requested_at: datetime
    version: int
    overdue: bool
    #: All its material back or used up, and its results in (curator.loan_results.loan_closed).
    closed: bool = False
    #: The request asks for pristine material: only pristine samples may be prepared or handed over.
    pristine_only: bool = False

    @property
    def on_loan_ug(self) -> int:
        return self.handed_over_ug - self.returned_ug - self.consumed_ug

    @property
    def state(self) -> AllocationStatus | LoanState:
        """What the allocations table and its status filter show."""
        return LoanState.CLOSED if self.closed else self.status


@dataclass(frozen=True)
class AllocationItemRow:
    number: str
    mass_ug: int
    status: AllocationItemStatus
    barcode: str
    returned_ug: int = 0
    consumed_ug: int = 0
    #: pristine, exposed, processed or contaminated (curator/condition.py)
    condition: str = ""


@dataclass(frozen=True)
class ScanTarget:
    """What a scanned code names: a sample (``code`` its number), a container (its barcode) or a location
    (its path), with the samples found there and, for the desk's message, where and what it is."""

    kind: str
    code: str
    numbers: tuple[str, ...] = ()
    #: A container's kind, or the kind of a location.
    what: str = ""
    #: Where a container stands, or (for a position) the container standing in it.
    where: str = ""
    #: A location's positions taken / all at or below it, and the next free one ("" when none).
    taken: int = 0
    positions: int = 0
    next_free: str = ""


@dataclass(frozen=True)
class LocationEntry:
    """A location as `curator location list` and the storage map give it: what it is, where, its
    barcode, and what it holds (a position: the container in it; any other: positions taken / all)."""

    path: str
    name: str
    kind: str
    barcode: str
    atmosphere: str
    grid: str = ""
    container: str = ""
    container_kind: str = ""
    samples: tuple[str, ...] = ()
    taken: int = 0
    positions: int = 0


@dataclass(frozen=True)
class MapCell:
    """One position of a storage map: its place in the grid (row and column from 0; None outside the
    grid) and the container and samples in it (empty when free)."""

    name: str
    path: str
    row: int | None
    column: int | None
    container: str = ""
    container_kind: str = ""
    samples: tuple[tuple[str, int, SampleStatus], ...] = ()
    #: The condition of each of ``samples``, in the same order (curator/condition.py).
    conditions: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class StorageMap:
    """A shelf, rack or cabinet as the storage map draws it: its grid of positions, or (a cabinet or
    room) the locations inside it with their occupancy."""

    path: str
    kind: str
    rows: int
    columns: int
    cells: tuple[MapCell, ...] = ()
    inside: tuple[LocationEntry, ...] = ()
    next_free: str = ""
