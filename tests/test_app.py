"""Every page through Streamlit's AppTest (no browser): no exception, filters from the URL."""

import pytest
from streamlit.testing.v1 import AppTest

from analysis import sentiment as S
from tests.conftest import ROOT

APP = str(ROOT / "streamlit_app.py")
PAGES = [
    "pages/overview.py",
    "pages/timeline.py",
    "pages/actors.py",
    "pages/sentiment.py",
    "pages/reader.py",
    "pages/words.py",
    "pages/corpus.py",
]


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
    titles = {
        "overview": "Briefing overview",
        "timeline": "Timeline",
        "corpus": "Corpus",
        "actors": "Who is talked about together",
        "sentiment": "How each article portrays each state",
        "reader": "Reader",
        "words": "Words",
    }
    assert at.title[0].value == titles[page.split("/")[1][:-3]]


def test_overview_cards_and_evidence():
    at = run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "5" and metrics["Languages"] == "en, it"
    at.selectbox(key="overview_actor").select("TWN").run()
    assert not at.exception
    evidence = at.dataframe[-1].value
    assert len(evidence) >= 3 and evidence.text.str.contains("Taiwan").all()
    assert list(evidence.columns[:2]) == ["text", "mentions"]  # the sentence first
    assert evidence.read.str.contains("reader").all()


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
    assert at.caption[0].value.startswith("Normalised PMI: above 0")  # not "Normalised pmi"


def test_reader_defaults_to_the_translation_pair_and_takes_a_pair_from_the_url():
    at = run("pages/reader.py")
    assert at.selectbox(key="rd_left").value.startswith("000")
    assert at.selectbox(key="rd_right").value.startswith("002")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Aligned"] == "98%" and metrics["Paragraphs only on the left"] == "3"
    table = at.get("html")[-1].proto.body
    assert table.count("<tr class='aligned'>") == 20 and "Leave a Reply" in table
    # the translation's headline line is named as such, the original's related link is not
    diffs = next(h.proto.body for h in at.get("html") if "class='diffs'" in h.proto.body)
    assert "paragraph 0: <q>Il Giappone è invitato" in diffs and "— its headline" in diffs
    assert "Modi and Zelenskyy discuss bilateral relations at G7 Summit</q> — page residue" in diffs
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/reader.py")
    ids = ["000_466074d7abe5a936", "003_e3cb2736f74f9428"]
    at.query_params["left"], at.query_params["right"] = ids
    at.query_params["actor"] = "TWN"
    at.run()
    assert not at.exception
    assert at.selectbox(key="rd_right").value == ids[1]
    table = at.get("html")[-1].proto.body
    assert "Taiwan" in table and table.count("<tr") <= 6


def vostochny_event(seed_tables) -> str:
    """The Kim–Putin meeting of September 2023 (reported by two outlets and a translation)."""
    from analysis.timeline import events_view

    view = events_view(seed_tables)
    rows = view[
        (view.date == "2023-09") & view.actors.str.contains("PRK") & view.actors.str.contains("RUS")
    ]
    assert len(rows) == 1
    return rows.event_id.iloc[0]


def test_timeline_event_lists_its_sources_and_lives_in_the_url(seed_tables):
    event_id = vostochny_event(seed_tables)
    at = run("pages/timeline.py")
    at.selectbox(key="tl_event").select(event_id).run()
    assert not at.exception
    assert "by 2 independent sources" in " ".join(c.value for c in at.caption)
    evidence = at.get("html")[0].proto.body
    assert evidence.count("<li>") >= 3 and "Vostochny" in evidence and "reader?left=" in evidence
    assert at.query_params["event"] in (event_id, [event_id])
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/timeline.py")
    at.query_params["event"] = event_id
    at.query_params["lanes"] = "article"
    at.run()
    assert not at.exception and at.radio(key="tl_lanes").value == "article"
    assert at.selectbox(key="tl_event").value == event_id


def test_sentiment_cell_shows_its_sentences_and_lives_in_the_url():
    at = run("pages/sentiment.py")
    assert len(at.get("plotly_chart")) >= 1
    first_row = at.selectbox(key="se_article").options[1]
    at.selectbox(key="se_article").select(first_row).run()
    at.selectbox(key="se_actor").select("RUS").run()
    assert not at.exception
    assert at.subheader[0].value.startswith("Russia in ")
    cell = at.query_params["cell"]
    assert (cell[0] if isinstance(cell, list) else cell).endswith(",RUS")
    evidence = at.get("html")[0].proto.body
    n = evidence.count("<li>")
    assert n >= 1 and f"over {n} sentences" in at.caption[1].value
    assert "<mark" in evidence and "read in context" in evidence
    assert any(method in evidence for method in ("model", "lexicon"))


def test_sentiment_view_from_a_link():
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/sentiment.py")
    for key, value in {"rows": "negative", "cols": "alphabetical", "state": "PRK"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    assert at.selectbox(key="se_rows").value == "negative"
    assert at.selectbox(key="se_cols").value == "alphabetical"
    assert at.selectbox(key="se_state").value == "PRK"


def test_sentiment_evidence_says_where_a_reading_came_from():
    at = run("pages/sentiment.py")
    options = at.selectbox(key="se_article").options
    english = next(o for o in options if o.startswith("000"))
    italian = next(o for o in options if o.startswith("002"))
    at.selectbox(key="se_article").select(english).run()
    at.selectbox(key="se_actor").select("PRK").run()
    assert not at.exception
    # North Korea named beside Russia ("between Russia and North Korea") shares its reading
    assert "read as Russia (listed together)" in at.get("html")[0].proto.body
    at.selectbox(key="se_article").select(italian).run()
    assert not at.exception
    assert "projected through 000" in at.get("html")[0].proto.body


def test_projected_evidence_names_its_original_even_when_filtered_out():
    ids = sorted(p.stem for p in (ROOT / "data" / "articles").glob("*.txt"))
    italian = next(i for i in ids if i.startswith("002"))
    others = [i for i in ids if not i.startswith("000")]
    at = run("pages/sentiment.py", articles=",".join(others), cell=f"{italian},RUS")
    assert not at.exception
    assert not any(o.startswith("000") for o in at.selectbox(key="se_article").options)
    assert "projected through 000 · Japan" in at.get("html")[0].proto.body


@pytest.mark.parametrize(
    "page, key, top, shown",
    [
        ("pages/actors.py", "cm_top", "999", 40),
        ("pages/sentiment.py", "se_top", "-1", 2),
    ],
)
def test_a_links_count_out_of_the_sliders_range_is_clamped_not_raised(page, key, top, shown):
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page(page)
    at.query_params["top"] = top
    at.query_params["from"] = "2024-13-45"
    at.query_params["min"] = "5000"  # the actors page's "Min. mentions" input: at most 1000
    at.run()
    assert not at.exception, at.exception
    assert at.slider(key=key).value == shown
    from ui.render import plain

    assert f"The link's top={plain(top)} is not a value of this page: {shown} is" in " ".join(
        t.value for t in at.toast
    )
    if page == "pages/actors.py":
        assert at.number_input(key="cm_min").value == 1000


def test_a_links_setting_the_page_does_not_know_is_said_once():
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/actors.py")
    at.query_params.update(measure="sideways", cell="JPN")
    at.run()
    assert not at.exception, at.exception
    toasts = [t.value for t in at.toast]
    assert any("measure=sideways" in t for t in toasts)
    assert sum("cell=JPN" in t for t in toasts) == 1  # one cell, bound as two pickers


TALKS = (
    b"Japan and South Korea agree to share radar data\n\n"
    b"Tokyo, 3 March 2025 - Japan and South Korea agreed on Monday to share radar data on "
    b"North Korea's missile launches in real time, officials in Seoul said.\n"
)


def test_uploads_are_named_in_the_url_and_a_link_brings_them_back():
    from ui import data

    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state[data.UPLOADS] = {"talks.txt": TALKS}
    at.run()
    assert not at.exception
    token = at.query_params[data.UPLOAD_PARAM]
    assert token == data.token({"talks.txt": TALKS})
    assert {m.label: m.value for m in at.metric}["Articles"] == "6"
    # a reader link opens a new session: it finds the uploads by the token its URL carries
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/reader.py")
    at.query_params.update(uploads=token, left="talks", para="1")
    at.run()
    assert not at.exception
    assert at.selectbox(key="rd_left").value == "talks"
    assert not at.warning
    assert 'id="p-talks-1"' in at.get("html")[-1].proto.body
    assert any("p-talks-1" in f.proto.srcdoc for f in at.get("iframe"))  # scrolled into view


def test_a_link_to_uploads_the_server_no_longer_holds_says_so():
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/reader.py")
    at.query_params["uploads"], at.query_params["left"] = "0" * 32, "talks"
    at.run()
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "no longer holds them" in warnings and "talks" in warnings
    assert {m.label for m in at.metric} and "uploads" not in at.query_params
    assert at.selectbox(key="rd_left").value.startswith("000")


def test_a_reader_link_naming_one_article_opens_it_beside_its_translation():
    # every "read in context" link names only `left`; labels show short ids ("002")
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/reader.py")
    at.query_params["left"] = "002"
    at.run()
    assert not at.exception
    assert at.selectbox(key="rd_left").value.startswith("002_")
    assert at.selectbox(key="rd_right").value.startswith("000_")  # its original, not 001
    assert {m.label: m.value for m in at.metric}["Aligned"] == "98%"
    assert at.query_params["left"].startswith("002_") and "right" not in at.query_params
    at = run("pages/reader.py", left="003_e3cb2736f74f9428")  # no partner: another article
    assert at.selectbox(key="rd_right").value != "003_e3cb2736f74f9428"


def test_a_reader_link_to_a_filtered_out_article_says_so():
    at = run("pages/reader.py", lang="en", left="002_b0a8edb7f0eb0aac")
    assert "the sidebar filters hide" in " ".join(w.value for w in at.warning)


def test_a_links_filters_the_corpus_cannot_apply_are_named():
    at = run(articles="nowhere", lang="it")
    warning = " ".join(w.value for w in at.warning)
    assert "ignored: articles = nowhere" in warning
    assert {m.label: m.value for m in at.metric}["Articles"] == "1"
    # a date range the articles do not reach, or one upside down, is named too
    at = run(**{"from": "2030-01-01"})
    assert "from = 2030" in " ".join(w.value for w in at.warning)
    assert {m.label: m.value for m in at.metric}["Articles"] == "5"
    at = run(**{"from": "2024-06-01", "to": "2023-12-01"})
    assert "to = 2023" in " ".join(w.value for w in at.warning)


def test_the_reader_tells_a_masthead_from_the_articles_headline():
    from ui import data

    story = (
        b"What to watch as Kim heads to Russia\n\n"
        b"Tokyo, 3 March 2025 - Japan and South Korea are bracing for a summit between Kim Jong "
        b"Un and Vladimir Putin in Vladivostok, officials in Seoul said on Monday.\n\n"
        b"The visit would cap two years of deepening military ties between Moscow and "
        b"Pyongyang, which Washington calls a threat to the region.\n"
    )
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state[data.UPLOADS] = {
        "plain.txt": story,
        "masthead.txt": b"Global Currents\n" + story,
    }
    at.switch_page("pages/reader.py")
    at.query_params.update(left="masthead", right="plain")
    at.run()
    assert not at.exception
    diffs = next(h.proto.body for h in at.get("html") if "class='diffs'" in h.proto.body)
    assert "<q>Global Currents</q> — a heading line above the story, not its title" in diffs


def test_an_upload_dated_after_every_article_is_shown_not_filtered_by_the_old_span():
    from ui import data

    at = run()
    assert "Showing 5 of 5 articles" in at.sidebar.caption[-1].value
    at.session_state[data.UPLOADS] = {"talks.txt": TALKS.replace(b"3 March 2025", b"2 May 2025")}
    at.run()
    assert not at.exception
    assert "Showing 6 of 6 articles" in at.sidebar.caption[-1].value
    assert "to" not in at.query_params


def test_the_reader_claims_no_alignment_between_two_different_stories():
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/reader.py")
    at.query_params["left"], at.query_params["right"] = (
        "001_81f3559a72cf03aa",
        "002_b0a8edb7f0eb0aac",
    )
    at.run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert "Aligned" not in metrics and metrics["Related"] == "0%"  # was "Aligned 76%"
    table = at.get("html")[-1].proto.body
    assert "<tr class='apart'>" in table and "<tr class='aligned'>" not in table
    # a link naming only the translation opens it beside its original, whichever side
    at = run("pages/reader.py", left="002_b0a8edb7f0eb0aac")
    assert at.selectbox(key="rd_right").value.startswith("000")


def test_the_readers_actor_filter_on_two_different_stories_lists_each_sides_own():
    """Unrelated articles are set side by side in reading order: with an actor chosen, each
    column lists its own paragraphs naming it, not whatever sat beside one that does."""
    import re

    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/reader.py")
    at.query_params["left"], at.query_params["right"] = (
        "001_81f3559a72cf03aa",
        "004_3543bfd937504988",
    )
    at.query_params["actor"] = "CHN"
    at.run()
    assert not at.exception and at.selectbox(key="rd_actor").value == "CHN"
    table = at.get("html")[-1].proto.body
    cells = re.findall(r"<td>(.*?)</td>", table, flags=re.S)
    assert len(cells) >= 2
    for cell in cells:
        assert 'title="China"' in cell or "class='gap'" in cell, cell[:200]


def test_the_sidebars_page_links_carry_the_view():
    """Streamlit's own navigation dropped the address on a page switch, which the page then
    wrote back: two history steps per switch. The app's links carry the filters and each
    page's settings as it was left, so a switch is one step and Back returns to the view."""
    at = run("pages/actors.py", lang="en", measure="jaccard")
    at.switch_page("pages/words.py").run()
    assert not at.exception
    links = {link.proto.label: link.proto.query_string for link in at.get("page_link")}
    assert links["Actors"] == "lang=en&measure=jaccard"
    assert links["Timeline"] == "lang=en" and links["Words"] == "lang=en"


def test_an_empty_sentiment_cell_says_so(seed_tables):
    cells = seed_tables.article_sentiment
    shown = S.order_columns(cells, "sentences", 12)
    article, state = next(
        (a, c)
        for a in cells["article_id"].unique()
        for c in shown
        if not ((cells["article_id"] == a) & (cells["actor_id"] == c)).any()
    )
    at = run("pages/sentiment.py", cell=f"{article},{state}")
    assert "No scored sentence of this article names" in " ".join(i.value for i in at.info)
    assert not [b for b in at.get("download_button") if "these sentences" in str(b.proto)]


def test_a_links_cell_the_page_cannot_show_is_dropped_whole():
    at = run("pages/sentiment.py", cell="nowhere,RUS")
    assert at.selectbox(key="se_article").value == ""
    assert at.selectbox(key="se_actor").value == ""  # not "Russia" toward no article


def test_a_links_repeated_language_parameter_keeps_every_language():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = ["en", "it"]
    at.run()
    assert not at.exception
    assert at.multiselect(key="flt_languages").value == ["en", "it"]
    assert not at.warning  # nothing said to be ignored


def test_a_reader_link_naming_an_actor_neither_article_names_says_so():
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/reader.py")
    at.query_params["actor"] = "XYZ"
    at.run()
    assert not at.exception
    assert at.selectbox(key="rd_actor").value == ""
    assert any("Neither article names XYZ" in t.value for t in at.toast)
