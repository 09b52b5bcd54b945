"""`curator settings show|photo-folder`: the facility's settings, the same for every desk because they are
kept in the database as signed events (curator/facility_settings.py)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from curator.facility_settings import Setting, SettingValue, facility_settings
from curator.photos import set_photo_folder
from curator.storage.db import open_database
from ui.cli.signing import signed_in, signer_options


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    settings = commands.add_parser("settings", parents=[common],
                                   help="the facility's settings, shared by every desk (curators set them)")
    actions = settings.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(settings))
    show = actions.add_parser("show", parents=[common], help="every facility setting, who set it and when")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(run=run_show)
    photos = actions.add_parser("photo-folder", parents=[common, signer_options()],
                                help="keep new images in a folder every desk reaches (or --database)")
    where = photos.add_mutually_exclusive_group(required=True)
    where.add_argument("folder", metavar="FOLDER", nargs="?", help="a full path, made if it is not there")
    where.add_argument("--database", action="store_true", help="keep new images in the database")
    photos.add_argument("--note", default="", help="why (recorded with the setting)")
    photos.add_argument("--operator", required=True, help="the curator or admin who sets it")
    photos.set_defaults(run=run_photo_folder)


def _describe(setting: SettingValue) -> str:
    if setting.setting == Setting.PHOTO_FOLDER:
        value = setting.value or "in the database"
    else:
        value = setting.value or "(not set)"
    name = setting.setting.replace("_", " ")
    if not setting.event_id:
        return f"{name}: {value}"
    when = setting.set_at.astimezone().strftime("%Y-%m-%d %H:%M") if setting.set_at else ""
    return f"{name}: {value} (set by {setting.set_by} on {when}, event {setting.event_id})"


def run_show(args: argparse.Namespace) -> int:
    settings = facility_settings(open_database(args.db, create=False))
    if args.json:
        print(json.dumps({setting.setting: {"value": setting.value, "event": setting.event_id or None,
                                            "set_at": setting.set_at.isoformat() if setting.set_at else None,
                                            "set_by": setting.set_by or None} for setting in settings},
                         ensure_ascii=False, indent=2))
    else:
        for setting in settings:
            print(_describe(setting))
    return 0


def run_photo_folder(args: argparse.Namespace) -> int:
    db = signed_in(args, args.operator)
    folder = "" if args.database else args.folder
    event_id = set_photo_folder(db, args.operator, folder, args.note)
    target = f"new images go into {Path(folder.strip()).expanduser()}" if folder else "new images go into the database"
    print(f"recorded event {event_id}: {target}; images kept before stay where they are and are still found")
    return 0
