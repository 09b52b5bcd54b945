"""Argument parsing that reports a bad argument in one line, and converters for masses and dates."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from typing import NoReturn

from curator.catalogue_files import encoding_name
from curator.errors import ValidationError
from curator.mass import parse_mass
from curator.redaction import redact


class CommandParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one clear line (no usage dump) and exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: {redact(message)} (see {self.prog} --help)\n")
        sys.exit(2)


def mass_argument(text: str) -> int:
    """A mass on the command line ("12.5 mg", "0.2 g"), as micrograms."""
    try:
        return parse_mass(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def encoding_argument(text: str) -> str:
    """A text encoding Python knows (``--encoding gbk``)."""
    try:
        return encoding_name(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def date_argument(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-04-24") from None


def moment_argument(text: str) -> datetime:
    """A time on the command line ("2026-03-01T02:30", "2026-03-01 02:30+08:00"); without an offset it is
    the local time of this computer."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time like 2026-03-01T02:30") from None
    return moment if moment.tzinfo else moment.astimezone()


def add_loan_filter(parser: argparse.ArgumentParser) -> None:
    """--mission, --from and --to: which loans a report or an export covers (by request date)."""
    parser.add_argument("--mission", help="only this mission (e.g. CE5)")
    parser.add_argument("--from", dest="date_from", type=date_argument, help="requested on or after (YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", type=date_argument, help="requested on or before (YYYY-MM-DD)")
