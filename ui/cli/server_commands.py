"""`curator init` and `curator migrate-to`: preparing a facility server and moving a desk onto it."""

from __future__ import annotations

import argparse

from sqlalchemy.exc import DBAPIError

from curator.storage import schema
from curator.storage.db import Database, open_database, resolve_url, table_names
from curator.storage.transfer import TransferResult, migrate

EXIT_OK, EXIT_PROBLEMS = 0, 1


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    init = commands.add_parser(
        "init", parents=[common],
        help="create (or bring up to date) Curator's tables in a database: an empty server database "
             "(--db postgresql+psycopg://...) or an SQLite file")
    init.set_defaults(run=run_init)

    move = commands.add_parser(
        "migrate-to", parents=[common],
        help="copy everything from the desk's database (--db, an SQLite file) to a fresh server "
             "database, then verify that both hold the same events, chain and totals")
    move.add_argument("url", metavar="URL", help="the target, e.g. postgresql+psycopg://curator@server/curator")
    move.set_defaults(run=run_migrate_to)


def _revision_before(url: str) -> str | None:
    """The schema revision already in the database, or None when it has no Curator tables yet."""
    probe = Database(url)
    try:
        if probe.path is not None and not probe.path.exists():
            return None
        return schema.current_revision(probe) if "alembic_version" in table_names(probe) else None
    except DBAPIError:
        return None  # unreachable or unreadable: open_database says why, in one line
    finally:
        probe.dispose()


def run_init(args: argparse.Namespace) -> int:
    url = resolve_url(args.db)
    before = _revision_before(url)
    db = open_database(url, auto_backup=False)
    head = schema.head_revision()
    if before is None:
        print(f"created Curator's tables (schema {head}): {db.display_name}")
    elif before != head:
        print(f"upgraded the schema from {before} to {head}: {db.display_name}")
    else:
        print(f"already up to date (schema {head}): {db.display_name}")
    db.dispose()
    return EXIT_OK


def run_migrate_to(args: argparse.Namespace) -> int:
    source = open_database(args.db, create=False)
    target = open_database(args.url, auto_backup=False)
    try:
        print(f"copying {source.display_name} to {target.display_name}")
        result = migrate(source, target, progress=lambda table, rows: print(f"  {table}: {rows} rows"))
        _print_result(result, source, target)
    finally:
        source.dispose()
        target.dispose()
    return EXIT_OK if result.ok else EXIT_PROBLEMS


def _print_result(result: TransferResult, source: Database, target: Database) -> None:
    copied = result.target
    head_id, head_hash = copied.chain_head
    if not result.ok:
        for mismatch in result.mismatches:
            print(f"MISMATCH {mismatch}")
        print(f"the copy on {target.display_name} differs from {source.display_name}: "
              "do not use it; drop and re-create the server database, then try again")
        return
    print(f"verified: {target.display_name} holds the same {copied.rows.get('events', 0)} events "
          f"(chain head {head_id}-{head_hash[:12]}), {copied.rows.get('samples', 0)} samples, "
          f"{copied.rows.get('allocations', 0)} allocations and the same report totals as "
          f"{source.display_name}")
    if copied.problems:
        print(f"note: verify finds the same {len(copied.problems)} problem(s) on both sides "
              "(run `curator verify` to list them)")
    print(f"desks now use: --db {target.display_name} (or CURATOR_DB), with the password")
