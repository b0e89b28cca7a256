"""Key findings written from the tables, each with the sentences behind it.

    for finding in key_findings(tables):
        print(finding.headline)
        for e in finding.evidence:
            print("  ", e.text, "—", e.source)

A finding is plain data (no markup): the static briefing (`analysis.export`), notebooks and
the app render it as they like. Every finder takes the tables and returns findings; a new kind
of finding is one more function in `FINDERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from analysis import comention as C
from analysis import timeline as T
from analysis.overview import actor_names, counted
from analysis.schema import Tables

PAIR_COLUMNS = ["actor_a", "actor_b", "name_a", "name_b", "n_ab", "n_a", "n_b", "jaccard"]


@dataclass(frozen=True)
class Evidence:
    """One sentence behind a finding; `spans` are (start, end) offsets within `text` of the
    words the finding is about (actor mentions, a date expression)."""

    article_id: str
    sent_no: int
    paragraph_no: int
    text: str
    title: str
    source: str
    published: str
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Finding:
    kind: str  # "pair", "event", …
    headline: str
    detail: str
    evidence: tuple[Evidence, ...] = ()


def comentioned_pairs(
    tables: Tables,
    n: int = 5,
    *,
    window: str = "sentence",
    level: str = "states",
    dedupe: bool = True,
) -> pd.DataFrame:
    """The `n` actor pairs mentioned together in the most units (sentences by default;
    translations and duplicates counted once): actor_a < actor_b, their names, n_ab, n_a, n_b
    and Jaccard. Ties go to the higher Jaccard, then to the names."""
    pairs, n_units = C.units(tables, window=window, level=level, dedupe=dedupe)
    if pairs.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    long = C.matrix(pairs, n_units, measure="jaccard", top_n=pairs["actor"].nunique())
    long = long[(long["actor_a"] < long["actor_b"]) & (long["n_ab"] > 0)]
    names = actor_names(tables.mentions)
    out = long.rename(columns={"value": "jaccard"}).assign(
        name_a=long["actor_a"].map(lambda a: names.get(a, a)),
        name_b=long["actor_b"].map(lambda a: names.get(a, a)),
    )
    out = out.sort_values(
        ["n_ab", "jaccard", "name_a", "name_b"], ascending=[False, False, True, True]
    )
    return out[PAIR_COLUMNS].head(n).reset_index(drop=True)


def reported_events(tables: Tables, n: int = 5) -> pd.DataFrame:
    """The `n` dated events the most independent sources report (then the most sentences,
    then the earliest), told by at least two sources when any event is: the rows of
    `timeline.events_view`."""
    events = T.events_view(tables)
    if events.empty:
        return events
    events = events[events["n_sources"] >= min(2, int(events["n_sources"].max()))]
    return (
        events.sort_values(
            ["n_sources", "n_mentions", "start"], ascending=[False, False, True], kind="stable"
        )
        .head(n)
        .reset_index(drop=True)
    )


def _spread(rows: pd.DataFrame, k: int) -> pd.DataFrame:
    """Up to `k` rows, one per article first (so the evidence shows several sources)."""
    first = rows.drop_duplicates("article_id")
    return pd.concat([first, rows.drop(first.index)]).head(k)


def _meta(tables: Tables) -> dict[str, tuple[str, str, str]]:
    a = tables.articles
    return {
        r.article_id: (str(r.title or ""), str(r.source or ""), str(r.published or ""))
        for r in a[["article_id", "title", "source", "published"]].fillna("").itertuples()
    }


def pair_findings(tables: Tables, n: int = 3, *, n_evidence: int = 3) -> list[Finding]:
    """The most co-mentioned pairs, each with sentences that mention both."""
    out = []
    meta = _meta(tables)
    for p in comentioned_pairs(tables, n).itertuples():
        found = C.evidence(tables, p.actor_a, p.actor_b)
        n_articles = found["article_id"].nunique()
        evidence = tuple(
            Evidence(
                r.article_id,
                int(r.sent_no),
                int(r.paragraph_no),
                str(r.text),
                *meta.get(r.article_id, ("", "", "")),
                spans=tuple(sorted((int(s), int(e)) for s, e, _ in r.spans)),
            )
            for r in _spread(found, n_evidence).itertuples()
        )
        out.append(
            Finding(
                "pair",
                f"{p.name_a} and {p.name_b} are mentioned together in {int(p.n_ab)} "
                f"sentence{'s' if p.n_ab != 1 else ''} of {n_articles} "
                f"article{'s' if n_articles != 1 else ''}",
                f"{p.name_a} appears in {int(p.n_a)} sentences, {p.name_b} in {int(p.n_b)}; "
                f"Jaccard {p.jaccard:.2f} (translations and duplicates counted once).",
                evidence,
            )
        )
    return out


def event_findings(tables: Tables, n: int = 3, *, n_evidence: int = 3) -> list[Finding]:
    """The events the most independent sources report, each with its sentences."""
    out = []
    meta = _meta(tables)
    sentences = tables.sentences.set_index(["article_id", "sent_no"])[["text", "start_char"]]
    names = actor_names(tables.mentions)
    for e in reported_events(tables, n).itertuples():
        rows = tables.events[tables.events["event_id"] == e.event_id]
        evidence = []
        for r in _spread(rows, n_evidence).itertuples():
            key = (r.article_id, int(r.sent_no))
            if key not in sentences.index:
                continue
            text, base = sentences.loc[key]
            evidence.append(
                Evidence(
                    r.article_id,
                    int(r.sent_no),
                    int(r.paragraph_no),
                    str(text),
                    *meta.get(r.article_id, ("", "", "")),
                    spans=((int(r.start_char - base), int(r.end_char - base)),),
                )
            )
        actors = ", ".join(names.get(a, a) for a in e.actors.split(";") if a)
        sources = int(e.n_sources)
        out.append(
            Finding(
                "event",
                f"{e.date}: reported by {counted(sources, 'independent source')}"
                f" in {counted(int(e.n_mentions), 'sentence')}",
                (f"Actors: {actors}. " if actors else "")
                + "A translation is not an independent source.",
                tuple(evidence),
            )
        )
    return out


def sentiment_findings(tables: Tables, n: int = 3, *, n_evidence: int = 3) -> list[Finding]:
    """For the `n` states with the most scored sentences: which source covers each most
    negatively (translations counted once; a source needs `sentiment.MIN_SENTENCES` scored
    sentences toward the state, as a stance does), with its most negative sentences."""
    from analysis import sentiment as S

    s = tables.sentiment
    if s.empty:
        return []
    names = actor_names(tables.mentions).to_dict()
    meta = _meta(tables)
    texts = tables.sentences.set_index(["article_id", "sent_no"])["text"]
    sources = S.source_names(tables.articles)
    out = []
    for actor in s["actor_id"].value_counts().index[:n]:
        per_source = S.by_source(tables, actor)
        # a source is compared on as much evidence as a stance needs
        per_source = per_source[per_source["n_sentences"] >= S.MIN_SENTENCES]
        if per_source.empty:
            continue
        worst = per_source.iloc[0]
        name = names.get(actor, actor)
        rows = s[(s["actor_id"] == actor) & (s["label"] == "neg")]
        rows = rows[rows["article_id"].map(sources) == worst.source]
        evidence = tuple(
            Evidence(
                r.article_id,
                int(r.sent_no),
                int(r.paragraph_no),
                str(texts.get((r.article_id, r.sent_no), "")),
                *meta.get(r.article_id, ("", "", "")),
                spans=tuple(S.parse_spans(r.spans)),
            )
            for r in _spread(rows.sort_values("score", kind="stable"), n_evidence).itertuples()
        )
        others = (
            f"; the least negative is {per_source.iloc[-1].source} "
            f"({per_source.iloc[-1].score:+.2f})"
            if len(per_source) > 1
            else ""
        )
        out.append(
            Finding(
                "sentiment",
                f"Coverage of {name} is most negative in {worst.source} "
                f"(mean {worst.score:+.2f} over {counted(int(worst.n_sentences), 'sentence')})",
                f"Mean sentence score toward {name}, −1 negative … +1 positive{others}. "
                "A translation counts with its original.",
                evidence,
            )
        )
    return out


#: Every kind of finding, in the order a briefing lists them.
FINDERS: tuple[Callable[[Tables], list[Finding]], ...] = (
    pair_findings,
    event_findings,
    sentiment_findings,
)


def key_findings(tables: Tables) -> list[Finding]:
    """Every finder's findings, in `FINDERS` order."""
    return [f for finder in FINDERS for f in finder(tables)]
