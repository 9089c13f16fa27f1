"""reuse_graph: who rewrote whom, and who only carries the same wire copy, with evidence."""

from __future__ import annotations

import pytest

import newskit
from newskit import reuse_graph
from newskit.reuse.graph import REUSE_COLUMNS, UNKNOWN_SOURCE

AP, NL = "003_9f741c860b40ed27", "002_d09e47004eca7c4b"

STORY = [
    "Heavy rain flooded the river valley on Tuesday, forcing hundreds of families to leave "
    "their homes.",
    "The regional governor declared a state of emergency and asked the army for boats.",
    "Forecasters expect more storms over the weekend, with the river still rising in places.",
    "Volunteers filled sandbags near the old stone bridge until long after midnight.",
]
ORIGINAL = " ".join(STORY)
# a rewrite of ORIGINAL that adds paragraphs of its own
REWRITE = (
    "Hundreds of families were forced from their homes on Tuesday after torrential rain "
    "flooded the valley along the river. A state of emergency was declared by the regional "
    "governor, who requested army boats. Meteorologists warned that further storms are "
    "expected this weekend as the river keeps rising. Local shops closed early and schools "
    "will stay shut until Monday. Volunteers filled sandbags near the old stone bridge."
)
BANK = "The central bank kept interest rates unchanged on Thursday. Markets rose after it."
QUOTE = (
    "“We will rebuild every street that was lost in this flood, whatever it takes,” the mayor "
    "said on Wednesday."
)


def _edge(g, a: str, b: str):
    rows = g[((g["source_id"] == a) & (g["derived_id"] == b)) | (g["source_id"] == b)
             & (g["derived_id"] == a)]  # fmt: skip
    assert len(rows) == 1, g[["source_id", "derived_id", "relation"]]
    return rows.iloc[0]


def test_seeds_name_ap_as_source_of_newslooks(seeds) -> None:
    g = reuse_graph(seeds)
    assert list(g.columns) == REUSE_COLUMNS
    e = _edge(g, AP, NL)
    assert (e["source_id"], e["derived_id"], e["relation"]) == (AP, NL, "copy")
    assert e["common_source"] is None
    assert e["share"] > 0.8 and e["derived_share"] < e["share"]
    assert e["confidence"] >= 0.5
    assert e["evidence"].startswith(f"copy: {AP} is AP's own article")
    assert "Newslooks rewrote AP's text" in e["evidence"]
    assert "3-gram containment" in e["evidence"] and "2025-09-12" in e["evidence"]
    # every other seed pair shares only quotations or loose paraphrases
    assert set(reuse_graph(seeds, min_share=0)["relation"]) == {"copy", "independent"}


def test_rewrite_published_later_is_a_copy_of_the_original(make_corpus) -> None:
    meta = "file,outlet,date\norig.txt,Valley Post,2024-05-01\nnew.txt,Daily Star,2024-05-02\n"
    g = reuse_graph(make_corpus({"new": REWRITE, "orig": ORIGINAL, "bank": BANK}, metadata=meta))
    (e,) = g.itertuples()
    assert (e.source_id, e.derived_id, e.relation) == ("orig", "new", "copy")
    assert e.share == 1.0 and "orig is earlier" in e.evidence


def test_without_date_or_credit_neither_is_plausibly_first(make_corpus) -> None:
    g = reuse_graph(make_corpus({"new": REWRITE, "orig": ORIGINAL}))
    (e,) = g.itertuples()
    assert (e.relation, e.common_source) == ("shared_wire", UNKNOWN_SOURCE)
    assert "neither is plausibly first" in e.evidence


def test_identical_texts_are_not_ordered_by_their_dates(make_corpus) -> None:
    meta = "file,outlet,date\na.txt,Valley Post,2024-05-01\nb.txt,Daily Star,2024-05-03\n"
    g = reuse_graph(make_corpus({"a": ORIGINAL, "b": ORIGINAL + " " + BANK}, metadata=meta))
    e = _edge(g, "a", "b")
    assert (e["relation"], e["common_source"]) == ("shared_wire", UNKNOWN_SOURCE)
    assert "same words: dates do not order them" in e["evidence"]


def test_two_papers_carrying_one_ap_story_do_not_copy_each_other(make_corpus) -> None:
    meta = "file,outlet,date\nx.txt,Valley Post,2024-05-01\ny.txt,Daily Star,2024-05-02\n"
    texts = {
        "x": "RIVERTON (AP) — " + ORIGINAL,
        "y": ORIGINAL + "\n\nCopyright 2024 The Associated Press. All rights reserved.",
    }
    g = reuse_graph(make_corpus(texts, metadata=meta))
    e = _edge(g, "x", "y")
    assert (e["relation"], e["common_source"]) == ("shared_wire", "AP")
    assert "x and y credit AP" in e["evidence"]
    assert e["confidence"] > 0.9


def test_an_uncredited_copy_of_wire_text_carries_that_wire(make_corpus) -> None:
    meta = (
        "file,outlet,date,url\nx.txt,Valley Post,2024-05-01,"
        "https://valley.example/aponline/2024/flood.html\ny.txt,Daily Star,2024-05-02,\n"
    )
    g = reuse_graph(make_corpus({"x": ORIGINAL, "y": REWRITE}, metadata=meta))
    e = _edge(g, "x", "y")
    assert (e["relation"], e["common_source"]) == ("shared_wire", "AP")
    assert "x credits AP" in e["evidence"] and "ap feed path" in e["evidence"]


def test_a_wire_article_and_one_crediting_it_both_carry_its_copy(make_corpus) -> None:
    meta = "file,outlet,date\nw.txt,AP,2024-05-01\np.txt,Daily Star,2024-05-02\n"
    texts = {"w": ORIGINAL, "p": "RIVERTON (AP) — " + ORIGINAL}
    e = _edge(reuse_graph(make_corpus(texts, metadata=meta)), "w", "p")
    assert (e["relation"], e["common_source"]) == ("shared_wire", "AP")
    # the same wire article and an uncredited rewrite: the rewrite copied it
    texts = {"w": ORIGINAL, "p": REWRITE}
    e = _edge(reuse_graph(make_corpus(texts, metadata=meta)), "w", "p")
    assert (e["relation"], e["source_id"]) == ("copy", "w")
    assert "Daily Star rewrote AP's text" in e["evidence"]


def test_naming_the_other_outlet_makes_it_the_source(make_corpus) -> None:
    meta = (
        "file,outlet,date\nwapo.txt,www.washingtonpost.com,2024-05-01\n"
        "gate.txt,www.sfgate.com,2024-05-01\n"
    )
    told = " “It rose so fast,” a farmer told The Washington Post."
    texts = {"wapo": ORIGINAL + told, "gate": ORIGINAL + told}
    e = _edge(reuse_graph(make_corpus(texts, metadata=meta)), "wapo", "gate")
    assert (e["relation"], e["source_id"]) == ("copy", "wapo")
    assert "names wapo's outlet (The Washington Post)" in e["evidence"]


def test_two_copies_of_one_article_share_its_text(make_corpus) -> None:
    meta = (
        "file,outlet,date\nsrc.txt,Valley Post,2024-05-01\n"
        "a.txt,Daily Star,2024-05-02\nb.txt,Evening Bulletin,2024-05-03\n"
    )
    own = "Local shops closed early and schools will stay shut until Monday, the mayor said."
    texts = {
        "src": ORIGINAL,
        "a": " ".join(STORY[:3]) + " " + BANK + " " + own,
        "b": own.replace("Monday", "Friday") + " " + " ".join(STORY[:3]) + " " + BANK,
    }
    g = reuse_graph(make_corpus(texts, metadata=meta))
    assert _edge(g, "src", "a")["relation"] == "copy"
    assert _edge(g, "src", "b")["relation"] == "copy"
    e = _edge(g, "a", "b")
    assert (e["relation"], e["common_source"]) == ("shared_wire", "Valley Post")
    assert "both are copies of src" in e["evidence"]


def test_shared_quotations_and_posts_are_not_reuse(make_corpus) -> None:
    post = (
        "The river took our street and our shop tonight, stay safe everyone out there. "
        "— Jane Doe (@janedoe) May 1, 2024"
    )
    texts = {
        "a": "Officials met on Monday to plan the repairs.\n" + QUOTE + "\n" + post,
        "b": QUOTE + "\n" + post + "\nThe council votes next week on the budget.",
    }
    meta = "file,outlet,date\na.txt,Valley Post,2024-05-01\nb.txt,Daily Star,2024-05-02\n"
    g = reuse_graph(make_corpus(texts, metadata=meta), min_share=0)
    e = _edge(g, "a", "b")
    assert e["relation"] == "independent" and e["common_source"] is None
    assert e["evidence"].startswith("independent: they share only quotations")


def test_a_passage_both_attribute_to_a_wire_is_that_wires_copy(make_corpus) -> None:
    told = "“The water came in through the windows before dawn,” a local police chief told AFP."
    texts = {
        "a": STORY[0] + " " + told + " " + STORY[2] + " Markets in the capital were calm.",
        "b": "The storm was the worst in decades. " + STORY[0] + " " + told + " " + STORY[2],
    }
    meta = "file,outlet,date\na.txt,Valley Post,2024-05-01\nb.txt,Daily Star,2024-05-02\n"
    e = _edge(reuse_graph(make_corpus(texts, metadata=meta)), "a", "b")
    assert (e["relation"], e["common_source"]) == ("shared_wire", "AFP")
    assert "say someone spoke to AFP" in e["evidence"]


def test_unrelated_articles_have_no_edges(make_corpus) -> None:
    assert reuse_graph(make_corpus({"a": ORIGINAL, "b": BANK})).empty


def test_min_share_filters(seeds) -> None:
    assert len(reuse_graph(seeds, min_share=0.0)) > len(reuse_graph(seeds, min_share=0.95))


@pytest.mark.parametrize("relation", ["copy", "shared_wire", "independent"])
def test_relations_are_the_documented_ones(seeds, relation) -> None:
    assert relation in newskit.reuse.graph.RELATIONS


def test_a_press_release_is_the_source_of_the_news_reproducing_it(make_corpus) -> None:
    release = "SUNNYVALE, Calif. — Acme Corp. (NASDAQ: ACME) today announced a flood relief fund. "
    meta = "file,outlet\nrel.txt,\nnews.txt,Tech Daily\n"
    texts = {"rel": release + ORIGINAL, "news": REWRITE}
    e = _edge(reuse_graph(make_corpus(texts, metadata=meta), across_stories=True), "rel", "news")
    assert (e["relation"], e["source_id"], e["derived_id"]) == ("copy", "rel", "news")
    assert e["evidence"].startswith(
        "copy: rel is a press release (ticker announcement: '(NASDAQ: ACME) today announced')"
    )
    # a news report naming the ticker is no release: neither is plausibly first
    texts["rel"] = "Acme Corp. (NASDAQ: ACME) announced a relief fund on Monday. " + ORIGINAL
    e = _edge(reuse_graph(make_corpus(texts, metadata=meta), across_stories=True), "rel", "news")
    assert (e["relation"], e["common_source"]) == ("shared_wire", UNKNOWN_SOURCE)


def test_one_sentence_both_share_with_a_wire_copy_is_that_wires_copy(make_corpus) -> None:
    background = (
        "It is believed to be the first crash on the line since 1959, when two passengers and "
        "the driver died after a carriage caught fire near the old depot."
    )
    meta = (
        "file,outlet,url\npa.txt,Daily Mail,https://www.dailymail.co.uk/wires/pa/article-1/x.html"
        "\na.txt,Evening Standard,\nb.txt,The Independent,\n"
    )
    texts = {
        "pa": ORIGINAL + " " + background,
        "a": BANK + " " + background + " " + QUOTE,
        "b": QUOTE + " " + background + " The council votes next week on the repair budget.",
    }
    g = reuse_graph(make_corpus(texts, metadata=meta), min_share=0, across_stories=True)
    e = _edge(g, "a", "b")
    assert (e["relation"], e["common_source"]) == ("shared_wire", "PA Media")
    assert e["evidence"].startswith("shared_wire: both carry PA Media copy (the passage")
    # when the third article credits no wire, one shared sentence and a quotation are not reuse
    plain = meta.replace("https://www.dailymail.co.uk/wires/pa/article-1/x.html", "")
    g = reuse_graph(make_corpus(texts, metadata=plain), min_share=0, across_stories=True)
    assert _edge(g, "a", "b")["relation"] == "independent"
    # a quotation with its attribution is not the wire's wording, whoever else carries it
    texts["pa"] = ORIGINAL + " " + QUOTE
    texts["a"], texts["b"] = BANK + " " + QUOTE, QUOTE + " The council votes next week."
    g = reuse_graph(make_corpus(texts, metadata=meta), min_share=0, across_stories=True)
    assert _edge(g, "a", "b")["relation"] == "independent"


def test_a_sentence_matched_inside_a_quotation_is_quoted_in_every_match(make_corpus) -> None:
    # the page pastes a post's words as a paragraph (no marks) and embeds the post itself
    said = (
        "The river took our street and our shop tonight, so stay safe everyone out there. "
        "We will rebuild every single house on this long road together, whatever it takes."
    )
    texts = {
        "a": "Officials met on Monday to plan the repairs after the flood.\n" + said + "\n"
        + said + " — Jane Doe (@janedoe) May 1, 2024\nThe council votes next week.",
        "b": "The mayor's deputy wrote on social media late on Tuesday night.\n" + said
        + "\nSchools will stay shut until Monday, the education office said.",
    }  # fmt: skip
    meta = "file,outlet,date\na.txt,Valley Post,2024-05-01\nb.txt,Daily Star,2024-05-02\n"
    g = reuse_graph(make_corpus(texts, metadata=meta), min_share=0, across_stories=True)
    e = _edge(g, "a", "b")
    assert e["relation"] == "independent", e["evidence"]
    assert "0 close matches of the articles' own wording" in e["evidence"]
