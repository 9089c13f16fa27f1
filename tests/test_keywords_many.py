"""Keywords per outlet when each outlet has many articles (many stories in one corpus)."""

from __future__ import annotations

import pytest

import newskit
from newskit.synthetic import make_corpus


@pytest.fixture(scope="module")
def many() -> newskit.Corpus:
    frame = make_corpus(8, 3, seed=13, p_no_outlet=0)
    return newskit.load_corpus(frame).with_stories(
        dict(zip(frame["id"], frame["story"], strict=True))
    )


def test_keyword_table_aggregates_each_outlets_articles(many):
    kw = newskit.keywords(many, top=8)
    table = newskit.keyword_table(many, kw)
    outlets = sorted({a.outlet for a in many})
    assert sorted(table["outlet"].unique()) == outlets  # one column per outlet, not per article
    assert not table.duplicated(["keyword", "outlet"]).any()
    outlet_of = {a.id: a.outlet for a in many}
    kw = kw.assign(outlet=kw["article_id"].map(outlet_of), key=kw["keyword"].str.lower())
    best = kw.groupby(["key", "outlet"])["rank"].min()
    for row in table[table["in_top"]].itertuples():
        assert row.rank == best[(row.keyword.lower(), row.outlet)]
    # counts add up over the outlet's articles
    phrase = table.iloc[0]["keyword"]
    for outlet in outlets:
        per_article = newskit.concordance(
            many.select(a.id for a in many if a.outlet == outlet), phrase
        )
        count = table[(table["keyword"] == phrase) & (table["outlet"] == outlet)]["count"].item()
        assert count == len(per_article)
    # a pivot by outlet works (one row per keyword and outlet)
    assert table.pivot(index="keyword", columns="outlet", values="count").shape[1] == 3


def test_distinctive_terms_by_outlet_and_by_story(many):
    by_outlet = newskit.distinctive_terms(many, by="outlet")
    assert set(by_outlet["group"]) == {a.outlet for a in many}
    by_story = newskit.distinctive_terms(many, by=lambda a: a.story_id)
    assert set(by_story["group"]) == {a.story_id for a in many}
    # each story's most distinctive term is one of its own words
    for story, terms in by_story.groupby("group"):
        top = terms.iloc[0]["term"]
        text = " ".join(a.text.lower() for a in many.story(story))
        assert top in text
