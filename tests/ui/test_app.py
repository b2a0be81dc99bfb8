"""Streamlit AppTest: the dashboard runs, the slider and filters narrow the table, links reopen views."""
from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import REPO

APP = str(REPO / "app.py")


def _run(**params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def _table_ids(at: AppTest) -> set[str]:
    df = at.dataframe[0].value
    return set(df[df.columns[-1]])


def test_app_runs_and_shows_all_seed_events(app_env):
    at = _run()
    assert not at.exception
    assert len(at.dataframe) == 1
    assert len(at.dataframe[0].value) == 7
    assert "7 of 7 events shown" in " ".join(m.value for m in at.markdown)


def test_slider_narrows_table(app_env):
    at = _run()
    slider = at.slider(key="window")
    assert slider.value == (date(2017, 5, 1), date(2017, 9, 5))
    slider.set_value((date(2017, 8, 25), date(2017, 8, 29))).run()
    assert not at.exception
    ids = _table_ids(at)
    # 26 Aug (al-Tarif night), 28 Aug (al-Buleel), and the late-August range claim and its denial overlap.
    assert "seed-2017-08-26-tarif-evacuation" in ids
    assert "seed-2017-08-28-buleel-evacuation" in ids
    assert "seed-2017-05-kasra-evacuation" not in ids
    assert "seed-2017-09-05-dez-siege-broken" not in ids
    assert len(ids) == 4
    assert "25–29 Aug 2017, 4 events" in " ".join(m.value for m in at.markdown)


def test_status_filter_narrows_table(app_env):
    at = _run()
    at.multiselect(key="f_status").set_value(["denied"]).run()
    assert not at.exception
    assert _table_ids(at) == {"seed-2017-09-07-coalition-denial"}
    assert at.query_params["status"] == ["denied"] or at.query_params["status"] == "denied"


def test_permalink_reproduces_filters_and_window(app_env):
    at = _run(status="claimed", **{"from": "2017-08-20", "to": "2017-08-31"})
    assert not at.exception
    assert at.multiselect(key="f_status").value == ["claimed"]
    assert at.slider(key="window").value == (date(2017, 8, 20), date(2017, 8, 31))
    assert _table_ids(at) == {"seed-2017-08-late-dez-evacuations", "seed-2017-08-26-tarif-evacuation",
                              "seed-2017-08-28-buleel-evacuation"}
    assert not at.warning


def test_bad_permalink_param_is_a_warning_not_a_crash(app_env):
    at = _run(status="bogus", **{"from": "2017-02-30"}, z="99")
    assert not at.exception
    text = " ".join(w.value for w in at.warning).replace("\\", "")   # shown markdown-escaped
    assert "status" in text and "bogus" in text
    assert "2017-02-30" in text
    assert len(at.dataframe[0].value) == 7        # bad filters ignored, everything shown


def test_language_toggle_switches_labels(app_env):
    at = _run()
    # the title is an <h1 dir="auto"> (so the Arabic one is right-to-left, issue 12)
    assert any('class="evm-title"' in m.value and "Syria events map" in m.value for m in at.markdown)
    at.radio(key="lang").set_value("ar").run()
    assert not at.exception
    assert any('class="evm-title"' in m.value and "خريطة أحداث سوريا" in m.value for m in at.markdown)
    assert at.slider(key="window").label == "التواريخ المعروضة"
    assert "direction: rtl" in " ".join(m.value for m in at.markdown)
    assert "ادعاء" in set(at.dataframe[0].value.iloc[:, 3])   # claim status label in Arabic
    assert at.query_params["lang"] in (["ar"], "ar")


def test_table_row_selection_opens_side_panel(app_env):
    at = _run(sel="seed-2017-09-07-coalition-denial")
    assert not at.exception
    html = " ".join(h.proto.body for h in at.get("html"))
    assert 'data-event-id="seed-2017-09-07-coalition-denial"' in html
    # the denial links to the claims it denies
    labels = [b.label for b in at.button]
    assert any("US forces said to have evacuated" in lbl.replace("\\", "") for lbl in labels)


def test_crafted_link_cannot_inject_markdown(app_env):
    at = _run(colour="![x](http://example.invalid/track.png)", q="[click](javascript:alert(1))")
    assert not at.exception
    raw = " ".join(w.value for w in at.warning)
    assert "![x](" not in raw and "\\!\\[x\\]\\(" in raw       # escaped: shown as text, never an image
