"""Actors: who is talked about together, with the sentences behind every cell."""

import html

import streamlit as st

from analysis import comention as C
from analysis.charts import comention_heatmap, comention_network, figure_config
from analysis.overview import actor_names, article_labels, short_ids
from ui import state
from ui.page import setup
from ui.render import csv_download, reader_link

page = setup()
view = page.view
view_key = page.key
titles = dict(zip(view.articles["article_id"], view.articles["title"].fillna(""), strict=True))
labels = article_labels(page.result.tables.articles, 60)
short = short_ids(page.result.tables.articles["article_id"])

st.title("Who is talked about together")

#: the "Top actors" slider's and the "Min. mentions" input's (least, most)
TOP_ACTORS, MIN_MENTIONS = (3, 40), (1, 1000)
MEASURE_LABELS = {
    "count": "Count",
    "jaccard": "Jaccard",
    "npmi": "Normalised PMI",
    "conditional": "P(column | row)",
}
state.bind("measure", "cm_measure", "count", options=C.MEASURES)
state.bind("window", "cm_window", "sentence", options=C.WINDOWS)
state.bind("level", "cm_level", "states", options=C.LEVELS)
state.bind("order", "cm_order", "cluster", options=C.ORDERS)
state.bind("scope", "cm_scope", "", options=["", *titles])
state.bind("top", "cm_top", 15, parse=int, bounds=TOP_ACTORS)
state.bind("min", "cm_min", 1, parse=int, bounds=MIN_MENTIONS)
state.bind("dedupe", "cm_dedupe", True, parse=lambda v: v != "0")
state.bind("view", "cm_view", "heatmap", options=("heatmap", "network"))

c1, c2, c3, c4 = st.columns(4)
measure = c1.selectbox("Measure", C.MEASURES, key="cm_measure", format_func=MEASURE_LABELS.get)
window = c2.selectbox("Together in the same", C.WINDOWS, key="cm_window")
level = c3.selectbox(
    "Actors",
    C.LEVELS,
    key="cm_level",
    format_func={"states": "States and organisations", "people": "People beside states"}.get,
    help="States and organisations: a person counts for their state. People beside states: "
    "each person is an actor of their own.",
)
how = c4.selectbox(
    "Order",
    C.ORDERS,
    key="cm_order",
    format_func={
        "cluster": "Clustered (blocs together)",
        "frequency": "By mentions",
        "alphabetical": "Alphabetical",
    }.get,
)
state.keep_valid("cm_scope", ["", *titles])
c5, c6, c7, c8 = st.columns([3, 2, 2, 3])
scope = c5.selectbox(
    "Scope",
    ["", *titles],
    key="cm_scope",
    format_func=lambda a: "Whole corpus" if not a else labels[a],
)
top = c6.slider("Top actors", *TOP_ACTORS, key="cm_top")
minimum = c7.number_input("Min. mentions", *MIN_MENTIONS, key="cm_min")
dedupe = c8.toggle(
    "Count translations once",
    key="cm_dedupe",
    help="An article and its translation (or an exact duplicate) count as one.",
)
shown_as = st.radio("Show as", ("heatmap", "network"), key="cm_view", horizontal=True)
for param, value, default in (
    ("measure", measure, "count"),
    ("window", window, "sentence"),
    ("level", level, "states"),
    ("order", how, "cluster"),
    ("scope", scope, ""),
    ("top", top, 15),
    ("min", minimum, 1),
    ("view", shown_as, "heatmap"),
):
    state.publish(param, value, default)
state.publish("dedupe", dedupe, True, dump=lambda v: "1" if v else "0")

measure_help = C.MEASURE_HELP[measure].format(window=window)
st.caption(
    measure_help[:1].upper()
    + measure_help[1:]  # not str.capitalize: it made "PMI" "pmi"
    + (" The diagonal shows each actor's own mention count." if shown_as == "heatmap" else "")
)


@st.cache_data(max_entries=64, show_spinner=False)
def compute(
    key: str,
    window: str,
    level: str,
    dedupe: bool,
    scope: str,
    measure: str,
    top: int,
    minimum: int,
    how: str,
):
    """Matrix and order for one view (`key` names the data and filters)."""
    pairs, n_units = C.units(view, window=window, level=level, dedupe=dedupe, article=scope or None)
    long = C.matrix(pairs, n_units, measure=measure, top_n=top, min_mentions=minimum)
    return long, C.order(long, how, actor_names(view.mentions).to_dict())


long, order = compute(view_key, window, level, dedupe, scope, measure, int(top), int(minimum), how)
names = actor_names(view.mentions).to_dict()
if long.empty:
    st.info("No actor is mentioned often enough here. Lower the minimum or widen the filters.")
    st.stop()

if shown_as == "heatmap":
    fig = comention_heatmap(long, order, names, measure=measure, unit=window)
else:
    fig = comention_network(long, names, measure=measure)
event = st.plotly_chart(
    fig,
    key=f"cm_chart_{shown_as}",
    on_select="rerun",
    selection_mode="points",
    width="stretch",
    config=figure_config(f"comentions_{measure}_{window}"),
)


# The selected cell: a click on the chart, or the two pickers (keyboard path), or the URL.
state.bind("cell", "cm_a", "", options=["", *order], parse=state.pair_part(0))
state.bind("cell", "cm_b", "", options=["", *order], parse=state.pair_part(1))
if picked := state.new_click(event, "cm_last_click", width=2):
    st.session_state["cm_a"], st.session_state["cm_b"] = picked
for key in ("cm_a", "cm_b"):
    state.keep_valid(key, order)
p1, p2 = st.columns(2)
actor_a = p1.selectbox(
    "Row actor", ["", *order], key="cm_a", format_func=lambda a: names.get(a, a) if a else "choose…"
)
actor_b = p2.selectbox(
    "Column actor",
    ["", *order],
    key="cm_b",
    format_func=lambda a: names.get(a, a) if a else "choose…",
)
state.publish("cell", f"{actor_a},{actor_b}" if actor_a and actor_b else None, None)

d1, d2 = st.columns(2)
wide = long.pivot(index="actor_a", columns="actor_b", values="value").loc[order, order]
wide.index = [names.get(a, a) for a in wide.index]
wide.columns = [names.get(a, a) for a in wide.columns]
csv_download(
    "Download the matrix (CSV)",
    wide,
    f"comentions_{measure}_{window}.csv",
    "cm_csv",
    where=d1,
    index=True,
)

COLOURS = ("#ffd166", "#8ecae6")


def highlighted(text: str, spans, first: str) -> str:
    """Sentence text, escaped, with each actor's mentions marked (row actor yellow)."""
    out, at = [], 0
    for start, end, actor in sorted(spans):
        if start < at:
            continue
        colour = COLOURS[0] if actor == first else COLOURS[1]
        out.append(html.escape(text[at:start]))
        out.append(f'<mark style="background:{colour}">{html.escape(text[start:end])}</mark>')
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


@st.cache_data(max_entries=64, show_spinner=False)
def sentences_behind(key: str, actor_a: str, actor_b: str, window: str, level: str, dedupe: bool):
    """Evidence for one cell (`key` names the data and filters)."""
    return C.evidence(view, actor_a, actor_b, window=window, level=level, dedupe=dedupe)


if actor_a and actor_b:
    evidence = sentences_behind(view_key, actor_a, actor_b, window, level, dedupe)
    if scope:
        evidence = evidence[evidence["article_id"] == scope]
    row = long[(long["actor_a"] == actor_a) & (long["actor_b"] == actor_b)]
    value = float(row["value"].iloc[0]) if len(row) else 0.0
    label_a, label_b = names.get(actor_a, actor_a), names.get(actor_b, actor_b)
    st.subheader(f"{label_a} × {label_b}")
    st.caption(f"{MEASURE_LABELS[measure]}: {value:.3g} · {len(evidence)} sentences")
    csv_download(
        "Download these sentences (CSV)",
        evidence.drop(columns="spans"),
        f"evidence_{actor_a}_{actor_b}.csv",
        "cm_evidence_csv",
        where=d2,
    )
    items = []
    for r in evidence.head(300).itertuples():
        meta = " · ".join(html.escape(str(x)) for x in (r.title, r.source, r.published) if x)
        reader = html.escape(reader_link(r.article_id, int(r.paragraph_no)))
        items.append(
            f"<li><p>{highlighted(r.text, r.spans, actor_a)}</p>"
            f"<small>{meta} · {html.escape(short[r.article_id])}, sentence {int(r.sent_no) + 1} · "
            f'<a href="{reader}" target="_self">read in context</a></small></li>'
        )
    st.html(
        f'<ol class="evidence">{"".join(items)}</ol>'
        "<style>.evidence li{margin-bottom:.6em}.evidence small{color:#666}</style>"
    )
    if len(evidence) > 300:
        st.caption("The first 300 are shown; the download has them all.")
else:
    st.caption("Click a cell, or choose a row and a column actor, to read the sentences behind it.")
