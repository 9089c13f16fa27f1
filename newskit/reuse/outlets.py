"""Who copies whom across a whole corpus: ``outlet_reuse(corpus) -> DataFrame``, an edge list
of outlet pairs.

For every story both outlets covered, each sentence of outlet A's articles counts as
**reused from B** when ``newskit.align`` aligned it to a sentence of an article of B on the
same story that was published earlier (strictly earlier date), and as **shared with B** when it
is aligned to one of B's articles whatever the dates. Summed over the stories, ``share`` is the
part of A's sentences (in the stories B also covered) that reappear from B's earlier articles.
Articles without an outlet are left out; quotations (``kind == "quote"``) are not counted,
since quoting the same person is not copying.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from newskit.corpus.records import Article
from newskit.corpus.segment import sentence_spans
from newskit.reuse.align import align
from newskit.stories import Stories, story_map

OUTLET_REUSE_COLUMNS = [
    "outlet",
    "source_outlet",
    "n_stories",
    "n_sentences",
    "n_reused",
    "share",
    "n_shared",
    "shared_share",
]


def outlet_reuse(
    corpus: Iterable[Article],
    *,
    stories: Stories = None,
    alignments: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """For each ordered pair of outlets, how much of the first reuses the second's earlier text.

    Returns one row per pair of outlets that covered at least one story together:
    ``outlet, source_outlet, n_stories`` (stories both covered), ``n_sentences`` (``outlet``'s
    sentences in those stories), ``n_reused`` (those aligned to an earlier article of
    ``source_outlet`` on the same story), ``share = n_reused / n_sentences``, ``n_shared``
    (aligned to any of its articles on the story) and ``shared_share``. Sorted by ``share``
    (highest first), then outlets. ``alignments``: ``newskit.align`` output to reuse;
    ``stories``: ``newskit.stories`` output or ``{article_id: story_id}`` (None: the ids the
    articles carry, or computed). Rows of ``alignments`` across stories are ignored.
    """
    articles = list(corpus)
    story = story_map(articles, stories)
    if alignments is None:
        alignments = align(articles, stories=story, quotes=False)
    return outlet_reuse_frame(outlet_reuse_counts(articles, story, alignments))


def outlet_reuse_counts(
    articles: list[Article], story: Mapping[str, str], alignments: pd.DataFrame
) -> dict[tuple[str, str], list[int]]:
    """``outlet_reuse``'s counts before they are summed into shares: ``{(outlet,
    source_outlet): [n_stories, n_sentences, n_reused, n_shared]}`` over the stories of
    ``articles`` (``story``: ``story_map`` output). Counts of disjoint sets of stories add up."""
    by_id = {a.id: a for a in articles}
    sents = {
        a.id: [(s.start, s.end) for s in sentence_spans(a) if not s.is_heading] for a in articles
    }
    starts = {k: [s for s, _ in v] for k, v in sents.items()}
    # (article id, sentence index) -> ids of the articles it is aligned to
    partners: dict[tuple[str, int], set[str]] = defaultdict(set)
    for r in alignments.itertuples(index=False):
        if r.kind == "quote" or r.a_id not in by_id or r.b_id not in by_id:
            continue
        if story[r.a_id] != story[r.b_id]:
            continue
        for x, y, s, e in (
            (r.a_id, r.b_id, r.a_start, r.a_end),
            (r.b_id, r.a_id, r.b_start, r.b_end),
        ):
            for i in _touched(sents[x], starts[x], s, e):
                partners[x, i].add(y)
    members: dict[str, dict[str, list[Article]]] = defaultdict(lambda: defaultdict(list))
    for a in articles:
        if a.outlet:
            members[story[a.id]][a.outlet].append(a)
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for outlets in members.values():
        for a_out, a_arts in outlets.items():
            n_sent = sum(len(sents[a.id]) for a in a_arts)
            for b_out, b_arts in outlets.items():
                if b_out == a_out:
                    continue
                b_ids = {b.id for b in b_arts}
                c = counts[a_out, b_out]
                c[0] += 1
                c[1] += n_sent
                for a in a_arts:
                    for i in range(len(sents[a.id])):
                        linked = partners.get((a.id, i), set()) & b_ids
                        if not linked:
                            continue
                        c[3] += 1
                        if a.date is not None and any(
                            by_id[b].date is not None and by_id[b].date < a.date for b in linked
                        ):
                            c[2] += 1
    return dict(counts)


def outlet_reuse_frame(counts: Mapping[tuple[str, str], Sequence[int]]) -> pd.DataFrame:
    """``outlet_reuse``'s frame from ``outlet_reuse_counts`` (summed over parts of a corpus)."""
    rows = [
        (
            a_out,
            b_out,
            n_st,
            n_sent,
            n_re,
            round(n_re / n_sent, 4) if n_sent else 0.0,
            n_sh,
            round(n_sh / n_sent, 4) if n_sent else 0.0,
        )
        for (a_out, b_out), (n_st, n_sent, n_re, n_sh) in counts.items()
    ]
    out = pd.DataFrame(rows, columns=OUTLET_REUSE_COLUMNS)
    out = out.sort_values(["share", "outlet", "source_outlet"], ascending=[False, True, True])
    return out.reset_index(drop=True).astype(
        {"n_stories": "int64", "n_sentences": "int64", "n_reused": "int64", "n_shared": "int64"}
    )


def _touched(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> range:
    """Indexes of the sentences (sorted ``spans``) that overlap ``[start, end)``."""
    lo = max(bisect.bisect_right(starts, start) - 1, 0)
    hi = lo
    while hi < len(spans) and spans[hi][0] < end:
        hi += 1
    while lo < hi and spans[lo][1] <= start:
        lo += 1
    return range(lo, hi)
