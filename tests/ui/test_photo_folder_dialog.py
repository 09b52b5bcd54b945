"""Issue 14 part 6 at the desk: Tools > Photo folder… sets the facility's photo folder (a signed setting
every desk follows); new images go there, and a technician cannot change it."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt

from curator import handling
from curator.facility_settings import Setting, read_setting
from curator.photos import read_image
from tests.ui.conftest import PRIMARY, closed, press_ok
from ui.dialogs.photo_folder_dialog import PhotoFolderDialog

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(50))


def test_a_curator_moves_new_images_into_a_facility_folder(desk, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "photos"
    dialog = PhotoFolderDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.in_database.isChecked() and "in the database" in dialog.now.text()
    assert not dialog.ok_button.isEnabled() and "no change yet" in dialog.message.text()
    dialog.in_folder.setChecked(True)
    assert not dialog.ok_button.isEnabled() and "name the folder" in dialog.message.text()
    monkeypatch.setattr("ui.dialogs.photo_folder_dialog.QFileDialog.getExistingDirectory",
                        lambda *_args: str(folder))
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert dialog.folder.text() == str(folder) and dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.note, "the new file server")
    press_ok(qtbot, dialog)
    assert closed(dialog)
    setting = read_setting(desk.db, Setting.PHOTO_FOLDER)
    assert (setting.value, setting.set_by) == (str(folder), "Chen Jing")
    (tmp_path / "grain.png").write_bytes(PNG)
    handling.record_observation(desk.db, "Li Wei", "photographed", PRIMARY, images=[read_image(tmp_path / "grain.png")])
    assert (folder / f"{hashlib.sha256(PNG).hexdigest()}.png").read_bytes() == PNG
    again = PhotoFolderDialog(desk)
    qtbot.addWidget(again)
    assert again.in_folder.isChecked() and str(folder) in again.now.text() and "Chen Jing" in again.now.text()


def test_a_technician_sees_the_setting_but_cannot_change_it(tech_desk, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = PhotoFolderDialog(tech_desk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.in_folder.setChecked(True)
    dialog.folder.setText(str(tmp_path / "photos"))
    assert not dialog.ok_button.isEnabled() and "only a curator or an admin" in dialog.message.text()


def test_tools_menu_opens_it(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened = []
    monkeypatch.setattr(PhotoFolderDialog, "exec", lambda self: opened.append(self.now.text()) or 0)
    window.photo_folder_action.trigger()
    assert opened and "in the database" in opened[0]


