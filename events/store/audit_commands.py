"""``python -m events history | undo``: the audit log from a shell.

Why: analysts who edited or imported the wrong thing need to see who
changed what, when, and put it back, without a database client. The store
keeps the log (events/store/base.py); these commands only print and call
``store.undo``, which is itself audited, so an undo can be undone.
"""
from __future__ import annotations

import json
import os
from typing import Any

import click

from events.io._common import line_safe
from events.store.commands import _open, reports_errors, store_option


def _changed_fields(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    if before is None or after is None:
        return []
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


@click.command("history")
@click.argument("event_id", required=False)
@store_option
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per change, with before/after records.")
@reports_errors
def history_command(event_id: str | None, store_url: str | None, limit: int, as_json: bool) -> None:
    """Who changed what, when (newest first), for one event or the whole store."""
    store = _open(store_url)
    try:
        entries = store.history(event_id, limit=limit)
    finally:
        store.close()
    for e in entries:
        if as_json:
            click.echo(line_safe(json.dumps({"revision": e.revision, "at": e.at.isoformat(), "author": e.author,
                                   "action": e.action, "event_id": e.event_id, "undoes": e.undoes,
                                   "before": e.before, "after": e.after}, ensure_ascii=False)))
            continue
        fields = _changed_fields(e.before, e.after)
        detail = f" ({', '.join(fields)})" if fields else ""
        undone = f" undoing revision {e.undoes}" if e.undoes is not None else ""
        click.echo(f"r{e.revision}  {e.at:%Y-%m-%d %H:%M:%S}Z  {e.author}  {e.action}{undone}  {e.event_id}{detail}")


@click.command("undo")
@click.argument("revision", type=int)
@store_option
@click.option("--author", default=lambda: os.environ.get("USER") or "cli", show_default="$USER")
@click.option("--force", is_flag=True, help="Also roll back later revisions that changed the same events "
                                            "(listed); without it such an undo is refused.")
@reports_errors
def undo_command(revision: int, store_url: str | None, author: str, force: bool) -> None:
    """Put back every event changed in REVISION as it was before (itself a new, audited revision).

    Refused when a later revision changed one of the same events, unless --force, which lists
    what it rolls back."""
    store = _open(store_url)
    try:
        rolled_back = store.undo(revision, author=author, force=force)
        for rev, event_id, action in rolled_back:
            click.echo(f"rolled back r{rev} {action} {event_id}")
        click.echo(f"undid revision {revision}; now at revision {store.revision}")
    finally:
        store.close()
