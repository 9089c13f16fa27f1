"""Which pairs of articles are worth aligning: ``candidate_pairs(corpus) -> DataFrame``.

Alignment compares sentences, and comparing every sentence of every article with every other
grows with the square of the corpus. A pair of articles is a **candidate** when at least one
sentence of one and one sentence of the other share enough content terms: the Jaccard
similarity of their term sets (``newskit.similarity.content_terms``) is at least
``threshold``. Two ways to find them:

- ``"exhaustive"``: exact. Every sentence pair that shares a term is counted through an inverted
  index (pairs that share nothing cannot reach any threshold above 0), then checked.
- ``"lsh"``: approximate, for large corpora. Each sentence's term set gets a MinHash
  (``datasketch``, ``num_perm`` permutations, fixed ``seed``); MinHash LSH tuned to ``threshold``
  proposes colliding sentences, and each proposal is checked with the exact Jaccard, so LSH never
  adds a pair the exact method would not (it can only miss some).
- ``"auto"`` uses ``"lsh"`` from ``LSH_ABOVE`` articles on, ``"exhaustive"`` below.

``benchmarks/bench_overlap.py`` measures time and recall of LSH against the exact method.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from typing import Literal, NamedTuple

import pandas as pd

from newskit.records import Article
from newskit.segment import sentence_spans
from newskit.similarity import content_terms

CandidateMethod = Literal["auto", "exhaustive", "lsh"]

CANDIDATE_COLUMNS = ["a_id", "b_id", "best_jaccard"]
# "auto" switches to LSH from this many articles on.
LSH_ABOVE = 200
# Default sentence-level Jaccard a pair needs to be a candidate.
DEFAULT_THRESHOLD = 0.15
# Sentences with fewer content terms than this are not compared (too little to tell reuse).
MIN_TERMS = 3


class Unit(NamedTuple):
    """One comparable sentence: its index in ``sentence_spans``, raw span and content terms."""

    sent_id: int
    start: int
    end: int
    terms: frozenset[str]


def sentence_units(article: Article) -> list[Unit]:
    """The article's non-heading sentences with at least ``MIN_TERMS`` content terms."""
    out = []
    for i, s in enumerate(sentence_spans(article)):
        if s.is_heading:
            continue
        terms = frozenset(content_terms(article.raw[s.start : s.end]))
        if len(terms) >= MIN_TERMS:
            out.append(Unit(i, s.start, s.end, terms))
    return out


def candidate_pairs(
    corpus: Iterable[Article],
    *,
    method: CandidateMethod = "auto",
    threshold: float = DEFAULT_THRESHOLD,
    num_perm: int = 128,
    seed: int = 1,
) -> pd.DataFrame:
    """Pairs of articles that share at least one similar sentence.

    Returns ``a_id, b_id, best_jaccard``: one row per pair (``a_id`` before ``b_id`` in corpus
    order), with the highest sentence-level Jaccard found, sorted by corpus order.
    """
    if method not in ("auto", "exhaustive", "lsh"):
        raise ValueError(f"method must be 'auto', 'exhaustive' or 'lsh', not {method!r}")
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], not {threshold!r}")
    articles = list(corpus)
    if method == "auto":
        method = "lsh" if len(articles) >= LSH_ABOVE else "exhaustive"
    units = [(k, u) for k, a in enumerate(articles) for u in sentence_units(a)]
    if method == "exhaustive":
        proposals = _exact_proposals(units)
    else:
        proposals = _lsh_proposals(units, threshold=threshold, num_perm=num_perm, seed=seed)
    best: dict[tuple[int, int], float] = {}
    for x, y in proposals:
        (ka, ua), (kb, ub) = units[x], units[y]
        if ka == kb:
            continue
        j = len(ua.terms & ub.terms) / len(ua.terms | ub.terms)
        if j >= threshold:
            key = (min(ka, kb), max(ka, kb))
            best[key] = max(best.get(key, 0.0), j)
    rows = [(articles[a].id, articles[b].id, round(j, 6)) for (a, b), j in sorted(best.items())]
    return pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)


def _exact_proposals(units: list[tuple[int, Unit]]) -> Iterable[tuple[int, int]]:
    """Every pair of sentences (from different articles) that shares a content term, once."""
    postings: dict[str, list[int]] = defaultdict(list)
    for x, (_, u) in enumerate(units):
        for t in u.terms:
            postings[t].append(x)
    seen: set[tuple[int, int]] = set()
    for ids in postings.values():
        for x, y in itertools.combinations(ids, 2):
            if units[x][0] != units[y][0] and (x, y) not in seen:
                seen.add((x, y))
    return seen


def _lsh_proposals(
    units: list[tuple[int, Unit]], *, threshold: float, num_perm: int, seed: int
) -> Iterable[tuple[int, int]]:
    """Sentence pairs whose MinHashes collide in an LSH index tuned to ``threshold``."""
    from datasketch import MinHash, MinHashLSH  # one adapter: the only place that calls it

    if not units:
        return []
    hashes = MinHash.bulk(
        [[t.encode("utf-8") for t in sorted(u.terms)] for _, u in units],
        num_perm=num_perm,
        seed=seed,
    )
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    with lsh.insertion_session() as session:
        for x, h in enumerate(hashes):
            session.insert(x, h, check_duplication=False)
    out: set[tuple[int, int]] = set()
    for x, h in enumerate(hashes):
        for y in lsh.query(h):
            if y > x:
                out.add((x, y))
    return out
