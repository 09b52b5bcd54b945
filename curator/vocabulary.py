"""The domain's words: statuses, kinds, atmospheres, roles and event kinds, each an enum in one place.

The values are the strings stored in the database (and hashed into the chain), so they never change;
a member compares equal to its stored string. How a word reads on screen is the desk's business
(ui/text.py translates every member); the domain never formats for a person's language.
"""

from __future__ import annotations

from enum import StrEnum


class Word(StrEnum):
    """A member of a vocabulary: it is, compares and prints as its stored string (``repr`` too, so a
    message that quotes a value reads the same whether it came from the database or from the code)."""

    def __repr__(self) -> str:
        return repr(self.value)


class SampleStatus(Word):
    IN_STORE = "in_store"
    #: Set aside for a prepared allocation, still in the facility.
    ALLOCATED = "allocated"
    ON_LOAN = "on_loan"
    #: Back from a loan, in the facility again.
    RETURNED = "returned"
    CONSUMED = "consumed"


class AllocationStatus(Word):
    REQUESTED = "requested"
    APPROVED = "approved"
    PREPARED = "prepared"
    HANDED_OVER = "handed_over"
    RETURNED = "returned"
    CONSUMED = "consumed"
    CANCELLED = "cancelled"


class LoanState(Word):
    """What people see of an allocation beyond its status: a returned or consumed loan whose results are in
    reads closed (curator.loan_results.loan_state decides)."""

    CLOSED = "closed"


#: Every state an allocation is shown in (the allocations table's status filter offers these).
SHOWN_LOAN_STATES: tuple[AllocationStatus | LoanState, ...] = (*AllocationStatus, LoanState.CLOSED)


class AllocationItemStatus(Word):
    """The state of one split of an allocation."""

    PREPARED = "prepared"
    HANDED_OVER = "handed_over"
    RETURNED = "returned"
    CONSUMED = "consumed"
    CANCELLED = "cancelled"


class SampleKind(Word):
    """Kinds of material; "crustal" (pristine crustal rocks) and "special" are classes of the NASA Apollo
    catalogue."""

    POWDER = "powder"
    ROCK_FRAGMENT = "rock_fragment"
    GLASS_BEAD = "glass_bead"
    THIN_SECTION = "thin_section"
    SOIL = "soil"
    CORE = "core"
    BRECCIA = "breccia"
    BASALT = "basalt"
    CRUSTAL = "crustal"
    SPECIAL = "special"


class Sampling(Word):
    """How a primary sample was taken on the Moon."""

    SCOOPED = "scooped"
    DRILLED = "drilled"
    UNSTATED = ""


class ContainerKind(Word):
    VIAL = "vial"
    CAPSULE = "capsule"
    BAG = "bag"
    JAR = "jar"
    AMPOULE = "ampoule"
    BOX = "box"


class LocationKind(Word):
    """Storage levels: a facility holds rooms, a room cabinets (of several kinds), a cabinet shelves and
    racks (a rack may also stand on a shelf), and any of those may hold a grid of positions."""

    FACILITY = "facility"
    ROOM = "room"
    CABINET = "cabinet"
    SHELF = "shelf"
    POSITION = "position"
    NITROGEN_CABINET = "nitrogen_cabinet"
    GLOVE_BOX = "glove_box"
    SAFE = "safe"
    DESICCATOR = "desiccator"
    RACK = "rack"

    @property
    def level(self) -> int:
        """How deep this kind sits: a location sits only inside one of a lower level."""
        return _LOCATION_LEVELS[self]


#: Cabinets of every kind: where atmospheres are kept, and where facility events are recorded.
CABINET_KINDS = frozenset({LocationKind.CABINET, LocationKind.NITROGEN_CABINET, LocationKind.GLOVE_BOX,
                           LocationKind.SAFE, LocationKind.DESICCATOR})
#: Locations that may hold a grid of positions.
GRID_KINDS = frozenset({*CABINET_KINDS, LocationKind.SHELF, LocationKind.RACK})
_LOCATION_LEVELS = {LocationKind.FACILITY: 0, LocationKind.ROOM: 1, **dict.fromkeys(CABINET_KINDS, 2),
                    LocationKind.SHELF: 3, LocationKind.RACK: 4, LocationKind.POSITION: 5}


class GridNaming(Word):
    """How the positions of a grid are named: by row letter and column number (A1..D6), or numbered
    in reading order (P01..P24)."""

    LETTERS = "letters"
    NUMBERS = "numbers"


class Atmosphere(Word):
    NITROGEN = "nitrogen"
    AIR = "air"
    VACUUM = "vacuum"
    ARGON = "argon"
    #: Not stated (a location then inherits its parent's).
    UNSTATED = ""


class Role(Word):
    """Operators' roles, lowest first: each may do what the ones before it may."""

    TECHNICIAN = "technician"
    CURATOR = "curator"
    ADMIN = "admin"

    def at_least(self, other: Role) -> bool:
        members = list(Role)
        return members.index(self) >= members.index(other)


class EventKind(Word):
    """Every kind of event in the chain (new kinds are added at the end)."""

    RECEIVED = "received"
    WEIGHED = "weighed"
    SPLIT = "split"
    MOVED = "moved"
    OPENED = "opened"
    SEALED = "sealed"
    INSPECTED = "inspected"
    PHOTOGRAPHED = "photographed"
    NOTE = "note"
    APPROVED = "approved"
    ALLOCATED = "allocated"
    HANDED_OVER = "handed_over"
    RETURNED = "returned"
    CONSUMED = "consumed"
    CANCELLED = "cancelled"
    CORRECTION = "correction"
    REGISTERED = "registered"
    AMENDED = "amended"
    #: A facility event on a location: nitrogen lost, oxygen, humidity, temperature or power out of range.
    EXCURSION = "excursion"
    #: A reminder sent to a borrower about one loan (details: the schedule step; curator/reminders.py).
    REMINDED = "reminded"
    #: A borrower's yearly inventory of one loan confirmed (details: the year and their answers).
    INVENTORIED = "inventoried"
    #: A publication or data set from a loan, or word that its results are all in (curator/loan_results.py).
    RESULT = "result"
    #: The containers of a location counted by scanning (details: found, missing, unexpected).
    STOCKTAKE = "stocktake"
    #: A facility setting given a new value (details: the setting and its value; curator/facility_settings.py).
    SETTING = "setting"
    #: A restore replaced the database's history on purpose (details: why, who, the replaced and restored
    #: heads and identities; curator/storage/restore_history.py). The first event after the restored chain.
    HISTORY_REPLACED = "history_replaced"


class Excursion(Word):
    """What went out of range in a room, cabinet or glove box (an ``excursion`` event's "excursion")."""

    NITROGEN_LOST = "nitrogen_lost"
    OXYGEN = "oxygen"
    HUMIDITY = "humidity"
    TEMPERATURE = "temperature"
    POWER = "power"


#: Excursions that let air (oxygen, moisture) reach the samples inside: they expose them.
ATMOSPHERE_EXCURSIONS = (Excursion.NITROGEN_LOST, Excursion.OXYGEN, Excursion.HUMIDITY)


class Treatment(Word):
    """What a borrower did to a split before returning it (a "returned" event's details "treatment")."""

    POLISHED = "polished"
    COATED = "coated"
    IRRADIATED = "irradiated"
    EXPOSED_TO_AIR = "exposed_to_air"
    CONTAMINATED = "contaminated"
    NONE = "none"


class InventoryDiscrepancy(Word):
    """How a borrower's yearly inventory answer for a split differs from the chain (curator/inventory_check.py)."""

    #: The borrower says the split was sent back; the chain records no return of it.
    NO_RETURN_RECORDED = "no_return_recorded"
    #: The borrower says the split was sent back with one mass; the facility weighed another back.
    OTHER_MASS_BACK = "other_mass_back"
    #: The borrower says the split was sent back; the chain records it used up.
    RECORDED_USED_UP = "recorded_used_up"
    #: The split came back later with more than the borrower said it still held.
    BACK_MORE_THAN_HELD = "back_more_than_held"


class ResultKind(Word):
    """What a loan's result is."""

    PUBLICATION = "publication"
    DATASET = "dataset"


class DueState(Word):
    """Why a loan is on the Due list: its return date or its borrower's yearly inventory."""

    DUE_SOON = "due_soon"
    DUE = "due"
    OVERDUE = "overdue"
    INVENTORY_DUE = "inventory_due"
    INVENTORY_LATE = "inventory_late"


class Condition(Word):
    """A sample's condition, derived from its history (curator/condition.py), least touched first: a
    sample's condition only ever moves down this list."""

    #: Sealed under nitrogen since receipt.
    PRISTINE = "pristine"
    #: Opened in air, or inside a location during an atmosphere excursion.
    EXPOSED = "exposed"
    #: Polished, coated or irradiated by a borrower.
    PROCESSED = "processed"
    CONTAMINATED = "contaminated"

    def worse_than(self, other: Condition) -> bool:
        members = list(Condition)
        return members.index(self) > members.index(other)


#: The condition a returned split's treatment leaves it in.
TREATMENT_CONDITION = {Treatment.POLISHED: Condition.PROCESSED, Treatment.COATED: Condition.PROCESSED,
                       Treatment.IRRADIATED: Condition.PROCESSED, Treatment.EXPOSED_TO_AIR: Condition.EXPOSED,
                       Treatment.CONTAMINATED: Condition.CONTAMINATED}


#: Events that observe a sample or container without changing its mass or place.
OBSERVATION_KINDS = (EventKind.OPENED, EventKind.SEALED, EventKind.INSPECTED, EventKind.PHOTOGRAPHED,
                     EventKind.NOTE)
#: Events that measure a sample's mass afresh: later corrections of earlier events no longer move it.
MEASUREMENT_KINDS = (EventKind.RECEIVED, EventKind.WEIGHED)
#: Events that may carry images (curator/photos.py).
PHOTO_KINDS = (EventKind.PHOTOGRAPHED, EventKind.INSPECTED)
#: Events a technician may record on a sample or container from the desk or the CLI.
HANDLING_KINDS = (EventKind.WEIGHED, EventKind.MOVED, *OBSERVATION_KINDS)
#: Events that may be recorded on a location (a room, cabinet or glove box) and reach the samples inside.
LOCATION_KINDS = (EventKind.EXCURSION, *OBSERVATION_KINDS)
#: A sample in the facility and free: it may be set aside for a loan, or give mass to a split.
AVAILABLE_SAMPLE_STATUSES = frozenset({SampleStatus.IN_STORE, SampleStatus.RETURNED})
#: Splits whose mass went out to the borrower (whatever became of it since).
HANDED_ITEM_STATUSES = (AllocationItemStatus.HANDED_OVER, AllocationItemStatus.RETURNED,
                        AllocationItemStatus.CONSUMED)


def choices(vocabulary: type[Word]) -> str:
    """The stated values of a vocabulary for a refusal message: "powder, rock_fragment, ..."."""
    return ", ".join(member for member in vocabulary if member)
