"""Who copies whom across a whole corpus, and who carries the same wire copy:
``outlet_reuse(corpus) -> DataFrame``, an edge list of outlet pairs.

The relation of every two articles comes from ``newskit.reuse_graph``: ``copy`` (one rewrote
the other), ``shared_wire`` (both carry the same agency copy, or the copy of a third article)
or ``independent``. For every story both outlets covered, each sentence of outlet A's articles
counts as **reused from B** when ``newskit.align`` aligned it to an article of B that the graph
names as the source of A's article (a ``copy`` edge from B's article to A's), as **wire copy
shared with B** when it is aligned to an article of B with which A's article shares wire copy
(a ``shared_wire`` edge), and as **shared with B** when it is aligned to any of B's articles on
the story. Summed over the stories, ``share`` is the part of A's sentences (in the stories B
also covered) reused from B, ``wire_share`` the part A and B both carry from a common source.
Articles without an outlet are left out; quotations (``kind == "quote"``) are not counted,
since quoting the same person is not copying.

``summary`` says it in words: "Newslooks rewrote AP's text in 1 story"; "12 stories carried
from AP by both The New York Times and The Washington Post".
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from newskit.corpus.records import Article
from newskit.corpus.segment import sentence_spans
from newskit.reuse.align import align
from newskit.reuse.graph import UNKNOWN_SOURCE, reuse_graph
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
    "n_wire",
    "wire_share",
    "n_copy_stories",
    "n_wire_stories",
    "wires",
    "summary",
]


def outlet_reuse(
    corpus: Iterable[Article],
    *,
    stories: Stories = None,
    alignments: pd.DataFrame | None = None,
    edges: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """For each ordered pair of outlets, how much of the first copies the second, and how much
    both carry from a common wire.

    Returns one row per pair of outlets that covered at least one story together:
    ``outlet, source_outlet, n_stories`` (stories both covered), ``n_sentences`` (``outlet``'s
    sentences in those stories), ``n_reused`` (those aligned to an article of ``source_outlet``
    that ``reuse_graph`` names as their article's source), ``share = n_reused / n_sentences``,
    ``n_shared`` (aligned to any of its articles on the story) and ``shared_share``, ``n_wire``
    (aligned to an article of ``source_outlet`` with which they share wire copy) and
    ``wire_share``, ``n_copy_stories`` (stories in which ``outlet`` copied ``source_outlet``),
    ``n_wire_stories`` (stories in which both carry the same wire copy), ``wires`` (the common
    sources and their story counts, ``"AP: 12; Reuters: 1"``) and ``summary`` (the two in
    words). Sorted by ``share``, then ``wire_share`` (highest first), then outlets.
    ``alignments``: ``newskit.align`` output to reuse; ``edges``: ``newskit.reuse_graph``
    output (with ``min_share=0``) to reuse; ``stories``: ``newskit.stories`` output or
    ``{article_id: story_id}`` (None: the ids the articles carry, or computed). Rows of
    ``alignments`` across stories are ignored.
    """
    articles = list(corpus)
    story = story_map(articles, stories)
    if alignments is None:
        alignments = align(articles, stories=story, quotes=False)
    if edges is None:
        edges = reuse_graph(articles, min_share=0.0, alignments=alignments, stories=story)
    return outlet_reuse_frame(*outlet_reuse_counts(articles, story, alignments, edges))


#: ``outlet_reuse_counts``: per (outlet, source outlet), ``[n_stories, n_sentences, n_reused,
#: n_shared, n_wire, n_copy_stories, n_wire_stories]`` and the common sources' story counts.
ReuseCounts = tuple[dict[tuple[str, str], list[int]], dict[tuple[str, str], Counter[str]]]


def outlet_reuse_counts(
    articles: list[Article],
    story: Mapping[str, str],
    alignments: pd.DataFrame,
    edges: pd.DataFrame,
) -> ReuseCounts:
    """``outlet_reuse``'s counts before they are turned into shares, over the stories of
    ``articles`` (``story``: ``story_map`` output; ``edges``: ``reuse_graph`` with
    ``min_share=0``). Counts of disjoint sets of stories add up (``add_reuse_counts``)."""
    by_id = {a.id: a for a in articles}
    # (article, other article) -> relation seen from the first: "copied" (the other is its
    # source), "wire" (both carry the same copy; its name), or nothing
    copied: set[tuple[str, str]] = set()
    wired: dict[tuple[str, str], str] = {}
    for e in edges.itertuples(index=False):
        if e.relation == "copy":
            copied.add((e.derived_id, e.source_id))
        elif e.relation == "shared_wire":
            wired[e.source_id, e.derived_id] = wired[e.derived_id, e.source_id] = e.common_source
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
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 7)
    wires: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
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
                pairs = [(a.id, b) for a in a_arts for b in b_ids]
                c[5] += any(p in copied for p in pairs)
                common = {wired[p] for p in pairs if p in wired}
                c[6] += bool(common)
                wires[a_out, b_out].update(common)
                for a in a_arts:
                    for i in range(len(sents[a.id])):
                        linked = partners.get((a.id, i), set()) & b_ids
                        if not linked:
                            continue
                        c[3] += 1
                        c[2] += any((a.id, b) in copied for b in linked)
                        c[4] += any((a.id, b) in wired for b in linked)
    return dict(counts), dict(wires)


def add_reuse_counts(*parts: ReuseCounts) -> ReuseCounts:
    """``outlet_reuse_counts`` of disjoint sets of stories, added."""
    counts: dict[tuple[str, str], list[int]] = {}
    wires: dict[tuple[str, str], Counter[str]] = {}
    for part_counts, part_wires in parts:
        for key, values in part_counts.items():
            acc = counts.setdefault(key, [0] * len(values))
            for i, v in enumerate(values):
                acc[i] += v
        for key, named in part_wires.items():
            wires.setdefault(key, Counter()).update(named)
    return counts, wires


def outlet_reuse_frame(
    counts: Mapping[tuple[str, str], Sequence[int]],
    wires: Mapping[tuple[str, str], Counter[str]],
) -> pd.DataFrame:
    """``outlet_reuse``'s frame from ``outlet_reuse_counts`` (of a whole corpus)."""
    rows = []
    for (a_out, b_out), (n_st, n_sent, n_re, n_sh, n_wi, n_cs, n_ws) in counts.items():
        named = wires.get((a_out, b_out), Counter())
        rows.append(
            (
                a_out,
                b_out,
                n_st,
                n_sent,
                n_re,
                round(n_re / n_sent, 4) if n_sent else 0.0,
                n_sh,
                round(n_sh / n_sent, 4) if n_sent else 0.0,
                n_wi,
                round(n_wi / n_sent, 4) if n_sent else 0.0,
                n_cs,
                n_ws,
                "; ".join(
                    f"{w}: {k}" for w, k in sorted(named.items(), key=lambda x: (-x[1], x[0]))
                ),
                _summary(a_out, b_out, n_cs, named),
            )
        )
    out = pd.DataFrame(rows, columns=OUTLET_REUSE_COLUMNS)
    out = out.sort_values(
        ["share", "wire_share", "outlet", "source_outlet"], ascending=[False, False, True, True]
    )
    ints = ["n_stories", "n_sentences", "n_reused", "n_shared", "n_wire", "n_copy_stories"]
    return out.reset_index(drop=True).astype({k: "int64" for k in [*ints, "n_wire_stories"]})


def _stories(n: int) -> str:
    return f"{n} {'story' if n == 1 else 'stories'}"


def _summary(outlet: str, source: str, n_copy: int, wires: Counter[str]) -> str:
    """``outlet``'s reuse of ``source`` in words."""
    parts = []
    if n_copy:
        parts.append(f"{outlet} rewrote {source}'s text in {_stories(n_copy)}")
    named = [(w, k) for w, k in sorted(wires.items(), key=lambda x: (-x[1], x[0]))]
    known = [f"{_stories(k)} carried from {w}" for w, k in named if w != UNKNOWN_SOURCE]
    if known:
        parts.append(f"{', '.join(known)} by both {outlet} and {source}")
    if wires.get(UNKNOWN_SOURCE):
        parts.append(
            f"{_stories(wires[UNKNOWN_SOURCE])} in which {outlet} and {source} share text from "
            "an unknown common source"
        )
    return "; ".join(parts)


def _touched(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> range:
    """Indexes of the sentences (sorted ``spans``) that overlap ``[start, end)``."""
    lo = max(bisect.bisect_right(starts, start) - 1, 0)
    hi = lo
    while hi < len(spans) and spans[hi][0] < end:
        hi += 1
    while lo < hi and spans[lo][1] <= start:
        lo += 1
    return range(lo, hi)
