"""Who did it and what happened: actor names and the event-type taxonomy.

Why a small hand-written lexicon: the product must run offline with no
model, and analysts need the same few canonical actor names on every
event ("US forces", "ISIS", "Syrian army") to filter the map. The event
type is read from the first trigger word of the clause (the main verb or
its noun), so "حاصر … ضربات جوية" is a siege, not an air strike.

Event types (events.model.EventType) and their trigger words:
evacuation (إجلاء، سحب، airlift, evacuate), siege_broken (كسر/فك الحصار,
broke the siege), siege (حاصر، حصار, besieged), air_strike (غارة، قصف جوي،
air strike), shelling (قصف، قذائف, shelling), explosion (انفجار، عبوة ناسفة,
car bomb), clash (اشتباكات، معارك, clashes), territory (سيطر، استعاد,
captured), arrest (اعتقال, arrested), protest (مظاهرة, protest),
displacement (نزوح، تهجير, displaced, fled), attack (هجوم, attack).
"""
from __future__ import annotations

import functools
import re

from events.ingest.normalize import fold, fold_pattern
from events.model import EventType

_P = r"(?:[وفبلك]|وب|ول|وال|بال|لل|ال)?"  # Arabic proclitics (and, by, for, the)
_US = r"(?:ال)?(?:امريكي|اميركي)(?:ة|ين|ون)?"

ACTORS: dict[str, tuple[str, ...]] = {
    "US-led coalition": (
        rf"{_P}تحالف\s+(?:ال)?دولي(?:\s+(?:الذي\s+تقوده|بقيادة)\s+(?:(?:ال)?ولايات\s+(?:ال)?متحدة|واشنطن)(?:\s+{_US})?)?",
        rf"{_P}تحالف\s+(?:ال)?(?:دولي\s+)?بقيادة\s+(?:واشنطن|(?:ال)?ولايات\s+(?:ال)?متحدة)",
        r"(?:the\s+)?u\.?s\.?-led\s+(?:international\s+)?coalition", r"(?:the\s+)?international\s+coalition",
        r"the\s+coalition", rf"{_P}تحالف(?![\w])"),
    "US forces": (
        rf"{_P}قوات\s+(?:ال)?(?:جوية\s+)?{_US}", rf"{_P}مروحي(?:ة|ات)\s+(?:تابعة\s+)?(?:لل)?(?:قوات\s+(?:ال)?جوية\s+)?{_US}",
        rf"{_P}(?:جيش|طائرات|مروحيات|قوات\s+خاصة)\s+{_US}", rf"{_P}ولايات\s+(?:ال)?متحدة", r"واشنطن",
        r"(?:the\s+)?u\.?s\.?\s+(?:air\s+force|forces|troops|military|helicopters?|aircraft|special\s+forces|army|jets)",
        r"american\s+(?:forces|troops|helicopters?|aircraft)", r"the\s+pentagon", r"the\s+united\s+states"),
    "ISIS": (rf"{_P}(?:(?<!\s)\s*+ـ\s*+)?\"?داعش", rf"{_P}تنظيم\s+(?:ال)?دولة(?:\s+(?:ال)?اسلامية)?", r"(?:ال)?دولة\s+(?:ال)?اسلامية",
             r"islamic\s+state(?:\s+group)?", r"isis", r"isil", r"daesh"),
    "Syrian army": (
        rf"{_P}جيش\s+(?:ال)?(?:عربي\s+)?(?:ال)?(?:سوري|نظامي)(?!\s+(?:ال)?حر)", rf"{_P}قوات\s+(?:ال)?حكومية(?:\s+(?:ال)?سورية)?",
        rf"{_P}قوات\s+(?:ال)?نظام(?:\s+(?:ال)?سوري)?",
        r"(?:the\s+)?(?:syrian|government|regime|pro-government|syrian\s+government)\s+(?:army|forces|troops)",
        r"(?:the\s+)?syrian\s+arab\s+army"),
    "Russian MoD": (rf"{_P}وزارة\s+(?:ال)?دفاع\s+(?:ال)?روسية", r"(?:the\s+)?russian\s+(?:ministry\s+of\s+defen[cs]e|defen[cs]e\s+ministry)",
                    r"russia'?s\s+(?:ministry\s+of\s+defen[cs]e|defen[cs]e\s+ministry)", r"(?:the\s+)?russian\s+mod"),
    "Turkish MoD": (rf"{_P}وزارة\s+(?:ال)?دفاع\s+(?:ال)?تركية", r"turkey'?s\s+(?:ministry\s+of\s+defen[cs]e|defen[cs]e\s+ministry)",
                    r"(?:the\s+)?turkish\s+(?:ministry\s+of\s+defen[cs]e|defen[cs]e\s+ministry)"),
    "Russian forces": (rf"{_P}(?:طائرات|مقاتلات|قوات|طيران)\s+(?:ال)?(?:حربي(?:ة)?\s+)?(?:ال)?روسي(?:ة)?",
                       rf"{_P}غارات\s+(?:جوية\s+)?روسية", r"russian\s+(?:warplanes|jets|forces|aircraft|air\s+force|troops)"),
    "SDF": (rf"{_P}قوات\s+سوريا\s+(?:ال)?ديمقراطية", r"قسد", r"sdf", r"(?:the\s+)?syrian\s+democratic\s+forces"),
    "Turkish forces": (rf"{_P}(?:جيش|قوات|طائرات|مسيرات|مسيّرات)\s+(?:ال)?(?:مسيرة\s+)?تركي(?:ة)?",
                       r"turkish(?:-backed)?\s+(?:army|forces|troops|military|fighters|drones?|jets|warplanes|aircraft)"),
    "Opposition factions": (rf"{_P}فصائل\s+(?:ال)?(?:معارضة|مسلحة)", rf"{_P}جيش\s+(?:ال)?(?:سوري\s+)?(?:ال)?حر",
                            rf"{_P}جيش\s+(?:ال)?وطني", r"rebels?", r"opposition\s+(?:fighters|factions|groups|forces)",
                            r"(?:the\s+)?free\s+syrian\s+army"),
    "HTS": (r"هيئة\s+تحرير\s+(?:ال)?شام", r"hayat\s+tahrir\s+al-sham", r"hts"),
}

#: Event triggers; the earliest (then longest) match in a clause decides the type.
TRIGGERS: dict[EventType, tuple[str, ...]] = {
    EventType.SIEGE_BROKEN: (rf"{_P}(?:كسر|فك|خرق)\w*\s+(?:ال)?حصار", r"br(?:oke|eak|eaking|oken)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}siege",
                             r"lift(?:ed|ing)?\s+(?:the\s+)?siege"),
    EventType.EVACUATION: (rf"{_P}اجلا(?:ء|ي)\w*", r"[وف]?اجل(?:ت|ى|وا|ي)", r"[وف]?يجل(?:ي|و)\w*", r"(?:[وف]|ب)?سحب(?:ت|وا)?",
                           r"airlift\w*", r"evacuat\w*", r"extract(?:ed|ion)", r"flown\s+out"),
    EventType.AIR_STRIKE: (rf"{_P}غار(?:ة|ات)", rf"{_P}(?:ضرب(?:ة|ات)|قصف)\s+(?:ال)?جوي\w*",
                           rf"{_P}قصف\w*\s+(?:ال)?(?:طائرات|طيران|مقاتلات)", rf"{_P}(?:طائرات|طيران|مقاتلات)\s+(?:ال)?(?:حربي|مسير)\w*",
                           r"air\s*-?\s*strikes?", r"air\s+raids?", r"drone\s+strikes?", r"(?:war)?planes?\s+(?:struck|bombed|hit)",
                           r"bomb(?:ed|ing)", r"barrel\s+bombs?", r"bombs?", r"(?:explosive\s+)?barrels?",
                           r"air\s+and\s+(?:ground|artillery|missile)\s+strikes?", r"aerial\s+(?:bombardment|bombing|shelling)", r"raids?", rf"{_P}براميل\s+متفجرة", rf"{_P}برميل\s+متفجر", r"strikes?", r"struck",
                           # «سقطت مقاتلة على سوق في بلدة X»: a jet that fell on a town is the strike's toll
                           rf"(?:[وف]?(?:سقط|تحطم)(?:ت)?|{_P}(?:سقوط|تحطم))\s+(?:ال)?(?:طائرة|مقاتلة|مروحية)",
                           # «قامت ثلاث مقاتلات اف-16 من سلاح الجو التركي بقصف …»: the aircraft before the verb say who bombed
                           rf"{_P}(?:مقاتلات|طائرات|مروحيات|مقاتلة|طائرة|مروحية|سلاح\s+(?:ال)?جو)(?:\s+\S+){{0,6}}?\s+[وف]?(?:ب|لل?)?قصف\w*",
                           # «تعرضت القرى لقصف عنيف بالبراميل المتفجرة»: the barrels say who bombed
                           rf"{_P}قصف\w*(?:\s+\w+){{0,2}}?\s+(?:بال|بـ?)?(?:براميل|برميلين|الطيران|طيران|الطائرات|طائرات)"),
    EventType.SHELLING: (rf"{_P}قصف\w*", rf"{_P}قذائف", rf"{_P}قذيفة",
                         # «سقط صاروخ على حي …», «بإطلاق الصواريخ على قريتين»: a rocket fired or fallen
                         rf"(?:[وف]?سقط(?:ت)?|{_P}سقوط|[وف]?اطلق(?:ت|وا)?|{_P}اطلاق)\s+(?:ال)?(?:صاروخ|صواريخ)", r"shell(?:ing|ed|s)?", r"artillery", r"bombard\w*", r"(?:rocket|artillery|mortar)\s+shells", r"rockets?", r"missiles?", r"rocket\s+fire",
                         r"mortars?"),
    EventType.EXPLOSION: (rf"{_P}انفجار\w*", rf"{_P}تفجير\w*", rf"{_P}عبو(?:ة|ات)\s+ناسف(?:ة|ات)", rf"{_P}سيار(?:ة|ات)\s+مفخخ(?:ة|ات)", rf"{_P}حزام\s+ناسف", rf"{_P}انتحاري(?:ا|ة|ان|ون|ين)?", rf"{_P}لغم", r"explosions?", r"explosive\s+(?:belt|device)s?", r"blows?\s+(?:himself|herself|itself)\s+up", r"mines?", r"bombings?", r"blows?\s+up", r"blew\s+up", r"detonat\w*", r"shakes",
                          r"blasts?", r"car\s+bomb", r"landmines?", r"exploded", r"ieds?"),
    EventType.CLASH: (rf"{_P}اشتباك\w*", rf"{_P}معارك", rf"{_P}مواجهات", r"clash\w*", r"fighting", r"battles?", r"battle\s+rages", r"gunfights?", r"confrontations?"),
    EventType.TERRITORY: (r"[وفيت]?سيطر\w*", r"[وف]?استعاد\w*",
                          # «تمكنت قوات المعارضة من السيطرة على …», «استطاع الجيش استعادة السيطرة على …»
                          r"[وف]?(?:تمكن|تمكنت|تمكنوا|استطاع|استطاعت|استطاعوا)\s+(?:[^\s.،,]+\s+){0,4}?(?:من\s+)?"
                          r"(?:استعادة\s+)?(?:ال)?سيطرة",
                          # «بتقدم جديد لقوات النظام داخل مدينة X», «تقدمت الفصائل»
                          r"(?:[وفب]|وب)?(?:ال)?تقدم(?:ت|وا|ه|ها|هم)?", r"[وف]?[يت]تقدم(?:ون)?",
                          # «انسحب الثوار من القرية», «انسحاب المقاتلين منه»: a place lost
                          r"[وف]?انسحب(?:ت|وا)?", r"[وف]?[يت]نسحب(?:ون)?", rf"{_P}انسحاب", r"captured", r"seized", r"recaptured", r"took\s+control", r"retook",
                        r"(?:take|takes|taking|seize|seizes|regain|regains|regained)\s+(?:full\s+)?control", r"control(?:s|led)?\s+(?:of|over)",
                        r"takes?\s+over", r"takeover", r"advance(?:s|d)?(?!\w)", r"advancement", r"progress(?:es|ed)?", r"captures?", r"seizes?", r"recaptures?"),
    EventType.ARREST: (rf"{_P}اعتقال\w*", r"[وف]?اعتقل\w*", rf"{_P}مداهم\w*", r"arrest\w*", r"detain\w*"),
    EventType.PROTEST: (rf"{_P}مظاهر(?:ة|ات)", r"[وف]?تظاهر\w*", rf"{_P}احتجاج\w*", r"protest\w*", r"demonstrat\w*"),
    EventType.DISPLACEMENT: (rf"{_P}نزوح", rf"{_P}نازح\w*", r"[وف]?نزح\w*", rf"{_P}تهجير", r"displac\w*", r"fled", r"flee\w*"),
    EventType.SIEGE: (r"[وف]?حاصر\w*", rf"{_P}حصار", r"besieg\w*", r"siege"),
    EventType.ATTACK: (rf"{_P}هجوم(?!ي)\w*", r"[وف]?هاجم\w*", r"attack\w*", r"ambush\w*", r"assault\w*", r"assassinat\w*", r"execut(?:e|es|ed|ing|ion|ions)", r"behead\w*", r"massacres?", r"offensive",
                        r"kidnap\w*", r"snipers?", r"gunshots?", r"shot\s+dead"),
}


def _compile(table: dict) -> tuple[tuple[object, re.Pattern[str]], ...]:
    # "rebel-held" is not the rebels acting: a hyphen after the name ends no match
    return tuple((key, re.compile(fold_pattern(r"(?<![\w])" + p + r"(?![\w\-])"))) for key, pats in table.items() for p in pats)


_ACTOR_RES = _compile(ACTORS)
#: Words that only say people died, were hurt or were targeted ("X leaves 5 dead", "12 killed in Y",
#: «استهدفت الفصائل تمركزات …»): a trigger only when the clause has no other (then the type is "attack").
WEAK_TRIGGERS: dict[EventType, tuple[str, ...]] = {
    EventType.ATTACK: (r"killed", r"kills?", r"killing", r"dead", r"casualties", r"wounded", r"injured", r"injur(?:es|ing)",
                       r"losses", r"martyrs?", r"death\s+toll", r"died", r"target(?:s|ed|ing)?",
                       r"[وف]?استهدف(?:ت|وا)?", rf"{_P}استهداف",
                       # «31 شخصا قتلوا في بلدة X», «مقتل 5 مدنيين في Y»: a toll with no other event word
                       r"[وف]?قتل(?:ت|وا)?", rf"{_P}مقتل", r"[وف]?(?:قضى|قضوا)"),
    EventType.ARREST: (r"abduct\w*", r"kidnap\w*", rf"{_P}خطف\w*", r"[وف]?اختطف\w*"),
    # who flew, not what happened ("backed by Russian jets"): the type only when nothing else is said
    EventType.AIR_STRIKE: (r"(?:war)?planes?", r"jets", r"helicopters?"),
    EventType.DISPLACEMENT: (r"escap(?:e|es|ed|ing)",),
}
_TRIGGER_RES = _compile(TRIGGERS)
_WEAK_RES = _compile(WEAK_TRIGGERS)
_ORGANISATION = re.compile(fold_pattern(r"(?<![\w])(?:[وفبل]|لل)?(?:ال)?تنظيم(?![\w])(?!\s+(?:ال)?دولة)"))


_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[a-z]")


def _letters(pattern: str) -> str:
    return re.sub(r"\\[a-zA-Z]|\(\?[a-zA-Z]*[:<!=]*", "", pattern)


@functools.lru_cache(maxsize=16)
def _by_script(patterns: tuple, arabic: bool, latin: bool) -> tuple:
    """Only the patterns that can match a text of these scripts (half the regex work on a one-script clause)."""
    out = []
    for key, rx in patterns:
        letters = _letters(rx.pattern)
        ar, lat = bool(_ARABIC.search(letters)), bool(_LATIN.search(letters))
        if (arabic and ar) or (latin and lat) or not (ar or lat):
            out.append((key, rx))
    return tuple(out)


def _earliest_longest(patterns, text: str) -> list[tuple[object, int, int]]:
    arabic, latin = bool(_ARABIC.search(text)), bool(_LATIN.search(text))
    hits = [(key, m.start(), m.end()) for key, rx in _by_script(patterns, arabic, latin) for m in rx.finditer(text)]
    if not hits and patterns is _TRIGGER_RES:
        hits = [(key, m.start(), m.end()) for key, rx in _by_script(_WEAK_RES, arabic, latin) for m in rx.finditer(text)]
    hits.sort(key=lambda h: (h[1], -(h[2] - h[1])))
    chosen: list[tuple[object, int, int]] = []
    last_end = -1  # hits come by start, so a hit overlaps a chosen one iff it starts before the last end
    for key, s, e in hits:
        if s >= last_end or e <= s:
            chosen.append((key, s, e))
            last_end = max(last_end, e)
    return _with_means(chosen, text)


#: Between an attack word and the explosive it used: a few words, no punctuation («هجوم آخر بسيارة مفخخة»,
#: "an attack with a car bomb").
_MEANS_GAP = re.compile(r"\s*(?:[^\s.,:;!?،؛]+\s+){0,3}")


def _with_means(chosen: list[tuple[object, int, int]], text: str) -> list[tuple[object, int, int]]:
    """An attack carried out with a car bomb, an explosive belt or a suicide bomber is an explosion (one
    incident, typed by its means, as UCDP and the labels type it), not an attack and an explosion; «تفجير
    انتحاري بسيارة مفخخة» is one explosion, not three."""
    out: list[tuple[object, int, int]] = []
    for key, s, e in chosen:
        if (key is EventType.EXPLOSION and out and out[-1][0] in (EventType.ATTACK, EventType.EXPLOSION)
                and _MEANS_GAP.fullmatch(text, out[-1][2], s)):
            out[-1] = (EventType.EXPLOSION, out[-1][1], e)
            continue
        out.append((key, s, e))
    return out


@functools.lru_cache(maxsize=4096)
def _cached(table: str, folded_text: str) -> tuple:
    """Hits of one table in a folded text: the stages read the same clause several times."""
    return tuple(_earliest_longest(_ACTOR_RES if table == "actors" else _TRIGGER_RES, folded_text))


def find_actors(text: str, *, organisation_means: str | None = None) -> list[tuple[str, tuple[int, int]]]:
    """Canonical actor names with their spans in ``text``, in order.

    ``organisation_means``: what a bare "التنظيم" (the organisation) refers to in
    this article (ISIS when the article names it), else it is ignored.
    """
    folded = fold(text)
    hits = list(_cached("actors", folded.text))
    if organisation_means:
        for m in _ORGANISATION.finditer(folded.text):
            if all(m.end() <= s or m.start() >= e for _, s, e in hits):
                hits.append((organisation_means, m.start(), m.end()))
        hits.sort(key=lambda h: h[1])
    return [(str(name), folded.span(s, e)) for name, s, e in hits]


def find_trigger(text: str) -> tuple[EventType, tuple[int, int]] | None:
    """The event type of a clause: its earliest trigger word (longest at the same place)."""
    folded = fold(text)
    hits = list(_cached("triggers", folded.text))
    if not hits:
        return None
    event_type, s, e = hits[0]
    return event_type, folded.span(s, e)  # type: ignore[return-value]


def trigger_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every trigger word (places must not run into them: "من كسر الحصار")."""
    folded = fold(text)
    return [folded.span(s, e) for _, s, e in list(_cached("triggers", folded.text))]


def all_triggers(text: str) -> list[tuple[EventType, tuple[int, int]]]:
    """Every trigger in the clause, in order, with its type (to bound one event's words)."""
    folded = fold(text)
    return [(t, folded.span(s, e)) for t, s, e in list(_cached("triggers", folded.text))]  # type: ignore[misc]
