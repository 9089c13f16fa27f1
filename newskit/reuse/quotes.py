"""Quotations that recur across articles: ``shared_quotes(corpus) -> DataFrame``.

A quotation is text between quotation marks (``“…”``, ``"…"``, ``«…»``; the table is
``newskit.resources.reuse.QUOTE_MARKS``) inside one kept span of the article, with at least
``min_words`` words. Two quotations match when, compared as lower-case words without
punctuation, the shorter one is (nearly) contained in the longer one: rapidfuzz's partial ratio
reaches ``min_ratio``. So a quote that one outlet trimmed (“We talked about … the relationship”
from a longer “We just need to de-risk …, and we talked about … the relationship”) or
re-punctuated still matches. Matches are grouped transitively into one ``quote_id``.

The speaker is the name the sentence gives next to a speech verb (``SPEECH_VERBS``): “…,”
Bessent said; said Jeremy Chan; Bessent described his talks … as “…”. Pronouns are not
resolved (speaker left empty).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

import pandas as pd
from rapidfuzz import fuzz

from newskit.corpus.records import Article
from newskit.corpus.segment import sentence_spans
from newskit.grouping import connected_groups
from newskit.resources.reuse import NOT_SPEAKERS, QUOTE_MARKS, SPEECH_VERBS
from newskit.stories import Stories, story_map

QUOTE_COLUMNS = ["quote_id", "article_id", "start", "end", "text", "speaker", "n_articles"]
DEFAULT_MIN_WORDS = 2
DEFAULT_MIN_RATIO = 0.9
# Longest quotation looked for (characters); longer "quotes" are unbalanced marks.
MAX_QUOTE_CHARS = 1500

_OPEN = "".join(QUOTE_MARKS)
_QUOTE = re.compile(
    "|".join(
        re.escape(o) + r"([^" + re.escape(o + c) + f"]{{1,{MAX_QUOTE_CHARS}}})" + re.escape(c)
        for o, c in QUOTE_MARKS.items()
    )
)
_WORD = re.compile(r"\w+(?:[’'‐‑-]\w+)*")
_NAME = r"(?:[A-Z][\w’'‐‑-]*\.?)(?:\s+(?:[A-Z][\w’'‐‑-]*\.?|de|van|von|al|bin))*"
_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
# "…,” Bessent said" / "Bessent described … as" (name then verb, up to 60 characters apart)
_NAME_VERB = re.compile(r"(" + _NAME + r")\s+(?:\w+\s+){0,2}?(?:" + _VERBS + r")\b")
# "said Jeremy Chan" / "according to Jeremy Chan"
_VERB_NAME = re.compile(r"\b(?i:" + _VERBS + r")(?:\s+to)?\s+(" + _NAME + r")")


class Quotation(NamedTuple):
    """A quotation in raw offsets (without its marks), with its words and speaker."""

    start: int
    end: int
    words: str
    speaker: str | None


def quotations(article: Article, *, min_words: int = DEFAULT_MIN_WORDS) -> list[Quotation]:
    """The quotations of one article with at least ``min_words`` words, in text order."""
    out: list[Quotation] = []
    raw = article.raw
    for ks, ke in article.kept:
        for m in _QUOTE.finditer(raw, ks, ke):
            g = next(i for i in range(1, len(QUOTE_MARKS) + 1) if m.group(i) is not None)
            s, e = m.span(g)
            while s < e and raw[s].isspace():
                s += 1
            while e > s and (raw[e - 1].isspace() or raw[e - 1] in ",;:"):
                e -= 1
            words = _words(raw[s:e])
            if len(words.split()) < min_words:
                continue
            out.append(Quotation(s, e, words, _speaker(article, m.start(), m.end())))
    return out


def _words(text: str) -> str:
    return " ".join(w.lower().replace("’", "'") for w in _WORD.findall(text))


def _speaker(article: Article, q_start: int, q_end: int) -> str | None:
    """The name next to a speech verb in the quotation's sentence, outside the quotation."""
    sent = next(
        (s for s in sentence_spans(article) if s.start <= q_start < s.end),
        None,
    )
    if sent is None:
        return None
    raw = article.raw
    # the sentence with every quotation blanked out, so names inside quotes do not count
    text = _QUOTE.sub(lambda m: " " * (m.end() - m.start()), raw[sent.start : sent.end])
    after = text[q_end - sent.start :]
    before = text[: q_start - sent.start]
    candidates = []
    for part in (after[:120], before[-200:]):
        for rx in (_NAME_VERB, _VERB_NAME):
            for m in rx.finditer(part):
                name = _clean_name(m.group(1))
                if name:
                    candidates.append(name)
        if candidates:
            return candidates[0]
    return None


def _clean_name(name: str) -> str | None:
    words = name.split()
    while words and words[0] in NOT_SPEAKERS:
        words.pop(0)
    if words and len(words[-1]) > 2:
        words[-1] = words[-1].rstrip(".")
    return " ".join(words) or None


def quotes_match(a_words: str, b_words: str, *, min_ratio: float = DEFAULT_MIN_RATIO) -> bool:
    """True when two quotations (lower-case word strings) are the same words, one perhaps
    trimmed from the other: rapidfuzz partial ratio ≥ ``min_ratio``."""
    if not a_words or not b_words:
        return False
    short, long_ = sorted((a_words, b_words), key=len)
    return fuzz.partial_ratio(short, long_) / 100 >= min_ratio


def shared_quotes(
    corpus: Iterable[Article],
    *,
    min_words: int = DEFAULT_MIN_WORDS,
    min_ratio: float = DEFAULT_MIN_RATIO,
    stories: Stories = None,
    across_stories: bool = False,
) -> pd.DataFrame:
    """Each quotation that appears in two or more articles of one story, one row per occurrence.

    Returns ``quote_id, article_id, start, end, text, speaker, n_articles``: ``text`` is
    ``raw[start:end]`` (the quotation without its marks), ``speaker`` the named speaker or
    ``None``, ``n_articles`` how many articles carry that quotation. Sorted by ``n_articles``
    (most first), then by where the quotation first appears (corpus order, offset).
    Quotations are only matched between articles of the same story (``stories``:
    ``newskit.stories`` output or ``{article_id: story_id}``; None: the ids the articles carry,
    or computed); ``across_stories=True`` matches them across the whole corpus.
    """
    articles = list(corpus)
    story = story_map(articles, stories, across_stories=across_stories)
    found = [(a, q) for a in articles for q in quotations(a, min_words=min_words)]
    by_story: dict[str, list[int]] = {}
    for i, (a, _) in enumerate(found):
        by_story.setdefault(story[a.id], []).append(i)
    links = (
        (i, j)
        for members in by_story.values()
        for x, i in enumerate(members)
        for j in members[x + 1 :]
        if found[i][0].id != found[j][0].id
        and quotes_match(found[i][1].words, found[j][1].words, min_ratio=min_ratio)
    )
    groups = connected_groups(len(found), links)
    rows = []
    order = {a.id: k for k, a in enumerate(articles)}
    shared = [g for g in groups if len({found[i][0].id for i in g}) >= 2]
    shared.sort(
        key=lambda g: (
            -len({found[i][0].id for i in g}),
            min((order[found[i][0].id], found[i][1].start) for i in g),
        )
    )
    for qid, g in enumerate(shared):
        n = len({found[i][0].id for i in g})
        speaker = next((found[i][1].speaker for i in g if found[i][1].speaker), None)
        for i in sorted(g, key=lambda i: (order[found[i][0].id], found[i][1].start)):
            a, q = found[i]
            rows.append(
                (qid, a.id, q.start, q.end, a.raw[q.start : q.end], q.speaker or speaker, n)
            )
    df = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return df.astype({"quote_id": "int64", "start": "int64", "end": "int64", "n_articles": "int64"})
