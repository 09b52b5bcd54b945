"""Borrowing institutions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from curator.countries import check_country
from curator.errors import ValidationError
from curator.facts import register
from curator.operators import find_operator
from curator.storage.db import Database
from curator.storage.models import Institution


def add_institution(db: Database, operator: str, name: str, country: str, city: str = "", contact: str = "",
                    at: datetime | None = None) -> None:
    """Register a borrowing institution; the event signed by ``operator`` carries its content."""
    name = name.strip()
    if not name:
        raise ValidationError("institution name is empty")
    code = check_country(country)
    with db.write() as session:
        signer = find_operator(session, operator)
        if session.execute(select(Institution.id).where(Institution.name == name)).first():
            raise ValidationError(f"institution {name!r} already exists")
        register(session, signer, Institution(name=name, country=code, city=city, contact=contact), at=at)
