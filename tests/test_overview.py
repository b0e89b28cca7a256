import pandas as pd

from analysis.charts import published_strip, top_actors_bar
from analysis.overview import actor_sentences, summarise, top_actors


def test_summary(seed_tables):
    s = summarise(seed_tables)
    assert (s.articles, s.sources, s.languages) == (5, 2, ("en", "it"))
    assert (s.date_from, s.date_to, s.undated) == ("2023-12-26", "2025-04", 0)


def test_top_actors_count_sentences_once_per_actor(seed_tables):
    top = top_actors(seed_tables, n=5)
    m = seed_tables.mentions
    prk = m[m.state_id == "PRK"].drop_duplicates(["article_id", "sent_no"])
    assert top.iloc[0].actor_id == "PRK" and top.iloc[0].n_sentences == len(prk)
    assert top.iloc[0]["name"] == "North Korea"
    assert list(top.n_sentences) == sorted(top.n_sentences, reverse=True)


def test_evidence_behind_a_bar(seed_tables):
    evidence = actor_sentences(seed_tables, "TWN")
    assert len(evidence) >= 3 and evidence.text.str.contains("Taiwan").all()
    assert set(evidence.columns) >= {"text", "title", "source", "published", "mentions"}


def test_charts_carry_ids(seed_tables):
    top = top_actors(seed_tables, n=4)
    bar = top_actors_bar(top).to_dict()["data"][0]
    assert bar["type"] == "bar" and list(bar["customdata"][-1])[0] == top.iloc[0].actor_id
    strip = published_strip(seed_tables.articles).to_dict()["data"][0]
    assert len(strip["x"]) == 5


def test_the_publication_strip_spans_days_around_its_dates(seed_tables):
    one = seed_tables.articles.head(1).assign(published="2026-09-17")
    low, high = (pd.Timestamp(x) for x in published_strip(one).layout.xaxis.range)
    assert low == pd.Timestamp("2026-09-14") and high == pd.Timestamp("2026-09-20")
    two = seed_tables.articles.head(2).assign(published=["2020-01-01", "2026-01-01"])
    low, high = (pd.Timestamp(x) for x in published_strip(two).layout.xaxis.range)
    assert low < pd.Timestamp("2020-01-01") - pd.Timedelta(days=30) and high > pd.Timestamp(
        "2026-01-01"
    )
