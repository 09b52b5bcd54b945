"""Operators who sign events, their roles and their PINs (stored only as salted scrypt hashes)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.errors import NotFoundError, PermissionDenied, ValidationError
from curator.identifiers import clean_operator_name, lookup_key
from curator.models import Operator

ROLES = ("technician", "curator", "admin")
#: What each role may do beyond recording handling events.
_RANK = {"technician": 0, "curator": 1, "admin": 2}
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    computed = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    return hmac.compare_digest(computed.hex(), digest)


def find_operator(session: Session, name: str) -> Operator:
    """The active operator called ``name``; retired operators cannot sign new events."""
    operator = session.execute(select(Operator).where(Operator.name == lookup_key(name))).scalar_one_or_none()
    if operator is None:
        raise NotFoundError(f"no operator called {name!r}")
    if not operator.active:
        raise PermissionDenied(f"operator {name!r} is retired and cannot sign new events")
    return operator


def require_role(operator: Operator, role: str, action: str) -> None:
    """Refuse ``action`` unless ``operator`` has ``role`` or a higher one."""
    if _RANK[operator.role] < _RANK[role]:
        raise PermissionDenied(f"only a {role} may {action}; {operator.name} is a {operator.role}")


def add_operator(session: Session, name: str, role: str, pin: str = "") -> Operator:
    """Create an operator. Curators and admins need a PIN of at least 4 digits."""
    name = clean_operator_name(session, name)
    if role not in ROLES:
        raise ValidationError(f"unknown role {role!r} (use one of {', '.join(ROLES)})")
    if role != "technician" and len(pin) < 4:
        raise ValidationError(f"a {role} needs a PIN of at least 4 characters")
    if session.execute(select(Operator.id).where(Operator.name == name)).first():
        raise ValidationError(f"an operator called {name!r} already exists")
    operator = Operator(name=name, role=role, pin_hash=hash_pin(pin) if pin else "", active=True)
    session.add(operator)
    session.flush()
    return operator


def _active_admins(session: Session) -> int:
    return len(session.execute(select(Operator.id).where(Operator.role == "admin", Operator.active.is_(True))).all())


def retire_operator(session: Session, admin: Operator, name: str) -> Operator:
    """An admin retires ``name``: it keeps its signatures on old events but cannot sign new ones."""
    require_role(admin, "admin", "retire operators")
    operator = session.execute(select(Operator).where(Operator.name == name.strip())).scalar_one_or_none()
    if operator is None:
        raise NotFoundError(f"no operator called {name!r}")
    if not operator.active:
        raise ValidationError(f"operator {name!r} is already retired")
    if operator.role == "admin" and _active_admins(session) <= 1:
        raise PermissionDenied(f"{name} is the last admin: add another admin before retiring them")
    operator.active = False
    return operator


def add_operator_as(session: Session, admin: Operator, name: str, role: str, pin: str = "") -> Operator:
    """An admin adds an operator (see ``add_operator`` for the PIN rule)."""
    require_role(admin, "admin", "add operators")
    return add_operator(session, name, role, pin)


def set_pin(session: Session, admin: Operator, name: str, pin: str) -> Operator:
    """An admin sets (or resets) the PIN of ``name``; curators and admins keep one of 4 or more characters."""
    require_role(admin, "admin", "set PINs")
    operator = find_operator(session, name)
    if operator.role != "technician" and len(pin) < 4:
        raise ValidationError(f"a {operator.role} needs a PIN of at least 4 characters")
    operator.pin_hash = hash_pin(pin) if pin else ""
    return operator


def all_operators(session: Session) -> list[tuple[str, str, bool, bool]]:
    """(name, role, has a PIN, active) of every operator, retired ones included, by name."""
    rows = session.execute(select(Operator.name, Operator.role, Operator.pin_hash, Operator.active)
                           .order_by(Operator.name))
    return [(name, role, bool(pin_hash), bool(active)) for name, role, pin_hash, active in rows]


def authenticate(session: Session, name: str, pin: str) -> Operator:
    """The active operator ``name``, if ``pin`` is right. Operators with a PIN must give it;
    curators and admins must have one."""
    operator = find_operator(session, name)
    if operator.role != "technician" and not operator.pin_hash:
        raise PermissionDenied(f"{name} is a {operator.role} without a PIN: an admin must set one")
    if operator.pin_hash and not pin_matches(pin, operator.pin_hash):
        raise PermissionDenied(f"wrong PIN for {name}")
    return operator


#: Signs what a command records when nobody is named (e.g. `curator import` run by a scheduled task).
UNNAMED_SIGNER = "Curator (unattended)"


def ensure_unnamed_signer(session: Session) -> Operator:
    """The technician-role operator that signs unattended work, created the first time it is needed."""
    operator = session.execute(select(Operator).where(Operator.name == UNNAMED_SIGNER)).scalar_one_or_none()
    return operator or add_operator(session, UNNAMED_SIGNER, "technician")
