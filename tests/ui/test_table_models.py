"""The table models on their own, without any view: paging, SQL filtering, sorting by value."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt

from curator import allocations
from curator.history import sample_history
from curator.loans import allocation_rows
from tests.ui.conftest import PRIMARY
from ui.models.allocations_model import COL_APPROVED, COL_REFERENCE, COL_STATUS, OVERDUE_COLOUR, AllocationsTableModel
from ui.models.history_model import COL_KIND, COL_VIA, HistoryTableModel
from ui.models.row_table import SORT_ROLE
from ui.models.samples_model import COL_LOCATION, COL_MASS, COL_NUMBER, SamplesTableModel
from ui.models.samples_model import COL_STATUS as SAMPLE_STATUS
from ui.models.samples_model import SORT_ROLE as SAMPLE_SORT


def _fetch_all(model: SamplesTableModel) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


def test_samples_model_fetches_in_pages(demo_db, qapp) -> None:  # type: ignore[no-untyped-def]
    model = SamplesTableModel(demo_db, page_size=50)
    assert model.total > 200
    assert model.rowCount() == 50
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 100
    _fetch_all(model)
    assert model.rowCount() == model.total
    assert not model.canFetchMore(QModelIndex())
    numbers = [model.index(row, COL_NUMBER).data() for row in range(model.rowCount())]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


def test_samples_model_filters_in_sql_over_every_column(demo_db, qapp) -> None:  # type: ignore[no-untyped-def]
    model = SamplesTableModel(demo_db, page_size=1000)
    everything = model.total
    model.set_filter("on loan")
    assert 0 < model.total < everything
    assert {model.index(row, SAMPLE_STATUS).data() for row in range(model.rowCount())} == {"on loan"}
    model.set_filter("lsl-00003")  # barcodes match whatever the case
    assert model.total == 1
    model.set_filter(f"{PRIMARY} cabinet")  # every word must match some column
    assert model.total >= 1
    assert all(model.index(row, COL_NUMBER).data().startswith(PRIMARY) for row in range(model.rowCount()))
    model.set_filter("no-such-thing-anywhere")
    assert model.total == 0 and model.rowCount() == 0


def test_samples_model_lists_the_samples_below_a_storage_node(demo_db, qapp) -> None:  # type: ignore[no-untyped-def]
    model = SamplesTableModel(demo_db, page_size=1000)
    model.set_filter("LSL-00003")
    path = model.row_at(0).location
    shelf = path.rsplit(" / ", 1)[0]
    model.set_filter("")
    model.set_location(shelf)
    assert 0 < model.total < 100
    assert all(model.row_at(row).location.startswith(shelf + " / ") for row in range(model.rowCount()))
    assert model.index(0, COL_LOCATION).data(Qt.ItemDataRole.ToolTipRole).startswith(shelf)


def test_samples_model_sorts_masses_as_values(demo_db, qapp) -> None:  # type: ignore[no-untyped-def]
    model = SamplesTableModel(demo_db, page_size=40)
    model.sort(COL_MASS, Qt.SortOrder.DescendingOrder)
    _fetch_all(model)
    masses = [model.index(row, COL_MASS).data(SAMPLE_SORT) for row in range(model.rowCount())]
    assert masses == sorted(masses, reverse=True)
    assert model.index(0, COL_MASS).data().endswith(" g")  # the largest primary reads in grams
    model.sort(COL_MASS, Qt.SortOrder.AscendingOrder)
    assert model.index(0, COL_MASS).data(SAMPLE_SORT) == min(masses)


def test_samples_model_reloads_after_a_recorded_event(demo_db, qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    from curator import inventory

    model = SamplesTableModel(demo_db)
    model.set_filter(PRIMARY)
    before = model.total
    with qtbot.waitSignal(model.counted):
        inventory.split(demo_db, "Li Wei", PRIMARY, [inventory.ChildSpec(1000)])
        model.reload()
    assert model.total == before + 1


def test_history_model_marks_container_events(demo_db, qapp) -> None:  # type: ignore[no-untyped-def]
    model = HistoryTableModel()
    model.set_rows(sample_history(demo_db, PRIMARY))
    kinds = [model.index(row, COL_KIND).data() for row in range(model.rowCount())]
    assert kinds[0] == "received" and "split" in kinds and "sealed" in kinds
    sealed = kinds.index("sealed")
    assert model.index(sealed, COL_VIA).data() == "LSL-00003"  # recorded on the jar, shown for the sample
    assert model.index(sealed, COL_VIA).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert isinstance(model.index(0, 0).data(SORT_ROLE), int)


def test_allocations_model_highlights_overdue_and_lists_it_first(demo_db, qapp) -> None:  # type: ignore[no-untyped-def]
    model = AllocationsTableModel()
    model.set_rows(allocation_rows(demo_db, today=date(2026, 11, 25)))
    late = [row for row in range(model.rowCount()) if model.row_at(row).overdue]
    assert late, "the demo has an overdue loan"
    assert model.index(late[0], COL_STATUS).data() == "OVERDUE"
    assert model.index(late[0], COL_REFERENCE).data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_COLOUR
    model.sort(COL_APPROVED, Qt.SortOrder.DescendingOrder)
    approved = [model.index(row, COL_APPROVED).data(SORT_ROLE) for row in range(model.rowCount())]
    assert approved == sorted(approved, reverse=True)
    model.set_overdue_first(True)
    model.sort(COL_REFERENCE, Qt.SortOrder.AscendingOrder)
    assert model.index(0, COL_STATUS).data() == "OVERDUE"
    references = [model.row_at(row).reference for row in range(1, model.rowCount())]
    assert references == sorted(references)  # the chosen order holds after the overdue ones
    model.set_rows(allocation_rows(demo_db, today=date(2026, 11, 25)))  # a reload keeps the order
    assert model.index(0, COL_STATUS).data() == "OVERDUE"


def test_allocation_rows_sum_masses_per_state(demo_db) -> None:  # type: ignore[no-untyped-def]
    rows = {row.reference: row for row in allocation_rows(demo_db)}
    returned = rows["CE5-2022-B4-02"]
    assert returned.status == "returned"
    assert returned.handed_over_ug == returned.returned_ug + returned.consumed_ug and returned.on_loan_ug == 0
    allocations.approve(demo_db, "Chen Jing", "CE6-2026-B11-01")
    assert {row.reference: row for row in allocation_rows(demo_db)}["CE6-2026-B11-01"].status == "approved"
