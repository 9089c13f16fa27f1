"""Benchmark: newskit.keywords against a plain loop of raw YAKE over the same texts.

Builds ``--n`` synthetic articles (default 1,000) from the seeds: each takes the paragraphs of
one seed article, shuffled, with one of them swapped for a paragraph of another seed and a
numbered sentence added, so every text differs (no cache hits) yet reads like the seeds. Then
it times, in the same run and on the same cleaned texts:

- baseline: ``yake.KeywordExtractor(n=3, top=10)`` called on each text in a plain loop;
- newskit.keywords(corpus, top=10) with ``n_jobs=1`` (cold caches);
- newskit.keywords(corpus, top=10) with ``n_jobs=2`` (cold caches), when asked.

and prints each wall-clock time, its ratio to the baseline, and the CPU time (this process
plus the worker processes): on a machine busy with other work, n_jobs=2 may not cut the
wall-clock time, while the CPU time shows the work was split. Run:
``PYTHONPATH=. python benchmarks/bench_keywords.py [--n 1000] [--jobs 1 2]``
"""

from __future__ import annotations

import argparse
import importlib
import os
import random
import time

import pandas as pd
import yake

import newskit
from newskit.corpus import segment
from newskit.keywords import yake_adapter

# newskit.keywords is the function; its module is newskit.keywords.keyphrases
kw_module = importlib.import_module("newskit.keywords.keyphrases")


def synthetic_corpus(n: int, *, seed: int = 1) -> newskit.Corpus:
    """``n`` articles made from the seed paragraphs (deterministic for a given ``seed``)."""
    seeds = newskit.load_corpus()
    paragraphs = [[p for p in a.text.splitlines() if p.strip()] for a in seeds]
    outlets = [a.outlet for a in seeds]
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        k = i % len(seeds)
        paras = list(paragraphs[k])
        rng.shuffle(paras)
        other = paragraphs[rng.randrange(len(seeds))]
        paras[rng.randrange(len(paras))] = rng.choice(other)
        paras.append(f"This is synthetic article number {i} of the benchmark.")
        rows.append({"id": f"syn-{i:05d}", "outlet": outlets[k], "text": "\n\n".join(paras)})
    return newskit.load_corpus(pd.DataFrame(rows))


def _cold() -> None:
    yake_adapter.clear_cache()
    segment._sentence_spans.cache_clear()
    segment._article_tokens.cache_clear()
    kw_module._words.cache_clear()
    kw_module._yake_text_cached.cache_clear()
    if hasattr(kw_module, "_skip_spans"):
        kw_module._skip_spans.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of synthetic articles")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="n_jobs to time")
    parser.add_argument("--rounds", type=int, default=2, help="rounds; the best time counts")
    args = parser.parse_args()
    corpus = synthetic_corpus(args.n)
    texts = [a.text for a in corpus]
    print(f"{len(corpus)} synthetic articles, {sum(map(len, texts)):,} characters")

    extractor = yake.KeywordExtractor(lan="en", n=3, top=10)
    warm = corpus[: min(20, len(corpus))]  # warm YAKE's and Python's caches for both sides
    for text in texts[: len(warm)]:
        extractor.extract_keywords(text)
    newskit.keywords(warm)

    best: dict[str, tuple[float, float]] = {}  # name -> (wall seconds, CPU seconds)

    def timed(name: str, run) -> str:
        c0, t0 = _cpu(), time.perf_counter()
        run()
        took, cpu = time.perf_counter() - t0, _cpu() - c0
        if name not in best or took < best[name][0]:
            best[name] = (took, cpu)
        return f"{name} {took:.2f} s (CPU {cpu:.2f} s)"

    def baseline() -> None:
        for text in texts:
            extractor.extract_keywords(text)

    for r in range(args.rounds):
        shown = [timed("raw YAKE loop", baseline)]
        for jobs in args.jobs:
            _cold()
            shown.append(
                timed(
                    f"newskit.keywords n_jobs={jobs}",
                    lambda jobs=jobs: newskit.keywords(corpus, top=10, n_jobs=jobs),
                )
            )
        print(f"round {r + 1}: " + "; ".join(shown), flush=True)
    base = best["raw YAKE loop"][0]
    print(f"best of {args.rounds} round(s) (wall-clock ratio to the raw YAKE loop):")
    for name, (took, cpu) in best.items():
        print(f"  {name:28s} {took:8.2f} s   {took / base:.2f}x   CPU {cpu:8.2f} s")


def _cpu() -> float:
    """CPU seconds used by this process and its finished children (the n_jobs workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


if __name__ == "__main__":
    main()
