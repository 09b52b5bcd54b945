"""Country names in the desk's tables speak the desk's language, as the charts do (中国（澳门）on a Chinese
desk); the ISO code stays the data the filters and exports use."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from curator.loan_filter import LoanFilter
from curator.loans import allocation_rows
from curator.storage.db import Database
from ui.dialogs.borrowers_dialog import BorrowersDialog
from ui.models.allocations_model import COL_COUNTRY, AllocationsTableModel


@pytest.fixture
def chinese_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    yield
    QLocale.setDefault(before)


def _countries(demo_db: Database) -> dict[str, str]:
    model = AllocationsTableModel()
    rows = allocation_rows(demo_db)
    model.set_rows(rows)
    return {row.country: model.display(row, COL_COUNTRY) for row in rows}


def test_the_allocations_table_names_countries_in_chinese_on_a_chinese_desk(chinese_locale, demo_db) -> None:  # type: ignore[no-untyped-def]
    shown = _countries(demo_db)
    assert shown["MO"] == "中国（澳门）" and shown["CN"] == "中国"
    assert not any(name.isascii() for name in shown.values())


def test_the_english_desk_keeps_english_names(demo_db: Database) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    try:
        assert _countries(demo_db)["MO"] == "China (Macao)"
    finally:
        QLocale.setDefault(before)


def test_the_borrowers_list_names_countries_in_chinese_with_the_code(chinese_locale, desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = BorrowersDialog(desk)
    qtbot.addWidget(dialog)
    countries = [dialog.tree.topLevelItem(i).text(1) for i in range(dialog.tree.topLevelItemCount())]
    assert "法国 (FR)" in countries and not any("France" in country for country in countries)


def test_the_text_filter_finds_a_country_by_its_chinese_name(demo_db: Database) -> None:
    rows = allocation_rows(demo_db)
    assert {row.country for row in rows if LoanFilter(text="澳门").matches(row)} == {"MO"}
