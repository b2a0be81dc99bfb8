"""UCDP's packed source string read back into its articles (outlet, date, headline).

Why: UCDP GED packs all of an event's articles into one ``source_article``
string, ``"SOHR,2016-06-26,Warplanes kill…";"Reuters News,2016-05-13,…"``,
and its ``source_office``/``source_headline`` fields into ``;``-joined lists.
Shown as they are, the side panel repeated the same headline three times in
quotes and commas. Here that string is read back into its articles, in
bounded time (one linear scan, at most ``MAX_ARTICLES`` kept, each part
capped). Knowledge of the dataset's format lives with its reader (``events/io/ucdp.py``);
the side panel (``ui/sources.py``) only renders what this returns. A source that is not in that
shape gives no articles, and the caller shows it as it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: an article's ",YYYY-MM-DD," between outlet and headline (fixed width: linear, no backtracking)
_DATE = re.compile(r",(\d{4}-\d{2}-\d{2}),")
MAX_ARTICLES = 30
MAX_PART = 600
MAX_TEXT = 40_000


@dataclass(frozen=True)
class Article:
    outlet: str
    published: str
    headline: str


def _items(text: str) -> list[str]:
    """Split ``"a";"b";"c"`` on the ``";"`` between quoted items (quotes removed)."""
    body = text.strip()
    if len(body) < 2 or not (body.startswith('"') and body.endswith('"')):
        return []
    return body[1:-1].split('";"')


def parse_articles(text: str | None) -> list[Article]:
    """The articles of a UCDP ``source_article`` string; empty when ``text`` is not in that shape."""
    if not text or len(text) > MAX_TEXT:
        return []
    out: list[Article] = []
    for item in _items(text):
        m = _DATE.search(item)
        if not m:
            return []           # not UCDP's shape: the caller shows the text as it is
        outlet, headline = item[:m.start()].strip(), item[m.end():].strip()
        if not outlet and not headline:
            continue
        out.append(Article(outlet[:MAX_PART], m.group(1), headline[:MAX_PART]))
        if len(out) >= MAX_ARTICLES:
            break
    return out
