"""reuse_graph on real web news (../shared/realnews): papers that run the same wire story are
not copying each other. Skips when the real news is absent (a fresh clone elsewhere)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

import newskit
from newskit.resources.wires import WIRE_NAMES

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = [
    Path(os.environ.get("NEWSKIT_REALNEWS", ROOT / "missing")),
    ROOT.parent / "shared" / "realnews",
    ROOT.parent.parent / "shared" / "realnews",  # a git worktree beside the repository
]
FOUND = next((p for p in CANDIDATES if (p / "giveme5w_calibration.jsonl").is_file()), None)
pytestmark = pytest.mark.skipif(
    FOUND is None,
    reason="real news not found: set NEWSKIT_REALNEWS or put it at ../shared/realnews",
)
WIRE_STORIES = [
    "american_airlines_apologizes_after_g_league_players_accused_of_stealing_blankets_thrown_off_flight",
    "erie_smashes_snowfall_record_with_flakes_still_falling",
    "possible_meteor_lights_up_night_sky_in_new_england",
    "rihanna_calls_for_an_end_to_gun_violence_after_death_of_her_cousin_in_barbados",
]
OTHER_STORIES = [
    "how_a_small_bird_managed_to_take_over_a_delta_flight",
    "Sarah_Silverman_and_Michael_Sheen_Break_Up",
]


@pytest.fixture(scope="module")
def graph() -> tuple[pd.DataFrame, dict[str, newskit.Article], pd.DataFrame]:
    path = FOUND / "giveme5w_calibration.jsonl"
    gold = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold[row["id"]] = row["story"]
    keep = [i for i, s in gold.items() if s in WIRE_STORIES + OTHER_STORIES]
    corpus = newskit.load_corpus(path, progress=False).select(keep)
    edges = newskit.reuse_graph(corpus, stories=gold, min_share=0.0)
    labels = pd.read_csv(ROOT / "benchmarks" / "data" / "reuse_labels.csv", dtype=str)
    # the labels read with confidence (see benchmarks/data/reuse_labels.md)
    labels = labels[labels["story"].isin(WIRE_STORIES + OTHER_STORIES) & (labels["sure"] == "yes")]
    return edges, {a.id: a for a in corpus}, labels


def _relation(edges: pd.DataFrame, a: str, b: str) -> pd.Series:
    pair = {a, b}
    rows = edges[
        [{s, d} == pair for s, d in zip(edges["source_id"], edges["derived_id"], strict=True)]
    ]
    assert len(rows) == 1
    return rows.iloc[0]


def test_strong_edges_between_wire_copies_say_which_wire(graph) -> None:
    edges, by_id, _ = graph
    strong = edges[edges["share"] >= 0.5]
    credited = strong[
        [by_id[s].wire is not None or by_id[d].wire is not None
         for s, d in zip(strong["source_id"], strong["derived_id"], strict=True)]
    ]  # fmt: skip
    assert len(credited) >= 10
    for e in credited.itertuples():
        wires = {by_id[e.source_id].wire, by_id[e.derived_id].wire} - {None}
        assert e.relation == "shared_wire" and e.common_source in wires, e.evidence
    same_wire = [
        e
        for e in edges.itertuples()
        if by_id[e.source_id].wire and by_id[e.source_id].wire == by_id[e.derived_id].wire
    ]
    assert same_wire and all(e.relation != "copy" for e in same_wire)


def test_labelled_edges_of_these_stories(graph) -> None:
    edges, _, labels = graph
    assert len(labels) >= 25  # tweets only, AP copy, a syndicated story
    for r in labels.itertuples():
        e = _relation(edges, r.a_id, r.b_id)
        assert e["relation"] == r.relation, (r.note, e["evidence"])
        if r.relation == "copy":
            assert e["source_id"] == r.source_id
        if r.relation == "shared_wire" and r.common_source in WIRE_NAMES.values():
            assert e["common_source"] == r.common_source


def test_reuse_labels_are_well_formed() -> None:
    """Every labelled pair names two articles of one gold story in its file, once, with a
    relation, a source among the two for ``copy``, a common source for ``shared_wire`` and one
    of the splits ``benchmarks/eval_reuse.py`` reports."""
    labels = pd.read_csv(
        ROOT / "benchmarks" / "data" / "reuse_labels.csv", dtype=str, keep_default_na=False
    )
    assert len(labels) >= 159
    stories = {}
    for dataset in set(labels["dataset"]):
        for line in (FOUND / f"{dataset}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            stories[row["id"]] = row["story"]
    pairs = [frozenset((a, b)) for a, b in zip(labels["a_id"], labels["b_id"], strict=True)]
    assert len(set(pairs)) == len(pairs)
    for r in labels.itertuples():
        assert stories[r.a_id] == stories[r.b_id] == r.story, r
        assert r.relation in ("copy", "shared_wire", "independent"), r
        assert (r.source_id in (r.a_id, r.b_id)) == (r.relation == "copy"), r
        assert bool(r.common_source) == (r.relation == "shared_wire"), r
        assert r.split in ("tuned", "dev", "heldout1", "heldout2", "heldout3"), r
        assert r.sure in ("yes", "no") and r.note, r
