"""Benchmark: MinHash LSH candidate pairs against the exhaustive (exact) method.

Run from the repository root::

    PYTHONPATH=. python benchmarks/bench_overlap.py                 # 1,000 and 10,000 articles
    PYTHONPATH=. python benchmarks/bench_overlap.py --sizes 1000 --align-up-to 1000

For each corpus size it times ``newskit.candidate_pairs`` with ``method="exhaustive"`` and
``method="lsh"`` in the same run (after segmenting every article once, which both share) and
reports the LSH time as a ratio of the exhaustive time, and the recall of LSH: the share of
the exhaustive pairs that LSH also finds (LSH checks every proposal exactly, so it finds no
pair the exhaustive method would not). With ``--align-up-to``
it also runs ``newskit.align`` on both candidate sets and compares the aligned passages.

How the synthetic articles are made (all deterministic, from the five seeds):

- The corpus is made of **stories** of ``PER_STORY`` (10) articles. A story is the five seed
  articles with every content word enciphered for that story (``bessent`` → ``bessentqb``), so
  two stories share no content vocabulary, except ``KEEP_PERCENT`` (3 %, or
  ``--keep-percent``) of words chosen by a hash and left as they are in every story, plus
  numbers and function words: the noise that makes unrelated stories look a little alike.
- Articles 0–4 of a story are its five enciphered seeds. Articles 5–9 are rewrites of seed
  ``j mod 5``: each sentence kept with probability 0.7, neighbours shuffled, 15 % of words
  replaced by other words of the story, and two sentences borrowed from another seed of the
  story.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import zlib

import pandas as pd

import newskit
from newskit.resources.reuse import STOPWORDS
from newskit.reuse.candidates import sentence_units

PER_STORY = 10
KEEP_PERCENT = 3
_WORD = re.compile(r"[A-Za-z]+")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def _code(k: int) -> str:
    letters = ""
    k += 26
    while k:
        k, r = divmod(k, 26)
        letters = chr(ord("a") + r) + letters
    return "q" + letters


def _encipher(text: str, code: str, keep_percent: int = KEEP_PERCENT) -> str:
    def sub(m: re.Match) -> str:
        w = m.group()
        low = w.lower()
        if len(w) <= 2 or low in STOPWORDS or zlib.crc32(low.encode()) % 100 < keep_percent:
            return w
        return w + code

    return _WORD.sub(sub, text)


def _rewrite(sentences: list[str], other: list[str], vocab: list[str], rng: random.Random) -> str:
    kept = [s for s in sentences if rng.random() < 0.7] or sentences[:1]
    for i in range(len(kept) - 1):  # shuffle neighbours
        if rng.random() < 0.3:
            kept[i], kept[i + 1] = kept[i + 1], kept[i]
    out = []
    for s in kept:
        words = s.split(" ")
        words = [rng.choice(vocab) if rng.random() < 0.15 else w for w in words]
        out.append(" ".join(words))
    for s in rng.sample(other, min(2, len(other))):
        out.insert(rng.randrange(len(out) + 1), s)
    return " ".join(out)


def synthetic_corpus(n_articles: int, *, keep_percent: int = KEEP_PERCENT) -> newskit.Corpus:
    """``n_articles`` synthetic articles made from the seeds (see the module docstring)."""
    seeds = newskit.load_corpus()
    seed_sents = [
        [seeds[k].raw[s.start : s.end] for s in newskit.segment.sentence_spans(seeds[k])]
        for k in range(len(seeds))
    ]
    vocab = sorted({w for a in seeds for w in _WORD.findall(a.text) if len(w) > 3})
    rows = []
    for i in range(n_articles):
        story, j = divmod(i, PER_STORY)
        base = j % len(seeds)
        if j < len(seeds):
            text = " ".join(seed_sents[base])
        else:
            rng = random.Random(story * 1000 + j)
            other = seed_sents[(base + 1 + rng.randrange(len(seeds) - 1)) % len(seeds)]
            text = _rewrite(list(seed_sents[base]), other, vocab, rng)
        rows.append(
            {"id": f"s{story:05d}_{j}", "text": _encipher(text, _code(story), keep_percent)}
        )
    return newskit.load_corpus(pd.DataFrame(rows))


def _timed(fn, *args, **kwargs):
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--align-up-to", type=int, default=1000)
    ap.add_argument(
        "--keep-percent",
        type=int,
        default=KEEP_PERCENT,
        help="share of words left unenciphered, i.e. shared by all stories",
    )
    args = ap.parse_args(argv)
    lines = []
    for n in args.sizes:
        corpus, t_make = _timed(synthetic_corpus, n, keep_percent=args.keep_percent)
        # segmenting and term extraction are shared by both methods (and cached): done first
        _, t_units = _timed(lambda c: [sentence_units(a) for a in c], corpus)
        ex, t_ex = _timed(newskit.candidate_pairs, corpus, method="exhaustive")
        lsh, t_lsh = _timed(newskit.candidate_pairs, corpus, method="lsh")
        ex_pairs = set(zip(ex["a_id"], ex["b_id"], strict=True))
        lsh_pairs = set(zip(lsh["a_id"], lsh["b_id"], strict=True))
        same_story = {p for p in ex_pairs if p[0][:6] == p[1][:6]}
        recall = len(ex_pairs & lsh_pairs) / len(ex_pairs) if ex_pairs else 1.0
        story_recall = len(same_story & lsh_pairs) / len(same_story) if same_story else 1.0
        n_sent = len(newskit.sentences(corpus))
        line = (
            f"{n:>6} articles, {args.keep_percent}% shared words ({n_sent} sentences, "
            f"built in {t_make:.1f}s, "
            f"segmented in {t_units:.1f}s): "
            f"exhaustive {t_ex:.2f}s, {len(ex_pairs)} pairs "
            f"({len(ex_pairs) - len(same_story)} across stories) | "
            f"LSH {t_lsh:.2f}s, {len(lsh_pairs)} pairs | "
            f"LSH/exhaustive time {t_lsh / t_ex:.2f}, recall {recall:.4f} "
            f"(same-story pairs {story_recall:.4f})"
        )
        print(line, flush=True)
        lines.append(line)
        if n <= args.align_up_to:
            a_ex, ta_ex = _timed(newskit.align, corpus, candidates="exhaustive", quotes=False)
            a_lsh, ta_lsh = _timed(newskit.align, corpus, candidates="lsh", quotes=False)
            key = ["a_id", "a_start", "b_id", "b_start"]
            found = a_ex[key].merge(a_lsh[key], how="inner").shape[0]
            line = (
                f"{'':>6} align: exhaustive candidates {ta_ex:.2f}s, {len(a_ex)} passages | "
                f"LSH candidates {ta_lsh:.2f}s, {len(a_lsh)} passages | time ratio "
                f"{ta_lsh / ta_ex:.2f}, passage recall {found / max(len(a_ex), 1):.4f}"
            )
            print(line, flush=True)
            lines.append(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
