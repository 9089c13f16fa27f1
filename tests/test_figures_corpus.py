"""The article-lengths chart: one bar per article with the right height, grouped by outlet."""

from __future__ import annotations

import pandas as pd
import pytest

from newskit.figures import lengths_figure


def _bars(fig) -> dict[str, tuple[str, float]]:
    """article id → (trace name, bar height)."""
    return {x: (t.name, y) for t in fig.data for x, y in zip(t.x, t.y, strict=True)}


@pytest.mark.parametrize("measure", ["n_words", "n_chars", "n_sentences"])
def test_bar_heights_are_the_frame_counts(seeds, measure):
    frame = seeds.frame()
    fig = lengths_figure(frame, measure=measure)
    bars = _bars(fig)
    assert list(bars) == frame["id"].tolist()
    for row in frame.itertuples():
        assert bars[row.id] == (row.outlet, getattr(row, measure))
    assert fig.layout.xaxis.categoryarray == tuple(frame["id"])


def test_one_trace_per_outlet_in_first_appearance_order(make_corpus):
    corpus = make_corpus(
        {"a": "One two three.", "b": "Four five.", "c": "Six.", "d": "Seven eight nine ten."},
        metadata="file,outlet\na.txt,Zeta\nb.txt,Alpha\nc.txt,Zeta\n",
    )
    fig = lengths_figure(corpus.frame())
    assert [t.name for t in fig.data] == ["Zeta", "Alpha", "(unknown outlet)"]
    assert _bars(fig) == {
        "a": ("Zeta", 3),
        "c": ("Zeta", 1),
        "b": ("Alpha", 2),
        "d": ("(unknown outlet)", 4),
    }
    hover = fig.data[0].customdata[0]
    assert list(hover[1:]) == [3, 14, 1, 0]  # words, chars, sentences, removed spans


def test_article_markup_is_escaped_in_names_and_hover(make_corpus):
    corpus = make_corpus(
        {"x": "Some text here."},
        metadata="file,outlet,title\nx.txt,<b>Out</b>,<script>alert(1)</script>\n",
    )
    fig = lengths_figure(corpus.frame())
    assert fig.data[0].name == "&lt;b&gt;Out&lt;/b&gt;"
    assert fig.data[0].customdata[0][0] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert "<script>" not in fig.to_json()


@pytest.mark.parametrize(
    ("frame", "kwargs", "message"),
    [
        (None, {"measure": "n_tokens"}, "measure must be one of"),
        (pd.DataFrame({"id": ["a"], "n_words": [1]}), {}, "lacks columns"),
    ],
)
def test_bad_arguments(seeds, frame, kwargs, message):
    with pytest.raises(ValueError, match=message):
        lengths_figure(seeds.frame() if frame is None else frame, **kwargs)
