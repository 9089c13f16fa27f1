"""Benchmark: numeric claims extraction in articles per second, on one core.

5,000 synthetic articles are made from the seeds: each is 8–30 sentences drawn (seeded RNG)
from the seed articles, in paragraphs of one to three sentences, with every digit run replaced
by a random number of the same length and a random article date in 2024–2026, so that no two
texts are alike and caches don't help.
The baseline, measured in the same run on the same articles, is newskit's own tokenization
(``newskit.segment.article_tokens``), the cheapest pass every analysis makes. Both timings
start with the segmenter's caches cleared, so each includes sentence splitting; a third line
times the claims grammar alone (sentences already split). Times are CPU time of this process
(``time.process_time``), so other work on the machine does not count against us.

    PYTHONPATH=. python benchmarks/bench_claims.py [--n 5000] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import time

import pandas as pd

import newskit
from newskit.claims.extract import numeric_claims
from newskit.corpus import segment


def synthetic_corpus(n: int, seed: int = 1) -> newskit.Corpus:
    """``n`` articles made of shuffled seed sentences with their numbers changed."""
    rng = random.Random(seed)
    seeds = newskit.load_corpus()
    sents = list(newskit.sentences(seeds)["text"])
    outlets = [a.outlet for a in seeds]
    rows = []
    for i in range(n):
        picked = [_renumber(s, rng) for s in rng.sample(sents, rng.randint(8, 30))]
        # Paragraphs of one to three sentences, as news is written.
        paragraphs, k = [], 0
        while k < len(picked):
            step = rng.randint(1, 3)
            paragraphs.append(" ".join(picked[k : k + step]))
            k += step
        text = "\n\n".join(paragraphs)
        date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 1000))
        rows.append((f"syn{i:05d}", outlets[i % len(outlets)], date.isoformat(), text))
    return newskit.load_corpus(pd.DataFrame(rows, columns=["id", "outlet", "date", "text"]))


def _renumber(sentence: str, rng: random.Random) -> str:
    """Every digit run replaced by a random number of the same length."""
    return re.sub(
        r"\d+", lambda m: str(rng.randint(10 ** (len(m[0]) - 1), 10 ** len(m[0]) - 1)), sentence
    )


def _clear() -> None:
    segment._sentence_spans.cache_clear()
    segment._article_tokens.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    corpus = synthetic_corpus(args.n, args.seed)
    chars = sum(len(a.text) for a in corpus)

    _clear()
    t0 = time.process_time()
    n_tokens = sum(len(segment.article_tokens(a)) for a in corpus)
    base = time.process_time() - t0

    _clear()
    t0 = time.process_time()
    claims = numeric_claims(corpus, progress=False)
    took = time.process_time() - t0

    t0 = time.process_time()
    numeric_claims(corpus, progress=False)  # sentences now cached: the grammar alone
    warm = time.process_time() - t0

    print(f"articles: {len(corpus)} ({chars / len(corpus):.0f} chars each on average)")
    print(f"baseline  tokenization: {len(corpus) / base:8.0f} articles/s ({n_tokens} tokens)")
    print(f"numeric_claims:         {len(corpus) / took:8.0f} articles/s ({len(claims)} claims)")
    print(f"  of which the grammar: {len(corpus) / warm:8.0f} articles/s (sentences already split)")
    print(f"ratio claims/baseline:  {base / took:8.2f} (1.0 = as fast as tokenizing)")


if __name__ == "__main__":
    main()
