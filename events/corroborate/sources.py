"""Who says so, counted honestly: independent sources of a group of reports.

Why: five newspapers printing one AFP story are one source, not five; a
chain that ends in "a military source" is as good as whoever carried it.
Each source chain (outlet → agency → source) is reduced to its *root*: the
deepest named attribution (the source if it names someone, else the
agency, else the outlet). Roots are folded (case, punctuation, a few
well-known spellings: SOHR = Syrian Observatory for Human Rights =
المرصد السوري) so the same root counts once. Datasets: a UCDP row's
``source_office`` ("SOHR;Airwars") lists its roots; an ACLED row's sources
are its outlets.
"""
from __future__ import annotations

import re

from events.model import ClaimStatus, Event, Source

#: Words that make an attribution unnamed ("a military source", "activists", «مصدر عسكري»).
_UNNAMED = re.compile(r"\b(sources?|activists?|officials?|residents?|witness(es)?|local|informed|a |an |"
                      r"مصدر|مصادر|ناشط|ناشطون|ناشطين|سكان|شهود|مسؤول)\b", re.I)
_ALIASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("SOHR", ("sohr", "syrian observatory for human rights", "syrian observatory", "المرصد السوري",
              "المرصد السوري لحقوق الإنسان", "المرصد")),
    ("AFP", ("afp", "agence france-presse", "agence france presse", "فرانس برس", "الفرنسية", "أ ف ب")),
    ("Reuters", ("reuters", "reuters news", "رويترز")),
    ("AP", ("ap", "associated press", "أسوشيتد برس")),
    ("SANA", ("sana", "syrian arab news agency", "سانا", "الوكالة العربية السورية للأنباء")),
    ("DPA", ("dpa", "د ب أ", "الألمانية")),
    ("Anadolu", ("anadolu", "anadolu agency", "الأناضول")),
    ("RIA Novosti", ("ria novosti", "ria", "نوفوستي", "ريا نوفوستي")),
    ("Sputnik", ("sputnik", "سبوتنيك")),
    ("TASS", ("tass", "تاس")),
)
_FOLD = re.compile(r"[^\w\u0600-\u06FF]+")


def fold(name: str) -> str:
    text = " ".join(_FOLD.sub(" ", name.casefold()).split())
    for canonical, names in _ALIASES:
        if text in names:
            return canonical
    return text


def is_unnamed(name: str) -> bool:
    return bool(name) and bool(_UNNAMED.search(name))


def chain_root(src: Source) -> str:
    for name in (src.source, src.agency, src.outlet):
        name = (name or "").strip()
        if name and not (name is src.source and is_unnamed(name)):
            return fold(name)
    return ""


def roots(event: Event) -> list[str]:
    """The independent roots this one report rests on, in order."""
    out: dict[str, None] = {}
    dataset = "ucdp" in event.tags or event.id.startswith("ucdp:")
    for src in event.sources:
        if dataset:   # UCDP: source = the article text, outlet = "SOHR;Airwars"
            for office in (src.outlet or "").split(";"):
                if office.strip():
                    out.setdefault(fold(office), None)
            continue
        root = chain_root(src)
        if root:
            out.setdefault(root, None)
    if not out:
        out.setdefault(f"unattributed:{event.id}", None)
    return list(out)


def chain_label(event: Event) -> str:
    """How the panel names one report's chain: "UCDP: SOHR", "Reuters via AFP", "SANA"."""
    if "ucdp" in event.tags or event.id.startswith("ucdp:"):
        offices = [o.strip() for s in event.sources for o in (s.outlet or "").split(";") if o.strip()]
        return "UCDP: " + "; ".join(dict.fromkeys(offices))
    if "acled" in event.tags or event.id.startswith("acled:"):
        return "ACLED: " + "; ".join(dict.fromkeys(s.outlet for s in event.sources if s.outlet))
    parts = []
    for src in event.sources:
        label = src.outlet or src.agency or src.source
        if src.agency and src.agency != src.outlet:
            label = f"{src.outlet} via {src.agency}" if src.outlet else src.agency
        if label:
            parts.append(label)
    return "; ".join(dict.fromkeys(parts)) or event.id


def denies(event: Event) -> bool:
    return event.status is ClaimStatus.DENIED
