"""Benchmark: ``compare_claims`` on the claims of many articles, in seconds of CPU time.

The articles are ``newskit.synthetic.make_corpus(n_stories, n_outlets)`` (10 outlets, so 1,000
stories make 10,000 articles), each in its generated story (``story_id`` from the generator's
labels, so that story finding is not timed). The baseline, measured in the same run on the same
articles, is ``numeric_claims`` itself: the extraction every comparison needs first. Times are
CPU time of this process (``time.process_time``), so other work on the machine does not count.

    PYTHONPATH=. python benchmarks/bench_compare.py [--articles 10000] [--outlets 10] [--seed 1]
"""

from __future__ import annotations

import argparse
import time

import newskit
from newskit.synthetic import make_corpus


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--outlets", type=int, default=10)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    frame = make_corpus(max(1, args.articles // args.outlets), args.outlets, seed=args.seed)
    stories = dict(zip(frame["id"], frame["story"], strict=True))
    corpus = newskit.load_corpus(frame.drop(columns=["story"]))
    t0 = time.process_time()
    claims = newskit.numeric_claims(corpus, stories=stories, progress=False)
    extract = time.process_time() - t0
    t0 = time.process_time()
    groups = newskit.compare_claims(claims)
    compare = time.process_time() - t0
    print(f"articles: {len(corpus)}, claims: {len(claims)}, groups: {len(groups)} "
          f"({int((~groups['agree']).sum())} disagree)")  # fmt: skip
    print(f"numeric_claims (baseline): {extract:.1f} s")
    print(f"compare_claims: {compare:.1f} s ({compare / extract:.2f} × the extraction)")


if __name__ == "__main__":
    main()
