"""Which facts each outlet carries: ``coverage(corpus) -> DataFrame``, one row per fact.

A **fact** is a cluster of sentences that ``newskit.align`` aligned across articles (sentence
pairs joined transitively; shared quotations are left out since their sentences are aligned
anyway). Sentences aligned to nothing are facts of their own: what only one outlet adds. Each
fact gets one column per outlet (article ids for articles without an outlet, or when two
articles of one story share one) holding the sentence(s) that carry it, and ``n_outlets``.

Facts never join sentences of different stories (``newskit.stories``) unless
``across_stories=True``: alignments are made, or filtered, story by story. The long form names
each fact's story in ``story_id``; select one story first (``corpus.story(story_id)``) for a
wide table of one story.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import pandas as pd

from newskit.corpus.records import Article
from newskit.corpus.segment import sentence_spans
from newskit.grouping import connected_groups
from newskit.reuse.align import align
from newskit.stories import Stories, assigned_story, story_map, within_stories

COVERAGE_LONG_COLUMNS = [
    "fact_id",
    "article_id",
    "column",
    "sent_id",
    "start",
    "end",
    "text",
    "n_outlets",
    "story_id",
]
# Several sentences of one article in one fact are joined with this in the wide table.
JOIN = " ‖ "


def coverage(
    corpus: Iterable[Article],
    *,
    form: Literal["wide", "long"] = "wide",
    alignments: pd.DataFrame | None = None,
    min_outlets: int = 1,
    stories: Stories = None,
    across_stories: bool = False,
) -> pd.DataFrame:
    """The story's facts as clusters of aligned sentences.

    ``form="wide"``: ``fact_id, n_outlets, fact`` (the first sentence of the cluster) and one
    column per outlet with the sentence text that carries the fact, or ``""``.
    ``form="long"``: one row per sentence, ``fact_id, article_id, column, sent_id, start, end,
    text, n_outlets, story_id`` (raw offsets; ``story_id`` None for a sentence of an article
    without a story). Facts are sorted by ``n_outlets`` (most first), then by first
    appearance. ``min_outlets`` drops facts carried by fewer outlets. ``alignments``:
    ``newskit.align`` output to reuse. ``stories``: ``newskit.stories`` output or
    ``{article_id: story_id}`` (None: the ids the articles carry, or computed);
    ``across_stories=True`` lets a fact join sentences of different stories.
    """
    if form not in ("wide", "long"):
        raise ValueError(f"form must be 'wide' or 'long', not {form!r}")
    articles = list(corpus)
    story = story_map(articles, stories, across_stories=across_stories)
    if alignments is None:
        al = align(articles, stories=story, quotes=False)
    else:
        al = within_stories(alignments, story)
    al = al[al["kind"] != "quote"]
    columns = _columns(articles, story)
    nodes: dict[tuple[str, int], tuple[int, int, int]] = {}
    order = {a.id: k for k, a in enumerate(articles)}
    for a in articles:
        for i, s in enumerate(sentence_spans(a)):
            if not s.is_heading and a.raw[s.start : s.end].strip():
                nodes[a.id, s.start] = (i, s.start, s.end)
    keys = sorted(nodes, key=lambda k: (order[k[0]], k[1]))  # corpus order, then offset
    index = {k: i for i, k in enumerate(keys)}
    links = (
        (index[r.a_id, r.a_start], index[r.b_id, r.b_start])
        for r in al.itertuples(index=False)
        if (r.a_id, r.a_start) in index and (r.b_id, r.b_start) in index
    )
    groups = [[keys[i] for i in g] for g in connected_groups(len(keys), links)]
    facts = sorted(
        groups,
        key=lambda g: (-len({columns[k[0]] for k in g}), order[g[0][0]], g[0][1]),
    )
    by_id = {a.id: a for a in articles}
    rows = []
    for fid, g in enumerate(f for f in facts if len({columns[k[0]] for k in f}) >= min_outlets):
        n = len({columns[k[0]] for k in g})
        for aid, start in g:
            i, s, e = nodes[aid, start]
            sid = by_id[aid].story_id if across_stories else assigned_story(story[aid])
            rows.append((fid, aid, columns[aid], i, s, e, by_id[aid].raw[s:e], n, sid))
    long = pd.DataFrame(rows, columns=COVERAGE_LONG_COLUMNS)
    long = long.astype(
        {
            "fact_id": "int64",
            "sent_id": "int64",
            "start": "int64",
            "end": "int64",
            "n_outlets": "int64",
        }
    )
    if form == "long":
        return long
    outlet_cols = list(dict.fromkeys(columns[a.id] for a in articles))
    # One pass over the sentences: the cell of (fact, column) joins its sentences in order.
    cells: dict[int, dict[str, list[str]]] = {}
    heads: dict[int, tuple[int, str]] = {}
    for fid, col, text, n in zip(
        long["fact_id"], long["column"], long["text"], long["n_outlets"], strict=True
    ):
        cells.setdefault(fid, {}).setdefault(col, []).append(text)
        heads.setdefault(fid, (int(n), text))
    wide_rows = []
    for fid in sorted(cells):
        n, fact = heads[fid]
        row = {"fact_id": fid, "n_outlets": n, "fact": fact}
        for col in outlet_cols:
            row[col] = JOIN.join(cells[fid].get(col, ()))
        wide_rows.append(row)
    return pd.DataFrame(wide_rows, columns=["fact_id", "n_outlets", "fact", *outlet_cols])


def _columns(articles: list[Article], story: dict[str, str]) -> dict[str, str]:
    """Column label per article: its outlet, or its id when missing or shared by two articles
    of its story."""
    counts: dict[tuple[str, str | None], int] = {}
    for a in articles:
        key = (story[a.id], a.outlet)
        counts[key] = counts.get(key, 0) + 1
    return {
        a.id: a.outlet if a.outlet and counts[story[a.id], a.outlet] == 1 else a.id
        for a in articles
    }
