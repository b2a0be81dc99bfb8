"""``python -m events copy --from URL --to URL``: every event of one store into another (SQLite ⇄ PostGIS).

Why it can always work: both backends accept exactly the same events, because every write goes
through the same validation and text policy (events/validate.py, events/textpolicy.py): a NUL
SQLite would have taken and PostgreSQL would refuse is refused by both. The copy is one audited
transaction on the target (all events or none); the source is only read. The audit history and
learned place aliases stay with the source.
"""
from __future__ import annotations

import os

import click

from errors import InputError
from events.query import Query
from events.store.commands import _open, reports_errors


@click.command("copy")
@click.option("--from", "source", required=True, metavar="URL", help="Store to read (file path or postgresql://…).")
@click.option("--to", "target", required=True, metavar="URL", help="Store to write (created if missing).")
@click.option("--replace", is_flag=True, help="Overwrite events of the target that have the same id.")
@click.option("--author", default=lambda: os.environ.get("USER") or "cli", show_default="$USER",
              help="Name recorded in the target's audit log.")
@reports_errors
def copy_command(source: str, target: str, replace: bool, author: str) -> None:
    """Copy every event of the --from store into the --to store, in one transaction."""
    if source == target or ("://" not in source + target and os.path.realpath(source) == os.path.realpath(target)):
        raise InputError("--from and --to name the same store", where="--to", value=target)
    with _open(source) as src:
        events = src.query(Query())
    with _open(target) as dst:
        added = dst.add(events, author=author, replace=replace)
        click.echo(f"copied {added} event(s) to {target}; it is now at revision {dst.revision}")
