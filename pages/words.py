"""Words: word clouds of one or two selections, the terms that tell them apart, and every
occurrence of a term in context with a link into the reader."""

import html
import re

import pandas as pd
import streamlit as st

from analysis import terms as T
from analysis.charts import (
    SIDE_COLOURS,
    distinctive_terms_bar,
    figure_config,
    top_terms_bar,
    word_cloud_png,
)
from analysis.overview import short_ids
from ui import state
from ui.page import setup
from ui.render import csv_download, reader_link

page = setup()
view = page.view
view_key = page.key

st.title("Words")

MIN_WORDS, MAX_WORDS = 20, 200
N_BARS = 15  # terms per side in the distinctive-terms chart
MAX_CONTEXTS = 300  # occurrences shown (the download has them all)
MAX_PICKER = 1000  # terms offered in the picker (plus any shown in the chart)


@st.cache_data(max_entries=16, show_spinner=False)
def scope_labels(key: str, _view) -> dict[str, str]:
    """Scope string -> label, for the selections these tables offer."""
    return T.scope_labels(_view)


@st.cache_data(max_entries=64, show_spinner=False)
def occurrences(key: str, scope: str, names: bool, _view) -> pd.DataFrame:
    """Every term occurrence in one selection (`key` names the data and filters)."""
    sentences = T.scope_sentences(_view, T.Scope.parse(scope))
    return T.term_occurrences(sentences, _view.mentions, exclude_actors=not names)


@st.cache_data(max_entries=64, show_spinner=False)
def counts(key: str, scope: str, names: bool, _view) -> pd.DataFrame:
    return T.tally(occurrences(key, scope, names, _view))


@st.cache_data(max_entries=32, show_spinner="Drawing the word cloud…")
def cloud(key: str, scope: str, names: bool, max_words: int, colour: str, _view) -> bytes:
    return word_cloud_png(counts(key, scope, names, _view), max_words=max_words, colour=colour)


@st.cache_data(max_entries=32, show_spinner=False)
def distinctive(key: str, scope_a: str, scope_b: str, names: bool, _view) -> pd.DataFrame:
    return T.distinctive_terms(
        counts(key, scope_a, names, _view), counts(key, scope_b, names, _view)
    )


def plain(text: str, *, tag: str = "p", style: str = "") -> None:
    """Text that may come from the articles (titles, terms), escaped."""
    st.html(f'<{tag} style="margin:0 0 .3em 0;{style}">{html.escape(text)}</{tag}>')


def slug(scope: str) -> str:
    return re.sub(r"[^\w.-]+", "_", scope)[:60] or "corpus"


labels = scope_labels(view_key, view)
options = list(labels)
state.bind("a", "words_a", T.CORPUS, options=options)
state.bind("b", "words_b", "", options=["", *options])
state.bind("words", "words_max", 80, parse=int, bounds=(MIN_WORDS, MAX_WORDS))
state.bind("names", "words_names", True, parse=lambda v: v != "0")
# The filters may have removed a selection chosen earlier in the session.
if st.session_state["words_a"] not in options:
    st.session_state["words_a"] = T.CORPUS
if st.session_state["words_b"] not in options:
    st.session_state["words_b"] = ""

c1, c2 = st.columns(2)
scope_a = c1.selectbox("Selection A", options, key="words_a", format_func=labels.get)
scope_b = c2.selectbox(
    "Compare with (selection B)",
    ["", *options],
    key="words_b",
    format_func=lambda s: labels[s] if s else "Nothing: one cloud",
)
c3, c4 = st.columns([3, 2])
max_words = c3.slider("Words in a cloud", MIN_WORDS, MAX_WORDS, step=10, key="words_max")
names = c4.toggle(
    "Include actor names",
    key="words_names",
    help="A name of an actor (a state, an organisation, a person) counts as one term, e.g. "
    "'Security Council', in the words its article writes it: 'Japan', 'Japón' and 'Tokyo' "
    "are three terms (the Actors page counts them as one actor). Switch off to see only the "
    "other words.",
)
for param, value, default in (
    ("a", scope_a, T.CORPUS),
    ("b", scope_b, ""),
    ("words", max_words, 80),
):
    state.publish(param, value, default)
state.publish("names", names, True, dump=lambda v: "1" if v else "0")

st.caption(
    "Words are lemmatised, without stop words, numbers or elided articles, in each "
    "sentence's language; actor names (grey in the clouds) stay whole."
)

sides = [("A", scope_a, SIDE_COLOURS[0])]
if scope_b:
    sides.append(("B", scope_b, SIDE_COLOURS[1]))
tallies = {}
for (side, scope, colour), column in zip(sides, st.columns(len(sides)), strict=True):
    tallies[side] = terms = counts(view_key, scope, names, view)
    with column:
        if len(sides) > 1:
            plain(f"{side}: {labels[scope]}", style="font-weight:600")
        if terms.empty:
            st.info("No words to show in this selection. Choose another or widen the filters.")
            continue
        png = cloud(view_key, scope, names, int(max_words), colour, view)
        st.image(png, width="stretch")
        st.caption(f"{int(terms['count'].sum())} occurrences of {len(terms)} terms.")
        d1, d2 = st.columns(2)
        d1.download_button(
            "Download the cloud (PNG)",
            png,
            key=f"words_png_{side}",
            file_name=f"wordcloud_{slug(scope)}.png",
            mime="image/png",
            on_click="ignore",
        )
        csv_download(
            "Download the term counts (CSV)",
            terms,
            f"terms_{slug(scope)}.csv",
            f"words_counts_csv_{side}",
            where=d2,
        )

# The chart: distinctive terms when there are two selections, the most frequent otherwise.
shown_terms: list[str] = []
if scope_b and scope_b == scope_a:
    st.info("Selections A and B are the same: choose two different ones to compare them.")
elif scope_b:
    st.subheader("Distinctive terms")
    st.caption(
        "Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & "
        "Quinn 2008, “Fightin' Words”): a term's z-score says how much more typical it is of "
        "one selection than of the other, allowing for how often it occurs; |z| > 1.96 is "
        "unlikely to be chance."
    )
    terms_ab = distinctive(view_key, scope_a, scope_b, names, view)
    if terms_ab.empty:
        st.info("Neither selection has any words.")
    else:
        fig = distinctive_terms_bar(terms_ab, n=N_BARS)
        shown_terms = [row[0] for trace in fig.data for row in trace.customdata]  # as written
        event = st.plotly_chart(
            fig,
            key="words_chart_ab",
            on_select="rerun",
            selection_mode="points",
            width="stretch",
            config=figure_config(f"distinctive_{slug(scope_a)}_vs_{slug(scope_b)}"),
        )
        csv_download(
            "Download the distinctive terms (CSV)",
            terms_ab,
            f"distinctive_{slug(scope_a)}_vs_{slug(scope_b)}.csv",
            "words_terms_csv",
        )
elif not tallies["A"].empty:
    st.subheader("Most frequent terms")
    fig = top_terms_bar(tallies["A"], n=20)
    shown_terms = [row[0] for row in fig.data[0].customdata]  # the terms as written
    event = st.plotly_chart(
        fig,
        key="words_chart_top",
        on_select="rerun",
        selection_mode="points",
        width="stretch",
        config=figure_config(f"terms_{slug(scope_a)}"),
    )

# The chosen term: a click on a bar, or the picker (keyboard path), or the URL.
combined = pd.concat(list(tallies.values())).groupby("term", sort=False)["count"].sum()
combined = combined.sort_values(ascending=False, kind="stable")
picker = list(dict.fromkeys([*combined.index[:MAX_PICKER], *shown_terms]))
if not picker:
    st.stop()
state.bind("term", "words_term", "", options=["", *picker])
if shown_terms and (picked := state.new_click(event, "words_last_click")):
    st.session_state["words_term"] = picked[0]
state.keep_valid("words_term", picker)
term = st.selectbox(
    "Term",
    ["", *picker],
    key="words_term",
    format_func=lambda t: t if t else "choose a term (or click a bar)…",
    help="Shows every occurrence of the term in its sentence, with a link to the reader.",
)
state.publish("term", term, "")

if not term:
    st.caption("Click a bar, or choose a term, to read it in context.")
    st.stop()

titles = dict(zip(view.articles["article_id"], view.articles["title"].fillna(""), strict=True))
short = short_ids(page.result.tables.articles["article_id"])
st.subheader("Keyword in context")
found = []
for side, scope, _ in sides:
    if side == "B" and scope_b == scope_a:
        continue
    contexts = T.keyword_in_context(occurrences(view_key, scope, names, view), view.sentences, term)
    found.append(contexts.assign(selection=side, title=contexts["article_id"].map(titles)))
    rows = []
    for r in contexts.head(MAX_CONTEXTS).itertuples():
        link = html.escape(reader_link(r.article_id, int(r.paragraph_no)), quote=True)
        title = html.escape(titles.get(r.article_id, ""), quote=True)
        rows.append(
            f'<tr><td class="l">{html.escape(r.left)}</td>'
            f'<td class="k">{html.escape(r.match)}</td>'
            f'<td class="r">{html.escape(r.right)}</td>'
            f'<td class="s"><a href="{link}" target="_self" title="{title}">'
            f"{html.escape(short[r.article_id])} ¶{int(r.paragraph_no)}</a></td></tr>"
        )
    where = f"{side}: {labels[scope]}" if len(sides) > 1 else labels[scope]
    st.html(
        f'<p class="kwic-head"><b>{html.escape(term)}</b> in {html.escape(where)}: '
        f"{len(contexts)} occurrence{'s' if len(contexts) != 1 else ''}</p>"
        + (f'<table class="kwic">{"".join(rows)}</table>' if rows else "")
        + "<style>.kwic{width:100%;border-collapse:collapse;font-size:.92em}"
        ".kwic td{padding:.15em .4em;vertical-align:top;border-bottom:1px solid #eee}"
        ".kwic td.l{text-align:right;width:42%}.kwic td.k{font-weight:600;white-space:nowrap;"
        "text-align:center;background:#fff3c4}.kwic td.r{width:42%}"
        ".kwic td.s{white-space:nowrap;font-size:.85em}.kwic-head{margin:.6em 0 .2em}</style>"
    )
    if len(contexts) > MAX_CONTEXTS:
        st.caption(f"The first {MAX_CONTEXTS} are shown; the download has them all.")
csv_download(
    "Download these occurrences (CSV)",
    pd.concat(found),
    f"kwic_{slug(term)}.csv",
    "words_kwic_csv",
)
