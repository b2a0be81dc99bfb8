"""The words around a trigger that say how a clause tells its event: cues read by the pipeline (pipeline.py).

Why a module of its own: these patterns are vocabulary — how Arabic and English reports mark an event as
a restatement («ذلك الهجوم»), a reaction («استنكرت … قيام»), a judgement («هو رد مشروع»), an opinion
(«ورأى … أن»), an earlier event (the pluperfect «وكانت … قد»), or the cause of another («بعد هجوم …»).
The pipeline decides what each cue means for a candidate; adding a word here is a change and a test.
All patterns are over folded text (``normalize.fold_pattern``).
"""
from __future__ import annotations

import re

from events.ingest.normalize import fold_pattern

#: "denied it had fallen", «نفى ذلك»: the denial's object is a pronoun, so the triggers before it are not denied.
DENIES_PRONOUN = re.compile(r"\s+(?:that\s+)?(?:it|they|this|these|ذلك|هذا|هذه)\b", re.I)
#: «… بعد هجوم شنته المعارضة»: an attack told as the cause of the clause's main event is that event's background.
CAUSE_LINK = re.compile(fold_pattern(r"(?<![\w])(?:بعد(?!\s+يوم)|اثر|إثر|عقب|جراء)(?![\w])|\b(?:after|following)\b"), re.I)
#: «وكانت قوات الأسد سيطرت، السبت، على …»: the pluperfect tells an earlier event, outside the story's thread.
PLUPERFECT = re.compile(fold_pattern(r"^\s*(?:و|ف)?كان(?:ت|وا)?\s"))
#: A clause that opens with an opinion verb («ورأى أبو زيد أن …», «واعتبر», «وتوقع»).
OPINION = re.compile(fold_pattern(r"^\s*[وف]?(?:رأى|رأت|يرى|ترى|اعتبر|اعتبرت|يعتبر|تعتبر|توقع|توقعت|يتوقع|رجح|رجحت|يرجح|"
                                  r"عدّ?(?=\s+(?:أن|ان|إن)\s)|يعد(?=\s+(?:أن|ان)\s))\s"))
#: «ذلك الهجوم», «هذه الغارات», «تلك الاشتباكات»: a demonstrative right before a trigger.
POINTED = re.compile(fold_pattern(r"(?<![\w])(?:ذلك|تلك|هذا|هذه|هذين|هاتين|هؤلاء)\s+$"))
#: «ويأتي الهجوم الجديد …»: a trigger with the article names an event already told.
DEFINITE = re.compile(fold_pattern(r"^(?:[وف]?ال|لل)(?!طيران|طائرات|مقاتلات|مروحيات|براميل)\w"))  # not who flew
#: «استمرت الاشتباكات في محيط X», «وتجدد القصف على Y»: the fighting goes on — news of its own, not a restatement.
GOES_ON = re.compile(fold_pattern(r"(?<![\w])[وف]?(?:است?مر|تواصل|تجدد|يستمر|تستمر|يتواصل|تتواصل|يتجدد|تتجدد|"
                                  r"اندلع|تدور|دارت|يدور)\w*\s+\S*$"))
SETTING = re.compile(fold_pattern(r"(?<![\w])حيث(?![\w])"))
#: The country named in a sentence whose place is abroad: a statement on both countries' events.
SYRIA = re.compile(fold_pattern(r"(?<![\w])(?:ب|في|و)?(?:سوريا|سورية)(?![\w])|\bSyria\b"), re.I)
#: «وجاء التفجير غداة …», «ويأتي هجوم النصرة بعد …»: the clause tells when or why an event came, so the event is
#: one already told (its trigger follows the verb «جاء / يأتي» with nothing between but the event's own words).
CAME = re.compile(fold_pattern(r"^\s*[وف]?(?:جاء|جاءت|ياتي|تاتي|اتي|اتى)\s+$"))
#: «بيانا استنكرت فيه قيام عناصر … بخطف …», «إعلان غرفة العمليات بدء الهجوم على …»: a reaction to, or the
#: announcement of, an event (its verbal noun after «قيام / بدء»), not the event told with its own day.
REACTION = re.compile(fold_pattern(
    r"(?<![\w])[وف]?(?:استنكر|استنكرت|استنكار|ندد|نددت|تنديد|ادان|ادانت|ادانة|شجب|شجبت|اعلان|اعلن|اعلنت)"
    r"(?:\s+[^\s.،,;:؛]+){0,8}?\s+[«\"“]?(?:قيام|بدء|بدا)(?:\s+[^\s.،,;:؛]+){0,5}?\s+$"))
#: «إن استهداف المواقع … في بلدتي كفريا والفوعة، هو رد مشروع على …», «القصف جريمة حرب»: the event is the subject of a
#: judgement (what it is called), not told as news.
JUDGED = re.compile(fold_pattern(
    r"^[^.!?؟]{0,160}?[\s،,](?:هو|هي|يعد|تعد|يعتبر|تعتبر|يشكل|تشكل|يمثل|تمثل)\s+(?:رد|ردا|جريمة|جريمه|انتهاك|انتهاكا|خرق|خرقا|"
    r"رسالة|رساله|دليل|دليلا|تصعيد|تصعيدا)(?![\w])"))
#: «يشعرون بقلق خصوصاً بعد سيطرة التنظيم على بلدات …», «منذ سيطرة …»: an event named as what came before the clause's
#: news (its verbal noun right after «بعد / عقب / إثر / منذ»); with no day of its own it is background, not news.
AFTER_EVENT = re.compile(fold_pattern(r"(?<![\w])(?:بعد|عقب|اثر|إثر|منذ|بعدما)(?:\s+(?:ان|أن))?\s+$"))
#: The toll told before such a cue («قتل 28 عنصرا إثر اشتباكات …»): the event after «إثر» is the news, its dead the toll.
CASUALTIES = re.compile(fold_pattern(r"(?<![\w])[وف]?(?:قتل|مقتل|اصيب|إصابة|اصابة|جرح|سقط|سقوط|لقي|لقوا|استشهد|"
                                     r"استشهاد|killed|wounded|injured|died)\w*"), re.I)
