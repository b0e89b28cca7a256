"""Reader: two articles side by side, what corresponds on the same row, what only one says."""

import html
import json
from urllib.parse import quote

import streamlit as st

from analysis import reader as R
from analysis.overview import UNKNOWN_SOURCE, actor_names, article_labels, short_ids
from ui import render, state
from ui.page import setup

page = setup()
view = page.view
arts = view.articles.set_index("article_id")
ids = list(arts.index)
names = actor_names(view.mentions).to_dict()
labels = article_labels(page.result.tables.articles, 70)
short = short_ids(page.result.tables.articles["article_id"])

st.title("Reader")
if len(ids) < 2:
    st.info("The reader needs two articles: widen the filters.")
    st.stop()

default_a = (R.best_pair(view) or (ids[0], ids[1]))[0]


def partner(article: str) -> str:
    """The article read beside `article` unless a link or the reader says otherwise: its
    translation or rewrite with the most aligned content, else the first other article."""
    found = R.best_partner(view, article)
    return found if found in ids and found != article else next(i for i in ids if i != article)


every = set(page.result.tables.articles["article_id"])
full = {s: a for a, s in short.items() if s != a}
for param in ("left", "right"):  # a link naming an article this view does not show says so
    asked = st.query_params.get(param)
    if asked in full:  # the short id every label shows ("002" for "002_5f1c…")
        asked = st.query_params[param] = full[asked]
    if asked and asked not in ids and f"rd_{param}" not in st.session_state:
        st.warning(
            f"The link asks for article {render.plain(asked)}, which "
            + (
                "the sidebar filters hide: widen them to read it."
                if asked in every
                else "is not in this briefing (an uploaded article is gone when the server "
                "restarts): another article is shown."
            ),
            icon=":material/warning:",
        )
state.bind("left", "rd_left", default_a, options=ids, quiet=True)
state.keep_valid("rd_left", ids, default_a)  # the filters changed since the pair was chosen
# a link that names only `left` (every "read in context" link) opens it beside its partner
default_b = partner(st.session_state["rd_left"])
state.bind("right", "rd_right", default_b, options=ids, quiet=True)
state.keep_valid("rd_right", ids, default_b)
state.bind("actor", "rd_actor", "")
state.bind("para", "rd_para", -1, parse=int)
if st.session_state["rd_right"] == st.session_state["rd_left"]:
    st.session_state["rd_right"] = default_b


c1, c2 = st.columns(2)
left = c1.selectbox("Left article", ids, key="rd_left", format_func=labels.get)
right = c2.selectbox("Right article", ids, key="rd_right", format_func=labels.get)
if left == right:
    st.warning("Choose two different articles.")
    st.stop()


@st.cache_data(max_entries=32, show_spinner=False)
def computed(key: str, left: str, right: str):
    """Rows, summary and highlights of one pair (`key` names the data and filters)."""
    rows = R.rows(view, left, right)
    return (
        rows,
        R.summarise(view, left, right, rows),
        R.highlights(view, left),
        R.highlights(view, right),
    )


rows, summary, marks_left, marks_right = computed(page.key, left, right)
mentioned = sorted(
    (set(marks_left["actor"]) | set(marks_right["actor"])) - {""}, key=lambda a: names.get(a, a)
)
if (asked := st.session_state.get("rd_actor")) and asked not in mentioned:
    st.toast(
        f"Neither article names {render.plain(names.get(asked, asked))}: every paragraph is shown.",
        icon=":material/info:",
    )
state.keep_valid("rd_actor", mentioned)
actor = st.selectbox(
    "Only paragraphs mentioning",
    ["", *mentioned],
    key="rd_actor",
    format_func=lambda a: names.get(a, a) if a else "any actor (all paragraphs)",
)
for param, value, default in (
    ("left", left, default_a),
    ("right", right, default_b),
    ("actor", actor, ""),
):
    state.publish(param, value, default)
focus = int(st.session_state["rd_para"])
state.publish("para", focus, -1)

m1, m2, m3 = st.columns(3)
if summary.relation:
    m1.metric(
        "Aligned",
        f"{summary.aligned_share:.0%}",
        help=f"A {summary.relation}: share of the text that sits in corresponding paragraphs "
        "(of the article with the more of it).",
    )
else:
    m1.metric(
        "Related",
        f"{summary.related_share:.0%}",
        help="Not a translation or rewrite of each other: share of the text in paragraphs "
        "that report the same facts (several names, numbers or words in common beyond the "
        "countries both are about). No other paragraph is paired.",
    )
m2.metric("Paragraphs only on the left", len(summary.only_a))
m3.metric("Paragraphs only on the right", len(summary.only_b))

pair = (
    view.paragraphs[view.paragraphs["article_id"].isin([left, right])]
    .astype({"paragraph_no": int})
    .set_index(["article_id", "paragraph_no"])
)
texts = {aid: pair.loc[aid, "text"].to_dict() for aid in (left, right)}
kinds = {aid: pair.loc[aid, "kind"].to_dict() for aid in (left, right)}
#: What a paragraph of page furniture is, by its kind in the `paragraphs` table (a short
#: "heading" may be a sub-heading or a page's residue, such as a related link)
FURNITURE = {
    "headline": "its headline",
    "byline": "a byline",
    "dateline": "a date line",
    "credit": "a credit line",
}


def furniture(aid: str, p: int) -> str:
    """What a paragraph of page furniture is: a headline line that is not the article's title
    is a masthead, a kicker or a section line, not "its headline"."""
    kind = kinds[aid][p]
    if kind == "headline":
        line, title = (
            " ".join(str(t).casefold().split()) for t in (texts[aid][p], arts.at[aid, "title"])
        )
        if not (line and title and (line.startswith(title[:40]) or title.startswith(line[:40]))):
            return "a heading line above the story, not its title"
    return FURNITURE.get(kind, "page residue or heading")


differences = []
for side, aid, only, reps in (
    ("left", left, summary.only_a, summary.repeats_a),
    ("right", right, summary.only_b, summary.repeats_b),
):
    for p in only:
        what = (
            f"repeats its paragraph {reps[p]}"
            if p in reps
            else furniture(aid, p)
            if kinds[aid][p] != "body"
            else "only here"
        )
        differences.append(
            f"<li>Only the {side} ({html.escape(short[aid])}) has paragraph "
            f"{p}: <q>{html.escape(texts[aid][p][:110])}</q> — {what}</li>"
        )
if not summary.relation:
    st.caption(
        "These two articles are not a translation or rewrite of each other: rows pair only "
        "paragraphs that report the same facts."
    )
if differences:
    with st.expander(f"{len(differences)} differences", expanded=bool(summary.relation)):
        st.html(f"<ul class='diffs'>{''.join(differences)}</ul>")


def marked(text: str, spans) -> str:
    """Paragraph text, escaped, with actors and dates highlighted."""
    out, at = [], 0
    for s in sorted(spans.itertuples(), key=lambda r: (r.start, -r.end)):
        if s.start < at:
            continue
        out.append(html.escape(text[at : s.start]))
        piece = html.escape(text[s.start : s.end])
        if s.kind == "actor":
            title = html.escape(names.get(s.actor, s.actor))
            style = R.highlight_style(s.colour)
            out.append(f'<mark class="actor" style="{style}" title="{title}">{piece}</mark>')
        else:
            out.append(f'<span class="date">{piece}</span>')
        at = s.end
    out.append(html.escape(text[at:]))
    return "".join(out)


def anchor(aid: str, paragraph_no: int) -> str:
    """The HTML id of a paragraph (`#p-ID-N`; an id's characters made safe for a fragment)."""
    return html.escape(f"p-{quote(aid, safe='')}-{paragraph_no}", quote=True)


def cell(aid: str, pars: tuple[int, ...], marks) -> str:
    parts = []
    for p in pars:
        dim = " dim" if kinds[aid][p] != "body" else ""
        here = " focus" if aid == left and p == focus else ""
        parts.append(
            f'<p class="par{dim}{here}" id="{anchor(aid, p)}">'
            f'<span class="no">{p}</span>{marked(texts[aid][p], marks[marks["paragraph_no"] == p])}'
            "</p>"
        )
    return "".join(parts)


def header(aid: str) -> str:
    a = arts.loc[aid]
    link = (
        f' · <a href="{html.escape(str(a["url"]))}" target="_blank" rel="noopener">link</a>'
        if str(a["url"] or "").startswith(("http://", "https://"))
        else ""
    )
    meta = " · ".join(
        html.escape(str(x))
        for x in (a["source"] or UNKNOWN_SOURCE, a["published"] or "undated", a["language"])
        if x
    )
    title = html.escape(str(a["title"]))
    return f"<th><div class='title'>{title}</div><small>{meta}{link}</small></th>"


with_actor = (
    set(marks_left.loc[marks_left["actor"] == actor, "paragraph_no"]),
    set(marks_right.loc[marks_right["actor"] == actor, "paragraph_no"]),
)


def wanted(row: R.Row) -> bool:
    """With an actor chosen, the rows where either side names it. Filtered before unrelated
    articles are set side by side, so that each column lists its own such paragraphs."""
    return not actor or bool(with_actor[0] & set(row.a) or with_actor[1] & set(row.b))


body = []
shown = [row for row in rows if wanted(row)]
for row in shown if summary.relation else R.side_by_side(shown):
    status = "related" if row.related else "apart" if row.apart else row.status
    tag = {
        "aligned": "",
        "related": "",
        "apart": "",
        "only_a": "only in the left article",
        "only_b": "only in the right article",
    }[status]
    left_cell = cell(left, row.a, marks_left) or f"<p class='gap'>{tag}</p>"
    right_cell = cell(right, row.b, marks_right) or f"<p class='gap'>{tag}</p>"
    if row.related:
        right_cell = "<p class='gap'>related: reports the same facts</p>" + right_cell
    if row.moved:
        right_cell = "<p class='gap'>moved: placed elsewhere in this article</p>" + right_cell
    body.append(f"<tr class='{status}'><td>{left_cell}</td><td>{right_cell}</td></tr>")

legend = "".join(
    f'<mark class="actor" style="{R.actor_style(a)}">{html.escape(names.get(a, a))}</mark> '
    for a in mentioned[:30]
)
STYLE = """<style>
.reader{width:100%;border-collapse:collapse;table-layout:fixed}
.reader th{text-align:left;vertical-align:top;padding:6px;border-bottom:2px solid #ccc}
.reader th .title{font-weight:600}
.reader td{vertical-align:top;padding:6px;border-bottom:1px solid #eee;width:50%}
.reader tr.only_a td:first-child,.reader tr.only_b td:last-child{background:#fff6e0}
.reader tr.related td{background:#f2f6fb}
.reader .gap{color:#999;font-style:italic}
.reader .par .no{color:#aaa;font-size:.75em;margin-right:.4em}
.reader .dim{opacity:.55;font-style:italic}
.reader .focus{outline:2px solid #B22234}
.reader .date{border-bottom:2px dotted #0072B2}
mark.actor{padding:0 2px;border-radius:3px}
.legend{margin:.3em 0 .8em 0;line-height:2}
</style>"""
st.html(
    STYLE + f"<div class='legend'>Actors: {legend} · <span class='date'>dates</span></div>"
    f"<table class='reader'><thead><tr>{header(left)}{header(right)}</tr></thead>"
    f"<tbody>{''.join(body)}</tbody></table>"
)

# A followed link (`para=N`) brings its paragraph into view, once: the page scrolls inside
# Streamlit's main container, which a same-origin frame can reach.
SCROLL = """<!DOCTYPE html><script>
const id = %s;
let tries = 0;
function show() {
  const target = window.parent.document.getElementById(id);
  if (target) target.scrollIntoView({block: "center"});
  else if (++tries < 50) setTimeout(show, 100);
}
show();
</script>"""
if focus >= 0 and st.session_state.get("rd_scrolled") != (left, focus):
    st.session_state["rd_scrolled"] = (left, focus)
    st.iframe(SCROLL % json.dumps(html.unescape(anchor(left, focus))), height=1)
