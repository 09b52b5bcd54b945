"""Mass as an integer number of micrograms: parsing user text and formatting for display.

All mass arithmetic in Curator is integer micrograms (ug). This module is the only place that turns
text into micrograms and back, so rounding rules live in one spot.
"""

from __future__ import annotations

import re
from decimal import Decimal

from curator.errors import Refusal, ValidationError

MICROGRAMS_PER_UNIT: dict[str, int] = {
    "ug": 1,
    "µg": 1,
    "μg": 1,
    "mcg": 1,
    "mg": 1_000,
    "g": 1_000_000,
    "kg": 1_000_000_000,
}

#: No single lunar sample mass can exceed everything ever returned by a mission (Chang'e-6, 1,935.3 g,
#: rounded up generously). Used when no mission-specific limit is given.
ABSURD_MASS_UG = 2_000 * 1_000_000

#: Characters that group digits: spaces (also thin, narrow no-break and no-break) and the apostrophe.
GROUPING = " \u2009\u202f\u00a0'"
_G = "[" + GROUPING + "]"
_MASS_RE = re.compile(r"^(?P<sign>[+-]?)(?P<number>[0-9.,][0-9.," + GROUPING + r"]*?)\s*(?P<unit>[a-zA-Zµμ]*)$")
_NUMBER_RE = re.compile(
    rf"(?P<whole>\d{{1,3}}(?:{_G}\d{{3}})+|\d+)(?:(?P<separator>[.,])(?P<fraction>(?:\d{{3}}{_G})*\d{{1,3}}|\d+))?")


def parse_mass(text: str, default_unit: str = "mg", limit_ug: int | None = ABSURD_MASS_UG) -> int:
    """Parse "12.5 mg", "0.0125 g", "12500 ug", "12 500 µg" or "0,2 g" into micrograms.

    The point is always the decimal separator, and so is a comma, except where it could equally group
    thousands: followed by exactly three digits after a non-zero whole part ("1,500 g" is refused, naming
    both readings; "0,500 g" is half a gram). Spaces and apostrophes group digits in threes; one decimal
    separator at most. Raises ValidationError naming the problem for empty, non-numeric, ambiguous,
    negative, sub-microgram or absurd values (more than ``limit_ug``).
    """
    raw = (text or "").strip()
    if not raw:
        raise ValidationError("mass is empty: enter a number with a unit, e.g. 12.5 mg", code=Refusal.MASS_EMPTY)
    match = _MASS_RE.match(raw)
    if not match:
        raise ValidationError(f"mass {raw!r} is not a number with a unit (e.g. 12.5 mg, 0.2 g)",
                              code=Refusal.MASS_NOT_A_NUMBER, params={"raw": raw})
    written_unit = match.group("unit") or default_unit
    unit = written_unit.lower().replace("μ", "µ")
    if unit not in MICROGRAMS_PER_UNIT:
        known = ", ".join(sorted({"ug", "µg", "mg", "g", "kg"}))
        raise ValidationError(f"mass {raw!r} has an unknown unit {unit!r} (use one of {known})",
                              code=Refusal.MASS_UNKNOWN_UNIT, params={"raw": raw, "unit": unit, "known": known})
    value = _parse_number(match.group("number"), raw, written_unit)
    if match.group("sign") == "-" and value != 0:
        raise ValidationError(f"mass {raw!r} is negative: a mass must be zero or more", code=Refusal.MASS_NEGATIVE,
                              params={"raw": raw})
    micrograms = value * MICROGRAMS_PER_UNIT[unit]
    if micrograms != micrograms.to_integral_value():
        raise ValidationError(f"mass {raw!r} is finer than one microgram", code=Refusal.MASS_TOO_FINE,
                              params={"raw": raw})
    result = int(micrograms)
    if limit_ug is not None and result > limit_ug:
        raise ValidationError(
            f"mass {raw!r} is more than {format_mass(limit_ug)}, more than could possibly be stored",
            code=Refusal.MASS_TOO_LARGE, params={"raw": raw, "limit": format_mass(limit_ug)})
    return result


def _parse_number(number: str, raw: str, unit: str) -> Decimal:
    """The value of the digits, separator and grouping in ``number``, by the rule in ``parse_mass``."""
    match = _NUMBER_RE.fullmatch(number)
    if match is None:
        separators = sum(number.count(mark) for mark in ".,")
        if separators > 1:
            reason = "it has more than one decimal separator (group thousands with spaces, e.g. 1 234.5)"
        elif separators and not re.search(r"\d[.,]\d", number):
            reason = "a decimal separator needs digits on both sides (e.g. 0.5)"
        else:
            reason = "group digits in threes with single spaces (e.g. 12 500)"
        raise ValidationError(f"mass {raw!r} is not a number: {reason}", code=Refusal.MASS_NOT_A_NUMBER,
                              params={"raw": raw})
    whole = re.sub(_G, "", match.group("whole"))
    fraction = re.sub(_G, "", match.group("fraction") or "")
    first_group = re.split(_G, match.group("fraction") or "")[0]
    if match.group("separator") == "," and len(first_group) == 3 and int(whole) != 0:
        decimal = format(Decimal(f"{whole}.{fraction}").normalize(), "f")
        raise ValidationError(f"mass {raw!r} is ambiguous: the comma may group thousands or mark decimals; "
                              f"write {whole}{fraction} {unit} or {decimal} {unit}", code=Refusal.MASS_AMBIGUOUS,
                              params={"raw": raw, "grouped": f"{whole}{fraction} {unit}",
                                      "decimal": f"{decimal} {unit}"})
    return Decimal(f"{whole}.{fraction or '0'}")


def format_mass(micrograms: int, unit: str | None = None) -> str:
    """Format micrograms for people: the unit is chosen from the size unless given.

    Exact: trailing zeros are dropped but no digit of the integer is ever rounded away.
    """
    if unit is None:
        size = abs(micrograms)
        unit = "g" if size >= 1_000_000 else "mg" if size >= 1_000 else "µg"
    factor = MICROGRAMS_PER_UNIT[unit]
    value = Decimal(micrograms) / Decimal(factor)
    text = format(value.normalize(), "f") if value != 0 else "0"
    return f"{text} {unit}"


def to_mg(micrograms: int) -> Decimal:
    """Exact milligrams, for spreadsheets and reports that want a number."""
    return Decimal(micrograms) / Decimal(1_000)
