"""``python -m events list | import | export``: the store from a shell (registered in events/cli.py).

Why thin: each command parses flags (``cliargs``), calls the store or
``events.io``, and prints. Any ``errors.EventMapError`` becomes one line on
stderr ("error: --bbox: '1,2,3' is not W,S,E,N ...") and exit status 2, so
scripts can tell bad input (2) from success (0).
"""
from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path
from typing import Any, Callable

import click

from errors import ENVIRONMENT_FAILURES, EventMapError, describe_failure, printable
from events.store.cliargs import build_query
from events.textpolicy import for_terminal
from safe_output import check_output, write_output

#: Imports of at least this many events show a progress bar on stderr while storing them...
PROGRESS_MIN = 1_000
#: ...and files at least this large show one while they are read.
PROGRESS_MIN_BYTES = 2 * 1024 ** 2


class _ReadingProgress:
    """events.io progress (rows, total or None) → a click progress bar on stderr (or a row count)."""

    def __init__(self) -> None:
        self.bar = None
        self.done = 0

    def __call__(self, rows: int, total: int | None) -> None:
        if total is None:
            if rows // 100_000 > self.done // 100_000:
                click.echo(f"reading: {rows:,} rows", err=True)
            self.done = rows
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="reading", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(rows - self.done)
        self.done = rows

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(2)


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn EventMapError, and the machine's failures (disk full, permission, a locked store, a value Python
    cannot convert: errors.ENVIRONMENT_FAILURES), into one stderr line and exit status 2."""
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (EventMapError, *ENVIRONMENT_FAILURES) as exc:
            _fail(describe_failure(exc))
    return wrapper


def store_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--store", "store_url", default=None, metavar="URL",
                        help="A file path (embedded store) or postgresql://… (PostGIS); "
                             "default $EVENTS_STORE, else var/events.sqlite.")(f)


def filter_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The Query flags shared by list and export."""
    options = [
        click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Events overlapping this day or later."),
        click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Events overlapping this day or earlier."),
        click.option("--bbox", metavar="W,S,E,N", help="Bounding box in degrees (lon/lat, WGS84)."),
        click.option("--status", "statuses", multiple=True, metavar="S", help="reported, claimed, denied, confirmed (repeat or comma-separate)."),
        click.option("--type", "types", multiple=True, metavar="T", help="Event type, e.g. air_strike, evacuation (repeat or comma-separate)."),
        click.option("--actor", "actors", multiple=True, help="Actor name (exact; repeatable)."),
        click.option("--gov", "governorates", multiple=True, metavar="PCODE", help="Governorate P-code, e.g. SY09."),
        click.option("--precision", "precisions", multiple=True, help="Location precision, e.g. point, governorate."),
        click.option("--outlet", "outlets", multiple=True, help="Outlet or agency name (exact; repeatable)."),
        click.option("--text", default="", help="Case-insensitive search in titles, places and summary."),
        click.option("--flag", "flags", multiple=True, metavar="KIND",
                     help="Data-quality flag kind, e.g. best_outside_range, or 'any' (repeat or comma-separate)."),
        click.option("--include-undated", is_flag=True, help="Keep events without a date in a date window."),
        click.option("--exclude-unlocated", is_flag=True, help="Drop events without coordinates from a --bbox search."),
        click.option("--limit", type=int, default=None, help="At most this many events (earliest first)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _query(kw: dict[str, Any]):
    return build_query(date_from=kw.pop("date_from"), date_to=kw.pop("date_to"), bbox=kw.pop("bbox"),
                       statuses=kw.pop("statuses"), types=kw.pop("types"), actors=kw.pop("actors"),
                       governorates=kw.pop("governorates"), precisions=kw.pop("precisions"),
                       outlets=kw.pop("outlets"), text=kw.pop("text"), include_undated=kw.pop("include_undated"),
                       include_unlocated=not kw.pop("exclude_unlocated"), limit=kw.pop("limit"),
                       flags=kw.pop("flags", ()))


def _open(store_url: str | None):
    from events.store import open_store
    return open_store(store_url)


@click.command("list")
@store_option
@filter_options
@click.option("--count", "count_only", is_flag=True, help="Print only how many events match.")
@click.option("--json", "as_json", is_flag=True, help="JSON output (records, or {\"count\": N}).")
@reports_errors
def list_command(store_url: str | None, count_only: bool, as_json: bool, **filters: Any) -> None:
    """List (or count) the stored events matching the filters, earliest first."""
    q = _query(filters)
    with _open(store_url) as store:
        if count_only:
            n = store.count(q)
            click.echo(json.dumps({"count": n}) if as_json else str(n))
            return
        if as_json:
            from events.serialize import event_to_dict
            found = store.query(q)
            records = [event_to_dict(e) for e in found]
            from events.corroborate.storage import corroboration_of, groups_of
            known = groups_of(store, [e.id for e in found])
            for record, event in zip(records, found):
                record["corroboration"] = corroboration_of(store, event, known)
            click.echo(json.dumps(records, ensure_ascii=False, indent=1))
            return
        frame = store.frame(q)
    for row in frame.itertuples(index=False):
        when = "undated" if row.date_start is None or str(row.date_start) == "NaT" else \
            f"{row.date_start:%Y-%m-%d}" + ("" if row.date_end == row.date_start else f"..{row.date_end:%Y-%m-%d}")
        where = for_terminal(row.place_en or row.place_as_written or "-", 200)
        title = for_terminal(row.title_en or row.title_ar, 300)   # no ESC/OSC-8/bidi control reaches the terminal
        click.echo(f"{when:22}  {row.status:9}  {row.event_type:12}  {row.id}  {title}  [{where}]")


def _write_rejects(path: Path, rejects) -> None:
    """The rejects report (events.io.rejects: the dashboard's download writes the same, neutralised)."""
    from events.io.rejects import rejects_csv
    write_output(path, rejects_csv(rejects))


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@store_option
@click.option("--format", "fmt", default=None, metavar="FORMAT",
              help="json, csv, geojson, acled, ucdp or kml (default: guessed from the file).")
@click.option("--skip-bad-rows", is_flag=True, help="Import the valid rows and report the rest (default: all or nothing).")
@click.option("--rejects", "rejects_path", type=click.Path(dir_okay=False), default=None,
              help="Write refused rows to this CSV report.")
@click.option("--replace", is_flag=True, help="Overwrite stored events that have the same id.")
@click.option("--update", is_flag=True,
              help="A newer release: add new ids, update changed ones (audited), leave unchanged ones alone.")
@click.option("--dry-run", is_flag=True, help="With --update: print what would change, write nothing.")
@click.option("--learn-places", is_flag=True,
              help="UCDP/ACLED files: also learn their place strings as gazetteer aliases in the store.")
@click.option("--author", default=lambda: os.environ.get("USER") or "cli", show_default="$USER",
              help="Name recorded in the audit log.")
@click.option("--max-rows", type=click.IntRange(min=1), default=None, metavar="N",
              help="Refuse files with more rows (default 2,000,000, or EVENTS_MAX_ROWS); estimated before reading.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, metavar="N",
              help="Refuse larger files (default 200 MiB, or EVENTS_MAX_BYTES); checked before reading.")
@reports_errors
def import_command(file: str, store_url: str | None, fmt: str | None, skip_bad_rows: bool,
                   rejects_path: str | None, replace: bool, learn_places: bool, author: str,
                   update: bool = False, dry_run: bool = False, max_rows: int | None = None,
                   max_bytes: int | None = None) -> None:
    """Import events from FILE into the store: all rows or none, unless --skip-bad-rows.

    Published quirks (UCDP best outside low–high, sentinel source dates...) are kept with data-quality
    flags, counted by kind on the last line; only rows that cannot be an event are refused."""
    if dry_run and not update:
        _fail("--dry-run: only with --update")
    if update and replace:
        _fail("--update and --replace: choose one")
    from events.io import read_events
    reading = _ReadingProgress() if Path(file).is_file() and Path(file).stat().st_size >= PROGRESS_MIN_BYTES \
        else None
    try:
        result = read_events(file, format=fmt, progress=reading, max_rows=max_rows, max_bytes=max_bytes)
    finally:
        if reading is not None:
            reading.close()
    events, rejects = list(result.events), list(result.rejects)
    if rejects_path:
        _write_rejects(Path(rejects_path), rejects)
    if rejects and not skip_bad_rows:
        click.echo(f"imported 0, rejected {len(rejects)}")
        click.echo(f"error: {len(rejects)} of {result.rows} row(s) in {printable(file)} are invalid; nothing was imported "
                   f"(fix them, or use --skip-bad-rows):", err=True)
        for r in rejects[:100]:
            click.echo(f"  {printable(str(r), 400)}", err=True)
        if len(rejects) > 100:
            click.echo(f"  … and {len(rejects) - 100} more" + ("" if rejects_path else " (use --rejects FILE)"),
                       err=True)
        sys.exit(2)
    if update:
        from events.store.update_cli import run_update
        run_update(events, rejects, store_url=store_url, author=author, dry_run=dry_run, opener=_open)
        if learn_places and not dry_run:
            _learn_places(file, result.format, store_url, author)
        return
    with _open(store_url) as store:
        try:
            if len(events) >= PROGRESS_MIN:
                with click.progressbar(length=len(events), label="importing", file=sys.stderr) as bar:
                    done = [0]

                    def advance(n: int, total: int | None) -> None:
                        bar.update(n - done[0])
                        done[0] = n
                    added = store.add(events, author=author, replace=replace, progress=advance)
            else:
                added = store.add(events, author=author, replace=replace)
        except EventMapError:
            click.echo(f"imported 0, rejected {len(rejects)}")
            raise
        if added:
            store.warm_index()   # the embedded store's index copy: the dashboard's first start loads it
    click.echo(f"imported {added}, rejected {len(rejects)}")
    from events.quality import summary_line
    click.echo(summary_line(events))
    for r in rejects if not rejects_path else []:
        click.echo(f"  skipped {printable(str(r), 400)}", err=True)
    if learn_places:
        _learn_places(file, result.format, store_url, author)


def _learn_places(file: str, fmt: str, store_url: str | None, author: str) -> None:
    """``--learn-places``: the file's place strings become learned aliases of the store (gazetteer/learned.py)."""
    if fmt not in ("ucdp", "acled"):
        click.echo(f"--learn-places: {fmt} files carry no dataset place strings; nothing learned", err=True)
        return
    from gazetteer import get_gazetteer
    from gazetteer.learned import learn_file, summary
    aliases, _ = learn_file(file, fmt, get_gazetteer().places)
    with _open(store_url) as store:
        store.save_learned_aliases(aliases, author=author)
    row = summary(aliases)
    click.echo(f"learned {row['aliases']} place strings ({row['attached']} spellings of gazetteer places, "
               f"{row['own']} places of their own)")


@click.command("export")
@store_option
@click.option("--format", "fmt", required=True, metavar="FORMAT", help="geojson, csv, json, jsonl or kml.")
@click.option("-o", "--output", required=True, type=click.Path(allow_dash=True),
              help="File to write: a regular file (replaced atomically, its mode kept) or a new path; '-' for stdout.")
@click.option("--follow-symlinks", is_flag=True, help="If -o is a symbolic link, write to its target.")
@click.option("--parents", is_flag=True, help="Create -o's missing parent folders (default: refuse).")
@filter_options
@reports_errors
def export_command(store_url: str | None, fmt: str, output: str, follow_symlinks: bool, parents: bool,
                   **filters: Any) -> None:
    """Export the events matching the filters to a file."""
    from events.io import WRITE_FORMATS, write_events
    if fmt.lower() not in WRITE_FORMATS:
        _fail(f"--format: {fmt!r} is not one of: {', '.join(WRITE_FORMATS)}")
    q = _query(filters)
    if output != "-":
        check_output(output, follow_symlinks=follow_symlinks, parents=parents)   # refuse before the query
    with _open(store_url) as store:
        events = store.query(q)
    write_events(events, output, format=fmt.lower(), follow_symlinks=follow_symlinks, parents=parents)
    click.echo(f"exported {len(events)} event(s) to {output}", err=output == "-")
