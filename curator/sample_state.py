"""The small steps every change of a sample shares: where it sits, its last event, and the checks that
keep its mass possible (never negative, never more than its mission returned, never stale)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from curator.errors import ConflictError, Refusal, RuleViolation
from curator.mass import format_mass
from curator.placement import require_room_for_sample
from curator.storage.models import Container, ContainerStay, Event, Mission, Sample
from curator.vocabulary import EventKind


def check_mass_within_mission(mission: Mission, mass_ug: int) -> None:
    if mass_ug < 0:
        raise RuleViolation(f"mass {format_mass(mass_ug)} is negative", code=Refusal.MASS_NEGATIVE,
                            params={"raw": format_mass(mass_ug)})
    if mass_ug > mission.returned_mass_ug:
        raise RuleViolation(
            f"mass {format_mass(mass_ug)} is more than {mission.code} returned "
            f"({format_mass(mission.returned_mass_ug)})", code=Refusal.MASS_OVER_MISSION,
            params={"mass": format_mass(mass_ug), "mission": mission.code,
                    "returned": format_mass(mission.returned_mass_ug)}
        )


def check_not_stale(what: str, now_ug: int, seen_ug: int | None) -> None:
    """Refuse a step taken on a mass that changed after the operator saw it (``seen_ug``; None: not stated)."""
    if seen_ug is not None and seen_ug != now_ug:
        raise ConflictError(f"{what} changed since you opened it; reload (it now holds {format_mass(now_ug)}, "
                            f"you saw {format_mass(seen_ug)})", code=Refusal.STALE_MASS,
                            params={"what": what, "now": format_mass(now_ug), "seen": format_mass(seen_ug)})


def place(session: Session, sample: Sample, container: Container | None, event: Event) -> None:
    """Record that ``sample`` sits in ``container`` from ``event`` on (None: in no container); refused
    when the container already holds another sample and is not a box (curator/placement.py)."""
    if container is not None:
        require_room_for_sample(session, container, sample)
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


def check_mission_room(session: Session, mission: Mission, adding_ug: int) -> None:
    """A mission never holds more than it returned: its primary samples' received masses, plus
    ``adding_ug`` about to be received, stay within the mission's returned mass."""
    received = int(session.execute(
        select(func.coalesce(func.sum(Event.mass_ug), 0)).join(Sample, Event.sample_id == Sample.id)
        .where(Event.kind == EventKind.RECEIVED, Sample.mission_id == mission.id, Sample.parent_id.is_(None))
    ).scalar_one() or 0)  # int: a server sums big integers as decimals
    if received + adding_ug > mission.returned_mass_ug:
        raise RuleViolation(
            f"{mission.code} returned {format_mass(mission.returned_mass_ug)}; {format_mass(received)} is "
            f"already received, so {format_mass(adding_ug)} more would exceed it", code=Refusal.MISSION_FULL,
            params={"mission": mission.code, "returned": format_mass(mission.returned_mass_ug),
                    "received": format_mass(received), "adding": format_mass(adding_ug)})
