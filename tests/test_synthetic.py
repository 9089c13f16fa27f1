"""The synthetic multi-story corpus generator: shape, determinism, and the properties tests rely on."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

import newskit
from newskit.synthetic import SYNTHETIC_COLUMNS, make_corpus
from newskit.synthetic.weight import weigh

HERE = Path(__file__).resolve().parent
GIVEME5W = (
    next(
        (p for p in [d / "shared" / "realnews" for d in HERE.parents] if p.is_dir()),
        HERE.parent.parent / "shared" / "realnews",
    )
    / "giveme5w_calibration.jsonl"
)


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


def test_short_articles_are_unchanged():
    # length="short" (the default) is the generator tests were written against, draw for draw
    df = make_corpus(12, 4, seed=3)
    digest = hashlib.sha256("\x00".join(df["text"]).encode()).hexdigest()
    assert digest == "ad0818b656aa4747a7c2b11decfdeda8d9396b88f2767d5b4db766c9800ce539"
    assert make_corpus(12, 4, seed=3, length="short").equals(df)


def test_real_length_weighs_like_real_news():
    df = make_corpus(100, 5, seed=1, length="real")
    figures = weigh(df["text"].tolist())
    assert 2_500 <= figures["chars_median"] <= 3_600  # real: 3,076 (Giveme5W1H), 2,947 (seeds)
    assert figures["chars_p99"] > 10_000  # a long tail (real: 19,648)
    assert 12 <= figures["paragraphs_median"] <= 22  # real: 17 and 14
    assert 17 <= figures["words_per_sentence"] <= 26  # real: 24 and 23
    assert 0.45 <= figures["distinct_per_word"] <= 0.6  # real: 0.51 and 0.57
    short = weigh(make_corpus(100, 5, seed=1)["text"].tolist())
    assert short["chars_median"] < 1_000


@pytest.mark.skipif(not GIVEME5W.is_file(), reason="../shared/realnews is not here")
def test_real_length_against_real_news():
    real = weigh(pd.read_json(GIVEME5W, lines=True)["text"].tolist())
    generated = weigh(make_corpus(100, 5, seed=2, length="real")["text"].tolist())
    for key, tolerance in [
        ("chars_median", 0.2),
        ("chars_p90", 0.3),
        ("paragraphs_median", 0.3),
        ("words_per_sentence", 0.25),
        ("distinct_per_word", 0.15),
        ("capitalised", 0.25),
        ("numbers", 0.35),
    ]:
        assert generated[key] == pytest.approx(real[key], rel=tolerance), key


def test_real_length_keeps_stories_apart_and_together():
    sys.path.insert(0, str(HERE))
    from test_stories import bcubed_f1

    df = make_corpus(60, 4, seed=5, length="real", p_undated=0.3, p_no_outlet=0.2)
    found = newskit.stories(newskit.load_corpus(df))
    assert bcubed_f1(found["story_id"].tolist(), df["story"].tolist()) >= 0.97
    # articles of one story share their body's people; different stories do not
    one = df[df["story"] == "story-001"]["text"]
    other = df[df["story"] == "story-002"]["text"]
    names = set(re.findall(r"[A-Z][a-z]+ [A-Z][a-z]+", " ".join(one)))
    shared = [n for n in names if all(n in t for t in one)]
    assert shared and not any(n in " ".join(other) for n in shared)


def test_real_length_is_deterministic_and_rejects_other_lengths():
    a = make_corpus(6, 3, seed=4, length="real")
    pd.testing.assert_frame_equal(a, make_corpus(6, 3, seed=4, length="real"))
    with pytest.raises(ValueError, match="length"):
        make_corpus(3, 3, length="long")
