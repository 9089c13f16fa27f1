"""One row per story, and which outlet covered which story: ``story_table``,
``outlet_story_coverage``.

Both take the stories as ``newskit.stories`` returns them (or read them from a corpus whose
articles carry story ids, or compute them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import pandas as pd

from newskit.corpus.records import Article
from newskit.stories.group import Stories, article_terms, assigned_story, story_map

STORY_TABLE_COLUMNS = [
    "story_id",
    "n_articles",
    "n_outlets",
    "outlets",
    "first_date",
    "last_date",
    "label",
    "terms",
]
OUTLET_STORY_COLUMNS = [
    "story_id",
    "outlet",
    "n_articles",
    "article_ids",
    "first_date",
    "lag_days",
    "is_first",
]
# Top terms listed per story.
N_TERMS = 5
# What an article without an outlet is counted as.
NO_OUTLET = "(no outlet)"


def _story_groups(
    corpus: Iterable[Article], stories: Stories
) -> tuple[list[Article], dict[str, list[Article]]]:
    articles = list(corpus)
    mapping = story_map(articles, stories)
    groups: dict[str, list[Article]] = {}
    for a in articles:
        groups.setdefault(assigned_story(mapping[a.id]) or a.id, []).append(a)
    return articles, groups


def story_table(
    corpus: Iterable[Article],
    stories: Stories = None,
) -> pd.DataFrame:
    """One row per story.

    ``stories``: ``newskit.stories(corpus)`` output or ``{article_id: story_id}``; None uses the
    ids the articles carry (``Corpus.with_stories``) or computes them. Returns ``story_id,
    n_articles, n_outlets, outlets, first_date, last_date, label, terms``: ``outlets`` the
    outlets' names joined by ``", "`` (alphabetical), dates as datetime64 (NaT when no article
    of the story is dated), ``label`` the headline of the story's earliest article (its top
    terms when no article has a title), ``terms`` its ``N_TERMS`` most telling words (TF-IDF
    summed over its articles) joined by ``", "``. Largest story first, then by first date.
    """
    articles, groups = _story_groups(corpus, stories)
    df = Counter(t for a in articles for t in article_terms(a))
    return story_table_frame(story_rows(groups, df, len(articles)))


def story_rows(groups: Mapping[str, list[Article]], df: Mapping[str, int], n: int) -> list[tuple]:
    """The ``story_table`` rows of ``groups`` (story id → its articles, in corpus order), with
    terms weighed by ``df`` (``article_terms`` document frequencies over a corpus of ``n``
    articles; for part of a corpus, those of the whole one)."""
    rows = []
    for sid, members in groups.items():
        outlets = sorted({a.outlet for a in members if a.outlet})
        dates = sorted(a.date for a in members if a.date is not None)
        terms = ", ".join(_top_terms(members, df, n))
        titled = [a for a in members if a.title]
        if titled:
            earliest = min(titled, key=lambda a: (a.date is None, a.date or 0, members.index(a)))
            label = earliest.title
        else:
            label = terms
        rows.append(
            (
                sid,
                len(members),
                len(outlets),
                ", ".join(outlets),
                dates[0] if dates else None,
                dates[-1] if dates else None,
                label,
                terms,
            )
        )
    return rows


def story_table_frame(rows: list[tuple]) -> pd.DataFrame:
    """``story_table``'s frame from ``story_rows``: typed, largest story first, then by first
    date."""
    out = pd.DataFrame(rows, columns=STORY_TABLE_COLUMNS)
    out["first_date"] = pd.to_datetime(out["first_date"])
    out["last_date"] = pd.to_datetime(out["last_date"])
    out = out.sort_values(
        ["n_articles", "first_date", "story_id"], ascending=[False, True, True], na_position="last"
    )
    return out.reset_index(drop=True).astype({"n_articles": "int64", "n_outlets": "int64"})


def _top_terms(members: list[Article], df: Mapping[str, int], n: int) -> list[str]:
    """The story's most telling terms: summed counts weighted by ``(n + 1) / (df + 1)``; a
    two-word name replaces its words."""
    weights: Counter[str] = Counter()
    for a in members:
        for t, c in article_terms(a).items():
            weights[t] += c * (n + 1) / (df.get(t, 0) + 1)
    out: list[str] = []
    covered: set[str] = set()
    for t, _ in sorted(weights.items(), key=lambda x: (-x[1], x[0])):
        words = set(t.split())
        if words <= covered:
            continue
        if " " in t:
            out = [o for o in out if o not in words]
        out.append(t)
        covered |= words
        if len(out) >= N_TERMS:
            break
    return out


def outlet_story_coverage(
    corpus: Iterable[Article],
    stories: Stories = None,
) -> pd.DataFrame:
    """Which outlet covered which story, and who published first: one row per (story, outlet).

    Returns ``story_id, outlet, n_articles, article_ids, first_date, lag_days, is_first``:
    ``article_ids`` joined by ``", "``, ``first_date`` the outlet's earliest date in the story
    (NaT if none of its articles is dated), ``lag_days`` days after the story's earliest dated
    article (NaN when unknown), ``is_first`` True for every outlet whose article came on the
    story's first day. Articles without an outlet count as ``NO_OUTLET``. Sorted by story (as
    ``story_table``), then ``lag_days``, then outlet.
    """
    _, groups = _story_groups(corpus, stories)
    rows = []
    for sid, members in groups.items():
        dated = [a.date for a in members if a.date is not None]
        start = min(dated) if dated else None
        by_outlet: dict[str, list[Article]] = {}
        for a in members:
            by_outlet.setdefault(a.outlet or NO_OUTLET, []).append(a)
        for outlet, arts in by_outlet.items():
            ds = [a.date for a in arts if a.date is not None]
            first = min(ds) if ds else None
            lag = (first - start).days if first is not None and start is not None else None
            rows.append(
                (sid, outlet, len(arts), ", ".join(a.id for a in arts), first, lag, lag == 0)
            )
    out = pd.DataFrame(rows, columns=OUTLET_STORY_COLUMNS)
    out["first_date"] = pd.to_datetime(out["first_date"])
    out["lag_days"] = out["lag_days"].astype(float)
    out["is_first"] = out["is_first"].astype(bool)
    order = {sid: k for k, sid in enumerate(story_table_order(groups))}
    out["_order"] = out["story_id"].map(order)
    out = out.sort_values(["_order", "lag_days", "outlet"], na_position="last")
    return out.drop(columns="_order").reset_index(drop=True).astype({"n_articles": "int64"})


def story_table_order(groups: Mapping[str, list[Article]]) -> list[str]:
    """Story ids largest first, then by first date (as ``story_table`` sorts them)."""

    def key(sid: str) -> tuple:
        dates = [a.date for a in groups[sid] if a.date is not None]
        first = min(dates).toordinal() if dates else float("inf")
        return (-len(groups[sid]), first, sid)

    return sorted(groups, key=key)
