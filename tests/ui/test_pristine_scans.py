"""Issue 14 part 5 at the desk: a loan that asks for pristine material says so in its hand-over and prepare
dialogs, and a scanned split that is not pristine is refused at the scan, naming its condition."""

from __future__ import annotations

from curator import allocations
from curator.condition import condition_of
from curator.demo import FACILITY
from curator.occupancy import list_locations
from ui.dialogs.allocation_dialogs import HandOverDialog
from ui.dialogs.scan_session_dialogs import PrepareDialog

EXPOSED_CABINET = f"{FACILITY} / Storage room 1 / Nitrogen cabinet N2"  # the demo's past nitrogen excursion
PRISTINE_CABINET = f"{FACILITY} / Storage room 1 / Nitrogen cabinet N1"


def _first_sample(desk, cabinet: str, condition: str) -> str:  # type: ignore[no-untyped-def]
    numbers = [number for entry in list_locations(desk.db, cabinet) for number in entry.samples
               if number.startswith("CE5")]
    return next(number for number in numbers if condition_of(desk.db, number).condition == condition)


def test_a_pristine_loan_refuses_an_exposed_split_at_the_scan(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    allocations.create(desk.db, "Chen Jing", "CE5-PRISTINE-01", "Osaka University", "CE5", "A. Tanaka", 5_000_000,
                       purpose="noble gases", pristine_only=True)
    allocations.approve(desk.db, "Chen Jing", "CE5-PRISTINE-01")
    exposed = _first_sample(desk, EXPOSED_CABINET, "exposed")
    pristine = _first_sample(desk, PRISTINE_CABINET, "pristine")
    for make in (HandOverDialog, PrepareDialog):
        dialog = make(desk, "CE5-PRISTINE-01")
        qtbot.addWidget(dialog)
        dialog.show()
        fields = [dialog.form.itemAt(row, dialog.form.ItemRole.FieldRole) for row in range(dialog.form.rowCount())]
        assert "pristine samples only" in [getattr(field.widget(), "text", str)() for field in fields if field]
        refusal = dialog.take(exposed)
        assert refusal.startswith(f"allocation CE5-PRISTINE-01 asks for pristine material; {exposed} is exposed")
        assert dialog.take(pristine) == ""
        dialog.close()


def test_the_allocations_view_says_the_loan_wants_pristine_material_and_each_split_s_condition(desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.views.allocations_view import AllocationsView

    allocations.create(desk.db, "Chen Jing", "CE5-PRISTINE-02", "Osaka University", "CE5", "A. Tanaka", 5_000_000,
                       pristine_only=True)
    allocations.approve(desk.db, "Chen Jing", "CE5-PRISTINE-02")
    pristine = _first_sample(desk, PRISTINE_CABINET, "pristine")
    allocations.prepare(desk.db, "Li Wei", "CE5-PRISTINE-02", [pristine])
    view = AllocationsView(desk)
    qtbot.addWidget(view)
    view.show()  # the loans load when the view is first shown
    view.select("CE5-PRISTINE-02")
    assert view.summary.text().endswith("; pristine samples only")
    assert view.items.count() == 1 and view.items.item(0).text().startswith(pristine)
    assert "prepared · pristine" in view.items.item(0).text()
