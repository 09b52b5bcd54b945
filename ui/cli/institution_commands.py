"""`curator institution ...`: the borrowers and their principal investigators, added and edited as signed
facts. A name like one already listed is asked about on a terminal, else refused unless --force."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable

from curator.errors import ValidationError
from curator.institutions import (
    NearDuplicate,
    add_institution,
    add_investigator,
    edit_institution,
    edit_investigator,
    institution_rows,
)
from curator.storage.db import open_database
from ui.cli.signing import signed_in, signer_options


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    signer = signer_options()
    institution = commands.add_parser("institution", parents=[common],
                                      help="list, add and edit borrowing institutions and their PIs")
    actions = institution.add_subparsers(dest="action", metavar="ACTION", required=True,
                                         parser_class=type(institution))
    listing = actions.add_parser("list", parents=[common], help="every institution with its PIs")
    listing.add_argument("--json", action="store_true", help="as JSON")
    listing.set_defaults(run=run_list)

    add = actions.add_parser("add", parents=[common, signer], help="add a borrowing institution")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--country", required=True, help="ISO 3166-1 alpha-2 code, e.g. FR, DE, JP")
    add.add_argument("--city", default="")
    add.add_argument("--contact", default="", help="e-mail or postal address of the sample office")
    _signed_and_forced(add)
    add.set_defaults(run=run_add)

    edit = actions.add_parser("edit", parents=[common, signer], help="change an institution's details")
    edit.add_argument("name", metavar="NAME")
    edit.add_argument("--name", dest="new_name", help="its new name")
    edit.add_argument("--country")
    edit.add_argument("--city")
    edit.add_argument("--contact")
    _signed_and_forced(edit)
    edit.set_defaults(run=run_edit)

    add_pi = actions.add_parser("add-pi", parents=[common, signer], help="add a principal investigator")
    add_pi.add_argument("institution", metavar="INSTITUTION")
    add_pi.add_argument("pi", metavar="NAME")
    add_pi.add_argument("--email", default="")
    add_pi.add_argument("--operator", required=True, help="who signs")
    add_pi.set_defaults(run=run_add_pi)

    edit_pi = actions.add_parser("edit-pi", parents=[common, signer], help="change a principal investigator")
    edit_pi.add_argument("institution", metavar="INSTITUTION")
    edit_pi.add_argument("pi", metavar="NAME")
    edit_pi.add_argument("--name", dest="new_name", help="their new name")
    edit_pi.add_argument("--email")
    edit_pi.add_argument("--operator", required=True, help="who signs")
    edit_pi.set_defaults(run=run_edit_pi)


def _signed_and_forced(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--operator", required=True, help="who signs")
    parser.add_argument("--force", action="store_true",
                        help="save a name that looks like one already listed (it is another institution)")


def run_list(args: argparse.Namespace) -> int:
    rows = institution_rows(open_database(args.db, create=False))
    if args.json:
        print(json.dumps([dataclasses.asdict(row) for row in rows], ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print("\t".join((row.name, row.country, row.city, row.contact)))
        for person in row.investigators:
            print(f"\tPI {person.name}" + (f" <{person.email}>" if person.email else ""))
    return 0


def _confirmed(save: Callable[[bool], str], force: bool) -> str | None:
    """Save; a near-duplicate name is asked about on a terminal (else refused, naming --force).
    None: the person said no."""
    try:
        return save(force)
    except NearDuplicate as exc:
        if not sys.stdin.isatty():
            raise ValidationError(f"{exc}: --force saves it") from None
        answer = input(f"{exc}. Save {exc.name!r} as a new institution? [y/N] ")
        if answer.strip().casefold() not in ("y", "yes"):
            print("nothing saved")
            return None
        return save(True)


def run_add(args: argparse.Namespace) -> int:
    db = signed_in(args, args.operator)
    name = _confirmed(lambda force: add_institution(db, args.operator, args.name, args.country, args.city,
                                                    args.contact, force=force), args.force)
    if name is None:
        return 1
    print(f"added {name} ({args.country.strip().upper()})")
    return 0


def run_edit(args: argparse.Namespace) -> int:
    db = signed_in(args, args.operator)
    name = _confirmed(lambda force: edit_institution(db, args.operator, args.name, new_name=args.new_name,
                                                     country=args.country, city=args.city, contact=args.contact,
                                                     force=force), args.force)
    if name is None:
        return 1
    print(f"saved {name}")
    return 0


def run_add_pi(args: argparse.Namespace) -> int:
    db = signed_in(args, args.operator)
    add_investigator(db, args.operator, args.institution, args.pi, args.email)
    print(f"added PI {' '.join(args.pi.split())} at {args.institution.strip()}")
    return 0


def run_edit_pi(args: argparse.Namespace) -> int:
    db = signed_in(args, args.operator)
    edit_investigator(db, args.operator, args.institution, args.pi, new_name=args.new_name, email=args.email)
    print(f"saved PI {(args.new_name or args.pi).strip()} at {args.institution.strip()}")
    return 0
