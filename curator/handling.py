"""Handling events that do not change mass or place: open, seal, inspect, photograph, note, correct."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from curator.corrections import mass_shift
from curator.errors import NotFoundError, Refusal, RuleViolation, ValidationError
from curator.events import append_event
from curator.lookup import find_code
from curator.operators import find_operator, require_role
from curator.permissions import OBSERVATION_ACTIONS, ROLE_NEEDED, SampleAction, require_sample_action
from curator.photos import Image, store_images
from curator.sample_state import check_mass_within_mission, touch_sample
from curator.storage.db import Database
from curator.storage.models import Container, Event, Sample
from curator.vocabulary import OBSERVATION_KINDS, PHOTO_KINDS, Atmosphere, EventKind, choices


def record_observation(db: Database, operator: str, kind: str, code: str, note: str = "",
                       atmosphere: str = "", photo: str = "", at: datetime | None = None,
                       images: Sequence[Image] = ()) -> int:
    """Record an observation event on a sample or a container (by number or barcode); returns its id.

    Opening and sealing name the atmosphere (nitrogen glove box, air...). An event on a container
    shows in the history of every sample inside it. Photographed and inspected events may carry
    ``images``, named in the event by their SHA-256 (curator/photos.py).
    """
    if kind not in OBSERVATION_KINDS:
        raise ValidationError(f"{kind!r} is not one of {', '.join(OBSERVATION_KINDS)}", code=Refusal.UNKNOWN_CHOICE,
                              params={"value": kind, "known": ", ".join(OBSERVATION_KINDS)})
    check_observation(kind, note, atmosphere, "container")
    check_images(kind, images)
    details: dict[str, Any] = {key: value for key, value in (("atmosphere", atmosphere), ("photo", photo))
                               if value}
    with db.write() as session:
        if images:
            details["photos"] = store_images(session, images)
        signer = find_operator(session, operator)
        target = find_code(session, code)
        if isinstance(target, Container):
            if kind in (EventKind.OPENED, EventKind.SEALED):
                target.sealed = kind == EventKind.SEALED
            return append_event(session, kind, signer, at=at, container_id=target.id,
                                note=note, details=details).id
        require_sample_action(target, signer, OBSERVATION_ACTIONS[EventKind(kind)])
        event = append_event(session, kind, signer, at=at, sample_id=target.id,
                             container_id=target.container_id, note=note, details=details)
        touch_sample(target, event)
        return event.id


def check_images(kind: str, images: Sequence[Image]) -> None:
    """Images go only with photographed and inspected events (on a sample, a container or a location)."""
    if images and kind not in PHOTO_KINDS:
        raise ValidationError(f"images are attached to {' and '.join(PHOTO_KINDS)} events, not {kind!r}",
                              code=Refusal.IMAGES_NOT_HERE, params={"kind": kind})


def check_observation(kind: str, note: str, atmosphere: str, what: str) -> None:
    """Opening and sealing name the atmosphere (of the ``what`` opened), a known one; a note has text."""
    if kind in (EventKind.OPENED, EventKind.SEALED) and not atmosphere:
        raise ValidationError(f"say in which atmosphere the {what} was {kind} (e.g. nitrogen, air)",
                              code=Refusal.ATMOSPHERE_NEEDED, params={"kind": kind})
    if atmosphere not in list(Atmosphere):
        raise ValidationError(f"unknown atmosphere {atmosphere!r} (use one of {choices(Atmosphere)})",
                              code=Refusal.UNKNOWN_CHOICE, params={"value": atmosphere, "known": choices(Atmosphere)})
    if kind == EventKind.NOTE and not note.strip():
        raise ValidationError("a note needs some text", code=Refusal.NOTE_EMPTY)


def correct(db: Database, operator: str, event_id: int, reason: str, mass_ug: int | None = None,
            at: datetime | None = None) -> int:
    """A curator answers a wrong event with a correction citing it (events are never edited).

    With ``mass_ug`` the correction states the TRUE value of the corrected event's mass: every mass
    derived after it shifts by the difference (see corrections.py and the rule in the README).
    """
    if not reason.strip():
        raise ValidationError("a correction needs a reason", code=Refusal.REASON_NEEDED)
    with db.write() as session:
        signer = find_operator(session, operator)
        require_role(signer, ROLE_NEEDED[SampleAction.CORRECT], "record a correction")
        wrong = session.get(Event, event_id)
        if wrong is None:
            raise NotFoundError(f"no event {event_id} to correct", code=Refusal.UNKNOWN_EVENT,
                                params={"event": event_id})
        sample = session.get(Sample, wrong.sample_id) if wrong.sample_id else None
        if sample is not None:
            require_sample_action(sample, signer, SampleAction.CORRECT)
        columns: dict[str, Any] = {"corrects_event_id": wrong.id, "sample_id": wrong.sample_id,
                                   "container_id": wrong.container_id, "allocation_id": wrong.allocation_id,
                                   "note": reason}

        if mass_ug is None:
            event = append_event(session, EventKind.CORRECTION, signer, at=at, **columns)
            if sample is not None:
                touch_sample(sample, event)
            return event.id
        if sample is None or wrong.mass_ug is None or wrong.kind == EventKind.CORRECTION:
            raise RuleViolation(f"event {event_id} ({wrong.kind}) states no mass of a sample, so a mass cannot be "
                                "corrected (give only a reason)", code=Refusal.CORRECTION_NO_MASS,
                                params={"event": event_id, "kind": wrong.kind})
        shift = mass_shift(session, wrong, sample, mass_ug)
        check_mass_within_mission(sample.mission, shift.current_ug)
        event = append_event(session, EventKind.CORRECTION, signer, at=at, mass_ug=shift.current_ug,
                             details={"recorded_ug": shift.recorded_ug, "true_ug": mass_ug}, **columns)
        touch_sample(sample, event, shift.current_ug)
        return event.id
