"""Panels for numeric claims: the claims table with a timeline, the agreement table, and a
reader that highlights every claim in an article's text."""

from __future__ import annotations

from collections.abc import Iterable

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML

from newskit.claims.compare import compare_claims
from newskit.claims.disagreements import disagreements
from newskit.claims.extract import numeric_claims
from newskit.corpus.records import Article
from newskit.errors import CorpusError
from newskit.figures.claims import claim_timeline
from newskit.views._panel import Panel, escape

ALL = "(all)"
HEDGE_FILTERS = (ALL, "hedged", "not hedged")
TABLE_COLUMNS = [
    "outlet",
    "surface",
    "kind",
    "value",
    "low",
    "high",
    "unit",
    "hedge",
    "date",
    "date_end",
    "date_rule",
    "context",
    "article_id",
    "start",
    "end",
]
AGREEMENT_SHOW = (
    "all groups",
    "disagreements only",
    "disagreements side by side",
    "related numbers",
)
_DISAGREE_STYLE = "background-color: #fde2e1; font-weight: bold"


def _articles(corpus: Iterable[Article]) -> list[Article]:
    articles = list(corpus)
    if not articles:
        raise CorpusError("the corpus is empty; load some articles first")
    return articles


def _claims(articles: list[Article], claims: pd.DataFrame | None) -> pd.DataFrame:
    return numeric_claims(articles) if claims is None else claims


def claims_panel(
    corpus: Iterable[Article], *, claims: pd.DataFrame | None = None, rows: int = 25
) -> Panel:
    """The claims table with filters and the timeline of the dates among them.

    Controls: ``kind`` (one kind or all), ``outlet`` (one outlet or all), ``hedge`` ("hedged",
    "not hedged" or all). Shows the matching claims (columns ``TABLE_COLUMNS``, at most
    ``rows``) and ``claim_timeline`` of the matching dated claims. ``claims`` reuses a frame
    of ``numeric_claims``.
    """
    articles = _articles(corpus)
    frame = _claims(articles, claims)
    outlets = list(dict.fromkeys(a.outlet or a.id for a in articles))
    kinds = [k for k in dict.fromkeys(frame["kind"])]
    controls = {
        "kind": widgets.Dropdown(options=[ALL, *sorted(kinds)], value=ALL, description="Kind"),
        "outlet": widgets.Dropdown(options=[ALL, *outlets], value=ALL, description="Outlet"),
        "hedge": widgets.Dropdown(options=list(HEDGE_FILTERS), value=ALL, description="Hedge"),
    }
    labelled = frame.assign(outlet=frame["outlet"].fillna(frame["article_id"]))

    def render(kind: str, outlet: str, hedge: str) -> list:
        shown = filter_claims(labelled, kind=kind, outlet=outlet, hedge=hedge)
        table = shown[TABLE_COLUMNS].head(rows).reset_index(drop=True)
        return [table, claim_timeline(shown)]

    return Panel(controls, render, title="Numeric claims", name="claims")


def filter_claims(
    claims: pd.DataFrame, *, kind: str = ALL, outlet: str = ALL, hedge: str = ALL
) -> pd.DataFrame:
    """The rows of ``claims`` of one ``kind``/``outlet`` (``ALL`` for any) and hedge filter
    ("hedged", "not hedged", or ``ALL``), in their original order."""
    mask = pd.Series(True, index=claims.index)
    if kind != ALL:
        mask &= claims["kind"] == kind
    if outlet != ALL:
        mask &= claims["outlet"].fillna(claims["article_id"]) == outlet
    if hedge == "hedged":
        mask &= claims["hedge"].notna()
    elif hedge == "not hedged":
        mask &= claims["hedge"].isna()
    return claims[mask]


def claims_agreement_panel(
    corpus: Iterable[Article], *, claims: pd.DataFrame | None = None
) -> Panel:
    """The groups of ``compare_claims``, disagreements first and highlighted in red.

    Controls: ``show`` ("all groups", "disagreements only", "disagreements side by side": the
    two sentences of each disagreement next to each other with the numbers marked, or "related
    numbers": claims that share a kind and a counted thing but were not shown to be one fact)
    and ``min_outlets`` (groups stated by at least this many outlets).
    """
    articles = _articles(corpus)
    frame = _claims(articles, claims)
    n_outlets = max(2, len({a.outlet or a.id for a in articles}))
    controls = {
        "show": widgets.Dropdown(
            options=list(AGREEMENT_SHOW), value=AGREEMENT_SHOW[0], description="Show"
        ),
        "min_outlets": widgets.IntSlider(value=2, min=2, max=n_outlets, description="Outlets ≥"),
    }
    cache: dict[int, pd.DataFrame] = {}

    def render(show: str, min_outlets: int):
        if min_outlets not in cache:
            cache[min_outlets] = compare_claims(frame, min_outlets=min_outlets, related=True)
        groups = cache[min_outlets]
        if show == AGREEMENT_SHOW[2]:
            return HTML(side_by_side(disagreements(groups, frame)))
        if show == AGREEMENT_SHOW[3]:
            groups = groups[groups["relation"] == "related"]
        else:
            groups = groups[groups["relation"] == "same_fact"]
        if show == AGREEMENT_SHOW[1]:
            groups = groups[groups["agree"].fillna(True).eq(False)]
        table = groups.drop(columns=["claim_rows", "dissent_rows"]).reset_index(drop=True)
        if table.empty:
            return HTML("<p>No groups of claims match.</p>")
        styled = table.style.apply(
            lambda row: [_DISAGREE_STYLE if _disagrees(row["agree"]) else "" for _ in row], axis=1
        )
        # Stable element ids in saved notebooks; the values quote article text: escape it.
        return styled.set_uuid("nk-agreement").format(escape="html")

    return Panel(controls, render, title="Do the outlets agree?", name="claims-agreement")


def _disagrees(agree: object) -> bool:
    return agree is not pd.NA and agree is not None and not bool(agree)


def side_by_side(table: pd.DataFrame) -> str:
    """The rows of ``newskit.disagreements`` as escaped HTML: per disagreement, what is
    disputed, then the two outlets' sentences in two columns with each number in
    ``<mark class="nk-dispute">``."""
    if table.empty:
        return "<p>No disagreements between outlets.</p>"
    out = ['<div class="nk-disagreements">']
    for _, r in table.iterrows():
        out.append(
            '<div style="margin:0.6em 0;padding:0.4em;border-left:4px solid #d33">'
            f"<div><b>{escape(str(r['kind']))}</b>: {escape(str(r['value']))} ≠ "
            f"{escape(str(r['dissent_value']))} "
            f"<small>(confidence {float(r['confidence']):.2f})</small></div>"
            '<div style="display:flex;gap:1em">'
            f"{_side(r['outlet'], r['sentence'], r['surface'])}"
            f"{_side(r['dissent_outlet'], r['dissent_sentence'], r['dissent_surface'])}"
            "</div></div>"
        )
    out.append("</div>")
    return "".join(out)


def _side(outlet: str, sentence: str, surface: str) -> str:
    text, number = escape(str(sentence)), escape(str(surface))
    if number:
        text = text.replace(number, f'<mark class="nk-dispute">{number}</mark>', 1)
    return f'<div style="flex:1"><i>{escape(str(outlet))}</i><br>{text}</div>'


def claims_reader_panel(corpus: Iterable[Article], *, claims: pd.DataFrame | None = None) -> Panel:
    """An article's cleaned text with every claim highlighted (hover shows kind, value, date).

    Controls: ``article`` (which article) and ``kind`` (highlight one kind or all). The text is
    HTML-escaped: markup in an article is shown, never run.
    """
    articles = _articles(corpus)
    frame = _claims(articles, claims)
    by_id = {a.id: a for a in articles}
    kinds = sorted(dict.fromkeys(frame["kind"]))
    controls = {
        "article": widgets.Dropdown(
            options=[(f"{a.outlet or '?'} — {a.id}", a.id) for a in articles],
            value=articles[0].id,
            description="Article",
        ),
        "kind": widgets.Dropdown(options=[ALL, *kinds], value=ALL, description="Kind"),
    }

    def render(article: str, kind: str) -> HTML:
        a = by_id[article]
        rows = frame[frame["article_id"] == article]
        if kind != ALL:
            rows = rows[rows["kind"] == kind]
        return HTML(highlight_claims(a, rows))

    return Panel(controls, render, title="Claims in the text", name="claims-reader")


def highlight_claims(article: Article, claims: pd.DataFrame) -> str:
    """The article's kept text as escaped HTML, each claim in ``claims`` wrapped in
    ``<mark class="nk-claim nk-kind-KIND" title="…">``; paragraphs become ``<br>``."""
    spans = sorted(
        (int(r.start), int(r.end), _title(r), r.kind) for r in claims.itertuples(index=False)
    )
    out: list[str] = ['<div class="nk-reader" style="line-height:1.6">']
    k = 0
    for piece_start, piece_end in article.kept:
        pos = piece_start
        while k < len(spans) and spans[k][0] < piece_end:
            s, e, title, kind = spans[k]
            if s >= pos:
                out.append(_text(article.raw[pos:s]))
                out.append(
                    f'<mark class="nk-claim nk-kind-{escape(kind)}" title="{escape(title)}">'
                    f"{_text(article.raw[s:e])}</mark>"
                )
                pos = e
            k += 1
        out.append(_text(article.raw[pos:piece_end]))
    out.append("</div>")
    return "".join(out)


def _text(s: str) -> str:
    return escape(s).replace("\n", "<br>")


def _title(r) -> str:
    parts = [r.kind]
    if pd.notna(r.value):
        parts.append(f"value {r.value:g}")
    if pd.notna(r.low) or pd.notna(r.high):
        parts.append(f"range {r.low:g}–{r.high:g}")
    if isinstance(r.unit, str):
        parts.append(r.unit)
    if isinstance(r.hedge, str):
        parts.append(f"hedge “{r.hedge}”")
    if isinstance(r.date, str):
        parts.append(f"date {r.date}" + (f"–{r.date_end}" if isinstance(r.date_end, str) else ""))
    return ", ".join(parts)
