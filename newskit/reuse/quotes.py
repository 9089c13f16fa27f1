"""Quotations in an article and those that recur across articles.

``quotations(article)`` finds every quotation of one article:

- A quotation is the text between an opening and a closing mark of one kind: ``“…”``, straight
  ``"…"``, ``«…»``, ``„…“`` (``newskit.resources.reuse.QUOTE_MARKS``). Single marks ``‘…’``
  inside are part of the quotation. A straight ``"`` opens after a space or the start of a
  line and closes before a space or punctuation. Where one writer mixed kinds (``“…,"``), a mark
  of the other kind closes the quotation when no mark of its own kind follows in the paragraph.
- A quotation never runs across a paragraph break (a line break, unless the line looks
  hard-wrapped: no final punctuation and a lower-case next line), except where the next
  paragraph opens with a quotation mark: the news convention for a quotation continued over
  paragraphs. Its span then runs from the first opening mark to the last closing mark.
- It has at least ``min_words`` words; one of fewer than ``FRAGMENT_WORDS`` words needs one
  that is not a function word or a speech verb (``QUOTE_FRAGMENT_WORDS``): "It was" and "he
  said." are fragments, not quotes; "We are done here" is a quote.

The speaker is a name next to a speech verb (``SPEECH_VERBS``, ``SPEECH_VERBS_MORE``) after
the quotation (“…,” Bessent said; “…,” said Jeremy Chan) or before it (Bessent described his
talks as “…”; according to Jeremy Chan, …). Names are runs of capitalised words, initials and
title abbreviations (``Sen. Carolyn B. Maloney``); time words (``TIME_NAMES``: "Wednesday",
"Sept.") and sentence-opening words (``NOT_SPEAKERS``) are never speakers. A pronoun
(``SPEAKER_PRONOUNS``: “…,” she said) stands for the last name of two or more words written
since the article's previous attributed quotation, else for that quotation's speaker;
unresolved, the speaker is left empty. ``attribution`` is ``"direct"`` when a speaker is named
(or resolved) and ``"unattributed"`` otherwise; ``speech_verb`` is the verb as written, lower
case.

``shared_quotes`` matches quotations across articles: compared as lower-case words without
punctuation, the shorter one is (nearly) contained in the longer one: rapidfuzz's partial
ratio reaches ``min_ratio``. So a quote that one outlet trimmed or re-punctuated still matches.
Matches are grouped transitively into one ``quote_id``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Literal, NamedTuple

import pandas as pd
from rapidfuzz import fuzz

from newskit.corpus.records import Article
from newskit.corpus.segment import sentence_spans
from newskit.grouping import connected_groups
from newskit.resources.reuse import (
    NOT_BEFORE_SPEAKERS,
    NOT_SPEAKERS,
    QUOTE_FRAGMENT_WORDS,
    QUOTE_MARKS,
    SPEAKER_PRONOUNS,
    SPEECH_VERBS,
    SPEECH_VERBS_MORE,
    TIME_NAMES,
)
from newskit.stories import Stories, story_map

QUOTE_COLUMNS = [
    "quote_id",
    "article_id",
    "start",
    "end",
    "text",
    "speaker",
    "speech_verb",
    "attribution",
    "n_articles",
]
DEFAULT_MIN_WORDS = 2
DEFAULT_MIN_RATIO = 0.9
# A quotation shorter than this made only of function words and speech verbs is a fragment.
FRAGMENT_WORDS = 4
# Longest quotation looked for (characters, over all its paragraphs); longer ones are
# unbalanced marks.
MAX_QUOTE_CHARS = 3000
# How far from a quotation its attribution is looked for (characters after, before).
AFTER_CHARS, BEFORE_CHARS = 120, 200
NEAR_CHARS = 40  # a speech verb this close after a quotation attributes it, even unnamed
# How far back a pronoun looks for the name it stands for (characters).
PRONOUN_REACH = 1500

Attribution = Literal["direct", "unattributed"]

_CLOSE_OF = dict(QUOTE_MARKS)
_DOUBLE = frozenset('“"')  # the two kinds writers mix up
_MIXED_CLOSE = {"“": '"', '"': "”"}
_MARK = re.compile("[" + re.escape("".join(set(QUOTE_MARKS) | set(QUOTE_MARKS.values()))) + "]")
_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)\s*")
_WORD = re.compile(r"\w+(?:[’'‐‑-]\w+)*")
_ALL_VERBS = SPEECH_VERBS | SPEECH_VERBS_MORE
_VERBS = "|".join(sorted(_ALL_VERBS, key=len, reverse=True))
_NAME_WORD = r"(?:[A-Z][\w’'‐‑-]*\.?|[A-Z]\.)"
_NAME = _NAME_WORD + r"(?:[ \t]+(?:" + _NAME_WORD + r"|de|van|von|al|bin|la|le|da|del))*"
_PRONOUN = "|".join(sorted(SPEAKER_PRONOUNS))
# "…,” Bessent said" / "…,” she told reporters" / "Bessent described … as": a name or pronoun,
# up to two words, a speech verb.
_WHO_VERB = re.compile(
    r"(?<![\w’'])(" + _NAME + r"|" + _PRONOUN + r")\s+(?:[a-z]\w*\s+){0,2}?(" + _VERBS + r")\b"
)
# "said Jeremy Chan" / "according to Jeremy Chan" / "said a local farmer, John Mills"
_VERB_WHO = re.compile(
    r"\b((?i:" + _VERBS + r"))(?:\s+to)?\s+"
    r"(?:(?:the|a|an)\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,4},\s+)?"  # "said a farmer, "
    r"(" + _NAME + r")"
)
_BARE_VERB = re.compile(r"\b(" + _VERBS + r")\b")
_PERSON = re.compile(r"(?<![\w’'])" + _NAME)


class Quotation(NamedTuple):
    """A quotation in raw offsets (without its outer marks), with its words and speaker."""

    start: int
    end: int
    words: str
    speaker: str | None
    speech_verb: str | None = None
    attribution: Attribution = "unattributed"


def quotations(article: Article, *, min_words: int = DEFAULT_MIN_WORDS) -> list[Quotation]:
    """The quotations of one article, in text order (see the module doc for the rules).

    Each is a ``Quotation(start, end, words, speaker, speech_verb, attribution)``:
    ``article.raw[start:end]`` is the text between the marks (outer spaces and a trailing
    ``,;:`` left out), ``words`` its lower-case words, ``speaker`` a name or ``None``."""
    raw = article.raw
    spans: list[tuple[int, int, int, int]] = []  # (open mark, close mark) and text span
    for ks, ke in article.kept:
        for o, c in _pairs(raw, ks, ke):
            s, e = o + 1, c
            while s < e and raw[s].isspace():
                s += 1
            while e > s and (raw[e - 1].isspace() or raw[e - 1] in ",;:"):
                e -= 1
            spans.append((o, c, s, e))
    sents = sentence_spans(article)
    starts = [s.start for s in sents]
    blanks = [(o, c + 1) for o, c, _s, _e in spans]
    out: list[Quotation] = []
    last_speaker: str | None = None
    last_at = 0
    for o, c, s, e in spans:
        words = _words(raw[s:e])
        n = len(words.split())
        if n < min_words or (n < FRAGMENT_WORDS and set(words.split()) <= QUOTE_FRAGMENT_WORDS):
            continue
        who, verb = _attribution(raw, sents, starts, blanks, o, c)
        if who in SPEAKER_PRONOUNS:
            # the nearest of: a name mentioned since the last attributed quotation, that
            # quotation's speaker
            who = _last_name(raw, blanks, last_at, o) or last_speaker
        if who is not None:
            # names in the rest of its sentence describe this speaker ("said Jeremy Chan, an
            # analyst on the Northeast Asia team"): a later pronoun looks only after them
            last_speaker, last_at = who, max(c, _sentence_at(sents, starts, c)[1])
        out.append(Quotation(s, e, words, who, verb, "direct" if who else "unattributed"))
    return out


def _direction(raw: str, i: int, lo: int, hi: int) -> str:
    """``"open"``, ``"close"`` or ``"both"`` for the quotation mark at ``raw[i]``."""
    ch = raw[i]
    if ch in QUOTE_MARKS and ch not in QUOTE_MARKS.values():
        return "open"
    if ch in QUOTE_MARKS.values() and ch not in QUOTE_MARKS:
        return "close"
    before = raw[i - 1] if i > lo else " "
    after = raw[i + 1] if i + 1 < hi else " "
    opens = (before.isspace() or before in "([{—–-‘/") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "both"


def _paragraphs(raw: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The paragraphs of ``raw[lo:hi]`` as ``(start, end)``, split at line breaks; a
    hard-wrapped line (no final punctuation, the next line in lower case) is not split."""
    out, start = [], lo
    for m in _LINE_BREAK.finditer(raw, lo, hi):
        prev = raw[start : m.start()].rstrip()[-1:]
        nxt = raw[m.end() : m.end() + 1]
        blank = raw.count("\n", m.start(), m.end()) + raw.count("\r", m.start(), m.end()) > 1
        if not blank and prev.isalnum() and nxt.islower():
            continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, hi))
    return [(s, e) for s, e in out if e > s]


def _pairs(raw: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """``(opening mark, closing mark)`` offsets of the quotations in ``raw[lo:hi]``."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    kind = ""
    for ps, pe in _paragraphs(raw, lo, hi):
        marks = [(m.start(), m.group()) for m in _MARK.finditer(raw, ps, pe)]
        if open_at is not None:
            # Continued over a paragraph break only when this paragraph opens with a mark.
            if marks and marks[0][0] == ps and marks[0][1] == kind:
                marks = marks[1:]
            else:
                open_at = None
        for k, (i, ch) in enumerate(marks):
            d = _direction(raw, i, ps, pe)
            if open_at is None:
                if ch in QUOTE_MARKS and d != "close":
                    open_at, kind = i, ch
                continue
            close = _CLOSE_OF[kind]
            if ch == close and d != "open":
                if i - open_at <= MAX_QUOTE_CHARS:
                    out.append((open_at, i))
                open_at = None
            elif ch == kind and d == "open":
                open_at = i  # the earlier mark was never closed
            elif (
                kind in _DOUBLE
                and ch in _MIXED_CLOSE[kind]
                and d != "open"
                and not any(c2 == close for _j, c2 in marks[k + 1 :])
            ):
                # Mixed kinds (“…,"): this mark closes when no mark of the quotation's own
                # kind follows in the paragraph.
                if i - open_at <= MAX_QUOTE_CHARS:
                    out.append((open_at, i))
                open_at = None
    return out


def _blank(raw: str, lo: int, hi: int, blanks: list[tuple[int, int]]) -> str:
    """``raw[lo:hi]`` with every quotation (marks included) replaced by spaces."""
    chars = list(raw[lo:hi])
    for s, e in blanks:
        if e <= lo or s >= hi:
            continue
        for k in range(max(s, lo), min(e, hi)):
            chars[k - lo] = " "
    return "".join(chars)


def _sentence_at(sents: list, starts: list[int], offset: int) -> tuple[int, int]:
    k = bisect.bisect_right(starts, offset) - 1
    if k < 0:
        return offset, offset
    return sents[k].start, sents[k].end


def _attribution(
    raw: str, sents: list, starts: list[int], blanks: list[tuple[int, int]], o: int, c: int
) -> tuple[str | None, str | None]:
    """``(speaker or pronoun, speech verb)`` for the quotation with marks at ``o`` and ``c``:
    the first name next to a speech verb after it in its sentence, else the last before it."""
    _s, s_end = _sentence_at(sents, starts, c)
    after = _blank(raw, c + 1, min(max(s_end, c + 1), c + 1 + AFTER_CHARS), blanks)
    s_start, _e = _sentence_at(sents, starts, o)
    before = _blank(raw, max(s_start, o - BEFORE_CHARS), o, blanks)
    for part, last in ((after, False), (before, True)):
        # After the quotation the nearest attribution counts; before it, "Beijing urged
        # Washington … “…”" names the speaker before the verb, so that form goes first.
        found = [(0 if last else m.start(), -m.start(), m.group(1), m.group(2))
                 for m in _WHO_VERB.finditer(part)]  # fmt: skip
        found += [(1 if last else m.start(), -m.start(), m.group(2), m.group(1))
                  for m in _VERB_WHO.finditer(part)]  # fmt: skip
        found.sort()
        for _rank, _pos, who, verb in found:
            name = who if who in SPEAKER_PRONOUNS else _clean_name(who)
            if name:
                return name, verb.lower()
        if found:
            return None, found[0][3].lower()
        bare = _BARE_VERB.search(part[:NEAR_CHARS]) if not last else None
        if bare:  # "“…,” the union warned": a verb, no name
            return None, bare.group(1).lower()
    return None, None


def _clean_name(name: str) -> str | None:
    """The name without sentence-opening words and time words at its edges; ``None`` when
    nothing is left (``"Wednesday"``, ``"The"``)."""
    words = name.split()

    def time(w: str) -> bool:
        return w.rstrip(".").removesuffix("’s").removesuffix("'s") in TIME_NAMES

    while words and (words[0] in NOT_SPEAKERS or words[0] in SPEAKER_PRONOUNS or time(words[0])):
        words.pop(0)
    while words and time(words[-1]):
        words.pop()
    if words and len(words[-1]) > 2:
        words[-1] = words[-1].rstrip(".")
    if words and words[-1].endswith(("’s", "'s")):
        words[-1] = words[-1][:-2]
    return " ".join(words) or None


def _last_name(raw: str, blanks: list[tuple[int, int]], since: int, o: int) -> str | None:
    """The last name of two or more words in ``raw[since:o]`` (quotations left out, at most
    ``PRONOUN_REACH`` characters back), not after ``the`` or a preposition (``from New York``,
    ``the White House``): what a pronoun at ``o`` most likely stands for."""
    lo = max(since, o - PRONOUN_REACH)
    text = _blank(raw, lo, o, blanks)
    best = None
    for m in _PERSON.finditer(text):
        prev = text[: m.start()].split()[-1:]
        if prev and prev[0].lower() in NOT_BEFORE_SPEAKERS:
            continue
        if m.group().split()[0].lower() in NOT_BEFORE_SPEAKERS:  # "The Texas Department"
            continue
        name = _clean_name(m.group())
        words = (name or "").split()
        shouted = any(w.isupper() and sum(c.isalpha() for c in w) > 1 for w in words)
        if len(words) >= 2 and not shouted:  # not "CHICAGO" or "NATO"
            best = name
    return best


def _words(text: str) -> str:
    return " ".join(w.lower().replace("’", "'") for w in _WORD.findall(text))


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

    Returns ``quote_id, article_id, start, end, text, speaker, speech_verb, attribution,
    n_articles``: ``text`` is ``raw[start:end]`` (the quotation without its marks),
    ``speaker`` the named speaker or ``None`` (then the speaker another article names, if
    any), ``speech_verb`` the verb that attributes it, ``attribution`` ``"direct"`` or
    ``"unattributed"``, ``n_articles`` how many articles carry that quotation. Sorted by
    ``n_articles`` (most first), then by where the quotation first appears (corpus order,
    offset).
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
                (qid, a.id, q.start, q.end, a.raw[q.start : q.end], q.speaker or speaker,
                 q.speech_verb, q.attribution, n)
            )  # fmt: skip
    df = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return df.astype({"quote_id": "int64", "start": "int64", "end": "int64", "n_articles": "int64"})
