"""``keywords(corpus, n_jobs=2)`` gives the frame of ``n_jobs=1``, exactly (issue 24).

Usage (from the repository root)::

    PYTHONPATH=. .venv/bin/python benchmarks/keywords_jobs_equal.py [--generated 2000]

Corpora: ``make_corpus(..., length="real")`` (``--generated`` articles) and both real-news
calibration sets of ``../shared/realnews`` (read, never copied). YAKE's cache is cleared before
each run, so that both compute everything; ``pandas.testing.assert_frame_equal`` (floats
exactly) fails on the first difference, and the rows that differ are printed. Exits 1 when
anything differs. The caveat of ``keywords_equivalence.py`` holds here too: yake-rust sums in an
order that changes between processes, so a raw score right at a rounding boundary of
``yake_adapter.SCORE_DIGITS`` can come out one unit apart in its tenth significant digit in
another process (seen once in 217,000 rows); a lone ``yake_score`` differing like that is that.
"""

from __future__ import annotations

import argparse
import sys
import warnings

import pandas as pd

import newskit
from benchmarks.realnews import realnews_dir
from newskit.keywords import yake_adapter
from newskit.synthetic import make_corpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=2000, help="generated articles")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    frame = make_corpus(-(-args.generated // 10), 10, seed=5, length="real")
    corpora = {"generated": newskit.load_corpus(frame.iloc[: args.generated], progress=False)}
    folder = realnews_dir()
    for path in sorted(folder.glob("*_calibration.jsonl")) if folder else []:
        corpora[path.stem] = newskit.load_corpus(path, progress=False)
    failed = 0
    for name, corpus in corpora.items():
        frames = []
        for jobs in (1, args.jobs):
            yake_adapter.clear_cache()
            frames.append(newskit.keywords(corpus, n_jobs=jobs, top=10**6))
        try:
            pd.testing.assert_frame_equal(frames[0], frames[1], check_exact=True)
        except AssertionError as error:
            failed += 1
            print(f"{name:24s} DIFFERENT: {str(error).splitlines()[0]}")
            one, two = frames
            if one.shape == two.shape:
                differ = (one != two).any(axis=1)
                print(pd.concat([one[differ], two[differ]]).to_string(max_rows=20))
        else:
            print(f"{name:24s} {len(corpus):5d} articles, {len(frames[0]):6d} rows: same")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
