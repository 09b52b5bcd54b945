"""`curator watch`: print each committed event as it happens, from any desk (for dashboards and integrations).

One line per event (or one JSON object with --json), flushed at once. Ctrl+C ends it (exit status 130,
no traceback); a server restart or a lost connection is said on standard error and the watch carries
on after the last event it printed, losing none (curator/feed.py).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable

from curator.errors import ValidationError
from curator.feed import Feed, FeedEvent
from curator.mass import format_mass
from curator.storage.db import open_database

EXIT_INTERRUPTED = 130


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    watch = commands.add_parser("watch", parents=[common],
                                help="print each event as it is committed, from any desk, until Ctrl+C")
    watch.add_argument("--json", action="store_true", help="one JSON object per line (masses in micrograms)")
    watch.add_argument("--since", type=_event_id, metavar="EVENT",
                       help="first print the events after this event id (default: only new ones)")
    watch.set_defaults(run=run_watch)


def _event_id(text: str) -> int:
    if not text.strip().isdigit():
        raise ValidationError(f"--since takes an event id (a whole number, 0 for the whole history), not {text!r}")
    return int(text)


def run_watch(args: argparse.Namespace) -> int:
    db = open_database(args.db, create=False, auto_backup=False)
    feed = Feed(db, args.since)
    try:
        for event in feed.follow(_trouble(feed)):
            print(json.dumps(event.as_json(), ensure_ascii=False) if args.json else event_line(event), flush=True)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (`curator watch | head -3`): a normal end
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
        return 0
    finally:
        feed.close()
        db.dispose()
    return 0


def _trouble(feed: Feed) -> Callable[[str | None], None]:
    def say(message: str | None) -> None:
        if message is None:
            print(f"curator watch: reconnected; carrying on after event {feed.last_id}", file=sys.stderr, flush=True)
        else:
            print(f"curator watch: {message}; trying again every second", file=sys.stderr, flush=True)
    return say


def event_line(event: FeedEvent) -> str:
    """``1234  2026-11-27 20:01:02  weighed  CE5C0400YJFM00505  12.5 mg  Li Wei  "note"`` (local time)."""
    target = event.sample or event.container or event.allocation or (":".join(event.fact) if event.fact else "") \
        or _setting(event.details)
    places = " -> ".join(place for place in (event.from_location, event.to_location) if place)
    parts = [str(event.id), event.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), event.kind, target,
             format_mass(event.mass_ug) if event.mass_ug is not None else "", places, event.operator,
             json.dumps(event.note, ensure_ascii=False) if event.note else ""]
    return "  ".join(part for part in parts if part)


def _setting(details: dict[str, object]) -> str:
    """A facility setting's new value ("photo_folder=/srv/photos"; "" is the database), else ""."""
    if "setting" not in details:
        return ""
    return f"{details['setting']}={details.get('value') or '(database)'}"
