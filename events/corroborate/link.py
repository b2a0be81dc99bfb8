"""Linking reports into corroboration groups (nothing is merged: every report stays an event).

How, and why it scales: candidate pairs come from a sweep over each type
family sorted by widened start day (a pair can only match if their spans
overlap), then a vectorised distance cut (numpy), and only the survivors
meet the Python rules (actors, governorate, origin). Pairs are merged
best-first (nearest in place and time) with one constraint that stops a
dense city from chaining a month of clashes into one blob: a group holds at
most one report from each *origin* (one article; one dataset's rows resting
on the same sources). An analyst's joins are applied first and override
it; an event the analyst split off stays on its own. A denial is grouped
with the claims it names (``Event.denies``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np

from events.corroborate import rules
from events.corroborate.sources import chain_label, denies, roots
from events.model import ClaimStatus, Event

#: Candidate rows processed per vectorised step of the sweep.
_CHUNK = 2_000


@dataclass(frozen=True)
class Group:
    """One incident as several reports describe it."""
    group_id: str
    members: tuple[str, ...]
    independent_sources: int
    sources: tuple[str, ...]          # independent roots of the reports (not denials)
    chains: tuple[str, ...]           # how each report is attributed ("UCDP: SOHR", "Reuters via AFP")
    denied_by: tuple[str, ...]
    confidence: str                   # high | medium | low | contested
    reasons: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict:
        return {"group": self.group_id, "members": list(self.members), "independent_sources": self.independent_sources,
                "sources": list(self.sources), "chains": list(self.chains), "denied_by": list(self.denied_by),
                "confidence": self.confidence, "contested": self.confidence == "contested",
                "reasons": list(self.reasons)}

    def panel_line(self) -> str:
        """"reported by 3 independent sources (UCDP: SOHR; SANA; Reuters via AFP) · denied by 1"."""
        n = self.independent_sources
        text = f"reported by {n} independent source{'s' if n != 1 else ''} ({'; '.join(self.chains)})"
        if self.denied_by:
            text += f" · denied by {len(self.denied_by)}"
        return text


def origin(event: Event) -> str:
    """What a group may hold only one report of: an article, or one dataset's rows on the same sources."""
    for dataset in ("ucdp", "acled"):
        if dataset in event.tags or event.id.startswith(dataset + ":"):
            return dataset   # a dataset's rows are distinct events by its coders' own de-duplication
    if event.sources:
        s = event.sources[0]
        if s.url:
            return "url:" + s.url
        if s.title or s.published:
            return f"article:{s.outlet}|{s.title}|{s.published}"
    return "event:" + event.id


class _Groups:
    """Union-find with the origin sets of each group."""

    def __init__(self, origins: Sequence[str]) -> None:
        self.parent = list(range(len(origins)))
        self.origins = [{o} for o in origins]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, *, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if not force and self.origins[ra] & self.origins[rb]:
            return False
        if len(self.origins[ra]) < len(self.origins[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.origins[ra] |= self.origins[rb]
        self.origins[rb] = set()
        return True


def _columns(events: Sequence[Event], members: Sequence[int], spans, radii, vague, origin_code) -> dict:
    """Per-event arrays for one family, sorted by widened start: what the vectorised rules compare."""
    idx = np.asarray(members, dtype=np.int64)
    ws = np.asarray([spans[i][0] for i in members], dtype=np.int64)
    order = np.argsort(ws, kind="stable")
    idx, ws = idx[order], ws[order]
    evs = [events[i] for i in idx.tolist()]
    types: dict[str, int] = {}
    admin: dict[str, int] = {"": -1}
    deaths = [rules.deaths(e) for e in evs]
    return {
        "idx": idx, "ws": ws, "we": np.asarray([spans[i][1] for i in idx.tolist()], dtype=np.int64),
        "lat": np.asarray([e.place.lat for e in evs], dtype=np.float64),
        "lon": np.asarray([e.place.lon for e in evs], dtype=np.float64),
        "rad": np.asarray([radii[i] for i in idx.tolist()], dtype=np.float64),
        "org": origin_code[idx],
        "vague": np.asarray([vague[i] for i in idx.tolist()], dtype=bool),
        "start": np.asarray([e.date.start.toordinal() for e in evs], dtype=np.int64),
        "end": np.asarray([e.date.end.toordinal() for e in evs], dtype=np.int64),
        "type": np.asarray([types.setdefault(e.event_type.value, len(types)) for e in evs], dtype=np.int64),
        "dataset": np.asarray([rules.from_dataset(e) for e in evs], dtype=bool),
        "d_lo": np.asarray([d[0] if d else np.nan for d in deaths], dtype=np.float64),
        "d_hi": np.asarray([d[1] if d else np.nan for d in deaths], dtype=np.float64),
        "admin": np.asarray([admin.setdefault(e.place.admin1_pcode or "", len(admin)) for e in evs], dtype=np.int64),
        "coarse": np.asarray([(e.place.precision.value if e.place.precision else "") == "governorate" for e in evs],
                             dtype=bool),
        "parties": [rules.party_keys(e.actors) for e in evs],
    }


def candidate_pairs(events: Sequence[Event], skip: frozenset[int] = frozenset(),
                    origins: Sequence[str] | None = None) -> list[tuple[float, int, int, float]]:
    """(score, i, j, km) for pairs passing every rule (and of different origins), best (lowest score) first.

    Every rule but the party check is a vectorised comparison over the candidate pairs of a chunk.
    """
    book: dict[str, int] = {}
    origin_code = np.asarray([book.setdefault(o, len(book)) for o in (origins or [origin(e) for e in events])],
                             dtype=np.int64)
    vague = [rules.vague(e) for e in events]
    spans = [(e.date.start.toordinal(), e.date.end.toordinal()) if v else rules.widened_span(e)
             for e, v in zip(events, vague)]
    radii = [0.0 if v else rules.radius_km(e) for e, v in zip(events, vague)]
    by_family: dict[str, list[int]] = {}
    for i, e in enumerate(events):
        if i not in skip and spans[i] is not None and radii[i] is not None:
            by_family.setdefault(rules.family(e), []).append(i)
    out: list[tuple[float, int, int, float]] = []
    for members in by_family.values():
        c = _columns(events, members, spans, radii, vague, origin_code)
        hi = np.searchsorted(c["ws"], c["we"], side="right")
        for lo_row in range(0, len(c["idx"]), _CHUNK):
            rows = np.arange(lo_row, min(lo_row + _CHUNK, len(c["idx"])))
            counts = np.maximum(hi[rows] - rows - 1, 0)
            if not counts.sum():
                continue
            a = np.repeat(rows, counts)
            b = np.arange(len(a)) + np.repeat(rows + 1 - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
            keep = c["org"][a] != c["org"][b]
            a, b = a[keep], b[keep]
            lat, lon = c["lat"], c["lon"]
            coslat = np.cos(np.radians((lat[a] + lat[b]) / 2))
            km = np.hypot((lon[b] - lon[a]) * 111.32 * coslat, (lat[b] - lat[a]) * 110.57)
            reach = np.maximum(rules.NEAR_KM, c["rad"][a] + c["rad"][b])
            keep = km <= reach
            # vague reports: only an exact copy (same span, within COPY_KM)
            either_vague = c["vague"][a] | c["vague"][b]
            same_span = (c["start"][a] == c["start"][b]) & (c["end"][a] == c["end"][b])
            keep &= ~either_vague | (same_span & (km <= rules.COPY_KM))
            # types: the same, unless a dataset's coarse codes are involved
            keep &= (c["type"][a] == c["type"][b]) | c["dataset"][a] | c["dataset"][b]
            # death tolls within a factor of two where both give one
            la, ha, lb, hb = c["d_lo"][a], c["d_hi"][a], c["d_lo"][b], c["d_hi"][b]
            known = ~np.isnan(la) & ~np.isnan(lb)
            keep &= ~known | ((la <= 2 * hb + 2) & (lb <= 2 * ha + 2))
            # governorate-level reports stay in their governorate
            coarse = c["coarse"][a] | c["coarse"][b]
            aa, ab = c["admin"][a], c["admin"][b]
            keep &= ~(coarse & (aa >= 0) & (ab >= 0) & (aa != ab))
            gap = np.abs(c["start"][a] - c["start"][b])
            base = km / reach + 0.25 * gap
            parties = c["parties"]
            for x, y, d, sc in zip(a[keep].tolist(), b[keep].tolist(), km[keep].tolist(), base[keep].tolist()):
                px, py = parties[x], parties[y]
                if px and py and not (px & py):
                    continue
                i, j = int(c["idx"][x]), int(c["idx"][y])
                out.append((sc + _unlike(events[i], events[j]), i, j, d))
    out.sort()
    return out


def _unlike(a: Event, b: Event) -> float:
    """Tie-breaker between equally near candidates: different actors, spans or tolls rank a pair lower."""
    penalty = 0.0
    if set(a.actors) != set(b.actors):
        penalty += 0.3
    if a.date.start != b.date.start or a.date.end != b.date.end:
        penalty += 0.2
    ca = (a.counts[0].min, a.counts[0].max) if a.counts else None
    cb = (b.counts[0].min, b.counts[0].max) if b.counts else None
    if ca and cb and ca != cb:
        penalty += 0.2
    return penalty


def link(events: Sequence[Event], *, joins: Iterable[tuple[str, str]] = (), detached: Iterable[str] = ()
         ) -> list[Group]:
    """Corroboration groups (of two or more reports) over ``events``."""
    events = list(events)
    pos = {e.id: i for i, e in enumerate(events)}
    origins = [origin(e) for e in events]
    groups = _Groups(origins)
    detached_pos = frozenset(pos[i] for i in detached if i in pos)
    for a, b in joins:
        if a in pos and b in pos:
            groups.union(pos[a], pos[b], force=True)
    for i, e in enumerate(events):
        if i in detached_pos:
            continue
        for target in e.denies:
            j = pos.get(target)
            if j is not None and j not in detached_pos:
                groups.union(i, j, force=True)
    for _, i, j, _ in candidate_pairs(events, detached_pos, origins):
        groups.union(i, j)
    members: dict[int, list[int]] = {}
    for i in range(len(events)):
        members.setdefault(groups.find(i), []).append(i)
    return [summarise([events[i] for i in m]) for m in members.values() if len(m) > 1]


#: Quotes sharing this share of their character 4-grams are one text printed twice (a wire story).
SAME_TEXT = 0.6


def _grams(text: str) -> set[str]:
    t = " ".join(text.split())
    return {t[i:i + 4] for i in range(max(len(t) - 3, 0))}


def _same_text(claims: Sequence[Event]) -> dict[str, str]:
    """root → the root it is counted as: outlets printing the same text (no agency named) count once."""
    quoted = [(e, _grams(e.sources[0].quote)) for e in claims if e.sources and len(e.sources[0].quote) >= 40]
    alias: dict[str, str] = {}
    for i, (a, ga) in enumerate(quoted):
        for b, gb in quoted[i + 1:]:
            if len(ga & gb) >= SAME_TEXT * len(ga | gb):
                ra, rb = roots(a)[0], roots(b)[0]
                ra, rb = alias.get(ra, ra), alias.get(rb, rb)
                if ra != rb:
                    keep, drop = sorted((ra, rb))
                    alias = {k: (keep if v == drop else v) for k, v in alias.items()}
                    alias[drop] = keep
    return alias


def summarise(reports: Sequence[Event]) -> Group:
    """Independent sources, denials, confidence and its reasons for one group."""
    reports = sorted(reports, key=lambda e: e.id)
    claims = [e for e in reports if not denies(e)]
    deniers = [e for e in reports if denies(e)]
    claim_roots: dict[str, list[str]] = {}
    same_text = _same_text(claims)
    for e in claims:
        for r in roots(e):
            claim_roots.setdefault(same_text.get(r, r), []).append(e.id)
    deny_roots: dict[str, None] = {}
    for e in deniers:
        for r in roots(e):
            deny_roots.setdefault(r, None)
    named = [r for r in claim_roots if not r.startswith("unattributed:")]
    n = len(claim_roots)
    reasons = []
    for root, ids in claim_roots.items():
        if len(ids) > 1 and not root.startswith("unattributed:"):
            reasons.append(f"{len(ids)} reports rest on {root}: counted once")
    for drop, keep in same_text.items():
        reasons.append(f"{drop} prints the same text as {keep}: counted once")
    if deniers:
        level = "contested"
        reasons.append(f"denied by {', '.join(deny_roots) or 'an unattributed statement'}")
    elif n >= 3:
        level = "high"
    elif n == 2:
        level = "medium"
    else:
        level = "low"
    reasons.insert(0, f"{n} independent source{'s' if n != 1 else ''}" + (f": {', '.join(named)}" if named else ""))
    if any(e.status is ClaimStatus.CLAIMED for e in claims) and not any(
            e.status in (ClaimStatus.REPORTED, ClaimStatus.CONFIRMED) for e in claims):
        reasons.append("only claims by parties, no independent report")
    return Group(group_id="g:" + reports[0].id, members=tuple(e.id for e in reports), independent_sources=n,
                 sources=tuple(named), chains=tuple(dict.fromkeys(chain_label(e) for e in claims)),
                 denied_by=tuple(deny_roots), confidence=level, reasons=tuple(reasons))


def single(event: Event) -> Group:
    """The summary of a report that is in no group (its own sources only)."""
    g = summarise([event])
    return Group(group_id="", members=(event.id,), independent_sources=g.independent_sources, sources=g.sources,
                 chains=g.chains, denied_by=g.denied_by, confidence=g.confidence, reasons=g.reasons)
