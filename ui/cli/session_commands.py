"""Scanning sessions from a scanner's file: `curator handover REF --scanned FILE` hands over every split of
a loan in one transaction (each prepared split scanned, others added), and `curator return REF --scanned
FILE` records several splits back in one. Each refusal is one line naming its split, and nothing is recorded
unless every line passes; a summary is printed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from curator.mass import format_mass

SCANNED_RETURNS_HELP = ("a scanner's file, one split a line: its code (sample number or container barcode), then "
                        "optionally, after a comma or tab, the mass back (default: all it left with), the mass "
                        "consumed, the treatment (words joined by '+', e.g. polished+coated) and the position its "
                        "container goes back to (a position's path or barcode, or a shelf: its next free one; "
                        "default: where it left from if free, else the nearest free one), e.g. "
                        "'CE5C0400YJFM00502,,,,Annex / Shelf A / Q2'")


def refused(problems: Sequence[str]) -> int:
    """Say each problem on its own line on standard error; the exit status of a refusal."""
    for problem in problems:
        print(f"curator: {problem}", file=sys.stderr)
    print(f"curator: nothing recorded ({len(problems)} problem(s))", file=sys.stderr)
    return 2


def run_handover_session(args: argparse.Namespace) -> int:
    from curator import allocations
    from curator.loan_sessions import plan_handover
    from curator.stocktake import read_scanned_file
    from ui.cli.signing import signed_in

    codes = read_scanned_file(args.scanned)
    db = signed_in(args, args.operator)
    plan = plan_handover(db, args.reference, codes)
    if plan.problems:
        return refused(plan.problems)
    allocations.hand_over(db, args.operator, plan.reference, [number for number, _mass in plan.added], args.due,
                          expected_ug=plan.total_ug)
    print(f"handed over {plan.reference}: {len(plan.prepared) + len(plan.added)} split(s), "
          f"{format_mass(plan.total_ug)} of {format_mass(plan.approved_ug)} approved"
          + (f", due {args.due}" if args.due else ""))
    for number, mass in plan.prepared:
        print(f"  {number}\t{format_mass(mass)}\tprepared")
    for number, mass in plan.added:
        print(f"  {number}\t{format_mass(mass)}\tscanned")
    return 0


def run_return_session(args: argparse.Namespace) -> int:
    from curator.errors import ValidationError
    from curator.loan_sessions import plan_returns, record_returns, scanned_returns
    from curator.stocktake import read_scanned_rows
    from ui.cli.signing import signed_in

    if args.split or args.mass is not None or args.consumed is not None or args.treatment or args.place:
        raise ValidationError("--scanned gives every split with its masses and treatment: leave out --split, "
                              "--mass, --consumed, --treatment and --at")
    scans, problems = scanned_returns(read_scanned_rows(args.scanned))
    db = signed_in(args, args.operator)
    plan = plan_returns(db, args.reference, scans)
    if problems or plan.problems:
        return refused([*problems, *plan.problems])
    record_returns(db, args.operator, plan.reference, plan.splits, args.note)
    back = sum(split.returned_ug for split in plan.splits)
    consumed = sum(split.left_with_ug - split.returned_ug for split in plan.splits)
    print(f"returned under {plan.reference}: {len(plan.splits)} split(s), {format_mass(back)} back, "
          f"{format_mass(consumed)} consumed; {len(plan.still_out)} still out")
    for split in plan.splits:
        print(f"  {split.number}\tleft with {format_mass(split.left_with_ug)}\tback {format_mass(split.returned_ug)}"
              f"\tconsumed {format_mass(split.left_with_ug - split.returned_ug)}"
              f"\ttreatment {', '.join(split.treatment) or '-'}"
              + (f"\tback to {plan.homes[split.number]}" if plan.homes.get(split.number) else ""))
    for number in plan.still_out:
        print(f"  {number}\tstill out")
    return 0
