"""candidate_pairs: exhaustive and MinHash LSH paths."""

from __future__ import annotations

import pandas as pd
import pytest

from newskit import align, candidate_pairs
from newskit.reuse.candidates import CANDIDATE_COLUMNS


def test_lsh_and_exhaustive_agree_on_seeds(seeds) -> None:
    ex = candidate_pairs(seeds, method="exhaustive")
    lsh = candidate_pairs(seeds, method="lsh")
    assert list(ex.columns) == CANDIDATE_COLUMNS
    pd.testing.assert_frame_equal(ex, lsh)
    pd.testing.assert_frame_equal(
        align(seeds, candidates="exhaustive"), align(seeds, candidates="lsh")
    )


def test_unrelated_articles_are_not_candidates(make_corpus) -> None:
    c = make_corpus(
        {
            "river": "Heavy rain flooded the river valley on Tuesday. Families left homes.",
            "river2": "Heavy rain flooded the river valley on Tuesday night, officials said.",
            "bank": "The central bank kept interest rates unchanged. Inflation is slowing.",
        }
    )
    for method in ("exhaustive", "lsh"):
        got = candidate_pairs(c, method=method)
        assert list(zip(got["a_id"], got["b_id"], strict=True)) == [("river", "river2")]


def test_threshold_and_method_checked(seeds) -> None:
    assert len(candidate_pairs(seeds, threshold=0.9)) < len(candidate_pairs(seeds))
    with pytest.raises(ValueError, match="method"):
        candidate_pairs(seeds, method="all")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="threshold"):
        candidate_pairs(seeds, threshold=0)


def test_the_last_calls_are_answered_again_without_computing(seeds, monkeypatch) -> None:
    from newskit.reuse import candidates as cand

    cand._RECENT.clear()
    calls = []
    real = cand._pairs
    monkeypatch.setattr(cand, "_pairs", lambda *a: calls.append(1) or real(*a))
    first = candidate_pairs(seeds)
    first.loc[:, "best_jaccard"] = -1.0  # the caller's copy: the kept answer is not changed
    again = candidate_pairs(seeds)
    assert calls == [1] and len(again) == 10 and (again["best_jaccard"] > 0).all()
    candidate_pairs(seeds, threshold=0.3)  # another question: computed
    candidate_pairs(seeds, stories=dict.fromkeys((a.id for a in seeds), "one"))
    assert calls == [1, 1, 1]
    candidate_pairs(seeds)  # kept answers: the last RECENT_CALLS (2) calls
    assert calls == [1, 1, 1, 1]


def test_auto_switches_to_lsh_above_the_size_threshold(seeds, monkeypatch) -> None:
    from newskit.reuse import candidates as cand

    cand._RECENT.clear()
    calls = []
    real = cand._lsh_proposals
    monkeypatch.setattr(cand, "_lsh_proposals", lambda *a, **k: calls.append(1) or real(*a, **k))
    candidate_pairs(seeds)
    assert calls == []  # 5 articles: exhaustive
    monkeypatch.setattr(cand, "LSH_ABOVE", 5)
    auto = candidate_pairs(seeds)
    assert calls == [1]
    pd.testing.assert_frame_equal(auto, candidate_pairs(seeds, method="exhaustive"))
