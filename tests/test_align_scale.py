"""align on long articles: the exact score bound leaves results unchanged and keeps the number
of ``similarity`` calls linear in the length of the articles (issue 13). Texts are made up here
from invented words (Zipf-like frequencies, as in news), names and numbers."""

from __future__ import annotations

import importlib
import itertools
import math
import random
from collections import Counter
from typing import NamedTuple

import numpy as np
import pytest

import newskit
from newskit.reuse.candidates import Unit, sentence_units
from newskit.reuse.similarity import Passages, similarity

# The module, not the function of the same name that newskit re-exports.
align_module = importlib.import_module("newskit.reuse.align")

_SYLLABLES = ["ba", "ko", "ri", "tel", "man", "sor", "vin", "da", "pe", "lu", "gar", "mis"]
_FUNCTION = ["the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "said", "was"]


def _vocabulary(size: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 3, 4)))))
    return sorted(words)


# The k-th word about k ** -0.7 as often: frequent words recur, yet two unrelated sentences
# seldom reach align's min_score (as in news), so true matches grow with the text, not its
# square.
WORDS = _vocabulary(6000, 5)
WEIGHTS = [1 / (k + 1) ** 0.7 for k in range(len(WORDS))]
NAMES = ["Minister Kora Delvin", "Governor Tam Osri", "Dr. Lina Vosk", "the U.S. Treasury"]


def _sentence(rng: random.Random) -> str:
    words = [
        w if rng.random() < 0.6 else rng.choice(_FUNCTION)
        for w in rng.choices(WORDS, weights=WEIGHTS, k=rng.randint(8, 24))
    ]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(NAMES))
    if rng.random() < 0.2:
        words.insert(rng.randrange(len(words)), f"{rng.randint(2, 900)} percent")
    return " ".join(words).capitalize() + "."


def _pair(n: int, seed: int = 3) -> tuple[str, str, int]:
    """Two articles of ``n`` sentences each on one line; every 10th sentence of the first is
    copied into the second (every other copy with its last word dropped). Returns the texts
    and the number of copies."""
    rng = random.Random(seed)
    a = [_sentence(rng) for _ in range(n)]
    b = [_sentence(rng) for _ in range(n)]
    copies = 0
    for k in range(0, n, 10):
        s = a[k] if k % 20 else a[k].rsplit(" ", 1)[0] + "."
        b[k + 5 if k + 5 < n else k] = s
        copies += 1
    return " ".join(a), " ".join(b), copies


def _count_calls(monkeypatch) -> list[int]:
    """Passages scored: ``similarity`` calls (``Passages.similarity``, align's per-call memo)
    plus the sentence pairs ``_unit_scores`` scores."""
    calls = [0]
    unit_scores = align_module._unit_scores
    memo_similarity = Passages.similarity

    def counted(self, *args, **kwargs):
        calls[0] += 1
        return memo_similarity(self, *args, **kwargs)

    def counted_pairs(items):
        calls[0] += sum(len(x) for _a, _b, x, _y in items)
        return unit_scores(items)

    monkeypatch.setattr(Passages, "similarity", counted)
    monkeypatch.setattr(align_module, "_unit_scores", counted_pairs)
    return calls


def test_similarity_calls_grow_linearly(make_corpus, tmp_path, monkeypatch) -> None:
    calls = _count_calls(monkeypatch)
    # both sizes through the bound (150 x 150 sentence pairs are compared exhaustively now)
    monkeypatch.setattr(align_module, "EXHAUSTIVE_PAIRS", 10_000)
    counts = []
    for n in (150, 300):
        a, b, copies = _pair(n)
        folder = tmp_path / str(n)
        folder.mkdir()
        (folder / "a.txt").write_text(a, encoding="utf-8")
        (folder / "b.txt").write_text(b, encoding="utf-8")
        corpus = newskit.load_corpus(folder)
        calls[0] = 0
        df = newskit.align(corpus, across_stories=True, quotes=False)
        counts.append(calls[0])
        # every copy is found, as a verbatim or near-verbatim pair
        assert (df["kind"] != "paraphrase").sum() >= copies
        # a pair sharing MIN_SHARED terms is common here: every one of them scored would be
        # quadratic (thousands of calls)
        units_a, units_b = sentence_units(corpus["a"]), sentence_units(corpus["b"])
        sharing = sum(len(x.terms & y.terms) >= 3 for x in units_a for y in units_b)
        assert sharing > 10 * calls[0]
    assert counts[0] >= 15
    assert counts[1] <= 2.5 * counts[0], counts


def _story_corpus(make_corpus) -> newskit.Corpus:
    """Three articles of one made-up story: copies, a sentence split in two, two merged."""
    rng = random.Random(11)
    base = [_sentence(rng) for _ in range(40)]
    b = [_sentence(rng) for _ in range(40)]
    c = [_sentence(rng) for _ in range(30)]
    for k in range(0, 40, 4):
        b[k] = base[k]
    # a split: sentence 6 of base becomes two sentences in c
    words = base[6].rstrip(".").split()
    c[3] = (
        " ".join(words[: len(words) // 2])
        + ". "
        + " ".join(words[len(words) // 2 :]).capitalize()
        + "."
    )
    # a merge: sentences 10 and 11 of base become one in c
    c[7] = base[10].rstrip(".") + " and " + base[11][0].lower() + base[11][1:]
    c[12] = base[20]
    texts = {"a": " ".join(base), "b": " ".join(b), "c": " ".join(c)}
    return make_corpus(texts)


@pytest.mark.parametrize("min_score", [0.55, 0.4, 0.2])
def test_bound_changes_nothing(make_corpus, monkeypatch, min_score) -> None:
    corpus = _story_corpus(make_corpus)
    calls = _count_calls(monkeypatch)
    # every article pair through the inverted index and the bound ...
    monkeypatch.setattr(align_module, "EXHAUSTIVE_PAIRS", 0)
    # in small blocks, so that windows straddle blocks
    monkeypatch.setattr(align_module, "BOUND_BLOCK", 7)
    monkeypatch.setattr(align_module, "DOT_CHUNK", 50)
    fast = newskit.align(corpus, min_score=min_score, across_stories=True)
    fast_calls = calls[0]
    # ... and every pair of sentences (sharing MIN_SHARED terms) and every window scored
    monkeypatch.setattr(align_module, "EXHAUSTIVE_PAIRS", 10**9)
    calls[0] = 0
    slow = newskit.align(corpus, min_score=min_score, across_stories=True)
    assert calls[0] > fast_calls
    assert len(fast) > 10
    assert fast.equals(slow)
    # the split and the merge came out as two-sentence passages
    two = fast[(fast["b_id"] == "c") & (fast["kind"] != "quote")]
    assert (two["b_text"].str.count(r"\. ") >= 1).any() or (
        two["a_text"].str.count(r"\. ") >= 1
    ).any()


def test_bound_is_an_upper_bound(make_corpus) -> None:
    rng = random.Random(17)
    texts = {k: " ".join(_sentence(rng) for _ in range(40)) for k in ("a", "b")}
    corpus = make_corpus(texts)
    a, b = corpus["a"], corpus["b"]
    units_a, units_b = sentence_units(a), sentence_units(b)
    index: dict[str, int] = {}
    memo = Passages()
    prep_a = align_module._prepare(a, units_a, index, memo)
    prep_b = align_module._prepare(b, units_b, index, memo)
    weights = {t: rng.uniform(0.3, 2.0) for u in units_a + units_b for t in u.terms}
    w = np.ones(len(index))
    for t, v in weights.items():
        w[index[t]] = v
    sent_a = align_module._weigh(prep_a.sentences, w)
    sent_b = align_module._weigh(prep_b.sentences, w)
    i = np.repeat(np.arange(len(units_a)), len(units_b))
    j = np.tile(np.arange(len(units_b)), len(units_a))
    exact = np.array(
        [
            similarity(
                a.raw[units_a[x].start : units_a[x].end],
                b.raw[units_b[y].start : units_b[y].end],
                weights=weights,
            )
            for x, y in zip(i, j, strict=True)
        ]
    )
    for threshold in (0.1, 0.25, 0.4, 0.55, 0.8):
        ok = align_module._reachable(sent_a, sent_b, i, j, threshold)
        assert not (exact[~ok] >= threshold).any(), threshold
        if threshold >= 0.4:
            assert (~ok).mean() > 0.5  # the bound does leave pairs out
    # windows of two sentences of b against sentences of a
    jw = np.tile(np.arange(len(units_b) - 1), len(units_a))
    iw = np.repeat(np.arange(len(units_a)), len(units_b) - 1)
    ok = align_module._reachable(sent_a, align_module._weigh(prep_b.windows, w), iw, jw, 0.3)
    for x, y in zip(iw[~ok], jw[~ok], strict=True):
        window = b.raw[units_b[y].start : units_b[y + 1].end]
        ua = units_a[x]
        assert similarity(a.raw[ua.start : ua.end], window, weights=weights) < 0.3


def test_shared_counts_and_windows_match_set_intersections(make_corpus) -> None:
    """The per-article inverted indexes give every sentence pair's shared-term count, and the
    windows ``_merges`` is offered are exactly those its own checks would let through."""
    corpus = _story_corpus(make_corpus)
    a, c = corpus["a"], corpus["c"]
    units_a, units_c = sentence_units(a), sentence_units(c)
    vocab_a = frozenset().union(*(u.terms for u in units_a))
    vocab_c = frozenset().union(*(u.terms for u in units_c))
    index = {t: k for k, t in enumerate(sorted(vocab_a | vocab_c, reverse=True))}
    ta = align_module._unit_terms(a, units_a, index)
    tc = align_module._unit_terms(c, units_c, index)
    counts = align_module._shared_counts(ta, tc)
    want = np.array([[len(x.terms & y.terms) for y in units_c] for x in units_a])
    assert counts.shape == want.shape
    assert (counts == want).all()
    assert (want >= align_module.MIN_SHARED).sum() > 10
    for min_score in (0.55, 0.2):
        pairs, windows = align_module._sharing(ta, tc, min_score)
        assert pairs == [tuple(p) for p in np.argwhere(want >= align_module.MIN_SHARED).tolist()]
        for side, one, two, two_art, shared in (
            ("b", units_a, units_c, c, want),
            ("a", units_c, units_a, a, want.T),
        ):
            expected = [
                (i, j)
                for i, u in enumerate(one)
                for j, (p, q) in enumerate(itertools.pairwise(two))
                if u.terms & p.terms
                and u.terms & q.terms
                and len(u.terms) >= align_module.MERGE_LENGTH_RATIO * len(p.terms | q.terms)
                and align_module._one_piece(two_art, p.start, q.end)
                and (
                    min_score - align_module.MERGE_REACH <= 0
                    or max(shared[i, j], shared[i, j + 1]) >= align_module.MIN_SHARED
                )
            ]
            assert windows[side] == expected, (side, min_score)
        assert windows["b"] and windows["a"]


class _Pieces(NamedTuple):
    """What ``_in_one_piece`` reads of an article: its kept pieces."""

    kept: tuple[tuple[int, int], ...]


@pytest.mark.parametrize(
    "kept",
    [
        (),
        ((0, 1000),),
        ((0, 95), (130, 400), (400, 1000)),  # a cut at 95-130, touching pieces at 400
        ((200, 1000), (0, 180)),  # out of order
        ((0, 500), (100, 300), (450, 900)),  # overlapping
    ],
)
def test_in_one_piece_matches_one_piece(kept) -> None:
    """Every window of two consecutive units gets ``_one_piece``'s answer."""
    rng = random.Random(len(kept))
    bounds = sorted(rng.sample(range(0, 1000), 40))
    units = [Unit(k, s, e, frozenset()) for k, (s, e) in enumerate(itertools.pairwise(bounds))]
    article = _Pieces(kept)
    got = align_module._in_one_piece(article, units).tolist()
    want = [align_module._one_piece(article, p.start, q.end) for p, q in itertools.pairwise(units)]
    assert got == want
    assert len(got) == len(units) - 1
    if kept:
        assert any(got) and (len(kept) == 1 or not all(got))


def test_some_weights_are_the_pair_weights() -> None:
    """``_PairWeights.some`` gives the weights ``pair`` gives those terms (none for terms
    neither article has)."""
    df = Counter({"talk": 4, "madrid": 2, "tariff": 1, "deal": 3, "china": 1})
    weights = align_module._PairWeights(df, 5)
    va, vb = frozenset({"talk", "madrid", "tariff"}), frozenset({"talk", "madrid", "deal", "china"})
    own_a, own_b = weights.own(va), weights.own(vb)
    pair = weights.pair(own_a, own_b, va & vb)
    terms = ["talk", "tariff", "deal", "2025", "unseen", "madrid"]
    some = weights.some(own_a, own_b, terms)
    assert some == {t: pair[t] for t in terms if t in pair}
    assert set(some) == {"talk", "tariff", "deal", "madrid"}
    assert some["talk"] == pytest.approx(math.log(1 + 4 / 3))  # 3 others, 2 of them have it
    assert some["tariff"] == pytest.approx(math.log(1 + 4 / 1))  # only a has it


def test_batches_keep_order_and_bound_sentence_pairs(monkeypatch) -> None:
    monkeypatch.setattr(align_module, "SCORE_BATCH", 3)
    monkeypatch.setattr(align_module, "SCORE_BATCH_PAIRS", 1000)
    monkeypatch.setattr(align_module, "EXHAUSTIVE_PAIRS", 900)
    n_units = {"a": 30, "b": 20, "c": 10, "d": 5, "e": 100}
    todo = [("a", "b"), ("a", "c"), ("b", "c"), ("c", "d"), ("a", "e"), ("d", "e"), ("b", "d")]
    batches = list(align_module._batches(todo, n_units))
    # 600 + 300 fit, + 200 would not; a-e (3,000) is compared with the bound: it holds none
    assert batches == [
        [("a", "b"), ("a", "c")],
        [("b", "c"), ("c", "d"), ("a", "e")],
        [("d", "e"), ("b", "d")],
    ]
