"""Who is talked about together: co-mention matrices over actors, with their evidence.

    units = comention.units(tables, window="sentence")
    long = comention.matrix(units, measure="npmi")
    pairs = comention.evidence(tables, "JPN", "PRK")

A *unit* is a window of text (a sentence, a paragraph or an article); an actor is in a unit
when the unit mentions it. From the number of units N, the units mentioning A (n_a), B (n_b)
and both (n_ab) come the measures:
- count: n_ab;
- jaccard: n_ab / (n_a + n_b - n_ab);
- npmi: log(p_ab / (p_a p_b)) / -log(p_ab), with p = n / N (-1 when they never co-occur);
- conditional: P(B | A) = n_ab / n_a (rows A, columns B; not symmetric).
The diagonal holds each actor's own mention count n_a, whatever the measure.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.overview import by_name
from analysis.schema import Tables
from analysis.timeline import translation_groups

WINDOWS = ("sentence", "paragraph", "article")
MEASURES = ("count", "jaccard", "npmi", "conditional")
LEVELS = ("states", "people")  # persons folded into their state | persons beside states
ORDERS = ("cluster", "frequency", "alphabetical")
MEASURE_HELP = {
    "count": "Number of {window}s that mention both actors.",
    "jaccard": "{window}s mentioning both ÷ {window}s mentioning either (0 to 1).",
    "npmi": "Normalised PMI: above 0 the two are mentioned together more often than chance "
    "would have it, 1 always together, −1 never.",
    "conditional": "Row actor A, column B: of the {window}s that mention A, the share that "
    "also mention B.",
}
UNIT_COLUMNS = {"sentence": "sent_no", "paragraph": "paragraph_no", "article": None}


def duplicate_articles(tables: Tables) -> set[str]:
    """Articles that repeat another of the corpus: translations, declared (`translation_of`
    names an article present) or found (`alignments`), and exact duplicates of a text (the
    first one is kept). One article stands for its translations: the first of them that is
    not declared a translation of another."""
    articles = tables.articles
    ids = [str(a) for a in articles["article_id"]]
    present = set(ids)
    declared = {
        a
        for a, t in zip(ids, articles["translation_of"].fillna(""), strict=True)
        if t and t in present and t != a
    }
    groups = translation_groups(tables)
    keeper: dict[str, str] = {}
    for a in ids:
        group = groups.get(a, a)
        if group not in keeper or (keeper[group] in declared and a not in declared):
            keeper[group] = a
    drop = {a for a in ids if keeper[groups.get(a, a)] != a}
    fingerprint = pd.util.hash_array(articles["text"].fillna("").str.strip().to_numpy(dtype=object))
    drop |= set(
        articles.loc[pd.Series(fingerprint).duplicated(keep="first").to_numpy(), "article_id"]
    )
    return drop


def actor_key(mentions: pd.DataFrame, level: str) -> pd.Series:
    """The actor each mention counts for: its state (or organisation), or at the 'people'
    level the person themself for person mentions."""
    if level == "people":
        return mentions["actor_id"].where(mentions["actor_kind"] == "person", mentions["state_id"])
    return mentions["state_id"]


def units(
    tables: Tables,
    *,
    window: str = "sentence",
    level: str = "states",
    dedupe: bool = True,
    article: str | None = None,
) -> tuple[pd.DataFrame, int]:
    """(unit, actor) pairs, one row per actor present in a unit, and the number of units N
    (units without any actor count in N too). `article` restricts to one article."""
    if window not in WINDOWS or level not in LEVELS:
        raise ValueError(f"window must be one of {WINDOWS}, level one of {LEVELS}")
    articles = tables.articles
    keep = set(articles["article_id"])
    if dedupe:
        keep -= duplicate_articles(tables)
    if article is not None:
        keep &= {article}
    m = tables.mentions[tables.mentions["article_id"].isin(keep)]
    column = UNIT_COLUMNS[window]
    article_code = pd.factorize(m["article_id"])[0].astype(np.int64)
    # integer unit ids (article code, then sentence or paragraph number): no string building
    unit = (
        article_code
        if column is None
        else article_code * 1_000_000 + m[column].to_numpy(dtype=np.int64, na_value=0)
    )
    pairs = pd.DataFrame({"unit": unit, "actor": actor_key(m, level).to_numpy()})
    pairs = pairs.drop_duplicates(ignore_index=True)
    if column is None:
        n_units = len(keep)
    else:
        source = tables.sentences if window == "sentence" else tables.paragraphs
        n_units = int(source["article_id"].isin(keep).sum())
    return pairs, max(n_units, pairs["unit"].nunique())


def matrix(
    pairs: pd.DataFrame,
    n_units: int,
    *,
    measure: str = "count",
    top_n: int = 20,
    min_mentions: int = 1,
) -> pd.DataFrame:
    """Long-form matrix over the top actors: actor_a, actor_b, value, n_ab, n_a, n_b.

    Every ordered pair of the chosen actors is present (also pairs that never co-occur), and
    the diagonal rows (actor_a == actor_b) carry n_a as value.
    """
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {MEASURES}")
    n_a = pairs.groupby("actor")["unit"].size()  # pairs are unique (unit, actor) rows
    n_a = n_a[n_a >= min_mentions].sort_values(ascending=False, kind="stable")
    chosen = sorted(n_a.index[:top_n], key=lambda a: (-n_a[a], a))
    if not chosen:
        return pd.DataFrame(columns=["actor_a", "actor_b", "value", "n_ab", "n_a", "n_b"])
    from scipy.sparse import coo_matrix

    sub = pairs[pairs["actor"].isin(chosen)]
    index = {a: i for i, a in enumerate(chosen)}
    rows_, _ = pd.factorize(sub["unit"])
    cols = sub["actor"].map(index).to_numpy()
    incidence = coo_matrix(
        (np.ones(len(sub), dtype=np.int64), (rows_, cols)), shape=(rows_.max() + 1, len(chosen))
    ).tocsr()
    both = (incidence.T @ incidence).toarray()  # n_ab, with n_a on the diagonal
    rows = []
    for a in chosen:
        for b in chosen:
            i, j = index[a], index[b]
            na, nb, nab = int(both[i, i]), int(both[j, j]), int(both[i, j])
            value = float(na) if a == b else _measure(measure, nab, na, nb, n_units)
            rows.append((a, b, value, nab, na, nb))
    return pd.DataFrame(rows, columns=["actor_a", "actor_b", "value", "n_ab", "n_a", "n_b"])


def _measure(measure: str, nab: int, na: int, nb: int, n: int) -> float:
    if measure == "count":
        return float(nab)
    if measure == "jaccard":
        union = na + nb - nab
        return nab / union if union else 0.0
    if measure == "conditional":
        return nab / na if na else 0.0
    # normalised pointwise mutual information
    if nab == 0 or n == 0:
        return -1.0
    p_ab, p_a, p_b = nab / n, na / n, nb / n
    if p_ab >= 1.0:
        return 1.0
    return math.log(p_ab / (p_a * p_b)) / -math.log(p_ab)


def order(
    long: pd.DataFrame, how: str = "cluster", names: Mapping[str, str] | None = None
) -> list[str]:
    """Actor order for the axes: hierarchical clustering of the matrix rows (so that blocs
    sit together), by frequency, or alphabetical (by the `names` shown, else by id)."""
    if long.empty:
        return []
    actors = list(dict.fromkeys(long["actor_a"]))
    if how == "alphabetical":
        return by_name(actors, names)
    freq = long[long["actor_a"] == long["actor_b"]].set_index("actor_a")["n_a"]
    if how == "frequency" or len(actors) < 3:
        return sorted(actors, key=lambda a: (-freq[a], a))
    from scipy.cluster.hierarchy import leaves_list, linkage

    wide = long.pivot(index="actor_a", columns="actor_b", values="n_ab").loc[actors, actors]
    profile = wide.to_numpy(dtype=float)
    norms = np.linalg.norm(profile, axis=1, keepdims=True)
    profile = profile / np.where(norms == 0, 1, norms)  # co-mention profiles, scale-free
    tree = linkage(profile, method="average", metric="cosine")
    return [actors[i] for i in leaves_list(tree)]


def evidence(
    tables: Tables,
    actor_a: str,
    actor_b: str,
    *,
    window: str = "sentence",
    level: str = "states",
    dedupe: bool = True,
) -> pd.DataFrame:
    """The sentences behind a cell: every sentence of a window where both actors appear,
    with the character spans (within the sentence) of each actor's mentions, its article,
    source and date. For a single actor (actor_a == actor_b), the sentences mentioning it."""
    wanted = {actor_a, actor_b}
    m = tables.mentions
    m = m[m["state_id"].isin(wanted) | m["actor_id"].isin(wanted)]  # cheap pre-filter
    m = m.assign(actor=actor_key(m, level))
    keep = set(tables.articles["article_id"])
    if dedupe:
        keep -= duplicate_articles(tables)
    m = m[m["article_id"].isin(keep) & m["actor"].isin(wanted)]
    column = UNIT_COLUMNS[window] or "article_id"
    unit_key = ["article_id"] if column == "article_id" else ["article_id", column]
    distinct = m.drop_duplicates([*unit_key, "actor"]).groupby(unit_key).size()
    good_units = distinct[distinct >= len(wanted)].reset_index()[unit_key]
    if good_units.empty:
        return pd.DataFrame(
            columns=[
                "article_id",
                "sent_no",
                "paragraph_no",
                "text",
                "spans",
                "title",
                "source",
                "published",
            ]
        )
    hits = m.merge(good_units, on=unit_key)
    sentences = tables.sentences[tables.sentences["article_id"].isin(set(good_units["article_id"]))]
    s = sentences.merge(good_units, on=unit_key)
    # keep the sentences of those units that mention one of the two (all of them, for a
    # sentence window)
    s = s.merge(hits[["article_id", "sent_no"]].drop_duplicates(), on=["article_id", "sent_no"])
    located = hits.merge(s[["article_id", "sent_no", "start_char"]], on=["article_id", "sent_no"])
    spans: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    for aid, sent, start, end, base, actor in zip(
        located["article_id"],
        located["sent_no"],
        located["start_char_x"],
        located["end_char"],
        located["start_char_y"],
        located["actor"],
        strict=True,
    ):  # offsets made relative to the sentence
        spans.setdefault((aid, int(sent)), []).append((int(start - base), int(end - base), actor))
    s = s.assign(
        spans=[
            spans.get((a, int(n)), []) for a, n in zip(s["article_id"], s["sent_no"], strict=True)
        ]
    )
    a = tables.articles[["article_id", "title", "source", "published"]]
    out = s[s["spans"].str.len() > 0].merge(a, on="article_id")
    return out[
        ["article_id", "sent_no", "paragraph_no", "text", "spans", "title", "source", "published"]
    ]
