"""``benchmarks/run.py``'s memory sampler: RSS summed over a process and its forked workers
counts the pages they share twice; the proportional set size (PSS) counts them once."""

from __future__ import annotations

import importlib.util
import multiprocessing as mp
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run_module():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module
    spec.loader.exec_module(module)
    return module


def _child(ready, done) -> None:
    ready.set()
    done.wait(60)


@pytest.mark.skipif(sys.platform != "linux", reason="PSS is read from /proc (Linux)")
def test_pss_counts_pages_shared_with_a_forked_worker_once():
    run = _run_module()
    block = bytearray(b"x" * (200 * 2**20))  # 200 MB, touched: resident in the parent
    ctx = mp.get_context("fork")
    ready, done = ctx.Event(), ctx.Event()
    worker = ctx.Process(target=_child, args=(ready, done))
    worker.start()
    try:
        assert ready.wait(60)
        sampler = run.MemorySampler(interval=0.01).start()
        sampler.stop()  # the last sample reads PSS as well as RSS
    finally:
        done.set()
        worker.join(60)
    assert len(block) == 200 * 2**20
    # the worker's RSS holds the 200 MB it shares with the parent; its PSS holds half of them
    assert sampler.peak - sampler.peak_pss > 150
    assert sampler.peak_pss > 200
