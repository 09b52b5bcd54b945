"""Sartorius SBI: ``ESC P`` prints the value (16 characters: sign, value, unit, CR LF; 22 with a 6-character
ID such as ``N`` or ``G#`` in front), ``ESC T`` tares, ``ESC V`` zeroes, ``ESC x1_``/``ESC x2_`` give the model
and the serial number. The unit is sent only while the value is stable; ``High``/``Low`` are overload and
underload, ``Err ###`` an error code."""

from __future__ import annotations

import re

from curator.errors import InstrumentError, Refusal
from curator.instruments.link import Link
from curator.instruments.readings import BalanceIdentity, Reading, reading

ESC = b"\x1b"


def parse_line(line: str, unit_while_moving: str = "g") -> Reading:
    """One SBI output line as a Reading, or the one clear refusal it stands for. A moving value comes
    without its unit: it is read in ``unit_while_moving`` (the unit of the last stable value)."""
    body = line.rstrip("\r\n")
    if len(body) == 20:  # 22-character format: a 6-character ID comes first
        body = body[6:]
    words = body.split()
    if not words:
        raise InstrumentError("the balance sent an empty line", code=Refusal.BALANCE_EMPTY_LINE)
    if "High" in words or words in (["H"], ["HH"]):
        raise InstrumentError(f"the balance is overloaded ({line.strip()}): take the load off the pan",
                              code=Refusal.BALANCE_OVERLOAD, params={"line": line.strip()})
    if "Low" in words or words in (["L"], ["LL"]):
        raise InstrumentError(f"the balance reads below its range ({line.strip()}, underload): is the pan in "
                              "place? Zero it empty", code=Refusal.BALANCE_UNDERLOAD, params={"line": line.strip()})
    error = re.search(r"Err\s*(\d+)", body)
    if error:
        raise InstrumentError(f"the balance reports error {error.group(1)} ({line.strip()}): see its manual",
                              code=Refusal.BALANCE_ERROR, params={"error": error.group(1), "line": line.strip()})
    match = re.fullmatch(r"\s*([+-]?)\s*([0-9.]+)\s*([^\s0-9.]*)\s*", body)
    if match is None:
        raise InstrumentError(f"the balance sent {line!r}, which holds no value Curator can read",
                              code=Refusal.BALANCE_UNREADABLE, params={"line": line.strip()})
    sign, number, unit = match.groups()
    return reading(sign, number, unit or unit_while_moving, bool(unit), line)


class SbiBalance:
    protocol = "sbi"

    def __init__(self, link: Link) -> None:
        self.link = link
        self.unit = "g"

    def identity(self) -> BalanceIdentity:
        model = self.link.ask(ESC + b"x1_\r\n").strip()
        serial_number = self.link.ask(ESC + b"x2_\r\n").strip()
        return BalanceIdentity(self.protocol, model, serial_number)

    def read(self) -> Reading:
        value = parse_line(self.link.ask(ESC + b"P\r\n"), self.unit)
        if value.stable:
            self.unit = value.shown.rsplit(" ", 1)[-1]
        return value

    def zero(self) -> None:
        self.link.send(ESC + b"V\r\n")

    def tare(self) -> None:
        self.link.send(ESC + b"T\r\n")

    def close(self) -> None:
        self.link.close()
