"""Issue 14 part 4: facility events on a room, cabinet or glove box reach every sample that was inside it
at that time, and none outside."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from factories import ADMIN, PINS, TECH, sample, seed

from curator import inventory
from curator.condition import condition_of
from curator.describe import describe
from curator.errors import NotFoundError, ValidationError
from curator.facility_events import record_location_event
from curator.history import sample_history
from curator.integrity import verify
from ui.cli import main

CABINET = "Lab / Room / Cabinet"
START = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
END = START + timedelta(hours=4)


@pytest.fixture
def store(db):
    """Six samples: A stays inside the cabinet, B stays outside, C comes in after the failure, D leaves
    before it, E is received into the cabinet while it lasts, F is in a container that stands nowhere."""
    inside = seed(db, positions=4)
    inventory.add_location(db, ADMIN, "Lab / Room", "cabinet", "Cabinet 2")
    inventory.add_location(db, ADMIN, "Lab / Room / Cabinet 2", "shelf", "Shelf")
    outside = [inventory.add_location(db, ADMIN, "Lab / Room / Cabinet 2 / Shelf", "position", f"Q{i}")
               for i in (1, 2, 3)]
    day_before = START - timedelta(days=1)
    numbers = {}
    for name, position in (("A", inside[0]), ("B", outside[0]), ("C", outside[1]), ("D", inside[2])):
        inventory.add_container(db, TECH, f"JAR-{name}", "jar", position)
        numbers[name] = f"CE5C0400YJFM0050{len(numbers) + 1}"
        inventory.receive_sample(db, ADMIN, numbers[name], "CE5", "powder", 1_000, "scooped", f"JAR-{name}",
                                 at=day_before)
    inventory.move_container(db, TECH, "JAR-D", outside[2], at=START - timedelta(hours=6))
    inventory.move_container(db, TECH, "JAR-C", inside[1], at=END + timedelta(days=1))
    inventory.add_container(db, TECH, "JAR-E", "jar", inside[3])
    numbers["E"] = "CE5C0400YJFM00509"
    inventory.receive_sample(db, ADMIN, numbers["E"], "CE5", "powder", 1_000, "scooped", "JAR-E",
                             at=START + timedelta(hours=1))
    numbers["F"] = sample(db, "CE5C0400YJFM00510", barcode="JAR-F")  # in a container that stands nowhere
    return numbers


def facility_events(db, number: str) -> list[tuple[str, str]]:
    return [(row.kind, row.via_location) for row in sample_history(db, number) if row.via_location]


def test_a_nitrogen_failure_reaches_the_samples_inside_at_that_time_and_none_outside(db, store) -> None:
    event_id = record_location_event(db, TECH, "excursion", CABINET, excursion="nitrogen_lost", started_at=START,
                                     ended_at=END, measured="4.2 % O2", note="nitrogen supply lost")
    reached = {name for name, number in store.items() if facility_events(db, number)}
    assert reached == {"A", "E"}
    exposed = {name for name, number in store.items() if condition_of(db, number).condition == "exposed"}
    assert exposed == {"A", "E"} and condition_of(db, store["A"]).event_id == event_id
    row = next(row for row in sample_history(db, store["A"]) if row.event_id == event_id)
    assert (row.kind, row.via_location, row.occurred_at) == ("excursion", CABINET, START)
    assert row.facts["excursion"] == "nitrogen_lost" and row.facts["measured"] == "4.2 % O2"
    assert row.facts["ended_at"] == END.isoformat() and row.facts["location"] == CABINET
    assert "samples" not in row.facts
    assert verify(db) == []


def test_an_event_on_a_room_reaches_every_cabinet_below_it(db, store) -> None:
    record_location_event(db, TECH, "excursion", "Lab / Room", excursion="temperature", started_at=START,
                          ended_at=END, measured="31.5 °C")
    assert {name for name, number in store.items() if facility_events(db, number)} == {"A", "B", "C", "D", "E"}
    assert {condition_of(db, number).condition for number in store.values()} == {"pristine"}  # not the air


@pytest.mark.parametrize(("kind", "values", "message"), [
    ("excursion", {}, "say what went out of range"),
    ("excursion", {"excursion": "earthquake"}, "'earthquake' is not one of nitrogen_lost"),
    ("weighed", {}, "'weighed' cannot be recorded on a location"),
    ("opened", {}, "say in which atmosphere"),
    ("excursion", {"excursion": "power", "ended_at": START - timedelta(hours=1)}, "is before the start"),
])
def test_bad_facility_events_are_refused_in_one_line(db, store, kind, values, message) -> None:
    with pytest.raises(ValidationError, match=message):
        record_location_event(db, TECH, kind, CABINET, started_at=START, **values)


def test_an_unknown_location_is_named(db, store) -> None:
    with pytest.raises(NotFoundError, match="no location 'Lab / Nowhere'"):
        record_location_event(db, TECH, "note", "Lab / Nowhere", note="hello")


def run(db_path, capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main([*args, "--db", str(db_path)])
    except SystemExit as exit_info:
        code = int(exit_info.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_record_on_a_location_path_and_show_the_sample(db, db_path, store, capsys, monkeypatch) -> None:
    monkeypatch.setenv("CURATOR_PIN", PINS[TECH])
    db.dispose()
    code, out, err = run(db_path, capsys, "record", "opened", CABINET, "--atmosphere", "air",
                         "--note", "nitrogen supply lost", "--operator", TECH)
    assert (code, err) == (0, "") and out.startswith("recorded event ")
    reached = int(out.rsplit("; ", 1)[1].split()[0])
    assert 0 < reached < len(store) and out.rstrip().endswith(f"; {reached} sample(s) inside at the time")
    code, out, err = run(db_path, capsys, "record", "excursion", CABINET.lower(), "--excursion", "humidity",
                         "--start", "2026-03-01T02:00+00:00", "--end", "2026-03-01T03:00+00:00",
                         "--value", "38 %RH", "--operator", TECH)
    assert code == 2 and "no location" in err
    shown = json.loads(run(db_path, capsys, "show", store["C"], "--json")[1])
    opened = [row for row in shown["history"] if row["via_location"]]
    assert [(row["kind"], row["via_location"], row["facts"]["atmosphere"]) for row in opened] == [
        ("opened", CABINET, "air")]
    assert not [row for row in json.loads(run(db_path, capsys, "show", store["B"], "--json")[1])["history"]
                if row["via_location"]]
    location = json.loads(run(db_path, capsys, "show", CABINET, "--json")[1])
    assert location["history"][-1]["facts"]["samples"] == sorted([store["A"], store["C"], store["E"]])


def test_a_location_is_named_by_its_barcode_too(db, store) -> None:
    from curator.locations import add_location

    add_location(db, ADMIN, "Lab / Room", "cabinet", "Glove box G2", "nitrogen", barcode="GB-2")
    event_id = record_location_event(db, TECH, "note", "gb-2", note="gloves replaced")
    location = describe(db, "Lab / Room / Glove box G2")
    assert location["history"][-1]["event"] == event_id
