"""overlap_matrix: containment and Jaccard of word n-gram shingles."""

from __future__ import annotations

import pytest

from newskit import overlap_matrix
from newskit.reuse.overlap import shingles

RIVER = (
    "Heavy rain flooded the river valley on Tuesday. Hundreds of families left their homes. "
    "The mayor opened three shelters in the town hall."
)
BANK = "The central bank kept interest rates unchanged. It said inflation was slowing."


def test_seeds_ap_in_newslooks_is_the_highest_containment(seeds) -> None:
    m = overlap_matrix(seeds, n=3, metric="containment")
    off = m.stack()
    off = off[[a != b for a, b in off.index]]
    assert off.idxmax() == ("003_9f741c860b40ed27", "002_d09e47004eca7c4b")
    # asymmetric: more of AP is in Newslooks than the other way round
    assert (
        m.loc["003_9f741c860b40ed27", "002_d09e47004eca7c4b"]
        > 1.5 * m.loc["002_d09e47004eca7c4b", "003_9f741c860b40ed27"]
    )


@pytest.mark.parametrize("metric", ["containment", "jaccard"])
def test_identical_and_disjoint(make_corpus, metric) -> None:
    c = make_corpus({"a": RIVER, "b": RIVER, "c": BANK})
    m = overlap_matrix(c, metric=metric, across_stories=True)
    assert m.loc["a", "b"] == 1.0 and m.loc["b", "a"] == 1.0
    assert m.loc["a", "c"] == 0.0 and m.loc["c", "a"] == 0.0
    assert list(m.index) == ["a", "b", "c"] and list(m.columns) == ["a", "b", "c"]
    assert (m.to_numpy().diagonal() == 1.0).all()
    # By default the bank story is not compared with the river story at all.
    within = overlap_matrix(c, metric=metric)
    assert within.loc["a", "c"] != within.loc["a", "c"]  # NaN
    assert within.loc["a", "b"] == 1.0 and within.loc["c", "c"] == 1.0


def test_one_contains_the_other(make_corpus) -> None:
    c = make_corpus({"part": RIVER, "whole": RIVER + " " + BANK})
    m = overlap_matrix(c, metric="containment")
    assert m.loc["part", "whole"] == 1.0
    assert 0 < m.loc["whole", "part"] < 1
    j = overlap_matrix(c, metric="jaccard")
    assert j.loc["part", "whole"] == j.loc["whole", "part"] == pytest.approx(m.loc["whole", "part"])


def test_reordered_sentences_keep_full_overlap(make_corpus) -> None:
    parts = RIVER.split(". ")
    reordered = ". ".join([parts[2].rstrip("."), parts[0], parts[1]]) + "."
    m = overlap_matrix(make_corpus({"a": RIVER, "b": reordered}), n=3)
    assert m.loc["a", "b"] == 1.0


def test_n_changes_shingles_and_short_article_is_zero(make_corpus) -> None:
    c = make_corpus({"a": RIVER, "tiny": "Rain fell."})
    assert len(shingles(c["a"], n=1)) > len(shingles(c["a"], n=5)) > 0
    m = overlap_matrix(c, n=3, across_stories=True)
    assert m.loc["tiny", "tiny"] == 0.0 and m.loc["tiny", "a"] == 0.0
    assert shingles(c["a"], n=2) >= {("heavy", "rain"), ("rain", "flooded")}


def test_bad_options(seeds) -> None:
    with pytest.raises(ValueError, match="metric"):
        overlap_matrix(seeds, metric="cosine")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="n must"):
        overlap_matrix(seeds, n=0)
