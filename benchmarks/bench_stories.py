"""Benchmark: story grouping and every cross-article call on generated multi-story corpora.

Run from the repository root::

    PYTHONPATH=. python benchmarks/bench_stories.py                  # 300 and 1,000 articles
    PYTHONPATH=. python benchmarks/bench_stories.py --sizes 300 --scaling 500 1000 2000

Corpora come from ``newskit.synthetic.make_corpus`` (deterministic): 300 articles are
100 stories × 3 outlets, 1,000 articles are 50 stories × 20 outlets. For each corpus the
**baseline** is segmenting every article into sentences and tokens once
(``newskit.tokens``), the per-article work every analysis needs; each call is reported in
seconds and as a ratio to that baseline, measured in the same run. Calls run in the order a
notebook would make them, on the corpus with its stories assigned (``corpus.with_stories``);
``reuse_graph``, ``coverage`` and ``outlet_reuse`` are given ``align``'s output. With
``--across`` (on by default for corpora up to 300 articles) ``align(across_stories=True)``
is timed too: what aligning without stories costs. ``stories`` is scored against the true
labels with B-cubed F1.

``--scaling`` times ``stories()`` alone on larger corpora (stories of 5 outlets) and reports
seconds per 1,000 articles, as a ratio to the smallest size: near 1 means linear.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import newskit
from newskit.synthetic import make_corpus

SHAPES = {300: (100, 3), 1000: (50, 20)}


def bcubed_f1(predicted: list[str], truth: list[str]) -> float:
    """B-cubed F1 of a clustering against true labels."""
    by_p: dict[str, set[int]] = defaultdict(set)
    by_t: dict[str, set[int]] = defaultdict(set)
    for i, (p, t) in enumerate(zip(predicted, truth, strict=True)):
        by_p[p].add(i)
        by_t[t].add(i)
    prec = sum(len(by_p[p] & by_t[t]) / len(by_p[p]) for p, t in zip(predicted, truth, strict=True))
    rec = sum(len(by_p[p] & by_t[t]) / len(by_t[t]) for p, t in zip(predicted, truth, strict=True))
    prec, rec = prec / len(predicted), rec / len(predicted)
    return 2 * prec * rec / (prec + rec)


def _timed(func: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    out = func()
    return out, time.perf_counter() - start


def bench(size: int, *, across: bool) -> None:
    n_stories, n_outlets = SHAPES.get(size, (size // 5, 5))
    frame = make_corpus(n_stories, n_outlets, seed=1)
    corpus, t_load = _timed(lambda: newskit.load_corpus(frame))
    _, base = _timed(lambda: newskit.tokens(corpus))
    print(f"\n{len(corpus)} articles = {n_stories} stories × {n_outlets} outlets")
    print(f"  baseline (segment every article once): {base:.2f} s   [load_corpus {t_load:.2f} s]")
    rows: list[tuple[str, float, str]] = []
    found, t = _timed(lambda: newskit.stories(corpus))
    f1 = bcubed_f1(found["story_id"].tolist(), frame["story"].tolist())
    rows.append(("stories", t, f"{found['story_id'].nunique()} stories, B-cubed F1 {f1:.3f}"))
    corpus = corpus.with_stories(found)
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("story_table", lambda: newskit.story_table(corpus)),
        ("outlet_story_coverage", lambda: newskit.outlet_story_coverage(corpus)),
        ("candidate_pairs", lambda: newskit.candidate_pairs(corpus)),
        ("overlap_matrix", lambda: newskit.overlap_matrix(corpus)),
        ("align", lambda: newskit.align(corpus)),
    ]
    results: dict[str, Any] = {}
    for name, func in steps:
        results[name], t = _timed(func)
        rows.append((name, t, f"{len(results[name])} rows"))
    al = results["align"]
    for name, func in [
        ("shared_quotes", lambda: newskit.shared_quotes(corpus)),
        ("reuse_graph(alignments=)", lambda: newskit.reuse_graph(corpus, alignments=al)),
        ("coverage(alignments=)", lambda: newskit.coverage(corpus, alignments=al)),
        ("outlet_reuse(alignments=)", lambda: newskit.outlet_reuse(corpus, alignments=al)),
    ]:
        out, t = _timed(func)
        rows.append((name, t, f"{len(out)} rows"))
    if across:
        out, t = _timed(lambda: newskit.align(corpus, across_stories=True))
        rows.append(("align(across_stories=True)", t, f"{len(out)} rows"))
    width = max(len(r[0]) for r in rows)
    for name, t, note in rows:
        print(f"  {name:<{width}}  {t:7.2f} s  {t / base:6.1f}× baseline   {note}")


def scaling(sizes: list[int]) -> None:
    print("\nstories() scaling (stories of 5 outlets)")
    first = None
    for size in sizes:
        frame = make_corpus(size // 5, 5, seed=2)
        corpus = newskit.load_corpus(frame)
        newskit.tokens(corpus)
        found, t = _timed(lambda c=corpus: newskit.stories(c))
        per_k = t / len(corpus) * 1000
        first = first or per_k
        f1 = bcubed_f1(found["story_id"].tolist(), frame["story"].tolist())
        print(
            f"  {len(corpus):6d} articles  {t:7.2f} s  {per_k:6.2f} s per 1,000  "
            f"{per_k / first:5.2f}× the smallest  F1 {f1:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[300, 1000])
    parser.add_argument("--scaling", type=int, nargs="*", default=[500, 1000, 2000, 4000])
    parser.add_argument(
        "--across",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="also time align(across_stories=True) (default: up to 300 articles)",
    )
    args = parser.parse_args()
    for size in args.sizes:
        bench(size, across=args.across if args.across is not None else size <= 300)
    if args.scaling:
        scaling(args.scaling)


if __name__ == "__main__":
    main()
