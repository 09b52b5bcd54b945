"""`curator demo`, `verify`, `report` and `record`: headless work on the database."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from curator import handling, inventory
from curator.errors import NotFoundError, ValidationError
from curator.facility_events import record_location_event, samples_reached
from curator.instruments.balance import STABLE_SECONDS, read_once, weighable
from curator.instruments.readings import balance_source
from curator.lookup import find_code
from curator.mass import format_mass
from curator.photos import read_image
from curator.placement import find_location
from curator.reports import GROUPINGS, ReportFilter, mass_report, mass_sources, report_total
from curator.storage.db import Database, open_database
from curator.storage.models import Container
from curator.storage.restore_history import recorded_replacements
from curator.vocabulary import HANDLING_KINDS, EventKind, Excursion, choices
from curator.witness import verify_with_witnesses
from ui.cli.parsing import add_loan_filter, mass_argument, moment_argument
from ui.cli.signing import signed_in, signer_options

#: What people type for a kind of event, and the kind it records.
KIND_ALIASES = {"weigh": "weighed", "move": "moved", "open": "opened", "seal": "sealed",
                "inspect": "inspected", "photo": "photographed", "photograph": "photographed"}
#: What ``curator record`` records: handling events, and excursions on a location.
RECORDED_KINDS = (*HANDLING_KINDS, EventKind.EXCURSION)


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    demo = commands.add_parser("demo", parents=[common], help="create the demo database")
    demo.set_defaults(run=run_demo)

    check = commands.add_parser("verify", parents=[common],
                                help="check the hash chain and mass balances (exit 1 when a problem is found)")
    check.add_argument("--head", metavar="CODE",
                       help="also prove history up to a chain head code printed earlier (`curator chain-head`)")
    check.set_defaults(run=run_verify)

    report = commands.add_parser("report", parents=[common], help="mass allocated, on loan, returned, consumed")
    report.add_argument("--by", choices=GROUPINGS, default="country")
    add_loan_filter(report)
    report.add_argument("--json", action="store_true", help="machine-readable output, masses in micrograms")
    report.add_argument("--sources", action="store_true",
                        help="instead: how many weighings were read from a balance and how many typed")
    report.set_defaults(run=run_report)

    record = commands.add_parser("record", parents=[common, signer_options()],
                                 help="record a handling event on a sample, container or location")
    record.add_argument("kind", metavar="KIND", help=f"one of {', '.join(RECORDED_KINDS)}")
    record.add_argument("target", metavar="TARGET",
                        help="sample number, container barcode, or a location's path or barcode (a facility event)")
    record.add_argument("--mass", type=mass_argument, help="measured mass for weighed, e.g. '12.5 mg'")
    record.add_argument("--balance", metavar="URI",
                        help="weighed: read the mass from this balance, e.g. mtsics:///dev/ttyUSB0?baud=9600, "
                             "sbi:///dev/ttyUSB0?bytesize=7&parity=O, mtsics+tcp://HOST:PORT")
    record.add_argument("--timeout", type=float, default=STABLE_SECONDS, metavar="S",
                        help=f"weighed --balance: seconds to wait for a stable value (default {STABLE_SECONDS:g})")
    record.add_argument("--to", dest="to",
                        help="moved: position path (for a container) or container barcode (for a sample)")
    record.add_argument("--atmosphere", default="", help="opened/sealed: nitrogen, air, argon or vacuum")
    record.add_argument("--note", default="")
    record.add_argument("--image", action="append", default=[], metavar="FILE",
                        help="photographed/inspected: attach a JPEG, PNG or TIFF image (repeat for more)")
    record.add_argument("--excursion", default="", help=f"excursion on a location: {choices(Excursion)}")
    record.add_argument("--start", type=moment_argument,
                        help="on a location: when it began, e.g. 2026-03-01T02:30 (local time; default now)")
    record.add_argument("--end", type=moment_argument, help="on a location: when it ended")
    record.add_argument("--value", default="", help="on a location: the measured value, e.g. '4.2 %% O2'")
    record.add_argument("--reason", default="",
                        help="weighed: why a mass beyond the balance tolerance is right (else it is refused)")
    record.add_argument("--operator", required=True, help="name of the operator who signs the event")
    record.set_defaults(run=run_record)


def run_demo(args: argparse.Namespace) -> int:
    from curator.demo import build_demo

    db = open_database(args.db)
    if inventory.count_samples(db):
        raise ValidationError(f"{db.display_name} already holds samples; the demo needs an empty database")
    build_demo(db)
    print(f"demo database ready: {db.display_name} ({inventory.count_samples(db)} samples)")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    db = open_database(args.db, create=False)
    problems = verify_with_witnesses(db, head=args.head)
    for problem in problems:
        print(problem)
    with db.read() as session:  # on purpose, and said in the chain: why heads seen before may be gone
        for replacement in recorded_replacements(session):
            print(replacement)
    if problems:
        print(f"{len(problems)} problem(s) found in {db.display_name}")
        return 1
    print(f"all consistent: {db.display_name}")
    return 0


def run_report(args: argparse.Namespace) -> int:
    db = open_database(args.db, create=False)
    if args.sources:
        sources = mass_sources(db)
        if args.json:
            print(json.dumps(asdict(sources)))
        else:
            print(f"weighings: {sources.weighings}, read from a balance: {sources.from_balance} "
                  f"({sources.balance_percent} %), typed: {sources.typed}, not stated (before Curator said): "
                  f"{sources.weighings - sources.from_balance - sources.typed}")
        return 0
    rows = mass_report(db, args.by, ReportFilter(args.mission, args.date_from, args.date_to))
    total = report_total(rows)
    if args.json:
        print(json.dumps({"by": args.by, "unit": "ug", "rows": [row.as_dict() for row in rows],
                          "total": total.as_dict()}, ensure_ascii=False, indent=2))
        return 0
    header = ("", "loans", "allocated", "handed over", "returned", "consumed", "on loan")
    lines = [header] + [
        (row.label, str(row.allocations), *(format_mass(value, "mg") for value in (
            row.allocated_ug, row.handed_over_ug, row.returned_ug, row.consumed_ug, row.on_loan_ug)))
        for row in [*rows, total]
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        print("  ".join(cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(line)))
    return 0


def run_record(args: argparse.Namespace) -> int:
    kind = KIND_ALIASES.get(args.kind, args.kind)
    if kind not in RECORDED_KINDS:
        raise ValidationError(f"unknown event kind {args.kind!r} (use one of {', '.join(RECORDED_KINDS)})")
    db = signed_in(args, args.operator)
    if kind == EventKind.EXCURSION or _names_a_location(db, args.target):
        event_id = record_location_event(db, args.operator, kind, args.target, note=args.note,
                                         atmosphere=args.atmosphere, excursion=args.excursion,
                                         started_at=args.start, ended_at=args.end, measured=args.value,
                                         images=[read_image(path) for path in args.image])
        reached = len(samples_reached(db, event_id))
        print(f"recorded event {event_id}: {kind} {args.target}; {reached} sample(s) inside at the time")
        return 0
    if kind == "weighed":
        mass, balance, source = _weighed_mass(args)
        result = inventory.weigh(db, args.operator, args.target, mass, args.note, reason=args.reason, balance=balance)
        print(f"recorded event {result.event_id}: {args.target} weighed {format_mass(result.measured_ug)}{source}")
        if result.flagged:
            print(f"confirmed: {format_mass(result.difference_ug)} from the expected "
                  f"{format_mass(result.expected_ug)} ({args.reason.strip()})")
        return 0
    if kind == "moved":
        if not args.to:
            raise ValidationError("moved needs --to (a position for a container, a container for a sample)")
        with db.read() as session:
            is_container = isinstance(find_code(session, args.target), Container)
        move = inventory.move_container if is_container else inventory.put_in_container
        event_id = move(db, args.operator, args.target, args.to, args.note)
    else:
        images = [read_image(path) for path in args.image]
        event_id = handling.record_observation(db, args.operator, kind, args.target, args.note, args.atmosphere,
                                               images=images)
    print(f"recorded event {event_id}: {kind} {args.target}")
    return 0


def _weighed_mass(args: argparse.Namespace) -> tuple[int, dict[str, object] | None, str]:
    """The mass to record (typed with --mass, or read from --balance), the balance's facts, and a word on it."""
    if (args.mass is None) == (args.balance is None):
        raise ValidationError("weighed needs --mass '12.5 mg' or --balance URI (one of them)")
    if args.balance is None:
        return args.mass, None, ""
    if not 0 < args.timeout <= 600:
        raise ValidationError(f"--timeout {args.timeout:g}: give seconds between 0 and 600")
    identity, taken = read_once(args.balance, args.timeout)
    return (weighable(taken), balance_source(identity, taken),
            f" (read from {identity.model}, serial {identity.serial}: {taken.raw.strip()!r})")


def _names_a_location(db: Database, code: str) -> bool:
    """True when ``code`` is no sample number or container barcode but a location's path or barcode."""
    with db.read() as session:
        for lookup in (find_code, find_location):
            try:
                lookup(session, code)
            except NotFoundError:
                continue
            return lookup is find_location
    return False
