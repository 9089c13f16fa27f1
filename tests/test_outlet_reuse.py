"""outlet_reuse: who copies whom across the corpus, counted in sentences."""

from __future__ import annotations

import pandas as pd

import newskit
from newskit.reuse.outlets import OUTLET_REUSE_COLUMNS
from newskit.synthetic import make_corpus

ORIGINAL = [
    "Floodwater swept through the lower town of Marlow on Tuesday night, officials said.",
    "Engineer Priya Castellan said the old weir had cracked under the weight of debris.",
    "Volunteers stacked sandbags along Quay Street until dawn.",
    "The council will publish a full report on the repairs next month.",
]
COPY = [
    ORIGINAL[0],
    ORIGINAL[1],
    "Shopkeepers counted the cost as the river slowly fell back within its banks.",
    "Insurers sent assessors to the worst-hit streets on Wednesday morning.",
    "Residents were told to boil their drinking water until further notice.",
]
OTHER = [
    "The city orchestra opened its winter season with a programme of Baltic music.",
    "Conductor Ilse Varga led the players through three symphonies before an encore.",
]


def _corpus() -> newskit.Corpus:
    frame = pd.DataFrame(
        {
            "id": ["orig", "copy", "other"],
            "outlet": ["Alpha", "Beta", "Gamma"],
            "date": ["2025-05-06", "2025-05-07", "2025-05-07"],
            "text": [" ".join(ORIGINAL), " ".join(COPY), " ".join(OTHER)],
        }
    )
    return newskit.load_corpus(frame)


def test_counts_sentences_reused_from_earlier_articles():
    corpus = _corpus()
    out = newskit.outlet_reuse(corpus, stories={"orig": "flood", "copy": "flood", "other": "music"})
    assert list(out.columns) == OUTLET_REUSE_COLUMNS
    rows = out.set_index(["outlet", "source_outlet"])
    # Gamma covered another story: it is paired with nobody.
    assert set(rows.index) == {("Beta", "Alpha"), ("Alpha", "Beta")}
    beta = rows.loc[("Beta", "Alpha")]
    assert (beta.n_stories, beta.n_sentences, beta.n_reused, beta.n_shared) == (1, 5, 2, 2)
    assert beta.share == 0.4
    assert (beta.n_copy_stories, beta.n_wire_stories, beta.n_wire, beta.wires) == (1, 0, 0, "")
    assert beta.summary == "Beta rewrote Alpha's text in 1 story"
    alpha = rows.loc[("Alpha", "Beta")]
    # Alpha published first: its sentences are shared with Beta, not reused from it.
    assert (alpha.n_sentences, alpha.n_reused, alpha.n_shared) == (4, 0, 2)
    assert alpha.n_copy_stories == 0 and alpha.summary == ""
    assert out.iloc[0][["outlet", "source_outlet"]].tolist() == ["Beta", "Alpha"]


def test_same_day_or_undated_is_shared_not_reused():
    corpus = _corpus()
    frame = pd.DataFrame(
        {
            "id": [a.id for a in corpus],
            "outlet": [a.outlet for a in corpus],
            "date": ["2025-05-06", None, "2025-05-07"],
            "text": [a.raw for a in corpus],
        }
    )
    out = newskit.outlet_reuse(
        newskit.load_corpus(frame), stories={"orig": "s", "copy": "s", "other": "t"}
    )
    beta = out.set_index(["outlet", "source_outlet"]).loc[("Beta", "Alpha")]
    assert beta.n_reused == 0 and beta.n_shared == 2
    # neither is plausibly first: both carry text of an unknown common source
    assert (beta.n_wire, beta.n_wire_stories, beta.wires) == (2, 1, "unknown common source: 1")
    assert "share text from an unknown common source" in beta.summary


def test_generated_corpus_pairs_only_outlets_of_shared_stories():
    frame = make_corpus(12, 4, seed=5, p_copy=0.8, p_no_outlet=0)
    corpus = newskit.load_corpus(frame)
    truth = dict(zip(frame["id"], frame["story"], strict=True))
    al = newskit.align(corpus, stories=truth)
    out = newskit.outlet_reuse(corpus, stories=truth, alignments=al)
    assert len(out) == 4 * 3
    assert (out["n_stories"] == 12).all()
    assert (out["n_reused"] <= out["n_shared"]).all() and (
        out["n_shared"] <= out["n_sentences"]
    ).all()
    assert out["n_reused"].sum() > 0
    assert out["share"].is_monotonic_decreasing


def test_outlets_carrying_the_same_wire_copy_are_shown_apart_from_copying():
    """Two papers run AP's story on three stories; a third paper rewrites one of them."""
    rows = []
    for k in range(3):
        story = [s.replace("Marlow", f"Marlow{k}") for s in ORIGINAL]
        rows.append((f"clarion{k}", "Clarion", "2025-05-06", f"MARLOW (AP) — {' '.join(story)}"))
        credit = "\nCopyright 2025 The Associated Press. All rights reserved."
        rows.append((f"bulletin{k}", "Bulletin", "2025-05-07", " ".join(story) + credit))
    rows.append(("star0", "Star", "2025-05-08", " ".join(COPY).replace("Marlow", "Marlow0")))
    frame = pd.DataFrame(rows, columns=["id", "outlet", "date", "text"])
    corpus = newskit.load_corpus(frame)
    stories = {i: i[-1] for i in frame["id"]}
    out = newskit.outlet_reuse(corpus, stories=stories).set_index(["outlet", "source_outlet"])
    both = out.loc[("Bulletin", "Clarion")]
    # published a day later, yet not a copy: both carry AP copy
    assert (both.n_reused, both.share, both.n_copy_stories) == (0, 0.0, 0)
    assert (both.n_wire_stories, both.wires) == (3, "AP: 3")
    assert both.n_wire == 12 and both.wire_share == round(12 / both.n_sentences, 4)
    assert both.summary == "3 stories carried from AP by both Bulletin and Clarion"
    # the uncredited paper that took two of AP's sentences carries AP copy too
    star = out.loc[("Star", "Clarion")]
    assert (star.n_wire_stories, star.wires, star.n_reused) == (1, "AP: 1", 0)
