"""The export, import and print-labels dialogs driven like a person would, with qtbot."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QLocale, QThreadPool
from PySide6.QtWidgets import QDialog, QFileDialog

from curator.inventory import count_samples
from curator.outputs.handover import handover_sheet
from curator.outputs.labels import get_template
from curator.storage.db import Database
from tests.curator.catalogue_support import APOLLO, broken_copy
from tests.ui.pdf_checks import decode, decode_labels, page_sizes_mm, rasterise
from ui.desk import Desk
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.import_dialog import ImportDialog
from ui.dialogs.print_dialog import PrintLabelsDialog, handover_preview


def test_export_dialog_writes_the_workbook_off_the_gui_thread(demo_db: Database, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(demo_db, "Chen Jing")
    qtbot.addWidget(dialog)
    out = tmp_path / "ce6.xlsx"
    dialog.path.setText(str(out))
    dialog.mission.setCurrentIndex(dialog.mission.findData("CE6"))
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as signal:
        dialog.export_button.click()
    assert signal.args == [str(out)]
    assert dialog.progress.value() == dialog.progress.maximum()
    assert "4 allocations" in dialog.status.text()
    register = load_workbook(out)["Allocations"]
    assert {row[6] for row in register.iter_rows(min_row=2, values_only=True)} == {"CE6"}


def test_export_dialog_offers_the_language_and_starts_in_the_desks(demo_db: Database, qtbot,  # type: ignore[no-untyped-def]
                                                                  tmp_path: Path) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    try:
        dialog = ExportDialog(demo_db, "Chen Jing")
    finally:
        QLocale.setDefault(before)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "zh"
    assert [dialog.language.itemData(index) for index in range(dialog.language.count())] == ["en", "zh", "both"]
    english = ExportDialog(demo_db)
    qtbot.addWidget(english)
    assert english.language.currentData() == "en"  # an English desk
    out = tmp_path / "zh.xlsx"
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_button.click()
    assert load_workbook(out, read_only=True).sheetnames[0] == "分配登记"


def test_export_dialog_browse_and_missing_file(demo_db: Database, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.path.clear()  # it starts with a suggestion in the Documents folder
    dialog.export_button.click()
    assert "Choose a file" in dialog.status.text() and dialog.task is None
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "loans"), ""))
    dialog.browse()
    assert dialog.path.text() == str(tmp_path / "loans.xlsx")


def test_export_dialog_can_be_cancelled(demo_db: Database, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "never.xlsx"))
    dialog.use_from.setChecked(True)
    dialog.start()
    dialog.cancel()  # before the first progress report: the export stops there
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    qtbot.waitUntil(lambda: "cancelled" in dialog.status.text(), timeout=5_000)
    assert not (tmp_path / "never.xlsx").exists()


def test_import_dialog_previews_rows_and_errors_before_importing(tech_desk: Desk, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    demo_db = tech_desk.db
    dialog = ImportDialog(tech_desk)
    qtbot.addWidget(dialog)
    broken, expected = broken_copy(tmp_path)
    dialog.path.setText(str(broken))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    assert dialog.errors.count() == len(expected)
    assert dialog.errors.item(0).text().startswith("row 6: missing ID")
    assert not dialog.import_button.isEnabled() and "bad row" in dialog.summary.text()

    before = count_samples(demo_db)
    dialog.path.setText(str(APOLLO))
    dialog.mission.setCurrentIndex(dialog.mission.findData("A17"))
    dialog.plan = None
    dialog.check()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    assert dialog.model.rowCount() == 756 and dialog.errors.count() == 0
    assert dialog.model.index(0, 1).data() == "70001"
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(tech_desk.changed, timeout=30_000) as published, \
            qtbot.waitSignal(dialog.imported, timeout=30_000) as signal:
        dialog.import_button.click()
    assert signal.args == [756] and count_samples(demo_db) == before + 756
    assert len(published.args[0].samples) == 756  # read off the events the import recorded
    QThreadPool.globalInstance().waitForDone(10_000)


def test_import_needs_a_signed_in_operator(demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(Desk(demo_db))  # nobody signed in
    qtbot.addWidget(dialog)
    dialog.path.setText(str(APOLLO))
    dialog.mission.setCurrentIndex(dialog.mission.findData("A17"))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    assert not dialog.import_button.isEnabled() and "Sign in" in dialog.summary.text()


def test_print_dialog_previews_at_true_size_and_saves_a_pdf(demo_db: Database, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                             monkeypatch) -> None:
    codes = ["CE5C0400YJFM00501", "LSL-00001"]
    dialog = PrintLabelsDialog(demo_db, codes)
    qtbot.addWidget(dialog)
    dialog.template.setCurrentIndex(dialog.template.findData("62x29"))
    preview = dialog.make_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    size = preview.printer_.pageLayout().fullRect(preview.printer_.pageLayout().Unit.Millimeter)
    assert (round(size.width()), round(size.height())) == (62, 29)
    preview.show()
    qtbot.waitUntil(lambda: dialog.pages_drawn == 2, timeout=10_000)
    preview.close()

    out = tmp_path / "labels.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), ""))
    with qtbot.waitSignal(dialog.printed, timeout=10_000):
        dialog.pdf_button.click()
    assert [decode(image) for image in rasterise(out, tmp_path / "png")] == [
        [("QR-Code", "CE5C0400YJFM00501")], [("QR-Code", "LSL-00001")]]


def test_print_dialog_refuses_an_unknown_id(demo_db: Database, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = PrintLabelsDialog(demo_db, ["CE5C0400YJFM00501", "NOT-A-THING"])
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "x.pdf"), ""))
    dialog.save_pdf()
    assert dialog.make_preview() is None
    assert "NOT-A-THING" in dialog.message.text() and not (tmp_path / "x.pdf").exists()


def test_print_dialog_for_an_allocation_lists_its_splits_and_previews_the_sheet(demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PrintLabelsDialog(demo_db, allocation="CE5-INT-2025-01")
    qtbot.addWidget(dialog)
    assert dialog.code_list() == [item.number for item in handover_sheet(demo_db, "CE5-INT-2025-01").items]
    assert len(dialog.code_list()) == 2
    preview = handover_preview(dialog, demo_db, "CE5-INT-2025-01", bilingual=True)
    qtbot.addWidget(preview)
    layout = preview.printer_.pageLayout()
    size = layout.fullRect(layout.Unit.Millimeter)
    assert (round(size.width()), round(size.height())) == (210, 297)
    preview.show()
    qtbot.waitUntil(lambda: preview.pages_drawn == 1, timeout=10_000)
    preview.close()


def test_print_dialog_for_an_allocation_with_nothing_prepared(demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PrintLabelsDialog(demo_db, allocation="CE6-2026-B11-01")  # requested only
    qtbot.addWidget(dialog)
    assert dialog.code_list() == [] and not dialog.handover_button.isEnabled()
    assert "nothing to hand over" in dialog.message.text()


def test_print_dialog_prints_through_the_chosen_printer(demo_db: Database, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                        monkeypatch) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    out = tmp_path / "printer.pdf"

    def choose_pdf_printer(self) -> int:  # type: ignore[no-untyped-def]
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # "Print to file" in the real dialog
        self.printer().setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_pdf_printer)
    dialog = PrintLabelsDialog(demo_db, ["LSL-00001", "CE5C0400YJFM00501"])
    qtbot.addWidget(dialog)
    dialog.template.setCurrentIndex(dialog.template.findData("a4-3x8"))
    with qtbot.waitSignal(dialog.printed, timeout=10_000):
        dialog.print_button.click()
    assert dialog.pages_drawn == 1
    assert page_sizes_mm(out) == [(209.9, 297.0)]
    scanned = decode_labels(out, get_template("a4-3x8"), tmp_path / "png", 2)
    assert [sorted(text for kind, text in codes if kind == "QR-Code") for codes in scanned] == [
        ["LSL-00001"], ["CE5C0400YJFM00501"]]


def test_import_dialog_cancel_imports_nothing(tech_desk: Desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    demo_db = tech_desk.db
    dialog = ImportDialog(tech_desk)
    qtbot.addWidget(dialog)
    dialog.show()  # a refusal or cancel shows in the dialog that asked while it is open
    dialog.path.setText(str(APOLLO))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    before = count_samples(demo_db)
    dialog.start_import()
    assert dialog.cancel_button.isEnabled()
    dialog.cancel()  # the import stops at its next progress report and rolls back
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    qtbot.waitUntil(lambda: "cancelled" in dialog.summary.text(), timeout=5_000)
    assert count_samples(demo_db) == before and dialog.import_button.isEnabled()
