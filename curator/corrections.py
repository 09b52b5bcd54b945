"""The correction rule: a correction states the TRUE value of the mass event it corrects.

recorded = what the corrected event W stands at (its mass, or the true value of the latest earlier
correction of W); delta = true - recorded. The masses derived after W are the sample's later events that
state a mass, up to the next absolute measurement (a later ``weighed`` or ``received``). Without such a
measurement the current mass shifts by delta; with one it stays. A shift that would make a derived mass
negative (a split that could not have happened) is refused, naming that later event. ``verify`` replays
corrections by exactly this rule (curator/integrity.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.errors import Refusal, RuleViolation, ValidationError
from curator.mass import format_mass
from curator.storage.models import Event, Sample
from curator.vocabulary import MEASUREMENT_KINDS, EventKind

#: Later events a correction may not shift: the loan's masses were handed over and accounted on them.
_LOAN_EVENTS = (EventKind.HANDED_OVER, EventKind.RETURNED, EventKind.CONSUMED)


@dataclass(frozen=True)
class MassShift:
    recorded_ug: int
    true_ug: int
    #: The sample's current mass after the correction.
    current_ug: int

    @property
    def delta_ug(self) -> int:
        return self.true_ug - self.recorded_ug


def recorded_value(session: Session, wrong: Event) -> int:
    """What ``wrong`` stands at now: its mass, or the true value of its latest correction."""
    corrections = session.execute(select(Event.details).where(Event.corrects_event_id == wrong.id,
                                                              Event.kind == EventKind.CORRECTION)
                                  .order_by(Event.id.desc())).scalars()
    for details in corrections:
        true_ug = json.loads(details or "{}").get("true_ug")
        if true_ug is not None:
            return int(true_ug)
    assert wrong.mass_ug is not None
    return wrong.mass_ug


def mass_shift(session: Session, wrong: Event, sample: Sample, true_ug: int) -> MassShift:
    """How correcting ``wrong`` to ``true_ug`` moves the sample's masses; RuleViolation when impossible."""
    if true_ug < 0:
        raise ValidationError(f"the true mass {format_mass(true_ug)} is negative", code=Refusal.TRUE_MASS_NEGATIVE,
                              params={"mass": format_mass(true_ug)})
    if wrong.kind in _LOAN_EVENTS:
        raise RuleViolation(f"event {wrong.id} ({wrong.kind}) is accounted in its loan: its mass cannot be "
                            "corrected here (give only a reason)", code=Refusal.CORRECTION_LOAN_EVENT,
                            params={"event": wrong.id, "kind": wrong.kind})
    recorded = recorded_value(session, wrong)
    delta = true_ug - recorded
    later = session.execute(select(Event).where(Event.sample_id == sample.id, Event.id > wrong.id,
                                                Event.mass_ug.is_not(None)).order_by(Event.id)).scalars()
    measured_again = False
    for event in later:
        if event.kind in MEASUREMENT_KINDS:
            measured_again = True
            break
        _check_derived(event, sample, delta)
    if measured_again or delta == 0:
        return MassShift(recorded, true_ug, sample.mass_ug)
    if sample.mass_ug + delta < 0:
        raise RuleViolation(f"correcting event {wrong.id} to {format_mass(true_ug)} would leave {sample.number} "
                            f"with {format_mass(sample.mass_ug + delta)}: impossible",
                            code=Refusal.CORRECTION_NEGATIVE_NOW,
                            params={"event": wrong.id, "mass": format_mass(true_ug), "number": sample.number,
                                    "left": format_mass(sample.mass_ug + delta)})
    return MassShift(recorded, true_ug, sample.mass_ug + delta)


def _check_derived(event: Event, sample: Sample, delta: int) -> None:
    assert event.mass_ug is not None
    if delta and event.kind in _LOAN_EVENTS:
        raise RuleViolation(f"{sample.number}'s mass was accounted to a loan at event {event.id} ({event.kind}), "
                            "after the corrected event: the loan's masses cannot shift",
                            code=Refusal.CORRECTION_AFTER_LOAN,
                            params={"number": sample.number, "event": event.id, "kind": event.kind})
    if event.mass_ug + delta < 0:
        raise RuleViolation(f"the correction would leave {sample.number} with {format_mass(event.mass_ug + delta)} "
                            f"at event {event.id} ({event.kind}): that later state could not have happened",
                            code=Refusal.CORRECTION_NEGATIVE_LATER,
                            params={"number": sample.number, "left": format_mass(event.mass_ug + delta),
                                    "event": event.id, "kind": event.kind})
