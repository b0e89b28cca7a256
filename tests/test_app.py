"""Every page through Streamlit's AppTest (no browser): no exception, filters from the URL."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "streamlit_app.py")
PAGES = ["pages/overview.py", "pages/corpus.py"]


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
    assert at.title[0].value in ("Briefing overview", "Corpus")


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
