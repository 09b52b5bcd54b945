"""Images (JPEG, PNG, TIFF) attached to photographed and inspected events.

An event names each image by the SHA-256 of its bytes in its details ("photos"), so the chain covers the
images: `verify` reports an image that is missing or whose bytes no longer match. The bytes are kept in
the database, or, when the facility setting "photo folder" names one (curator/facility_settings.py: the
same for every desk, set by a curator or admin), in that folder as ``<sha256>.<ext>`` (the database then
keeps only the name, type and size). An image is looked for in the folder set now, then in the folders
set before it, so changing the setting loses no image already kept.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from curator.errors import NotFoundError, Refusal, ValidationError
from curator.facility_settings import Setting, current_setting, record_setting, setting_values
from curator.operators import find_operator, require_role
from curator.problems import Problem
from curator.storage.db import Database
from curator.storage.models import Event, Photo
from curator.vocabulary import Role

#: The first bytes of each image type Curator keeps, and its media type.
SIGNATURES = ((b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"), (b"II*\x00", "image/tiff"),
              (b"MM\x00*", "image/tiff"))
EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/tiff": ".tif"}
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Image:
    name: str
    media_type: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def read_image(path: str | Path) -> Image:
    """An image file, refused (naming the file) unless it is a JPEG, PNG or TIFF of at most MAX_BYTES."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValidationError(f"{path.name} is larger than {MAX_BYTES // (1024 * 1024)} MB",
                                  code=Refusal.FILE_TOO_LARGE,
                                  params={"name": path.name, "mb": MAX_BYTES // (1024 * 1024)})
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"cannot read image {path}: {exc.strerror or exc}", code=Refusal.CANNOT_READ,
                              params={"path": path, "detail": exc.strerror or exc}) from None
    for signature, media_type in SIGNATURES:
        if data.startswith(signature):
            return Image(path.name, media_type, data)
    raise ValidationError(f"{path.name} is not a JPEG, PNG or TIFF image", code=Refusal.NOT_AN_IMAGE,
                          params={"name": path.name})


def photo_folder(session: Session) -> Path | None:
    """The facility's photo folder (the setting's value now), or None: images go into the database."""
    value = current_setting(session, Setting.PHOTO_FOLDER).value
    return Path(value) if value else None


def photo_folders(session: Session) -> list[Path]:
    """Every folder the setting has named, the one set now first: where a kept image may be."""
    folders: list[Path] = []
    for setting in reversed(setting_values(session, Setting.PHOTO_FOLDER)):
        if setting.value and Path(setting.value) not in folders:
            folders.append(Path(setting.value))
    return folders


def set_photo_folder(db: Database, operator: str, folder: str, note: str = "") -> int:
    """Keep new images in ``folder`` (an absolute path every desk reaches; "" keeps them in the database),
    as the facility setting signed by a curator or admin; returns the event id. The folder is made if
    need be and must take a file; images already kept stay where they are and are still found there."""
    value = folder.strip()
    with db.read() as session:  # who may, before anything is made on disk
        require_role(find_operator(session, operator), Role.CURATOR, "set the facility's photo folder")
    if value:
        path = Path(value).expanduser()
        if not path.is_absolute():
            raise ValidationError(f"the photo folder must be a full path that every desk reaches, not {value!r}",
                                  code=Refusal.PHOTO_FOLDER_RELATIVE, params={"path": value})
        _check_writable(path)
        value = str(path)
    with db.write() as session:
        signer = find_operator(session, operator)
        require_role(signer, Role.CURATOR, "set the facility's photo folder")  # still, as it is signed
        if current_setting(session, Setting.PHOTO_FOLDER).value == value:
            where = f"the folder {value}" if value else "the database"
            raise ValidationError(f"images are already kept in {where}", code=Refusal.PHOTO_FOLDER_SAME,
                                  params={"path": value})
        return record_setting(session, signer, Setting.PHOTO_FOLDER, value, note=note).id


def _check_writable(folder: Path) -> None:
    """Make ``folder`` if it is not there and write (then remove) a file in it; refused naming the folder."""
    probe = folder / f".curator-check-{uuid.uuid4().hex}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ValidationError(f"cannot write into the photo folder {folder}: {exc.strerror or exc}",
                              code=Refusal.PHOTO_FOLDER_UNWRITABLE,
                              params={"path": folder, "detail": exc.strerror or exc}) from None


def _file(folder: Path, sha256: str, media_type: str) -> Path:
    return folder / f"{sha256}{EXTENSIONS.get(media_type, '')}"


def store_images(session: Session, images: Sequence[Image]) -> list[dict[str, Any]]:
    """Keep the images (once each), in the photo folder if one is set, else in the database; returns what
    an event's details say of them."""
    folder = photo_folder(session)
    stated = []
    for image in images:
        sha256 = image.sha256
        if session.execute(select(Photo.id).where(Photo.sha256 == sha256)).first() is None:
            if folder is not None:
                target = _file(folder, sha256, image.media_type)
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                    partial = target.with_suffix(target.suffix + ".part")
                    partial.write_bytes(image.data)
                    partial.replace(target)
                except OSError as exc:
                    raise ValidationError(f"cannot write into the photo folder {folder}: {exc.strerror or exc}",
                                          code=Refusal.PHOTO_FOLDER_UNWRITABLE,
                                          params={"path": folder, "detail": exc.strerror or exc}) from None
            session.add(Photo(sha256=sha256, media_type=image.media_type, size=len(image.data),
                              data=None if folder is not None else image.data))
        stated.append({"sha256": sha256, "name": image.name, "type": image.media_type})
    return stated


def _bytes(photo: Photo, folders: Sequence[Path]) -> bytes | None:
    """The image's bytes from the database, else from the first of ``folders`` that has its file."""
    if photo.data is not None:
        return photo.data
    for folder in folders:
        try:
            return _file(folder, photo.sha256, photo.media_type).read_bytes()
        except OSError:
            continue
    return None


def photo_bytes(db: Database, sha256: str) -> bytes:
    """The bytes of an attached image, checked against its SHA-256."""
    with db.read() as session:
        photo = session.execute(select(Photo).where(Photo.sha256 == sha256)).scalar_one_or_none()
        data = _bytes(photo, photo_folders(session)) if photo is not None else None
    if data is None or hashlib.sha256(data).hexdigest() != sha256:
        raise NotFoundError(f"image {sha256[:12]} is missing or altered", code=Refusal.IMAGE_MISSING,
                            params={"image": sha256[:12]})
    return data


def photo_problems(session: Session) -> list[Problem]:
    """Every image an event names that is missing or whose bytes no longer give its SHA-256, and every
    stored image no event names."""
    problems = []
    stored = {photo.sha256: photo for photo in session.execute(select(Photo)).scalars()}
    folders = photo_folders(session)
    named: set[str] = set()
    for event_id, details in session.execute(select(Event.id, Event.details)
                                             .where(Event.details.like('%"photos"%')).order_by(Event.id)):
        for stated in json.loads(details or "{}").get("photos", ()):
            sha256, name = stated.get("sha256", ""), stated.get("name", "")
            named.add(sha256)
            photo = stored.get(sha256)
            data = _bytes(photo, folders) if photo is not None else None
            if data is None:
                where = _where(folders) if photo is not None and photo.data is None else "the database"
                problems.append(Problem(f"image {name} ({sha256[:12]}) is missing from {where}", event_id))
            elif hashlib.sha256(data).hexdigest() != sha256:
                problems.append(Problem(f"image {name} ({sha256[:12]}) was altered: its bytes no longer give the "
                                        "SHA-256 the event recorded", event_id))
    problems += [Problem(f"image {sha256[:12]} is stored but no event names it (added behind the application's "
                         "back)") for sha256 in sorted(set(stored) - named)]
    return problems


def _where(folders: Sequence[Path]) -> str:
    if not folders:
        return "the database (no photo folder is set)"
    return "the photo folder " + " and ".join(str(folder) for folder in folders[:3])
