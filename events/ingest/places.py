"""Places in a clause: find the phrases, resolve them through the gazetteer, make Places.

Why the phrase finder lives here and the matching in gazetteer/: ingestion
knows the grammar of a report (من … إلى … marks origin and destination of
a movement, في/على/قرب the location, a qualifier like بلدة/ريف starts a
place), the gazetteer knows names and areas. A phrase is passed whole
("المنطقة التابعة لبلدة الطريف في ريف مدينة دير الزور الشمالي الغربي") with
the sentence as context, so relative places become areas, not pins.

Honesty rules: an ``ambiguous`` or ``unresolved`` answer keeps the place as
written with no coordinates and a warning for the analyst; coordinates
only ever come from the gazetteer. A neighbourhood the gazetteer lacks
("حي درعا البلد") is placed on its town with NEAR precision and a warning.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Protocol

from events.ingest.normalize import fold, fold_pattern, fold_text
from events.model import Place
from gazetteer.model import PlaceKind, Precision, Resolution, ResolutionStatus

MAX_WORDS = 14
#: Characters read after a phrase's start (MAX_WORDS generous words): bounds the work per candidate start.
_LOOKAHEAD = 40 * MAX_WORDS


def _rc(pattern: str) -> re.Pattern[str]:
    return re.compile(fold_pattern(pattern))


class Gazetteer(Protocol):
    """What ingestion needs from the gazetteer (gazetteer.Gazetteer satisfies it)."""

    def resolve(self, name: str, *, context: str | None = None) -> Resolution: ...


@dataclass(frozen=True)
class PlacePhrase:
    role: str               # "origin" | "destination" | "at"
    text: str               # as written
    span: tuple[int, int]   # in the clause
    headed: bool            # starts with a place word (بلدة، ريف، town of…): keep even if unresolved
    coord: bool = False     # joined to the phrase before by "and"/«و»: a place of its own event
    anaphor: str = ""       # «المدينة/البلدة/القرية» alone: "city" | "town" | "village" named before
    query: str = ""         # what to ask the gazetteer when not the text itself ("south of Aleppo": headline.py)
    context: str = ""       # the words of its own event when a clause tells several (headline.py), else the sentence


_HEADS_AR = ("منطقة", "المنطقة", "بلدة", "قرية", "مدينة", "محافظة", "ريف", "حي", "مخيم", "ناحية", "بلدات", "قرى",
             "شمال", "جنوب", "شرق", "غرب", "وسط", "اطراف", "محيط", "مناطق", "ارياف",
             "بلدتي", "قريتي", "مدينتي", "حيي", "مطار", "مطاري", "معسكر", "معسكري", "جبل", "تلة", "سهل", "حقل", "سجن",
             "أحياء", "أماكن")
#: Dual heads ("the two towns of X and Y"): the first name is read with the singular head, the second as «وY».
DUAL_HEADS = {fold_text(a): fold_text(b) for a, b in (("بلدتي", "بلدة"), ("قريتي", "قرية"), ("مدينتي", "مدينة"),
                                                     ("حيي", "حي"), ("مطاري", "مطار"), ("معسكري", "معسكر"),
                                                     ("أحياء", "حي"))}
_HEAD_AR_RE = "(?:" + "|".join(sorted({fold_text(h) for h in _HEADS_AR}, key=len, reverse=True)) + ")"
_PREP_AR = {"من": "origin", "الي": "destination", "نحو": "destination", "باتجاه": "destination", "في": "at",
            "علي": "at", "قرب": "at", "بالقرب من": "at", "داخل": "at", "عند": "at", "بين": "at",
            "استهدف": "at", "استهدفت": "at"}
_PREP_AR_RE = _rc(r"(?<![\w])(?P<prep>بالقرب من|باتجاه|الى|نحو|من|في|على|قرب|داخل|عند|استهدف|استهدفت)\s+")
_CLITIC_HEAD_RE = _rc(rf"(?<![\w])(?P<prep>[بل])(?P<head>{_HEAD_AR_RE})(?![\w])")
_BARE_HEAD_RE = _rc(rf"(?<![\w])(?:ال)?(?:بلدة|قرية|مدينة|حي|مخيم|ريف|بلدات|قرى|بلدتي|قريتي|مدينتي|حيي|مطار|معسكر|احياء)(?![\w])")
_STOP_AR = _rc(r"[،,.;:؛\"«»()\n?!؟]|(?<![\w])(?:الى|خلال|منذ|يوم|بعد|قبل|حيث|التي|الذي|الذين|ما|مما|عبر|ضد|بينما|"
                      r"برفقة|بسبب|اثر|لمدة|بحسب|حسب|وفق|فيما|قد|على\s+متن|من\s+اجل|من\s+قبل|اضافة|بالاضافة|في\s+حين|"
                      r"عن|مع|لدى|حتى|عندما|حينما|بينهم|بينهن|منها|فيها|عليها|اليها|ضمن|امام|خلف|تجاه|الواقعة|الواقع|الخاضعة|الخاضع|المحاصرة|المحاصر|لم|لن|نصرة|"
                      r"قرب|بالقرب|التابعة\s+لل\w+|اليوم|امس|جراء|نتيجة|يقعان|تقعان|الواقعين|الواقعتين|اللتين|اللذين|"
                      r"الموالية|الموالي|المواليتين|الموالين|المؤيدة|المعارضة\s+ل|تشرف|يشرف|"
                      r"(?:ب|ل|لل)(?:ال)?(?:صواريخ|صاروخ|قذائف|قذيفة|مدفعية|براميل|برميل|طيران|طائرات|رشاشات|اسلحة|هاون|غارات|غارة|"
                      r"عبوة|عبوات|سيارة|سيارات|دبابات|مروحيات)\w*|"
                      r"ادى|ادت|اسفر|اسفرت|اسفرا|قتل|قتلت|اصيب|اصيبت|سقط|سقطت|شن|شنت|تسبب|تسببت|اوقع|اوقعت|قال|قالت|"
                      r"افاد|افادت|اكد|اكدت|ذكر|ذكرت|يسيطر|تسيطر|يقع|تقع|كان|كانت|تم|بات|باتت|اصبح|اصبحت|جاء|جاءت|ياتي|تاتي|"
                      r"و(?!ريف|ريفها|سط(?![\w]))[\w]+)(?![\w])")
# «… وقرية Y»: Y is a place of its own; not «بريفي حلب الشرقي والشمالي الشرقي» (a second direction of the same countryside)
_COORD_AR = _rc(rf"\s*و(?!سط(?![\w]))(?!ال(?:شمال|جنوب|شرق|غرب)ي)(?:في\s+|على\s+|ب(?!لد))?(?P<head>(?:ال)?{_HEAD_AR_RE}\s+)?(?=\w)")
_IN_CONTINUES = _rc(rf"^\s*في\s+(?:ال)?{_HEAD_AR_RE}(?![\w])(?!\s*(?:$|[،,.;:؛\n]))")
_NOT_PLACE_AR = {fold_text(w) for w in ("أصول", "أجل", "جهته", "جهتها", "نوعها", "التنظيم", "المستوى", "خلفية",
                                        "بينهم", "بينها", "ذلك", "هذه", "هذا", "قبل", "خلال", "عدد", "نهاية", "الجبهات",
                                        "المناطق الآمنة", "متن", "مقتل", "إصابة", "اصابة", "جرح", "سقوط", "تدمير", "نزوح", "استهداف", "قصف",
                                        "حدوث", "وقوع", "اندلاع", "سيطرة", "السيطرة", "حصار", "مواجهة", "جانب", "عمق", "جهة", "طرف", "الطرفين",
                                        # people by rank or role, not places («قتل عقيد في …»)
                                        "عقيد", "العقيد", "عميد", "العميد", "رائد", "الرائد", "نقيب", "النقيب",
                                        "ملازم", "الملازم", "ضابط", "الضابط", "قائد", "القائد", "حربية", "الحربية", "أن", "أنه", "إن", "مواقعه", "مواقع", "الاستجواب", "جانب", "روسيا", "واشنطن",
                                        "قوات", "القوات", "المكان", "مكان", "الموقع", "موقع", "عناصر", "مقاتلي", "مسلحي",
                                        "اهالي", "سكان", "المدنيين", "الحدود", "الارض", "الاراضي", "الطريق", "مقر", "مقرات",
                                        "نقاط", "النقاط", "تجمعات", "معاقل", "المعارك", "الجبهة", "جبهة", "الهجوم",
                                        "العملية", "عملية", "الغارات", "الطيران", "طيران", "الطائرات", "التحالف",
                                        "الجيش", "النظام", "المعارضة", "الفصائل", "المسلحين", "صفوف", "حين", "وقت",
                                        "اليوم", "امس", "الليلة", "حد", "حدود", "اتجاه", "الاول", "الثاني", "الثالث",
                                        "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر",
                                        "سوريا", "سورية", "البلاد", "قريتين", "بلدتين", "مدينتين", "احدى", "أحد", "عدة",
                                        "تمركزات", "مناطق سيطرة", "سيطرة",
                                        # what a strike was like, not where («غارات جوية على …», «قصف عنيف»)
                                        "جوية", "الجوية", "جوي", "الجوي", "عنيفة", "عنيف", "مكثفة", "مكثف", "متفرقة")}
#: «المدينة/البلدة/القرية» alone: the city/town/village the story named before.
_ANAPHORS = {fold_text(w): k for w, k in (("المدينة", "city"), ("البلدة", "town"), ("القرية", "village"),
                                          ("المدينتين", "city"), ("البلدتين", "town"), ("القريتين", "village"))}
_COUNTRY_TAIL = _rc(r"(?<!\s)\s++(?:في\s+)?(?:شمال|جنوب|شرق|غرب|وسط)(?:ي)?\s+(?:سوريا|سورية|البلاد)\s*$"
                    r"|(?<!\s)\s++(?:في\s+)?(?:سوريا|سورية)\s*$")

_CAP = r"(?:[A-Z][\w'’\-]*|al-\w+|el-\w+|ad-\w+|as-\w+|ar-\w+)"
_EN_PREP = _rc(r"\b(?P<prep>(?i:from|to|into|towards|toward|in|at|near|outside|around|on|across|of|over|inside|within|"
              r"hit|hits|struck|targeted|targets?|targeting|shelled|shells?|shelling|bombed|bombs?|bombard(?:s|ed)?|"
              r"raid(?:s|ed)?|rock(?:s|ed)|pound(?:s|ed)?|storm(?:s|ed)?|besieges?|recaptured|captured|seized|"
              r"retook|besieged|stormed|attacked|attacks?|downtown|enter(?:s|ed)?|recaptures?|captures?|seizes?|"
              r"massacre\s+(?:in|of)|advance(?:s|d)?\s+(?:in|on|into|towards|toward|to)|"
              r"(?:take|takes|took|taking|seize|seizes|seized|regain|regains|regained)\s+(?:full\s+)?control\s+(?:of|over)|"
              r"control(?:s|led)?\s+(?:of|over)?|takeover\s+(?:of|over)|the\s+vicinity\s+of|the\s+outskirts\s+of|"
              r"the\s+(?:center|centre|middle)\s+of))\s+")
_EN_PHRASE = _rc(
    rf"^(?:the\s+)?(?:(?:rebel-held|government-held|opposition-held|ISIS-held|besieged|capital)\s+)?"
    rf"(?:(?P<dir>(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?:(?:,\s+|\s+and\s+)(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)*|central|rural|old|downtown)\s+)?"
    rf"(?:(?P<head>(?:town|village|city|area|district|neighbo(?:u)?rhood|camp|countryside|outskirt|province|governorate|region|suburb)s?|"
    rf"(?:north|south|east|west)(?:-?(?:east|west))?|cent(?:er|re)|middle|vicinity|suburbs?|entrance|axis|heart)\s+of\s+(?:the\s+)?(?:(?:city|town|capital),?\s+(?:of\s+)?)?)?"
    rf"(?P<name>{_CAP}(?:\s+{_CAP})*)(?:'s)?"
    rf"(?P<tail>(?:\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?))?\s+(?:countryside|countrysides|province|governorate|outskirts|city|town|village|district|area|neighbo(?:u)?rhood|camp|desert|valley|plain|mountains?|suburbs?))?"
    rf"(?P<rel>,?\s+(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?(?:city\s+of\s+)?{_CAP}(?:\s+{_CAP})*)?")
#: Who holds a place is not part of its name: "the rebel-held town of Douma" → "the town of Douma".
_CONTROL = re.compile(r"^(?:the\s+)?(?:(?:cent(?:er|re)|middle|heart)\s+of\s+(?:the\s+)?)?(?:capital,?\s+|city\s+of\s+)"
                      r"|^(?:the\s+)?(?:cent(?:er|re)|middle|heart)\s+of\s+|^(?:central|downtown)\s+|^(?:Syria|Iraq|Turkey|Lebanon)['’]s\s+|\b(?:rebel|government|opposition|regime|ISIS|IS|SDF|Kurdish|Turkish|insurgent)-(?:held|controlled|run)\s+"
                      r"|\bbesieged\s+", re.I)
_EN_NOT_PLACE = {"Month", "Week", "Day", "Year", "Hours", "Days", "Weeks", "Months", "Operation", "Report", "Daily", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
                 "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
                 "Reuters", "AFP", "The", "A", "He", "She", "It", "They", "ISIS", "Islamic", "Russian", "Russia",
                 "Turkish", "US", "U.S.", "American", "SDF", "HTS", "Syrian", "Kurdish", "Washington", "Moscow"}


class _Stops:
    """Where the phrase starting at ``start`` stops: what ``_STOP_AR.search(text[start:start + _LOOKAHEAD])``
    gives, from one pass over the clause instead of one search per candidate start (a clause of 25,000
    trigger words has 25,000 starts: searched each time, that was minutes).

    Past the first character the slice and the whole text give the same context, so the answer is the
    first match of the whole-text pass after ``start``; the first character is matched on the slice
    itself (its lookbehind sees nothing there); a match of the pass overlapping ``start`` is searched for.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.matches = [(m.start(), m.end()) for m in _STOP_AR.finditer(text)]
        self.starts = [a for a, _ in self.matches]

    def first(self, start: int, rest: str) -> int | None:
        """Offset in ``rest`` (= text[start:start + _LOOKAHEAD]) of the first stop, or None."""
        if _STOP_AR.match(rest):
            return 0
        k = bisect.bisect_left(self.starts, start + 1)
        if k and self.matches[k - 1][1] > start + 1:  # a pass match straddles start: search for real
            m = _STOP_AR.search(self.text, start + 1, start + len(rest))
            return m.start() - start if m else None
        if k < len(self.starts) and self.matches[k][1] <= start + len(rest):
            return self.starts[k] - start
        return None


#: A short quoted name («تلة "جورة الماء"», «قرى “بيت فارس”»): its quotes do not end the phrase (same length kept).
_QUOTED_NAME = re.compile(r'["“”«»]([^"“”«»،,.;:؛\n|]{1,40})["“”«»]')


def _is_head(word: str) -> bool:
    """A place word (بلدة، مناطق، محيط …), with or without the article."""
    return bool(re.fullmatch(_HEAD_AR_RE, word[2:] if word.startswith("ال") else word))


def _find_arabic(text: str, blocked: list[tuple[int, int]], objects: list[int]) -> list[PlacePhrase]:
    folded = fold(text)
    work = list(folded.text)
    for a, b in blocked:  # offsets ascend: the folded range of [a, b) by bisection, not a scan per span
        i, j = bisect.bisect_left(folded.offsets, a), bisect.bisect_left(folded.offsets, b)
        work[i:j] = "|" * (j - i)
    work_text = _QUOTED_NAME.sub(lambda m: " " + m.group(1) + " ", "".join(work))  # «قرى "بيت فارس"»: the name
    stops = _Stops(work_text)
    starts: list[tuple[int, int, str, bool, bool]] = []  # (position, 0 = after a preposition, role, headed, coord)
    for m in _PREP_AR_RE.finditer(work_text):
        starts.append((m.end(), 0, _PREP_AR[m.group("prep")], False, False))
    for m in _CLITIC_HEAD_RE.finditer(work_text):
        starts.append((m.start("head"), 1, "at", True, False))
    for m in _BARE_HEAD_RE.finditer(work_text):
        starts.append((m.start(), 1, "at", True, False))
    for off in objects:  # the object of a transitive trigger: "حاصر دير الزور"
        i = bisect.bisect_left(folded.offsets, off)
        if i < len(folded.offsets):
            i += len(work_text[i:]) - len(work_text[i:].lstrip(" "))
            if not _PREP_AR_RE.match(work_text, i):  # "سيطرت على …": the preposition rule reads it
                starts.append((i, 1, "at", False, False))
    starts.sort()
    out: list[PlacePhrase] = []
    covered_until = -1
    headed_until = -1
    k = 0
    while k < len(starts):  # at one position the preposition's role wins ("باتجاه مدينة الرقة")
        start, _, role, headed, coord = starts[k]
        k += 1
        if start < headed_until or (start < covered_until and not headed):
            continue  # a place word (حي، بلدة…) inside an unheaded phrase, which may not be a place, is still tried
        rest = work_text[start:start + _LOOKAHEAD]  # a phrase is at most MAX_WORDS words: never read the whole rest
        stop = stops.first(start, rest)
        bar = rest.find("|")
        stop_at = min([x for x in (stop, bar if bar >= 0 else None) if x is not None],
                      default=len(rest))
        m_in = next((m for m in re.finditer(r"\s+في\s+", rest[:stop_at]) if not _IN_CONTINUES.match(rest[m.start():])),
                    None)
        if m_in is not None:  # "X في المدينة" ends X unless a place word follows في
            stop_at = m_in.start()
        end = start + stop_at
        phrase_folded = work_text[start:end].strip()
        if not phrase_folded:
            continue
        ws = phrase_folded.split()
        if len(ws) > MAX_WORDS:
            phrase_folded = " ".join(ws[:MAX_WORDS])
        end = start + len(work_text[start:end].rstrip()) if len(ws) <= MAX_WORDS else start + rest.find(
            phrase_folded) + len(phrase_folded)
        s = start + (len(work_text[start:end]) - len(work_text[start:end].lstrip()))
        if phrase_folded in _NOT_PLACE_AR or ws[0] in _NOT_PLACE_AR:
            continue
        if len(ws) > 1 and ws[0] in _ANAPHORS and re.match(r"^(?:بال|لل|بـ|ب)", ws[1]):
            ws = ws[:1]  # «البلدة بالمدفعية»: the town named before, then how
            end = s + len(ws[0]) if work_text[s:].startswith(ws[0]) else end
        core = [w for w in ws if w != "في"]
        if len(core) > 1 and core[-1] in _ANAPHORS and all(_is_head(w) for w in core[:-1]):
            # «مناطق في البلدة», «محيط البلدتين»: parts of the town named before, not a new place
            a, b = folded.span(s, end)
            out.append(PlacePhrase(role, text[a:b], (a, b), True, anaphor=_ANAPHORS[core[-1]]))
            covered_until = headed_until = end
            continue
        if all(_is_head(w) for w in ws):
            if len(ws) == 1 and ws[0] in _ANAPHORS:  # «البلدة»: the town the story named before
                a, b = folded.span(s, end)
                out.append(PlacePhrase(role, text[a:b], (a, b), True, anaphor=_ANAPHORS[ws[0]]))
                covered_until = headed_until = end
            continue  # "المدينة" alone: the city already named, not a new place
        is_headed = headed or bool(re.match(fold_pattern(rf"(?:ال)?{_HEAD_AR_RE}(?![\w])"), phrase_folded))
        a, b = folded.span(s, end)
        out.append(PlacePhrase(role, text[a:b], (a, b), is_headed, coord=coord))
        covered_until = end
        if is_headed:
            headed_until = end
        nxt = _COORD_AR.match(work_text, end)  # «في X وY» / «X وبلدة Y»: Y is a place of its own
        if nxt is not None and stop == stop_at:
            at = nxt.start("head") if nxt.group("head") else nxt.end()
            bisect.insort(starts, (at, 1, role, bool(nxt.group("head")), True))
    return out


_EN_AND = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+&\s+)(?:(?:in|on|at|near)\s+)?")


class _Spans:
    """Blocked spans merged and sorted once, so "is this offset / range blocked" is a bisection, not a
    scan of every span for every candidate phrase (quadratic on a long clause)."""

    def __init__(self, spans) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(sp for sp in spans if sp[0] < sp[1]):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def holds(self, at: int) -> bool:
        k = bisect.bisect_right(self.starts, at) - 1
        return k >= 0 and at < self.ends[k]

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end) - 1
        return k >= 0 and start < self.ends[k]


#: Longest English place phrase read (characters): a name is never longer, and the match never copies the rest.
_EN_PHRASE_CHARS = 400


def _find_english(text: str, blocked: list[tuple[int, int]]) -> list[PlacePhrase]:
    """Place phrases after a preposition or an attack/capture verb; "X and Y" gives one phrase each."""
    out: list[PlacePhrase] = []
    covered = -1
    spans = _Spans(blocked)
    for m in _EN_PREP.finditer(text):
        start = m.end()
        if start < covered or spans.holds(start):
            continue
        prep = m.group("prep").lower()
        role = "origin" if prep == "from" else "destination" if prep in ("to", "into", "towards", "toward") else "at"
        first = True
        while True:
            pm = _EN_PHRASE.match(text[start:start + _EN_PHRASE_CHARS])
            if not pm or pm.group("name").split()[0] in _EN_NOT_PLACE:
                break
            end = start + pm.end()
            if spans.overlaps(start, end):
                break
            if first and prep == "of" and not (pm.group("head") or pm.group("tail")):
                break
            headed = bool(pm.group("head") or pm.group("tail") or pm.group("dir"))
            out.append(PlacePhrase(role, text[start:end], (start, end), headed, coord=not first))
            covered = end
            first = False
            more = _EN_AND.match(text[end:end + _EN_PHRASE_CHARS])  # "clashes in Aziza and al-Sakhur"
            if not more:
                break
            start = end + more.end()
    return out


def find_place_phrases(text: str, *, blocked: list[tuple[int, int]] = (), arabic: bool = True,
                       objects: list[int] = ()) -> list[PlacePhrase]:
    """Candidate place phrases in a clause with their role.

    ``blocked`` spans (dates, actors, counts, triggers) end a phrase; ``objects`` are offsets where
    a transitive trigger's object starts ("حاصر دير الزور"), tried as places too (Arabic).
    """
    return _find_arabic(text, list(blocked), list(objects)) if arabic else _find_english(text, list(blocked))


def _admin_fields(res: Resolution) -> dict:
    place = res.place or (res.area.anchor if res.area is not None else None)
    if place is None:
        return {}
    out = {}
    admin1 = place.admin1
    if admin1 is None and place.kind is PlaceKind.GOVERNORATE:
        out.update(admin1_pcode=place.pcode, admin1_en=place.name_en, admin1_ar=place.name_ar)
    elif admin1 is not None:
        out.update(admin1_pcode=admin1.pcode, admin1_en=admin1.name_en, admin1_ar=admin1.name_ar)
    if place.admin2 is not None:
        out["admin2_pcode"] = place.admin2.pcode
    elif place.kind is PlaceKind.DISTRICT:
        out["admin2_pcode"] = place.pcode
    if place.admin3 is not None:
        out["admin3_pcode"] = place.admin3.pcode
    elif place.kind is PlaceKind.SUBDISTRICT:
        out["admin3_pcode"] = place.pcode
    return out


def resolution_to_place(res: Resolution, as_written: str) -> tuple[Place, tuple[str, ...]]:
    """Gazetteer answer → events Place (+ warnings). Only a RESOLVED answer gets coordinates."""
    if res.status is not ResolutionStatus.RESOLVED or res.lat is None:
        if res.status is ResolutionStatus.AMBIGUOUS and res.candidates:
            names = ", ".join(f"{c.place.name_en} ({c.place.pcode})" for c in res.candidates[:3])
            return Place(as_written), (f"place ambiguous: '{as_written}' could be {names}; choose in review",)
        return Place(as_written), (f"place unresolved: '{as_written}' is not in the gazetteer; locate it in review",)
    area, place = res.area, res.place
    anchor = place or (area.anchor if area is not None else None)
    name_en = place.name_en if place is not None else (area.label_en if area is not None else "")
    name_ar = place.name_ar if place is not None else (area.label_ar if area is not None else "")
    radius = res.radius_km if res.radius_km else None
    result = Place(as_written=as_written, lat=round(res.lat, 6), lon=round(res.lon, 6), precision=res.precision,
                   name_en=name_en, name_ar=name_ar, pcode=anchor.pcode if anchor is not None else "",
                   radius_km=round(radius, 1) if radius is not None else None,
                   area_wkt=area.geometry_wkt if area is not None else None, **_admin_fields(res))
    warnings: list[str] = []
    if res.precision is not None and res.precision is not Precision.POINT:
        label = (area.label_en if area is not None and area.label_en else name_en) or as_written
        extent = f", within {result.radius_km:g} km" if result.radius_km else ""
        warnings.append(f"place is an area: {label} ({res.precision.value}{extent})")
    if res.note and "conflict" in res.note:
        warnings.append("place check: " + res.note[res.note.index("conflict"):])
    return result, tuple(warnings)


def resolve_place(phrase: PlacePhrase, gazetteer: Gazetteer, *, context: str,
                  depth: int = 0) -> tuple[Place, tuple[str, ...]] | None:
    """Resolve one phrase; None when an unheaded phrase is not a known place (so it was not a place)."""
    text = _CONTROL.sub("", " ".join(re.sub(r'["“”«»]', " ", phrase.query or phrase.text).split()))
    folded = fold(text)
    tail = _COUNTRY_TAIL.search(folded.text)
    if tail and tail.start() > 0 and depth == 0:  # «حي في وسط مدينة حلب في شمال سورية»: the country adds nothing
        cut = text[:folded.span(tail.start(), tail.end())[0]].strip()
        shorter = resolve_place(PlacePhrase(phrase.role, cut, phrase.span, phrase.headed), gazetteer,
                                context=context, depth=1)
        if shorter is not None and shorter[0].located:
            return Place(**{**shorter[0].__dict__, "as_written": phrase.text}), shorter[1]
    res = gazetteer.resolve(text, context=context)
    if res.status is not ResolutionStatus.RESOLVED:
        for shorter in _fallbacks(text):
            alt = gazetteer.resolve(shorter, context=context)
            if alt.status is ResolutionStatus.RESOLVED:
                res = alt
                break
    if res.status is not ResolutionStatus.RESOLVED and phrase.headed and re.match(r"^\s*(?:ال)?حي\s", fold_text(text)):
        located = _neighbourhood(text, gazetteer, context)
        if located is not None:
            return located
    if res.status is not ResolutionStatus.RESOLVED and not phrase.headed:
        return None
    return resolution_to_place(res, phrase.text)


_PART_OF = re.compile(r"^(?:the\s+)?(?:(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|central|old)(?:,?\s+(?:and\s+)?)?)*"
                      r"(?:neighbo(?:u)?rhoods?|outskirts?|suburbs?|vicinity|cent(?:er|re)|middle|heart|entrance|towns?|villages?|city|"
                      r"areas?|parts?)\s+of\s+(?:the\s+)?(?:(?:city|town|capital),?\s+(?:of\s+)?)?(?P<town>[A-Z].*)$")


_COUNTRYSIDE_OF = re.compile(r"^(?:the\s+)?(?:(?P<dir>(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)\s+)?countrysides?\s+of\s+"
                             r"(?:the\s+)?(?P<name>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)$")
_CAPITAL = re.compile(r"\b(?:the\s+)?capital,?\s+(?=[A-Z])")


def _fallbacks(text: str) -> list[str]:
    """Shorter queries: "X في محافظة Y" → "X"; "X شرق سوريا" → "X"."""
    out = []
    folded = fold_text(text)
    m = re.search(fold_pattern(rf"\s+في\s+(?:ال)?{_HEAD_AR_RE}\s"), folded)
    if m:
        out.append(text[:m.start()].strip())
    m = _COUNTRY_TAIL.search(folded)
    if m and m.start() > 0:
        out.append(text[:m.start()].strip())
    m = _PART_OF.match(text)  # "the eastern neighbourhoods of Aleppo", "towns of Saqba": the town itself
    if m:
        out.append(m.group("town"))
    m = _COUNTRYSIDE_OF.match(text)  # "the southern countryside of Idlib" → "southern Idlib countryside"
    if m:
        out.append(" ".join(x for x in (m.group("dir"), m.group("name"), "countryside") if x))
    if _CAPITAL.search(text):  # "south of the capital Damascus" → "south of Damascus"
        out.append(_CAPITAL.sub("", text))
    m = re.search(r",?\s+(?:in|of)\s+(?:the\s+)?(?:[A-Z]\w+\s+)?(?:province|governorate|countryside)\b.*$", text)
    if m and m.start() > 0:
        out.append(text[:m.start()].strip())
    m = re.search(r",?\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?)\s+of\s+.*$", text)
    if m and m.start() > 0:  # "al-Rai town northeast of Aleppo" → "al-Rai town"
        text = text[:m.start()].strip()
        out.append(text)
    m = re.search(r"\s+(?:neighbo(?:u)?rhood|village|town|city|suburb|area|district|camp)$", text)
    if m and m.start() > 0:  # "Hutah village" → "Hutah"
        out.append(text[:m.start()].strip())
    return [o for o in out if o]


def _neighbourhood(text: str, gazetteer: Gazetteer, context: str) -> tuple[Place, tuple[str, ...]] | None:
    """"حي الرميلة في مدينة الرقة" / "حي درعا البلد" → the city with NEAR precision: the quarter is inside it.

    Tries the city named after في first, then leading words of the quarter's own name, and accepts only
    a gazetteer CITY (a village sharing a word with the quarter must not capture it).
    """
    words_ = text.split()
    queries = []
    m = re.search(fold_pattern(r"\s+في\s+"), fold_text(text))
    if m:
        after = fold_text(text)[m.end():]
        queries.append(after)
        core = re.sub(fold_pattern(r"^(?:(?:وسط|شمال|جنوب|شرق|غرب|قلب)\s+)+"), "", after)
        if core != after:  # «حي شعبي في وسط مدينة حلب»: in the centre of the city, so in the city
            queries.append(core)
        words_ = fold_text(text)[:m.start()].split()
    name_words = words_[1:]
    queries += [" ".join(name_words[:n]) for n in range(len(name_words) - 1, 0, -1)]
    for query in queries:
        res = gazetteer.resolve(query, context=context)
        if (res.status is ResolutionStatus.RESOLVED and res.place is not None and res.precision is Precision.POINT
                and res.place.kind is PlaceKind.CITY):
            place, _ = resolution_to_place(res, text)
            place = Place(**{**place.__dict__, "precision": Precision.NEAR, "radius_km": 3.0})
            return place, (f"place is an area: neighbourhood '{text}' is not in the gazetteer; placed in "
                           f"{res.place.name_en} ({res.place.pcode}), within 3 km",)
    return None
