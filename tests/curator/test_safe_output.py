"""Outputs never clobber a file or a database and are never left half written (issue 11, section 4)."""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from openpyxl import load_workbook
from safety_support import full_disk

from curator.outputs.spreadsheets import export_workbook
from curator.safe_output import OutputError, check_pdf, check_xlsx, write_output
from curator.storage.db import Database

WORKBOOK_SHEETS = ["Allocations", "Samples", "By country", "By institution", "About", "Chart by country",
                   "Chart by institution"]


def write_text(content: str):  # type: ignore[no-untyped-def]
    def write(temporary: Path) -> int:
        temporary.write_text(content)
        return len(content)
    return write


def test_an_existing_file_is_replaced_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("keep me")
    with pytest.raises(OutputError, match="already exists.*--force"):
        write_output(target, write_text("new"))
    assert target.read_text() == "keep me"
    write_output(target, write_text("new"), replace=True)
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_a_database_file_is_never_replaced_not_even_when_asked(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = other.read_bytes()
    with pytest.raises(OutputError, match="is a database file"):
        write_output(other, write_text("workbook"), replace=True)
    assert other.read_bytes() == before


@pytest.mark.parametrize("alias", ["same path", "symlink", "hard link", "wal side file", "journal"])
def test_the_open_database_is_never_replaced(sqlite_demo_db: Database, alias: str) -> None:
    live = sqlite_demo_db.path
    assert live is not None
    with sqlite_demo_db.read() as session:  # the desk holds the file open
        session.connection()
    target = {"same path": live, "symlink": live.with_name("alias.db"), "hard link": live.with_name("hard.db"),
              "wal side file": Path(f"{live}-wal"), "journal": Path(f"{live}-journal")}[alias]
    if alias == "symlink":
        target.symlink_to(live)
    elif alias == "hard link":
        os.link(live, target)
    before = live.read_bytes()
    with pytest.raises(OutputError, match="database"):
        write_output(target, write_text("a PDF"), replace=True, database=live)
    assert live.read_bytes() == before
    assert not list(live.parent.glob(".*partial*"))


def test_the_output_has_the_users_normal_permissions(tmp_path: Path) -> None:
    for umask, expected in ((0o022, 0o644), (0o002, 0o664), (0o077, 0o600)):
        previous = os.umask(umask)
        try:
            made = tmp_path / f"out-{umask:o}.txt"
            write_output(made, write_text("x"))
        finally:
            os.umask(previous)
        assert stat.S_IMODE(made.stat().st_mode) == expected


def test_a_failing_writer_or_check_leaves_nothing_and_the_old_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"the old sheet")

    def broken(temporary: Path) -> int:
        temporary.write_bytes(b"%PDF-1.4 half")
        raise OSError(5, "Input/output error")

    with pytest.raises(OutputError, match="Input/output error"):
        write_output(target, broken, replace=True)
    with pytest.raises(OutputError, match="incomplete"):
        write_output(target, write_text("%PDF-1.4 truncated"), lambda path, _: check_pdf(path, 1), replace=True)
    assert target.read_bytes() == b"the old sheet"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_the_checks_find_a_cut_pdf_or_workbook(demo_db: Database, tmp_path: Path) -> None:
    workbook = tmp_path / "loans.xlsx"
    result = export_workbook(demo_db, workbook)
    assert result.sheets == WORKBOOK_SHEETS
    check_xlsx(workbook, WORKBOOK_SHEETS)
    data = workbook.read_bytes()
    cut = tmp_path / "cut.xlsx"
    for length in (0, 100, len(data) // 2, len(data) - 30):
        cut.write_bytes(data[:length])
        with pytest.raises(Exception, match="workbook"):
            check_xlsx(cut, WORKBOOK_SHEETS)
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n2 0 obj << /Type /Pages /Count 1 >> endobj\n"
    whole = pdf + b"xref\n0 1\ntrailer << >>\nstartxref\n" + str(len(pdf)).encode() + b"\n%%EOF\n"
    (tmp_path / "a.pdf").write_bytes(whole)
    check_pdf(tmp_path / "a.pdf", 1)
    for broken in (whole[:-8], whole[: len(pdf)], whole.replace(b"xref\n", b"xxxx\n")):
        (tmp_path / "a.pdf").write_bytes(broken)
        with pytest.raises(Exception, match="PDF"):
            check_pdf(tmp_path / "a.pdf", 1)
    (tmp_path / "a.pdf").write_bytes(whole)
    with pytest.raises(Exception, match="PDF"):
        check_pdf(tmp_path / "a.pdf", 2)


def test_a_full_disk_is_one_line_and_leaves_nothing(demo_db: Database, tmp_path: Path) -> None:
    disk = tmp_path / "small-disk"
    export_workbook(demo_db, tmp_path / "fits.xlsx")  # larger than the small disk
    assert (tmp_path / "fits.xlsx").stat().st_size > 8 * 1024
    with full_disk(disk, size_kb=8):
        with pytest.raises(OutputError) as refused:
            export_workbook(demo_db, disk / "loans.xlsx")
        left = list(disk.iterdir())
    message = str(refused.value)
    assert "disk is full" in message and "nothing was written" in message and "\n" not in message
    assert left == []
    assert load_workbook(tmp_path / "fits.xlsx", read_only=True).sheetnames == WORKBOOK_SHEETS
