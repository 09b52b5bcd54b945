"""Operators who sign events, their roles and their PINs.

Operators are directory facts: every change of a row (added, retired, PIN set, a wrong PIN counted,
locked, unlocked) is made with `curator.facts` and so carries its content in an event.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from curator.errors import NotFoundError, PermissionDenied, Refusal, ValidationError
from curator.events import utcnow
from curator.facts import amend, register
from curator.identifiers import clean_operator_name, lookup_key
from curator.pins import check_pin_policy, hash_pin, pin_matches
from curator.storage.models import Operator
from curator.vocabulary import Role, choices

#: Wrong PINs in a row that lock an operator, and for how long.
MAX_WRONG_PINS = 5
LOCK_TIME = timedelta(minutes=5)


class WrongPin(PermissionDenied):
    """A wrong PIN. The attempt was counted in the session: commit it before reporting the refusal."""


def find_operator(session: Session, name: str) -> Operator:
    """The active operator called ``name``; retired operators cannot sign new events."""
    operator = session.execute(select(Operator).where(Operator.name == lookup_key(name))).scalar_one_or_none()
    if operator is None:
        raise NotFoundError(f"no operator called {name!r}", code=Refusal.UNKNOWN_OPERATOR, params={"name": name})
    if not operator.active:
        raise PermissionDenied(f"operator {name!r} is retired and cannot sign new events",
                               code=Refusal.OPERATOR_RETIRED, params={"name": name})
    return operator


def require_role(operator: Operator, role: Role | str, action: str) -> None:
    """Refuse ``action`` unless ``operator`` has ``role`` or a higher one."""
    if not Role(operator.role).at_least(Role(role)):
        raise PermissionDenied(f"only a {role} may {action}; {operator.name} is a {operator.role}",
                               code=Refusal.ROLE_NEEDED,
                               params={"role": role, "action": action, "name": operator.name, "has": operator.role})


def add_operator(session: Session, name: str, role: str, pin: str, admin: Operator | None = None, *,
                 at: datetime | None = None, salt: bytes | None = None) -> Operator:
    """Register an operator with a PIN (see `curator.pins`). ``admin`` signs the registration; only
    the very first operator of a database registers itself (``admin`` None). ``at`` and ``salt`` make
    the demo reproducible."""
    name = clean_operator_name(session, name)
    if role not in list(Role):
        raise ValidationError(f"unknown role {role!r} (use one of {choices(Role)})", code=Refusal.UNKNOWN_CHOICE,
                              params={"value": role, "known": choices(Role)})
    check_pin_policy(pin)
    if session.execute(select(Operator.id).where(Operator.name == name)).first():
        raise ValidationError(f"an operator called {name!r} already exists", code=Refusal.OPERATOR_EXISTS,
                              params={"name": name})
    if admin is None and session.execute(select(func.count(Operator.id))).scalar_one():
        raise PermissionDenied("only the first operator registers itself: an admin adds the others",
                               code=Refusal.ADMIN_ADDS_OPERATORS)
    operator = Operator(name=name, role=role, pin_hash=hash_pin(pin, salt), active=True, failed_pins=0,
                        locked_until=None)
    register(session, admin, operator, at=at, note=f"{role} added")
    return operator


def add_operator_as(session: Session, admin: Operator, name: str, role: str, pin: str) -> Operator:
    """An admin adds an operator."""
    require_role(admin, "admin", "add operators")
    return add_operator(session, name, role, pin, admin)


def _named(session: Session, name: str) -> Operator:
    operator = session.execute(select(Operator).where(Operator.name == lookup_key(name))).scalar_one_or_none()
    if operator is None:
        raise NotFoundError(f"no operator called {name!r}", code=Refusal.UNKNOWN_OPERATOR, params={"name": name})
    return operator


def _active_admins(session: Session) -> int:
    query = select(func.count(Operator.id)).where(Operator.role == "admin", Operator.active.is_(True))
    return int(session.execute(query).scalar_one())


def retire_operator(session: Session, admin: Operator, name: str) -> Operator:
    """An admin retires ``name``: it keeps its signatures on old events but cannot sign new ones."""
    require_role(admin, "admin", "retire operators")
    operator = _named(session, name)
    if not operator.active:
        raise ValidationError(f"operator {name!r} is already retired", code=Refusal.ALREADY_RETIRED,
                              params={"what": name})
    if operator.role == "admin" and _active_admins(session) <= 1:
        raise PermissionDenied(f"{name} is the last admin: add another admin before retiring them",
                               code=Refusal.LAST_ADMIN, params={"name": name})
    amend(session, admin, operator, note="retired", active=False)
    return operator


def set_pin(session: Session, admin: Operator, name: str, pin: str) -> Operator:
    """An admin sets (or resets) the PIN of ``name``; a reset also lifts a lock."""
    require_role(admin, "admin", "set PINs")
    check_pin_policy(pin)
    operator = find_operator(session, name)
    amend(session, admin, operator, note="PIN set", pin_hash=hash_pin(pin), failed_pins=0, locked_until=None)
    return operator


def unlock_operator(session: Session, admin: Operator, name: str) -> Operator:
    """An admin lifts the lock that wrong PINs put on ``name``."""
    require_role(admin, "admin", "unlock operators")
    operator = find_operator(session, name)
    if not operator.failed_pins and operator.locked_until is None:
        raise ValidationError(f"{operator.name} is not locked", code=Refusal.NOT_LOCKED, params={"name": operator.name})
    amend(session, admin, operator, note="unlocked", failed_pins=0, locked_until=None)
    return operator


def locked_until(operator: Operator, now: datetime | None = None) -> datetime | None:
    """When the lock on ``operator`` ends, or None when it is not locked."""
    if operator.locked_until is not None and operator.locked_until > (now or utcnow()):
        return operator.locked_until
    return None


def check_pin(session: Session, name: str, pin: str, at: datetime | None = None) -> Operator:
    """The active operator ``name`` if ``pin`` is theirs.

    A wrong PIN is counted (an event); the fifth in a row locks the operator for LOCK_TIME (an event),
    and a locked operator is refused, naming when the lock ends, whatever PIN they give. The caller
    commits the session even when WrongPin is raised, so the count is kept.
    """
    now = at or utcnow()
    operator = find_operator(session, name)
    lock_end = locked_until(operator, now)
    if lock_end is not None:
        until = f"{lock_end.astimezone():%Y-%m-%d %H:%M:%S %Z}"
        raise PermissionDenied(f"{operator.name} is locked after {MAX_WRONG_PINS} wrong PINs until {until} "
                               "(an admin can unlock: curator operator unlock)", code=Refusal.PIN_LOCKED,
                               params={"name": operator.name, "count": MAX_WRONG_PINS, "until": until})
    if not operator.pin_hash:
        raise PermissionDenied(f"{operator.name} has no PIN yet: an admin must set one "
                               f"(curator operator pin NAME --admin ADMIN)", code=Refusal.NO_PIN,
                               params={"name": operator.name})
    if pin_matches(pin, operator.pin_hash):
        if operator.failed_pins or operator.locked_until is not None:
            amend(session, operator, operator, at=now, note="signed in", failed_pins=0, locked_until=None)
        return operator
    failed = 1 if operator.locked_until is not None else operator.failed_pins + 1
    if failed >= MAX_WRONG_PINS:
        amend(session, operator, operator, at=now, note=f"locked after {failed} wrong PINs",
              failed_pins=failed, locked_until=now + LOCK_TIME)
        minutes = int(LOCK_TIME.total_seconds() // 60)
        raise WrongPin(f"wrong PIN for {operator.name}: {failed} in a row, locked for {minutes} minutes",
                       code=Refusal.PIN_NOW_LOCKED, params={"name": operator.name, "count": failed, "minutes": minutes})
    amend(session, operator, operator, at=now, note="wrong PIN", failed_pins=failed, locked_until=None)
    raise WrongPin(f"wrong PIN for {operator.name} ({MAX_WRONG_PINS - failed} more and it is locked)",
                   code=Refusal.PIN_WRONG, params={"name": operator.name, "left": MAX_WRONG_PINS - failed})


def all_operators(session: Session) -> list[tuple[str, str, bool, bool]]:
    """(name, role, has a PIN, active) of every operator, retired ones included, by name."""
    rows = session.execute(select(Operator.name, Operator.role, Operator.pin_hash, Operator.active)
                           .order_by(Operator.name))
    return [(name, role, bool(pin_hash), bool(active)) for name, role, pin_hash, active in rows]


#: Signs the genesis facts an upgrade adds for rows that no operator registered (migration 0003_genesis).
#: It has no PIN, so nobody can sign in as it.
UNNAMED_SIGNER = "Curator (unattended)"
