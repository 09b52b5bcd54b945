"""A balance in software, for tests and demonstrations: it answers MT-SICS or SBI from a script of readings.

A script is steps separated by ``;``, each optionally repeated ``xN``; the last step repeats for ever.
``unstable 12.4987 g x3; stable 12.5012 g`` settles; ``drift 12.5000 g +0.0002 x5`` moves by a step each
read (never stable); ``overload``, ``underload``, ``silent`` (no answer at all) and ``error`` (``EL`` or
``Err 54``) stand for themselves. Every request for a value takes the next step. The digits written are the
balance's resolution: every value is sent with as many decimals as the script gives.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from decimal import Decimal

from curator.errors import ValidationError

DEFAULT_SCRIPT = "unstable 12.4987 g x3; unstable 12.5010 g; stable 12.5012 g"
KINDS = ("stable", "unstable", "drift", "overload", "underload", "silent", "error")
_STEP_RE = re.compile(r"(?P<kind>[a-z]+)(?:\s+(?P<value>-?\d+(?:\.\d+)?)\s*(?P<unit>mg|g|kg))?"
                      r"(?:\s+(?P<step>[+-]\d+(?:\.\d+)?))?(?:\s+x(?P<count>\d+))?")


@dataclass(frozen=True)
class Step:
    kind: str
    value: Decimal = Decimal(0)
    unit: str = "g"
    step: Decimal = Decimal(0)
    count: int = 1


def parse_script(text: str) -> list[Step]:
    steps = []
    for part in (p.strip() for p in text.split(";")):
        match = _STEP_RE.fullmatch(part)
        if not part or match is None or match["kind"] not in KINDS:
            raise ValidationError(f"balance script step {part!r} is not like 'stable 12.5012 g', 'unstable "
                                  f"12.49 g x3', 'drift 12.5000 g +0.0002 x5' or one of overload, underload, silent, "
                                  "error")
        needs_value = match["kind"] in ("stable", "unstable", "drift")
        if needs_value != bool(match["value"]):
            raise ValidationError(f"balance script step {part!r}: {match['kind']} "
                                  + ("needs a value with its unit" if needs_value else "takes no value"))
        steps.append(Step(match["kind"], Decimal(match["value"] or 0), match["unit"] or "g",
                          Decimal(match["step"] or 0), int(match["count"] or 1)))
    return steps


@dataclass(frozen=True)
class Shown:
    """What the simulated balance shows for one request: a kind and, for values, the value text."""

    kind: str
    value: Decimal = Decimal(0)
    unit: str = "g"

    @property
    def number(self) -> str:
        return format(abs(self.value), "f")


class SimulatedBalance:
    """The state of one balance shared by every connection: its script position and its zero/tare offset."""

    def __init__(self, script: str = DEFAULT_SCRIPT, model: str = "XPR205 Simulated", serial: str = "SIM0001") -> None:
        self.steps = parse_script(script)
        self.model, self.serial = model, serial
        self.position = 0  # requests answered so far
        self.offset = Decimal(0)
        self.lock = threading.Lock()

    def _step_at(self, position: int) -> tuple[Step, int]:
        """The step serving request number ``position`` and how many of its requests came before."""
        for step in self.steps:
            if position < step.count or step is self.steps[-1]:
                return step, position
            position -= step.count
        raise AssertionError("unreachable")

    def next_value(self) -> Shown:
        with self.lock:
            step, done = self._step_at(self.position)
            self.position += 1
        if step.kind in ("stable", "unstable", "drift"):
            value = step.value + step.step * done - self.offset
            return Shown(step.kind if step.kind == "stable" else "unstable", value.quantize(step.value), step.unit)
        return Shown(step.kind)

    def next_stable(self, tries: int = 50) -> Shown:
        """What an MT-SICS ``S`` gets: values are skipped until a stable one (``busy`` if none comes)."""
        for _ in range(tries):
            shown = self.next_value()
            if shown.kind != "unstable":
                return shown
        return Shown("busy")

    def set_zero(self) -> Shown:
        """Zero (and tare: the same for a simulation): the value now becomes the offset."""
        with self.lock:
            step, done = self._step_at(self.position)
        if step.kind not in ("stable", "unstable", "drift"):
            return Shown(step.kind)
        with self.lock:
            self.offset = step.value + step.step * done
        return Shown("stable", self.offset.quantize(step.value), step.unit)
