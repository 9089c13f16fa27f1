"""Plotly figures for text reuse, built from the frames of ``newskit.reuse.overlap``,
``newskit.reuse.graph`` and ``newskit.coverage``. They compute no analysis."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go


def overlap_heatmap(matrix: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Heatmap of an ``overlap_matrix``: row article A, column article B, colour = value."""
    z = matrix.to_numpy(dtype=float)
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[str(c) for c in matrix.columns],
            y=[str(i) for i in matrix.index],
            text=[[f"{v:.3f}" for v in row] for row in z],
            texttemplate="%{text}",
            colorscale="Blues",
            zmin=0,
            zmax=1,
            hovertemplate="A %{y}<br>B %{x}<br>%{text}<extra></extra>",
        )
    )
    fig.update_layout(
        title=title or "Overlap (row A against column B)",
        xaxis_title=matrix.columns.name or "b_id",
        yaxis_title=matrix.index.name or "a_id",
        yaxis_autorange="reversed",
        height=200 + 40 * len(matrix),
    )
    return fig


def reuse_figure(edges: pd.DataFrame, articles: pd.DataFrame) -> go.Figure:
    """The reuse graph: articles on a circle (``articles``: ``id, outlet``), one arrow per
    edge of ``reuse_graph`` from source to derived, its width growing with ``share``."""
    ids = list(articles["id"])
    labels = {
        i: f"{o} ({i[:3]})" if isinstance(o, str) and o else i
        for i, o in zip(articles["id"], articles["outlet"], strict=True)
    }
    pos = {
        i: (
            math.cos(2 * math.pi * k / max(len(ids), 1)),
            math.sin(2 * math.pi * k / max(len(ids), 1)),
        )
        for k, i in enumerate(ids)
    }
    fig = go.Figure(
        go.Scatter(
            x=[pos[i][0] for i in ids],
            y=[pos[i][1] for i in ids],
            mode="markers+text",
            text=[labels[i] for i in ids],
            textposition="top center",
            marker={"size": 18, "color": "#4c78a8"},
            hovertext=ids,
            hoverinfo="text",
            name="articles",
        )
    )
    for e in edges.itertuples(index=False):
        (x0, y0), (x1, y1) = pos[e.source_id], pos[e.derived_id]
        fig.add_annotation(
            x=x1,
            y=y1,
            ax=x0,
            ay=y0,
            xref="x",
            yref="y",
            axref="x",
            ayref="y",
            showarrow=True,
            arrowhead=3,
            arrowwidth=1 + 4 * float(e.share),
            arrowcolor="#e45756",
            standoff=10,
            startstandoff=10,
            hovertext=f"{e.source_id} → {e.derived_id}: share {e.share:.0%}, "
            f"confidence {e.confidence:.2f}",
        )
    fig.update_layout(
        title=f"Who rewrote whom ({len(edges)} edges; arrow from source to derived)",
        xaxis={"visible": False, "range": [-1.6, 1.6]},
        yaxis={"visible": False, "range": [-1.4, 1.5]},
        showlegend=False,
        height=450,
    )
    return fig


def coverage_figure(wide: pd.DataFrame) -> go.Figure:
    """Coverage grid: one row per fact (``coverage(form="wide")``), one column per outlet,
    filled where the outlet carries the fact; hover shows the sentence."""
    outlets = [c for c in wide.columns if c not in ("fact_id", "n_outlets", "fact")]
    z = [[1 if row[c] else 0 for c in outlets] for _, row in wide.iterrows()]
    hover = [[(row[c] or "—")[:200] for c in outlets] for _, row in wide.iterrows()]
    y = [f"{r.fact_id}: {str(r.fact)[:60]}" for r in wide.itertuples(index=False)]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=outlets,
            y=y,
            customdata=hover,
            colorscale=[[0, "#f2f2f2"], [1, "#54a24b"]],
            zmin=0,
            zmax=1,
            showscale=False,
            xgap=2,
            ygap=2,
            hovertemplate="%{x}<br>%{customdata}<extra></extra>",
        )
    )
    fig.update_layout(
        title="Which outlet carries which fact",
        yaxis={"autorange": "reversed", "tickfont": {"size": 9}},
        height=max(300, 120 + 18 * len(wide)),
    )
    return fig
