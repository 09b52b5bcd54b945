"""Borrowers at the desk: a loan officer adds a foreign institution and its PI, is warned about a name like
one already listed and must confirm it, and edits an institution (issue 15 part 1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from curator.institutions import institution_rows
from curator.integrity import verify
from tests.ui.conftest import closed, press_ok
from ui.dialogs.borrowers_dialog import BorrowersDialog
from ui.dialogs.institution_dialogs import InstitutionDialog, InvestigatorDialog
from ui.views.allocations_view import AllocationsView


@pytest.fixture
def borrowers(tech_desk, qtbot) -> BorrowersDialog:  # type: ignore[no-untyped-def]
    view = AllocationsView(tech_desk)
    qtbot.addWidget(view)
    view.show()
    qtbot.mouseClick(view.buttons["borrowers"], Qt.MouseButton.LeftButton)
    assert isinstance(view.dialog, BorrowersDialog)
    return view.dialog


def _institutions(db) -> dict:  # type: ignore[no-untyped-def]
    return {row.name: row for row in institution_rows(db)}


def test_add_an_institution_and_its_pi(borrowers: BorrowersDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(borrowers.buttons["add"], Qt.MouseButton.LeftButton)
    dialog = borrowers.dialog
    assert isinstance(dialog, InstitutionDialog)
    qtbot.keyClicks(dialog.name, "University of Bern")
    assert not dialog.ok_button.isEnabled() and "country" in dialog.message.text()
    dialog.country.setCurrentIndex(dialog.country.findData("CH"))
    qtbot.keyClicks(dialog.city, "Bern")
    qtbot.keyClick(dialog.city, Qt.Key.Key_Return)  # Enter never records
    assert not closed(dialog) and dialog.ok_button.isEnabled() and dialog.message.text() == ""
    press_ok(qtbot, dialog)
    assert closed(dialog)
    added = _institutions(borrowers.desk.db)["University of Bern"]
    assert (added.country, added.city) == ("CH", "Bern")
    items = borrowers.tree.findItems("University of Bern", Qt.MatchFlag.MatchExactly)
    borrowers.tree.setCurrentItem(items[0])
    qtbot.mouseClick(borrowers.buttons["add_pi"], Qt.MouseButton.LeftButton)
    person = borrowers.dialog
    assert isinstance(person, InvestigatorDialog)
    qtbot.keyClicks(person.name, "Dr. Maya Evans")
    qtbot.keyClicks(person.email, "m.evans@unibe.example")
    press_ok(qtbot, person)
    bern = _institutions(borrowers.desk.db)["University of Bern"]
    assert [p.name for p in bern.investigators] == ["Dr. Maya Evans"]
    item = borrowers.tree.findItems("University of Bern", Qt.MatchFlag.MatchExactly)[0]
    assert item.child(0).text(0) == "Dr. Maya Evans"
    assert verify(borrowers.desk.db) == []


def test_a_near_duplicate_is_warned_about_and_saved_only_when_confirmed(borrowers: BorrowersDialog, qtbot,
                                                                       monkeypatch) -> None:  # type: ignore[no-untyped-def]
    existing = "Osaka University"
    dialog = borrowers.add_institution()
    qtbot.keyClicks(dialog.name, "OSAKA Univ.")
    dialog.country.setCurrentIndex(dialog.country.findData("JP"))
    assert dialog.ok_button.isEnabled() and existing in dialog.message.text()
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    before = len(_institutions(borrowers.desk.db))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not closed(dialog) and len(_institutions(borrowers.desk.db)) == before and existing in asked[0]
    press_ok(qtbot, dialog)
    assert closed(dialog) and len(_institutions(borrowers.desk.db)) == before + 1


def test_edit_an_institution(borrowers: BorrowersDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    borrowers.tree.setCurrentItem(borrowers.tree.topLevelItem(0))
    chosen = borrowers.chosen_institution()
    dialog = borrowers.edit()
    assert isinstance(dialog, InstitutionDialog) and dialog.name.text() == chosen.name
    assert not dialog.ok_button.isEnabled() and "nothing changed" in dialog.message.text()
    dialog.contact.clear()
    qtbot.keyClicks(dialog.contact, "loans@example.org")
    press_ok(qtbot, dialog)
    assert _institutions(borrowers.desk.db)[chosen.name].contact == "loans@example.org"
    assert borrowers.tree.topLevelItem(0).text(3) == "loans@example.org"


def test_a_new_allocation_offers_the_borrowers_investigators(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.allocation_dialogs import NewAllocationDialog

    dialog = NewAllocationDialog(desk)  # the demo registers Osaka University's two PIs
    qtbot.addWidget(dialog)
    dialog.institution.setCurrentIndex(dialog.institution.findData("Osaka University"))
    completer = dialog.pi.completer()
    assert completer is not None
    model = completer.model()
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == ["Dr. Y. Sato", "Prof. K. Tanaka"]
