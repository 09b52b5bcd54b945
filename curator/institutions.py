"""Borrowing institutions and their principal investigators: registered and amended as facts, so verify
proves them; a name that probably names a borrower already listed is refused unless the person confirms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.countries import check_country, country_name
from curator.errors import NotFoundError, Refusal, ValidationError
from curator.facts import amend, register
from curator.institution_names import near_duplicates
from curator.lookup import get_institution
from curator.operators import find_operator
from curator.storage.db import Database
from curator.storage.models import Institution, Investigator


class NearDuplicate(ValidationError):
    """The name is new but probably names a borrower already listed; ``force`` adds it all the same."""

    def __init__(self, name: str, similar: list[str]) -> None:
        listed = ", ".join(repr(other) for other in similar)
        super().__init__(f"{name!r} looks like {listed}, already listed: the same borrower? "
                         "Save it only if it is another institution", code=Refusal.NEAR_DUPLICATE,
                         params={"name": name, "similar": ", ".join(similar)})
        self.name, self.similar = name, similar


@dataclass(frozen=True)
class InvestigatorRow:
    name: str
    email: str


@dataclass(frozen=True)
class InstitutionRow:
    name: str
    country: str
    country_name: str
    city: str
    contact: str
    investigators: tuple[InvestigatorRow, ...]


def _clean(text: str, what: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        raise ValidationError(f"{what} is longer than {limit} characters", code=Refusal.TOO_LONG,
                              params={"what": what, "limit": limit})
    return text


def _check_name(session: Session, name: str, force: bool, excluding: int | None = None) -> str:
    name = _clean(name, "institution name", 200)
    if not name:
        raise ValidationError("institution name is empty", code=Refusal.IDENTIFIER_EMPTY,
                              params={"what": "institution name"})
    listed = {row_id: other for row_id, other in session.execute(select(Institution.id, Institution.name))
              if row_id != excluding}
    if any(other.casefold() == name.casefold() for other in listed.values()):
        raise ValidationError(f"institution {name!r} already exists", code=Refusal.INSTITUTION_EXISTS,
                              params={"name": name})
    similar = near_duplicates(name, listed.values())
    if similar and not force:
        raise NearDuplicate(name, similar)
    return name


def add_institution(db: Database, operator: str, name: str, country: str, city: str = "", contact: str = "",
                    at: datetime | None = None, force: bool = False) -> str:
    """Register a borrowing institution; the event signed by ``operator`` carries its content. A name like
    one already listed raises NearDuplicate unless ``force``. Returns the name as stored."""
    code = check_country(country)
    with db.write() as session:
        signer = find_operator(session, operator)
        name = _check_name(session, name, force)
        register(session, signer, Institution(name=name, country=code, city=_clean(city, "city", 100),
                                              contact=_clean(contact, "contact", 200)), at=at)
        return name


def edit_institution(db: Database, operator: str, name: str, *, new_name: str | None = None,
                     country: str | None = None, city: str | None = None, contact: str | None = None,
                     force: bool = False, at: datetime | None = None) -> str:
    """Change an institution's name, country, city or contact (an ``amended`` event); returns its name now."""
    with db.write() as session:
        signer = find_operator(session, operator)
        institution = get_institution(session, name)
        values: dict[str, str] = {}
        if new_name is not None:
            values["name"] = _check_name(session, new_name, force, excluding=institution.id)
        if country is not None:
            values["country"] = check_country(country)
        if city is not None:
            values["city"] = _clean(city, "city", 100)
        if contact is not None:
            values["contact"] = _clean(contact, "contact", 200)
        values = {column: value for column, value in values.items() if getattr(institution, column) != value}
        if not values:
            raise ValidationError(f"nothing to change: {institution.name} already reads so",
                                  code=Refusal.NOTHING_TO_CHANGE, params={"name": institution.name})
        amend(session, signer, institution, at=at, **values)
        return institution.name


def _investigator(session: Session, institution: Institution, name: str) -> Investigator | None:
    return session.execute(select(Investigator).where(Investigator.institution_id == institution.id,
                                                      Investigator.name == " ".join(name.split()))).scalar_one_or_none()


def add_investigator(db: Database, operator: str, institution: str, name: str, email: str = "",
                     at: datetime | None = None) -> None:
    """Register a principal investigator at ``institution``."""
    name = _clean(name, "investigator's name", 200)
    if not name:
        raise ValidationError("the investigator's name is empty", code=Refusal.IDENTIFIER_EMPTY,
                              params={"what": "investigator's name"})
    with db.write() as session:
        signer = find_operator(session, operator)
        borrower = get_institution(session, institution)
        if _investigator(session, borrower, name) is not None:
            raise ValidationError(f"{name} is already listed at {borrower.name}", code=Refusal.PI_LISTED,
                                  params={"name": name, "institution": borrower.name})
        register(session, signer, Investigator(institution_id=borrower.id, name=name,
                                               email=_clean(email, "e-mail", 200)), at=at)


def edit_investigator(db: Database, operator: str, institution: str, name: str, *, new_name: str | None = None,
                      email: str | None = None, at: datetime | None = None) -> None:
    """Change a principal investigator's name or e-mail (an ``amended`` event)."""
    with db.write() as session:
        signer = find_operator(session, operator)
        borrower = get_institution(session, institution)
        person = _investigator(session, borrower, name)
        if person is None:
            raise NotFoundError(f"no investigator {name!r} at {borrower.name}", code=Refusal.UNKNOWN_PI,
                                params={"name": name, "institution": borrower.name})
        values: dict[str, str] = {}
        if new_name is not None:
            values["name"] = _clean(new_name, "investigator's name", 200)
            if not values["name"]:
                raise ValidationError("the investigator's name is empty", code=Refusal.IDENTIFIER_EMPTY,
                                      params={"what": "investigator's name"})
            if values["name"] != person.name and _investigator(session, borrower, values["name"]) is not None:
                raise ValidationError(f"{values['name']} is already listed at {borrower.name}", code=Refusal.PI_LISTED,
                                      params={"name": values["name"], "institution": borrower.name})
        if email is not None:
            values["email"] = _clean(email, "e-mail", 200)
        values = {column: value for column, value in values.items() if getattr(person, column) != value}
        if not values:
            raise ValidationError(f"nothing to change: {person.name} already reads so",
                                  code=Refusal.NOTHING_TO_CHANGE, params={"name": person.name})
        amend(session, signer, person, at=at, **values)


def institution_rows(db: Database) -> list[InstitutionRow]:
    """Every institution by name, with its principal investigators by name."""
    with db.read() as session:
        people: dict[int, list[InvestigatorRow]] = {}
        for row in session.execute(select(Investigator).order_by(Investigator.name)).scalars():
            people.setdefault(row.institution_id, []).append(InvestigatorRow(row.name, row.email))
        return [InstitutionRow(row.name, row.country, country_name(row.country), row.city, row.contact,
                               tuple(people.get(row.id, ())))
                for row in session.execute(select(Institution).order_by(Institution.name)).scalars()]


def similar_institutions(db: Database, name: str, excluding: str | None = None) -> list[str]:
    """Listed institutions whose names look like ``name`` (for a warning while the name is typed)."""
    with db.read() as session:
        names = [other for other in session.execute(select(Institution.name)).scalars() if other != excluding]
    return near_duplicates(" ".join(name.split()), names)
