"""Evaluate story grouping (``newskit.stories``) on real labelled news and on generated corpora.

For every labelled set it prints B-cubed precision, recall and F1 (Bagga & Baldwin 1998: per
article, the share of its found story that is in its true story, and of its true story that is
in its found story; averaged over articles), the number of true and found stories, the threshold
the grouping used (``threshold="auto"`` takes it from the corpus) and the time per 1,000
articles (steps 1–9 of ``newskit.stories.group``; the articles are segmented beforehand, as a
notebook would have done).

Real sets: every ``*.jsonl`` in ``../shared/realnews/`` (or ``--realnews``, or
``$NEWSKIT_REALNEWS``) whose rows carry a ``story`` label (ECB+ and Giveme5W1H calibration
halves; a set dropped there later is evaluated too). The label is read from ``Article.meta``
for scoring only; the grouping never sees it. Generated sets: ``newskit.synthetic.make_corpus``
with the shapes ``tests/test_stories.py`` checks.

    .venv/bin/python benchmarks/eval_stories.py                 # defaults, one table
    .venv/bin/python benchmarks/eval_stories.py --grid          # also a grid of the parameters
    .venv/bin/python benchmarks/eval_stories.py --cv 5          # cross-validation on real sets

``--cv R``: for each of ``R`` random splits of each real set's stories into two halves, pick
the grid point with the best mean F1 over the real sets' first halves (the "tuned" choice) and
score it, and the defaults, on the second halves: if tuning on half the stories does no better
on the other half than the defaults do, the defaults are not fitted to those stories.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import time
import warnings
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

import newskit
from newskit.synthetic import make_corpus


def find_realnews() -> Path:
    """``$NEWSKIT_REALNEWS``, else the first ``shared/realnews`` beside the repository or beside
    one of its parent folders (a worktree under ``wt/`` finds the one beside ``main``)."""
    if os.environ.get("NEWSKIT_REALNEWS"):
        return Path(os.environ["NEWSKIT_REALNEWS"])
    root = Path(__file__).resolve().parents[1]
    for parent in root.parents:
        if (parent / "shared" / "realnews").is_dir():
            return parent / "shared" / "realnews"
    return root.parent / "shared" / "realnews"


# Generated corpora: the shapes tests/test_stories.py holds to B-cubed F1 >= 0.97.
GENERATED = {
    "generated 100x3 seed 1": {"n_stories": 100, "n_outlets": 3, "seed": 1},
    "generated 100x3 seed 7": {"n_stories": 100, "n_outlets": 3, "seed": 7},
    "generated 30x5 coverage 0.6": {"n_stories": 30, "n_outlets": 5, "seed": 3, "coverage": 0.6},
    "generated 60x4 some undated": {
        "n_stories": 60,
        "n_outlets": 4,
        "seed": 5,
        "p_undated": 0.3,
        "p_no_outlet": 0.2,
    },
    "generated 20x2 in 10 days": {"n_stories": 20, "n_outlets": 2, "seed": 6, "span_days": 10},
    "generated 40x3 undated": {"n_stories": 40, "n_outlets": 3, "seed": 12, "p_undated": 1.0},
    "generated 50x20 (1,000)": {"n_stories": 50, "n_outlets": 20, "seed": 2},
}
GRID = {
    "threshold": ["auto", 0.05, 0.1, 0.15, 0.2, 0.3],
    "relative": [0.0, 0.35, 0.45, 0.55],
    "days": [3, 7, 14],
}
EVAL_COLUMNS = [
    "set",
    "kind",
    "articles",
    "stories",
    "found",
    "precision",
    "recall",
    "f1",
    "threshold",
    "s_per_1000",
]


def bcubed(predicted: Sequence[str], truth: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed ``(precision, recall, F1)`` of a clustering against the true labels."""
    by_p: dict[str, set[int]] = defaultdict(set)
    by_t: dict[str, set[int]] = defaultdict(set)
    for i, (p, t) in enumerate(zip(predicted, truth, strict=True)):
        by_p[p].add(i)
        by_t[t].add(i)
    both = [len(by_p[p] & by_t[t]) for p, t in zip(predicted, truth, strict=True)]
    n = len(both)
    prec = sum(b / len(by_p[p]) for b, p in zip(both, predicted, strict=True)) / n
    rec = sum(b / len(by_t[t]) for b, t in zip(both, truth, strict=True)) / n
    return prec, rec, 2 * prec * rec / (prec + rec)


def labelled_sets(realnews: Path) -> dict[str, tuple[newskit.Corpus, list[str], str]]:
    """``{name: (corpus, true labels, kind)}``: the real sets found, then the generated ones."""
    out = {}
    for path in sorted(realnews.glob("*.jsonl")) if realnews.is_dir() else []:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "kept as metadata: story"
            corpus = newskit.load_corpus(path)
        if all("story" in a.meta for a in corpus):
            out[path.stem] = (corpus, [str(a.meta["story"]) for a in corpus], "real")
    for name, spec in GENERATED.items():
        frame = make_corpus(**spec)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = newskit.load_corpus(frame)
        out[name] = (corpus, frame["story"].astype(str).tolist(), "generated")
    return out


def score(corpus: newskit.Corpus, truth: list[str], **options: Any) -> dict[str, Any]:
    """Group ``corpus`` with ``options`` and score it against ``truth``."""
    start = time.perf_counter()
    found = newskit.stories(corpus, **options)
    secs = time.perf_counter() - start
    prec, rec, f1 = bcubed(found["story_id"].tolist(), truth)
    return {
        "articles": len(corpus),
        "stories": len(set(truth)),
        "found": found["story_id"].nunique(),
        "precision": round(prec, 3),
        "recall": round(rec, 3),
        "f1": round(f1, 3),
        "threshold": found.attrs.get("threshold"),
        "s_per_1000": round(secs / len(corpus) * 1000, 2),
    }


def defaults_table(sets: dict[str, tuple[newskit.Corpus, list[str], str]]) -> pd.DataFrame:
    """One row per set (columns ``EVAL_COLUMNS``), with the default options."""
    rows = []
    for name, (corpus, truth, kind) in sets.items():
        newskit.tokens(corpus, progress=False)  # segment first, as a notebook would have
        rows.append({"set": name, "kind": kind, **score(corpus, truth)})
    return pd.DataFrame(rows, columns=EVAL_COLUMNS)


def grid_points() -> list[dict[str, Any]]:
    keys = list(GRID)
    return [dict(zip(keys, values, strict=True)) for values in itertools.product(*GRID.values())]


def grid_table(sets: dict[str, tuple[newskit.Corpus, list[str], str]]) -> pd.DataFrame:
    """F1 of every grid point on every set: one row per point, one column per set."""
    points = grid_points()
    rows: list[dict[str, Any]] = [dict(p) for p in points]
    for name, (corpus, truth, _) in sets.items():  # set by set: the grouping's steps are cached
        for row, point in zip(rows, points, strict=True):
            row[name] = score(corpus, truth, **point)["f1"]
    return pd.DataFrame(rows)


def _halves(truth: list[str], rng: random.Random) -> tuple[list[int], list[int]]:
    labels = sorted(set(truth))
    rng.shuffle(labels)
    first = set(labels[: len(labels) // 2])
    a = [k for k, t in enumerate(truth) if t in first]
    b = [k for k, t in enumerate(truth) if t not in first]
    return a, b


def cross_validate(
    sets: dict[str, tuple[newskit.Corpus, list[str], str]], repeats: int, seed: int = 1
) -> pd.DataFrame:
    """Tune on one half of each real set's stories, score on the other half.

    One row per (repeat, set): ``repeat, set, tuned`` (the chosen grid point), ``tuned_train``
    and ``tuned_test`` (its F1 on the tuning and the held-out half), ``default_train`` and
    ``default_test`` (the defaults' F1 on the same halves)."""
    real = {k: v for k, v in sets.items() if v[2] == "real"}
    rng = random.Random(seed)
    rows = []
    points = grid_points()
    for rep in range(repeats):
        halves = {}
        for name, (corpus, truth, _) in real.items():
            a, b = _halves(truth, rng)
            halves[name] = [
                (corpus.select([corpus[k].id for k in part]), [truth[k] for k in part])
                for part in (a, b)
            ]
        train = {
            i: {name: score(*h[0], **p)["f1"] for name, h in halves.items()}
            for i, p in enumerate(points)
        }
        best = max(train, key=lambda i: (sum(train[i].values()), -i))
        for name, ((ca, ta), (cb, tb)) in halves.items():
            rows.append(
                {
                    "repeat": rep,
                    "set": name,
                    "tuned": ", ".join(f"{k}={v}" for k, v in points[best].items()),
                    "tuned_train": train[best][name],
                    "tuned_test": score(cb, tb, **points[best])["f1"],
                    "default_train": score(ca, ta)["f1"],
                    "default_test": score(cb, tb)["f1"],
                }
            )
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--realnews", type=Path, default=None)
    parser.add_argument("--grid", action="store_true", help="also score a grid of parameters")
    parser.add_argument("--cv", type=int, default=0, metavar="R", help="cross-validation repeats")
    parser.add_argument("--real-only", action="store_true", help="skip the generated corpora")
    args = parser.parse_args()
    sets = labelled_sets(args.realnews or find_realnews())
    if args.real_only:
        sets = {k: v for k, v in sets.items() if v[2] == "real"}
    if not any(v[2] == "real" for v in sets.values()):
        print(f"(no labelled real sets in {args.realnews or find_realnews()}: generated only)")
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 30)
    print(defaults_table(sets).to_string(index=False))
    if args.grid:
        print("\nB-cubed F1 over the grid")
        print(grid_table(sets).to_string(index=False))
    if args.cv:
        cv = cross_validate(sets, args.cv)
        print("\nCross-validation: tuned on one half of the stories, scored on the other half")
        print(cv.to_string(index=False))
        means = cv.groupby("set")[["tuned_train", "tuned_test", "default_train", "default_test"]]
        print(means.mean().round(3).to_string())


if __name__ == "__main__":
    main()
