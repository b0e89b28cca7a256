"""Figures: each takes a table computed elsewhere and returns a plotly Figure.

No Streamlit here; pages call these and render with `st.plotly_chart`. Every figure carries
ids in `customdata` so a selection leads back to the rows (and sentences) behind it.
"""

from __future__ import annotations

import html
from functools import lru_cache

import pandas as pd
import plotly.colors
import plotly.graph_objects as go

from analysis.overview import UNKNOWN_SOURCE, clip, named_sources

KIND_COLOURS = {"state": "#4C78A8", "organization": "#F58518", "person": "#54A24B"}
#: The least margin of days on either side of the publication dates' strip.
STRIP_PAD_DAYS = 3
#: The publication dates' strip: pixels per source row, the least height, and the most rows
#: (the sources with the fewest articles beyond it share one row, so each row keeps its label).
STRIP_ROW_PX, STRIP_MIN_HEIGHT, STRIP_MAX_ROWS = 26, 220, 30
#: The timeline: pixels per lane, and the longest lane label (a longer one ends in "…").
LANE_PX, LANE_LABEL_CHARS = 34, 60
NO_ACTOR = "no actor"  # the lane of events that name no actor


def plot_text(value: object) -> str:
    """Text for a plotly label or hover: plotly renders a few tags (<b>, <br>, <a>…) and
    decodes &lt; &gt; &amp;, so escaping those three shows text from articles (a title, a
    source, a name) as written and nothing else. Every figure here escapes what it draws:
    callers pass text as it is."""
    return html.escape("" if value is None or value is pd.NA else str(value), quote=False)


def _texts(values) -> list[str]:
    return [plot_text(v) for v in values]


def labels_whole(fig: go.Figure) -> go.Figure:
    """Every axis grows its margin to its tick labels (automargin), whatever the template: the
    static briefing may be written where the default template sets no automargin (inside
    Streamlit), and a margin of 10 px would cut "North Korea" to "ea"."""
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    return fig


def figure_config(filename: str = "briefing") -> dict:
    """plotly.js options for every figure, in the app and in the static briefing: the
    toolbar's "download plot as a PNG" button (at twice the size, named `filename`); no
    plotly logo and no "share chart" button (it uploads the chart to Plotly's cloud)."""
    return {
        "displaylogo": False,
        "showSendToCloud": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
    }


def top_actors_bar(actors: pd.DataFrame, *, height: int | None = None) -> go.Figure:
    """Horizontal bars: sentences mentioning each actor; customdata = actor_id."""
    df = actors.iloc[::-1]  # largest on top
    fig = go.Figure(
        go.Bar(
            x=df["n_sentences"],
            y=_texts(df["name"]),
            orientation="h",
            marker_color=[KIND_COLOURS.get(k, "#999999") for k in df["kind"]],
            customdata=df[["actor_id", "n_articles"]].to_numpy(),
            hovertemplate="%{y}: %{x} sentences in %{customdata[1]} articles<extra></extra>",
        )
    )
    fig.update_layout(
        height=height or max(260, 26 * len(df) + 80),
        margin=dict(l=10, r=10, t=30, b=30),
        xaxis_title="sentences mentioning the actor",
        yaxis_title=None,
        clickmode="event+select",
        dragmode=False,
    )
    return labels_whole(fig)


def strip_rows(sources: pd.Series, max_rows: int = STRIP_MAX_ROWS) -> pd.Series:
    """The row of each article on the publication strip: its source ("unknown source" when
    blank); past `max_rows` sources, the ones with the fewest articles share the last row
    ("12 other sources")."""
    rows = named_sources(sources)
    counts = rows.value_counts()
    if len(counts) <= max_rows:
        return rows
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    keep = {name for name, _ in ranked[: max_rows - 1]}
    return rows.where(rows.isin(keep), f"{len(counts) - len(keep)} other sources")


def published_strip(articles: pd.DataFrame, *, max_rows: int = STRIP_MAX_ROWS) -> go.Figure:
    """Each dated article as a marker on a time axis (month-precision dates at mid-month),
    one row per source in alphabetical order, the figure as tall as its rows need (at most
    `max_rows` rows); customdata = [article_id, title, published, source]."""
    dated = articles[articles["published"].fillna("") != ""].copy()
    when = []
    for value in dated["published"]:
        if len(value) == 4:
            when.append(f"{value}-07-01")
        elif len(value) == 7:
            when.append(f"{value}-15")
        else:
            when.append(value)
    dated["when"] = pd.to_datetime(when)
    dated["source"] = named_sources(dated["source"])
    dated["row"] = strip_rows(dated["source"], max_rows)
    rows = list(dict.fromkeys(dated["row"]))
    others = [r for r in rows if r not in set(dated["source"])]  # "12 other sources"
    named = sorted((r for r in rows if r != UNKNOWN_SOURCE and r not in others), key=str.casefold)
    order = named + [r for r in (UNKNOWN_SOURCE, *others) if r in rows]  # top to bottom
    shown = dated.assign(title=_texts(dated["title"]), source=_texts(dated["source"]))
    fig = go.Figure(
        go.Scatter(
            x=dated["when"],
            y=_texts(dated["row"]),
            mode="markers",
            marker=dict(size=12, symbol="diamond"),
            customdata=shown[["article_id", "title", "published", "source"]].to_numpy(),
            hovertemplate="%{customdata[1]}<br>%{customdata[3]} · published %{customdata[2]}"
            "<extra></extra>",
        )
    )
    fig.update_layout(
        height=max(STRIP_MIN_HEIGHT, 90 + STRIP_ROW_PX * len(order)),
        margin=dict(l=10, r=10, t=20, b=30),
        yaxis=dict(title=None, categoryorder="array", categoryarray=_texts(order[::-1])),
        xaxis_title="published",
    )
    if len(dated):
        # a margin of days around the dates: one day alone would span milliseconds, and a
        # marker at either end would be cut in half
        first, last = dated["when"].min(), dated["when"].max()
        pad = max(pd.Timedelta(days=STRIP_PAD_DAYS), (last - first) * 0.05)
        fig.update_xaxes(range=[first - pad, last + pad])
    return labels_whole(fig)


SEQUENTIAL = "Blues"
DIVERGING = "RdBu"
DARK_INK, LIGHT_INK = "#000000", "#ffffff"  # one of the two has contrast >= 4.58 on any colour


def _luminance(colour: str) -> float:
    """WCAG relative luminance of a '#rrggbb' or 'rgb(r, g, b)' colour."""
    rgb = plotly.colors.hex_to_rgb(colour) if colour.startswith("#") else None
    channels = [c / 255 for c in (rgb or plotly.colors.unlabel_rgb(colour))]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ink_for(values, colorscale: str, low: float, high: float) -> list[str]:
    """The text colour for each cell's value: dark or light ink, whichever contrasts more
    with the cell's colour on the scale (so a count stays legible on the scale's dark ends)."""
    span = (high - low) or 1.0
    positions = [min(1.0, max(0.0, (float(v) - low) / span)) for v in values]
    colours = plotly.colors.sample_colorscale(colorscale, positions) if positions else []
    return [ink_on(colour) for colour in colours]


@lru_cache(maxsize=1024)
def ink_on(colour: str) -> str:
    """Dark or light ink, whichever contrasts more with `colour`."""
    return max((DARK_INK, LIGHT_INK), key=lambda ink: contrast(ink, colour))


def comention_heatmap(
    long: pd.DataFrame,
    order: list[str],
    names: dict[str, str],
    *,
    measure: str = "count",
    unit: str = "sentence",
    cell_px: int = 30,
) -> go.Figure:
    """The co-mention matrix as square markers (Streamlit's plotly selection does not fire on
    heatmap traces; markers do). Diagonal cells are grey and show each actor's own count.
    customdata = [actor_a, actor_b, n_ab, n_a, n_b]."""
    pos = {a: i for i, a in enumerate(order)}
    df = long[long["actor_a"].isin(pos) & long["actor_b"].isin(pos)].copy()
    df["x"] = df["actor_b"].map(lambda a: plot_text(names.get(a, a)))
    df["y"] = df["actor_a"].map(lambda a: plot_text(names.get(a, a)))
    diagonal = df["actor_a"] == df["actor_b"]
    off = df[~diagonal]
    labels = [plot_text(names.get(a, a)) for a in order]
    diverging = measure == "npmi"
    custom = ["actor_a", "actor_b", "n_ab", "n_a", "n_b"]
    size = max(8, cell_px - 4)
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=off["x"],
            y=off["y"],
            mode="markers",
            name=measure,
            marker=dict(
                symbol="square",
                size=size,
                color=off["value"],
                colorscale=DIVERGING if diverging else SEQUENTIAL,
                cmin=-1 if diverging else 0,
                cmax=1 if diverging else max(float(off["value"].max() or 0), 1e-9),
                cmid=0 if diverging else None,
                colorbar=dict(title=measure, thickness=12),
                line=dict(width=0.5, color="#bbbbbb"),
            ),
            customdata=off[custom].to_numpy(),
            selected=dict(marker=dict(opacity=1.0)),
            unselected=dict(marker=dict(opacity=0.55)),
            hovertemplate=(
                "%{y} × %{x}<br>" + measure + ": %{marker.color:.3g}<br>"
                f"{unit}s with both: %{{customdata[2]}}<br>"
                f"with %{{y}}: %{{customdata[3]}} · with %{{x}}: %{{customdata[4]}}<extra></extra>"
            ),
        )
    )
    diag = df[diagonal]
    fig.add_trace(
        go.Scatter(
            x=diag["x"],
            y=diag["y"],
            mode="markers+text",
            name="own mentions",
            marker=dict(
                symbol="square", size=size, color="#e6e6e6", line=dict(width=0.5, color="#bbbbbb")
            ),
            text=diag["n_a"].astype(int).astype(str),
            textfont=dict(size=9, color="#444444"),
            customdata=diag[custom].to_numpy(),
            hovertemplate=f"%{{y}}: mentioned in %{{customdata[3]}} {unit}s<extra></extra>",
        )
    )
    side = 140 + cell_px * len(order)
    fig.update_layout(
        height=side,
        showlegend=False,
        margin=dict(l=10, r=10, t=10, b=10),
        xaxis=dict(
            categoryorder="array", categoryarray=labels, side="top", tickangle=-45, showgrid=False
        ),
        yaxis=dict(categoryorder="array", categoryarray=labels[::-1], showgrid=False),
        plot_bgcolor="white",
        clickmode="event+select",
        dragmode=False,
    )
    return labels_whole(fig)


def comention_network(long: pd.DataFrame, names: dict[str, str], *, measure: str) -> go.Figure:
    """The same matrix as a network: actors on a circle sized by their mentions, an edge
    for every pair with a positive value, its width by the value. customdata = actor ids."""
    import math

    nodes = long[long["actor_a"] == long["actor_b"]].sort_values("n_a", ascending=False)
    actors = nodes["actor_a"].tolist()
    angle = {a: 2 * math.pi * i / max(len(actors), 1) for i, a in enumerate(actors)}
    xy = {a: (math.cos(t), math.sin(t)) for a, t in angle.items()}
    edges = long[(long["actor_a"] < long["actor_b"]) & (long["value"] > 0)]
    top = float(edges["value"].max()) if len(edges) else 1.0
    fig = go.Figure()
    for row in edges.itertuples():
        (x0, y0), (x1, y1) = xy[row.actor_a], xy[row.actor_b]
        fig.add_trace(
            go.Scatter(
                x=[x0, x1],
                y=[y0, y1],
                mode="lines",
                hoverinfo="skip",
                showlegend=False,
                line=dict(width=0.5 + 6 * row.value / top, color="rgba(76,120,168,0.45)"),
            )
        )
    biggest = float(nodes["n_a"].max()) if len(nodes) else 1.0
    fig.add_trace(
        go.Scatter(
            x=[xy[a][0] for a in actors],
            y=[xy[a][1] for a in actors],
            mode="markers+text",
            text=[plot_text(names.get(a, a)) for a in actors],
            textposition="top center",
            showlegend=False,
            marker=dict(size=[12 + 30 * n / biggest for n in nodes["n_a"]], color="#F58518"),
            customdata=[[a, a, n, n, n] for a, n in zip(actors, nodes["n_a"], strict=True)],
            hovertemplate="%{text}: %{customdata[3]} mentions<extra></extra>",
        )
    )
    fig.update_layout(
        height=560,
        margin=dict(l=10, r=10, t=10, b=10),
        plot_bgcolor="white",
        xaxis=dict(visible=False),
        yaxis=dict(visible=False, scaleanchor="x"),
        # the title pushes the top margin (in 10 px it was cut in half)
        title=dict(text=f"edges: {measure} > 0", font=dict(size=12), automargin=True),
    )
    return fig


SIDE_COLOURS = ("#4C78A8", "#F58518")  # selection A, selection B (clouds and bars alike)
NAME_COLOUR = "#555555"  # actor names in a word cloud


def distinctive_terms_bar(
    terms: pd.DataFrame, *, n: int = 15, label_a: str = "A", label_b: str = "B"
) -> go.Figure:
    """Diverging bars: the `n` terms most typical of each selection by z-score of the
    weighted log-odds ratio (A to the right, B to the left); customdata = [term, count_a,
    count_b, log_odds]."""
    top = terms[terms["z"] > 0].nlargest(n, "z")
    bottom = terms[terms["z"] < 0].nsmallest(n, "z")
    fig = go.Figure()
    for side, df, colour, label in (
        ("a", top.iloc[::-1], SIDE_COLOURS[0], label_a),
        ("b", bottom, SIDE_COLOURS[1], label_b),
    ):
        fig.add_trace(
            go.Bar(
                x=df["z"],
                y=_texts(df["term"]),
                orientation="h",
                name=plot_text(f"more in {label}"),
                marker_color=colour,
                customdata=df[["term", "count_a", "count_b", "log_odds"]].to_numpy(),
                hovertemplate=(
                    "%{y}: z = %{x:.2f}, log-odds %{customdata[3]:.2f}<br>"
                    "count A %{customdata[1]}, count B %{customdata[2]}"
                    f"<extra>{side.upper()}</extra>"
                ),
            )
        )
    fig.update_layout(
        height=max(260, 22 * (len(top) + len(bottom)) + 90),
        margin=dict(l=10, r=10, t=30, b=30),
        xaxis_title="z-score of the log-odds ratio (right: more in A, left: more in B)",
        yaxis=dict(
            categoryorder="array", categoryarray=_texts([*bottom["term"], *top["term"][::-1]])
        ),
        legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0),
        clickmode="event+select",
        dragmode=False,
    )
    return labels_whole(fig)


def top_terms_bar(counts: pd.DataFrame, *, n: int = 20) -> go.Figure:
    """Horizontal bars of the `n` most frequent terms (actor names grey);
    customdata = [term, count]."""
    df = counts.head(n).iloc[::-1]
    fig = go.Figure(
        go.Bar(
            x=df["count"],
            y=_texts(df["term"]),
            orientation="h",
            marker_color=[NAME_COLOUR if a else SIDE_COLOURS[0] for a in df["is_actor"]],
            customdata=df[["term", "count"]].to_numpy(),
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_layout(
        height=max(260, 22 * len(df) + 80),
        margin=dict(l=10, r=10, t=30, b=30),
        xaxis_title="occurrences",
        yaxis=dict(categoryorder="array", categoryarray=_texts(df["term"])),
        clickmode="event+select",
        dragmode=False,
    )
    return labels_whole(fig)


def _cloud_font() -> str:
    """DejaVu Sans as shipped inside matplotlib (a dependency of wordcloud), so the clouds
    look the same on every machine without system fonts; wordcloud's own font otherwise."""
    from importlib.resources import files

    import wordcloud

    try:
        path = files("matplotlib") / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
        if path.is_file():
            return str(path)
    except ModuleNotFoundError:
        pass
    return wordcloud.wordcloud.FONT_PATH


def word_cloud_png(
    counts: pd.DataFrame,
    *,
    max_words: int = 80,
    colour: str = SIDE_COLOURS[0],
    width: int = 900,
    height: int = 500,
    random_state: int = 0,
) -> bytes:
    """A word cloud of `counts` (term, count, is_actor) as PNG bytes: deterministic (fixed
    layout seed), horizontal words, actor names in grey. Raises ValueError when `counts`
    is empty."""
    import io

    from wordcloud import WordCloud

    top = counts.head(max_words)
    if top.empty:
        raise ValueError("no terms to draw")
    names = set(top.loc[top["is_actor"].astype(bool), "term"])
    cloud = WordCloud(
        width=width,
        height=height,
        font_path=_cloud_font(),
        background_color="white",
        prefer_horizontal=1.0,
        max_words=max_words,
        min_font_size=10,
        relative_scaling=0.5,
        margin=4,
        random_state=random_state,
        color_func=lambda word, **_: NAME_COLOUR if word in names else colour,
    )
    cloud.generate_from_frequencies(dict(zip(top["term"], top["count"].astype(int), strict=True)))
    buffer = io.BytesIO()
    cloud.to_image().save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def timeline_figure(
    events: pd.DataFrame,
    *,
    lanes: str = "actor",
    names: dict[str, str] | None = None,
    titles: dict[str, str] | None = None,
    colours: dict[str, str] | None = None,
    x_range: tuple | None = None,
) -> go.Figure:
    """Consolidated events on a time axis: one marker per event and lane (an actor, or an
    article), sized by the number of independent sources, coloured by actor, with a bar over
    the period the date covers (a month-precision event spans its month). Only lanes that
    hold a marker are drawn (pass the events of `x_range` alone, `timeline.within`, for no
    lane to be empty in that window), in order of their first event, and the figure is as tall
    as its lanes need. customdata = [event_id, label, date, n_sources]."""
    names, titles, colours = names or {}, titles or {}, colours or {}
    rows = []
    for e in events.itertuples():
        if pd.isna(e.mid):
            continue  # no marker to draw
        actors = [a for a in (e.actors or "").split(";") if a] or [""]
        if lanes == "article":
            keys = [(a, actors[0]) for a in e.articles.split(";") if a]
        else:
            keys = [(a, a) for a in actors]
        for lane, colour_actor in keys:
            label = (titles.get(lane) or lane) if lanes == "article" else names.get(lane, lane)
            label = plot_text(clip(label or NO_ACTOR, LANE_LABEL_CHARS))
            rows.append((e, label, colours.get(colour_actor, "#888888")))
    lane_order = list(dict.fromkeys(lane for _, lane, _ in rows))
    if NO_ACTOR in lane_order:  # events naming no actor come last, below every actor's lane
        lane_order = [lane for lane in lane_order if lane != NO_ACTOR] + [NO_ACTOR]
    fig = go.Figure()
    xs, ys = [], []
    for e, lane, _ in rows:
        if e.end - e.start > pd.Timedelta(days=2):
            xs += [e.start, e.end, None]
            ys += [lane, lane, None]
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            hoverinfo="skip",
            showlegend=False,
            line=dict(width=7, color="rgba(120,120,120,0.35)"),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[e.mid for e, _, _ in rows],
            y=[lane for _, lane, _ in rows],
            mode="markers",
            marker=dict(
                size=[9 + 5 * min(e.n_sources, 6) for e, _, _ in rows],
                color=[c for _, _, c in rows],
                line=dict(width=1, color="#333333"),
            ),
            customdata=[[e.event_id, plot_text(e.label), e.date, e.n_sources] for e, _, _ in rows],
            hovertemplate="<b>%{customdata[2]}</b> · %{customdata[3]} source(s) · %{y}<br>"
            "%{customdata[1]}<extra></extra>",
            showlegend=False,
        )
    )
    fig.update_layout(
        height=max(260, 60 + LANE_PX * len(lane_order)),
        margin=dict(l=10, r=10, t=10, b=10),
        xaxis=dict(
            type="date",
            rangeslider=dict(visible=True, thickness=0.08),
            range=list(x_range) if x_range else None,
        ),
        yaxis=dict(
            title=None, categoryorder="array", categoryarray=lane_order, autorange="reversed"
        ),
        clickmode="event+select",
        dragmode="pan",
        plot_bgcolor="white",
    )
    return labels_whole(fig)


def sentiment_heatmap(
    cells: pd.DataFrame,
    rows: list[str],
    columns: list[str],
    row_labels: dict[str, str],
    names: dict[str, str],
    *,
    cell_px: int = 34,
    row_hovers: dict[str, str] | None = None,
) -> go.Figure:
    """Articles (rows) × states (columns): mean sentence score toward the state, on a
    diverging scale centred on 0, with the number of sentences in each cell. Square markers,
    so a click selects a cell. The hover names the article by `row_hovers` (its whole title,
    say, where the row label is cut), else by its row label. customdata = [article_id,
    actor_id, n, low, high, label, n_neg, n_neu, n_pos, article]."""
    df = cells[cells["article_id"].isin(rows) & cells["actor_id"].isin(columns)].copy()
    df["x"] = df["actor_id"].map(lambda a: plot_text(names.get(a, a)))
    df["y"] = df["article_id"].map(lambda a: plot_text(row_labels.get(a, a)))
    df["stance"] = df["label"].replace("", "too little evidence")
    hovers = row_hovers or {}
    df["article"] = [plot_text(hovers.get(a, row_labels.get(a, a))) for a in df["article_id"]]
    custom = ["article_id", "actor_id", "n_sentences", "low", "high", "stance"]
    custom += ["n_neg", "n_neu", "n_pos", "article"]
    fig = go.Figure(
        go.Scatter(
            x=df["x"],
            y=df["y"],
            mode="markers+text",
            name="sentiment",
            text=df["n_sentences"].astype(int).astype(str),
            textfont=dict(size=9, color=ink_for(df["score"], DIVERGING, -1.0, 1.0)),
            marker=dict(
                symbol="square",
                size=max(8, cell_px - 4),
                color=df["score"],
                colorscale=DIVERGING,
                cmin=-1,
                cmax=1,
                cmid=0,
                colorbar=dict(title="score", thickness=12),
                line=dict(width=0.5, color="#bbbbbb"),
            ),
            customdata=df[custom].to_numpy(),
            selected=dict(marker=dict(opacity=1.0)),
            unselected=dict(marker=dict(opacity=0.55)),
            hovertemplate=(
                "%{customdata[9]}<br>toward %{x}: mean score %{marker.color:+.2f}"
                " (95% interval %{customdata[3]:+.2f} to %{customdata[4]:+.2f})<br>"
                "%{customdata[2]} sentences: %{customdata[6]} negative, %{customdata[7]} neutral,"
                " %{customdata[8]} positive<br>stance: %{customdata[5]}<extra></extra>"
            ),
        )
    )
    xs = [plot_text(names.get(a, a)) for a in columns]
    ys = [plot_text(row_labels.get(a, a)) for a in rows]
    fig.update_layout(
        height=160 + cell_px * len(rows),
        showlegend=False,
        margin=dict(l=10, r=10, t=10, b=10),
        xaxis=dict(
            categoryorder="array", categoryarray=xs, side="top", tickangle=-45, showgrid=False
        ),
        yaxis=dict(categoryorder="array", categoryarray=ys[::-1], showgrid=False),
        plot_bgcolor="white",
        clickmode="event+select",
        dragmode=False,
    )
    return labels_whole(fig)


def sentiment_by_source(frame: pd.DataFrame, actor_name: str) -> go.Figure:
    """Per source, the mean score toward one state with its 95% interval (most negative on
    top); customdata = source."""
    df = frame.iloc[::-1]
    fig = go.Figure(
        go.Scatter(
            x=df["score"],
            y=_texts(df["source"]),
            mode="markers",
            marker=dict(
                size=11,
                color=df["score"],
                colorscale=DIVERGING,
                cmin=-1,
                cmax=1,
                line=dict(width=1, color="#666666"),  # a score near 0 is white: outlined
            ),
            error_x=dict(
                type="data",
                symmetric=False,
                array=(df["high"] - df["score"]).clip(lower=0),
                arrayminus=(df["score"] - df["low"]).clip(lower=0),
                color="#999999",
            ),
            customdata=df[["source", "n_sentences", "articles"]]
            .assign(source=_texts(df["source"]))
            .to_numpy(),
            hovertemplate=(
                "%{y}: %{x:+.2f} toward "
                + plot_text(actor_name).replace("%", "%%")
                + "<br>%{customdata[1]} sentences in %{customdata[2]} article(s)<extra></extra>"
            ),
        )
    )
    fig.add_vline(x=0, line=dict(color="#888888", width=1, dash="dot"))
    fig.update_layout(
        height=120 + 36 * len(df),
        margin=dict(l=10, r=10, t=10, b=30),
        xaxis=dict(
            range=[-1.05, 1.05], title=f"mean sentence score toward {plot_text(actor_name)}"
        ),
        plot_bgcolor="white",
    )
    return labels_whole(fig)
