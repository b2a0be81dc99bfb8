"""``python -m events``: list, import, export, ingest events, and read or undo their history.

Why click: subcommands with typed options and tested with CliRunner
(the datasette habit). Each subcommand is thin: parse options, call the
library, print. Errors from ``errors.EventMapError`` become one clear line
on stderr and exit status 2.
"""
from __future__ import annotations

import click


@click.group()
def cli() -> None:
    """Syria event map: the event store from the command line."""


@cli.command("ingest")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--published", default=None, metavar="YYYY-MM-DD",
              help="Publication date; relative dates are read from it (required for plain files; a JSONL line's "
                   "'published' wins).")
@click.option("--outlet", default=None, help="Outlet name (default: read from the sign-off or dateline).")
@click.option("--language", type=click.Choice(["ar", "en"]), default=None, help="Force the rule set (default: detect).")
@click.option("--json", "as_json", is_flag=True, help="Print the drafts as a JSON list (each names its article_id).")
@click.option("--notes", "with_notes", is_flag=True, help="Also print the context notes (JSON: records with kind 'note').")
@click.option("--accept-all", is_flag=True, help="Write every draft to the store (review later in the dashboard).")
@click.option("--store", "store_url", default=None, metavar="URL", help="Store for --accept-all, whose learned place aliases the gazetteer also uses "
                   "(default: EVENTS_STORE or var/events.sqlite).")
@click.option("--author", default="ingest", show_default=True, help="Author recorded in the audit log for --accept-all.")
def ingest_command(files: tuple[str, ...], published: str | None, outlet: str | None, language: str | None,
                   as_json: bool, with_notes: bool, accept_all: bool, store_url: str | None, author: str) -> None:
    """Propose draft events from news articles (Arabic or English) for review.

    FILES are article texts, or .jsonl files of articles (id, title, content, published, outlet).
    The gazetteer is built once; a progress bar goes to stderr for more than one article.
    """
    import json
    import sys

    from errors import ENVIRONMENT_FAILURES, EventMapError, InputError, describe_failure
    from events.ingest.batch import read_inputs
    from events.ingest.cli_support import drafts_as_json, note_to_dict, summary_lines
    from events.serialize import parse_iso_date

    try:
        published_date = parse_iso_date(published, field="published", where="--published") if published else None
        articles = read_inputs(list(files))
        missing = [a.id for a in articles if a.published is None and published_date is None]
        if missing:
            raise InputError("no publication date: pass --published or give 'published' in the JSONL",
                             field="published", value=missing[0], where="ingest")
        from events.ingest import ingest
        from gazetteer import get_gazetteer
        gazetteer = _store_gazetteer(store_url) or get_gazetteer()   # with the store's learned place aliases
        drafts, notes = [], []
        many = len(articles) > 1
        with click.progressbar(articles, label="ingesting", file=sys.stderr, show_pos=True,
                               hidden=not many) as bar:
            for art in bar:
                result = ingest(art.text, published=art.published or published_date, outlet=outlet or art.outlet,
                                gazetteer=gazetteer, language=language, article_id=art.id)
                drafts.extend(result.drafts)
                notes.extend(result.notes)
        if accept_all:
            from dataclasses import replace as dc_replace

            from events.store import open_store
            seen: dict[str, int] = {}
            events = []
            for d in drafts:  # two articles of one day and outlet may propose the same id
                n = seen.get(d.event.id, 0) + 1
                seen[d.event.id] = n
                events.append(d.event if n == 1 else dc_replace(d.event, id=f"{d.event.id}-{n}"))
            with open_store(store_url) as store:
                added = store.add(events, author=author)
            click.echo(f"accepted {added} draft event(s) into {store_url or 'the default store'}", err=True)
    except (EventMapError, *ENVIRONMENT_FAILURES) as exc:
        click.echo(f"error: {describe_failure(exc)}", err=True)
        sys.exit(2)
    if as_json:
        records = drafts_as_json(drafts) + ([note_to_dict(n) for n in notes] if with_notes else [])
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for line in summary_lines(drafts, notes if with_notes else ()):
            click.echo(line)


def _store_gazetteer(store_url: str | None):
    """The gazetteer with the store's learned aliases (gazetteer/learned.py); None when there is no store to read."""
    import os

    from events.store import DEFAULT_PATH, ENV_VAR, open_store
    from gazetteer.learned import gazetteer_for
    if store_url is None and not os.environ.get(ENV_VAR, "").strip() and not DEFAULT_PATH.is_file():
        return None
    with open_store(store_url) as store:
        return gazetteer_for(store)


# list / import / export live with the store (events/store/commands.py).
from events.store.audit_commands import history_command, undo_command  # noqa: E402
from events.store.commands import export_command, import_command, list_command  # noqa: E402
from events.store.copy_command import copy_command  # noqa: E402

cli.add_command(list_command)
cli.add_command(import_command)
cli.add_command(export_command)
cli.add_command(history_command)
cli.add_command(undo_command)
cli.add_command(copy_command)

from events.corroborate.cli import corroborate_command  # noqa: E402

cli.add_command(corroborate_command)
