"""Catalogue files as they arrive, hostile ones included: the text encodings labs send (UTF-8 with or
without a byte order mark, UTF-16 with one, GB18030 and its subset GBK) and .xlsx zips that would
unpack to far more than their size (zip bombs), refused before anything is read.

Why the declared sizes are enough: Python's zipfile never returns more bytes of a member than its
central directory declares (a member whose data is longer fails its CRC check), and openpyxl reads
through zipfile, so a lying header cannot make a reader unpack more than was checked here.
"""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

from curator.errors import Refusal, ValidationError

#: Byte order marks and the codec that reads past them.
BYTE_ORDER_MARKS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                    (codecs.BOM_UTF16_BE, "utf-16"))
#: Tried in turn on a file without a byte order mark (GB18030 also reads every GBK file).
GUESSED_ENCODINGS = ("utf-8", "gb18030")
#: An .xlsx that unpacks to more than this many times its own size is refused...
MAX_UNPACK_RATIO = 100
#: ...and so is one that unpacks to more than this, whatever its size.
MAX_UNPACKED_BYTES = 200_000_000


def encoding_name(name: str) -> str:
    """The codec a person named (``--encoding gbk``); ValidationError for a name Python does not know."""
    try:
        return codecs.lookup(name.strip()).name
    except (LookupError, ValueError):
        raise ValidationError(f"unknown encoding {name!r} (e.g. utf-8, utf-16, gb18030, gbk, cp1252)",
                              code=Refusal.UNKNOWN_ENCODING, params={"value": name}) from None


def decode_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """The text of a file's bytes, in ``encoding`` if given, else found from its byte order mark or by
    trying UTF-8 then GB18030. Raises ValidationError naming the first byte that cannot be read."""
    if encoding:
        codec = encoding_name(encoding)
        if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
            codec = "utf-8-sig"
        return _checked(_decode(data, codec, name), data, name)
    for mark, codec in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return _checked(_decode(data, codec, name), data, name)
    furthest: UnicodeDecodeError | None = None
    for codec in GUESSED_ENCODINGS:
        try:
            return _checked(data.decode(codec), data, name)
        except UnicodeDecodeError as exc:
            furthest = exc if furthest is None or exc.start > furthest.start else furthest
    assert furthest is not None
    raise ValidationError(f"{name}: {_bad_byte(data, furthest.start)} cannot be read: the file is not UTF-8, "
                          "UTF-16 or GB18030 text; name its encoding with --encoding", code=Refusal.TEXT_UNKNOWN,
                          params={"name": name, "offset": furthest.start}) from None


def _decode(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ValidationError(f"{name}: {_bad_byte(data, exc.start)} is not valid {codec} text",
                              code=Refusal.TEXT_INVALID, params={"name": name, "offset": exc.start, "codec": codec}
                              ) from None


def _checked(text: str, data: bytes, name: str) -> str:
    """Text with NUL characters is not a catalogue: most likely UTF-16 without its byte order mark."""
    if "\x00" in text:
        raise ValidationError(f"{name}: {_bad_byte(data, data.index(0))} is not text (UTF-16 without a byte "
                              "order mark? name its encoding with --encoding utf-16-le or utf-16-be)",
                              code=Refusal.TEXT_HAS_NUL, params={"name": name, "offset": data.index(0)})
    return text


def _bad_byte(data: bytes, offset: int) -> str:
    return f"byte 0x{data[offset]:02x} at offset {offset}" if offset < len(data) else f"the end (offset {offset})"


def check_unpacked_size(path: Path) -> None:
    """Refuse an .xlsx whose members would unpack to more than MAX_UNPACK_RATIO times the file's size
    or more than MAX_UNPACKED_BYTES, before any of it is unpacked."""
    size = path.stat().st_size
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ValidationError(f"{path.name} cannot be read as an .xlsx workbook: {exc}", code=Refusal.NOT_XLSX,
                              params={"name": path.name, "detail": exc}) from None
    if unpacked > min(MAX_UNPACK_RATIO * size, MAX_UNPACKED_BYTES):
        raise ValidationError(
            f"{path.name} would unpack to {unpacked:,} bytes from {size:,}: refused unread (a workbook may "
            f"unpack to at most {MAX_UNPACK_RATIO} times its size and {MAX_UNPACKED_BYTES // 1_000_000} MB)",
            code=Refusal.XLSX_TOO_BIG, params={"name": path.name, "unpacked": f"{unpacked:,}", "size": f"{size:,}",
                                               "ratio": MAX_UNPACK_RATIO, "mb": MAX_UNPACKED_BYTES // 1_000_000})
