"""Facility settings: what every desk of a facility must agree on (today the photo folder), kept in the
shared database as ``setting`` events, so each desk reads the same value and the chain proves who set it
and when. A setting's value is the one its newest event states; its earlier values stay in the chain.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.events import append_event
from curator.storage.db import Database
from curator.storage.models import Event, Operator
from curator.vocabulary import EventKind, Word


class Setting(Word):
    """The facility settings a ``setting`` event may state (its details "setting")."""

    #: Where the images of photographed and inspected events are kept ("": in the database).
    PHOTO_FOLDER = "photo_folder"


@dataclass(frozen=True)
class SettingValue:
    """A setting's value and the event that set it (event 0: never set; the value is then "")."""

    setting: str
    value: str
    event_id: int = 0
    set_at: datetime | None = None
    set_by: str = ""


def setting_values(session: Session, setting: Setting) -> list[SettingValue]:
    """Every value ``setting`` has had, oldest first (the last is the value now)."""
    rows = session.execute(select(Event.id, Event.occurred_at, Event.details, Operator.name)
                           .join(Operator, Operator.id == Event.operator_id)
                           .where(Event.kind == EventKind.SETTING).order_by(Event.id))
    values = []
    for event_id, occurred_at, details, name in rows:
        stated = json.loads(details or "{}")
        if stated.get("setting") == setting:
            values.append(SettingValue(setting, str(stated.get("value", "")), event_id, occurred_at, name))
    return values


def current_setting(session: Session, setting: Setting) -> SettingValue:
    values = setting_values(session, setting)
    return values[-1] if values else SettingValue(setting, "")


def facility_settings(db: Database) -> list[SettingValue]:
    """Every facility setting with its value now (and who set it when)."""
    with db.read() as session:
        return [current_setting(session, setting) for setting in Setting]


def read_setting(db: Database, setting: Setting) -> SettingValue:
    with db.read() as session:
        return current_setting(session, setting)


def record_setting(session: Session, signer: Operator, setting: Setting, value: str, *,
                   at: datetime | None = None, note: str = "") -> Event:
    """The event that gives ``setting`` its new ``value`` (inside the caller's write transaction)."""
    return append_event(session, EventKind.SETTING, signer, at=at, note=note,
                        details={"setting": Setting(setting).value, "value": value})
