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
