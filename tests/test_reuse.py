"""reuse_graph: who rewrote whom, with evidence."""

from __future__ import annotations

from newskit import reuse_graph
from newskit.reuse.graph import REUSE_COLUMNS

AP, NL = "003_9f741c860b40ed27", "002_d09e47004eca7c4b"

ORIGINAL = (
    "Heavy rain flooded the river valley on Tuesday, forcing hundreds of families to leave "
    "their homes. The regional governor declared a state of emergency and asked the army for "
    "boats. Forecasters expect more storms over the weekend, with the river still rising."
)
# a rewrite of ORIGINAL that adds paragraphs of its own
REWRITE = (
    "Hundreds of families were forced from their homes on Tuesday after torrential rain "
    "flooded the valley along the river. A state of emergency was declared by the regional "
    "governor, who requested army boats. Meteorologists warned that further storms are "
    "expected this weekend as the river keeps rising. Local shops closed early and schools "
    "will stay shut until Monday. Volunteers filled sandbags near the old stone bridge."
)
BANK = "The central bank kept interest rates unchanged on Thursday. Markets rose after it."


def test_seeds_name_ap_as_source_of_newslooks(seeds) -> None:
    g = reuse_graph(seeds)
    assert list(g.columns) == REUSE_COLUMNS
    edge = g[(g["source_id"] == AP) & (g["derived_id"] == NL)]
    assert len(edge) == 1
    e = edge.iloc[0]
    assert e["share"] > 0.8 and e["derived_share"] < e["share"]
    assert e["confidence"] >= 0.5
    assert f"coverage: {AP} is the more fully reused" in e["evidence"]
    assert "3-gram containment" in e["evidence"] and "2025-09-12" in e["evidence"]
    # no edge runs the other way
    assert g[(g["source_id"] == NL) & (g["derived_id"] == AP)].empty


def test_rewrite_with_additions_points_from_original(make_corpus) -> None:
    g = reuse_graph(make_corpus({"new": REWRITE, "orig": ORIGINAL, "bank": BANK}))
    assert list(zip(g["source_id"], g["derived_id"], strict=True)) == [("orig", "new")]
    assert g["share"].iloc[0] == 1.0


def test_dates_and_wire_credit_settle_identical_copies(make_corpus) -> None:
    meta = "file,outlet,date\nlater.txt,Daily,2024-05-02\nwire.txt,AP,2024-05-01\n"
    copy = ORIGINAL.replace("Tuesday", "Tuesday, AP reported")
    g = reuse_graph(make_corpus({"later": copy, "wire": ORIGINAL}, metadata=meta))
    (e,) = g.itertuples()
    assert (e.source_id, e.derived_id) == ("wire", "later")
    assert "later credits AP" in e.evidence and "earlier is the source" in e.evidence


def test_unrelated_articles_have_no_edges(make_corpus) -> None:
    assert reuse_graph(make_corpus({"a": ORIGINAL, "b": BANK})).empty


def test_min_share_filters(seeds) -> None:
    assert len(reuse_graph(seeds, min_share=0.0)) > len(reuse_graph(seeds, min_share=0.95))
