"""`export`, `labels -o`, `handover -o` and the desk's saves never clobber a file or the database, and a
full disk never leaves a half-written PDF reported as written (issue 11, section 4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from curator.storage.db import Database
from tests.curator.safety_support import cli, full_disk
from tests.ui.pdf_checks import pdf_text
from ui.dialogs.export_dialog import ExportDialog

REFERENCE = "CE5-INT-2025-03"
OUTPUTS = {
    "export": lambda out: ["export", str(out)],
    "labels": lambda out: ["labels", "CE5C0400YJFM00501", "-o", str(out)],
    "handover": lambda out: ["handover", REFERENCE, "-o", str(out)],
}


@pytest.mark.parametrize("command", sorted(OUTPUTS))
@pytest.mark.parametrize("force", [False, True])
def test_an_output_never_replaces_the_live_database(command: str, force: bool, sqlite_demo_path: Path,
                                                    qapp) -> None:  # type: ignore[no-untyped-def]
    live = sqlite_demo_path
    before = live.read_bytes()
    result = cli(*OUTPUTS[command](live), "--db", str(live), *(["--force"] if force else []))
    assert result.returncode == 2, result.stdout
    assert "database" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert live.read_bytes() == before
    assert cli("verify", "--db", str(live)).returncode == 0


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_an_existing_file_is_replaced_only_with_force(command: str, sqlite_demo_path: Path, tmp_path: Path,
                                                      qapp) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / ("out.xlsx" if command == "export" else "out.pdf")
    out.write_bytes(b"last week's file")
    refused = cli(*OUTPUTS[command](out), "--db", str(sqlite_demo_path))
    assert refused.returncode == 2 and "already exists" in refused.stderr and "--force" in refused.stderr
    assert out.read_bytes() == b"last week's file"
    replaced = cli(*OUTPUTS[command](out), "--db", str(sqlite_demo_path), "--force")
    assert replaced.returncode == 0, replaced.stderr
    assert out.read_bytes() != b"last week's file"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_full_disk_never_leaves_a_truncated_handover_sheet(sqlite_demo_path: Path, tmp_path: Path,
                                                             qapp) -> None:  # type: ignore[no-untyped-def]
    whole = tmp_path / "whole.pdf"
    assert cli(*OUTPUTS["handover"](whole), "--db", str(sqlite_demo_path)).returncode == 0
    assert whole.stat().st_size > 8 * 1024 and REFERENCE in pdf_text(whole)
    disk = tmp_path / "small-disk"
    with full_disk(disk, size_kb=8):
        result = cli(*OUTPUTS["handover"](disk / "sheet.pdf"), "--db", str(sqlite_demo_path))
        left = sorted(p.name for p in disk.iterdir())
    assert result.returncode == 2, result.stdout
    assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1
    assert "nothing was written" in result.stderr
    assert left == []


def test_the_desk_replaces_only_a_file_its_save_dialog_asked_about(demo_db: Database, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                    monkeypatch) -> None:
    out = tmp_path / "loans.xlsx"
    out.write_bytes(b"kept")
    dialog = ExportDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(out))  # typed: nobody was asked
    dialog.start()
    # the task's flag falls before its queued refusal reaches the dialog: wait for what the dialog says
    qtbot.waitUntil(lambda: "already exists" in dialog.status.text(), timeout=20_000)
    assert not dialog.running and out.read_bytes() == b"kept"
    asked: list[object] = []

    def save_dialog(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(kwargs.get("options", args[4] if len(args) > 4 else QFileDialog.Option(0)))
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    dialog.browse()
    assert not QFileDialog.Option(asked[0]) & QFileDialog.Option.DontConfirmOverwrite  # Qt asks before replacing
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.start()
    assert load_workbook(out, read_only=True).sheetnames[0] == "Allocations"
