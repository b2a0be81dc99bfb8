"""Arabic month names in both forms Arabic news uses (issue 12): Levantine (كانون الثاني، شباط…) and
Egyptian (يناير، فبراير…), chosen in the sidebar; by default the form of the stored events' own text."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.ui.conftest import run_app

from ui.i18n import format_span, month_names, month_style_of



def test_both_forms_have_twelve_distinct_names_and_english_is_untouched():
    for style in ("levantine", "egyptian"):
        names = month_names("ar", style)
        assert len(names) == len(set(names)) == 12
    assert month_names("ar", "egyptian")[0] == "يناير" and month_names("ar", "levantine")[0] == "كانون الثاني"
    assert month_names("en", "egyptian")[0] == "Jan"
    assert format_span(date(2017, 8, 26), date(2017, 9, 5), "ar", months="egyptian") == "26 أغسطس – 5 سبتمبر 2017"
    assert format_span(date(2017, 8, 26), date(2017, 9, 5), "ar") == "26 آب – 5 أيلول 2017"


def test_the_texts_form_wins_and_levantine_is_the_default():
    assert month_style_of(["وقع الهجوم في 3 يناير", "يوم 5 فبراير", "في آب"]) == "egyptian"
    assert month_style_of(["ليلة 26 آب", "مطلع أيلول", "في 3 مارس"]) == "levantine"
    assert month_style_of([None, "", "no month here"]) == "levantine"


def _store_with_dates(tmp_path, written: str):
    from events.store import open_store, seed_store
    path = tmp_path / "events.sqlite"
    with open_store(path) as store:
        seed_store(store)
        new = []
        for i, ev in enumerate(store.get(e) for e in ("seed-2017-09-05-dez-siege-broken",
                                                      "seed-2017-08-26-tarif-evacuation")):
            new.append(replace(ev, id=f"eg-{i}", date=replace(ev.date, as_written=f"{written} {i}"),
                               title_ar=f"حدث في {written}"))
        store.add(new, author="t")
    return path


def test_dashboard_follows_the_texts_months_and_the_setting(tmp_path, monkeypatch):
    path = _store_with_dates(tmp_path, "السبت 2 سبتمبر وفي 3 أغسطس ويوم 4 يوليو")
    at = run_app(monkeypatch, path, lang="ar")
    caption = " ".join(m.value for m in at.markdown)
    assert "مايو" in caption and "أيار" not in caption        # the texts write Egyptian names
    assert "المصرية" in at.selectbox(key="month_style").format_func("auto")
    at.selectbox(key="month_style").set_value("levantine").run()
    caption = " ".join(m.value for m in at.markdown)
    assert "أيار" in caption and "مايو" not in caption


def test_seed_text_is_levantine(app_env, monkeypatch):
    at = run_app(monkeypatch, lang="ar")
    assert "أيار" in " ".join(m.value for m in at.markdown)


def test_a_chosen_month_form_travels_in_the_permalink(app_env, monkeypatch):
    from ui.permalink import ViewState, from_params, to_params
    assert to_params(ViewState(lang="ar", months="egyptian"))["months"] == ["egyptian"]
    assert "months" not in to_params(ViewState(lang="ar"))
    view, problems = from_params({"months": ["nabataean"]})
    assert view.months is None and problems[0].name == "months"
    at = run_app(monkeypatch, lang="ar", months="egyptian")
    assert at.selectbox(key="month_style").value == "egyptian"
    assert "مايو" in " ".join(m.value for m in at.markdown)
