"""How domain values read on screen: statuses, event kinds, local times and event facts, all translatable."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from PySide6.QtCore import QCoreApplication

from curator.mass import format_mass


def tr(text: str) -> str:
    return QCoreApplication.translate("text", text)


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    """Built on first use, after the desk installed its translators; asked thousands of times a second."""
    return {
        "in_store": tr("in store"), "allocated": tr("allocated"), "on_loan": tr("on loan"),
        "returned": tr("returned"), "consumed": tr("consumed"), "requested": tr("requested"),
        "approved": tr("approved"), "prepared": tr("prepared"), "handed_over": tr("handed over"),
        "cancelled": tr("cancelled"), "received": tr("received"), "weighed": tr("weighed"),
        "split": tr("split"), "moved": tr("moved"), "opened": tr("opened"), "sealed": tr("sealed"),
        "inspected": tr("inspected"), "photographed": tr("photographed"), "note": tr("note"),
        "correction": tr("correction"), "amended": tr("amended"), "powder": tr("powder"),
        "rock_fragment": tr("rock fragment"),
        "glass_bead": tr("glass bead"), "thin_section": tr("thin section"), "soil": tr("soil"),
        "core": tr("core"), "breccia": tr("breccia"), "basalt": tr("basalt"), "scooped": tr("scooped"),
        "drilled": tr("drilled"), "nitrogen": tr("nitrogen"), "air": tr("air"), "vacuum": tr("vacuum"),
        "argon": tr("argon"), "technician": tr("technician"), "curator": tr("curator"), "admin": tr("admin"),
    }


def label(value: str) -> str:
    """The on-screen word for a status, event kind, sample kind, atmosphere or role."""
    return _labels().get(value, value.replace("_", " "))


def local_time(moment: datetime | None) -> str:
    """A stored UTC time shown in the desk's local time."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def mass(micrograms: int | None) -> str:
    return "" if micrograms is None else format_mass(micrograms)


def describe_facts(facts: dict[str, object]) -> str:
    """One line about an event's kind-specific facts (split children, atmosphere, destination...)."""
    parts: list[str] = []
    if "children" in facts:
        children = facts["children"]
        assert isinstance(children, list)
        parts.append(tr("into {count} splits: {list}").format(
            count=len(children), list=", ".join(f"{c['number']} ({format_mass(c['mass_ug'])})" for c in children)))
    if facts.get("loss_ug"):
        parts.append(tr("loss {mass}").format(mass=format_mass(int(facts["loss_ug"]))))  # type: ignore[arg-type]
    if "parent" in facts:
        parts.append(tr("split from {parent}").format(parent=facts["parent"]))
    if "expected_ug" in facts:
        parts.append(tr("expected {mass}").format(mass=format_mass(int(facts["expected_ug"]))))  # type: ignore[arg-type]
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
