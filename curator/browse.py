"""The containers browser's queries: the storage tree and samples below a node, filtered, sorted and
paged in SQL so that 100,000 samples stay quick to browse."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVarTuple

from sqlalchemy import Select, SQLColumnExpression, func, or_, select
from sqlalchemy.orm import QueryableAttribute, aliased

from curator.condition import conditions
from curator.occupancy import position_counts
from curator.placement import natural_key
from curator.rows import LocationNode, SampleRow
from curator.storage.db import Database
from curator.storage.models import Container, Event, Location, Mission, Sample
from curator.vocabulary import SampleStatus

_LAST = aliased(Event, name="last_event")
Columns = TypeVarTuple("Columns")

#: Sort keys the browser offers, and the column each sorts by (as a value, not as text).
SORT_KEYS: dict[str, QueryableAttribute[Any]] = {
    "number": Sample.number,
    "mission": Mission.code,
    "kind": Sample.kind,
    "mass": Sample.mass_ug,
    "barcode": Container.barcode,
    "location": Location.path,
    "status": Sample.status,
    "last_event": _LAST.occurred_at,
}


#: Sort keys whose column lives in a joined table.
_JOINED_SORTS = frozenset({"mission", "barcode", "location", "last_event"})


@dataclass(frozen=True)
class BrowseQuery:
    """Which samples to list: below ``location`` (a path; None for all), matching every word of ``text``."""

    location: str | None = None
    text: str = ""
    sort: str = "number"
    descending: bool = False


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filtered(query: Select[*Columns], browse: BrowseQuery, all_columns: bool = True) -> Select[*Columns]:
    """``query`` over samples with the joins it needs; a bare count skips those that cannot change it."""
    query = query.select_from(Sample)
    if all_columns:
        query = query.join(Mission, Sample.mission_id == Mission.id).outerjoin(
            _LAST, _LAST.id == Sample.last_event_id)
    if all_columns or browse.location:
        query = query.outerjoin(Container, Sample.container_id == Container.id).outerjoin(
            Location, Container.location_id == Location.id)
    if browse.location:
        query = query.where(or_(Location.path == browse.location,
                                Location.path.like(_escape_like(browse.location) + " / %", escape="\\")))
    for word in browse.text.lower().split():  # search_text is lower-cased (curator.search_index)
        query = query.where(Sample.search_text.like(f"%{_escape_like(word)}%", escape="\\"))
    return query


def count_samples(db: Database, browse: BrowseQuery) -> int:
    """How many samples the query lists."""
    with db.read() as session:
        return int(session.execute(_filtered(select(func.count(Sample.id)), browse, all_columns=False)).scalar_one())


def fetch_samples(db: Database, browse: BrowseQuery, offset: int, limit: int) -> list[SampleRow]:
    """One page of the listed samples, sorted by value in SQL.

    The page's ids are chosen first, by a query that needs no join when sorting by number (it reads
    only the index of numbers and search texts); the columns are then joined for those ids alone.
    """
    if browse.sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {browse.sort!r}")
    key = SORT_KEYS[browse.sort]
    order: list[SQLColumnExpression[Any]] = [key.desc() if browse.descending else key.asc()]
    if browse.sort != "number":  # numbers are unique; other keys need a tie-breaker for stable pages
        order.append(Sample.id.desc() if browse.descending else Sample.id)
    page = _filtered(select(Sample.id), browse, all_columns=browse.sort in _JOINED_SORTS)
    page = page.order_by(*order).offset(offset).limit(limit)
    query = _filtered(select(Sample.number, Mission.code, Sample.kind, Sample.mass_ug, Container.barcode,
                             Location.path, Sample.status, _LAST.kind, _LAST.occurred_at), BrowseQuery())
    query = query.where(Sample.id.in_(page)).order_by(*order)
    with db.read() as session:
        rows = session.execute(query.add_columns(Sample.id)).all()
        found = conditions(session, [row.id for row in rows])
        return [SampleRow(number, mission, kind, mass, barcode or "", path or "", SampleStatus(status), last or "", at,
                          found[sample_id].condition)
                for number, mission, kind, mass, barcode, path, status, last, at, sample_id in rows]


def location_children(db: Database, parent_path: str | None = None) -> list[LocationNode]:
    """The storage nodes in use directly inside ``parent_path`` (None: the facilities), in natural name
    order, each with its positions taken and all.

    One level at a time: a facility has thousands of positions, and nobody opens them all.
    """
    inner = aliased(Location)
    has_children = select(inner.id).where(inner.parent_id == Location.id, inner.retired.is_(False)).exists()
    query = select(Location.id, Location.path, Location.name, Location.kind, Location.atmosphere,
                   has_children).where(Location.retired.is_(False))
    if parent_path is None:
        query = query.where(Location.parent_id.is_(None))
    else:
        parent = select(Location.id).where(Location.path == parent_path).scalar_subquery()
        query = query.where(Location.parent_id == parent)
    with db.read() as session:
        rows = session.execute(query).all()
        counts = position_counts(session, [row.id for row in rows])
    nodes = [LocationNode(path, name, kind, atmosphere, bool(more), *counts.get(row_id, (0, 0)))
             for row_id, path, name, kind, atmosphere, more in rows]
    return sorted(nodes, key=lambda node: natural_key(node.name))


def free_positions(db: Database) -> list[str]:
    """Paths of the positions no container stands in, for the move dialog."""
    occupied = select(Container.location_id).where(Container.location_id.is_not(None))
    with db.read() as session:
        return list(session.execute(select(Location.path).where(
            Location.kind == "position", Location.retired.is_(False), Location.id.not_in(occupied))
            .order_by(Location.path)).scalars())
