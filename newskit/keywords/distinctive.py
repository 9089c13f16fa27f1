"""Distinctive terms: which words and phrases set one group of articles apart from the rest.

``distinctive_terms`` computes, for every group (outlet, article, or any grouping you give) and
every term it uses, the weighted log-odds ratio with an informative Dirichlet prior of Monroe,
Colaresi & Quinn (2008, "Fightin' Words", *Political Analysis* 16(4)), comparing the group with
all other groups together. Any number of groups ≥ 2 works.

For term ``w``, group ``i`` and the rest ``j`` (``y`` counts, ``n`` total term counts, ``α_w``
the prior count of ``w`` and ``α0`` the sum of all prior counts)::

    δ_w = log((y_iw + α_w) / (n_i + α0 - y_iw - α_w)) - log((y_jw + α_w) / (n_j + α0 - y_jw - α_w))
    σ²_w ≈ 1 / (y_iw + α_w) + 1 / (y_jw + α_w)
    z_w = δ_w / σ_w

The prior is informative: ``α_w = α0 · (count of w in the whole corpus) / (all term counts)``,
so it shrinks rare terms towards "no difference". By default ``α0`` is the corpus size, which
makes ``α_w`` the term's corpus count.

How to read ``z``: it is the log-odds difference in units of its standard error. Positive ``z``
means the group uses the term more than the other groups do, negative less. ``|z| > 1.96`` is
the usual two-sided 5 % threshold for a single term; since every term is tested, expect a few
such values by chance in a large vocabulary, and read the top of each group's list as the terms
most particular to it rather than as proof. ``log_odds`` (δ, natural log) is the size of the
difference; ``z`` also weighs how much evidence (how many uses) stands behind it, so a term
used once ranks below one used five times with the same ratio.

House style is told apart from content. A term is ``kind="style"`` when one of its words is a
courtesy title (``HONORIFICS``: "mr.", "ms. pelosi"), a wire name or credit word
(``HOUSE_STYLE_WORDS``: "reuters reported") or a word of an outlet's own name (any outlet of
the corpus: "bloomberg", "kurdistan24"), or when the whole term is a style spelling
(``HOUSE_STYLE_TERMS``: "a.m.", "u.s.", "per cent"); every other term is ``"content"``. The
lists live in ``newskit.resources.stopwords``. ``style="separate"`` (the default) lists each
group's content terms first, then its style terms; ``"include"`` ranks them together;
``"only"`` lists only the style terms.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from newskit.corpus.records import Article
from newskit.corpus.segment import article_tokens
from newskit.errors import CorpusError
from newskit.resources.stopwords import (
    HONORIFICS,
    HOUSE_STYLE_TERMS,
    HOUSE_STYLE_WORDS,
    LY_WORDS,
    STOPWORDS,
    TIME_WORDS,
    VERB_FRAGMENTS,
    WEAK_MODIFIERS,
)

DISTINCTIVE_COLUMNS = ["group", "term", "log_odds", "z", "count_in", "count_out", "kind"]
_NORM = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})

By = Literal["outlet", "article"]
Style = Literal["separate", "include", "only"]
_NAME_SPLIT = re.compile(r"[^\w.'-]+")


def distinctive_terms(
    corpus: Iterable[Article],
    by: By | Mapping[str, str] | Callable[[Article], str] = "outlet",
    *,
    ngram: tuple[int, int] = (1, 2),
    prior: float | None = None,
    min_count: int = 1,
    stopwords: Iterable[str] | None = None,
    style: Style = "separate",
) -> pd.DataFrame:
    """Weighted log-odds (Monroe et al. 2008) of each term in each group against all others.

    ``by``: ``"outlet"`` (an article without outlet is its own group), ``"article"``, a mapping
    article id → group, or a function of the article. ``ngram``: smallest and largest n-gram
    size; n-grams stay inside a sentence, skip punctuation, and neither start nor end with a
    stopword (``newskit.resources.stopwords``, or ``stopwords``), a time word or a bare number.
    ``prior``: the prior's total ``α0`` (default: the corpus's term count). ``min_count``: the
    least uses in the group for a term to be listed. ``style``: ``"separate"`` lists each
    group's content terms before its house-style terms (honorifics, wire and outlet names,
    style tokens), ``"include"`` ranks all together, ``"only"`` keeps the style terms.

    Returns ``group, term, log_odds, z, count_in, count_out, kind``: one row per group and term
    the group uses, groups in corpus order, each group's terms by ``z`` (highest first; with
    ``"separate"``, content terms first), ties by term. ``count_in`` counts uses in the group,
    ``count_out`` in all other groups; ``kind`` is ``"content"`` or ``"style"``. See the
    module doc for how to read ``z`` and which terms are style.
    """
    if style not in ("separate", "include", "only"):
        raise ValueError(f"style must be 'separate', 'include' or 'only', not {style!r}")
    found = term_counts(corpus, by, ngram=ngram, stopwords=stopwords)
    counts = found.counts
    if len(counts) < 2:
        raise CorpusError(
            f"distinctive_terms needs at least two groups, found {len(counts)} "
            f"({', '.join(map(str, counts)) or 'none'}); load more outlets or group by article"
        )
    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    sizes = {g: sum(c.values()) for g, c in counts.items()}
    rows = distinctive_rows(
        counts, total, sizes, found.style_words, prior=prior, min_count=min_count
    )
    return distinctive_frame(rows, list(counts), style)


@dataclass
class TermCounts:
    """Step 1 of ``distinctive_terms``: each group's term counts (``counts``, groups in order of
    their first article) and the words of the outlets' names (``style_words``). Parts of a
    corpus merge in corpus order (``merge``), as ``newskit.app.dask`` does."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    style_words: set[str] = field(default_factory=set)

    def merge(self, other: TermCounts) -> TermCounts:
        """This and a later part's counts as one."""
        out = TermCounts({g: Counter(c) for g, c in self.counts.items()}, set(self.style_words))
        for g, c in other.counts.items():
            out.counts.setdefault(g, Counter()).update(c)
        out.style_words |= other.style_words
        return out


def term_counts(
    corpus: Iterable[Article],
    by: By | Mapping[str, str] | Callable[[Article], str] = "outlet",
    *,
    ngram: tuple[int, int] = (1, 2),
    stopwords: Iterable[str] | None = None,
) -> TermCounts:
    """Step 1 of ``distinctive_terms`` (same ``by``, ``ngram``, ``stopwords``): the n-gram
    counts of each group of ``corpus`` and the style words its outlets' names add."""
    lo, hi = ngram
    if lo < 1 or hi < lo:
        raise ValueError(f"ngram must be (min, max) with 1 <= min <= max, not {ngram}")
    stop = frozenset(STOPWORDS if stopwords is None else (w.lower() for w in stopwords))
    stop = stop | TIME_WORDS | VERB_FRAGMENTS | WEAK_MODIFIERS
    group_of = _grouper(by)
    out = TermCounts()
    for article in corpus:
        if article.outlet:
            out.style_words.update(w.strip(".'") for w in _NAME_SPLIT.split(article.outlet.lower()))
        g = group_of(article)
        out.counts.setdefault(g, Counter()).update(_terms(article, lo, hi, stop))
    return out


def distinctive_rows(
    counts: Mapping[str, Counter[str]],
    total: Mapping[str, int],
    sizes: Mapping[str, int],
    style_words: Iterable[str],
    *,
    prior: float | None = None,
    min_count: int = 1,
) -> list[tuple]:
    """Step 2: the rows (``DISTINCTIVE_COLUMNS``) of the terms in ``counts`` (group → term
    counts, possibly only some terms), given every term's count over all groups (``total``)
    and every group's number of term uses (``sizes``, over all terms)."""
    n_total = sum(sizes.values())
    if n_total == 0:
        raise CorpusError("the articles have no countable terms (only stopwords or numbers)")
    a0 = float(n_total if prior is None else prior)
    if a0 <= 0:
        raise ValueError(f"prior must be positive, not {prior}")
    style = set(HOUSE_STYLE_WORDS) | {h + "." for h in HONORIFICS} | set(HONORIFICS)
    style |= set(style_words)
    style.discard("")
    rows = []
    for g, c in counts.items():
        n_i = sizes[g]
        n_j = n_total - n_i
        for term, y_i in c.items():
            if y_i < min_count:
                continue
            y_j = total[term] - y_i
            alpha = a0 * total[term] / n_total
            delta, z = _log_odds(y_i, y_j, n_i, n_j, alpha, a0)
            kind = "style" if _is_style(term, style) else "content"
            rows.append((g, term, delta, z, y_i, y_j, kind))
    return rows


def distinctive_frame(rows: list[tuple], groups: Sequence[str], style: Style) -> pd.DataFrame:
    """Step 3: ``distinctive_terms``'s frame from its rows, groups in the order of ``groups``."""
    df = pd.DataFrame(rows, columns=DISTINCTIVE_COLUMNS)
    if style == "only":
        df = df[df["kind"] == "style"]
    df = df.astype({"log_odds": "float64", "z": "float64", "count_in": "int64"})
    df = df.astype({"count_out": "int64"})
    order = {g: i for i, g in enumerate(groups)}
    df = (
        df.assign(
            _g=df["group"].map(order),
            _k=(df["kind"] == "style") if style == "separate" else False,
        )
        .sort_values(["_g", "_k", "z", "term"], ascending=[True, True, False, True], kind="stable")
        .drop(columns=["_g", "_k"])
    )
    return df.reset_index(drop=True)


def _log_odds(
    y_i: float, y_j: float, n_i: float, n_j: float, alpha: float, a0: float
) -> tuple[float, float]:
    """Monroe et al.'s δ and z for one term (see the module doc)."""
    delta = math.log((y_i + alpha) / (n_i + a0 - y_i - alpha)) - math.log(
        (y_j + alpha) / (n_j + a0 - y_j - alpha)
    )
    var = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
    return delta, delta / math.sqrt(var)


def _grouper(by: By | Mapping[str, str] | Callable[[Article], str]) -> Callable[[Article], str]:
    if by == "outlet":
        return lambda a: a.outlet or a.id
    if by == "article":
        return lambda a: a.id
    if isinstance(by, Mapping):
        mapping = dict(by)

        def lookup(a: Article) -> str:
            if a.id not in mapping:
                raise CorpusError(
                    "the grouping has no entry for this article; map every article id to a group",
                    file=a.source or a.id,
                )
            return str(mapping[a.id])

        return lookup
    if callable(by):
        return lambda a: str(by(a))
    raise ValueError(f"by must be 'outlet', 'article', a mapping or a function, not {by!r}")


def _key(word: str) -> str:
    w = word.translate(_NORM).lower()
    return w[:-2] if w.endswith("'s") and len(w) > 2 else w


def _edge_ok(key: str, stop: frozenset[str]) -> bool:
    if key in stop or "'" in key or not any(c.isalpha() for c in key):
        return False
    return not (len(key) > 4 and key.endswith("ly") and key not in LY_WORDS)  # adverbs


def _terms(article: Article, lo: int, hi: int, stop: frozenset[str]) -> list[str]:
    """The article's n-grams (``lo``..``hi`` words) as space-joined keys."""
    out: list[str] = []
    run: list[str] = []
    prev_sent = -1

    def flush() -> None:
        for n in range(lo, hi + 1):
            for i in range(len(run) - n + 1):
                gram = run[i : i + n]
                if _edge_ok(gram[0], stop) and _edge_ok(gram[-1], stop):
                    out.append(" ".join(gram))

    for t in article_tokens(article):
        if t.sent_id != prev_sent or not t.is_word:
            flush()
            run = []
            prev_sent = t.sent_id
        if t.is_word:
            run.append(_key(t.text))
    flush()
    return out


def _is_style(term: str, style_words: set[str]) -> bool:
    """A term is house style when it is a style spelling on its own (``HOUSE_STYLE_TERMS``) or
    one of its words is a style word (honorific, wire or outlet name)."""
    return term in HOUSE_STYLE_TERMS or any(w in style_words for w in term.split())
