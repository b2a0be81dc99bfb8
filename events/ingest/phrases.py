"""Place phrases in a clause: where a place is written, before anyone asks the gazetteer what it is.

Why this is its own module: finding a phrase is the grammar of a report (من … إلى … marks origin and
destination of a movement, في/على/قرب the location, a qualifier like بلدة/ريف starts a place, «و»
joins a second place of its own event, verbs and prepositions end a phrase), and it needs no
gazetteer; ``events.ingest.places`` turns the phrases into Places. A phrase is kept whole
("المنطقة التابعة لبلدة الطريف في ريف مدينة دير الزور الشمالي الغربي") so relative places become
areas, not pins.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from events.ingest.datewords import NUMBER_WORD_RE
from events.ingest.normalize import fold, fold_pattern, fold_text

MAX_WORDS = 14
#: Characters read after a phrase's start (MAX_WORDS generous words): bounds the work per candidate start.
_LOOKAHEAD = 40 * MAX_WORDS


def rc(pattern: str) -> re.Pattern[str]:
    """A pattern compiled for folded text (the same folding as the clause it reads)."""
    return re.compile(fold_pattern(pattern))


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
    reference: bool = False  # right after «X قرب/بالقرب من»: where X lies, not a place of its own event


_HEADS_AR = ("منطقة", "المنطقة", "بلدة", "قرية", "مدينة", "محافظة", "ريف", "حي", "مخيم", "ناحية", "بلدات", "قرى",
             "شمال", "جنوب", "شرق", "غرب", "وسط", "اطراف", "محيط", "مناطق", "ارياف",
             "بلدتي", "قريتي", "مدينتي", "حيي", "مطار", "مطاري", "معسكر", "معسكري", "جبل", "تلة", "سهل", "حقل", "سجن",
             "أحياء", "أماكن", "ولاية", "قضاء")
#: Dual heads ("the two towns of X and Y"): the first name is read with the singular head, the second as «وY».
DUAL_HEADS = {fold_text(a): fold_text(b) for a, b in (("بلدتي", "بلدة"), ("قريتي", "قرية"), ("مدينتي", "مدينة"),
                                                     ("حيي", "حي"), ("مطاري", "مطار"), ("معسكري", "معسكر"),
                                                     ("أحياء", "حي"))}
HEAD_AR_RE = "(?:" + "|".join(sorted({fold_text(h) for h in _HEADS_AR}, key=len, reverse=True)) + ")"
_PREP_AR = {"من": "origin", "الي": "destination", "نحو": "destination", "باتجاه": "destination", "في": "at",
            "علي": "at", "قرب": "at", "بالقرب من": "at", "داخل": "at", "عند": "at", "بين": "at", "حول": "at",
            "استهدف": "at", "استهدفت": "at"}
#: After «حول»: a place word («حول مدينة X») or a list of names («حول الحسكة وحلب وكوباني»).
_AROUND_PLACES = rc(rf"(?:(?:ال)?{HEAD_AR_RE}(?![\w])|\w+\s+و\w+)")
#: «نحو» before a number is "about" («أصيب نحو مائة»), not "towards".
_ABOUT_NUMBER = NUMBER_WORD_RE + r"|مائة|مئة|مئات|الف|الاف|عشرات|نصف|ثلث|ربع"
#: A glued «و/ف» ("and in", «وفي حور النهر») starts a place as the bare preposition does (not «ومن»: "and among").
#: «كل من» after it opens a list ("in each of X, Y and Z"): the names start after it.
_PREP_AR_RE = rc(r"(?<![\w])(?:(?P<prep>بالقرب من|باتجاه|الى|نحو(?!\s+(?:\d|" + _ABOUT_NUMBER + r"))|من|في|على|قرب|داخل|عند|"
                 r"حول|استهدف|استهدفت)|[وف](?P<gprep>بالقرب من|في|على|قرب|داخل|عند|حول))\s+(?P<each>كل\s+من\s+)?")
_CLITIC_HEAD_RE = rc(rf"(?<![\w])(?P<prep>[بل])(?P<head>{HEAD_AR_RE})(?![\w])")
_BARE_HEAD_RE = rc(rf"(?<![\w])(?:ال)?(?:بلدة|قرية|مدينة|حي|مخيم|ريف|بلدات|قرى|بلدتي|قريتي|مدينتي|حيي|مطار|معسكر|احياء)(?![\w])")
_STOP_AR = rc(r"[،,.;:؛\"«»()\n?!؟]|(?<![\w])ل(?=\s|[«\"“])|(?<![\w])(?:الى|خلال|منذ|يوم|بعد|قبل|حيث|التي|الذي|الذين|ما|مما|عبر|ضد|بينما|"
                      r"برفقة|بسبب|اثر|لمدة|بحسب|حسب|وفق|فيما|قد|على\s+متن|من\s+اجل|من\s+قبل|اضافة|بالاضافة|في\s+حين|بهدف|بغية|"
                      r"عن|مع|لدى|حتى|عندما|حينما|بينهم|بينهن|منها|فيها|عليها|اليها|ضمن|امام|خلف|تجاه|الواقعة|الواقع|الخاضعة|الخاضع|المحاصرة|المحاصر|لم|لن|نصرة|"
                      r"قرب|بالقرب|التابعة\s+لل\w+|اليوم|امس|جراء|نتيجة|يقعان|تقعان|الواقعين|الواقعتين|اللتين|اللذين|"
                      r"الموالية|الموالي|المواليتين|الموالين|المؤيدة|المعارضة\s+ل|تشرف|يشرف|المقابلة|المقابل|المحاذية|المحاذي|"
                      r"(?:ب|ل|لل)(?:ال)?(?:صواريخ|صاروخ|قذائف|قذيفة|مدفعية|براميل|برميل|طيران|طائرات|رشاشات|اسلحة|هاون|غارات|غارة|"
                      r"عبوة|عبوات|سيارة|سيارات|دبابات|مروحيات)\w*|"
                      r"ادى|ادت|اسفر|اسفرت|اسفرا|قتل|قتلت|اصيب|اصيبت|سقط|سقطت|شن|شنت|تسبب|تسببت|اوقع|اوقعت|قال|قالت|"
                      r"افاد|افادت|اكد|اكدت|ذكر|ذكرت|يسيطر|تسيطر|يقع|تقع|كان|كانت|تم|بات|باتت|اصبح|اصبحت|جاء|جاءت|ياتي|تاتي|"
                      r"ضربت|طالت|دمرت|اصابت|"  # not «دمر» (Dummar) nor «ضرب» alone
                      # «… لليوم العشرين على التوالي», «… تزامنا مع», «… على الرغم من», «… يلي السيطرة»: never a place word
                      r"لليوم|بفعل|تزامنا|بالتزامن|على\s+الرغم|رغم|يلي|تلته|تليه|لعقد|لقطع|"
                      r"و(?!ريف|ريفها|سط(?![\w]))[\w]+)(?![\w])")
# «… وقرية Y» / «X، وY»: Y is a place of its own; not «بريفي حلب الشرقي والشمالي الشرقي» (a second direction of the same countryside)
_COORD_AR = rc(rf"\s*(?P<comma>[،,]\s*)?و(?!سط(?![\w]))(?!(?:فقا?|فق|حدات|حدة|ذلك|قد|كان|كانت|لا|لم|هو|هي)(?![\w]))(?!ال(?:شمال|جنوب|شرق|غرب)ي)(?:في\s+|على\s+|ب(?=ال|{HEAD_AR_RE}))?(?P<head>(?:ال)?{HEAD_AR_RE}\s+)?(?=\w)")
_IN_CONTINUES = rc(rf"^\s*في\s+(?:ال)?{HEAD_AR_RE}(?![\w])(?!\s*(?:$|[،,.;:؛\n]))")
_NOT_PLACE_AR = {fold_text(w) for w in ("أصول", "أجل", "جهته", "جهتها", "نوعها", "التنظيم", "المستوى", "خلفية",
                                        "بينهم", "بينها", "ذلك", "هذه", "هذا", "قبل", "خلال", "عدد", "نهاية", "الجبهات",
                                        "المناطق الآمنة", "متن", "مقتل", "إصابة", "اصابة", "جرح", "سقوط", "تدمير", "نزوح", "استهداف", "قصف",
                                        "حدوث", "وقوع", "اندلاع", "سيطرة", "السيطرة", "حصار", "مواجهة", "جانب", "عمق", "جهة", "طرف", "الطرفين",
                                        # people by rank or role, not places («قتل عقيد في …»)
                                        "عقيد", "العقيد", "عميد", "العميد", "رائد", "الرائد", "نقيب", "النقيب",
                                        "ملازم", "الملازم", "ضابط", "الضابط", "قائد", "القائد", "حربية", "الحربية", "حربي", "الحربي", "أن", "أنه", "إن", "مواقعه", "مواقع", "الاستجواب", "جانب", "روسيا", "واشنطن",
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
                                        "جوية", "الجوية", "جوي", "الجوي", "عنيفة", "عنيف", "مكثفة", "مكثف", "متفرقة",
                                        # «على التوالي», «على الرغم من», «على الفور»: adverbs after «على» (not «على
                                        # الأقل»: «محاولتين على الأقل لاقتحام وسط X» still reaches its place)
                                        "التوالي", "الرغم", "الفور", "الارجح", "الأرجح",
                                        # what a strike left, not where («أدى إلى دمار كبير», «أضرار مادية»)
                                        "دمار", "الدمار", "أضرار", "الأضرار", "خسائر", "الخسائر")}
#: «مناطق نفوذها», «المنطقة من قوات المعارضة», «مناطق أكثر أهمية»: an area noun whose next word is no name
#: (a noun owned by a pronoun, a preposition, a quantity or comparison) names no place.
_AREA_NOUNS = {fold_text(w) for w in ("منطقة", "المنطقة", "مناطق", "المناطق")}
_NO_NAME_AFTER_AREA = {fold_text(w) for w in ("من", "أكثر", "أخرى", "اخرى", "عدة", "واسعة", "كثيرة", "مختلفة",
                                              "متفرقة", "عديدة", "كبيرة", "قريبة", "بعيدة", "تابعة", "خاضعة")}
_OWNED = re.compile(r"(?!ال|نفس|ذات)\w{3,}(?:ها|هم|هما)")   # «نفوذها», «سيطرتهم»; not «نفسها» (the place just named), nor a bare ـه (names end so)
#: «المدينة/البلدة/القرية» alone: the city/town/village the story named before; the duals «القريتين»
#: («the two villages») the pair named before — or, with no pair named, the town of that name (locate.py).
_ANAPHORS = {fold_text(w): k for w, k in (("المدينة", "city"), ("البلدة", "town"), ("القرية", "village"),
                                          ("المدينتين", "city"), ("البلدتين", "town"), ("القريتين", "village"))}
_CAP = r"(?:[A-Z][\w'’\-]*|al-\w+|el-\w+|ad-\w+|as-\w+|ar-\w+)"
_EN_PREP = rc(r"\b(?P<prep>(?i:from|to|into|towards|toward|in|at|near|outside|around|on|across|of|over|inside|within|"
              r"hit|hits|struck|targeted|targets?|targeting|shelled|shells?|shelling|bombed|bombs?|bombard(?:s|ed)?|"
              r"raid(?:s|ed)?|rock(?:s|ed)|pound(?:s|ed)?|storm(?:s|ed)?|besieges?|recaptured|captured|seized|"
              r"retook|besieged|stormed|attacked|attacks?|downtown|enter(?:s|ed)?|recaptures?|captures?|seizes?|"
              r"massacre\s+(?:in|of)|advance(?:s|d)?\s+(?:in|on|into|towards|toward|to)|"
              r"(?:take|takes|took|taking|seize|seizes|seized|regain|regains|regained)\s+(?:full\s+)?control\s+(?:of|over)|"
              r"control(?:s|led)?\s+(?:of|over)?|takeover\s+(?:of|over)|the\s+vicinity\s+of|the\s+outskirts\s+of|"
              r"the\s+(?:center|centre|middle)\s+of))\s+")
_EN_PHRASE = rc(
    rf"^(?:the\s+)?(?:(?:rebel-held|government-held|opposition-held|ISIS-held|besieged|capital)\s+)?"
    rf"(?:(?P<dir>(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?:(?:,\s+|\s+and\s+)(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)*|central|rural|old|downtown)\s+)?"
    rf"(?:(?P<head>(?:town|village|city|area|district|neighbo(?:u)?rhood|camp|countryside|outskirt|province|governorate|region|suburb)s?|"
    rf"(?:north|south|east|west)(?:-?(?:east|west))?|cent(?:er|re)|middle|vicinity|suburbs?|entrance|axis|heart)\s+of\s+(?:the\s+)?(?:(?:city|town|capital),?\s+(?:of\s+)?)?)?"
    rf"(?P<name>{_CAP}(?:\s+{_CAP})*)(?:'s)?"
    rf"(?P<tail>(?:\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?))?\s+(?:countryside|countrysides|province|governorate|outskirts|city|town|village|district|area|neighbo(?:u)?rhood|camp|desert|valley|plain|mountains?|suburbs?))?"
    rf"(?P<rel>,?\s+(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?(?:city\s+of\s+)?{_CAP}(?:\s+{_CAP})*)?")
_EN_NOT_PLACE = {"Month", "Week", "Day", "Year", "Hours", "Days", "Weeks", "Months", "Operation", "Report", "Daily", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
                 "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
                 "Reuters", "AFP", "The", "A", "He", "She", "It", "They", "ISIS", "Islamic", "Russian", "Russia",
                 "Turkish", "US", "U.S.", "American", "SDF", "HTS", "Syrian", "Kurdish", "Washington", "Moscow"}


_DUAL_ANAPHORS = {w for w in _ANAPHORS if w.endswith("ين")}
#: «مدينة القريتين», «بلدة القريتين»: one town named with a dual word is that town (al-Qaryatayn), not the pair
#: (the word before it is a bare head noun: ``_is_head`` lets no clitic through).
_ONE_SETTLEMENT = {fold_text(w) for w in ("مدينة", "بلدة", "قرية")}
#: «المنطقة نفسها / ذاتها», «نفس / ذات المنطقة» (and the town, city, village): the place the story just named.
_PLACE_NOUN = r"(?:المنطقة|المكان|الموقع|المدينة|البلدة|القرية)"
_SAME = r"(?:نفسها|نفسه|ذاتها|ذاته)"
_SAME_PLACE = rc(rf"(?:(?P<noun>{_PLACE_NOUN})\s+{_SAME}|(?:نفس|ذات)\s+(?P<noun2>{_PLACE_NOUN}))(?![\w])")
_IN_SAME_PLACE = rc(rf"(?<![\w])في\s+(?P<same>{_PLACE_NOUN}\s+{_SAME}|(?:نفس|ذات)\s+{_PLACE_NOUN})(?![\w])")


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


#: What stands between a list item and a glued «وفي» that continues the list: spaces and a comma.
_LIST_GAP = re.compile(r"[\s،,]*")
#: Between a place and its reference place: «X قرب Y», «X بالقرب من Y», «X (جنوب) قرب الحدود مع Y», «X المحاذية لY».
_REFERENCE_GAP = rc(r"[\s،,]*(?:\([^()|]{0,20}\)\s*)?(?:(?:بالقرب\s+من|قرب)(?:\s+(?:ال)?حدود\s+مع)?"
                    r"|(?:على|عند)\s+(?:ال)?حدود\s+مع|(?:ال)?محاذي(?:ة)?\s+ل"
                    r"|(?:ال)?واقع(?:ة)?\s+على\s+بعد\s+[^،,.|]{1,30}?\s+(?:من|عن)"
                    # «سروج، التي تقابل بلدة عين العرب», «التي تقع على بعد عشرة كيلومترات من Y», «المقابلة لY»
                    r"|(?:التي|الذي)\s+(?:تقابل|يقابل|(?:تقع|يقع)\s+(?:قرب|على\s+بعد\s+[^،,.|]{1,30}?\s+(?:من|عن))|(?:تبعد|يبعد)\s+[^،,.|]{1,30}?\s+عن)"
                    r"|(?:ال)?مقابل(?:ة)?\s+ل)\s*")
#: «بين» just before a phrase: its «وY» is the other end of the same stretch.
_BETWEEN = rc(r"(?<![\w])بين\s+$")
#: A short quoted name («تلة "جورة الماء"», «قرى “بيت فارس”»): its quotes do not end the phrase (same length kept).
_QUOTED_NAME = re.compile(r'["“”«»]([^"“”«»،,.;:؛\n|]{1,40})["“”«»]')


def _is_head(word: str) -> bool:
    """A place word (بلدة، مناطق، محيط …), with or without the article."""
    return bool(re.fullmatch(HEAD_AR_RE, word[2:] if word.startswith("ال") else word))


#: What may stand just before a quoted place name: a head noun, a preposition or a trigger (blocked to "|": «قرى
#: "بيت فارس"», «في "برغيدة"», «قصفت "برغيدة"»), glued clitics included. After any other word the quote is something else: «… في ريف دمشق «الشرق الأوسط»» is
#: the newspaper the speaker told, and its quotes end the place phrase.
_BEFORE_QUOTED_NAME = rc(rf"(?:(?<![\w])(?:[وفبل]|وب|وال|بال|ال)?{HEAD_AR_RE}|(?<![\w])[وف]?(?:في|على|من|قرب|الى|نحو|داخل|عند|ب|و)|\|)\s*$")


def _unquoted(m: re.Match, text: str) -> str:
    if _BEFORE_QUOTED_NAME.search(text, max(0, m.start() - 30), m.start()):
        return " " + m.group(1) + " "
    return m.group(0)


def _find_arabic(text: str, blocked: list[tuple[int, int]], objects: list[int]) -> list[PlacePhrase]:
    folded = fold(text)
    work = list(folded.text)
    for a, b in blocked:  # offsets ascend: the folded range of [a, b) by bisection, not a scan per span
        i, j = bisect.bisect_left(folded.offsets, a), bisect.bisect_left(folded.offsets, b)
        work[i:j] = "|" * (j - i)
    joined = "".join(work)
    work_text = _QUOTED_NAME.sub(lambda m: _unquoted(m, joined), joined)  # «قرى "بيت فارس"»: the name
    stops = _Stops(work_text)
    starts: list[tuple[int, int, str, bool, bool]] = []  # (position, 0 = after a preposition, role, headed, coord)
    glued: dict[int, int] = {}  # start of a «وفي X» phrase → where its «و» is (a place of its own after a list item)
    lists: set[int] = set()     # starts of the items of a «في كل من X، وY» list (a comma and «و» go on with it)
    for m in _PREP_AR_RE.finditer(work_text):
        prep = m.group("prep") or m.group("gprep")
        if prep == "حول" and not _AROUND_PLACES.match(work_text, m.end()):
            continue   # «حول» is also "about" («حول الدجاج الانتحاري»): only a place word or a list of names after it
        starts.append((m.end(), 0, _PREP_AR[prep], False, False))
        if m.group("gprep"):
            glued[m.end()] = m.start()
        if m.group("each"):
            lists.add(m.end())
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
    last_end = -1       # where the last phrase ended (folded offsets)
    last_listed = False  # the last phrase is an item of a «كل من» list
    k = 0
    while k < len(starts):  # at one position the preposition's role wins ("باتجاه مدينة الرقة")
        start, _, role, headed, coord = starts[k]
        k += 1
        if start in glued and last_end >= 0 and _LIST_GAP.fullmatch(work_text, last_end, glued[start]):
            coord = True   # «صوران، وباب الليمون، وفي حور النهر»: the next item of the list
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
        if (len(ws) > 1 and ws[0] in _AREA_NOUNS and (ws[1] in _NO_NAME_AFTER_AREA or _OWNED.fullmatch(ws[1]))
                and "في" not in ws[2:]):
            continue   # («ومناطق أخرى في جبل التركمان» still names its place after «في»)
        same = _SAME_PLACE.match(phrase_folded)
        inner = None if same is not None else _IN_SAME_PLACE.search(phrase_folded)
        if inner is not None:  # «اشتباكات في المنطقة نفسها»: the words before «في» are no place
            s += inner.start("same")
            same = _SAME_PLACE.match(phrase_folded[inner.start("same"):])
        if same is not None:  # «المنطقة نفسها», «البلدة ذاتها», «نفس المنطقة»: the place just named
            a, b = folded.span(s, s + same.end())
            out.append(PlacePhrase(role, text[a:b], (a, b), True,
                                   anaphor=_ANAPHORS.get(same.group("noun") or same.group("noun2"), "any")))
            covered_until = headed_until = last_end = s + same.end()
            continue
        if len(ws) > 1 and ws[0] in _ANAPHORS and re.match(r"^(?:بال|لل|بـ|ب)", ws[1]):
            ws = ws[:1]  # «البلدة بالمدفعية»: the town named before, then how
            end = s + len(ws[0]) if work_text[s:].startswith(ws[0]) else end
        core = [w for w in ws if w != "في"]
        if (len(core) > 1 and core[-1] in _ANAPHORS and all(_is_head(w) for w in core[:-1])
                and not (core[-1] in _DUAL_ANAPHORS and core[-2] in _ONE_SETTLEMENT)):
            # «مناطق في البلدة», «محيط البلدتين»: parts of the town named before, not a new place
            a, b = folded.span(s, end)
            out.append(PlacePhrase(role, text[a:b], (a, b), True, anaphor=_ANAPHORS[core[-1]]))
            covered_until = headed_until = last_end = end
            continue
        if all(_is_head(w) for w in ws) or (len(ws) == 1 and ws[0] in _DUAL_ANAPHORS):
            if len(ws) == 1 and ws[0] in _ANAPHORS:  # «البلدة»: the town the story named before
                a, b = folded.span(s, end)
                out.append(PlacePhrase(role, text[a:b], (a, b), True, anaphor=_ANAPHORS[ws[0]]))
                covered_until = headed_until = last_end = end  # «في البلدة التي تقابل Y»: Y is its reference
            continue  # "المدينة" alone: the city already named, not a new place
        is_headed = headed or bool(re.match(fold_pattern(rf"(?:ال)?{HEAD_AR_RE}(?![\w])"), phrase_folded))
        a, b = folded.span(s, end)
        # «صوران بالقرب من مدينة أعزاز»: a place near which the phrase before lies, not a target of its own
        reference = last_end >= 0 and bool(_REFERENCE_GAP.fullmatch(work_text, last_end, s))
        out.append(PlacePhrase(role, text[a:b], (a, b), is_headed, coord=coord, reference=reference))
        if reference and last_listed:
            lists.add(start)   # «في كل من X بالقرب من Y، وZ»: the list goes on after X's reference place
        covered_until = last_end = end
        last_listed = start in lists
        if is_headed:
            headed_until = end
        nxt = _COORD_AR.match(work_text, end)  # «في X وY» / «X وبلدة Y»: Y is a place of its own
        if nxt is not None and nxt.group("comma") and not nxt.group("head") and start not in lists:
            nxt = None   # «X، ونقلتهم»: after a comma only a place word or a list goes on with a place
        if nxt is not None and stop == stop_at:
            at = nxt.start("head") if nxt.group("head") else nxt.end()
            # «بين مدينة X وقرية Y»: the two ends of one stretch (a road, a bridge, a front), not two targets
            own = not _BETWEEN.search(work_text, max(0, s - 8), s)
            bisect.insort(starts, (at, 1, role, bool(nxt.group("head")), own))
            if start in lists:
                lists.add(at)
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
