import pandas as pd

from analysis import charts
from analysis.charts import published_strip, top_actors_bar
from analysis.overview import (
    actor_sentences,
    article_hovers,
    article_labels,
    date_span,
    short_ids,
    summarise,
    top_actors,
)


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


def articles_of(sources: list[str]) -> pd.DataFrame:
    n = len(sources)
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "title": [f"Title {i}" for i in range(n)],
            "source": sources,
            "published": [f"2026-10-{1 + i % 28:02d}" for i in range(n)],
        }
    )


def test_the_publication_strip_grows_with_its_sources():
    few = published_strip(articles_of(["dpa", "AP", ""]))
    many = published_strip(articles_of([f"Source {i}" for i in range(21)]))
    assert few.layout.height >= 200
    # each of the 21 rows keeps room for its label (it was 220 px in all: a label in three)
    assert many.layout.height >= 21 * 24 + 60
    # named sources in alphabetical order from the top, the unknown one last
    assert list(few.layout.yaxis.categoryarray)[::-1] == ["AP", "dpa", "unknown source"]
    assert few.data[0].customdata[2][3] == "unknown source"  # the hover names the source


def test_past_its_most_rows_the_strip_folds_the_smallest_sources_into_one_row():
    sources = ["Big"] * 3 + [f"Source {i:02d}" for i in range(40)]
    fig = published_strip(articles_of(sources))
    rows = list(fig.layout.yaxis.categoryarray)[::-1]
    assert len(rows) == charts.STRIP_MAX_ROWS and "Big" in rows
    assert rows[-1] == "12 other sources"
    assert len(fig.data[0].x) == len(sources)  # every article still drawn
    biggest = published_strip(articles_of([f"S{i}" for i in range(500)])).layout.height
    assert biggest == fig.layout.height  # the height stops growing with the rows


def test_labels_drop_only_a_content_hash_and_stay_unique():
    ids = ["000_466074d7abe5a936", "001_81f3559a72cf03aa", "en_analysis", "en_diary", "it"]
    assert short_ids(ids) == {
        "000_466074d7abe5a936": "000",
        "001_81f3559a72cf03aa": "001",
        "en_analysis": "en_analysis",  # never cut to an ambiguous "en_"
        "en_diary": "en_diary",
        "it": "it",
    }
    # the same stem under two hashes, or a stem that is another article's id, stays whole
    assert short_ids(["a_0123456789ab", "a_ba9876543210"]) == {
        "a_0123456789ab": "a_0123456789ab",
        "a_ba9876543210": "a_ba9876543210",
    }
    assert short_ids(["b", "b_0123456789ab"])["b_0123456789ab"] == "b_0123456789ab"
    articles = pd.DataFrame({"article_id": ["x_0123456789ab"], "title": ["A" * 80]})
    assert article_labels(articles, 10) == {"x_0123456789ab": "x · AAAAAAAAA…"}


def test_an_articles_hover_gives_its_whole_title_source_and_date():
    articles = pd.DataFrame(
        {
            "article_id": ["x_0123456789ab", "y"],
            "title": ["A" * 80, None],
            "source": ["Wire", ""],
            "published": ["2024-01-16", None],
        }
    )
    assert article_hovers(articles) == {
        "x_0123456789ab": f"x · {'A' * 80} (Wire, 2024-01-16)",
        "y": "y · ",
    }


def test_the_published_span_shows_days_within_a_month_and_months_across():
    assert date_span("2027-01-12", "2027-01-15") == "2027-01-12 → 2027-01-15"
    assert date_span("2023-12-26", "2025-04") == "2023-12 → 2025-04"
    assert date_span("2025-04", "2025-04") == "2025-04" and date_span("", "") == ""


def test_a_count_takes_its_noun_in_the_right_number():
    from analysis.overview import counted

    assert counted(1, "sentence") == "1 sentence"
    assert counted(2, "independent source") == "2 independent sources"
    assert counted(0, "analysis", "analyses") == "0 analyses"
