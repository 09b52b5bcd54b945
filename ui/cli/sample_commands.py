"""`curator receive`, `curator split` and `curator show`: the desk's receive step, split and sample detail,
for scripts and checks."""

from __future__ import annotations

import argparse
import json
from typing import Any

from curator import inventory
from curator.describe import describe
from curator.history import sample_detail
from curator.inventory import ChildSpec
from curator.mass import format_mass
from curator.storage.db import open_database
from curator.vocabulary import SampleKind, Sampling, choices
from ui.cli.parsing import mass_argument
from ui.cli.signing import signed_in, signer_options


def child_argument(text: str) -> ChildSpec:
    """``MASS[@CONTAINER]``: a child's mass and, optionally, the barcode of the container it goes into."""
    mass, at, container = text.rpartition("@") if "@" in text else (text, "", "")
    if at and not container.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: name the container after '@' (e.g. '12.5 mg@VIAL-1')")
    return ChildSpec(mass_argument(mass), container=container.strip() or None)


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    receive = commands.add_parser("receive", parents=[common, signer_options()],
                                  help="receive a primary sample into the facility, in its container and position")
    receive.add_argument("number", metavar="NUMBER", help="the new sample's number")
    receive.add_argument("--mission", required=True, help="the mission it comes from (e.g. CE5, CE6)")
    receive.add_argument("--mass", type=mass_argument, required=True, help="its mass, e.g. '0.200 g' or '12 500 ug'")
    receive.add_argument("--kind", default="powder", help=f"one of {choices(SampleKind)} (default powder)")
    receive.add_argument("--sampling", default="", help=f"how it was taken: {choices(Sampling)} (default unstated)")
    receive.add_argument("--container", metavar="BARCODE", required=True,
                         help="the container it is received in (new material always has one): an empty one in "
                              "use, or a barcode not in use yet (a new jar)")
    receive.add_argument("--at", dest="place", metavar="POSITION",
                         help="where the container goes: a position, or a shelf, rack or cabinet whose next free "
                              "position it takes (default: a new jar takes the first free position; a container "
                              "in use stays where it stands)")
    receive.add_argument("--note", default="")
    receive.add_argument("--operator", required=True, help="name of the operator who signs the receipt")
    receive.set_defaults(run=run_receive)

    split = commands.add_parser("split", parents=[common, signer_options()],
                                help="split a sample; prints the children's numbers")
    split.add_argument("sample", metavar="SAMPLE", help="the sample number to split")
    split.add_argument("--child", type=child_argument, action="append", required=True, metavar="MASS[@CONTAINER]",
                       help="a child's mass and, optionally, its container's barcode: an existing empty "
                            "container, or a new vial (repeat for each child)")
    split.add_argument("--at", dest="place", metavar="PLACE",
                       help="where new vials (a barcode after '@' not in use yet) go: a position, or a shelf, rack or "
                            "cabinet whose next free positions they take (default: the free ones nearest the parent)")
    split.add_argument("--loss", type=mass_argument, default=0, help="mass lost in the process (default 0)")
    split.add_argument("--expect", type=mass_argument,
                       help="the sample's mass you saw before splitting; refused if it changed since")
    split.add_argument("--note", default="")
    split.add_argument("--operator", required=True, help="name of the operator who signs the split")
    split.set_defaults(run=run_split)

    show = commands.add_parser("show", parents=[common],
                               help="properties and full history of a sample, container or location")
    show.add_argument("code", metavar="SAMPLE|CONTAINER|LOCATION")
    show.add_argument("--json", action="store_true", help="machine-readable output, masses in micrograms")
    show.set_defaults(run=run_show)


#: The property that names each kind of record.
_NAME_KEYS = {"sample": "number", "container": "barcode", "location": "path"}


def _shown(key: str, value: Any) -> str:
    if key == "mass_ug":
        return format_mass(value)
    if key == "samples":
        return ", ".join(f"{s['number']} ({format_mass(s['mass_ug'])})" for s in value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value).replace("_", " ") if key == "status" else str(value)


def _fact(key: str, value: Any) -> str:
    """A history fact on one line: the samples a facility event reached are counted (`--json` lists them)."""
    if key == "samples" and isinstance(value, list):
        return f"{len(value)} reached"
    if key == "photos" and isinstance(value, list):
        return ", ".join(f"{photo.get('name')} (sha256 {str(photo.get('sha256'))[:12]})" for photo in value)
    if key == "children" and isinstance(value, list):
        return ", ".join(f"{child.get('number')} {format_mass(child['mass_ug'])}" if isinstance(child, dict)
                         and isinstance(child.get("mass_ug"), int) else str(child) for child in value)
    if key.endswith("_ug") and isinstance(value, int):
        return format_mass(value)
    return str(value)


def run_receive(args: argparse.Namespace) -> int:
    db = signed_in(args, args.operator)
    event_id = inventory.receive_sample(db, args.operator, args.number, args.mission, args.kind, args.mass,
                                        args.sampling, args.container, args.note, position=args.place)
    received = sample_detail(db, args.number)
    print(f"recorded event {event_id}: {received.number} received, {received.mission} {received.kind} "
          f"{format_mass(received.mass_ug)}")
    print(f"in {received.container_kind} {received.barcode} at {received.location or '(no position)'}")
    return 0


def run_split(args: argparse.Namespace) -> int:
    db = signed_in(args, args.operator)
    children = [ChildSpec(child.mass_ug, child.number, child.container, args.place) for child in args.child]
    numbers = inventory.split(db, args.operator, args.sample, children, args.loss, args.note,
                              expected_ug=args.expect)
    for number in numbers:
        print(number)
    return 0


def run_show(args: argparse.Namespace) -> int:
    found = describe(open_database(args.db, create=False), args.code)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return 0
    history = found.pop("history")
    kind = found.pop("type")
    print(f"{kind} {found.pop(_NAME_KEYS[kind])}")
    for key, value in found.items():
        if value not in (None, [], ""):
            print(f"  {key.removesuffix('_ug')}: {_shown(key, value)}")
    print("history:")
    for row in history:
        mass = f"  {format_mass(row['mass_ug'])}" if row["mass_ug"] is not None else ""
        via = f"  (on {row['via_container']})" if row.get("via_container") else ""
        via += f"  (in {row['via_location']})" if row.get("via_location") else ""
        via += f"  [{row['sample']}]" if row.get("sample") else ""
        facts = "; ".join(f"{k.removesuffix('_ug')}: {_fact(k, v)}" for k, v in row["facts"].items()
                          if k != "signer")
        print(f"  #{row['event']}  {row['at']}  {row['kind']}  {row['operator']}{mass}{via}"
              + (f"  {facts}" if facts else ""))
    return 0
