"""Whole stories in parts of about equal work: how cross-article analyses run in processes.

An analysis that only pairs articles of one story (``newskit.align``) gives the same rows on a
corpus as on each of its stories apart, so it can run on parts made of whole stories, one part
per worker task. ``story_parts`` makes those parts: stories go, largest first, to the part with
the least work so far, where a story of ``n`` articles weighs ``n * (n - 1) / 2`` pairs plus
``n`` (its own per-article work); each part keeps corpus order.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from newskit.corpus.records import Article
from newskit.parallel import CHUNKS_PER_WORKER, map_articles, resolve_jobs


def story_parts(
    articles: Sequence[Article], story: Mapping[str, str], n_parts: int
) -> list[list[Article]]:
    """``articles`` cut into at most ``n_parts`` lists of whole stories (``story``:
    ``{article_id: story}``, e.g. ``story_map`` output), balanced by pairs per story, each in
    corpus order; empty parts are left out."""
    members: dict[str, list[int]] = {}
    for k, a in enumerate(articles):
        members.setdefault(story[a.id], []).append(k)
    n_parts = max(1, min(n_parts, len(members)))
    load = [(0, p) for p in range(n_parts)]
    chosen: list[list[int]] = [[] for _ in range(n_parts)]
    by_size = sorted(members.values(), key=lambda ks: (-len(ks), ks[0]))
    for ks in by_size:
        work, p = heapq.heappop(load)
        chosen[p].extend(ks)
        n = len(ks)
        heapq.heappush(load, (work + n * (n - 1) // 2 + n, p))
    return [[articles[k] for k in sorted(ks)] for ks in chosen if ks]


def in_story_parts(
    func: Callable[[list[Article]], pd.DataFrame],
    articles: Sequence[Article],
    story: Mapping[str, str],
    n_jobs: int,
    *,
    desc: str = "",
    order_by: Sequence[str] = ("a_id", "b_id"),
    ids: Sequence[str] = ("a_id", "b_id"),
    n_parts: int | None = None,
) -> pd.DataFrame:
    """``func`` (an analysis of article pairs within stories: articles in, a frame out) run on
    ``story_parts`` of ``articles`` in ``n_jobs`` processes, the frames joined in the order
    ``func(articles)`` gives them: sorted (stably) by the columns ``order_by``, where the
    article id columns ``ids`` sort by corpus position. Columns and dtypes are the parts'.
    ``n_parts``: how many parts (default ``CHUNKS_PER_WORKER`` per process); more parts than
    processes run one after another, so that each holds only its part's data at a time."""
    parts = story_parts(articles, story, n_parts or resolve_jobs(n_jobs) * CHUNKS_PER_WORKER)
    if len(parts) <= 1:
        return func(list(articles))
    frames = map_articles(func, parts, n_jobs=n_jobs, desc=desc, unit="part")
    filled = [f for f in frames if len(f)]  # an empty frame's columns have no dtype to join
    if not filled:
        return frames[0]
    out = pd.concat(filled, ignore_index=True)
    if len(filled) > 1:
        position = {x.id: k for k, x in enumerate(articles)}
        keys = [
            out[c].map(position).to_numpy() if c in ids else out[c].to_numpy() for c in order_by
        ]
        out = out.iloc[np.lexsort(keys[::-1])].reset_index(drop=True)
    return out
