"""Writing an output file (workbook, labels, handover sheet) without ever clobbering or half-writing one.

Every writer goes through ``write_output``: the file is refused when it is a database (SQLite header,
a WAL/SHM/journal side file, or the open database itself, by device and inode, so through a symlink or
a hard link too) and, unless ``replace`` is given, when it already exists. The content is written to
a temporary file in the same folder (created with the user's normal permissions: 0o666 less the umask),
flushed to disk, checked (``check_pdf`` / ``check_xlsx``: the file reopens and is complete) and only then
renamed into place. Any failure, a full disk included, leaves no temporary and no partial file behind
and is one line (OutputError).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from curator.errors import CuratorError, Refusal
from curator.storage.sqlite_files import SQLITE_HEADER

T = TypeVar("T")
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")
_DISK_FULL = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)


class OutputError(CuratorError):
    """An output file was refused or could not be written; nothing was written."""


class IncompleteOutput(Exception):
    """A written file does not reopen whole (most often a full disk under a writer that hid the error)."""


def write_output(path: str | os.PathLike[str], write: Callable[[Path], T],
                 check: Callable[[Path, T], None] | None = None, *, replace: bool = False,
                 database: str | os.PathLike[str] | None = None) -> T:
    """Write ``path`` via ``write(temporary)``, then ``check(temporary, result)``, then rename into place.

    ``database`` is the open database (never written over, even with ``replace``). Returns what
    ``write`` returned. Raises OutputError, leaving every file as it was, when refused or failed.
    """
    target = Path(path).expanduser().absolute()
    guard_target(target, replace=replace, database=database)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = _create_temporary(target)
    except OSError as exc:
        raise _failure(target, exc) from None
    try:
        result = write(temporary)
        fsync_path(temporary)
        if check is not None:
            check(temporary, result)
        guard_target(target, replace=replace, database=database)  # nothing changed meanwhile
        _publish(temporary, target, replace)
        fsync_path(target.parent)
    except OSError as exc:
        raise _failure(target, exc) from None
    except IncompleteOutput as exc:
        raise OutputError(f"cannot write {target}: the {exc} came out incomplete (is the disk full?); "
                          "nothing was written", code=Refusal.OUTPUT_INCOMPLETE, params={"path": target}) from None
    finally:
        temporary.unlink(missing_ok=True)
    return result


def guard_target(target: Path, *, replace: bool, database: str | os.PathLike[str] | None = None) -> None:
    """Raise OutputError when ``target`` must not be written (see the module docstring)."""
    for suffix in SIDE_FILE_SUFFIXES:
        base = target.with_name(target.name.removesuffix(suffix))
        if target.name.endswith(suffix) and base != target and _database_kind(base, database):
            raise OutputError(f"{target} is a side file of the database {base}: an output never replaces it",
                              code=Refusal.OUTPUT_ON_DATABASE, params={"path": target})
    kind = _database_kind(target, database)
    if kind:
        raise OutputError(f"{target} is {kind}: an output never replaces it, not even with --force",
                          code=Refusal.OUTPUT_ON_DATABASE, params={"path": target})
    if target.is_dir():
        raise OutputError(f"{target} is a folder: choose a file name", code=Refusal.OUTPUT_FOLDER,
                          params={"path": target})
    if target.exists() and not replace:
        raise OutputError(f"{target} already exists: choose another name, or use --force to replace it",
                          code=Refusal.OUTPUT_EXISTS, params={"path": target})


def _database_kind(path: Path, database: str | os.PathLike[str] | None) -> str:
    """'the open database', 'a database file', or '' for a path that is neither (or does not exist)."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return ""
    except OSError as exc:
        raise _failure(path, exc) from None
    if _same_file(found, database) or _open_in_this_process(found):
        return "the open database"
    if not path.is_file():
        return ""
    # Read only once the open database is ruled out: closing a descriptor of a file drops every POSIX
    # lock this process holds on it, SQLite's included.
    with open(path, "rb") as handle:
        return "a database file" if handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER else ""


def _same_file(found: os.stat_result, other: str | os.PathLike[str] | None) -> bool:
    if other is None:
        return False
    try:
        theirs = os.stat(other)
    except OSError:
        return False
    return (found.st_dev, found.st_ino) == (theirs.st_dev, theirs.st_ino)


def _open_in_this_process(found: os.stat_result) -> bool:
    """Whether this process holds a descriptor of the file (on Linux): a database it has open."""
    folder = Path("/proc/self/fd")
    if not folder.is_dir():
        return False
    for entry in folder.iterdir():
        try:
            held = os.stat(entry)
        except OSError:
            continue
        if (held.st_dev, held.st_ino) == (found.st_dev, found.st_ino):
            return True
    return False


def _create_temporary(target: Path) -> Path:
    """An empty file next to ``target``, 0o666 less the umask (mkstemp's 0600 would stay on the output)."""
    for _ in range(100):
        temporary = target.with_name(f".{target.stem}.{secrets.token_hex(4)}.partial{target.suffix}")
        try:
            os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            return temporary
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))


def _publish(temporary: Path, target: Path, replace: bool) -> None:
    if replace:
        os.replace(temporary, target)
        return
    try:
        os.link(temporary, target)  # fails if the name appeared meanwhile: never clobbers
    except FileExistsError:
        raise OutputError(f"{target} already exists: choose another name, or use --force to replace it",
                          code=Refusal.OUTPUT_EXISTS, params={"path": target}) from None
    except OSError:  # a file system without hard links
        os.replace(temporary, target)


def fsync_path(path: Path) -> None:
    """Flush ``path`` (a file or a folder, for a rename in it) to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _failure(target: Path, exc: OSError) -> OutputError:
    if exc.errno in _DISK_FULL:
        return OutputError(f"cannot write {target}: the disk is full; nothing was written",
                           code=Refusal.OUTPUT_DISK_FULL, params={"path": target})
    return OutputError(f"cannot write {target}: {exc.strerror or exc}; nothing was written",
                       code=Refusal.OUTPUT_FAILED, params={"path": target, "detail": exc.strerror or exc})


_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def check_pdf(path: Path, pages: int) -> None:
    """Raise IncompleteOutput unless ``path`` is a whole PDF (header, cross-reference table, end) of ``pages``."""
    data = path.read_bytes()
    end = _STARTXREF.search(data[-64:])
    if not data.startswith(b"%PDF-") or end is None or data[int(end.group(1)):][:4] != b"xref" \
            or len(_PAGE.findall(data)) != pages:
        raise IncompleteOutput("PDF")


def check_xlsx(path: Path, sheets: list[str]) -> None:
    """Raise IncompleteOutput unless ``path`` reopens as a workbook with exactly ``sheets``, each part whole.

    openpyxl reads the workbook part and its sheet list; the zip's own check (every part's CRC) stands in
    for reading each sheet, which openpyxl's read-only mode would scan in full to size it (seconds on a
    large export).
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(path) as archive:  # the zip's directory is written last: a cut file has none
            damaged = archive.testzip()
            parts = set(archive.namelist())
        reader = ExcelReader(str(path), read_only=True)
        try:
            reader.read_manifest()
            reader.read_workbook()
            found = [(sheet.name, relation.target.lstrip("/")) for sheet, relation in reader.parser.find_sheets()]
        finally:
            reader.archive.close()
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, EOFError):
        raise IncompleteOutput("workbook") from None
    if damaged is not None or [name for name, _ in found] != sheets or any(part not in parts for _, part in found):
        raise IncompleteOutput("workbook")
