"""A line link to a balance: a serial port (pyserial) or TCP (pyserial's ``socket://``). One question, one
reply line; a balance that does not answer in time is one message naming the port and its settings."""

from __future__ import annotations

import time

import serial

from curator.errors import InstrumentError, Refusal
from curator.instruments.uris import BalanceAddress

#: How long a balance may take to answer one command (a reading, its serial number).
ANSWER_SECONDS = 2.0


class Link:
    def __init__(self, port: serial.SerialBase, address: BalanceAddress, answer_s: float) -> None:
        self.port, self.address, self.answer_s = port, address, answer_s

    def send(self, command: bytes) -> None:
        try:
            self.port.reset_input_buffer()  # a line the balance printed on its own is not the answer
            self.port.write(command)
            self.port.flush()
        except (serial.SerialException, OSError) as exc:
            raise InstrumentError(f"lost the balance at {self.address.where}: {exc}", code=Refusal.BALANCE_LOST,
                                  params={"where": self.address.where, "detail": exc}) from None

    def ask(self, command: bytes, answer_s: float | None = None) -> str:
        """Send ``command`` and return the reply line (without CR LF)."""
        self.send(command)
        wait = answer_s or self.answer_s
        deadline = time.monotonic() + wait
        line = b""
        try:  # the port's own timeout stays as opened: changing it reconfigures the port
            while not line.endswith(b"\n") and time.monotonic() < deadline:
                line += self.port.read_until(b"\n")
        except (serial.SerialException, OSError) as exc:
            raise InstrumentError(f"lost the balance at {self.address.where}: {exc}", code=Refusal.BALANCE_LOST,
                                  params={"where": self.address.where, "detail": exc}) from None
        if not line.endswith(b"\n"):
            raise InstrumentError(
                f"the balance at {self.address.where} did not answer within {wait:g} s: is it on, "
                "connected, and set to this protocol" + ("" if self.address.is_tcp else ", baud rate and framing")
                + "?", code=Refusal.BALANCE_SILENT, params={"where": self.address.where, "seconds": f"{wait:g}"})
        return line.decode("ascii", errors="replace").rstrip("\r\n")

    def close(self) -> None:
        self.port.close()


def open_link(address: BalanceAddress, answer_s: float = ANSWER_SECONDS) -> Link:
    """Open the port; a missing device, a refused connection or a busy port is one InstrumentError."""
    try:
        if address.is_tcp:
            port = serial.serial_for_url(f"socket://{address.host}:{address.port}", timeout=answer_s)
        else:
            port = serial.Serial(address.device, baudrate=address.baud, bytesize=address.bytesize,
                                 parity=address.parity, stopbits=address.stopbits, timeout=answer_s,
                                 write_timeout=answer_s)
    except (serial.SerialException, OSError, ValueError) as exc:
        reason = str(exc).split(": ", 1)[-1] if address.is_tcp else getattr(exc, "strerror", None) or str(exc)
        raise InstrumentError(f"cannot open the balance at {address.where}: {reason}", code=Refusal.BALANCE_CANNOT_OPEN,
                              params={"where": address.where, "detail": reason}) from None
    return Link(port, address, answer_s)
