"""A fake label printer (a TCP listener on 127.0.0.1 that keeps what it receives) and decoders that turn a
Brother QL raster job or a ZPL job back into images, read with zbarimg."""

from __future__ import annotations

import re
import socket
import subprocess
import threading
import time
from pathlib import Path

from PIL import Image


class FakePrinter:
    """Accepts connections on 127.0.0.1 and keeps each job's bytes (one job a connection)."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.jobs: list[bytes] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            with connection:
                chunks = []
                while chunk := connection.recv(65536):
                    chunks.append(chunk)
                self.jobs.append(b"".join(chunks))

    def wait_jobs(self, count: int, timeout_s: float = 10.0) -> list[bytes]:
        """The jobs once ``count`` have arrived in full (the sender may be done before this side has read)."""
        deadline = time.monotonic() + timeout_s
        while len(self.jobs) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.jobs

    def close(self) -> None:
        try:
            self.server.shutdown(socket.SHUT_RDWR)  # wakes the accept() of the serving thread
        except OSError:
            pass
        self.server.close()


def image_of(rows: list[list[bool]]) -> Image.Image:
    width, height = len(rows[0]), len(rows)
    image = Image.new("1", (width + 40, height + 40), 1)
    for y, row in enumerate(rows):
        for x, black in enumerate(row):
            if black:
                image.putpixel((x + 20, y + 20), 0)
    return image


def decode_brother(job: bytes) -> list[Image.Image]:
    """The labels of a Brother raster job: each ``g`` line unpacked, mirrored back; a page ends at FF/Ctrl-Z."""
    data = job.lstrip(b"\x00")
    assert data.startswith(b"\x1b@\x1bia\x01"), data[:8]
    position, pages, lines = 6, [], []
    fixed = {b"\x1biz": 10, b"\x1biM": 1, b"\x1biA": 1, b"\x1biK": 1, b"\x1bid": 2}
    while position < len(data):
        head = data[position:position + 3]
        if head in fixed:
            position += 3 + fixed[head]
        elif data[position:position + 1] == b"g":
            count = data[position + 2]
            line = data[position + 3:position + 3 + count]
            lines.append([bit == "1" for bit in "".join(f"{b:08b}" for b in line)][::-1])
            position += 3 + count
        elif data[position:position + 1] in (b"\x0c", b"\x1a"):
            pages.append(image_of(lines))
            lines = []
            position += 1
        else:
            raise AssertionError(f"unknown command at {position}: {data[position:position + 4]!r}")
    return pages


def decode_zpl(job: bytes) -> list[Image.Image]:
    """The labels of a ZPL job: each ^GFA bitmap (hex) as an image."""
    images = []
    for total, _same, per_row, data in re.findall(rb"\^GFA,(\d+),(\d+),(\d+),([0-9A-F]+)\^FS", job):
        raw, width = bytes.fromhex(data.decode()), int(per_row)
        assert len(raw) == int(total)
        rows = [[bool(raw[r * width + x // 8] & (0x80 >> (x % 8))) for x in range(width * 8)]
                for r in range(len(raw) // width)]
        images.append(image_of(rows))
    return images


def qr_text(image: Image.Image, folder: Path) -> str:
    path = folder / "label.png"
    image.save(path)
    result = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(path)],
                            capture_output=True, text=True, timeout=30)
    return result.stdout.strip()
