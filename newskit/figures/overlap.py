"""Plotly figures for text reuse, built from the frames of ``newskit.reuse.overlap``,
``newskit.reuse.graph`` and ``newskit.coverage``. They compute no analysis."""

from __future__ import annotations

import html
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from newskit.figures._names import article_labels, article_titles, label_or_id, outlet_of

#: Above this many articles the overlap heatmap is summed up by outlet (or cut to the most
#: overlapping articles when no outlets are given), the reuse graph keeps its strongest edges.
MAX_ARTICLES = 40
MAX_EDGES = 40
#: The reuse graph writes outlet names beside its nodes up to this many (hover names the rest).
MAX_LABELLED = 12
#: The coverage grid shows at most this many facts (most widely carried first) and outlets.
MAX_FACTS = 60
MAX_OUTLETS = 30
#: Cell text is written in heatmaps up to this many rows.
MAX_CELL_TEXT = 15


def overlap_heatmap(
    matrix: pd.DataFrame,
    *,
    articles: pd.DataFrame | None = None,
    title: str | None = None,
    max_articles: int = MAX_ARTICLES,
) -> go.Figure:
    """Heatmap of an ``overlap_matrix``: row article A, column article B, colour = value.

    ``articles`` (``Corpus.frame()``: ``id, outlet, title``) names the rows and columns by
    outlet, the titles in the hover. With more than ``max_articles`` articles the figure is
    summed up by outlet (mean overlap of one outlet's articles in another's, the diagonal left
    out) when ``articles`` is given, else cut to the ``max_articles`` articles with the highest
    overlap; the title says which.
    """
    note = ""
    if len(matrix) > max_articles:
        if articles is not None:
            return _outlet_overlap(matrix, articles, title)
        off = matrix.to_numpy(dtype=float).copy()
        np.fill_diagonal(off, np.nan)
        strength = np.nan_to_num(np.fmax(np.nanmax(off, axis=1), np.nanmax(off, axis=0)), nan=0)
        keep = sorted(np.argsort(-strength, kind="stable")[:max_articles])
        note = f" (the {len(keep)} most overlapping of {len(matrix)} articles)"
        matrix = matrix.iloc[keep, keep]
    ids = [str(i) for i in matrix.index]
    cols = [str(c) for c in matrix.columns]
    labels = article_labels(articles) if articles is not None else {}
    titles = article_titles(articles) if articles is not None else {}
    z = matrix.to_numpy(dtype=float)
    y = [label_or_id(labels, i) for i in ids]
    x = [label_or_id(labels, c) for c in cols]
    hover = [
        [
            f"A: {label_or_id(labels, a)} ({titles.get(a, html.escape(a))})<br>"
            f"B: {label_or_id(labels, b)} ({titles.get(b, html.escape(b))})<br>{v:.3f}"
            for b, v in zip(cols, row, strict=True)
        ]
        for a, row in zip(ids, z.tolist(), strict=True)
    ]
    small = len(matrix) <= MAX_CELL_TEXT
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=x,
            y=y,
            text=[[f"{v:.3f}" for v in row] for row in z] if small else None,
            texttemplate="%{text}" if small else None,
            colorscale="Blues",
            zmin=0,
            zmax=1,
            hovertext=hover,
            hoverinfo="text",
        )
    )
    fig.update_layout(
        title=(title or "Overlap (row A against column B)") + note,
        xaxis_title="article B (outlet)" if labels else matrix.columns.name or "b_id",
        yaxis_title="article A (outlet)" if labels else matrix.index.name or "a_id",
        yaxis={"autorange": "reversed", "automargin": True},
        height=min(1000, 200 + (40 if small else 18) * len(matrix)),
    )
    return fig


def _outlet_overlap(matrix: pd.DataFrame, articles: pd.DataFrame, title: str | None) -> go.Figure:
    outlets = outlet_of(articles)
    long = matrix.rename_axis(index="a", columns="b").stack().rename("value").reset_index()
    long = long[long["a"].astype(str) != long["b"].astype(str)]
    long["a_outlet"] = long["a"].astype(str).map(outlets)
    long["b_outlet"] = long["b"].astype(str).map(outlets)
    scope = "all pairs"
    if "story_id" in articles.columns and articles["story_id"].notna().any():
        story = dict(zip(articles["id"].astype(str), articles["story_id"], strict=True))
        a_story = long["a"].astype(str).map(story)
        same = a_story.notna() & (a_story == long["b"].astype(str).map(story))
        if same.any():  # pairs of different stories share little by design: leave them out
            long, scope = long[same], "pairs within a story"
    grid = long.pivot_table(index="a_outlet", columns="b_outlet", values="value", aggfunc="mean")
    names = sorted(set(grid.index) | set(grid.columns))
    grid = grid.reindex(index=names, columns=names)
    z = grid.to_numpy(dtype=float)
    small = len(names) <= MAX_CELL_TEXT
    shown = [html.escape(n) for n in names]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=shown,
            y=shown,
            text=[["" if v != v else f"{v:.3f}" for v in row] for row in z.tolist()]
            if small
            else None,
            texttemplate="%{text}" if small else None,
            colorscale="Blues",
            zmin=0,
            zmax=1,
            hovertemplate="A: %{y}<br>B: %{x}<br>mean %{z:.3f}<extra></extra>",
        )
    )
    fig.update_layout(
        title=(title or "Overlap (row A against column B)")
        + f" — mean by outlet over {len(matrix)} articles ({scope})",
        xaxis_title="outlet of B",
        yaxis_title="outlet of A",
        yaxis={"autorange": "reversed", "automargin": True},
        height=min(1000, 220 + 30 * len(names)),
    )
    return fig


def reuse_figure(
    edges: pd.DataFrame, articles: pd.DataFrame, *, max_edges: int = MAX_EDGES
) -> go.Figure:
    """The reuse graph: the articles that take part in an edge on a circle, named by outlet
    (title in the hover). A ``copy`` edge of ``reuse_graph`` is a red arrow from source to
    derived; a ``shared_wire`` edge a blue dashed line between the two (its ``common_source``
    in the hover: both carry that copy, neither copied the other); ``independent`` edges are
    not drawn. Widths grow with ``share``. Only the ``max_edges`` drawn edges with the highest
    share are shown (the title says so); ``articles``: ``Corpus.frame()`` (``id, outlet``,
    optional ``title``). A frame without ``relation`` is drawn as all copies.
    """
    relation = edges["relation"] if "relation" in edges.columns else pd.Series("copy", edges.index)
    reuse = edges[relation.isin(["copy", "shared_wire"]).to_numpy()]
    drawn = reuse
    if len(reuse) > max_edges:
        drawn = reuse.sort_values("share", ascending=False, kind="stable").head(max_edges)
    labels = article_labels(articles)
    titles = article_titles(articles)
    linked = set(drawn["source_id"].astype(str)) | set(drawn["derived_id"].astype(str))
    all_ids = [str(i) for i in articles["id"]]
    ids = [i for i in all_ids if i in linked] if len(all_ids) > max_edges else all_ids
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
            mode="markers+text" if len(ids) <= MAX_LABELLED else "markers",
            text=[labels.get(i, html.escape(i)) for i in ids],
            textposition="top center",
            marker={"size": 18 if len(ids) <= MAX_ARTICLES else 9, "color": "#4c78a8"},
            hovertext=[f"{labels.get(i, html.escape(i))}<br>{titles.get(i, '')}" for i in ids],
            hoverinfo="text",
            name="articles",
        )
    )
    n_copy = n_wire = 0
    for e in drawn.itertuples(index=False):
        (x0, y0), (x1, y1) = pos[str(e.source_id)], pos[str(e.derived_id)]
        src, der = labels.get(str(e.source_id), ""), labels.get(str(e.derived_id), "")
        if getattr(e, "relation", "copy") == "shared_wire":
            n_wire += 1
            common = html.escape(str(getattr(e, "common_source", "") or ""))
            fig.add_trace(
                go.Scatter(
                    x=[x0, (x0 + x1) / 2, x1],
                    y=[y0, (y0 + y1) / 2, y1],
                    mode="lines",
                    line={"color": "#4c78a8", "dash": "dash", "width": 1 + 3 * float(e.share)},
                    hovertext=f"{src} and {der} both carry {common} copy: share {e.share:.0%}",
                    hoverinfo="text",
                    showlegend=False,
                    name="shared wire copy",
                )
            )
            continue
        n_copy += 1
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
            hovertext=f"{src} → {der}: share {e.share:.0%}, confidence {e.confidence:.2f}",
        )
    shown = (
        f"the {len(drawn)} strongest of {len(reuse)} edges"
        if len(drawn) < len(reuse)
        else f"{len(reuse)} edges"
    )
    fig.update_layout(
        title=f"Who rewrote whom ({shown}): {n_copy} copies, red arrow from source to derived; "
        f"{n_wire} shared wire copy, blue dashes",
        xaxis={"visible": False, "range": [-1.6, 1.6]},
        yaxis={"visible": False, "range": [-1.4, 1.5]},
        showlegend=False,
        height=450 if len(ids) <= MAX_LABELLED else 650,
    )
    return fig


def coverage_figure(
    wide: pd.DataFrame, *, max_facts: int = MAX_FACTS, max_outlets: int = MAX_OUTLETS
) -> go.Figure:
    """Coverage grid: one row per fact (``coverage(form="wide")``), one column per outlet,
    filled where the outlet carries the fact; hover shows the sentence. At most ``max_facts``
    facts (the most widely carried) and ``max_outlets`` outlets (those carrying most of them)
    are drawn; the title says when some are left out (the table keeps them all)."""
    outlets = [c for c in wide.columns if c not in ("fact_id", "n_outlets", "fact")]
    n_facts, n_outlets = len(wide), len(outlets)
    if len(wide) > max_facts:
        wide = wide.sort_values("n_outlets", ascending=False, kind="stable").head(max_facts)
    if len(outlets) > max_outlets:
        carried = {c: int(wide[c].astype(bool).sum()) for c in outlets}
        outlets = sorted(outlets, key=lambda c: -carried[c])[:max_outlets]
    z = [[1 if row[c] else 0 for c in outlets] for _, row in wide.iterrows()]
    hover = [[html.escape((row[c] or "—")[:200]) for c in outlets] for _, row in wide.iterrows()]
    y = [html.escape(f"{r.fact_id}: {str(r.fact)[:60]}") for r in wide.itertuples(index=False)]
    cut = []
    if len(wide) < n_facts:
        cut.append(f"the {len(wide)} most carried of {n_facts} facts")
    if len(outlets) < n_outlets:
        cut.append(f"{len(outlets)} of {n_outlets} outlets")
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[html.escape(str(o)) for o in outlets],
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
        title="Which outlet carries which fact" + (f" ({'; '.join(cut)})" if cut else ""),
        yaxis={"autorange": "reversed", "tickfont": {"size": 9}},
        height=max(300, 120 + 18 * len(wide)),
    )
    return fig
