"""Stage 3a, extract the date of a candidate, with its provenance.

Why provenance: a reviewer must see whether a date was read in the event's own
clause (``stated``), taken from the event before it in the same story thread
(``thread``: the same paragraph, never a context note such as a background
sentence), or is the publication default (``default``: the day before
publication to publication day, RANGE precision). A date never claims more
precision than the text gives: an inherited date keeps the precision it was
read with, the default is a two-day range.
"""
from __future__ import annotations

from datetime import date, timedelta

from events.ingest.candidate import Candidate
from events.ingest.dates import DateMention
from events.ingest.segment import inside
from events.model import ClaimStatus, DatePrecision, EventDate


def default_date(published: date) -> EventDate:
    """The publication default: the day before publication to publication day."""
    return EventDate(published - timedelta(days=1), published, DatePrecision.RANGE, "")


def set_stated_date(cand: Candidate, mentions: list[DateMention], window, attribution, trigger) -> str:
    """The date stated in the event's span (the event date nearest the trigger, else a "since");
    returns the chosen mention's kind ("" when none). Durations become tags."""
    ins = [m for m in mentions if inside(m.span, window)]
    content = [m for m in ins if not (attribution and attribution[0] <= m.span[0] and m.span[1] <= attribution[1])]
    events = [m for m in content if m.kind == "event"]
    since = [m for m in content if m.kind == "since"]
    chosen = min(events, key=lambda m: abs(m.span[0] - trigger[0])) if events else (since[0] if since else None)
    if chosen is not None:
        cand.date, cand.date_stated, cand.date_source = chosen.date, True, "stated"
        cand.warnings.extend(chosen.warnings)
        if chosen.kind == "since":
            cand.tags.append(f"since {chosen.date.start.year}")
    for m in content:
        if m.kind == "duration" and m.duration_days:
            years = round(m.duration_days / 365)
            cand.tags.append(f"lasted {m.date.as_written}" + (f" (about {years} years)" if years >= 1 else ""))
    return chosen.kind if chosen is not None else ""


def set_default_date(cand: Candidate, before: Candidate | None, published: date) -> None:
    """No date in the clause: the date of ``before`` (the incident read just before in the same story
    thread, chosen by the pipeline), else the publication default."""
    if before is not None and before.date is not None and cand.status is not ClaimStatus.DENIED:
        default = default_date(published)
        inherited = before.date
        if inherited.start == inherited.end == default.start:
            inherited = default  # "أمس" then an undated event: it may as well be publication day
        cand.date, cand.date_source = inherited, "thread"
        cand.warnings.append("date not stated: took the date of the previous event in the same story thread")
    else:
        cand.date, cand.date_source = default_date(published), "default"
        cand.warnings.append("date not stated: assumed the day before publication or publication day")
    # a denial without a date takes the date of the claim it denies (links.link)
