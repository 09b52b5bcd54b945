"""Issue 15 part 2 at the desk: a curator edits a loan's terms with a reason (a later due date lifts the
overdue state), a technician cannot; the allocations table filters by status, country, institution,
mission, overdue and text."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from curator.loans import allocation_rows
from curator.storage.models import Event
from curator.vocabulary import AllocationStatus, LoanState
from tests.ui.conftest import closed, press_ok
from ui.dialogs.terms_dialog import TermsDialog
from ui.models.allocations_model import COL_STATUS
from ui.views.allocations_view import AllocationsView


def _view(desk, qtbot) -> AllocationsView:  # type: ignore[no-untyped-def]
    view = AllocationsView(desk)
    qtbot.addWidget(view)
    view.show()
    return view


@pytest.fixture
def view(desk, qtbot) -> AllocationsView:  # type: ignore[no-untyped-def]
    return _view(desk, qtbot)


def _shown(view: AllocationsView) -> list[str]:
    return [view.model.row_at(row).reference for row in range(view.model.rowCount())]


def _overdue(view: AllocationsView):  # type: ignore[no-untyped-def]
    return next(row for row in allocation_rows(view.desk.db) if row.overdue)


def test_a_curator_extends_an_overdue_loan_with_a_reason(view: AllocationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    late = _overdue(view)
    view.select(late.reference)
    qtbot.mouseClick(view.buttons["terms"], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, TermsDialog) and not dialog.mass.isEnabled()  # handed over: the mass is fixed
    assert not dialog.ok_button.isEnabled() and "nothing changed" in dialog.message.text()
    new_due = date.today().replace(year=date.today().year + 1)
    dialog.due.setDate(new_due)
    assert "say why" in dialog.message.text()
    qtbot.keyClicks(dialog.reason, "instrument repair delayed the analyses")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter never records
    assert not closed(dialog) and "extended" in dialog.message.text()
    press_ok(qtbot, dialog)
    assert closed(dialog)
    row = next(row for row in allocation_rows(view.desk.db) if row.reference == late.reference)
    assert row.due_date == new_due and not row.overdue
    with view.desk.db.read() as session:
        event = session.execute(select(Event).order_by(Event.id.desc()).limit(1)).scalar_one()
    assert event.note == "instrument repair delayed the analyses"
    assert json.loads(event.details)["set"] == {"due_date": new_due.isoformat()}


def test_pi_purpose_and_mass_before_hand_over(view: AllocationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.select("CE6-2026-B11-01")
    dialog = view.edit_terms()
    assert isinstance(dialog, TermsDialog) and dialog.mass.isEnabled()
    dialog.pi.setCurrentText("Dr. Replacement")
    dialog.mass.clear()
    qtbot.keyClicks(dialog.mass, "200 mg")
    qtbot.keyClicks(dialog.reason, "PI moved; smaller request")
    press_ok(qtbot, dialog)
    row = next(row for row in allocation_rows(view.desk.db) if row.reference == "CE6-2026-B11-01")
    assert (row.pi, row.approved_ug) == ("Dr. Replacement", 200_000)
    assert view.selected().pi == "Dr. Replacement"


def test_a_technician_cannot_edit_terms(tech_desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(tech_desk, qtbot)
    view.select("CE6-2026-B11-01")
    assert not view.buttons["terms"].isEnabled()


def test_filters(view: AllocationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    every = _shown(view)
    filters = view.filters
    filters.overdue.setChecked(True)
    assert _shown(view) and all(row.overdue for row in view.rows if row.reference in _shown(view))
    assert len(_shown(view)) == sum(row.overdue for row in view.rows)
    filters.overdue.setChecked(False)
    filters.country.setCurrentIndex(filters.country.findData("JP"))
    assert {row.country for row in view.rows if row.reference in _shown(view)} == {"JP"}
    filters.country.setCurrentIndex(0)
    institution = view.rows[0].institution
    filters.institution.setCurrentIndex(filters.institution.findData(institution))
    assert sorted(_shown(view)) == sorted(row.reference for row in view.rows if row.institution == institution)
    filters.institution.setCurrentIndex(0)
    filters.mission.setCurrentIndex(filters.mission.findData("CE6"))
    assert {row.mission for row in view.rows if row.reference in _shown(view)} == {"CE6"}
    filters.mission.setCurrentIndex(0)
    filters.status.setCurrentIndex(filters.status.findData(AllocationStatus.REQUESTED))
    assert "CE6-2026-B11-01" in _shown(view)
    assert all(row.status == "requested" for row in view.rows if row.reference in _shown(view))
    filters.status.setCurrentIndex(filters.status.findData(LoanState.CLOSED))
    assert _shown(view) == ["CE5-2021-B1-03"]  # returned, and its paper said to be all its results
    assert view.model.index(0, COL_STATUS).data() == "closed"
    filters.status.setCurrentIndex(filters.status.findData(AllocationStatus.RETURNED))
    assert "CE5-2021-B1-03" not in _shown(view)
    filters.status.setCurrentIndex(0)
    qtbot.keyClicks(filters.text, "b11")
    assert _shown(view) == ["CE6-2026-B11-01"]
    filters.text.clear()
    assert sorted(_shown(view)) == sorted(every)
