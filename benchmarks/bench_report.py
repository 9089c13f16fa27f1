"""``newskit report``: seconds per notebook against a kernel's own cost, and on generated
corpora of many stories, the whole report's time and peak memory.

Baseline, measured in the same run: executing a one-cell notebook that only imports newskit,
plotly and ipywidgets (a fresh kernel start plus the imports every notebook pays). Then the
whole report on the seeds (or CORPUS); each notebook's time is printed in seconds and as a
ratio to that baseline, so what a notebook and its page cost beyond starting a kernel shows on
any machine.

``--generated 300 1000``: also run the report end to end on corpora from
``newskit.synthetic.make_corpus`` (300 = 100 stories × 3 outlets, 1000 = 50 stories ×
20 outlets, written as JSONL), with ``--stories`` per-story pages (default 5), and print the
wall time, each run's seconds, and peak memory: the report process's own peak RSS and the
largest peak RSS of a notebook kernel (``getrusage`` of the reaped children). ``--calls`` also
times each cross-article call once on the whole generated corpus (stories, overlap_matrix,
align, shared_quotes, reuse_graph, coverage, numeric_claims + compare_claims).
Usage: python benchmarks/bench_report.py [--repeat 3] [CORPUS] [--generated 300 1000]
[--stories 5] [--calls] [--skip-seeds]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from newskit.app.report import build_report, notebooks_folder, run_notebook


def baseline(repeat: int) -> float:
    """Median seconds to run a notebook that only imports what every notebook imports."""
    times = []
    for _ in range(repeat):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        nb.cells = [nbformat.v4.new_code_cell("import newskit, plotly.express, ipywidgets")]
        start = time.perf_counter()
        run_notebook(nb, cwd=notebooks_folder())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


SHAPES = {300: (100, 3), 1000: (50, 20)}


def _peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def generated(n: int, stories: int, calls: bool, base: float) -> None:
    """The report end to end on a generated corpus of ``n`` articles (300 or 1000)."""
    import newskit
    from newskit.synthetic import make_corpus

    n_stories, n_outlets = SHAPES[n]
    frame = make_corpus(n_stories, n_outlets, seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"generated-{n}.jsonl"
        frame.drop(columns="story").to_json(source, orient="records", lines=True)
        start = time.perf_counter()
        report = build_report(source, Path(tmp) / "out", stories=stories, progress=None)
        total = time.perf_counter() - start
    print(
        f"generated {n} articles ({n_stories} stories × {n_outlets} outlets), "
        f"--stories {stories}: {total:.1f} s ({total / base:.1f} × baseline), "
        f"{len(report.pages)} notebook runs, {len(report.failed)} failed"
    )
    for page in report.pages:
        print(f"  {page.page.name:36s} {page.seconds:6.1f} s")
    print(
        f"  peak RSS: report process {_peak_mib(resource.RUSAGE_SELF):.0f} MiB, "
        f"largest kernel so far {_peak_mib(resource.RUSAGE_CHILDREN):.0f} MiB"
    )
    if not calls:
        return
    corpus = newskit.load_corpus(frame.drop(columns="story"))
    steps = []
    if callable(getattr(newskit, "stories", None)):
        steps.append(("stories", lambda: newskit.stories(corpus)))
    steps += [
        ("overlap_matrix", lambda: newskit.overlap_matrix(corpus)),
        ("align", lambda: newskit.align(corpus)),
        ("shared_quotes", lambda: newskit.shared_quotes(corpus)),
        ("reuse_graph", lambda: newskit.reuse_graph(corpus)),
        ("coverage", lambda: newskit.coverage(corpus)),
        ("numeric_claims+compare", lambda: newskit.compare_claims(newskit.numeric_claims(corpus))),
    ]
    for name, call in steps:
        start = time.perf_counter()
        call()
        spent = time.perf_counter() - start
        print(f"  {name:24s} {spent:7.2f} s  {spent / base:6.2f} × baseline")
        sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--generated", type=int, nargs="*", default=[], choices=sorted(SHAPES))
    parser.add_argument("--stories", type=int, default=5)
    parser.add_argument("--calls", action="store_true")
    parser.add_argument("--skip-seeds", action="store_true")
    args = parser.parse_args()
    base = baseline(args.repeat)
    print(f"baseline (kernel start + imports): {base:.2f} s")
    for n in args.generated:
        generated(n, args.stories, args.calls, base)
    if args.skip_seeds:
        return
    runs: dict[str, list[float]] = {}
    totals = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            report = build_report(args.corpus, Path(out), progress=None)
            totals.append(time.perf_counter() - start)
        for page in report.pages:
            runs.setdefault(page.notebook.name, []).append(page.seconds)
    for name, seconds in runs.items():
        median = statistics.median(seconds)
        print(f"{name:24s} {median:6.2f} s  {median / base:5.2f} × baseline")
    total = statistics.median(totals)
    print(f"{'whole report':24s} {total:6.2f} s  {total / base:5.2f} × baseline")


if __name__ == "__main__":
    main()
