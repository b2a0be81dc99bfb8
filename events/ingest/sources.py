"""The chain of attribution: outlet → agency → source, read from the article.

Why a chain: "SyriaNews, citing RIA Novosti, citing an unnamed
military-diplomatic source" is three different levels of trust, and the
analyst must see all three. The outlet comes from the sign-off or byline
(or ``--outlet``), the agency and the source from the sentence; later
sentences that say "the source added" (أوضح المصدر، the source said) keep
the chain of the sentence that introduced it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from events.ingest.normalize import fold, fold_pattern, fold_text

#: Known outlets (sign-off / byline / dateline) → canonical name.
OUTLETS = {
    "سيريانيوز": "SyriaNews", "سيريا نيوز": "SyriaNews", "syrianews": "SyriaNews", "syria news": "SyriaNews",
    "عنب بلدي": "Enab Baladi", "enab baladi": "Enab Baladi", "سانا": "SANA", "sana": "SANA",
    "تجمع أحرار حوران": "Horan Free League", "horan free league": "Horan Free League",
    "المرصد السوري لحقوق الإنسان": "SOHR", "reuters": "Reuters", "رويترز": "Reuters", "afp": "AFP",
    "ap": "AP", "associated press": "AP", "الوطن": "Al-Watan", "زمان الوصل": "Zaman al-Wasl",
    "smart": "SMART News", "سمارت": "SMART News", "step news": "Step News", "ستيب نيوز": "Step News",
    "north press": "North Press", "نورث برس": "North Press", "syria direct": "Syria Direct",
}
#: Agencies and institutions quoted by outlets: pattern → English name.
AGENCIES = {
    r"(?:وكالة\s+)?\(?(?:ريا\s+)?نوفوستي\)?(?:\s+(?:ال)?روسية)?": "RIA Novosti",
    r"ria\s+novosti|novosti": "RIA Novosti",
    r"(?:وكالة\s+)?سانا|(?:ال)?وكالة\s+(?:ال)?عربية\s+(?:ال)?سورية\s+للانباء": "SANA",
    r"(?:state\s+news\s+agency\s+)?sana|syrian\s+arab\s+news\s+agency|(?:syrian\s+)?state\s+news\s+agency": "SANA",
    r"(?:وكالة\s+)?رويترز|reuters": "Reuters", r"(?:وكالة\s+)?(?:ال)?(?:فرانس\s+برس)|afp|agence\s+france-presse": "AFP",
    r"(?:وكالة\s+)?(?:ال)?اناضول|anadolu(?:\s+agency)?": "Anadolu Agency",
    r"(?:ال)?مرصد\s+(?:ال)?سوري\s+لحقوق\s+(?:ال)?انسان|(?:the\s+)?syrian\s+observatory\s+for\s+human\s+rights|sohr": "SOHR",
    r"(?:ال)?دفاع\s+(?:ال)?مدني(?:\s+(?:ال)?سوري)?|(?:the\s+)?(?:syrian\s+)?civil\s+defen[cs]e|white\s+helmets": "Syrian Civil Defence",
    r"وزارة\s+(?:ال)?دفاع\s+(?:ال)?روسية|(?:the\s+)?russian\s+(?:ministry\s+of\s+defen[cs]e|defen[cs]e\s+ministry)": "Russian Ministry of Defence",
    r"(?:ال)?قيادة\s+(?:ال)?مركزية\s+(?:ال)?(?:امريكية|اميركية)|centcom|(?:us\s+)?central\s+command": "US CENTCOM",
    r"(?:ال)?تحالف\s+(?:ال)?دولي|(?:the\s+)?(?:us-led\s+)?coalition\s+(?:spokes(?:man|person|woman)|statement)": "US-led international coalition",
    r"(?:the\s+)?pentagon": "Pentagon",
    r"(?:syrian\s+)?state\s+(?:media|television|tv)|(?:ال)?(?:اعلام|تلفزيون)\s+(?:ال)?رسمي|وسائل\s+اعلام\s+رسمية": "Syrian state media",
}
_SOURCE_ADJ = {"عسكري": "military", "دبلوماسي": "diplomatic", "امني": "security", "ميداني": "field", "محلي": "local",
               "طبي": "medical", "مطلع": "informed", "حكومي": "government", "معارض": "opposition", "رسمي": "official",
               "اهلي": "local", "مقرب": "close", "عسكرية": "military", "محلية": "local", "امنية": "security",
               "طبية": "medical", "ميدانية": "field", "مطلعة": "informed"}
_AR_SOURCE = re.compile(fold_pattern(r"(?<![\w])(?P<noun>مصدر|مصادر)(?P<adj>(?:\s+(?:عسكري|دبلوماسي|امني|ميداني|محلي|طبي|مطلع|"
                                     r"حكومي|معارض|رسمي|اهلي|مقرب)(?:ة|ا)?){1,3})(?![\w])"))
_AR_PEOPLE = re.compile(fold_pattern(r"(?<![\w])(?:ناشطون|ناشطين|ناشطو|سكان\s+محليون|شهود\s+عيان|مراسل(?:\s+[\w]+){1,3})(?![\w])"))
_EN_SOURCE = re.compile(r"\b(?:an?|two|several)\s+(?P<adj>(?:[a-z\-]+\s+){0,2})sources?\b|\b(?P<who>activists|residents|witnesses|"
                        r"officials|an?\s+official|a\s+spokes(?:man|woman|person)(?:\s+for\s+[\w\s\-]+?)?|medics)\b", re.I)
_ANAPHOR = re.compile(fold_pattern(r"(?<![\w])(?:ال)?(?:مصدر|متحدث|مصادر)(?![\w])|\bthe\s+(?:source|official|spokes(?:man|woman|person))\b|"
                                   r"\b(?:he|she)\s+(?:said|added)\b"))
_DATELINE = re.compile(r"^[A-Z][A-Za-z ,.'\-]*(?:\d{1,2})?\s*\((?P<outlet>[A-Za-z .]+)\)\s*[-–—]?")
_BYLINE = re.compile(r"^\s*(?:by\s+\S+(?:\s+\S+)?\s*(?:,|\||-|–)\s*(?P<outlet>[\w .]+)$)", re.I)


@dataclass(frozen=True)
class Chain:
    """Who says so, beyond the outlet."""
    agency: str = ""
    source: str = ""

    @property
    def attributed(self) -> bool:
        return bool(self.agency or self.source)


def canonical_outlet(name: str) -> str:
    """'سيريانيوز' → 'SyriaNews (سيريانيوز)'; unknown names are kept as written."""
    key = fold_text(name.strip())
    for known, canon in OUTLETS.items():
        if fold_text(known) == key:
            return canon if canon.lower() == key else f"{canon} ({name.strip()})"
    return name.strip()


def outlet_from_article(signoff: tuple[str, ...], body_start: str, dateline: str = "") -> str:
    """The outlet from the sign-off lines (سيريانيوز), an English dateline "(Reuters) -", or a byline."""
    for line in signoff:
        if not re.search(r"\d", line):
            return canonical_outlet(line)
    m = _DATELINE.match(dateline.strip() or body_start.strip())
    if m:
        return canonical_outlet(m.group("outlet"))
    m = _BYLINE.match(body_start.strip().split("\n")[0])
    if m:
        return canonical_outlet(m.group("outlet"))
    return ""


def published_from_signoff(signoff: tuple[str, ...]) -> date | None:
    """The publication date printed under the article ("07.09.2017 19:19"), read day-first."""
    import dateparser  # heavy import only when a sign-off has a time stamp

    for line in signoff:
        if re.search(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}", line):
            parsed = dateparser.parse(line, settings={"DATE_ORDER": "DMY", "STRICT_PARSING": False})
            if parsed is not None:
                return parsed.date()
    return None


def agency_in(text: str) -> str:
    """The agency or institution named in ``text`` ('RIA Novosti (وكالة نوفوستي الروسية)'), or ''."""
    folded = fold(text)
    for pattern, name in AGENCIES.items():
        m = re.search(fold_pattern(r"(?<![\w])(?:" + pattern + r")(?![\w])"), folded.text)
        if m:
            written = folded.source(m.start(), m.end()).strip("() ")
            return name if written.lower() == name.lower() else f"{name} ({written})"
    return ""


def _source(text: str) -> str:
    folded = fold(text)
    m = _AR_SOURCE.search(folded.text)
    if m:
        adjs = [_SOURCE_ADJ.get(w.rstrip("ا"), _SOURCE_ADJ.get(w, "")) for w in m.group("adj").split()]
        label = "-".join(a for a in adjs if a)
        plural = m.group("noun") == "مصادر"
        written = folded.source(m.start(), m.end())
        return f"unnamed {label} {'sources' if plural else 'source'} ({written})".replace("  ", " ")
    m = _AR_PEOPLE.search(folded.text)
    if m:
        return folded.source(m.start(), m.end())
    m = _EN_SOURCE.search(text)
    if m:
        if m.group("who"):
            return m.group("who")
        return f"unnamed {m.group(0).split(' ', 1)[1].strip()}"
    return ""


class SourceTracker:
    """Follows the chain through the article: a new attribution replaces it, "the source" keeps it."""

    def __init__(self) -> None:
        self.current = Chain()

    def chain_for(self, text: str, *, speech: bool) -> Chain:
        """The chain behind ``text``; ``speech``: the clause reports someone's words (a speech verb).

        Without speech the outlet states the fact itself: no agency, no source.
        """
        if not speech:
            return Chain()
        agency, source = agency_in(text), _source(text)
        anaphoric = bool(_ANAPHOR.search(fold(text).text))
        if agency and self.current.agency and agency.split(" (")[0] == self.current.agency.split(" (")[0]:
            agency = self.current.agency  # same agency named again: keep the first spelling
        if agency or source:
            if not source and anaphoric and self.current.source:
                source = self.current.source
            if not agency and source == self.current.source:
                agency = self.current.agency
            self.current = Chain(agency, source)
            return self.current
        if anaphoric and self.current.attributed:
            return self.current
        return Chain()
