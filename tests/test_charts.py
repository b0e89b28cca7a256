"""Figures: what they draw must stay readable and lead back to their rows."""

import pandas as pd

from analysis import charts


def test_counts_on_the_scales_dark_ends_are_written_in_light_ink():
    inks = charts.ink_for([-1.0, -0.9, 0.0, 0.2, 0.95], charts.DIVERGING, -1.0, 1.0)
    assert inks == [
        charts.LIGHT_INK,
        charts.LIGHT_INK,
        charts.DARK_INK,
        charts.DARK_INK,
        charts.LIGHT_INK,
    ]


def test_every_count_contrasts_with_its_cell_at_least_as_much_as_the_other_ink_would():
    values = [v / 20 for v in range(-20, 21)]
    colours = __import__("plotly").colors.sample_colorscale(
        charts.DIVERGING, [(v + 1) / 2 for v in values]
    )
    for colour, ink in zip(colours, charts.ink_for(values, charts.DIVERGING, -1, 1), strict=True):
        other = charts.LIGHT_INK if ink == charts.DARK_INK else charts.DARK_INK
        assert charts.contrast(ink, colour) >= charts.contrast(other, colour)
        assert charts.contrast(ink, colour) >= 4.5  # WCAG AA for normal text


def test_the_sentiment_heatmap_gives_each_cell_its_own_ink_and_keys():
    cells = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2"],
            "actor_id": ["RUS", "JPN", "RUS"],
            "n_sentences": [7, 3, 4],
            "score": [-0.95, 0.1, -0.2],
            "low": [-1.0, -0.2, -0.5],
            "high": [-0.8, 0.4, 0.1],
            "label": ["neg", "", "neu"],
            "n_neg": [7, 0, 1],
            "n_neu": [0, 3, 3],
            "n_pos": [0, 0, 0],
        }
    )
    fig = charts.sentiment_heatmap(
        cells,
        ["a1", "a2"],
        ["RUS", "JPN"],
        {"a1": "One", "a2": "Two"},
        {"RUS": "Russia", "JPN": "Japan"},
        row_hovers={"a1": "One whole title (Wire, 2024-01-16)"},
    )
    trace = fig.data[0]
    assert list(trace.text) == ["7", "3", "4"]
    # the hover names the article by its whole title where given, else by its row label
    assert [row[9] for row in trace.customdata] == [
        "One whole title (Wire, 2024-01-16)",
        "One whole title (Wire, 2024-01-16)",
        "Two",
    ]
    assert trace.hovertemplate.startswith("%{customdata[9]}")
    assert list(trace.textfont.color) == [charts.LIGHT_INK, charts.DARK_INK, charts.DARK_INK]
    assert [tuple(row[:2]) for row in trace.customdata] == [
        ("a1", "RUS"),
        ("a1", "JPN"),
        ("a2", "RUS"),
    ]


def events(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """A tiny events view: (date, actors, articles) per event, a day each."""
    start = pd.to_datetime([d for d, _, _ in rows])
    return pd.DataFrame(
        {
            "event_id": [f"E{i}" for i in range(len(rows))],
            "start": start,
            "end": start + pd.Timedelta(hours=23),
            "mid": start + pd.Timedelta(hours=12),
            "date": [d for d, _, _ in rows],
            "n_sources": 1,
            "actors": [a for _, a, _ in rows],
            "label": "met",
            "articles": [a for _, _, a in rows],
        }
    )


def lanes_of(fig) -> tuple[list, set]:
    """The lanes a timeline draws (its y categories, in order) and those holding a marker."""
    seen = dict.fromkeys(y for trace in fig.data for y in trace.y if y is not None)
    drawn = list(fig.layout.yaxis.categoryarray or seen)
    assert set(drawn) >= set(seen)
    return drawn, set(fig.data[1].y)


def test_every_figure_grows_its_margins_to_its_labels(seed_tables):
    """automargin is set by the figure itself, not left to the template: inside Streamlit the
    default template has none, and "North Korea" was cut to "ea" in the exported briefing."""
    from analysis import comention as C
    from analysis import sentiment as S
    from analysis import timeline as T
    from analysis.overview import top_actors

    t = seed_tables
    counts = pd.DataFrame(
        {"term": ["Pyongyang", "missile"], "count": [5, 3], "is_actor": [True, False]}
    )
    terms = pd.DataFrame(
        {
            "term": ["a", "b"],
            "count_a": [3, 0],
            "count_b": [0, 3],
            "log_odds": [1, -1],
            "z": [2, -2],
        }
    )
    pairs, n = C.units(t)
    long = C.matrix(pairs, n, measure="count", top_n=5)
    cells = t.article_sentiment
    rows, columns = S.order_rows(cells, t.articles, "published"), S.order_columns(cells)
    figures = {
        "top actors": charts.top_actors_bar(top_actors(t, n=5)),
        "published": charts.published_strip(t.articles),
        "co-mentions": charts.comention_heatmap(long, C.order(long), {}),
        "timeline": charts.timeline_figure(T.events_view(t)),
        "sentiment": charts.sentiment_heatmap(cells, rows, columns, {}, {}),
        "by source": charts.sentiment_by_source(S.by_source(t, columns[0]), "North Korea"),
        "terms": charts.top_terms_bar(counts),
        "distinctive": charts.distinctive_terms_bar(terms),
    }
    for name, fig in figures.items():
        assert fig.layout.xaxis.automargin is True, name
        assert fig.layout.yaxis.automargin is True, name
    network = charts.comention_network(long, {}, measure="count")
    assert network.layout.title.automargin is True  # its title was cut in half at the top


def test_events_naming_no_actor_have_the_last_lane():
    fig = charts.timeline_figure(
        events([("2024-01-02", "", "a"), ("2024-03-12", "JPN", "a")]), names={"JPN": "Japan"}
    )
    assert lanes_of(fig)[0] == ["Japan", charts.NO_ACTOR]


def test_the_timeline_draws_a_lane_only_for_markers_and_grows_with_its_lanes():
    few = events([("2024-03-12", "JPN;KOR", "a"), ("2024-05-03", "JPN", "a")])
    fig = charts.timeline_figure(few, names={"JPN": "Japan", "KOR": "South Korea"})
    drawn, marked = lanes_of(fig)
    assert drawn == ["Japan", "South Korea"] and marked == set(drawn)
    many = events([("2024-03-12", ";".join(f"A{i}" for i in range(20)), "a")])
    assert charts.timeline_figure(many).layout.height >= 20 * charts.LANE_PX > fig.layout.height
    # an event without a date to place it draws neither a marker nor a lane
    undated = few.assign(mid=[pd.NaT, few["mid"][1]])  # the JPN;KOR event has no date
    assert lanes_of(charts.timeline_figure(undated, names={"JPN": "Japan"}))[0] == ["Japan"]
    assert lanes_of(charts.timeline_figure(undated.head(1)))[0] == []


def test_articles_without_a_title_keep_a_lane_each_and_long_titles_are_shortened():
    two = events([("2024-03-12", "JPN", "a;b"), ("2024-05-03", "JPN", "c")])
    titles = {"a": "", "b": "", "c": "A very long title " * 10}
    drawn, marked = lanes_of(charts.timeline_figure(two, lanes="article", titles=titles))
    assert drawn[:2] == ["a", "b"] and marked == set(drawn)  # not one blank lane for both
    assert len(drawn[2]) == charts.LANE_LABEL_CHARS and drawn[2].endswith("…")


def strings(value) -> list[str]:
    """Every string a figure holds (data, layout), however deeply nested."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list | tuple) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else value
        return [s for v in items for s in strings(v)]
    return []


def test_text_from_articles_is_drawn_as_written_never_as_markup():
    """plotly renders <b>, <br>, <a>… in labels and hovers: a source named "Test <b>Wire</b>"
    was drawn in bold. Every figure escapes what it draws."""
    evil = "Test <b>Wire</b>"
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "title": [evil, "<i>t</i>"],
            "source": [evil, ""],
            "published": ["2025-03-12", "2025-05-02"],
        }
    )
    actors = pd.DataFrame(
        {
            "actor_id": ["X"],
            "name": [evil],
            "kind": ["state"],
            "n_sentences": [3],
            "n_articles": [1],
        }
    )
    timeline = events([("2024-03-12", "X", "a")]).assign(label=evil)
    cells = pd.DataFrame(
        {
            "article_id": ["a"],
            "actor_id": ["X"],
            "n_sentences": [3],
            "score": [-0.5],
            "low": [-0.9],
            "high": [-0.1],
            "label": ["neg"],
            "n_neg": [2],
            "n_neu": [1],
            "n_pos": [0],
        }
    )
    by_source = pd.DataFrame(
        {
            "source": [evil],
            "score": [-0.5],
            "low": [-0.9],
            "high": [-0.1],
            "n_sentences": [3],
            "articles": [1],
        }
    )
    counts = pd.DataFrame({"term": ["<b>x</b>"], "count": [5], "is_actor": [False]})
    figures = {
        "published": charts.published_strip(articles),
        "top actors": charts.top_actors_bar(actors),
        "timeline": charts.timeline_figure(timeline, names={"X": evil}),
        "by article": charts.timeline_figure(timeline, lanes="article", titles={"a": evil}),
        "sentiment": charts.sentiment_heatmap(
            cells, ["a"], ["X"], {"a": evil}, {"X": evil}, row_hovers={"a": evil}
        ),
        "by source": charts.sentiment_by_source(by_source, evil),
        "terms": charts.top_terms_bar(counts),
    }
    for name, fig in figures.items():
        shown = fig.to_plotly_json()
        if name == "terms":  # the clicked term comes back from customdata, which no hover shows
            shown["data"][0].pop("customdata")
        drawn = strings(shown)
        assert not any("<b>Wire" in s or "<b>x" in s or "<i>t" in s for s in drawn), name
        assert any("&lt;b&gt;" in s for s in drawn), name
    # a clicked term still hands back the term itself
    assert figures["terms"].data[0].customdata[0][0] == "<b>x</b>"
