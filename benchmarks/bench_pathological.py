"""Pathological texts: seconds per MB for each corpus stage, and every analysis on a bad corpus.

Inputs are generated here, deterministically (``random.Random``), from 6,000 made-up content
words drawn with Zipf-like frequencies (the k-th word about 1/k as often, as in news), common
function words, abbreviations (``U.S.``, ``Sept. 17``), numbers and percentages:

- ``single_line``: an article of N MB of ordinary sentences with no line break at all;
- ``no_punct``: an article of N MB of words with no sentence punctuation and no line break.

Part 1 prints seconds per MB for load (decode + clean), sentences, tokens and ``corpus.frame()``
on each kind at 0.5 / 1 / 2 / 4 MB; time linear in length shows as a flat s/MB column. The
baseline, measured in the same run, is ``re.findall(r"\\w+")`` over the same text (s/MB), and
each stage is also printed as a ratio to it.

Part 2, "the four-article case": a 1.2 MB single-line article, a 240 KB article without
punctuation and two normal articles (two seeds); it times ``keywords``, ``align``,
``shared_quotes``, ``reuse_graph``, ``coverage`` and ``numeric_claims`` (target: all under 60 s).

Part 3: load + sentences + tokens of a 50 MB single-line file, with ``max_chars`` raised to allow
it (target: under 60 s), and the default refusal message.

Usage: python benchmarks/bench_pathological.py [--sizes 0.5 1 2 4] [--skip-50mb]
       [--only 1|2|3] [--scale 1.0] [--limit 300]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

import newskit

STOPWORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "for",
    "on",
    "with",
    "as",
    "was",
    "at",
    "by",
    "said",
    "from",
    "it",
    "its",
    "has",
    "have",
    "will",
]
SPECIAL = ["U.S.", "Sept. 17", "Dr. Chan", "3.5%", "2,000", "one-third", "90-day", "Jan. 5"]
_SYLLABLES = [
    "ba",
    "ko",
    "ri",
    "tel",
    "man",
    "sor",
    "vin",
    "da",
    "pe",
    "lu",
    "gar",
    "mis",
    "ton",
    "eli",
    "rav",
    "qua",
    "nek",
    "dos",
    "fin",
    "hul",
]


def vocabulary(size: int = 6000, seed: int = 7) -> list[str]:
    """``size`` distinct made-up content words (two or three syllables), deterministic."""
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 3)))))
    return sorted(words)


WORDS = vocabulary()
# Zipf-like weights: the k-th most common content word is used about 1/k as often, as in news.
_WEIGHTS = [1 / (k + 1) for k in range(len(WORDS))]


def _words(rng: random.Random, n: int) -> list[str]:
    content = rng.choices(WORDS, weights=_WEIGHTS, k=n)
    return [w if rng.random() < 0.6 else rng.choice(STOPWORDS) for w in content]


def single_line(n_chars: int, seed: int = 1) -> str:
    """Ordinary sentences (5-30 words, a few abbreviations and numbers) on one line."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n_chars:
        words = _words(rng, rng.randint(5, 30))
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), rng.choice(SPECIAL))
        sentence = " ".join(words).capitalize() + rng.choice([".", ".", ".", "?", "!"])
        out.append(sentence)
        size += len(sentence) + 1
    return " ".join(out)[:n_chars]


def no_punct(n_chars: int, seed: int = 2) -> str:
    """Words and numbers with no sentence punctuation and no line break."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n_chars:
        words = _words(rng, 50)
        if rng.random() < 0.2:
            words.append(str(rng.randint(1, 999)))
        out.extend(words)
        size += sum(map(len, words)) + len(words)
    return " ".join(out)[:n_chars]


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def stages(path: Path, max_chars: int | None = None) -> dict[str, float]:
    """Seconds for load, sentences, tokens and frame on the folder/file at ``path``."""
    from newskit.corpus import segment

    segment._sentence_spans.cache_clear()
    segment._token_table.cache_clear()
    segment._article_tokens.cache_clear()
    kwargs = {} if max_chars is None else {"max_chars": max_chars}
    corpus, t_load = timed(lambda: newskit.load_corpus(path, **kwargs))
    _, t_sent = timed(lambda: newskit.sentences(corpus))
    _, t_tok = timed(lambda: newskit.tokens(corpus))
    _, t_frame = timed(lambda: corpus.frame())
    return {"load": t_load, "sentences": t_sent, "tokens": t_tok, "frame": t_frame}


def part1(sizes: list[float], tmp: Path) -> None:
    print("Part 1: seconds per MB by stage (flat column = linear time)")
    header = f"{'text':12} {'MB':>5} {'baseline':>9} " + " ".join(
        f"{s:>16}" for s in ("load", "sentences", "tokens", "frame")
    )
    print(header)
    for kind, make in (("single_line", single_line), ("no_punct", no_punct)):
        for mb in sizes:
            text = make(int(mb * 1_000_000))
            path = tmp / f"{kind}_{mb}.txt"
            path.write_text(text, encoding="utf-8")
            _, t_base = timed(lambda text=text: re.findall(r"\w+", text))
            got = stages(path)
            base = t_base / mb
            cells = " ".join(f"{t / mb:7.3f} ({t / mb / base:5.1f}x)" for t in got.values())
            print(f"{kind:12} {mb:5.1f} {base:9.4f} {cells}")
            path.unlink()


ANALYSES = ("keywords", "align", "shared_quotes", "reuse_graph", "coverage", "numeric_claims")


def _run_analysis(folder: str, name: str, queue) -> None:
    corpus = newskit.load_corpus(folder)
    newskit.tokens(corpus)  # shared per-article work, cached, not charged to the analysis
    _, t = timed(lambda: getattr(newskit, name)(corpus))
    queue.put(t)


def part2(tmp: Path, scale: float, limit: float) -> None:
    """Each analysis in its own process (fork), stopped after ``limit`` seconds."""
    import multiprocessing as mp

    big, small = int(1_200_000 * scale), int(240_000 * scale)
    print(
        f"\nPart 2: four articles ({big:,} chars single line, {small:,} chars without "
        f"punctuation, two seeds); each analysis stopped after {limit:.0f} s"
    )
    folder = tmp / "four"
    folder.mkdir()
    (folder / "big.txt").write_text(single_line(big), encoding="utf-8")
    (folder / "nopunct.txt").write_text(no_punct(small), encoding="utf-8")
    seeds = sorted(newskit.seeds_path().glob("*.txt"))
    for p in seeds[2:4]:
        (folder / p.name).write_bytes(p.read_bytes())
    corpus, t = timed(lambda: newskit.load_corpus(folder))
    print(f"{'load':16} {t:8.2f} s")
    _, t = timed(lambda: (newskit.sentences(corpus), newskit.tokens(corpus)))
    print(f"{'sentences+tokens':16} {t:8.2f} s")
    ctx = mp.get_context("fork")
    for name in ANALYSES:
        queue = ctx.Queue()
        proc = ctx.Process(target=_run_analysis, args=(str(folder), name, queue))
        start = time.perf_counter()
        proc.start()
        proc.join(limit)
        if proc.is_alive():
            proc.terminate()
            proc.join()
            print(f"{name:16} > {limit:6.0f} s (stopped)")
            continue
        took = queue.get() if not queue.empty() else time.perf_counter() - start
        print(f"{name:16} {took:8.2f} s")


def part3(tmp: Path) -> None:
    print("\nPart 3: a 50 MB single-line file")
    path = tmp / "fifty.txt"
    path.write_text(single_line(50_000_000), encoding="utf-8")
    try:
        newskit.load_corpus(path)
        print("default limit: loaded")
    except newskit.CorpusError as exc:
        print(f"default limit: refused up front: {exc}")
    got = stages(path, max_chars=60_000_000)
    total = got["load"] + got["sentences"] + got["tokens"]
    print(
        "max_chars=60_000_000: "
        + ", ".join(f"{k} {v:.2f} s" for k, v in got.items())
        + f"; load + sentences + tokens {total:.2f} s (target: under 60 s)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=float, default=[0.5, 1, 2, 4])
    parser.add_argument("--skip-50mb", action="store_true")
    parser.add_argument("--only", choices=["1", "2", "3"], default=None)
    parser.add_argument("--scale", type=float, default=1.0, help="part 2 sizes × this")
    parser.add_argument("--limit", type=float, default=300.0, help="part 2: seconds per analysis")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        if args.only in (None, "1"):
            part1(args.sizes, tmp_path)
        if args.only in (None, "2"):
            part2(tmp_path, args.scale, args.limit)
        if args.only in (None, "3") and not args.skip_50mb:
            part3(tmp_path)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
