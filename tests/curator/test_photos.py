"""Issue 14 part 6: images attached to photographed and inspected events, covered by the chain; verify
reports a missing or altered image, whether kept in the database or in the facility's photo folder."""

import hashlib
import json
from datetime import UTC, datetime

import pytest
from factories import CURATOR, PINS, TECH, sample, seed
from sqlalchemy import select, update

from curator import handling
from curator.errors import PermissionDenied, ValidationError
from curator.history import sample_history
from curator.integrity import verify
from curator.photos import photo_bytes, read_image, set_photo_folder
from curator.storage.models import Event, Photo
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


def test_images_in_the_photo_folder(db, number, images, tmp_path) -> None:
    folder = tmp_path / "facility-photos"
    set_photo_folder(db, CURATOR, str(folder))
    handling.record_observation(db, TECH, "inspected", number, note="rim of the vial",
                                images=[read_image(images / "front.png")])
    stored = folder / f"{hashlib.sha256(PNG).hexdigest()}.png"
    assert stored.read_bytes() == PNG
    with db.read() as session:
        assert session.execute(select(Photo.data)).scalar_one() is None
    assert verify(db) == []
    stored.write_bytes(PNG + b"retouched")
    assert [problem.message for problem in verify(db)] == [
        f"image front.png ({hashlib.sha256(PNG).hexdigest()[:12]}) was altered: its bytes no longer give the "
        "SHA-256 the event recorded"]
    stored.unlink()
    assert [problem.message for problem in verify(db)] == [
        f"image front.png ({hashlib.sha256(PNG).hexdigest()[:12]}) is missing from the photo folder {folder}"]


def test_switching_the_photo_folder_keeps_finding_the_images_kept_before(db, number, images, tmp_path) -> None:
    first, second = tmp_path / "nas-1", tmp_path / "nas-2"
    set_photo_folder(db, CURATOR, str(first))
    handling.record_observation(db, TECH, "photographed", number, images=[read_image(images / "front.png")])
    set_photo_folder(db, CURATOR, str(second), note="moved to the new server")
    handling.record_observation(db, TECH, "photographed", number, images=[read_image(images / "back.jpg")])
    assert (second / f"{hashlib.sha256(JPEG).hexdigest()}.jpg").read_bytes() == JPEG
    assert not (second / f"{hashlib.sha256(PNG).hexdigest()}.png").exists()
    assert photo_bytes(db, hashlib.sha256(PNG).hexdigest()) == PNG  # still read from the first folder
    set_photo_folder(db, CURATOR, "")  # back to the database
    (tmp_path / "third.png").write_bytes(PNG + b"third")
    handling.record_observation(db, TECH, "photographed", number, images=[read_image(tmp_path / "third.png")])
    with db.read() as session:
        assert session.execute(select(Photo.data).where(Photo.size == len(PNG) + 5)).scalar_one() == PNG + b"third"
    assert verify(db) == []
    (first / f"{hashlib.sha256(PNG).hexdigest()}.png").unlink()
    assert [problem.message for problem in verify(db)] == [
        f"image front.png ({hashlib.sha256(PNG).hexdigest()[:12]}) is missing from the photo folder "
        f"{second} and {first}"]


def test_only_a_curator_sets_a_reachable_photo_folder(db, number, tmp_path) -> None:
    with pytest.raises(PermissionDenied, match="only a curator may set the facility's photo folder"):
        set_photo_folder(db, TECH, str(tmp_path / "photos"))
    assert not (tmp_path / "photos").exists()  # refused before anything was made on disk
    with pytest.raises(ValidationError, match="must be a full path"):
        set_photo_folder(db, CURATOR, "photos")
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(ValidationError, match="cannot write into the photo folder"):
        set_photo_folder(db, CURATOR, str(tmp_path / "a-file"))
    with pytest.raises(ValidationError, match="already kept in the database"):
        set_photo_folder(db, CURATOR, "")
    set_photo_folder(db, CURATOR, str(tmp_path / "photos"))
    assert list((tmp_path / "photos").iterdir()) == []  # the check left nothing behind
    with db.write() as session:  # the setting is part of the chain: changed behind the app's back, it shows
        session.execute(update(Event).where(Event.kind == "setting")
                        .values(details=Event.details.op("||")(" ")))
    assert any("hash" in str(problem) for problem in verify(db))


def test_settings_from_the_cli(db, db_path, number, tmp_path, capsys, monkeypatch) -> None:
    db.dispose()
    folder = tmp_path / "photos"
    monkeypatch.setenv("CURATOR_PIN", PINS[CURATOR])
    assert main(["settings", "show", "--db", str(db_path)]) == 0
    assert "photo folder: in the database" in capsys.readouterr().out
    assert main(["settings", "photo-folder", str(folder), "--operator", CURATOR, "--db", str(db_path)]) == 0
    assert f"new images go into {folder}" in capsys.readouterr().out
    assert main(["settings", "show", "--json", "--db", str(db_path)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["photo_folder"]["value"] == str(folder) and shown["photo_folder"]["set_by"] == CURATOR
    from curator.feed import FeedEvent
    from ui.cli.watch_command import event_line

    setting = FeedEvent(shown["photo_folder"]["event"], "", "setting", datetime.now(UTC), CURATOR, None, None, None,
                        None, None, None, "", {"setting": "photo_folder", "value": str(folder)})
    assert f"setting  photo_folder={folder}  {CURATOR}" in event_line(setting)  # as `curator watch` prints it
    monkeypatch.setenv("CURATOR_PIN", PINS[TECH])
    assert main(["settings", "photo-folder", "--database", "--operator", TECH, "--db", str(db_path)]) == 2
    assert "only a curator may set" in capsys.readouterr().err


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


def test_a_photo_of_a_cabinet_keeps_its_image(db, db_path, number, images, capsys, monkeypatch) -> None:
    from factories import SHELF

    cabinet = SHELF.rsplit(" / ", 1)[0]
    monkeypatch.setenv("CURATOR_PIN", PINS[TECH])
    db.dispose()
    assert main(["record", "photographed", cabinet, "--image", str(images / "front.png"), "--note", "door seal",
                 "--operator", TECH, "--db", str(db_path)]) == 0
    capsys.readouterr()
    main(["show", cabinet, "--json", "--db", str(db_path)])
    shown = json.loads(capsys.readouterr().out)
    assert shown["history"][-1]["facts"]["photos"][0]["sha256"] == hashlib.sha256(PNG).hexdigest()
    assert photo_bytes(db, hashlib.sha256(PNG).hexdigest()) == PNG and verify(db) == []
    assert main(["record", "note", cabinet, "--note", "x", "--image", str(images / "back.jpg"),
                 "--operator", TECH, "--db", str(db_path)]) == 2
    assert "images are attached to photographed and inspected events, not 'note'" in capsys.readouterr().err
