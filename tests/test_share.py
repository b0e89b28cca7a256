"""Sharing from the app (AppTest, no browser): every page's view lives in the URL and comes
back after a page switch; every page has the copy-link control and the downloads."""

import pytest
from streamlit.testing.v1 import AppTest

from analysis.findings import reported_events
from tests.conftest import ROOT

APP = str(ROOT / "streamlit_app.py")


def params(at: AppTest) -> dict[str, str]:
    return {k: v[0] if isinstance(v, list) else v for k, v in at.query_params.items()}


def switch(at: AppTest, page: str) -> None:
    """Change page as a browser does: Streamlit drops the query string on a page change
    (AppTest keeps it, so it is cleared here)."""
    for key in list(at.query_params):
        del at.query_params[key]
    at.switch_page(page).run()
    assert not at.exception, at.exception


def start(page: str, **query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def test_a_page_comes_back_as_it_was_left_and_writes_its_view_into_the_url_again():
    at = start("pages/actors.py")
    at.selectbox(key="cm_measure").select("npmi").run()
    at.selectbox(key="cm_a").select("JPN").run()
    at.selectbox(key="cm_b").select("PRK").run()
    at.multiselect(key="flt_languages").select("en").run()
    assert params(at) == {"measure": "npmi", "cell": "JPN,PRK", "lang": "en"}
    switch(at, "pages/corpus.py")
    assert params(at) == {"lang": "en"}  # the corpus page has no settings of its own
    switch(at, "pages/actors.py")
    assert at.selectbox(key="cm_measure").value == "npmi"
    assert at.subheader[0].value == "Japan × North Korea"
    assert params(at) == {"measure": "npmi", "cell": "JPN,PRK", "lang": "en"}


def test_every_page_setting_survives_a_round_trip_through_another_page(seed_tables):
    event = reported_events(seed_tables)["event_id"].iloc[0]
    at = start("pages/timeline.py")
    at.radio(key="tl_lanes").set_value("article").run()
    at.selectbox(key="tl_event").select(event).run()
    assert params(at) == {"lanes": "article", "event": event}
    switch(at, "pages/words.py")
    at.selectbox(key="words_b").select("language:it").run()
    switch(at, "pages/reader.py")
    at.selectbox(key="rd_actor").select("JPN").run()
    switch(at, "pages/overview.py")
    at.selectbox(key="overview_actor").select("TWN").run()
    assert params(at) == {"actor": "TWN"}
    switch(at, "pages/timeline.py")
    assert at.radio(key="tl_lanes").value == "article"
    assert at.selectbox(key="tl_event").value == event
    assert params(at) == {"lanes": "article", "event": event}
    switch(at, "pages/words.py")
    assert params(at) == {"b": "language:it"}
    switch(at, "pages/reader.py")
    assert params(at) == {"actor": "JPN"}
    switch(at, "pages/overview.py")
    assert at.selectbox(key="overview_actor").value == "TWN"


def test_the_overview_actor_and_the_timeline_event_come_from_the_url():
    at = start("pages/overview.py", actor="TWN")
    assert at.selectbox(key="overview_actor").value == "TWN"
    assert any("sentences mention Taiwan" in c.value for c in at.caption)
    at = start("pages/timeline.py", event="not-an-event", lanes="article")
    assert at.selectbox(key="tl_event").value == ""
    assert at.radio(key="tl_lanes").value == "article"


def test_a_malformed_cell_in_the_url_selects_nothing():
    at = start("pages/actors.py", cell="JPN,PRK,RUS")
    assert at.selectbox(key="cm_a").value == "" and at.selectbox(key="cm_b").value == ""
    at = start("pages/actors.py", cell="JPN,PRK")
    assert at.subheader[0].value == "Japan × North Korea"


@pytest.mark.parametrize(
    ("page", "downloads"),
    [
        ("pages/overview.py", {"overview_actors_csv"}),
        ("pages/timeline.py", {"tl_events_csv"}),
        ("pages/actors.py", {"cm_csv"}),
        ("pages/reader.py", set()),
        ("pages/words.py", {"words_png_A", "words_counts_csv_A"}),
        ("pages/corpus.py", {"corpus_csv", "corpus_tables_zip"}),
    ],
)
def test_every_page_has_the_copy_link_control_and_its_downloads(page, downloads):
    at = start(page)
    frames = [e for e in at.sidebar if e.type == "iframe"]
    assert len(frames) == 1 and "navigator.clipboard.writeText" in frames[0].proto.srcdoc
    keys = {b.key for b in at.get("download_button")}
    assert keys == downloads | {"share_briefing"}


def test_links_into_the_reader_keep_the_filters():
    at = start("pages/overview.py", lang="it", actor="JPN")
    links = at.dataframe[-1].value["read"]
    assert len(links) > 0
    assert all(link.startswith("reader?left=002_") and link.endswith("&lang=it") for link in links)
