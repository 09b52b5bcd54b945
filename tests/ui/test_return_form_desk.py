"""The return dialog asks for the mass back, the mass consumed and the treatment of each split; the desk
prints the loan's return form."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from curator.loan_returns import return_form
from curator.loans import allocation_items
from tests.ui.conftest import press_ok
from tests.ui.pdf_checks import pdf_text
from ui.dialogs.allocation_dialogs import ReturnDialog
from ui.views.allocations_view import AllocationsView


@pytest.fixture
def view(desk, qtbot) -> AllocationsView:  # type: ignore[no-untyped-def]
    widget = AllocationsView(desk)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_return_with_consumed_mass_and_treatment(view: AllocationsView, qtbot, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    reference = "CE5-INT-2025-02"
    first = allocation_items(view.desk.db, reference)[0]
    view.select(reference)
    dialog = view.record_return()
    assert isinstance(dialog, ReturnDialog)
    qtbot.keyClicks(dialog.scan.edit, first.number)
    qtbot.keyClick(dialog.scan.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.mass, "100 mg")
    qtbot.keyClicks(dialog.consumed, "1 mg")
    assert not dialog.ok_button.isEnabled() and "must add up" in dialog.message.text()
    dialog.consumed.clear()
    qtbot.keyClicks(dialog.consumed, f"{first.mass_ug - 100_000} ug")
    dialog.treatment.boxes["coated"].setChecked(True)
    dialog.treatment.boxes["none"].setChecked(True)  # "none" clears the others
    assert dialog.treatment.chosen() == ["none"]
    dialog.treatment.boxes["contaminated"].setChecked(True)
    assert dialog.treatment.chosen() == ["contaminated"]
    press_ok(qtbot, dialog)
    line = return_form(view.desk.db, reference).lines[0]
    assert (line.back_ug, line.consumed_ug, line.treatment) == (100_000, first.mass_ug - 100_000, ("contaminated",))
    view.select(reference)
    target = tmp_path / "form.pdf"
    monkeypatch.setattr("ui.views.due_panel.ask_save_path", lambda *args, **kwargs: str(target))
    assert view.due_panel.save_return_form() == str(target)
    assert "contaminated 污染" in pdf_text(target)


def test_results_recorded_at_the_desk(view: AllocationsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    from curator.loan_results import loan_results
    from ui.dialogs.results_dialog import ResultsDialog

    view.select("CE5-2022-B4-02")
    dialog = view.due_panel.results()
    assert isinstance(dialog, ResultsDialog) and not dialog.ok_button.isEnabled()
    assert "stays open" in dialog.state.text()
    qtbot.keyClicks(dialog.doi, "10.12/x")
    assert "not a DOI" in dialog.message.text()
    dialog.doi.clear()
    qtbot.keyClicks(dialog.doi, "https://doi.org/10.5281/zenodo.1234")
    dialog.kind.setCurrentIndex(dialog.kind.findData("dataset"))
    dialog.complete.setChecked(True)
    press_ok(qtbot, dialog)
    results = loan_results(view.desk.db, "CE5-2022-B4-02")
    assert [(r.kind, r.doi) for r in results.results] == [("dataset", "10.5281/zenodo.1234")] and results.complete
    view.select("CE5-2022-B4-02")
    assert "is closed" in view.due_panel.results().state.text()
