"""What a balance says: a reading (exact micrograms from the decimal text it sent) and who it is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from curator.errors import InstrumentError, Refusal
from curator.mass import MICROGRAMS_PER_UNIT


@dataclass(frozen=True)
class BalanceIdentity:
    protocol: str
    model: str
    serial: str


@dataclass(frozen=True)
class Reading:
    """One value as the balance sent it. ``micrograms`` is exact (signed: a tared pan can read below zero);
    ``shown`` keeps the balance's own digits and unit, so nothing is rounded beyond its resolution."""

    micrograms: int
    shown: str
    stable: bool
    raw: str
    read_at: datetime


def reading(sign: str, number: str, unit: str, stable: bool, raw: str) -> Reading:
    """A Reading from the value text of a reply line: ``number`` as the balance wrote it, in ``unit``."""
    factor = MICROGRAMS_PER_UNIT.get(unit.strip().lower().replace("μ", "µ"))
    if factor is None:
        raise InstrumentError(f"the balance shows {unit.strip()!r}, not a mass in g or mg: set its unit to g "
                              f"(reply {raw.strip()!r})", code=Refusal.BALANCE_UNIT,
                              params={"unit": unit.strip(), "line": raw.strip()})
    if not re.fullmatch(r"\d+(\.\d+)?|\.\d+", number):
        raise InstrumentError(f"the balance sent {raw.strip()!r}, which holds no value Curator can read",
                              code=Refusal.BALANCE_UNREADABLE, params={"line": raw.strip()})
    try:
        value = Decimal(number) * factor
    except InvalidOperation:
        raise InstrumentError(f"the balance sent {raw.strip()!r}, which holds no value Curator can read",
                              code=Refusal.BALANCE_UNREADABLE, params={"line": raw.strip()}) from None
    if value != value.to_integral_value():
        raise InstrumentError(f"the balance reads {number} {unit.strip()}, finer than one microgram, which Curator "
                              "cannot store exactly: set it to a resolution of 1 µg or coarser",
                              code=Refusal.BALANCE_TOO_FINE, params={"value": f"{number} {unit.strip()}"})
    micrograms = -int(value) if sign == "-" else int(value)
    shown = f"{'-' if sign == '-' and micrograms else ''}{number} {unit.strip()}"
    return Reading(micrograms, shown, stable, raw.rstrip("\r\n"), datetime.now(UTC))


def balance_source(identity: BalanceIdentity, taken: Reading) -> dict[str, Any]:
    """What a weighing event records about a mass read from a balance (``details["balance"]``)."""
    return {"protocol": identity.protocol, "model": identity.model, "serial": identity.serial,
            "raw": taken.raw, "stable": taken.stable, "read_at": taken.read_at.isoformat()}


def mass_source(balance: dict[str, Any] | None) -> dict[str, Any]:
    """The facts of an event that say where its mass came from: read from a balance (``balance_source``) or
    typed by the operator."""
    return {"source": "balance", "balance": balance} if balance else {"source": "typed"}
