"""What ``python -m events ingest`` prints: the JSON records and the readable summary.

Why outside cli.py: cli.py is shared by several commands; the shape of an
ingest record ({event, sentence, span, confidence, warnings}) is this
package's public format, also used by the review UI and tests.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from errors import FileTooLargeError, InputError, ParseError
from events.ingest.candidate import Draft, Note
from events.ingest.pipeline import MAX_ARTICLE_CHARS
from events.serialize import event_to_dict

MAX_FILE_BYTES = 4 * MAX_ARTICLE_CHARS  # UTF-8 Arabic is 2 bytes a letter; a margin for markup


def read_article_file(name: str) -> str:
    """Read an article (``-`` = stdin) as UTF-8, refusing huge or non-text files with a clear message."""
    try:
        if name == "-":
            raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        else:
            path = Path(name)
            if not path.is_file():
                raise InputError("no such file", field="FILE", value=name, where="ingest")
            if path.stat().st_size > MAX_FILE_BYTES:
                raise FileTooLargeError(f"file is {path.stat().st_size:,} bytes; the limit is {MAX_FILE_BYTES:,}",
                                        field="FILE", value=name, where="ingest")
            raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", field="FILE", value=name, where="ingest") from None
    if len(raw) > MAX_FILE_BYTES:
        raise FileTooLargeError(f"input is over {MAX_FILE_BYTES:,} bytes", field="FILE", value=name, where="ingest")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"not UTF-8 text (byte {exc.start})", field="FILE", value=name, where="ingest") from None


def draft_to_dict(draft: Draft) -> dict[str, Any]:
    return {"event": event_to_dict(draft.event), "sentence": draft.sentence, "span": list(draft.span),
            "confidence": draft.confidence, "warnings": list(draft.warnings), "article_id": draft.article_id,
            "kind": draft.kind, "date_source": draft.date_source, "place_parts": list(draft.place_parts)}


def note_to_dict(note: Note) -> dict[str, Any]:
    """A context note: ``kind`` is "note", ``note_kind`` says which (aggregate, control, background, …)."""
    return {"kind": "note", "note_kind": note.kind, "reason": note.reason, "sentence": note.sentence,
            "span": list(note.span), "clause": note.clause, "event_type": note.event_type, "place": note.place,
            "article_id": note.article_id, "draft": draft_to_dict(note.draft) if note.draft is not None else None}


def drafts_as_json(drafts: list[Draft]) -> list[dict[str, Any]]:
    return [draft_to_dict(d) for d in drafts]


def _place_text(place) -> str:
    if place is None:
        return "—"
    if not place.located:
        return f"{place.as_written} (not located)"
    name = place.name_en or place.as_written
    code = f"{place.pcode}, " if place.pcode else ""
    return f"{name} ({code}{place.precision.value if place.precision else '?'})"


def summary_lines(drafts: list[Draft], notes=()) -> list[str]:
    """A few readable lines per draft: status, type, date (and where it came from), place(s), counts,
    links, warnings; then the context notes, if given."""
    lines = [f"{len(drafts)} draft event(s)"] if drafts else ["no events found"]
    for i, d in enumerate(drafts, 1):
        e = d.event
        when = "no date" if e.date is None else (
            f"{e.date.start}" + (f"..{e.date.end}" if e.date.end != e.date.start else "") + f" ({e.date.precision.value})")
        where = _place_text(e.place)
        if e.destination is not None:
            where = f"{_place_text(e.origin)} → {_place_text(e.destination)}"
        lines.append(f"{i}. [{e.status.value}] {e.event_type.value}  {when}  {where}  confidence {d.confidence:.2f}")
        lines.append(f"   id: {e.id}" + (f"  (article {d.article_id})" if d.article_id else ""))
        lines.append(f"   date: {d.date_source}")
        if e.actors:
            lines.append(f"   actors: {', '.join(e.actors)}")
        for c in e.counts:
            bound = f"{c.min}" + ("+" if c.max is None else ("" if c.max == c.min else f"–{c.max}"))
            lines.append(f"   count: {bound} {c.what} («{c.as_written}»)")
        src = e.sources[0]
        chain = " → ".join(x for x in (src.outlet, src.agency, src.source) if x)
        lines.append(f"   source: {chain}")
        if e.denies:
            lines.append(f"   denies: {', '.join(e.denies)}")
        if e.related:
            lines.append(f"   related: {', '.join(e.related)}")
        quote = d.sentence if len(d.sentence) <= 160 else d.sentence[:157] + "…"
        lines.append(f"   «{quote}»")
        for w in d.warnings:
            lines.append(f"   ! {w}")
    for n in notes:
        quote = n.clause if len(n.clause) <= 120 else n.clause[:117] + "…"
        lines.append(f"note [{n.kind}] {n.reason}" + (f"  (article {n.article_id})" if n.article_id else "")
                     + f"  «{quote.strip()}»")
    return lines
