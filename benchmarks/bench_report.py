"""``newskit report`` on the seeds: seconds per notebook against a kernel's own cost.

Baseline, measured in the same run: executing a one-cell notebook that only imports newskit,
plotly and ipywidgets (a fresh kernel start plus the imports every notebook pays). Then the
whole report on the seeds; each notebook's time is printed in seconds and as a ratio to that
baseline, so what a notebook and its page cost beyond starting a kernel shows on any machine.
Usage: python benchmarks/bench_report.py [--repeat 3] [CORPUS]
"""

from __future__ import annotations

import argparse
import statistics
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    base = baseline(args.repeat)
    print(f"baseline (kernel start + imports): {base:.2f} s")
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
