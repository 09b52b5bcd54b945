"""Identifiers that scanners and people can trust: sample numbers, container barcodes, location paths and
operator names.

Every identifier is normalised (Unicode NFC, trimmed) and refused, with the reason, when it holds a
control, bidi-override or zero-width character. Sample numbers and barcodes are ASCII-style codes: a
Cyrillic or Greek letter in one (a lookalike of a Latin letter) is refused. Sample numbers, barcodes
and location paths share one namespace, compared case-insensitively (scans match that way). Operator
names may use any script, but no two may differ only by lookalike or invisible characters.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import func, literal, select, union_all
from sqlalchemy.orm import Session

from curator.errors import Refusal, ValidationError
from curator.storage.models import Container, Location, Operator, Sample

#: Characters that reorder text when displayed (bidi embeddings, overrides and isolates).
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SUSPECT_SCRIPTS = ("CYRILLIC", "GREEK")

#: Cyrillic and Greek letters that look like Latin ones, with the Latin letter they imitate.
CONFUSABLES = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "Ү": "Y", "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ј": "j",
    "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ё": "e", "ї": "i",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v", "ρ": "p", "υ": "u", "ι": "i", "κ": "k",
    "α": "a", "τ": "t", "χ": "x",
}


def _hidden_character(text: str) -> str:
    """A description of the first control, bidi-override or invisible character in ``text``, or ""."""
    for char in text:
        category = unicodedata.category(char)
        code = f"U+{ord(char):04X}"
        if char in _BIDI_CONTROLS:
            return f"a bidi-override character ({code}) that reorders the text"
        if category in ("Cc", "Zl", "Zp"):
            return f"a control character ({code})"
        if category == "Cf":
            return f"an invisible (zero-width) character ({code})"
    return ""


def clean_identifier(text: str, what: str) -> str:
    """``text`` normalised (NFC, trimmed); ValidationError naming ``what`` when empty or hiding characters."""
    value = unicodedata.normalize("NFC", text).strip()
    if not value:
        raise ValidationError(f"{what} is empty", code=Refusal.IDENTIFIER_EMPTY, params={"what": what})
    hidden = _hidden_character(value)
    if hidden:
        raise ValidationError(f"{what} {value!r} contains {hidden}: retype it", code=Refusal.HIDDEN_CHARACTER,
                              params={"what": what, "value": value})
    return value


def _script(char: str) -> str:
    return unicodedata.name(char, "").split(" ")[0] if char.isalpha() else ""


def _lookalike(value: str) -> str:
    for char in value:
        if _script(char) in _SUSPECT_SCRIPTS:
            return f"the {_script(char).title()} letter {char!r} (U+{ord(char):04X})"
    return ""


def clean_code(text: str, what: str) -> str:
    """A sample number or container barcode: ASCII-style, so no Cyrillic or Greek lookalike letter."""
    value = clean_identifier(text, what)
    lookalike = _lookalike(value)
    if lookalike:
        raise ValidationError(f"{what} {value!r} contains {lookalike}, which looks like a Latin letter: "
                              "type it with Latin letters", code=Refusal.LOOKALIKE_LETTER,
                              params={"what": what, "value": value, "letter": lookalike})
    return value


def clean_location_name(text: str) -> str:
    """A location's name: any script, but not Latin mixed with Cyrillic or Greek lookalikes."""
    value = clean_identifier(text, "location name")
    lookalike = _lookalike(value)
    if lookalike and any(_script(char) == "LATIN" for char in value):
        raise ValidationError(f"location name {value!r} mixes Latin letters with {lookalike}: "
                              "type it in one script", code=Refusal.MIXED_SCRIPTS,
                              params={"value": value, "letter": lookalike})
    return value


def lookup_key(text: str) -> str:
    """What a scanned or typed code is compared by: NFC, trimmed (matching then ignores case)."""
    return unicodedata.normalize("NFC", text).strip()


def code_holders(session: Session, values: list[str]) -> dict[str, str]:
    """For each of ``values`` held in the shared namespace (ignoring case), who holds it; one query."""
    keys = [func.upper(literal(value)) for value in values]
    found = union_all(*(select(literal(what).label("what"), column.label("code"))
                        .where(func.upper(column).in_(keys))
                        for what, column in (("sample", Sample.number), ("container", Container.barcode),
                                             ("location", Location.path), ("location", Location.barcode))))
    holders: dict[str, str] = {}
    for what, code in session.execute(found):
        for value in values:
            if value.upper() == str(code).upper():
                holders.setdefault(value, f"{what} {code}")
    return holders


def require_free_code(session: Session, *values: str, what: str) -> None:
    """Refuse new sample numbers, barcodes or location paths that another record already holds."""
    holders = code_holders(session, list(values))
    for value in values:
        if value in holders:
            raise ValidationError(f"{what} {value!r} is already used by {holders[value]}: sample numbers, barcodes "
                                  "and location paths must all differ", code=Refusal.CODE_USED,
                                  params={"what": what, "value": value, "holder_kind": holders[value].split(" ")[0],
                                          "holder": holders[value].split(" ", 1)[-1]})


def operator_skeleton(name: str) -> str:
    """How a name looks: NFKC, lookalike letters mapped to Latin, invisible characters dropped, casefolded."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(CONFUSABLES.get(char, char) for char in text
                   if unicodedata.category(char) not in ("Cf", "Cc") and char not in _BIDI_CONTROLS)
    return " ".join(text.casefold().split())


def clean_operator_name(session: Session, name: str) -> str:
    """A new operator's name, normalised; refused when it looks like an existing operator's name."""
    value = clean_identifier(name, "operator name")
    skeleton = operator_skeleton(value)
    for existing in session.execute(select(Operator.name)).scalars():
        if existing != value and operator_skeleton(existing) == skeleton:
            raise ValidationError(f"operator name {value!r} looks the same as the existing operator {existing!r} "
                                  "(they differ only by lookalike or invisible characters)",
                                  code=Refusal.OPERATOR_LOOKALIKE, params={"value": value, "existing": existing})
    return value
