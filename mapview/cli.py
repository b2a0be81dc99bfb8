"""``python -m mapview snapshot``: export the current view (filters + time window) as PNG/HTML/GIF/GeoJSON/CSV/KML.

Why a CLI: journalists script the same export every week, and machines
without a browser still get a PNG (static renderer). The view is an
``events.query.Query`` built from the flags, answered by the same store the
dashboard uses (``events.store.open_store``). Bad arguments and export
errors are one line on stderr and exit status 2.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from errors import ENVIRONMENT_FAILURES, EventMapError, describe_failure
from events.model import ClaimStatus, EventType

from mapview.export import EXPORT_FORMATS as FORMATS
from mapview.export import RENDERERS


class OneLineErrors(click.Group):
    """Usage errors and EventMapErrors as a single ``error: …`` line, exit 2 (no usage dump, no traceback)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            return super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                                standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.format_message(), err=True)
            sys.exit(2)
        except click.exceptions.Abort:
            click.echo("error: aborted", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            click.echo(f"error: {exc.format_message()}", err=True)
            sys.exit(2)
        except (EventMapError, *ENVIRONMENT_FAILURES) as exc:
            click.echo(f"error: {describe_failure(exc)}", err=True)
            sys.exit(2)


@click.group(cls=OneLineErrors)
def cli() -> None:
    """Syria event map: map snapshots and exports."""


def _day(value) -> date | None:
    return value.date() if value is not None else None


def _query(date_from, date_to, statuses, types, actors, governorates):
    from events.query import Query
    return Query(date_from=date_from, date_to=date_to, statuses=frozenset(ClaimStatus(s) for s in statuses),
                 types=frozenset(EventType(t) for t in types), actors=frozenset(actors),
                 governorates=frozenset(g.upper() for g in governorates))


def load_frame(query, store_url: str | None):
    """The events of ``query`` from the store (``--store`` or the default store)."""
    from events.store import open_store
    store = open_store(store_url)
    try:
        return store.frame(query)
    finally:
        store.close()


@cli.command()
@click.option("--from", "date_from", type=click.DateTime(formats=["%Y-%m-%d"]), help="window start, YYYY-MM-DD")
@click.option("--to", "date_to", type=click.DateTime(formats=["%Y-%m-%d"]), help="window end, YYYY-MM-DD")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="output format (default: from the -o extension)")
@click.option("-o", "--output", type=click.Path(path_type=Path, allow_dash=True), required=True,
              help="output file: a regular file (replaced atomically, mode kept) or a new path; '-' for stdout")
@click.option("--follow-symlinks", is_flag=True, help="if -o is a symbolic link, write to its target")
@click.option("--parents", is_flag=True, help="create -o's missing parent folders (default: refuse)")
@click.option("--status", "statuses", multiple=True, type=click.Choice([s.value for s in ClaimStatus]),
              help="claim status (repeatable)")
@click.option("--type", "types", multiple=True, type=click.Choice([t.value for t in EventType]),
              help="event type (repeatable)")
@click.option("--actor", "actors", multiple=True, help="actor name (repeatable)")
@click.option("--governorate", "governorates", multiple=True, help="governorate P-code, e.g. SY09 (repeatable)")
@click.option("--lang", type=click.Choice(["en", "ar"]), default="en", show_default=True)
@click.option("--width", type=click.IntRange(100, 8000), default=1200, show_default=True, help="px")
@click.option("--height", type=click.IntRange(100, 8000), default=800, show_default=True, help="px")
@click.option("--scale", type=click.FloatRange(0.5, 4), default=1.0, show_default=True,
              help="pixels per px (PNG resolution)")
@click.option("--renderer", type=click.Choice(RENDERERS), default=None,
              help="PNG renderer (default: browser if /usr/bin/chromium exists, else static)")
@click.option("--title", default=None, help="map title (default: event count)")
@click.option("--frames", type=click.IntRange(1, 120), default=12, show_default=True, help="GIF frames")
@click.option("--window-days", type=click.IntRange(1, 3660), default=None, help="GIF window length in days")
@click.option("--store", "store_url", default=None, help="store path or postgresql:// URL (default: $EVENTS_STORE)")
def snapshot(date_from, date_to, fmt, output, statuses, types, actors, governorates, lang, width, height, scale,
             renderer, title, frames, window_days, store_url, follow_symlinks, parents) -> None:
    """Export the events matching the filters (the current view)."""
    to_stdout = str(output) == "-"
    if not to_stdout:
        from safe_output import check_output
        check_output(output, follow_symlinks=follow_symlinks, parents=parents)   # refuse before the work
    if fmt is None and to_stdout:
        raise click.BadParameter("give --format when writing to stdout (-o -)", param_hint="'--format'")
    fmt = fmt or _format_from_suffix(output)
    date_from, date_to = _day(date_from), _day(date_to)
    if date_from and date_to and date_to < date_from:
        raise click.BadParameter(f"--to {date_to} is before --from {date_from}", param_hint="'--to'")
    if renderer is not None and fmt != "png":
        raise click.BadParameter("--renderer applies to --format png only", param_hint="'--renderer'")
    if renderer == "browser":
        from mapview.snapshot import chromium_available
        if not chromium_available():
            raise click.BadParameter("Chromium (/usr/bin/chromium) is not installed; use --renderer static",
                                     param_hint="'--renderer'")
    frame = load_frame(_query(date_from, date_to, statuses, types, actors, governorates), store_url)
    from mapview.export import export_view
    from mapview.standalone import span_text, write_atomic
    from mapview.style import word
    title = title if title is not None else f"{len(frame)} {word('events', lang)}"
    data = export_view(frame, fmt=fmt, lang=lang, title=title, subtitle=span_text(date_from, date_to),
                       width=width, height=height, scale=scale, renderer=renderer, date_from=date_from,
                       date_to=date_to, frames=frames, window_days=window_days)
    write_atomic(output, data, follow_symlinks=follow_symlinks, parents=parents)
    click.echo(f"wrote {output} ({fmt}, {len(frame)} events)", err=to_stdout)


def _format_from_suffix(output: Path) -> str:
    suffix = output.suffix.lower().lstrip(".")
    suffix = {"htm": "html", "json": "geojson"}.get(suffix, suffix)
    if suffix not in FORMATS:
        raise click.BadParameter(f"cannot tell the format from {output.name!r}; give --format "
                                 f"({'|'.join(FORMATS)})", param_hint="'--format'")
    return suffix

