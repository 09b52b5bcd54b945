"""How a command learns the signer's PIN: a prompt on a terminal, $CURATOR_PIN, or --pin-file FILE.

Never from the command line, where every local user sees it in the process list: ``--pin`` is refused
with a line saying how to give the PIN instead. A PIN file must be readable by its owner only, so a
scheduled task can sign as an operator whose PIN no other account can read.
"""

from __future__ import annotations

import argparse
import getpass
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from curator.directory import sign_in
from curator.errors import PermissionDenied, ValidationError
from curator.storage.db import Database, open_database

PIN_ENV = "CURATOR_PIN"
NEW_PIN_ENV = "CURATOR_NEW_PIN"


class RefuseOnCommandLine(argparse.Action):
    """An option that only explains how to give a secret instead of taking it."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        parser.error(f"{option_string} is not taken on the command line, where other users can read it: "
                     f"{self.help}")


def signer_options() -> argparse.ArgumentParser:
    """The options of every command that signs: --pin-file (and a refused --pin)."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--pin-file", metavar="FILE",
                         help=f"file holding the signer's PIN, readable by your account only "
                              f"(default: ${PIN_ENV}, else asked for on a terminal)")
    options.add_argument("--pin", nargs="?", action=RefuseOnCommandLine,
                         help=f"type it at the prompt, or give ${PIN_ENV} or --pin-file FILE")
    return options


def new_pin_options(parser: argparse.ArgumentParser) -> None:
    """--new-pin-file for commands that set a PIN (and a refused --new-pin)."""
    parser.add_argument("--new-pin-file", metavar="FILE",
                        help=f"file holding the new PIN, readable by your account only "
                             f"(default: ${NEW_PIN_ENV}, else asked for twice on a terminal)")
    parser.add_argument("--new-pin", nargs="?", action=RefuseOnCommandLine,
                        help=f"type it at the prompt, or give ${NEW_PIN_ENV} or --new-pin-file FILE")


def pin_from_file(path: str) -> str:
    """The PIN in ``path`` (one trailing line break ignored); refused if other users may read the file."""
    try:
        mode = os.stat(path).st_mode
        if mode & 0o077:
            raise PermissionDenied(f"{path} can be read by other users (mode {stat.filemode(mode)}): "
                                   f"make it private with chmod 600 {path}")
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValidationError(f"the PIN file {path!r} is not text (UTF-8)") from None
    except (OSError, ValueError) as exc:  # ValueError: a name the file system cannot take
        raise ValidationError(f"cannot read the PIN file {path!r}: {getattr(exc, 'strerror', None) or exc}") from None
    return text.removesuffix("\n").removesuffix("\r")


def _secret(file: str | None, variable: str, ask: Callable[[], str], missing: str) -> str:
    """A PIN from ``file``, else the environment ``variable``, else ``ask`` on a terminal."""
    if file:
        return pin_from_file(file)
    if os.environ.get(variable):
        return os.environ[variable]
    if sys.stdin.isatty():
        return ask()
    raise ValidationError(missing)


def read_pin(args: argparse.Namespace, name: str) -> str:
    """The PIN of the signer ``name``, from --pin-file, $CURATOR_PIN or a prompt on a terminal."""
    return _secret(args.pin_file, PIN_ENV, lambda: getpass.getpass(f"PIN for {name}: "),
                   f"{name} must give their PIN: at the prompt on a terminal, in ${PIN_ENV}, or with --pin-file FILE")


def read_new_pin(args: argparse.Namespace, name: str) -> str:
    """A new PIN for ``name``, from --new-pin-file, $CURATOR_NEW_PIN, or typed twice on a terminal."""

    def ask_twice() -> str:
        pin = getpass.getpass(f"new PIN for {name}: ")
        if getpass.getpass("the same PIN again: ") != pin:
            raise ValidationError("the two PINs differ: nothing changed")
        return pin

    return _secret(args.new_pin_file, NEW_PIN_ENV, ask_twice,
                   f"give the new PIN of {name}: at the prompt on a terminal, in ${NEW_PIN_ENV}, "
                   "or with --new-pin-file FILE")


def signed_in(args: argparse.Namespace, name: str) -> Database:
    """The database, after ``name`` proved who they are with their PIN (wrong PINs count to the lock)."""
    db = open_database(args.db, create=False)
    sign_in(db, name, read_pin(args, name))
    return db
