"""Run one function over many articles, in worker processes, with a progress bar.

``map_articles(func, items, n_jobs=2)`` returns ``[func(x) for x in items]``, in order, computed
in ``n_jobs`` processes (the per-article work is CPU-bound Python, so threads would not help).
Items are handed out in a few large chunks per worker so that the cost of starting processes and
sending results back stays small beside the work. Where the ``fork`` start method exists (Linux),
workers inherit ``func`` and ``items`` from this process, so neither needs to be picklable and
only the results travel back; elsewhere both are pickled.

Progress bars come from ``tqdm.auto`` (a text bar in a terminal, a widget in JupyterLab) and
appear only on stages that run longer than ``PROGRESS_DELAY`` seconds. They are off with
``progress=False``, with the environment variable ``NEWSKIT_PROGRESS=0``, and under pytest
(including the notebook kernels nbval starts), so tests and executed notebooks never show one.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Fewer items than this per worker are mapped in this process: a pool costs more than it saves.
MIN_PER_WORKER = 2
# Chunks per worker: enough for the bar to move and for uneven articles to even out.
CHUNKS_PER_WORKER = 4
# A bar appears only once a stage has run this many seconds.
PROGRESS_DELAY = 1.0

# What forked workers inherit: the function and items of the map being run.
_FORKED: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def resolve_jobs(n_jobs: int) -> int:
    """The number of processes ``n_jobs`` asks for: ``-1`` (or any value below 1) means one per
    core; otherwise ``n_jobs`` itself."""
    if n_jobs is None or n_jobs < 1:
        return os.cpu_count() or 1
    return int(n_jobs)


def effective_jobs(n_jobs: int, n_items: int) -> int:
    """The processes ``map_articles`` uses for ``n_items`` items: ``resolve_jobs(n_jobs)``, but
    no more than one per ``MIN_PER_WORKER`` items, and 1 in a daemonic process (a Dask worker,
    which may not start children)."""
    if multiprocessing.current_process().daemon:
        return 1
    return min(resolve_jobs(n_jobs), max(1, n_items // MIN_PER_WORKER))


def chunked(items: Sequence[T], n_jobs: int, most: int | None = None) -> list[Sequence[T]]:
    """``items`` in consecutive chunks, enough of them (``CHUNKS_PER_WORKER`` per process) to
    share among ``n_jobs`` processes, and at most ``most`` items each when given."""
    size = -(-len(items) // (CHUNKS_PER_WORKER * resolve_jobs(n_jobs)))
    size = max(1, size if most is None else min(most, size))
    return [items[i : i + size] for i in range(0, len(items), size)]


def progress_enabled(progress: bool | None = None) -> bool:
    """Whether a progress bar may show: ``progress`` if given, else off when
    ``NEWSKIT_PROGRESS=0`` (or ``false``/``no``/``off``) or under pytest, on otherwise."""
    if progress is not None:
        return bool(progress)
    setting = os.environ.get("NEWSKIT_PROGRESS", "").strip().lower()
    if setting in ("0", "false", "no", "off"):
        return False
    if setting in ("1", "true", "yes", "on"):
        return True
    return not _under_pytest()


def _under_pytest() -> bool:
    # PYTEST_CURRENT_TEST is set while a test runs and is inherited by the kernels nbval starts.
    return "PYTEST_CURRENT_TEST" in os.environ or "pytest" in sys.modules


@contextmanager
def progress_bar(
    total: int, desc: str = "", progress: bool | None = None, *, unit: str = "article"
) -> Iterator[Any]:
    """A ``tqdm.auto`` bar over ``total`` items (or a do-nothing stand-in when progress is off);
    call ``.update(n)`` on it. Shows only after ``PROGRESS_DELAY`` seconds."""
    if not progress_enabled(progress) or total <= 0:
        yield _NoBar()
        return
    from tqdm.auto import tqdm

    bar = tqdm(total=total, desc=desc or None, unit=unit, delay=PROGRESS_DELAY, leave=False)
    try:
        yield bar
    finally:
        bar.close()


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass


def map_articles(
    func: Callable[[T], R],
    items: Sequence[T],
    *,
    n_jobs: int = 1,
    desc: str = "",
    progress: bool | None = None,
    unit: str = "article",
) -> list[R]:
    """``[func(x) for x in items]`` in ``n_jobs`` processes (``-1``: one per core), in order.

    ``func`` should be a module-level function where processes are spawned rather than forked
    (macOS, Windows). ``desc`` labels the progress bar; ``progress`` forces it on or off (default:
    on outside tests unless ``NEWSKIT_PROGRESS=0``); ``unit`` names what the bar counts. An
    exception in ``func`` is raised here.
    """
    items = items if isinstance(items, Sequence) else list(items)
    n = len(items)
    jobs = effective_jobs(n_jobs, n)
    with progress_bar(n, desc, progress, unit=unit) as bar:
        if jobs <= 1:
            out = []
            for x in items:
                out.append(func(x))
                bar.update(1)
            return out
        size = -(-n // (jobs * CHUNKS_PER_WORKER))
        bounds = [(lo, min(lo + size, n)) for lo in range(0, n, size)]
        results: list[list[R] | None] = [None] * len(bounds)
        global _FORKED
        methods = multiprocessing.get_all_start_methods()
        fork = "fork" in methods
        context = multiprocessing.get_context("fork" if fork else "spawn")
        _FORKED = (func, items) if fork else None
        try:
            with ProcessPoolExecutor(jobs, mp_context=context) as pool:
                futures = {
                    (
                        pool.submit(_run_forked, lo, hi)
                        if fork
                        else pool.submit(_run_chunk, func, items[lo:hi])
                    ): k
                    for k, (lo, hi) in enumerate(bounds)
                }
                for future in as_completed(futures):
                    k = futures[future]
                    results[k] = future.result()
                    bar.update(bounds[k][1] - bounds[k][0])
        finally:
            _FORKED = None
    return [r for chunk in results for r in chunk]  # type: ignore[union-attr]


def _run_forked(lo: int, hi: int) -> list[Any]:
    assert _FORKED is not None, "worker was not forked from map_articles"
    func, items = _FORKED
    return [func(items[i]) for i in range(lo, hi)]


def _run_chunk(func: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [func(x) for x in chunk]
