"""Stories for the notebooks and the report: give a corpus its stories once, pick one story.

The notebooks' ``parameters`` cell holds ``STORY = None``; they call::

    full, stories = newskit.app.stories.with_stories(newskit.load_corpus(CORPUS))
    corpus = newskit.app.stories.pick_story(full, STORY)

``STORY``: ``None`` is the largest story (or the only one), ``"all"`` every article, anything
else a ``story_id`` from the story table.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from newskit.corpus.corpus import Corpus
from newskit.stories import stories, story_diagnostics, story_table
from newskit.views.stories import ALL, story_choices, story_corpus

__all__ = ["ALL", "pick_story", "with_stories"]

# story_diagnostics columns the story table carries.
DIAGNOSTICS_SHOWN = ["story_id", "cohesion", "nearest_story", "nearest_similarity", "note"]


def with_stories(corpus: Corpus, **options: Any) -> tuple[Corpus, pd.DataFrame | None]:
    """``(corpus with story ids, story table)``.

    Articles that already carry a ``story_id`` are kept as they are; otherwise the stories come
    from ``newskit.stories(corpus, **options)`` and ``Corpus.with_stories``, the table from
    ``newskit.story_table`` (``story_id, n_articles, n_outlets, outlets, first_date,
    last_date, label, terms``) and ``newskit.story_diagnostics`` (``cohesion, nearest_story,
    nearest_similarity, note``), largest story first. An empty corpus gives ``(corpus, None)``.
    """
    if not len(corpus):
        return corpus, None
    if all(getattr(a, "story_id", None) is not None for a in corpus):
        frame = pd.DataFrame({"article_id": corpus.ids, "story_id": [a.story_id for a in corpus]})
        return corpus, _with_diagnostics(corpus, frame)
    frame = stories(corpus, **options)
    return corpus.with_stories(frame), _with_diagnostics(corpus, frame)


def _with_diagnostics(corpus: Corpus, frame: pd.DataFrame) -> pd.DataFrame:
    diag = story_diagnostics(corpus, frame)[DIAGNOSTICS_SHOWN]
    return _largest_first(story_table(corpus, frame).merge(diag, on="story_id", how="left"))


def _largest_first(table: pd.DataFrame) -> pd.DataFrame:
    return table.sort_values(
        ["n_articles", "story_id"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def pick_story(corpus: Corpus, story: str | None = None) -> Corpus:
    """The articles of ``story``: ``None`` the largest story (ties: the smallest story id),
    ``"all"`` the whole corpus, else that ``story_id`` (``KeyError`` naming the choices when
    there is no such story)."""
    if story is None:
        story = story_choices(corpus)[0][1] if len(corpus) else ALL
    try:
        return story_corpus(corpus, story)
    except KeyError:
        ids = [sid for _, sid in story_choices(corpus)]
        raise KeyError(
            f"no story {story!r} in this corpus; set STORY to one of {ids[:10]}"
            + (" …" if len(ids) > 10 else "")
            + ", None (the largest) or 'all'"
        ) from None
