"""Key findings from the tables: the most co-mentioned pairs and the most reported events,
each with the sentences behind it."""

import pandas as pd

from analysis import build
from analysis.findings import (
    comentioned_pairs,
    event_findings,
    key_findings,
    pair_findings,
    reported_events,
)

TALKS = """Japan and China held talks in Tokyo.
Japan and China agreed to meet again. Russia was not invited.
China said on 12 March 2024 that the talks went well.
"""


def test_pairs_are_counted_by_sentence_with_their_names(corpus):
    corpus.add("talks.txt", TALKS)
    tables = build(corpus.path).tables
    pairs = comentioned_pairs(tables)
    assert pairs[["actor_a", "actor_b", "n_ab", "n_a", "n_b"]].to_dict("records") == [
        {"actor_a": "CHN", "actor_b": "JPN", "n_ab": 2, "n_a": 3, "n_b": 2},
    ]
    assert pairs.loc[0, ["name_a", "name_b"]].tolist() == ["China", "Japan"]
    assert pairs.loc[0, "jaccard"] == 2 / 3


def test_seed_pairs_come_most_co_mentioned_first(seed_tables):
    pairs = comentioned_pairs(seed_tables, n=5)
    assert len(pairs) == 5
    assert (pairs["actor_a"] < pairs["actor_b"]).all()
    assert pairs["n_ab"].is_monotonic_decreasing
    assert tuple(pairs.loc[0, ["actor_a", "actor_b"]]) == ("PRK", "RUS")


def test_a_pair_finding_shows_sentences_that_mention_both(seed_tables):
    found = pair_findings(seed_tables, n=2)
    assert [f.kind for f in found] == ["pair", "pair"]
    assert found[0].headline.startswith("North Korea and Russia are mentioned together in ")
    for f in found:
        assert 1 <= len(f.evidence) <= 3
        # one sentence per article first: the evidence shows several sources
        assert len({e.article_id for e in f.evidence}) == len(f.evidence)
        for e in f.evidence:
            assert len(e.spans) >= 2 and all(0 <= s < t <= len(e.text) for s, t in e.spans)


def test_events_told_by_several_sources_come_first_with_their_expressions(seed_tables):
    events = reported_events(seed_tables)
    assert len(events) >= 1 and (events["n_sources"] >= 2).all()
    assert events["n_sources"].is_monotonic_decreasing
    top = event_findings(seed_tables, n=1)[0]
    assert top.headline.startswith("2023-09: reported by 2 independent sources")
    marked = {e.text[s:t] for e in top.evidence for s, t in e.spans}
    assert marked == {"September 2023", "settembre 2023"}
    assert {e.article_id[:3] for e in top.evidence} == {"000", "002", "003"}


def test_a_corpus_without_actors_or_dates_has_no_findings(corpus):
    corpus.add("plain.txt", "The weather was mild.\nNothing else happened.\n")
    tables = build(corpus.path).tables
    assert key_findings(tables) == []
    assert isinstance(comentioned_pairs(tables), pd.DataFrame) and comentioned_pairs(tables).empty


def test_a_source_is_called_most_negative_only_on_enough_sentences(seed_tables):
    from dataclasses import replace

    from analysis import sentiment as S
    from analysis.findings import sentiment_findings

    s = seed_tables.sentiment
    arts = seed_tables.articles.set_index("article_id")
    straits = arts.index[arts["source"] == "The Straits Times"][0]
    mine = s[(s["article_id"] == straits) & (s["actor_id"] == "RUS")]
    assert len(mine) >= S.MIN_SENTENCES
    headline = {f.headline for f in sentiment_findings(seed_tables)}
    assert any("Russia is most negative in The Straits Times" in h for h in headline)
    # the same source with one sentence toward Russia is not compared
    thin = replace(seed_tables, sentiment=s.drop(mine.index[1:]))
    headline = {f.headline for f in sentiment_findings(thin)}
    assert not any("The Straits Times" in h for h in headline if "Russia" in h)
