"""How domain values read on screen: statuses, event kinds, local times and event facts, all translatable."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, QTime

from curator.mass import format_mass
from curator.vocabulary import (
    AllocationStatus,
    Atmosphere,
    Condition,
    ContainerKind,
    DueState,
    EventKind,
    Excursion,
    LoanState,
    LocationKind,
    ResultKind,
    Role,
    SampleKind,
    SampleStatus,
    Sampling,
    Treatment,
)

# lupdate reads translate("Context", "literal") calls; the context must be a literal too.
translate = QCoreApplication.translate

#: The English word of each vocabulary member, marked for lupdate (context "text"); translated in _labels().
#: Keyed by the domain's vocabularies (a word shared by two of them, such as "returned", reads the same).
_WORDS: dict[str, object] = {  # QT_TRANSLATE_NOOP is typed as returning object
    SampleStatus.IN_STORE: QT_TRANSLATE_NOOP("text", "in store"),
    SampleStatus.ALLOCATED: QT_TRANSLATE_NOOP("text", "allocated"),
    SampleStatus.ON_LOAN: QT_TRANSLATE_NOOP("text", "on loan"),
    SampleStatus.RETURNED: QT_TRANSLATE_NOOP("text", "returned"),
    SampleStatus.CONSUMED: QT_TRANSLATE_NOOP("text", "consumed"),
    AllocationStatus.REQUESTED: QT_TRANSLATE_NOOP("text", "requested"),
    AllocationStatus.APPROVED: QT_TRANSLATE_NOOP("text", "approved"),
    AllocationStatus.PREPARED: QT_TRANSLATE_NOOP("text", "prepared"),
    AllocationStatus.HANDED_OVER: QT_TRANSLATE_NOOP("text", "handed over"),
    AllocationStatus.CANCELLED: QT_TRANSLATE_NOOP("text", "cancelled"),
    EventKind.RECEIVED: QT_TRANSLATE_NOOP("text", "received"),
    EventKind.WEIGHED: QT_TRANSLATE_NOOP("text", "weighed"),
    EventKind.SPLIT: QT_TRANSLATE_NOOP("text", "split"),
    EventKind.MOVED: QT_TRANSLATE_NOOP("text", "moved"),
    EventKind.OPENED: QT_TRANSLATE_NOOP("text", "opened"),
    EventKind.SEALED: QT_TRANSLATE_NOOP("text", "sealed"),
    EventKind.INSPECTED: QT_TRANSLATE_NOOP("text", "inspected"),
    EventKind.PHOTOGRAPHED: QT_TRANSLATE_NOOP("text", "photographed"),
    EventKind.NOTE: QT_TRANSLATE_NOOP("text", "note"),
    EventKind.CORRECTION: QT_TRANSLATE_NOOP("text", "correction"),
    EventKind.REGISTERED: QT_TRANSLATE_NOOP("text", "registered"),
    EventKind.AMENDED: QT_TRANSLATE_NOOP("text", "amended"),
    EventKind.EXCURSION: QT_TRANSLATE_NOOP("text", "excursion"),
    EventKind.STOCKTAKE: QT_TRANSLATE_NOOP("text", "stocktake"),
    EventKind.SETTING: QT_TRANSLATE_NOOP("text", "facility setting"),
    EventKind.HISTORY_REPLACED: QT_TRANSLATE_NOOP("text", "history replaced"),
    Excursion.NITROGEN_LOST: QT_TRANSLATE_NOOP("text", "nitrogen supply lost"),
    Excursion.OXYGEN: QT_TRANSLATE_NOOP("text", "oxygen level"),
    Excursion.HUMIDITY: QT_TRANSLATE_NOOP("text", "humidity"),
    Excursion.TEMPERATURE: QT_TRANSLATE_NOOP("text", "temperature"),
    Excursion.POWER: QT_TRANSLATE_NOOP("text", "power"),
    SampleKind.POWDER: QT_TRANSLATE_NOOP("text", "powder"),
    SampleKind.ROCK_FRAGMENT: QT_TRANSLATE_NOOP("text", "rock fragment"),
    SampleKind.GLASS_BEAD: QT_TRANSLATE_NOOP("text", "glass bead"),
    SampleKind.THIN_SECTION: QT_TRANSLATE_NOOP("text", "thin section"),
    SampleKind.SOIL: QT_TRANSLATE_NOOP("text", "soil"),
    SampleKind.CORE: QT_TRANSLATE_NOOP("text", "core"),
    SampleKind.BRECCIA: QT_TRANSLATE_NOOP("text", "breccia"),
    SampleKind.BASALT: QT_TRANSLATE_NOOP("text", "basalt"),
    SampleKind.CRUSTAL: QT_TRANSLATE_NOOP("text", "crustal"),
    SampleKind.SPECIAL: QT_TRANSLATE_NOOP("text", "special"),
    Sampling.SCOOPED: QT_TRANSLATE_NOOP("text", "scooped"),
    Sampling.DRILLED: QT_TRANSLATE_NOOP("text", "drilled"),
    ContainerKind.VIAL: QT_TRANSLATE_NOOP("text", "vial"),
    ContainerKind.CAPSULE: QT_TRANSLATE_NOOP("text", "capsule"),
    ContainerKind.BAG: QT_TRANSLATE_NOOP("text", "bag"),
    ContainerKind.JAR: QT_TRANSLATE_NOOP("text", "jar"),
    ContainerKind.AMPOULE: QT_TRANSLATE_NOOP("text", "ampoule"),
    ContainerKind.BOX: QT_TRANSLATE_NOOP("text", "box"),
    LocationKind.FACILITY: QT_TRANSLATE_NOOP("text", "facility"),
    LocationKind.ROOM: QT_TRANSLATE_NOOP("text", "room"),
    LocationKind.CABINET: QT_TRANSLATE_NOOP("text", "cabinet"),
    LocationKind.SHELF: QT_TRANSLATE_NOOP("text", "shelf"),
    LocationKind.POSITION: QT_TRANSLATE_NOOP("text", "position"),
    LocationKind.NITROGEN_CABINET: QT_TRANSLATE_NOOP("text", "nitrogen cabinet"),
    LocationKind.GLOVE_BOX: QT_TRANSLATE_NOOP("text", "glove box"),
    LocationKind.SAFE: QT_TRANSLATE_NOOP("text", "safe"),
    LocationKind.DESICCATOR: QT_TRANSLATE_NOOP("text", "desiccator"),
    LocationKind.RACK: QT_TRANSLATE_NOOP("text", "rack"),
    Atmosphere.NITROGEN: QT_TRANSLATE_NOOP("text", "nitrogen"),
    Atmosphere.AIR: QT_TRANSLATE_NOOP("text", "air"),
    Atmosphere.VACUUM: QT_TRANSLATE_NOOP("text", "vacuum"),
    Atmosphere.ARGON: QT_TRANSLATE_NOOP("text", "argon"),
    EventKind.REMINDED: QT_TRANSLATE_NOOP("text", "reminder sent"),
    EventKind.INVENTORIED: QT_TRANSLATE_NOOP("text", "inventory confirmed"),
    LoanState.CLOSED: QT_TRANSLATE_NOOP("text", "closed"),
    DueState.DUE_SOON: QT_TRANSLATE_NOOP("text", "due soon"),
    DueState.DUE: QT_TRANSLATE_NOOP("text", "due today"),
    DueState.OVERDUE: QT_TRANSLATE_NOOP("text", "overdue"),
    DueState.INVENTORY_DUE: QT_TRANSLATE_NOOP("text", "inventory due"),
    DueState.INVENTORY_LATE: QT_TRANSLATE_NOOP("text", "inventory late"),
    Treatment.POLISHED: QT_TRANSLATE_NOOP("text", "polished"),
    Treatment.COATED: QT_TRANSLATE_NOOP("text", "coated"),
    Treatment.IRRADIATED: QT_TRANSLATE_NOOP("text", "irradiated"),
    Treatment.EXPOSED_TO_AIR: QT_TRANSLATE_NOOP("text", "exposed to air"),
    Treatment.CONTAMINATED: QT_TRANSLATE_NOOP("text", "contaminated"),
    Treatment.NONE: QT_TRANSLATE_NOOP("text", "no treatment"),
    EventKind.RESULT: QT_TRANSLATE_NOOP("text", "result"),
    ResultKind.PUBLICATION: QT_TRANSLATE_NOOP("text", "publication"),
    ResultKind.DATASET: QT_TRANSLATE_NOOP("text", "data set"),
    Condition.PRISTINE: QT_TRANSLATE_NOOP("text", "pristine"),
    Condition.EXPOSED: QT_TRANSLATE_NOOP("text", "exposed"),
    Condition.PROCESSED: QT_TRANSLATE_NOOP("text", "processed"),
    Role.TECHNICIAN: QT_TRANSLATE_NOOP("text", "technician"),
    Role.CURATOR: QT_TRANSLATE_NOOP("text", "curator"),
    Role.ADMIN: QT_TRANSLATE_NOOP("text", "admin"),
}


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    """Built on first use, after the desk installed its translators; asked thousands of times a second."""
    return {value: translate("text", str(word)) for value, word in _WORDS.items()}


def forget_labels() -> None:
    """The translators changed: build the words again on next use."""
    _labels.cache_clear()


def label(value: str) -> str:
    """The on-screen word for a member of a domain vocabulary (status, event kind, sample kind, atmosphere,
    role...); an empty value (a sampling or atmosphere not stated) stays empty."""
    return _labels().get(value, value.replace("_", " "))


def date_format(locale: QLocale | None = None) -> str:
    """How the desk writes a date (a QDate format): the locale's short format (zh_CN 2026/11/27, en_GB
    27/11/2026) with the year in full (en_US 11/27/2026, not 11/27/26); ISO 2026-11-27 where no language
    is set (the C locale). Masses keep one format in every language (curator.mass)."""
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return short if "yyyy" in short else short.replace("yy", "yyyy")


def time_format(locale: QLocale | None = None) -> str:
    """How the desk writes a time of day: the locale's short format (en_US 2:05 PM), else 14:05."""
    locale = locale or QLocale()
    return "HH:mm" if locale.language() == QLocale.Language.C else locale.timeFormat(QLocale.FormatType.ShortFormat)


def local_time(moment: datetime | None) -> str:
    """A stored UTC time shown in the desk's local time, in the desk's locale format."""
    if not moment:
        return ""
    local = moment.astimezone()
    locale = QLocale()
    when = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return locale.toString(when, f"{date_format(locale)} {time_format(locale)}")


def day(value: date | None) -> str:
    """A date in the desk's locale format (see date_format)."""
    if not value:
        return ""
    locale = QLocale()
    return locale.toString(QDate(value.year, value.month, value.day), date_format(locale))


def mass(micrograms: int | None) -> str:
    return "" if micrograms is None else format_mass(micrograms)


def describe_facts(facts: dict[str, Any]) -> str:
    """One line about an event's kind-specific facts (split children, atmosphere, destination...)."""
    parts: list[str] = []
    if "children" in facts:
        children = facts["children"]
        assert isinstance(children, list)
        parts.append(translate("text", "into {count} splits: {list}").format(
            count=len(children), list=", ".join(f"{c['number']} ({format_mass(c['mass_ug'])})" for c in children)))
    if facts.get("loss_ug"):
        parts.append(translate("text", "loss {mass}").format(mass=format_mass(int(facts["loss_ug"]))))
    if "parent" in facts:
        parts.append(translate("text", "split from {parent}").format(parent=facts["parent"]))
    if "expected_ug" in facts:
        parts.append(translate("text", "expected {mass}").format(mass=format_mass(int(facts["expected_ug"]))))
    if "excursion" in facts:
        parts.append(label(str(facts["excursion"])))
    if "measured" in facts:
        parts.append(translate("text", "measured {value}").format(value=facts["measured"]))
    if "ended_at" in facts:
        ended = local_time(datetime.fromisoformat(str(facts["ended_at"])))
        parts.append(translate("text", "until {time}").format(time=ended))
    if "location" in facts:
        parts.append(translate("text", "in {place}").format(place=facts["location"]))
    if "atmosphere" in facts:
        parts.append(translate("text", "atmosphere: {name}").format(name=label(str(facts["atmosphere"]))))
    if "to" in facts:
        parts.append(translate("text", "to {place}").format(place=facts["to"]))
    if "allocation" in facts:
        parts.append(translate("text", "allocation {reference}").format(reference=facts["allocation"]))
    if "corrects" in facts:
        parts.append(translate("text", "corrects event {id}").format(id=facts["corrects"]))
    if "photo" in facts:
        parts.append(translate("text", "photo {reference}").format(reference=facts["photo"]))
    if isinstance(facts.get("photos"), list):
        names = ", ".join(str(photo.get("name", "")) for photo in facts["photos"] if isinstance(photo, dict))
        parts.append(translate("text", "images: {names}").format(names=names))
    if "note" in facts:
        parts.append(f"“{facts['note']}”")
    return "; ".join(parts)
