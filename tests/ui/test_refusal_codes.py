"""Every refusal the desk can meet carries a code, and every code a sentence the desk can say: an AST scan
of curator/ finds each CuratorError raised without ``code=``, and checks each sentence's {placeholders}
against the ``params`` given where its code is raised."""

from __future__ import annotations

import ast
import sqlite3
import string
from functools import cache
from pathlib import Path

import curator
from curator.errors import Refusal
from curator.storage.db import _SQLITE_FAILURES, failure_error
from ui.refusals import SENTENCES

ROOT = Path(curator.__file__).parent
#: Modules only the command line reaches: their refusals stay English (as the whole command line does).
CLI_ONLY = {
    "storage/restore.py", "storage/restore_history.py", "storage/transfer.py",  # restore, migrate-to
    "instruments/simulator.py",  # balance-sim's script
    "integrity.py",  # verify --head CODE
    "describe.py",  # show CODE
}


@cache
def modules() -> list[tuple[str, ast.Module]]:
    return [(path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted(ROOT.rglob("*.py"))]


def error_classes() -> set[str]:
    """CuratorError and every class of curator/ derived from it, but those that give their own code (in their
    ``__init__``, as NearDuplicate does)."""
    names, bases, coded = {"CuratorError"}, {}, set()
    for _, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {ast.unparse(base).split(".")[-1] for base in node.bases}
                if any(isinstance(inner, ast.Call) and keyword(inner, "code") is not None for inner in ast.walk(node)):
                    coded.add(node.name)
    while grown := {name for name, of in bases.items() if of & names and name not in names}:
        names |= grown
    return names - (coded - {"CuratorError", "ConnectionLost"})


@cache
def raised_errors() -> list[tuple[str, ast.Module, ast.Call]]:
    classes = error_classes()
    return [(module, tree, node) for module, tree in modules() for node in ast.walk(tree)
            if isinstance(node, ast.Call) and ast.unparse(node.func).split(".")[-1] in classes
            and not (isinstance(node.func, ast.Attribute) and ast.unparse(node.func.value) != "errors")]  # sqlite3's


def keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((item.value for item in call.keywords if item.arg == name), None)


def param_names(tree: ast.Module, params: ast.expr | None) -> set[str]:
    """The keys of a call's params: a dict literal, or a module-level name bound to one."""
    if isinstance(params, ast.Name):
        params = next((node.value for node in tree.body if isinstance(node, ast.Assign)
                       and any(isinstance(t, ast.Name) and t.id == params.id for t in node.targets)), None)
    if params is None:
        return set()
    assert isinstance(params, ast.Dict), f"params must be a dict literal: {ast.unparse(params)}"
    return {ast.literal_eval(key) if key is not None else "**" for key in params.keys}


def placeholders(sentence: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(sentence) if field}


def test_every_refusal_the_desk_can_meet_has_a_code() -> None:
    uncoded = [f"{module}:{call.lineno} {ast.unparse(call)[:90]}" for module, _, call in raised_errors()
               if keyword(call, "code") is None and module not in CLI_ONLY]
    assert not uncoded, "a refusal without code= (add a Refusal and its sentence in ui/):\n" + "\n".join(uncoded)


def test_the_command_line_modules_are_real_and_refuse_in_english() -> None:
    names = {module for module, _ in modules()}
    assert CLI_ONLY <= names
    uncoded = {module for module, _, call in raised_errors() if keyword(call, "code") is None}
    assert CLI_ONLY <= uncoded, f"every refusal of these is coded: take them off CLI_ONLY: {CLI_ONLY - uncoded}"


def coded_calls() -> list[tuple[str, ast.Module, ast.Call, Refusal]]:
    """Every call in curator/ with ``code=Refusal.X`` (an error raised, or a problem that becomes one)."""
    found = []
    for module, tree in modules():
        for node in ast.walk(tree):
            code = keyword(node, "code") if isinstance(node, ast.Call) else None
            if isinstance(code, ast.Attribute) and ast.unparse(code.value) == "Refusal":
                assert isinstance(node, ast.Call)
                found.append((module, tree, node, Refusal[code.attr]))
    return found


def test_each_sentence_names_only_parameters_its_refusal_gives() -> None:
    for module, tree, call, member in coded_calls():
        given = param_names(tree, keyword(call, "params"))
        missing = placeholders(str(SENTENCES[member])) - given if "**" not in given else set()
        assert not missing, f"{module}:{call.lineno}: {member.name}'s sentence names {missing}, not in its params"


def test_every_code_is_used() -> None:
    named = {Refusal[node.attr] for _, tree in modules() for node in ast.walk(tree) if isinstance(node, ast.Attribute)
             and ast.unparse(node.value) == "Refusal" and node.attr in Refusal.__members__}
    assert named == set(Refusal), f"codes never used: {set(Refusal) - named}"


def test_a_database_failure_names_its_place_and_the_driver_words() -> None:
    failure = failure_error("desk.db", sqlite3.OperationalError("database is locked"))
    assert failure.code == Refusal.DB_BUSY and failure.params == {"where": "desk.db", "detail": "database is locked"}
    for _, _, code in _SQLITE_FAILURES:
        assert placeholders(str(SENTENCES[code])) <= {"where", "detail"}
