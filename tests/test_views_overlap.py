"""Text-reuse panels: every control changes what the panel shows."""

from __future__ import annotations

import pytest

import newskit
from newskit.views import (
    coverage_panel,
    overlap_panel,
    pair_panel,
    quotes_panel,
    reuse_panel,
    with_alignments,
)

AP, NL = "003_9f741c860b40ed27", "002_d09e47004eca7c4b"


def test_overlap_panel_n_and_metric(seeds) -> None:
    p = overlap_panel(seeds)
    z3 = [list(r) for r in p.figure.data[0].z]
    assert "containment of word 3-grams" in p.figure.layout.title.text
    p.controls["n"].value = 1
    z1 = [list(r) for r in p.figure.data[0].z]
    assert z1 != z3 and z1[3][2] > z3[3][2]
    p.controls["metric"].value = "jaccard"
    zj = p.figure.data[0].z
    assert zj[3][2] == pytest.approx(zj[2][3])  # symmetric now
    assert "jaccard of word 1-grams" in p.figure.layout.title.text


def test_pair_panel_articles_and_min_score(seeds) -> None:
    p = pair_panel(seeds)
    p.controls["a"].value = AP
    p.controls["b"].value = NL
    n = len(p.table)
    assert n >= 12
    html = p.html
    assert html.count('data-pair="0"') == 2  # the first pair is marked on both sides
    assert "fourth round of discussions" in html
    p.controls["min_score"].value = 0.85
    assert 0 < len(p.table) < n
    assert p.html.count("<mark") < html.count("<mark")
    p.controls["b"].value = "004_399b47718ae4d695"
    assert p.table["b_id"].eq("004_399b47718ae4d695").all()


def test_pair_panel_escapes_article_text(make_corpus) -> None:
    evil = "Rain <script>alert(1)</script> flooded the valley on Tuesday night. Families fled."
    c = make_corpus({"a": evil, "b": evil})
    p = pair_panel(c)
    assert "<script>" not in p.html and "&lt;script&gt;" in p.html
    assert len(p.table) >= 1


def test_quotes_panel_min_articles(make_corpus) -> None:
    q2 = "“We will not leave anyone behind,” Ruiz said. Rain fell on the town."
    q3 = "“Help is coming to every town,” Ruiz said."
    c = make_corpus({"a": q2 + " " + q3, "b": q2, "c": q3, "d": q3})
    p = quotes_panel(c)
    assert set(p.table["n_articles"]) == {2, 3}
    p.controls["min_articles"].value = 3
    assert set(p.table["n_articles"]) == {3}


def test_reuse_panel_min_share_and_relation(seeds) -> None:
    p = reuse_panel(seeds)
    assert list(zip(p.table["source_id"], p.table["derived_id"], strict=True)) == [(AP, NL)]
    assert len(p.figure.layout.annotations) == 1
    p.controls["min_share"].value = 0.0
    # every edge is listed; independent ones (shared quotes, loose paraphrases) are not drawn
    assert len(p.table) > 1 and set(p.table["relation"]) == {"copy", "independent"}
    assert len(p.figure.layout.annotations) == (p.table["relation"] == "copy").sum() == 1
    p.controls["relation"].value = "independent"
    assert len(p.table) > 0 and set(p.table["relation"]) == {"independent"}
    assert len(p.figure.layout.annotations) == 0


def test_coverage_panel_min_outlets(seeds) -> None:
    p = coverage_panel(seeds)
    n2 = len(p.table)
    assert (p.table["n_outlets"] >= 2).all()
    p.controls["min_outlets"].value = 1
    assert len(p.table) > n2 and len(p.figure.data[0].y) == min(60, len(p.table))
    if len(p.table) > 60:  # the grid draws the most widely carried facts and says so
        assert f"the 60 most carried of {len(p.table)} facts" in p.figure.layout.title.text


def test_with_alignments_reuses_them_for_their_story_only(seeds) -> None:
    calls = []

    def build(corpus, *, alignments=None):
        calls.append(alignments)
        return reuse_panel(corpus, alignments=alignments)

    known = newskit.align(seeds)
    builder = with_alignments(build, seeds, known)
    builder(seeds)
    builder(seeds.select(seeds.ids[:2]))  # another story: it aligns its own
    assert calls[0] is known and calls[1] is None
