"""Who and what the desk can pick from: operators (and signing in), institutions, missions, and
what a scanned code names."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.errors import NotFoundError, Refusal
from curator.lookup import find_scanned
from curator.occupancy import position_counts
from curator.operators import UNNAMED_SIGNER, WrongPin, check_pin, find_operator, locked_until, unlock_operator
from curator.permissions import OperatorAction, require_operator_action
from curator.pins import pin_matches
from curator.placement import next_free_position
from curator.rows import OperatorRow, ScanTarget
from curator.storage.db import Database
from curator.storage.models import Container, Institution, Location, Mission, Operator, Sample
from curator.vocabulary import LocationKind


def list_operators(db: Database) -> list[OperatorRow]:
    """Active operators who can sign in, by name (not the unattended signer of genesis facts)."""
    with db.read() as session:
        operators = session.execute(select(Operator).where(Operator.active.is_(True), Operator.name != UNNAMED_SIGNER)
                                    .order_by(Operator.name))
        return [OperatorRow(row.name, row.role, locked_until(row)) for row in operators.scalars()]


def sign_in(db: Database, name: str, pin: str) -> OperatorRow:
    """The operator ``name`` if ``pin`` is theirs. A wrong PIN is counted (and five in a row lock the
    operator) even though the sign-in is refused."""
    with db.read() as session:  # the usual case writes nothing, so a read-only database can be signed in to
        operator = find_operator(session, name)
        if (operator.pin_hash and not operator.failed_pins and locked_until(operator) is None
                and pin_matches(pin, operator.pin_hash)):
            return OperatorRow(operator.name, operator.role)
    refused: WrongPin | None = None
    with db.write() as session:
        try:
            operator = check_pin(session, name, pin)
            row = OperatorRow(operator.name, operator.role)
        except WrongPin as exc:
            refused = exc  # the counted attempt commits with this block
    if refused is not None:
        raise refused
    return row


def unlock(db: Database, admin_name: str, admin_pin: str, name: str) -> OperatorRow:
    """An admin, proving who they are with their PIN, lifts the lock that wrong PINs put on ``name`` (an
    event signed by the admin). A wrong admin PIN is counted like any other."""
    sign_in(db, admin_name, admin_pin)
    with db.write() as session:
        admin = find_operator(session, admin_name)
        require_operator_action(admin, OperatorAction.UNLOCK, name)
        operator = unlock_operator(session, admin, name)
        return OperatorRow(operator.name, operator.role)


def list_institutions(db: Database) -> list[tuple[str, str]]:
    """(name, country code) of every institution, by name."""
    with db.read() as session:
        return [(name, country) for name, country in
                session.execute(select(Institution.name, Institution.country).order_by(Institution.name))]


def list_missions(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.execute(select(Mission.code).order_by(Mission.code)).scalars())


def identify(db: Database, code: str) -> ScanTarget:
    """What a scanned or typed code names (NotFoundError when nothing has it)."""
    with db.read() as session:
        found = find_scanned(session, code)
        if isinstance(found, Location):
            return _location_target(session, found)
        if isinstance(found, Container):
            return ScanTarget("container", found.barcode, _numbers_in(session, found), found.kind,
                              found.location.path if found.location else "")
        return ScanTarget("sample", found.number, (found.number,))


def _numbers_in(session: Session, container: Container) -> tuple[str, ...]:
    return tuple(session.execute(select(Sample.number).where(Sample.container_id == container.id)
                                 .order_by(Sample.number)).scalars())


def _location_target(session: Session, location: Location) -> ScanTarget:
    """A scanned location: a position says what stands in it; any other location how full it is."""
    taken, positions = position_counts(session, [location.id]).get(location.id, (0, 0))
    if location.kind == LocationKind.POSITION:
        holder = session.execute(select(Container).where(Container.location_id == location.id)).scalar_one_or_none()
        numbers = _numbers_in(session, holder) if holder else ()
        return ScanTarget("location", location.path, numbers, location.kind, holder.barcode if holder else "",
                          taken, positions)
    free = next_free_position(session, location)
    return ScanTarget("location", location.path, (), location.kind, "", taken, positions, free.path if free else "")


def sample_number_for(db: Database, code: str) -> str:
    """The sample a scanned code names: its number, or the one sample in a scanned container."""
    target = identify(db, code)
    if target.kind == "sample" or len(target.numbers) == 1:
        return target.numbers[0]
    what = "location" if target.kind == "location" else "container"
    if not target.numbers:
        raise NotFoundError(f"{what} {target.code} holds no sample", code=Refusal.HOLDS_NO_SAMPLE,
                            params={"what": what, "code": target.code})
    raise NotFoundError(f"{what} {target.code} holds {len(target.numbers)} samples: scan the sample itself",
                        code=Refusal.HOLDS_MANY,
                        params={"what": what, "code": target.code, "count": len(target.numbers)})
