"""Instrument URIs: where a balance or a label printer is and how to speak to it.

Balances: ``mtsics:///dev/ttyUSB0?baud=9600``, ``sbi:///dev/ttyUSB0?baud=9600&bytesize=7&parity=O``,
``mtsics://COM3``, ``mtsics+tcp://HOST:PORT``, ``sbi+tcp://HOST:PORT``.
Printers: ``brother://HOST:9100?model=QL-820NWB&media=62``, ``brother:///dev/usb/lp0?model=QL-700&media=62x29``,
``zpl://HOST:9100?dpi=300``, ``zpl:///dev/usb/lp0?dpi=203``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlsplit

from curator.errors import Refusal, ValidationError

BALANCE_PROTOCOLS = ("mtsics", "sbi")
#: Factory framing: METTLER TOLEDO sends 8 data bits, no parity; Sartorius 7 data bits, odd parity.
DEFAULT_FRAMING = {"mtsics": (8, "N"), "sbi": (7, "O")}
BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
PARITIES = ("N", "E", "O")
PRINTER_KINDS = ("brother", "zpl")
PRINTER_PORT = 9100


@dataclass(frozen=True)
class BalanceAddress:
    """A balance: its protocol and either a serial device (with its framing) or a TCP host and port."""

    protocol: str
    device: str = ""
    host: str = ""
    port: int = 0
    baud: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: int = 1

    @property
    def is_tcp(self) -> bool:
        return bool(self.host)

    @property
    def uri(self) -> str:
        if self.is_tcp:
            return f"{self.protocol}+tcp://{self.host}:{self.port}"
        path = self.device if self.device.startswith("/") else f"/{self.device}"
        return (f"{self.protocol}://{path}?baud={self.baud}&bytesize={self.bytesize}&parity={self.parity}"
                f"&stopbits={self.stopbits}")

    @property
    def where(self) -> str:
        """For messages: "/dev/ttyUSB0 (9600 baud, 7O1)" or "192.168.1.20:4001"."""
        if self.is_tcp:
            return f"{self.host}:{self.port}"
        return f"{self.device} ({self.baud} baud, {self.bytesize}{self.parity}{self.stopbits})"


@dataclass(frozen=True)
class PrinterAddress:
    """A label printer: its language, a device file or a TCP host and port, and what it needs to know."""

    kind: str
    device: str = ""
    host: str = ""
    port: int = PRINTER_PORT
    model: str = ""
    media: str = ""
    dpi: int = 0

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}" if self.host else self.device


def _split(text: str, schemes: tuple[str, ...], what: str) -> tuple[str, str, str, int, dict[str, str]]:
    """(scheme, device, host, port, query) of an instrument URI; a one-line ValidationError otherwise."""
    raw = (text or "").strip()
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    if not raw or scheme not in schemes:
        raise ValidationError(f"{what} {raw!r} is not a URI like {schemes[0]}:///dev/ttyUSB0 "
                              f"(schemes: {', '.join(s + '://' for s in schemes)})", code=Refusal.URI_SCHEME,
                              params={"uri": raw, "schemes": ", ".join(s + "://" for s in schemes)})
    try:
        query = dict(parse_qsl(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query)))
        port = parts.port or 0
    except ValueError as exc:
        raise ValidationError(f"{what} {raw!r}: {exc}", code=Refusal.URI_MALFORMED,
                              params={"uri": raw, "detail": exc}) from None
    host = parts.hostname or ""
    device = parts.path
    if re.fullmatch(r"/?COM\d+", device or "", re.IGNORECASE):  # mtsics:///COM3
        device = device.lstrip("/")
    elif not device and re.fullmatch(r"COM\d+", parts.netloc, re.IGNORECASE):  # mtsics://COM3
        device, host = parts.netloc, ""
    return scheme, device, host, port, query


def _number(query: dict[str, str], key: str, default: int, allowed: tuple[int, ...], raw: str) -> int:
    value = query.pop(key, str(default))
    if not value.isdigit() or int(value) not in allowed:
        raise ValidationError(f"{raw!r}: {key}={value!r} is not one of {', '.join(map(str, allowed))}",
                              code=Refusal.URI_SETTING_VALUE, params={"uri": raw, "setting": f"{key}={value}",
                                                                      "known": ", ".join(map(str, allowed))})
    return int(value)


def _no_more(query: dict[str, str], raw: str, known: str) -> None:
    if query:
        raise ValidationError(f"{raw!r}: unknown setting {next(iter(query))!r} (known: {known})",
                              code=Refusal.URI_UNKNOWN_SETTING,
                              params={"uri": raw, "setting": next(iter(query)), "known": known})


def parse_balance_uri(text: str) -> BalanceAddress:
    """The balance a URI names; ValidationError (one line) for anything malformed or unknown."""
    schemes = (*BALANCE_PROTOCOLS, *(f"{p}+tcp" for p in BALANCE_PROTOCOLS))
    scheme, device, host, port, query = _split(text, schemes, "balance")
    raw = text.strip()
    protocol = scheme.removesuffix("+tcp")
    if scheme.endswith("+tcp"):
        if not host or not port or device.strip("/"):
            raise ValidationError(f"{raw!r}: a TCP balance is {scheme}://HOST:PORT", code=Refusal.URI_TCP_BALANCE,
                                  params={"uri": raw, "form": f"{scheme}://HOST:PORT"})
        _no_more(query, raw, "none over TCP")
        return BalanceAddress(protocol, host=host, port=port)
    if host or not device or device == "/":
        raise ValidationError(f"{raw!r}: name the serial port, e.g. {scheme}:///dev/ttyUSB0 or {scheme}://COM3 "
                              f"(a balance on the network is {scheme}+tcp://HOST:PORT)", code=Refusal.URI_SERIAL_PORT,
                              params={"uri": raw, "form": f"{scheme}:///dev/ttyUSB0", "tcp": f"{scheme}+tcp://HOST:PORT"})
    bytesize, parity = DEFAULT_FRAMING[protocol]
    baud = _number(query, "baud", 9600, BAUD_RATES, raw)
    bytesize = _number(query, "bytesize", bytesize, (7, 8), raw)
    stopbits = _number(query, "stopbits", 1, (1, 2), raw)
    parity = query.pop("parity", parity).upper()
    if parity not in PARITIES:
        raise ValidationError(f"{raw!r}: parity={parity!r} is not one of N (none), E (even), O (odd)",
                              code=Refusal.URI_SETTING_VALUE,
                              params={"uri": raw, "setting": f"parity={parity}", "known": "N, E, O"})
    _no_more(query, raw, "baud, bytesize, parity, stopbits")
    return BalanceAddress(protocol, device=device, baud=baud, bytesize=bytesize, parity=parity, stopbits=stopbits)


def parse_printer_uri(text: str, models: tuple[str, ...], media: tuple[str, ...],
                      dpis: tuple[int, ...]) -> PrinterAddress:
    """The label printer a URI names, checked against the models, media and resolutions Curator drives."""
    kind, device, host, port, query = _split(text, PRINTER_KINDS, "printer")
    raw = text.strip()
    if host and device.strip("/"):
        raise ValidationError(f"{raw!r}: a network printer is {kind}://HOST:9100, a local one {kind}:///dev/usb/lp0",
                              code=Refusal.URI_PRINTER, params={"uri": raw, "scheme": kind})
    if not host and (not device or device == "/"):
        raise ValidationError(f"{raw!r}: name the printer's host ({kind}://HOST:9100) or device file "
                              f"({kind}:///dev/usb/lp0)", code=Refusal.URI_PRINTER, params={"uri": raw, "scheme": kind})
    where = PrinterAddress(kind, device="" if host else device, host=host, port=port or PRINTER_PORT)
    if kind == "zpl":
        dpi = _number(query, "dpi", 203, dpis, raw)
        _no_more(query, raw, "dpi")
        return replace(where, dpi=dpi)
    model = query.pop("model", "")
    matched = [m for m in models if m.lower() == model.lower()]
    if not matched:
        raise ValidationError(f"{raw!r}: model={model!r} is not one of {', '.join(models)}",
                              code=Refusal.URI_SETTING_VALUE,
                              params={"uri": raw, "setting": f"model={model}", "known": ", ".join(models)})
    chosen_media = query.pop("media", media[0]).lower()
    if chosen_media not in media:
        raise ValidationError(f"{raw!r}: media={chosen_media!r} is not one of {', '.join(media)}",
                              code=Refusal.URI_SETTING_VALUE,
                              params={"uri": raw, "setting": f"media={chosen_media}", "known": ", ".join(media)})
    _no_more(query, raw, "model, media")
    return replace(where, model=matched[0], media=chosen_media)
