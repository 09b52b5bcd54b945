"""The desk app's entry point: open the database, then build the QApplication and the main window."""

from __future__ import annotations

import sys

from curator.db import open_database
from curator.errors import CuratorError


def run(db_arg: str | None) -> int:
    try:
        db = open_database(db_arg)
    except CuratorError as exc:
        print(f"curator: {exc}", file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle(f"Curator — {db.display_name}")
    window.setCentralWidget(QLabel(QApplication.translate("app", "Curator desk: the views arrive with the GUI issue.")))
    window.resize(1200, 800)
    window.show()
    return app.exec()
