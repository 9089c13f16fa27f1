"""Which articles tell the same story: ``stories(corpus) -> DataFrame``, one row per article.

How it works (lexical, no model, deterministic):

1. **Terms** (``article_terms``). Each article becomes a bag of content words from its title
   and cleaned text (``newskit.corpus.segment`` tokens, lower case, without stopwords, time
   words, numbers and one-letter words). Title words count ``TITLE_WEIGHT`` times; a word
   inside a name (capitalised, not merely starting its sentence) counts ``NAME_WEIGHT`` times,
   and each two-word name ("Kamal Yamamoto") is a term of its own. Weights are
   ``(1 + log tf) * idf ** IDF_POWER`` with ``idf = log((1 + N + BACKGROUND) / (1 + df))``
   over the ``N`` articles, each vector scaled to length 1. Names and places that one story
   uses weigh most; the vocabulary a kind of story shares (shootings: *gunman*, *police*,
   *wounded*) weighs little once the corpus holds several stories of that kind.
   ``BACKGROUND`` counts the corpus as if it also held that many unrelated articles, so five
   articles of one story are not pulled apart by an IDF that has nothing to compare them with.
2. **Candidates** (``_candidates``, near-linear). Only articles sharing one of their
   ``TOP_TERMS`` heaviest *telling* terms (used by 2 to ``CANDIDATE_MAX_DF`` articles) are
   considered for a merge: a sparse product of the top-term matrix with its transpose. Its
   cost is at most ``CANDIDATE_MAX_DF`` times the number of articles.
3. **Grouping** (``_average_linkage``). Agglomerative clustering with average linkage, along
   candidate pairs: the two groups with the highest mean cosine merge while that mean is at
   least ``threshold``. The mean cosine of two groups is exact (the dot product of their
   vector sums over the product of their sizes), however few of their pairs were candidates.
   Average linkage, unlike chaining pairs, keeps two similar stories apart even when one
   article of each looks like the other.
4. **Dates.** Where both groups have dated articles whose mean dates lie more than ``days``
   apart, the mean cosine is multiplied by ``0.5 ** ((gap - days) / days)``: a story's
   articles come out within days of each other, a second shooting three weeks later is another
   story. Undated articles are grouped by content alone.

``threshold`` sets the granularity: lower merges more (a story and its follow-ups), higher
splits more. The defaults were set on generated corpora (``newskit.synthetic``: ten
kinds of story, 40 to 1,000 articles, B-cubed F1 0.97–1.0) and checked on one-story corpora
(generated ones of 2 to 20 articles, and the bundled seeds, which are one story at a
threshold up to about 0.35); ``tests/test_stories.py`` holds them. ``benchmarks/
bench_stories.py`` measures speed.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType
from typing import Union

import numpy as np
import pandas as pd

from newskit.corpus.records import Article
from newskit.corpus.segment import article_tokens
from newskit.resources.stopwords import STOPWORDS, TIME_WORDS

# What every cross-article analysis accepts as ``stories=``: ``newskit.stories`` output, a
# mapping ``{article_id: story_id}``, or None (use the ids the articles carry, or compute them).
Stories = Union[pd.DataFrame, Mapping[str, str | None], None]  # noqa: UP007
STORY_COLUMNS = ["article_id", "story_id", "n_articles", "similarity"]
# Mean similarity two groups need to merge (granularity; see the module docstring).
DEFAULT_THRESHOLD = 0.3
# Articles further apart than this many days start to count as less similar.
DEFAULT_DAYS = 3
# Title words count this many times.
TITLE_WEIGHT = 2
# Heaviest terms per article used to find candidate pairs.
TOP_TERMS = 30
# IDF is computed as if the corpus also held this many unrelated articles (that share none of
# its words): in a corpus of five articles on one story every shared word would otherwise weigh
# nothing and the story would fall apart; in a corpus of hundreds it changes little.
BACKGROUND = 300
# IDF is raised to this power: words that many stories share (a kind's vocabulary) weigh less
# against the names and places only one story uses.
IDF_POWER = 1.5
# Weight of a word inside a name, and of a two-word name.
NAME_WEIGHT = 4
# Terms used by more articles than this do not propose candidate pairs.
CANDIDATE_MAX_DF = 50
# Rows multiplied at once when finding candidates.
BLOCK = 2000


def stories(
    corpus: Iterable[Article],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    days: float = DEFAULT_DAYS,
) -> pd.DataFrame:
    """Group the articles of ``corpus`` into stories.

    Returns one row per article, in corpus order: ``article_id, story_id, n_articles,
    similarity``. ``story_id`` is ``"S001"``, ``"S002"``, … numbered by each story's first
    article in corpus order; ``n_articles`` is the size of the article's story; ``similarity``
    the article's mean similarity to the other articles of its story (1.0 for a story of one).
    ``threshold`` (0–1) sets the granularity, ``days`` how far apart a story's articles may
    be before their similarity is discounted (see the module docstring).
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], not {threshold!r}")
    if days <= 0:
        raise ValueError(f"days must be positive, not {days!r}")
    articles = list(corpus)
    n = len(articles)
    if n == 0:
        return pd.DataFrame(columns=STORY_COLUMNS)
    matrix = _tfidf(articles)
    pairs = _candidates(matrix)
    groups = _average_linkage(matrix, [a.date for a in articles], pairs, threshold, days)
    label = {}
    for gid, members in enumerate(sorted(groups, key=min), start=1):
        for k in members:
            label[k] = (gid, len(members))
    sims = _centre_similarity(matrix, groups)
    rows = [
        (a.id, story_label(label[k][0], len(groups)), label[k][1], round(sims[k], 4))
        for k, a in enumerate(articles)
    ]
    return pd.DataFrame(rows, columns=STORY_COLUMNS)


def story_label(number: int, n_stories: int) -> str:
    """The id of story ``number`` (from 1) of ``n_stories``: ``S001`` (wider past 999)."""
    return f"S{number:0{max(3, len(str(n_stories)))}d}"


def article_terms(article: Article) -> Counter[str]:
    """The article's weighted content words: ``{term: weight}``.

    Title words count ``TITLE_WEIGHT`` times. Words of a name (a capitalised word that does not
    merely start its sentence) count ``NAME_WEIGHT`` times, and each two-word name
    ("Kamal Yamamoto", "Cedar Falls") is a term of its own: names tell stories of one kind
    apart. Lower case, without stopwords, time words (``TIME_WORDS``: weekdays, months),
    numbers or one-letter words."""
    bag: Counter[str] = Counter()
    toks = [t for t in article_tokens(article) if t.is_word]
    prev_sent, prev_name = -1, None
    for t in toks:
        first = t.sent_id != prev_sent
        prev_sent = t.sent_id
        if first:
            prev_name = None
        word = t.norm.removesuffix("'s")
        capital = t.text[0].isupper() and not t.text.isupper()
        if not _content(word):
            prev_name = None
            continue
        is_name = capital and not first
        bag[word] += NAME_WEIGHT if is_name else 1
        if capital and prev_name is not None:
            bag[f"{prev_name} {word}"] += NAME_WEIGHT
        prev_name = word if capital else None
    if article.title:
        for raw_word in article.title.lower().replace("’", "'").split():
            word = raw_word.strip(".,:;!?\"'“”‘’()[]").removesuffix("'s")
            if _content(word):
                bag[word] += TITLE_WEIGHT
    return bag


def _content(word: str) -> bool:
    return (
        len(word) > 1 and word not in STOPWORDS and word not in TIME_WORDS and not word[0].isdigit()
    )


def term_index(bags: Sequence[Mapping[str, float]]) -> dict[str, int]:
    """The matrix column of every term of ``bags``: in order of first appearance, each
    article's new terms alphabetically (the order ``_tfidf`` numbers columns in)."""
    index: dict[str, int] = {}
    for bag in bags:
        for t in sorted(bag):
            index.setdefault(t, len(index))
    return index


def term_weights(
    bags: Sequence[Mapping[str, float]],
    column: Mapping[str, int],
    df: Mapping[str, int],
    n: int,
    n_columns: int,
):
    """Rows of the TF-IDF matrix for ``bags`` (``article_terms`` of some articles): columns
    from ``column``, document frequencies ``df`` over the ``n`` articles of the whole corpus
    (step 1 of the module doc), each row scaled to length 1; a ``len(bags) × n_columns``
    sparse matrix."""
    from scipy import sparse

    rows, cols, vals = [], [], []
    idf: dict[str, float] = {}
    for k, bag in enumerate(bags):
        for t in bag:
            if t not in idf:
                idf[t] = math.log((1 + n + BACKGROUND) / (1 + df[t])) ** IDF_POWER
        weights = {t: (1 + math.log(c)) * idf[t] for t, c in bag.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for t, w in weights.items():
            rows.append(k)
            cols.append(column[t])
            vals.append(w / norm)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(bags), max(n_columns, 1)))


def _tfidf(articles: list[Article]):
    bags = [article_terms(a) for a in articles]
    index = term_index(bags)
    df = Counter(t for bag in bags for t in bag)
    return term_weights(bags, index, df, len(articles), len(index))


def _candidates(matrix) -> list[tuple[int, int]]:
    """Article pairs ``(i, j)``, i < j, that share one of their heaviest telling terms.

    A telling term is used by at least two and at most ``CANDIDATE_MAX_DF`` articles (words
    half the corpus uses would pair everything with everything); each article offers its
    ``TOP_TERMS`` heaviest, or failing any, its ``TOP_TERMS`` heaviest of all. The cost is at
    most ``CANDIDATE_MAX_DF`` times the number of articles."""
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    rows, cols = top_terms(matrix, telling_terms(df))
    return pairs_sharing(rows, cols, matrix.shape)


def telling_terms(df: np.ndarray) -> np.ndarray:
    """Which columns are telling, from each column's document frequency over the corpus."""
    return (df >= 2) & (df <= CANDIDATE_MAX_DF)


def top_terms(matrix, telling: np.ndarray) -> tuple[list[int], list[int]]:
    """Each row's ``TOP_TERMS`` heaviest telling columns (or, failing any, heaviest of all;
    ties to the lower column), as parallel lists of rows and columns."""
    n = matrix.shape[0]
    rows, cols = [], []
    for k in range(n):
        lo, hi = matrix.indptr[k], matrix.indptr[k + 1]
        data, idx = matrix.data[lo:hi], matrix.indices[lo:hi]
        ok = telling[idx]
        if ok.any():
            data, idx = data[ok], idx[ok]
        top = idx[np.lexsort((idx, -data))[:TOP_TERMS]]
        rows.extend([k] * len(top))
        cols.extend(top.tolist())
    return rows, cols


def pairs_sharing(rows: Sequence[int], cols: Sequence[int], shape: tuple[int, int]):
    """Pairs ``(i, j)``, i < j, of rows that share a column (a sparse product, in blocks of
    ``BLOCK`` rows), sorted."""
    from scipy import sparse

    n = shape[0]
    top_m = sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=shape)
    top_t = top_m.T.tocsr()
    out: list[tuple[int, int]] = []
    for lo in range(0, n, BLOCK):
        block = (top_m[lo : lo + BLOCK] @ top_t).tocoo()
        x, y = block.row + lo, block.col
        keep = y > x
        out.extend(zip(x[keep].tolist(), y[keep].tolist(), strict=True))
    return sorted(out)


class _Group:
    """A group of articles: members, the sum of their unit vectors, and their dates."""

    __slots__ = ("date", "members", "neighbours", "vector")

    def __init__(self, members: list[int], vector: dict[int, float], date: float | None):
        self.members = members
        self.vector = vector
        self.date = date  # mean ordinal of the dated members, or None
        self.neighbours: set[int] = set()


def _date_factor(a: float | None, b: float | None, days: float) -> float:
    if a is None or b is None:
        return 1.0
    gap = abs(a - b)
    return 1.0 if gap <= days else 0.5 ** ((gap - days) / days)


def _dot(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _average_linkage(
    matrix, dates: list[dt.date | None], pairs: list[tuple[int, int]], threshold: float, days: float
) -> list[list[int]]:
    """Average-linkage clusters of the articles, merging only along candidate pairs.

    The mean cosine between two groups of unit vectors is the dot product of their sums over
    the product of their sizes, so it is exact however few pairs were candidates. It is
    discounted by the gap between the groups' mean dates (``_date_factor``)."""
    n = matrix.shape[0]
    groups: dict[int, _Group] = {}
    for k in range(n):
        lo, hi = matrix.indptr[k], matrix.indptr[k + 1]
        vec = dict(zip(matrix.indices[lo:hi].tolist(), matrix.data[lo:hi].tolist(), strict=True))
        d = dates[k]
        groups[k] = _Group([k], vec, float(d.toordinal()) if d is not None else None)
    for i, j in pairs:
        groups[i].neighbours.add(j)
        groups[j].neighbours.add(i)

    def score(a: int, b: int) -> float:
        ga, gb = groups[a], groups[b]
        mean = _dot(ga.vector, gb.vector) / (len(ga.members) * len(gb.members))
        return mean * _date_factor(ga.date, gb.date, days)

    heap = []
    for i, j in pairs:
        s = score(i, j)
        if s >= threshold:
            heap.append((-s, i, j))
    heapq.heapify(heap)
    next_id = n
    while heap:
        _, a, b = heapq.heappop(heap)
        if a not in groups or b not in groups:
            continue  # stale: one of the groups has merged since
        ga, gb = groups.pop(a), groups.pop(b)
        vector = dict(ga.vector)
        for t, w in gb.vector.items():
            vector[t] = vector.get(t, 0.0) + w
        dated = [(g.date, sum(dates[m] is not None for m in g.members)) for g in (ga, gb)]
        weight = sum(c for d, c in dated if d is not None)
        date = sum(d * c for d, c in dated if d is not None) / weight if weight else None
        merged = _Group(sorted(ga.members + gb.members), vector, date)
        c = next_id
        next_id += 1
        groups[c] = merged
        merged.neighbours = {x for x in ga.neighbours | gb.neighbours if x in groups and x != c}
        for other in merged.neighbours:
            og = groups[other]
            og.neighbours.discard(a)
            og.neighbours.discard(b)
            og.neighbours.add(c)
            s = score(c, other)
            if s >= threshold:
                heapq.heappush(heap, (-s, min(c, other), max(c, other)))
    return [g.members for g in groups.values()]


def _centre_similarity(matrix, groups: list[list[int]]) -> list[float]:
    """Each article's mean cosine to the other articles of its group (1.0 when alone)."""
    out = [1.0] * matrix.shape[0]
    for members in groups:
        if len(members) < 2:
            continue
        sub = matrix[members]
        total = np.asarray(sub.sum(axis=0)).ravel()
        own = np.asarray(sub @ total).ravel()
        for k, v in zip(members, own.tolist(), strict=True):
            out[k] = (v - 1.0) / (len(members) - 1)
    return out


@lru_cache(maxsize=8)
def _default_stories(articles: tuple[Article, ...]) -> Mapping[str, str]:
    """``stories(articles)`` with default options, as a mapping; cached, since a notebook asks
    the same corpus for its stories once per analysis."""
    frame = stories(articles)
    return MappingProxyType(dict(zip(frame["article_id"], frame["story_id"], strict=True)))


# story_map's key for an article without a story: a story of its own, never a real id.
_OWN_STORY = "\x00"


def story_map(
    corpus: Iterable[Article],
    assigned: Stories = None,
    *,
    across_stories: bool = False,
) -> dict[str, str]:
    """The story of every article, as cross-article analyses use it: ``{article_id: story}``.

    ``across_stories=True``: one story for all (every article may be paired with any other).
    Otherwise ``assigned`` (``newskit.stories`` output or ``{article_id: story_id}``) when given,
    else the story ids the articles carry (``Corpus.with_stories``), else
    ``newskit.stories(corpus)``. An article without a story is a story of its own.
    """
    articles = list(corpus)
    if across_stories:
        return {a.id: "all" for a in articles}
    if assigned is None:
        if any(a.story_id is not None for a in articles):
            mapping: Mapping[str, str | None] = {a.id: a.story_id for a in articles}
        else:
            mapping = _default_stories(tuple(articles))
    elif isinstance(assigned, pd.DataFrame):
        mapping = dict(zip(assigned["article_id"], assigned["story_id"], strict=True))
    else:
        mapping = assigned
    out = {}
    for a in articles:
        sid = mapping.get(a.id)
        out[a.id] = f"{_OWN_STORY}{a.id}" if sid is None or pd.isna(sid) else str(sid)
    return out


def assigned_story(sid: str) -> str | None:
    """A ``story_map`` value as output shows it: the story id, or ``None`` for an article that
    has no story (``story_map`` keys it as a story of its own)."""
    return None if sid.startswith(_OWN_STORY) else sid


def within_stories(
    pairs: pd.DataFrame, story: Mapping[str, str], *, a: str = "a_id", b: str = "b_id"
) -> pd.DataFrame:
    """The rows of ``pairs`` (e.g. ``newskit.align`` output) whose two articles (columns ``a``
    and ``b``) are in one story of ``story`` (``story_map`` output); columns unchanged, also
    when no row is left."""
    same = [story.get(x) == story.get(y) for x, y in zip(pairs[a], pairs[b], strict=True)]
    return pairs.loc[np.asarray(same, dtype=bool)]
