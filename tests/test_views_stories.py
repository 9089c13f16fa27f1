"""The story picker and the stories panel: every control changes what the panel shows."""

from __future__ import annotations

import pandas as pd
import pytest

import newskit
from newskit.synthetic import make_corpus
from newskit.views import (
    keywords_panel,
    overlap_panel,
    reader_panel,
    stories_panel,
    story_choices,
    story_corpus,
    story_picker,
)


def with_stories(corpus: newskit.Corpus, story_of: dict[str, str]) -> newskit.Corpus:
    """``corpus`` whose articles carry ``story_id`` (``Corpus.with_stories`` once it exists)."""
    if hasattr(corpus, "with_stories"):
        return corpus.with_stories(
            pd.DataFrame({"article_id": list(story_of), "story_id": list(story_of.values())})
        )
    for a in corpus:  # before branch `stories` lands: the contract's attribute, set by hand
        object.__setattr__(a, "story_id", story_of.get(a.id))
    return corpus


@pytest.fixture
def three_stories() -> newskit.Corpus:
    """Three stories of 3 articles and one ("big") of 5, labelled with the true stories."""
    small = make_corpus(3, 3, seed=7, p_undated=0, p_no_outlet=0)
    big = make_corpus(1, 5, seed=8, p_no_outlet=0).assign(
        id=lambda d: "big-" + d["id"], story="big"
    )
    frame = pd.concat([small, big], ignore_index=True)
    corpus = newskit.load_corpus(frame.drop(columns="story"))
    return with_stories(corpus, dict(zip(frame["id"], frame["story"], strict=True)))


def test_story_choices_largest_first(three_stories) -> None:
    choices = story_choices(three_stories)
    assert [sid for _, sid in choices] == ["big", "story-000", "story-001", "story-002", "all"]
    assert choices[0][0].startswith("big · 5 articles, 5 outlets")
    assert len(story_corpus(three_stories, "story-001")) == 3
    assert len(story_corpus(three_stories, "all")) == 14
    with pytest.raises(KeyError):
        story_corpus(three_stories, "nope")


def test_corpus_without_stories_is_one_choice(seeds) -> None:
    assert story_choices(seeds) == [(f"all articles ({len(seeds)})", "all")]
    picker = story_picker(seeds, reader_panel)
    assert len(picker.items) == 1 and picker.items[0].controls  # the reader itself


def test_story_picker_switches_the_inner_panel(three_stories) -> None:
    built = []

    def build(c):
        built.append(c.ids)
        return overlap_panel(c)

    picker = story_picker(three_stories, build)
    inner = picker.items[0]
    assert len(inner.figure.data[0].y) == 5  # the largest story: 5 articles
    picker.controls["story"].value = "story-002"
    assert len(picker.items[0].figure.data[0].y) == 3
    assert set(built[-1]) == {a.id for a in three_stories if a.story_id == "story-002"}
    picker.controls["story"].value = "big"
    assert picker.items[0] is inner and len(built) == 2  # built once per story


def test_story_picker_on_keywords_and_unknown_story(three_stories) -> None:
    picker = story_picker(three_stories, keywords_panel, story="story-000")
    outlets = set(picker.items[0].controls["outlet"].options)
    assert outlets == {a.outlet for a in story_corpus(three_stories, "story-000")}
    with pytest.raises(KeyError, match="no story 'x'"):
        story_picker(three_stories, keywords_panel, story="x")


def test_stories_panel_controls(three_stories) -> None:
    p = stories_panel(three_stories)
    assert len(p.table) == 4 and len(p.figure.layout.yaxis.categoryarray) == 4
    p.controls["min_articles"].value = 5
    assert list(p.table["story_id"]) == ["big"]
    p.controls["min_articles"].value = 1
    outlet = next(a.outlet for a in three_stories if a.story_id == "story-001")
    p.controls["outlet"].value = outlet
    covered = {a.story_id for a in three_stories if a.outlet == outlet}
    assert set(p.table["story_id"]) == covered
    p.controls["outlet"].value = "(all)"
    p.controls["top"].value = 2
    assert len(p.figure.layout.yaxis.categoryarray) == 2


def test_pick_story_default_all_and_unknown(three_stories, seeds) -> None:
    from newskit.app.stories import pick_story, with_stories

    assert {a.story_id for a in pick_story(three_stories)} == {"big"}
    assert len(pick_story(three_stories, "story-002")) == 3
    assert len(pick_story(three_stories, "all")) == 14
    with pytest.raises(KeyError, match=r"no story 'nope'.*'big', 'story-000'"):
        pick_story(three_stories, "nope")
    assert len(pick_story(seeds)) == len(seeds)  # no stories assigned: the whole corpus
    full, table = with_stories(three_stories)  # stories already assigned: kept
    assert full is three_stories
    if table is not None:
        assert table["story_id"].iloc[0] == "big"
