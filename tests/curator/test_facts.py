"""Directory facts are registered and amended through events that carry their content."""

import json

from sqlalchemy import select

from curator.facts import amend, register
from curator.storage.models import Event, Institution, Operator


def test_register_and_amend_carry_the_row_content(db):
    with db.write() as session:
        first = register(session, None, Operator(name="Wang Lei", role="admin", pin_hash="", active=True))
        admin = session.get(Operator, json.loads(first.details)["row"])
        place = Institution(name="Open University", country="GB", city="Milton Keynes", contact="")
        register(session, admin, place)
        amend(session, admin, place, note="moved", city="Oxford")
    with db.read() as session:
        events = session.execute(select(Event).order_by(Event.id)).scalars().all()
        kinds = [(e.kind, json.loads(e.details)) for e in events[-3:]]
    assert kinds[0][0] == "registered" and kinds[0][1]["table"] == "operators"
    assert kinds[0][1]["set"]["name"] == "Wang Lei" and events[-3].operator_id == kinds[0][1]["row"]
    assert kinds[1][1]["set"] == {"name": "Open University", "country": "GB", "city": "Milton Keynes", "contact": ""}
    assert kinds[2] == ("amended", {"table": "institutions", "row": kinds[1][1]["row"], "set": {"city": "Oxford"},
                                    "signer": {"name": "Wang Lei", "role": "admin"}})
    assert kinds[0][1]["signer"] == {"name": "Wang Lei", "role": "admin"}  # the first operator signs itself


def test_every_event_binds_its_signers_name_and_role(db):
    from factories import TECH, sample, seed

    from curator import inventory

    seed(db)
    number = sample(db)
    inventory.weigh(db, TECH, number, 999_000)
    with db.read() as session:
        rows = session.execute(select(Event.kind, Event.details).order_by(Event.id)).all()
    assert rows[-1][0] == "weighed" and json.loads(rows[-1][1])["signer"] == {"name": TECH, "role": "technician"}
    assert all("signer" in json.loads(details) for _, details in rows)
