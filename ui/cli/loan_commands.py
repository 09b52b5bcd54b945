"""`curator reminders` and `curator remind`: what is due, and the reminder letter to a borrower."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date

from curator.storage.db import open_database
from ui.cli.output_commands import add_force
from ui.cli.parsing import date_argument
from ui.cli.signing import signed_in, signer_options


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
