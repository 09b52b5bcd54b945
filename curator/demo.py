"""The demo database: deterministic, realistic data built through the services from resources/demo/.

Facts (mission masses, the 2025 international approval of 2.18 g to seven institutions) are real;
per-institution masses and all sample numbers beyond those published are illustrative. The principal
investigators are invented, generic names with .example addresses (no real person's data); each loan's PI
is one of its borrower's registered investigators.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from curator import allocations, handling, inventory, loan_inventory, reminders
from curator.facility_events import record_location_event
from curator.grids import parse_grid
from curator.institutions import add_institution, add_investigator
from curator.inventory import ChildSpec, balance_tolerance_ug
from curator.loan_results import record_result
from curator.loans import allocation_items
from curator.lookup import get_sample
from curator.operators import add_operator
from curator.photos import Image
from curator.storage.db import Database
from resources import resource_path

DEMO_DIR = resource_path("demo")
FACILITY = "Lunar Sample Laboratory (NAOC Beijing)"
TECHNICIANS = ("Li Wei", "Zhang Min")
CURATOR = "Chen Jing"
#: Category codes in the style of published numbers (YJFM: research sample, powder). Inferred, not official.
CATEGORY = {"powder": "YJFM", "rock_fragment": "YJYX", "glass_bead": "YJBL", "thin_section": "YJBP"}
#: (room, cabinet, its kind, atmosphere, how its shelves' positions are named)
CABINETS = (("Storage room 1", "Nitrogen cabinet N1", "nitrogen_cabinet", "nitrogen", "numbers"),
            ("Storage room 1", "Nitrogen cabinet N2", "nitrogen_cabinet", "nitrogen", "numbers"),
            ("Glove-box room", "Glove box G1", "glove_box", "nitrogen", "letters"),
            ("Storage room 2", "Safe S1", "safe", "air", "numbers"),
            ("Storage room 1", "Nitrogen cabinet N3", "nitrogen_cabinet", "nitrogen", "numbers"))
#: Where vials prepared for a loan stand until they are handed over (as the parent they came from).
LOAN_ATMOSPHERE = "nitrogen"
SHELVES, GRID = 4, "4x6"
#: Positions at the end of every shelf the demo leaves free (so each cabinet shows some free ones).
KEPT_FREE = 2
#: The demo's one photo (resources/demo), and the sample it shows.
PHOTO_FILE, PHOTO_SAMPLE = "CE5C0400YJFM00501-grains.jpg", "CE5C0400YJFM00501"
#: When the demo facility was set up: its directory facts carry this time, so the demo is the same every run.
SET_UP = datetime(2020, 12, 1, 9, tzinfo=UTC)


def _at(day: str, hour: int = 9) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(hour), tzinfo=UTC)


def _mg(value: float | int) -> int:
    return int(Decimal(str(value)) * 1000)


class _Builder:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.rng = random.Random(20201217)
        #: (path, atmosphere) of the positions the demo fills, in order.
        self.free_positions: list[tuple[str, str]] = []
        self.barcodes = 0

    def position(self, atmosphere: str | None = None) -> str:
        """The next position to fill (the next under ``atmosphere`` when it is given)."""
        index = next(index for index, (_path, under) in enumerate(self.free_positions)
                     if atmosphere is None or under == atmosphere)
        return self.free_positions.pop(index)[0]

    def container(self, kind: str, atmosphere: str | None = None) -> str:
        self.barcodes += 1
        barcode = f"LSL-{self.barcodes:05d}"
        inventory.add_container(self.db, TECHNICIANS[0], barcode, kind, self.position(atmosphere), at=SET_UP)
        return barcode

    def build(self) -> None:
        self.reference_data()
        self.storage()
        primaries = self.primaries()
        self.history(primaries)
        self.loans(primaries)
        self.nitrogen_excursion()
        self.photograph()

    def reference_data(self) -> None:
        with self.db.write() as session:
            admin = None  # the first (the admin) registers itself, then adds the others
            for person in json.loads((DEMO_DIR / "operators.json").read_text(encoding="utf-8")):
                added = add_operator(session, person["name"], person["role"], person["pin"], admin,
                                     at=_at("2020-12-01"), salt=hashlib.sha256(person["name"].encode()).digest()[:16])
                admin = admin or added
        for mission in json.loads((DEMO_DIR / "missions.json").read_text(encoding="utf-8")):
            inventory.add_mission(self.db, CURATOR, mission["code"], mission["name"],
                                  int(Decimal(mission["returned_mass_g"]) * 1_000_000),
                                  mission["landing_site"], date.fromisoformat(mission["return_date"]), at=SET_UP)
        with (DEMO_DIR / "institutions.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                add_institution(self.db, CURATOR, row["name"], row["country"], row["city"], row["contact"], at=SET_UP)
        with (DEMO_DIR / "investigators.csv").open(encoding="utf-8") as handle:  # each loan's PI is one of these
            for row in csv.DictReader(handle):
                add_investigator(self.db, CURATOR, row["institution"], row["name"], row["email"], at=SET_UP)

    def storage(self) -> None:
        inventory.add_location(self.db, CURATOR, None, "facility", FACILITY, "nitrogen", at=SET_UP)
        rooms = set()
        for room, cabinet, kind, atmosphere, naming in CABINETS:
            if room not in rooms:
                inventory.add_location(self.db, CURATOR, FACILITY, "room", room, at=SET_UP)
                rooms.add(room)
            cabinet_path = inventory.add_location(self.db, CURATOR, f"{FACILITY} / {room}", kind, cabinet,
                                                  atmosphere, at=SET_UP)
            for shelf in range(1, SHELVES + 1):
                shelf_path = inventory.add_location(self.db, CURATOR, cabinet_path, "shelf", f"Shelf {shelf}",
                                                    at=SET_UP, grid=GRID, naming=naming)
                names = parse_grid(GRID, naming).names()
                self.free_positions += [(f"{shelf_path} / {name}", atmosphere)
                                        for name in names[:len(names) - KEPT_FREE]]

    def primaries(self) -> dict[str, list[str]]:
        """Primary samples per mission: CE5 scooped and drilled lots, CE6 in ten ~150 g containers."""
        plan = {
            "CE5": [("C", "0400", "powder", 180), ("C", "0600", "glass_bead", 40), ("C", "0100", "powder", 260),
                    ("Z", "0300", "powder", 120), ("C", "0500", "rock_fragment", 90),
                    ("Z", "0200", "thin_section", 15)],
            "CE6": [("C", f"{unit:04d}", "powder" if unit % 3 else "rock_fragment", 150)
                    for unit in range(100, 1100, 100)],
        }
        numbers: dict[str, list[str]] = {}
        day = {"CE5": "2020-12-19", "CE6": "2024-06-28"}
        for mission, lots in plan.items():
            for index, (sampling, unit, kind, grams) in enumerate(lots, start=1):
                number = f"{mission}{sampling}{unit}{CATEGORY[kind]}{500 + index:05d}"
                jar = self.container("jar")
                mass = _mg(grams * 1000) + self.rng.randrange(0, 999_000)
                inventory.receive_sample(self.db, CURATOR, number, mission, kind, mass,
                                         "drilled" if sampling == "Z" else "scooped", jar, at=_at(day[mission]))
                handling.record_observation(self.db, TECHNICIANS[index % 2], "sealed", jar, atmosphere="nitrogen",
                                            note="sealed under high-purity nitrogen", at=_at(day[mission], 11))
                numbers.setdefault(mission, []).append(number)
        return numbers

    def history(self, primaries: dict[str, list[str]]) -> None:
        """Splits with weighings and moves, a few per primary and a second generation on some."""
        start = {"CE5": date(2021, 1, 10), "CE6": date(2024, 7, 15)}
        for mission, numbers in primaries.items():
            day = start[mission]
            for number in numbers:
                for generation in range(3):
                    day += timedelta(days=self.rng.randrange(3, 20))
                    children = [ChildSpec(_mg(self.rng.choice((5, 10, 20, 50, 100, 200, 500))),
                                          container=self.container("vial"))
                                for _ in range(self.rng.randrange(3, 7))]
                    technician = self.rng.choice(TECHNICIANS)
                    opened = number if generation else self._state(number)[1]
                    handling.record_observation(self.db, technician, "opened", opened, atmosphere="nitrogen",
                                                at=_at(day.isoformat(), 9))
                    made = inventory.split(self.db, technician, number, children, loss_ug=self.rng.randrange(0, 40),
                                           note="split in nitrogen glove box G1", at=_at(day.isoformat(), 10))
                    for child in made:
                        drift = self.rng.choice((0, 0, 0, -2, 3, -5, 120))
                        expected = self._state(child)[0]
                        off = abs(drift) > balance_tolerance_ug(expected)
                        reason = "re-weighed after static discharge" if off else ""
                        inventory.weigh(self.db, technician, child, expected + drift, at=_at(day.isoformat(), 14),
                                        reason=reason)
                    if generation == 0:
                        number_for_next = made[0]
                        grandchildren = [ChildSpec(_mg(1), container=self.container("capsule")),
                                         ChildSpec(_mg(2), container=self.container("capsule"))]
                        inventory.split(self.db, technician, number_for_next, grandchildren, loss_ug=3,
                                        at=_at(day.isoformat(), 15))
                inventory.move_container(self.db, self.rng.choice(TECHNICIANS), self._state(number)[1], self.position(),
                                         note="reorganised after splitting", at=_at(day.isoformat(), 16))

    def _state(self, number: str) -> tuple[int, str]:
        """A sample's current mass and the barcode of its container."""
        with self.db.read() as session:
            sample = get_sample(session, number)
            return sample.mass_ug, sample.container.barcode if sample.container else ""

    def loans(self, primaries: dict[str, list[str]]) -> None:
        plan = json.loads((DEMO_DIR / "allocations.json").read_text(encoding="utf-8"))["loans"]
        # Split in date order, so no parent's history goes back in time.
        plan.sort(key=lambda loan: loan.get("handed_over", loan.get("approved", loan["requested"])))
        source = {mission: iter(numbers * 3) for mission, numbers in primaries.items()}
        for loan in plan:
            self.loan(loan, next(source[loan["mission"]]))

    def loan(self, loan: dict[str, Any], parent: str) -> None:
        ref, mass = loan["reference"], _mg(loan["mass_mg"])
        allocations.create(self.db, self.rng.choice(TECHNICIANS), ref, loan["institution"], loan["mission"],
                           loan["pi"], mass, date.fromisoformat(loan["due"]) if "due" in loan else None,
                           loan["purpose"], loan.get("override", ""), at=_at(loan["requested"]))
        if loan["state"] == "requested":
            return
        allocations.approve(self.db, CURATOR, ref, at=_at(loan["approved"]))
        if loan["state"] == "approved":
            return
        half = mass // 2
        prepared_day = loan.get("handed_over", loan["approved"])
        halves = [ChildSpec(half, container=self.container("vial", LOAN_ATMOSPHERE)),
                  ChildSpec(mass - half, container=self.container("vial", LOAN_ATMOSPHERE))]
        splits = inventory.split(self.db, TECHNICIANS[0], parent, halves, note=f"prepared for {ref}",
                                 at=_at(prepared_day, 8))
        if loan["state"] in ("prepared", "cancelled"):
            allocations.prepare(self.db, TECHNICIANS[0], ref, splits, at=_at(prepared_day, 9))
            if loan["state"] == "cancelled":
                allocations.cancel(self.db, CURATOR, ref, "borrower withdrew the request", at=_at(loan["closed"]))
            return
        allocations.hand_over(self.db, CURATOR, ref, splits, at=_at(loan["handed_over"], 10))
        self.follow_up(loan)
        if loan["state"] == "returned":
            for number in splits:
                returned = int(self._state(number)[0] * loan["returned_fraction"])
                allocations.record_return(self.db, TECHNICIANS[1], ref, number, returned, at=_at(loan["closed"]),
                                          treatment=loan.get("treatment", ()))
        elif loan["state"] == "consumed":
            for number in splits:
                allocations.record_consumption(self.db, TECHNICIANS[1], ref, number, at=_at(loan["closed"]))
        for result in loan.get("results", []):
            record_result(self.db, CURATOR, ref, result["doi"], result["kind"], result["title"],
                          at=_at(result["recorded"]))
        if "results_complete" in loan:
            record_result(self.db, CURATOR, ref, complete=True, at=_at(loan["results_complete"]))

    def follow_up(self, loan: dict[str, Any]) -> None:
        """Reminders sent and yearly inventories confirmed, in date order."""
        steps = [(day, "remind", "") for day in loan.get("reminders", [])]
        steps += [(day, "inventory", year) for year, day in loan.get("inventories", {}).items()]
        for day, step, year in sorted(steps):
            if step == "remind":
                reminders.record_sent(self.db, CURATOR, loan["institution"], date.fromisoformat(day), at=_at(day))
            else:
                loan_inventory.confirm(self.db, TECHNICIANS[1], loan["reference"], int(year),
                                       self.answers(loan["reference"]) if loan.get("said_sent_back") == year else None,
                                       at=_at(day, 11))

    def answers(self, reference: str) -> list[loan_inventory.Answer]:
        """A borrower's inventory saying its first split was sent back (the chain has no such return)."""
        items = [item for item in allocation_items(self.db, reference) if item.status == "handed_over"]
        return [loan_inventory.Answer(reference, item.number, 0, 0, item.mass_ug, "sent back by courier")
                if index == 0 else loan_inventory.Answer(reference, item.number, item.mass_ug, 0, 0)
                for index, item in enumerate(items)]

    def nitrogen_excursion(self) -> None:
        """One past facility event: cabinet N2's nitrogen supply failed for a night; its samples are exposed."""
        cabinet = f"{FACILITY} / Storage room 1 / Nitrogen cabinet N2"
        record_location_event(self.db, TECHNICIANS[1], "excursion", cabinet, excursion="nitrogen_lost",
                              started_at=_at("2024-09-14", 2), ended_at=_at("2024-09-14", 6) + timedelta(minutes=40),
                              measured="4.2 % O2",
                              note="nitrogen supply valve froze; refilled from the reserve dewar")


    def photograph(self) -> None:
        """One photo: grains of a CE5 scoop under the stereo microscope, attached to a photographed event."""
        image = Image(PHOTO_FILE, "image/jpeg", (DEMO_DIR / PHOTO_FILE).read_bytes())
        handling.record_observation(self.db, TECHNICIANS[0], "photographed", PHOTO_SAMPLE, images=[image],
                                    note="stereo microscope, 20x, for the catalogue", at=_at("2025-10-02", 15))


def build_demo(db: Database) -> None:
    """Fill an empty database with the demo data. Deterministic: same input, same database."""
    _Builder(db).build()
