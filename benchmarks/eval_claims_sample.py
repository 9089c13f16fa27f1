"""Precision and recall of ``numeric_claims`` on a labelled sample of real news sentences.

The sample (``benchmarks/data/claims_sample_sentences.csv``: 40 sentences from each real set of
``../shared/realnews``, drawn at random among sentences with a digit or a number or date word)
and its labels (``claims_sample_labels.csv``: every numeric claim's span as ids and offsets,
``is_claim`` 1; an extracted span that is no claim, 0) follow the rubric in
``claims_sample.md``. A claim found is one the extractor reports with a span overlapping a
labelled claim; precision is the share of the extractor's claims in the sampled sentences that
overlap a labelled claim, recall the share of labelled claims overlapped by one.

    PYTHONPATH=. .venv/bin/python benchmarks/eval_claims_sample.py
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from realnews import realnews_dir

import newskit

DATA = Path(__file__).resolve().parent / "data"


def evaluate(folder: Path) -> dict[str, dict[str, float]]:
    """Per real set and overall: claims extracted, labelled, found, precision, recall."""
    sentences = pd.read_csv(DATA / "claims_sample_sentences.csv", dtype={"article_id": str})
    labels = pd.read_csv(DATA / "claims_sample_labels.csv", dtype={"article_id": str})
    gold = labels[labels["is_claim"] == 1]
    out: dict[str, dict[str, float]] = {}
    totals = dict.fromkeys(("extracted", "correct", "labelled", "found"), 0)
    for name, part in sentences.groupby("set"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = newskit.load_corpus(folder / f"{name}_calibration.jsonl")
        wanted = set(part["article_id"])
        corpus = newskit.Corpus([a for a in corpus if a.id in wanted])
        claims = newskit.numeric_claims(corpus, stories=dict.fromkeys(wanted, "s"))
        counts = dict.fromkeys(totals, 0)
        for s in part.itertuples():
            got = claims[
                (claims["article_id"] == s.article_id)
                & (claims["start"] >= s.start)
                & (claims["end"] <= s.end)
            ]
            want = gold[gold["sample"] == s.sample]
            spans = list(zip(want["start"], want["end"], strict=True))
            found = [(a, b) for a, b in zip(got["start"], got["end"], strict=True)]
            counts["extracted"] += len(found)
            counts["correct"] += sum(any(a < e and s_ < b for s_, e in spans) for a, b in found)
            counts["labelled"] += len(spans)
            counts["found"] += sum(any(a < e and s_ < b for a, b in found) for s_, e in spans)
        out[str(name)] = _rates(counts)
        for k in totals:
            totals[k] += counts[k]
    out["all"] = _rates(totals)
    return out


def _rates(c: dict[str, int]) -> dict[str, float]:
    return {
        **c,
        "precision": round(c["correct"] / c["extracted"], 3) if c["extracted"] else float("nan"),
        "recall": round(c["found"] / c["labelled"], 3) if c["labelled"] else float("nan"),
    }


def main() -> None:
    folder = realnews_dir()
    if folder is None:
        sys.exit("no ../shared/realnews: nothing to evaluate")
    for name, r in evaluate(folder).items():
        print(
            f"{name:<10} extracted {r['extracted']:>4}  labelled {r['labelled']:>4}  "
            f"precision {r['precision']:.3f}  recall {r['recall']:.3f}"
        )


if __name__ == "__main__":
    main()
