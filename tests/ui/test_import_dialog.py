"""The import preview never shows one file's rows under another file's name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.curator.catalogue_support import APOLLO, write_csv
from ui.desk import Desk
from ui.dialogs.import_dialog import ImportDialog


def _checked(desk: Desk, qtbot, path: Path, mission: str) -> ImportDialog:  # type: ignore[no-untyped-def]
    """The import dialog once it has read and checked ``path`` for ``mission``."""
    dialog = ImportDialog(desk)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    dialog.mission.setCurrentIndex(dialog.mission.findData(mission))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.busy, timeout=20_000)
    return dialog


def test_a_refused_file_clears_the_previous_files_rows(tech_desk: Desk, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _checked(tech_desk, qtbot, APOLLO, "A17")
    assert dialog.model.rowCount() == 756 and dialog.import_button.isEnabled()

    refused = write_csv(tmp_path / "nomass.csv", [["ID", "Type"], ["CE5-N", "soil"]])
    dialog.path.setText(str(refused))
    dialog.check()
    qtbot.waitUntil(lambda: not dialog.busy and "no column for mass" in dialog.summary.text(), timeout=20_000)
    assert dialog.model.rowCount() == 0 and dialog.errors.count() == 0
    assert dialog.plan is None and not dialog.import_button.isEnabled()
    dialog.start_import()  # nothing to import: the old plan is gone
    assert not dialog.busy


def test_the_preview_shows_where_each_row_goes(tech_desk: Desk, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    position = "Lunar Sample Laboratory (NAOC Beijing) / Storage room 1 / Nitrogen cabinet N3 / Shelf 4 / P23"
    path = write_csv(tmp_path / "placed.csv", [["ID", "Type", "Mass (mg)", "Container", "Position"],
                                               ["CE5-PLACED-1", "soil", "3", "JAR-NEW-1", position]])
    dialog = _checked(tech_desk, qtbot, path, "CE5")
    model = dialog.model
    shown = {model.headerData(column, Qt.Orientation.Horizontal): model.data(model.index(0, column))
             for column in range(model.columnCount())}
    assert (shown["Container"], shown["Position"]) == ("JAR-NEW-1", position), dialog.summary.text()
