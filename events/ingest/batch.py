"""Many articles in one run: ``python -m events ingest a.txt b.txt …`` or ``… articles.jsonl``.

Why a module: the batch reader (files or a JSONL of articles with ``id``, ``title``,
``content``, ``published``, ``outlet``) is shared by the CLI and the benchmarks, and
the gazetteer is built once for the whole batch (about half a second), not per article.
Each draft and note carries ``article_id``: the JSONL ``id`` or the file name.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator

from errors import InputError, ParseError
from events.ingest.cli_support import read_article_file
from events.io._common import json_lines


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    published: date | None
    outlet: str | None


def _day(value: object, where: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ParseError("published is not a date (YYYY-MM-DD)", field="published", value=value, where=where) from None


def read_jsonl(path: str) -> Iterator[Article]:
    """Articles of a JSONL file; a line that is not a JSON object with ``content`` is refused with its line number."""
    text = read_article_file(path) if Path(path).stat().st_size < 4_000_000 else Path(path).read_text(encoding="utf-8")
    for n, line in enumerate(json_lines(text), 1):   # "\n" only: U+2028 in an article is not a line break
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            row = json.loads(line)
        except ValueError as exc:   # JSONDecodeError, or an integer of 4,300+ digits
            raise ParseError(f"not JSON: {getattr(exc, 'msg', exc)}", where=where) from None
        if not isinstance(row, dict) or not isinstance(row.get("content"), str):
            raise ParseError("each line needs an object with a 'content' string", where=where)
        title = (row.get("title") or "").strip()
        body = row["content"]
        yield Article(str(row.get("id") or f"{Path(path).name}:{n}"), (title + "\n" + body) if title else body,
                      _day(row.get("published"), where), row.get("outlet") or None)


def read_inputs(names: list[str]) -> list[Article]:
    """Files (one article each; ``-`` = stdin) and ``.jsonl`` files (many), in the order given."""
    if not names:
        raise InputError("no input: give article files or a .jsonl of articles", field="FILES", where="ingest")
    out: list[Article] = []
    for name in names:
        if name.endswith(".jsonl"):
            if not Path(name).is_file():
                raise InputError("no such file", field="FILES", value=name, where="ingest")
            out.extend(read_jsonl(name))
        else:
            out.append(Article(Path(name).name if name != "-" else "stdin", read_article_file(name), None, None))
    return out
