"""Text-reuse panels: overlap heatmap, pair picker, shared quotes, reuse graph, coverage grid.

Each builder takes a corpus and returns a ``newskit.views.Panel``; analyses that do not depend
on a control are computed once, when the panel is built.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML

from newskit.corpus.corpus import Corpus
from newskit.figures.overlap import coverage_figure, overlap_heatmap, reuse_figure
from newskit.reuse.align import align
from newskit.reuse.coverage import coverage
from newskit.reuse.graph import reuse_graph
from newskit.reuse.overlap import overlap_matrix
from newskit.reuse.quotes import shared_quotes
from newskit.reuse.similarity import DEFAULT_MIN_SCORE
from newskit.views._panel import Panel, escape


def with_alignments(
    build: Callable[..., Panel], corpus: Corpus, alignments: pd.DataFrame
) -> Callable[[Corpus], Panel]:
    """A panel builder for ``story_picker`` that reuses ``alignments`` (``newskit.align`` of
    ``corpus``) for the story of ``corpus`` and lets ``build`` (``reuse_panel``,
    ``coverage_panel``, ``pair_panel``) align any other story itself:
    ``story_picker(full, with_alignments(reuse_panel, corpus, alignments))``."""

    def panel(story: Corpus) -> Panel:
        return build(story, alignments=alignments if story.ids == corpus.ids else None)

    return panel


def _wide() -> widgets.Layout:
    """A layout wide enough for an article dropdown's "outlet · date · title [id]"."""
    return widgets.Layout(width="48em")


# Pair picker: passages are computed once from this score and filtered by the slider.
PAIR_FLOOR = 0.3
# Highlight colours for aligned passages; pair k gets COLOURS[k % len(COLOURS)] on both sides.
COLOURS = (
    "#ffe08a",
    "#a8e6cf",
    "#ffb3ba",
    "#bae1ff",
    "#d5b8ff",
    "#ffd3a5",
    "#c7f0a0",
    "#f7c6e0",
    "#b5ead7",
    "#e2d4b7",
)


def overlap_panel(corpus: Corpus) -> Panel:
    """Heatmap of ``overlap_matrix`` with controls ``n`` (n-gram size) and ``metric``."""
    controls = {
        "n": widgets.Dropdown(options=[1, 2, 3, 4, 5], value=3, description="n-gram"),
        "metric": widgets.Dropdown(
            options=["containment", "jaccard"], value="containment", description="metric"
        ),
    }

    frame = corpus.frame()

    def render(n: int, metric: str):
        m = overlap_matrix(corpus, n=n, metric=metric)
        return overlap_heatmap(
            m, articles=frame, title=f"{metric} of word {n}-grams (row A against column B)"
        )

    return Panel(controls, render, title="Document overlap", name="overlap")


def pair_panel(corpus: Corpus, *, alignments: pd.DataFrame | None = None) -> Panel:
    """Two articles side by side, aligned passages highlighted in matching colours.

    Controls: ``a`` and ``b`` (article ids) and ``min_score``. Shows the HTML and the table of
    aligned passages. ``alignments`` (``align`` output at a low ``min_score``) can be passed in.
    """
    al = align(corpus, min_score=PAIR_FLOOR) if alignments is None else alignments
    ids = list(corpus.ids)
    names = _article_choices(corpus)
    controls = {
        "a": widgets.Dropdown(options=names, value=ids[0], description="A", layout=_wide()),
        "b": widgets.Dropdown(
            options=names, value=ids[min(1, len(ids) - 1)], description="B", layout=_wide()
        ),
        "min_score": widgets.FloatSlider(
            value=DEFAULT_MIN_SCORE, min=PAIR_FLOOR, max=1.0, step=0.05, description="min score"
        ),
    }

    def render(a: str, b: str, min_score: float):
        rows = _pair_rows(al, a, b, min_score)
        return [HTML(pair_html(corpus, a, b, rows)), rows]

    return Panel(controls, render, title="Aligned passages", name="pair")


def _article_choices(corpus: Corpus) -> list[tuple[str, str]]:
    """``(label, id)`` per article for a dropdown: outlet, date and title, then the id."""
    choices = []
    for a in corpus:
        title = (a.title or "")[:50]
        bits = [a.outlet or "(unknown outlet)", str(a.date or ""), title, f"[{a.id}]"]
        choices.append((" · ".join(b for b in bits if b), a.id))
    return choices


def _pair_rows(al: pd.DataFrame, a: str, b: str, min_score: float) -> pd.DataFrame:
    """The alignment rows between ``a`` and ``b`` (either order), oriented so ``a_id == a``."""
    fwd = al[(al["a_id"] == a) & (al["b_id"] == b)]
    rev = al[(al["a_id"] == b) & (al["b_id"] == a)].rename(
        columns={
            "a_id": "b_id",
            "b_id": "a_id",
            "a_start": "b_start",
            "b_start": "a_start",
            "a_end": "b_end",
            "b_end": "a_end",
            "a_text": "b_text",
            "b_text": "a_text",
        }
    )
    rows = pd.concat([fwd, rev[al.columns]]) if len(rev) else fwd
    rows = rows[rows["score"] >= min_score - 1e-9]
    return rows.sort_values(["a_start", "b_start"], kind="stable").reset_index(drop=True)


def pair_html(corpus: Corpus, a: str, b: str, rows: pd.DataFrame) -> str:
    """HTML of articles ``a`` and ``b`` side by side; row k of ``rows`` is highlighted in
    colour k on both sides. All article text is escaped."""
    a_spans = [(r.a_start, r.a_end, k) for k, r in enumerate(rows.itertuples(index=False))]
    b_spans = [(r.b_start, r.b_end, k) for k, r in enumerate(rows.itertuples(index=False))]
    info = [f"{r.kind} {r.score:.2f}" for r in rows.itertuples(index=False)]
    cols = []
    for aid, spans in ((a, a_spans), (b, b_spans)):
        art = corpus[aid]
        head = escape(f"{art.outlet or ''} {aid}".strip())
        body = _highlight(art.raw, spans, info)
        cols.append(
            f'<div class="nk-article" style="flex:1;padding:6px;white-space:pre-wrap;'
            f'font-size:12px"><b>{head}</b>\n{body}</div>'
        )
    summary = escape(f"{len(rows)} aligned passages between {a} and {b}")
    return (
        f'<div class="nk-pair"><p>{summary}</p>'
        f'<div style="display:flex;gap:12px">{"".join(cols)}</div></div>'
    )


def _highlight(raw: str, spans: Sequence[tuple[int, int, int]], info: Sequence[str]) -> str:
    """``raw`` escaped, with each span wrapped in a ``<mark>`` of its pair's colour (where
    spans overlap, the first one wins)."""
    cuts = sorted({0, len(raw), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for lo, hi in itertools.pairwise(cuts):
        piece = escape(raw[lo:hi])
        k = next((k for s, e, k in spans if s <= lo and hi <= e), None)
        if k is None:
            out.append(piece)
        else:
            colour = COLOURS[k % len(COLOURS)]
            out.append(
                f'<mark data-pair="{k}" title="{escape(info[k])}" '
                f'style="background:{colour}">{piece}</mark>'
            )
    return "".join(out)


def quotes_panel(corpus: Corpus) -> Panel:
    """Table of ``shared_quotes`` with a ``min_articles`` control."""
    quotes = shared_quotes(corpus)
    controls = {
        "min_articles": widgets.IntSlider(
            value=2, min=2, max=max(2, len(corpus)), description="min articles"
        )
    }

    def render(min_articles: int):
        return quotes[quotes["n_articles"] >= min_articles].reset_index(drop=True)

    return Panel(controls, render, title="Quotations in two or more articles", name="quotes")


def reuse_panel(corpus: Corpus, *, alignments: pd.DataFrame | None = None) -> Panel:
    """The reuse graph figure and its edges table, with ``min_share`` and ``relation`` controls
    (``copy``, ``shared_wire``, ``independent`` or all; the figure draws no independent edge)."""
    al = align(corpus) if alignments is None else alignments
    edges = reuse_graph(corpus, min_share=0.0, alignments=al)
    frame = corpus.frame()[["id", "outlet"]]
    controls = {
        "min_share": widgets.FloatSlider(
            value=0.3, min=0.0, max=1.0, step=0.05, description="min share"
        ),
        "relation": widgets.Dropdown(
            options=["all", "copy", "shared_wire", "independent"],
            value="all",
            description="relation",
        ),
    }

    def render(min_share: float, relation: str):
        shown = edges[edges["share"] >= min_share - 1e-9]
        if relation != "all":
            shown = shown[shown["relation"] == relation]
        shown = shown.reset_index(drop=True)
        return [reuse_figure(shown, frame), shown]

    return Panel(controls, render, title="Who rewrote whom", name="reuse")


def coverage_panel(corpus: Corpus, *, alignments: pd.DataFrame | None = None) -> Panel:
    """The coverage grid (figure and table) with a ``min_outlets`` control."""
    al = align(corpus) if alignments is None else alignments
    wide = coverage(corpus, alignments=al)
    n_cols = len(wide.columns) - 3
    controls = {
        "min_outlets": widgets.IntSlider(
            value=2, min=1, max=max(1, n_cols), description="min outlets"
        )
    }

    def render(min_outlets: int):
        shown = wide[wide["n_outlets"] >= min_outlets].reset_index(drop=True)
        return [coverage_figure(shown), shown]

    return Panel(controls, render, title="Coverage: facts by outlet", name="coverage")
