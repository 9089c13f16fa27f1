"""Load → clean → sentences → tokens over 1,000 copies of the seeds (5,000 articles).

Prints articles per second for each stage and the whole pass, each also as a ratio to a
baseline measured in the same run: reading the same files with ``Path.read_text`` and splitting
them with ``re.findall(r"\\w+")``. Peak memory is the process's maximum resident set size.
Usage: python benchmarks/bench_corpus.py [--copies 1000]
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

import newskit
from newskit.corpus import segment


def make_corpus(folder: Path, copies: int) -> int:
    """Write ``copies`` distinct copies of each seed into ``folder``; return the file count."""
    seeds = sorted(newskit.seeds_path().glob("*.txt"))
    texts = [(p.stem, p.read_bytes()) for p in seeds]
    for k in range(copies):
        for stem, data in texts:
            # a distinct line after the first one, so the header and closing rules still apply
            cut = data.index(b"\n") + 1
            marked = data[:cut] + f"Copy {k} of the story.\n".encode() + data[cut:]
            (folder / f"c{k:04d}_{stem}.txt").write_bytes(marked)
    return copies * len(texts)


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n = make_corpus(folder, args.copies)
        paths = sorted(folder.glob("*.txt"))

        def baseline():
            return sum(len(re.findall(r"\w+", p.read_text(encoding="utf-8"))) for p in paths)

        _, t_base = timed(baseline)
        _, t_read = timed(lambda: newskit.load_corpus(folder, clean=False))
        corpus, t_load = timed(lambda: newskit.load_corpus(folder))
        segment._sentence_spans.cache_clear()
        segment._article_tokens.cache_clear()
        sents, t_sent = timed(lambda: newskit.sentences(corpus))
        toks, t_tok = timed(lambda: newskit.tokens(corpus))
    t_clean = max(t_load - t_read, 0.0)
    total = t_load + t_sent + t_tok
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"newskit {newskit.__version__}, Python {sys.version.split()[0]}, {n} articles")
    print(f"{'stage':<28}{'seconds':>9}{'articles/s':>12}{'x baseline':>12}")
    rows = [
        ("baseline read + \\w+ split", t_base),
        ("load (read, decode)", t_read),
        ("clean (boilerplate rules)", t_clean),
        ("sentences", t_sent),
        ("tokens", t_tok),
        ("whole pass", total),
    ]
    for name, secs in rows:
        rate = n / secs if secs else float("inf")
        print(f"{name:<28}{secs:>9.2f}{rate:>12.0f}{secs / t_base:>12.1f}")
    print(f"{len(sents)} sentences, {len(toks)} tokens; peak RSS {rss_mb:.0f} MB")
    print(f"whole pass under 10 s: {'yes' if total < 10 else 'no'} ({total:.2f} s)")


if __name__ == "__main__":
    main()
