"""``python -m events``: list, import, export and ingest events from a shell.

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
