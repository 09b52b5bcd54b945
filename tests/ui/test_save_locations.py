"""Outputs where people expect them: File > Handover sheet… of the chosen allocation; save dialogs start
in the Documents folder, then in the last folder used, with a name from the allocation or the date."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.handover_dialog import HandoverSheetDialog
from ui.dialogs.print_dialog import PrintLabelsDialog, handover_preview
from ui.main_window import VIEW_ALLOCATIONS, MainWindow

REFERENCE = "CE5-INT-2025-01"  # prepared and handed over in the demo: it has a sheet


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of its own for the test: its Documents folder is where save dialogs start."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home / "Documents"


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """QFileDialog.getSaveFileName records where it started and answers with ``answer``."""
    asked: dict[str, object] = {"starts": [], "answer": ""}

    def ask(_parent, _title, start, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked["starts"].append(start)  # type: ignore[union-attr]
        return str(asked["answer"]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    return asked


def _choose_allocation(window: MainWindow, qtbot, reference: str) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(VIEW_ALLOCATIONS)
    view = window.allocations
    qtbot.waitUntil(lambda: view.proxy.rowCount() > 0)
    rows = [row for row in range(view.proxy.rowCount()) if view.proxy.index(row, 0).data() == reference]
    view.table.selectRow(rows[0])
    assert view.selected().reference == reference


def test_file_menu_offers_the_chosen_allocations_handover_sheet(window: MainWindow, qtbot, documents: Path,  # type: ignore[no-untyped-def]
                                                                save_as, tmp_path: Path) -> None:
    texts = [action.text().replace("&", "") for action in window.file_menu.actions()]
    assert texts.index("Handover sheet…") < texts.index("Switch operator…")
    _choose_allocation(window, qtbot, REFERENCE)
    window.file_actions["handover"].trigger()
    dialogs = [child for child in window.findChildren(HandoverSheetDialog) if child.isVisible()]
    assert len(dialogs) == 1 and REFERENCE in dialogs[0].summary.text()
    dialog = dialogs[0]
    out = tmp_path / "out" / "sheet.pdf"
    out.parent.mkdir()
    save_as["answer"] = out
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.pdf_button.click()
    assert save_as["starts"] == [str(documents / f"handover-{REFERENCE}.pdf")]
    assert out.read_bytes().startswith(b"%PDF") and dialog.pages_drawn == 1
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert REFERENCE in text and "handover sheet" in text.lower()
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.pdf_button.click()  # the second time it starts where the first one was saved
    assert save_as["starts"][1] == str(out.parent / f"handover-{REFERENCE}.pdf")


def test_handover_sheet_without_a_chosen_allocation_says_what_to_do(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.allocations.table.clearSelection()
    assert window.file_actions["handover"].isEnabled()
    window.file_actions["handover"].trigger()
    assert window.tabs.currentWidget() is window.allocations
    assert "Choose an allocation" in window.statusBar().currentMessage()
    assert not [child for child in window.findChildren(HandoverSheetDialog) if child.isVisible()]


def test_an_allocation_with_nothing_prepared_has_no_sheet_to_save(demo_db, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = HandoverSheetDialog(demo_db, "CE6-2026-B11-01", settings=QSettings(str(tmp_path / "s.ini"),
                                                                               QSettings.Format.IniFormat))
    qtbot.addWidget(dialog)
    assert not dialog.pdf_button.isEnabled() and dialog.summary.text()


def test_the_workbook_goes_to_documents_with_the_date_then_to_the_last_folder(demo_db, qtbot, documents: Path,  # type: ignore[no-untyped-def]
                                                                             tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)
    dialog = ExportDialog(demo_db, "Chen Jing", settings=settings)
    qtbot.addWidget(dialog)
    name = f"allocations-{date.today().isoformat()}.xlsx"
    assert dialog.path.text() == str(documents / name)
    out = tmp_path / "exports" / "loans.xlsx"
    out.parent.mkdir()
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_button.click()
    again = ExportDialog(demo_db, "Chen Jing", settings=settings)
    qtbot.addWidget(again)
    assert again.path.text() == str(out.parent / name)


def test_labels_are_named_after_the_allocation_or_the_date(demo_db, qtbot, documents: Path, save_as) -> None:  # type: ignore[no-untyped-def]
    for allocation, name in ((REFERENCE, f"labels-{REFERENCE}.pdf"), (None, f"labels-{date.today().isoformat()}.pdf")):
        dialog = PrintLabelsDialog(demo_db, ["LSL-00001"], allocation=allocation)
        qtbot.addWidget(dialog)
        dialog.save_pdf()  # answered with "": cancelled, nothing written
        assert save_as["starts"][-1] == str(documents / name)
        preview = dialog.make_preview()
        qtbot.addWidget(preview)
        assert preview.printer_.docName() == name  # Qt's "print to file" suggests it, not print.pdf


def test_printing_the_previewed_sheet_to_a_file_suggests_the_allocations_name(demo_db, qtbot) -> None:  # type: ignore[no-untyped-def]
    preview = handover_preview(None, demo_db, REFERENCE)
    qtbot.addWidget(preview)
    assert preview.printer_.docName() == f"handover-{REFERENCE}.pdf"  # Qt's "print to file" takes it, not print.pdf


@pytest.mark.sqlite_file
def test_the_sheet_is_never_saved_over_the_database(demo_db, qtbot, save_as) -> None:  # type: ignore[no-untyped-def]
    dialog = HandoverSheetDialog(demo_db, REFERENCE)
    qtbot.addWidget(dialog)
    before = demo_db.path.read_bytes()
    save_as["answer"] = demo_db.path
    dialog.save_pdf()
    qtbot.waitUntil(lambda: dialog.pdf_button.isEnabled(), timeout=20_000)
    assert "Could not write" in dialog.message.text()
    assert demo_db.path.read_bytes() == before
