"""`curator backup`, `restore` and `chain-head`: keeping the record safe and provable."""

from __future__ import annotations

import argparse
from pathlib import Path

from curator.errors import DatabaseError
from curator.events import chain_head_code
from curator.operators import find_operator, require_role
from curator.storage import backups
from curator.storage.db import Database, open_database
from curator.storage.restore import restore
from curator.storage.restore_history import HistoryReplacement
from curator.vocabulary import Role
from ui.cli.signing import signed_in, signer_options


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser(
        "backup", parents=[common],
        help="copy the database with SQLite's online backup (safe while desks are working)")
    backup.add_argument("out", metavar="OUT", nargs="?", help="file to write (must not exist yet)")
    backup.add_argument("--daily", action="store_true",
                        help="instead of OUT: make today's rotating backup now (for a scheduled task)")
    backup.add_argument("--backup-dir", help="folder of the rotating backups "
                                             f"(default: ${backups.ENV_FOLDER}, else next to the database)")
    backup.add_argument("--keep", type=int, help=f"rotating backups to keep (default {backups.DEFAULT_KEEP}; 0: none)")
    backup.set_defaults(run=run_backup)

    back = commands.add_parser("restore", parents=[common, signer_options()],
                               help="replace the database by a backup that passes verification "
                                    "(the current file is kept in the backup folder)")
    back.add_argument("backup", metavar="BACKUP", help="backup file to restore")
    back.add_argument("--backup-dir", help="where to keep the current file before it is replaced")
    back.add_argument("--accept-loss", type=int, default=0, metavar="N",
                      help="allow going back: drop up to N events the backup does not have "
                           "(they stay in the kept copy)")
    back.add_argument("--replace-history", action="store_true",
                      help="restore a backup that is not an earlier state of this database (another "
                           "database's, or a rewritten history); needs --reason")
    back.add_argument("--reason", default="", help="why the history is replaced (recorded in the restored chain)")
    back.add_argument("--operator", default="", metavar="NAME",
                      help="--replace-history: the admin who replaces it, with their PIN (of this database)")
    back.set_defaults(run=run_restore)

    head = commands.add_parser("chain-head", parents=[common],
                               help="print the chain head code (for handover sheets; check it later "
                                    "with `curator verify --head CODE`)")
    head.set_defaults(run=run_chain_head)


def _sqlite_database(db: Database) -> Path:
    if db.path is None:
        raise DatabaseError(f"{db.display_name} is a database server: back it up with the server's own "
                            "tools (e.g. pg_dump)")
    return db.path


def run_backup(args: argparse.Namespace) -> int:
    if args.backup_dir or args.keep is not None:
        backups.configure(args.backup_dir, args.keep)
    if bool(args.out) == bool(args.daily):
        raise DatabaseError("give either OUT (a file to write) or --daily")
    db = open_database(args.db, create=False, auto_backup=False)
    try:
        source = _sqlite_database(db)
        with db.read() as session:
            code = chain_head_code(session)
    finally:
        db.dispose()
    if args.daily:
        made = backups.daily_backup(source)
        if made:
            print(f"daily backup written: {made}")
        elif backups.keep_count() == 0:
            print("daily backups are off (keep 0)")
        else:
            print(f"today's backup already exists in {backups.backup_folder(source)}")
        return 0
    out = Path(args.out).expanduser().resolve()
    if out.exists():
        raise DatabaseError(f"{out} already exists: choose a new file name (a backup never overwrites a file)")
    backups.online_backup(source, out)
    print(f"backup written: {out} (chain head {code})")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    if args.backup_dir:
        backups.configure(args.backup_dir)
    from curator.storage.db import resolve_url
    from curator.storage.sqlite_files import sqlite_path

    target = sqlite_path(resolve_url(args.db))
    if target is None:
        raise DatabaseError("restore works on an SQLite database file; restore a server with its own tools")
    if args.accept_loss < 0:
        raise DatabaseError("--accept-loss counts events: give 0 or more")
    if args.replace_history and not args.reason.strip():
        raise DatabaseError("--replace-history needs --reason TEXT: say why this database's history is replaced")
    if (args.reason or args.operator) and not args.replace_history:
        raise DatabaseError("--reason and --operator go with --replace-history")
    replacement = _replacement(args) if args.replace_history else None
    result = restore(args.backup, target, args.accept_loss, replacement)
    print(f"restored {result.database} from {result.restored_from} ({result.events} events, verified)")
    if result.history_replaced:
        print(f"the database's history was replaced ({result.dropped} events of it are only in the kept copy); "
              f"event {result.replacement_event} records why and by whom")
    elif result.dropped:
        print(f"went back {result.dropped} events: they are only in the kept copy")
    if result.saved_copy:
        print(f"the previous file was kept as {result.saved_copy}")
    return 0


def _replacement(args: argparse.Namespace) -> HistoryReplacement:
    """Why the history is replaced, and the admin who says so, proven by their PIN against this database."""
    if not args.operator.strip():
        raise DatabaseError("--replace-history needs --operator NAME: the admin who replaces this database's "
                            "history (with their PIN)")
    db = signed_in(args, args.operator)
    try:
        with db.read() as session:
            admin = find_operator(session, args.operator)
            require_role(admin, Role.ADMIN, "replace a database's history")
            return HistoryReplacement(args.reason.strip(), admin.name, admin.role)
    finally:
        db.dispose()


def run_chain_head(args: argparse.Namespace) -> int:
    db = open_database(args.db, create=False)
    try:
        with db.read() as session:
            print(chain_head_code(session))
    finally:
        db.dispose()
    return 0
