"""Hostile catalogue files: every encoding labs send is read right, any other is one line naming the
byte offset, and an .xlsx zip bomb is refused before it is unpacked."""

from __future__ import annotations

import io
import os
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from curator.catalogue import read_catalogue
from curator.catalogue_files import MAX_UNPACK_RATIO, MAX_UNPACKED_BYTES, decode_text
from curator.catalogue_format import read_rows
from curator.errors import ValidationError
from curator.storage.db import Database, open_database
from tests.factories import seed
from ui.cli import main

CATALOGUE = "样品编号,类型,质量 (mg),备注\nCE5-E1,powder,12.5,月壤样品\nCE5-E2,soil,3,\"Déjà vu, 第二份\"\n"
EXPECTED = [("CE5-E1", 12_500, "备注: 月壤样品"), ("CE5-E2", 3_000, "备注: Déjà vu, 第二份")]


def planned(db: Database, path: Path, encoding: str | None = None) -> list[tuple[str, int, str]]:
    plan = read_catalogue(db, path, "CE5", encoding)
    assert plan.errors == []
    return [(s.number, s.mass_ug, s.note) for s in plan.samples]


@pytest.mark.parametrize("data", [
    CATALOGUE.encode("utf-8"),
    CATALOGUE.encode("utf-8-sig"),
    CATALOGUE.encode("utf-16"),  # with its byte order mark, little-endian here
    b"\xfe\xff" + CATALOGUE.encode("utf-16-be"),
    b"\xff\xfe" + CATALOGUE.replace("\n", "\r\n").encode("utf-16-le"),
    CATALOGUE.encode("gb18030"),
], ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be-bom", "utf-16-le-bom-crlf", "gb18030"])
def test_every_encoding_labs_send_is_read_right(db: Database, tmp_path: Path, data: bytes) -> None:
    seed(db)
    (tmp_path / "cat.csv").write_bytes(data)
    assert planned(db, tmp_path / "cat.csv") == EXPECTED


def test_gbk_without_latin_letters_is_read_right(db: Database, tmp_path: Path) -> None:
    seed(db)
    (tmp_path / "gbk.csv").write_bytes("样品编号,类型,重量 (g),备注\nCE5-G,soil,\"0,5\",嫦娥五号\n".encode("gbk"))
    assert planned(db, tmp_path / "gbk.csv") == [("CE5-G", 500_000, "备注: 嫦娥五号")]


def test_an_encoding_can_be_forced(db: Database, tmp_path: Path) -> None:
    seed(db)
    (tmp_path / "latin.csv").write_bytes("ID,Type,Mass (mg),Remark\nCE5-L,soil,1,Échantillon reçu\n".encode("cp1252"))
    assert planned(db, tmp_path / "latin.csv", "cp1252") == [("CE5-L", 1_000, "Remark: Échantillon reçu")]


@pytest.mark.parametrize(("data", "encoding", "offset"), [
    (b"ID,Type,Mass (mg)\nCE5-X,soil,1\xff\xfe\n", None, 30),
    ("样品编号,类型,质量 (mg)\n".encode("gbk") + b"CE5-X,soil,\x80\n", None, 35),
    (CATALOGUE.encode("gbk"), "utf-8", 0),
    ("ID,Type,Mass (mg)\n".encode("utf-16-le"), None, 1),  # UTF-16 without its byte order mark
    (b"\xff\xfe" + b"I\x00D\x00\x00\xd8", None, 6),  # a lone surrogate in UTF-16
])
def test_anything_else_is_one_line_naming_the_byte_offset(db: Database, tmp_path: Path, data: bytes,
                                                          encoding: str | None, offset: int) -> None:
    seed(db)
    (tmp_path / "bad.csv").write_bytes(data)
    with pytest.raises(ValidationError, match=f"at offset {offset}") as refused:
        read_catalogue(db, tmp_path / "bad.csv", "CE5", encoding)
    assert "\n" not in str(refused.value) and "bad.csv" in str(refused.value)


def test_decoding_random_bytes_never_fails_otherwise() -> None:
    for seed_value in range(200):
        data = os.urandom(1 + seed_value % 64)
        try:
            decode_text(data, "random.csv")
        except ValidationError as exc:
            assert "offset" in str(exc)


def test_a_field_too_long_for_csv_is_one_line(db: Database, tmp_path: Path) -> None:
    seed(db)
    (tmp_path / "long.csv").write_text("ID,Type,Mass (mg)\nCE5-X,soil,\"" + "x" * 200_000 + "\"\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="row 2 cannot be read as CSV"):
        read_catalogue(db, tmp_path / "long.csv", "CE5")


def cli_import(db_path: Path, *args: str) -> int:
    return main(["import", *args, "--mission", "CE5", "--dry-run", "--db", str(db_path)])


def test_cli_encoding_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path = tmp_path / "c.db"
    db = open_database(db_path)
    seed(db)
    db.dispose()
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(CATALOGUE.replace("Déjà", "Deja").encode("gbk"))
    assert cli_import(db_path, str(gbk), "--encoding", "GBK") == 0
    assert "dry run: 2 samples" in capsys.readouterr().out
    assert cli_import(db_path, str(gbk), "--encoding", "utf-8") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "gbk.csv: byte 0xd1 at offset 0 is not valid utf-8 text" in err[0]
    with pytest.raises(SystemExit) as exited:
        cli_import(db_path, str(gbk), "--encoding", "klingon")
    assert exited.value.code == 2 and "unknown encoding 'klingon'" in capsys.readouterr().err


# --- zip bombs --------------------------------------------------------------------------------


def small_workbook() -> bytes:
    workbook = Workbook()
    for row in (["ID", "Type", "Mass (mg)"], ["CE5-Z", "soil", 1]):
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def with_member(workbook: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO(workbook)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, content)
    return out.getvalue()


def declare_size(data: bytes, member: str, size: int) -> bytes:
    """The zip with ``member``'s uncompressed size in its headers (local and central) set to ``size``."""
    patched = bytearray(data)
    name = member.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := patched.find(signature, start)) >= 0:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if patched[name_at:name_at + len(name)] == name:
                struct.pack_into("<I", patched, start + offset, size)
            start += 4
    return bytes(patched)


def test_a_workbook_that_unpacks_to_100_times_its_size_is_refused_unread(db: Database, tmp_path: Path) -> None:
    seed(db)
    bomb = with_member(small_workbook(), "xl/media/padding.bin", b"\0" * 20_000_000)
    (tmp_path / "bomb.xlsx").write_bytes(bomb)
    assert len(bomb) * MAX_UNPACK_RATIO < 20_000_000
    tracemalloc.start()
    with pytest.raises(ValidationError, match="would unpack to .* refused unread"):
        read_catalogue(db, tmp_path / "bomb.xlsx", "CE5")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 5_000_000


def test_a_workbook_that_declares_more_than_200_mb_is_refused_unread(db: Database, tmp_path: Path) -> None:
    seed(db)
    padded = with_member(small_workbook(), "xl/media/noise.bin", os.urandom(3_000_000))
    forged = declare_size(padded, "xl/media/noise.bin", MAX_UNPACKED_BYTES + 1)
    assert len(forged) * MAX_UNPACK_RATIO > MAX_UNPACKED_BYTES  # refused for the absolute limit alone
    (tmp_path / "big.xlsx").write_bytes(forged)
    with pytest.raises(ValidationError, match="would unpack to 200,"):
        read_catalogue(db, tmp_path / "big.xlsx", "CE5")


def test_a_lying_size_never_unpacks_more_than_it_declares(db: Database, tmp_path: Path) -> None:
    seed(db)
    workbook = small_workbook()
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as out:
        for member in source.infolist():
            data = source.read(member.filename)
            out.writestr(member.filename, data + b" " * 50_000_000 if member.filename.endswith("sheet1.xml") else data)
    liar = declare_size(rebuilt.getvalue(), "xl/worksheets/sheet1.xml", len(sheet))
    (tmp_path / "liar.xlsx").write_bytes(liar)
    tracemalloc.start()
    with pytest.raises(ValidationError, match="cannot be read as an .xlsx workbook"):
        read_catalogue(db, tmp_path / "liar.xlsx", "CE5")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 20_000_000


def test_a_forged_dimension_does_not_pad_every_row(db: Database, tmp_path: Path) -> None:
    seed(db)
    workbook = Workbook()
    sheet = workbook.active
    for row in (["ID", "Type", "Mass (mg)"], ["CE5-D", "soil", 2]):
        sheet.append(row)
    sheet["XFD3"] = "far away"
    workbook.save(tmp_path / "wide.xlsx")
    assert [s.number for s in read_catalogue(db, tmp_path / "wide.xlsx", "CE5").samples] == ["CE5-D"]
    widths = {number: len(cells) for number, cells in read_rows(tmp_path / "wide.xlsx")}
    assert widths[1] == widths[2] == 3  # rows are read as stored, not padded to the sheet's dimension
