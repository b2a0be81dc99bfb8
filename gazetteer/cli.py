"""``python -m gazetteer``: resolve names / phrases and reverse-geocode points.

Why a CLI: analysts check a spelling or a coordinate without opening the
dashboard, and scripts pipe JSON lines (one object per name) into jq.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import click

from errors import EventMapError
from gazetteer.serialize import resolution_to_dict


def _load(aliases: tuple[str, ...], geonames: tuple[str, ...], store: str | None = None):
    from gazetteer.service import DATA_DIR, Gazetteer, get_gazetteer
    if not aliases and not geonames:
        base = get_gazetteer()
    else:
        base = Gazetteer.from_data(DATA_DIR, aliases=[Path(a) for a in aliases],
                                   geonames=[Path(g) for g in geonames])
    if store is None:
        return base
    from gazetteer.aliasdb import open_alias_storage
    from gazetteer.learned import gazetteer_for
    with open_alias_storage(store) as storage:
        return gazetteer_for(storage, base=base)


def _fail(exc: EventMapError) -> None:
    raise click.ClickException(str(exc))


@click.group()
def cli() -> None:
    """Syrian gazetteer: resolve place names and phrases, reverse-geocode points."""


@cli.command()
@click.argument("names", nargs=-1, required=True)
@click.option("--context", default=None, help="Text around the name (governorate/district named nearby).")
@click.option("--near", nargs=2, type=float, default=None, metavar="LAT LON",
              help="A point already known from the same report; nearer candidates rank higher.")
@click.option("--aliases", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="User alias CSV (name,lang,pcode or lat/lon); may repeat.")
@click.option("--geonames", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="GeoNames SY.txt dump to merge in; may repeat.")
@click.option("--store", "store_url", default=None, metavar="URL",
              help="Also use the place aliases learned into this event store (file path or postgresql://…).")
@click.option("--geometry", is_flag=True, help="Include the area's WKT in JSON output.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per name (JSON lines).")
def resolve(names, context, near, aliases, geonames, store_url, geometry, as_json) -> None:
    """Resolve each NAME (a place name or a phrase such as 'ريف حلب الغربي')."""
    try:
        gz = _load(aliases, geonames, store_url)
        for name in names:
            res = gz.resolve(name, context=context, near=tuple(near) if near else None)
            row = resolution_to_dict(res, gz, geometry=geometry)
            if as_json:
                click.echo(json.dumps(row, ensure_ascii=False))
            else:
                click.echo(_line(row))
    except EventMapError as exc:
        _fail(exc)


def _line(row: dict) -> str:
    if row["status"] == "unresolved":
        return f"{row['query']}: unresolved ({row['note']})"
    if row["status"] == "ambiguous":
        cands = "; ".join(f"{c['name_en']} / {c['name_ar']} [{c['pcode']}, {c['admin1']}] {c['score']}"
                          for c in row["candidates"][:5])
        return f"{row['query']}: ambiguous — {cands}"
    where = f"{row['lat']:.5f}, {row['lon']:.5f}"
    radius = f" ±{row['radius_km']} km" if row["radius_km"] else ""
    name = " / ".join(n for n in (row["name_en"], row["name_ar"]) if n)
    code = f" [{row['pcode']}]" if row["pcode"] else ""
    admin = f" in {row['admin1']['name_en']}" if row["admin1"] else ""
    note = f" — {row['note']}" if row["note"] else ""
    return f"{row['query']}: {name}{code}{admin} at {where}{radius} ({row['precision']}){note}"


@cli.command()
@click.option("--geonames", multiple=True, type=click.Path(exists=True, dir_okay=False), help="GeoNames SY.txt dump.")
@click.option("--ocha", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="OCHA/HDX populated-places CSV.")
@click.option("--aliases", multiple=True, type=click.Path(exists=True, dir_okay=False), help="User alias CSV.")
@click.option("--regions", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Named-region CSV.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
def check(geonames, ocha, aliases, regions, as_json) -> None:
    """Validate source files and show what merging them would change (nothing is written)."""
    from gazetteer.service import DATA_DIR, Gazetteer, get_gazetteer
    try:
        base = get_gazetteer()
        merged = Gazetteer.from_data(DATA_DIR, geonames=[Path(p) for p in geonames], ocha=[Path(p) for p in ocha],
                                     aliases=[Path(p) for p in aliases], regions=[Path(p) for p in regions])
    except EventMapError as exc:
        _fail(exc)
    before = {p.pcode: p for p in base.places}
    added = [p for p in merged.places if p.pcode not in before]
    enriched = [p for p in merged.places if p.pcode in before and p != before[p.pcode]]
    row = {"places_before": len(base.places), "places_after": len(merged.places), "new_places": len(added),
           "places_with_new_names": len(enriched), "new": [p.pcode for p in added][:50]}
    if as_json:
        click.echo(json.dumps(row, ensure_ascii=False))
    else:
        click.echo(f"OK: {len(merged.places)} places ({len(added)} new, {len(enriched)} existing places gained "
                   f"names); files are valid")


@cli.command()
@click.argument("lat", type=float)
@click.argument("lon", type=float)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
def reverse(lat: float, lon: float, as_json: bool) -> None:
    """Governorate / district / sub-district containing LAT LON."""
    from gazetteer.service import get_gazetteer
    levels = get_gazetteer().reverse(lat, lon)
    row = {"lat": lat, "lon": lon}
    for n, ref in zip(("admin1", "admin2", "admin3"), levels):
        row[n] = {"pcode": ref.pcode, "name_en": ref.name_en, "name_ar": ref.name_ar} if ref else None
    if as_json:
        click.echo(json.dumps(row, ensure_ascii=False))
    elif levels[0] is None:
        click.echo(f"{lat}, {lon}: outside Syria's boundaries")
    else:
        click.echo(f"{lat}, {lon}: " + " > ".join(f"{r.name_en} / {r.name_ar} [{r.pcode}]" for r in levels if r))


_STORE_HELP = "Event store holding the learned aliases (default: $EVENTS_STORE, else var/events.sqlite)."


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", required=True, type=click.Choice(["ucdp", "acled"], case_sensitive=False),
              help="Layout of FILE: UCDP GED CSV or ACLED CSV.")
@click.option("--store", "store_url", default=None, metavar="URL",
              help="Event store to learn into (default: $EVENTS_STORE, else var/events.sqlite).")
@click.option("--dry-run", is_flag=True, help="Show what would be learned; store nothing.")
@click.option("--author", default=lambda: os.environ.get("USER") or "cli", show_default="$USER",
              help="Name recorded with the learned aliases.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary.")
def learn(file, fmt, store_url, dry_run, author, as_json) -> None:
    """Learn the place strings of a UCDP/ACLED FILE (with their coordinates) as aliases in the store."""
    from gazetteer.aliasdb import open_alias_storage
    from gazetteer.learned import learn_file, summary
    from gazetteer.service import get_gazetteer
    try:
        aliases, skipped = learn_file(file, fmt, get_gazetteer().places)
        if not dry_run:
            with open_alias_storage(store_url) as storage:
                storage.save_learned_aliases(aliases, author=author)
    except EventMapError as exc:
        _fail(exc)
    row = {**summary(aliases), "rows_skipped": skipped, "stored": not dry_run, "file": str(file)}
    if as_json:
        click.echo(json.dumps(row, ensure_ascii=False))
        return
    kinds = ", ".join(f"{n} {k}" for k, n in row["own_kinds"].items())
    click.echo(f"{'would learn' if dry_run else 'learned'} {row['aliases']} place strings from {file} "
               f"({row['events']} events): {row['attached']} are spellings of gazetteer places, "
               f"{row['own']} are places of their own ({kinds or 'none'}); {skipped} rows skipped "
               f"(no coordinates, or precision coarser than a point/area)")


@cli.group()
def aliases() -> None:
    """List or remove the place aliases learned into an event store."""


@aliases.command("list")
@click.option("--store", "store_url", default=None, metavar="URL", help=_STORE_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per alias (JSON lines).")
def aliases_list(store_url, as_json) -> None:
    """Every learned alias: id, string, where it points, provenance."""
    from dataclasses import asdict

    from gazetteer.aliasdb import open_alias_storage
    try:
        with open_alias_storage(store_url) as storage:
            rows = storage.learned_aliases()
    except EventMapError as exc:
        _fail(exc)
    for a in rows:
        if as_json:
            click.echo(json.dumps({**asdict(a), "place_code": a.place_code}, ensure_ascii=False))
        else:
            target = f"→ {a.pcode}" if a.pcode else f"own {a.kind} {a.place_code} ±{a.radius_km:g} km"
            click.echo(f"{a.id:6}  {a.name}  {target}  at {a.lat:.5f}, {a.lon:.5f}  "
                       f"[{a.dataset} {a.source}, {a.events} events, precision {a.precision}]")
    if not as_json:
        click.echo(f"{len(rows)} learned alias(es)")


@aliases.command("remove")
@click.option("--store", "store_url", default=None, metavar="URL", help=_STORE_HELP)
@click.option("--id", "ids", multiple=True, type=int, help="Alias id (from `aliases list`); may repeat.")
@click.option("--source", default=None, help="Every alias learned from this file name.")
@click.option("--name", default=None, help="Every alias with this string (as written).")
@click.option("--all", "everything", is_flag=True, help="Every learned alias.")
@click.option("--author", default=lambda: os.environ.get("USER") or "cli", show_default="$USER")
def aliases_remove(store_url, ids, source, name, everything, author) -> None:
    """Remove learned aliases (by id, source file, string, or all)."""
    from gazetteer.aliasdb import open_alias_storage
    try:
        with open_alias_storage(store_url) as storage:
            n = storage.remove_learned_aliases(ids=ids, source=source, name=name, everything=everything,
                                               author=author)
    except EventMapError as exc:
        _fail(exc)
    click.echo(f"removed {n} learned alias(es)")


def main() -> None:  # pragma: no cover - thin entry point
    cli(prog_name="python -m gazetteer")
