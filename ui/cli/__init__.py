"""The `curator` command line. Each command lives in a small module with a ``register`` function.

Qt is imported only by the commands that draw or show windows, so `curator verify` and `curator
report` start fast and need no display.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence

from curator.errors import CuratorError
from curator.redaction import redact
from curator.witness import witnessing
from ui.cli import (
    admin_commands,
    core_commands,
    gui_command,
    institution_commands,
    instrument_commands,
    loan_commands,
    output_commands,
    return_commands,
    safety_commands,
    sample_commands,
    server_commands,
    settings_commands,
    stocktake_command,
    storage_commands,
    watch_command,
)
from ui.cli.parsing import CommandParser

#: Modules that add sub-commands; each has ``register(subparsers, common)``.
COMMAND_MODULES = [core_commands, sample_commands, gui_command, safety_commands, admin_commands, server_commands,
                   output_commands, loan_commands, institution_commands, return_commands, storage_commands,
                   instrument_commands, watch_command, stocktake_command, settings_commands]

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
    """Run one command; whatever goes wrong is one line on standard error (never a traceback, never a
    password) and exit status 2. ``CURATOR_DEBUG=1`` lets an unexpected error's traceback through."""
    for stream in (sys.stdout, sys.stderr):  # a file name that is not valid UTF-8 is still printed
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
        if not hasattr(args, "db"):
            args.db = None
        with witnessing():  # every write this command commits appends the chain head it left
            return int(getattr(args, "run", gui_command.run_gui)(args) or EXIT_OK)
    except CuratorError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted")
    except UnicodeEncodeError as exc:  # an argument made of bytes that are not UTF-8 (a shell passes them on)
        return _fail(f"an argument holds bytes that are not UTF-8 text ({str(exc.object)[:40]!r}); type it again")
    except OSError as exc:  # a file that cannot be read or written: a folder, no permission, a full disk
        return _fail(f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc))
    except Exception as exc:  # a fault of Curator's own: said in one line, the traceback only on demand
        if os.environ.get("CURATOR_DEBUG"):
            raise
        return _fail(f"unexpected error ({type(exc).__name__}: {exc}); CURATOR_DEBUG=1 shows where")


def _fail(message: str) -> int:
    print(f"curator: {redact(message)}", file=sys.stderr)
    return EXIT_ERROR
