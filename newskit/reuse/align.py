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

Per-article work (sentence units, term sets, quotations) is done once per article and reused
for every pair it is in.

``kind`` is ``newskit.reuse.similarity.match_kind`` for sentence pairs (``verbatim``,
``near_verbatim``, ``paraphrase``) and ``quote`` for shared quotations.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import Literal

import pandas as pd

from newskit.corpus.records import Article
from newskit.reuse.candidates import CandidateMethod, Unit, candidate_pairs, sentence_units
from newskit.reuse.quotes import Quotation, quotations, quotes_match
from newskit.reuse.similarity import (
    DEFAULT_MIN_SCORE,
    MIN_SHARED,
    match_kind,
    similarity,
)
from newskit.stories import Stories, story_map

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
    ``across_stories=True`` aligns articles of different stories too.
    """
    if method != "lexical":
        raise ValueError(f"method must be 'lexical', not {method!r}")
    if not 0 <= min_score <= 1:
        raise ValueError(f"min_score must be in [0, 1], not {min_score!r}")
    articles = list(corpus)
    order = {a.id: k for k, a in enumerate(articles)}
    story = story_map(articles, stories, across_stories=across_stories)
    units = {a.id: sentence_units(a) for a in articles}
    vocab = {k: frozenset().union(*(u.terms for u in v)) for k, v in units.items()}
    # Document frequencies within each story: the corpus a pair's weights are read against.
    df: dict[str, Counter] = {}
    size: Counter = Counter()
    for a in articles:
        df.setdefault(story[a.id], Counter()).update(vocab[a.id])
        size[story[a.id]] += 1
    pairs = candidate_pairs(articles, method=candidates, stories=story, units=units)
    rows: list[tuple] = []
    by_id = {a.id: a for a in articles}
    quoted: dict[str, list[Quotation]] = {}
    for a_id, b_id in zip(pairs["a_id"], pairs["b_id"], strict=True):
        a, b = by_id[a_id], by_id[b_id]
        sid = story[a_id]
        weights = _pair_weights(df[sid], vocab[a_id], vocab[b_id], size[sid])
        rows.extend(_align_pair(a, b, units[a_id], units[b_id], weights, min_score))
        if quotes:
            for x in (a, b):
                if x.id not in quoted:
                    quoted[x.id] = quotations(x)
            rows.extend(_quote_rows(a, b, quoted[a_id], quoted[b_id]))
    rows.sort(key=lambda r: (order[r[0]], r[1], r[2], order[r[3]], r[4], r[5]))
    out = pd.DataFrame(rows, columns=ALIGN_COLUMNS)
    return out.astype(
        {"a_start": "int64", "a_end": "int64", "b_start": "int64", "b_end": "int64", "score": float}
    )


def _pair_weights(
    df: Counter, a_terms: frozenset[str], b_terms: frozenset[str], n: int
) -> dict[str, float]:
    n_other = n - 2
    out = {}
    for t in a_terms | b_terms:
        df_other = df[t] - (t in a_terms) - (t in b_terms)
        out[t] = math.log(1 + (n_other + 1) / (df_other + 1))
    return out


def _align_pair(
    a: Article,
    b: Article,
    a_units: list[Unit],
    b_units: list[Unit],
    weights: dict[str, float],
    min_score: float,
) -> list[tuple]:
    scores: dict[tuple[int, int], float] = {}
    for i, ua in enumerate(a_units):
        for j, ub in enumerate(b_units):
            if len(ua.terms & ub.terms) < MIN_SHARED:
                continue
            scores[i, j] = similarity(
                a.raw[ua.start : ua.end], b.raw[ub.start : ub.end], weights=weights
            )
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for (i, j), s in scores.items():
        best_a[i] = max(best_a.get(i, 0.0), s)
        best_b[j] = max(best_b.get(j, 0.0), s)
    # (a first, a last, b first, b last) unit indexes -> score
    kept: dict[tuple[int, int, int, int], float] = {
        (i, i, j, j): s
        for (i, j), s in scores.items()
        if s >= min_score and (s >= best_a[i] or s >= best_b[j])
    }
    for merged, s in _merges(a, b, a_units, b_units, scores, weights, min_score):
        i0, i1, j0, j1 = merged
        for key in [k for k in kept if k[0] in (i0, i1) and k[2] in (j0, j1)]:
            del kept[key]
        kept[merged] = s
    rows = []
    for (i0, i1, j0, j1), s in sorted(kept.items()):
        a_s, a_e = a_units[i0].start, a_units[i1].end
        b_s, b_e = b_units[j0].start, b_units[j1].end
        a_text, b_text = a.raw[a_s:a_e], b.raw[b_s:b_e]
        rows.append((a.id, a_s, a_e, b.id, b_s, b_e, a_text, b_text, s, match_kind(a_text, b_text)))
    return rows


def _merges(
    a: Article,
    b: Article,
    a_units: list[Unit],
    b_units: list[Unit],
    scores: dict[tuple[int, int], float],
    weights: dict[str, float],
    min_score: float,
) -> list[tuple[tuple[int, int, int, int], float]]:
    """One sentence rewritten as two adjacent ones (or two merged into one): windows of two
    consecutive sentences on one side that match a sentence on the other better than either
    sentence alone, by at least ``MERGE_GAIN``. Best first; a sentence is used once."""
    found = []
    for side in ("b", "a"):
        one, two = (a_units, b_units) if side == "b" else (b_units, a_units)
        one_art, two_art = (a, b) if side == "b" else (b, a)
        for i, u in enumerate(one):
            for j in range(len(two) - 1):
                x, y = two[j], two[j + 1]
                if not (u.terms & x.terms and u.terms & y.terms):
                    continue
                if len(u.terms) < MERGE_LENGTH_RATIO * len(x.terms | y.terms):
                    continue  # a short sentence is a summary of two, not a split of them
                if not _one_piece(two_art, x.start, y.end):
                    continue
                key1, key2 = ((i, j), (i, j + 1)) if side == "b" else ((j, i), (j + 1, i))
                single = max(scores.get(key1, 0.0), scores.get(key2, 0.0))
                if single < min_score - MERGE_REACH:
                    continue
                s = similarity(
                    one_art.raw[u.start : u.end], two_art.raw[x.start : y.end], weights=weights
                )
                if s >= min_score and s >= single + MERGE_GAIN:
                    key = (i, i, j, j + 1) if side == "b" else (j, j + 1, i, i)
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


def _one_piece(article: Article, start: int, end: int) -> bool:
    """True when ``raw[start:end]`` lies inside one kept (not removed) piece."""
    return any(s <= start and end <= e for s, e in article.kept)


def _quote_rows(
    a: Article, b: Article, a_quotes: list[Quotation], b_quotes: list[Quotation]
) -> list[tuple]:
    rows = []
    for qa in a_quotes:
        for qb in b_quotes:
            if quotes_match(qa.words, qb.words):
                a_text, b_text = a.raw[qa.start : qa.end], b.raw[qb.start : qb.end]
                score = similarity(a_text, b_text)
                rows.append(
                    (a.id, qa.start, qa.end, b.id, qb.start, qb.end, a_text, b_text, score, "quote")
                )
    return rows
