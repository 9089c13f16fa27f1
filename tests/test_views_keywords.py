"""The keywords panel, driven as a user would: set each control and check what it shows."""

from __future__ import annotations

import pytest
from IPython.display import HTML

import newskit
from newskit.figures.keywords import distinctive_bars, keyword_heatmap
from newskit.keywords import yake_adapter
from newskit.views import keywords_panel
from newskit.views.keywords import kwic_html

ALL = ("Bloomberg", "Noah Wire Services", "Newslooks", "AP", "Kurdistan24")


@pytest.fixture
def panel(seeds):
    return keywords_panel(seeds)


def _heatmap(panel):
    fig = panel.items[0]
    assert fig.data[0].type == "heatmap"
    return fig


def _cells_in_top(fig):
    """How many cells of each outlet column show a rank."""
    heat = fig.data[0]
    return {outlet: sum(1 for row in heat.text if row[j]) for j, outlet in enumerate(heat.x)}


def test_panel_shows_heatmap_bars_and_context(panel):
    assert "nk-panel-keywords" in panel._dom_classes
    assert set(panel.controls) == {"outlet", "ngram", "top", "dedup", "keyword"}
    heat, bars, kwic = panel.items
    assert tuple(heat.data[0].x) == ALL
    assert "Scott Bessent" in heat.data[0].y
    assert [a.text for a in bars.layout.annotations] == list(ALL)
    assert isinstance(kwic, HTML)
    assert "<mark>" in panel.html


def test_outlet_control(panel):
    panel.controls["outlet"].value = ("AP", "Kurdistan24")
    assert tuple(_heatmap(panel).data[0].x) == ("AP", "Kurdistan24")
    assert [a.text for a in panel.items[1].layout.annotations] == ["AP", "Kurdistan24"]
    panel.controls["outlet"].value = ("AP",)
    assert tuple(_heatmap(panel).data[0].x) == ("AP",)
    assert "at least two outlets" in panel.items[1].data
    panel.controls["outlet"].value = ()
    assert "at least one outlet" in panel.html


def test_top_control(panel):
    before = _cells_in_top(_heatmap(panel))
    assert set(before.values()) == {10}
    panel.controls["top"].value = 3
    after = _cells_in_top(_heatmap(panel))
    assert set(after.values()) == {3}
    assert len(_heatmap(panel).data[0].y) < 3 * 5 + 1


def test_ngram_control_reruns_yake_and_shortens_terms(seeds):
    yake_adapter.clear_cache()
    runs = yake_adapter.RUNS["yake"]
    panel = keywords_panel(seeds)
    assert yake_adapter.RUNS["yake"] == runs + 5
    bars = panel.items[1]
    assert any(" " in t for trace in bars.data for t in trace.y)  # bigrams at n-gram size 3
    panel.controls["top"].value = 4
    panel.controls["outlet"].value = ("AP", "Kurdistan24")
    panel.controls["outlet"].value = ALL
    assert yake_adapter.RUNS["yake"] == runs + 5  # top and outlets never rerun YAKE
    panel.controls["top"].value = 10
    panel.controls["ngram"].value = 1
    assert yake_adapter.RUNS["yake"] == runs + 10
    bars = panel.items[1]
    assert all(" " not in t for trace in bars.data for t in trace.y)
    expected = newskit.keyword_table(seeds, top=10, max_ngram=1)
    assert list(_heatmap(panel).data[0].y) == list(dict.fromkeys(expected["keyword"]))


def test_dedup_control():
    from test_keywords import near_duplicates

    corpus = near_duplicates()  # "steel exports" beside "steel exporters"
    panel = keywords_panel(corpus)
    strict = newskit.keyword_table(corpus, top=10, dedup_lim=0.5)
    loose = newskit.keyword_table(corpus, top=10, dedup_lim=0.9)
    assert set(strict["keyword"]) != set(loose["keyword"])  # the control must matter
    assert list(_heatmap(panel).data[0].y) == list(dict.fromkeys(loose["keyword"]))
    panel.controls["dedup"].value = 0.5
    assert list(_heatmap(panel).data[0].y) == list(dict.fromkeys(strict["keyword"]))


def test_keyword_control(panel):
    options = panel.controls["keyword"].options
    assert "TikTok" in options and "Madrid" in options
    panel.controls["keyword"].value = "TikTok"
    html = panel.html
    assert "<mark>TikTok</mark>" in html and "“TikTok” in context" in html
    assert "Newslooks" in html
    panel.controls["keyword"].value = "Madrid"
    assert "<mark>Madrid</mark>" in panel.html and "<mark>TikTok</mark>" not in panel.html


def test_keyword_choice_survives_other_controls(panel):
    panel.controls["keyword"].value = "TikTok"
    panel.controls["top"].value = 8
    assert panel.controls["keyword"].value == "TikTok"
    assert "<mark>TikTok</mark>" in panel.html


def test_article_markup_is_escaped(make_corpus):
    corpus = make_corpus(
        {
            "x": "The harbour tax rose. <script>alert('harbour tax')</script> The harbour tax "
            "hurts fishermen in Valencia.",
            "y": "Fishermen in Valencia protest the harbour tax. Valencia officials met them.",
        }
    )
    panel = keywords_panel(corpus)
    panel.controls["keyword"].value = "harbour tax"
    html = panel.html
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert html.count("<mark>") == 4


def test_kwic_html_without_rows():
    assert "No occurrences" in kwic_html(None)


def test_figures_from_frames(seeds):
    table = newskit.keyword_table(seeds, top=5)
    by_rank = keyword_heatmap(table, value="rank")
    heat = by_rank.data[0]
    cells = [
        (z, text) for zrow, trow in zip(heat.z, heat.text, strict=True)
        for z, text in zip(zrow, trow, strict=True)
    ]  # fmt: skip
    darkest = max(z for z, _ in cells if z == z)
    assert {text for z, text in cells if z == darkest} == {"#1"}
    with pytest.raises(ValueError):
        keyword_heatmap(table, value="size")
    terms = newskit.distinctive_terms(seeds)
    fig = distinctive_bars(terms, top=3)
    assert [len(t.y) for t in fig.data] == [3] * 5
