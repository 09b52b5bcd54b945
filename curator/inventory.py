"""Samples, containers and locations: receiving, weighing, splitting and moving material."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

# Splitting, locations and containers live in their own modules; these names stay importable from here.
from curator.containers import add_container  # noqa: F401
from curator.errors import Refusal, RuleViolation, ValidationError
from curator.events import append_event, utcnow
from curator.facts import register, sample_facts
from curator.identifiers import clean_code, require_free_code
from curator.instruments.readings import mass_source
from curator.locations import add_location  # noqa: F401
from curator.lookup import get_container, get_mission, get_sample
from curator.mass import format_mass
from curator.material_places import house
from curator.operators import find_operator
from curator.permissions import SampleAction, require_sample_action
from curator.placement import choose_position
from curator.sample_state import check_mass_within_mission, check_mission_room, check_not_stale, place, touch_sample
from curator.splitting import ChildSpec, next_split_numbers, propose_split_numbers, split  # noqa: F401
from curator.storage.db import Database
from curator.storage.models import Container, Mission, Sample
from curator.vocabulary import (
    ContainerKind,
    EventKind,
    SampleKind,
    SampleStatus,
    Sampling,
    choices,
)

#: A weighing this many times above or below the expected mass is a unit slip, never recorded.
UNIT_SLIP_FACTOR = 10


def balance_tolerance_ug(expected_ug: int) -> int:
    """How far a weighing may differ from the expected mass before it is flagged: 0.1 %, at least 50 ug."""
    return max(50, expected_ug // 1000)


@dataclass(frozen=True)
class WeighResult:
    event_id: int
    expected_ug: int
    measured_ug: int

    @property
    def difference_ug(self) -> int:
        return self.measured_ug - self.expected_ug

    @property
    def flagged(self) -> bool:
        return abs(self.difference_ug) > balance_tolerance_ug(self.expected_ug)


def add_mission(db: Database, operator: str, code: str, name: str, returned_mass_ug: int, landing_site: str = "",
                return_date: date | None = None, at: datetime | None = None) -> None:
    """Register a mission; the event signed by ``operator`` carries its content."""
    with db.write() as session:
        register(session, find_operator(session, operator),
                 Mission(code=code, name=name, returned_mass_ug=returned_mass_ug, landing_site=landing_site,
                         return_date=return_date), at=at)


def _check_kind(kind: str) -> None:
    if kind not in list(SampleKind):
        raise ValidationError(f"unknown sample kind {kind!r} (use one of {choices(SampleKind)})",
                              code=Refusal.UNKNOWN_CHOICE, params={"value": kind, "known": choices(SampleKind)})


def _require_new_number(session: Session, number: str) -> None:
    if session.execute(select(Sample.id).where(Sample.number == number)).first():
        raise ValidationError(f"sample {number} already exists", code=Refusal.SAMPLE_EXISTS, params={"number": number})
    require_free_code(session, number, what="sample number")


def check_new_sample_number(db: Database, number: str) -> str:
    """``number`` as a received sample would take it (cleaned), refused when malformed or already held by a
    sample, container or location: the receive dialog asks as the number is scanned."""
    number = clean_code(number, "sample number")
    with db.read() as session:
        _require_new_number(session, number)
    return number


def receive_sample(db: Database, operator: str, number: str, mission: str, kind: str, mass_ug: int,
                   sampling: str = "", container: str | None = None, note: str = "",
                   at: datetime | None = None, position: str | None = None,
                   balance: dict[str, object] | None = None) -> int:
    """Register a primary sample received into the facility; returns the event id. ``balance``: the facts
    of the balance reading its mass came from (curator.instruments.readings.balance_source), kept in the event.

    ``container``: an empty container in use (moved to ``position`` when one is named), or a barcode not in
    use yet: a new jar, placed in the same transaction at ``position`` (a position, or a shelf, rack or
    cabinet: its next free one), else at the first free position of the storage."""
    _check_kind(kind)
    if position and not container:
        raise ValidationError("a position needs a container: name the container the sample is received in",
                              code=Refusal.RECEIVE_NEEDS_CONTAINER)
    if sampling not in list(Sampling):
        raise ValidationError(f"unknown sampling {sampling!r} (scooped or drilled)", code=Refusal.UNKNOWN_SAMPLING,
                              params={"value": sampling})
    number = clean_code(number, "sample number")
    with db.write() as session:
        signer = find_operator(session, operator)
        found_mission = get_mission(session, mission)
        check_mass_within_mission(found_mission, mass_ug)
        _require_new_number(session, number)
        check_mission_room(session, found_mission, mass_ug)
        holder = house(session, signer, container, ContainerKind.JAR, position, None, f"sample {number}", at,
                       place_unplaced=False) if container else None
        sample = Sample(number=number, mission_id=found_mission.id, kind=kind, sampling=sampling,
                        mass_ug=mass_ug, status=SampleStatus.IN_STORE, created_at=at or utcnow())
        session.add(sample)
        session.flush()
        event = append_event(session, EventKind.RECEIVED, signer, at=at, sample_id=sample.id, mass_ug=mass_ug,
                             container_id=holder.id if holder else None, note=note,
                             details={"sample": sample_facts(sample), **({"balance": balance} if balance else {})})
        place(session, sample, holder, event)
        touch_sample(sample, event)
        return event.id


def weighing_verdict(expected_ug: int, measured_ug: int) -> str:
    """"ok"; "needs_reason" beyond the balance tolerance (a suspected error, recorded only with the
    operator's reason); "unit_slip" more than UNIT_SLIP_FACTOR times above or below (never recorded)."""
    too_far = measured_ug > expected_ug * UNIT_SLIP_FACTOR or measured_ug * UNIT_SLIP_FACTOR < expected_ug
    if expected_ug > 0 and too_far:
        return "unit_slip"
    return "needs_reason" if abs(measured_ug - expected_ug) > balance_tolerance_ug(expected_ug) else "ok"


def weighing_problem(expected_ug: int, measured_ug: int, reason: str = "") -> RuleViolation | None:
    """Why a weighing cannot be recorded as it stands (see ``weighing_verdict``), or None when it can."""
    verdict = weighing_verdict(expected_ug, measured_ug)
    measured, expected = format_mass(measured_ug), format_mass(expected_ug)
    if verdict == "unit_slip":
        direction = "above" if measured_ug > expected_ug else "below"
        return RuleViolation(f"{measured} is more than {UNIT_SLIP_FACTOR} times {direction} the expected "
                             f"{expected}: a unit slip? Check the unit and weigh again", code=Refusal.UNIT_SLIP,
                             params={"measured": measured, "factor": UNIT_SLIP_FACTOR, "expected": expected})
    if verdict == "needs_reason" and not reason.strip():
        difference_ug = measured_ug - expected_ug
        difference = f"{'+' if difference_ug > 0 else ''}{format_mass(difference_ug)}"
        tolerance = format_mass(balance_tolerance_ug(expected_ug))
        return RuleViolation(f"{measured} is {difference} from the expected {expected}, beyond the balance "
                             f"tolerance of {tolerance}: check the balance, or confirm the weighing with a reason",
                             code=Refusal.OUT_OF_TOLERANCE, params={"measured": measured, "difference": difference,
                                                                    "expected": expected, "tolerance": tolerance})
    return None


def weighing_refusal(expected_ug: int, measured_ug: int, reason: str = "") -> str:
    """Why a weighing cannot be recorded as it stands, in words, or "" when it can."""
    problem = weighing_problem(expected_ug, measured_ug, reason)
    return str(problem) if problem else ""


def weigh(db: Database, operator: str, number: str, mass_ug: int, note: str = "",
          at: datetime | None = None, reason: str = "", expected_ug: int | None = None,
          balance: dict[str, object] | None = None) -> WeighResult:
    """Record a weighing; the measured mass becomes the current mass.

    Refused as ``weighing_refusal`` says (a weighing beyond the tolerance needs ``reason``, kept in the
    event), and when the mass changed since the operator saw ``expected_ug``. The event says where the mass
    came from: ``balance`` (the reading's facts, curator.instruments.readings.balance_source) or typed.
    """
    with db.write() as session:
        signer = find_operator(session, operator)
        sample = get_sample(session, number)
        require_sample_action(sample, signer, SampleAction.WEIGH)
        check_mass_within_mission(sample.mission, mass_ug)
        check_not_stale(sample.number, sample.mass_ug, expected_ug)
        expected = sample.mass_ug
        problem = weighing_problem(expected, mass_ug, reason)
        if problem:
            raise RuleViolation(f"{sample.number}: {problem}", code=problem.code,
                                params={**problem.params, "number": sample.number})
        details: dict[str, object] = {"expected_ug": expected, **mass_source(balance)}
        if reason.strip() and weighing_verdict(expected, mass_ug) == "needs_reason":
            details["reason"] = reason.strip()
        event = append_event(session, EventKind.WEIGHED, signer, at=at, sample_id=sample.id, mass_ug=mass_ug,
                             container_id=sample.container_id, note=note, details=details)
        touch_sample(sample, event, mass_ug)
        return WeighResult(event.id, expected, mass_ug)


def move_container(db: Database, operator: str, barcode: str, position: str, note: str = "",
                   at: datetime | None = None) -> int:
    """Move a container to a free position (or the next free one of a shelf, rack or cabinet named by
    ``position``); returns the event id. Refused while a sample inside may not move (one on loan travels
    with its container)."""
    with db.write() as session:
        signer = find_operator(session, operator)
        container = get_container(session, barcode)
        for sample in samples_in(session, container):
            require_sample_action(sample, signer, SampleAction.MOVE)
        if container.retired:
            raise RuleViolation(f"container {container.barcode} is retired", code=Refusal.CONTAINER_RETIRED,
                                params={"barcode": container.barcode})
        target = choose_position(session, position, container.barcode)
        event = append_event(session, EventKind.MOVED, signer, at=at, container_id=container.id,
                             from_location_id=container.location_id, to_location_id=target.id, note=note)
        container.location_id = target.id
        return event.id


def put_in_container(db: Database, operator: str, number: str, barcode: str, note: str = "",
                     at: datetime | None = None) -> int:
    """Transfer a sample into another container; returns the event id."""
    with db.write() as session:
        signer = find_operator(session, operator)
        sample = get_sample(session, number)
        require_sample_action(sample, signer, SampleAction.MOVE)
        container = get_container(session, barcode)
        event = append_event(session, EventKind.MOVED, signer, at=at, sample_id=sample.id, container_id=container.id,
                             details={"from_container_id": sample.container_id}, note=note)
        place(session, sample, container, event)
        touch_sample(sample, event)
        return event.id


def samples_in(session: Session, container: Container) -> list[Sample]:
    return list(session.execute(select(Sample).where(Sample.container_id == container.id)).scalars())


def count_samples(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count(Sample.id))).scalar_one()


