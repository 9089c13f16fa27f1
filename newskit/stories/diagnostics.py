"""How sure the grouping is: ``story_diagnostics`` gives each story its cohesion and its nearest
other story, so a reader sees which stories hang together loosely and which two "may be one
story".

It scores any grouping of the corpus (``newskit.stories`` output, a hand-edited table, or the
ids the articles carry) with the similarities ``newskit.stories`` itself uses: the candidate
pairs of ``newskit.stories.group`` (steps 1–6) and their cosines, a pair that is no candidate
counting as 0. Fixing the grouping by hand: export ``newskit.stories(corpus)`` (``to_csv``),
edit its ``story_id`` column, read it back (``pd.read_csv(path, dtype=str)``) and pass it to
``corpus.with_stories``; then run ``story_diagnostics`` again.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from newskit.corpus.records import Article
from newskit.stories.group import (
    DEFAULT_RELATIVE,
    Stories,
    assigned_story,
    auto_threshold,
    date_gap,
    similar_pairs,
    story_map,
)

DIAGNOSTIC_COLUMNS = [
    "story_id",
    "n_articles",
    "cohesion",
    "nearest_story",
    "nearest_similarity",
    "days_apart",
    "note",
]
# A story "may be one story" with its nearest when their mean similarity reaches the grouping's
# threshold and this share of what the relative rule asks (``relative`` × the geometric mean of
# their cohesions): near enough to the merge rule that a reader should look.
CLOSE = 0.8


def story_diagnostics(
    corpus: Iterable[Article],
    stories: Stories = None,
    *,
    threshold: float | Literal["auto"] = "auto",
    relative: float = DEFAULT_RELATIVE,
) -> pd.DataFrame:
    """One row per story: how tightly it hangs together and which other story is closest.

    ``stories``: ``newskit.stories(corpus)`` output or ``{article_id: story_id}``; None uses the
    ids the articles carry (``Corpus.with_stories``) or computes them. Returns
    ``story_id, n_articles, cohesion, nearest_story, nearest_similarity, days_apart, note``:
    ``cohesion`` the mean similarity of two of its articles (NaN for one article);
    ``nearest_story`` the story whose articles are on average most similar to its own (None if
    no article of another story is a candidate pair of one of its own), ``nearest_similarity``
    that mean similarity (date-blind), ``days_apart`` the days between the two stories' nearest
    dated articles (NaN when either is undated); ``note`` ``"single article"``, ``"may be one
    story with S031"`` (see ``CLOSE``), both, or ``""``. Largest story first, then by id.
    ``threshold`` and ``relative`` are the grouping's (``"auto"``: from this corpus).
    """
    articles = list(corpus)
    if not articles:
        return pd.DataFrame(columns=DIAGNOSTIC_COLUMNS)
    mapping = story_map(articles, stories)
    ids = [assigned_story(mapping[a.id]) or a.id for a in articles]
    order = list(dict.fromkeys(ids))
    index = {sid: k for k, sid in enumerate(order)}
    of = np.array([index[s] for s in ids])
    size = np.bincount(of, minlength=len(order))
    _, pairs, sims = similar_pairs(tuple(articles))
    used = auto_threshold(pairs, sims, len(articles)) if threshold == "auto" else float(threshold)
    within = np.zeros(len(order))
    cross: dict[tuple[int, int], float] = defaultdict(float)
    for (i, j), s in zip(pairs.tolist(), sims.tolist(), strict=True):
        a, b = int(of[i]), int(of[j])
        if a == b:
            within[a] += s
        else:
            cross[(min(a, b), max(a, b))] += s
    cohesion = np.where(size > 1, 2 * within / np.maximum(size * (size - 1), 1), np.nan)
    nearest: dict[int, tuple[float, int]] = {}
    for (a, b), total in sorted(cross.items()):
        mean = total / (size[a] * size[b])
        for x, y in ((a, b), (b, a)):
            if x not in nearest or mean > nearest[x][0]:
                nearest[x] = (mean, y)
    spans = _date_spans(articles, of, len(order))
    rows = []
    for k, sid in enumerate(order):
        note = ["single article"] if size[k] == 1 else []
        near_id, near_sim, days = None, math.nan, math.nan
        if k in nearest:
            near_sim, other = nearest[k]
            near_id = order[other]
            gap = date_gap(*spans[k], *spans[other])
            days = math.nan if gap is None else gap
            if _close(near_sim, cohesion[k], cohesion[other], used, relative):
                note.append(f"may be one story with {near_id}")
        rows.append(
            (
                sid,
                int(size[k]),
                round(float(cohesion[k]), 4),
                near_id,
                round(float(near_sim), 4),
                days,
                "; ".join(note),
            )
        )
    out = pd.DataFrame(rows, columns=DIAGNOSTIC_COLUMNS)
    out = out.sort_values(["n_articles", "story_id"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True).astype({"days_apart": "float64"})


def _close(mean: float, coh_a: float, coh_b: float, threshold: float, relative: float) -> bool:
    if mean < threshold:
        return False
    known = [c for c in (coh_a, coh_b) if not math.isnan(c)]
    if not known or not relative:
        return True
    geometric_mean = max(math.prod(known), 0.0) ** (1 / len(known))
    return mean >= CLOSE * relative * geometric_mean


def _date_spans(
    articles: list[Article], of: np.ndarray, n_stories: int
) -> list[tuple[float | None, float | None]]:
    spans: list[tuple[float | None, float | None]] = [(None, None)] * n_stories
    for a, k in zip(articles, of.tolist(), strict=True):
        if a.date is None:
            continue
        day = float(a.date.toordinal())
        first, last = spans[k]
        if first is None or last is None:
            spans[k] = (day, day)
        else:
            spans[k] = (min(first, day), max(last, day))
    return spans
