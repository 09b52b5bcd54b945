"""What storage holds, read for people: every location below a node with what it holds (`curator
location list`), positions taken per node (the storage tree's "17/24"), and the storage map of a
shelf, rack or cabinet."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from curator.condition import conditions
from curator.errors import NotFoundError
from curator.lookup import get_container
from curator.placement import (
    below,
    find_location,
    free_position_near,
    grid_of,
    natural_key,
    next_free_position,
    position_order,
)
from curator.rows import LocationEntry, MapCell, StorageMap
from curator.storage.db import Database
from curator.storage.models import Container, Location, Sample
from curator.vocabulary import LocationKind, SampleStatus

#: Positions per row when a holder without a grid is drawn.
UNGRIDDED_COLUMNS = 6


def position_counts(session: Session, location_ids: Collection[int]) -> dict[int, tuple[int, int]]:
    """(taken, all) positions at or below each of ``location_ids`` (retired positions left out)."""
    if not location_ids:
        return {}
    node, position = aliased(Location), aliased(Location)
    inside = and_(position.kind == LocationKind.POSITION, position.retired.is_(False),
                  (position.id == node.id) | (func.substr(position.path, 1, func.length(node.path) + 3)
                                              == node.path + " / "))
    query = (select(node.id, func.count(position.id), func.count(Container.id))
             .join(position, inside).outerjoin(Container, Container.location_id == position.id)
             .where(node.id.in_(location_ids)).group_by(node.id))
    return {node_id: (int(taken), int(total)) for node_id, total, taken in session.execute(query)}


def _contents(session: Session, position_ids: Collection[int]) -> dict[int, tuple[Container, list[Sample]]]:
    """The container standing in each position (by position id) and the samples in it."""
    containers = list(session.execute(select(Container).where(Container.location_id.in_(position_ids))).scalars())
    samples: dict[int, list[Sample]] = defaultdict(list)
    for sample in session.execute(select(Sample).where(Sample.container_id.in_([c.id for c in containers]))
                                  .order_by(Sample.number)).scalars():
        samples[sample.container_id or 0].append(sample)
    return {c.location_id: (c, samples[c.id]) for c in containers if c.location_id is not None}


def list_locations(db: Database, parent: str | None = None) -> list[LocationEntry]:
    """Every location in use below ``parent`` (a path or barcode; None: all), positions included, in
    tree order (positions in grid order), each with what it holds."""
    with db.read() as session:
        query = select(Location).where(Location.retired.is_(False))
        root = find_location(session, parent) if parent else None
        if root is not None:
            query = query.where(below(root.path))
        rows = list(session.execute(query).scalars())
        by_id = {row.id: row for row in rows}
        if root is not None:
            by_id[root.id] = root
        children: dict[int | None, list[Location]] = defaultdict(list)
        for row in rows:
            children[row.parent_id if row.parent_id in by_id else None].append(row)
        contents = _contents(session, [row.id for row in rows if row.kind == LocationKind.POSITION])
        counts = position_counts(session, [row.id for row in rows if row.kind != LocationKind.POSITION])
        ordered: list[Location] = []

        def walk(parent_id: int | None) -> None:
            holder = by_id.get(parent_id) if parent_id is not None else None

            def order(row: Location) -> tuple[object, ...]:
                first = position_order(holder, row) if row.kind == LocationKind.POSITION else (2,)
                return (first, natural_key(row.name))

            for row in sorted(children.get(parent_id, []), key=order):
                ordered.append(row)
                walk(row.id)

        walk(root.id if root is not None else None)
        return [_entry(row, contents.get(row.id), counts.get(row.id, (0, 0))) for row in ordered]


def _entry(row: Location, content: tuple[Container, list[Sample]] | None, counts: tuple[int, int]) -> LocationEntry:
    grid = grid_of(row)
    container, samples = content if content else (None, [])
    if row.kind == LocationKind.POSITION:
        counts = (1 if container else 0, 1)
    return LocationEntry(row.path, row.name, row.kind, row.barcode or "", row.atmosphere,
                         grid.text() if grid else "", container.barcode if container else "",
                         container.kind if container else "", tuple(s.number for s in samples), *counts)


def storage_map(db: Database, code: str) -> StorageMap:
    """A shelf, rack or cabinet (by path or barcode) as the storage map shows it: its positions in their
    grid cells with what each holds, the locations inside it with their occupancy, and the next free
    position at or below it."""
    with db.read() as session:
        holder = find_location(session, code)
        positions = list(session.execute(select(Location).where(
            Location.parent_id == holder.id, Location.kind == LocationKind.POSITION,
            Location.retired.is_(False))).scalars())
        positions.sort(key=lambda position: position_order(holder, position))
        contents = _contents(session, [position.id for position in positions])
        condition = conditions(session, [sample.id for _container, samples in contents.values() for sample in samples])
        grid = grid_of(holder)
        cells, spare = [], 0
        for position in positions:
            cell = grid.cell(position.name) if grid else None
            if cell is None:  # outside any grid: drawn after it, row by row
                cell = divmod((grid.size if grid else 0) + spare, grid.columns if grid else UNGRIDDED_COLUMNS)
                spare += 1
            container, samples = contents.get(position.id, (None, []))
            cells.append(MapCell(position.name, position.path, cell[0], cell[1],
                                 container.barcode if container else "", container.kind if container else "",
                                 tuple((s.number, s.mass_ug, SampleStatus(s.status)) for s in samples),
                                 tuple(condition[s.id].condition for s in samples)))
        columns = grid.columns if grid else min(UNGRIDDED_COLUMNS, len(cells)) or UNGRIDDED_COLUMNS
        rows = max((cell.row or 0) + 1 for cell in cells) if cells else 0
        others = list(session.execute(select(Location).where(
            Location.parent_id == holder.id, Location.kind != LocationKind.POSITION,
            Location.retired.is_(False))).scalars())
        others.sort(key=lambda row: natural_key(row.name))
        counts = position_counts(session, [row.id for row in others])
        inside = tuple(_entry(row, None, counts.get(row.id, (0, 0))) for row in others)
        free = next_free_position(session, holder) if holder.kind != LocationKind.POSITION else None
        return StorageMap(holder.path, holder.kind, rows, columns, tuple(cells), inside, free.path if free else "")


def next_free(db: Database, code: str) -> str | None:
    """The path of the next free position at or below a location (path or barcode), or None."""
    with db.read() as session:
        free = next_free_position(session, find_location(session, code))
        return free.path if free else None


def nearest_free(db: Database, barcode: str) -> str | None:
    """The path of the free position nearest where the container ``barcode`` stands (None: none, or it
    stands nowhere): where a container moved "next door" goes."""
    with db.read() as session:
        container = get_container(session, barcode)
        free = free_position_near(session, container.location)
        return free.path if free else None


def label_codes(db: Database, code: str) -> list[str]:
    """What labels a location's contents: its own barcode, then every location below it (positions in grid
    order), each followed by the barcode of the container standing in it (a location without a barcode by
    its path)."""
    with db.read() as session:
        root = find_location(session, code)
        codes = [root.barcode or root.path]
        container = session.execute(select(Container.barcode).where(Container.location_id == root.id)).scalar()
    if container:
        codes.append(container)
    for entry in list_locations(db, code):
        codes.append(entry.barcode or entry.path)
        if entry.container:
            codes.append(entry.container)
    return codes


def with_contents(db: Database, codes: list[str]) -> list[str]:
    """``codes`` with each location's replaced by the label codes of its contents (``label_codes``); a
    sample number or container barcode stays as it is."""
    expanded: list[str] = []
    for code in codes:
        try:
            expanded += label_codes(db, code)
        except NotFoundError:
            expanded.append(code)
    return expanded
