"""Split an article into title, body sentences, clauses and its sign-off.

Why our own splitter: Arabic news copy ends sentences with "." or "؟",
keeps dates like 07.09.2017 and "U.S." abbreviations inside sentences,
repeats whole paragraphs when pasted from CMS pages, and puts the outlet
and time stamp on their own lines at the end. Each Sentence keeps its
character span in the pasted text so a draft event can point at it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from events.ingest.normalize import fold_text

#: Latin abbreviations that end in a dot but not a sentence.
_ABBREVIATIONS = {"u.s", "u.n", "u.k", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st",
                  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
                  "approx", "vs", "e.g", "i.e", "brig", "adm", "sen", "rep", "gov"}
_LONGEST_ABBREVIATION = 16
_END = re.compile(r"[.!?؟]+[\"'”»)]*(?=\s|$)")
_PARAGRAPH = re.compile(r"[^\n]+")
#: Clause breaks inside one sentence: "while", "whereas" — two events can share a sentence.
#: A match may start only where a run of spaces starts ((?<!\s)): tried inside the run, "\s+" was quadratic.
_CLAUSE = re.compile(r"(?:،|,)?(?<!\s)\s++(?:بينما|في حين|فيما|في وقت)\s+|[;؛]\s*|,\s+while\s+|(?<!\s)\s++while\s+"
                     r"|,\s+whereas\s+")
#: A wire dateline opening the body: "BEIRUT, Oct 12 (Reuters) -", "WASHINGTON (AP) —".
DATELINE = re.compile(r"^[A-Z][A-Z .'\-]+(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\((?P<outlet>[A-Za-z .]+)\)\s*[-–—]+\s*")
_DATETIME_LINE = re.compile(r"^\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:\s+\d{1,2}:\d{2})?\s*$")


@dataclass(frozen=True)
class Sentence:
    text: str
    span: tuple[int, int]
    index: int            # order in the article body (0-based)
    repeated: bool = False  # the same text appeared earlier (pasted twice)
    paragraph: int = 0    # which line of the text (0-based, split on "\n"): a story thread


@dataclass(frozen=True)
class Clause:
    text: str
    span: tuple[int, int]  # offsets in the article
    sentence: Sentence


@dataclass(frozen=True)
class Layout:
    """The article cut into its parts; sign-off lines are not body sentences."""
    title: str
    title_span: tuple[int, int] | None
    sentences: tuple[Sentence, ...]
    signoff: tuple[str, ...]
    dateline: str = ""
    subtitle: str = ""


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at ``dot`` closes an abbreviation (U.S., Gen.) or a number (3.5)."""
    # the run of Latin letters and dots before the dot, read backwards and never further than an
    # abbreviation can be (a regex anchored at the end of text[:dot] was quadratic per dot)
    start = dot
    while start > 0 and dot - start <= _LONGEST_ABBREVIATION and (text[start - 1] == "." or (
            text[start - 1].isascii() and text[start - 1].isalpha())):
        start -= 1
    word = text[start:dot]
    if not word or dot - start > _LONGEST_ABBREVIATION:
        return False
    if word.lower().strip(".") in _ABBREVIATIONS:
        return True
    return len(word.strip(".")) == 1 and word[0].isupper()


def _split_paragraph(text: str, start: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for m in _END.finditer(text, start):
        if m.group(0).startswith(".") and len(m.group(0).rstrip("\"'”»)")) == 1 and _is_abbreviation(text, m.start()):
            continue
        spans.append((cursor, m.end()))
        cursor = m.end()
    spans.append((cursor, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.extend(_bounded(text, a, b))
    return out


MAX_SENTENCE_CHARS = 800
"""Longer "sentences" (text with no full stop: lists, pasted tables, hostile input) are cut at a space.
Every later stage reads a trigger's whole sentence, so an unbounded one made ingestion quadratic
(8,000 characters of trigger words took 16 s). In the 144 development articles 12 of 2,027 sentences
are longer than 600 characters and none reaches 1,200; a cut one keeps its words, only split in two."""


def _bounded(text: str, a: int, b: int) -> list[tuple[int, int]]:
    spans = []
    while b - a > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", a + MAX_SENTENCE_CHARS // 2, a + MAX_SENTENCE_CHARS)
        cut = cut if cut > a else a + MAX_SENTENCE_CHARS
        spans.append((a, cut))
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        spans.append((a, b))
    return spans


def _is_signoff_line(line: str) -> bool:
    """Outlet names and time stamps closing an article: short, no sentence punctuation."""
    stripped = line.strip()
    if _DATETIME_LINE.match(stripped):
        return True
    words = stripped.split()
    return 0 < len(words) <= 4 and not re.search(r"[.،,؟?!:]$", stripped) and not re.search(r"\d{3,}", stripped)


def _is_subtitle(line: str) -> bool:
    """A line under the title that reads like a headline too («الاشتباكات بين القوات والتنظيم في مطار X»):
    a few words, no sentence punctuation at all, no dateline. Papers print such a kicker above the lead;
    it names the story's events, which the paragraphs below tell with their dates and sources."""
    stripped = line.strip()
    words = stripped.split()
    return (5 <= len(words) <= 14 and len(stripped) <= 120 and not re.search(r"[.؟?!:،,؛]", stripped)
            and not DATELINE.match(stripped))


def split_article(text: str) -> Layout:
    """Title (first line, if it reads like a headline), body sentences with spans, and sign-off lines."""
    lines = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group(0).strip()]
    title, title_span = "", None
    if len(lines) > 1:
        a, b = lines[0]
        first = text[a:b].strip()
        if len(first) <= 200 and not re.search(r"[.؟?!]\s*[\"'”»]?$", first):
            title, title_span = first, (a, b)
            lines = lines[1:]
    subtitle = ""
    if title and len(lines) > 1 and _is_subtitle(text[lines[0][0]:lines[0][1]]):
        subtitle = text[lines[0][0]:lines[0][1]].strip()  # a second headline: the body below tells its events
        lines = lines[1:]
    signoff: list[str] = []
    while len(lines) > 1 and _is_signoff_line(text[lines[-1][0]:lines[-1][1]]):
        a, b = lines.pop()
        signoff.insert(0, text[a:b].strip())
    sentences: list[Sentence] = []
    seen: set[str] = set()
    dateline = ""
    if lines:
        m = DATELINE.match(text[lines[0][0]:lines[0][1]])
        if m:  # the dateline names the outlet and the filing day, not the event: keep it out of the sentence
            dateline = m.group(0).strip()
            lines[0] = (lines[0][0] + m.end(), lines[0][1])
    newlines = [m.start() for m in re.finditer("\n", text)]
    for a, b in lines:
        for s, e in _split_paragraph(text[:b], a):
            body = text[s:e]
            key = re.sub(r"\s+", " ", fold_text(body)).strip()
            sentences.append(Sentence(body, (s, e), len(sentences), repeated=key in seen,
                                      paragraph=bisect.bisect_left(newlines, s)))
            seen.add(key)
    return Layout(title, title_span, tuple(sentences), tuple(signoff), dateline, subtitle)


def split_clauses(sentence: Sentence) -> list[Clause]:
    """Cut a sentence at "while/whereas" (بينما، في حين، فيما) so each event gets its own clause."""
    text = sentence.text
    base = sentence.span[0]
    clauses = []
    cursor = 0
    for m in _CLAUSE.finditer(text):
        if m.start() > cursor:
            clauses.append(Clause(text[cursor:m.start()], (base + cursor, base + m.start()), sentence))
        cursor = m.end()
    if cursor < len(text):
        clauses.append(Clause(text[cursor:], (base + cursor, base + len(text)), sentence))
    return clauses
