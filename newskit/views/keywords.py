"""The keywords panel: keyword × outlet heatmap, distinctive terms, keyword in context."""

from __future__ import annotations

from collections.abc import Iterable

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML

from newskit.corpus.corpus import Corpus
from newskit.corpus.records import Article
from newskit.errors import CorpusError
from newskit.figures.keywords import distinctive_bars, keyword_heatmap
from newskit.keywords.distinctive import distinctive_terms
from newskit.keywords.keyphrases import concordance, keyword_table, keywords
from newskit.views._panel import Panel, escape

MAX_TOP = 30
MAX_NGRAM = 4


def keywords_panel(
    corpus: Corpus | Iterable[Article],
    *,
    top: int = 10,
    max_ngram: int = 3,
    dedup_lim: float = 0.9,
    distinctive_top: int = 8,
) -> Panel:
    """A panel comparing the outlets' keywords.

    Controls: ``outlet`` (outlets shown), ``ngram`` (YAKE's n-gram size, also the longest
    distinctive term), ``top`` (keywords per article), ``dedup`` (YAKE's dedup threshold) and
    ``keyword`` (the keyword shown in context). Shows the keyword × outlet heatmap, the
    distinctive-terms bars of the outlets shown (when there are at least two), and a
    keyword-in-context table with the keyword highlighted. YAKE reruns only when ``ngram``
    changes (results are cached per text and YAKE options).
    """
    articles = list(corpus)
    if not articles:
        raise CorpusError("the corpus is empty; load some articles first")
    outlets = list(dict.fromkeys(a.outlet or a.id for a in articles))
    controls = {
        "outlet": widgets.SelectMultiple(
            options=outlets, value=tuple(outlets), description="Outlets", rows=min(6, len(outlets))
        ),
        "ngram": widgets.IntSlider(
            value=max_ngram, min=1, max=MAX_NGRAM, description="n-gram size"
        ),
        "top": widgets.IntSlider(value=top, min=1, max=MAX_TOP, description="Top k"),
        "dedup": widgets.FloatSlider(
            value=dedup_lim, min=0.5, max=1.0, step=0.05, description="Dedup", readout_format=".2f"
        ),
        "keyword": widgets.Dropdown(options=[], description="In context"),
    }
    keyword_control: widgets.Dropdown = controls["keyword"]
    state: dict = {"busy": False, "last": []}

    def render(outlet, ngram, top, dedup, keyword):
        if state["busy"]:  # the keyword list is being refreshed below
            return state["last"]
        state["busy"] = True
        try:
            shown = [a for a in articles if (a.outlet or a.id) in set(outlet)]
            if not shown:
                keyword_control.options = []
                state["last"] = [HTML("<p>Choose at least one outlet.</p>")]
                return state["last"]
            kw = keywords(shown, top=top, max_ngram=ngram, dedup_lim=dedup)
            table = keyword_table(shown, kw)
            options = list(dict.fromkeys(table["keyword"]))
            if list(keyword_control.options) != options:
                keep = keyword if keyword in options else (options[0] if options else None)
                keyword_control.options = options
                keyword_control.value = keep
            keyword = keyword_control.value
            items: list = [keyword_heatmap(table)]
            if len({a.outlet or a.id for a in shown}) >= 2:
                terms = distinctive_terms(shown, ngram=(1, ngram))
                items.append(distinctive_bars(terms, top=distinctive_top))
            else:
                items.append(HTML("<p>Distinctive terms need at least two outlets.</p>"))
            items.append(HTML(kwic_html(concordance(shown, keyword) if keyword else None)))
            state["last"] = items
            return items
        finally:
            state["busy"] = False

    return Panel(controls, render, title="Keywords by outlet", name="keywords")


def kwic_html(frame: pd.DataFrame | None, *, width: int = 90) -> str:
    """A keyword-in-context table from a ``concordance`` frame, the keyword in ``<mark>``.

    Article text is HTML-escaped; ``width`` characters of context are kept on each side.
    """
    if frame is None or frame.empty:
        return "<p class='nk-kwic'>No occurrences.</p>"
    rows = []
    for r in frame.itertuples(index=False):
        left = " ".join(r.left.split())
        right = " ".join(r.right.split())
        left = ("…" + left[-width:]) if len(left) > width else left
        right = (right[:width] + "…") if len(right) > width else right
        rows.append(
            "<tr>"
            f"<td style='text-align:left'>{escape(str(r.outlet))}</td>"
            f"<td style='text-align:right'>{escape(left)}</td>"
            f"<td style='text-align:center'><mark>{escape(r.match)}</mark></td>"
            f"<td style='text-align:left'>{escape(right)}</td>"
            "</tr>"
        )
    keyword = escape(str(frame["keyword"].iloc[0]))
    return (
        f"<div class='nk-kwic'><b>“{keyword}” in context</b> ({len(frame)} sentences)"
        "<table><tr><th>outlet</th><th></th><th>keyword</th><th></th></tr>"
        + "".join(rows)
        + "</table></div>"
    )
