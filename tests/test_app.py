"""Every page through Streamlit's AppTest (no browser): no exception, filters from the URL."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "streamlit_app.py")
PAGES = ["pages/overview.py", "pages/actors.py", "pages/corpus.py"]


def run(page: str | None = None, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs(page):
    at = run(page)
    assert at.title[0].value in ("Briefing overview", "Corpus", "Who is talked about together")


def test_overview_cards_and_evidence():
    at = run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "5" and metrics["Languages"] == "en, it"
    at.selectbox(key="overview_actor").select("TWN").run()
    assert not at.exception
    evidence = at.dataframe[-1].value
    assert len(evidence) >= 3 and evidence.text.str.contains("Taiwan").all()


def test_filters_come_from_the_url_and_stay_there():
    at = run(lang="it")
    assert {m.label: m.value for m in at.metric}["Articles"] == "1"
    assert at.multiselect(key="flt_languages").value == ["it"]
    at.switch_page("pages/corpus.py").run()
    assert at.query_params["lang"] == ["it"] or at.query_params["lang"] == "it"
    assert len(at.dataframe[0].value) == 1


def test_widgets_write_the_url():
    at = run()
    at.multiselect(key="flt_actors").select("TWN").run()
    assert "TWN" in str(at.query_params["actors"])
    assert {m.label: m.value for m in at.metric}["Articles"] == "2"


def test_actors_cell_shows_its_evidence_and_lives_in_the_url():
    at = run("pages/actors.py")
    assert at.caption[0].value.startswith("Number of sentences that mention both")
    at.selectbox(key="cm_a").select("JPN").run()
    at.selectbox(key="cm_b").select("PRK").run()
    assert not at.exception
    assert at.subheader[0].value == "Japan × North Korea"
    assert "29 sentences" in at.caption[1].value
    assert at.query_params["cell"] in ("JPN,PRK", ["JPN,PRK"])
    evidence = at.get("html")[0].proto.body
    assert evidence.count("<li>") == 29 and "<mark" in evidence


def test_actors_view_from_a_link():
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/actors.py")
    for key, value in {
        "measure": "npmi",
        "window": "paragraph",
        "cell": "JPN,PRK",
        "dedupe": "0",
        "lang": "en",
    }.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    assert at.selectbox(key="cm_measure").value == "npmi"
    assert at.selectbox(key="cm_window").value == "paragraph"
    assert at.toggle(key="cm_dedupe").value is False
    assert at.subheader[0].value == "Japan × North Korea"
    assert "Normalised PMI" in at.caption[1].value
