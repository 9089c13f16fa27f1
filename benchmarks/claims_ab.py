"""A/B timing of the claims grammar: this checkout against a git ref (default ``main``), in one
process, runs interleaved, so that load from other work on a shared machine falls on both alike.

The ref's ``newskit/`` is copied from git into a temporary folder as the package
``newskit_ab`` (every import renamed); both versions read the same articles (real news, or the
generated ones of ``bench_claims.py``) with sentences split beforehand, as the ``grammar`` line
of ``bench_claims.py``. Prints articles per CPU second of each, the ratio, and whether the two
frames are identical.

    PYTHONPATH=. python benchmarks/claims_ab.py [--ref main] [--realnews | --n 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

from benchmarks.bench_claims import real_corpus, synthetic_corpus

ROOT = Path(__file__).resolve().parents[1]


def _copy_ref(ref: str, folder: Path) -> None:
    """``newskit/`` of ``ref`` in ``folder/newskit_ab`` with every ``newskit`` import renamed."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "newskit"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "newskit").rename(folder / "newskit_ab")
    (folder / "seeds").symlink_to(ROOT / "seeds")
    for path in (folder / "newskit_ab").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\bnewskit\b(?!_)", "newskit_ab", text), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="main")
    parser.add_argument("--realnews", action="store_true")
    parser.add_argument("--n", type=int, default=1000, help="generated articles")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each; the best counts")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    with tempfile.TemporaryDirectory() as tmp:
        _copy_ref(args.ref, Path(tmp))
        sys.path.insert(0, tmp)
        import newskit_ab  # exists only now
        from newskit_ab.claims.extract import numeric_claims as claims_b
        from newskit_ab.corpus import segment as segment_b

        from newskit.claims.extract import numeric_claims as claims_a
        from newskit.corpus import segment as segment_a

        corpus_a = real_corpus() if args.realnews else synthetic_corpus(args.n, 1)
        rows = [(a.id, a.outlet, a.date, a.raw) for a in corpus_a]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = pd.DataFrame(rows, columns=["id", "outlet", "date", "text"])
            corpus_b = newskit_ab.load_corpus(frame)
        for a in corpus_a:
            segment_a.sentence_spans(a)
        for b in corpus_b:
            segment_b.sentence_spans(b)
        stories = {a.id: "s" for a in corpus_a}
        same = claims_a(corpus_a, stories=stories, progress=False).equals(
            claims_b(corpus_b, stories=stories, progress=False)
        )
        best_a = best_b = float("inf")
        for _ in range(args.repeat):
            t0 = time.process_time()
            claims_b(corpus_b, stories=stories, progress=False)
            best_b = min(best_b, time.process_time() - t0)
            t0 = time.process_time()
            claims_a(corpus_a, stories=stories, progress=False)
            best_a = min(best_a, time.process_time() - t0)
    n = len(corpus_a)
    source = "real news" if args.realnews else "generated"
    print(f"{source}, {n} articles, best of {args.repeat} CPU runs each, identical: {same}")
    print(f"{args.ref:>12}: {n / best_b:6.0f} articles/s")
    print(f"{'this':>12}: {n / best_a:6.0f} articles/s  ({best_b / best_a:.2f}x)")


if __name__ == "__main__":
    main()
