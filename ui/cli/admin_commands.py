"""`curator operator ...`, `curator allocation ...` and `curator correct`: the signed, role-checked
actions. Curators and admins prove who they are with their PIN (``--pin``, else $CURATOR_PIN, else
a prompt when a terminal is attached)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from curator import allocations, handling
from curator.allocation_terms import edit_allocation
from curator.errors import ValidationError
from curator.db import Database, open_database
from curator.lookup import get_allocation
from curator.mass import format_mass
from curator.operators import ROLES, add_operator_as, all_operators, authenticate, retire_operator, set_pin
from ui.cli.parsing import date_argument, mass_argument

PIN_ENV = "CURATOR_PIN"


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    signer = argparse.ArgumentParser(add_help=False)
    signer.add_argument("--pin", help=f"the signer's PIN (default: ${PIN_ENV}, else asked for)")

    operator = commands.add_parser("operator", parents=[common], help="list, add and retire operators (admins)")
    actions = operator.add_subparsers(dest="action", metavar="ACTION", required=True,
                                      parser_class=type(operator))
    listing = actions.add_parser("list", parents=[common], help="every operator, retired ones included")
    listing.set_defaults(run=run_operator_list)
    add = actions.add_parser("add", parents=[common, signer], help="add an operator")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument("--new-pin", default="", help="the new operator's PIN (curators and admins need one)")
    add.add_argument("--admin", required=True, help="the admin who adds them")
    add.set_defaults(run=run_operator_add)
    retire = actions.add_parser("retire", parents=[common, signer],
                                help="retire an operator (their signatures on old events stay)")
    retire.add_argument("name", metavar="NAME")
    retire.add_argument("--admin", required=True, help="the admin who retires them")
    retire.set_defaults(run=run_operator_retire)
    pin = actions.add_parser("pin", parents=[common, signer], help="set or reset an operator's PIN")
    pin.add_argument("name", metavar="NAME")
    pin.add_argument("--new-pin", required=True, help="the new PIN (empty: none, technicians only)")
    pin.add_argument("--admin", required=True, help="the admin who sets it")
    pin.set_defaults(run=run_operator_pin)

    allocation = commands.add_parser("allocation", parents=[common], help="show, approve or edit an allocation")
    steps = allocation.add_subparsers(dest="action", metavar="ACTION", required=True,
                                      parser_class=type(allocation))
    show = steps.add_parser("show", parents=[common], help="status and version of an allocation")
    show.add_argument("reference", metavar="REF")
    show.set_defaults(run=run_allocation_show)
    approve = steps.add_parser("approve", parents=[common, signer], help="approve a requested allocation (curator)")
    approve.add_argument("reference", metavar="REF")
    approve.add_argument("--operator", required=True)
    approve.add_argument("--version", type=int, help="the version you looked at (refused if it changed since)")
    approve.set_defaults(run=run_allocation_approve)
    edit = steps.add_parser("edit", parents=[common, signer], help="change an allocation's terms")
    edit.add_argument("reference", metavar="REF")
    edit.add_argument("--version", type=int,
                      help="the version you looked at (`allocation show`); refused if someone saved since")
    edit.add_argument("--operator", required=True)
    edit.add_argument("--pi")
    edit.add_argument("--purpose")
    edit.add_argument("--due", type=date_argument, help="new due date (curator, with --reason)")
    edit.add_argument("--mass", type=mass_argument, help="new approved mass (curator, with --reason)")
    edit.add_argument("--institution", help="new borrower (curator, with --reason)")
    edit.add_argument("--reason", default="", help="why the due date, mass or borrower changes (recorded)")
    edit.set_defaults(run=run_allocation_edit)

    correct = commands.add_parser("correct", parents=[common, signer],
                                  help="answer a wrong event with a correction (curator)")
    correct.add_argument("event_id", metavar="EVENT", type=int)
    correct.add_argument("--reason", required=True)
    correct.add_argument("--mass", type=mass_argument, help="the true mass of the corrected event, e.g. '12.5 mg' (later masses shift by the difference)")
    correct.add_argument("--operator", required=True)
    correct.set_defaults(run=run_correct)


def _pin(args: argparse.Namespace, name: str) -> str:
    if args.pin is not None:
        return str(args.pin)
    if os.environ.get(PIN_ENV):
        return os.environ[PIN_ENV]
    if sys.stdin.isatty():
        return getpass.getpass(f"PIN for {name}: ")
    return ""


def _signed(args: argparse.Namespace, name: str) -> Database:
    """The database, after ``name`` proved who they are."""
    db = open_database(args.db, create=False)
    with db.read() as session:
        authenticate(session, name, _pin(args, name))
    return db


def run_operator_list(args: argparse.Namespace) -> int:
    db = open_database(args.db, create=False)
    with db.read() as session:
        for name, role, has_pin, active in all_operators(session):
            flags = ", ".join(flag for flag in ("PIN" if has_pin else "", "" if active else "retired") if flag)
            print(f"{name}\t{role}" + (f"\t({flags})" if flags else ""))
    return 0


def run_operator_add(args: argparse.Namespace) -> int:
    db, pin = open_database(args.db, create=False), _pin(args, args.admin)
    with db.write() as session:
        admin = authenticate(session, args.admin, pin)
        add_operator_as(session, admin, args.name, args.role, args.new_pin)
    print(f"added {args.role} {args.name.strip()}")
    return 0


def run_operator_retire(args: argparse.Namespace) -> int:
    db, pin = open_database(args.db, create=False), _pin(args, args.admin)
    with db.write() as session:
        admin = authenticate(session, args.admin, pin)
        retire_operator(session, admin, args.name)
    print(f"retired {args.name}: their past signatures stay, they cannot sign new events")
    return 0


def run_operator_pin(args: argparse.Namespace) -> int:
    db, pin = open_database(args.db, create=False), _pin(args, args.admin)
    with db.write() as session:
        admin = authenticate(session, args.admin, pin)
        set_pin(session, admin, args.name, args.new_pin)
    print(f"PIN of {args.name} set")
    return 0


def run_allocation_show(args: argparse.Namespace) -> int:
    db = open_database(args.db, create=False)
    with db.read() as session:
        found = get_allocation(session, args.reference)
        print(f"{found.reference}\t{found.status}\t{format_mass(found.approved_mass_ug)}\t"
              f"PI {found.pi}\tversion {found.version}")
    return 0


def run_allocation_approve(args: argparse.Namespace) -> int:
    db = _signed(args, args.operator)
    allocations.approve(db, args.operator, args.reference, expected_version=args.version)
    print(f"approved {args.reference}")
    return 0


def run_allocation_edit(args: argparse.Namespace) -> int:
    db = _signed(args, args.operator)
    version = args.version
    if args.pi is not None or args.purpose is not None:
        version = allocations.update_terms(db, args.operator, args.reference, version,
                                           pi=args.pi, purpose=args.purpose)
    if args.due is not None or args.mass is not None or args.institution is not None:
        event_id = edit_allocation(db, args.operator, args.reference, args.reason, due_date=args.due,
                                   approved_mass_ug=args.mass, institution=args.institution, expected_version=version)
        print(f"recorded event {event_id}: {args.reference} amended ({args.reason.strip()})")
    elif version == args.version:
        raise ValidationError("nothing to edit: give --due, --mass, --institution, --pi or --purpose")
    with db.read() as session:
        print(f"saved {args.reference} (now version {get_allocation(session, args.reference).version})")
    return 0


def run_correct(args: argparse.Namespace) -> int:
    db = _signed(args, args.operator)
    event_id = handling.correct(db, args.operator, args.event_id, args.reason, args.mass)
    print(f"recorded correction {event_id} of event {args.event_id}")
    return 0
