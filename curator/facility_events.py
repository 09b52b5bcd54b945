"""Facility events: an excursion (nitrogen lost, oxygen, humidity, temperature, power) or an observation
recorded on a room, cabinet or glove box. It reaches every sample that was inside the location, or below
it, at that time.

Which samples those were is worked out from the chain when the event is recorded (the moves of the
containers and the samples' stays in them, by time) and written into the event's details as "samples",
so the chain itself says whom the event reached; the history and the condition of a sample read it there.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from curator.errors import Refusal, ValidationError
from curator.events import append_event, utcnow
from curator.handling import check_images, check_observation
from curator.operators import find_operator
from curator.photos import Image, store_images
from curator.placement import below, find_location
from curator.storage.db import Database
from curator.storage.models import Container, ContainerStay, Event, Location, Sample
from curator.vocabulary import LOCATION_KINDS, EventKind, Excursion, LocationKind, choices

#: The longest measured value kept ("4.2 % O2", "31.5 °C").
MEASURED_LIMIT = 60
#: Kinds that move a container between locations (or out of the facility).
_PLACING_KINDS = (EventKind.MOVED, EventKind.HANDED_OVER)

Interval = tuple[datetime, datetime]
_EARLIEST = datetime.min.replace(tzinfo=UTC)
_LATEST = datetime.max.replace(tzinfo=UTC)


def event_locations(db: Database) -> list[str]:
    """Paths of the locations a facility event may be recorded on (every kind but a single position)."""
    with db.read() as session:
        return list(session.execute(select(Location.path).where(Location.kind != LocationKind.POSITION,
                                                                Location.retired.is_(False))
                                    .order_by(Location.path)).scalars())


def record_location_event(db: Database, operator: str, kind: str, location: str, *, note: str = "",
                          atmosphere: str = "", excursion: str = "", started_at: datetime | None = None,
                          ended_at: datetime | None = None, measured: str = "", images: Sequence[Image] = ()) -> int:
    """Record ``kind`` on a location (by path or barcode); returns the event id.

    The event occurs at ``started_at`` (default now); an excursion names what went out of range and may
    give its end and a measured value. Samples inside the location during [start, end] are listed. A
    photographed or inspected event may carry ``images`` (curator/photos.py).
    """
    _check(kind, note, atmosphere, excursion, measured)
    check_images(kind, images)
    start = (started_at or utcnow()).astimezone(UTC)
    end = ended_at.astimezone(UTC) if ended_at else None
    if end is not None and end < start:
        raise ValidationError(f"the end ({end.isoformat()}) is before the start ({start.isoformat()})",
                              code=Refusal.END_BEFORE_START)
    details: dict[str, object] = {key: value for key, value in (
        ("atmosphere", atmosphere), ("excursion", excursion), ("measured", measured.strip()),
        ("ended_at", end.isoformat() if end else "")) if value}
    with db.write() as session:
        signer = find_operator(session, operator)
        place = find_location(session, location)
        details["samples"] = samples_inside(session, place, start, end or start)
        if images:
            details["photos"] = store_images(session, images)
        return append_event(session, kind, signer, at=start, to_location_id=place.id, note=note,
                            details=details).id


def samples_reached(db: Database, event_id: int) -> list[str]:
    """The samples a facility event names as inside its location at the time (none for another event)."""
    with db.read() as session:
        details = session.scalar(select(Event.details).where(Event.id == event_id))
    return [str(number) for number in json.loads(details or "{}").get("samples", [])]


def _check(kind: str, note: str, atmosphere: str, excursion: str, measured: str) -> None:
    if kind not in LOCATION_KINDS:
        raise ValidationError(f"{kind!r} cannot be recorded on a location (use one of {', '.join(LOCATION_KINDS)})",
                              code=Refusal.UNKNOWN_CHOICE, params={"value": kind, "known": ", ".join(LOCATION_KINDS)})
    if kind == EventKind.EXCURSION and excursion not in list(Excursion):
        raise ValidationError(f"say what went out of range: {excursion!r} is not one of {choices(Excursion)}",
                              code=Refusal.EXCURSION_NEEDED)
    if kind != EventKind.EXCURSION and excursion:
        raise ValidationError(f"an excursion ({excursion}) is recorded as kind 'excursion', not {kind!r}",
                              code=Refusal.EXCURSION_KIND, params={"kind": kind})
    check_observation(kind, note, atmosphere, "location")
    if len(measured.strip()) > MEASURED_LIMIT:
        raise ValidationError(f"the measured value is limited to {MEASURED_LIMIT} characters", code=Refusal.TOO_LONG,
                              params={"what": "measured value", "limit": MEASURED_LIMIT})


def _subtree(session: Session, location: Location) -> set[int]:
    return set(session.execute(select(Location.id).where(or_(Location.id == location.id,
                                                             below(location.path)))).scalars())


def _container_intervals(session: Session, inside: set[int]) -> dict[int, list[Interval]]:
    """Container id -> the times it stood in one of the ``inside`` locations, from its moves in the chain."""
    candidates = set(session.execute(select(Container.id).where(Container.location_id.in_(inside))).scalars())
    candidates |= {container_id for container_id in session.execute(select(Event.container_id).where(
        Event.kind.in_(_PLACING_KINDS), or_(Event.to_location_id.in_(inside), Event.from_location_id.in_(inside))))
        .scalars() if container_id is not None}
    moves: dict[int, list[tuple[datetime, int | None, int | None]]] = defaultdict(list)
    for container_id, at, kind, source, target in session.execute(  # container_id: one of the candidates
            select(Event.container_id, Event.occurred_at, Event.kind, Event.from_location_id, Event.to_location_id)
            .where(Event.container_id.in_(candidates), Event.kind.in_(_PLACING_KINDS),
                   or_(Event.kind == EventKind.HANDED_OVER, Event.sample_id.is_(None)))
            .order_by(Event.id)):
        moves[int(container_id or 0)].append((at, source, target if kind == EventKind.MOVED else None))
    current: dict[int, int | None] = {container_id: where for container_id, where in session.execute(
        select(Container.id, Container.location_id).where(Container.id.in_(candidates)))}
    intervals: dict[int, list[Interval]] = {}
    for container_id in candidates:
        steps = moves.get(container_id, [])
        where, since = (steps[0][1] if steps else current.get(container_id)), _EARLIEST
        spans: list[Interval] = []
        for at, _source, target in steps:
            if where in inside:
                spans.append((since, at))
            where, since = target, at
        if where in inside:
            spans.append((since, _LATEST))
        if spans:
            intervals[container_id] = spans
    return intervals


def _overlap(first: Interval, second: Interval) -> Interval | None:
    """The common part of two intervals; an instant (start == end) counts when it lies inside the other."""
    start, end = max(first[0], second[0]), min(first[1], second[1])
    return (start, end) if start < end or (start == end and first[0] <= start < first[1]) else None


def samples_inside(session: Session, location: Location, start: datetime, end: datetime) -> list[str]:
    """Numbers of the samples whose container stood in ``location`` (or below it) at some time in
    [start, end] while they were in it."""
    window = (start, end)
    intervals = _container_intervals(session, _subtree(session, location))
    if not intervals:
        return []
    entered, left = aliased(Event), aliased(Event)
    stays = session.execute(
        select(Sample.number, ContainerStay.container_id, entered.occurred_at, left.occurred_at)
        .join(Sample, ContainerStay.sample_id == Sample.id)
        .join(entered, entered.id == ContainerStay.from_event_id)
        .outerjoin(left, left.id == ContainerStay.until_event_id)
        .where(ContainerStay.container_id.in_(intervals)))
    found: set[str] = set()
    for number, container_id, since, until in stays:
        stay = (since, until or _LATEST)
        for span in intervals[container_id]:
            there = _overlap(stay, span)
            if there is not None and _overlap(there, window) is not None:
                found.add(number)
    return sorted(found)


def location_events_reaching(session: Session, numbers: Iterable[str]) -> dict[str, list[Event]]:
    """Sample number -> the facility events (recorded on a location) that reached it, in chain order.

    Facility events are few; each names the samples it reached in its details.
    """
    wanted = set(numbers)
    reached: dict[str, list[Event]] = defaultdict(list)
    query = (select(Event).where(Event.to_location_id.is_not(None), Event.sample_id.is_(None),
                                 Event.container_id.is_(None), Event.kind.in_(LOCATION_KINDS))
             .order_by(Event.id))
    for event in session.execute(query).scalars():
        for number in json.loads(event.details or "{}").get("samples", ()):
            if number in wanted:
                reached[number].append(event)
    return reached
