"""The article reader: one article's text as read, with what cleaning removed and where each
sentence starts and ends.

``article_html(article, ...)`` builds the HTML (all article text escaped); ``reader_panel(corpus)``
wraps it in a ``Panel`` with an article picker and two toggles.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets
from IPython.display import HTML

from newskit.corpus.records import Article
from newskit.corpus.segment import sentence_spans
from newskit.views._panel import Panel, escape

# Inline styles (not a <style> block) so the reader looks the same in JupyterLab, Voilà, an
# Output widget and the HTML report, whatever each does with style sheets.
_STYLE_READER = "font-family: Georgia, 'Times New Roman', serif; line-height: 1.6; max-width: 52em;"
_STYLE_TEXT = "white-space: pre-wrap; word-wrap: break-word;"
_STYLE_REMOVED = "color: #9a9a9a; text-decoration: line-through;"
_STYLE_RULE = (
    "color: #9a9a9a; font-family: sans-serif; font-size: 0.7em; text-decoration: none; "
    "margin: 0 0.3em;"
)
_STYLE_SENTENCE = ("background: #e8f0fe;", "background: #fdf2d0;")  # alternate, so edges show
_STYLE_SENT_NO = "color: #3367d6; font-family: sans-serif; font-size: 0.65em; margin-right: 0.2em;"
_STYLE_META = "color: #555; font-family: sans-serif; font-size: 0.85em;"


def article_html(article: Article, *, sentences: bool = False, removed: bool = True) -> str:
    """One article as an HTML fragment, every piece of its text escaped.

    The text is ``article.raw`` in order. Spans cleaning removed are shown struck through in grey
    (``<del class="nk-removed" data-rule="RULE">``) followed by the rule's name
    (``<sup class="nk-rule">``); with ``removed=False`` they are left out. With ``sentences=True``
    each sentence is a ``<span class="nk-sentence" data-sent="N">`` on an alternating background,
    with its number (``<sup class="nk-sent-no">``; ``h`` marks a heading).
    """
    marks: list[tuple[int, int, str]] = []  # (start, end, html) for removals and sentences
    for r in article.removed:
        if not removed:
            marks.append((r.start, r.end, ""))
            continue
        rule = escape(r.rule)
        marks.append(
            (
                r.start,
                r.end,
                f'<del class="nk-removed" data-rule="{rule}" title="removed by rule {rule}" '
                f'style="{_STYLE_REMOVED}">{escape(article.raw[r.start : r.end])}</del>'
                f'<sup class="nk-rule" style="{_STYLE_RULE}">[{rule}]</sup>',
            )
        )
    if sentences:
        for i, s in enumerate(sentence_spans(article)):
            label = f"{i}h" if s.is_heading else str(i)
            marks.append(
                (
                    s.start,
                    s.end,
                    f'<span class="nk-sentence" data-sent="{i}" '
                    f'style="{_STYLE_SENTENCE[i % 2]}">'
                    f'<sup class="nk-sent-no" style="{_STYLE_SENT_NO}">{label}</sup>'
                    f"{escape(article.raw[s.start : s.end])}</span>",
                )
            )
    marks.sort(key=lambda m: (m[0], m[1]))
    parts, pos = [], 0
    for start, end, markup in marks:
        if start < pos:  # sentences never cross removed spans; keep going if one ever did
            continue
        parts.append(escape(article.raw[pos:start]))
        parts.append(markup)
        pos = end
    parts.append(escape(article.raw[pos:]))
    return (
        f'<div class="nk-reader" data-article="{escape(article.id)}" style="{_STYLE_READER}">'
        f"{_header(article, sentences=sentences)}"
        f'<div class="nk-text" style="{_STYLE_TEXT}">{"".join(parts)}</div></div>'
    )


def _header(article: Article, *, sentences: bool) -> str:
    meta = [article.outlet or "unknown outlet"]
    if article.date is not None:
        meta.append(article.date.isoformat())
    meta.append(article.id)
    counts = f"{len(article.removed)} removed spans"
    if sentences:
        counts += f" · {len(sentence_spans(article))} sentences"
    title = f"<strong>{escape(article.title)}</strong><br>" if article.title else ""
    return (
        f'<div class="nk-meta" style="{_STYLE_META}">{title}'
        f"{escape(' · '.join(meta))} · {counts}</div><hr>"
    )


def reader_panel(articles: Sequence[Article], *, article: str | None = None) -> Panel:
    """A reader for the articles of a corpus (or any sequence of ``Article``).

    Controls: ``article`` (dropdown of ids, labelled with the outlet), ``sentences`` (checkbox:
    show sentence boundaries), ``removed`` (checkbox: show removed boilerplate, on by default).
    The panel shows ``article_html`` of the chosen article; ``panel.html`` is that string.
    ``article`` picks the article shown first (default: the first).
    """
    by_id = {a.id: a for a in articles}
    if not by_id:
        raise ValueError("reader_panel needs at least one article")
    if article is not None and article not in by_id:
        raise KeyError(f"no article with id {article!r}")
    options = [(f"{a.id} — {a.outlet or 'unknown outlet'}", a.id) for a in by_id.values()]
    controls = {
        "article": widgets.Dropdown(
            options=options,
            value=article or options[0][1],
            description="Article",
            layout=widgets.Layout(width="32em"),
        ),
        "sentences": widgets.Checkbox(value=False, description="sentence boundaries"),
        "removed": widgets.Checkbox(value=True, description="removed boilerplate"),
    }

    def render(article: str, sentences: bool, removed: bool) -> HTML:
        return HTML(article_html(by_id[article], sentences=sentences, removed=removed))

    return Panel(controls, render, title="Article reader", name="reader", layout="horizontal")
