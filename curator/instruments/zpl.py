"""Zebra ZPL jobs: each label one ``^GFA`` bitmap at the printer's resolution, so any script (Chinese too)
prints without fonts in the printer."""

from __future__ import annotations

from curator.instruments.bitmap import Bitmap


def label_format(label: Bitmap) -> bytes:
    total = label.row_bytes * label.height
    data = b"".join(label.rows).hex().upper()
    return (f"^XA^PW{label.width}^LL{label.height}^LH0,0^FO0,0^GFA,{total},{total},{label.row_bytes},{data}^FS"
            "^PQ1^XZ\n").encode("ascii")


def job(labels: list[Bitmap]) -> bytes:
    return b"".join(label_format(label) for label in labels)
