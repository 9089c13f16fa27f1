"""Figures about the corpus itself: how long each article is.

Built from ``Corpus.frame()`` (columns ``id, outlet, title, n_chars, n_words, n_sentences,
n_removed``); nothing here reads articles or computes an analysis.
"""

from __future__ import annotations

import html
from typing import Literal

import pandas as pd
import plotly.graph_objects as go

LengthMeasure = Literal["n_words", "n_chars", "n_sentences"]

#: Axis titles for the measures ``lengths_figure`` can plot.
MEASURE_LABELS: dict[str, str] = {
    "n_words": "words",
    "n_chars": "characters (cleaned text)",
    "n_sentences": "sentences",
}
_HOVER_COLUMNS = ["id", "outlet", "title", "n_words", "n_chars", "n_sentences", "n_removed"]
_UNKNOWN_OUTLET = "(unknown outlet)"


def lengths_figure(frame: pd.DataFrame, *, measure: LengthMeasure = "n_words") -> go.Figure:
    """A bar per article (in frame order) of its length, coloured by outlet.

    ``frame``: ``Corpus.frame()`` or any frame with its columns ``id, outlet, title, n_words,
    n_chars, n_sentences, n_removed``. ``measure`` picks the bar height. Hovering a bar shows
    the article's title and all its counts. One legend entry per outlet, in order of first
    appearance; articles without an outlet are grouped as "(unknown outlet)".
    """
    if measure not in MEASURE_LABELS:
        raise ValueError(f"measure must be one of {list(MEASURE_LABELS)}, not {measure!r}")
    missing = [c for c in _HOVER_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"frame lacks columns {missing}; pass Corpus.frame()")
    df = frame[_HOVER_COLUMNS].copy()
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
        xaxis={"title": "article", "categoryorder": "array", "categoryarray": df["id"].tolist()},
        yaxis={"title": MEASURE_LABELS[measure]},
        legend={"title": "outlet"},
        template="plotly_white",
        bargap=0.3,
    )
    return fig
