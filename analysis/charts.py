"""Figures: each takes a table computed elsewhere and returns a plotly Figure.

No Streamlit here; pages call these and render with `st.plotly_chart`. Every figure carries
ids in `customdata` so a selection leads back to the rows (and sentences) behind it.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

KIND_COLOURS = {"state": "#4C78A8", "organization": "#F58518", "person": "#54A24B"}


def top_actors_bar(actors: pd.DataFrame, *, height: int | None = None) -> go.Figure:
    """Horizontal bars: sentences mentioning each actor; customdata = actor_id."""
    df = actors.iloc[::-1]  # largest on top
    fig = go.Figure(
        go.Bar(
            x=df["n_sentences"],
            y=df["name"],
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
    return fig


def published_strip(articles: pd.DataFrame) -> go.Figure:
    """Each dated article as a marker on a time axis (month-precision dates at mid-month)."""
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
    fig = go.Figure(
        go.Scatter(
            x=dated["when"],
            y=dated["source"].replace("", "unknown source").fillna("unknown source"),
            mode="markers",
            marker=dict(size=12, symbol="diamond"),
            customdata=dated[["article_id", "title", "published"]].to_numpy(),
            hovertemplate="%{customdata[1]}<br>published %{customdata[2]}<extra></extra>",
        )
    )
    fig.update_layout(
        height=220, margin=dict(l=10, r=10, t=20, b=30), yaxis_title=None, xaxis_title="published"
    )
    return fig


SEQUENTIAL = "Blues"
DIVERGING = "RdBu"


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
    df["x"] = df["actor_b"].map(lambda a: names.get(a, a))
    df["y"] = df["actor_a"].map(lambda a: names.get(a, a))
    diagonal = df["actor_a"] == df["actor_b"]
    off = df[~diagonal]
    labels = [names.get(a, a) for a in order]
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
    return fig


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
            text=[names.get(a, a) for a in actors],
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
        title=dict(text=f"edges: {measure} > 0", font=dict(size=12)),
    )
    return fig
