"""The desk's unexpected-error dialog and its log never show a database password."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from ui.errors import exception_box, setup_logging

URL = "postgresql+psycopg://alice:Sup3r-Secret@db/curator?password=Sup3r-Secret"


def test_the_error_dialog_and_the_log_hide_the_password(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    log_file = setup_logging(tmp_path / "desk.log")
    try:
        raise RuntimeError(f"the driver echoed {URL}")
    except RuntimeError:
        exc_info = sys.exc_info()
    box = exception_box(*exc_info)  # type: ignore[arg-type]
    qtbot.addWidget(box)
    logging.getLogger("curator.desk").error("unexpected error", exc_info=exc_info)
    shown = box.text() + box.detailedText() + box.windowTitle()
    assert "RuntimeError" in shown and "Sup3r-Secret" not in shown
    for handler in [h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(log_file)]:
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert "RuntimeError" in log_file.read_text(encoding="utf-8")
    assert "Sup3r-Secret" not in log_file.read_text(encoding="utf-8")
