"""Corpus-level figures over many stories: the story timeline by outlet, the outlet × story
coverage grid and the outlet × outlet reuse heatmap.

They draw ``Corpus.frame()`` (with its ``story_id`` column once stories are assigned),
``newskit.story_table``, ``newskit.outlet_story_coverage`` and ``newskit.reuse_graph`` frames.
``outlet_reuse_frame`` only counts and averages rows of a ``reuse_graph`` frame by outlet; it
reads no article text.
Every figure shows at most ``top`` stories (the largest) and says so in its title, so it stays
readable at hundreds or thousands of articles.
"""

from __future__ import annotations

import html
from collections import Counter

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from newskit.figures._names import UNKNOWN_OUTLET, article_titles, outlet_of

#: Stories shown by default in the story figures (the largest ones).
TOP_STORIES = 40
NO_STORY = "(no story)"

OUTLET_REUSE_COLUMNS = [
    "source_outlet",
    "derived_outlet",
    "n_edges",
    "share",
    "max_share",
    "n_shared_wire",
]


def _story_ids(articles: pd.DataFrame) -> pd.Series:
    if "story_id" in articles.columns:
        return articles["story_id"].astype(object).where(articles["story_id"].notna(), NO_STORY)
    return pd.Series([NO_STORY] * len(articles), index=articles.index, dtype=object)


def _story_order(articles: pd.DataFrame, stories: pd.DataFrame | None) -> list[str]:
    """Story ids, largest first (ties: earliest first date, then id)."""
    if stories is not None and len(stories):
        df = stories.copy()
        df["_first"] = pd.to_datetime(df.get("first_date"), errors="coerce")
        df = df.sort_values(
            ["n_articles", "_first", "story_id"],
            ascending=[False, True, True],
            kind="stable",
            na_position="last",
        )
        return [str(s) for s in df["story_id"]]
    ids = _story_ids(articles)
    dates = pd.to_datetime(articles["date"], errors="coerce")
    summary = pd.DataFrame({"story_id": ids.astype(str), "date": dates}).groupby(
        "story_id", sort=True
    )
    df = pd.DataFrame({"n": summary.size(), "first": summary["date"].min()}).reset_index()
    df = df.sort_values(["n", "first", "story_id"], ascending=[False, True, True], kind="stable")
    return list(df["story_id"])


def _story_labels(stories: pd.DataFrame | None, order: list[str], width: int = 48) -> dict:
    labels = {}
    known = {}
    if stories is not None and "label" in stories.columns:
        known = dict(zip(stories["story_id"].astype(str), stories["label"], strict=True))
    for sid in order:
        text = known.get(sid)
        text = str(text) if isinstance(text, str) and text else ""
        short = text if len(text) <= width else text[: width - 1] + "…"
        labels[sid] = html.escape(f"{sid} · {short}" if short else sid)
    return labels


def story_timeline(
    articles: pd.DataFrame,
    stories: pd.DataFrame | None = None,
    *,
    top: int = TOP_STORIES,
    title: str | None = None,
) -> go.Figure:
    """When each story was published, by outlet: one row per story (the ``top`` largest, largest
    first), one marker per dated article at its date, coloured by outlet; hover shows the
    outlet, the date and the article's title.

    ``articles``: ``Corpus.frame()`` (``id, outlet, date, title`` and ``story_id``; without
    ``story_id`` the whole corpus is one row). ``stories``: ``newskit.story_table`` output
    (``story_id, n_articles, label, first_date``) for the order and the row labels.
    """
    order = _story_order(articles, stories)
    shown = order[:top]
    labels = _story_labels(stories, shown)
    df = articles.assign(
        _story=_story_ids(articles).astype(str).to_numpy(),
        _outlet=articles["id"].astype(str).map(outlet_of(articles)),
        _title=articles["id"].astype(str).map(article_titles(articles)),
        _date=pd.to_datetime(articles["date"], errors="coerce"),
    )
    df = df[df["_story"].isin(set(shown))]
    undated = int(df["_date"].isna().sum())
    df = df[df["_date"].notna()]
    fig = go.Figure()
    outlets = sorted(set(df["_outlet"]), key=lambda o: (o == UNKNOWN_OUTLET, o))
    palette = px.colors.qualitative.Plotly if len(outlets) <= 10 else px.colors.qualitative.Alphabet
    for k, outlet in enumerate(outlets):
        part = df[df["_outlet"] == outlet]
        fig.add_trace(
            go.Scatter(
                x=part["_date"].dt.strftime("%Y-%m-%d").tolist(),
                y=[labels[s] for s in part["_story"]],
                mode="markers",
                marker={
                    "size": 9,
                    "opacity": 0.8,
                    "color": "#888888" if outlet == UNKNOWN_OUTLET else palette[k % len(palette)],
                },
                name=html.escape(outlet),
                customdata=part[["_title"]].to_numpy().tolist(),
                hovertemplate=(
                    "<b>%{fullData.name}</b> · %{x}<br>%{customdata[0]}<br>%{y}<extra></extra>"
                ),
            )
        )
    rows = [labels[s] for s in shown]
    notes = []
    if len(order) > len(shown):
        notes.append(f"the {len(shown)} largest of {len(order)} stories")
    if undated:
        notes.append(f"{undated} undated articles not placed")
    fig.update_layout(
        title=(title or "Stories over time, by outlet")
        + (f" ({'; '.join(notes)})" if notes else ""),
        xaxis={"title": "publication date", "type": "date"},
        yaxis={
            "categoryorder": "array",
            "categoryarray": rows,
            "autorange": "reversed",
            "automargin": True,
            "tickfont": {"size": 10},
            "type": "category",
        },
        legend={"title": "outlet"},
        height=max(300, 140 + 20 * len(shown)),
        template="plotly_white",
        margin={"l": 10, "r": 10, "t": 60, "b": 40},
    )
    return fig


def story_coverage_figure(
    coverage: pd.DataFrame,
    stories: pd.DataFrame | None = None,
    *,
    top: int = TOP_STORIES,
    title: str | None = None,
) -> go.Figure:
    """Outlet × story grid from ``newskit.outlet_story_coverage`` (``story_id, outlet,
    n_articles, first_date, is_first``): one row per story (the ``top`` largest), one column per
    outlet (most stories first); a cell's colour is the outlet's number of articles on the
    story, ``1st`` marks who published first (``is_first``)."""
    coverage = coverage.assign(outlet=coverage["outlet"].fillna(UNKNOWN_OUTLET).astype(str))
    if coverage.empty:
        return go.Figure(layout={"title": title or "Which outlet covered which story (empty)"})
    per_story = coverage.groupby("story_id")["n_articles"].sum()
    if stories is None:
        stories = pd.DataFrame(
            {
                "story_id": per_story.index,
                "n_articles": per_story.to_numpy(),
                "first_date": coverage.groupby("story_id")["first_date"].min().to_numpy(),
            }
        )
    order = [s for s in _story_order(coverage, stories) if s in per_story.index]
    shown = order[:top]
    labels = _story_labels(stories, shown)
    outlet_counts = coverage.groupby("outlet")["story_id"].nunique()
    outlets = sorted(outlet_counts.index, key=lambda o: (-outlet_counts[o], o == UNKNOWN_OUTLET, o))
    sub = coverage[coverage["story_id"].isin(set(shown))]
    n = sub.pivot(index="story_id", columns="outlet", values="n_articles")
    n = n.reindex(index=shown, columns=outlets)
    first = sub.pivot(index="story_id", columns="outlet", values="is_first")
    first = first.reindex(index=shown, columns=outlets).fillna(False).astype(bool)
    z = n.to_numpy(dtype=float)
    text = [["1st" if f else "" for f in row] for row in first.to_numpy().tolist()]
    hover = [
        [
            f"{html.escape(o)}<br>{labels[s]}<br>"
            + (f"{int(v)} article(s)" + (" · published first" if f else "") if v == v else "—")
            for o, v, f in zip(outlets, zrow, frow, strict=True)
        ]
        for s, zrow, frow in zip(shown, z.tolist(), first.to_numpy().tolist(), strict=True)
    ]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[html.escape(o) for o in outlets],
            y=[labels[s] for s in shown],
            text=text,
            texttemplate="%{text}",
            hovertext=hover,
            hoverinfo="text",
            # any coverage clearly blue, more articles darker; no coverage left blank
            colorscale=[[0, "#f7fbff"], [0.01, "#9ecae1"], [1, "#08306b"]],
            zmin=0,
            zmax=max(2.0, float(np.nanmax(z)) if np.isfinite(z).any() else 2.0),
            colorbar={"title": {"text": "articles"}},
            xgap=1,
            ygap=1,
        )
    )
    note = f" (the {len(shown)} largest of {len(order)} stories)" if len(order) > len(shown) else ""
    fig.update_layout(
        title=title or f"Which outlet covered which story; 1st = published first{note}",
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 10}},
        xaxis={"side": "top", "tickangle": -30 if len(outlets) > 6 else 0},
        height=max(300, 160 + 20 * len(shown)),
        margin={"t": 120},
    )
    return fig


def outlet_reuse_frame(edges: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Article reuse edges (``reuse_graph``: ``source_id, derived_id, share``, and
    ``relation`` when present) summed up by outlet: ``source_outlet, derived_outlet, n_edges``
    (``copy`` edges: the derived outlet rewrote the source outlet), ``share`` (their mean share
    of the source that reappears), ``max_share``, ``n_shared_wire`` (``shared_wire`` edges
    between the two: both carry the same copy, in either order); largest ``n_edges`` first.
    Without ``relation`` every edge counts as a copy. When ``articles`` has ``story_id``, edges
    between articles of different stories are left out (reuse is counted within a story)."""
    if "story_id" in articles.columns and articles["story_id"].notna().any() and len(edges):
        story = dict(zip(articles["id"].astype(str), articles["story_id"], strict=True))
        src = edges["source_id"].astype(str).map(story)
        edges = edges[src.notna() & (src == edges["derived_id"].astype(str).map(story))]
    if "relation" not in edges.columns:
        edges = edges.assign(relation="copy")
    edges = edges[edges["relation"].isin(["copy", "shared_wire"])]
    if edges.empty:
        return pd.DataFrame(columns=OUTLET_REUSE_COLUMNS)
    outlets = outlet_of(articles)
    df = pd.DataFrame(
        {
            "source_outlet": edges["source_id"].astype(str).map(outlets),
            "derived_outlet": edges["derived_id"].astype(str).map(outlets),
            "share": edges["share"].astype(float),
            "relation": edges["relation"],
        }
    )
    copies = df[df["relation"] == "copy"]
    grouped = copies.groupby(["source_outlet", "derived_outlet"], sort=True)["share"]
    out = pd.DataFrame(
        {"n_edges": grouped.size(), "share": grouped.mean(), "max_share": grouped.max()}
    )
    wired: Counter[tuple[str, str]] = Counter()
    for a, b in zip(
        df.loc[df["relation"] == "shared_wire", "source_outlet"],
        df.loc[df["relation"] == "shared_wire", "derived_outlet"],
        strict=True,
    ):
        wired[a, b] += 1
        if a != b:
            wired[b, a] += 1
    keys = sorted(set(out.index) | set(wired))
    out = out.reindex(pd.MultiIndex.from_tuples(keys, names=["source_outlet", "derived_outlet"]))
    out["n_edges"] = out["n_edges"].fillna(0).astype("int64")
    out["n_shared_wire"] = [wired.get(k, 0) for k in out.index]
    out = out.reset_index()
    return out.sort_values(
        ["n_edges", "share", "n_shared_wire"], ascending=[False, False, False], kind="stable"
    ).reset_index(drop=True)[OUTLET_REUSE_COLUMNS]


def outlet_reuse_heatmap(
    frame: pd.DataFrame,
    *,
    source: str = "source_outlet",
    derived: str = "derived_outlet",
    value: str = "n_edges",
    title: str | None = None,
    relation: str = "copy",
) -> go.Figure:
    """Who reuses whom across the corpus: row = the outlet whose text was reused (``source``),
    column = the outlet that reused it (``derived``), colour = ``value`` (by default the number
    of article pairs). Takes an outlet × outlet edge list such as ``outlet_reuse_frame`` or
    ``newskit.outlet_reuse``. ``relation="shared_wire"`` draws a ``value`` of wire copy both
    outlets carry (``outlet_reuse``'s ``n_wire_stories`` or ``wire_share``): the hover and
    title say "both carry the same copy", not "reused"."""
    wire = relation == "shared_wire"
    outlets = sorted(set(frame[source].astype(str)) | set(frame[derived].astype(str)))
    grid = frame.pivot_table(index=source, columns=derived, values=value, aggfunc="sum")
    grid = grid.reindex(index=outlets, columns=outlets)
    z = grid.to_numpy(dtype=float)
    text = [
        ["" if v != v else (f"{v:.0f}" if float(v).is_integer() else f"{v:.2f}") for v in r]
        for r in z.tolist()
    ]
    names = [html.escape(o) for o in outlets]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=names,
            y=names,
            text=text,
            texttemplate="%{text}",
            colorscale="Blues" if wire else "Reds",
            zmin=0,
            colorbar={"title": {"text": value}},
            hovertemplate=(
                f"%{{x}} and %{{y}} carry the same copy<br>{value}: %{{z}}<extra></extra>"
                if wire
                else f"%{{x}} reused %{{y}}<br>{value}: %{{z}}<extra></extra>"
            ),
            xgap=1,
            ygap=1,
        )
    )
    fig.update_layout(
        title=title
        or (
            "Who carries the same wire copy (row and column: the two outlets)"
            if wire
            else "Who reuses whom (row: reused outlet, column: reusing outlet)"
        ),
        xaxis={
            "title": "outlet" if wire else "reusing outlet",
            "side": "top",
            "tickangle": -30 if len(outlets) > 6 else 0,
        },
        yaxis={
            "title": "other outlet" if wire else "reused outlet",
            "autorange": "reversed",
            "automargin": True,
        },
        height=max(320, 180 + 28 * len(outlets)),
        margin={"t": 140},
    )
    return fig
