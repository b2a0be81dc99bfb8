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
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--published", required=True, metavar="YYYY-MM-DD", help="Publication date; relative dates are read from it.")
@click.option("--outlet", default=None, help="Outlet name (default: read from the sign-off or dateline).")
@click.option("--language", type=click.Choice(["ar", "en"]), default=None, help="Force the rule set (default: detect).")
@click.option("--json", "as_json", is_flag=True, help="Print the drafts as a JSON list.")
@click.option("--store", "store_url", default=None, metavar="URL",
              help="Event store whose learned place aliases the gazetteer uses "
                   "(default: $EVENTS_STORE, else var/events.sqlite when it exists).")
def ingest_command(file: str, published: str, outlet: str | None, language: str | None, as_json: bool,
                   store_url: str | None) -> None:
    """Propose draft events from a news article (Arabic or English) for review."""
    import json
    import sys

    from errors import EventMapError
    from events.ingest.cli_support import drafts_as_json, read_article_file, summary_lines
    from events.serialize import parse_iso_date

    try:
        published_date = parse_iso_date(published, field="published", where="--published")
        text = read_article_file(file)
        from events.ingest import ingest_article
        drafts = ingest_article(text, published=published_date, outlet=outlet, language=language,
                                gazetteer=_store_gazetteer(store_url))
    except EventMapError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(drafts_as_json(drafts), ensure_ascii=False, indent=2))
    else:
        for line in summary_lines(drafts):
            click.echo(line)


def _store_gazetteer(store_url: str | None):
    """The gazetteer with the store's learned aliases (None: no store to read, use the plain one)."""
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

cli.add_command(list_command)
cli.add_command(import_command)
cli.add_command(export_command)
cli.add_command(history_command)
cli.add_command(undo_command)
