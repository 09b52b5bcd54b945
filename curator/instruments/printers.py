"""Label printers Curator drives directly: which models and media, and how a job reaches the printer
(TCP port 9100 or a device file such as /dev/usb/lp0). The job's bytes come from brother_ql.py or zpl.py."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass

from curator.errors import InstrumentError, Refusal
from curator.instruments.uris import PrinterAddress, parse_printer_uri


@dataclass(frozen=True)
class BrotherModel:
    name: str
    head_bytes: int    # bytes per raster line (8 pins each)
    margin_dots: int   # pins between the head's edge and 62 mm tape's printable area
    invalidate: int    # zero bytes that clear a half-received job first


#: From Brother's raster command references: 720 pins (90 bytes) on the 62 mm models, 1296 (162) on the
#: 102 mm QL-1100; 62 mm tape prints 696 dots wide at 300 dpi.
BROTHER_MODELS = {m.name: m for m in (
    BrotherModel("QL-700", 90, 12, 200), BrotherModel("QL-800", 90, 12, 200),
    BrotherModel("QL-820NWB", 90, 12, 200), BrotherModel("QL-1100", 162, 56, 400),
)}


@dataclass(frozen=True)
class BrotherMedia:
    name: str
    width_mm: int
    length_mm: int     # 0: endless tape, cut after each label
    dots_wide: int
    dots_long: int     # 0: as long as the label


BROTHER_MEDIA = {m.name: m for m in (BrotherMedia("62", 62, 0, 696, 0), BrotherMedia("62x29", 62, 29, 696, 271))}
BROTHER_DPI = 300
ZPL_DPIS = (203, 300)
#: How long a printer may take to accept the connection and the job.
PRINTER_SECONDS = 5.0


def parse_printer(uri: str) -> PrinterAddress:
    return parse_printer_uri(uri, tuple(BROTHER_MODELS), tuple(BROTHER_MEDIA), ZPL_DPIS)


def printer_dpi(address: PrinterAddress) -> int:
    return BROTHER_DPI if address.kind == "brother" else address.dpi


def send_job(address: PrinterAddress, job: bytes, timeout_s: float = PRINTER_SECONDS) -> None:
    """Deliver the job's bytes; no connection, a timeout or a refusal is one InstrumentError."""
    try:
        if address.host:
            with socket.create_connection((address.host, address.port), timeout=timeout_s) as connection:
                connection.sendall(job)
                connection.shutdown(socket.SHUT_WR)
        else:
            descriptor = os.open(address.device, os.O_WRONLY | os.O_NOCTTY)
            try:
                view = memoryview(job)
                while view:
                    view = view[os.write(descriptor, view):]
            finally:
                os.close(descriptor)
    except TimeoutError:
        raise InstrumentError(f"the label printer at {address.where} did not take the job within {timeout_s:g} s; "
                              "nothing was printed", code=Refusal.PRINTER_TIMEOUT,
                              params={"where": address.where, "seconds": f"{timeout_s:g}"}) from None
    except ConnectionRefusedError:
        raise InstrumentError(f"the label printer at {address.where} refused the connection (is it on, and is "
                              "this its address?); nothing was printed", code=Refusal.PRINTER_REFUSED,
                              params={"where": address.where}) from None
    except OSError as exc:
        raise InstrumentError(f"cannot reach the label printer at {address.where}: {exc.strerror or exc}; nothing "
                              "was printed", code=Refusal.PRINTER_UNREACHABLE,
                              params={"where": address.where, "detail": exc.strerror or exc}) from None
