"""How domain values read on screen: statuses, event kinds, local times and event facts, all translatable."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QCoreApplication

from curator.mass import format_mass
from curator.vocabulary import (
    AllocationStatus,
    Atmosphere,
    ContainerKind,
    EventKind,
    Excursion,
    LocationKind,
    Role,
    SampleKind,
    SampleStatus,
    Sampling,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("text", text)


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    """Built on first use, after the desk installed its translators; asked thousands of times a second.
    Keyed by the domain's vocabularies (a word shared by two of them, such as "returned", reads the same)."""
    return {
        SampleStatus.IN_STORE: tr("in store"), SampleStatus.ALLOCATED: tr("allocated"),
        SampleStatus.ON_LOAN: tr("on loan"), SampleStatus.RETURNED: tr("returned"),
        SampleStatus.CONSUMED: tr("consumed"),
        AllocationStatus.REQUESTED: tr("requested"), AllocationStatus.APPROVED: tr("approved"),
        AllocationStatus.PREPARED: tr("prepared"), AllocationStatus.HANDED_OVER: tr("handed over"),
        AllocationStatus.CANCELLED: tr("cancelled"),
        EventKind.RECEIVED: tr("received"), EventKind.WEIGHED: tr("weighed"), EventKind.SPLIT: tr("split"),
        EventKind.MOVED: tr("moved"), EventKind.OPENED: tr("opened"), EventKind.SEALED: tr("sealed"),
        EventKind.INSPECTED: tr("inspected"), EventKind.PHOTOGRAPHED: tr("photographed"), EventKind.NOTE: tr("note"),
        EventKind.CORRECTION: tr("correction"), EventKind.REGISTERED: tr("registered"),
        EventKind.AMENDED: tr("amended"), EventKind.EXCURSION: tr("excursion"),
        Excursion.NITROGEN_LOST: tr("nitrogen supply lost"), Excursion.OXYGEN: tr("oxygen level"),
        Excursion.HUMIDITY: tr("humidity"), Excursion.TEMPERATURE: tr("temperature"),
        Excursion.POWER: tr("power"),
        SampleKind.POWDER: tr("powder"), SampleKind.ROCK_FRAGMENT: tr("rock fragment"),
        SampleKind.GLASS_BEAD: tr("glass bead"), SampleKind.THIN_SECTION: tr("thin section"),
        SampleKind.SOIL: tr("soil"), SampleKind.CORE: tr("core"), SampleKind.BRECCIA: tr("breccia"),
        SampleKind.BASALT: tr("basalt"), SampleKind.CRUSTAL: tr("crustal"), SampleKind.SPECIAL: tr("special"),
        Sampling.SCOOPED: tr("scooped"), Sampling.DRILLED: tr("drilled"),
        ContainerKind.VIAL: tr("vial"), ContainerKind.CAPSULE: tr("capsule"), ContainerKind.BAG: tr("bag"),
        ContainerKind.JAR: tr("jar"), ContainerKind.AMPOULE: tr("ampoule"), ContainerKind.BOX: tr("box"),
        LocationKind.FACILITY: tr("facility"), LocationKind.ROOM: tr("room"), LocationKind.CABINET: tr("cabinet"),
        LocationKind.SHELF: tr("shelf"), LocationKind.POSITION: tr("position"),
        Atmosphere.NITROGEN: tr("nitrogen"), Atmosphere.AIR: tr("air"), Atmosphere.VACUUM: tr("vacuum"),
        Atmosphere.ARGON: tr("argon"),
        Role.TECHNICIAN: tr("technician"), Role.CURATOR: tr("curator"), Role.ADMIN: tr("admin"),
    }


def label(value: str) -> str:
    """The on-screen word for a member of a domain vocabulary (status, event kind, sample kind, atmosphere,
    role...); an empty value (a sampling or atmosphere not stated) stays empty."""
    return _labels().get(value, value.replace("_", " "))


def local_time(moment: datetime | None) -> str:
    """A stored UTC time shown in the desk's local time."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def mass(micrograms: int | None) -> str:
    return "" if micrograms is None else format_mass(micrograms)


def describe_facts(facts: dict[str, Any]) -> str:
    """One line about an event's kind-specific facts (split children, atmosphere, destination...)."""
    parts: list[str] = []
    if "children" in facts:
        children = facts["children"]
        assert isinstance(children, list)
        parts.append(tr("into {count} splits: {list}").format(
            count=len(children), list=", ".join(f"{c['number']} ({format_mass(c['mass_ug'])})" for c in children)))
    if facts.get("loss_ug"):
        parts.append(tr("loss {mass}").format(mass=format_mass(int(facts["loss_ug"]))))
    if "parent" in facts:
        parts.append(tr("split from {parent}").format(parent=facts["parent"]))
    if "expected_ug" in facts:
        parts.append(tr("expected {mass}").format(mass=format_mass(int(facts["expected_ug"]))))
    if "excursion" in facts:
        parts.append(label(str(facts["excursion"])))
    if "measured" in facts:
        parts.append(tr("measured {value}").format(value=facts["measured"]))
    if "ended_at" in facts:
        parts.append(tr("until {time}").format(time=local_time(datetime.fromisoformat(str(facts["ended_at"])))))
    if "location" in facts:
        parts.append(tr("in {place}").format(place=facts["location"]))
    if "atmosphere" in facts:
        parts.append(tr("atmosphere: {name}").format(name=label(str(facts["atmosphere"]))))
    if "to" in facts:
        parts.append(tr("to {place}").format(place=facts["to"]))
    if "allocation" in facts:
        parts.append(tr("allocation {reference}").format(reference=facts["allocation"]))
    if "corrects" in facts:
        parts.append(tr("corrects event {id}").format(id=facts["corrects"]))
    if "photo" in facts:
        parts.append(tr("photo {reference}").format(reference=facts["photo"]))
    if "note" in facts:
        parts.append(f"“{facts['note']}”")
    return "; ".join(parts)
