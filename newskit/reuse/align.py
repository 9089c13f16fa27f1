"""Passage alignment across articles: ``align(corpus) -> DataFrame`` of reused passages.

How it works (``method="lexical"``):

1. Candidate article pairs come from ``newskit.reuse.candidates.candidate_pairs`` (every pair
   of articles of the same story that shares a similar sentence; MinHash LSH for large
   corpora). Articles of different stories (``newskit.stories``) are never aligned unless
   ``across_stories=True``.
2. Within a pair, every two sentences that share at least ``MIN_SHARED`` content terms (numbers
   aside) are scored with ``newskit.reuse.similarity`` using **pair-aware term weights**: a term's
   weight is ``log(1 + (n_other + 1) / (df_other + 1))`` where ``n_other`` is the number of
   articles of their story other than the two compared and ``df_other`` how many of them use
   the term. Names
   and words the whole corpus repeats ("Treasury Secretary Scott Bessent") count for little;
   wording the two articles share with nobody else counts for a lot. With only two articles
   every term weighs the same.
3. A sentence pair is reported when its score reaches ``min_score`` and it is the best match of
   one of its two sentences in the other article (so one sentence can be aligned to several
   rewrites, but a sentence's weaker look-alikes are not).
   A sentence split into two in the rewrite (or two merged into one) is aligned as one
   passage: two adjacent sentences replace their single pairs when together they score
   ``MERGE_GAIN`` more than either alone (and the single sentence is about as long as the two,
   ``MERGE_LENGTH_RATIO``).
4. Quotations shared by the two articles (``newskit.shared_quotes``) are added as ``quote`` rows
   whose spans are the quotations themselves.

Per-article work (sentence units, term sets, quotations, each term's units, the terms' pair
weights, the sparse sentence × term matrices below) is done once per article and reused for
every pair it is in.

Speed (issues 13 and 24): for two articles with at most ``EXHAUSTIVE_PAIRS`` sentence pairs,
the shared-term counts of all their sentence pairs come at once from each article's inverted
index term → units (``_shared_counts``, numpy); every pair sharing ``MIN_SHARED`` terms is
scored, all at once (``_unit_scores``: per-article term ids, name factors and pair weights,
numpy; the same scores as ``similarity``), and only the windows that can qualify
(``_sharing``) are tried. Two articles with more
are not compared pair by pair. Shared-term counts for all
sentence pairs of two articles come from a sparse product (an inverted index term →
sentences, scipy, in blocks of ``BOUND_BLOCK`` sentences), and a vectorised upper bound of
``similarity`` (``_reachable``) leaves out the pairs and two-sentence windows sure to score under
``min_score``; only the rest are scored. The bound is exact, so results are those of scoring
every pair; the number of ``similarity`` calls grows with the number of real matches, not with
the product of the articles' lengths (a 1.2 MB single-line article against a 240 KB one
without punctuation: about 13 s instead of over 240 s).

``kind`` is ``newskit.reuse.similarity.match_kind`` for sentence pairs (``verbatim``,
``near_verbatim``, ``paraphrase``) and ``quote`` for shared quotations.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from scipy import sparse

from newskit.corpus.records import Article
from newskit.parallel import CHUNKS_PER_WORKER, resolve_jobs
from newskit.reuse.candidates import (
    CandidateMethod,
    Unit,
    candidate_pairs,
    resolve_method,
    sentence_units,
)
from newskit.reuse.quotes import quote_spans, quotes_match
from newskit.reuse.similarity import (
    DEFAULT_MIN_SCORE,
    MIN_SHARED,
    NEAR_VERBATIM_RATIO,
    Passages,
    _combined_many,
)
from newskit.stories import Stories, story_map
from newskit.stories.parts import in_story_parts

# Articles align works on at once: larger corpora go in parts of whole stories of about this
# size, one after another (or in n_jobs processes), so that what align keeps of each sentence
# during a call (Passages, term tables) stays that of one part.
PART_ARTICLES = 2_000
ALIGN_COLUMNS = [
    "a_id",
    "a_start",
    "a_end",
    "b_id",
    "b_start",
    "b_end",
    "a_text",
    "b_text",
    "score",
    "kind",
]
AlignMethod = Literal["lexical"]
# A window of two adjacent sentences replaces single-sentence pairs when it scores this much
# more than the better of them.
MERGE_GAIN = 0.05
# ... and when the single sentence has at least this share of the window's terms.
MERGE_LENGTH_RATIO = 0.6
# Windows are only tried where one sentence alone scores at least min_score - MERGE_REACH.
MERGE_REACH = 0.25


def align(
    corpus: Iterable[Article],
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    method: AlignMethod = "lexical",
    candidates: CandidateMethod = "auto",
    quotes: bool = True,
    stories: Stories = None,
    across_stories: bool = False,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """Aligned passages between every two articles of the same story.

    Returns one row per aligned pair of passages: ``a_id, a_start, a_end, b_id, b_start,
    b_end, a_text, b_text, score, kind``. ``a`` is the article that comes first in the corpus;
    offsets are into each article's ``raw`` (``raw[a_start:a_end] == a_text``); ``score`` is
    ``newskit.reuse.similarity`` in [0, 1]; ``kind`` is ``verbatim``, ``near_verbatim``,
    ``paraphrase`` or ``quote``. Sorted by ``a_id``, ``a_start``, ``b_id``, ``b_start``.
    ``candidates`` chooses how article pairs are found (see ``newskit.reuse.candidates``);
    ``quotes=False`` leaves out the ``quote`` rows. ``stories``: ``newskit.stories`` output or
    ``{article_id: story_id}`` (None: the ids the articles carry, or computed);
    ``across_stories=True`` aligns articles of different stories too. ``n_jobs``: processes
    (``-1``: one per core), each given whole stories; the same rows in the same order.
    """
    if method != "lexical":
        raise ValueError(f"method must be 'lexical', not {method!r}")
    if not 0 <= min_score <= 1:
        raise ValueError(f"min_score must be in [0, 1], not {min_score!r}")
    articles = list(corpus)
    story = story_map(articles, stories, across_stories=across_stories)
    # "auto" chooses by the whole corpus's size, not a part's
    method_of = candidates if candidates != "auto" else resolve_method(len(articles))
    jobs = resolve_jobs(n_jobs)
    n_parts = max(jobs * CHUNKS_PER_WORKER if jobs > 1 else 1, -(-len(articles) // PART_ARTICLES))
    if n_parts > 1:
        return in_story_parts(
            lambda part: _align_stories(part, story, min_score, method_of, quotes),
            articles,
            story,
            n_jobs,
            desc="align",
            order_by=("a_id", "a_start", "a_end", "b_id", "b_start", "b_end"),
            n_parts=n_parts,
        )
    return _align_stories(articles, story, min_score, method_of, quotes)


def _align_stories(
    articles: list[Article],
    story: Mapping[str, str],
    min_score: float,
    candidates: CandidateMethod,
    quotes: bool,
) -> pd.DataFrame:
    """``align`` of ``articles`` (whole stories of ``story``, a ``story_map``) in this process."""
    order = {a.id: k for k, a in enumerate(articles)}
    by_id = {a.id: a for a in articles}
    # What similarity reads of each passage, once per call whatever the corpus size (the
    # module's bounded caches thrash on large corpora); freed when the call ends.
    memo = Passages()
    units = {a.id: sentence_units(a, terms_of=memo.terms) for a in articles}
    vocab = {k: frozenset().union(*(u.terms for u in v)) for k, v in units.items()}
    # Document frequencies within each story: the corpus a pair's weights are read against.
    df: dict[str, Counter] = {}
    size: Counter = Counter()
    for a in articles:
        df.setdefault(story[a.id], Counter()).update(vocab[a.id])
        size[story[a.id]] += 1
    pairs = candidate_pairs(articles, method=candidates, stories=story, units=units)
    paired = set(pairs["a_id"]) | set(pairs["b_id"])
    # Per article, once: its inverted index term -> units (_UnitTerms: the shared-term counts
    # of all sentence pairs of an article pair at once) and its terms' pair weights when the
    # other article lacks them (_PairWeights).
    term_id = {t: k for k, t in enumerate(set().union(*(vocab[x] for x in paired)))}
    unit_terms = {x: _unit_terms(by_id[x], units[x], term_id) for x in paired}
    pair_weights = {
        sid: _PairWeights(counts, size[sid]) for sid, counts in df.items() if size[sid] > 1
    }
    own_weights = {x: pair_weights[story[x]].own(vocab[x]) for x in paired}
    scorable = {
        x: _scorable(by_id[x], units[x], term_id, pair_weights[story[x]], memo) for x in paired
    }
    rows: list[tuple] = []
    quoted: dict[str, list[tuple[int, int, str]]] = {}
    matched: dict[tuple[str, str], bool] = {}  # quotes_match by (shorter, longer) words
    prepared: dict[str, _Prepared] = {}
    terms: dict[str, int] = {}  # term -> column of the sparse matrices in _Prepared

    def prepare(article: Article) -> _Prepared:
        if article.id not in prepared:
            prepared[article.id] = _prepare(article, units[article.id], terms, memo)
        return prepared[article.id]

    todo = list(zip(pairs["a_id"], pairs["b_id"], strict=True))
    for batch in _batches(todo, {k: len(v) for k, v in units.items()}):
        # The sentence pairs sharing MIN_SHARED terms of every small article pair of the
        # batch, then all their scores at once (_unit_scores).
        found: dict[tuple[str, str], tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        for a_id, b_id in batch:
            if len(units[a_id]) * len(units[b_id]) <= EXHAUSTIVE_PAIRS:
                count = _shared_counts(unit_terms[a_id], unit_terms[b_id])
                found[a_id, b_id] = (count, *np.nonzero(count >= MIN_SHARED))
        values = _unit_scores(
            [(scorable[a], scorable[b], x, y) for (a, b), (_c, x, y) in found.items()]
        )
        scored = {k: (*v, s) for (k, v), s in zip(found.items(), values, strict=True)}
        for a_id, b_id in batch:
            a, b = by_id[a_id], by_id[b_id]
            weights = _lazy_weights(
                pair_weights[story[a_id]], own_weights[a_id], own_weights[b_id], vocab, a_id, b_id
            )
            rows.extend(
                _align_pair(
                    a,
                    b,
                    units[a_id],
                    units[b_id],
                    weights,
                    min_score,
                    prepare,
                    terms,
                    (unit_terms[a_id], unit_terms[b_id]),
                    scored.get((a_id, b_id)),
                    memo,
                )
            )
            if quotes:
                for x in (a, b):
                    if x.id not in quoted:
                        quoted[x.id] = quote_spans(x)
                rows.extend(_quote_rows(a, b, quoted[a_id], quoted[b_id], matched, memo))
    rows.sort(key=lambda r: (order[r[0]], r[1], r[2], order[r[3]], r[4], r[5]))
    out = pd.DataFrame(rows, columns=ALIGN_COLUMNS)
    return out.astype(
        {"a_start": "int64", "a_end": "int64", "b_start": "int64", "b_end": "int64", "score": float}
    )


class _PairWeights:
    """Pair-aware term weights within one story of ``n`` articles with document frequencies
    ``df``: ``log(1 + (n_other + 1) / (df_other + 1))`` (the module docstring, step 2), from a
    table by ``df_other``. ``own(terms)`` (once per article): its terms' weights in a pair
    whose other article lacks them; ``pair(own_a, own_b, shared)``: a pair's weights, the
    shared terms counted out of both; ``some(own_a, own_b, terms)``: the same weights for
    ``terms`` only."""

    def __init__(self, df: Counter, n: int) -> None:
        self.df = df
        n_other = n - 2
        self.table = [math.log(1 + (n_other + 1) / (d + 1)) for d in range(n)]

    def own(self, terms: frozenset[str]) -> dict[str, float]:
        df, table = self.df, self.table
        return {t: table[df[t] - 1] for t in terms}

    def pair(
        self, own_a: dict[str, float], own_b: dict[str, float], shared: frozenset[str]
    ) -> dict[str, float]:
        out = {**own_a, **own_b}
        df, table = self.df, self.table
        for t in shared:
            out[t] = table[df[t] - 2]
        return out

    def some(
        self, own_a: dict[str, float], own_b: dict[str, float], terms: Iterable[str]
    ) -> dict[str, float]:
        out = {}
        df, table = self.df, self.table
        for t in terms:
            if t in own_a:
                out[t] = table[df[t] - 2] if t in own_b else own_a[t]
            elif t in own_b:
                out[t] = own_b[t]
        return out


# A pair's term weights: all of them (``weights()``), or at least those of some terms
# (``weights(terms)``; other terms may come too).
_Weights = Callable[..., dict[str, float]]


def _lazy_weights(
    weights: _PairWeights,
    own_a: dict[str, float],
    own_b: dict[str, float],
    vocab: dict[str, frozenset[str]],
    a_id: str,
    b_id: str,
) -> _Weights:
    """The pair's weights (``_PairWeights.pair``), built on first use: most pairs are scored
    in bulk (``_unit_scores``) and many never need them. ``get(terms)``: the weights of
    ``terms`` (``_PairWeights.some``, the whole table if built), for the few passages
    ``_merges`` scores: the same values, without building the whole table per pair."""
    table: dict[str, float] | None = None

    def get(terms: Iterable[str] | None = None) -> dict[str, float]:
        nonlocal table
        if table is not None:
            return table
        if terms is not None:
            return weights.some(own_a, own_b, terms)
        table = weights.pair(own_a, own_b, vocab[a_id] & vocab[b_id])
        return table

    return get


class _UnitTerms(NamedTuple):
    """One article's sentence units against its own terms, built once per article. Its term
    ``k`` (``ids[k]``: the term's id, ascending, in an index shared by the articles compared)
    is in units ``unit[first[k] : first[k] + number[k]]``; ``size[x]``: the number of terms of
    unit ``x``. Per window ``k`` of units
    ``k`` and ``k + 1`` (``_merges``): ``union[k]``, the number of terms of the two, and
    ``piece[k]``, whether the window lies inside one kept piece (``_one_piece``)."""

    ids: np.ndarray
    unit: np.ndarray
    first: np.ndarray
    number: np.ndarray
    size: np.ndarray
    union: np.ndarray
    piece: np.ndarray


def _unit_terms(article: Article, units: list[Unit], index: dict[str, int]) -> _UnitTerms:
    """``_UnitTerms`` of one article; ``index``: term -> id, holding every term of ``units``."""
    size = np.array([len(u.terms) for u in units], dtype=np.int64)
    flat = np.fromiter(
        map(index.__getitem__, itertools.chain.from_iterable(u.terms for u in units)),
        dtype=np.int64,
        count=int(size.sum()),
    )
    of = np.repeat(np.arange(len(units), dtype=np.int64), size)  # the unit of each entry
    ids, column = np.unique(flat, return_inverse=True)
    number = np.bincount(column, minlength=len(ids))
    # the terms unit k + 1 shares with unit k: its entries whose (k, column) is an entry too
    key = of * len(ids) + column
    after = of > 0
    met = np.isin(key[after] - len(ids), key)
    inter = np.bincount(of[after][met] - 1, minlength=max(len(units) - 1, 0))
    return _UnitTerms(
        ids,
        of[np.lexsort((of, column))],  # by term, then unit
        np.cumsum(number) - number,
        number,
        size,
        size[:-1] + size[1:] - inter,
        _in_one_piece(article, units),
    )


def _in_one_piece(article: Article, units: list[Unit]) -> np.ndarray:
    """``_one_piece`` of every window of two consecutive ``units`` (numpy): a piece starting
    at or before the window's start ends at or after its end."""
    if len(units) < 2 or not article.kept:
        return np.zeros(max(len(units) - 1, 0), dtype=bool)
    pieces = np.array(article.kept, dtype=np.int64)
    pieces = pieces[np.argsort(pieces[:, 0], kind="stable")]
    reach = np.maximum.accumulate(pieces[:, 1])  # the furthest end of the pieces so far
    start = np.array([u.start for u in units[:-1]], dtype=np.int64)
    end = np.array([u.end for u in units[1:]], dtype=np.int64)
    last = np.searchsorted(pieces[:, 0], start, side="right") - 1
    return (last >= 0) & (reach[np.maximum(last, 0)] >= end)


class _Scorable(NamedTuple):
    """One article's sentence units as ``similarity`` reads them, built once per article (term
    ids from the index shared with ``_UnitTerms``). Unit ``x``'s terms (``similarity``'s term
    set, numbers included, in the set's own order) are entries ``first[x] : first[x] +
    number[x]``: entry ``k`` is term ``term[k]`` with name factor ``factor[k]`` (1 outside
    names) and pair weight ``own[k]`` when the other article lacks the term, ``both[k]`` when
    it has it (1 for numbers, which carry no pair weight). ``vocab``: the sorted ids of the
    article's terms. ``keys``: sorted ``unit << 32 | term`` of every entry and of every unit's
    name factor (``_name_factors``), with ``in_unit`` (an entry) and ``name_factor`` (the
    factor, 1 if none); ``words``: each unit's wording (``_wording``)."""

    first: np.ndarray
    number: np.ndarray
    term: np.ndarray
    factor: np.ndarray
    own: np.ndarray
    both: np.ndarray
    vocab: np.ndarray
    keys: np.ndarray
    in_unit: np.ndarray
    name_factor: np.ndarray
    words: list[str]


def _scorable(
    article: Article,
    units: list[Unit],
    index: dict[str, int],
    weights: _PairWeights,
    memo: Passages,
) -> _Scorable:
    """``_Scorable`` of one article; ``index``: term -> id, extended with the number terms."""
    df, table = weights.df, weights.table
    passages = [memo.passage(article.raw[u.start : u.end]) for u in units]
    # each set in its own order: the order similarity sums the weights in
    terms = list(itertools.chain.from_iterable(p[0] for p in passages))
    one = itertools.repeat(1.0)
    factor = np.fromiter(
        itertools.chain.from_iterable(map(p[1].get, p[0], one) for p in passages),
        dtype=float,
        count=len(terms),
    )
    number = np.array([len(p[0]) for p in passages], dtype=np.int64)
    vocab = list(dict.fromkeys(terms))
    digit = [t[0].isdigit() for t in vocab]
    own = np.array([1.0 if d else table[df[t] - 1] for t, d in zip(vocab, digit, strict=True)])
    both = np.array(
        [
            1.0 if d else table[df[t] - 2] if df[t] > 1 else math.nan
            for t, d in zip(vocab, digit, strict=True)
        ]
    )
    local = {t: k for k, t in enumerate(vocab)}
    entry_term = np.fromiter(map(local.__getitem__, terms), dtype=np.int64, count=len(terms))
    setdefault = index.setdefault
    vocab_ids = np.array([setdefault(t, len(index)) for t in vocab], dtype=np.int64)
    term = vocab_ids[entry_term]
    unit_keys = (np.repeat(np.arange(len(units), dtype=np.int64), number) << 32) | term
    names = [((x << 32) | setdefault(t, len(index)), f) for x, p in enumerate(passages)
             for t, f in p[1].items()]  # fmt: skip
    name_keys = np.array([k for k, _ in names], dtype=np.int64)
    keys = np.union1d(unit_keys, name_keys)
    in_unit = np.zeros(len(keys), dtype=bool)
    in_unit[np.searchsorted(keys, unit_keys)] = True
    name_factor = np.ones(len(keys))
    name_factor[np.searchsorted(keys, name_keys)] = [f for _, f in names]
    return _Scorable(
        np.cumsum(number) - number,
        number,
        term,
        factor,
        own[entry_term],
        both[entry_term],
        np.sort(vocab_ids),
        keys,
        in_unit,
        name_factor,
        [p[2] for p in passages],
    )


def _found(index: pd.Index, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each of ``keys``: whether it is in ``index`` (unique, not empty), and where (-1 where
    it is not). ``index`` hashes its values once: several times faster than ``np.searchsorted``
    for the millions of unsorted keys ``_side_weights`` looks up."""
    at = index.get_indexer(keys)
    return at >= 0, at


def _batch(members: list[_Scorable]) -> tuple[_Scorable, np.ndarray]:
    """``members`` end to end as one ``_Scorable`` (units and entries renumbered; its ``vocab``:
    sorted ``article << 32 | term``, the article by its rank in ``members``) and the first
    unit of each."""
    units = np.array([len(m.number) for m in members], dtype=np.int64)
    entries = np.array([len(m.term) for m in members], dtype=np.int64)
    unit_first = np.cumsum(units) - units
    entry_first = np.cumsum(entries) - entries
    batch = _Scorable(
        np.concatenate([m.first + e for m, e in zip(members, entry_first.tolist(), strict=True)]),
        np.concatenate([m.number for m in members]),
        np.concatenate([m.term for m in members]),
        np.concatenate([m.factor for m in members]),
        np.concatenate([m.own for m in members]),
        np.concatenate([m.both for m in members]),
        np.concatenate([m.vocab | (k << 32) for k, m in enumerate(members)]),
        np.concatenate(
            [m.keys + (u << 32) for m, u in zip(members, unit_first.tolist(), strict=True)]
        ),
        np.concatenate([m.in_unit for m in members]),
        np.concatenate([m.name_factor for m in members]),
        [w for m in members for w in m.words],
    )
    return batch, unit_first


def _side_weights(
    t: _Scorable, x: np.ndarray, y: np.ndarray, other: np.ndarray, lookup: tuple[pd.Index, pd.Index]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For sentence pairs ``(x[p], y[p])`` (units of ``t``; ``other[p]``: the article of unit
    ``y[p]``): the pair index ``p`` of each term of unit ``x[p]``, the term's weight as
    ``similarity`` gives it (pair weight times the smaller of the two passages' name factors)
    and whether unit ``y[p]`` has the term too. ``lookup``: ``t.vocab`` and ``t.keys`` as
    ``pd.Index``."""
    n = t.number[x]
    entry = _ranges(t.first[x], n)
    pair = np.repeat(np.arange(len(x), dtype=np.int64), n)
    term = t.term[entry]
    has, _ = _found(lookup[0], (other[pair] << 32) | term)
    found, at = _found(lookup[1], (y[pair] << 32) | term)
    factor = np.minimum(t.factor[entry], np.where(found, t.name_factor[at], 1.0))
    weight = np.where(has, t.both[entry], t.own[entry]) * factor
    return pair, weight, found & t.in_unit[at]


def _unit_scores(
    items: list[tuple[_Scorable, _Scorable, np.ndarray, np.ndarray]],
) -> list[list[float]]:
    """For each ``(a, b, x, y)``: ``similarity`` of the sentence pairs ``(x[k], y[k])`` of
    articles ``a`` and ``b`` with the pair's weights, all pairs of all items at once: the same
    values as calling it pair by pair. The weights of each passage's terms are added up in the
    order ``similarity`` adds them (``np.bincount`` adds in input order), those of the shared
    terms in the order of ``a``'s set, which differs from ``similarity``'s (set ``a & b``)
    only in the last bits, as the order of a set of strings already differs between Python
    processes (hash randomisation); scores are rounded to 6 decimals."""
    sizes = [len(x) for _a, _b, x, _y in items]
    n = sum(sizes)
    if not n:
        return [[] for _ in items]
    rank: dict[int, int] = {}
    members: list[_Scorable] = []
    for a, b, _x, _y in items:
        for m in (a, b):
            if id(m) not in rank:
                rank[id(m)] = len(members)
                members.append(m)
    t, unit_first = _batch(members)
    ra = np.array([rank[id(a)] for a, *_r in items], dtype=np.int64)
    rb = np.array([rank[id(b)] for _a, b, *_r in items], dtype=np.int64)
    art_a, art_b = np.repeat(ra, sizes), np.repeat(rb, sizes)
    x = np.concatenate([x for *_ab, x, _y in items]) + unit_first[art_a]
    y = np.concatenate([y for *_abx, y in items]) + unit_first[art_b]
    lookup = (pd.Index(t.vocab), pd.Index(t.keys))
    pair, weight, shared = _side_weights(t, x, y, art_b, lookup)
    wa = np.bincount(pair, weight, minlength=n)
    ws = np.bincount(pair[shared], weight[shared], minlength=n)
    n_shared = np.bincount(pair[shared], minlength=n)
    pair, weight, _ = _side_weights(t, y, x, art_a, lookup)
    wb = np.bincount(pair, weight, minlength=n)
    with np.errstate(divide="ignore", invalid="ignore"):
        overlap = (ws / np.minimum(wa, wb) + 2 * ws / (wa + wb)) / 2
    overlap = np.where(n_shared > 0, np.minimum(overlap, 1.0), 0.0)
    words, ratio = t.words, fuzz.ratio
    wording = np.array(
        [ratio(words[p], words[q]) for p, q in zip(x.tolist(), y.tolist(), strict=True)]
    )
    values = _combined_many(wording / 100, overlap, n_shared)
    ends = np.cumsum(sizes).tolist()
    return [values[e - k : e] for e, k in zip(ends, sizes, strict=True)]


def _ranges(first: np.ndarray, number: np.ndarray) -> np.ndarray:
    """The concatenated ranges ``first[k] … first[k] + number[k] - 1``."""
    ends = np.cumsum(number)
    return np.repeat(first - ends + number, number) + np.arange(ends[-1] if len(ends) else 0)


def _shared_counts(a: _UnitTerms, b: _UnitTerms) -> np.ndarray:
    """Shared-term counts of every sentence pair of two articles (``na x nb`` ints): for each
    shared term, every unit of ``a`` with it meets every unit of ``b`` with it (an inverted
    index, in numpy: the work grows with the matches, not with the number of terms)."""
    na, nb = len(a.size), len(b.size)
    _, ca, cb = np.intersect1d(a.ids, b.ids, assume_unique=True, return_indices=True)
    per_a, per_b = a.number[ca], b.number[cb]
    x = a.unit[_ranges(a.first[ca], per_a)]
    meets = np.repeat(per_b, per_a)  # units of b met by each unit of a, term by term
    x = np.repeat(x, meets)
    y = b.unit[_ranges(np.repeat(b.first[cb], per_a), meets)]
    return np.bincount(x * nb + y, minlength=na * nb).reshape(na, nb)


def _sharing(
    a: _UnitTerms, b: _UnitTerms, min_score: float
) -> tuple[list[tuple[int, int]], dict[str, list[tuple[int, int]]]]:
    """For two articles' ``_UnitTerms``: their sentence pairs
    ``(x, y)`` that share at least ``MIN_SHARED`` terms, sorted, and ``_merges``' windows by
    side, sorted: ``"b"``, ``(x, y)`` where sentence ``x`` of ``a`` shares a term with
    sentences ``y`` and ``y + 1`` of ``b``, has ``MERGE_LENGTH_RATIO`` of their terms and the
    window is one piece, and (when ``min_score - MERGE_REACH`` is above 0) ``x`` shares
    ``MIN_SHARED`` terms with ``y`` or ``y + 1`` (else ``_pair_score`` gives both 0); ``"a"``
    the reverse, ``(y, x)``. ``_merges`` skips every other window."""
    count = _shared_counts(a, b)
    many = count >= MIN_SHARED
    x, y = np.nonzero(many)
    pairs = list(zip(x.tolist(), y.tolist(), strict=True))
    scored = min_score - MERGE_REACH > 0  # a window needs a scored sentence pair
    return pairs, _windows(a, b, count >= 1, many if scored else None)


def _windows(
    a: _UnitTerms, b: _UnitTerms, any_: np.ndarray, single: np.ndarray | None
) -> dict[str, list[tuple[int, int]]]:
    """``_merges``' windows by side, as ``_sharing`` describes them, from ``any_`` (sentence
    pairs sharing a term) and ``single`` (None, or the sentence pairs of which one must be in
    the window)."""
    both = any_[:, :-1] & any_[:, 1:]
    both &= a.size[:, None] >= MERGE_LENGTH_RATIO * b.union[None, :]
    both &= b.piece[None, :]
    if single is not None:
        both &= single[:, :-1] | single[:, 1:]
    x, y = np.nonzero(both)
    windows = {"b": list(zip(x.tolist(), y.tolist(), strict=True))}
    both = (any_[:-1, :] & any_[1:, :]).T
    both &= b.size[:, None] >= MERGE_LENGTH_RATIO * a.union[None, :]
    both &= a.piece[None, :]
    if single is not None:
        both &= (single[:-1, :] | single[1:, :]).T
    y, x = np.nonzero(both)
    windows["a"] = list(zip(y.tolist(), x.tolist(), strict=True))
    return windows


def _align_pair(
    a: Article,
    b: Article,
    a_units: list[Unit],
    b_units: list[Unit],
    weights: _Weights,
    min_score: float,
    prepare: Callable[[Article], _Prepared],
    index: dict[str, int],
    sharing: tuple[_UnitTerms, _UnitTerms],
    scored: tuple[np.ndarray, np.ndarray, np.ndarray, list[float]] | None,
    memo: Passages,
) -> list[tuple]:
    """The rows of one article pair. ``scored`` (None for pairs over ``EXHAUSTIVE_PAIRS``):
    the shared-term counts of all its sentence pairs, the pairs ``x, y`` that share
    ``MIN_SHARED`` terms and their scores (``_unit_scores``)."""
    if scored is not None:
        count, x, y, values = scored
        scores = dict(zip(zip(x.tolist(), y.tolist(), strict=True), values, strict=True))
        grid = np.zeros(count.shape)  # the scores; 0 for pairs under MIN_SHARED shared terms
        grid[x, y] = values
        # The windows _merges can use: those with a sentence pair scoring min_score -
        # MERGE_REACH (pairs missing from scores score 0 there: fewer than MIN_SHARED terms).
        floor = min_score - MERGE_REACH
        windows = _windows(*sharing, count >= 1, grid >= floor if floor > 0 else None)
        kept = _kept_grid(grid, x, y, min_score)
    else:
        scores, windows = _bounded(a, b, a_units, b_units, weights, min_score, prepare, index, memo)
        kept = _kept(scores, min_score)
    merges = _merges(
        a,
        b,
        a_units,
        b_units,
        scores,
        weights,
        min_score,
        windows,
        memo,
        checked=scored is not None,
    )
    for merged, s in merges:
        i0, i1, j0, j1 = merged
        for key in [k for k in kept if k[0] in (i0, i1) and k[2] in (j0, j1)]:
            del kept[key]
        kept[merged] = s
    rows = []
    for (i0, i1, j0, j1), s in sorted(kept.items()):
        a_s, a_e = a_units[i0].start, a_units[i1].end
        b_s, b_e = b_units[j0].start, b_units[j1].end
        a_text, b_text = a.raw[a_s:a_e], b.raw[b_s:b_e]
        kind = memo.match_kind(a_text, b_text)
        rows.append((a.id, a_s, a_e, b.id, b_s, b_e, a_text, b_text, s, kind))
    return rows


def _kept(
    scores: dict[tuple[int, int], float], min_score: float
) -> dict[tuple[int, int, int, int], float]:
    """The sentence pairs reported (``(a first, a last, b first, b last)`` unit indexes ->
    score): from ``min_score``, the best of one of its two sentences."""
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for (x, y), s in scores.items():
        best_a[x] = max(best_a.get(x, 0.0), s)
        best_b[y] = max(best_b.get(y, 0.0), s)
    return {
        (x, x, y, y): s
        for (x, y), s in scores.items()
        if s >= min_score and (s >= best_a[x] or s >= best_b[y])
    }


def _kept_grid(
    grid: np.ndarray, x: np.ndarray, y: np.ndarray, min_score: float
) -> dict[tuple[int, int, int, int], float]:
    """``_kept`` of the scores ``grid[x, y]`` (every other cell 0), in numpy."""
    if not len(x):
        return {}
    s = grid[x, y]
    keep = (s >= min_score) & ((s >= grid.max(axis=1)[x]) | (s >= grid.max(axis=0)[y]))
    return {
        (i, i, j, j): v
        for i, j, v in zip(x[keep].tolist(), y[keep].tolist(), s[keep].tolist(), strict=True)
    }


def _bounded(
    a: Article,
    b: Article,
    a_units: list[Unit],
    b_units: list[Unit],
    weights: _Weights,
    min_score: float,
    prepare: Callable[[Article], _Prepared],
    index: dict[str, int],
    memo: Passages,
) -> tuple[dict[tuple[int, int], float], dict[str, list[tuple[int, int]]]]:
    """``_align_pair``'s scores and ``_merges``' windows for a large pair of articles.

    Scores: the sentence pairs that share ``MIN_SHARED`` terms and could reach ``min_score``
    (``_reachable``); a pair below ``min_score`` is never reported and never beats one above
    it. Windows, by side (``"b"``: windows of ``b`` against sentences of ``a``; ``"a"`` the
    reverse): (sentence, first sentence of the window) where the sentence shares a term with
    both sentences of the window and the window could reach ``min_score``. Done in blocks of
    ``BOUND_BLOCK`` sentences of ``a``, so memory stays bounded."""
    a_prep, b_prep = prepare(a), prepare(b)
    weights_of = weights()
    w = np.ones(len(index))
    for t, v in weights_of.items():
        w[index[t]] = v
    a_sent, b_sent = _weigh(a_prep.sentences, w), _weigh(b_prep.sentences, w)
    a_win, b_win = _weigh(a_prep.windows, w), _weigh(b_prep.windows, w)
    na, nb = len(a_units), len(b_units)
    pairs: list[tuple[int, int]] = []
    windows: dict[str, list[tuple[int, int]]] = {"b": [], "a": []}
    for end, i, j, count in _shared_blocks(a_prep.sentences, b_prep.sentences):
        own = i < end  # the block's own rows (the next row only completes windows of a)
        many = own & (count >= MIN_SHARED)
        ok = _reachable(a_sent, b_sent, i[many], j[many], min_score)
        pairs.extend(zip(i[many][ok].tolist(), j[many][ok].tolist(), strict=True))
        for side in ("b", "a"):
            if side == "b":
                x, y, n_two, keep = i[own], j[own], nb, None
            else:
                x, y, n_two, keep = j, i, na, i < end
            key = x * (n_two + 1) + y
            both = np.isin(key + 1, key)
            if keep is not None:
                both &= keep
            x, y = x[both], y[both]
            one, two = (a_sent, b_win) if side == "b" else (b_sent, a_win)
            ok = _reachable(one, two, x, y, min_score)
            windows[side].extend(zip(x[ok].tolist(), y[ok].tolist(), strict=True))
    scores: dict[tuple[int, int], float] = {}
    for x, y in sorted(pairs):
        ua, ub = a_units[x], b_units[y]
        scores[x, y] = memo.similarity(
            a.raw[ua.start : ua.end], b.raw[ub.start : ub.end], weights_of
        )
    return scores, {side: sorted(v) for side, v in windows.items()}


def _merges(
    a: Article,
    b: Article,
    a_units: list[Unit],
    b_units: list[Unit],
    scores: dict[tuple[int, int], float],
    weights: _Weights,
    min_score: float,
    windows: dict[str, list[tuple[int, int]]],
    memo: Passages,
    *,
    checked: bool = False,
) -> list[tuple[tuple[int, int, int, int], float]]:
    """One sentence rewritten as two adjacent ones (or two merged into one): windows of two
    consecutive sentences on one side that match a sentence on the other better than either
    sentence alone, by at least ``MERGE_GAIN``. Best first; a sentence is used once.

    ``windows`` (from ``_sharing`` or ``_bounded``) are the windows looked at, by side: the
    others cannot qualify (no shared term with one of the window's sentences, or sure to score
    under ``min_score``); sentence pairs missing from ``scores`` are scored here when a window
    needs them. ``checked``: the windows (``_windows``') already share a term with the
    sentence in both their sentences, lie in one piece and pass ``MERGE_LENGTH_RATIO``."""
    found = []
    for side in ("b", "a"):
        one, two = (a_units, b_units) if side == "b" else (b_units, a_units)
        one_art, two_art = (a, b) if side == "b" else (b, a)
        for i1, j1 in windows[side]:
            u = one[i1]
            p, q = two[j1], two[j1 + 1]
            if not checked:
                if not (u.terms & p.terms and u.terms & q.terms):
                    continue
                if len(u.terms) < MERGE_LENGTH_RATIO * len(p.terms | q.terms):
                    continue  # a short sentence is a summary of two, not a split of them
                if not _one_piece(two_art, p.start, q.end):
                    continue
            key1, key2 = ((i1, j1), (i1, j1 + 1)) if side == "b" else ((j1, i1), (j1 + 1, i1))
            single = max(
                _pair_score(a, b, a_units, b_units, scores, weights, key1, memo),
                _pair_score(a, b, a_units, b_units, scores, weights, key2, memo),
            )
            if single < min_score - MERGE_REACH:
                continue
            one_text, two_text = one_art.raw[u.start : u.end], two_art.raw[p.start : q.end]
            terms = itertools.chain(memo.passage(one_text)[0], memo.passage(two_text)[0])
            s = memo.similarity(one_text, two_text, weights(terms))
            if s >= min_score and s >= single + MERGE_GAIN:
                key = (i1, i1, j1, j1 + 1) if side == "b" else (j1, j1 + 1, i1, i1)
                found.append((key, s))
    found.sort(key=lambda f: (-f[1], f[0]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for key, s in found:
        a_ids, b_ids = set(range(key[0], key[1] + 1)), set(range(key[2], key[3] + 1))
        if a_ids & used_a or b_ids & used_b:
            continue
        used_a |= a_ids
        used_b |= b_ids
        out.append((key, s))
    return out


def _pair_score(
    a: Article,
    b: Article,
    a_units: list[Unit],
    b_units: list[Unit],
    scores: dict[tuple[int, int], float],
    weights: _Weights,
    key: tuple[int, int],
    memo: Passages,
) -> float:
    """The score of sentence pair ``key`` as ``_align_pair`` defines it (0 below
    ``MIN_SHARED`` shared terms), scored on first use and kept in ``scores``."""
    if key not in scores:
        ua, ub = a_units[key[0]], b_units[key[1]]
        if len(ua.terms & ub.terms) < MIN_SHARED:
            return 0.0
        scores[key] = memo.similarity(a.raw[ua.start : ua.end], b.raw[ub.start : ub.end], weights())
    return scores[key]


# Article pairs whose sentence pairs are scored at once, and the most sentence pairs (of
# articles compared exhaustively) they may hold together (bound the memory of _unit_scores).
SCORE_BATCH = 256
SCORE_BATCH_PAIRS = 2_560_000
# Article pairs with at most this many sentence pairs are compared exhaustively (shared-term
# counts of all sentence pairs, _unit_scores); larger ones go through the sparse inverted
# index and the bound. Both give the same result. 40,000 holds every article pair of
# real-length news (benchmarks: at most 31,240 among 3,000 generated articles, 18,100 in the
# real sets): the bound's per-article matrices of all two-sentence windows cost more there.
EXHAUSTIVE_PAIRS = 40_000


def _batches(
    todo: list[tuple[str, str]], n_units: Mapping[str, int]
) -> Iterator[list[tuple[str, str]]]:
    """``todo`` in order, in batches of at most ``SCORE_BATCH`` article pairs whose exhaustive
    pairs (``n_units``: sentence units by article) hold at most ``SCORE_BATCH_PAIRS`` sentence
    pairs together (a pair that alone holds more comes alone)."""
    batch: list[tuple[str, str]] = []
    held = 0
    for a_id, b_id in todo:
        n = n_units[a_id] * n_units[b_id]
        n = n if n <= EXHAUSTIVE_PAIRS else 0
        if batch and (len(batch) == SCORE_BATCH or held + n > SCORE_BATCH_PAIRS):
            yield batch
            batch, held = [], 0
        batch.append((a_id, b_id))
        held += n
    if batch:
        yield batch


# Sentences of one article are compared in blocks of this many rows (bounds the memory of the
# sparse products).
BOUND_BLOCK = 500
# Pairs whose bound is computed at once (bounds the memory of the row products).
DOT_CHUNK = 100_000
# Margin under a threshold before a pair is skipped: scores are rounded to 6 decimals and the
# bound adds the same weights in another order.
_BOUND_EPS = 1e-6


class _Passages(NamedTuple):
    """Sparse passage × term matrices (columns: term ids shared by all articles).

    ``shared``: 1 for the passage's unit terms (numbers aside), which ``MIN_SHARED`` counts.
    ``factors``: each content term of the passage as ``similarity`` sees it (numbers
    included) with its name factor (1 outside multi-word names). ``keys``: 1 for the content
    terms and the terms with a name factor. ``wording``: ``similarity``'s ``fuzz.ratio`` input;
    ``length``: its length."""

    shared: sparse.csr_matrix
    factors: sparse.csr_matrix
    keys: sparse.csr_matrix
    wording: list[str]
    length: np.ndarray


class _Prepared(NamedTuple):
    """Per-article work for the bounds, done once per article: its sentences, and its windows
    of two adjacent sentences (window ``k``: sentences ``k`` and ``k + 1``)."""

    sentences: _Passages
    windows: _Passages


def _prepare(
    article: Article, units: list[Unit], index: dict[str, int], memo: Passages
) -> _Prepared:
    """The sentence and window matrices of one article; ``index`` (term -> column) is shared by
    all articles and grows as new terms are met."""
    texts = [article.raw[u.start : u.end] for u in units]
    pairs = [article.raw[x.start : y.end] for x, y in itertools.pairwise(units)]
    return _Prepared(
        _passages(texts, [u.terms for u in units], index, memo),
        _passages(pairs, [frozenset()] * len(pairs), index, memo),
    )


def _passages(
    texts: list[str], unit_terms: list[frozenset[str]], index: dict[str, int], memo: Passages
) -> _Passages:
    shared: list[tuple[int, int, float]] = []
    factors: list[tuple[int, int, float]] = []
    keys: list[tuple[int, int, float]] = []
    wording = []
    for k, text in enumerate(texts):
        own, names, words = memo.passage(text)
        shared.extend((k, index.setdefault(t, len(index)), 1.0) for t in unit_terms[k])
        factors.extend((k, index.setdefault(t, len(index)), names.get(t, 1.0)) for t in own)
        keys.extend((k, index.setdefault(t, len(index)), 1.0) for t in own | names.keys())
        wording.append(words)
    return _Passages(
        _matrix(shared, len(texts)),
        _matrix(factors, len(texts)),
        _matrix(keys, len(texts)),
        wording,
        np.array([len(x) for x in wording], dtype=float),
    )


def _matrix(cells: list[tuple[int, int, float]], n: int) -> sparse.csr_matrix:
    rows = np.array([r for r, _, _ in cells], dtype=np.int64)
    cols = np.array([c for _, c, _ in cells], dtype=np.int64)
    values = np.array([v for *_, v in cells], dtype=float)
    width = int(cols.max()) + 1 if len(cols) else 0
    return sparse.csr_matrix((values, (rows, cols)), shape=(n, width))


def _width(m: sparse.csr_matrix, width: int) -> sparse.csr_matrix:
    """``m`` with ``width`` columns (term ids met after it was built are empty columns)."""
    m = m.tocsr()
    return sparse.csr_matrix((m.data, m.indices, m.indptr), shape=(m.shape[0], width))


class _Weighted(NamedTuple):
    """``_Passages`` with an article pair's term weights: ``factors`` times the weights,
    ``total`` its row sums."""

    factors: sparse.csr_matrix
    keys: sparse.csr_matrix
    total: np.ndarray
    wording: list[str]
    length: np.ndarray


def _weigh(passages: _Passages, w: np.ndarray) -> _Weighted:
    """``passages`` with pair weights ``w`` (by term id)."""
    factors = (_width(passages.factors, len(w)) @ sparse.diags(w)).tocsr()
    return _Weighted(
        factors,
        _width(passages.keys, len(w)),
        np.asarray(factors.sum(axis=1)).ravel(),
        passages.wording,
        passages.length,
    )


def _shared_blocks(
    one: _Passages, two: _Passages
) -> Iterator[tuple[int, np.ndarray, np.ndarray, np.ndarray]]:
    """The passage pairs sharing a unit term, by blocks of ``BOUND_BLOCK`` rows of ``one``
    (an inverted index term -> passages, as a sparse product): ``(end, i, j, count)``, with
    ``count`` the number of shared terms, for rows ``i`` from the block's first to ``end``
    included (the row after the block comes too, for windows that start in the block)."""
    width = max(one.shared.shape[1], two.shared.shape[1])
    left, right = _width(one.shared, width), _width(two.shared, width).T.tocsr()
    for lo in range(0, left.shape[0], BOUND_BLOCK):
        block = (left[lo : lo + BOUND_BLOCK + 1] @ right).tocoo()
        i = block.row.astype(np.int64) + lo
        yield lo + BOUND_BLOCK, i, block.col.astype(np.int64), block.data


def _row_dots(
    left: sparse.csr_matrix, right: sparse.csr_matrix, i: np.ndarray, j: np.ndarray
) -> np.ndarray:
    """``left[i[k]] · right[j[k]]`` for every ``k``, in chunks of ``DOT_CHUNK`` pairs."""
    out = np.zeros(len(i))
    for lo in range(0, len(i), DOT_CHUNK):
        rows, cols = i[lo : lo + DOT_CHUNK], j[lo : lo + DOT_CHUNK]
        out[lo : lo + DOT_CHUNK] = np.asarray(left[rows].multiply(right[cols]).sum(axis=1)).ravel()
    return out


def _reachable(
    one: _Weighted, two: _Weighted, i: np.ndarray, j: np.ndarray, threshold: float
) -> np.ndarray:
    """For passage pairs ``(one[i], two[j])``, False where ``similarity`` with the pair's
    weights is sure to stay under ``threshold``.

    The bound, exact: with ``c_t = w_t · min(f_1(t), f_2(t))`` the weight ``similarity`` gives a
    term (``w`` the pair weight, ``f`` the name factors), the shared weight ``S`` is at most
    ``min(Q_1, Q_2)``, with ``Q_1 = Σ w_t f_1(t)`` over the terms of passage 1 that passage 2
    has as a term or a name term, and the unshared weight of passage 1 is at least
    ``P_1 - Q_1`` (``P_1``: the same sum over all its terms); the overlap grows with ``S`` and
    falls with the unshared weights. The wording ratio only counts from
    ``NEAR_VERBATIM_RATIO`` and is at most ``2 min(len_1, len_2) / (len_1 + len_2)``; where
    that is not enough, rapidfuzz computes it with that cutoff.
    """
    if not len(i):
        return np.zeros(0, dtype=bool)
    q_one = _row_dots(one.factors, two.keys, i, j)
    q_two = _row_dots(one.keys, two.factors, i, j)
    s = np.minimum(q_one, q_two)
    x_one = np.maximum(one.total[i] - q_one, 0.0)
    x_two = np.maximum(two.total[j] - q_two, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        overlap = (s / (s + np.minimum(x_one, x_two)) + 2 * s / (2 * s + x_one + x_two)) / 2
        len_one, len_two = one.length[i], two.length[j]
        wording = 2 * np.minimum(len_one, len_two) / (len_one + len_two)
    overlap = np.minimum(np.nan_to_num(overlap, nan=0.0), 1.0)
    wording = np.nan_to_num(wording, nan=0.0)
    ok = overlap >= threshold - _BOUND_EPS
    maybe = (
        ~ok & (wording >= NEAR_VERBATIM_RATIO - _BOUND_EPS) & (wording >= threshold - _BOUND_EPS)
    )
    cutoff = 100 * NEAR_VERBATIM_RATIO - 1e-3
    for k in np.flatnonzero(maybe).tolist():
        ratio = fuzz.ratio(one.wording[i[k]], two.wording[j[k]], score_cutoff=cutoff) / 100
        ok[k] = ratio > 0 and ratio >= threshold - _BOUND_EPS
    return ok


def _one_piece(article: Article, start: int, end: int) -> bool:
    """True when ``raw[start:end]`` lies inside one kept (not removed) piece."""
    return any(s <= start and end <= e for s, e in article.kept)


def _quote_rows(
    a: Article,
    b: Article,
    a_quotes: list[tuple[int, int, str]],
    b_quotes: list[tuple[int, int, str]],
    matched: dict[tuple[str, str], bool],
    memo: Passages,
) -> list[tuple]:
    """``quote`` rows for the quotations (``quote_spans``) the two articles share; ``matched``
    keeps ``quotes_match`` by pair of words, shorter first (as ``quotes_match`` orders them):
    the same quotation recurs across the articles of a story."""
    rows = []
    for a_s, a_e, a_words in a_quotes:
        for b_s, b_e, b_words in b_quotes:
            key = (a_words, b_words) if len(a_words) <= len(b_words) else (b_words, a_words)
            if key not in matched:
                matched[key] = quotes_match(*key)
            if matched[key]:
                a_text, b_text = a.raw[a_s:a_e], b.raw[b_s:b_e]
                score = memo.similarity(a_text, b_text)
                rows.append((a.id, a_s, a_e, b.id, b_s, b_e, a_text, b_text, score, "quote"))
    return rows
