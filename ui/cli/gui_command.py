"""`curator gui`: start the desk app (also what `python main.py` does without a command)."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("gui", parents=[common], help="start the desk app")
    parser.add_argument("--operator", help="sign in as this operator without the sign-in dialog "
                                           "(curators and admins give their PIN in $CURATOR_PIN)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="print 'ready' once the main window shows its first page, then quit "
                             "(installation checks and the start-up benchmark)")
    parser.add_argument("--language", choices=("zh_CN", "en"),
                        help="the desk's language for this start: zh_CN or en (default: Tools > Language, "
                             "else the system's)")
    parser.set_defaults(run=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    from ui.app import run

    return run(args.db, getattr(args, "operator", None), getattr(args, "smoke_test", False),
               getattr(args, "language", None))
