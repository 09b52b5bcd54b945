"""Mass as an integer number of micrograms: parsing user text and formatting for display.

All mass arithmetic in Curator is integer micrograms (ug). This module is the only place that turns
text into micrograms and back, so rounding rules live in one spot.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from curator.errors import ValidationError

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

_MASS_RE = re.compile(r"^(?P<number>[+-]?[0-9][0-9 ,.'\u00a0\u202f]*)\s*(?P<unit>[a-zA-Zµμ]*)$")


def parse_mass(text: str, default_unit: str = "mg", limit_ug: int | None = ABSURD_MASS_UG) -> int:
    """Parse "12.5 mg", "0.0125 g", "12500 ug", "12 500 µg" or "1,5 g" into micrograms.

    A comma is a decimal separator unless it groups thousands ("1,500 mg" is 1500 mg). Raises
    ValidationError naming the problem for empty, non-numeric, negative, sub-microgram or absurd
    values (more than ``limit_ug``).
    """
    raw = (text or "").strip()
    if not raw:
        raise ValidationError("mass is empty: enter a number with a unit, e.g. 12.5 mg")
    match = _MASS_RE.match(raw)
    if not match:
        raise ValidationError(f"mass {raw!r} is not a number with a unit (e.g. 12.5 mg, 0.2 g)")
    unit = (match.group("unit") or default_unit).lower().replace("μ", "µ")
    if unit not in MICROGRAMS_PER_UNIT:
        known = ", ".join(sorted({"ug", "µg", "mg", "g", "kg"}))
        raise ValidationError(f"mass {raw!r} has an unknown unit {unit!r} (use one of {known})")
    value = _parse_number(match.group("number"), raw)
    if value < 0:
        raise ValidationError(f"mass {raw!r} is negative: a mass must be zero or more")
    micrograms = value * MICROGRAMS_PER_UNIT[unit]
    if micrograms != micrograms.to_integral_value():
        raise ValidationError(f"mass {raw!r} is finer than one microgram")
    result = int(micrograms)
    if limit_ug is not None and result > limit_ug:
        raise ValidationError(
            f"mass {raw!r} is more than {format_mass(limit_ug)}, more than could possibly be stored"
        )
    return result


def _parse_number(number: str, raw: str) -> Decimal:
    compact = re.sub(r"[ '\u00a0\u202f]", "", number)
    if "," in compact and "." in compact:
        compact = compact.replace(",", "")  # "1,234.5": comma groups thousands
    elif compact.count(",") == 1 and not re.fullmatch(r"[+-]?\d{1,3},\d{3}", compact):
        compact = compact.replace(",", ".")  # "1,5": decimal comma
    elif "," in compact:
        compact = compact.replace(",", "")  # "1,500" or "1,000,000": grouping
    try:
        return Decimal(compact)
    except InvalidOperation:
        raise ValidationError(f"mass {raw!r} is not a number") from None


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
