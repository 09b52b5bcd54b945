"""`curator reminders` and `remind` (what is due, the reminder letter to a borrower) and `curator inventory
statements|confirm|discrepancies` (the borrowers' yearly inventory, and where their answers disagree with
the chain)."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING

from curator.storage.db import open_database
from ui.cli.output_commands import add_force
from ui.cli.parsing import date_argument
from ui.cli.signing import signed_in, signer_options

if TYPE_CHECKING:
    from curator.inventory_check import Discrepancy


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    listing = commands.add_parser("reminders", parents=[common],
                                  help="reminders to send: loans due in 30 days, due, overdue; inventories due or late")
    listing.add_argument("--today", type=date_argument, help="the day to list them for (default: today)")
    listing.add_argument("--all", action="store_true", help="also the items whose reminder was already sent")
    listing.add_argument("--json", action="store_true", help="one JSON list")
    listing.set_defaults(run=run_reminders)

    remind = commands.add_parser("remind", parents=[common, signer_options()],
                                 help="write a borrower's bilingual reminder letter (PDF and e-mail text) and "
                                      "record it as sent")
    remind.add_argument("institution", metavar="INSTITUTION")
    remind.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    remind.add_argument("--email", metavar="FILE", help="also write the e-mail text to FILE (default: print it)")
    remind.add_argument("--today", type=date_argument, help="the day of the letter (default: today)")
    remind.add_argument("--operator", required=True, help="who sends it (signs the reminded events)")
    add_force(remind)
    remind.set_defaults(run=run_remind)

    inventory = commands.add_parser("inventory", parents=[common], help="the borrowers' yearly inventory")
    steps = inventory.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(inventory))
    statements = steps.add_parser("statements", parents=[common],
                                  help="one bilingual statement (.xlsx and .pdf) per borrower holding material")
    statements.add_argument("--year", type=int, required=True, help="the year the statements are for")
    statements.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write them in")
    statements.add_argument("--institution", help="only this borrower")
    statements.add_argument("--today", type=date_argument, help="the date written on them (default: today)")
    add_force(statements)
    statements.set_defaults(run=run_inventory_statements)
    confirm = steps.add_parser("confirm", parents=[common, signer_options()],
                               help="record a borrower's yearly inventory (from its filled statement)")
    confirm.add_argument("reference", metavar="REF",
                         help="an allocation reference, or a borrower's name (all its loans)")
    confirm.add_argument("--year", type=int, required=True)
    confirm.add_argument("--from", dest="source", metavar="FILE",
                         help="the filled statement (.xlsx); without it, everything is held as handed over")
    confirm.add_argument("--operator", required=True, help="who records it")
    confirm.set_defaults(run=run_inventory_confirm)
    differs = steps.add_parser("discrepancies", parents=[common],
                               help="the splits whose confirmed inventory disagrees with the chain (exit 1 if any); "
                                    "a borrower's word changes no mass: a curator records a correction if needed")
    differs.add_argument("--year", type=int, help="only the inventories of this year (default: every year)")
    differs.add_argument("--json", action="store_true", help="one JSON list, masses in micrograms")
    differs.set_defaults(run=run_inventory_discrepancies)


def run_reminders(args: argparse.Namespace) -> int:
    from curator.reminders import due_list

    db = open_database(args.db, create=False)
    items = [item for item in due_list(db, args.today) if args.all or item.to_send]
    if args.json:
        print(json.dumps([{**asdict(item), "due": item.due.isoformat(),
                           "sent_on": item.sent_on.isoformat() if item.sent_on else None} for item in items],
                         ensure_ascii=False, indent=1))
        return 0
    for item in items:
        days = f"{item.days:+d} d"
        sent = f"sent {item.sent_on}" if item.sent_on else "to send"
        print(f"{item.institution}\t{item.reference}\t{item.state}\t{item.due}\t{days}\t{item.step}\t{sent}")
    if not items:
        print(f"nothing to remind on {args.today or date.today()}")
    return 0


def run_remind(args: argparse.Namespace) -> int:
    from curator.reminder_letter import reminder_letter
    from curator.reminders import record_sent

    db = signed_in(args, args.operator)
    letter = reminder_letter(db, args.institution, args.today)
    from ui.printing import ensure_gui_application
    from ui.reminder_print import write_letter_pdf

    ensure_gui_application()
    write_letter_pdf(args.output, letter, args.force, db.path)
    if args.email:
        from curator.safe_output import write_output

        write_output(args.email, lambda path: path.write_text(letter.email(), encoding="utf-8"),
                     replace=args.force, database=db.path)
    else:
        print(letter.email())
    sent = record_sent(db, args.operator, letter.institution, args.today)
    print(f"wrote {args.output}: reminder to {letter.institution}, {len(sent)} item(s) recorded as sent")
    return 0


def run_inventory_statements(args: argparse.Namespace) -> int:
    from pathlib import Path

    from curator.loan_inventory import statements
    from curator.outputs.inventory_statement import statement_name, write_statement_xlsx

    db = open_database(args.db, create=False)
    found = statements(db, args.year, args.today or date.today(), args.institution)
    if not found:
        print(f"no borrower held material at the end of {args.year}")
        return 0
    from ui.printing import ensure_gui_application
    from ui.statement_print import write_statement_pdf

    ensure_gui_application()
    for statement in found:
        stem = Path(args.output) / statement_name(statement)
        write_statement_xlsx(stem.with_suffix(".xlsx"), statement, args.force, db.path)
        write_statement_pdf(stem.with_suffix(".pdf"), statement, args.force, db.path)
        print(f"wrote {stem}.xlsx and .pdf: {statement.institution}, {len(statement.lines)} split(s)")
    return 0


def run_inventory_confirm(args: argparse.Namespace) -> int:
    from curator.errors import ValidationError
    from curator.loan_inventory import confirm
    from curator.outputs.inventory_statement import read_statement

    db = signed_in(args, args.operator)
    answers = None
    if args.source:
        borrower, year, answers = read_statement(args.source)
        if year != args.year:
            raise ValidationError(f"{args.source} is the statement of {year}, not {args.year}")
        ref = args.reference.strip()
        if ref != borrower and all(answer.reference != ref for answer in answers):
            raise ValidationError(f"{args.source} is the statement of {borrower}: it says nothing about {ref}")
    done = confirm(db, args.operator, args.reference, args.year, answers)
    print(f"recorded the {args.year} inventory of {', '.join(done)}")
    return 0


def run_inventory_discrepancies(args: argparse.Namespace) -> int:
    from curator.inventory_check import inventory_discrepancies

    db = open_database(args.db, create=False)
    found = inventory_discrepancies(db, args.year)
    if args.json:
        print(json.dumps([{**asdict(item), "chain_day": item.chain_day.isoformat() if item.chain_day else None}
                          for item in found], ensure_ascii=False, indent=1))
    elif found:
        for item in found:
            print(f"{item.institution}\t{item.reference}\t{item.year}\t{item.number}\t{discrepancy_text(item)}")
    else:
        print("every confirmed inventory" + (f" of {args.year}" if args.year else "") + " agrees with the chain")
    return 1 if found else 0


def discrepancy_text(item: Discrepancy) -> str:
    """What differs, in one line."""
    from curator.mass import format_mass
    from curator.vocabulary import InventoryDiscrepancy

    said, back = format_mass(item.returned_ug), format_mass(item.chain_back_ug or 0)
    return {InventoryDiscrepancy.NO_RETURN_RECORDED: f"the borrower says {said} was sent back; no return is recorded",
            InventoryDiscrepancy.OTHER_MASS_BACK: f"the borrower says {said} was sent back; {back} was weighed back "
                                                  f"on {item.chain_day}",
            InventoryDiscrepancy.RECORDED_USED_UP: f"the borrower says {said} was sent back; it is recorded used up "
                                                   f"on {item.chain_day}",
            InventoryDiscrepancy.BACK_MORE_THAN_HELD: f"came back on {item.chain_day} with {back}, more than the "
                                                      f"{format_mass(item.held_ug)} the borrower said it held at "
                                                      f"the end of {item.year}"}[item.kind]
