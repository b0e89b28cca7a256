"""The Words page through AppTest: clouds, distinctive terms, keyword in context, URL state."""

import re

from streamlit.testing.v1 import AppTest

from analysis import terms as T
from tests.conftest import ROOT

APP = str(ROOT / "streamlit_app.py")


def run(**params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/words.py")
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def param(at: AppTest, key: str):
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def kwic_rows(at: AppTest) -> list[str]:
    return [
        row
        for h in at.get("html")
        for row in re.findall(r"<tr>.*?</tr>", h.proto.body)
        if 'class="kwic"' in h.proto.body
    ]


def test_one_cloud_and_the_most_frequent_terms(seed_tables):
    at = run()
    assert at.title[0].value == "Words"
    assert at.selectbox(key="words_a").value == "corpus"
    assert at.selectbox(key="words_b").value == ""
    assert len(at.get("image")) == 1
    counts = T.count_terms(seed_tables.sentences, seed_tables.mentions)
    assert f"{counts['count'].sum()} occurrences of {len(counts)} terms." in [
        c.value for c in at.caption
    ]
    picker = at.selectbox(key="words_term").options
    assert picker[1:4] == counts["term"].head(3).tolist()


def test_two_selections_and_a_term_from_a_link(seed_tables):
    t = seed_tables
    a, b = T.Scope(T.ACTOR, "JPN"), T.Scope(T.ACTOR, "RUS")
    occ_a = T.term_occurrences(T.scope_sentences(t, a), t.mentions)
    occ_b = T.term_occurrences(T.scope_sentences(t, b), t.mentions)
    distinctive = T.distinctive_terms(T.tally(occ_a), T.tally(occ_b))
    term = distinctive[~distinctive["term"].isin(["Japan", "Russia"])]["term"].iloc[0]
    at = run(a=str(a), b=str(b), term=term)
    assert at.selectbox(key="words_a").value == "actor:JPN"
    assert at.selectbox(key="words_b").value == "actor:RUS"
    assert at.selectbox(key="words_term").value == term
    assert len(at.get("image")) == 2
    assert [s.value for s in at.main.subheader] == ["Distinctive terms", "Keyword in context"]
    rows = kwic_rows(at)
    assert len(rows) == (occ_a["term"] == term).sum() + (occ_b["term"] == term).sum() > 0
    first = occ_a[occ_a["term"] == term].iloc[0]
    link = f'href="reader?left={first.article_id}&amp;para={first.paragraph_no}" target="_self"'
    assert link in rows[0]


def test_choosing_a_term_and_leaving_names_out_write_the_url():
    at = run()
    picker = at.selectbox(key="words_term").options
    at.selectbox(key="words_term").select(picker[1]).run()
    assert not at.exception
    assert param(at, "term") == picker[1]
    assert kwic_rows(at)
    at.toggle(key="words_names").set_value(False).run()
    assert not at.exception
    assert param(at, "names") == "0"
    assert "Japan" in picker and "Japan" not in at.selectbox(key="words_term").options
    at.slider(key="words_max").set_value(40).run()
    at.selectbox(key="words_b").select("language:it").run()
    assert not at.exception
    assert param(at, "words") == "40" and param(at, "b") == "language:it"


def test_sidebar_filters_apply(seed_tables):
    at = run(lang="it")
    options = at.selectbox(key="words_a").options
    assert not any(o.startswith("Language: English") for o in options)
    it = seed_tables.articles.loc[seed_tables.articles["language"] == "it", "article_id"]
    counts = T.count_terms(
        seed_tables.sentences[seed_tables.sentences["article_id"].isin(it)], seed_tables.mentions
    )
    assert f"{counts['count'].sum()} occurrences of {len(counts)} terms." in [
        c.value for c in at.caption
    ]


def test_a_selection_without_words_shows_a_message(corpus, monkeypatch):
    corpus.add("a.txt", "It was 2023 and then 2024.\n\nAnd so it is, again: 2025.\n")
    monkeypatch.setenv("BRIEFING_CORPUS", str(corpus.path))
    at = run()
    assert not at.get("image")
    assert "No words to show" in at.info[0].value
