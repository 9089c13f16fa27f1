"""Document overlap: ``overlap_matrix(corpus) -> DataFrame`` of shared word n-grams.

Each article becomes the set of its word n-gram **shingles**: runs of ``n`` consecutive word
tokens (``newskit.corpus.segment`` tokens with a letter or digit), in their normalised form (lower
case, plain apostrophes and hyphens), never crossing a sentence boundary.

- ``containment`` (asymmetric): ``|S(A) ∩ S(B)| / |S(A)|``, read as "how much of A is in B".
- ``jaccard`` (symmetric): ``|S(A) ∩ S(B)| / |S(A) ∪ S(B)|``.

Only articles of the same story are compared (``newskit.stories``); cells for two articles of
different stories are NaN unless ``across_stories=True``. Each article's shingles are built
once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from newskit.corpus.records import Article
from newskit.corpus.segment import token_columns
from newskit.stories import Stories, story_map

OverlapMetric = Literal["containment", "jaccard"]


def shingles(article: Article, *, n: int = 3) -> frozenset[tuple[str, ...]]:
    """The article's word n-grams (normalised tokens, within sentences) as a set of tuples."""
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n!r}")
    by_sentence: dict[int, list[str]] = {}
    cols = token_columns(article)
    for sent_id, norm, is_word in zip(cols.sent_id, cols.norm, cols.is_word, strict=True):
        if is_word:
            by_sentence.setdefault(sent_id, []).append(norm.removesuffix("'s"))
    out = set()
    for words in by_sentence.values():
        out.update(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    return frozenset(out)


def overlap_matrix(
    corpus: Iterable[Article],
    *,
    n: int = 3,
    metric: OverlapMetric = "containment",
    stories: Stories = None,
    across_stories: bool = False,
) -> pd.DataFrame:
    """Square matrix of shingle overlap between every two articles of the same story.

    Rows (index ``a_id``) and columns (``b_id``) are article ids in corpus order; the value is
    ``metric`` of row article A against column article B: for ``containment`` the share of A's
    n-grams found in B. The diagonal is 1 for any article with at least one n-gram; an article
    too short to have an n-gram gets 0 everywhere. Two articles of different stories get NaN
    (not compared) unless ``across_stories=True``; ``stories``: ``newskit.stories`` output or
    ``{article_id: story_id}`` (None: the ids the articles carry, or computed).
    """
    if metric not in ("containment", "jaccard"):
        raise ValueError(f"metric must be 'containment' or 'jaccard', not {metric!r}")
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n!r}")
    articles = list(corpus)
    ids = [a.id for a in articles]
    story = story_map(articles, stories, across_stories=across_stories)
    sets = [shingles(a, n=n) for a in articles]
    values = np.full((len(articles), len(articles)), np.nan)
    groups: dict[str, list[int]] = {}
    for k, a in enumerate(articles):
        groups.setdefault(story[a.id], []).append(k)
    for members in groups.values():
        for i in members:
            sa = sets[i]
            for j in members:
                sb = sets[j]
                shared = len(sa & sb)
                if metric == "containment":
                    values[i, j] = shared / len(sa) if sa else 0.0
                else:
                    union = len(sa | sb)
                    values[i, j] = shared / union if union else 0.0
    out = pd.DataFrame(values, index=pd.Index(ids, name="a_id"), columns=pd.Index(ids, name="b_id"))
    return out.astype(float)
