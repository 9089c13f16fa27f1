"""Who rewrote whom: ``reuse_graph(corpus) -> DataFrame`` of directed source → derived edges.

For every two articles with aligned passages (``newskit.align``) newskit weighs four signals:

1. **Alignment coverage** (the main one): the share of each article's sentences (by length)
   that is aligned to the other. A rewrite keeps most of its source, so the source is the
   article that is more covered: AP's story is nearly all inside Newslooks' longer rewrite,
   Newslooks' is only partly inside AP's.
2. **Containment asymmetry** of word 3-grams (as ``newskit.overlap_matrix``): how much of A
   is in B against how much of B is in A.
3. **Dates**, where both are known: the earlier article is the source.
4. **Wire credits** (``newskit.resources.reuse.WIRE_CREDITS``): an article that credits the
   other's outlet ("…, AP reported") was written from it; an article that carries its own wire
   credit ("WASHINGTON — (AP) —") is an original.

Each signal votes for a direction with a weight (``VOTES``); the source is the side the votes
favour (coverage decides a tie). An edge is reported when the source's coverage (``share``) is
at least ``min_share``. ``confidence`` grows with ``share`` and with how one-sided the votes
are; ``evidence`` spells out every signal in words.

Only articles of the same story are linked (``newskit.stories``), unless
``across_stories=True``; alignments passed in are filtered the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from newskit.corpus.records import Article
from newskit.corpus.segment import sentence_spans
from newskit.resources.reuse import WIRE_CREDITS
from newskit.reuse.align import align
from newskit.reuse.overlap import shingles
from newskit.stories import Stories, story_map, within_stories

REUSE_COLUMNS = ["source_id", "derived_id", "share", "derived_share", "confidence", "evidence"]
DEFAULT_MIN_SHARE = 0.3
# Weight of each signal's vote for a direction.
VOTES = {"coverage": 1.0, "containment": 0.5, "date": 1.5, "credit": 1.5, "wire_original": 0.5}
# Coverage (or containment) must differ by this much (or this ratio) to vote.
COVERAGE_MARGIN = 0.1
CONTAINMENT_RATIO = 1.5


def reuse_graph(
    corpus: Iterable[Article],
    *,
    min_share: float = DEFAULT_MIN_SHARE,
    alignments: pd.DataFrame | None = None,
    stories: Stories = None,
    across_stories: bool = False,
) -> pd.DataFrame:
    """Directed edges from the most likely source article to the article derived from it.

    Returns ``source_id, derived_id, share, derived_share, confidence, evidence``: ``share``
    is the share of the source's text (sentence characters) aligned to the derived article,
    ``derived_share`` the same for the derived article, ``confidence`` in [0, 1], ``evidence``
    one sentence per signal. Pass ``alignments`` (``newskit.align`` output) to reuse them.
    Only articles of the same story are linked (``stories``: ``newskit.stories`` output or
    ``{article_id: story_id}``; None: the ids the articles carry, or computed) unless
    ``across_stories=True``. Sorted by ``confidence`` (highest first), then ids.
    """
    articles = list(corpus)
    by_id = {a.id: a for a in articles}
    story = story_map(articles, stories, across_stories=across_stories)
    al = align(articles, stories=story) if alignments is None else within_stories(alignments, story)
    rows = []
    grams: dict[str, frozenset] = {}
    credits: dict[str, set[str]] = {}
    for (a_id, b_id), sub in al.groupby(["a_id", "b_id"], sort=True):
        a, b = by_id[a_id], by_id[b_id]
        cov_a = _coverage(a, sub["a_start"], sub["a_end"])
        cov_b = _coverage(b, sub["b_start"], sub["b_end"])
        for x in (a, b):
            if x.id not in grams:
                grams[x.id] = shingles(x, n=3)
        contain = (_contained(grams[a_id], grams[b_id]), _contained(grams[b_id], grams[a_id]))
        for x in (a, b):
            if x.id not in credits:
                credits[x.id] = _credits(x)
        votes, evidence = _votes(
            a, b, cov_a, cov_b, contain, len(sub), (credits[a_id], credits[b_id])
        )
        total = sum(votes)
        forward = total > 0 or (total == 0 and cov_a >= cov_b)
        src, der = (a, b) if forward else (b, a)
        share, der_share = (cov_a, cov_b) if forward else (cov_b, cov_a)
        if share < min_share:
            continue
        one_sided = min(1.0, abs(total) / 3)
        confidence = round(min(1.0, share / 0.6) * (0.4 + 0.6 * one_sided), 3)
        if total == 0:
            evidence.append("no signal settles the direction: the more covered article is named")
        rows.append(
            (src.id, der.id, round(share, 3), round(der_share, 3), confidence, "; ".join(evidence))
        )
    out = pd.DataFrame(rows, columns=REUSE_COLUMNS)
    out = out.sort_values(["confidence", "source_id", "derived_id"], ascending=[False, True, True])
    return out.reset_index(drop=True)


def _coverage(article: Article, starts: Iterable[int], ends: Iterable[int]) -> float:
    """Share of the article's sentence characters that touch an aligned span."""
    spans = list(zip(starts, ends, strict=True))
    sents = [s for s in sentence_spans(article) if not s.is_heading]
    total = sum(s.end - s.start for s in sents)
    if not total:
        return 0.0
    hit = sum(s.end - s.start for s in sents if any(a < s.end and b > s.start for a, b in spans))
    return hit / total


def _contained(a: frozenset, b: frozenset) -> float:
    """Share of ``a``'s shingles found in ``b`` (0 when ``a`` has none)."""
    return len(a & b) / len(a) if a else 0.0


def _credits(article: Article) -> set[str]:
    return {
        outlet
        for outlet, patterns in WIRE_CREDITS.items()
        if any(re.search(p, article.raw) for p in patterns)
    }


def _votes(
    a: Article,
    b: Article,
    cov_a: float,
    cov_b: float,
    contain: tuple[float, float],
    n_passages: int,
    cred: tuple[set[str], set[str]],
) -> tuple[list[float], list[str]]:
    """Signed votes (positive: ``a`` is the source) and the evidence sentences."""
    votes: list[float] = []
    ev = [
        f"{n_passages} aligned passages; {cov_a:.0%} of {a.id} and {cov_b:.0%} of {b.id} is "
        "aligned to the other"
    ]
    if abs(cov_a - cov_b) >= COVERAGE_MARGIN:
        src = a.id if cov_a > cov_b else b.id
        votes.append(VOTES["coverage"] * (1 if cov_a > cov_b else -1))
        ev.append(f"coverage: {src} is the more fully reused")
    c_ab, c_ba = contain
    ev_c = f"3-gram containment {a.id} in {b.id} {c_ab:.2f}, {b.id} in {a.id} {c_ba:.2f}"
    if min(c_ab, c_ba) > 0 and max(c_ab, c_ba) / min(c_ab, c_ba) >= CONTAINMENT_RATIO:
        votes.append(VOTES["containment"] * (1 if c_ab > c_ba else -1))
        ev_c += f" (favours {a.id if c_ab > c_ba else b.id} as source)"
    ev.append(ev_c)
    if a.date and b.date and a.date != b.date:
        votes.append(VOTES["date"] * (1 if a.date < b.date else -1))
        ev.append(f"dates: {a.id} {a.date}, {b.id} {b.date} (earlier is the source)")
    else:
        ev.append(f"dates: {a.id} {a.date or 'unknown'}, {b.id} {b.date or 'unknown'}")
    cred_a, cred_b = cred
    if a.outlet and a.outlet in cred_b:
        votes.append(VOTES["credit"])
        ev.append(f"{b.id} credits {a.outlet}")
    if b.outlet and b.outlet in cred_a:
        votes.append(-VOTES["credit"])
        ev.append(f"{a.id} credits {b.outlet}")
    if a.outlet and a.outlet in cred_a and not (b.outlet and b.outlet in cred_b):
        votes.append(VOTES["wire_original"])
        ev.append(f"{a.id} carries its own {a.outlet} wire credit")
    if b.outlet and b.outlet in cred_b and not (a.outlet and a.outlet in cred_a):
        votes.append(-VOTES["wire_original"])
        ev.append(f"{b.id} carries its own {b.outlet} wire credit")
    return votes, ev
