"""The map card's text (mapview/cards.py): language order, UCDP chains read back, cleaning, shards."""
from __future__ import annotations

import json

import pandas as pd

from mapview import cards


def _row(**kw):
    base = {"id": "ev-1", "title_en": "Shelling of a market", "title_ar": "قصف سوق", "place_en": "Kafr Nabl",
            "place_ar": "كفرنبل", "place_as_written": "كفر نبل", "actors": "Army; Rebels", "outlet": "",
            "agency": "", "source": "", "published": pd.NaT, "quote": ""}
    base.update(kw)
    return base


def test_title_and_place_follow_the_language_and_fall_back():
    assert cards.card(_row(), "en")[:2] == ["Shelling of a market", "Kafr Nabl"]
    assert cards.card(_row(), "ar")[:2] == ["قصف سوق", "كفرنبل"]
    # an Arabic page without an Arabic title shows the English one; no title at all: the id
    assert cards.card(_row(title_ar=""), "ar")[0] == "Shelling of a market"
    assert cards.card(_row(title_en=None, title_ar=None), "en")[0] == "ev-1"
    assert cards.card(_row(place_en="", place_ar=""), "en")[1] == "كفر نبل"


def test_a_packed_ucdp_chain_becomes_articles_capped_with_a_count_of_the_rest():
    packed = ";".join(f'"Outlet {k},2017-0{k}-01,Headline {k}"' for k in range(1, 6))
    c = cards.card(_row(source=packed), "en")
    assert c[3] == [["Outlet 1", "2017-01-01", "Headline 1"], ["Outlet 2", "2017-02-01", "Headline 2"],
                    ["Outlet 3", "2017-03-01", "Headline 3"]]
    assert c[4] == 2


def test_a_plain_source_gives_outlet_day_and_quote():
    c = cards.card(_row(outlet="Enab Baladi", published=pd.Timestamp("2019-05-02"), quote="two killed"), "en")
    assert c[3] == [["Enab Baladi", "2019-05-02", "two killed"]] and c[4] == 0
    assert cards.card(_row(), "en")[3] == []


def test_bidi_controls_are_removed_and_long_text_is_cut():
    c = cards.card(_row(title_en="gpj\u202e.exe", quote="x" * 1000, outlet="O"), "en")
    assert c[0] == "gpj.exe"
    assert len(c[3][0][2]) == cards.MAX_CHARS and c[3][0][2].endswith("…")
    assert cards.card(_row(actors="A; B"), "en")[2] == "A, B"


def test_cards_keep_the_frame_order_and_shards_are_json_files(tmp_path):
    frame = pd.DataFrame([_row(id="a", title_en="first"), _row(id="b", title_en="second")])
    rows = cards.cards(frame, "en")
    assert [r[0] for r in rows] == ["first", "second"]
    path = cards.write_shard(tmp_path, "evc-x", 3, rows)
    assert path == cards.shard_path(tmp_path, "evc-x", 3) and path.name == "evc-x-3.json"
    assert json.loads(path.read_text(encoding="utf-8")) == rows
    assert not list(tmp_path.glob("*.ctmp"))
