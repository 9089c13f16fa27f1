"""The synthetic multi-story corpus generator: shape, determinism, and the properties tests rely on."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import newskit
from newskit.synthetic import SYNTHETIC_COLUMNS, make_corpus


def test_shape_and_columns():
    df = make_corpus(12, 4, seed=3)
    assert list(df.columns) == SYNTHETIC_COLUMNS
    assert len(df) == 12 * 4
    assert df["id"].is_unique
    assert df["story"].nunique() == 12
    assert df.groupby("story").size().eq(4).all()
    assert df["outlet"].dropna().nunique() == 4


def test_same_seed_same_frame_other_seed_other_frame():
    pd.testing.assert_frame_equal(make_corpus(20, 3, seed=7), make_corpus(20, 3, seed=7))
    assert not make_corpus(20, 3, seed=7)["text"].equals(make_corpus(20, 3, seed=8)["text"])


def test_coverage_keeps_every_story():
    df = make_corpus(30, 5, seed=2, coverage=0.3)
    assert df["story"].nunique() == 30
    assert len(df) < 30 * 5


def test_missing_outlets_and_dates_at_the_asked_rate():
    df = make_corpus(100, 10, seed=1, p_undated=0.1, p_no_outlet=0.05)
    assert 60 <= df["date"].isna().sum() <= 140
    assert 25 <= df["outlet"].isna().sum() <= 80
    none = make_corpus(20, 3, p_undated=0, p_no_outlet=0)
    assert none["date"].notna().all() and none["outlet"].notna().all()


def test_dates_spread_over_weeks_and_stories_last_days():
    df = make_corpus(60, 3, seed=5, p_undated=0)
    dates = pd.to_datetime(df["date"])
    assert (dates.max() - dates.min()).days >= 21
    per_story = dates.groupby(df["story"]).agg(lambda d: (d.max() - d.min()).days)
    assert per_story.max() <= 3


def _sentences(text: str) -> set[str]:
    """Sentences stating a number: specific to their story (stock phrases are not)."""
    parts = re.split(r"(?<=[.!?])\s+|(?<=[.!?][”\"])\s+", text)
    return {s for s in parts if len(s) > 40 and re.search(r"\d", s)}


def test_copies_happen_within_stories_only_when_asked():
    def shared_pairs(df):
        within = across = 0
        rows = list(df.itertuples())
        sents = [_sentences(r.text) for r in rows]
        for i in range(len(rows)):
            for j in range(i + 1, len(rows)):
                if sents[i] & sents[j]:
                    if rows[i].story == rows[j].story:
                        within += 1
                    else:
                        across += 1
        return within, across

    copied = shared_pairs(make_corpus(30, 4, seed=11, p_copy=0.8))
    plain = shared_pairs(make_corpus(30, 4, seed=11, p_copy=0.0))
    assert copied[0] > 1.3 * plain[0]
    # Different stories rarely share a sentence (only short ones whose number happens to match).
    assert copied[1] * 4 < copied[0] and plain[1] * 4 < plain[0]


def test_similar_stories_differ_in_their_specifics():
    # Stories of one kind (every tenth story here) share vocabulary but not their names.
    df = make_corpus(20, 2, seed=4)
    first = df[df["story"] == "story-000"]["title"].iloc[0]
    twin = df[df["story"] == "story-010"]["title"].iloc[0]
    assert first != twin


def test_quotes_in_both_styles_and_numbers_disagree_sometimes():
    df = make_corpus(40, 6, seed=9, p_disagree=0.5)
    text = "\n".join(df["text"])
    assert "\u201c" in text and '"' in text
    # With p_disagree=0 every article of a story states the same lead numbers.
    same = make_corpus(40, 6, seed=9, p_disagree=0.0)
    assert not same.equals(df)


def test_loads_with_load_corpus():
    df = make_corpus(10, 3, seed=2)
    corpus = newskit.load_corpus(df)
    assert len(corpus) == len(df)
    frame = corpus.frame().set_index("id")
    assert frame.loc[df["id"], "outlet"].isna().tolist() == df["outlet"].isna().tolist()
    assert frame["n_removed"].sum() == 0  # the generator writes no boilerplate


def test_rejects_bad_sizes():
    with pytest.raises(ValueError):
        make_corpus(0, 3)
    with pytest.raises(ValueError):
        make_corpus(3, 3, coverage=0)
