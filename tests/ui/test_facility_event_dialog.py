"""Issue 14 parts 4 and 5 at the desk: a facility event recorded from the Record menu reaches the samples
inside the cabinet, and their condition shows in the sample view and the containers table."""

from __future__ import annotations

from PySide6.QtCore import QDateTime

from curator.condition import condition_of
from curator.demo import FACILITY
from curator.history import sample_history
from tests.ui.conftest import closed, press_ok
from ui.dialogs.facility_event_dialog import FacilityEventDialog
from ui.models.samples_model import COL_CONDITION, COL_NUMBER, SamplesTableModel

CABINET = f"{FACILITY} / Storage room 1 / Nitrogen cabinet N1"


def test_a_nitrogen_failure_recorded_at_the_desk_exposes_the_samples_inside(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    inside = SamplesTableModel(desk.db)
    inside.set_location(CABINET)
    numbers = [inside.index(row, COL_NUMBER).data() for row in range(min(inside.rowCount(), 5))]
    assert numbers
    dialog = FacilityEventDialog(desk, CABINET)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.location.currentData() == CABINET
    dialog.kind.setCurrentIndex(dialog.kind.findData("excursion"))
    dialog.excursion.setCurrentIndex(dialog.excursion.findData("nitrogen_lost"))
    assert not dialog.atmosphere.isEnabled() and not dialog.end.isEnabled()  # until "ended at" is ticked
    dialog.start.setDateTime(QDateTime.currentDateTime().addSecs(-3600))
    dialog.ended.setChecked(True)
    assert dialog.end.isEnabled()
    dialog.end.setDateTime(QDateTime.currentDateTime().addSecs(-7200))
    assert not dialog.ok_button.isEnabled() and "before the start" in dialog.message.text()
    dialog.end.setDateTime(QDateTime.currentDateTime().addSecs(-60))
    qtbot.keyClicks(dialog.measured, "4.2 % O2")
    assert dialog.ok_button.isEnabled()
    press_ok(qtbot, dialog)
    assert closed(dialog)
    assert dialog.result_text == f"excursion recorded on {CABINET}: {inside.rowCount()} sample(s) inside at the time"
    for number in numbers:
        assert condition_of(desk.db, number).condition == "exposed"
        excursion = [row for row in sample_history(desk.db, number) if row.kind == "excursion"][-1]
        assert excursion.via_location == CABINET and "atmosphere" not in excursion.facts
    inside.reload()
    assert {inside.index(row, COL_CONDITION).data() for row in range(len(numbers))} == {"exposed"}


def test_a_note_needs_a_location_and_text(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FacilityEventDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled() and "choose the room" in dialog.message.text()
    dialog.location.setCurrentIndex(dialog.location.findData(CABINET))
    dialog.kind.setCurrentIndex(dialog.kind.findData("note"))
    assert not dialog.ok_button.isEnabled() and "needs some text" in dialog.message.text()


def test_a_photo_of_a_cabinet_attaches_its_images(desk, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from curator.describe import describe

    (tmp_path / "door.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(30)))
    (tmp_path / "door.gif").write_bytes(b"GIF89a" + bytes(8))
    dialog = FacilityEventDialog(desk, CABINET)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.image_box.isEnabled()  # an excursion carries no images
    dialog.kind.setCurrentIndex(dialog.kind.findData("photographed"))
    assert dialog.image_box.isEnabled()
    dialog.image_box.attach_files([str(tmp_path / "door.png"), str(tmp_path / "door.gif")])
    assert dialog.image_box.attached.text() == "door.png" and "door.gif is not a JPEG" in dialog.message.text()
    press_ok(qtbot, dialog)
    assert closed(dialog)
    photos = describe(desk.db, CABINET)["history"][-1]["facts"]["photos"]
    assert [photo["name"] for photo in photos] == ["door.png"]
