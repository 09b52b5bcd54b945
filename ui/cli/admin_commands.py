"""`curator operator ...`, `curator allocation ...` (show, approve, edit, extend, prepare) and `curator
correct`: the signed, role-checked actions. Every signer proves who they are with their PIN (see ui/cli/signing.py)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from sqlalchemy.orm import Session

from curator import allocations, handling
from curator.allocation_terms import edit_allocation, extend_loan
from curator.directory import sample_number_for
from curator.errors import ValidationError
from curator.loan_results import loan_state, results_by_allocation
from curator.lookup import get_allocation
from curator.mass import format_mass
from curator.operators import add_operator_as, all_operators, find_operator, retire_operator, set_pin, unlock_operator
from curator.storage.db import open_database
from curator.storage.models import Operator
from curator.vocabulary import Role
from ui.cli.parsing import date_argument, mass_argument
from ui.cli.signing import new_pin_options, read_new_pin, signed_in, signer_options


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    signer = signer_options()

    operator = commands.add_parser("operator", parents=[common], help="list, add and retire operators (admins)")
    actions = operator.add_subparsers(dest="action", metavar="ACTION", required=True,
                                      parser_class=type(operator))
    listing = actions.add_parser("list", parents=[common], help="every operator, retired ones included")
    listing.set_defaults(run=run_operator_list)
    add = actions.add_parser("add", parents=[common, signer], help="add an operator")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", choices=list(Role), required=True)
    new_pin_options(add)
    add.add_argument("--admin", required=True, help="the admin who adds them")
    add.set_defaults(run=run_operator_add)
    retire = actions.add_parser("retire", parents=[common, signer],
                                help="retire an operator (their signatures on old events stay)")
    retire.add_argument("name", metavar="NAME")
    retire.add_argument("--admin", required=True, help="the admin who retires them")
    retire.set_defaults(run=run_operator_retire)
    pin = actions.add_parser("pin", parents=[common, signer], help="set or reset an operator's PIN")
    pin.add_argument("name", metavar="NAME")
    new_pin_options(pin)
    pin.add_argument("--admin", required=True, help="the admin who sets it")
    pin.set_defaults(run=run_operator_pin)
    unlock = actions.add_parser("unlock", parents=[common, signer],
                                help="lift the lock that five wrong PINs put on an operator")
    unlock.add_argument("name", metavar="NAME")
    unlock.add_argument("--admin", required=True, help="the admin who unlocks them")
    unlock.set_defaults(run=run_operator_unlock)

    allocation = commands.add_parser("allocation", parents=[common], help="show, approve or edit an allocation")
    steps = allocation.add_subparsers(dest="action", metavar="ACTION", required=True,
                                      parser_class=type(allocation))
    show = steps.add_parser("show", parents=[common],
                            help="status (closed once its material is back or used up and its results are in) "
                                 "and version")
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
    extend = steps.add_parser("extend", parents=[common, signer], help="move a loan's due date later (curator)")
    extend.add_argument("reference", metavar="REF")
    extend.add_argument("--to", dest="due", type=date_argument, required=True, help="the new due date")
    extend.add_argument("--reason", required=True, help="why (recorded)")
    extend.add_argument("--operator", required=True)
    extend.add_argument("--version", type=int, help="the version you looked at (refused if it changed since)")
    extend.set_defaults(run=run_allocation_extend)
    prepare = steps.add_parser("prepare", parents=[common, signer],
                               help="set splits aside for an approved allocation (their mass stays reserved)")
    prepare.add_argument("reference", metavar="REF")
    prepare.add_argument("splits", metavar="SPLIT", nargs="+", help="sample numbers or container barcodes")
    prepare.add_argument("--operator", required=True)
    prepare.add_argument("--version", type=int, help="the version you looked at (refused if it changed since)")
    prepare.set_defaults(run=run_allocation_prepare)

    correct = commands.add_parser("correct", parents=[common, signer],
                                  help="answer a wrong event with a correction (curator)")
    correct.add_argument("event_id", metavar="EVENT", type=int)
    correct.add_argument("--reason", required=True)
    correct.add_argument("--mass", type=mass_argument,
                         help="the true mass of the corrected event, e.g. '12.5 mg' "
                              "(later masses shift by the difference)")
    correct.add_argument("--operator", required=True)
    correct.set_defaults(run=run_correct)


def run_operator_list(args: argparse.Namespace) -> int:
    db = open_database(args.db, create=False)
    with db.read() as session:
        for name, role, has_pin, active in all_operators(session):
            flags = ", ".join(flag for flag in ("" if has_pin else "no PIN", "" if active else "retired") if flag)
            print(f"{name}\t{role}" + (f"\t({flags})" if flags else ""))
    return 0


def _as_admin(args: argparse.Namespace, change: Callable[[Session, Operator, str], object],
              new_pin: bool = False) -> None:
    """Sign in the admin with their PIN, read the new PIN if ``new_pin``, then make ``change`` in one
    write transaction."""
    db = signed_in(args, args.admin)
    pin = read_new_pin(args, args.name) if new_pin else ""
    with db.write() as session:
        change(session, find_operator(session, args.admin), pin)


def run_operator_add(args: argparse.Namespace) -> int:
    _as_admin(args, lambda session, admin, pin: add_operator_as(session, admin, args.name, args.role, pin), True)
    print(f"added {args.role} {args.name.strip()}")
    return 0


def run_operator_retire(args: argparse.Namespace) -> int:
    _as_admin(args, lambda session, admin, _pin: retire_operator(session, admin, args.name))
    print(f"retired {args.name}: their past signatures stay, they cannot sign new events")
    return 0


def run_operator_pin(args: argparse.Namespace) -> int:
    _as_admin(args, lambda session, admin, pin: set_pin(session, admin, args.name, pin), True)
    print(f"PIN of {args.name} set")
    return 0


def run_operator_unlock(args: argparse.Namespace) -> int:
    _as_admin(args, lambda session, admin, _pin: unlock_operator(session, admin, args.name))
    print(f"unlocked {args.name}")
    return 0


def run_allocation_show(args: argparse.Namespace) -> int:
    db = open_database(args.db, create=False)
    with db.read() as session:
        found = get_allocation(session, args.reference)
        state = loan_state(found.status, results_by_allocation(session).get(found.id))
        print(f"{found.reference}\t{state}\t{format_mass(found.approved_mass_ug)}\t"
              f"PI {found.pi}\tversion {found.version}")
    return 0


def run_allocation_approve(args: argparse.Namespace) -> int:
    db = signed_in(args, args.operator)
    allocations.approve(db, args.operator, args.reference, expected_version=args.version)
    print(f"approved {args.reference}")
    return 0


def run_allocation_edit(args: argparse.Namespace) -> int:
    db = signed_in(args, args.operator)
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


def run_allocation_extend(args: argparse.Namespace) -> int:
    db = signed_in(args, args.operator)
    event_id = extend_loan(db, args.operator, args.reference, args.due, args.reason, args.version)
    print(f"recorded event {event_id}: {args.reference.strip()} now due {args.due}")
    return 0


def run_allocation_prepare(args: argparse.Namespace) -> int:
    db = signed_in(args, args.operator)
    numbers = [sample_number_for(db, code) for code in args.splits]
    allocations.prepare(db, args.operator, args.reference, numbers, expected_version=args.version)
    print(f"prepared {args.reference.strip()}: {', '.join(numbers)}")
    return 0


def run_correct(args: argparse.Namespace) -> int:
    db = signed_in(args, args.operator)
    event_id = handling.correct(db, args.operator, args.event_id, args.reason, args.mass)
    print(f"recorded correction {event_id} of event {args.event_id}")
    return 0
