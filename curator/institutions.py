"""Borrowing institutions."""

from __future__ import annotations

from sqlalchemy import select

from curator.countries import check_country
from curator.db import Database
from curator.errors import ValidationError
from curator.models import Institution


def add_institution(db: Database, name: str, country: str, city: str = "", contact: str = "") -> None:
    name = name.strip()
    if not name:
        raise ValidationError("institution name is empty")
    code = check_country(country)
    with db.write() as session:
        if session.execute(select(Institution.id).where(Institution.name == name)).first():
            raise ValidationError(f"institution {name!r} already exists")
        session.add(Institution(name=name, country=code, city=city, contact=contact))
