"""METTLER TOLEDO MT-SICS: ``SI`` (the value now), ``S`` (the next stable value), ``Z`` (zero), ``T`` (tare),
``I2`` (model), ``I4`` (serial number). Replies end in CR LF: ``S S     100.00 g`` stable, ``S D ...`` while
moving, ``S +``/``S -`` overload/underload, ``S I`` busy; ``ES``/``ET``/``EL`` errors."""

from __future__ import annotations

import re

from curator.errors import InstrumentError, Refusal
from curator.instruments.link import Link
from curator.instruments.readings import BalanceIdentity, Reading, reading

#: How long zeroing and taring may wait for the pan to settle (the balance answers when done).
SETTLE_SECONDS = 15.0

ERRORS = {
    "ES": ("the balance did not understand the command (ES, syntax error): is it set to MT-SICS?",
           Refusal.BALANCE_SYNTAX_ERROR),
    "ET": ("the balance received a garbled command (ET, transmission error): check the baud rate and framing",
           Refusal.BALANCE_GARBLED),
    "EL": ("the balance cannot do that now (EL, logical error)", Refusal.BALANCE_CANNOT_NOW),
}


def _refusal(line: str, header: str) -> InstrumentError | None:
    parts = line.split()
    if not parts:
        return InstrumentError("the balance sent an empty line", code=Refusal.BALANCE_EMPTY_LINE)
    if parts[0] in ERRORS:
        message, code = ERRORS[parts[0]]
        return InstrumentError(message, code=code)
    if parts[0] != header or len(parts) < 2:
        return InstrumentError(f"the balance sent {line!r} where a {header} reply was due: is it set to MT-SICS?",
                               code=Refusal.BALANCE_WRONG_REPLY, params={"line": line.strip(), "header": header})
    status = parts[1]
    if status == "+":
        return InstrumentError(f"the balance is overloaded ({line.strip()}): take the load off the pan",
                               code=Refusal.BALANCE_OVERLOAD, params={"line": line.strip()})
    if status == "-":
        return InstrumentError(f"the balance reads below its range ({line.strip()}, underload): is the pan in "
                               "place? Zero it empty", code=Refusal.BALANCE_UNDERLOAD, params={"line": line.strip()})
    if status == "I":
        return InstrumentError(f"the balance is busy and cannot answer now ({line.strip()}): try again",
                               code=Refusal.BALANCE_BUSY, params={"line": line.strip()})
    return None


def parse_weight(line: str, header: str = "S") -> Reading:
    """A weight reply (``S S``/``S D`` to S and SI, ``T S`` to T), or the one clear refusal it stands for."""
    refusal = _refusal(line, header)
    if refusal is not None:
        raise refusal
    match = re.fullmatch(r"\s*\S+\s+([SD])\s+([+-]?)\s*([0-9.]+)\s+(\S+)\s*", line)
    if match is None:
        raise InstrumentError(f"the balance sent {line!r}, which holds no value Curator can read",
                              code=Refusal.BALANCE_UNREADABLE, params={"line": line.strip()})
    status, sign, number, unit = match.groups()
    return reading(sign, number, unit, status == "S", line)


def _quoted(line: str, header: str) -> str:
    refusal = _refusal(line, header)
    if refusal is not None:
        raise refusal
    texts = re.findall(r'"([^"]*)"', line)
    return texts[0].strip() if texts else line.split(None, 2)[-1].strip()


class MtSicsBalance:
    protocol = "mtsics"

    def __init__(self, link: Link) -> None:
        self.link = link

    def identity(self) -> BalanceIdentity:
        serial_number = _quoted(self.link.ask(b"I4\r\n"), "I4")
        model_line = self.link.ask(b"I2\r\n")
        model = "MT-SICS balance" if model_line.split()[:1] == ["ES"] else _quoted(model_line, "I2")
        return BalanceIdentity(self.protocol, model, serial_number)

    def read(self) -> Reading:
        return parse_weight(self.link.ask(b"SI\r\n"))

    def zero(self) -> None:
        line = self.link.ask(b"Z\r\n", SETTLE_SECONDS)
        refusal = _refusal(line, "Z")
        if refusal is not None:
            raise refusal

    def tare(self) -> None:
        parse_weight(self.link.ask(b"T\r\n", SETTLE_SECONDS), "T")

    def close(self) -> None:
        self.link.close()
