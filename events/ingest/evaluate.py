"""Score drafts against hand-written expectations (tests and bench/ingest_bench.py).

Why in the package: the same comparison decides whether a fixture passes
and what the benchmark reports, and an analyst can run it on their own
annotated articles. An expectation file (``NAME.expected.json``) holds
``published``, optional ``outlet``, and ``events``: each with ``key``,
``event_type``, ``status`` and optionally ``date`` {start, end, precision},
``place``/``origin``/``destination`` {pcode | pcode_any | precision |
located | as_written_contains}, ``counts`` [{what, min, max}], ``actors``
(subset), ``denies``/``related`` (keys of other expected events) and
``source`` {outlet, agency, source} (prefixes).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from errors import ParseError
from events.ingest.pipeline import Draft
from events.model import Place


@dataclass
class Score:
    """Matching result for one article."""
    expected: int = 0
    drafts: int = 0
    matched: int = 0
    dates_ok: int = 0
    places_expected: int = 0
    places_ok: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for name in ("expected", "drafts", "matched", "dates_ok", "places_expected", "places_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures.extend(other.failures)


def load_expected(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ParseError(f"cannot read expectations: {exc}", where=str(path)) from None
    if not isinstance(data, dict) or "published" not in data or not isinstance(data.get("events"), list):
        raise ParseError("expectations need 'published' and a list 'events'", where=str(path))
    return data


def published_of(expected: dict[str, Any]) -> date:
    return date.fromisoformat(expected["published"])


def _date_ok(draft: Draft, spec: dict | None) -> bool:
    if spec is None:
        return True
    d = draft.event.date
    return (d is not None and d.start.isoformat() == spec["start"] and d.end.isoformat() == spec["end"]
            and d.precision.value == spec["precision"])


def _place_ok(place: Place | None, spec: dict | None) -> bool:
    if spec is None:
        return True
    if place is None:
        return False
    if "pcode" in spec and place.pcode != spec["pcode"]:
        return False
    if "pcode_any" in spec and place.pcode not in spec["pcode_any"]:
        return False
    if "precision" in spec and (place.precision.value if place.precision else None) != spec["precision"]:
        return False
    if "located" in spec and place.located != spec["located"]:
        return False
    if "as_written_contains" in spec and spec["as_written_contains"] not in place.as_written:
        return False
    return True


def _places_ok(draft: Draft, exp: dict) -> bool:
    e = draft.event
    return all(_place_ok(getattr(e, role), exp.get(role)) for role in ("place", "origin", "destination"))


def _counts_ok(draft: Draft, specs: list[dict] | None) -> bool:
    if not specs:
        return True
    return all(any(spec.get("what", "") in c.what and c.min == spec.get("min") and c.max == spec.get("max")
                   for c in draft.event.counts) for spec in specs)


def _score(draft: Draft, exp: dict) -> int:
    return 4 * _date_ok(draft, exp.get("date")) + 2 * _places_ok(draft, exp) + _counts_ok(draft, exp.get("counts"))


def score_article(drafts: list[Draft], expected: dict[str, Any], *, name: str = "") -> Score:
    """Greedy one-to-one matching on (type, status), best date/place/count agreement first."""
    score = Score(expected=len(expected["events"]), drafts=len(drafts))
    by_key: dict[str, Draft] = {}
    free = list(drafts)
    for exp in expected["events"]:
        options = [d for d in free if d.event.event_type.value == exp["event_type"] and d.event.status.value == exp["status"]]
        if not options:
            score.failures.append(f"{name}: no draft for {exp['key']} ({exp['event_type']}, {exp['status']})")
            continue
        best = max(options, key=lambda d: _score(d, exp))
        free.remove(best)
        by_key[exp["key"]] = best
        score.matched += 1
        if _date_ok(best, exp.get("date")):
            score.dates_ok += 1
        else:
            d = best.event.date
            score.failures.append(f"{name}: {exp['key']} date {d and (d.start, d.end, d.precision.value)} != {exp['date']}")
        if any(role in exp for role in ("place", "origin", "destination")):
            score.places_expected += 1
            if _places_ok(best, exp):
                score.places_ok += 1
            else:
                e = best.event
                score.failures.append(f"{name}: {exp['key']} place {[(getattr(e, r).as_written, getattr(e, r).pcode) if getattr(e, r) else None for r in ('place', 'origin', 'destination')]} "
                                      f"!= {[exp.get(r) for r in ('place', 'origin', 'destination')]}")
        if not _counts_ok(best, exp.get("counts")):
            score.failures.append(f"{name}: {exp['key']} counts {best.event.counts} != {exp['counts']}")
        missing = set(exp.get("actors", [])) - set(best.event.actors)
        if missing:
            score.failures.append(f"{name}: {exp['key']} actors {best.event.actors} lack {sorted(missing)}")
        for role, attr in (("outlet", "outlet"), ("agency", "agency"), ("source", "source")):
            want = exp.get("source", {}).get(role)
            have = getattr(best.event.sources[0], attr)
            if want is not None and not (have.startswith(want) if want else have == ""):
                score.failures.append(f"{name}: {exp['key']} {role} {have!r} != {want!r}")
    for d in free:
        score.failures.append(f"{name}: unexpected draft {d.event.id} ({d.event.event_type.value}, {d.event.status.value})")
    for exp in expected["events"]:
        draft = by_key.get(exp["key"])
        if draft is None:
            continue
        for link in ("denies", "related"):
            want = {by_key[k].event.id for k in exp.get(link, []) if k in by_key}
            have = set(getattr(draft.event, link))
            if len(want) != len(exp.get(link, [])) or not want <= have:
                score.failures.append(f"{name}: {exp['key']} {link} {sorted(have)} lack {sorted(want - have)}")
    return score
