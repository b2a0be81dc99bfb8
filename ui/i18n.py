"""UI text in English and Arabic, and the labels of the domain's enum values.

Why one module with two complete tables: every visible string of the
dashboard goes through ``t()``, so switching language switches *all* of it,
and a test can check both tables have the same keys (a missing Arabic string
is a bug, not a silent English fallback). Domain values (event types, claim
statuses, precisions) keep their enum value in the data and in URLs; only
their label is translated here.
"""
from __future__ import annotations

from datetime import date
from typing import Literal

from mapview.style import TYPE_LABELS

Lang = Literal["en", "ar"]
LANGS: tuple[str, ...] = ("en", "ar")
LANG_NAMES = {"en": "English", "ar": "العربية"}

_EN: dict[str, str] = {
    "app_title": "Syria events map",
    "app_caption": "Reported, claimed, denied and confirmed events, with their sources.",
    "language": "Language",
    "month_style": "Arabic month names",
    "month_auto": "as in the events' text ({style})",
    "month_levantine": "Levantine (كانون الثاني، شباط…)",
    "month_egyptian": "Egyptian (يناير، فبراير…)",
    "month_levantine_short": "Levantine", "month_egyptian_short": "Egyptian",
    "page": "Page",
    "page_map": "Map",
    "page_review": "Review article",
    "page_import": "Import",
    "filters": "Filters",
    "f_type": "Event type",
    "f_actor": "Actor",
    "f_status": "Claim status",
    "f_outlet": "Outlet / agency",
    "f_precision": "Place precision",
    "f_gov": "Governorate",
    "f_text": "Search titles and places",
    "clear_filters": "Clear filters",
    "choose": "Any",
    "timeline": "Timeline",
    "events_per": "Events per {bin}",
    "bin_day": "day",
    "bin_week": "week",
    "timeline_note": "Events with a date range are counted on their first day.",
    "window": "Dates shown",
    "span_words": "{span}, {events}",
    "visible_of_total": "{visible} of {total} {noun} shown",
    "full_width": "Full-width map",
    "f_place_scope": "A place's events: within",
    "scope_place": "5 km", "scope_district": "its district", "scope_governorate": "its governorate",
    "place_hit": "«{text}» is {en} · {ar} in the gazetteer: events placed {scope}.",
    "place_hit_place": "within 5 km of it", "place_hit_district": "in its district",
    "place_hit_governorate": "in its governorate",
    "play": "▶ Play",
    "pause": "⏸ Pause",
    "speed": "Speed",
    "speed_slow": "½×",
    "speed_normal": "1×",
    "speed_fast": "2×",
    "mode": "Playback",
    "mode_window": "moving window",
    "mode_cumulative": "cumulative",
    "step": "Step (days)",
    "map": "Map",
    "legend": "Legend",
    "not_on_map": "Not on the map: {undated} undated / {unlocated} unlocated",
    "undated": "Undated",
    "unlocated": "Unlocated",
    "none": "None",
    "table": "Events",
    "table_help": "Click a row to see its sources. Column headers sort.",
    "table_truncated": "Showing the first {shown} of {total} events; the downloads below hold all of them.",
    "and_more": "… and {n} more (all are in the table and the downloads)",
    "download_csv": "Download CSV",
    "download_geojson": "Download GeoJSON",
    "details": "Details",
    "no_selection": "Click a marker or a table row to see an event's sources.",
    "close": "Close",
    "col_id": "ID",
    "col_date": "Date",
    "col_date_end": "Until",
    "col_type": "Type",
    "col_status": "Status",
    "col_title": "Title",
    "col_place": "Place",
    "col_gov": "Governorate",
    "col_precision": "Precision",
    "col_actors": "Actors",
    "col_count": "Count",
    "col_outlet": "Outlet",
    "when": "When",
    "where": "Where",
    "as_written": "as written",
    "source_chain": "Source chain",
    "outlet": "Outlet",
    "agency": "Agency",
    "source": "Source",
    "published": "Published",
    "quote": "Quote",
    "link": "Link",
    "denied_by": "Denied by",
    "denies": "Denies",
    "related": "Related",
    "actors": "Actors",
    "counts": "Counts",
    "summary": "Summary",
    "show_event": "Show",
    "exports": "Export this view",
    "png_size": "PNG size",
    "png_dpi": "Resolution (DPI)",
    "make_png": "Prepare PNG",
    "download_png": "Download PNG",
    "make_html": "Prepare offline HTML",
    "download_html": "Download offline HTML",
    "make_gif": "Prepare playback GIF",
    "download_gif": "Download GIF",
    "make_htmlslider": "Prepare HTML with time slider", "download_htmlslider": "Download HTML (time slider)",
    "make_mp4": "Prepare MP4", "download_mp4": "Download MP4",
    "mp4_missing": "MP4 needs ffmpeg (Debian package ffmpeg); the GIF works without it.",
    "download_kml": "Download KML",
    "export_failed": "Export failed: {error}",
    "export_unavailable": "This export is not available: {error}",
    "import_title": "Import events",
    "import_format": "Format",
    "import_auto": "detect from the file",
    "import_file": "File (CSV, GeoJSON, KML, JSON)",
    "import_read": "Read file",
    "import_progress": "Reading… {done} rows",
    "import_result": "{ok} events read, {bad} rows rejected",
    "import_done": "{done} rows read",
    "import_rejects": "Rejected rows",
    "download_rejects": "Download rejected rows (CSV)",
    "import_save": "Save {n} events to the store",
    "import_saved": "{n} events saved.",
    "import_replace": "Replace stored events that have the same id",
    "import_learn": "Also learn this file's place names (UCDP/ACLED): its place strings resolve afterwards",
    "import_learned": "{n} place names learned ({attached} spellings of known places, {own} new places).",
    "review_title": "Review an article",
    "review_text": "Article text",
    "review_upload": "…or upload a .txt file",
    "review_published": "Publication date",
    "review_outlet": "Outlet",
    "review_run": "Find events",
    "review_none": "No events found in this text.",
    "review_draft": "Draft {i}: {title}",
    "review_confidence": "confidence {c:.0%}",
    "review_sentence": "Source sentence",
    "review_warnings": "Warnings",
    "review_status_accepted": "accepted",
    "review_status_rejected": "rejected",
    "review_place_en": "Place (English name)",
    "review_place_ar": "Place (Arabic name)",
    "review_error": "Not saved: {error}",
    "review_missing": "Article ingestion is not available: {error}",
    "review_class": "class: {kind}",
    "review_date_from": "date: {source}",
    "review_place_parts": "place: {parts}",
    "review_date_stated": "stated in its sentence",
    "review_date_thread": "taken from the event before it (same story)",
    "review_date_default": "not stated: the publication default (the day before to publication day)",
    "review_kind_incident": "incident",
    "review_kind_aggregate": "aggregate / total",
    "review_kind_control": "who holds an area",
    "review_kind_background": "background / history",
    "review_kind_analysis": "analysis / speculation",
    "review_kind_outside_syria": "outside Syria",
    "review_kind_not_incident": "not an incident",
    "review_notes": "Context notes ({n}): read like events, are not drafts",
    "review_note_place": "place: {place}",
    "review_note_to_draft": "→ draft",
    "review_note_to_draft_help": "Review this note as a draft event",
    "accept": "Accept and save",
    "reject": "Reject",
    "accepted": "Saved as {id}.",
    "rejected": "Rejected.",
    "title_en": "Title (English)",
    "title_ar": "Title (Arabic)",
    "date_start": "Date from",
    "date_end": "Date to",
    "date_precision": "Date precision",
    "place_name": "Place",
    "lat": "Latitude",
    "lon": "Longitude",
    "count_min": "Count (min)",
    "count_max": "Count (max)",
    "count_what": "Count of",
    "actors_help": "Separate with ;",
    "bad_param": "Ignored link parameter {name}=“{value}”: {reason}",
    "store_error": "The event store could not be read: {error}",
    "no_events": "No events match these filters.",
    "attribution": "Boundaries: OCHA COD-AB. Rivers: GSHHG. Events: see sources.",
}

_AR: dict[str, str] = {
    "app_title": "خريطة أحداث سوريا",
    "app_caption": "أحداث مُبلَّغ عنها ومُدّعاة ومنفيّة ومؤكَّدة، مع مصادرها.",
    "language": "اللغة",
    "month_style": "أسماء الأشهر",
    "month_auto": "كما في نص الأحداث ({style})",
    "month_levantine": "الشامية (كانون الثاني، شباط…)",
    "month_egyptian": "المصرية (يناير، فبراير…)",
    "month_levantine_short": "الشامية", "month_egyptian_short": "المصرية",
    "page": "الصفحة",
    "page_map": "الخريطة",
    "page_review": "مراجعة مقال",
    "page_import": "استيراد",
    "filters": "عوامل التصفية",
    "f_type": "نوع الحدث",
    "f_actor": "الجهة الفاعلة",
    "f_status": "حالة الادعاء",
    "f_outlet": "الوسيلة / الوكالة",
    "f_precision": "دقة الموقع",
    "f_gov": "المحافظة",
    "f_text": "بحث في العناوين والأماكن",
    "clear_filters": "مسح عوامل التصفية",
    "choose": "الكل",
    "timeline": "الخط الزمني",
    "events_per": "عدد الأحداث لكل {bin}",
    "bin_day": "يوم",
    "bin_week": "أسبوع",
    "timeline_note": "الأحداث ذات المدى الزمني تُحسب في يومها الأول.",
    "window": "التواريخ المعروضة",
    "span_words": "{span}، {events}",
    "visible_of_total": "{visible} من أصل {total} {noun} معروضة",
    "full_width": "الخريطة بعرض الصفحة",
    "f_place_scope": "أحداث المكان: ضمن",
    "scope_place": "5 كم", "scope_district": "منطقته", "scope_governorate": "محافظته",
    "place_hit": "«{text}» في المعجم الجغرافي هو {ar} ({en}): الأحداث الواقعة {scope}.",
    "place_hit_place": "ضمن 5 كم منه", "place_hit_district": "في منطقته",
    "place_hit_governorate": "في محافظته",
    "play": "▶ تشغيل",
    "pause": "⏸ إيقاف مؤقت",
    "speed": "السرعة",
    "speed_slow": "½×",
    "speed_normal": "1×",
    "speed_fast": "2×",
    "mode": "طريقة العرض",
    "mode_window": "نافذة متحركة",
    "mode_cumulative": "تراكمي",
    "step": "الخطوة (أيام)",
    "map": "الخريطة",
    "legend": "مفتاح الخريطة",
    "not_on_map": "خارج الخريطة: {undated} بلا تاريخ / {unlocated} بلا موقع",
    "undated": "بلا تاريخ",
    "unlocated": "بلا موقع",
    "none": "لا شيء",
    "table": "الأحداث",
    "table_help": "انقر على صف لعرض مصادره. انقر على رأس العمود للترتيب.",
    "table_truncated": "يُعرض أول {shown} من أصل {total} حدثًا؛ التنزيلات أدناه تتضمنها كلها.",
    "and_more": "… و{n} غيرها (كلها في الجدول والتنزيلات)",
    "download_csv": "تنزيل CSV",
    "download_geojson": "تنزيل GeoJSON",
    "details": "التفاصيل",
    "no_selection": "انقر على علامة أو على صف في الجدول لعرض مصادر الحدث.",
    "close": "إغلاق",
    "col_id": "المعرّف",
    "col_date": "التاريخ",
    "col_date_end": "حتى",
    "col_type": "النوع",
    "col_status": "الحالة",
    "col_title": "العنوان",
    "col_place": "المكان",
    "col_gov": "المحافظة",
    "col_precision": "الدقة",
    "col_actors": "الجهات",
    "col_count": "العدد",
    "col_outlet": "الوسيلة",
    "when": "متى",
    "where": "أين",
    "as_written": "كما ورد",
    "source_chain": "سلسلة المصادر",
    "outlet": "الوسيلة",
    "agency": "الوكالة",
    "source": "المصدر",
    "published": "تاريخ النشر",
    "quote": "الاقتباس",
    "link": "الرابط",
    "denied_by": "نفاه",
    "denies": "ينفي",
    "related": "ذو صلة",
    "actors": "الجهات الفاعلة",
    "counts": "الأعداد",
    "summary": "الملخص",
    "show_event": "عرض",
    "exports": "تصدير هذا العرض",
    "png_size": "حجم الصورة",
    "png_dpi": "الدقة (نقطة/بوصة)",
    "make_png": "تحضير PNG",
    "download_png": "تنزيل PNG",
    "make_html": "تحضير HTML يعمل دون اتصال",
    "download_html": "تنزيل HTML",
    "make_gif": "تحضير GIF للعرض المتحرك",
    "download_gif": "تنزيل GIF",
    "make_htmlslider": "تحضير HTML مع شريط الزمن", "download_htmlslider": "تنزيل HTML (شريط الزمن)",
    "make_mp4": "تحضير MP4", "download_mp4": "تنزيل MP4",
    "mp4_missing": "يتطلب MP4 برنامج ffmpeg (حزمة دبيان ffmpeg)؛ أما GIF فيعمل دونه.",
    "download_kml": "تنزيل KML",
    "export_failed": "فشل التصدير: {error}",
    "export_unavailable": "هذا التصدير غير متاح: {error}",
    "import_title": "استيراد أحداث",
    "import_format": "الصيغة",
    "import_auto": "تُعرف من الملف",
    "import_file": "ملف (CSV أو GeoJSON أو KML أو JSON)",
    "import_read": "قراءة الملف",
    "import_progress": "جارٍ القراءة… {done} صفًا",
    "import_result": "قُرئ {ok} حدثًا، ورُفض {bad} صفًا",
    "import_done": "قُرئ {done} صفًا",
    "import_rejects": "الصفوف المرفوضة",
    "download_rejects": "تنزيل الصفوف المرفوضة (CSV)",
    "import_save": "حفظ {n} حدثًا في قاعدة البيانات",
    "import_saved": "حُفظ {n} حدثًا.",
    "import_replace": "استبدال الأحداث المحفوظة ذات المعرّف نفسه",
    "import_learn": "تعلّم أسماء الأماكن في هذا الملف أيضًا (UCDP/ACLED) لتُعرف لاحقًا",
    "import_learned": "تُعلّم {n} اسم مكان ({attached} تهجئة لأماكن معروفة، و{own} مكانًا جديدًا).",
    "review_title": "مراجعة مقال",
    "review_text": "نص المقال",
    "review_upload": "…أو ارفع ملف ‎.txt",
    "review_published": "تاريخ النشر",
    "review_outlet": "الوسيلة",
    "review_run": "استخراج الأحداث",
    "review_none": "لم يُعثر على أحداث في هذا النص.",
    "review_draft": "مسودة {i}: {title}",
    "review_confidence": "الثقة {c:.0%}",
    "review_sentence": "الجملة المصدر",
    "review_warnings": "تنبيهات",
    "review_status_accepted": "مقبول",
    "review_status_rejected": "مرفوض",
    "review_place_en": "المكان (بالإنجليزية)",
    "review_place_ar": "المكان (بالعربية)",
    "review_error": "لم يُحفظ: {error}",
    "review_missing": "استخراج الأحداث من المقالات غير متاح: {error}",
    "review_class": "التصنيف: {kind}",
    "review_date_from": "التاريخ: {source}",
    "review_place_parts": "المكان: {parts}",
    "review_date_stated": "مذكور في جملته",
    "review_date_thread": "مأخوذ من الحدث السابق (القصة نفسها)",
    "review_date_default": "غير مذكور: افتراضي النشر (اليوم السابق للنشر إلى يوم النشر)",
    "review_kind_incident": "حدث",
    "review_kind_aggregate": "حصيلة / مجموع",
    "review_kind_control": "وصف السيطرة على منطقة",
    "review_kind_background": "خلفية / تاريخ",
    "review_kind_analysis": "تحليل / توقع",
    "review_kind_outside_syria": "خارج سوريا",
    "review_kind_not_incident": "ليس حدثًا",
    "review_notes": "ملاحظات السياق ({n}): تشبه الأحداث وليست مسودات",
    "review_note_place": "المكان: {place}",
    "review_note_to_draft": "← مسودة",
    "review_note_to_draft_help": "مراجعة هذه الملاحظة كمسودة حدث",
    "accept": "قبول وحفظ",
    "reject": "رفض",
    "accepted": "حُفظ باسم {id}.",
    "rejected": "رُفض.",
    "title_en": "العنوان (بالإنجليزية)",
    "title_ar": "العنوان (بالعربية)",
    "date_start": "من تاريخ",
    "date_end": "إلى تاريخ",
    "date_precision": "دقة التاريخ",
    "place_name": "المكان",
    "lat": "خط العرض",
    "lon": "خط الطول",
    "count_min": "العدد (الأدنى)",
    "count_max": "العدد (الأعلى)",
    "count_what": "عدد من",
    "actors_help": "افصل بينها بـ ;",
    "bad_param": "تم تجاهل معامل الرابط {name}=“{value}”: {reason}",
    "store_error": "تعذّرت قراءة قاعدة الأحداث: {error}",
    "no_events": "لا توجد أحداث تطابق عوامل التصفية.",
    "attribution": "الحدود: أوتشا COD-AB. الأنهار: GSHHG. الأحداث: انظر المصادر.",
}

TABLES: dict[str, dict[str, str]] = {"en": _EN, "ar": _AR}

#: Labels of enum values (event type, claim status, place/date precision), by language. Event types
#: use the map legend's words (mapview.style.TYPE_LABELS), so a filter, the table and the legend agree.
VALUE_LABELS: dict[str, dict[str, str]] = {
    "en": {
        **{kind.value: en for kind, (en, _ar) in TYPE_LABELS.items()},
        "reported": "Reported", "claimed": "Claimed", "denied": "Denied", "confirmed": "Confirmed",
        "point": "Exact place", "near": "Near a place", "subdistrict": "Sub-district", "district": "District",
        "governorate": "Governorate", "region": "Region", "country": "Country only",
        "day": "Day", "night": "Night", "week": "Week", "month": "Month", "range": "Date range", "year": "Year",
    },
    "ar": {
        **{kind.value: ar for kind, (_en, ar) in TYPE_LABELS.items()},
        "reported": "مُبلَّغ عنه", "claimed": "ادعاء", "denied": "منفي", "confirmed": "مؤكَّد",
        "point": "مكان محدد", "near": "قرب مكان", "subdistrict": "ناحية", "district": "منطقة",
        "governorate": "محافظة", "region": "إقليم", "country": "البلد فقط",
        "day": "يوم", "night": "ليلة", "week": "أسبوع", "month": "شهر", "range": "فترة", "year": "سنة",
    },
}

#: Arabic month names in the two forms Arabic news uses: Levantine (Syriac) names, as Syrian, Lebanese,
#: Jordanian and Iraqi outlets write them, and Egyptian (transliterated Gregorian) names, as Egyptian and
#: Gulf outlets do. A setting picks one; by default, the form the stored events' own text uses.
AR_MONTHS: dict[str, list[str]] = {
    "levantine": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                  "تشرين الأول", "تشرين الثاني", "كانون الأول"],
    "egyptian": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
                 "أكتوبر", "نوفمبر", "ديسمبر"],
}
MONTH_STYLES: tuple[str, ...] = tuple(AR_MONTHS)
_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "ar": AR_MONTHS["levantine"],
}


def month_names(lang: str, style: str | None = None) -> list[str]:
    """The twelve month names for ``lang``; Arabic in ``style`` ("levantine" default, or "egyptian")."""
    if norm_lang(lang) != "ar":
        return _MONTHS["en"]
    return AR_MONTHS.get(style or "levantine", AR_MONTHS["levantine"])


def month_style_of(texts, *, limit: int = 2000) -> str:
    """"egyptian" when the Arabic month names in ``texts`` (at most ``limit`` of them) are mostly
    Egyptian forms (يناير، فبراير…), else "levantine" (كانون الثاني، شباط…, and when there are none:
    the Syrian press's own form)."""
    from events.ingest.datewords import GREGORIAN_AR_MONTHS, LEVANTINE_MONTHS
    lev = egy = 0
    for i, text in enumerate(texts):
        if i >= limit:
            break
        if not isinstance(text, str) or not text:
            continue
        text = text[:5000]
        lev += sum(text.count(name) for name in LEVANTINE_MONTHS)
        egy += sum(text.count(name) for name in GREGORIAN_AR_MONTHS)
    return "egyptian" if egy > lev else "levantine"


#: Arabic names of the count kinds the importers and the article reader write (events/ingest/counts.py
#: normalises to these English nouns; UCDP/ACLED imports write "deaths"/"fatalities"). Others show as written.
COUNT_KINDS_AR: dict[str, str] = {
    "deaths": "قتلى", "fatalities": "قتلى", "killed": "قتلى", "wounded": "جرحى", "families": "عائلات",
    "people": "أشخاص", "fighters": "مقاتلون", "children": "أطفال", "women": "نساء", "soldiers": "جنود",
    "air strikes": "غارات جوية", "strikes": "ضربات", "shells": "قذائف", "missiles": "صواريخ",
    "rockets": "صواريخ", "barrel bombs": "براميل متفجرة", "displaced people": "نازحون", "houses": "منازل",
    "detainees": "معتقلون", "helicopters": "مروحيات", "commanders": "قادة", "civilians": "مدنيون",
    "residents": "سكان", "members": "عناصر",
}


def count_kind(what: str, lang: str) -> str:
    """A count's kind in ``lang`` ("deaths" → «قتلى»); unknown kinds as written."""
    if norm_lang(lang) == "ar":
        return COUNT_KINDS_AR.get((what or "").strip().casefold(), what)
    return what


def norm_lang(lang: str | None) -> str:
    return lang if lang in TABLES else "en"


def t(key: str, lang: str, **kwargs: object) -> str:
    """The UI string ``key`` in ``lang``, formatted with ``kwargs``; KeyError for an unknown key (a bug)."""
    text = TABLES[norm_lang(lang)][key]
    return text.format(**kwargs) if kwargs else text


def label(value: str | None, lang: str) -> str:
    """Label of an enum value (``"denied"`` → "Denied" / "منفي"); unknown values are shown as is."""
    if value is None:
        return ""
    return VALUE_LABELS[norm_lang(lang)].get(str(value), str(value))


def format_day(d: date, lang: str, *, with_year: bool = True, months: str | None = None) -> str:
    month = month_names(lang, months)[d.month - 1]
    return f"{d.day} {month} {d.year}" if with_year else f"{d.day} {month}"


def format_span(start: date, end: date, lang: str, *, months: str | None = None) -> str:
    """"26 Aug – 5 Sep 2017", "25–29 Aug 2017" (the year, and the month, once when both ends share it);
    ``months``: the Arabic month style (see AR_MONTHS)."""
    if start == end:
        return format_day(start, lang, months=months)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_day(end, lang, months=months)}"
    same_year = start.year == end.year
    return (f"{format_day(start, lang, with_year=not same_year, months=months)} – "
            f"{format_day(end, lang, months=months)}")


def plural_form(n: int, lang: str) -> str:
    """The count's plural class (CLDR): English one/other; Arabic zero, one, two, few (3–10 after the
    hundreds), many (11–99 after the hundreds), other (100, 101, 102…)."""
    if norm_lang(lang) != "ar":
        return "one" if n == 1 else "other"
    r = n % 100
    if n == 0:
        return "zero"
    if n == 1:
        return "one"
    if n == 2:
        return "two"
    if 3 <= r <= 10:
        return "few"
    if 11 <= r <= 99:
        return "many"
    return "other"


#: Counted nouns: the whole phrase per plural class (Arabic says "حدثان", not "2 حدث"; 1 is "حدث واحد").
COUNTED: dict[str, dict[str, dict[str, str]]] = {
    "event": {"en": {"one": "1 event", "other": "{n} events"},
              "ar": {"zero": "لا أحداث", "one": "حدث واحد", "two": "حدثان", "few": "{n} أحداث",
                     "many": "{n} حدثًا", "other": "{n} حدث"}},
    "article": {"en": {"one": "1 article", "other": "{n} articles"},
                "ar": {"zero": "لا مقالات", "one": "مقال واحد", "two": "مقالان", "few": "{n} مقالات",
                       "many": "{n} مقالًا", "other": "{n} مقال"}},
    "source": {"en": {"one": "1 independent source", "other": "{n} independent sources"},
               "ar": {"zero": "لا مصادر مستقلة", "one": "مصدر مستقل واحد", "two": "مصدران مستقلان",
                      "few": "{n} مصادر مستقلة", "many": "{n} مصدرًا مستقلًا", "other": "{n} مصدر مستقل"}},
    "killed": {"en": {"one": "1 killed", "other": "{n} killed"},
               "ar": {"zero": "لا قتلى", "one": "قتيل واحد", "two": "قتيلان", "few": "{n} قتلى",
                      "many": "{n} قتيلًا", "other": "{n} قتيل"}},
}


def counted(n: int, noun: str, lang: str) -> str:
    """"7 events" / «7 أحداث», «حدثان», «12 حدثًا»; thousands separated by "," in both languages, as the
    map's own counts are (Western digits, as the Syrian press prints them)."""
    forms = COUNTED[noun][norm_lang(lang)]
    text = forms.get(plural_form(n, lang), forms["other"])
    return text.format(n=f"{n:,}")


def events_noun(n: int, lang: str) -> str:
    """The noun after a number: "events"/"event"; Arabic by the count's plural class
    (1 حدث، 2 حدثين، 3–10 أحداث، 11–99 حدثًا، 100+ حدث)."""
    if norm_lang(lang) != "ar":
        return "event" if n == 1 else "events"
    form = plural_form(n, lang)
    return {"two": "حدثين", "few": "أحداث", "many": "حدثًا"}.get(form, "حدث")


def span_in_words(start: date, end: date, n: int, lang: str, *, months: str | None = None) -> str:
    return t("span_words", lang, span=format_span(start, end, lang, months=months), events=counted(n, "event", lang))


def visible_of_total(visible: int, total: int, lang: str) -> str:
    return t("visible_of_total", lang, visible=f"{visible:,}", total=f"{total:,}", noun=events_noun(total, lang))
