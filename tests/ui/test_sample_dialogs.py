"""Recording handling events from the sample detail view, as a user does: click the button, type in
the dialog, watch it validate as you type, press OK."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from curator.history import sample_detail, sample_history
from tests.ui.conftest import PRIMARY, closed, press_ok
from ui.dialogs.sample_dialogs import CorrectionDialog, MoveDialog, ObservationDialog, WeighDialog
from ui.dialogs.split_dialog import SplitDialog
from ui.views.sample_view import SampleView


@pytest.fixture
def view(desk, qtbot) -> SampleView:  # type: ignore[no-untyped-def]
    widget = SampleView(desk)
    qtbot.addWidget(widget)
    widget.show()
    widget.show_sample(PRIMARY)
    return widget


def _open(qtbot, view: SampleView, key: str) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.buttons[key], Qt.MouseButton.LeftButton)
    assert view.dialog is not None and view.dialog.isVisible()
    return view.dialog


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.clear()
    qtbot.keyClicks(widget, text)


def _ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    press_ok(qtbot, dialog)


def test_the_view_shows_properties_genealogy_history_and_plot(view: SampleView) -> None:
    assert view.fields["container"].text().startswith("LSL-00003")
    root = view.tree.topLevelItem(0)
    assert root.text(0) == PRIMARY and root.childCount() >= 3
    on_loan = [root.child(i) for i in range(root.childCount()) if root.child(i).text(2).startswith("on loan · ")]
    assert on_loan and on_loan[0].text(3).startswith("on loan to ")
    conditions = {root.child(i).text(2).rsplit(" · ", 1)[-1] for i in range(root.childCount())}
    assert conditions <= {"pristine", "exposed", "processed", "contaminated"}  # each split's condition shows
    assert view.history_model.rowCount() > 5
    assert view.plot is not None and view.plot.figure.axes[0].lines


def test_weigh_validates_as_you_type_and_warns_off_the_expected_mass(view: SampleView, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, view, "weigh")
    assert isinstance(dialog, WeighDialog)
    assert not dialog.ok_button.isEnabled()
    _type(qtbot, dialog.mass, "12,5 kilos")
    assert not dialog.ok_button.isEnabled() and "unit" in dialog.message.text()
    expected = sample_detail(view.desk.db, PRIMARY).mass_ug
    _type(qtbot, dialog.mass, f"{expected * 9 // 10} ug")
    assert not dialog.ok_button.isEnabled() and "confirm the weighing with a reason" in dialog.message.text()
    qtbot.keyClicks(dialog.reason, "sample dried overnight")
    assert dialog.ok_button.isEnabled() and "Warning" in dialog.message.text()
    _type(qtbot, dialog.mass, f"{expected // 11} ug")
    assert not dialog.ok_button.isEnabled() and "unit slip" in dialog.message.text()
    _type(qtbot, dialog.mass, f"{expected} ug")
    assert dialog.message.text() == ""
    _ok(qtbot, dialog)
    assert view.history_model.rows[-1].kind == "weighed"


def test_split_needs_an_exact_balance_bad_then_good(view: SampleView, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = sample_detail(view.desk.db, PRIMARY).mass_ug
    dialog = _open(qtbot, view, "split")
    assert isinstance(dialog, SplitDialog)
    dialog.count.setValue(3)
    numbers = [edit.text() for edit, _ in dialog.child_rows()]
    assert numbers[0].startswith(f"{PRIMARY}-") and len(set(numbers)) == 3  # proposed automatically
    for (_, mass), text in zip(dialog.child_rows(), ("50 mg", "20 mg", "0.01 g"), strict=True):
        _type(qtbot, mass, text)
    for index, place in enumerate(dialog.places()):
        _type(qtbot, place.container, f"VIAL-SPLIT-{index}")  # new vials, at the positions offered
    _type(qtbot, dialog.loss, "5 µg")
    _type(qtbot, dialog.remaining, f"{before - 80_012} ug")  # 7 µg not accounted for
    assert not dialog.ok_button.isEnabled()
    assert "7 µg unaccounted for" in dialog.balance.text()
    _ok(qtbot, dialog)
    assert dialog.isVisible()  # a disabled OK records nothing
    _type(qtbot, dialog.remaining, f"{before - 80_000} ug")  # forgot the loss: 5 µg too much
    assert "5 µg too much" in dialog.balance.text() and not dialog.ok_button.isEnabled()
    _type(qtbot, dialog.remaining, f"{before - 80_005} ug")
    assert dialog.balance.text().startswith("balanced") and dialog.ok_button.isEnabled()
    _ok(qtbot, dialog)
    assert closed(dialog)
    assert sample_detail(view.desk.db, PRIMARY).mass_ug == before - 80_005
    assert sample_detail(view.desk.db, numbers[2]).mass_ug == 10_000
    children = [view.tree.topLevelItem(0).child(i).text(0) for i in range(view.tree.topLevelItem(0).childCount())]
    assert set(numbers) <= set(children)


def test_move_refuses_occupied_positions(view: SampleView, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, view, "move")
    assert isinstance(dialog, MoveDialog)
    occupied = sample_detail(view.desk.db, f"{PRIMARY}-01").location
    dialog.position.setEditText(occupied)
    assert not dialog.ok_button.isEnabled() and "occupied" in dialog.message.text()
    free = dialog.position.itemText(0)
    assert free == dialog.nearest.text() and free.split(" / ")[:-2] == occupied.split(" / ")[:-2]  # next door first
    dialog.position.setCurrentIndex(0)
    assert dialog.ok_button.isEnabled()
    _ok(qtbot, dialog)
    assert sample_detail(view.desk.db, PRIMARY).location == free
    assert view.history_model.rows[-1].kind == "moved" and view.history_model.rows[-1].via_container == "LSL-00003"


def test_open_and_seal_need_the_atmosphere_and_show_via_the_container(view: SampleView, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.buttons["open"], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, ObservationDialog) and dialog.event_kind == "opened"
    assert dialog.on_container.isChecked() and not dialog.ok_button.isEnabled()
    dialog.atmosphere.setCurrentIndex(dialog.atmosphere.findData("nitrogen"))
    assert dialog.ok_button.isEnabled()
    _ok(qtbot, dialog)
    last = view.history_model.rows[-1]
    assert (last.kind, last.via_container, last.facts["atmosphere"]) == ("opened", "LSL-00003", "nitrogen")
    assert "open)" in view.fields["container"].text()


def test_notes_and_photos_need_their_text(view: SampleView, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, view, "inspect")
    dialog.kind.setCurrentIndex(dialog.KINDS.index("note"))
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.note, "grains look dry")
    assert dialog.ok_button.isEnabled()
    dialog.kind.setCurrentIndex(dialog.KINDS.index("photographed"))
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.photo, "IMG_2031.jpg")
    _ok(qtbot, dialog)
    assert view.history_model.rows[-1].facts["photo"] == "IMG_2031.jpg"


def test_a_correction_cites_an_event_and_a_reason(view: SampleView, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, view, "correct")
    assert isinstance(dialog, CorrectionDialog)
    weighed = next(row for row in sample_history(view.desk.db, PRIMARY) if row.kind == "split")
    dialog.wrong_event.setCurrentIndex(dialog.wrong_event.findData(weighed.event_id))
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "wrong loss typed")
    assert dialog.ok_button.isEnabled()
    _ok(qtbot, dialog)
    last = view.history_model.rows[-1]
    assert last.kind == "correction" and last.facts["corrects"] == weighed.event_id


def test_corrections_are_for_curators_only(tech_desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = SampleView(tech_desk)
    qtbot.addWidget(view)
    view.show_sample(PRIMARY)
    assert not view.buttons["correct"].isEnabled()
    dialog = CorrectionDialog(tech_desk, PRIMARY)
    qtbot.addWidget(dialog)
    assert "only a curator" in dialog.message.text() and not dialog.ok_button.isEnabled()


def test_a_refusal_by_the_domain_shows_inline_and_keeps_the_dialog(view: SampleView, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, view, "move")
    dialog.to_container.setChecked(True)
    qtbot.keyClicks(dialog.container, "NO-SUCH-JAR")
    _ok(qtbot, dialog)
    assert dialog.isVisible() and "NO-SUCH-JAR" in dialog.message.text()


def test_images_attached_at_the_desk_show_as_thumbnails_and_open_in_the_viewer(view: SampleView, qtbot,  # type: ignore[no-untyped-def]
                                                                              tmp_path) -> None:
    from PySide6.QtGui import QColor, QImage

    from ui.models.history_model import COL_DETAILS

    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(QColor("#8d6e63"))
    assert picture.save(str(tmp_path / "grain.png"))
    (tmp_path / "grain.gif").write_bytes(b"GIF89a" + bytes(8))
    dialog = _open(qtbot, view, "inspect")
    dialog.kind.setCurrentIndex(dialog.KINDS.index("photographed"))
    dialog.attach_files([str(tmp_path / "grain.png"), str(tmp_path / "grain.gif")])
    assert dialog.attached.text() == "grain.png" and "grain.gif is not a JPEG" in dialog.message.text()
    _ok(qtbot, dialog)
    last = len(view.history_model.rows) - 1
    assert view.history_model.rows[last].facts["photos"][0]["name"] == "grain.png"
    thumbnail = view.history_model.index(last, COL_DETAILS).data(Qt.ItemDataRole.DecorationRole)
    assert thumbnail is not None and max(thumbnail.width(), thumbnail.height()) == 28
    view.show_photos(view.history_model.index(last, COL_DETAILS))
    viewer = view.photo_viewer
    qtbot.addWidget(viewer)
    assert viewer.tabs.count() == 1 and viewer.tabs.tabText(0) == "grain.png"
    assert not viewer.tabs.widget(0).widget().pixmap().isNull()
