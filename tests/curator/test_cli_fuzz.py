"""No command-line input ever prints a traceback: random words drive the argument parser and every
command (found by walking the parser, so new commands are covered too) on a temporary database.

Each run must end with exit status 0, 1 or 2 and say what went wrong in words: no "Traceback", no
"unexpected error" (the CLI's last-resort line for a fault of Curator's own). Standard output is a
strict UTF-8 stream as on a terminal, so a word the CLI cannot print is found too.
"""

from __future__ import annotations

import argparse
import io
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from factories import CURATOR, TECH, sample, seed, signs_as
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curator.storage import backups
from curator.storage.db import open_database
from ui.cli import build_parser, main

#: Commands that start the desk app and wait for a person, or serve until stopped (`watch`): not for a fuzzer.
INTERACTIVE = {("gui",), ("balance-sim",), ("watch",)}


def command_paths(parser: argparse.ArgumentParser,
                  prefix: tuple[str, ...] = ()) -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every command and sub-command of the parser, with its own parser."""
    found = {}
    for action in parser._actions:  # argparse has no public way to list sub-commands
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[(*prefix, name)] = sub
                found.update(command_paths(sub, (*prefix, name)))
    return found


COMMANDS = {path: sub for path, sub in command_paths(build_parser()).items() if path not in INTERACTIVE}


def option_words(parser: argparse.ArgumentParser) -> list[str]:
    words = [option for action in parser._actions for option in action.option_strings]
    words += [str(choice) for action in parser._actions if action.choices for choice in action.choices]
    return words


#: Words no path separator: whatever a command writes lands in the test's own folder.
free_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\\\x00"), max_size=24)
telling = st.sampled_from([
    "", " ", "-", "--", "-1", "0", "1e999", "nan", "inf", "9" * 40, "2025-02-30", "1,500 g", "0,200 g", "12.5 mg",
    "CE5C0400YJFM00505", "JAR-1", TECH, CURATOR, "all", "CE5", "x.xlsx", "x.csv", "x.pdf", "x.db", ".", "..",
    "\udcff", "名字", "\u202e", "a\nb", "'; DROP TABLE samples; --",
])


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    root = tmp_path_factory.mktemp("fuzz")
    (root / "work").mkdir()
    db = open_database(root / "db" / "curator.db")
    seed(db)
    sample(db, "CE5C0400YJFM00505", mass_ug=200_000, barcode="JAR-1")
    db.dispose()
    yield root / "work", root / "db" / "curator.db"


def run_cli(argv: list[str]) -> tuple[int, str]:
    """main(argv) with a strict UTF-8 standard output; returns (exit status, standard error)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else 2
        out.flush()
        err.flush()
    return status, err.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_input_prints_a_traceback(path: tuple[str, ...], fuzz_folder: tuple[Path, Path],
                                     monkeypatch: pytest.MonkeyPatch, data: st.DataObject) -> None:
    work, db = fuzz_folder
    monkeypatch.chdir(work)
    monkeypatch.setenv("CURATOR_BACKUP_DIR", str(work / "backups"))
    monkeypatch.delenv("CURATOR_DEBUG", raising=False)
    words = st.one_of(free_text, telling, st.sampled_from(option_words(COMMANDS[path]) or ["--db"]))
    argv = [*path, *data.draw(st.lists(words, max_size=6), label="words"), "--db", str(db)]
    try:
        status, err = run_cli(argv)
    finally:  # a --backup-dir or --keep given to this run must not follow the next tests around
        backups.wait_for_backups(30)
        backups.configure()
    assert status in (0, 1, 2), (argv, status, err)
    assert "Traceback" not in err and "unexpected error" not in err, (argv, err)


@settings(max_examples=40, deadline=None)
@given(st.one_of(free_text, telling), st.lists(st.one_of(free_text, telling), max_size=5))
def test_random_words_instead_of_a_command(first: str, rest: list[str]) -> None:
    if first in {path[0] for path in COMMANDS.keys() | INTERACTIVE} or first.startswith("-") or not first:
        first = f"no-such-command{first}"  # no command at all would start the desk app
    status, err = run_cli([first, *rest])
    assert status == 2 and "Traceback" not in err and err.count("\n") == 1, (first, rest, err)


@pytest.mark.parametrize("argv", [["show", "\udcff"], ["record", "note", "CE5C0400YJFM00505", "--note", "caf\udce9",
                                   "--operator", TECH]])
def test_an_argument_that_is_not_utf8_is_one_line(fuzz_folder: tuple[Path, Path], argv: list[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in signs_as(TECH).items():  # the PIN is right, so only the argument can be refused
        monkeypatch.setenv(name, value)
    status, err = run_cli([*argv, "--db", str(fuzz_folder[1])])
    assert status == 2 and err.count("\n") == 1 and "not UTF-8 text" in err, err


def test_an_unexpected_fault_is_one_line_and_debug_shows_it(monkeypatch: pytest.MonkeyPatch,
                                                             fuzz_folder: tuple[Path, Path]) -> None:
    from ui.cli import core_commands

    def broken(_args: argparse.Namespace) -> int:
        raise ZeroDivisionError("a fault of Curator's own")

    monkeypatch.setattr(core_commands, "run_verify", broken)
    status, err = run_cli(["verify", "--db", str(fuzz_folder[1])])
    assert status == 2 and err.count("\n") == 1 and "unexpected error (ZeroDivisionError" in err
    monkeypatch.setenv("CURATOR_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main(["verify", "--db", str(fuzz_folder[1])])
