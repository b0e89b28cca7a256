"""Overview: what is in the corpus and who is talked about."""

import streamlit as st

from analysis.charts import figure_config, top_actors_bar
from analysis.overview import actor_sentences, counted, date_span, summarise, top_actors
from ui import render, state
from ui.page import setup
from ui.render import csv_download, publication_strip, reader_link

page = setup()
result, view = page.result, page.view


@st.cache_data(max_entries=16, show_spinner=False)
def computed(key: str, _view):
    """Summary and top actors of the filtered corpus (`key` names data and filters)."""
    return summarise(_view), top_actors(_view, n=15)


summary, actors = computed(page.key, view)

st.title("Briefing overview")
if view.articles.empty:
    st.info("No article matches the filters. Widen them in the sidebar.")
    st.stop()

cols = st.columns([0.8, 0.8, 1, 2.1, 1.2])  # the date span needs the room
cols[0].metric("Articles", summary.articles)
cols[1].metric("Sources", summary.sources)
languages = summary.languages
cols[2].metric(
    "Languages",
    ", ".join(languages) if len(languages) <= 3 else f"{len(languages)}",
    help=", ".join(languages) if len(languages) > 3 else None,
)
span = date_span(summary.date_from, summary.date_to) or "undated"
cols[3].metric(
    "Published",
    span,
    help=f"{counted(summary.undated, 'article')} without a date" if summary.undated else None,
)
cols[4].metric(
    "Actor mentions",
    summary.mentions,
    help=f"{summary.actors} states and organisations, in {summary.sentences} sentences",
)

render.problems(result.problems)

st.subheader("Articles")
table = view.articles[
    [
        "article_id",
        "title",
        "source",
        "published",
        "language",
        "translation_of",
        "n_words",
        "language_flag",
    ]
]
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    column_config={
        "article_id": "id",
        "n_words": st.column_config.NumberColumn("words"),
        "language_flag": "notes",
        "translation_of": "translation of",
    },
)
publication_strip(view.articles, "published_strip")

st.subheader("Who is talked about")
st.caption(
    "Sentences that mention each state or organisation (people count for their state), in "
    "every article, translations included (the Actors page counts an article and its "
    "translation once). Click a bar, or pick an actor below, to read the sentences behind it."
)
event = st.plotly_chart(
    top_actors_bar(actors),
    width="stretch",
    key="top_actors",
    on_select="rerun",
    selection_mode="points",
    config=figure_config("top_actors"),
)
csv_download(
    "Download these counts (CSV)",
    actors,
    "top_actors.csv",
    "overview_actors_csv",
)
names = dict(zip(actors["actor_id"], actors["name"], strict=True))
state.bind("actor", "overview_actor", "", options=["", *names])
if (picked := state.new_click(event, "overview_last_click")) and picked[0] in names:
    st.session_state["overview_actor"] = picked[0]
state.keep_valid("overview_actor", ["", *names])
choice = st.selectbox(
    "Evidence for",
    ["", *actors["actor_id"]],
    key="overview_actor",
    format_func=lambda i: names.get(i, "choose an actor…"),
)
state.publish("actor", choice, "")
if choice:
    evidence = actor_sentences(view, choice)
    evidence["read"] = [
        reader_link(a, int(p))
        for a, p in zip(evidence["article_id"], evidence["paragraph_no"], strict=True)
    ]
    st.caption(f"{len(evidence)} sentences mention {render.plain(names[choice])}.")
    st.dataframe(
        evidence[["text", "mentions", "title", "source", "published", "read", "article_id"]],
        hide_index=True,
        width="stretch",
        column_config={
            "text": st.column_config.TextColumn("sentence", width="large"),
            "mentions": "written as",
            "read": st.column_config.LinkColumn("reader", display_text="read in context"),
            "article_id": "article",
        },
    )
