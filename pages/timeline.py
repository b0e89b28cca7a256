"""Timeline: when things happened, consolidated across sources, each event with its sentences."""

import html

import streamlit as st

from analysis import timeline as T
from analysis.charts import figure_config, timeline_figure
from analysis.overview import actor_names, article_labels, counted
from analysis.reader import actor_colour
from ui import state
from ui.page import setup
from ui.render import csv_download, publication_strip, reader_link

page = setup()
view = page.view
names = actor_names(view.mentions).to_dict()
arts = view.articles.set_index("article_id")
titles = article_labels(view.articles)  # "000 · title…": one lane per article, never blank

st.title("Timeline")


@st.cache_data(max_entries=16, show_spinner=False)
def consolidated(key: str, stamps: bool, _view):
    """One row per dated event (`key` names the data and filters)."""
    return T.events_view(_view, stamps=stamps)


state.bind("lanes", "tl_lanes", "actor", options=("actor", "article"))
state.bind("history", "tl_history", False, parse=lambda v: v == "1")
state.bind("stamps", "tl_stamps", False, parse=lambda v: v == "1")
c1, c2, c3 = st.columns([2, 2, 2])
stamps = c3.toggle(
    "Show the pages' date lines",
    key="tl_stamps",
    help="Publication and update stamps, bylines and copyright lines date the page, not what "
    "it reports: left out unless this is on.",
)
state.publish("stamps", stamps, False, dump=lambda v: "1" if v else "0")
events = consolidated(page.key, stamps, view)
if events.empty:
    st.info("No dated event in these articles.")
    st.stop()
every = events  # the picker and the download hold them all; the chart the best reported
events = T.best_reported(every)

lanes = c1.radio(
    "Lanes",
    ("actor", "article"),
    key="tl_lanes",
    horizontal=True,
    format_func={"actor": "by actor", "article": "by article"}.get,
)
history = c2.toggle(
    "Show the long history",
    key="tl_history",
    help="The default view is the densest two years; this shows every event.",
)
state.publish("lanes", lanes, "actor")
state.publish("history", history, False, dump=lambda v: "1" if v else "0")

window = None if history else T.densest_window(events)
shown = T.within(events, window)  # only the window's events: no lane without a marker
colours = {a: actor_colour(a) for a in set(";".join(shown["actors"]).split(";")) if a}
fig = timeline_figure(
    shown, lanes=lanes, names=names, titles=titles, colours=colours, x_range=window
)
chosen = st.plotly_chart(
    fig,
    key=f"tl_chart_{lanes}_{history}",
    on_select="rerun",
    selection_mode="points",
    width="stretch",
    config=figure_config("timeline"),
)
rest = (
    f" The chart draws the {len(events)} events that the most sources report, of "
    f"{len(every)}; the event picker and the download hold all of them."
    if len(events) < len(every)
    else ""
)
if len(shown) < len(events):
    rest += (
        f" The densest two years: {len(shown)} of {len(events)} events drawn; switch on "
        "*Show the long history* for the others."
    )
st.caption(
    "Marker size: independent sources (a translation is not one). A bar shows the "
    f"period a date covers; the slider below the chart narrows the time shown.{rest}"
)
csv_download(
    "Download these events (CSV)",
    T.download_table(every),
    "events.csv",
    "tl_events_csv",
)

# The selected event: a click on the chart, the picker (keyboard path), or the URL.
ids = list(every["event_id"])
labels = {r.event_id: f"{r.date} · {r.label[:90]}" for r in every.itertuples()}
state.bind("event", "tl_event", "", options=["", *ids])
if (picked := state.new_click(chosen, "tl_last_click")) and picked[0] in ids:
    st.session_state["tl_event"] = picked[0]
state.keep_valid("tl_event", ids)
selected = st.selectbox(
    "Event", ["", *ids], key="tl_event", format_func=lambda e: labels.get(e, "choose an event…")
)
state.publish("event", selected or None, None)

if selected:
    rows = view.events[view.events["event_id"] == selected]
    sentences = view.sentences.set_index(["article_id", "sent_no"])["text"]
    n = int(every.loc[every["event_id"] == selected, "n_sources"].iloc[0])
    st.subheader(labels[selected][:120])
    st.caption(
        f"Reported in {counted(len(rows), 'sentence')} by {counted(n, 'independent source')}."
    )
    items = []
    for r in rows.itertuples():
        sentence = sentences.get((r.article_id, r.sent_no), "")
        a = arts.loc[r.article_id]
        start = sentence.find(r.expression)
        if start >= 0:
            shown = (
                html.escape(sentence[:start])
                + "<mark>"
                + html.escape(r.expression)
                + "</mark>"
                + html.escape(sentence[start + len(r.expression) :])
            )
        else:
            shown = html.escape(sentence)
        meta = " · ".join(
            html.escape(str(x)) for x in (a["title"], a["source"], a["published"]) if x
        )
        link = html.escape(reader_link(r.article_id, int(r.paragraph_no)))
        items.append(
            f"<li><p>{shown}</p><small>{meta} · {html.escape(r.date)} "
            f"({html.escape(r.precision)}, {html.escape(r.resolved)}) · "
            f'<a href="{link}" target="_self">read in context</a></small></li>'
        )
    st.html(f"<ol class='evidence'>{''.join(items)}</ol>")

st.subheader("When the articles appeared")
publication_strip(view.articles, "tl_published")
undated = view.events[view.events["date"].fillna("") == ""]
if len(undated):
    with st.expander(f"{len(undated)} time expressions without a date"):
        st.caption("Kept as written: the text does not say enough to date them.")
        st.dataframe(
            undated[["article_id", "sent_no", "expression", "resolved"]],
            hide_index=True,
            width="stretch",
        )
