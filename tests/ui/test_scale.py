"""The containers table at facility scale: 100,000 samples, paged from SQL (only a page is ever loaded).
How fast is measured by bench/bench_browse.py, not here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from bench.large_db import generate
from curator.storage.db import Database, open_database
from ui.models.samples_model import COL_MASS, PAGE_SIZE, SORT_ROLE, SamplesTableModel

SAMPLES = 100_000


@pytest.fixture(scope="module")
def large_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path: Path = tmp_path_factory.mktemp("scale") / "large.db"
    generate(path, samples=SAMPLES, containers=2_000, events=0, allocations=50)
    database = open_database(path)
    yield database
    database.dispose()


def test_a_hundred_thousand_samples_load_one_page_at_a_time(large_db: Database, qapp) -> None:  # type: ignore[no-untyped-def]
    model = SamplesTableModel(large_db)
    assert model.total == SAMPLES and model.rowCount() == PAGE_SIZE
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE
    model.sort(COL_MASS, Qt.SortOrder.DescendingOrder)
    masses = [model.index(row, COL_MASS).data(SORT_ROLE) for row in range(model.rowCount())]
    assert masses == sorted(masses, reverse=True) and model.rowCount() == PAGE_SIZE
    model.set_filter("BX-0012")
    assert 0 < model.total < SAMPLES
