"""`curator return` (a split back from a loan: mass back, consumed, treatment), `curator return-form`
(the loan's return form, PDF) and `curator result` (a loan's publications and data sets)."""

from __future__ import annotations

import argparse

from curator.storage.db import open_database
from ui.cli.output_commands import add_force
from ui.cli.parsing import mass_argument
from ui.cli.session_commands import SCANNED_RETURNS_HELP, run_return_session
from ui.cli.signing import signed_in, signer_options


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    back = commands.add_parser("return", parents=[common, signer_options()],
                               help="record a split coming back from a loan, with what was done to it "
                                    "(several: --scanned)")
    back.add_argument("reference", metavar="REF", help="allocation reference")
    back.add_argument("--split", metavar="NUMBER", help="the split's sample number")
    back.add_argument("--mass", type=mass_argument, help="mass back, as weighed (e.g. '120.5 mg')")
    back.add_argument("--scanned", metavar="FILE", help="several splits back in one step: " + SCANNED_RETURNS_HELP)
    back.add_argument("--consumed", type=mass_argument,
                      help="mass the borrower consumed (default: what left less what came back)")
    back.add_argument("--treatment", action="append", default=[], metavar="TEXT",
                      help="what was done to it: polished, coated, irradiated, exposed_to_air, contaminated or "
                           "none (several: repeat, or separate with commas)")
    back.add_argument("--at", dest="place", metavar="PLACE",
                      help="where its container goes: a position, or a shelf, rack or cabinet (its next free one); "
                           "default: the position it left from if free, else the free one nearest it")
    back.add_argument("--note", default="")
    back.add_argument("--operator", required=True, help="who receives it")
    back.set_defaults(run=run_return)

    form = commands.add_parser("return-form", parents=[common], help="print a loan's return form (A4 PDF)")
    form.add_argument("reference", metavar="REF", help="allocation reference")
    form.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    add_force(form)
    form.set_defaults(run=run_return_form)

    result = commands.add_parser("result", parents=[common, signer_options()],
                                 help="record a loan's publication or data set (DOI), or that its results are in")
    result.add_argument("reference", metavar="REF", help="allocation reference")
    result.add_argument("--doi", help="the result's DOI, e.g. 10.1038/s41586-021-04100-2")
    result.add_argument("--kind", default="publication", help="publication (default) or dataset")
    result.add_argument("--title", default="")
    result.add_argument("--complete", action="store_true", help="the loan's results are all in (it can close)")
    result.add_argument("--operator", required=True, help="who records it")
    result.set_defaults(run=run_result)


def run_return(args: argparse.Namespace) -> int:
    from curator import allocations
    from curator.errors import ValidationError
    from curator.mass import format_mass

    if args.scanned is not None:
        return run_return_session(args)
    if args.split is None or args.mass is None:
        raise ValidationError("give --split NUMBER and --mass M (one split), or --scanned FILE (several)")
    db = signed_in(args, args.operator)
    treatment = [word for text in args.treatment for word in text.split(",") if word.strip()]
    allocations.record_return(db, args.operator, args.reference, args.split, args.mass, args.note,
                              consumed_ug=args.consumed, treatment=treatment, position=args.place)
    print(f"{args.split} back under {args.reference}: {format_mass(args.mass)}"
          + (f", treatment {', '.join(treatment)}" if treatment else ""))
    return 0


def run_return_form(args: argparse.Namespace) -> int:
    from curator.loan_returns import return_form

    db = open_database(args.db, create=False)
    form = return_form(db, args.reference)
    from ui.printing import ensure_gui_application
    from ui.return_form_print import write_return_form_pdf

    ensure_gui_application()
    pages = write_return_form_pdf(args.output, form, args.force, db.path)
    print(f"wrote {args.output}: return form of {form.reference}, {len(form.lines)} split(s), {pages} page(s)")
    return 0


def run_result(args: argparse.Namespace) -> int:
    from curator.loan_results import loan_results, record_result

    db = signed_in(args, args.operator)
    record_result(db, args.operator, args.reference, args.doi, args.kind, args.title, args.complete)
    results = loan_results(db, args.reference)
    print(f"{args.reference}: {len(results.results)} result(s)" + (f" ({results.dois})" if results.results else "")
          + (", results complete" if results.complete else ""))
    return 0
