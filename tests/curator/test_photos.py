"""Issue 14 part 6: images attached to photographed and inspected events, covered by the chain; verify
reports a missing or altered image, whether kept in the database or in the facility's photo folder."""

import hashlib
import json

import pytest
from factories import PINS, TECH, sample, seed
from sqlalchemy import select, update

from curator import handling
from curator.errors import ValidationError
from curator.history import sample_history
from curator.integrity import verify
from curator.photos import PHOTO_DIR_VARIABLE, photo_bytes, read_image
from curator.storage.models import Photo
from ui.cli import main

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(40))
JPEG = b"\xff\xd8\xff\xe0" + bytes(range(60))


@pytest.fixture
def number(db):
    seed(db)
    return sample(db)


@pytest.fixture
def images(tmp_path):
    (tmp_path / "front.png").write_bytes(PNG)
    (tmp_path / "back.jpg").write_bytes(JPEG)
    (tmp_path / "notes.gif").write_bytes(b"GIF89a" + bytes(10))
    return tmp_path


def test_an_image_is_named_by_its_sha256_in_the_event_and_kept_in_the_database(db, number, images) -> None:
    event_id = handling.record_observation(db, TECH, "photographed", number,
                                           images=[read_image(images / "front.png"), read_image(images / "back.jpg")])
    row = next(row for row in sample_history(db, number) if row.event_id == event_id)
    assert row.facts["photos"] == [
        {"sha256": hashlib.sha256(PNG).hexdigest(), "name": "front.png", "type": "image/png"},
        {"sha256": hashlib.sha256(JPEG).hexdigest(), "name": "back.jpg", "type": "image/jpeg"}]
    assert photo_bytes(db, hashlib.sha256(PNG).hexdigest()) == PNG
    assert verify(db) == []
    with db.write() as session:
        session.execute(update(Photo).where(Photo.sha256 == hashlib.sha256(PNG).hexdigest())
                        .values(data=PNG + b"retouched"))
    problems = [str(problem) for problem in verify(db)]
    assert problems == [f"event {event_id}: image front.png ({hashlib.sha256(PNG).hexdigest()[:12]}) was altered: "
                        "its bytes no longer give the SHA-256 the event recorded"]
    with db.write() as session:
        session.execute(Photo.__table__.delete().where(Photo.sha256 == hashlib.sha256(JPEG).hexdigest()))
    assert any("image back.jpg" in str(problem) and "missing from the database" in str(problem)
               for problem in verify(db))
    with db.write() as session:
        session.add(Photo(sha256="0" * 64, media_type="image/png", size=1, data=b"x"))
    assert "image 000000000000 is stored but no event names it" in str(verify(db))


def test_images_in_the_photo_folder(db, number, images, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "facility-photos"
    monkeypatch.setenv(PHOTO_DIR_VARIABLE, str(folder))
    handling.record_observation(db, TECH, "inspected", number, note="rim of the vial",
                                images=[read_image(images / "front.png")])
    stored = folder / f"{hashlib.sha256(PNG).hexdigest()}.png"
    assert stored.read_bytes() == PNG
    with db.read() as session:
        assert session.execute(select(Photo.data)).scalar_one() is None
    assert verify(db) == []
    stored.unlink()
    assert [problem.message for problem in verify(db)] == [
        f"image front.png ({hashlib.sha256(PNG).hexdigest()[:12]}) is missing from the photo folder"]


def test_only_real_images_on_photographed_or_inspected_events(db, number, images) -> None:
    with pytest.raises(ValidationError, match="notes.gif is not a JPEG, PNG or TIFF image"):
        read_image(images / "notes.gif")
    with pytest.raises(ValidationError, match="not 'note'"):
        handling.record_observation(db, TECH, "note", number, note="x", images=[read_image(images / "front.png")])


def test_record_attaches_images_from_the_cli(db, db_path, number, images, capsys, monkeypatch) -> None:
    monkeypatch.setenv("CURATOR_PIN", PINS[TECH])
    db.dispose()
    code = main(["record", "photographed", number, "--image", str(images / "back.jpg"), "--operator", TECH,
                 "--db", str(db_path)])
    assert code == 0
    capsys.readouterr()
    main(["show", number, "--json", "--db", str(db_path)])
    shown = json.loads(capsys.readouterr().out)
    assert shown["history"][-1]["facts"]["photos"][0]["name"] == "back.jpg"
    assert main(["record", "photographed", number, "--image", str(images / "notes.gif"), "--operator", TECH,
                 "--db", str(db_path)]) == 2
    assert "notes.gif is not a JPEG" in capsys.readouterr().err


def test_the_demo_has_one_photo_and_one_past_nitrogen_excursion(demo_db) -> None:
    from curator.condition import condition_of
    from curator.demo import FACILITY, PHOTO_SAMPLE
    from curator.describe import describe
    from curator.occupancy import storage_map

    photos = [row.facts["photos"] for row in sample_history(demo_db, PHOTO_SAMPLE) if "photos" in row.facts]
    assert len(photos) == 1 and photo_bytes(demo_db, photos[0][0]["sha256"]).startswith(b"\xff\xd8\xff")
    cabinet = describe(demo_db, f"{FACILITY} / Storage room 1 / Nitrogen cabinet N2")
    excursions = [row for row in cabinet["history"] if row["kind"] == "excursion"]
    assert len(excursions) == 1 and excursions[0]["facts"]["excursion"] == "nitrogen_lost"
    reached = excursions[0]["facts"]["samples"]
    assert reached and all(condition_of(demo_db, number).condition == "exposed" for number in reached[:5])
    shelves = [storage_map(demo_db, f"{FACILITY} / Storage room 1 / Nitrogen cabinet {name} / Shelf 1")
               for name in ("N1", "N2")]
    shown = [{condition for cell in shelf.cells for condition in cell.conditions} for shelf in shelves]
    assert "exposed" in shown[1] and "pristine" in shown[0]  # the storage map shows each sample's condition
