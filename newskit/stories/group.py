"""Which articles tell the same story: ``stories(corpus) -> DataFrame``, one row per article.

Lexical, no model, deterministic. The grouping is a chain of pure steps; each step's input and
output are plain values (term bags, counts, a sparse matrix, index pairs, floats), so the chain
can run in one process (``stories``) or be spread over workers, step by step, and give the same
stories. The combinable steps say how to combine parts.

1. **Terms** ``article_terms(article) -> Counter[str]``, per article. Content words of the title
   and cleaned text (``newskit.corpus.segment`` tokens, lower case, without stopwords, time
   words, numbers and one-letter words). Title words count ``TITLE_WEIGHT`` times; a word
   inside a name (capitalised, not merely starting its sentence) ``NAME_WEIGHT`` times, and
   each two-word name ("Kamal Yamamoto") is a term of its own.
2. **Document frequencies** ``document_frequencies(bags) -> Counter[str]``: in how many
   articles each term occurs. Combine parts by adding their counters.
3. **Term weights** ``term_weights(df, n_articles) -> {term: idf}``, once for the corpus, from
   the combined counts: ``idf = log((1 + N + BACKGROUND) / (1 + df + BACKGROUND * share))
   ** IDF_POWER`` (at least 0), where ``share`` is the share of general English news articles
   that contain the word (``wordfreq_adapter.general_share``). IDF is computed as if the corpus
   also held ``BACKGROUND`` articles of general news: in a corpus of five articles on one story
   the words they share still weigh something, and everyday words (*said*, *workers*, *plant*)
   weigh little however few articles of the corpus use them, so names and places weigh most.
4. **Vectors** ``term_vectors(bags, idf, vocabulary) -> csr_matrix``, per article (rows can be
   made in parts and stacked): weights ``(1 + log tf) * idf``, each row scaled to length 1.
   ``vocabulary`` is ``{term: column}`` over the sorted terms of the whole corpus
   (``vocabulary_of(df)``), so every part numbers columns alike. ``stories`` has its workers
   send each part's bags coded (``coded_terms``: a few arrays and one string per distinct
   term), joins them (``combine_coded``) and builds the same matrix from arrays
   (``coded_vectors``).
5. **Candidate pairs** ``candidate_pairs(vectors, df_per_column) -> int array (k, 2)``, ``i <
   j``, sorted. Only articles sharing one of their ``TOP_TERMS`` heaviest *telling* terms (used
   by 2 to ``CANDIDATE_MAX_DF`` articles) can be grouped: per article its top terms, then all
   pairs within each term's list of articles (an inverted index: by term, in parts). Cost at
   most ``CANDIDATE_MAX_DF`` times the number of articles.
6. **Pair similarities** ``pair_similarities(vectors, pairs) -> float array``: the cosine of
   each candidate pair (row dot products; in parts by slices of pairs).
7. **Threshold** ``auto_threshold(pairs, sims, n_articles) -> float``: ``AUTO_RATIO`` times the
   median, over articles with a candidate, of each article's best similarity (how alike an
   article typically is to its closest match), kept within ``THRESHOLD_RANGE``. Generated
   articles of one story share whole sentences (best similarity about 0.85), real coverage
   shares names and facts (0.35–0.5): the threshold follows. Combine parts by taking each
   article's maximum over the parts' pairs, then the median.
8. **Linkage** ``link(n_articles, dates, pairs, sims, threshold, days, relative) -> groups``,
   one task over the whole corpus; it needs only the pairs, their similarities and the dates.
   Agglomerative clustering with average linkage along candidate pairs: the two groups with the
   highest score merge while it is at least ``threshold``. The score is the groups' mean
   similarity (their candidate pairs' similarities summed over the product of their sizes; a
   pair that is no candidate counts as 0, and so does one less alike than ``LINK_FLOOR`` times
   the threshold) times the date factor. Two groups of two or more
   articles merge only if their mean similarity is also at least ``relative`` times the
   geometric mean of their cohesions (a group's mean similarity within): two similar events (two
   earthquakes, two fights of one boxer) each hang together more tightly than they resemble
   each other, while two halves of one story look as much like each other as like themselves.
   **Dates**: where both groups have dated articles and the nearest dated articles of the two
   are more than ``days`` apart, the score halves for every further ``days`` (a story and its
   follow-ups within days stay one story; a second shooting weeks later is another story).
   Undated articles are grouped by content alone. Ties go to the lowest ids, so the result does
   not depend on how the earlier steps were split.
9. **Labels**: groups are numbered ``S001``, ``S002``, … by their first article in corpus
   order.

The defaults were set on real labelled news (``../shared/realnews``: ECB+ and Giveme5W1H, two
real sets of many outlets, one undated, one dated) and checked on generated corpora
(``newskit.synthetic``) and on the bundled seeds (one story); ``benchmarks/eval_stories.py``
prints B-cubed F1 on all of them, ``tests/test_stories.py`` holds them, and ``benchmarks/
bench_stories.py`` measures speed.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache, partial
from types import MappingProxyType
from typing import Literal, NamedTuple, Union

import numpy as np
import pandas as pd

from newskit.corpus.records import Article

# the tokeniser's own pattern and norm rules: step 1 reads words as ``tokens`` would
from newskit.corpus.segment import NORM_PAIRS, WORD_TOKEN_BODY, sentence_spans
from newskit.parallel import chunked, map_articles
from newskit.resources.abbreviations import ABBREVIATIONS
from newskit.resources.stopwords import STOPWORDS, TIME_WORDS
from newskit.stories.wordfreq_adapter import general_share

# What every cross-article analysis accepts as ``stories=``: ``newskit.stories`` output, a
# mapping ``{article_id: story_id}``, or None (use the ids the articles carry, or compute them).
Stories = Union[pd.DataFrame, Mapping[str, str | None], None]  # noqa: UP007
STORY_COLUMNS = ["article_id", "story_id", "n_articles", "similarity"]
# ``threshold="auto"``: this share of the corpus's typical best-match similarity …
AUTO_RATIO = 0.15
# … kept within these bounds.
THRESHOLD_RANGE = (0.03, 0.3)
# Two groups of 2+ articles merge only if they are this alike relative to their own cohesion.
DEFAULT_RELATIVE = 0.45
# Articles further apart than this many days count as less alike (halving every ``days``).
DEFAULT_DAYS = 7
# Title words count this many times.
TITLE_WEIGHT = 2
# Heaviest terms per article used to find candidate pairs.
TOP_TERMS = 50
# IDF is computed as if the corpus also held this many articles of general news.
BACKGROUND = 300
# IDF is raised to this power: words many stories share weigh less against names and places.
IDF_POWER = 1.5
# Weight of a word inside a name, and of a two-word name.
NAME_WEIGHT = 4
# Terms used by more articles than this do not propose candidate pairs.
CANDIDATE_MAX_DF = 50
# Rows multiplied at once when finding candidates; pairs whose similarity is computed at once.
BLOCK = 2000
PAIR_BLOCK = 20000
# Linkage leaves out candidate pairs less alike than this share of the threshold (they count
# as no candidate, 0): most candidate pairs of a large corpus are near-strangers (86% of 2.2
# million at 10,000 generated articles), each kept in two groups' link tables. Stories are
# the same with and without it on both real labelled sets, the seeds and generated corpora.
LINK_FLOOR = 0.25

_WORD_TOKEN = re.compile(WORD_TOKEN_BODY)  # the tokeniser's words


def stories(
    corpus: Iterable[Article],
    *,
    threshold: float | Literal["auto"] = "auto",
    days: float = DEFAULT_DAYS,
    relative: float = DEFAULT_RELATIVE,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """Group the articles of ``corpus`` into stories.

    Returns one row per article, in corpus order: ``article_id, story_id, n_articles,
    similarity``. ``story_id`` is ``"S001"``, ``"S002"``, … numbered by each story's first
    article in corpus order; ``n_articles`` is the size of the article's story; ``similarity``
    the article's mean similarity to the other articles of its story (1.0 for a story of one).
    The frame's ``attrs["threshold"]`` is the threshold used.

    ``threshold`` (0–1, or ``"auto"``: taken from the corpus, see ``auto_threshold``) sets the
    granularity: lower merges more. ``relative`` (0–1; 0 switches the rule off) keeps apart two
    groups that each hang together more tightly than they resemble each other. ``days``: how
    far apart a story's articles may be before their similarity is discounted (see the module
    docstring). ``n_jobs`` reads the articles' terms (step 1) and computes the pairs' similarities
    (step 6) in that many processes (``-1``: one per core); the stories are the same whatever
    it is.
    """
    if threshold != "auto" and not (isinstance(threshold, (int, float)) and 0 < threshold <= 1):
        raise ValueError(f"threshold must be 'auto' or in (0, 1], not {threshold!r}")
    if days <= 0:
        raise ValueError(f"days must be positive, not {days!r}")
    if not 0 <= relative <= 1:
        raise ValueError(f"relative must be in [0, 1], not {relative!r}")
    articles = list(corpus)
    n = len(articles)
    if n == 0:
        return pd.DataFrame(columns=STORY_COLUMNS)
    _, pairs, sims = similar_pairs(tuple(articles), n_jobs)
    used = auto_threshold(pairs, sims, n) if threshold == "auto" else float(threshold)
    groups = link(n, [a.date for a in articles], pairs, sims, used, days, relative)
    label = {}
    for gid, members in enumerate(sorted(groups, key=min), start=1):
        for k in members:
            label[k] = (gid, len(members))
    own = own_story_similarity(n, pairs, sims, groups).tolist()
    rows = [
        (a.id, story_label(label[k][0], len(groups)), label[k][1], round(own[k], 4))
        for k, a in enumerate(articles)
    ]
    out = pd.DataFrame(rows, columns=STORY_COLUMNS)
    out.attrs["threshold"] = round(used, 4)
    return out


def story_label(number: int, n_stories: int) -> str:
    """Story ``number`` (from 1) of ``n_stories`` as ``stories`` names it: ``"S001"``, zero-padded
    to at least three digits, all of one width."""
    return f"S{number:0{max(3, len(str(n_stories)))}d}"


def similar_pairs(articles: tuple[Article, ...], n_jobs: int = 1):
    """Steps 1–6 for a corpus (a tuple of articles): ``(vectors, candidate pairs, their
    similarities)``, a ``csr_matrix``, an int array ``(k, 2)`` and a float array ``(k,)``.
    Steps 1 and 6 run in ``n_jobs`` processes. Cached by the articles alone (``n_jobs`` does
    not change the result), since ``stories`` and ``story_diagnostics`` ask for the same corpus."""
    return _similar_pairs(articles, _Unkeyed(n_jobs))


class _Unkeyed:
    """A value handed through ``lru_cache`` without being part of the key: all compare equal."""

    __slots__ = ("value",)

    def __init__(self, value: int) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Unkeyed)

    def __hash__(self) -> int:
        return 0


@lru_cache(maxsize=4)
def _similar_pairs(articles: tuple[Article, ...], n_jobs: _Unkeyed):
    jobs = n_jobs.value
    parts = map_articles(
        coded_terms, chunked(articles, jobs), n_jobs=jobs, desc="story terms", unit="chunk"
    )
    vocabulary, coded = combine_coded(parts)
    counts = np.bincount(coded.columns, minlength=max(len(vocabulary), 1))
    idf = term_weights(
        dict(zip(vocabulary, counts[: len(vocabulary)].tolist(), strict=True)), len(articles)
    )
    weights = np.fromiter(idf.values(), dtype=np.float64, count=len(idf))
    matrix = coded_vectors(coded, weights, len(articles), len(vocabulary))
    pairs = candidate_pairs(matrix, counts.astype(np.int64))
    return matrix, pairs, pair_similarities(matrix, pairs, n_jobs=jobs)


class CodedTerms(NamedTuple):
    """``article_terms`` of consecutive articles as arrays: each article's number of terms
    (``lengths``), then term by term, in bag order, the term's column (``columns``) and weight
    (``counts``). The columns are positions in a list of terms given with it."""

    lengths: np.ndarray
    columns: np.ndarray
    counts: np.ndarray


def coded_terms(articles: Sequence[Article]) -> tuple[list[str], CodedTerms]:
    """``article_terms`` of ``articles``, coded: ``(terms, CodedTerms)`` with columns into
    ``terms`` (in order of first use). Step 1 for a part of the corpus: numbers and one string
    per distinct term, little to send back from a worker process."""
    index: dict[str, int] = {}
    lengths, columns, counts = [], [], []
    for a in articles:
        bag = article_terms(a)
        lengths.append(len(bag))
        columns.extend([index.setdefault(t, len(index)) for t in bag])
        counts.extend(bag.values())
    coded = CodedTerms(
        np.array(lengths, dtype=np.int64),
        np.array(columns, dtype=np.int64),
        np.array(counts, dtype=np.int64),
    )
    return list(index), coded


def combine_coded(parts: Sequence[tuple[list[str], CodedTerms]]) -> tuple[list[str], CodedTerms]:
    """``coded_terms`` of consecutive parts as one: ``(vocabulary, CodedTerms)``, the columns
    now those of ``vocabulary_of`` (the sorted terms of all parts)."""
    vocabulary = sorted(set().union(*(terms for terms, _ in parts)))
    column = {t: k for k, t in enumerate(vocabulary)}
    columns = []
    for terms, coded in parts:
        to_global = np.fromiter(map(column.__getitem__, terms), dtype=np.int64, count=len(terms))
        columns.append(to_global[coded.columns])
    empty = np.zeros(0, dtype=np.int64)
    return vocabulary, CodedTerms(
        np.concatenate([c.lengths for _, c in parts] or [empty]),
        np.concatenate(columns or [empty]),
        np.concatenate([c.counts for _, c in parts] or [empty]),
    )


def article_terms(article: Article) -> Counter[str]:
    """The article's weighted content words: ``{term: weight}``.

    Title words count ``TITLE_WEIGHT`` times. Words of a name (a capitalised word that does not
    merely start its sentence) count ``NAME_WEIGHT`` times, and each two-word name
    ("Kamal Yamamoto", "Cedar Falls") is a term of its own: names tell stories of one kind
    apart. Lower case, without stopwords, time words (``TIME_WORDS``: weekdays, months),
    numbers or one-letter words."""
    bag: Counter[str] = Counter()
    for words, norms in _sentence_words(article):
        prev_name = None
        for k, (text, norm) in enumerate(zip(words, norms, strict=True)):
            word = norm.removesuffix("'s")
            capital = text[0].isupper() and not text.isupper()
            if not _content(word):
                prev_name = None
                continue
            bag[word] += NAME_WEIGHT if capital and k else 1
            if capital and prev_name is not None:
                bag[f"{prev_name} {word}"] += NAME_WEIGHT
            prev_name = word if capital else None
    if article.title:
        for raw_word in article.title.lower().replace("’", "'").split():
            word = raw_word.strip(".,:;!?\"'“”‘’()[]").removesuffix("'s")
            if _content(word):
                bag[word] += TITLE_WEIGHT
    return bag


def _sentence_words(article: Article) -> Iterator[tuple[list[str], list[str]]]:
    """The word tokens of each sentence with words (the tokens of ``newskit.corpus.segment``
    whose ``is_word`` holds): their texts and norms, without the whole token table. Words are
    found by the tokeniser's own word patterns: a punctuation token never holds a word
    character, so words start where the tokeniser's do; a known abbreviation takes the period
    right after it unless that period ends the sentence; norms as ``segment`` makes them."""
    raw = article.raw
    for sent in sentence_spans(article):
        text = raw[sent.start : sent.end]
        words = _WORD_TOKEN.findall(text)
        if "_" in text:  # the one word character that is not alphanumeric: no is_word token
            words = [w for w in words if w[0].isalnum()]
        if not words:
            continue
        norms = _norms(words)
        if not ABBREVIATIONS.isdisjoint(norms):  # rare: look again, with offsets
            words = [_with_period(text, m) for m in _WORD_TOKEN.finditer(text)]
            words = [w for w in words if w[0].isalnum()]
            norms = _norms(words)
        yield words, norms


def _norms(words: list[str]) -> list[str]:
    joined = "\x00".join(words).lower()
    if not joined.isascii():
        for old, new in NORM_PAIRS:
            joined = joined.replace(old, new)
    return joined.split("\x00")


def _with_period(text: str, m: re.Match) -> str:
    """The word ``m`` of sentence ``text`` with the period right after it when it is a known
    abbreviation and that period is a token of its own that does not end the sentence."""
    word, end = m.group(), m.end()
    if (
        text.startswith(".", end)
        and not text.startswith("..", end)
        and word.lower() in ABBREVIATIONS
        and text[end + 1 :].strip()
    ):
        return word + "."
    return word


@lru_cache(maxsize=65536)
def _content(word: str) -> bool:
    return (
        len(word) > 1 and word not in STOPWORDS and word not in TIME_WORDS and not word[0].isdigit()
    )


def document_frequencies(bags: Iterable[Mapping[str, float]]) -> Counter[str]:
    """``{term: number of bags that hold it}``. Parts combine by adding their counters."""
    return Counter(t for bag in bags for t in bag)


def vocabulary_of(df: Mapping[str, int]) -> dict[str, int]:
    """``{term: column}`` over the sorted terms: the same columns however the corpus was split."""
    return {t: k for k, t in enumerate(sorted(df))}


def term_weights(df: Mapping[str, int], n_articles: int) -> dict[str, float]:
    """``{term: idf}`` from the corpus's document frequencies and size (see the module
    docstring, step 3)."""
    share = general_share(df)
    top = 1 + n_articles + BACKGROUND
    return {
        t: max(math.log(top / (1 + c + BACKGROUND * share[t])), 0.0) ** IDF_POWER
        for t, c in df.items()
    }


def term_vectors(
    bags: Sequence[Mapping[str, float]], idf: Mapping[str, float], vocabulary: Mapping[str, int]
):
    """One row per bag: ``(1 + log tf) * idf`` in the term's ``vocabulary`` column, scaled to
    length 1 (an all-zero row stays zero). A ``scipy.sparse.csr_matrix``."""
    terms = [t for bag in bags for t in bag]
    coded = CodedTerms(
        np.fromiter(map(len, bags), dtype=np.int64, count=len(bags)),
        np.fromiter(map(vocabulary.__getitem__, terms), dtype=np.int64, count=len(terms)),
        np.array([c for bag in bags for c in bag.values()], dtype=np.float64),
    )
    weights = np.zeros(len(vocabulary))
    for t in terms:
        weights[vocabulary[t]] = idf[t]
    return coded_vectors(coded, weights, len(bags), len(vocabulary))


def coded_vectors(coded: CodedTerms, idf: np.ndarray, n_rows: int, n_columns: int):
    """``term_vectors`` of coded bags (``CodedTerms``), ``idf`` by column: the same matrix.

    The arithmetic of a loop over each bag, term by term, on whole arrays: the same float
    operations (a product, a quotient) give the same bits, and each row's length is a Python
    ``sum`` of its squared weights in bag order, as that loop adds them."""
    from scipy import sparse

    shape = (n_rows, max(n_columns, 1))
    if not len(coded.columns):
        return sparse.csr_matrix(([], ([], [])), shape=shape)
    rows = np.repeat(np.arange(n_rows, dtype=np.int64), coded.lengths)
    weight = idf[coded.columns]
    keep = weight > 0
    distinct, at = np.unique(coded.counts[keep], return_inverse=True)
    tf = np.array([1 + math.log(c) for c in distinct.tolist()])
    rows, columns, w = rows[keep], coded.columns[keep], tf[at.ravel()] * weight[keep]
    squares = (w * w).tolist()
    bounds = np.searchsorted(rows, np.arange(n_rows + 1)).tolist()
    norms = np.array(
        [math.sqrt(sum(squares[lo:hi])) or 1.0 for lo, hi in itertools.pairwise(bounds)]
    )
    return sparse.csr_matrix((w / norms[rows], (rows, columns)), shape=shape)


def candidate_pairs(matrix, df_per_column: np.ndarray) -> np.ndarray:
    """Article pairs ``(i, j)``, ``i < j``, sorted, that share one of their heaviest telling
    terms: an int array of shape ``(k, 2)``.

    A telling term is used by at least two and at most ``CANDIDATE_MAX_DF`` articles
    (``df_per_column``: the document frequency of each column); each article offers its
    ``TOP_TERMS`` heaviest telling terms, or failing any its ``TOP_TERMS`` heaviest of all."""
    from scipy import sparse

    n = matrix.shape[0]
    rows, cols = top_terms(matrix, df_per_column)
    top_m = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=matrix.shape
    )
    top_t = top_m.T.tocsr()
    parts = []
    for lo in range(0, n, BLOCK):
        block = (top_m[lo : lo + BLOCK] @ top_t).tocoo()
        x, y = block.row + lo, block.col
        keep = y > x
        parts.append(np.stack([x[keep], y[keep]], axis=1))
    out = np.concatenate(parts) if parts else np.zeros((0, 2), dtype=np.int64)
    out = out.astype(np.int64)
    return out[np.lexsort((out[:, 1], out[:, 0]))]


def top_terms(matrix, df_per_column: np.ndarray) -> tuple[list[int], list[int]]:
    """Each row's ``TOP_TERMS`` heaviest telling columns (or, failing any, its heaviest of all;
    ties to the lower column), as parallel lists of rows and columns: the terms
    ``candidate_pairs`` pairs articles by. Rows can be taken in parts (with the corpus's
    ``df_per_column``)."""
    telling = (df_per_column >= 2) & (df_per_column <= CANDIDATE_MAX_DF)
    rows, cols = [], []
    for k in range(matrix.shape[0]):
        lo, hi = matrix.indptr[k], matrix.indptr[k + 1]
        data, idx = matrix.data[lo:hi], matrix.indices[lo:hi]
        ok = telling[idx]
        if ok.any():
            data, idx = data[ok], idx[ok]
        top = idx[np.lexsort((idx, -data))[:TOP_TERMS]]
        rows.extend([k] * len(top))
        cols.extend(top.tolist())
    return rows, cols


def pair_similarities(matrix, pairs: np.ndarray, *, n_jobs: int = 1) -> np.ndarray:
    """The cosine of each pair of rows of ``matrix`` (rows of length 1): a float array.
    ``n_jobs`` processes take ``PAIR_BLOCK`` pairs at a time; the same values."""
    blocks = [pairs[lo : lo + PAIR_BLOCK] for lo in range(0, len(pairs), PAIR_BLOCK)]
    sims = map_articles(
        partial(_block_similarities, matrix),
        blocks,
        n_jobs=n_jobs,
        desc="story similarities",
        unit="block",
    )
    return np.concatenate(sims) if sims else np.zeros(0)


def _block_similarities(matrix, pairs: np.ndarray) -> np.ndarray:
    prod = matrix[pairs[:, 0]].multiply(matrix[pairs[:, 1]])
    return np.asarray(prod.sum(axis=1), dtype=np.float64).ravel()


def best_similarities(pairs: np.ndarray, sims: np.ndarray, n_articles: int) -> np.ndarray:
    """Each article's highest similarity over its candidate pairs (NaN for an article with
    none). Parts combine by taking the maximum."""
    best = np.full(n_articles, -np.inf)
    if len(pairs):
        np.maximum.at(best, pairs[:, 0], sims)
        np.maximum.at(best, pairs[:, 1], sims)
    best[np.isneginf(best)] = np.nan
    return best


def auto_threshold(pairs: np.ndarray, sims: np.ndarray, n_articles: int) -> float:
    """``AUTO_RATIO`` × the median best similarity of the articles that have a candidate pair,
    within ``THRESHOLD_RANGE`` (its upper end when no article has one)."""
    return threshold_from_best(best_similarities(pairs, sims, n_articles))


def threshold_from_best(best: np.ndarray) -> float:
    """``auto_threshold`` from the articles' best similarities (NaN for an article without a
    candidate pair); parts of a corpus give theirs, concatenated."""
    best = best[~np.isnan(best)]
    lo, hi = THRESHOLD_RANGE
    if not len(best):
        return hi
    return float(min(max(AUTO_RATIO * float(np.median(best)), lo), hi))


class _Group:
    """A group of articles: its members, the summed similarity of its candidate pairs, the
    first and last date of its dated members, and its summed similarity to each neighbour."""

    __slots__ = ("first", "last", "links", "members", "within")

    def __init__(self, members: list[int], within: float, first: float | None, last: float | None):
        self.members = members
        self.within = within
        self.first = first
        self.last = last
        self.links: dict[int, float] = {}

    def cohesion(self) -> float:
        """Mean similarity of two different members (NaN for one article)."""
        n = len(self.members)
        return 2 * self.within / (n * (n - 1)) if n > 1 else math.nan


def date_factor(gap: float | None, days: float) -> float:
    """What a similarity is multiplied by when the nearest dated articles of two groups are
    ``gap`` days apart: 1 up to ``days``, then halved for every further ``days`` (1 when either
    group has no date)."""
    if gap is None or gap <= days:
        return 1.0
    return 0.5 ** ((gap - days) / days)


def date_gap(a_first, a_last, b_first, b_last) -> float | None:
    """Days between the nearest dates of two spans ``[first, last]`` (day ordinals; 0 when they
    overlap, None when either has no date)."""
    if a_first is None or b_first is None:
        return None
    return float(max(0.0, b_first - a_last, a_first - b_last))


def link(
    n_articles: int,
    dates: Sequence[dt.date | None],
    pairs: np.ndarray,
    sims: np.ndarray,
    threshold: float,
    days: float = DEFAULT_DAYS,
    relative: float = DEFAULT_RELATIVE,
) -> list[list[int]]:
    """Average-linkage groups of articles ``0 … n_articles - 1`` from their candidate ``pairs``
    and the pairs' similarities ``sims``: a list of member lists (each ascending).

    See the module docstring, step 8. The similarity of two groups is the sum of their
    candidate pairs' similarities over the product of their sizes (a pair that is no candidate
    counts as 0, as does one below ``LINK_FLOOR`` times ``threshold``), times ``date_factor`` of
    the gap between their nearest dated articles; two groups of two or more articles also need
    a mean similarity of at least ``relative`` times the geometric mean of their cohesions.
    Merges go best score first (ties: lowest ids) while the score is at least ``threshold``.
    Needs only pairs, similarities and dates, never the texts or vectors."""
    groups: dict[int, _Group] = {}
    for k in range(n_articles):
        d = dates[k]
        day = float(d.toordinal()) if d is not None else None
        groups[k] = _Group([k], 0.0, day, day)
    linked = sims >= LINK_FLOOR * threshold
    firsts_, seconds = pairs[linked, 0].tolist(), pairs[linked, 1].tolist()
    values = sims[linked].tolist()
    for i, j, s in zip(firsts_, seconds, values, strict=True):
        groups[i].links[j] = s
        groups[j].links[i] = s

    def score(ga: _Group, gb: _Group, total: float) -> float:
        mean = total / (len(ga.members) * len(gb.members))
        both = relative and len(ga.members) > 1 and len(gb.members) > 1
        if both and mean < relative * math.sqrt(max(ga.cohesion() * gb.cohesion(), 0.0)):
            return -1.0
        return mean * date_factor(date_gap(ga.first, ga.last, gb.first, gb.last), days)

    # A score is the groups' mean similarity times factors of at most 1 (or -1), so a pair whose
    # mean is below the threshold cannot qualify: only the others are scored (same heap).
    heap = []
    for i, j, s in zip(firsts_, seconds, values, strict=True):
        if s < threshold:
            continue
        s = score(groups[i], groups[j], s)
        if s >= threshold:
            heap.append((-s, i, j))
    heapq.heapify(heap)
    next_id = n_articles
    while heap:
        _, a, b = heapq.heappop(heap)
        if a not in groups or b not in groups:
            continue  # stale: one of the groups has merged since
        ga, gb = groups.pop(a), groups.pop(b)
        firsts = [g.first for g in (ga, gb) if g.first is not None]
        lasts = [g.last for g in (ga, gb) if g.last is not None]
        merged = _Group(
            sorted(ga.members + gb.members),
            ga.within + gb.within + ga.links[b],
            min(firsts) if firsts else None,
            max(lasts) if lasts else None,
        )
        c = next_id
        next_id += 1
        links = dict(ga.links)
        for other, s in gb.links.items():
            links[other] = links.get(other, 0.0) + s
        links.pop(a, None)
        links.pop(b, None)
        merged.links = links
        groups[c] = merged
        size = len(merged.members)
        for other in sorted(links):
            og = groups[other]
            og.links.pop(a, None)
            og.links.pop(b, None)
            total = og.links[c] = links[other]
            if total / (size * len(og.members)) < threshold:
                continue  # its mean, an upper bound of its score, is already too low
            s = score(merged, og, total)
            if s >= threshold:
                heapq.heappush(heap, (-s, min(c, other), max(c, other)))
    return [g.members for g in groups.values()]


def own_story_similarity(
    n_articles: int, pairs: np.ndarray, sims: np.ndarray, groups: list[list[int]]
) -> np.ndarray:
    """Each article's mean similarity to the other articles of its group (candidate pairs; a
    pair that is no candidate counts as 0), 1.0 for an article alone."""
    group_of = np.zeros(n_articles, dtype=np.int64)
    size = np.ones(n_articles)
    for g, members in enumerate(groups):
        group_of[members] = g
        size[members] = len(members)
    total = np.zeros(n_articles)
    if len(pairs):
        same = group_of[pairs[:, 0]] == group_of[pairs[:, 1]]
        np.add.at(total, pairs[same, 0], sims[same])
        np.add.at(total, pairs[same, 1], sims[same])
    return np.where(size > 1, total / np.maximum(size - 1, 1), 1.0)


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
