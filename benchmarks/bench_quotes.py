"""Speed of ``quotations`` on the real news: this tree against a git ref, in the same run.

    .venv/bin/python benchmarks/bench_quotes.py [--against main] [--rounds 3]

The ref's ``newskit`` package is taken with ``git archive`` into a temporary folder. Each round
runs the ref, then this tree, each in a child process of the same interpreter, over every
article of the two realnews calibration files (``../shared/realnews/``), timing in CPU seconds
(the machine is shared):

- ``quotations``: ``quotations(article)`` for each article alone;
- ``corpus``: ``corpus_quotations`` over each file: every quotation with the names judged over
  the corpus (a version without it runs ``quotations`` over each article);
- ``shared``: ``shared_quotes`` over each file, its stories the ``story`` labels of the file;
- ``tokens``: ``article_tokens`` for each article, the baseline that shows how busy the
  machine was for that version.

Prints the articles per second of each version (the median of the rounds), this tree's rate
over the ref's (above 1: this tree is faster) and, under ``per tokens``, the same ratio
divided by the ratio of the ``tokens`` baseline measured in the same round (the median over
the rounds): how much faster this tree is once a busier machine for one child is allowed for.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
FILES = ("giveme5w_calibration.jsonl", "ecbplus_calibration.jsonl")
TIMED = ("quotations", "corpus", "shared", "tokens")


def child() -> None:
    """Time one version (the ``newskit`` first on ``sys.path``); print JSON on stdout."""
    from realnews import realnews_dir

    import newskit
    from newskit.corpus.segment import article_tokens
    from newskit.reuse import quotes

    folder = realnews_dir()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpora = [list(newskit.load_corpus(folder / f, progress=False)) for f in FILES]
    articles = [a for c in corpora for a in c]
    for a in articles:
        a.raw  # noqa: B018 (loaded before timing)
    out: dict[str, float | int | str] = {"newskit": str(Path(newskit.__file__).parent)}
    t = time.process_time()
    for a in articles:
        article_tokens(a)
    out["tokens"] = time.process_time() - t
    t = time.process_time()
    n = sum(len(quotes.quotations(a)) for a in articles)
    out["quotations"] = time.process_time() - t
    out["n_quotations"] = n
    corpus_quotations = getattr(quotes, "corpus_quotations", None)
    t = time.process_time()
    for c in corpora:
        if corpus_quotations is not None:
            corpus_quotations(c)
        else:
            for a in c:
                quotes.quotations(a)
    out["corpus"] = time.process_time() - t
    story = {}
    for f in FILES:
        with open(folder / f, encoding="utf-8") as fh:
            story.update((r["id"], r["story"]) for r in map(json.loads, fh))
    t = time.process_time()
    n_shared = 0
    for c in corpora:
        n_shared += len(quotes.shared_quotes(c, stories={a.id: story[a.id] for a in c}))
    out["shared"] = time.process_time() - t
    out["n_shared_rows"] = n_shared
    out["articles"] = len(articles)
    print(json.dumps(out))


def run_version(path: Path) -> dict:
    """One child run with ``path`` (a folder holding ``newskit/``) first on ``sys.path``."""
    env = dict(os.environ, PYTHONPATH=str(path), TQDM_DISABLE="1")
    done = subprocess.run(
        [sys.executable, __file__, "--child"], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--against", default="main", help="git ref to compare with (default main)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child()
        return
    from realnews import realnews_dir

    if realnews_dir() is None:
        sys.exit("../shared/realnews is absent: the real news are not on this machine")
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.against, "newskit"],
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        runs: dict[str, list[dict]] = {args.against: [], "tree": []}
        for _ in range(args.rounds):
            runs[args.against].append(run_version(Path(tmp)))
            runs["tree"].append(run_version(ROOT))
    first = runs["tree"][0]
    print(f"{first['articles']} realnews articles, {args.rounds} rounds, CPU time, median")
    print(f"{'':12}{args.against:>14}{'tree':>14}{'tree/' + args.against:>14}{'per tokens':>12}")
    for key in TIMED:
        rate = {v: statistics.median(r["articles"] / r[key] for r in rs) for v, rs in runs.items()}
        ratio = rate["tree"] / rate[args.against]
        # each round's ratio over the same round's ratio of the tokens baseline
        fair = statistics.median(
            (r[args.against][key] / r["tree"][key])
            / (r[args.against]["tokens"] / r["tree"]["tokens"])
            for r in ({v: rs[i] for v, rs in runs.items()} for i in range(args.rounds))
        )
        print(
            f"{key:12}{rate[args.against]:>10.0f} a/s{rate['tree']:>10.0f} a/s"
            f"{ratio:>14.2f}{fair:>12.2f}"
        )
    for key in ("n_quotations", "n_shared_rows"):
        print(f"{key}: {runs[args.against][0][key]} ({args.against}), {first[key]} (tree)")


if __name__ == "__main__":
    main()
