"""Label templates as data (resources/labels/*.json), the values printed on a label, and QR matrices.

A label's QR code holds only the ID asked for (a sample number or a container barcode), so a scanner
types just that into any program. Drawing is the UI's job (ui/printing.py); this module never imports Qt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import segno
from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.condition import conditions
from curator.errors import NotFoundError, Refusal, ValidationError
from curator.events import utcnow
from curator.lookup import find_scanned
from curator.mass import format_mass
from curator.outputs.output_words import check_language, each_language, mission_name, say
from curator.storage.db import Database
from curator.storage.models import Container, Location, Sample
from resources import resource_path

TEMPLATES_DIR = resource_path("labels")
DEFAULT_TEMPLATE = "62x29"
#: The values a field may show.
VALUE_NAMES = ("id", "mission", "kind", "mass", "container", "date", "condition")


@dataclass(frozen=True)
class Box:
    """A rectangle in millimetres, relative to the label's top-left corner."""

    x: float
    y: float
    width: float
    height: float

    @classmethod
    def from_list(cls, values: list[float]) -> Box:
        x, y, width, height = (float(v) for v in values)
        return cls(x, y, width, height)


@dataclass(frozen=True)
class FieldSpec:
    values: tuple[str, ...]
    box: Box
    max_pt: float
    bold: bool = False
    prefix: str = ""
    separator: str = " "

    def text(self, label: LabelData) -> str:
        """What the field shows for ``label``: its non-empty values joined, or "" when all are empty; the
        prefix (e.g. "Container ") in the label's language."""
        parts = [label.values.get(name, "") for name in self.values]
        joined = self.separator.join(part for part in parts if part)
        prefix = self.prefix
        if prefix.strip() and label.language != "en":
            prefix = each_language(label.language, lambda language: say(self.prefix.strip(), language)) + " "
        return f"{prefix}{joined}" if joined else ""


@dataclass(frozen=True)
class LabelTemplate:
    name: str
    title: str
    page_width: float
    page_height: float
    label_width: float
    label_height: float
    columns: int
    rows: int
    left: float
    top: float
    pitch_x: float
    pitch_y: float
    qr: Box
    quiet_zone_modules: int
    barcode: Box | None
    fields: tuple[FieldSpec, ...]

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def origin(self, slot: int) -> tuple[float, float]:
        """Top-left corner (mm) on the page of the label in ``slot`` (row by row)."""
        row, column = divmod(slot, self.columns)
        return self.left + column * self.pitch_x, self.top + row * self.pitch_y


def parse_template(data: dict[str, Any]) -> LabelTemplate:
    """A template from its JSON data; a ValidationError names what is wrong."""
    try:
        grid = data["grid"]
        fields = tuple(
            FieldSpec(tuple(f["values"]), Box.from_list(f["box_mm"]), float(f.get("max_pt", 8)),
                      bool(f.get("bold", False)), f.get("prefix", ""), f.get("separator", " "))
            for f in data["fields"]
        )
        page_width, page_height = map(float, data["page_mm"])
        label_width, label_height = map(float, data["label_mm"])
        template = LabelTemplate(
            data["name"], data["title"] if "title" in data else data["name"], page_width, page_height,
            label_width, label_height, int(grid["columns"]), int(grid["rows"]), float(grid["left_mm"]),
            float(grid["top_mm"]), float(grid["pitch_x_mm"]), float(grid["pitch_y_mm"]),
            Box.from_list(data["qr"]["box_mm"]), int(data["qr"].get("quiet_zone_modules", 4)),
            Box.from_list(data["barcode"]["box_mm"]) if data.get("barcode") else None, fields,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(f"label template {data.get('name', '?')!r} is malformed: {exc!r}",
                              code=Refusal.TEMPLATE_MALFORMED,
                              params={"name": data.get("name", "?"), "detail": exc}) from None
    unknown = {name for spec in fields for name in spec.values} - set(VALUE_NAMES)
    if unknown:
        raise ValidationError(f"label template {template.name!r} uses unknown values {sorted(unknown)}",
                              code=Refusal.TEMPLATE_MALFORMED,
                              params={"name": template.name, "detail": ", ".join(sorted(unknown))})
    return template


@lru_cache(maxsize=1)
def templates() -> dict[str, LabelTemplate]:
    """Every template in resources/labels, by name."""
    found = {}
    for path in sorted(TEMPLATES_DIR.glob("*.json")):
        template = parse_template(json.loads(path.read_text(encoding="utf-8")))
        found[template.name] = template
    return found


def get_template(name: str | None) -> LabelTemplate:
    available = templates()
    chosen = name or DEFAULT_TEMPLATE
    if chosen not in available:
        raise ValidationError(f"no label template {chosen!r} (use one of {', '.join(available)})",
                              code=Refusal.UNKNOWN_CHOICE, params={"value": chosen, "known": ", ".join(available)})
    return available[chosen]


@dataclass(frozen=True)
class LabelData:
    """One label: the code its QR holds (the ID asked for), the texts its fields show and their language
    ("en", "zh" or "both", curator.outputs.output_words)."""

    code: str
    values: dict[str, str]
    language: str = "en"


def _mission(code: str, name: str, language: str) -> str:
    """English labels show the mission's code (CE5); Chinese ones its name (嫦娥五号), both both names."""
    if language == "en":
        return code
    return each_language(language, lambda each: mission_name(code, name, each))


def _sample_values(session: Session, sample: Sample, language: str) -> dict[str, str]:
    container = sample.container
    return {
        "id": sample.number, "mission": _mission(sample.mission.code, sample.mission.name, language),
        "kind": each_language(language, lambda each: say(sample.kind, each)),
        "mass": format_mass(sample.mass_ug), "container": container.barcode if container else "",
        "date": sample.created_at.astimezone().date().isoformat(),
        "condition": each_language(language, lambda each: say(
            conditions(session, [sample.id])[sample.id].condition, each)),
    }


def _container_values(session: Session, container: Container, language: str) -> dict[str, str]:
    inside = list(session.execute(select(Sample).where(Sample.container_id == container.id)
                                  .order_by(Sample.number)).scalars())

    def kind(phrase: str, sample_kind: str = "") -> str:
        return each_language(language, lambda each: say(phrase, each, kind=say(sample_kind, each),
                                                        container=say(container.kind, each), count=len(inside)))

    if len(inside) == 1:
        values = _sample_values(session, inside[0], language)
        values["kind"] = kind("{kind} in {container}", inside[0].kind)
    else:
        missions = sorted({sample.mission.code for sample in inside})
        values = {"mission": ", ".join(missions),
                  "kind": kind("{container}, {count} samples" if inside else "{container}, empty"),
                  "mass": format_mass(sum(sample.mass_ug for sample in inside)) if inside else "",
                  "date": utcnow().astimezone().date().isoformat()}
    values.update(id=container.barcode, container="")
    return values


def _location_values(location: Location, language: str) -> dict[str, str]:
    """A position's or shelf's label: its barcode (what the code holds), what it is, and where."""
    holder = location.path.rsplit(" / ", 1)[0] if " / " in location.path else ""
    kind = each_language(language, lambda each: say(location.kind, each))
    return {"id": location.barcode or location.path, "mission": "", "mass": "",
            "kind": f"{kind} {location.name}", "container": holder.split(" / ", 1)[-1],
            "date": utcnow().astimezone().date().isoformat()}


def label_data(db: Database, codes: list[str], language: str = "en") -> list[LabelData]:
    """The labels for sample numbers, container barcodes and location barcodes, in the order given, with
    their words in ``language`` ("en", "zh" or "both"); masses and dates read the same in every language.

    Every code is checked first: an unknown one raises NotFoundError and nothing is returned.
    """
    check_language(language)
    cleaned = [code.strip() for code in codes]
    if not cleaned or not all(cleaned):
        raise ValidationError("name at least one sample number or container barcode (no empty ones)",
                              code=Refusal.NO_LABEL_IDS)
    labels = []
    with db.read() as session:
        for code in cleaned:
            try:
                target = find_scanned(session, code)
            except NotFoundError:
                raise NotFoundError(f"unknown ID {code!r}: no sample, container or location has it; no labels "
                                    "printed", code=Refusal.UNKNOWN_SCAN, params={"code": code}) from None
            if isinstance(target, Location):
                values = _location_values(target, language)
                labels.append(LabelData(values["id"], values, language))
                continue
            values = (_sample_values(session, target, language) if isinstance(target, Sample)
                      else _container_values(session, target, language))
            labels.append(LabelData(code, values, language))
    return labels


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR code's modules (True = dark), without the quiet zone. Error correction level M."""
    qr = segno.make_qr(payload, error="m", boost_error=False)
    return [[bool(module) for module in row] for row in qr.matrix]


def pages(template: LabelTemplate, labels: list[LabelData]) -> list[list[tuple[float, float, LabelData]]]:
    """Labels placed on pages: per page, each label's top-left corner in mm and its data."""
    placed: list[list[tuple[float, float, LabelData]]] = []
    for index, label in enumerate(labels):
        slot = index % template.per_page
        if slot == 0:
            placed.append([])
        placed[-1].append((*template.origin(slot), label))
    return placed
