"""Benchmark: newskit.keywords against plain loops of YAKE over the same texts.

The corpus (``--corpus``): ``seeds`` (default), ``--n`` synthetic articles (default 1,000) made
from the seeds: each takes the paragraphs of one seed article, shuffled, with one of them
swapped for a paragraph of another seed and a numbered sentence added, so every text differs
(no cache hits) yet reads like the seeds; ``real``, the real-news calibration sets in
``../shared/realnews/`` (709 articles, read, never copied); ``generated``, ``--n`` articles of
``newskit.synthetic.make_corpus(..., length="real")`` (real-size articles, as
``benchmarks/run.py`` uses). Sentences are split before the timings (as in ``run.py``, where
the tokenize stage comes first). Then it times, in the same run and on the same cleaned texts:

- ``yake-rust alone``: ``yake_rust.Yake(language="en", ngrams=3)``, top 10, on each text in a
  plain loop (as ``run.py``'s baseline; when the wheel is installed);
- ``raw YAKE loop``: ``yake.KeywordExtractor(n=3, top=10)`` on each text in a plain loop
  (``--no-raw-yake`` leaves it out: it is six times slower);
- newskit.keywords(corpus, top=10) with ``n_jobs=1`` (cold caches);
- newskit.keywords(corpus, top=10) with ``n_jobs=2`` (cold caches), when asked.

and prints each wall-clock time and CPU time (this process plus the worker processes), the
CPU ratio to ``yake-rust alone`` (the figure to compare on a shared machine: wall-clock times
there depend on the other work), and articles and characters per CPU second. Run:
``PYTHONPATH=. python benchmarks/bench_keywords.py [--corpus real] [--n 1000] [--jobs 1 2]``
"""

from __future__ import annotations

import argparse
import importlib
import math
import os
import random
import time
import warnings

import pandas as pd
import yake

import newskit
from benchmarks.realnews import realnews_dir
from newskit.corpus import segment
from newskit.corpus.records import Article
from newskit.keywords import yake_adapter
from newskit.synthetic import make_corpus

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


def real_corpus() -> list[Article]:
    """The articles of the real-news calibration sets."""
    folder = realnews_dir()
    if folder is None:
        raise SystemExit("../shared/realnews is not here: use --corpus seeds or generated")
    articles: list[Article] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # their "story" column is kept as metadata
        for path in sorted(folder.glob("*_calibration.jsonl")):
            articles += newskit.load_corpus(path, progress=False)
    return articles


def generated_corpus(n: int, *, seed: int = 1) -> list[Article]:
    """``n`` real-size articles from ``make_corpus`` (10 outlets per story)."""
    frame = make_corpus(-(-n // 10), 10, seed=seed, length="real").iloc[:n]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(newskit.load_corpus(frame.reset_index(drop=True), progress=False))


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
    parser.add_argument("--corpus", choices=("seeds", "real", "generated"), default="seeds")
    parser.add_argument("--n", type=int, default=1000, help="articles (seeds, generated)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="n_jobs to time")
    parser.add_argument("--rounds", type=int, default=2, help="rounds; the least CPU counts")
    parser.add_argument("--no-raw-yake", action="store_true", help="leave the yake loop out")
    args = parser.parse_args()
    if args.corpus == "real":
        corpus = real_corpus()
    elif args.corpus == "generated":
        corpus = generated_corpus(args.n)
    else:
        corpus = list(synthetic_corpus(args.n))
    texts = [a.text for a in corpus]
    chars = sum(map(len, texts))
    print(f"{len(corpus)} {args.corpus} articles, {chars:,} characters")

    extractor = yake.KeywordExtractor(lan="en", n=3, top=10)
    rust = None
    if yake_adapter.yake_rust is not None:
        rust = yake_adapter.yake_rust.Yake(language="en", ngrams=3)
    warm = corpus[: min(20, len(corpus))]  # warm YAKE's and Python's caches for both sides
    for text in texts[: len(warm)]:
        extractor.extract_keywords(text)
    newskit.keywords(warm)

    best: dict[str, tuple[float, float]] = {}  # name -> (wall seconds, CPU seconds)

    def timed(name: str, run) -> str:
        c0, t0 = _cpu(), time.perf_counter()
        run()
        took, cpu = time.perf_counter() - t0, _cpu() - c0
        if name not in best or cpu < best[name][1]:
            best[name] = (took, cpu)
        return f"{name} {took:.2f} s (CPU {cpu:.2f} s)"

    def raw_yake() -> None:
        for text in texts:
            extractor.extract_keywords(text)

    def rust_alone() -> None:
        for text in texts:
            rust.get_n_best(text, n=10)

    for r in range(args.rounds):
        shown = []
        if rust is not None:
            shown.append(timed("yake-rust alone", rust_alone))
        if not args.no_raw_yake:
            shown.append(timed("raw YAKE loop", raw_yake))
        for jobs in args.jobs:
            _cold()
            newskit.sentences(corpus, progress=False)  # split before, as in run.py
            shown.append(
                timed(
                    f"newskit.keywords n_jobs={jobs}",
                    lambda jobs=jobs: newskit.keywords(corpus, top=10, n_jobs=jobs),
                )
            )
        print(f"round {r + 1}: " + "; ".join(shown), flush=True)
    base_name = "yake-rust alone" if rust is not None else "raw YAKE loop"
    base = best[base_name][1] if base_name in best else math.nan
    print(f"least CPU of {args.rounds} round(s); CPU ratio to {base_name}; per CPU second:")
    for name, (took, cpu) in best.items():
        print(
            f"  {name:28s} {took:8.2f} s wall   CPU {cpu:8.2f} s   {cpu / base:5.2f}x   "
            f"{len(corpus) / cpu:7.1f} articles/s   {chars / cpu / 1000:7.1f} kB/s"
        )


def _cpu() -> float:
    """CPU seconds used by this process and its finished children (the n_jobs workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


if __name__ == "__main__":
    main()
