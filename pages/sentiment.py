"""Sentiment: how each article portrays each state, with the sentences behind every cell."""

import html

import streamlit as st

from analysis import sentiment as S
from analysis.charts import figure_config, sentiment_by_source, sentiment_heatmap
from analysis.languages import language_name
from analysis.overview import actor_names, article_hovers, article_labels, counted
from ui import render, state
from ui.page import setup
from ui.render import csv_download, marked, reader_link

page = setup()
view = page.view
names = actor_names(view.mentions).to_dict()
# from the whole corpus: a projected reading names its original even when it is filtered out
labels = article_labels(page.result.tables.articles)


def article_label(article_id: str) -> str:
    return labels.get(article_id, article_id)


st.title("How each article portrays each state")
cells = view.article_sentiment
missing = S.unscored(view)
if not missing.empty:
    tongues = ", ".join(language_name(c) for c in sorted(set(missing["language"])))
    n = missing["article_id"].nunique()
    st.info(
        f"{counted(n, 'article')} in {render.plain(tongues)} name states, but no "
        "sentiment method reads that language: "
        + ("it has" if n == 1 else "they have")
        + " no row here (see *How this is measured*).",
        icon=":material/translate:",
    )
if cells.empty:
    covered = S.coverage(view)
    st.info("No sentence of these articles names a state that a sentiment method can score.")
    if not covered.empty:
        st.dataframe(covered, hide_index=True)
    st.stop()

#: the "States shown" slider's (least, most)
TOP_STATES = (2, 30)
ROW_LABELS = {
    "published": "By date",
    "negative": "Most negative first",
    "title": "By title",
    "source": "By source",
}
COLUMN_LABELS = {
    "sentences": "By sentences scored",
    "negative": "Most negative first",
    "alphabetical": "Alphabetical",
}
state.bind("rows", "se_rows", "published", options=S.ROW_ORDERS)
state.bind("cols", "se_cols", "sentences", options=S.COLUMN_ORDERS)
state.bind("top", "se_top", 12, parse=int, bounds=TOP_STATES)
c1, c2, c3 = st.columns([2, 2, 3])
row_order = c1.selectbox("Rows (articles)", S.ROW_ORDERS, key="se_rows", format_func=ROW_LABELS.get)
col_order = c2.selectbox(
    "Columns (states)", S.COLUMN_ORDERS, key="se_cols", format_func=COLUMN_LABELS.get
)
top = c3.slider("States shown", *TOP_STATES, key="se_top")
for param, value, default in (
    ("rows", row_order, "published"),
    ("cols", col_order, "sentences"),
    ("top", top, 12),
):
    state.publish(param, value, default)

rows = S.order_rows(cells, view.articles, row_order)
columns = S.order_columns(cells, col_order, int(top), names)
row_labels = {a: article_label(a) for a in rows}
fig = sentiment_heatmap(
    cells, rows, columns, row_labels, names, row_hovers=article_hovers(view.articles)
)
st.caption(
    "Each cell: the mean score of the article's sentences toward the state (−1 negative … "
    "+1 positive), the number in it how many sentences were scored. A stance label needs at "
    f"least {S.MIN_SENTENCES} sentences, and a 95% interval clear of zero both for the "
    "scores and for the sentences' labels (neutral sentences leaning one way are no stance)."
)
event = st.plotly_chart(
    fig,
    key="se_chart",
    on_select="rerun",
    selection_mode="points",
    width="stretch",
    config=figure_config("sentiment"),
)


# The selected cell: a click, the two pickers (keyboard path), or the URL.
fresh = "se_article" not in st.session_state
state.bind("cell", "se_article", "", options=["", *rows], parse=state.pair_part(0))
state.bind("cell", "se_actor", "", options=["", *columns], parse=state.pair_part(1))
if fresh and not (st.session_state["se_article"] and st.session_state["se_actor"]):
    st.session_state["se_article"] = st.session_state["se_actor"] = ""  # a link's cell, whole
if picked := state.new_click(event, "se_last_click", width=2):
    st.session_state["se_article"], st.session_state["se_actor"] = picked
state.keep_valid("se_article", rows)
state.keep_valid("se_actor", columns)
p1, p2 = st.columns(2)
article = p1.selectbox(
    "Sentences of article",
    ["", *rows],
    key="se_article",
    format_func=lambda a: row_labels.get(a, a) if a else "choose…",
)
actor = p2.selectbox(
    "Toward state",
    ["", *columns],
    key="se_actor",
    format_func=lambda a: names.get(a, a) or "choose…",
)
state.publish("cell", f"{article},{actor}" if article and actor else None, None)

d1, d2 = st.columns(2)
csv_download(
    "Download the article × state table (CSV)",
    cells,
    "article_sentiment.csv",
    "se_cells_csv",
    where=d1,
)

LABEL_COLOURS = {"neg": "#d6604d", "neu": "#888888", "pos": "#4393c3"}


if article and actor:
    found = S.evidence(view, article, actor)
    cell = cells[(cells["article_id"] == article) & (cells["actor_id"] == actor)]
    st.subheader(f"{names.get(actor, actor)} in {row_labels.get(article, article)}")
    if len(cell):
        c = cell.iloc[0]
        stance = c["label"] or "too little evidence for a stance"
        n = int(c["n_sentences"])
        st.caption(
            f"mean score {c['score']:+.2f} (95% interval {c['low']:+.2f} to {c['high']:+.2f}) "
            f"over {counted(n, 'sentence')} · stance: {stance} · method: {c['method']}"
        )
    if found.empty:
        st.info(
            f"No scored sentence of this article names {render.plain(names.get(actor, actor))}: "
            "choose another cell."
        )
    else:
        csv_download(
            "Download these sentences (CSV)",
            found,
            f"sentiment_{article[:12]}_{actor}.csv",
            "se_evidence_csv",
            where=d2,
        )
        items = []
        for r in found.itertuples():
            colour = LABEL_COLOURS.get(r.label, "#888888")
            link = html.escape(reader_link(article, int(r.paragraph_no)) + f"&actor={actor}")
            how = html.escape(r.method)
            if r.via:
                how += f" through {html.escape(article_label(r.via))}"
            if r.read_with:
                partners = ", ".join(names.get(p, p) for p in r.read_with.split(";"))
                how += f" · read as {html.escape(partners)} (listed together)"
            items.append(
                f"<li><p>{marked(str(r.text), S.parse_spans(r.spans))}</p><small>"
                f'<b style="color:{colour}">{html.escape(r.label)}</b> · score {r.score:+.2f}'
                f" · {how} · sentence {int(r.sent_no) + 1} · "
                f'<a href="{link}" target="_self">read in context</a></small></li>'
            )
        st.html(
            f'<ol class="evidence">{"".join(items)}</ol>'
            "<style>.evidence li{margin-bottom:.6em}.evidence small{color:#666}</style>"
        )
else:
    st.caption("Click a cell, or choose an article and a state, to read the sentences behind it.")

st.subheader("Which source is most negative toward whom")
state.bind("state", "se_state", columns[0], options=columns)
state.keep_valid("se_state", columns, columns[0])
chosen = st.selectbox(
    "Compare the sources on", columns, key="se_state", format_func=lambda a: names.get(a, a)
)
state.publish("state", chosen, columns[0])
per_source = S.by_source(view, chosen)
if per_source.empty:
    st.info("No scored sentence about this state.")
else:
    st.plotly_chart(
        sentiment_by_source(per_source, names.get(chosen, chosen)),
        key="se_sources",
        width="stretch",
        config=figure_config(f"sentiment_by_source_{chosen}"),
    )
    st.caption("An article and its translation count as one source text.")

with st.expander("How this is measured"):
    st.markdown(S.method_notes())
    covered = S.coverage(view)
    if not covered.empty:
        st.dataframe(covered, hide_index=True)
