"""The story picker and the stories panel: every control changes what the panel shows."""

from __future__ import annotations

import pandas as pd
import pytest
from multistory import frame as multistory_frame

import newskit
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
    df = multistory_frame(3, 4, per_story=3, seed=7)
    df = pd.concat(
        [df, multistory_frame(1, 4, per_story=4, seed=8).assign(id=lambda d: "big_" + d["id"])],
        ignore_index=True,
    )
    corpus = newskit.load_corpus(df)
    return with_stories(
        corpus, {a.id: ("big" if a.id.startswith("big") else a.id[:4]) for a in corpus}
    )


def test_story_choices_largest_first(three_stories) -> None:
    choices = story_choices(three_stories)
    assert [sid for _, sid in choices] == ["big", "s000", "s001", "s002", "all"]
    assert choices[0][0].startswith("big · 4 articles, 4 outlets")
    assert len(story_corpus(three_stories, "s001")) == 3
    assert len(story_corpus(three_stories, "all")) == 13
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
    assert len(inner.figure.data[0].y) == 4  # the largest story: 4 articles
    picker.controls["story"].value = "s002"
    assert len(picker.items[0].figure.data[0].y) == 3
    assert set(built[-1]) == {a.id for a in three_stories if a.id.startswith("s002")}
    picker.controls["story"].value = "big"
    assert picker.items[0] is inner and len(built) == 2  # built once per story


def test_story_picker_on_keywords_and_unknown_story(three_stories) -> None:
    picker = story_picker(three_stories, keywords_panel, story="s000")
    outlets = set(picker.items[0].controls["outlet"].options)
    assert outlets == {a.outlet for a in story_corpus(three_stories, "s000")}
    with pytest.raises(KeyError, match="no story 'x'"):
        story_picker(three_stories, keywords_panel, story="x")


def test_stories_panel_controls(three_stories) -> None:
    p = stories_panel(three_stories)
    assert len(p.table) == 4 and len(p.figure.layout.yaxis.categoryarray) == 4
    p.controls["min_articles"].value = 4
    assert list(p.table["story_id"]) == ["big"]
    p.controls["min_articles"].value = 1
    outlet = next(a.outlet for a in three_stories if a.id.startswith("s001"))
    p.controls["outlet"].value = outlet
    covered = {a.story_id for a in three_stories if a.outlet == outlet}
    assert set(p.table["story_id"]) == covered
    p.controls["outlet"].value = "(all)"
    p.controls["top"].value = 2
    assert len(p.figure.layout.yaxis.categoryarray) == 2
