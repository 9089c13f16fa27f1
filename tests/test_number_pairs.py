"""The labelled real-news pairs of numbers (``benchmarks/data/number_pairs.csv``) and how
``compare_claims`` does on them.

The labels are article ids and offsets into ``../shared/realnews/``; the tests that need the
articles skip when that folder is absent (a fresh clone elsewhere).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.realnews import realnews_dir  # noqa: E402

LABELS = ROOT / "benchmarks" / "data" / "number_pairs.csv"
RUBRIC = ROOT / "benchmarks" / "data" / "number_pairs.md"
COLUMNS = ["pair", "corpus", "story", "split", "stratum", "kind", "a_id", "a_start", "a_end",
           "b_id", "b_start", "b_end", "same_fact", "agree", "fact"]  # fmt: skip
FILES = {"giveme5w": "giveme5w_calibration.jsonl", "ecbplus": "ecbplus_calibration.jsonl"}
FOLDER = realnews_dir()
needs_realnews = pytest.mark.skipif(
    FOLDER is None or not (FOLDER / FILES["ecbplus"]).is_file(),
    reason="../shared/realnews/ is not here (a fresh clone elsewhere): the labels point into it",
)


@pytest.fixture(scope="module")
def labels() -> pd.DataFrame:
    return pd.read_csv(LABELS, dtype=str, keep_default_na=False)


def test_labels_are_ids_offsets_and_labels_only(labels):
    assert list(labels.columns) == COLUMNS
    assert len(labels) >= 300 and RUBRIC.is_file()
    assert set(labels["same_fact"]) == {"true", "false"}
    assert set(labels["agree"]) <= {"yes", "no", "rounding", "unclear", ""}
    assert ((labels["agree"] == "") == (labels["same_fact"] == "false")).all()
    assert set(labels["split"]) == {"tune", "heldout"}
    # one story is never on both sides of the split
    assert labels.groupby("story")["split"].nunique().max() == 1
    disagree = labels[labels["agree"] == "no"]
    assert disagree["split"].value_counts().min() >= 10
    assert (labels["fact"].str.len() <= 60).all()  # a few words of ours, never article text


@needs_realnews
def test_labels_point_at_numbers_of_two_outlets_of_one_story(labels):
    articles = {}
    for name, file in FILES.items():
        with open(FOLDER / file, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                articles[row["id"]] = (name, row["story"], row.get("outlet") or row["id"], row)
    for _, r in labels.iterrows():
        a, b = articles[r["a_id"]], articles[r["b_id"]]
        assert a[0] == b[0] == r["corpus"] and a[1] == b[1] == r["story"]
        assert a[2] != b[2], f"pair {r['pair']} is within one outlet"
        for art, s, e in ((a, r["a_start"], r["a_end"]), (b, r["b_start"], r["b_end"])):
            text = art[3]["text"][int(s) : int(e)]
            assert text.strip() == text and text, f"pair {r['pair']}: empty or padded span"


@needs_realnews
@pytest.mark.slow
def test_real_news_figures():
    """Of the labelled pairs ``compare_claims`` puts in one group (dates aside), at least 80%
    state the same fact; at least 60% of the pairs it flags are genuine disagreements."""
    from benchmarks.eval_compare import evaluate_real

    figures = evaluate_real(LABELS)["all"]
    assert figures["matched"] > 0.95
    assert figures["link_precision"] >= 0.8
    assert figures["link_recall"] >= 0.5
    assert figures["flag_precision"] >= 0.6 and figures["flagged_pairs"] >= 10
