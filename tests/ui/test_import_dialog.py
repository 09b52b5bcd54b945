"""The import preview never shows one file's rows under another file's name."""

from __future__ import annotations

from pathlib import Path

from tests.curator.catalogue_support import APOLLO, write_csv
from ui.desk import Desk
from ui.dialogs.import_dialog import ImportDialog


def test_a_refused_file_clears_the_previous_files_rows(tech_desk: Desk, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(tech_desk)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(APOLLO))
    dialog.mission.setCurrentIndex(dialog.mission.findData("A17"))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.busy, timeout=20_000)
    assert dialog.model.rowCount() == 756 and dialog.import_button.isEnabled()

    refused = write_csv(tmp_path / "nomass.csv", [["ID", "Type"], ["CE5-N", "soil"]])
    dialog.path.setText(str(refused))
    dialog.check()
    qtbot.waitUntil(lambda: not dialog.busy and "no column for mass" in dialog.summary.text(), timeout=20_000)
    assert dialog.model.rowCount() == 0 and dialog.errors.count() == 0
    assert dialog.plan is None and not dialog.import_button.isEnabled()
    dialog.start_import()  # nothing to import: the old plan is gone
    assert not dialog.busy
