"""A scripted browsing session on the desk, for bench_gui: prints the resident memory (MB) at the end."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from bench.measure import BENCH_PIN
from curator.directory import list_operators, sign_in
from curator.storage.db import open_database


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def browse(path: Path) -> float:
    app = QApplication.instance() or QApplication(sys.argv)
    from ui.desk import Desk
    from ui.main_window import MainWindow

    db = open_database(path, create=False)
    technician = next(operator for operator in list_operators(db) if operator.role == "technician")
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Desk(db, sign_in(db, technician.name, BENCH_PIN)), settings)
    window.show()
    model = window.containers.model
    for _ in range(25):  # scroll through 25 pages
        model.fetchMore()
        app.processEvents()
    numbers = [model.rows[i].number for i in range(0, len(model.rows), 250)]
    for text in ("C", "CE", "CE6", "CE6C0", ""):
        model.set_filter(text)
        app.processEvents()
    for number in numbers:
        window.show_sample(number)
        app.processEvents()
    for view in (window.allocations, window.charts, window.containers):
        window.tabs.setCurrentWidget(view)
        app.processEvents()
    return resident_mb()


if __name__ == "__main__":
    print(f"{browse(Path(sys.argv[1])):.1f}")
