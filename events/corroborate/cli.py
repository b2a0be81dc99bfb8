"""``python -m events corroborate [--store URL] [--dry-run]``, and ``--join A B`` / ``--split A`` by hand."""
from __future__ import annotations

import os
import time

import click

from events.store.commands import _open, reports_errors, store_option

#: Groups printed after a batch run (the rest are counted).
SHOWN_GROUPS = 20


@click.command("corroborate")
@store_option
@click.option("--dry-run", is_flag=True, help="Print the groups that would form; write nothing.")
@click.option("--join", "join_ids", nargs=2, default=None, metavar="ID ID", help="Put two events in one group by hand.")
@click.option("--split", "split_id", default=None, metavar="ID", help="Take an event out of its group by hand.")
@click.option("--log", "show_log", is_flag=True, help="Print the hand-made joins and splits (newest first).")
@click.option("--author", default=lambda: os.environ.get("USER") or "cli", show_default="$USER",
              help="Name recorded with the run or the hand-made change.")
@reports_errors
def corroborate_command(store_url: str | None, dry_run: bool, join_ids: tuple[str, str] | None,
                        split_id: str | None, show_log: bool, author: str) -> None:
    """Link the store's reports of the same incident into corroboration groups and print them."""
    from events.corroborate import storage
    with _open(store_url) as store:
        if show_log:
            for row in storage.manual_log(store):
                click.echo(f"{row['at']}  {row['author']:12}  {row['action']:5}  {row['event_a']} {row['event_b']}")
            return
        if join_ids:
            group = storage.join(store, *join_ids, author=author)
            click.echo(f"joined: {group.group_id} ({len(group.members)} reports) — {group.panel_line()}")
            return
        if split_id:
            group = storage.split(store, split_id, author=author)
            click.echo(f"split {split_id} off" + (f"; {group.group_id} keeps {len(group.members)} reports"
                                                  if group else "; the rest is a single report"))
            return
        started = time.perf_counter()
        groups, seen = storage.corroborate_store(store, author=author, dry_run=dry_run)
        seconds = time.perf_counter() - started
    linked = sum(len(g.members) for g in groups)
    corroborated = sum(1 for g in groups if g.independent_sources >= 2 and g.confidence != "contested")
    contested = sum(1 for g in groups if g.confidence == "contested")
    for g in sorted(groups, key=lambda g: (-g.independent_sources, g.group_id))[:SHOWN_GROUPS]:
        click.echo(f"{g.group_id}  {len(g.members)} reports  {g.confidence:9}  {g.panel_line()}")
    if len(groups) > SHOWN_GROUPS:
        click.echo(f"… and {len(groups) - SHOWN_GROUPS} more group(s)")
    click.echo(f"{seen} events: {len(groups)} groups of {linked} reports (corroborated {corroborated}, contested "
               f"{contested}) in {seconds:.1f} s" + (" (dry run: nothing written)" if dry_run else ""))
