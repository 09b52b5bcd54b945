"""Render each view of the desk on the demo database to PNG files (``make screenshots``).

Usage: python -m ui.screenshots OUT_DIR [--db DEMO_DB] [--language zh_CN] [--size 1280x720]. Run it under a
real (virtual) X display, e.g. xvfb-run, so fonts render as on a desk. A fresh demo database is built when
--db is not given. With --language the desk speaks that language (its compiled translations, `make
screenshots` builds them).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from curator.demo import FACILITY
from curator.directory import sign_in
from curator.mass import format_mass
from curator.storage.db import open_database

if TYPE_CHECKING:
    from ui.desk import Desk
    from ui.main_window import MainWindow

DEMO_SAMPLE = "CE5C0100YJFM00503"
#: The day the Due panel is shown for: loans due within 30 days, overdue ones and inventories late.
DUE_DAY = date(2027, 6, 20)
APPROVED, ON_LOAN = "CE6-2024-B1-02", "CE5-INT-2025-03"  # demo allocations: ready to hand over; handed over


def _settle(app: QCoreApplication, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()


def _save(app: QCoreApplication, widget: QWidget, path: Path) -> None:
    _settle(app)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def _stocktake(app: QCoreApplication, desk: Desk, window: QWidget, path: Path) -> None:
    """A shelf half counted: some containers found, one scanned that belongs elsewhere, the rest missing."""
    from ui.dialogs.stocktake_dialog import StocktakeDialog

    dialog = StocktakeDialog(desk, f"{FACILITY} / Storage room 1 / Nitrogen cabinet N1 / Shelf 1", window)
    dialog.show()
    expected = dialog.taken.expected_codes if dialog.taken else []
    for code in [*expected[: max(1, len(expected) * 2 // 3)], "LSL-00150"]:
        dialog.scan.setText(code)
        dialog.take_scan()
    _save(app, dialog, path)
    dialog.reject()


def _return_session(app: QCoreApplication, desk: Desk, window: QWidget, path: Path) -> None:
    """Two splits scanned back: one whole, one weighed with what was consumed and its treatment."""
    from curator.loans import allocation_items
    from curator.vocabulary import Treatment
    from ui.dialogs.scan_session_dialogs import ReturnSessionDialog

    dialog = ReturnSessionDialog(desk, ON_LOAN, window)
    dialog.show()
    first, second = allocation_items(desk.db, ON_LOAN)[:2]
    for item in (first, second):
        dialog.scan.scanned.emit(item.number)
    dialog.backs[second.number].setText("10 mg")
    dialog.consumed[second.number].setText(format_mass(second.mass_ug - 10_000))
    for treatment in (Treatment.POLISHED, Treatment.COATED):
        dialog.treatment.boxes[treatment].setChecked(True)
    _save(app, dialog, path)
    dialog.reject()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--language", help="the desk's language, e.g. zh_CN (default: English)")
    parser.add_argument("--size", default="1440x880", help="the window's size, e.g. 1280x720 (default 1440x880)")
    args = parser.parse_args(argv)
    width, height = (int(side) for side in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="curator-shots-"))
    if args.db is None:
        from curator.demo import build_demo

        args.db = workdir / "demo.db"
        build_demo(open_database(args.db))
    from ui.fonts import prefer_simplified_chinese

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    prefer_simplified_chinese(app)
    if args.language:
        from ui.language import install_translators

        QLocale.setDefault(QLocale(args.language))
        if len(install_translators(app, QLocale(args.language))) < 2:
            raise SystemExit(f"no compiled translation for {args.language}: run `make screenshots`")
    from ui.desk import Desk
    from ui.dialogs.split_dialog import SplitDialog
    from ui.main_window import MainWindow

    db = open_database(args.db, create=False)  # the desk never makes a database; the demo above does
    desk = Desk(db, sign_in(db, "Chen Jing", "246813"))
    window = MainWindow(desk, QSettings(str(workdir / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(width, height)
    window.show()
    window.containers.select_location(f"{FACILITY} / Storage room 1 / Nitrogen cabinet N1")
    window.tabs.setCurrentWidget(window.containers)
    _save(app, window, args.out / "containers.png")
    window.containers.select_location(f"{FACILITY} / Glove-box room / Glove box G1 / Shelf 4")
    _save(app, window, args.out / "storage-map.png")
    window.open_code(DEMO_SAMPLE)
    _save(app, window, args.out / "sample-detail.png")
    split = window.sample.split()
    if not isinstance(split, SplitDialog):
        raise SystemExit(f"{DEMO_SAMPLE} cannot be split in this database")
    split.child_masses[0].setText("50 mg")
    split.child_masses[1].setText("20 mg")
    for index, place in enumerate(split.places()):  # new vials, scanned; at the positions offered
        place.container.setText(f"LSL-{9001 + index:05d}")
    split.loss.setText("15 µg")
    split.remaining.setText(format_mass(split.before_ug - 70_015))  # as the balance shows it
    _save(app, split, args.out / "split-dialog.png")
    split.reject()
    _stocktake(app, desk, window, args.out / "stocktake.png")
    _return_session(app, desk, window, args.out / "returns-session.png")
    _instruments(app, desk, args.out, workdir)
    window.tabs.setCurrentWidget(window.allocations)
    window.allocations.overdue_first.setChecked(True)
    window.allocations.table.selectRow(1)  # row 0, the overdue loan, keeps its red highlight
    _save(app, window, args.out / "allocations.png")
    _due_panel_and_statement(app, window, args.out, workdir)
    window.tabs.setCurrentWidget(window.charts)
    _settle(app, 2.0)
    _save(app, window, args.out / "charts-country.png")
    window.charts.chart.setCurrentIndex(1)
    _settle(app, 2.0)
    _save(app, window, args.out / "charts-institution.png")
    window.charts.chart.setCurrentIndex(2)
    _settle(app, 2.0)
    _save(app, window, args.out / "charts-cumulative.png")
    _dialogs(app, desk, args.out)
    window.close()
    db.dispose()
    return 0


def _due_panel_and_statement(app: QCoreApplication, window: MainWindow, out: Path, workdir: Path) -> None:
    """The Due panel on a day when reminders are due, and one borrower's inventory statement as an image."""
    from curator.loan_inventory import statements
    from ui.statement_print import write_statement_pdf

    panel = window.allocations.due_panel
    panel.today = DUE_DAY
    panel.refresh()
    panel.table.selectRow(0)
    window.allocations.splitter.setSizes([330, 60, 420])
    _save(app, window, out / "due-panel.png")
    written = date(DUE_DAY.year, 1, 4)  # sent out in the first days of the year
    statement = statements(window.desk.db, DUE_DAY.year - 1, written, "Osaka University")[0]
    pdf = workdir / "statement.pdf"
    write_statement_pdf(pdf, statement)
    _pdf_page_png(pdf, out / "inventory-statement.png")
    print(f"wrote {out / 'inventory-statement.png'}")


def _pdf_page_png(pdf: Path, png: Path, width_px: int = 1400) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(pdf))
    size = document.pagePointSize(0)
    page = document.render(0, QSize(width_px, round(width_px * size.height() / size.width())))
    image = QImage(page.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))  # the page is drawn on a transparent background
    painter = QPainter(image)
    painter.drawImage(0, 0, page)
    painter.end()
    image.save(str(png))
    document.close()


def _dialogs(app: QCoreApplication, desk: object, out: Path) -> None:
    """The dialogs a technician uses most, each as it opens."""
    from ui.desk import Desk
    from ui.dialogs.allocation_dialogs import HandOverDialog, NewAllocationDialog, ReturnDialog
    from ui.dialogs.discrepancies_dialog import DiscrepanciesDialog
    from ui.dialogs.export_dialog import ExportDialog
    from ui.dialogs.photo_folder_dialog import PhotoFolderDialog
    from ui.dialogs.print_dialog import PrintLabelsDialog
    from ui.dialogs.sample_dialogs import MoveDialog, ObservationDialog, WeighDialog
    from ui.dialogs.signin_dialog import SignInDialog

    assert isinstance(desk, Desk)
    for name, make in (("signin-dialog", lambda: SignInDialog(desk.db, None, "Li Wei")),
                       ("weigh-dialog", lambda: WeighDialog(desk, DEMO_SAMPLE)),
                       ("move-dialog", lambda: MoveDialog(desk, DEMO_SAMPLE)),
                       ("observation-dialog", lambda: ObservationDialog(desk, DEMO_SAMPLE, "opened")),
                       ("new-allocation-dialog", lambda: NewAllocationDialog(desk)),
                       ("hand-over-dialog", lambda: HandOverDialog(desk, APPROVED)),
                       ("return-dialog", lambda: ReturnDialog(desk, ON_LOAN)),
                       ("print-labels-dialog", lambda: PrintLabelsDialog(desk.db, [DEMO_SAMPLE])),
                       ("export-dialog", lambda: ExportDialog(desk.db, desk.operator.name)),
                       ("discrepancies-dialog", lambda: DiscrepanciesDialog(desk.db)),
                       ("photo-folder-dialog", lambda: PhotoFolderDialog(desk)),
                       ("receive-dialog", lambda: _receiving(desk))):
        dialog = make()
        dialog.show()
        _save(app, dialog, out / f"{name}.png")
        dialog.close()
def _receiving(desk: Desk) -> QWidget:
    """Record > Receive a sample…, filled in as after the scans: the number, the mass, a new jar."""
    from ui.dialogs.receive_dialog import ReceiveDialog

    dialog = ReceiveDialog(desk)
    dialog.sample_number.setText("CE6C0300YJFM00701")
    dialog.mission.setCurrentIndex(dialog.mission.findData("CE6"))
    dialog.mass.setText("2.500 g")
    dialog.place.container.setText("LSL-09101")
    return dialog


def _instruments(app: QCoreApplication, desk: Desk, out: Path, workdir: Path) -> None:
    """Tools > Instruments tested against the simulated balance, and the weigh dialog reading it."""
    import ui.instrument_settings as instrument_settings
    from curator.history import sample_detail
    from curator.instruments.sim_server import running_simulator
    from curator.instruments.simulator import SimulatedBalance
    from ui.dialogs.instruments_dialog import InstrumentsDialog
    from ui.dialogs.sample_dialogs import WeighDialog

    settings = QSettings(str(workdir / "instruments.ini"), QSettings.Format.IniFormat)
    instrument_settings.instrument_settings = lambda: settings  # this run only
    mass = sample_detail(desk.db, DEMO_SAMPLE).mass_ug + 30
    reading = f"{mass // 1_000_000}.{mass % 1_000_000:06d} g"
    with running_simulator("mtsics", SimulatedBalance(f"unstable {reading} x4; stable {reading}",
                                                      "XPR205DR", "B936745210")) as served:
        dialog = InstrumentsDialog(None, settings)
        dialog.protocol.setCurrentIndex(dialog.protocol.findData("mtsics"))
        dialog.port.setCurrentText(served.uri.removeprefix("mtsics://"))
        dialog.timeout.setValue(10)
        dialog.printers.setPlainText("brother://192.168.10.31:9100?model=QL-820NWB&media=62x29\n"
                                     "zpl://192.168.10.32:9100?dpi=300")
        dialog.show()
        dialog.test()
        _wait(app, lambda: "serial number" in dialog.test_result.text())
        _save(app, dialog, out / "instruments.png")
        dialog.accept()
        weigh = WeighDialog(desk, DEMO_SAMPLE)
        weigh.show()
        weigh.reader.read()
        _wait(app, lambda: bool(weigh.mass.text()))
        _save(app, weigh, out / "weigh-balance.png")
        weigh.reject()


def _wait(app: QCoreApplication, done: Callable[[], bool], seconds: float = 15) -> None:
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    sys.exit(main())
