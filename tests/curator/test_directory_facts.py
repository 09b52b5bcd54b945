"""Institutions, missions, locations and containers are created only together with an event carrying
their content, signed by the operator who added them."""

from __future__ import annotations

import json
from pathlib import Path

from factories import ADMIN, CURATOR, SHELF, TECH, seed
from sqlalchemy import select

from curator import inventory
from curator.catalogue import import_catalogue, read_catalogue
from curator.institutions import add_institution
from curator.storage.models import Event, Operator


def facts(db, table: str) -> list[tuple[str, str, dict]]:
    """(signer name, kind, details) of every directory fact about ``table``, in chain order."""
    with db.read() as session:
        rows = session.execute(select(Operator.name, Event.kind, Event.details).join(Operator)
                               .where(Event.kind.in_(("registered", "amended"))).order_by(Event.id)).all()
    found = [(name, kind, json.loads(details)) for name, kind, details in rows]
    return [fact for fact in found if fact[2]["table"] == table]


def test_each_directory_row_is_registered_with_its_content_and_signer(db) -> None:
    seed(db, positions=2)
    inventory.add_container(db, TECH, "VIAL-9", "vial", f"{SHELF} / P1")
    add_institution(db, CURATOR, "Open University", "gb", "Milton Keynes")
    (signer, kind, details), = [f for f in facts(db, "institutions") if f[2]["set"]["name"] == "Open University"]
    assert (signer, kind) == (CURATOR, "registered")
    assert details["set"] == {"name": "Open University", "country": "GB", "city": "Milton Keynes", "contact": ""}
    mission, = facts(db, "missions")
    assert mission[0] == ADMIN and mission[2]["set"]["code"] == "CE5"
    assert mission[2]["set"]["returned_mass_ug"] == 1_731_000_000
    paths = [f[2]["set"]["path"] for f in facts(db, "locations")]
    assert paths[0] == "Lab" and paths[-1] == f"{SHELF} / P2" and len(paths) == 6
    container, = facts(db, "containers")
    assert container[0] == TECH and container[2]["set"]["barcode"] == "VIAL-9"
    assert container[2]["set"]["location_id"] is not None and container[2]["set"]["sealed"] is True


def test_a_known_mission_created_by_a_catalogue_import_is_registered(db, tmp_path: Path) -> None:
    seed(db)
    source = tmp_path / "apollo.csv"
    source.write_text("ID,Type,Mass (g)\n70017,basalt,1.5\n", encoding="utf-8")
    import_catalogue(db, read_catalogue(db, source, "A17"), TECH)
    codes = [(f[0], f[2]["set"]["code"]) for f in facts(db, "missions")]
    assert codes == [(ADMIN, "CE5"), (TECH, "A17")]
