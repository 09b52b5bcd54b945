"""A database from before directory facts gets them as "genesis" events once, during its upgrade, so
it verifies; and what it held before the upgrade is still proven by the old events."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from schema_support import database_at_revision

from curator.events import GENESIS_HASH, canonical_json, compute_hash
from curator.integrity import verify
from curator.storage.db import open_database

pytestmark = pytest.mark.sqlite_file

ROWS = (
    "INSERT INTO operators (id, name, role, pin_hash, active) VALUES (1, 'Old Tech', 'technician', '', 1)",
    "INSERT INTO missions (id, code, name, landing_site, return_date, returned_mass_ug) "
    "VALUES (1, 'CE5', 'Chang''e-5', '', '2020-12-17', 1731000000)",
    "INSERT INTO institutions (id, name, country, city, contact) VALUES (1, 'Osaka University', 'JP', 'Osaka', '')",
    "INSERT INTO locations (id, parent_id, kind, name, path, atmosphere) "
    "VALUES (1, NULL, 'facility', 'Lab', 'Lab', '')",
    "INSERT INTO locations (id, parent_id, kind, name, path, atmosphere) "
    "VALUES (2, 1, 'position', 'P1', 'Lab / P1', '')",
    "INSERT INTO containers (id, barcode, kind, location_id, sealed) VALUES (1, 'JAR-1', 'jar', 2, 1)",
    "INSERT INTO samples (id, number, mission_id, kind, sampling, container_id, mass_ug, status, created_at, "
    "last_event_id) VALUES (1, 'CE5C0400YJFM00505', 1, 'powder', 'scooped', 1, 5000, 'in_store', "
    "'2021-01-01 09:00:00.000000', 1)",
    "INSERT INTO container_stays (sample_id, container_id, from_event_id) VALUES (1, 1, 1)",
    "INSERT INTO allocations (id, reference, institution_id, mission_id, pi, purpose, approved_mass_ug, status, "
    "requested_at, due_date, override_reason, version) VALUES (1, 'OLD-1', 1, 1, 'Dr Old', '', 1000, 'requested', "
    "'2021-01-02 09:00:00.000000', NULL, '', 1)",
)


def make_revision_0002_database(path: Path) -> None:
    """Directory rows written the old way (no facts), and one legacy event without a bound signer."""
    database_at_revision(path, "0002", *ROWS)
    received = SimpleNamespace(id=1, kind="received", occurred_at=datetime(2021, 1, 1, 9, tzinfo=UTC),
                               operator_id=1, sample_id=1, container_id=1, allocation_id=None, mass_ug=5000,
                               from_location_id=None, to_location_id=None, corrects_event_id=None, note="",
                               details=canonical_json({}), prev_hash=GENESIS_HASH)
    received.hash = compute_hash(received)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO events (id, kind, occurred_at, operator_id, sample_id, container_id, mass_ug, note, "
                     "details, prev_hash, hash) "
                     "VALUES (1, 'received', '2021-01-01 09:00:00.000000', 1, 1, 1, 5000, '', ?, ?, ?)",
                     (received.details, GENESIS_HASH, received.hash))
        conn.execute("UPDATE chain_head SET last_event_id = 1, last_hash = ?", (received.hash,))


def test_an_upgraded_database_gets_genesis_facts_once_and_verifies(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_revision_0002_database(path)
    db = open_database(path, auto_backup=False)
    try:
        assert [str(problem) for problem in verify(db)] == []
    finally:
        db.dispose()
    with sqlite3.connect(path) as conn:
        facts = conn.execute("SELECT kind, note, details FROM events WHERE id > 1 ORDER BY id").fetchall()
    assert {(kind, note) for kind, note, _ in facts} == {("registered", "genesis")}
    registered = sorted((json.loads(details)["table"], json.loads(details)["row"]) for _, _, details in facts)
    assert registered == [("allocations", 1), ("containers", 1), ("database_identity", 1), ("institutions", 1),
                          ("locations", 1), ("locations", 2), ("missions", 1), ("operators", 1), ("operators", 2),
                          ("samples", 1)]
    assert any(json.loads(details)["set"].get("country") == "JP" for _, _, details in facts)
    db = open_database(path, auto_backup=False)  # opening again adds nothing
    db.dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == len(facts) + 1
        conn.execute("UPDATE institutions SET country = 'US'")
        conn.execute("UPDATE samples SET number = 'CE5-RENUMBERED'")
    db = open_database(path, auto_backup=False)
    try:
        found = [str(problem) for problem in verify(db)]
        assert any("country is 'US', the chain gives 'JP'" in problem for problem in found), found
        assert any("number is 'CE5-RENUMBERED', the chain gives 'CE5C0400YJFM00505'" in problem for problem in found)
    finally:
        db.dispose()
