"""Stories in the panels: a story picker that puts any per-story panel on one story at a time,
and the stories panel (timeline by outlet and the table of stories).

Articles carry their story in ``article.story_id`` once ``Corpus.with_stories`` has run; a
corpus whose articles have no story is treated as one story holding every article.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML

from newskit.corpus.corpus import Corpus
from newskit.figures.stories import TOP_STORIES, story_timeline
from newskit.views._panel import Panel

#: The story id the picker offers when no article carries one: the whole corpus.
ALL = "all"


def _story_of(article: Any) -> str | None:
    return getattr(article, "story_id", None)


def story_choices(corpus: Corpus, table: pd.DataFrame | None = None) -> list[tuple[str, str]]:
    """``(label, story_id)`` for every story in ``corpus``, largest first (ties: story id),
    for a dropdown. The label gives the size, the number of outlets and the story's ``label``
    from ``table`` (``newskit.story_table``) or its earliest article's title. Articles without
    a story come next as "(no story)" (id ``""``), then ``"all"``, the whole corpus; a corpus
    without stories gives only ``[("all articles (N)", "all")]``.
    """
    groups: dict[str | None, list] = {}
    for a in corpus:
        groups.setdefault(_story_of(a), []).append(a)
    if set(groups) <= {None}:
        n = len(corpus)
        return [(f"all articles ({n})", ALL)]
    known: dict[str, str] = {}
    if table is not None and "label" in table.columns:
        known = {str(s): str(lbl) for s, lbl in zip(table["story_id"], table["label"], strict=True)}
    ordered = sorted((s for s in groups if s is not None), key=lambda s: (-len(groups[s]), str(s)))
    choices = []
    for sid in ordered:
        arts = groups[sid]
        outlets = {a.outlet for a in arts if a.outlet}
        dated = sorted((a for a in arts if a.date), key=lambda a: (a.date, a.id))
        text = known.get(str(sid)) or next((a.title for a in dated + arts if a.title), "") or ""
        text = text if len(text) <= 60 else text[:59] + "…"
        choices.append(
            (f"{sid} · {len(arts)} articles, {len(outlets)} outlets · {text}".rstrip(" ·"), sid)
        )
    if None in groups:
        choices.append((f"(no story) · {len(groups[None])} articles", ""))
    choices.append((f"all articles ({len(corpus)})", ALL))
    return choices


def story_corpus(corpus: Corpus, story: str | None) -> Corpus:
    """The articles of one story (``story_id``); ``"all"`` or ``None`` gives the whole corpus,
    ``""`` the articles without a story. Raises ``KeyError`` for an unknown story."""
    if story in (None, ALL):
        return corpus
    wanted = None if story == "" else story
    ids = [a.id for a in corpus if _story_of(a) == wanted]
    if not ids:
        raise KeyError(f"no articles in story {story!r}")
    return corpus.select(ids)


def story_picker(
    corpus: Corpus,
    build: Callable[[Corpus], Any],
    *,
    story: str | None = None,
    table: pd.DataFrame | None = None,
    title: str | None = None,
    name: str = "story",
) -> Panel:
    """A ``story`` dropdown above the panel ``build(story_corpus)`` makes for the chosen story.

    ``build``: any panel builder taking a corpus (``keywords_panel``, ``overlap_panel``,
    ``claims_panel``, ``reader_panel``, or a ``lambda c: …`` passing more options). ``story``:
    the story shown first (default: the largest). Each story's panel is built once and kept,
    so going back to a story keeps its control values. The inner panel is ``picker.items[0]``.
    """
    choices = story_choices(corpus, table)
    ids = [sid for _, sid in choices]
    if story is not None and story not in ids:
        raise KeyError(f"no story {story!r}; choose one of {ids[:10]}")
    controls = {
        "story": widgets.Dropdown(
            options=choices,
            value=story if story is not None else ids[0],
            description="Story",
            layout=widgets.Layout(width="60em"),
        )
    }
    built: dict[str, Any] = {}

    def render(story: str):
        if story not in built:
            built[story] = build(story_corpus(corpus, story))
        return built[story]

    return Panel(controls, render, title=title, name=name)


def stories_panel(
    corpus: Corpus,
    table: pd.DataFrame | None = None,
    *,
    frame: pd.DataFrame | None = None,
) -> Panel:
    """The stories of a corpus: controls ``outlet`` (all, or the stories one outlet covered),
    ``min_articles`` and ``top`` (stories drawn); shows ``story_timeline`` and the story table
    (``table``, from ``newskit.story_table``; without it, the articles' story ids and titles).
    ``frame``: ``corpus.frame()`` if already computed."""
    frame = corpus.frame() if frame is None else frame
    if "story_id" not in frame.columns:
        frame = frame.assign(story_id=[_story_of(a) for a in corpus])
    if table is None:  # what the articles say: their story ids, sizes, dates and titles
        labels = _earliest_titles(corpus)
        grouped = frame.dropna(subset=["story_id"]).groupby("story_id", sort=False)
        table = pd.DataFrame(
            {
                "n_articles": grouped.size(),
                "n_outlets": grouped["outlet"].nunique(),
                "first_date": grouped["date"].min(),
                "last_date": grouped["date"].max(),
            }
        ).reset_index()
        table["label"] = table["story_id"].map(labels)
        table = table.sort_values(
            ["n_articles", "story_id"], ascending=[False, True], kind="stable"
        ).reset_index(drop=True)
    outlets = sorted({o for o in frame["outlet"] if isinstance(o, str) and o})
    sizes = frame.groupby("story_id", dropna=True).size()
    largest = int(sizes.max()) if len(sizes) else 1
    controls = {
        "outlet": widgets.Dropdown(
            options=["(all)", *outlets], value="(all)", description="Outlet"
        ),
        "min_articles": widgets.IntSlider(
            value=1, min=1, max=max(1, largest), description="min articles"
        ),
        "top": widgets.IntSlider(
            value=min(TOP_STORIES, max(1, len(sizes))),
            min=1,
            max=max(1, len(sizes)),
            description="stories drawn",
        ),
    }

    def render(outlet: str, min_articles: int, top: int):
        keep = set(sizes[sizes >= min_articles].index.astype(str))
        if outlet != "(all)":
            keep &= set(frame.loc[frame["outlet"] == outlet, "story_id"].dropna().astype(str))
        if not keep:
            return HTML("<p>No story matches.</p>")
        arts = frame[frame["story_id"].astype(str).isin(keep)]
        rows = table[table["story_id"].astype(str).isin(keep)].reset_index(drop=True)
        title = None
        if outlet != "(all)":
            title = f"Stories {outlet} covered ({len(keep)}), over time, by outlet"
        return [story_timeline(arts, rows, top=top, title=title), rows]

    return Panel(controls, render, title="Stories", name="stories")


def _earliest_titles(corpus: Corpus) -> dict[str, str]:
    """story id → the title of its earliest dated article (or its first titled one)."""
    titles: dict[str, tuple] = {}
    for a in corpus:
        sid = _story_of(a)
        if sid is None or not a.title:
            continue
        key = (a.date is None, a.date or "", a.id)
        if sid not in titles or key < titles[sid][0]:
            titles[sid] = (key, a.title)
    return {sid: title for sid, (_, title) in titles.items()}
