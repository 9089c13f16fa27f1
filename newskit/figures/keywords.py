"""Plotly figures for keywords: the keyword × outlet heatmap and distinctive-terms bars.

They draw frames made by ``newskit.keyword_table`` and ``newskit.distinctive_terms`` and compute
nothing themselves.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

HEATMAP_COLORS = "Blues"
BAR_COLOR = "#1f77b4"
BAR_COLOR_NEGATIVE = "#d62728"


def keyword_heatmap(
    table: pd.DataFrame,
    *,
    value: Literal["count", "rank"] = "count",
    title: str | None = "Keywords by outlet",
    max_keywords: int = 50,
) -> go.Figure:
    """Heatmap of a ``keyword_table`` frame: keywords down (consensus first), outlets across.

    Only the first ``max_keywords`` keywords of the table (its consensus order) are drawn; the
    title says how many were left out.

    ``value="count"`` colours a cell by how often the outlet uses the keyword; ``"rank"`` by
    its rank in the outlet's top list (darker = higher; blank when not in the list). A cell's
    text shows ``#rank`` when the keyword is in the outlet's top list.
    """
    if value not in ("count", "rank"):
        raise ValueError(f"value must be 'count' or 'rank', not {value!r}")
    keywords = list(dict.fromkeys(table["keyword"]))
    if len(keywords) > max_keywords:
        title = f"{title or 'Keywords'} (first {max_keywords} of {len(keywords)})"
        keywords = keywords[:max_keywords]
        table = table[table["keyword"].isin(set(keywords))]
    outlets = list(dict.fromkeys(table["outlet"]))
    counts = table.pivot(index="keyword", columns="outlet", values="count").reindex(
        index=keywords, columns=outlets
    )
    ranks = table.pivot(index="keyword", columns="outlet", values="rank").reindex(
        index=keywords, columns=outlets
    )
    if value == "count":
        z = counts.to_numpy(dtype=float)
        colorbar = "uses"
    else:
        top = float(ranks.max().max()) if ranks.notna().any().any() else 1.0
        z = (top + 1 - ranks).to_numpy(dtype=float)  # rank 1 darkest
        colorbar = "rank (dark = 1)"
    text = [
        [(f"#{int(r)}" if pd.notna(r) else "") for r in row]
        for row in ranks.to_numpy(dtype=float).tolist()
    ]
    hover = [
        [
            f"{k}<br>{o}<br>uses: {int(c)}<br>rank: {f'#{int(r)}' if pd.notna(r) else 'not in top'}"
            for o, c, r in zip(outlets, crow, rrow, strict=True)
        ]
        for k, crow, rrow in zip(
            keywords, counts.to_numpy().tolist(), ranks.to_numpy().tolist(), strict=True
        )
    ]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=outlets,
            y=keywords,
            text=text,
            texttemplate="%{text}",
            hovertext=hover,
            hoverinfo="text",
            colorscale=HEATMAP_COLORS,
            colorbar={"title": {"text": colorbar}},
            xgap=1,
            ygap=1,
        )
    )
    fig.update_layout(
        title=title,
        height=max(300, 120 + 22 * len(keywords)),
        yaxis={"autorange": "reversed", "automargin": True},
        xaxis={"side": "top", "tickangle": -45 if len(outlets) > 6 else 0},
        # room for the outlet names above the grid (slanted when many), below the title
        margin={"t": 100 if len(outlets) <= 6 else 70 + 5 * max(len(str(o)) for o in outlets)},
    )
    return fig


def distinctive_bars(
    frame: pd.DataFrame,
    *,
    top: int = 8,
    groups: list[str] | None = None,
    title: str | None = "Distinctive terms (weighted log-odds z)",
) -> go.Figure:
    """Bars of the ``top`` terms with the highest ``z`` for each group of a
    ``distinctive_terms`` frame, one panel per group (in the frame's order, or ``groups``);
    more than four groups are laid out in two or three columns."""
    groups = groups or list(dict.fromkeys(frame["group"]))
    cols = 1 if len(groups) <= 4 else (2 if len(groups) <= 10 else 3)
    n = max(-(-len(groups) // cols), 1)  # rows
    fig = make_subplots(
        rows=n,
        cols=cols,
        subplot_titles=[str(g) for g in groups] or [""],
        vertical_spacing=min(0.3 / n, 0.08),
        horizontal_spacing=0.25 if cols > 1 else 0.2,
    )
    for k, g in enumerate(groups):
        i, j = k // cols + 1, k % cols + 1
        part = frame[frame["group"] == g].head(top)
        fig.add_trace(
            go.Bar(
                x=part["z"].tolist(),
                y=part["term"].tolist(),
                orientation="h",
                name=str(g),
                marker_color=[BAR_COLOR if z >= 0 else BAR_COLOR_NEGATIVE for z in part["z"]],
                customdata=part[["count_in", "count_out", "log_odds"]].to_numpy().tolist(),
                hovertemplate=(
                    "%{y}<br>z = %{x:.2f}<br>log-odds = %{customdata[2]:.2f}"
                    "<br>uses here: %{customdata[0]}, elsewhere: %{customdata[1]}<extra></extra>"
                ),
                showlegend=False,
            ),
            row=i,
            col=j,
        )
        fig.update_yaxes(autorange="reversed", automargin=True, row=i, col=j)
    fig.update_layout(title=title, height=120 + n * (top * 20 + 50), bargap=0.25)
    return fig
