"""`curator gui`: start the desk app (also what `python main.py` does without a command)."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("gui", parents=[common], help="start the desk app")
    parser.set_defaults(run=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    from ui.app import run

    return run(args.db)
