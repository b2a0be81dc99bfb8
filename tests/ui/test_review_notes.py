"""Review page (issue 11, "done means"): each draft shows its class, where its date came from and the parts
of its place; context notes are listed with their sentence, and one click turns a note into a draft.
The article is our own text (not from any outlet)."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import REPO, read_on_review_page
from ui.review import provenance

APP = str(REPO / "app.py")
ARTICLE = ("Warplanes struck the town of Saraqib on Monday, killing 4 people, activists said.\n\n"
           "Since September 2014, the coalition has killed more than 3,000 civilians in Raqqa province.")


def _starts(at: AppTest) -> list:
    return [d.value for d in at.date_input if d.key and d.key.endswith("-ds")]


def _note_buttons(at: AppTest) -> list:
    return [b for b in at.button if b.key and b.key.startswith("note-")]


def test_drafts_show_provenance_and_a_note_becomes_a_draft_in_one_click(fresh_store):
    at = read_on_review_page(AppTest.from_file(APP, default_timeout=90).run(), ARTICLE, date(2017, 8, 20),
                             outlet="Test Wire", timeout=90)

    assert _starts(at) == [date(2017, 8, 14)]                     # one incident: the strike, last Monday
    captions = [c.value.replace("\\", "") for c in at.caption]           # rendered Markdown: escapes dropped
    [line] = [c for c in captions if c.startswith("class:")]
    assert "class: incident" in line and "date: stated in its sentence" in line
    assert "the town of Saraqib" in line and "governorate: Idleb" in line

    [header] = [h.value for h in at.subheader if h.value.startswith("Context notes")]
    assert header.startswith("Context notes (1)")
    note_text = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "aggregate / total" in note_text and "Since September 2014" in note_text and "Raqqa province" in note_text

    [button] = _note_buttons(at)
    button.click().run(timeout=90)
    assert not at.exception
    assert len(_starts(at)) == 2 and not _note_buttons(at)        # the note is now the second draft
    assert not [h for h in at.subheader if h.value.startswith("Context notes")]
    lines = [c.value.replace("\\", "") for c in at.caption if c.value.startswith("class:")]
    assert "class: aggregate / total" in lines[1]

    [_, accept] = [b for b in at.button if b.label == "Accept and save"]
    accept.click().run(timeout=90)
    assert not at.exception and not at.error
    from events.query import Query
    from events.store import open_store
    assert open_store(fresh_store).count(Query(include_undated=True)) == 8


def test_provenance_line_in_both_languages_and_escaped():
    draft = SimpleNamespace(kind="incident", date_source="default",
                            place_parts=("as written: *Saraqib* [x](y)", "governorate: Idleb"))
    en = provenance(draft, "en")
    assert en.startswith("class: incident · date: not stated: the publication default")
    assert r"\*Saraqib\*" in en and r"\[x\]\(y\)" in en
    ar = provenance(draft, "ar")
    assert "التصنيف: حدث" in ar and "افتراضي النشر" in ar
    assert "كما كُتب: " in ar and "المحافظة: Idleb" in ar and "as written" not in ar and r"\*Saraqib\*" in ar
    assert "governorate: Idleb" in en
    thread = provenance(SimpleNamespace(kind="background", date_source="thread", place_parts=()), "en")
    assert thread == "class: background / history · date: taken from the event before it (same story)"
