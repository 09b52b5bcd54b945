"""Samples, containers and locations: receiving, weighing, splitting and moving material."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from curator.db import Database
from curator.errors import RuleViolation, ValidationError
from curator.events import append_event, utcnow
from curator.facts import register, sample_facts
from curator.lookup import get_container, get_location, get_mission, get_sample
from curator.mass import format_mass
from curator.models import Container, ContainerStay, Event, Location, Mission, Sample
from curator.operators import find_operator

#: Kinds of material; "crustal" (pristine crustal rocks) and "special" are classes of the NASA Apollo catalogue.
SAMPLE_KINDS = ("powder", "rock_fragment", "glass_bead", "thin_section", "soil", "core", "breccia", "basalt",
                "crustal", "special")
SAMPLINGS = ("scooped", "drilled", "")
CONTAINER_KINDS = ("vial", "capsule", "bag", "jar", "ampoule", "box")
LOCATION_KINDS = ("facility", "room", "cabinet", "shelf", "position")
ATMOSPHERES = ("nitrogen", "air", "vacuum", "argon", "")


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


@dataclass(frozen=True)
class ChildSpec:
    """One child of a split: its mass, and optionally its number and the container it goes into."""

    mass_ug: int
    number: str | None = None
    container: str | None = None


def add_mission(db: Database, operator: str, code: str, name: str, returned_mass_ug: int, landing_site: str = "",
                return_date: date | None = None, at: datetime | None = None) -> None:
    """Register a mission; the event signed by ``operator`` carries its content."""
    with db.write() as session:
        register(session, find_operator(session, operator),
                 Mission(code=code, name=name, returned_mass_ug=returned_mass_ug, landing_site=landing_site,
                         return_date=return_date), at=at)


def add_location(db: Database, operator: str, parent_path: str | None, kind: str, name: str,
                 atmosphere: str = "", at: datetime | None = None) -> str:
    """Create a storage node under ``parent_path`` (None for a facility); returns its path."""
    if kind not in LOCATION_KINDS:
        raise ValidationError(f"unknown location kind {kind!r} (use one of {', '.join(LOCATION_KINDS)})")
    if atmosphere not in ATMOSPHERES:
        raise ValidationError(f"unknown atmosphere {atmosphere!r}")
    with db.write() as session:
        signer = find_operator(session, operator)
        parent = get_location(session, parent_path) if parent_path else None
        if parent is None and kind != "facility":
            raise ValidationError(f"a {kind} must be inside another location")
        if parent is not None and LOCATION_KINDS.index(kind) <= LOCATION_KINDS.index(parent.kind):
            raise ValidationError(f"a {kind} cannot be inside a {parent.kind}")
        path = f"{parent.path} / {name}" if parent else name
        register(session, signer, Location(parent_id=parent.id if parent else None, kind=kind, name=name, path=path,
                                           atmosphere=atmosphere or (parent.atmosphere if parent else "")), at=at)
    return path


def add_container(db: Database, operator: str, barcode: str, kind: str, position: str | None = None,
                  at: datetime | None = None) -> None:
    if kind not in CONTAINER_KINDS:
        raise ValidationError(f"unknown container kind {kind!r} (use one of {', '.join(CONTAINER_KINDS)})")
    with db.write() as session:
        signer = find_operator(session, operator)
        if session.execute(select(Container.id).where(Container.barcode == barcode)).first():
            raise ValidationError(f"a container with barcode {barcode!r} already exists")
        place = _free_position(session, position, barcode).id if position else None
        register(session, signer, Container(barcode=barcode, kind=kind, location_id=place, sealed=True), at=at)


def _free_position(session: Session, path: str, barcode: str) -> Location:
    location = get_location(session, path)
    if location.kind != "position":
        raise RuleViolation(f"{path} is a {location.kind}: containers stand in positions only")
    holder = session.execute(select(Container).where(Container.location_id == location.id)).scalar_one_or_none()
    if holder is not None and holder.barcode != barcode:
        raise RuleViolation(f"position {path} already holds container {holder.barcode}")
    return location


def _check_kind(kind: str) -> None:
    if kind not in SAMPLE_KINDS:
        raise ValidationError(f"unknown sample kind {kind!r} (use one of {', '.join(SAMPLE_KINDS)})")


def check_mass_within_mission(mission: Mission, mass_ug: int) -> None:
    if mass_ug < 0:
        raise RuleViolation(f"mass {format_mass(mass_ug)} is negative")
    if mass_ug > mission.returned_mass_ug:
        raise RuleViolation(
            f"mass {format_mass(mass_ug)} is more than {mission.code} returned "
            f"({format_mass(mission.returned_mass_ug)})"
        )


def _place(session: Session, sample: Sample, container: Container | None, event: Event) -> None:
    """Record that ``sample`` sits in ``container`` from ``event`` on (None: in no container)."""
    open_stay = session.execute(
        select(ContainerStay).where(ContainerStay.sample_id == sample.id, ContainerStay.until_event_id.is_(None))
    ).scalar_one_or_none()
    if open_stay is not None:
        open_stay.until_event_id = event.id
    sample.container_id = container.id if container else None
    if container is not None:
        session.add(ContainerStay(sample_id=sample.id, container_id=container.id, from_event_id=event.id))


def touch_sample(sample: Sample, event: Event, mass_ug: int | None = None) -> None:
    sample.last_event_id = event.id
    if mass_ug is not None:
        sample.mass_ug = mass_ug


def receive_sample(db: Database, operator: str, number: str, mission: str, kind: str, mass_ug: int,
                   sampling: str = "", container: str | None = None, note: str = "",
                   at: datetime | None = None) -> int:
    """Register a primary sample received into the facility; returns the event id."""
    _check_kind(kind)
    if sampling not in SAMPLINGS:
        raise ValidationError(f"unknown sampling {sampling!r} (scooped or drilled)")
    number = number.strip()
    if not number:
        raise ValidationError("sample number is empty")
    with db.write() as session:
        signer = find_operator(session, operator)
        found_mission = get_mission(session, mission)
        check_mass_within_mission(found_mission, mass_ug)
        if session.execute(select(Sample.id).where(Sample.number == number)).first():
            raise ValidationError(f"sample {number} already exists")
        holder = get_container(session, container) if container else None
        sample = Sample(number=number, mission_id=found_mission.id, kind=kind, sampling=sampling,
                        mass_ug=mass_ug, status="in_store", created_at=at or utcnow())
        session.add(sample)
        session.flush()
        event = append_event(session, "received", signer, at=at, sample_id=sample.id, mass_ug=mass_ug,
                             container_id=holder.id if holder else None, note=note,
                             details={"sample": sample_facts(sample)})
        _place(session, sample, holder, event)
        touch_sample(sample, event)
        return event.id


def weigh(db: Database, operator: str, number: str, mass_ug: int, note: str = "",
          at: datetime | None = None) -> WeighResult:
    """Record a weighing. The measured mass becomes the current mass; a large difference is flagged."""
    with db.write() as session:
        signer = find_operator(session, operator)
        sample = get_sample(session, number)
        _require_here(sample, "weigh")
        check_mass_within_mission(sample.mission, mass_ug)
        expected = sample.mass_ug
        event = append_event(session, "weighed", signer, at=at, sample_id=sample.id, mass_ug=mass_ug,
                             container_id=sample.container_id, note=note,
                             details={"expected_ug": expected})
        touch_sample(sample, event, mass_ug)
        return WeighResult(event.id, expected, mass_ug)


def _require_here(sample: Sample, action: str) -> None:
    if sample.status in ("on_loan", "consumed"):
        raise RuleViolation(f"cannot {action} {sample.number}: it is {sample.status.replace('_', ' ')}")


def next_split_numbers(session: Session, parent: Sample, count: int) -> list[str]:
    """Numbers for ``count`` new children: the parent's number plus "-01", "-02"... after the last used."""
    prefix = f"{parent.number}-"
    used = session.execute(select(Sample.number).where(Sample.parent_id == parent.id)).scalars()
    suffixes = [int(n[len(prefix):]) for n in used if n.startswith(prefix) and n[len(prefix):].isdigit()]
    start = max(suffixes, default=0) + 1
    return [f"{prefix}{i:02d}" for i in range(start, start + count)]


def propose_split_numbers(db: Database, number: str, count: int) -> list[str]:
    with db.read() as session:
        return next_split_numbers(session, get_sample(session, number), count)


def split(db: Database, operator: str, number: str, children: list[ChildSpec], loss_ug: int = 0,
          note: str = "", at: datetime | None = None) -> list[str]:
    """Split a sample into children. Parent before = parent after + children + loss, exactly.

    Returns the children's numbers.
    """
    if not children:
        raise ValidationError("a split needs at least one child")
    if loss_ug < 0 or any(child.mass_ug <= 0 for child in children):
        raise RuleViolation("every child needs a mass above zero and the loss cannot be negative")
    with db.write() as session:
        signer = find_operator(session, operator)
        parent = get_sample(session, number)
        _require_here(parent, "split")
        before = parent.mass_ug
        after = before - sum(child.mass_ug for child in children) - loss_ug
        if after < 0:
            raise RuleViolation(
                f"split of {parent.number} does not balance: children and loss are "
                f"{format_mass(before - after)} but the sample holds only {format_mass(before)}"
            )
        proposed = iter(next_split_numbers(session, parent, len(children)))
        numbers = [child.number.strip() if child.number else next(proposed) for child in children]
        if len(set(numbers)) != len(numbers):
            raise ValidationError("two children of the split have the same number")
        taken = session.execute(select(Sample.number).where(Sample.number.in_(numbers))).scalars().first()
        if taken:
            raise ValidationError(f"sample {taken} already exists")
        details = {"before_ug": before, "loss_ug": loss_ug,
                   "children": [{"number": n, "mass_ug": c.mass_ug} for n, c in zip(numbers, children)]}
        event = append_event(session, "split", signer, at=at, sample_id=parent.id, mass_ug=after,
                             container_id=parent.container_id, note=note, details=details)
        touch_sample(parent, event, after)
        for child_number, spec in zip(numbers, children):
            holder = get_container(session, spec.container) if spec.container else None
            child = Sample(number=child_number, mission_id=parent.mission_id, parent_id=parent.id,
                           kind=parent.kind, sampling=parent.sampling, mass_ug=spec.mass_ug,
                           status="in_store", created_at=event.occurred_at)
            session.add(child)
            session.flush()
            child_event = append_event(session, "split", signer, at=at, sample_id=child.id,
                                       mass_ug=spec.mass_ug, container_id=holder.id if holder else None,
                                       details={"parent": parent.number, "split_event_id": event.id})
            _place(session, child, holder, child_event)
            touch_sample(child, child_event)
        return numbers


def move_container(db: Database, operator: str, barcode: str, position: str, note: str = "",
                   at: datetime | None = None) -> int:
    """Move a container to a free position; returns the event id."""
    with db.write() as session:
        signer = find_operator(session, operator)
        container = get_container(session, barcode)
        target = _free_position(session, position, container.barcode)
        event = append_event(session, "moved", signer, at=at, container_id=container.id,
                             from_location_id=container.location_id, to_location_id=target.id, note=note)
        container.location_id = target.id
        return event.id


def put_in_container(db: Database, operator: str, number: str, barcode: str, note: str = "",
                     at: datetime | None = None) -> int:
    """Transfer a sample into another container; returns the event id."""
    with db.write() as session:
        signer = find_operator(session, operator)
        sample = get_sample(session, number)
        _require_here(sample, "move")
        container = get_container(session, barcode)
        event = append_event(session, "moved", signer, at=at, sample_id=sample.id, container_id=container.id,
                             details={"from_container_id": sample.container_id}, note=note)
        _place(session, sample, container, event)
        touch_sample(sample, event)
        return event.id


def samples_in(session: Session, container: Container) -> list[Sample]:
    return list(session.execute(select(Sample).where(Sample.container_id == container.id)).scalars())


def count_samples(db: Database) -> int:
    with db.read() as session:
        return session.execute(select(func.count(Sample.id))).scalar_one()


