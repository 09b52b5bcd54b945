"""Small builders for tests: a mission, an operator of each role, a storage shelf with positions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from curator import inventory
from curator.institutions import add_institution
from curator.operators import add_operator
from curator.storage.db import Database

TECH, CURATOR, ADMIN = "Tess Tech", "Cora Curator", "Ada Admin"
#: Every operator has a PIN; tests that run signing commands give it (e.g. ``env=signs_as(TECH)``).
PINS = {TECH: "314159", CURATOR: "271828", ADMIN: "161803"}
#: The demo's operators and their documented PINs (README).
DEMO_PINS = {person["name"]: person["pin"] for person in
             json.loads((Path(__file__).resolve().parents[1] / "resources" / "demo" / "operators.json").read_text())}
SHELF = "Lab / Room / Cabinet / Shelf"


def seed(db: Database, positions: int = 4) -> list[str]:
    """A CE5 mission, three operators, two institutions and a shelf; returns the position paths."""
    with db.write() as session:
        admin = add_operator(session, ADMIN, "admin", PINS[ADMIN])  # the first registers itself
        add_operator(session, TECH, "technician", PINS[TECH], admin)
        add_operator(session, CURATOR, "curator", PINS[CURATOR], admin)
    inventory.add_mission(db, ADMIN, "CE5", "Chang'e-5", 1_731_000_000)
    add_institution(db, ADMIN, "Osaka University", "JP", "Osaka")
    add_institution(db, ADMIN, "Brown University", "US", "Providence")
    inventory.add_location(db, ADMIN, None, "facility", "Lab", "nitrogen")
    inventory.add_location(db, ADMIN, "Lab", "room", "Room")
    inventory.add_location(db, ADMIN, "Lab / Room", "cabinet", "Cabinet", "nitrogen")
    inventory.add_location(db, ADMIN, "Lab / Room / Cabinet", "shelf", "Shelf")
    return [inventory.add_location(db, ADMIN, SHELF, "position", f"P{i}") for i in range(1, positions + 1)]


def signs_as(name: str) -> dict[str, str]:
    """The environment in which a signing command run by ``name`` gets their PIN."""
    return {"CURATOR_PIN": {**PINS, **DEMO_PINS}[name]}


def sample(db: Database, number: str = "CE5C0400YJFM00505", mass_ug: int = 1_000_000,
           barcode: str | None = "JAR-1", position: str | None = None) -> str:
    """Receive one powder sample, in a new jar unless ``barcode`` is None."""
    if barcode:
        inventory.add_container(db, TECH, barcode, "jar", position)
    inventory.receive_sample(db, CURATOR, number, "CE5", "powder", mass_ug, "scooped", barcode)
    return number


def run_cli(db_path: object, capsys: Any, *args: str) -> tuple[int, str, str]:
    """Run one `curator` command on ``db_path`` in this process: its exit status, stdout and stderr."""
    from ui.cli import main

    try:
        code = main([*args, "--db", str(db_path)])
    except SystemExit as exit_info:  # a bad argument: argparse exits with status 2
        code = int(exit_info.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
