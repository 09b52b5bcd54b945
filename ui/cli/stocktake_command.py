"""`curator stocktake LOCATION --scanned FILE`: compare a scanner's file with what the database places in a
location, record the stocktake as an event on it, and optionally print the location's content list (PDF).

Exit status 0 when every expected container was found and nothing else; 1 when some are missing or
unexpected (the stocktake is recorded either way)."""

from __future__ import annotations

import argparse
import json

from curator.stocktake import read_scanned_file, record_stocktake
from ui.cli.output_commands import add_force
from ui.cli.signing import signed_in, signer_options


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    stocktake = commands.add_parser("stocktake", parents=[common, signer_options()],
                                    help="compare a scanner's file with a location's containers and record it")
    stocktake.add_argument("location", metavar="LOCATION", help="the location's path or barcode")
    stocktake.add_argument("--scanned", required=True, metavar="FILE",
                           help="the scanner's file: one barcode a line (or the first column of a CSV)")
    stocktake.add_argument("-o", "--output", metavar="OUT.pdf", help="also print the location's content list")
    stocktake.add_argument("--json", action="store_true", help="machine-readable output")
    stocktake.add_argument("--operator", required=True, help="name of the operator who signs the stocktake")
    add_force(stocktake)
    stocktake.set_defaults(run=run_stocktake)


def run_stocktake(args: argparse.Namespace) -> int:
    scanned = read_scanned_file(args.scanned)
    db = signed_in(args, args.operator)
    event_id, taken = record_stocktake(db, args.operator, args.location, scanned)
    if args.output:
        from ui.printing import ensure_gui_application
        from ui.stocktake_print import write_content_list_pdf

        ensure_gui_application()
        write_content_list_pdf(args.output, taken, args.force, db.path)
    if args.json:
        print(json.dumps({"location": taken.location, "event": event_id, "expected": taken.expected_codes,
                          "found": taken.found, "missing": taken.missing, "unexpected": taken.unexpected,
                          "elsewhere": taken.elsewhere}, ensure_ascii=False, indent=2))
    else:
        print(f"stocktake of {taken.location} recorded as event {event_id}: {len(taken.expected)} expected, "
              f"{len(taken.found)} found, {len(taken.missing)} missing, {len(taken.unexpected)} unexpected")
        for code in taken.missing:
            print(f"  missing: {code}")
        for code in taken.unexpected:
            where = taken.elsewhere.get(code)
            print(f"  unexpected: {code}" + (f" (recorded at {where})" if where else
                                            " (recorded nowhere)" if code in taken.elsewhere else " (unknown)"))
        if args.output:
            print(f"wrote {args.output}: content list of {taken.location}")
    return 1 if taken.missing or taken.unexpected else 0
