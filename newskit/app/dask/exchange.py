"""Moving pieces between tasks, and numbering rows across the whole corpus, on a Dask cluster.

``exchange`` is the all-to-all step of the pipeline: each source task's result is split into
pieces by target (``split(result) -> {target: piece}``), and each target task receives its pieces
in source order. Only the pieces travel (one small ``getitem`` task per non-empty piece); the
driver only learns which targets each source has.

``global_ranks`` numbers rows spread over many tasks in the order of a sort key, as the
in-process functions number stories, quotations, facts and claim groups over the whole corpus,
without gathering the keys in one place: a sample of the keys sets bucket boundaries; each
bucket is sorted on its own; a bucket's offset is the number of keys in the buckets before it.
Memory per task is bounded by the bucket size (``BUCKET_ROWS``), whatever the corpus size.
"""

from __future__ import annotations

import math
import operator
import zlib
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

#: Keys per bucket when numbering rows across tasks.
BUCKET_ROWS = 1_000_000
#: Keys each task sends to choose the bucket boundaries.
SAMPLE_KEYS = 64


def stable_hash(text: str, n: int) -> int:
    """A bucket in ``range(n)`` for ``text``, the same in every process (unlike ``hash``)."""
    return zlib.crc32(text.encode("utf-8")) % n if n > 1 else 0


def exchange(
    client: Any,
    sources: Sequence[Any],
    split: Callable[..., dict[int, Any]],
    combine: Callable[..., Any],
    n_targets: int,
    *,
    key: str,
    split_args: Sequence[Any] = (),
    combine_args: Sequence[Any] = (),
    target_args: Sequence[Sequence[Any]] | None = None,
) -> list[Any]:
    """Futures of ``combine(*combine_args, *pieces)`` for each target ``t`` in
    ``range(n_targets)``, where ``pieces`` are ``split(source, i, *split_args)[t]`` of every
    source ``i`` that has a piece for ``t``, in source order (``target_args[t]`` come first
    when given). ``key`` names the tasks (unique per run)."""
    splits = [
        client.submit(split, s, i, *split_args, key=f"{key}-split-{i}")
        for i, s in enumerate(sources)
    ]
    targets = client.gather(
        [client.submit(_targets, s, key=f"{key}-targets-{i}") for i, s in enumerate(splits)]
    )
    pieces: list[list[Any]] = [[] for _ in range(n_targets)]
    for i, (s, ts) in enumerate(zip(splits, targets, strict=True)):
        for t in ts:
            pieces[t].append(client.submit(operator.getitem, s, t, key=f"{key}-piece-{i}-{t}"))
    return [
        client.submit(
            combine,
            *(target_args[t] if target_args is not None else ()),
            *combine_args,
            *pieces[t],
            key=f"{key}-combine-{t}",
        )
        for t in range(n_targets)
    ]


def _targets(split: dict[int, Any]) -> list[int]:
    return sorted(split)


# --- numbering rows across tasks ---------------------------------------------------------


def global_ranks(client: Any, keys: Sequence[Any], *, key: str) -> list[Any]:
    """Futures of each task's global ranks: ``keys`` are futures of DataFrames whose columns
    are a sort key of integers or strings (first column first; every key unique across all
    frames; strings in code-point order, as ``sorted`` orders them); the
    result for frame ``i`` is an int64 array giving each of its rows' position (from 0) among
    all rows of all frames sorted by the key."""
    samples = client.gather(
        [client.submit(_sample, k, key=f"{key}-sample-{i}") for i, k in enumerate(keys)]
    )
    total = sum(n for n, _ in samples)
    if total == 0:
        return [client.submit(_no_ranks, k, key=f"{key}-none-{i}") for i, k in enumerate(keys)]
    n_buckets = max(1, math.ceil(total / BUCKET_ROWS))
    frames = [s for _, s in samples if len(s)]
    sample = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    cols = list(sample.columns)
    sample = sample.sort_values(cols, kind="stable").reset_index(drop=True)
    cut = [int(len(sample) * b / n_buckets) for b in range(1, n_buckets)]
    splitters = [tuple(_plain(v) for v in sample.iloc[c].tolist()) for c in cut]
    counts = client.gather(
        [
            client.submit(_bucket_counts, k, splitters, key=f"{key}-count-{i}")
            for i, k in enumerate(keys)
        ]
    )
    sizes = np.sum(np.array(counts, dtype=np.int64).reshape(len(keys), -1), axis=0)
    offsets = [0, *np.cumsum(sizes)[:-1].tolist()]
    ranked = exchange(
        client,
        keys,
        _by_bucket,
        _rank_bucket,
        len(splitters) + 1,
        key=f"{key}-bucket",
        split_args=(splitters,),
        combine_args=(offsets,),
    )
    back = exchange(client, ranked, _by_source, _assemble, len(keys), key=f"{key}-back")
    return [
        client.submit(_ranks_of, k, b, key=f"{key}-ranks-{i}")
        for i, (k, b) in enumerate(zip(keys, back, strict=True))
    ]


def _no_ranks(keys: pd.DataFrame) -> np.ndarray:
    return np.zeros(len(keys), dtype=np.int64)


def _sample(keys: pd.DataFrame) -> tuple[int, pd.DataFrame]:
    if not len(keys):
        return 0, keys.iloc[:0]
    ordered = keys.sort_values(list(keys.columns), kind="stable")
    step = max(1, len(ordered) // SAMPLE_KEYS)
    return len(keys), ordered.iloc[::step].reset_index(drop=True)


def _plain(value: Any) -> int | str:
    return value if isinstance(value, str) else int(value)


def _column(values: pd.Series) -> np.ndarray:
    """A key column as int64, or as Python strings (compared in code-point order)."""
    if values.dtype == object:
        return values.to_numpy(dtype=object)
    return values.to_numpy(dtype=np.int64)


def _bucket_of(keys: pd.DataFrame, splitters: list[tuple[Any, ...]]) -> np.ndarray:
    """Each row's bucket: the number of splitters that are not greater than its key."""
    bucket = np.zeros(len(keys), dtype=np.int64)
    cols = [_column(keys[c]) for c in keys.columns]
    for s in splitters:
        ge = np.zeros(len(keys), dtype=bool)
        eq = np.ones(len(keys), dtype=bool)
        for col, v in zip(cols, s, strict=True):
            ge |= eq & (col > v)
            eq &= col == v
        bucket += ge | eq
    return bucket


def _bucket_counts(keys: pd.DataFrame, splitters: list[tuple[Any, ...]]) -> list[int]:
    return np.bincount(_bucket_of(keys, splitters), minlength=len(splitters) + 1).tolist()


def _by_bucket(
    keys: pd.DataFrame, source: int, splitters: list[tuple[Any, ...]]
) -> dict[int, pd.DataFrame]:
    bucket = _bucket_of(keys, splitters)
    frame = keys.assign(
        _src=np.int64(source), _row=np.arange(len(keys), dtype=np.int64), _bucket=bucket
    )
    return {int(b): frame[bucket == b] for b in np.unique(bucket)}


def _rank_bucket(offsets: list[int], *pieces: pd.DataFrame) -> pd.DataFrame:
    """One bucket's keys from every source, ranked: ``_src, _row, rank`` (the bucket's offset
    plus the position of the key within the bucket)."""
    if not pieces:
        return pd.DataFrame({"_src": [], "_row": [], "rank": []}, dtype=np.int64)
    frame = pd.concat(pieces, ignore_index=True)
    cols = [c for c in frame.columns if c not in ("_src", "_row", "_bucket")]
    frame = frame.sort_values(cols, kind="stable").reset_index(drop=True)
    offset = offsets[int(frame["_bucket"].iloc[0])]
    return pd.DataFrame(
        {
            "_src": frame["_src"].to_numpy(dtype=np.int64),
            "_row": frame["_row"].to_numpy(dtype=np.int64),
            "rank": np.arange(len(frame), dtype=np.int64) + offset,
        }
    )


def _by_source(ranked: pd.DataFrame, index: int) -> dict[int, pd.DataFrame]:
    return {int(s): g[["_row", "rank"]] for s, g in ranked.groupby("_src", sort=True)}


def _assemble(*pieces: pd.DataFrame) -> pd.DataFrame:
    return (
        pd.concat(pieces, ignore_index=True) if pieces else pd.DataFrame(columns=["_row", "rank"])
    )


def _ranks_of(keys: pd.DataFrame, found: pd.DataFrame) -> np.ndarray:
    out = np.full(len(keys), -1, dtype=np.int64)
    out[found["_row"].to_numpy(dtype=np.int64)] = found["rank"].to_numpy(dtype=np.int64)
    if len(keys) and (out < 0).any():
        raise RuntimeError("a row lost its number while numbering across tasks")
    return out
