"""Co-mention measures on a tiny hand-computed corpus, and on the seeds."""

import math

import pandas as pd
import pytest

from analysis import comention as C
from analysis.charts import comention_heatmap, comention_network
from analysis.schema import Tables, frame


def tiny() -> Tables:
    """Four sentences of one article: {A,B}, {A,B}, {A}, {C}; plus a translation of it."""
    mentions = []
    for sent, actors in enumerate([("A", "B"), ("A", "B"), ("A",), ("C",)]):
        for actor in actors:
            mentions.append(
                {
                    "article_id": "x",
                    "sent_no": sent,
                    "paragraph_no": sent // 2,
                    "start_char": 0,
                    "end_char": 1,
                    "surface": actor,
                    "actor_id": actor,
                    "actor_kind": "state",
                    "state_id": actor,
                }
            )
    mentions.append(
        {
            "article_id": "y",
            "sent_no": 0,
            "paragraph_no": 0,
            "start_char": 0,
            "end_char": 1,
            "surface": "C",
            "actor_id": "C",
            "actor_kind": "state",
            "state_id": "C",
        }
    )
    sentences = pd.DataFrame(
        {
            "article_id": ["x"] * 4 + ["y"],
            "sent_no": [0, 1, 2, 3, 0],
            "paragraph_no": [0, 0, 1, 1, 0],
            "start_char": [0] * 5,
            "end_char": [1] * 5,
            "text": ["s"] * 5,
        }
    )
    articles = pd.DataFrame(
        {
            "article_id": ["x", "y"],
            "text": ["one", "uno"],
            "translation_of": ["", "x"],
            "title": ["X", "Y"],
        }
    )
    return Tables(
        articles=frame("articles", articles),
        sentences=frame("sentences", sentences),
        mentions=frame("mentions", pd.DataFrame(mentions)),
    )


def cell(long: pd.DataFrame, a: str, b: str) -> float:
    return float(long[(long.actor_a == a) & (long.actor_b == b)].value.iloc[0])


def test_measures_by_hand():
    pairs, n = C.units(tiny())  # the translation y is counted once (dropped)
    assert n == 4
    count = C.matrix(pairs, n, measure="count")
    assert cell(count, "A", "B") == 2 and cell(count, "A", "C") == 0
    assert cell(count, "A", "A") == 3  # diagonal: own mentions
    assert cell(C.matrix(pairs, n, measure="jaccard"), "A", "B") == pytest.approx(2 / 3)
    npmi = C.matrix(pairs, n, measure="npmi")
    # p(A,B) = 2/4, p(A) = 3/4, p(B) = 2/4: log(0.5 / 0.375) / -log(0.5)
    assert cell(npmi, "A", "B") == pytest.approx(math.log(0.5 / 0.375) / -math.log(0.5))
    assert cell(npmi, "A", "C") == -1.0
    cond = C.matrix(pairs, n, measure="conditional")
    assert cell(cond, "A", "B") == pytest.approx(2 / 3)  # P(B | A)
    assert cell(cond, "B", "A") == pytest.approx(1.0)  # P(A | B): not symmetric


def test_a_translation_found_by_the_alignment_counts_once_as_a_declared_one_does():
    t = tiny()
    undeclared = t.articles.assign(translation_of="")
    t = Tables(articles=undeclared, sentences=t.sentences, mentions=t.mentions)
    assert C.units(t)[1] == 5  # two articles, nothing says y repeats x
    found = pd.DataFrame(
        {"article_a": ["x"], "article_b": ["y"], "relation": ["translation"], "pair_share": [1.0]}
    )
    t.alignments = frame("alignments", found)
    assert C.duplicate_articles(t) == {"y"}
    assert C.units(t)[1] == 4
    # of a group, the article declared a translation gives way even when it comes first
    declared = t.articles.assign(article_id=["x", "y"], translation_of=["y", ""])
    t.articles = frame("articles", declared)
    assert C.duplicate_articles(t) == {"x"}


def test_windows_levels_translations_and_limits():
    t = tiny()
    pairs, n = C.units(t, window="paragraph")
    assert n == 2 and cell(C.matrix(pairs, n), "A", "C") == 1  # paragraph 1 holds A and C
    pairs, n = C.units(t, window="article", dedupe=False)
    assert n == 2 and cell(C.matrix(pairs, n), "C", "C") == 2
    top = C.matrix(*C.units(t), top_n=2)
    assert set(top.actor_a) == {"A", "B"}
    assert set(C.matrix(*C.units(t), min_mentions=3).actor_a) == {"A"}
    with pytest.raises(ValueError):
        C.matrix(*C.units(t), measure="lift")


def test_order_keeps_blocs_together(seed_tables):
    pairs, n = C.units(seed_tables)
    long = C.matrix(pairs, n, top_n=12)
    clustered = C.order(long, "cluster")
    assert sorted(clustered) == sorted(set(long.actor_a))
    assert C.order(long, "alphabetical") == sorted(clustered)
    assert C.order(long, "frequency")[0] == "PRK"
    g7 = [clustered.index(a) for a in ("FRA", "GBR") if a in clustered]
    assert len(g7) == 2 and abs(g7[0] - g7[1]) == 1  # always named together: neighbours


def test_evidence_sentences_name_both_actors(seed_tables):
    ev = C.evidence(seed_tables, "JPN", "PRK")
    assert len(ev) == 29  # 36 with the Italian translation counted too
    assert len(C.evidence(seed_tables, "JPN", "PRK", dedupe=False)) == 36
    for row in ev.itertuples():
        found = {actor for _, _, actor in row.spans}
        assert found == {"JPN", "PRK"}
        for start, end, _ in row.spans:
            assert row.text[start:end].strip() == row.text[start:end] != ""


def test_heatmap_cells_select_and_network_draws(seed_tables):
    pairs, n = C.units(seed_tables)
    long = C.matrix(pairs, n, measure="npmi", top_n=5)
    names = {"PRK": "North Korea"}
    order = C.order(long, "frequency")
    fig = comention_heatmap(long, order, names, measure="npmi").to_dict()
    cells, diagonal = fig["data"]
    assert cells["type"] == "scatter" and cells["marker"]["symbol"] == "square"
    assert len(cells["x"]) == 5 * 4 and len(diagonal["x"]) == 5
    assert cells["marker"]["cmin"] == -1 and "North Korea" in list(cells["y"])
    net = comention_network(long, names, measure="npmi").to_dict()
    assert net["data"][-1]["mode"] == "markers+text" and len(net["data"][-1]["x"]) == 5


def test_alphabetical_order_follows_the_names_shown():
    long = pd.DataFrame({"actor_a": ["DEU", "EU", "PRK", "KOR"], "actor_b": ["DEU"] * 4})
    names = {"DEU": "Germany", "EU": "European Union", "PRK": "North Korea", "KOR": "South Korea"}
    assert C.order(long, "alphabetical", names) == ["EU", "DEU", "PRK", "KOR"]
    assert C.order(long, "alphabetical") == ["DEU", "EU", "KOR", "PRK"]  # no names: by id
