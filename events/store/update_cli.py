"""``events import --update [--dry-run]``: the printing side of events/store/update.py.

Why its own module: commands.py stays a list of thin commands; this prints
the one-line summary (``added N, changed N, unchanged N, flagged N``), the
first changed fields, and the flags by kind.
"""
from __future__ import annotations

import sys
from typing import Callable, Sequence

import click

from events.model import Event
from events.quality import by_kind, count_kinds
from events.store.update import apply_update, plan_update

#: Changed fields listed on stderr (the rest are counted).
SHOWN_CHANGES = 20


def run_update(events: Sequence[Event], rejects: Sequence, *, store_url: str | None, author: str, dry_run: bool,
               opener: Callable) -> None:
    with opener(store_url) as store:
        plan = plan_update(store, events)
        if not dry_run:
            apply_update(store, plan, author=author)
    click.echo(plan.summary() + (f", rejected {len(rejects)}" if rejects else "") + (" (dry run: nothing written)"
                                                                                        if dry_run else ""))
    kinds = count_kinds(events)
    if kinds:
        click.echo("flags: " + by_kind(kinds))
    rows = plan.rows(limit=SHOWN_CHANGES + 1)
    for row in rows[:SHOWN_CHANGES]:
        click.echo(f"  changed {row['id']} {row['field']}: {row['before']!r} → {row['after']!r}", err=True)
    if len(rows) > SHOWN_CHANGES:
        total = sum(len(c.fields) for _, c in plan.changed)
        click.echo(f"  … {total - SHOWN_CHANGES} more changed field(s)", err=True)
    sys.stdout.flush()
