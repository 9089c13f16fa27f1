"""Which pairs of articles are worth aligning: ``candidate_pairs(corpus) -> DataFrame``.

Alignment compares sentences, and comparing every sentence of every article with every other
grows with the square of the corpus. A pair of articles is a **candidate** when at least one
sentence of one and one sentence of the other share enough content terms: at least
``MIN_SHARED_TERMS``, and the Jaccard similarity of their term sets
(``newskit.reuse.similarity.content_terms``, numbers left out) is at least ``threshold``.
Two ways to find them:

- ``"exhaustive"``: exact. Shared-term counts of every sentence pair at once, as a sparse
  matrix product (scipy, which datasketch depends on), then each pair is checked. Its cost grows
  with the square of how often common terms recur.
- ``"lsh"``: approximate, for large corpora. Each sentence's term set gets a MinHash
  (``datasketch``, ``num_perm`` permutations, fixed ``seed``); MinHash LSH tuned to ``threshold``
  proposes colliding sentences, and each proposal is checked with the exact Jaccard, so LSH never
  adds a pair the exact method would not (it can only miss some).
- ``"auto"`` uses ``"lsh"`` from ``LSH_ABOVE`` articles on, ``"exhaustive"`` below (see
  ``LSH_ABOVE`` for the measurements behind it).

Only articles of the same story are paired (``newskit.stories``; ``stories=`` gives them,
``across_stories=True`` pairs any two articles): the search runs story by story.

``benchmarks/run.py`` and ``benchmarks/bench_overlap.py`` measure time and recall of LSH
against the exact method.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Literal, NamedTuple

import pandas as pd

from newskit.corpus.records import Article
from newskit.corpus.segment import sentence_spans
from newskit.parallel import resolve_jobs
from newskit.reuse.similarity import content_terms
from newskit.stories import Stories, story_map
from newskit.stories.parts import in_story_parts

CandidateMethod = Literal["auto", "exhaustive", "lsh"]

CANDIDATE_COLUMNS = ["a_id", "b_id", "best_jaccard"]
# "auto" switches to LSH from this many articles on: in practice never, because no crossover
# was measured. benchmarks/run.py (synthetic multi-story corpus, whole corpus, one core): LSH
# 28 s vs exact 2.7 s at 1,000 articles, 92 s vs 12 s at 2,500, 203 s vs 24 s at 4,000
# (recall 1.0 on same-story pairs, 0.89 on all exact pairs). Most of LSH's time goes to checking
# its proposals, which grow like the exact pairs do. Corpora grow near-linearly by finding
# candidates within stories (small groups), where the exact product is cheaper still.
LSH_ABOVE = 1_000_000
# Default sentence-level Jaccard a pair needs to be a candidate.
DEFAULT_THRESHOLD = 0.15
# Sentences with fewer content terms than this are not compared (too little to tell reuse).
MIN_TERMS = 3
# Two sentences must share at least this many terms (and reach the Jaccard threshold).
MIN_SHARED_TERMS = 2
# Rows of the sentence × term matrix multiplied at once by the exhaustive method.
EXACT_BLOCK = 2000


class Unit(NamedTuple):
    """One comparable sentence: its index in ``sentence_spans``, raw span and content terms."""

    sent_id: int
    start: int
    end: int
    terms: frozenset[str]


def sentence_units(
    article: Article, *, terms_of: Callable[[str], tuple[str, ...]] = content_terms
) -> list[Unit]:
    """The article's non-heading sentences with at least ``MIN_TERMS`` content terms.

    Numbers are left out of these term sets: every story has a "1" and a "2025", and lines
    made of numbers (reference lists, tables) would otherwise pair unrelated articles.
    ``terms_of``: ``content_terms`` or a function giving the same (``align`` passes its
    per-call ``Passages.terms``)."""
    out = []
    for i, s in enumerate(sentence_spans(article)):
        if s.is_heading:
            continue
        terms = frozenset(t for t in terms_of(article.raw[s.start : s.end]) if not t[0].isdigit())
        if len(terms) >= MIN_TERMS:
            out.append(Unit(i, s.start, s.end, terms))
    return out


def resolve_method(n_articles: int) -> CandidateMethod:
    """What ``method="auto"`` means for a corpus of ``n_articles``: ``"lsh"`` from
    ``LSH_ABOVE`` articles on, ``"exhaustive"`` below."""
    return "lsh" if n_articles >= LSH_ABOVE else "exhaustive"


def candidate_pairs(
    corpus: Iterable[Article],
    *,
    method: CandidateMethod = "auto",
    threshold: float = DEFAULT_THRESHOLD,
    num_perm: int = 128,
    seed: int = 1,
    stories: Stories = None,
    across_stories: bool = False,
    units: Mapping[str, list[Unit]] | None = None,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """Pairs of articles of the same story that share at least one similar sentence.

    Returns ``a_id, b_id, best_jaccard``: one row per pair (``a_id`` before ``b_id`` in corpus
    order), with the highest sentence-level Jaccard found, sorted by corpus order.
    ``stories``: ``newskit.stories`` output or ``{article_id: story_id}``; None uses the ids the
    articles carry, or computes them. ``across_stories=True`` pairs articles of any stories.
    ``units``: ``{article_id: sentence_units(article)}`` already computed, to reuse.
    ``n_jobs``: processes (``-1``: one per core), each given whole stories; the same rows.
    """
    if method not in ("auto", "exhaustive", "lsh"):
        raise ValueError(f"method must be 'auto', 'exhaustive' or 'lsh', not {method!r}")
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], not {threshold!r}")
    articles = list(corpus)
    method = resolve_method(len(articles)) if method == "auto" else method
    story = story_map(articles, stories, across_stories=across_stories)
    # align asks again for the pairs a notebook or pipeline has just asked for
    key = (tuple(articles), tuple(story[a.id] for a in articles), method, threshold, num_perm, seed)
    if key not in _RECENT:
        _RECENT[key] = _pairs(articles, story, method, threshold, num_perm, seed, units, n_jobs)
        while len(_RECENT) > RECENT_CALLS:
            del _RECENT[next(iter(_RECENT))]
    return _RECENT[key].copy()


# candidate_pairs keeps the answers of its last RECENT_CALLS calls (a frame of pairs each).
RECENT_CALLS = 2
_RECENT: dict[tuple, pd.DataFrame] = {}


def _pairs(
    articles: list[Article],
    story: Mapping[str, str],
    method: CandidateMethod,
    threshold: float,
    num_perm: int,
    seed: int,
    units: Mapping[str, list[Unit]] | None,
    n_jobs: int,
) -> pd.DataFrame:
    """``candidate_pairs`` of ``articles`` grouped by ``story`` (a ``story_map``), computed."""
    if resolve_jobs(n_jobs) > 1:
        return in_story_parts(
            lambda part: _pairs(part, story, method, threshold, num_perm, seed, units, 1),
            articles,
            story,
            n_jobs,
            desc="candidate pairs",
        )
    if units is None:
        units = {a.id: sentence_units(a) for a in articles}
    groups: dict[str, list[int]] = {}
    for k, a in enumerate(articles):
        groups.setdefault(story[a.id], []).append(k)
    best: dict[tuple[int, int], float] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        group_units = [(k, u) for k in members for u in units[articles[k].id]]
        if method == "exhaustive":
            found = _exact_pairs(group_units, threshold)
        else:
            proposals = _lsh_proposals(
                group_units, threshold=threshold, num_perm=num_perm, seed=seed
            )
            found = _verified(group_units, proposals, threshold)
        for ka, kb, j in found:
            key = (min(ka, kb), max(ka, kb))
            best[key] = max(best.get(key, 0.0), j)
    rows = [(articles[a].id, articles[b].id, round(j, 6)) for (a, b), j in sorted(best.items())]
    return pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)


def _verified(
    units: list[tuple[int, Unit]], proposals: Iterable[tuple[int, int]], threshold: float
) -> Iterator[tuple[int, int, float]]:
    """The proposed sentence pairs (from different articles) whose exact Jaccard is enough."""
    for x, y in proposals:
        (ka, ua), (kb, ub) = units[x], units[y]
        shared = len(ua.terms & ub.terms)
        if ka != kb and shared >= MIN_SHARED_TERMS:
            j = shared / (len(ua.terms) + len(ub.terms) - shared)
            if j >= threshold:
                yield ka, kb, j


def _exact_pairs(
    units: list[tuple[int, Unit]], threshold: float
) -> Iterator[tuple[int, int, float]]:
    """Every sentence pair (from different articles) with Jaccard ≥ ``threshold`` and at least
    ``MIN_SHARED_TERMS`` shared terms: shared-term counts for all pairs at once, as a sparse
    product of the sentence × term matrix with its transpose (scipy, in blocks of rows)."""
    import numpy as np
    from scipy import sparse

    if not units:
        return
    index: dict[str, int] = {}
    cols = [index.setdefault(t, len(index)) for _, u in units for t in u.terms]
    rows = np.repeat(np.arange(len(units)), [len(u.terms) for _, u in units])
    n = len(units)
    m = sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(n, len(index)))
    mt = m.T.tocsr()
    sizes = np.diff(m.indptr)
    art = np.array([k for k, _ in units], dtype=np.int64)
    width = int(art.max()) + 1
    for lo in range(0, n, EXACT_BLOCK):
        block = (m[lo : lo + EXACT_BLOCK] @ mt).tocoo()
        x = block.row + lo
        y, c = block.col, block.data
        keep = (y > x) & (c >= MIN_SHARED_TERMS) & (art[x] != art[y])
        x, y, c = x[keep], y[keep], c[keep]
        j = c / (sizes[x] + sizes[y] - c)
        ok = j >= threshold
        # one row per article pair of this block, with its best Jaccard: the caller keeps the
        # best over blocks, so reducing here (in numpy) gives the same answer with far fewer
        # Python tuples (millions of sentence pairs on large corpora of similar stories).
        a, b, v = art[x[ok]], art[y[ok]], j[ok]
        if not len(v):
            continue
        lo_art, hi_art = np.minimum(a, b), np.maximum(a, b)
        key = lo_art.astype(np.int64) * width + hi_art
        order = np.lexsort((-v, key))
        key, v = key[order], v[order]
        first = np.ones(len(key), dtype=bool)
        first[1:] = key[1:] != key[:-1]
        a, b = np.divmod(key[first], width)
        yield from zip(a.tolist(), b.tolist(), v[first].tolist(), strict=True)


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
