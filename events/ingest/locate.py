"""Stage 4, resolve: a candidate's place phrases → Places, through the gazetteer's public API.

Why a stage of its own: which phrase is *the* place of an event is ingestion's
decision (the gazetteer only answers "where is this phrase?"):
- a phrase naming a place outside Syria (gazetteer.foreign) is never looked up in the
  Syrian index: the candidate is marked foreign (classify makes it a note);
- the named town wins over its containing area («بلدة X بريف Y» → X; of two phrases,
  the one at point precision wins over a countryside);
- «المدينة / البلدة / القرية» alone is the last city / town / village of that kind named
  earlier in the story (``StoryPlaces``);
- "X and Y" / «X وY» (coordinated phrases) that resolve to different places give one
  candidate each (``Candidate.extra_places``).
"""
from __future__ import annotations

import re

from events.ingest.abroad import frame_abroad, join_facing, locative_abroad
from events.ingest.candidate import Candidate
from events.ingest.normalize import fold_text
from events.ingest.places import DUAL_HEADS, Gazetteer, PlacePhrase, resolution_to_place, resolve_place
from events.model import Place
from gazetteer.foreign import foreign_place, name_core
from gazetteer.geometry import haversine_km
from gazetteer.model import Precision, Resolution, ResolutionStatus

MOVEMENTS_ROLES = (("origin",), ("destination",), ("at",))
_KIND_OF_HEAD = {fold_text(h): k for h, k in (("مدينة", "city"), ("بلدة", "town"), ("قرية", "village"),
                                              ("مدينتي", "city"), ("بلدتي", "town"), ("قريتي", "village"),
                                              ("city", "city"), ("town", "town"), ("village", "village"))}
_DUAL = re.compile(r"(?:تين|يين|ين)$")  # «البلدتين / القريتين / المدينتين» (folded): two places named before
_CONTAINING = re.compile(r"(?<!\s)\s++(?:ب|في\s+)ريف\s+.*$")


class StoryPlaces:
    """The places named so far in one article, by the head word they were named with."""

    def __init__(self) -> None:
        self.last: dict[str, Place] = {}
        self.pair: tuple[Place, Place] | None = None  # the last «X وY» of one event: what «البلدتين» means
        self.foreign: dict[tuple[str, ...], str] = {}  # names of the foreign places named so far → country
        #: «… في بلدة سروج التركية … سبب الانفجار في البلدة»: the last town (city, village) named was abroad
        self.foreign_last: dict[str, str] = {}
        #: paragraph → the country of the last foreign place named in it («بولاية هكاري …، في حي بيش أولار»)
        self.abroad: dict[int, str] = {}

    @staticmethod
    def kind_of(phrase: PlacePhrase) -> str | None:
        """"town" for «بلدة X» / «محيط بلدة X» / "the town of X", … (None: no city/town/village word)."""
        words = fold_text(phrase.text).split()
        heads = [_KIND_OF_HEAD.get(w[2:] if w.startswith("ال") else w) for w in words[:3]]
        kind = next((k for k in heads if k), None)  # «محيط بلدة X»: a town too
        if kind is None and len(words) > 2 and words[0] == "the" and words[2] == "of":
            kind = _KIND_OF_HEAD.get(words[1])
        return kind

    def remember(self, phrase: PlacePhrase, place: Place) -> None:
        if not place.located or phrase.anaphor:
            return
        kind = self.kind_of(phrase)
        if kind is not None:
            self.last[kind] = place
            self.foreign_last.pop(kind, None)
        if place.precision is not None and place.precision.value == "point":
            self.last["any"] = place

    def remember_foreign(self, phrase: PlacePhrase, country: str) -> None:
        kind = self.kind_of(phrase)
        if kind is not None and not phrase.anaphor:
            self.foreign_last[kind] = country
            self.last.pop(kind, None)

    def recall(self, anaphor: str) -> Place | None:
        return self.last.get(anaphor)


def _parts(phrase: PlacePhrase, place: Place) -> list[str]:
    parts = [f"as written: {phrase.text}"]
    if phrase.anaphor:
        parts.append(f"the {phrase.anaphor} named before: {place.name_en or place.as_written}")
        return parts
    if place.name_en or place.name_ar:
        kind = place.precision.value if place.precision is not None else "?"
        parts.append(f"place: {place.name_en or place.name_ar} ({place.pcode or 'no code'}, {kind})")
    if place.admin1_en:
        parts.append(f"governorate: {place.admin1_en}")
    return parts


def resolve_one(phrase: PlacePhrase, gazetteer: Gazetteer, story: StoryPlaces, context: str,
                paragraph: int | None = None):
    """(Place, warnings, parts) for one phrase, "foreign:<country>" for a foreign place, or None.

    ``paragraph``: where the phrase stands; a paragraph that already placed an event abroad lets a
    foreign town with a Syrian namesake count without its country named again."""
    if phrase.anaphor:
        if phrase.anaphor in story.foreign_last:
            return f"foreign:{story.foreign_last[phrase.anaphor]}"
        place = story.recall(phrase.anaphor)
        if place is None and _DUAL.search(fold_text(phrase.text)) and story.pair is None:
            # «القريتين» with no two villages named before: the town al-Qaryatayn
            return resolve_one(PlacePhrase(phrase.role, phrase.text, phrase.span, True, phrase.coord),
                               gazetteer, story, context, paragraph)
        if place is None:
            return None
        return (Place(**{**place.__dict__, "as_written": phrase.text}),
                (f"place «{phrase.text}»: the {phrase.anaphor} named before ({place.name_en or place.as_written})",),
                _parts(phrase, place))
    elsewhere = foreign_place(phrase.text, context=context, abroad=story.abroad.get(paragraph))
    core = name_core(phrase.text)
    if elsewhere is not None:
        if core:
            story.foreign[core] = elsewhere.country  # «مدينة سوروتش التركية»: a later «سوروتش» is that town
        story.remember_foreign(phrase, elsewhere.country)
        return f"foreign:{elsewhere.country}"
    if core and core in story.foreign:
        story.remember_foreign(phrase, story.foreign[core])
        return f"foreign:{story.foreign[core]}"
    single = _single_head(phrase.text)
    if single != phrase.text:  # «بلدتي نبل» → «بلدة نبل»
        phrase = PlacePhrase(phrase.role, single, phrase.span, True, phrase.coord)
    resolved = resolve_place(phrase, gazetteer, context=context)
    if resolved is not None and not resolved[0].located:
        for shorter in _shorter(phrase.text):  # «مناطق في بلدة X», «مدينة X التابعة للمحافظة»
            alt = resolve_place(PlacePhrase(phrase.role, shorter, phrase.span, phrase.headed), gazetteer,
                                context=context)
            if alt is not None and alt[0].located and not _cut_article(shorter, alt[0]):
                resolved = (Place(**{**alt[0].__dict__, "as_written": phrase.text}), alt[1])
                break
    if resolved is not None and not resolved[0].located:
        m = _CONTAINING.search(fold_text(phrase.text))  # «مدينة X بريف Y»: X is the place
        if m and m.start() > 0:
            shorter = PlacePhrase(phrase.role, phrase.text[:m.start()].strip(), phrase.span, phrase.headed)
            alt = resolve_place(shorter, gazetteer, context=context)
            if alt is not None and alt[0].located:
                resolved = (Place(**{**alt[0].__dict__, "as_written": phrase.text}), alt[1])
    if (resolved is None or not resolved[0].located) and _DISTRICT_ABROAD.match(fold_text(phrase.text)):
        # «في قضاء شامدينلي»: Syria's units are محافظة / منطقة / ناحية; a «قضاء» the Syrian gazetteer does not
        # know is a district of Iraq, Lebanon or Turkey
        story.remember_foreign(phrase, ABROAD)
        return f"foreign:{ABROAD}"
    if resolved is None:
        return None
    place, warnings = resolved
    return place, warnings, _parts(phrase, place)


ABROAD = "Iraq, Lebanon or Turkey"
_DISTRICT_ABROAD = re.compile(r"^[وب]?(?:ال)?قضاء\s")


_INNER_HEAD = re.compile(r"(?:^|\s)(?:في\s+|ب)?((?:ال)?(?:بلدة|قرية|مدينة|حي|مخيم|مطار|معسكر|جبل|تلة|سهل|بلدتي|قريتي)\s+\S.*)$")


def _single_head(text: str) -> str:
    """``text`` with a dual settlement noun at its head made singular («بلدتي نبل» → «بلدة نبل»: one town
    at a time is looked up), else ``text`` itself."""
    words = text.split()
    if not words or fold_text(words[0]) not in DUAL_HEADS:
        return text
    return " ".join([DUAL_HEADS[fold_text(words[0])]] + words[1:])


def _cut_article(shorter: str, place: Place) -> bool:
    """A cut reading whose name lacks the «ال» the place's name has: «حي باب» of «حي باب توما» (the Bab
    Touma quarter; «باب» "gate") is not al-Bab «الباب». Reports write a name's article; the gazetteer's
    folding drops it, so a truncated common noun would otherwise match a town."""
    words = shorter.split()
    name = words[1] if len(words) > 1 else ""
    return bool(name) and place.name_ar.startswith("ال") and not fold_text(name).startswith("ال")


def _shorter(text: str) -> list[str]:
    """Shorter readings of an unresolved headed phrase: the inner headed part, then the head and 1–3 words."""
    out = []
    words = text.split()
    m = _INNER_HEAD.search(" ".join(words[1:]))
    if m:
        out.append(_single_head(" ".join(m.group(1).split())))
    for n in (3, 2):
        if len(words) > n:
            out.append(" ".join(words[:n]))
    return out


def _joined(phrases: list[PlacePhrase], text: str) -> set[int]:
    """ids of the phrases of a «X وY» / "X and Y" chain, its first phrase included when only «و» /
    "and" / a comma stands between them in ``text`` (the clause).

    Why the first too: which place of the chain the event is mapped on is chosen by rank (a point
    over a neighbourhood), so the first phrase may be the one left over, and it is a target of the
    same trigger as the others («قصف على مناطق في بلدة X وقرية Y»: two places, two events).
    """
    out: set[int] = set()
    for k, phrase in enumerate(phrases):
        if not phrase.coord:
            continue
        out.add(id(phrase))
        before = [p for p in phrases[:k] if p.role == phrase.role and p.span[1] <= phrase.span[0] and not p.reference]
        if before:
            head = max(before, key=lambda p: p.span[1])
            refs = [p for p in phrases[:k] if p.reference and head.span[1] <= p.span[0] and p.span[1] <= phrase.span[0]]
            gap_from = max((p.span[1] for p in refs), default=head.span[1])  # «X قرب Y، وZ»: X and Z are the chain
            if _AND_ONLY.fullmatch(text[gap_from:phrase.span[0]]):
                out.add(id(head))
    return out


#: What may stand between two places of one chain: «و»، "and", a comma, a preposition («وفي», "and in").
_AND_ONLY = re.compile(r"\s*(?:[,،]\s*)?(?:و|and\s|&)?\s*(?:(?:في|على|in|on|at|near)\s+)?", re.I)


def _contains(area: Place, place: Place) -> bool:
    """``area`` is a governorate/district/subdistrict that ``place`` lies in."""
    return bool(area.pcode) and area.pcode != place.pcode and area.pcode in (
        place.admin1_pcode, place.admin2_pcode, place.admin3_pcode)


#: How far from the place it is named with a namesake may be to be that one («X وY»: neighbours).
SIBLING_KM = 40.0


def _settle_by_sibling(pending, resolved, joined, gazetteer: Gazetteer, context: str) -> None:
    """«غارات على X وY وZ» where X has namesakes: the one near Y (settled) is meant.

    Why: places joined by «و» under one trigger are targets of one raid or one front, so they are
    neighbours; the sentence alone does not tell the gazetteer which X, the place named with it does.
    Only a single settlement-precision namesake within SIBLING_KM is taken, with a warning; else
    the phrase stays as it was (unresolved, or not a place).
    """
    if not pending:
        return
    anchors = [a[0] for p, a in resolved if id(p) in joined and a[0].located and a[0].precision is Precision.POINT]
    left = list(pending)
    while anchors and left:  # a place settled by its neighbour settles the next one («X وY وZ»)
        settled = [item for item in left if _settle_one(*item, anchors, resolved, gazetteer, context)]
        if not settled:
            return
        left = [item for item in left if item not in settled]


def _settle_one(phrase: PlacePhrase, at: int | None, anchors: list[Place], resolved, gazetteer: Gazetteer,
                context: str) -> bool:
    """Settle one phrase on the single point namesake near a settled place of its chain (True: done)."""
    res = gazetteer.resolve(phrase.query or _single_head(" ".join(phrase.text.split())), context=context)
    if res.status is not ResolutionStatus.AMBIGUOUS:
        return False
    near = {c.place.pcode: (c.place, a) for c in res.candidates for a in anchors
            if c.place.precision is Precision.POINT and c.place.pcode != a.pcode
            and haversine_km(c.place.lat, c.place.lon, a.lat, a.lon) <= SIBLING_KM}
    if len(near) != 1:
        return False
    gaz, anchor = next(iter(near.values()))
    place, warnings = resolution_to_place(Resolution(res.query, ResolutionStatus.RESOLVED, place=gaz), phrase.text)
    warnings += (f"place «{phrase.text}» has namesakes: took {gaz.name_en} ({gaz.pcode}), the one near "
                 f"{anchor.name_en or anchor.as_written} named with it",)
    answer = (place, warnings, _parts(phrase, place))
    if at is None:
        resolved.append((phrase, answer))
    else:
        resolved[at] = (phrase, answer)
    anchors.append(place)
    return True


def _retold_fuller(resolved: list) -> list:
    """Drop a bare name that a longer phrase of the same clause names again with more words, when the two
    answers lie far apart: «أما في جوبر، … في حي جوبر الدمشقي» — the bare «جوبر» found a village in Homs, the
    fuller phrase puts it in Damascus; the reading with its container is the place meant."""
    cores = [(name_core(p.text), ans) for p, ans in resolved]
    keep = []
    for (phrase, answer), (core, _) in zip(resolved, cores):
        place = answer[0]
        fuller = [a for c, a in cores if len(c) > len(core) and c[:len(core)] == core]   # the same name, then more
        if core and place.located and any(a[0].located and haversine_km(place.lat, place.lon, a[0].lat, a[0].lon)
                                          > SIBLING_KM for a in fuller):
            continue
        keep.append((phrase, answer))
    return keep


def _rank(item) -> tuple:
    phrase, (place, _, _) = item
    point = place.precision is not None and place.precision.value == "point"
    return (not place.located, phrase.reference, not phrase.headed and not point, not point)


def set_places(cand: Candidate, phrases: list[PlacePhrase], gazetteer: Gazetteer, story: StoryPlaces,
               movement: bool) -> None:
    """Resolve the phrases this event type uses: origin/destination for movements, else the location."""
    context = cand.sentence.text
    framed = frame_abroad(context)
    if framed is not None:
        cand.foreign = framed
        cand.place_parts.append(f"outside Syria: the sentence opens on a place in {framed}")
        story.abroad[cand.paragraph] = framed
        return
    wanted = MOVEMENTS_ROLES if movement else (("at", "origin", "destination"),)
    found: dict[tuple[str, ...], tuple] = {}
    extras: list[tuple] = []
    named: dict[str, tuple] = {}  # «بلدة X … على مناطق في البلدة»: the town of this clause, located or not
    phrases = join_facing(phrases, cand.clause.text)   # «… في سوريا المقابلة لمدينة كيليس»: one Syrian place
    joined = _joined(phrases, cand.clause.text)
    for roles in wanted:
        resolved = []
        pending: list[tuple[PlacePhrase, int | None]] = []  # places of a chain the gazetteer could not settle alone
        foreign_before = False  # the last place named (not a reference) lies outside Syria
        for phrase in (p for p in phrases if p.role in roles):
            if phrase.reference and foreign_before:
                # «سوروتش التركية قرب الحدود مع مدينة كوباني»: where the foreign place lies, not the event's place
                cand.place_parts.append(f"reference of a place outside Syria: {phrase.text}")
                continue
            if phrase.anaphor and phrase.anaphor in named:
                place, _, parts = named[phrase.anaphor]
                resolved.append((phrase, (Place(**{**place.__dict__, "as_written": phrase.text}), (),
                                          [f"as written: {phrase.text}", f"the {phrase.anaphor} named before: "
                                           f"{place.name_en or place.as_written}"])))
                continue
            if phrase.anaphor and _DUAL.search(fold_text(phrase.text)) and story.pair is not None and not movement:
                first, second = story.pair  # «على مناطق في محيط البلدتين»: both towns of the pair named before
                for place in (first, second):
                    resolved.append((phrase, (Place(**{**place.__dict__, "as_written": phrase.text}), (),
                                              [f"as written: {phrase.text}", f"the {phrase.anaphor}s named before: "
                                               f"{first.name_en or first.as_written}, {second.name_en or second.as_written}"])))
                continue
            here = None if phrase.reference or phrase.anaphor else locative_abroad(cand.clause.text, phrase.text)
            answer = (f"foreign:{here}" if here is not None
                      else resolve_one(phrase, gazetteer, story, phrase.context or context, cand.paragraph))
            if not isinstance(answer, str) and answer is not None and not phrase.anaphor:
                kind = StoryPlaces.kind_of(phrase)
                if kind is not None:
                    named[kind] = answer
            if not phrase.reference:
                foreign_before = isinstance(answer, str)
            if isinstance(answer, str):
                cand.foreign = cand.foreign or answer.split(":", 1)[1]
                cand.place_parts.append(f"outside Syria: {phrase.text} ({cand.foreign})")
                story.abroad[cand.paragraph] = cand.foreign
                continue
            if (not movement and id(phrase) in joined and not phrase.anaphor
                    and (answer is None or not answer[0].located)):
                pending.append((phrase, len(resolved) if answer is not None else None))
            if answer is not None:
                resolved.append((phrase, answer))
        _settle_by_sibling(pending, resolved, joined, gazetteer, context)
        resolved = _retold_fuller(resolved)
        if not resolved:
            continue
        main = resolved[0] if movement else min(resolved, key=_rank)
        found[roles] = main[1]
        cand.anaphoric = cand.anaphoric or bool(main[0].anaphor)
        story.remember(main[0], main[1][0])
        if not movement:
            for phrase, answer in resolved:
                if (answer is main[1] or not (id(phrase) in joined or phrase is main[0]) or not answer[0].located
                        or phrase.reference):
                    continue
                if any(answer[0].pcode == x[0].pcode or _contains(answer[0], x[0]) or _contains(x[0], answer[0])
                       for x in [main[1]] + extras):
                    continue  # the same place, or «X وريفها»-like: an area holding the other (one event)
                extras.append(answer)
                story.remember(phrase, answer[0])
    if extras and found and not movement:
        first = next(iter(found.values()))[0]
        if first.located:
            story.pair = (first, extras[0][0])
    for place, warnings, parts in found.values():
        cand.warnings.extend(warnings)
        cand.unsettled_places += 0 if place.located else 1
        cand.place_parts.extend(parts)
    pick = {roles: answer[0] for roles, answer in found.items()}
    if (not cand.foreign and cand.paragraph in story.abroad and found
            and not any(answer[0].located for answer in found.values())):
        # a place the Syrian gazetteer does not know, in a paragraph that is abroad: the quarter of a foreign town
        cand.foreign = story.abroad[cand.paragraph]
        cand.place_parts.append(f"outside Syria: no Syrian place, in a paragraph abroad ({cand.foreign})")
    if movement:
        cand.origin = pick.get(("origin",))
        cand.destination = pick.get(("destination",))
        if cand.origin is None and ("at",) in pick:
            cand.origin = pick[("at",)]
        elif ("at",) in found:  # an unused location: its warnings do not concern this event
            for w in found[("at",)][1]:
                cand.warnings.remove(w)
            cand.unsettled_places -= 0 if pick[("at",)].located else 1
        cand.place = cand.origin
    else:
        cand.place = pick.get(("at", "origin", "destination"))
        cand.extra_places = [(p, w, parts) for p, w, parts in extras]
