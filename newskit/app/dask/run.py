"""``run_distributed(source, out)``: every table of ``newskit.app.dask.tables.TABLES`` made on a
Dask cluster and written as Parquet into ``out``.

What runs where (the driver only plans, decides and checks; it never holds the articles):

1. **Checks first**, before anything is created: the output address (resolved once, here, to an
   absolute path or an fsspec URL), the scheduler address, the source (paths exist; a folder is
   listed). Then the workers must see the source and the staging folder beside ``out``.
2. **Load** (one task per part): read and clean; duplicate ids are found per bucket of ids;
   outlet names are chosen over the whole corpus (per-part spellings merged in corpus order).
3. **Stories** (``newskit.app.dask.stories``).
4. **Per-article tables** (one task per load part): articles, stories, sentences, tokens,
   keywords and claims, every claim tagged with its story. Before them, what keywords and
   distinctive terms learn over the whole corpus (outlets' own names, acronym spellings,
   people's full names, template lines) in two passes over the parts, each merged as a tree.
5. **Story partitions**: whole stories gathered into partitions of about ``story_part_size``
   articles, each sent only the articles it holds; candidate pairs, alignments, quotes, reuse
   graph, coverage, claim groups, story table and outlet × story coverage per partition, by
   newskit's in-process functions. Quotation, fact and claim-group ids are numbered over the
   corpus (``exchange.global_ranks``).
6. **Corpus-wide tables**: keyword table and distinctive terms per shard of their terms,
   outlet reuse from summed counts.
7. **Commit**: every part file present, row counts and checks consistent (every claim has its
   story, no table names an article its part does not hold, every article in exactly one story
   partition); then the manifest is written and the staging folder moved to ``out``.

A worker that dies is replaced by Dask and its lost tasks run again (each part file is written
by one task, always with the same content); a task that keeps killing workers, or any failed
check, ends the run with ``RunError`` and ``out`` untouched.
"""

from __future__ import annotations

import asyncio
import math
import time
import uuid
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from newskit.app.dask import work
from newskit.app.dask.address import (
    Output,
    RunSetupError,
    check_scheduler,
    resolve_output,
)
from newskit.app.dask.exchange import exchange, global_ranks
from newskit.app.dask.output import RunError, Staging, read_output, write_frame
from newskit.app.dask.source import (
    LISTING,
    FramePart,
    Plan,
    TableFile,
    auto_part_size,
    load_part,
    plan_source,
    plan_table,
    route_metadata,
)
from newskit.app.dask.tables import TABLES, RunOptions
from newskit.corpus.corpus import LoadWarning
from newskit.corpus.load import SKIPPED_COLUMNS
from newskit.corpus.outlets import choose_outlets, merge_forms, merge_given
from newskit.errors import ArticleError, CorpusError, CorpusSourceError
from newskit.parallel import progress_bar
from newskit.reuse.outlets import add_reuse_counts
from newskit.reuse.speakers import merge_people

#: Articles per story partition (whole stories; a larger story is a partition of its own).
STORY_PART_SIZE = 2000
#: Ids per bucket when looking for duplicate ids; terms per shard of corpus-wide tables.
ID_BUCKET = 200_000
SHARD_ARTICLES = 20_000
#: Seconds to wait for a scheduler to answer, and for a first worker.
CONNECT_TIMEOUT = 30
#: Seconds a failed run waits for its tasks still running on workers to end (so that none
#: writes into the staging folder once it is deleted).
STOP_TIMEOUT = 120
#: Seconds a run waits while the cluster has no worker at all (every worker died and none came
#: back, or none was started) before it fails with ``RunError``; and how often it looks.
NO_WORKERS_TIMEOUT = 300.0
WATCH_EVERY = 2.0


@dataclass
class DistributedRun:
    """What ``run_distributed`` wrote: ``out`` (the output folder, as resolved), ``outputs``
    (table name → its folder), ``n_articles``, ``n_parts`` (load parts) and
    ``n_story_parts``; ``notes`` (what the run wants you to know) and ``seconds`` per stage."""

    out: str
    outputs: dict[str, str] = field(default_factory=dict)
    n_articles: int = 0
    n_parts: int = 0
    n_story_parts: int = 0
    notes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def read(self, name: str) -> pd.DataFrame:
        """One table as the in-process function returns it (see ``read_output``)."""
        return read_output(self.out, name)


def run_distributed(
    source: Any,
    out: Any,
    *,
    client: Any = None,
    scheduler: str | None = None,
    options: RunOptions | None = None,
    errors: str | None = None,
    rows_per_part: int | None = None,
    story_part_size: int | None = None,
    progress: bool | None = None,
    no_workers_timeout: float | None = None,
) -> DistributedRun:
    """Run the whole pipeline on ``source`` over a Dask cluster and write every table of
    ``TABLES`` as Parquet into ``out`` (a folder or an fsspec URL; a relative path is taken
    from this process's working folder).

    ``source``: a folder, a file, a list or glob of files (each read by its kind, as
    ``load_corpus`` reads a list), a load spec (``NAME.corpus.json``), or a pandas or Dask
    DataFrame. ``client``: a ``dask.distributed.Client``; else ``scheduler`` (an address such as
    ``tcp://10.0.0.5:8786``); else a ``LocalCluster`` of two worker processes is started for
    the run. ``options``: a ``RunOptions`` (``errors`` overrides its ``errors``).
    ``rows_per_part``: articles (files or table rows) per load part; ``story_part_size``:
    articles per story partition (whole stories). By default at most 1,000 and 2,000, fewer on
    a small corpus so that it still makes about 16 of each (``source.auto_part_size``).
    ``no_workers_timeout``: seconds the run waits with no worker in the cluster (all died and
    none came back) before it fails, rather than waiting for ever (default
    ``NO_WORKERS_TIMEOUT``).

    Returns a ``DistributedRun``; ``run.read(name)`` is the in-process frame. Raises
    ``CorpusError`` for bad input (as ``load_corpus`` would), ``RunSetupError`` for a bad
    address or an output folder workers cannot see, ``RunError`` when the run fails; in both
    last cases ``out`` is left as it was.
    """
    opts = options or RunOptions()
    if errors is not None:
        opts = replace(opts, errors=errors)  # type: ignore[arg-type]
    _check_options(opts)
    output = resolve_output(out)
    token = uuid.uuid4().hex[:10]
    staging = Staging(output, token)
    staging.check_target()
    address = check_scheduler(scheduler) if scheduler else None
    plan, opts = plan_source(source, opts, rows_per_part)
    _import_distributed()
    cluster = None
    own = client is None
    if own:
        client, cluster = _connect(address)
    try:
        _check_workers(client, plan, staging)
        runner = _Run(client, opts, plan, staging, token, rows_per_part, progress)
        runner.story_part_size = story_part_size
        if no_workers_timeout is not None:
            runner.no_workers_timeout = no_workers_timeout
        try:
            return runner.execute()
        except BaseException as exc:
            _stop(client, token)
            staging.abort()
            raise _failure(exc) from exc
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()


def _stop(client: Any, token: str) -> None:
    """Cancel every task of run ``token`` and wait (at most ``STOP_TIMEOUT`` seconds) until no
    worker still runs one: a task that already started finishes, and must not write into the
    staging folder after it is deleted (``work.write_part`` also refuses once it is gone)."""
    from dask.distributed import Future

    mark = f"-{token}"
    try:
        keys = client.run_on_scheduler(_run_keys, mark)
        if keys:
            client.cancel([Future(k, client) for k in keys], force=True)
        deadline = time.monotonic() + STOP_TIMEOUT
        while sum(client.run(_running, mark).values()) and time.monotonic() < deadline:
            time.sleep(0.2)
    except Exception:  # the cluster may be gone; the staging folder is deleted anyway
        pass


def _run_keys(mark: str, dask_scheduler: Any = None) -> list[str]:
    return [k for k in dask_scheduler.tasks if isinstance(k, str) and mark in k]


def _running(mark: str, dask_worker: Any = None) -> int:
    """Tasks of the run this worker is still running (or finishing after a cancel)."""
    busy = ("executing", "long-running", "cancelled", "resumed")
    return sum(
        1
        for key, ts in dask_worker.state.tasks.items()
        if isinstance(key, str) and mark in key and ts.state in busy
    )


def run_in_process(
    source: Any,
    out: Any,
    *,
    options: RunOptions | None = None,
    errors: str | None = None,
) -> DistributedRun:
    """The tables of ``run_distributed``, made in this process (``in_process_tables``) and
    written with the same layout, manifest and checks: ``newskit run --in-process``. For
    corpora one machine holds, and to compare a Dask run with."""
    from newskit.app.dask.source import local_source
    from newskit.app.dask.tables import in_process_tables
    from newskit.corpus import load_corpus

    opts = options or RunOptions()
    if errors is not None:
        opts = replace(opts, errors=errors)  # type: ignore[arg-type]
    _check_options(opts)
    output = resolve_output(out)
    staging = Staging(output, uuid.uuid4().hex[:10])
    staging.check_target()
    start = time.perf_counter()
    corpus = load_corpus(local_source(source), **opts.load_options())
    tables = in_process_tables(corpus, opts)
    staging.create()
    try:
        for name in TABLES:
            path = staging.path(name, 0)
            write_frame(staging.dir.fs, path, tables[name])
            staging.record(name, [path], len(tables[name]))
        staging.verify_files()
        seconds = {"total": round(time.perf_counter() - start, 3)}
        staging.commit(
            {
                "source": str(source) if not isinstance(source, pd.DataFrame) else "<DataFrame>",
                "n_articles": len(corpus),
                "n_parts": 1,
                "n_story_parts": 1,
                "options": opts.as_dict(),
                "story_threshold": tables["stories"].attrs.get("threshold"),
                "notes": [],
                "seconds": seconds,
                "in_process": True,
                "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            }
        )
    except BaseException:
        staging.abort()
        raise
    return DistributedRun(
        output.url,
        {t: output.show(output.join(t)) for t in TABLES},
        n_articles=len(corpus),
        n_parts=1,
        n_story_parts=1,
        seconds=seconds,
    )


def _check_options(opts: RunOptions) -> None:
    if opts.errors not in ("raise", "skip"):
        raise RunSetupError(f"errors must be 'raise' or 'skip', not {opts.errors!r}")
    if opts.threshold != "auto" and not (
        isinstance(opts.threshold, (int, float)) and 0 < opts.threshold <= 1
    ):
        raise RunSetupError(
            f"the stories threshold must be 'auto' or in (0, 1], not {opts.threshold!r}"
        )
    if opts.days <= 0:
        raise RunSetupError(f"days must be positive, not {opts.days!r}")
    if not 0 <= opts.relative <= 1:
        raise RunSetupError(f"relative must be in [0, 1], not {opts.relative!r}")
    if opts.candidates not in ("auto", "exhaustive", "lsh"):
        raise RunSetupError(
            f"candidates must be 'auto', 'exhaustive' or 'lsh', not {opts.candidates!r}"
        )
    if not 0 < opts.candidate_threshold <= 1:
        raise RunSetupError(
            f"the candidate threshold must be in (0, 1], not {opts.candidate_threshold!r}"
        )
    if not 0 <= opts.min_score <= 1:
        raise RunSetupError(f"min_score must be in [0, 1], not {opts.min_score!r}")
    if opts.top < 1:
        raise RunSetupError(f"top must be at least 1, not {opts.top!r}")


def _import_distributed() -> None:
    try:
        import dask.distributed  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            "running on Dask needs dask.distributed; install it with pip install 'newskit[dask]'"
        ) from exc


def _connect(address: str | None) -> tuple[Any, Any]:
    from dask.distributed import Client, LocalCluster

    if address is None:
        cluster = LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            dashboard_address=None,
            env={"NEWSKIT_PROGRESS": "0"},  # the driver shows the run's progress
        )
        return Client(cluster), cluster
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise RunError(
            f"cannot reach the Dask scheduler at {address} within {CONNECT_TIMEOUT} s ({exc}); "
            "check that it runs (dask scheduler) and that the address and port are right"
        ) from exc
    return client, None


def _check_workers(client: Any, plan: Plan, staging: Staging) -> None:
    """Create the staging folder and check every worker sees it and the source's paths."""
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise RunError(f"the Dask cluster has no worker after {CONNECT_TIMEOUT} s") from exc
    staging.create()
    fs = staging.dir.fs
    probe = staging.dir.join("_work", "probe")
    fs.makedirs(staging.dir.join("_work"), exist_ok=True)
    with fs.open(probe, "w") as f:
        f.write(staging.token)
    seen = client.run(_probe, fs, probe, staging.token, plan.paths)
    for worker, (sees_output, missing) in sorted(seen.items()):
        if not sees_output:
            staging.abort()
            raise RunSetupError(
                f"the worker {worker} cannot see the output folder {staging.target.url} "
                "(written there by this process); give a folder on a file system every worker "
                "shares, or an fsspec URL such as s3://bucket/run"
            )
        if missing:
            staging.abort()
            raise RunSetupError(
                f"the worker {worker} cannot see {missing[0]}; put the source on a file system "
                "every worker shares"
            )


def _probe(fs: Any, path: str, token: str, paths: Sequence[str]) -> tuple[bool, list[str]]:
    import os

    try:
        with fs.open(path, "r") as f:
            ok = f.read() == token
    except OSError:
        ok = False
    return ok, [p for p in paths if not os.path.exists(p)]


def _failure(exc: BaseException) -> BaseException:
    """What a failed run raises: bad input and setup errors as they are, a worker that kept
    dying or a failed task as ``RunError`` naming it."""
    if isinstance(exc, (CorpusError, RunSetupError, RunError, KeyboardInterrupt)):
        return exc
    try:
        from distributed.scheduler import KilledWorker
    except ImportError:  # pragma: no cover
        KilledWorker = ()
    if isinstance(exc, KilledWorker):
        return RunError(
            f"workers died while running {exc.task!r} (Dask gave up after repeated losses; "
            "often a worker out of memory): the output was not written; try smaller parts "
            "(rows_per_part) or more memory per worker"
        )
    return RunError(f"the run failed: {type(exc).__name__}: {exc}; the output was not written")


class _Run:
    """One run's driver state: the client, the options, the plan and the futures."""

    def __init__(
        self,
        client: Any,
        options: RunOptions,
        plan: Plan,
        staging: Staging,
        token: str,
        rows_per_part: int | None,
        progress: bool | None,
    ) -> None:
        self.client = client
        self.opts = options
        self.plan = plan
        self.staging = staging
        self.token = token
        self.rows_per_part = rows_per_part
        self.progress = progress
        self.story_part_size: int | None = None
        self.target = (staging.dir.fs, staging.dir.path)
        self.seconds: dict[str, float] = {}
        self.notes: list[str] = []
        self.checks: list[str] = []
        self.story_threshold: float | None = None
        self.no_workers_timeout = NO_WORKERS_TIMEOUT
        self._no_workers_since: float | None = None

    # helpers

    def key(self, stage: str, *parts: Any) -> str:
        """A task key: ``newskit-STAGE-TOKEN-…`` (tests kill workers by stage)."""
        return "-".join(["newskit", stage, self.token, *map(str, parts)])

    def submit(self, func: Callable, *args: Any, stage: str, i: Any) -> Any:
        return self.client.submit(func, *args, key=self.key(stage, i))

    def map(self, func: Callable, items: Sequence[Any], *args: Any, stage: str) -> list[Any]:
        return [self.submit(func, x, *args, stage=stage, i=i) for i, x in enumerate(items)]

    def gather(self, futures: Sequence[Any], desc: str) -> list[Any]:
        """Wait for ``futures`` (with a progress bar) and return their results. Raises the
        first failure as soon as it happens, and ``RunError`` when the cluster has had no
        worker for ``no_workers_timeout`` seconds (Dask itself would wait for ever)."""
        from dask.distributed import wait

        futures = list(futures)
        pending = futures
        if futures:
            with progress_bar(len(futures), desc, self.progress, unit="task") as bar:
                while pending:
                    try:
                        done, left = wait(pending, WATCH_EVERY, return_when="FIRST_COMPLETED")
                    except (TimeoutError, asyncio.TimeoutError):  # one type from Python 3.11
                        self.watch_workers(desc)
                        continue
                    for future in done:
                        if future.status == "error":
                            future.result()  # raise the first failure now, not after the others
                    bar.update(len(done))
                    pending = list(left)
        return self.client.gather(futures)

    @property
    def watched(self) -> _Watched:
        """The client as ``exchange`` and ``global_ranks`` use it: its ``gather`` waits as
        ``gather`` does (the first failure at once, ``RunError`` on a cluster without workers)."""
        return _Watched(self)

    def watch_workers(self, desc: str) -> None:
        """Fail the run once the cluster has had no worker for ``no_workers_timeout`` s."""
        if self.client.nthreads():
            self._no_workers_since = None
            return
        now = time.monotonic()
        if self._no_workers_since is None:
            self._no_workers_since = now
        elif now - self._no_workers_since > self.no_workers_timeout:
            raise RunError(
                f"the Dask cluster has had no worker for {self.no_workers_timeout:g} s while "
                f"the run waited ({desc}): its workers died and none came back. Look at the "
                "workers' logs (out of memory?), start workers, or allow a longer wait "
                "(no_workers_timeout); the output was not written"
            )

    def tree(self, func: Callable, futures: Sequence[Any], stage: str, fan: int = 8) -> Any:
        """``func(*all results)`` computed as a tree of ``fan``-way merges (order kept)."""
        level = list(futures)
        depth = 0
        while len(level) > 1:
            level = [
                self.submit(func, *level[i : i + fan], stage=stage, i=f"{depth}-{i}")
                for i in range(0, len(level), fan)
            ]
            depth += 1
        if not level:
            return self.submit(func, stage=stage, i="empty")
        return level[0]

    def timed(self, name: str, start: float) -> None:
        self.seconds[name] = round(time.perf_counter() - start, 3)

    # the run

    def execute(self) -> DistributedRun:
        t = time.perf_counter()
        loaded, drops, problems = self.load()
        self.timed("load", t)
        t = time.perf_counter()
        canon = self.outlets(loaded, drops)
        del loaded
        self.timed("outlets", t)
        t = time.perf_counter()
        story_rows, partition_of, n_story_parts, vocabulary = self.stories(canon)
        self.timed("stories", t)
        t = time.perf_counter()
        learned = self.learn(canon)
        fields, reports = self.part_tables(canon, story_rows, learned)
        del learned
        self.timed("per_article", t)
        t = time.perf_counter()
        self.keyword_table(canon, fields.pop("keyword_forms"))
        self.distinctive_terms(fields.pop("term_counts"), reports)
        self.timed("corpus_tables", t)
        t = time.perf_counter()
        story_outs, parts = self.story_partitions(
            canon, story_rows, fields, reports, partition_of, n_story_parts, vocabulary
        )
        del canon, fields
        self.timed("story_tables", t)
        t = time.perf_counter()
        self.numbered(story_outs, parts)
        self.outlet_reuse(story_outs)
        self.timed("numbering", t)
        t = time.perf_counter()
        self.write_skipped(problems)
        run = self.commit(n_story_parts)
        self.timed("commit", t)
        run.seconds = dict(self.seconds)
        return run

    # 2. load

    def load(self) -> tuple[list[Any], list[list[int]], list[tuple]]:
        client, plan = self.client, self.plan
        specs: list[Any] = []
        tables = [it for it in plan.items if isinstance(it, TableFile)]
        chunks: list[list[Any]] = []
        if tables:
            work_dir = (self.staging.dir.fs, self.staging.dir.join("_work", "source"))
            futures = self.map(
                plan_table, tables, self.rows_per_part, len(tables), work_dir, stage="plan"
            )
            chunks = self.gather(futures, "newskit run: cutting tables")
        it_chunks = iter(chunks)
        for item in plan.items:
            specs.extend(next(it_chunks) if isinstance(item, TableFile) else [item])
        frames: list[Any] = [None] * len(specs)
        if plan.dask_frame is not None:
            partitions = client.compute(plan.dask_frame.to_delayed())
            lengths = self.gather([client.submit(len, p) for p in partitions], "frame sizes")
            starts = [0]
            for n in lengths[:-1]:
                starts.append(starts[-1] + int(n))
            specs = [FramePart(None, s) for s in starts]
            frames = list(partitions)
        metas: list[list[Any]] = [[] for _ in specs]
        problems: list[tuple] = [
            (LISTING, 0, i, f, r, why, False) for i, (f, r, why) in enumerate(plan.notes)
        ]
        fatal: list[tuple] = []
        if plan.metas:
            routes = [
                self.submit(route_metadata, j, m, stage="metadata", i=j)
                for j, m in enumerate(plan.metas)
            ]
            infos = self.gather([client.submit(_route_info, r) for r in routes], "metadata")
            for j, (parts, found, bad) in enumerate(infos):
                problems.extend(found)
                if bad:
                    fatal.append((2, j, 0, *bad))
                for k in parts:
                    metas[k].append(client.submit(_piece, routes[j], k))
        loaded = [
            self.submit(load_part, k, spec, self.opts, metas[k], frames[k], stage="load", i=k)
            for k, spec in enumerate(specs)
        ]
        summaries = self.gather(
            [self.submit(work.load_summary, x, stage="summary", i=k) for k, x in enumerate(loaded)],
            "newskit run: load",
        )
        for k, s in enumerate(summaries):
            problems.extend(s["problems"])
            if s["fatal"]:
                fatal.append((1, k, 0, *s["fatal"]))
            for message in s["messages"]:
                if message not in self.notes:
                    self.notes.append(message)
                    warnings.warn(
                        message, LoadWarning, stacklevel=4
                    )  # the caller of run_distributed
        problems.sort(key=lambda p: p[:3])
        fatal.sort()
        if fatal:
            _, _, _, file, reason = fatal[0]
            raises = [p for p in problems if p[6]]
            if self.opts.errors == "raise" and raises and raises[0][:3] < fatal[0][:3]:
                _raise(raises[0])
            raise CorpusSourceError(reason, file=file or None)
        if self.opts.errors == "raise":
            for p in problems:
                if p[6]:
                    _raise(p)
        n_total = sum(s["n"] for s in summaries)
        n_buckets = max(1, math.ceil(n_total / ID_BUCKET))
        dups = exchange(
            self.watched,
            loaded,
            work.id_pieces,
            work.duplicates,
            n_buckets,
            key=self.key("dedupe"),
            split_args=(n_buckets,),
        )
        found = sorted(p for d in self.gather(dups, "newskit run: ids") for p in d)
        drops: list[list[int]] = [[] for _ in specs]
        for p in found:
            drops[p[1]].append(p[2])
        problems.extend(found)
        problems.sort(key=lambda p: p[:3])
        if found and self.opts.errors == "raise":
            _raise(found[0])
        counts = [s["n"] - len(d) for s, d in zip(summaries, drops, strict=True)]
        if sum(counts) == 0:
            detail = "; ".join(f"{p[3]}: {p[5]}" for p in problems[:5])
            raise CorpusSourceError(
                "no articles could be loaded" + (f" ({detail})" if detail else ""),
                file=plan.name,
            )
        self.counts = counts
        self.n_articles = sum(counts)
        if self.story_part_size is None:
            self.story_part_size = auto_part_size(self.n_articles, STORY_PART_SIZE)
        return loaded, drops, problems

    # outlets

    def outlets(self, loaded: list[Any], drops: list[list[int]]) -> list[Any]:
        names = [
            self.submit(work.names_of, x, drops[k], self.opts.outlets, stage="outlets", i=k)
            for k, x in enumerate(loaded)
        ]
        given = merge_given(
            self.gather(self.map(work.given_of, names, stage="given"), "newskit run: outlets")
        )
        forms = merge_forms(
            self.gather(
                self.map(work.forms_of, names, given, stage="forms"), "newskit run: outlets"
            )
        )
        chosen = choose_outlets(forms)
        return [
            self.submit(
                work.canonical, x, drops[k], names[k], chosen, given, stage="canonical", i=k
            )
            for k, x in enumerate(loaded)
        ]

    # 3. stories

    def stories(self, canon: list[Any]) -> tuple[list[Any], Any, int, list[Any]]:
        from newskit.app.dask import stories as dstories

        found = dstories.distributed_stories(self, canon)
        self.story_threshold = found.threshold
        return found.rows, found.partition_of, found.n_partitions, found.vocabulary

    # 4. per-article tables

    def learn(self, canon: list[Any]) -> Any:
        """What keywords and distinctive terms learn over the whole corpus (outlets' own
        names, spellings, people's full names, template lines), in two passes over the load
        parts, each merged over the corpus as a tree: equal to the in-process result."""
        first = self.tree(
            work.merge_context, self.map(work.context_pass, canon, stage="learn-1"), "learn-1-merge"
        )
        second = self.tree(
            work.merge_names,
            self.map(work.name_pass, canon, first, stage="learn-2"),
            "learn-2-merge",
        )
        return self.submit(work.learned_of, first, second, stage="learned", i=0)

    def part_tables(
        self, canon: list[Any], story_rows: list[Any], learned: Any
    ) -> tuple[dict[str, list[Any]], list[dict]]:
        outs = [
            self.submit(
                work.part_tables,
                k,
                canon[k],
                story_rows[k],
                self.opts,
                self.target,
                learned,
                stage="part",
                i=k,
            )
            for k in range(len(canon))
        ]
        reports = self.gather(
            self.map(work.part_report, outs, stage="part-report"), "newskit run: per article"
        )
        # each summary as its own result, so that a part's whole PartOut is freed once these
        # are taken and its counts once the corpus-wide tables have cut them into shards
        fields = {
            name: [
                self.submit(getattr, o, name, stage=f"take-{name}", i=k) for k, o in enumerate(outs)
            ]
            for name in ("claims", "keyword_forms", "term_counts", "lower_words", "people")
        }
        for name in ("articles", "stories", "sentences", "tokens", "keywords", "claims"):
            self.staging.record(
                name, [r["files"][name] for r in reports], sum(r["rows"][name] for r in reports)
            )
        for r in reports:
            self.checks.extend(r["checks"])
        if sum(r["rows"]["articles"] for r in reports) != self.n_articles:
            self.checks.append("the articles table does not hold every loaded article")
        if sum(r["rows"]["stories"] for r in reports) != self.n_articles:
            self.checks.append("the stories table does not give every article a story")
        self.outlet_order = list(dict.fromkeys(o for r in reports for o in r["outlets"]))
        return fields, reports

    def shards(self) -> int:
        return max(1, min(64, math.ceil(self.n_articles / SHARD_ARTICLES)))

    # 6. corpus-wide tables

    def keyword_table(self, canon: list[Any], keyword_forms: list[Any]) -> None:
        n = self.shards()
        forms = exchange(
            self.watched,
            keyword_forms,
            work.keyword_forms_by_shard,
            work.merge_keyword_forms,
            n,
            key=self.key("kwforms"),
            split_args=(n,),
        )
        shown = self.map(work.shown_of, forms, stage="kwshown")
        counts = exchange(
            self.watched,
            canon,
            work.keyword_counts_by_shard,
            work.add_counters,
            n,
            key=self.key("kwcounts"),
            split_args=(n, *shown),
        )
        writes = [
            self.submit(
                work.write_keyword_shard,
                self.target,
                h,
                forms[h],
                counts[h],
                self.outlet_order,
                stage="keywords",
                i=h,
            )
            for h in range(n)
        ]
        rows = self.gather(writes, "newskit run: keyword table")
        self.staging.record(
            "keyword_table", [self.staging.path("keyword_table", h) for h in range(n)], sum(rows)
        )

    def distinctive_terms(self, term_counts: list[Any], reports: list[dict]) -> None:
        n = self.shards()
        sizes: dict[str, dict[str, int]] = {"content": {}, "style": {}}
        for r in reports:
            for kind, of_kind in r["sizes"].items():
                for g, c in of_kind.items():
                    sizes[kind][g] = sizes[kind].get(g, 0) + c
        counts = exchange(
            self.watched,
            term_counts,
            work.term_counts_by_shard,
            work.merge_group_counts,
            n,
            key=self.key("distinct"),
            split_args=(n,),
        )
        writes = [
            self.submit(
                work.write_distinctive_shard,
                self.target,
                h,
                counts[h],
                sizes,
                self.outlet_order,
                stage="distinctive",
                i=h,
            )
            for h in range(n)
        ]
        rows = self.gather(writes, "newskit run: distinctive terms")
        if len(sizes["content"]) < 2:
            self.notes.append(
                "distinctive_terms: the corpus has fewer than two outlets; the table has no rows"
            )
        self.staging.record(
            "distinctive_terms",
            [self.staging.path("distinctive_terms", h) for h in range(n)],
            sum(rows),
        )

    # 5. story partitions

    def story_partitions(
        self,
        canon: list[Any],
        story_rows: list[Any],
        fields: dict[str, list[Any]],
        reports: list[dict],
        partition_of: Any,
        n_parts: int,
        vocabulary: list[Any],
    ) -> tuple[list[Any], list[Any]]:
        from newskit.app.dask import stories as dstories

        starts, claim_starts = [0], [0]
        for count, r in zip(self.counts, reports, strict=True):
            starts.append(starts[-1] + count)
            claim_starts.append(claim_starts[-1] + r["n_claims"])
        bundles = [
            self.submit(
                _bundle,
                canon[k],
                story_rows[k],
                fields["claims"][k],
                starts[k],
                claim_starts[k],
                stage="bundle",
                i=k,
            )
            for k in range(len(canon))
        ]
        parts = exchange(
            self.watched,
            bundles,
            _route_bundle,
            work.story_part,
            n_parts,
            key=self.key("route"),
            split_args=(partition_of,),
        )
        lower = self.tree(work.union, fields["lower_words"], "lower")
        people = self.tree(merge_people, fields["people"], "people")
        terms = self.map(dstories.partition_terms, parts, stage="story-terms")
        looked = dstories.lookup(self, terms, vocabulary, "story-df")
        df = self.map(dstories.frequencies, looked, stage="story-df-map")
        story_outs = [
            self.submit(
                work.story_tables,
                s,
                parts[s],
                self.opts,
                self.n_articles,
                df[s],
                lower,
                people,
                self.target,
                stage="story",
                i=s,
            )
            for s in range(n_parts)
        ]
        reports_s = self.gather(
            self.map(work.story_report, story_outs, stage="story-report"),
            "newskit run: story partitions",
        )
        for name in ("candidates", "alignments", "reuse", "story_table", "outlet_stories"):
            self.staging.record(
                name,
                [r["files"][name] for r in reports_s],
                sum(r["rows"][name] for r in reports_s),
            )
        for r in reports_s:
            self.checks.extend(r["checks"])
        if sum(r["n_articles"] for r in reports_s) != self.n_articles:
            self.checks.append(
                "the story partitions do not hold every article exactly once "
                f"({sum(r['n_articles'] for r in reports_s)} of {self.n_articles})"
            )
        self.n_story_parts = n_parts
        return story_outs, parts

    def numbered(self, story_outs: list[Any], parts: list[Any]) -> None:
        for table in work.NUMBERED:
            keys = [
                self.submit(work.keys_of, o, table, parts[s], stage=f"keys-{table}", i=s)
                for s, o in enumerate(story_outs)
            ]
            ranks = global_ranks(self.watched, keys, key=self.key(f"rank-{table}"))
            writes = [
                self.submit(
                    work.write_numbered,
                    self.target,
                    table,
                    s,
                    o,
                    ranks[s],
                    stage=f"number-{table}",
                    i=s,
                )
                for s, o in enumerate(story_outs)
            ]
            rows = self.gather(writes, f"newskit run: {table}")
            self.staging.record(
                table, [self.staging.path(table, s) for s in range(len(story_outs))], sum(rows)
            )

    def outlet_reuse(self, story_outs: list[Any]) -> None:
        counts = self.tree(
            add_reuse_counts, self.map(work.reuse_counts_of, story_outs, stage="orc"), "orc"
        )
        rows = self.gather(
            [self.submit(work.write_outlet_reuse, self.target, counts, stage="outlet-reuse", i=0)],
            "newskit run: outlet reuse",
        )
        self.staging.record("outlet_reuse", [self.staging.path("outlet_reuse", 0)], rows[0])

    # 7. commit

    def write_skipped(self, problems: list[tuple]) -> None:
        frame = pd.DataFrame([p[3:6] for p in problems], columns=SKIPPED_COLUMNS)
        frame["row"] = frame["row"].astype("Int64")
        path = self.staging.path("skipped", 0)
        write_frame(self.staging.dir.fs, path, frame)
        self.staging.record("skipped", [path], len(frame))

    def commit(self, n_story_parts: int) -> DistributedRun:
        if self.checks:
            raise RunError(
                f"the outputs are not consistent ({len(self.checks)} problem(s), e.g. "
                f"{self.checks[0]}); nothing was written"
            )
        missing = [t for t in TABLES if t not in self.staging.tables]
        if missing:
            raise RunError(f"tables {missing} were not made; nothing was written")
        self.staging.verify_files()
        plan = self.plan
        manifest = {
            "source": plan.name,
            "n_articles": self.n_articles,
            "n_parts": len(self.counts),
            "n_story_parts": n_story_parts,
            "options": self.opts.as_dict(),
            "story_threshold": self.story_threshold,
            "notes": self.notes,
            "seconds": self.seconds,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        self.staging.commit(manifest)
        target: Output = self.staging.target
        return DistributedRun(
            target.url,
            {t: target.show(target.join(t)) for t in TABLES},
            n_articles=self.n_articles,
            n_parts=len(self.counts),
            n_story_parts=n_story_parts,
            notes=list(self.notes),
        )


class _Watched:
    """A run's Dask client whose ``gather`` is the run's (``_Run.gather``); everything else is
    the client's."""

    def __init__(self, run: _Run) -> None:
        self._run = run

    def __getattr__(self, name: str) -> Any:
        return getattr(self._run.client, name)

    def gather(self, futures: Sequence[Any]) -> list[Any]:
        return self._run.gather(futures, "newskit run: exchanging rows between tasks")


def _raise(problem: tuple) -> None:
    _, _, _, file, row, reason, _ = problem
    raise ArticleError(reason, file=file or None, row=None if pd.isna(row) else int(row))


def _route_info(route: dict[str, Any]) -> tuple[list[int], list[tuple], Any]:
    return sorted(route["parts"]), route["problems"], route["fatal"]


def _piece(route: dict[str, Any], k: int) -> Any:
    return route["parts"][k]


def _bundle(
    articles: list[Any], story_rows: pd.DataFrame, claims: Any, start: int, claim_start: int
) -> tuple:
    return articles, story_rows, claims, start, claim_start


def _route_bundle(bundle: tuple, k: int, partition_of: Any) -> dict[int, tuple]:
    articles, story_rows, claims, start, claim_start = bundle
    return work.route_part(articles, story_rows, claims, k, start, claim_start, partition_of)


__all__ = ["DistributedRun", "run_distributed", "run_in_process"]
