"""Benchmark: numeric claims extraction in articles and characters per second, on one core.

5,000 synthetic articles are made from the seeds: each is 8–30 sentences drawn (seeded RNG)
from the seed articles, in paragraphs of one to three sentences, with every digit run replaced
by a random number of the same length and a random article date in 2024–2026, so that no two
texts are alike and caches don't help. ``--realnews`` times the 709 real articles of
``../shared/realnews/`` (both calibration files) instead: longer, noisier texts, the figure to
report beside the generated one.

Lines, each timed from cold segmenter caches unless it says otherwise:

- ``tokenization`` (the baseline): ``newskit.segment.article_tokens`` of every article, the
  cheapest pass every analysis makes (sentence splitting included).
- ``sentences``: ``sentence_spans`` of every article, the split the claims grammar reads.
- ``stories``: ``newskit.stories(corpus)``, which ``numeric_claims`` computes first when it is
  given no stories and the articles carry no story ids (its own tokenization included).
- ``claims``: ``numeric_claims(corpus, stories=…)``, sentence splitting included.
- ``grammar``: the same with the sentences already split: the claims grammar alone, the figure
  issue 19's target (≥ 1,500 articles/s per core) is about.
- ``end to end``: ``numeric_claims(corpus)`` on a corpus without story ids: stories, sentences
  and grammar, as a notebook user pays them the first time.

Ratios are against the tokenization baseline of the same run (above 1.0: faster than
tokenizing). Times are CPU time of this process (``time.process_time``), pinned to one core, the
best of ``--repeat`` runs, so other work on the machine counts against us as little as it can.

    PYTHONPATH=. python benchmarks/bench_claims.py [--n 5000] [--seed 1] [--repeat 3] [--realnews]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import time
import warnings
from collections.abc import Callable

import pandas as pd

import newskit
from benchmarks.realnews import realnews_dir
from newskit.claims.extract import numeric_claims
from newskit.corpus import segment
from newskit.stories import group as _stories


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


def real_corpus() -> newskit.Corpus:
    """Every article of the two real-news calibration files (their gold story kept as metadata,
    unused)."""
    folder = realnews_dir()
    if folder is None:
        raise SystemExit("no shared/realnews folder found; set NEWSKIT_REALNEWS")
    with warnings.catch_warnings():  # "story kept as metadata"
        warnings.simplefilter("ignore")
        parts = [newskit.load_corpus(folder / f"{n}_calibration.jsonl") for n in _REAL_FILES]
    return newskit.Corpus([a for part in parts for a in part], source=str(folder))


_REAL_FILES = ("ecbplus", "giveme5w")


def _renumber(sentence: str, rng: random.Random) -> str:
    """Every digit run replaced by a random number of the same length."""
    return re.sub(
        r"\d+", lambda m: str(rng.randint(10 ** (len(m[0]) - 1), 10 ** len(m[0]) - 1)), sentence
    )


def _clear() -> None:
    """Cold caches: no sentence, token or story is remembered from an earlier line."""
    segment._sentence_spans.cache_clear()
    segment._article_tokens.cache_clear()
    segment._token_table.cache_clear()
    _stories._default_stories.cache_clear()


def _best(run: Callable[[], object], repeat: int, *, cold: bool = True) -> tuple[float, object]:
    """The least CPU time of ``repeat`` runs of ``run`` (caches cleared first when ``cold``),
    and what the last run returned."""
    best, out = float("inf"), None
    for _ in range(repeat):
        if cold:
            _clear()
        t0 = time.process_time()
        out = run()
        best = min(best, time.process_time() - t0)
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs per line; the best counts")
    parser.add_argument(
        "--no-end-to-end", action="store_true", help="skip the end-to-end line (it repeats stories)"
    )
    parser.add_argument(
        "--realnews", action="store_true", help="time the real articles of ../shared/realnews"
    )
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    corpus = real_corpus() if args.realnews else synthetic_corpus(args.n, args.seed)
    n, chars = len(corpus), sum(len(a.text) for a in corpus)
    rep = args.repeat

    base, n_tokens = _best(lambda: sum(len(segment.article_tokens(a)) for a in corpus), rep)
    split, n_sents = _best(lambda: sum(len(segment.sentence_spans(a)) for a in corpus), rep)
    story_time, story_frame = _best(lambda: newskit.stories(corpus), 1)
    story_of = dict(zip(story_frame["article_id"], story_frame["story_id"], strict=True))
    claims_time, claims = _best(
        lambda: numeric_claims(corpus, stories=story_of, progress=False), rep
    )
    for a in corpus:  # sentences split once, kept for the grammar line
        segment.sentence_spans(a)
    grammar, again = _best(
        lambda: numeric_claims(corpus, stories=story_of, progress=False), rep, cold=False
    )
    assert again.equals(claims)
    lines = [
        ("baseline tokenization", base, f"{n_tokens} tokens"),
        ("sentences", split, f"{n_sents} sentences"),
        ("stories", story_time, f"{story_frame['story_id'].nunique()} stories"),
        ("claims (with split)", claims_time, f"{len(claims)} claims"),
        ("grammar alone", grammar, "sentences already split"),
    ]
    if not args.no_end_to_end:
        end_time, end = _best(lambda: numeric_claims(corpus, progress=False), 1)
        assert end.equals(claims)
        lines.append(("end to end", end_time, "stories + sentences + grammar"))

    source = "real news" if args.realnews else "generated"
    print(f"{source} articles: {n} ({chars / n:.0f} chars each on average), CPU time,", end=" ")
    print(f"best of {rep}")
    print(f"{'':22} {'articles/s':>10} {'kchars/s':>9} {'vs tokenization':>15}")
    for name, took, note in lines:
        print(f"{name:22} {n / took:10.0f} {chars / took / 1e3:9.0f} {base / took:15.2f}  ({note})")


if __name__ == "__main__":
    main()
