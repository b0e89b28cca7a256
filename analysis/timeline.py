"""The timeline: consolidating dated events across articles, and the data behind the chart.

The same real-world event reported by several articles shares one `event_id`:
- an event and its counterpart in a translation (paragraphs aligned by `analysis.align`, same
  date) are one event;
- events of different articles with the same date and the same (non-empty) set of actors are
  one event (the Kim–Putin meeting of September 2023 told by two outlets).
`n_sources` counts independent sources: an article and its translation count once.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from analysis.schema import Tables

PRECISION_ORDER = ("day", "month", "year", "range", "decade")


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def translation_groups(tables: Tables) -> dict[str, str]:
    """article_id -> the id of its group (an article and its translations)."""
    ids = list(tables.articles["article_id"])
    index = {a: i for i, a in enumerate(ids)}
    union = _Union(len(ids))
    for a, t in zip(ids, tables.articles["translation_of"].fillna(""), strict=True):
        if t in index:
            union.join(index[a], index[t])
    al = tables.alignments
    for a, b, rel in zip(al["article_a"], al["article_b"], al["relation"], strict=True):
        if rel == "translation" and a in index and b in index:
            union.join(index[a], index[b])
    return {a: ids[union.find(i)] for a, i in index.items()}


def consolidate(tables: Tables) -> pd.DataFrame:
    """The events table with `event_id` and `n_sources` filled in (input not modified)."""
    ev = tables.events.reset_index(drop=True)  # columns are added with assign: no copy
    if ev.empty:
        return ev.copy()
    n = len(ev)
    date = ev["date"].fillna("")
    actors = ev["actors"].fillna("")
    # the same date and the same (non-empty) actors: one group, vectorised
    shared = ((date != "") & (actors != "")).to_numpy()
    codes = np.arange(n) + n  # singletons by default
    codes[shared] = pd.factorize((date + "|" + actors)[shared])[0]
    union = _Union(int(codes.max()) + 1)
    # translations: aligned paragraphs, same date (few links: a Python loop is fine)
    by_para: dict[tuple[str, int], list[int]] = {}
    paragraph = ev["paragraph_no"].fillna(-1).astype(int).tolist()
    article = ev["article_id"].tolist()
    for i in np.flatnonzero((date != "").to_numpy()).tolist():
        by_para.setdefault((article[i], paragraph[i]), []).append(i)
    al = tables.alignments
    dates = date.to_numpy()
    for a, pa_, b, pb in zip(
        al["article_a"], al["paragraph_a"], al["article_b"], al["paragraph_b"], strict=True
    ):
        for i in by_para.get((a, int(pa_)), []):
            for j in by_para.get((b, int(pb)), []):
                if dates[i] == dates[j]:
                    union.join(int(codes[i]), int(codes[j]))
    unique, inverse = np.unique(codes, return_inverse=True)
    roots = np.array([union.find(int(c)) for c in unique])[inverse]
    groups = translation_groups(tables)
    source = ev["article_id"].map(groups).fillna(ev["article_id"])
    n_sources = pd.Series(source.to_numpy()).groupby(roots).transform("nunique")
    first = pd.Series(np.arange(n)).groupby(roots).transform("min").to_numpy()
    firsts, which = np.unique(first, return_inverse=True)  # one id per event, not per row
    keys = (
        ev["article_id"].to_numpy()[firsts]
        + ":"
        + ev["start_char"].astype(str).to_numpy()[firsts]
        + ":"
        + dates[firsts]
    )
    ids = ["E" + hashlib.blake2b(k.encode(), digest_size=5).hexdigest() for k in keys]
    ev["event_id"] = np.array(ids, dtype=object)[which]
    ev["n_sources"] = n_sources.to_numpy()
    return ev


def recount_sources(tables: Tables) -> pd.DataFrame:
    """The events table with `n_sources` counted over these tables' articles alone (a
    filtered view: the build counts the whole corpus); input not modified."""
    ev = tables.events
    if ev.empty or "event_id" not in ev:
        return ev
    groups = translation_groups(tables)
    source = ev["article_id"].map(groups).fillna(ev["article_id"])
    counted = source.groupby(ev["event_id"]).transform("nunique")
    return ev.assign(n_sources=counted.astype(ev["n_sources"].dtype))


#: The last minute of a day: a span ends there, so that it covers its last day
DAY_END = pd.Timedelta(hours=23, minutes=59)


def span(date: str, date_end: str, precision: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last instant an event's date covers (a month spans its month, to the last
    minute of its last day)."""
    start = pd.Timestamp(date if len(date) > 4 else f"{date}-01-01")
    if precision == "day":
        return start, start + DAY_END
    if precision == "month":
        return start, start + pd.offsets.MonthEnd(1) + DAY_END
    if precision in ("range", "decade") and date_end:
        end = pd.Timestamp(date_end if len(date_end) > 4 else f"{date_end}-12-31")
        if len(date_end) == 7:
            end += pd.offsets.MonthEnd(1)
        return start, end + DAY_END
    return start, pd.Timestamp(f"{start.year}-12-31") + DAY_END


def download_table(view: pd.DataFrame) -> pd.DataFrame:
    """`events_view` rows as the download gives them: the first and last day each covers
    (ISO dates), without the chart's midpoint."""
    out = view.drop(columns="mid")
    for column in ("start", "end"):
        out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out


#: Kinds of paragraph that date the page, not what it reports: date lines ("Published …",
#: "Stand: …", "Modifié le …"), bylines and credits ("© 2026 Europa Press")
STAMP_KINDS = ("dateline", "byline", "credit")


def stamp_rows(tables: Tables) -> pd.Series:
    """For each row of the events table, whether it is in a paragraph of `STAMP_KINDS`."""
    ev, pa = tables.events, tables.paragraphs
    stamps = pa.loc[pa["kind"].isin(STAMP_KINDS), ["article_id", "paragraph_no"]]
    keys = pd.MultiIndex.from_frame(stamps.astype({"paragraph_no": "int64"}))
    at = pd.MultiIndex.from_arrays(
        [ev["article_id"], ev["paragraph_no"].fillna(-1).astype("int64")]
    )
    return pd.Series(at.isin(keys), index=ev.index)


def events_view(tables: Tables, *, stamps: bool = False) -> pd.DataFrame:
    """One row per consolidated, dated event: event_id, start, end, precision, n_sources,
    actors, label, n_mentions, first article, and its sentences' texts. Without `stamps`,
    the pages' own date lines, bylines and credits are left out (`STAMP_KINDS`)."""
    ev = tables.events
    keep = ev["date"].fillna("") != ""
    if not stamps and len(ev):
        keep &= ~stamp_rows(tables)
    ev = ev[keep]
    if ev.empty:
        return pd.DataFrame(
            columns=[
                "event_id",
                "start",
                "end",
                "mid",
                "precision",
                "date",
                "n_sources",
                "actors",
                "label",
                "n_mentions",
                "articles",
            ]
        )
    rows = []
    for event_id, g in ev.groupby("event_id", sort=False):
        # the most precise telling of the event sets its date
        best = g.assign(rank=g["precision"].map({p: i for i, p in enumerate(PRECISION_ORDER)}))
        first = best.sort_values(["rank", "article_id"]).iloc[0]
        start, end = span(first["date"], first.get("date_end") or "", first["precision"])
        actors = sorted({a for s in g["actors"].fillna("") for a in s.split(";") if a})
        rows.append(
            {
                "event_id": event_id,
                "start": start,
                "end": end,
                "mid": start + (end - start) / 2,
                "precision": first["precision"],
                "date": first["date"],
                "n_sources": int(g["n_sources"].max()),
                "actors": ";".join(actors),
                "label": first["label"],
                "n_mentions": len(g),
                "articles": ";".join(sorted(set(g["article_id"]))),
            }
        )
    return pd.DataFrame(rows).sort_values("start").reset_index(drop=True)


def densest_window(view: pd.DataFrame, years: float = 2.0) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The `years`-long window holding the most events (the default view)."""
    mids = sorted(view["mid"])
    width = pd.Timedelta(days=365.25 * years)
    best, best_i = 0, 0
    j = 0
    for i, start in enumerate(mids):
        while j < len(mids) and mids[j] <= start + width:
            j += 1
        if j - i > best:
            best, best_i = j - i, i
    lo = mids[best_i] - pd.Timedelta(days=30)
    return lo, lo + width + pd.Timedelta(days=60)


def within(view: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp] | None) -> pd.DataFrame:
    """The events whose marker (`mid`) falls inside `window`, all of them when it is None:
    what a timeline showing that window draws, so that it has no lane without a marker."""
    if window is None or view.empty:
        return view
    lo, hi = window
    return view[view["mid"].between(lo, hi)].reset_index(drop=True)


#: The most events a timeline draws: more markers are unreadable (and slow to draw)
MAX_EVENTS = 400


def best_reported(view: pd.DataFrame, n: int = MAX_EVENTS) -> pd.DataFrame:
    """The `n` events the most sources report (then the most sentences), in time order:
    what a timeline draws of a view with more events than it can show."""
    if len(view) <= n:
        return view
    return (
        view.sort_values(["n_sources", "n_mentions"], ascending=False, kind="stable")
        .head(n)
        .sort_values("start", kind="stable")
        .reset_index(drop=True)
    )
