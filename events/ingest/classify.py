"""Stage 2, classify: is a candidate an incident, or context around incidents?

Why: real reporting surrounds incidents with running totals ("since September
2014 the coalition has killed …"), descriptions of who holds an area ("the area
that IS holds"), history, analysts' speculation and events in Iraq or Lebanon.
Only an ``incident`` becomes a draft event; every other class stays visible to
the reviewer as a context Note with its sentence.

Rules (on the clause; each one small and tested alone):
- ``control``   — a territory word that describes control, not a change of it: a relative clause
                  or a present-tense verb («التي يسيطر عليها», «الخاضعة لسيطرة», «تحت سيطرة»,
                  "held by", "under the control of", "IS-held");
- ``aggregate`` — a total over more than a month: a "since <month/year>" date with a count,
                  a span over 31 days with a count, or total words («حصيلة», «إجمالي», "in total",
                  "so far") over such a span;
- ``background``— a stated date that ended more than two weeks (OLD_NEWS_DAYS) before publication, history
                  words («في عام 2013», «سبق أن», "in 2013", "previously"), or an undated pluperfect («وكان … قد»);
- ``analysis``  — speculation or intent («من المتوقع», «ربما», «يرجح», «تستعد», "could",
                  "may", "expected to", "analysts"); a verb of judgement in a relative clause describes
                  a thing, not an opinion on the news («برغيدة التي تعتبر خط مواجهة», "which is seen as");
- ``background`` also — a clause that opens by describing a place («وتقع X على تلة …», «وتعد X النقطة
                  الأقرب إلى …»): where a place lies or what it is; the fighting it mentions is the setting;
- ``outside_syria`` — the place phrase names a foreign place (gazetteer.foreign) or the clause
                  places the event in a neighbouring country and names no Syrian place.
"""
from __future__ import annotations

import bisect
import re
from datetime import date, timedelta

from events.ingest.normalize import fold, fold_pattern
from events.model import DatePrecision, EventType


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile(fold_pattern(r"(?<![\w])(?:" + "|".join(patterns) + r")(?![\w])"))


#: Control, not a change of control (checked just before a territory trigger, and on the trigger itself).
CONTROL_BEFORE = _rx(r"التي", r"الذي", r"الذين", r"اللتين", r"الخاضعة\s+(?:ل)?", r"الخاضع\s+(?:ل)?", r"الواقعة\s+تحت",
                     r"تحت", r"الواقع\s+تحت", r"ما\s+زال", r"لا\s+يزال", r"لا\s+تزال", r"ما\s+زالت", r"مناطق", r"المناطق")
CONTROL_TRIGGER = _rx(r"[ويت]?(?:يسيطر|تسيطر)\w*", r"(?:ل)?سيطرت(?:ه|ها|هم)", r"(?:ال)?مسيطر\w*", r"held", r"controlled\s+by",
                      r"under\s+(?:the\s+)?control", r"controls", r"holds?", r"-held")
CONTROL_CONTEXT = _rx(r"held\s+by", r"under\s+(?:the\s+)?(?:full\s+)?control\s+of", r"controlled\s+by", r"[a-z]+-held",
                      r"تحت\s+سيطرة", r"الخاضعة\s+لسيطرة", r"الواقعة\s+تحت\s+سيطرة", r"مناطق\s+سيطرة", r"مناطق\s+نفوذ")
AGGREGATE = _rx(r"حصيلة", r"اجمالي", r"مجموع", r"بلغ\s+عدد", r"ارتفع\s+عدد", r"in\s+total", r"so\s+far", r"death\s+toll",
                r"a\s+total\s+of", r"منذ\s+(?:بدء|بداية|انطلاق)", r"since\s+(?:the\s+)?(?:start|beginning)")
#: A count over fighting that goes on (not one incident's toll, which «ارتفعت حصيلة» updates).
RUNNING = _rx(r"(?:ال)?متواصلة", r"(?:ال)?مستمرة", r"اجمالي", r"مجموع", r"in\s+total", r"so\s+far", r"ongoing", r"a\s+total\s+of",
              r"منذ\s+(?:بدء|بداية|انطلاق)", r"since\s+(?:the\s+)?(?:start|beginning)")
_W = r"[وف]?"  # «و/ف» glued to the cue word
HISTORY = _rx(_W + r"سبق\s+(?:ان|و)", _W + r"سبق\s*ل\w*", r"في\s+وقت\s+سابق\s+من\s+العام", r"previously", r"in\s+the\s+past", r"years?\s+ago",
              r"قبل\s+(?:عامين|سنوات|اعوام|سنتين|اشهر|شهرين|اسابيع|عام|سنة)", r"منذ\s+(?:عامين|سنوات|اعوام|سنتين)",
              r"had\s+(?:begun|started|launched)",
              r"(?:في\s+)?(?:صيف|شتاء|ربيع|خريف)\s+(?:عام\s+)?(?:19|20)\d\d", r"months?\s+ago")
ANALYSIS = _rx(_W + r"من\s+المتوقع", _W + r"يتوقع", _W + r"تتوقع", r"متوقع", _W + r"ربما", _W + r"من\s+المرجح", _W + r"يرجح",
               _W + r"ترجح", r"(?:ال)?محتمل(?:ة|ين|ون)?", r"يحتمل", _W + r"(?:ب)?امكانية", r"قد\s+ي\w+", r"قد\s+(?:تكون|تؤدي|تشهد|تتعرض|تصل|تشن|تسقط)", _W + r"تستعد",
               _W + r"يستعد", _W + r"تخطط", _W + r"يخطط", _W + r"(?:يريد|تريد|يسعى|تسعى)", _W + r"تهدد", _W + r"يهدد", r"مرتقب(?:ة)?", r"المرتقب(?:ة)?",
               _W + r"سوف", r"محللون", r"المحللين", r"خبراء", r"لن\s+(?:ي|ت)\w+", _W + r"(?:اذا|لو)",
               _W + r"في\s+حال", _W + r"(?:ما\s+دام(?:ت)?|طالما|ما\s+لم)", r"as\s+long\s+as", r"unless",
               _W + r"(?:يرى|ترى|راى|رات|يعتبر|تعتبر|اعتبر|معتبرا)", _W + r"(?:حذر|حذرت|يحذر|تحذر|محذرا)",
               r"تحذير(?:ات)?", r"مخاوف", r"خشية", _W + r"يخشى", r"من\s+المفترض", r"مصلحة", r"could",
               r"may\s+(?:be|have|hit|face|launch)", r"might", r"would", r"expected\s+to", r"likely", r"plans?\s+to", r"(?:wants?|seeks?)\s+to",
               r"threaten\w*", r"preparing", r"imminent", r"analysts?", r"warn(?:s|ed|ing)?", r"fears?", r"if")
#: «وكان المقاتلون قد انسحبوا …», «وكانت الطائرات قد قصفت …»: the pluperfect tells an earlier event as the
#: setting of the news; with no day of its own it is background (a stated «أمس» keeps it an incident).
#: Only where the clause opens with it: «… اشتباكات … وكانت قد أسفرت عن مقتل …» is the toll of the clause's own event.
PLUPERFECT = re.compile(fold_pattern(r"^[\s«»\"“”(]*[وف]?(?:كان|كانت|كانوا)\s+(?:[^\s،,.;:؛]+\s+){0,6}?قد\s+[^\s،,.;:؛]+"))
#: Verbs of judgement («يعتبر»: is considered) and the relative pronoun that turns one into a description.
JUDGEMENT = re.compile(fold_pattern(_W + r"(?:يرى|ترى|يعتبر|تعتبر|اعتبر|تعد|يعد)"))
RELATIVE_BEFORE = re.compile(fold_pattern(r"(?<![\w])(?:التي|الذي|الذين|اللذين|اللتين|اللواتي)\s*$"))
FOREIGN_LOCATIVE = _rx(r"(?:في|داخل|ب)\s*(?:ال)?(?:عراق|لبنان|تركيا|اردن|سعودية|اليمن|يمن|الكويت|ليبيا|مصر)",
                       r"(?:in|inside)\s+(?:iraq|lebanon|turkey|jordan|saudi\s+arabia|yemen|kuwait|libya|egypt)")

#: «ولم ترد أي تقارير عن وقوع اشتباكات», «دون وقوع إصابات», "no clashes were reported": the event did not happen
#: (or nobody says it did) — right before the trigger.
NEGATED = re.compile(fold_pattern(
    r"(?:(?<![\w])[وف]?(?:لم|لا)\s+(?:ترد|يرد|تسجل|يسجل|تقع|يقع|تحدث|يحدث|تشهد|يشهد|توجد|يوجد|يتم\s+(?:تسجيل|رصد))"
    r"(?:\s+\S+){0,4}?|(?<![\w])[وف]?(?:دون|بدون|عدم)\s+(?:وقوع|حدوث|تسجيل)(?:\s+\S+){0,2}?|"
    r"\bno\s+(?:reports?\s+of|sign\s+of)(?:\s+\S+){0,2}?|\bno(?:\s+new|\s+further)?|\bwithout\s+(?:any\s+)?)\s*$"), re.I)

#: «ويقصف النظام بانتظام مناطق …», «تتعرض يوميا لغارات», "is regularly shelled": a habit, not an event.
HABITUAL = _rx(r"بانتظام", r"باستمرار", r"بشكل\s+(?:شبه\s+)?(?:يومي|دوري|متكرر|منتظم)", r"يوميا", r"كل\s+يوم",
               r"regularly", r"daily", r"every\s+day", r"routinely", r"frequently")

#: «مفاوضات على إيقاف القصف», «مقابل وقف الغارات», "a halt to the shelling": stopping an event is no event.
STOPPING = re.compile(fold_pattern(r"(?:(?<![\w])[وفبل]?(?:وقف|ايقاف|توقف|لايقاف|لوقف|تجميد)|\b(?:halt|stop|end|cessation)"
                                   r"\s+(?:to|of)(?:\s+the)?|\bceasefire\s+in)\s*$"), re.I)

#: A clause that opens with a verb of description: «وتقع», «يقع», «وتعد», «تبعد» (where a place lies, what it is).
DESCRIPTION = re.compile(fold_pattern(r"^\s*[وف]?(?:تقع|يقع|تعد|يعد|تبعد|يبعد|تتوسط|يتوسط)\s"))


#: A stated day this many days before publication is history told for context, not the news (a month or a
#: span that far back may still be the story: "evacuations in May and June").
OLD_NEWS_DAYS = 14


def is_control_trigger(text: str, trigger: tuple[int, int]) -> bool:
    """A territory word that describes who holds an area («التي يسيطر عليها التنظيم», "IS-held")."""
    folded = fold(text)
    f_start = bisect.bisect_left(folded.offsets, trigger[0])
    f_end = bisect.bisect_left(folded.offsets, trigger[1])
    word = folded.text[f_start:f_end]
    before = folded.text[max(0, f_start - 22):f_start]
    if CONTROL_TRIGGER.fullmatch(word.strip()) or CONTROL_TRIGGER.match(folded.text, f_start):
        return True
    if re.search(fold_pattern(r"(?:التي|الذي|الخاضعة\s+ل?|الخاضع\s+ل?|الواقعة\s+تحت|الواقع\s+تحت|تحت|مناطق|المناطق|"
                              r"الخارجة\s+عن|الخارج\s+عن|خارج)\s*$"), before):
        return True
    if _SHARE_AFTER.match(folded.text, f_end):
        return True   # «سيطر الجهاديون على 30 بالمئة من إنتاج القمح»: a share of something held, not ground taken
    after = folded.text[f_end:f_end + 12]
    return bool(re.match(r"\s*(?:by|of)\b", after)) and word.strip() in ("held", "controlled", "control")


_SHARE_AFTER = re.compile(fold_pattern(
    r"(?:\s+\S+){0,3}?\s*(?:على|عليها|of)\s*(?:نحو\s+|حوالي\s+|اكثر\s+من\s+|أكثر\s+من\s+|about\s+|over\s+|some\s+)?"
    r"\d+(?:[.,]\d+)?\s*(?:بالمئة|بالمائة|في\s+المئة|في\s+المائة|%|per\s*cent|percent)"), re.IGNORECASE)


def classify(*, text: str, event_type: EventType, trigger: tuple[int, int], date_, date_kind: str, stated: bool,
             counts: bool, published: date, foreign: str, syrian_place: bool, window: tuple[int, int],
             claimed: bool = False) -> tuple[str, str]:
    """(kind, reason) for one candidate; kind is "incident" or a Note kind (see module doc)."""
    part = fold(text[window[0]:window[1]]).text
    if foreign and not syrian_place:
        return "outside_syria", f"the place is in {foreign}"
    if not syrian_place and FOREIGN_LOCATIVE.search(part):
        return "outside_syria", "the clause places it in a neighbouring country"
    if event_type is EventType.TERRITORY and is_control_trigger(text, trigger):
        return "control", "describes who holds an area, not a change of control"
    before = fold(text[max(0, trigger[0] - 60):trigger[0]]).text
    if NEGATED.search(before):
        return "not_incident", "negated: the text says it did not happen, or that nobody reports it"
    if STOPPING.search(before):
        return "not_incident", "the stopping of an event (a truce, a demand, a term of talks), not the event"
    if DESCRIPTION.match(fold(text).text):
        return "background", "describes a place (where it lies, what it is): the setting, not an event"
    if stated and date_ is not None:
        span_days = (date_.end - date_.start).days
        if date_kind == "since" and counts and (published - date_.start).days > 31:
            return "aggregate", f"a total since {date_.start.isoformat()}"
        if span_days > 31 and counts and date_.precision is not DatePrecision.YEAR:
            return "aggregate", f"a count over {span_days} days"
        if AGGREGATE.search(part) and span_days > 31:
            return "aggregate", "a running total"
        if date_kind == "since" and event_type is not EventType.SIEGE and date_.end < published - timedelta(days=365):
            return "background", f"going on since {date_.start.year}: history, not news"
        if date_kind != "since" and date_.end < published - timedelta(days=365):
            return "background", f"dated {date_.start.isoformat()}, over a year before publication"
        if date_kind != "since" and date_.precision is DatePrecision.YEAR and date_.end.year < published.year:
            # «هجمات شنتها النصرة في 2014» in a 2015 report: a past year told as the background of the news
            return "background", f"dated {date_.start.year}, a year before publication: history, not news"
        if (date_kind != "since" and date_.precision is DatePrecision.DAY
                and date_.end < published - timedelta(days=OLD_NEWS_DAYS)):
            # «بدأت القوات في الرابع من تموز هجوما» in a report of 22 July: a wire story's news is days old
            return "background", f"dated {date_.start.isoformat()}, {(published - date_.end).days} days before publication"
        if (date_kind != "since" and date_.precision is DatePrecision.MONTH
                and (date_.end.year, date_.end.month) < (published.year, published.month)):
            # «خلال شهر تموز», «في أيار الماضي» in an August report: a past month is a total or the story's history
            if counts or AGGREGATE.search(part):
                return "aggregate", f"a count over {date_.start:%B %Y}, a month before publication"
            if not claimed:   # a party alleging it now («حيث قامت مروحيات، خلال شهر أيار الماضي، بسحب …») is news
                return "background", f"dated only by a past month ({date_.start:%B %Y}): history, not news"
        if span_days > 31 and date_.end >= published - timedelta(days=1) and date_.precision is not DatePrecision.YEAR:
            return "background", f"a span since {date_.start.isoformat()}: history, not news"
    elif RUNNING.search(part) and counts:
        return "aggregate", "a running total with no day of its own"
    if HISTORY.search(part):
        return "background", "history, not news"
    if not stated and HABITUAL.search(part):
        return "background", "what happens regularly («بانتظام», «يوميا»), not one dated event"
    if not stated and (m := PLUPERFECT.match(part)):
        return "background", f"an earlier event told as the setting («{m.group(0)[:40]}»), with no day of its own"
    for m in ANALYSIS.finditer(part):
        if JUDGEMENT.fullmatch(m.group(0)) and RELATIVE_BEFORE.search(part, 0, m.start()):
            continue   # «التي تعتبر خط مواجهة»: what a place is, told in passing
        return "analysis", f"speculation or intent («{m.group(0)}»)"
    return "incident", ""
