"""`curator location ...` and `curator container ...`: make, rename, retire and list storage."""

from __future__ import annotations

import argparse
import dataclasses
import json

from curator.containers import add_containers, rename_container, retire_container
from curator.errors import ValidationError
from curator.locations import add_location, rename_location, retire_location
from curator.occupancy import list_locations
from curator.rows import LocationEntry
from curator.storage.db import open_database
from curator.vocabulary import GridNaming
from ui.cli.signing import signed_in, signer_options

#: The PARENT that stands for "no parent" (a facility).
TOP = "/"


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    signer = signer_options()
    signer.add_argument("--operator", required=True, help="name of the operator who signs the change")
    location = commands.add_parser("location", parents=[common], help="add, rename, retire or list storage locations")
    steps = location.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(location))
    add = steps.add_parser("add", parents=[common, signer], help="add a room, cabinet, shelf or rack (with a grid)")
    add.add_argument("parent", metavar="PARENT", help=f"path or barcode of the location it goes in ({TOP!r} for a "
                                                      "facility)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--kind", required=True, help="facility, room, cabinet, nitrogen_cabinet, glove_box, safe, "
                                                   "desiccator, shelf, rack or position")
    add.add_argument("--grid", help="rows x columns of positions, e.g. 4x6 (named A1..D6)")
    add.add_argument("--numbered", action="store_true", help="name the grid's positions P01, P02, ... instead")
    add.add_argument("--atmosphere", default="", help="nitrogen, air, argon or vacuum (default: the parent's)")
    add.add_argument("--barcode", help="the code on its label (default: the next LOC-NNNNNN)")
    add.set_defaults(run=run_location_add)
    rename = steps.add_parser("rename", parents=[common, signer], help="give a location a new name")
    rename.add_argument("location", metavar="LOCATION", help="path or barcode")
    rename.add_argument("name", metavar="NEW_NAME")
    rename.set_defaults(run=run_location_rename)
    retire = steps.add_parser("retire", parents=[common, signer], help="take an empty location out of use")
    retire.add_argument("location", metavar="LOCATION", help="path or barcode")
    retire.set_defaults(run=run_location_retire)
    listing = steps.add_parser("list", parents=[common], help="every location below PARENT and what it holds")
    listing.add_argument("parent", metavar="PARENT", nargs="?", help="path or barcode (default: all storage)")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(run=run_location_list)

    container = commands.add_parser("container", parents=[common], help="add, relabel or retire containers")
    steps = container.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(container))
    add = steps.add_parser("add", parents=[common, signer], help="add a container, or a numbered batch")
    add.add_argument("barcode", metavar="BARCODE", nargs="?", help="its barcode (or give --count and --prefix)")
    add.add_argument("--kind", required=True, help="vial, capsule, jar, ampoule, bag or box (of thin sections)")
    add.add_argument("--at", dest="place", metavar="POSITION",
                     help="a position, or a shelf, rack or cabinet whose next free position it takes")
    add.add_argument("--count", type=int, default=0, help="make this many, numbered after the prefix's highest")
    add.add_argument("--prefix", default="", help="with --count: the barcodes' prefix, e.g. LSL-")
    add.set_defaults(run=run_container_add)
    relabel = steps.add_parser("rename", parents=[common, signer], help="give a container a new barcode")
    relabel.add_argument("barcode", metavar="BARCODE")
    relabel.add_argument("new_barcode", metavar="NEW_BARCODE")
    relabel.set_defaults(run=run_container_rename)
    retire = steps.add_parser("retire", parents=[common, signer], help="take an empty container out of use")
    retire.add_argument("barcode", metavar="BARCODE")
    retire.set_defaults(run=run_container_retire)


def run_location_add(args: argparse.Namespace) -> int:
    db = signed_in(args, args.operator)
    path = add_location(db, args.operator, None if args.parent.strip() == TOP else args.parent, args.kind, args.name,
                        args.atmosphere, grid=args.grid, barcode=args.barcode,
                        naming=GridNaming.NUMBERS if args.numbered else GridNaming.LETTERS)
    added = list_locations(db, path)
    print(f"added {path}" + (f" with {len(added)} positions ({added[0].name}..{added[-1].name})" if added else ""))
    return 0


def run_location_rename(args: argparse.Namespace) -> int:
    print(f"renamed to {rename_location(signed_in(args, args.operator), args.operator, args.location, args.name)}")
    return 0


def run_location_retire(args: argparse.Namespace) -> int:
    print(f"retired {retire_location(signed_in(args, args.operator), args.operator, args.location)}")
    return 0


def run_location_list(args: argparse.Namespace) -> int:
    entries = list_locations(open_database(args.db, create=False), args.parent)
    if args.json:
        print(json.dumps([_as_json(entry) for entry in entries], ensure_ascii=False, indent=2))
        return 0
    top = min((entry.path.count(" / ") for entry in entries), default=0)
    for entry in entries:
        print("  " * (entry.path.count(" / ") - top) + _as_line(entry))
    return 0


def _as_json(entry: LocationEntry) -> dict[str, object]:
    found = dataclasses.asdict(entry)
    found["samples"] = list(entry.samples)
    for key in ("barcode", "grid", "container", "container_kind", "atmosphere"):
        found[key] = found[key] or None
    return found


def _as_line(entry: LocationEntry) -> str:
    if entry.kind == "position":
        inside = f" ({', '.join(entry.samples)})" if entry.samples else " (empty)"
        holds = f"{entry.container_kind} {entry.container}{inside}" if entry.container else "free"
        return f"{entry.name}  [{entry.barcode}]  {holds}"
    full = f"  {entry.taken}/{entry.positions} taken" if entry.positions else ""
    grid = f"  grid {entry.grid}" if entry.grid else ""
    return f"{entry.name}  ({entry.kind.replace('_', ' ')})  [{entry.barcode}]{grid}{full}"


def run_container_add(args: argparse.Namespace) -> int:
    if bool(args.barcode) == bool(args.count):
        raise ValidationError("give a BARCODE, or --count N with --prefix for a numbered batch")
    if args.count and not args.prefix.strip():
        raise ValidationError("--count needs --prefix, e.g. --prefix LSL-")
    db = signed_in(args, args.operator)
    made = add_containers(db, args.operator, args.kind, [args.barcode] if args.barcode else None,
                          count=args.count, prefix=args.prefix, place=args.place)
    for container in made:
        print(f"{container.barcode}" + (f"  at {container.position}" if container.position else ""))
    return 0


def run_container_rename(args: argparse.Namespace) -> int:
    new = rename_container(signed_in(args, args.operator), args.operator, args.barcode, args.new_barcode)
    print(f"{args.barcode} is now {new}")
    return 0


def run_container_retire(args: argparse.Namespace) -> int:
    print(f"retired {retire_container(signed_in(args, args.operator), args.operator, args.barcode)}")
    return 0
