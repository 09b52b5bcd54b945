"""Dates in the desk's locale format (QLocale), masses in one format in every language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale

from curator.history import sample_history
from curator.loans import allocation_rows
from tests.ui.conftest import PRIMARY
from ui.models.allocations_model import COL_APPROVED, COL_DUE, AllocationsTableModel
from ui.models.history_model import COL_MASS, COL_WHEN, HistoryTableModel
from ui.models.row_table import SORT_ROLE
from ui.text import date_format, day, local_time


def column(model, col: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(row, col).data() for row in range(model.rowCount())]


@pytest.fixture
def desk_locale() -> Iterator[None]:
    """Each test sets the desk's locale as ui.app does (QLocale.setDefault); the old one comes back."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.mark.parametrize(("name", "expected"), [("zh_CN", "2026/11/27"), ("en_US", "11/27/2026"),
                                                ("en_GB", "27/11/2026"), ("de_DE", "27.11.2026"),
                                                ("C", "2026-11-27")])
def test_a_day_reads_as_the_locale_writes_it_with_the_year_in_full(desk_locale: None, name: str,
                                                                    expected: str) -> None:
    QLocale.setDefault(QLocale(name))
    assert day(date(2026, 11, 27)) == expected
    assert "yyyy" in date_format()


def test_times_are_local_in_the_locale_format(desk_locale: None) -> None:
    moment = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    local = moment.astimezone()
    QLocale.setDefault(QLocale("zh_CN"))
    assert local_time(moment).startswith(f"{local.year}/{local.month}/{local.day} ")
    assert local_time(moment).endswith(f"{local.hour:02d}:{local.minute:02d}")
    QLocale.setDefault(QLocale("C"))
    assert local_time(moment) == local.strftime("%Y-%m-%d %H:%M")
    assert local_time(None) == ""


def test_views_show_dates_in_the_desks_format_and_masses_alike_in_every_language(  # type: ignore[no-untyped-def]
        desk_locale: None, demo_db, qapp) -> None:
    shown: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {}
    for name in ("zh_CN", "en_US"):
        QLocale.setDefault(QLocale(name))
        loans, history = AllocationsTableModel(), HistoryTableModel()
        loans.set_rows(allocation_rows(demo_db, today=date(2026, 11, 25)))
        history.set_rows(sample_history(demo_db, PRIMARY))
        shown[name] = (column(loans, COL_DUE), column(loans, COL_APPROVED), column(history, COL_WHEN),
                       column(history, COL_MASS))
        sort_keys = [loans.index(row, COL_DUE).data(SORT_ROLE) for row in range(loans.rowCount())]
        assert all(isinstance(key, str) and (key == "9999" or key[4] == "-") for key in sort_keys)  # sorts as dates
    chinese_due = [text for text in shown["zh_CN"][0] if text]
    english_due = [text for text in shown["en_US"][0] if text]
    assert chinese_due and all(QLocale("zh_CN").toDate(text, "yyyy/M/d").isValid() for text in chinese_due)
    assert all(QLocale("en_US").toDate(text, "M/d/yyyy").isValid() for text in english_due)
    assert shown["zh_CN"][2][0] != shown["en_US"][2][0]  # the history's times too
    assert shown["zh_CN"][1] == shown["en_US"][1] and shown["zh_CN"][3] == shown["en_US"][3]  # masses alike
