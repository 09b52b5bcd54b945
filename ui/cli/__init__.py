"""The `curator` command line. Each command lives in a small module with a ``register`` function.

Qt is imported only by the commands that draw or show windows, so `curator verify` and `curator
report` start fast and need no display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from curator.errors import CuratorError
from ui.cli import admin_commands, core_commands, gui_command, output_commands, safety_commands, server_commands
from ui.cli.parsing import CommandParser

#: Modules that add sub-commands; each has ``register(subparsers, common)``.
COMMAND_MODULES = [core_commands, gui_command, safety_commands, admin_commands, server_commands, output_commands]

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS,
                        help="database file or SQLAlchemy URL (default: $CURATOR_DB, else the user data folder)")
    parser = CommandParser(prog="curator", parents=[common],
                           description="Curator: the lunar sample curation workstation. "
                                       "Without a command, the desk app starts.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CommandParser)
    for module in COMMAND_MODULES:
        module.register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if not hasattr(args, "db"):
        args.db = None
    run = getattr(args, "run", gui_command.run_gui)
    try:
        return int(run(args) or EXIT_OK)
    except CuratorError as exc:
        print(f"curator: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("curator: interrupted", file=sys.stderr)
        return EXIT_ERROR
