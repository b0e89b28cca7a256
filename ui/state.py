"""The shared sidebar filters, kept in the URL so that a copied link reproduces the view.

Streamlit clears query parameters when the page changes; the filters live in widget state
for the session and are written back into the URL on every run, so they survive page
switches and a fresh browser opening the link starts from them.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analysis.filters import (
    DATE_FROM,
    DATE_TO,
    FILTER_PARAMS,
    Filters,
    date_bounds,
    selected_articles,
)
from analysis.overview import article_labels, top_actors
from analysis.schema import Tables
from ui import render

K_ARTICLES, K_LANGS, K_ACTORS, K_DATES, K_READY, K_IGNORED = (
    "flt_articles",
    "flt_languages",
    "flt_actors",
    "flt_dates",
    "flt_ready",
    "flt_ignored",  # the link's filter values this corpus could not apply, said once
)
K_SPAN = "flt_span"  # the corpus's date span when the date slider was last drawn


def _date_span(tables: Tables) -> tuple[dt.date, dt.date] | None:
    values = [p for p in tables.articles["published"].dropna() if p]
    if not values:
        return None
    lo = min(date_bounds(v)[0] for v in values)
    hi = max(date_bounds(v)[1] for v in values)
    return dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)


def _init_from_url(tables: Tables, span) -> None:
    # every value of a repeated parameter ("lang=en&lang=it"): to_dict() keeps the last
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    if ignored := Filters.ignored(params, tables):
        st.session_state[K_IGNORED] = ignored
    f = Filters.from_params(params).valid_for(tables)
    st.session_state[K_ARTICLES] = list(f.articles)
    st.session_state[K_LANGS] = list(f.languages)
    st.session_state[K_ACTORS] = list(f.actors)
    if span:
        lo = dt.date.fromisoformat(date_bounds(f.date_from)[0]) if f.date_from else span[0]
        hi = dt.date.fromisoformat(date_bounds(f.date_to)[1]) if f.date_to else span[1]
        lo, hi = max(lo, span[0]), min(hi, span[1])
        st.session_state[K_DATES] = (lo, hi) if lo <= hi else span
        if lo > hi:  # inverted, or outside the articles' dates: said, not silently widened
            dates = {DATE_FROM: f.date_from, DATE_TO: f.date_to}
            st.session_state.setdefault(K_IGNORED, {}).update({k: v for k, v in dates.items() if v})
    st.session_state[K_READY] = True


def _keep_known(key: str, options: list[str]) -> None:
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in options]


def keep_valid(key: str, options, fallback="") -> None:
    """Reset a single-choice widget's state that is no longer one of its options (the data
    or the filters changed), before the widget is drawn."""
    if st.session_state.get(key, fallback) not in options:
        st.session_state[key] = fallback


@st.cache_data(max_entries=8, show_spinner=False)
def _actor_options(data_key: str, _tables: Tables) -> dict[str, str]:
    """The 60 most mentioned actors, for the filter (computed once per corpus state)."""
    actors = top_actors(_tables, n=60)
    return dict(zip(actors["actor_id"], actors["name"], strict=True))


def sidebar_filters(tables: Tables, data_key: str) -> Filters:
    """Render the shared filters in the sidebar; return them and mirror them in the URL."""
    span = _date_span(tables)
    if not st.session_state.get(K_READY):
        _init_from_url(tables, span)
    a = tables.articles
    labels = article_labels(a)
    article_ids = a["article_id"].tolist()
    languages = sorted(set(a["language"].dropna()))
    actor_names = _actor_options(data_key, tables)
    for key, options in (
        (K_ARTICLES, article_ids),
        (K_LANGS, languages),
        (K_ACTORS, list(actor_names)),
    ):
        _keep_known(key, options)
    with st.sidebar:
        st.subheader("Filters")
        if ignored := st.session_state.pop(K_IGNORED, None):
            st.warning(
                "The link's filters name what this briefing does not have; ignored: "
                + "; ".join(f"{k} = {render.plain(v)}" for k, v in ignored.items()),
                icon=":material/warning:",
            )
        st.multiselect(
            "Articles",
            article_ids,
            key=K_ARTICLES,
            placeholder="All articles",
            format_func=lambda i: labels.get(i, i),
        )
        st.multiselect("Languages", languages, key=K_LANGS, placeholder="All languages")
        date_from = date_to = ""
        if span and span[0] < span[1]:
            if K_DATES in st.session_state:
                lo, hi = st.session_state[K_DATES]
                # an end left at the corpus's edge follows the edge when the corpus grows
                # (an upload dated later than every other article is shown, not filtered)
                was = st.session_state.get(K_SPAN, span)
                lo, hi = span[0] if lo <= was[0] else lo, span[1] if hi >= was[1] else hi
                st.session_state[K_DATES] = (max(lo, span[0]), min(hi, span[1]))
            st.session_state[K_SPAN] = span
            lo, hi = st.slider(
                "Published between",
                min_value=span[0],
                max_value=span[1],
                key=K_DATES,
                format="YYYY-MM-DD",
            )
            date_from = lo.isoformat() if lo > span[0] else ""
            date_to = hi.isoformat() if hi < span[1] else ""
        st.multiselect(
            "Actors mentioned",
            list(actor_names),
            key=K_ACTORS,
            placeholder="Any actor",
            format_func=lambda i: actor_names.get(i, i),
        )
        filters = Filters(
            articles=tuple(st.session_state.get(K_ARTICLES, ())),
            languages=tuple(st.session_state.get(K_LANGS, ())),
            date_from=date_from,
            date_to=date_to,
            actors=tuple(st.session_state.get(K_ACTORS, ())),
        )
        shown = len(selected_articles(tables, filters))
        st.caption(
            f"Showing {shown} of {len(article_ids)} articles",
            help=("The filters are part of the page address: copy the URL to share this view."),
        )
        st.button("Reset filters", on_click=_reset, args=(span,), key="flt_reset")
    sync_url(filters)
    return filters


def _reset(span) -> None:
    st.session_state[K_ARTICLES] = []
    st.session_state[K_LANGS] = []
    st.session_state[K_ACTORS] = []
    if span:
        st.session_state[K_DATES] = span


def sync_url(filters: Filters) -> None:
    """Write the filters into the URL's query string (only the keys that differ)."""
    wanted = filters.to_params()
    current = st.query_params.to_dict()
    for key in FILTER_PARAMS:
        if key in wanted and current.get(key) != wanted[key]:
            st.query_params[key] = wanted[key]
        elif key not in wanted and key in current:
            del st.query_params[key]


#: session_state key: the widget keys `bind` has seen, the settings of every page's view.
PAGE_KEYS = "view_keys"
#: session_state key: the (parameter, value) pairs of a link already said to be replaced
TOASTED = "view_toasted"
#: session_state keys: the page shown (its URL path), and each page's settings as published
CURRENT_PAGE, PAGE_PARAMS = "view_page", "view_params"


def page_params(url_path: str) -> dict[str, str]:
    """The settings a page last wrote into its address (none at their defaults)."""
    return dict(st.session_state.get(PAGE_PARAMS, {}).get(url_path, {}))


def keep_page_state() -> None:
    """Keep every page's settings while another page is shown (call first on every page).

    Streamlit forgets a widget's state at the end of a run that did not draw it, and clears
    the query string on a page change; re-assigning the values makes them the session's own,
    so a page comes back as it was left and `publish` writes it into the URL again."""
    for key in st.session_state.get(PAGE_KEYS, ()):
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def bind(param: str, key: str, default, *, options=None, parse=str, bounds=None, quiet=False):
    """Initialise widget state `key` from URL parameter `param` (once per session, or when
    the URL carries a value and the widget has none), validated against `options`, or held
    within `bounds` (a slider's or number input's (least, most): a link's value outside them
    would make the widget raise); a link's value that is neither is replaced, with a toast
    saying so unless `quiet` (the page says it itself). The value is kept across page
    switches (see `keep_page_state`)."""
    known = st.session_state.setdefault(PAGE_KEYS, [])
    if key not in known:
        known.append(key)
    if key in st.session_state:
        return
    raw = st.query_params.get(param)
    value, refused = default, False
    if raw is not None:
        try:
            value = parse(raw)
        except (TypeError, ValueError):
            value, refused = default, True
    if options is not None and value not in options:
        value, refused = default, refused or raw is not None
    if bounds is not None:
        held = min(max(value, bounds[0]), bounds[1])
        value, refused = held, refused or held != value
    said = st.session_state.setdefault(TOASTED, set())
    if refused and not quiet and (param, raw) not in said:  # a link's value it cannot show
        said.add((param, raw))
        st.toast(
            f"The link's {param}={render.plain(raw)} is not a value of this page: "
            f"{render.plain(value) if value not in ('', None) else 'the default'} is shown.",
            icon=":material/warning:",
        )
    st.session_state[key] = value


def publish(param: str, value, default, *, dump=str) -> None:
    """Mirror one page setting in the URL; defaults are left out to keep links short. The
    page's settings are remembered too, for the sidebar's link back to it."""
    current = st.query_params.get(param)
    kept = st.session_state.setdefault(PAGE_PARAMS, {}).setdefault(
        st.session_state.get(CURRENT_PAGE, ""), {}
    )
    if value == default or value is None:
        kept.pop(param, None)
        if current is not None:
            del st.query_params[param]
    else:
        kept[param] = dump(value)
        if current != dump(value):
            st.query_params[param] = dump(value)


def new_click(event, remember: str, width: int = 1) -> tuple | None:
    """The customdata (its first `width` fields) of a point newly clicked on a plotly chart
    drawn with on_select="rerun"; None when nothing is selected or the same point as last
    time is (so a picker changed since then keeps its own value)."""
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    if not points:
        return None
    data = tuple((points[0].get("customdata") or [None] * width)[:width])
    if None in data or data == st.session_state.get(remember):
        return None
    st.session_state[remember] = data
    return data


def pair_part(i: int):
    """Parser of side `i` of a two-part URL parameter such as `cell=ROW,COLUMN` (a value
    that is not exactly two parts raises ValueError, so `bind` falls back to its default)."""

    def parse(value: str) -> str:
        first, second = value.split(",")
        return (first, second)[i]

    return parse
