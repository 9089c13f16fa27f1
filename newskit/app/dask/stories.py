"""Stories on a Dask cluster: ``distributed_stories(run, parts)`` gives every article the story
``newskit.stories`` gives it on the whole corpus, running the steps of ``newskit.stories.group``
on parts of it. No task holds the articles of the whole corpus.

1. **Terms** (per load part): ``article_terms`` of each article, the part's terms and their
   document frequencies in the part.
2. **Vocabulary** (per shard of terms): each term's document frequency over the corpus
   (``document_frequencies`` of the parts, added) and its IDF (``term_weights``, per term); its
   matrix column is its rank among the sorted terms of the corpus (``exchange.global_ranks``
   on the terms), the column ``vocabulary_of`` gives it on the whole corpus.
3. **Vectors and top terms** (per load part): ``term_vectors`` and ``top_terms`` on the part's
   own sorted terms, then moved to the corpus's columns (the same order, so the same rows).
4. **Candidate pairs** (per shard of columns): rows sharing a top term (``candidate_pairs``'s
   pairs).
5. **Connected components** of the candidate pairs: each shard's spanning forest, merged in a
   tree (a forest has fewer edges than articles). Linkage only ever merges along candidate
   pairs, so components never share a story.
6. **Similarities and threshold** (per bundle of whole components, ``LINK_ARTICLES`` articles
   or one larger component): ``pair_similarities`` of the bundle's pairs from its rows, each
   article's best similarity; ``threshold="auto"`` is ``threshold_from_best`` of them all.
7. **Linkage** (per bundle): ``link`` and ``own_story_similarity`` on the bundle's rows, dates,
   pairs and similarities. Components do not interact and ties go to the lowest ids, so each
   is grouped as on the whole corpus.
8. **Story ids**: stories numbered by their first article (``global_ranks``), as
   ``newskit.stories`` numbers them (``story_label``); rows sent back to their load parts.

Compact arrays of one number per article (components, linkage bundles, best similarities,
story sizes) are the only corpus-sized data a single task holds.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from newskit.app.dask.exchange import exchange, global_ranks, stable_hash
from newskit.app.dask.source import auto_part_size
from newskit.corpus.records import Article
from newskit.stories.group import (
    STORY_COLUMNS,
    article_terms,
    best_similarities,
    document_frequencies,
    link,
    own_story_similarity,
    pair_similarities,
    story_label,
    term_vectors,
    term_weights,
    threshold_from_best,
    top_terms,
    vocabulary_of,
)

#: Articles per linkage task (whole components; a larger component is a task of its own).
LINK_ARTICLES = 4000


@dataclass
class FoundStories:
    """Where the stories are: ``rows`` (per load part, futures of its rows of the stories
    table, in order), ``partition_of`` (a future of an array: story number - 1 → story
    partition), ``n_partitions``, ``vocabulary`` (futures of the term shards: term → (column,
    document frequency, IDF), for looking up the corpus's frequencies) and ``threshold`` (the
    similarity threshold used)."""

    rows: list[Any]
    partition_of: Any
    n_partitions: int
    vocabulary: list[Any]
    threshold: float


def distributed_stories(run: Any, parts: list[Any]) -> FoundStories:
    """The stories of the corpus whose load parts are ``parts`` (futures of article lists);
    ``run`` is the driver (``newskit.app.dask.run._Run``; its options give ``threshold``,
    ``days`` and ``relative``)."""
    client = run.watched
    n = run.n_articles
    starts = np.cumsum([0, *run.counts]).tolist()
    h = run.shards()
    terms = [run.submit(part_terms, p, stage="terms", i=k) for k, p in enumerate(parts)]
    shards = exchange(
        client,
        terms,
        terms_by_shard,
        merge_vocabulary,
        h,
        key=run.key("vocab"),
        split_args=(h,),
        combine_args=(n,),
    )
    ranks = global_ranks(
        client, run.map(vocabulary_keys, shards, stage="vocab-keys"), key=run.key("rank-vocab")
    )
    vocabulary = [
        run.submit(vocabulary_map, s, r, stage="vocab-map", i=i)
        for i, (s, r) in enumerate(zip(shards, ranks, strict=True))
    ]
    n_columns = sum(run.gather(run.map(len, shards, stage="vocab-size"), "stories: vocabulary"))
    looked = lookup(run, run.map(terms_used, terms, stage="terms-used"), vocabulary, "vocab-get")
    blocks = [
        run.submit(part_block, terms[k], looked[k], n_columns, starts[k], stage="tfidf", i=k)
        for k in range(len(parts))
    ]
    pairs = exchange(
        client,
        blocks,
        postings_by_shard,
        pairs_of_postings,
        h,
        key=run.key("pairs"),
        split_args=(h,),
        combine_args=(n,),
    )
    forest = run.tree(merge_forests, run.map(spanning_forest, pairs, n, stage="forest"), "forest")
    capacity = auto_part_size(n, LINK_ARTICLES)
    bundles = run.submit(link_bundles, forest, n, capacity, stage="bundles", i=0)
    n_tasks = run.gather([run.submit(_n_bundles, bundles, stage="n-bundles", i=0)], "stories")[0]
    rows_in = exchange(
        client,
        blocks,
        rows_by_task,
        concat_rows,
        n_tasks,
        key=run.key("link-rows"),
        split_args=(bundles,),
    )
    pairs_in = exchange(
        client,
        pairs,
        pairs_by_task,
        concat_pairs,
        n_tasks,
        key=run.key("link-pairs"),
        split_args=(bundles, n),
    )
    scored = [
        run.submit(similarities, rows_in[t], pairs_in[t], n, stage="pair-sims", i=t)
        for t in range(n_tasks)
    ]
    if run.opts.threshold == "auto":
        best = run.map(best_of, scored, stage="best")
        used = run.submit(threshold_of, *best, stage="threshold", i=0)
    else:
        used = run.submit(float, run.opts.threshold, stage="threshold", i=0)
    threshold = run.gather([used], "stories: threshold")[0]
    linked = [
        run.submit(
            link_task,
            scored[t],
            threshold,
            run.opts.days,
            run.opts.relative,
            stage="link",
            i=t,
        )
        for t in range(n_tasks)
    ]
    singles = [
        run.submit(single_rows, b, bundles, stage="singles", i=k) for k, b in enumerate(blocks)
    ]
    groups = [*linked, *singles]
    keys = run.map(group_keys, groups, stage="story-keys")
    n_stories = sum(run.gather(run.map(len, keys, stage="n-stories"), "stories: numbering"))
    numbers = global_ranks(client, keys, key=run.key("rank-stories"))
    numbered = [
        run.submit(with_numbers, g, k, r, stage="story-numbers", i=i)
        for i, (g, k, r) in enumerate(zip(groups, keys, numbers, strict=True))
    ]
    back = exchange(
        client,
        numbered,
        rows_by_part,
        concat_numbered,
        len(parts),
        key=run.key("story-back"),
        split_args=(starts,),
    )
    rows = [
        run.submit(story_rows, parts[k], back[k], starts[k], n_stories, stage="story-rows", i=k)
        for k in range(len(parts))
    ]
    sizes = run.map(story_sizes, rows, stage="story-sizes")
    partition_of = run.submit(
        pack_stories, n_stories, run.story_part_size, *sizes, stage="pack", i=0
    )
    n_partitions = run.gather(
        [run.submit(_n_partitions, partition_of, stage="pack-n", i=0)], "stories"
    )[0]
    return FoundStories(rows, partition_of, n_partitions, vocabulary, round(threshold, 4))


# --- 1. terms ------------------------------------------------------------------------------------


@dataclass
class PartTerms:
    """One load part's ``article_terms`` (``bags``), its terms (``order``, sorted), their
    document frequencies in the part (``df``) and its articles' dates."""

    bags: list[Counter[str]]
    order: list[str]
    df: Counter[str]
    dates: list[dt.date | None]


def part_terms(articles: list[Article]) -> PartTerms:
    bags = [article_terms(a) for a in articles]
    df = document_frequencies(bags)
    return PartTerms(bags, sorted(df), df, [a.date for a in articles])


def terms_used(terms: PartTerms) -> list[str]:
    return terms.order


# --- 2. vocabulary -------------------------------------------------------------------------------


def terms_by_shard(terms: PartTerms, k: int, n: int) -> dict[int, pd.DataFrame]:
    """The part's terms and their document frequencies in the part, by shard: ``term, df``."""
    frame = pd.DataFrame(
        {
            "term": pd.Series(terms.order, dtype=object),
            "df": np.array([terms.df[t] for t in terms.order], dtype=np.int64),
        }
    )
    shard = np.array([stable_hash(t, n) for t in terms.order], dtype=np.int64)
    return {int(s): frame[shard == s] for s in np.unique(shard)}


def merge_vocabulary(n_articles: int, *pieces: pd.DataFrame) -> pd.DataFrame:
    """One shard of the vocabulary: ``term, df, idf`` (the corpus's document frequency and
    ``term_weights`` on a corpus of ``n_articles``), terms sorted."""
    if not pieces:
        return pd.DataFrame({"term": pd.Series([], dtype=object), "df": [], "idf": []}).astype(
            {"df": np.int64, "idf": np.float64}
        )
    frame = pd.concat(pieces, ignore_index=True)
    df = frame.groupby("term", sort=True)["df"].sum()
    counts = dict(zip(df.index.tolist(), df.to_numpy(dtype=np.int64).tolist(), strict=True))
    idf = term_weights(counts, n_articles)
    return pd.DataFrame(
        {
            "term": pd.Series(list(counts), dtype=object),
            "df": np.fromiter(counts.values(), dtype=np.int64, count=len(counts)),
            "idf": np.fromiter((idf[t] for t in counts), dtype=np.float64, count=len(counts)),
        }
    )


def vocabulary_keys(shard: pd.DataFrame) -> pd.DataFrame:
    """The shard's terms as sort keys (columns are ranks among the sorted terms)."""
    return shard[["term"]].reset_index(drop=True)


def vocabulary_map(shard: pd.DataFrame, columns: np.ndarray) -> dict[str, tuple[int, int, float]]:
    """Term → (matrix column, corpus document frequency, IDF)."""
    return dict(
        zip(
            shard["term"],
            zip(columns.tolist(), shard["df"].tolist(), shard["idf"].tolist(), strict=True),
            strict=True,
        )
    )


def lookup(run: Any, requests: list[Any], shards: list[Any], stage: str) -> list[Any]:
    """For each request (a future of terms), a future of ``{term: shards' value}``."""
    n = len(shards)
    asked = exchange(
        run.watched,
        requests,
        _ask_by_shard,
        _answer,
        n,
        key=run.key(stage),
        split_args=(n,),
        target_args=[(s,) for s in shards],
    )
    return exchange(
        run.watched,
        asked,
        _answers_by_request,
        _merge_dicts,
        len(requests),
        key=run.key(f"{stage}-back"),
    )


def _ask_by_shard(terms: list[str], i: int, n: int) -> dict[int, tuple[int, list[str]]]:
    out: dict[int, list[str]] = {}
    for t in terms:
        out.setdefault(stable_hash(t, n), []).append(t)
    return {s: (i, ts) for s, ts in out.items()}


def _answer(shard: dict[str, Any], *asks: tuple[int, list[str]]) -> dict[int, dict[str, Any]]:
    return {i: {t: shard[t] for t in ts} for i, ts in asks}


def _answers_by_request(answers: dict[int, dict[str, Any]], s: int) -> dict[int, dict]:
    return answers


def _merge_dicts(*dicts: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for d in dicts:
        out.update(d)
    return out


# --- 3. vectors and top terms, 4. candidate pairs ------------------------------------------------


@dataclass
class PartBlock:
    """One load part's rows of the corpus's TF-IDF matrix (the corpus's columns), their global
    row numbers, dates, and top terms (``top_rows``, ``top_cols``: global rows and columns)."""

    rows: np.ndarray
    matrix: Any
    dates: list[dt.date | None]
    top_rows: np.ndarray
    top_cols: np.ndarray


def part_block(
    terms: PartTerms,
    vocabulary: dict[str, tuple[int, int, float]],
    n_columns: int,
    start: int,
) -> PartBlock:
    """``term_vectors`` and ``top_terms`` of the part on its own sorted terms (``local``
    columns), moved to the corpus's columns: the sorted order is the same, so the rows and the
    ties between top terms are those of the whole corpus."""
    from scipy import sparse

    local = vocabulary_of(terms.df)
    idf = {t: vocabulary[t][2] for t in local}
    matrix = term_vectors(terms.bags, idf, local)
    df_local = np.array([vocabulary[t][1] for t in local] or [0], dtype=np.int64)
    rows, top = top_terms(matrix, df_local)
    column = np.array([vocabulary[t][0] for t in local] or [0], dtype=np.int64)
    matrix.sort_indices()
    moved = sparse.csr_matrix(
        (matrix.data, column[matrix.indices], matrix.indptr),
        shape=(matrix.shape[0], max(n_columns, 1)),
    )
    return PartBlock(
        np.arange(start, start + len(terms.bags), dtype=np.int64),
        moved,
        terms.dates,
        np.asarray(rows, dtype=np.int64) + start,
        column[np.asarray(top, dtype=np.int64)],
    )


def postings_by_shard(block: PartBlock, k: int, n: int) -> dict[int, np.ndarray]:
    """The part's top-term postings ``(column, row)`` by shard of columns."""
    both = np.stack([block.top_cols, block.top_rows], axis=1)
    shard = block.top_cols % n
    return {int(s): both[shard == s] for s in np.unique(shard)}


def pairs_of_postings(n_rows: int, *pieces: np.ndarray) -> np.ndarray:
    """The candidate pairs of one shard of columns: the rows that share one of its columns,
    as sorted unique codes ``i * n_rows + j`` (i < j)."""
    if not pieces:
        return np.zeros(0, dtype=np.int64)
    both = np.concatenate(pieces)
    order = np.lexsort((both[:, 1], both[:, 0]))
    cols, rows = both[order, 0], both[order, 1]
    cuts = np.flatnonzero(np.diff(cols)) + 1
    codes = []
    for lo, hi in zip([0, *cuts.tolist()], [*cuts.tolist(), len(cols)], strict=True):
        if hi - lo < 2:
            continue
        i, j = np.triu_indices(hi - lo, 1)
        r = rows[lo:hi]
        codes.append(r[i] * n_rows + r[j])
    if not codes:
        return np.zeros(0, dtype=np.int64)
    return np.unique(np.concatenate(codes))


# --- 5. components --------------------------------------------------------------------------------


def _forest(i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """A spanning forest of the graph with edges ``(i, j)``: one edge from every node to the
    smallest node of its component, as rows ``(node, root)``."""
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    if not len(i):
        return np.zeros((0, 2), dtype=np.int64)
    nodes, inverse = np.unique(np.concatenate([i, j]), return_inverse=True)
    m = len(nodes)
    a, b = inverse[: len(i)], inverse[len(i) :]
    graph = sparse.coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(m, m))
    _, labels = connected_components(graph, directed=False)
    root = np.full(labels.max() + 1, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(root, labels, nodes)
    top = root[labels]
    keep = nodes != top
    return np.stack([nodes[keep], top[keep]], axis=1)


def spanning_forest(pairs: np.ndarray, n_rows: int) -> np.ndarray:
    """One shard's candidate pairs reduced to a spanning forest (fewer edges than rows)."""
    return _forest(pairs // n_rows, pairs % n_rows)


def merge_forests(*forests: np.ndarray) -> np.ndarray:
    """Spanning forests of parts of one graph as one spanning forest of the whole."""
    edges = np.concatenate([f for f in forests if len(f)] or [np.zeros((0, 2), dtype=np.int64)])
    return _forest(edges[:, 0], edges[:, 1])


def link_bundles(forest: np.ndarray, n_rows: int, capacity: int) -> np.ndarray:
    """Each row's linkage task (``-1``: a row without candidate pairs, a story of its own):
    whole components, consecutive by their first row, up to ``capacity`` rows per task (a
    larger component is a task of its own)."""
    bundles = np.full(n_rows, -1, dtype=np.int64)
    if not len(forest):
        return bundles
    roots, sizes = np.unique(forest[:, 1], return_counts=True)
    task, filled = 0, 0
    of_root = np.empty(len(roots), dtype=np.int64)
    for r, size in enumerate(sizes.tolist()):
        size += 1  # the root itself
        if filled and filled + size > capacity:
            task, filled = task + 1, 0
        of_root[r] = task
        filled += size
    bundles[roots] = of_root
    bundles[forest[:, 0]] = of_root[np.searchsorted(roots, forest[:, 1])]
    return bundles


def _n_bundles(bundles: np.ndarray) -> int:
    return int(bundles.max()) + 1 if len(bundles) else 0


# --- 6. similarities and threshold, 7. linkage ----------------------------------------------------


def rows_by_task(block: PartBlock, k: int, bundles: np.ndarray) -> dict[int, tuple]:
    """The part's rows cut by linkage task: ``(global rows, matrix rows, dates)``."""
    tasks = bundles[block.rows]
    out = {}
    for t in np.unique(tasks[tasks >= 0]):
        idx = np.flatnonzero(tasks == t)
        out[int(t)] = (block.rows[idx], block.matrix[idx], [block.dates[i] for i in idx])
    return out


def concat_rows(*pieces: tuple) -> tuple:
    """One linkage task's rows from every part (in part order: rows ascending)."""
    from scipy import sparse

    rows = np.concatenate([p[0] for p in pieces])
    matrix = sparse.vstack([p[1] for p in pieces], format="csr")
    dates = [d for p in pieces for d in p[2]]
    return rows, matrix, dates


def pairs_by_task(pairs: np.ndarray, s: int, bundles: np.ndarray, n_rows: int) -> dict:
    tasks = bundles[pairs // n_rows]
    return {int(t): pairs[tasks == t] for t in np.unique(tasks)}


def concat_pairs(*pieces: np.ndarray) -> np.ndarray:
    return np.unique(np.concatenate(pieces)) if pieces else np.zeros(0, dtype=np.int64)


@dataclass
class Scored:
    """One linkage task's rows (``rows``: global row numbers, ascending; ``dates``), its
    candidate pairs in local rows (``pairs``, sorted as ``candidate_pairs`` sorts them) and
    their similarities (``sims``)."""

    rows: np.ndarray
    dates: list[dt.date | None]
    pairs: np.ndarray
    sims: np.ndarray


def similarities(rows: tuple, codes: np.ndarray, n_rows: int) -> Scored:
    """``pair_similarities`` of the task's candidate pairs (codes ``i * n_rows + j``)."""
    global_rows, matrix, dates = rows
    i = np.searchsorted(global_rows, codes // n_rows)
    j = np.searchsorted(global_rows, codes % n_rows)
    pairs = np.stack([i, j], axis=1).astype(np.int64).reshape(-1, 2)
    pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]
    return Scored(global_rows, dates, pairs, pair_similarities(matrix, pairs))


def best_of(scored: Scored) -> np.ndarray:
    """The best similarity of each of the task's articles (each has a candidate pair)."""
    return best_similarities(scored.pairs, scored.sims, len(scored.rows))


def threshold_of(*best: np.ndarray) -> float:
    """``threshold="auto"`` from every task's best similarities."""
    return threshold_from_best(np.concatenate([*best, np.zeros(0)]))


def link_task(scored: Scored, threshold: float, days: float, relative: float) -> pd.DataFrame:
    """``link`` of whole components (``newskit.stories``' own step on their pairs): ``row,
    group, size, sim`` with ``group`` the group's first row and ``sim`` the row's mean
    similarity to the rest of its group (``own_story_similarity``)."""
    n = len(scored.rows)
    groups = link(n, scored.dates, scored.pairs, scored.sims, threshold, days, relative)
    own = own_story_similarity(n, scored.pairs, scored.sims, groups)
    out_rows, out_group, out_size, out_sim = [], [], [], []
    for members in groups:
        first = int(scored.rows[min(members)])
        for m in members:
            out_rows.append(int(scored.rows[m]))
            out_group.append(first)
            out_size.append(len(members))
            out_sim.append(float(own[m]))
    return pd.DataFrame(
        {
            "row": np.asarray(out_rows, dtype=np.int64),
            "group": np.asarray(out_group, dtype=np.int64),
            "size": np.asarray(out_size, dtype=np.int64),
            "sim": np.asarray(out_sim, dtype=np.float64),
        }
    )


def single_rows(block: PartBlock, bundles: np.ndarray) -> pd.DataFrame:
    """The part's rows without candidate pairs: each a story of its own."""
    rows = block.rows[bundles[block.rows] < 0]
    return pd.DataFrame(
        {"row": rows, "group": rows, "size": np.ones(len(rows), dtype=np.int64), "sim": 1.0}
    )


# --- 7. story ids ---------------------------------------------------------------------------------


def group_keys(groups: pd.DataFrame) -> pd.DataFrame:
    """The groups' first rows (one per group, ascending): what stories are numbered by."""
    return pd.DataFrame({"k0": np.unique(groups["group"].to_numpy(dtype=np.int64))})


def with_numbers(groups: pd.DataFrame, keys: pd.DataFrame, ranks: np.ndarray) -> pd.DataFrame:
    """``groups`` with each row's story number (from 1) instead of its group's first row."""
    number = dict(zip(keys["k0"].tolist(), (ranks + 1).tolist(), strict=True))
    return groups.assign(group=groups["group"].map(number).astype(np.int64))


def rows_by_part(numbered: pd.DataFrame, i: int, starts: list[int]) -> dict[int, pd.DataFrame]:
    part = np.searchsorted(np.asarray(starts), numbered["row"].to_numpy(), side="right") - 1
    return {int(k): numbered[part == k] for k in np.unique(part)}


def concat_numbered(*pieces: pd.DataFrame) -> pd.DataFrame:
    frame = pd.concat(pieces, ignore_index=True)
    return frame.sort_values("row", kind="stable").reset_index(drop=True)


def story_rows(
    articles: list[Article], numbered: pd.DataFrame, start: int, n_stories: int
) -> pd.DataFrame:
    """The part's rows of the stories table (``STORY_COLUMNS``, in corpus order), as
    ``newskit.stories`` makes them."""
    if numbered["row"].tolist() != list(range(start, start + len(articles))):
        raise RuntimeError("the stories lost or doubled an article of a part")
    rows = [
        (a.id, story_label(int(g), n_stories), int(size), round(float(sim), 4))
        for a, g, size, sim in zip(
            articles, numbered["group"], numbered["size"], numbered["sim"], strict=True
        )
    ]
    return pd.DataFrame(rows, columns=STORY_COLUMNS)


def story_sizes(rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The part's stories (numbers from 1) and their sizes."""
    first = rows.drop_duplicates("story_id")
    numbers = first["story_id"].str[1:].astype(np.int64).to_numpy()
    return numbers, first["n_articles"].to_numpy(dtype=np.int64)


def pack_stories(n_stories: int, capacity: int, *sizes: tuple) -> np.ndarray:
    """Each story's partition (by story number - 1): consecutive stories fill a partition up to
    ``capacity`` articles; a larger story is a partition of its own."""
    size = np.zeros(n_stories, dtype=np.int64)
    for numbers, counts in sizes:
        size[numbers - 1] = counts
    return np.asarray(pack(size.tolist(), capacity), dtype=np.int64)


def pack(sizes: list[int], capacity: int) -> list[int]:
    """Partitions for consecutive items of ``sizes``: filled up to ``capacity``; an item larger
    than that is a partition of its own."""
    out, current, filled = [], 0, 0
    for s in sizes:
        if filled and filled + s > capacity:
            current, filled = current + 1, 0
        out.append(current)
        filled += s
    return out


def partition_terms(part: Any) -> list[str]:
    """The terms of a story partition's articles (to look up their corpus frequencies)."""
    seen: dict[str, None] = {}
    for a in part.corpus:
        seen.update(dict.fromkeys(article_terms(a)))
    return list(seen)


def frequencies(looked: dict[str, tuple[int, int]]) -> dict[str, int]:
    """Term → document frequency, from a vocabulary lookup."""
    return {t: v[1] for t, v in looked.items()}


def _n_partitions(partition_of: np.ndarray) -> int:
    return int(partition_of.max()) + 1 if len(partition_of) else 0
