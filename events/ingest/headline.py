"""English headline style: the place phrases that headlines write without a preposition.

Why a module of its own: the English place reader (places.py) starts a phrase after a
preposition or an attack verb ("in X", "shelled X"). Headlines are terse and nominal, and
name their place in shapes that reader never starts on (all our own examples):

- a direction *of* a place: "Clashes continue south and southwest of Aleppo",
  "air strikes north of the capital Damascus", "shelling targets the east of Homs";
- a part *of* a place, in the plural or with a quantifier: "Clashes on many fronts of Aleppo",
  "raids on the cities of Idlib and Ariha", "shells on the western part of Aleppo",
  "the countryside of both Aleppo and Hama";
- the name as a modifier of the event or of its head word: "Khan Tuman massacre",
  "Manbij battles", "Damascus bombings", "Jarjanaz town hosts …", "the regime Aleppo city";
- the object of a verb the reader does not list: "Explosion shakes Harasta", "bombing Afrin";
- "old X" / "downtown X": the city itself.

Each found phrase carries a *query* for the gazetteer ("south of Aleppo", "Aleppo countryside",
"Aleppo") while its text and span stay as written. A phrase is only kept when the gazetteer
resolves it (they are all unheaded guesses), so a capitalised word that is no place costs nothing.

``separate_events`` marks a place that comes after another place *and* after an event word
("raids on Anadan … and airstrikes target al-Bab") as a place of its own event (one draft each),
while a place right after another ("Qabasin in the countryside of al-Bab") stays its container.

Every regex here is linear: alternations of literal words, one bounded name shape, no nested
quantifier over overlapping classes (tests/events/ingest/test_redos.py).
"""
from __future__ import annotations

import re
from dataclasses import replace

from events.ingest.actors import TRIGGERS, WEAK_TRIGGERS
from events.ingest.phrases import PlacePhrase

#: A place name as headlines write it: capitalised words, "al-" parts, at most four words.
_WORD = r"(?:(?:al|el|ad|as|ar|ash|an|at|az|ez|ed)-)?[A-Z][\w'’\-]*"
_NAME = rf"(?P<name>{_WORD}(?:\s(?:{_WORD}|(?:al|el|ad|as|ar|ash|an|at|az|ez|ed)-\w+)){{0,3}})"
_DIR = r"(?i:north|south|east|west)(?i:-?(?:east|west))?"
_CITY_OF = r"(?i:the\s+)?(?i:(?:capital|city|town)\s*,?\s+(?:of\s+)?)?"

#: "south and southwest of Aleppo", "the east of Homs", "areas north of the capital Damascus".
_DIRECTION_OF = re.compile(rf"\b(?i:the\s+)?(?P<dir>{_DIR})(?:(?i:\s*,\s*|\s+and\s+|\s*&\s*)(?i:the\s+)?{_DIR})*"
                           rf"\s+(?i:of)\s+{_CITY_OF}{_NAME}")
_PARTS = (r"fronts?|neighbou?rhoods?|areas?|parts?|sections?|outskirts?|suburbs?|cities|towns|villages|"
          r"countryside|countrysides|vicinity|districts?|walls|entrances?|surroundings|axis|axes|quarters?|"
          r"city|town|village|province|governorate|region")
#: "the targeting of X", "the battle of X", "the death toll of X": the event's place after its noun.
_EVENT_OF = re.compile(rf"\b(?i:targeting|bombing|shelling|bombardment|massacres?|battles?|raids?|invasion|siege|"
                       rf"storming|liberation|capture|fall|death\s+toll|tragedy|attacks?|offensive|explosions?|"
                       rf"bombings?|clashes|fighting)\s+(?i:of)\s+{_CITY_OF}{_NAME}")
#: "Syria's Idlib", "the Syrian capital Damascus", "old Aleppo": the place itself.
_COUNTRY_OF = re.compile(rf"\b(?:Syria['’]s|Syrian)\s+(?i:capital\s*,?\s+)?{_NAME}")
#: "eastern Aleppo", "south Damascus" without a preposition before them.
_DIR_NAME = re.compile(rf"\b(?P<dir>(?i:north|south|east|west)(?i:-?(?:east|west))?)(?P<ern>(?i:ern))?\s+{_NAME}")
#: "many fronts of Aleppo", "the western part of Aleppo", "the cities of Idlib and Ariha".
_PART_OF = re.compile(rf"\b(?P<part>(?i:{_PARTS}))\s+(?i:of)\s+(?i:both\s+)?{_CITY_OF}{_NAME}")
_PLACE_HEADS = r"city|town|village|countryside|outskirts|province|governorate|area|neighbou?rhood|camp|suburbs?"
_EVENT_NOUNS = (r"massacres?|battles?|bombings?|clashes|fronts?|explosions?|blasts?|attacks?|offensive|shelling|"
                r"air\s*strikes?|raids?|fighting|siege|front\s*lines?|operations?")
#: "Manbij battles", "Jarjanaz town", "the regime Aleppo city" (the name before its noun).
_MODIFIER = re.compile(rf"{_NAME}\s+(?P<noun>(?i:{_PLACE_HEADS}|{_EVENT_NOUNS}))\b")
#: Verbs whose object is the place, that the preposition reader does not start on.
_OBJECT = re.compile(rf"\b(?i:bombing|shelling|targeting|shak(?:e|es|ing)|shook|pound(?:ing)?|surround(?:s|ed|ing)?|"
                     rf"liberat(?:e|es|ed|ing)|reach(?:es|ed)?|storming|entering|besieging|hitting|rock|rocking|"
                     rf"strik(?:e|es|ing))\s+(?:the\s+)?(?:(?i:city|town|village)\s+(?:of\s+)?)?{_NAME}")
#: "old Aleppo", "downtown Damascus": the city itself.
_OLD = re.compile(rf"^(?:the\s+)?(?:(?i:old|downtown|central)|Syrian|Syria['’]s)(?:\s+(?i:capital),?)?\s+{_NAME}$")
_AND_NAME = re.compile(rf"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+&\s+){_NAME}")
#: Words between two places that make the second one another event's ("… and airstrikes target …").
_EVENT_WORD = re.compile(r"\b(?:and|while|as|after|amid|with)\b|,", re.I)
_NOT_NAMES = {"The", "A", "An", "In", "On", "At", "Of", "And", "For", "With", "By", "From", "To", "As", "After",
              "Syria", "Syrian", "Russian", "Russia", "Turkish", "Turkey", "Iranian", "Iran", "Iraq", "Iraqi",
              "Israeli", "Israel", "Kurdish", "American", "US", "U.S.", "Islamic", "State", "Regime", "Rebel",
              "Rebels", "Government", "Army", "Forces", "Operation", "Olive", "Branch", "Euphrates", "Shield",
              "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Daily", "Report",
              "UPDATE", "Video", "Breaking", "Ahrar", "Jabhat", "Nusra", "Tahrir", "Hayat", "Hayyaat", "Faylaq",
              "Jaysh", "Jaish", "Army", "Front", "Council", "Military", "Hezbollah", "YPG", "SDF", "ISIS", "IS",
              "HTS", "FSA", "SAA", "NDF", "Observatory", "SOHR", "UN", "Coalition", "International"}


#: An English adjective or noun opening a headline before its event noun ("Massive bombardment", "Twin
#: bombings"): English suffixes, and the common words of that slot whose spelling a gazetteer name is close to.
_ADJECTIVE = re.compile(r"^(?:[A-Z][a-z]+(?:ive|ent|ant|ous|ful|al|ic|ly|ed|ing|est|less|ary|ory|ble|ern|ese)"
                        r"|Heavy|Fierce|Intense|Double|Twin|Triple|Major|Fatal|Human|Gas|New|Fresh|Huge|Big|Bloody|"
                        r"Deadly|Suicide|Car|Night|Dawn|Joint|Another|Several|Many|Multiple|Latest|Renewed|More|"
                        r"Fierce|Wide|Large|Small|First|Second|Third|Last|Other|Rival|Inter|Mass|Chemical|Toxic)$")


def _title_case(text: str) -> bool:
    """A headline in Title Case ("Russian Warplanes Resume Strikes On Militants"): capitals say nothing."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", text) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _clean_name(name: str) -> str:
    """Drop a trailing possessive and leading words that are never part of a place name."""
    name = re.sub(r"['’]s$", "", name)
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    return " ".join(words)


def _blocked(spans, start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before[-1] in ".;:!?\n|-–—…\"“”‘'("


def headline_phrases(text: str, found: list[PlacePhrase], blocked) -> list[PlacePhrase]:
    """``found`` (the preposition reader's phrases of an English clause) plus the headline shapes above,
    in clause order; a found phrase "old X" gets the query "X"."""
    blocked = [tuple(s) for s in blocked]
    out = [(_with_old_query(p)) for p in found]
    taken = [p.span for p in found]
    title_case = _title_case(text)

    def add(start: int, end: int, query: str, coord: bool = False) -> None:
        query = query.strip()
        if not query or _blocked(taken, start, end) or _blocked(blocked, start, end):
            return
        out.append(PlacePhrase("at", text[start:end], (start, end), False, coord=coord, query=query))
        taken.append((start, end))

    for m in _DIRECTION_OF.finditer(text):
        name = _clean_name(m.group("name"))
        if name and not title_case:
            add(m.start(), m.end("name"), f"{m.group('dir').lower()} of {name}")
    for m in _PART_OF.finditer(text):
        part = m.group("part").lower()
        names = [m.group("name")]
        end = m.end("name")
        while part in ("cities", "towns", "villages", "countryside", "countrysides", "suburbs", "outskirts"):
            more = _AND_NAME.match(text, end)
            if more is None:
                break
            names.append(more.group("name"))
            end = more.end("name")
        for k, raw in enumerate(names):
            name = _clean_name(raw)
            if not name:
                continue
            query = (f"{name} countryside" if part.startswith("countryside")
                     else f"outskirts of {name}" if part.startswith("outskirt") else name)
            if k == 0:
                add(m.start(), m.end("name"), query)
            else:
                at = text.index(raw, m.end("name"))
                add(at, at + len(raw), query, coord=True)  # "the cities of Idlib and Ariha": one event each
    if not title_case:
        for m in _MODIFIER.finditer(text):
            name = _clean_name(m.group("name"))
            noun = m.group("noun").lower()
            head = re.fullmatch(_PLACE_HEADS, noun) is not None
            if not name or (len(name.split()) == 1 and _sentence_start(text, m.start("name"))
                            and _ADJECTIVE.match(name)):
                continue  # "Massive bombardment", "Violent clashes": an adjective, not a place
            start = m.start("name") + m.group("name").index(name.split()[0])
            add(start, m.end("noun") if head else m.end("name"), f"{name} {noun}" if head else name)
    for rx in (_EVENT_OF, _COUNTRY_OF):
        for m in rx.finditer(text):
            name = _clean_name(m.group("name"))
            if name and not title_case:
                add(m.start("name"), m.end("name"), name)
    for m in _DIR_NAME.finditer(text):
        name = _clean_name(m.group("name"))
        if name and not title_case and name == m.group("name"):
            query = f"{m.group(0)}" if m.group("ern") else f"{m.group('dir').lower()} of {name}"
            add(m.start(), m.end("name"), query)
    for m in _OBJECT.finditer(text):
        name = _clean_name(m.group("name"))
        if name and not title_case:
            add(m.start("name"), m.end("name"), name)
    return sorted(out, key=lambda p: p.span)


def _with_old_query(phrase: PlacePhrase) -> PlacePhrase:
    m = _OLD.match(phrase.text)
    if m and not phrase.query:
        return replace(phrase, query=_clean_name(m.group("name")))
    return phrase


def separate_events(text: str, phrases: list[PlacePhrase], event_words: list[tuple[int, int]]) -> list[PlacePhrase]:
    """Mark the places of events of their own (``coord``) and give each its own words as context.

    A place starts a new event when an event word and a link ("and", "while", a comma…) lie between it and
    the place before ("raids on Anadan … and airstrikes target al-Bab city"); then the first place of every
    such event is marked, the first event's too, and each place is resolved with its event's words only
    (another event's town must not pull it elsewhere). "X and Y" marks X as well as Y: each is a place.
    """
    firsts = [0]
    for k in range(1, len(phrases)):
        gap = (phrases[k - 1].span[1], phrases[k].span[0])
        if any(gap[0] <= a and b <= gap[1] for a, b in event_words) and _EVENT_WORD.search(text, *gap):
            firsts.append(k)
    out = list(phrases)
    for k in range(1, len(phrases)):  # "the countryside of Idlib and Hama": Idlib is a place of its own too
        if phrases[k].coord and not phrases[k - 1].coord:
            out[k - 1] = replace(out[k - 1], coord=True)
    if len(firsts) == 1:
        return out
    bounds = [phrases[k].span[0] for k in firsts[1:]] + [len(text)]
    group_starts = [0] + bounds[:-1]
    for k, p in enumerate(out):
        g = max(i for i, first in enumerate(firsts) if first <= k)
        out[k] = replace(p, coord=p.coord or k in firsts, context=text[group_starts[g]:bounds[g]].strip())
    return out

def _latin(patterns) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r"(?<![\w])(?:" + p + r")(?![\w\-])", re.I) for pats in patterns.values() for p in pats
                 if not re.search(r"[\u0600-\u06ff]", p))


_EVENT_RES = _latin(TRIGGERS) + _latin(WEAK_TRIGGERS)


def event_word_spans(text: str, window: tuple[int, int]) -> list[tuple[int, int]]:
    """Spans of English event words (strong and weak triggers) inside ``window``."""
    return [m.span() for rx in _EVENT_RES for m in rx.finditer(text, *window)]


def english_phrases(text: str, found: list[PlacePhrase], blocked, window: tuple[int, int]) -> list[PlacePhrase]:
    """The English clause's place phrases for one event's ``window``: the reader's, the headline shapes,
    and which of them are places of events of their own."""
    phrases = headline_phrases(text, found, blocked)
    return separate_events(text, phrases, event_word_spans(text, window))
