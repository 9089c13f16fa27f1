"""Figures for numeric claims: a timeline of the dates the articles mention, and the
disagreements between outlets with both sentences side by side.

Built from the frames of ``newskit.numeric_claims`` and ``newskit.disagreements``; nothing is
computed here beyond placing rows on axes and in cells.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

TIMELINE_KINDS = ("date", "date_range")


def claim_timeline(claims: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """A timeline of resolved dates: one row per outlet, one marker per dated claim (a line to
    ``date_end`` for ranges). Hovering a marker shows the claim and its sentence;
    ``customdata`` holds ``article_id, start, end`` so a click can be traced to the text.

    Dates with only a month ("2023-03") sit on the month's first day; claims whose date is
    unknown or has no year ("--09-17") are left out (they cannot be placed).
    """
    rows = _dated(claims)
    fig = go.Figure()
    for outlet, part in rows.groupby("outlet_label", sort=True):
        xs, ys = [], []
        for _, r in part.iterrows():
            if pd.notna(r["x_end"]):
                xs += [r["x"], r["x_end"], None]
                ys += [outlet, outlet, None]
        if xs:
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    line={"width": 6},
                    opacity=0.35,
                    hoverinfo="skip",
                    showlegend=False,
                    name=f"{outlet} ranges",
                )
            )
        fig.add_trace(
            go.Scatter(
                x=part["x"],
                y=[outlet] * len(part),
                mode="markers",
                marker={"size": 10},
                name=outlet,
                text=part["hover"],
                hovertemplate="%{text}<extra></extra>",
                customdata=part[["article_id", "start", "end"]].to_numpy().tolist(),
            )
        )
    fig.update_layout(
        title=title or "Dates mentioned, by outlet",
        xaxis_title="date (resolved against each article's date)",
        yaxis_title=None,
        hovermode="closest",
        height=max(260, 90 + 55 * max(1, rows["outlet_label"].nunique())),
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
    )
    return fig


def _dated(claims: pd.DataFrame) -> pd.DataFrame:
    if claims.empty:
        return claims.assign(x=[], x_end=[], hover=[], outlet_label=[])
    df = claims[claims["kind"].isin(TIMELINE_KINDS)].copy()
    df = df[df["date"].notna() & ~df["date"].fillna("--").str.startswith("--")]
    df["x"] = df["date"].map(_day)
    df["x_end"] = df["date_end"].map(lambda d: _day(d) if isinstance(d, str) else None)
    df["outlet_label"] = df["outlet"].fillna(df["article_id"])
    df["hover"] = [_hover(r) for _, r in df.iterrows()]
    return df.sort_values(["outlet_label", "x", "article_id", "start"], kind="stable")


def _day(iso: str) -> str:
    return iso + "-01" * ((10 - len(iso)) // 3) if len(iso) in (4, 7) else iso


def _hover(r: pd.Series) -> str:
    when = r["date"] + (f" – {r['date_end']}" if isinstance(r["date_end"], str) else "")
    sentence = "<br>".join(textwrap.wrap(str(r["sentence"]), 80)[:6])
    return (
        f"<b>{_esc(r['surface'])}</b> → {when} ({r['date_rule']})<br>"
        f"{_esc(str(r['outlet'] or r['article_id']))}<br>{_esc_keep_br(sentence)}"
    )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _esc_keep_br(text: str) -> str:
    return _esc(text).replace("&lt;br&gt;", "<br>")


def disagreement_figure(table: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """The disagreements of ``newskit.disagreements`` as a table figure: per row, what is
    disputed (the kind and the two values), then the two sentences side by side, each number
    in bold with its outlet above it. An empty frame gives a one-row table saying so."""
    header = ["disputed", "one outlet says", "another outlet says"]
    if table.empty:
        cells = [["—"], ["No disagreements between outlets."], [""]]
    else:
        cells = [
            [
                f"{_esc(str(k))}<br><b>{_esc(str(v))}</b> ≠ <b>{_esc(str(d))}</b>"
                for k, v, d in zip(
                    table["kind"], table["value"], table["dissent_value"], strict=True
                )
            ],
            [_sentence(r["outlet"], r["sentence"], r["surface"]) for _, r in table.iterrows()],
            [
                _sentence(r["dissent_outlet"], r["dissent_sentence"], r["dissent_surface"])
                for _, r in table.iterrows()
            ],
        ]
    fig = go.Figure(
        go.Table(
            columnwidth=[1, 3, 3],
            header={"values": header, "align": "left"},
            cells={"values": cells, "align": "left", "height": 48},
        )
    )
    fig.update_layout(
        title=title or "Where the outlets disagree",
        height=min(900, 140 + 110 * max(1, len(table))),
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
    )
    return fig


def _sentence(outlet: str, sentence: str, surface: str) -> str:
    """An outlet's sentence, wrapped, with the disputed number in bold."""
    text = "<br>".join(textwrap.wrap(_esc(str(sentence)), 70)[:8])
    number = _esc(str(surface))
    text = text.replace(number, f"<b>{number}</b>", 1) if number else text
    return f"<i>{_esc(str(outlet))}</i><br>{text}"
