"""Corpus-level summaries for the overview page (and notebooks): cards, top actors, evidence."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from analysis.schema import Tables


@dataclass(frozen=True)
class Summary:
    articles: int
    sources: int
    languages: tuple[str, ...]
    date_from: str
    date_to: str
    undated: int
    sentences: int
    mentions: int
    actors: int


def summarise(tables: Tables) -> Summary:
    a = tables.articles
    dated = sorted(p for p in a["published"].dropna() if p)
    sources = {s for s in a["source"].dropna() if s}
    return Summary(
        articles=len(a),
        sources=len(sources),
        languages=tuple(sorted(set(a["language"].dropna()))),
        date_from=dated[0] if dated else "",
        date_to=dated[-1] if dated else "",
        undated=len(a) - len(dated),
        sentences=len(tables.sentences),
        mentions=len(tables.mentions),
        actors=tables.mentions["state_id"].nunique(),
    )


#: What an article without a known publisher is listed under (charts, tables, sentiment)
UNKNOWN_SOURCE = "unknown source"
#: A trailing content hash in a file name ("000_466074d7abe5a936"): noise in a label
HASH_SUFFIX_RE = re.compile(r"[_-][0-9a-f]{8,}$")


def short_ids(ids: Iterable[str]) -> dict[str, str]:
    """Each article id as a label shows it: without a trailing content hash
    ("000_466074d7abe5a936" -> "000") where the shorter form names one article only, else
    whole ("en_analysis" stays, never cut to an ambiguous "en_")."""
    ids = list(dict.fromkeys(str(i) for i in ids))
    cut = {i: HASH_SUFFIX_RE.sub("", i) or i for i in ids}
    counts = Counter(cut.values())
    known = set(ids)
    return {i: c if counts[c] == 1 and (c == i or c not in known) else i for i, c in cut.items()}


def by_name(actors: Iterable[str], names: Mapping[str, str] | None = None) -> list[str]:
    """Actors in the alphabetical order of the names shown ("European Union" before
    "Germany", whose id DEU comes first), ties and unnamed ones by id."""
    names = names or {}
    return sorted(actors, key=lambda a: (str(names.get(a, a)).casefold(), a))


def counted(n: int, word: str, plural: str = "") -> str:
    """ "1 sentence", "2 sentences": a count with its noun in the right number."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


def clip(text: object, width: int) -> str:
    """Text cut to `width` characters, with an ellipsis when it was cut."""
    text = str(text or "")
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def article_labels(articles: pd.DataFrame, width: int = 48) -> dict[str, str]:
    """article_id -> "short id · title" for pickers, chart rows and evidence lines."""
    short = short_ids(articles["article_id"])
    return {
        str(a): f"{short[str(a)]} · {clip(t, width)}"
        for a, t in zip(articles["article_id"], articles["title"].fillna(""), strict=True)
    }


def named_sources(sources: pd.Series) -> pd.Series:
    """Sources as figures and tables name them: a blank one is UNKNOWN_SOURCE."""
    return sources.fillna("").astype(str).replace("", UNKNOWN_SOURCE)


def article_hovers(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> "short id · whole title (source, published)": the article as a hover
    names it, where a chart row's label is cut to fit."""
    short = short_ids(articles["article_id"])
    out = {}
    for row in articles.itertuples():
        about = [str(v) for v in (row.source, row.published) if isinstance(v, str) and v]
        tail = f" ({', '.join(about)})" if about else ""
        title = row.title if isinstance(row.title, str) else ""
        out[str(row.article_id)] = f"{short[str(row.article_id)]} · {title}{tail}"
    return out


def date_span(first: str, last: str) -> str:
    """The published span as a card shows it: months apart, the months ("2023-12 →
    2025-04"); within one month, the days ("2027-01-12 → 2027-01-15"); one date alone."""
    if not first or first == last:
        return first
    if first[:7] == last[:7]:
        return f"{first} → {last}"
    return f"{first[:7]} → {last[:7]}"


def top_actors(tables: Tables, n: int = 15, *, fold_persons: bool = True) -> pd.DataFrame:
    """Actors by the number of sentences that mention them (persons folded into their state
    by default), with the number of articles: actor_id, name, kind, n_sentences, n_articles."""
    m = tables.mentions
    if m.empty:
        return pd.DataFrame(columns=["actor_id", "name", "kind", "n_sentences", "n_articles"])
    key = "state_id" if fold_persons else "actor_id"
    names = actor_names(m)
    kinds = m.drop_duplicates("actor_id").set_index("actor_id")["actor_kind"]
    per = m.drop_duplicates(["article_id", "sent_no", key])
    out = (
        per.groupby(key)
        .agg(n_sentences=("sent_no", "size"), n_articles=("article_id", "nunique"))
        .reset_index()
    )
    out = out.rename(columns={key: "actor_id"})
    out["name"] = out["actor_id"].map(names).fillna(out["actor_id"])
    out["kind"] = out["actor_id"].map(kinds).fillna("state")
    out = out.sort_values(["n_sentences", "actor_id"], ascending=[False, True]).head(n)
    return out[["actor_id", "name", "kind", "n_sentences", "n_articles"]].reset_index(drop=True)


def actor_names(mentions: pd.DataFrame) -> pd.Series:
    """actor_id -> display name, for actors and for the states persons fold into."""
    names = mentions.drop_duplicates("actor_id").set_index("actor_id")["actor_name"]
    from analysis.actors import load_gazetteer

    extra = {sid: a.name for sid, a in load_gazetteer().actors.items() if sid not in names.index}
    return pd.concat([names, pd.Series(extra, dtype="string")])


def actor_sentences(tables: Tables, actor_id: str) -> pd.DataFrame:
    """Every sentence that mentions `actor_id` (or a person of that state), with its article's
    title, source and date: the evidence behind the actor's bar."""
    m = tables.mentions
    hit = m[(m["actor_id"] == actor_id) | (m["state_id"] == actor_id)]
    surfaces = (
        hit.groupby(["article_id", "sent_no"])["surface"]
        .agg(lambda s: ", ".join(dict.fromkeys(s)))
        .rename("mentions")
    )
    s = tables.sentences.merge(surfaces.reset_index(), on=["article_id", "sent_no"])
    a = tables.articles[["article_id", "title", "source", "published"]]
    return s.merge(a, on="article_id")[
        [
            "article_id",
            "sent_no",
            "paragraph_no",
            "text",
            "mentions",
            "title",
            "source",
            "published",
        ]
    ].reset_index(drop=True)
