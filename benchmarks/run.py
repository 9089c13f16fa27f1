"""The benchmark runner: the whole pipeline on a synthetic multi-story corpus, with baselines.

Usage (from the repository root, with the project's environment)::

    .venv/bin/python benchmarks/run.py --articles 1000 [--jobs 2] [--json OUT.json] [--dask]

The corpus is ``newskit.synthetic.make_corpus`` (stories told by ``--outlets`` outlets,
with copied, reworded and new sentences; the true story of every article is known), by default
with ``length="real"``: articles that weigh like real news (median 3,000 characters, a tail past
10,000; ``benchmarks/measure_weight.py``); ``--length short`` gives the 670-character articles
of earlier runs; ``--realnews`` times every real labelled article of ``../shared/realnews``
(both calibration sets, 709 articles) instead, their gold stories as the truth. The corpus is
written as one JSONL file so that ``load`` times reading as well as cleaning. Stages, timed
one after the other in this process (``--jobs`` processes where a stage has ``n_jobs``):

- ``load``: ``load_corpus`` (read + clean); ``tokenize``: ``sentences`` + ``tokens``;
- ``keywords``: ``newskit.keywords`` (YAKE's cache cleared first); ``claims``:
  ``numeric_claims``; ``stories``: ``newskit.stories``;
- ``candidates``: ``candidate_pairs`` (``method="auto"``) and ``align``: ``newskit.align``, both
  within the stories found: across a whole corpus of similar stories the candidate pairs
  themselves grow with the square of N (the ``exhaustive_pairs`` baseline shows it).

Every stage reports seconds (wall clock), CPU seconds (this process and its workers), articles
and characters per second, the ratio to the ``read_split`` baseline and its peak memory: the
largest resident memory of this process plus its workers, sampled every 20 ms while the stage
runs (``stage_peak_mb``: RSS summed, which counts twice a page a forked worker shares with its
parent) and their proportional set size, sampled every 100 ms (``stage_peak_pss_mb``: shared
pages divided among their sharers, the memory the machine gives the processes).

Baselines, in the same run and after the pipeline: ``read_split`` (read the JSONL and
``re.findall(r"\\w+")`` each text: the floor any stage is compared with), ``yake_rust`` (a plain
loop of ``yake_rust.Yake(language="en", ngrams=3)`` over the same texts, top 10),
``raw_yake`` (the same with ``yake.KeywordExtractor(n=3, top=10)``, up to ``--raw-yake-up-to``
articles: it is six times slower), ``exhaustive_pairs`` (``candidate_pairs`` with the exact
method and ``across_stories=True``: all pairs of the whole corpus, up to
``--exhaustive-up-to`` articles).
``lsh_recall`` is the share of the exact method's pairs within a true story that
``method="lsh"`` also finds. ``peak_rss_mb`` is this process's peak resident memory at the
end of the pipeline (before the baselines);
``peak_rss_children_mb`` the largest worker process. ``--dask`` also runs ``newskit run``
(``newskit.app.dask.run_distributed``: every table) on a 2-worker ``LocalCluster`` from a fresh
driver process, and reports its time, the driver's and the workers' peak memory, Dask's
task-seconds per stage and the output size per table (``--dask-in-process`` also times
``newskit run --in-process``; ``--dask-only`` skips the in-process stages).

Prints a table and, with ``--json``, writes the numbers (keys ``articles, characters, jobs,
stages, cpu, stage_peak_mb, baselines, peak_rss_mb, lsh_recall`` and a few more) to a file.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import re
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import psutil  # installed with dask's distributed and ipykernel

import newskit
from newskit.corpus import segment
from newskit.keywords import yake_adapter
from newskit.synthetic import make_corpus

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realnews import realnews_dir

REALNEWS_SETS = ("giveme5w_calibration", "ecbplus_calibration")
STAGES = ("load", "tokenize", "keywords", "claims", "stories", "candidates", "align")


# CPU seconds and peak memory (MB) of each stage timed, by its label
CPU: dict[str, float] = {}
PEAK: dict[str, float] = {}
PEAK_PSS: dict[str, float] = {}


class MemorySampler:
    """The largest resident memory of this process plus its child processes (MB), sampled every
    ``interval`` seconds in a thread between ``start()`` and ``stop()``: ``peak`` sums their
    RSS (a page a forked worker still shares with its parent counts in both), ``peak_pss``
    their proportional set size (a shared page divided among the processes that share it: the
    memory the machine really gives them), read every ``pss_every``-th sample."""

    def __init__(self, interval: float = 0.02, pss_every: int = 5) -> None:
        self.interval = interval
        self.pss_every = pss_every
        self.peak = 0.0
        self.peak_pss = 0.0
        self._n = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        procs = [me, *me.children(recursive=True)]
        pss = self._n % self.pss_every == 0
        self._n += 1
        total = total_pss = 0
        for proc in procs:
            with contextlib.suppress(psutil.Error):  # a worker that just ended
                if pss:
                    info = proc.memory_full_info()
                    total_pss += info.pss
                else:
                    info = proc.memory_info()
                total += info.rss
        self.peak = max(self.peak, total / 2**20)
        if pss:
            self.peak_pss = max(self.peak_pss, total_pss / 2**20)

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def start(self) -> MemorySampler:
        self._sample()
        self._thread.start()
        return self

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        self._n = 0  # the last sample reads the PSS too
        self._sample()
        return self.peak


def cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def timed(func: Callable[[], Any], label: str = "") -> tuple[Any, float]:
    """Run ``func``; return its result and wall seconds (CPU seconds and peak memory go to
    ``CPU`` and ``PEAK`` under ``label``)."""
    name = label or getattr(func, "__name__", "")
    sampler = MemorySampler().start()
    cpu, start = cpu_seconds(), time.perf_counter()
    out = func()
    secs = time.perf_counter() - start
    CPU[name] = cpu_seconds() - cpu
    PEAK[name] = sampler.stop()
    PEAK_PSS[name] = sampler.peak_pss
    print(
        f"  {name}: {secs:.2f} s ({CPU[name]:.2f} s CPU), peak {PEAK[name]:.0f} MB"
        f" (PSS {PEAK_PSS[name]:.0f} MB)",
        file=sys.stderr,
        flush=True,
    )
    return out, secs


def rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def synthetic(n: int, outlets: int, seed: int, length: str = "real") -> pd.DataFrame:
    """``n`` articles from ``make_corpus`` (whole stories, then cut to ``n``)."""
    frame = make_corpus(math.ceil(n / outlets), outlets, seed=seed, length=length)  # type: ignore[arg-type]
    return frame.iloc[:n].reset_index(drop=True)


def realnews_frame() -> pd.DataFrame:
    """Every real labelled article of ``../shared/realnews`` (both calibration sets), with its
    set-qualified story label in ``story``: read from there, never copied."""
    folder = realnews_dir()
    if folder is None:
        raise SystemExit("--realnews: no ../shared/realnews folder (or $NEWSKIT_REALNEWS)")
    frames = []
    for name in REALNEWS_SETS:
        part = pd.read_json(folder / f"{name}.jsonl", lines=True, dtype=False, convert_dates=False)
        part["story"] = name + ":" + part["story"].astype(str)
        frames.append(part)
    return pd.concat(frames, ignore_index=True)


def run_pipeline(
    path: Path, jobs: int, truth: dict[str, str], skip: tuple[str, ...] = ()
) -> tuple[dict, dict]:
    """Time every stage (but those in ``skip``, reported as None); return ``(seconds per stage,
    results kept for the checks)``."""
    secs: dict[str, float | None] = {}
    segment._sentence_spans.cache_clear()
    segment._token_table.cache_clear()
    yake_adapter.clear_cache()
    corpus, secs["load"] = timed(lambda: newskit.load_corpus(path, n_jobs=jobs), "load")

    def tokenize() -> int:
        n = len(newskit.sentences(corpus, n_jobs=jobs))
        return n + len(newskit.tokens(corpus, n_jobs=jobs))

    rows, secs["tokenize"] = timed(tokenize, "tokenize")
    secs["keywords"] = secs["claims"] = None
    if "keywords" not in skip:
        _, secs["keywords"] = timed(lambda: newskit.keywords(corpus, n_jobs=jobs), "keywords")
    if "claims" not in skip:
        # the per-article scan alone: story grouping is timed as its own stage below
        no_stories = dict.fromkeys(corpus.ids)
        _, secs["claims"] = timed(
            lambda: newskit.numeric_claims(corpus, stories=no_stories, n_jobs=jobs), "claims"
        )
    stories, secs["stories"] = timed(lambda: newskit.stories(corpus, n_jobs=jobs), "stories")
    pairs, secs["candidates"] = timed(
        lambda: newskit.candidate_pairs(corpus, stories=stories, n_jobs=jobs), "candidates"
    )

    def align_within_stories() -> int:
        return len(newskit.align(corpus, stories=stories, n_jobs=jobs))

    passages, secs["align"] = timed(align_within_stories, "align")
    found = dict(zip(stories["article_id"], stories["story_id"], strict=True))
    return secs, {
        "corpus": corpus,
        "pairs": pairs,
        "passages": passages,
        "rows": rows,
        "story_purity": purity(found, truth),
        "n_stories": int(stories["story_id"].nunique()),
    }


def purity(found: dict[str, str], truth: dict[str, str]) -> float:
    """Share of articles whose found story's most common true story is their own."""
    by_found: dict[str, list[str]] = {}
    for aid, sid in found.items():
        by_found.setdefault(sid, []).append(truth[aid])
    agree = sum(max(members.count(t) for t in set(members)) for members in by_found.values())
    return agree / len(found) if found else 1.0


def read_split(path: Path) -> int:
    """The baseline: read the JSONL and split every text into ``\\w+`` words."""
    with open(path, encoding="utf-8") as f:
        return sum(len(re.findall(r"\w+", json.loads(line)["text"])) for line in f)


def run_baselines(
    path: Path, corpus: newskit.Corpus, limit: int, yake_limit: int
) -> tuple[dict, dict]:
    secs: dict[str, float] = {}
    _, secs["read_split"] = timed(lambda: read_split(path), "read_split")
    texts = [a.text for a in corpus]
    if yake_adapter.yake_rust is not None:
        rust = yake_adapter.yake_rust.Yake(language="en", ngrams=3)
        _, secs["yake_rust"] = timed(lambda: [rust.get_n_best(t, n=10) for t in texts], "yake_rust")
    if len(texts) <= yake_limit:
        import yake

        extractor = yake.KeywordExtractor(n=3, top=10)
        _, secs["raw_yake"] = timed(
            lambda: [extractor.extract_keywords(t) for t in texts], "raw_yake"
        )
    found: dict[str, Any] = {}
    if len(corpus) <= limit:
        found["exhaustive"], secs["exhaustive_pairs"] = timed(
            lambda: newskit.candidate_pairs(corpus, method="exhaustive", across_stories=True),
            "exhaustive_pairs",
        )
        found["lsh"], secs["lsh_pairs"] = timed(
            lambda: newskit.candidate_pairs(corpus, method="lsh", across_stories=True), "lsh_pairs"
        )
    return secs, found


def recall(lsh: pd.DataFrame, exact: pd.DataFrame, truth: dict[str, str]) -> tuple[float, float]:
    """LSH recall against the exact pairs: among pairs of one true story, and among all."""
    got = set(zip(lsh["a_id"], lsh["b_id"], strict=True))
    want = set(zip(exact["a_id"], exact["b_id"], strict=True))
    same = {p for p in want if truth[p[0]] == truth[p[1]]}
    r_same = len(same & got) / len(same) if same else 1.0
    r_all = len(want & got) / len(want) if want else 1.0
    return r_same, r_all


def run_dask(path: Path, *, in_process: bool = False) -> dict[str, Any]:
    """``newskit run`` on a 2-worker ``LocalCluster``, in a fresh driver process (so that its
    peak memory is its own, not this benchmark's): total and per-stage seconds, driver and
    worker peak RSS, task-seconds per stage (from Dask's task stream), and the output's size
    per table. ``in_process``: also time ``run_in_process`` (the same tables, one process) in
    another fresh process."""
    import subprocess

    out: dict[str, Any] = {}
    modes = ["dask", "in_process"] if in_process else ["dask"]
    for mode in modes:
        with tempfile.TemporaryDirectory() as tmp:
            result = Path(tmp) / "result.json"
            cmd = [sys.executable, __file__, "--dask-child", mode, str(path), str(result)]
            subprocess.run(cmd, check=True)
            out[mode] = json.loads(result.read_text())
        print(f"  {mode}: {out[mode]['seconds']:.1f} s", file=sys.stderr, flush=True)
    return out


def dask_child(mode: str, path: str, result: str) -> None:
    """Body of ``run_dask``'s child process: one run (``mode`` ``dask`` or ``in_process``) of
    the JSONL at ``path``; its measurements written to ``result``."""
    from newskit.app.dask import run_in_process

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        if mode == "in_process":
            _, secs = timed(lambda: run_in_process(path, out), "in_process")
            data: dict[str, Any] = {
                "seconds": round(secs, 3),
                "driver_peak_rss_mb": rss_mb(),
                "cpu_seconds": round(own_cpu_seconds(), 1),
            }
        else:
            data = _dask_measured(path, out)
        data["output_mb"] = {
            t: round(sum(f.stat().st_size for f in (out / t).glob("*")) / 2**20, 2)
            for t in run_tables(out)
        }
        data["articles"] = _articles_in(out)
    Path(result).write_text(json.dumps(data, indent=2))


def _dask_measured(path: str, out: Path) -> dict[str, Any]:
    from dask.distributed import Client, LocalCluster, get_task_stream

    from newskit.app.dask import run_distributed

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            dashboard_address=None,
            env={"NEWSKIT_PROGRESS": "0"},
        ) as cluster,
        Client(cluster) as client,
        get_task_stream(client) as stream,
    ):
        run, secs = timed(lambda: run_distributed(path, out, client=client, progress=False), "dask")
        workers = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        worker_cpu = client.run(own_cpu_seconds)
        tasks = stream.data
    per_stage: dict[str, dict[str, float]] = {}
    for t in tasks:
        m = re.match(r"newskit-([a-z_-]+?)-[0-9a-f]{10}-", str(t["key"]))
        stage = m.group(1) if m else "other"
        compute = sum(s["stop"] - s["start"] for s in t["startstops"] if s["action"] == "compute")
        entry = per_stage.setdefault(stage, {"tasks": 0, "task_seconds": 0.0, "max_seconds": 0.0})
        entry["tasks"] += 1
        entry["task_seconds"] = round(entry["task_seconds"] + compute, 3)
        entry["max_seconds"] = round(max(entry["max_seconds"], compute), 3)
    return {
        "seconds": round(secs, 3),
        "stage_seconds": run.seconds,
        "n_parts": run.n_parts,
        "n_story_parts": run.n_story_parts,
        "driver_peak_rss_mb": round(rss_mb(), 1),
        "worker_peak_rss_mb": sorted(round(v, 1) for v in workers.values()),
        "worker_cpu_seconds": round(sum(worker_cpu.values()), 1),
        "driver_cpu_seconds": round(own_cpu_seconds(), 1),
        "task_seconds": per_stage,
    }


def own_cpu_seconds() -> float:
    """CPU time (user + system) this process alone has used (not its children: a
    ``LocalCluster``'s workers are counted apart): on a machine other programs load, the cost
    that does not depend on them."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run_tables(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.is_dir())


def _articles_in(out: Path) -> int:
    return int(json.loads((out / "newskit-run.json").read_text())["n_articles"])


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().split()[1]
        mem_gb = f", {int(mem) / 2**20:.0f} GiB RAM"
    except OSError:
        mem_gb = ""
    return f"{os.cpu_count()} cores ({cpu}){mem_gb}, Python {sys.version.split()[0]}"


def main(argv: list[str] | None = None) -> dict:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--dask-child"]:
        dask_child(*argv[1:4])
        return {}
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, metavar="N")
    parser.add_argument("--jobs", type=int, default=1, metavar="J")
    parser.add_argument("--json", default=None, metavar="OUT")
    parser.add_argument("--outlets", type=int, default=10, help="outlets per story (default 10)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--length", choices=("real", "short"), default="real")
    parser.add_argument(
        "--realnews",
        action="store_true",
        help="time the real labelled articles of ../shared/realnews (all of them) instead",
    )
    parser.add_argument("--exhaustive-up-to", type=int, default=2_500, metavar="N")
    parser.add_argument("--raw-yake-up-to", type=int, default=2_000, metavar="N")
    parser.add_argument("--no-baselines", action="store_true", help="time the pipeline only")
    parser.add_argument(
        "--dask", action="store_true", help="also run newskit run on a 2-worker Dask cluster"
    )
    parser.add_argument(
        "--dask-in-process",
        action="store_true",
        help="with --dask, also time newskit run --in-process (every table, one process)",
    )
    parser.add_argument(
        "--dask-only",
        action="store_true",
        help="with --dask, skip the in-process stages (at sizes where they take too long)",
    )
    parser.add_argument(
        "--skip",
        nargs="*",
        default=(),
        choices=("keywords", "claims"),
        help="leave these stages out (to measure memory at sizes where they take too long)",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("NEWSKIT_PROGRESS", "0")  # bars would garble the table

    if args.realnews:
        frame = realnews_frame()
        args.articles, args.length = len(frame), "realnews"
    else:
        frame = synthetic(args.articles, args.outlets, args.seed, args.length)
    truth = dict(zip(frame["id"], frame["story"], strict=True))
    characters = int(frame["text"].str.len().sum())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        frame.drop(columns="story").to_json(path, orient="records", lines=True)
        del frame
        if args.dask and args.dask_only:
            result = {"articles": args.articles, "machine": machine(), "skipped_stages": "all"}
            result["dask"] = run_dask(path, in_process=args.dask_in_process)
            report_dask(result)
            if args.json:
                Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
            return result
        stages, kept = run_pipeline(path, args.jobs, truth, tuple(args.skip))
        peak = rss_mb()
        result: dict[str, Any] = {
            "articles": args.articles,
            "characters": characters,
            "length": args.length,
            "jobs": args.jobs,
            "skipped_stages": list(args.skip),
            "stages": {k: (round(v, 3) if v is not None else None) for k, v in stages.items()},
            "cpu": {k: round(CPU[k], 3) for k in STAGES if stages.get(k) is not None},
            "stage_peak_mb": {k: round(PEAK[k], 1) for k in STAGES if stages.get(k) is not None},
            "stage_peak_pss_mb": {
                k: round(PEAK_PSS[k], 1) for k in STAGES if stages.get(k) is not None
            },
            "pipeline_seconds": round(sum(v for v in stages.values() if v is not None), 3),
            "peak_rss_mb": round(peak, 1),
            "peak_rss_children_mb": round(rss_mb(resource.RUSAGE_CHILDREN), 1),
            "baselines": {},
            "lsh_recall": None,
            "machine": machine(),
            "counts": {
                "articles": len(kept["corpus"]),
                "sentences_plus_tokens": kept["rows"],
                "candidate_pairs": len(kept["pairs"]),
                "aligned_passages": kept["passages"],
                "stories_found": kept["n_stories"],
                "stories_true": len(set(truth.values())),
                "story_purity": round(kept["story_purity"], 4),
            },
        }
        if not args.no_baselines:
            base, found = run_baselines(
                path, kept["corpus"], args.exhaustive_up_to, args.raw_yake_up_to
            )
            result["baselines"] = {k: round(v, 3) for k, v in base.items() if k != "lsh_pairs"}
            result["baseline_cpu"] = {k: round(CPU[k], 3) for k in result["baselines"]}
            if found:
                r_same, r_all = recall(found["lsh"], found["exhaustive"], truth)
                result["lsh_recall"] = round(r_same, 4)
                result["lsh_recall_all_pairs"] = round(r_all, 4)
                result["lsh_seconds"] = round(base["lsh_pairs"], 3)
        del kept
        if args.dask:
            result["dask"] = run_dask(path, in_process=args.dask_in_process)
    report(result)
    if args.dask:
        report_dask(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
    return result


def report(r: dict) -> None:
    n, chars = r["articles"], r["characters"]
    print(
        f"newskit {newskit.__version__}: {n} articles ({r['length']} length, "
        f"{chars / n:,.0f} characters each), jobs={r['jobs']}; {r['machine']}"
    )
    floor = r["baselines"].get("read_split")
    print(
        f"{'stage':<22}{'seconds':>9}{'CPU s':>9}{'articles/s':>12}{'MB/s':>8}"
        f"{'x read+split':>14}{'peak MB':>9}{'PSS MB':>8}"
    )
    cpu = {**r["cpu"], **r.get("baseline_cpu", {})}
    peaks = r["stage_peak_mb"]
    pss = r.get("stage_peak_pss_mb", {})
    rows = [(name, r["stages"].get(name)) for name in STAGES]
    rows.append(("whole pipeline", r["pipeline_seconds"]))
    rows += [("baseline " + k, v) for k, v in r["baselines"].items()]
    for name, s in rows:
        key = name.removeprefix("baseline ")
        c = (
            sum(cpu.values()) - sum(r.get("baseline_cpu", {}).values())
            if name == "whole pipeline"
            else cpu.get(key)
        )
        peak = max(peaks.values()) if name == "whole pipeline" else peaks.get(key)
        peak_pss = max(pss.values(), default=None) if name == "whole pipeline" else pss.get(key)
        print(
            f"{name:<22}{_num(s, '.2f'):>9}{_num(c, '.2f'):>9}{_rate(n, s):>12}"
            f"{_num(s and chars / s / 1e6, '.2f'):>8}{_num(s and floor and s / floor, '.1f'):>14}"
            f"{_num(peak, '.0f'):>9}{_num(peak_pss, '.0f'):>8}"
        )
    b, s = r["baselines"], r["stages"]
    if b.get("yake_rust") and s["keywords"]:
        ratio = f"keywords / yake-rust alone: {s['keywords'] / b['yake_rust']:.2f}x wall"
        cpu_base = cpu.get("yake_rust")
        if cpu_base and cpu.get("keywords"):  # the figure to compare on a shared machine
            ratio += f", {cpu['keywords'] / cpu_base:.2f}x CPU"
        print(ratio)
    if b.get("raw_yake") and s["keywords"]:
        print(f"keywords / raw YAKE: {s['keywords'] / b['raw_yake']:.2f}x")
    if "exhaustive_pairs" in b:
        print(
            f"LSH {r['lsh_seconds']:.2f} s vs exhaustive {b['exhaustive_pairs']:.2f} s; "
            f"recall {r['lsh_recall']} (same-story pairs), {r['lsh_recall_all_pairs']} (all)"
        )
    print(f"peak RSS {r['peak_rss_mb']:.0f} MB (largest worker {r['peak_rss_children_mb']:.0f} MB)")


def report_dask(r: dict) -> None:
    """The ``--dask`` part of the report: whole runs, memory, task-seconds per stage."""
    d = r["dask"]["dask"]
    print(
        f"newskit run on a 2-worker LocalCluster, {r['articles']} articles: {d['seconds']:.1f} s "
        f"({d['n_parts']} load parts, {d['n_story_parts']} story partitions); driver peak "
        f"{d['driver_peak_rss_mb']:.0f} MB, workers {d['worker_peak_rss_mb']} MB; CPU: workers "
        f"{d.get('worker_cpu_seconds', '?')} s, driver {d.get('driver_cpu_seconds', '?')} s"
    )
    if "in_process" in r["dask"]:
        p = r["dask"]["in_process"]
        print(
            f"newskit run --in-process: {p['seconds']:.1f} s, peak "
            f"{p['driver_peak_rss_mb']:.0f} MB, CPU {p.get('cpu_seconds', '?')} s"
        )
    print(f"{'stage (driver view)':<22}{'seconds':>9}")
    for name, s in d["stage_seconds"].items():
        print(f"{name:<22}{s:>9.1f}")
    print(f"{'task stage':<22}{'tasks':>7}{'task-s':>9}{'max s':>8}")
    for name, t in sorted(d["task_seconds"].items(), key=lambda kv: -kv[1]["task_seconds"]):
        print(f"{name:<22}{t['tasks']:>7}{t['task_seconds']:>9.1f}{t['max_seconds']:>8.1f}")


def _rate(n: int, secs: float | None) -> str:
    return "-" if not secs else f"{n / secs:.0f}"


def _num(x: float | None, fmt: str) -> str:
    return "-" if x is None else format(x, fmt)


if __name__ == "__main__":
    main()
