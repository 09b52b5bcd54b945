"""SQLAlchemy 2 typed ORM classes: the database schema of Curator.

Masses are integer micrograms (columns named ``*_ug``). Times are stored as naive UTC and read back
as timezone-aware UTC (see UTCDateTime), so SQLite and PostgreSQL behave the same.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from curator.vocabulary import AllocationItemStatus, SampleStatus


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given: Curator stores timezone-aware UTC times only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class Mission(Base):
    __tablename__ = "missions"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    landing_site: Mapped[str] = mapped_column(String(200), default="")
    return_date: Mapped[date | None] = mapped_column(Date)
    returned_mass_ug: Mapped[int] = mapped_column(BigInteger)


class Location(Base):
    """A node of the storage tree: facility > room > cabinet > shelf > position."""

    __tablename__ = "locations"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    #: Full path of names joined by " / ", unique: how people and the CLI name a location.
    path: Mapped[str] = mapped_column(String(500), unique=True)
    atmosphere: Mapped[str] = mapped_column(String(32), default="")
    #: What its label's code holds; scanned to find the location (shares the namespace of sample numbers).
    barcode: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)
    #: The grid of positions it holds (rows x columns) and how they are named (GridNaming); None: no grid.
    grid_rows: Mapped[int | None] = mapped_column(Integer)
    grid_columns: Mapped[int | None] = mapped_column(Integer)
    grid_naming: Mapped[str] = mapped_column(String(8), default="")
    #: A retired location stays in history but holds nothing new and leaves the storage tree.
    retired: Mapped[bool] = mapped_column(default=False)


class Container(Base):
    __tablename__ = "containers"
    id: Mapped[int] = mapped_column(primary_key=True)
    barcode: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    #: The position it stands in; unique so a position never holds two containers. NULL while away.
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"), unique=True)
    sealed: Mapped[bool] = mapped_column(default=True)
    #: A retired container (empty, taken out of use) stays in history but holds nothing new.
    retired: Mapped[bool] = mapped_column(default=False)
    location: Mapped[Location | None] = relationship()


class Sample(Base):
    __tablename__ = "samples"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    mission_id: Mapped[int] = mapped_column(ForeignKey("missions.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("samples.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    sampling: Mapped[str] = mapped_column(String(16), default="")
    container_id: Mapped[int | None] = mapped_column(ForeignKey("containers.id"), index=True)
    #: Current mass, kept equal to the mass of the last mass event of this sample (verify checks it).
    mass_ug: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16), default=SampleStatus.IN_STORE.value, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_event_id: Mapped[int | None] = mapped_column(Integer)
    #: Lower-cased text of every column the Containers view shows, for filter-as-you-type (search_index.py).
    search_text: Mapped[str] = mapped_column(Text, default="")
    mission: Mapped[Mission] = relationship()
    container: Mapped[Container | None] = relationship()
    parent: Mapped[Sample | None] = relationship(remote_side=[id])

    #: Filter-as-you-type reads only this index: rows in number order with their search text.
    __table_args__ = (Index("ix_samples_number_search", "number", "search_text"),)


class ContainerStay(Base):
    """A sample's time in a container, as a range of event ids, so container events reach samples."""

    __tablename__ = "container_stays"
    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("samples.id"), index=True)
    container_id: Mapped[int] = mapped_column(ForeignKey("containers.id"), index=True)
    from_event_id: Mapped[int] = mapped_column(Integer)
    until_event_id: Mapped[int | None] = mapped_column(Integer)


class Operator(Base):
    __tablename__ = "operators"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    #: "scrypt$n$r$p$salt$hash" (hex), or "" for an operator without a PIN.
    pin_hash: Mapped[str] = mapped_column(String(255), default="")
    active: Mapped[bool] = mapped_column(default=True)
    #: Wrong PINs in a row; the fifth sets ``locked_until`` (see curator/operators.py).
    failed_pins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Institution(Base):
    __tablename__ = "institutions"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    country: Mapped[str] = mapped_column(String(2), index=True)
    city: Mapped[str] = mapped_column(String(100), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")


class Investigator(Base):
    """A principal investigator at a borrowing institution (an allocation names its PI by name)."""

    __tablename__ = "investigators"
    __table_args__ = (UniqueConstraint("institution_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    institution_id: Mapped[int] = mapped_column(ForeignKey("institutions.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(200), default="")


class Allocation(Base):
    """A loan of mass to an institution, from approval to return, consumption or cancellation."""

    __tablename__ = "allocations"
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    institution_id: Mapped[int] = mapped_column(ForeignKey("institutions.id"), index=True)
    mission_id: Mapped[int] = mapped_column(ForeignKey("missions.id"), index=True)
    pi: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(Text, default="")
    approved_mass_ug: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16), index=True)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    handed_over_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_date: Mapped[date | None] = mapped_column(Date)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    #: Only pristine samples may be handed over (curator/condition.py).
    pristine_only: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    institution: Mapped[Institution] = relationship()
    mission: Mapped[Mission] = relationship()
    items: Mapped[list[AllocationItem]] = relationship(back_populates="allocation")

    __mapper_args__ = {"version_id_col": version}


class AllocationItem(Base):
    """One split prepared for, handed over in, and later returned or consumed from an allocation."""

    __tablename__ = "allocation_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    allocation_id: Mapped[int] = mapped_column(ForeignKey("allocations.id"), index=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("samples.id"), index=True)
    mass_ug: Mapped[int] = mapped_column(BigInteger)
    returned_mass_ug: Mapped[int] = mapped_column(BigInteger, default=0)
    consumed_mass_ug: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[str] = mapped_column(String(16), default=AllocationItemStatus.PREPARED.value)
    allocation: Mapped[Allocation] = relationship(back_populates="items")
    sample: Mapped[Sample] = relationship()


class Event(Base):
    """One append-only step of the chain of custody, linked to the previous one by its hash."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("samples.id"))
    container_id: Mapped[int | None] = mapped_column(ForeignKey("containers.id"))
    allocation_id: Mapped[int | None] = mapped_column(ForeignKey("allocations.id"))
    #: The sample's mass after this event, for events that set it; NULL otherwise.
    mass_ug: Mapped[int | None] = mapped_column(BigInteger)
    from_location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    to_location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    corrects_event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    #: Canonical JSON with kind-specific facts (split children, expected mass, atmosphere...).
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_events_sample_id_id", "sample_id", "id"),
        Index("ix_events_container_id_id", "container_id", "id"),
        Index("ix_events_allocation_id", "allocation_id"),
    )


class Photo(Base):
    """An image attached to events, named by the SHA-256 of its bytes (which the events' content carries).

    ``data`` holds the bytes, or is NULL when they are kept in the facility's photo folder instead.
    """

    __tablename__ = "photos"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    media_type: Mapped[str] = mapped_column(String(32))
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes | None] = mapped_column(LargeBinary)


class ChainHead(Base):
    """The single row naming the last event; writers lock it so the chain never forks."""

    __tablename__ = "chain_head"
    id: Mapped[int] = mapped_column(primary_key=True)
    last_event_id: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))



class DatabaseIdentity(Base):
    """Which database this is (one row): a UUID made when it is created (or upgraded to schema 0004).

    Backup names carry it, so two desks' files both called curator.db never clash in one backup folder,
    and a restore tells a backup of this database from another one. The chain's first event states it
    (curator.events.append_event), so verify proves it like a directory row.
    """

    __tablename__ = "database_identity"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

def _check_text(_mapper: object, _connection: object, target: Base) -> None:
    """Refuse a text longer than its column, or holding a NUL character, on every backend alike.

    SQLite would store either and PostgreSQL would refuse it with a low-level error; both now say
    which field is wrong before anything is written.
    """
    from curator.errors import Refusal, ValidationError

    for column in target.__table__.columns:
        value = target.__dict__.get(column.key)  # loaded values only: never a load inside a flush
        if not isinstance(value, str):
            continue
        name = column.name.replace("_", " ")
        limit = getattr(column.type, "length", None)
        if limit and len(value) > limit:
            raise ValidationError(f"{name} is limited to {limit} characters ({len(value)} given): {value[:40]}...",
                                  code=Refusal.TOO_LONG, params={"what": name, "limit": limit})
        if "\x00" in value:
            raise ValidationError(f"{name} contains a NUL character (\\x00), which cannot be stored",
                                  code=Refusal.NUL_CHARACTER, params={"what": name})


event.listen(Base, "before_insert", _check_text, propagate=True)
event.listen(Base, "before_update", _check_text, propagate=True)
