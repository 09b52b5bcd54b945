"""`curator export`, `labels`, `handover` and `import`: spreadsheets, printed labels and sheets, catalogues.

Qt is imported only inside `labels` and `handover`, and they run headless (offscreen) without a display.
"""

from __future__ import annotations

import argparse
import os
import sys

from curator.errors import ValidationError
from curator.outputs.output_words import LANGUAGES
from curator.storage.db import open_database
from ui.cli.parsing import add_loan_filter, date_argument, encoding_argument
from ui.cli.session_commands import run_handover_session
from ui.cli.signing import signed_in, signer_options


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    export = commands.add_parser("export", parents=[common], help="write the allocation workbook (.xlsx)")
    export.add_argument("output", metavar="OUT.xlsx")
    add_loan_filter(export)
    export.add_argument("--operator", default="", help="who exports (written on the About sheet)")
    export.add_argument("--language", choices=LANGUAGES, default="en",
                        help="the workbook's sheet names, headers and words: English, Chinese or both (default en)")
    add_force(export)
    export.set_defaults(run=run_export)

    labels = commands.add_parser("labels", parents=[common],
                                 help="print labels for samples or containers to a PDF or a label printer")
    labels.add_argument("codes", metavar="ID", nargs="+", help="sample numbers or container barcodes")
    target = labels.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", metavar="OUT.pdf")
    target.add_argument("--printer", metavar="URI",
                        help="a label printer: brother://HOST:9100?model=QL-820NWB&media=62, "
                             "brother:///dev/usb/lp0?model=QL-700&media=62x29, zpl://HOST:9100?dpi=300, "
                             "zpl:///dev/usb/lp0?dpi=203")
    labels.add_argument("--template", help="label template (default 62x29); a wrong name lists the others")
    labels.add_argument("--language", choices=LANGUAGES, default="en",
                        help="kind and mission in English, Chinese or both (default en)")
    labels.add_argument("--contents", action="store_true",
                        help="a location's ID also prints the labels of every location below it (positions "
                             "included) and of the containers standing there")
    add_force(labels)
    labels.set_defaults(run=run_labels)

    handover = commands.add_parser("handover", parents=[common, signer_options()],
                                   help="print an allocation's handover sheet (A4 PDF), or hand it over from a "
                                        "scanner's file (--scanned)")
    handover.add_argument("reference", metavar="REFERENCE", help="allocation reference")
    handover.add_argument("-o", "--output", metavar="OUT.pdf", help="the handover sheet (after the hand-over, "
                                                                     "with --scanned)")
    handover.add_argument("--bilingual", action="store_true", help="Chinese and English text")
    handover.add_argument("--scanned", metavar="FILE",
                          help="hand over in one step the splits in this scanner's file (one code a line): every "
                               "prepared split must be in it; others are added")
    handover.add_argument("--due", type=date_argument, help="with --scanned: the loan's due date")
    handover.add_argument("--operator", help="with --scanned: who hands it over (signs)")
    add_force(handover)
    handover.set_defaults(run=run_handover)

    catalogue = commands.add_parser(
        "import", parents=[common, signer_options()],
        help="import a sample catalogue (.xlsx or .csv), all rows or none",
        description="Import a catalogue. --mission names the mission of every row; with --mission all, a "
                    "Mission column names each row's mission (known Apollo missions are created when missing).")
    catalogue.add_argument("file", metavar="FILE")
    catalogue.add_argument("--mission", required=True,
                           help="mission of the rows (e.g. CE5, A17); rows of other missions are skipped; "
                                "'all' follows the file's Mission column")
    catalogue.add_argument("--operator", help="who signs the received events (default: $CURATOR_OPERATOR); "
                                              "a scheduled import gives that operator's PIN with --pin-file")
    catalogue.add_argument("--dry-run", action="store_true", help="check every row and report; import nothing")
    catalogue.add_argument("--at", dest="place", metavar="PLACE",
                           help="where the new containers go when their row names no Position: a shelf, rack or "
                                "cabinet (its next free positions); default: near the parent, else the first free")
    catalogue.add_argument("--encoding", type=encoding_argument, metavar="NAME",
                           help="a CSV file's text encoding, e.g. gbk or cp1252 (default: UTF-8 or UTF-16 "
                                "with a byte order mark, else UTF-8, else GB18030)")
    catalogue.set_defaults(run=run_import)


def plural(count: int, noun: str) -> str:
    if count == 1:
        return f"1 {noun}"
    return f"{count} {noun[:-1] + 'ies' if noun.endswith('y') else noun + 's'}"


def add_force(command: argparse.ArgumentParser) -> None:
    command.add_argument("--force", action="store_true",
                         help="replace the output file if it exists (never a database file)")


def run_export(args: argparse.Namespace) -> int:
    from curator.outputs.spreadsheets import ExportOptions, export_workbook

    db = open_database(args.db, create=False)
    options = ExportOptions(args.mission, args.date_from, args.date_to, args.operator, args.language)
    result = export_workbook(db, args.output, options, replace=args.force)
    print(f"wrote {result.path}: {plural(result.allocations, 'allocation')}, "
          f"{plural(result.samples, 'sample')} handed over, totals for {plural(result.countries, 'country')} "
          f"and {plural(result.institutions, 'institution')}")
    return 0


def run_labels(args: argparse.Namespace) -> int:
    from curator.occupancy import with_contents
    from curator.outputs.labels import get_template, label_data

    db = open_database(args.db, create=False)
    template = get_template(args.template)
    codes = with_contents(db, args.codes) if args.contents else args.codes
    labels = label_data(db, codes, args.language)  # every ID is checked before anything is drawn
    from ui.printing import ensure_gui_application, write_labels_pdf

    ensure_gui_application()
    if args.printer:
        from ui.label_printers import print_labels

        address = print_labels(args.printer, template, labels)
        print(f"sent {len(labels)} label(s) to {address.kind} {address.model or f'{address.dpi} dpi'} at "
              f"{address.where}, template {template.name}")
        return 0
    pages = write_labels_pdf(args.output, template, labels, args.force, db.path)
    print(f"wrote {args.output}: {len(labels)} label(s) on {pages} page(s), template {template.name}")
    return 0


def run_handover(args: argparse.Namespace) -> int:
    from curator.outputs.handover import handover_sheet

    if args.scanned is None and (args.due is not None or args.operator is not None):
        raise ValidationError("--due and --operator go with --scanned FILE (a hand-over)")
    if args.scanned is not None:
        if not args.operator:
            raise ValidationError("a hand-over needs --operator NAME (who signs it)")
        status = run_handover_session(args)
        if status or not args.output:
            return status
    elif not args.output:
        raise ValidationError("give -o OUT.pdf (the handover sheet) or --scanned FILE (hand it over)")
    db = open_database(args.db, create=False)
    sheet = handover_sheet(db, args.reference)
    from ui.handover_print import write_handover_pdf
    from ui.printing import ensure_gui_application

    ensure_gui_application()
    pages = write_handover_pdf(args.output, sheet, args.bilingual, args.force, db.path)
    print(f"wrote {args.output}: handover sheet of {sheet.reference}, {len(sheet.items)} split(s), {pages} page(s)")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from curator.catalogue import import_catalogue, read_catalogue

    signer = "" if args.dry_run else args.operator or os.environ.get("CURATOR_OPERATOR", "")
    if not args.dry_run and not signer:
        raise ValidationError("name the operator who signs the import: --operator NAME or $CURATOR_OPERATOR")
    db = signed_in(args, signer) if signer else open_database(args.db, create=False)
    plan = read_catalogue(db, args.file, args.mission, args.encoding)
    for problem in plan.errors:
        print(f"{args.file}: {problem}", file=sys.stderr)
    if plan.errors:
        print(f"{len(plan.errors)} bad row(s): nothing imported", file=sys.stderr)
        return 1
    summary = plan.summary()
    if args.dry_run:
        print(f"dry run: {summary}; nothing imported")
        return 0
    import_catalogue(db, plan, signer, put_at=args.place)
    print(f"imported {summary}")
    return 0
