"""The static briefing: one self-contained HTML file to send or archive.

    document = render(build("data").tables)    # one string; plotly.js inlined once
    write(document, "briefing.html")

The file makes no network request when opened: plotly.js is inlined once, word clouds are
PNG data URIs, styles are inline and fonts are the reader's own. Every text that comes from
the articles (titles, sources, sentences, terms) is HTML-escaped, in the page and inside the
figures (plotly would otherwise interpret a few tags in labels).

The briefing is a list of sections (`SECTIONS`); each section function takes the `Briefing`
context and returns a `Section`, or None to leave itself out (no dated event, no sentiment…).
`tables_zip` packs every table as Parquet files in one zip (the app's "download the tables").
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import itertools
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from analysis import charts, terms, timeline
from analysis import comention as C
from analysis.findings import Evidence, Finding, key_findings
from analysis.overview import actor_names, article_labels, counted, summarise, top_actors
from analysis.reader import actor_colour
from analysis.schema import Tables

#: Top actors in the co-mention matrix and bars.
TOP_ACTORS = 15
#: Words per word cloud.
CLOUD_WORDS = 80
#: Marks the div of every chart, so a reader (or a test) can count them.
CHART_CLASS = "briefing-chart"
#: The plotly template of every figure in the briefing, whatever the process's default (inside
#: Streamlit the default is Streamlit's own, with placeholder colours and no automargin).
TEMPLATE = "plotly_white"


def esc(value: object) -> str:
    """Text for the page (element content and attribute values), inert."""
    return html.escape("" if value is None or value is pd.NA else str(value), quote=True)


@dataclass
class Briefing:
    """What every section reads: the tables and a few lookups computed once."""

    tables: Tables
    names: dict[str, str] = field(default_factory=dict)  # actor id -> display name
    chart_ids: itertools.count = field(default_factory=itertools.count)

    @classmethod
    def of(cls, tables: Tables) -> Briefing:
        return cls(tables, names={k: str(v) for k, v in actor_names(tables.mentions).items()})

    def chart(self, fig: go.Figure, name: str) -> str:
        """A figure as a <div> (plotly.js itself is inlined once, in the head), drawn with
        `TEMPLATE` and its labels whole (`fig` itself is not modified)."""
        fig = charts.labels_whole(go.Figure(fig))
        fig.layout.template = pio.templates[TEMPLATE]
        height = fig.layout.height or 450
        div = fig.to_html(
            full_html=False,
            include_plotlyjs=False,
            div_id=f"chart-{next(self.chart_ids)}-{name}",
            config=charts.figure_config(name),
            default_width="100%",
            default_height=f"{height}px",
        )
        return f'<div class="{CHART_CLASS}">{div}</div>'


@dataclass(frozen=True)
class Section:
    anchor: str  # the id in the page (table of contents links)
    title: str
    body: str  # HTML; every text from the articles escaped


SectionFunction = Callable[[Briefing], "Section | None"]


def _marked(text: str, spans) -> str:
    """A sentence, escaped, with `spans` (start, end) highlighted."""
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at or start < 0 or end > len(text):
            continue
        out.append(esc(text[at:start]))
        out.append(f"<mark>{esc(text[start:end])}</mark>")
        at = end
    out.append(esc(text[at:]))
    return "".join(out)


def _evidence(items: tuple[Evidence, ...]) -> str:
    rows = []
    for e in items:
        meta = " · ".join(esc(x) for x in (e.title, e.source, e.published) if x)
        rows.append(
            f"<li><q>{_marked(e.text, e.spans)}</q><small>{meta} · article "
            f"{esc(e.article_id)}, sentence {e.sent_no}</small></li>"
        )
    return f'<ul class="evidence">{"".join(rows)}</ul>' if rows else ""


def _table(df: pd.DataFrame, *, columns: dict[str, str]) -> str:
    """A small DataFrame as an HTML table, every cell escaped; `columns` maps column to
    header (and orders them)."""
    head = "".join(f"<th>{esc(h)}</th>" for h in columns.values())
    body = []
    for row in df[list(columns)].itertuples(index=False):
        cells = "".join(f"<td>{esc(v)}</td>" for v in row)
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def overview_section(b: Briefing) -> Section:
    """Cards, the articles, when they appeared and who is talked about."""
    t = b.tables
    s = summarise(t)
    span = (
        f"{s.date_from} → {s.date_to}" if s.date_from != s.date_to else s.date_from
    ) or "undated"
    cards = [
        ("Articles", s.articles),
        ("Sources", s.sources),
        ("Languages", ", ".join(s.languages) or "–"),
        ("Published", span),
        ("Actor mentions", s.mentions),
    ]
    parts = [
        '<div class="cards">'
        + "".join(f"<div><small>{esc(k)}</small><b>{esc(v)}</b></div>" for k, v in cards)
        + "</div>"
    ]
    rows = []
    for a in t.articles.fillna("").itertuples():
        url = str(a.url or "")
        title = esc(a.title or a.article_id)
        if url.startswith(("http://", "https://")):
            title = f'<a href="{esc(url)}" rel="noopener noreferrer">{title}</a>'
        translation = f" (translation of {esc(a.translation_of)})" if a.translation_of else ""
        rows.append(
            f"<tr><td>{esc(a.article_id)}</td><td>{title}{translation}</td>"
            f"<td>{esc(a.source)}</td><td>{esc(a.published)}</td><td>{esc(a.language)}</td>"
            f"<td>{esc(a.n_words)}</td></tr>"
        )
    parts.append(
        "<h3>Articles</h3><table><thead><tr><th>id</th><th>title</th><th>source</th>"
        f"<th>published</th><th>language</th><th>words</th></tr></thead><tbody>{''.join(rows)}"
        "</tbody></table>"
    )
    if t.articles["published"].fillna("").ne("").any():
        parts.append("<h3>When the articles appeared</h3>")
        parts.append(b.chart(charts.published_strip(t.articles), "published"))
    actors = top_actors(t, n=TOP_ACTORS)
    if len(actors):
        parts.append("<h3>Who is talked about</h3>")
        parts.append(
            "<p class='note'>Sentences that mention each state or organisation (people count "
            "for their state).</p>"
        )
        parts.append(b.chart(charts.top_actors_bar(actors), "top_actors"))
    return Section("overview", "Overview", "".join(parts))


def findings_section(b: Briefing) -> Section | None:
    """Key findings written from the tables, each with the sentences behind it."""
    found: list[Finding] = key_findings(b.tables)
    if not found:
        return None
    items = [
        f"<li><p><b>{esc(f.headline)}</b></p><p class='note'>{esc(f.detail)}</p>"
        f"{_evidence(f.evidence)}</li>"
        for f in found
    ]
    return Section("findings", "Key findings", f"<ol class='findings'>{''.join(items)}</ol>")


def timeline_section(b: Briefing) -> Section | None:
    """Dated events consolidated across sources: the chart draws the densest two years (so
    that no lane is empty), the table below it lists every event."""
    every = timeline.events_view(b.tables)
    if every.empty:
        return None
    events = timeline.best_reported(every)
    note = (
        f" The {len(events)} events the most sources report of {len(every)} are drawn."
        if len(events) < len(every)
        else ""
    )
    window = timeline.densest_window(events)
    drawn = timeline.within(events, window)
    if len(drawn) < len(events):
        note += (
            f" The chart shows the {len(drawn)} events of the densest two years; the table "
            f"below lists all {len(every)}."
        )
    colours = {a: actor_colour(a) for a in set(";".join(drawn["actors"]).split(";")) if a}
    fig = charts.timeline_figure(
        drawn, lanes="actor", names=b.names, colours=colours, x_range=window
    )
    table = every.sort_values("start").assign(
        sources=every["n_sources"], sentences=every["n_mentions"]
    )
    return Section(
        "timeline",
        "Timeline",
        "<p class='note'>One marker per event and actor, sized by its independent sources (a "
        "translation is not one); a bar shows the period a date covers; the slider below the "
        f"chart narrows the time shown.{esc(note)}</p>"
        + b.chart(fig, "timeline")
        + f"<details><summary>All {len(every)} dated events</summary>"
        + _table(
            table,
            columns={
                "date": "date",
                "sources": "sources",
                "sentences": "sentences",
                "label": "what the text says",
            },
        )
        + "</details>",
    )


def comention_section(b: Briefing) -> Section | None:
    """Who is talked about together: the sentence co-mention counts of the top actors, in
    clustered order (translations and duplicates counted once)."""
    pairs, n_units = C.units(b.tables)
    long = C.matrix(pairs, n_units, measure="count", top_n=TOP_ACTORS)
    if long.empty:
        return None
    order = C.order(long, "cluster")
    fig = charts.comention_heatmap(
        long, order, {a: b.names.get(a, a) for a in order}, measure="count"
    )
    return Section(
        "actors",
        "Who is talked about together",
        "<p class='note'>Number of sentences that mention both actors; the diagonal shows "
        "each actor's own mention count. Actors in clustered order, so that blocs sit "
        "together.</p>" + b.chart(fig, "comentions"),
    )


def sentiment_section(b: Briefing) -> Section | None:
    """How each article portrays each state: the articles × states heatmap, and per state
    which source is most negative. Left out when nothing was scored."""
    from analysis import sentiment as S

    cells = getattr(b.tables, "article_sentiment", None)
    if cells is None or cells.empty:
        return None
    rows = S.order_rows(cells, b.tables.articles, "published")
    columns = S.order_columns(cells, "sentences", 12)
    labels = article_labels(b.tables.articles)
    names = {a: b.names.get(a, a) for a in columns}
    fig = charts.sentiment_heatmap(cells, rows, columns, labels, names)
    body = [
        "<p class='note'>Mean score of each article's sentences toward each state (−1 "
        "negative … +1 positive; the number is the sentences scored). English sentences are "
        "scored by a fine-tuned target-dependent model, other languages by a lexicon, a "
        "translation through its original.</p>",
        b.chart(fig, "sentiment"),
    ]
    if not getattr(b.tables, "sentiment", pd.DataFrame()).empty:
        rows_by_source = []
        for actor in columns[:6]:
            per_source = S.by_source(b.tables, actor)
            for r in per_source.itertuples():
                rows_by_source.append(
                    (b.names.get(actor, actor), r.source, f"{r.score:+.2f}", int(r.n_sentences))
                )
        table = pd.DataFrame(rows_by_source, columns=["state", "source", "score", "n"])
        body.append("<h3>By source (most negative first, translations counted once)</h3>")
        body.append(
            _table(
                table,
                columns={"state": "state", "source": "source", "score": "mean", "n": "sentences"},
            )
        )
    return Section("sentiment", "How each article portrays each state", "".join(body))


def _cloud(b: Briefing, scope: terms.Scope, colour: str) -> str:
    sentences = terms.scope_sentences(b.tables, scope)
    counts = terms.count_terms(sentences, b.tables.mentions)
    if counts.empty:
        return ""
    png = charts.word_cloud_png(counts, max_words=CLOUD_WORDS, colour=colour)
    label = terms.describe(scope, b.tables)
    data = base64.b64encode(png).decode("ascii")
    return (
        f'<figure class="cloud"><img src="data:image/png;base64,{data}" '
        f'alt="Word cloud: {esc(label)}"><figcaption>{esc(label)}: '
        f"{int(counts['count'].sum())} occurrences of {len(counts)} terms</figcaption></figure>"
    )


def words_section(b: Briefing) -> Section | None:
    """Word clouds of the whole corpus and of each language (when there are several)."""
    scopes = [terms.Scope()]
    languages = sorted(set(b.tables.articles["language"].dropna()))
    if len(languages) > 1:
        scopes += [terms.Scope(terms.LANGUAGE, code) for code in languages]
    colours = itertools.cycle(charts.SIDE_COLOURS)
    clouds = [c for scope in scopes if (c := _cloud(b, scope, next(colours)))]
    if not clouds:
        return None
    return Section(
        "words",
        "Words",
        "<p class='note'>Lemmatised words without stop words or numbers, in each sentence's "
        "language; actor names (grey) stay whole.</p>" + "".join(clouds),
    )


#: The briefing's sections, in order. A section returning None is left out.
SECTIONS: tuple[SectionFunction, ...] = (
    overview_section,
    findings_section,
    timeline_section,
    comention_section,
    sentiment_section,
    words_section,
)

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
margin:0 auto;max-width:1100px;padding:1.5em;color:#1f1f1f;line-height:1.45}
h1{margin-bottom:.1em}h2{border-bottom:2px solid #B22234;padding-bottom:.2em;margin-top:2em}
nav ul{display:flex;flex-wrap:wrap;gap:1em;padding:0;list-style:none}
nav a,a{color:#B22234}.note,small,.meta{color:#555}
.cards{display:flex;flex-wrap:wrap;gap:1em;margin:1em 0}
.cards div{border:1px solid #ddd;border-radius:6px;padding:.5em 1em;min-width:8em}
.cards small{display:block}.cards b{font-size:1.3em}
table{border-collapse:collapse;width:100%;font-size:.92em;margin:.5em 0}
th,td{text-align:left;vertical-align:top;padding:.25em .5em;border-bottom:1px solid #eee}
.findings>li{margin-bottom:1.2em}.findings p{margin:.2em 0}
.evidence{margin:.3em 0;padding-left:1.2em}.evidence li{margin:.35em 0}
.evidence small{display:block}mark{background:#ffd166;padding:0 2px;border-radius:2px}
.cloud{display:inline-block;vertical-align:top;margin:.5em;width:calc(50% - 1em)}
.cloud img{max-width:100%;height:auto;border:1px solid #eee}figcaption{color:#555;font-size:.9em}
details{margin:.8em 0}footer{margin-top:3em;color:#777;font-size:.85em}
"""


def render(
    tables: Tables,
    *,
    title: str = "Briefing",
    note: str = "",
    generated: dt.date | None = None,
    sections: tuple[SectionFunction, ...] = SECTIONS,
) -> str:
    """The whole briefing as one HTML document (plotly.js inlined once)."""
    from plotly.offline import get_plotlyjs

    from analysis import __version__

    b = Briefing.of(tables)
    made = [s for fn in sections if (s := fn(b)) is not None]
    contents = "".join(f'<li><a href="#{esc(s.anchor)}">{esc(s.title)}</a></li>' for s in made)
    body = "".join(
        f'<section id="{esc(s.anchor)}"><h2>{esc(s.title)}</h2>{s.body}</section>' for s in made
    )
    when = (generated or dt.date.today()).isoformat()
    subtitle = f"<p class='meta'>{esc(note)}</p>" if note else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{STYLE}</style>"
        f'<script type="text/javascript">{get_plotlyjs()}</script></head><body>'
        f"<header><h1>{esc(title)}</h1>{subtitle}</header>"
        f"<nav><ul>{contents}</ul></nav>{body}"
        f"<footer>Made with Briefing {esc(__version__)} on {esc(when)} from "
        f"{counted(len(tables.articles), 'article')}. Every figure can be saved as an image from "
        "its toolbar.</footer></body></html>\n"
    )


def count_charts(document: str) -> int:
    """The number of charts in a rendered briefing."""
    return document.count(f'<div class="{CHART_CLASS}">')


def write(document: str, out: str | Path) -> Path:
    """Write the document atomically (a temporary file renamed into place)."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(document, encoding="utf-8")
    tmp.replace(path)
    return path


def tables_zip(tables: Tables) -> bytes:
    """Every table as `<name>.parquet` inside one zip (Parquet is compressed already, so the
    zip only stores)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, df in tables.items():
            part = io.BytesIO()
            df.to_parquet(part, index=False)
            archive.writestr(f"{name}.parquet", part.getvalue())
    return buffer.getvalue()
