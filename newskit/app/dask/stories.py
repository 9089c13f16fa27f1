"""Stories on a Dask cluster: ``distributed_stories(run, parts)``, equal to ``newskit.stories``
on the whole corpus.

(Interim: one task over every part's articles; replaced by the per-step version below.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from newskit.app.dask import work
from newskit.corpus import Corpus
from newskit.stories import stories


@dataclass
class FoundStories:
    """Where the stories are: ``rows`` (per load part, futures of its rows of the stories
    table, in order), ``partition_of`` (a future of ``{story_id: story partition}``),
    ``n_partitions``, and ``df`` (a future of the corpus's ``article_terms`` document
    frequencies, which the story table weighs terms with)."""

    rows: list[Any]
    partition_of: Any
    n_partitions: int
    df: Any


def distributed_stories(run: Any, parts: list[Any]) -> FoundStories:
    """The stories of the corpus whose load parts are ``parts`` (futures of article lists)."""
    counts = run.counts
    whole = run.submit(_whole, run.opts.threshold, run.opts.days, *parts, stage="stories", i="all")
    starts = [0]
    for n in counts:
        starts.append(starts[-1] + n)
    rows = [
        run.submit(_slice, whole, starts[k], starts[k + 1], stage="story-rows", i=k)
        for k in range(len(parts))
    ]
    partition_of = run.submit(_pack, whole, run.story_part_size, stage="pack", i=0)
    n = run.gather([run.submit(_n_partitions, partition_of, stage="pack-n", i=0)], "stories")[0]
    df = run.tree(work.add_counters, run.map(work.terms_df, parts, stage="df"), "df")
    return FoundStories(rows, partition_of, n, df)


def _whole(threshold: float, days: float, *parts: list) -> pd.DataFrame:
    return stories(Corpus(a for p in parts for a in p), threshold=threshold, days=days)


def _slice(frame: pd.DataFrame, lo: int, hi: int) -> pd.DataFrame:
    return frame.iloc[lo:hi].reset_index(drop=True)


def pack(sizes: list[int], capacity: int) -> list[int]:
    """Story partitions for stories of ``sizes`` (in story order): consecutive stories fill a
    partition up to ``capacity`` articles; a story larger than that is a partition of its own."""
    out, current, filled = [], 0, 0
    for size in sizes:
        if filled and filled + size > capacity:
            current, filled = current + 1, 0
        out.append(current)
        filled += size
    return out


def _pack(frame: pd.DataFrame, capacity: int) -> dict[str, int]:
    sizes = frame.groupby("story_id", sort=True)["n_articles"].first()
    return dict(zip(sizes.index, pack(sizes.tolist(), capacity), strict=True))


def _n_partitions(partition_of: dict[str, int]) -> int:
    return max(partition_of.values()) + 1 if partition_of else 0
