"""Figures about the corpus itself: how long each article is.

Built from ``Corpus.frame()`` (columns ``id, outlet, title, n_chars, n_words, n_sentences,
n_removed``); nothing here reads articles or computes an analysis.
"""

from __future__ import annotations

import html
from typing import Literal

import pandas as pd
import plotly.graph_objects as go

from newskit.figures._names import UNKNOWN_OUTLET, article_labels

LengthMeasure = Literal["n_words", "n_chars", "n_sentences"]

#: Axis titles for the measures ``lengths_figure`` can plot.
MEASURE_LABELS: dict[str, str] = {
    "n_words": "words",
    "n_chars": "characters (cleaned text)",
    "n_sentences": "sentences",
}
_HOVER_COLUMNS = ["id", "outlet", "title", "n_words", "n_chars", "n_sentences", "n_removed"]
_UNKNOWN_OUTLET = UNKNOWN_OUTLET
#: Above this many articles ``lengths_figure`` draws one box per outlet instead of one bar each.
MAX_BARS = 60


def lengths_figure(
    frame: pd.DataFrame, *, measure: LengthMeasure = "n_words", max_bars: int = MAX_BARS
) -> go.Figure:
    """A bar per article (in frame order) of its length, coloured by outlet.

    ``frame``: ``Corpus.frame()`` or any frame with its columns ``id, outlet, title, n_words,
    n_chars, n_sentences, n_removed``. ``measure`` picks the bar height. Bars are labelled by
    outlet (numbered when an outlet has several); hovering a bar shows the article's id, title
    and all its counts. One legend entry per outlet, in order of first appearance; articles
    without an outlet are grouped as "(unknown outlet)". With more than ``max_bars`` articles
    it draws one box per outlet instead (every article a point, its title in the hover).
    """
    if measure not in MEASURE_LABELS:
        raise ValueError(f"measure must be one of {list(MEASURE_LABELS)}, not {measure!r}")
    missing = [c for c in _HOVER_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"frame lacks columns {missing}; pass Corpus.frame()")
    df = frame[_HOVER_COLUMNS].copy()
    labels = article_labels(frame)
    if len(df) > max_bars:
        return _length_boxes(df, measure)
    # plotly reads trace names and hover text as (a subset of) HTML: escape what comes from
    # the articles so that markup in a title shows as text.
    df["outlet"] = df["outlet"].fillna(_UNKNOWN_OUTLET).astype(str).map(html.escape)
    df["title"] = df["title"].fillna("").astype(str).map(html.escape)
    df["id"] = df["id"].astype(str).map(html.escape)
    fig = go.Figure()
    for outlet in dict.fromkeys(df["outlet"]):  # first-appearance order, stable
        part = df[df["outlet"] == outlet]
        fig.add_bar(
            x=part["id"].tolist(),
            y=part[measure].tolist(),
            name=outlet,
            customdata=part[["title", "n_words", "n_chars", "n_sentences", "n_removed"]]
            .astype(object)
            .values.tolist(),
            hovertemplate=(
                "<b>%{x}</b> (%{fullData.name})<br>%{customdata[0]}<br>"
                "%{customdata[1]} words · %{customdata[2]} characters · "
                "%{customdata[3]} sentences · %{customdata[4]} removed spans<extra></extra>"
            ),
        )
    fig.update_layout(
        title=f"Article length ({MEASURE_LABELS[measure]})",
        xaxis={
            "title": "article",
            "categoryorder": "array",
            "categoryarray": df["id"].tolist(),
            "tickmode": "array",
            "tickvals": df["id"].tolist(),
            "ticktext": [labels[str(i)] for i in frame["id"]],
        },
        yaxis={"title": MEASURE_LABELS[measure]},
        legend={"title": "outlet"},
        template="plotly_white",
        bargap=0.3,
    )
    return fig


def _length_boxes(df: pd.DataFrame, measure: str) -> go.Figure:
    df["outlet"] = df["outlet"].fillna(_UNKNOWN_OUTLET).astype(str).map(html.escape)
    df["title"] = df["title"].fillna("").astype(str).map(html.escape)
    df["id"] = df["id"].astype(str).map(html.escape)
    fig = go.Figure()
    for outlet in dict.fromkeys(df["outlet"]):
        part = df[df["outlet"] == outlet]
        fig.add_box(
            y=part[measure].tolist(),
            name=outlet,
            boxpoints="all",
            jitter=0.4,
            pointpos=0,
            marker={"size": 4},
            customdata=part[["id", "title"]].astype(object).values.tolist(),
            hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[0]} · %{y}<extra></extra>",
        )
    fig.update_layout(
        title=f"Article length ({MEASURE_LABELS[measure]}), {len(df)} articles by outlet",
        xaxis={"title": "outlet", "tickangle": -30 if df["outlet"].nunique() > 8 else 0},
        yaxis={"title": MEASURE_LABELS[measure]},
        showlegend=False,
        template="plotly_white",
    )
    return fig
