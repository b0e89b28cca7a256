"""The shared filters (articles, languages, published date range, actors) as plain data.

The app keeps them in the URL; `to_params`/`from_params` are the URL form, so a copied link
reproduces the view. `apply` restricts every table to the selected articles.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

import pandas as pd

from analysis.schema import Tables
from analysis.timeline import recount_sources

ARTICLES, LANGUAGES, DATE_FROM, DATE_TO, ACTORS = "articles", "lang", "from", "to", "actors"
FILTER_PARAMS = (ARTICLES, LANGUAGES, DATE_FROM, DATE_TO, ACTORS)
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Filters:
    """Empty tuples and strings mean 'no restriction'."""

    articles: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    date_from: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    date_to: str = ""
    actors: tuple[str, ...] = ()  # keep articles that mention any of these

    def to_params(self) -> dict[str, str]:
        """URL query parameters; only the restrictions that are set."""
        params = {
            ARTICLES: ",".join(self.articles),
            LANGUAGES: ",".join(self.languages),
            DATE_FROM: self.date_from,
            DATE_TO: self.date_to,
            ACTORS: ",".join(self.actors),
        }
        return {k: v for k, v in params.items() if v}

    @classmethod
    def from_params(cls, params: Mapping[str, str | list[str]]) -> Filters:
        """Parse URL parameters; malformed values are dropped, never raised."""

        def items(key: str) -> tuple[str, ...]:
            value = ",".join(_listed(params.get(key, "")))
            return tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))

        def day(key: str) -> str:
            value = (_listed(params.get(key) or "") or [""])[-1]
            return value if DATE_RE.match(value.strip()) and _real_date(value.strip()) else ""

        return cls(items(ARTICLES), items(LANGUAGES), day(DATE_FROM), day(DATE_TO), items(ACTORS))

    def valid_for(self, tables: Tables) -> Filters:
        """Drop values this corpus does not have (a link made for another corpus)."""
        arts = set(tables.articles["article_id"])
        langs = set(tables.articles["language"].dropna())
        actors = set(tables.mentions["actor_id"]) | set(tables.mentions["state_id"])
        return replace(
            self,
            articles=tuple(a for a in self.articles if a in arts),
            languages=tuple(lang for lang in self.languages if lang in langs),
            actors=tuple(a for a in self.actors if a in actors),
        )

    @classmethod
    def ignored(cls, params: Mapping[str, str | list[str]], tables: Tables) -> dict[str, str]:
        """The filter values of a link that this corpus cannot apply (malformed, or naming
        what it does not have), by parameter: what `from_params(...).valid_for(...)` drops."""
        kept = cls.from_params(params).valid_for(tables).to_params()
        out = {}
        for key in FILTER_PARAMS:
            value = params.get(key, "")
            values = [v for part in _listed(value) for v in part.split(",")]
            if key in (DATE_FROM, DATE_TO):
                values = values[-1:]
            kept_values = set(kept.get(key, "").split(","))
            dropped = [v.strip() for v in values if v.strip() and v.strip() not in kept_values]
            if dropped:
                out[key] = ", ".join(dict.fromkeys(dropped))
        return out

    @property
    def is_default(self) -> bool:
        return all(not getattr(self, f.name) for f in fields(self))


def _listed(value: str | list[str]) -> list[str]:
    """A parameter's values: a repeated parameter ("lang=en&lang=it") gives a list."""
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _real_date(value: str) -> bool:
    """Whether a partial ISO date names a real day, month or year ("2024-02-30" does not)."""
    try:
        for day in date_bounds(value):
            pd.Timestamp(day)
    except ValueError:
        return False
    return True


def date_bounds(value: str) -> tuple[str, str]:
    """First and last day a partial ISO date covers: '2024-06' -> 2024-06-01, 2024-06-30."""
    if len(value) == 10:
        return value, value
    if len(value) == 7:
        end = (pd.Period(value, freq="M").end_time).strftime("%Y-%m-%d")
        return f"{value}-01", end
    return f"{value}-01-01", f"{value}-12-31"


def selected_articles(tables: Tables, filters: Filters) -> list[str]:
    """Ids of the articles that pass every filter, in table order."""
    a = tables.articles
    keep = pd.Series(True, index=a.index)
    if filters.articles:
        keep &= a["article_id"].isin(filters.articles)
    if filters.languages:
        keep &= a["language"].isin(filters.languages)
    if filters.date_from or filters.date_to:
        lo = date_bounds(filters.date_from)[0] if filters.date_from else "0000-01-01"
        hi = date_bounds(filters.date_to)[1] if filters.date_to else "9999-12-31"
        spans = [(date_bounds(p) if isinstance(p, str) and p else None) for p in a["published"]]
        keep &= pd.Series(
            [s is not None and s[1] >= lo and s[0] <= hi for s in spans], index=a.index
        )
    if filters.actors:
        m = tables.mentions
        hit = m["actor_id"].isin(filters.actors) | m["state_id"].isin(filters.actors)
        keep &= a["article_id"].isin(set(m.loc[hit, "article_id"]))
    return a.loc[keep, "article_id"].tolist()


def apply(tables: Tables, filters: Filters) -> Tables:
    """Every table restricted to the selected articles (inputs are not modified)."""
    if filters.is_default:
        return tables
    keep = set(selected_articles(tables, filters))
    out = {}
    for name, df in tables.items():
        if "article_id" in df.columns:
            out[name] = df[df["article_id"].isin(keep)].reset_index(drop=True)
        elif "article_a" in df.columns:
            out[name] = df[df["article_a"].isin(keep) & df["article_b"].isin(keep)].reset_index(
                drop=True
            )
        else:
            out[name] = df
    view = Tables(**out)
    view.events = recount_sources(view)  # sources reporting an event among these articles
    return view
