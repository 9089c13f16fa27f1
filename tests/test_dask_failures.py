"""Worker loss at every stage of a run on a LocalCluster of two worker processes: a worker
process is killed (``os._exit``) as it starts a task of one stage; the run then either writes
every table equal to the in-process one, or fails with ``RunError`` and leaves the previous
output as it was. Never an exit 0 with wrong tables.

The kill is a worker plugin that sees each task start: deterministic, no sleeps. Slow (worker
processes start and restart), so marked ``slow``; the corpus is small.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

import newskit
from newskit.app.dask import TABLES, RunError, in_process_tables, run_distributed

distributed = pytest.importorskip("dask.distributed")
cloudpickle = pytest.importorskip("cloudpickle")
cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers need not import tests/

pytestmark = pytest.mark.slow


class KillAt(distributed.WorkerPlugin):
    """Kill the worker process when a task of ``stage`` starts: once (a flag file remembers it
    across restarted workers), or every time."""

    name = "newskit-kill"

    def __init__(self, stage: str, flag: str, always: bool = False) -> None:
        self.pattern = re.compile(rf"^newskit-{re.escape(stage)}-[0-9a-f]{{10}}-")
        self.flag = flag
        self.always = always

    def transition(self, key, start, finish, **kwargs):
        if finish != "executing" or not self.pattern.match(str(key)):
            return
        if self.always:
            with open(self.flag, "a") as f:
                f.write(f"{key}\n")
            os._exit(1)
        try:  # atomic: of two workers starting a task of the stage at once, only one dies
            fd = os.open(self.flag, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return
        os.write(fd, f"{key}\n".encode())
        os.close(fd)
        os._exit(1)


def _corpus_frame() -> pd.DataFrame:
    from newskit.synthetic import make_corpus

    return make_corpus(3, 4, seed=5).drop(columns="story")


@pytest.fixture
def cluster():
    """A fresh cluster per test: a test never waits for the worker an earlier test killed to be
    replaced (on a loaded machine a worker process can take many minutes to start)."""
    import dask

    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 2}),
        _local_cluster(2) as c,
        distributed.Client(c) as client,
    ):
        yield client


def _local_cluster(n_workers: int):
    return distributed.LocalCluster(
        n_workers=n_workers,
        processes=True,
        threads_per_worker=1,
        dashboard_address=None,
        env={"NEWSKIT_PROGRESS": "0"},
    )


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("src")
    frame = _corpus_frame()
    frame.iloc[:5].to_json(folder / "a.jsonl", orient="records", lines=True)
    frame.iloc[5:].to_csv(folder / "b.csv", index=False)
    return folder


@pytest.fixture(scope="module")
def expected(source) -> dict[str, pd.DataFrame]:
    paths = [str(source / "a.jsonl"), str(source / "b.csv")]
    return in_process_tables(newskit.load_corpus(paths))


def _run(client, source: Path, out: Path, **kwargs):
    return run_distributed(
        [source / "a.jsonl", source / "b.csv"],
        out,
        client=client,
        rows_per_part=3,
        story_part_size=4,
        **kwargs,
    )


def _with_plugin(client, plugin):
    client.register_plugin(plugin)
    return plugin


def _drop_plugin(client) -> None:
    client.unregister_worker_plugin(KillAt.name)


STAGES = [
    "plan",  # cutting a table into chunks
    "load",
    "dedupe",
    "canonical",  # outlet names applied
    "vocab",  # stories: the corpus's vocabulary per shard of terms
    "tfidf",  # stories: vectors and top terms per part
    "pair-sims",  # stories: candidate pairs' similarities per linkage bundle
    "threshold",  # stories: the automatic threshold from every bundle
    "link",  # stories: average linkage per bundle
    "story-rows",  # stories: numbered stories back in their parts
    "learn-2",  # what keywords and distinctive terms learn over the corpus, pass 2
    "part",  # per-article tables written
    "kwcounts",
    "distinct",
    "route",  # articles sent to story partitions
    "story",  # cross-article tables of a story partition
    "rank-quotes",
    "number-coverage",
    "outlet-reuse",
]


@pytest.mark.parametrize("stage", STAGES)
def test_a_worker_killed_at_a_stage_gives_the_in_process_tables(
    cluster, source, expected, tmp_path: Path, stage: str
):
    flag = tmp_path / "killed"
    _with_plugin(cluster, KillAt(stage, str(flag)))
    try:
        run = _run(cluster, source, tmp_path / "out")
    finally:
        _drop_plugin(cluster)
    assert flag.is_file(), f"no task of stage {stage!r} ran"
    for name in TABLES:
        pd.testing.assert_frame_equal(run.read(name), expected[name], obj=name)
    assert run.read("claims")["story_id"].notna().all()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["killed", "out"]


def test_a_stage_that_keeps_killing_workers_fails_and_keeps_the_old_output(
    cluster, source, tmp_path: Path
):
    out = tmp_path / "out"
    _run(cluster, source, out)
    before = {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    _with_plugin(cluster, KillAt("story", str(tmp_path / "killed"), always=True))
    # Dask gives up on the task (KilledWorker), or, when a worker is killed so soon after a
    # restart that its nanny counts the restart as failed and stops, the cluster is left with
    # no worker (seen under load): either way the run must fail and keep the old output. The
    # task Dask gives up on may be another one the killed worker held at the time ("learn").
    lost = r"workers died while running 'newskit-|had no worker for 60 s"
    try:
        with pytest.raises(RunError, match=lost):
            _run(cluster, source, out, no_workers_timeout=60)
    finally:
        _drop_plugin(cluster)
    assert {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["killed", "out"]


class CloseAt(distributed.WorkerPlugin):
    """Close the worker and its nanny when a task of ``stage`` starts, so that no worker comes
    back: the cluster is left without any."""

    name = "newskit-close"

    def __init__(self, stage: str) -> None:
        self.pattern = re.compile(rf"^newskit-{re.escape(stage)}-[0-9a-f]{{10}}-")

    def setup(self, worker) -> None:
        self.worker = worker

    def transition(self, key, start, finish, **kwargs):
        if finish == "executing" and self.pattern.match(str(key)):
            self.worker.loop.add_callback(self.worker.close, nanny=True, reason="newskit-test")


# "load": the run waits for tasks it submitted; "dedupe", "vocab": inside an exchange of rows
# between tasks (newskit.app.dask.exchange), which waits through the run too.
@pytest.mark.parametrize("stage", ["load", "dedupe", "vocab"])
def test_a_cluster_left_without_workers_fails_the_run_instead_of_waiting_for_ever(
    source, tmp_path: Path, stage: str
):
    with _local_cluster(1) as c, distributed.Client(c) as client:
        client.register_plugin(CloseAt(stage))
        with pytest.raises(RunError, match=r"had no worker for 2 s while the run waited"):
            run_distributed(
                [source / "a.jsonl", source / "b.csv"],
                tmp_path / "out",
                client=client,
                rows_per_part=3,
                no_workers_timeout=2,
            )
        assert client.nthreads() == {}
    assert list(tmp_path.iterdir()) == []
