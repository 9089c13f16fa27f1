"""Quotations in an article, their speakers, and the quotations that recur across articles.

``quotations(article)`` finds every quotation of one article:

- A quotation is the text between an opening and a closing mark of one kind: ``“…”``, straight
  ``"…"``, ``«…»``, ``„…“`` (``newskit.resources.quotes.QUOTE_MARKS``). Single marks ``‘…’``
  inside are part of the quotation; two closing single marks (``’’``) close it. A straight
  ``"`` opens after a space or the start of a line and closes before a space or punctuation, or
  after ``, `` while a quotation is open (``…Sudan, "the statement said``). Where one writer
  mixed kinds (``“…,"``), a mark of the other kind closes the quotation when no mark of its own
  kind follows in the paragraph.
- A quotation never runs across a paragraph break (a line break, unless the line looks
  hard-wrapped: no final punctuation and a lower-case next line), except where the next
  paragraph opens with a quotation mark: the news convention for a quotation continued over
  paragraphs. Its span then runs from the first opening mark to the last closing mark.
- It has at least ``min_words`` words; one of fewer than ``FRAGMENT_WORDS`` words needs one
  that is not a function word or a speech verb (``QUOTE_FRAGMENT_WORDS``): "It was" and "he
  said." are fragments, not quotes; "We are done here" is a quote.
- Its ``kind`` is ``"term"`` for scare quotes and quoted terms, titles of works and slogans
  (see ``_kind``: "tough choice", "Man of the Woods", a short phrase the article repeats),
  ``"quote"`` for words someone said or wrote.

Its ``speaker``, ``speech_verb`` and ``attribution`` (how the speaker was found: ``"same
sentence"``, ``"pronoun"``, ``"run"``, ``"previous sentence"``, ``"next paragraph"`` or
``"none"``) come from ``newskit.reuse.speakers``.

``corpus_quotations(corpus)`` gives the same for a whole corpus as one table, each article read
once, its names judged with what the whole corpus writes them as (``corpus_people``).

``shared_quotes`` matches quotations (never terms) across articles: compared as lower-case words
without punctuation, the shorter one is (nearly) contained in the longer one: rapidfuzz's
partial ratio reaches ``min_ratio``. So a quote that one outlet trimmed or re-punctuated still
matches. Matches are grouped transitively into one ``quote_id``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Literal, NamedTuple

import pandas as pd
from rapidfuzz import fuzz

from newskit.corpus.records import Article
from newskit.grouping import connected_groups
from newskit.resources.quotes import (
    AUXILIARIES,
    CLAUSE_WORDS,
    QUOTE_FRAGMENT_WORDS,
    QUOTE_MARKS,
    TERM_MAX_WORDS,
    TITLE_SMALL_WORDS,
)
from newskit.reuse.speakers import (
    Evidence,
    How,
    People,
    Reading,
    attribute,
    name_evidence,
    people_from,
    read,
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
QUOTATION_COLUMNS = [
    "article_id",
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "speech_verb",
    "attribution",
]
DEFAULT_MIN_WORDS = 2
DEFAULT_MIN_RATIO = 0.9
# A quotation shorter than this made only of function words and speech verbs is a fragment.
FRAGMENT_WORDS = 4
# Longest quotation looked for (characters, over all its paragraphs); longer ones are
# unbalanced marks.
MAX_QUOTE_CHARS = 3000

Kind = Literal["quote", "term"]
# quotes_match asks rapidfuzz for scores from this much under 100 * min_ratio (so that the
# rounding of 100 * min_ratio never drops a score the comparison with min_ratio keeps).
_CUTOFF_MARGIN = 1e-6

_CLOSE_OF = dict(QUOTE_MARKS)
_DOUBLE = frozenset('“"″')  # the kinds writers mix up
_MIXED_CLOSE = {"“": '"″', '"': "”", "″": '”"'}
# Two closing single marks (’’) are written for a closing double mark.
_MARK = re.compile(
    "’’|[" + re.escape("".join(sorted(set(QUOTE_MARKS) | set(QUOTE_MARKS.values())))) + "]"
)
_AFTER_PUNCT = re.compile(r"[,.!?;][ \t]$")
_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)\s*")
_WORD = re.compile(r"\w+(?:[’'‐‑-]\w+)*")


class Quotation(NamedTuple):
    """A quotation in raw offsets (without its outer marks), with its words, speaker and kind."""

    start: int
    end: int
    words: str
    speaker: str | None
    speech_verb: str | None = None
    attribution: How = "none"
    kind: Kind = "quote"


class _Spans(NamedTuple):
    """One article's quotation spans and its reading (``newskit.reuse.speakers.read``)."""

    article: Article
    spans: list[tuple[int, int, int, int, str]]  # open mark, close mark, text span, words
    reading: Reading


def quotations(
    article: Article, *, min_words: int = DEFAULT_MIN_WORDS, people: People | None = None
) -> list[Quotation]:
    """The quotations of one article, in text order (see the module doc for the rules).

    Each is a ``Quotation(start, end, words, speaker, speech_verb, attribution, kind)``:
    ``article.raw[start:end]`` is the text between the marks (outer spaces and a trailing
    ``,;:`` left out), ``words`` its lower-case words, ``speaker`` a name or ``None``,
    ``attribution`` how the speaker was found (``newskit.reuse.speakers``), ``kind``
    ``"quote"`` or ``"term"``. ``people`` (``corpus_people(corpus)``): what the article's
    corpus writes names as, for the names the article leaves unclear."""
    spans = _spans(article, min_words)
    if not spans:
        return []  # nothing to attribute: the article is not read
    return _quotations(_Spans(article, spans, _reading(article, spans)), people)


def quote_spans(
    article: Article, *, min_words: int = DEFAULT_MIN_WORDS
) -> list[tuple[int, int, str]]:
    """``(start, end, words)`` of the quotations of ``kind == "quote"`` of one article, in text
    order: the same as ``quotations(article)`` keeps, without the speakers. The article is read
    (``newskit.reuse.speakers``) only when the kind of one of its quotations depends on whether
    a speech verb follows it (``_kind``'s ``attributed``); else its kinds are known without."""
    spans = _spans(article, min_words)
    repeated = Counter(w for *_x, w in spans)
    out = []
    for _o, _c, s, e, words in spans:
        kind = _kind(article.raw, s, e, words, False, repeated[words] > 1)
        if kind != _kind(article.raw, s, e, words, True, repeated[words] > 1):
            return [(q.start, q.end, q.words) for q in quotations(article, min_words=min_words)
                    if q.kind == "quote"]  # fmt: skip
        if kind == "quote":
            out.append((s, e, words))
    return out


def corpus_quotations(
    corpus: Iterable[Article], *, min_words: int = DEFAULT_MIN_WORDS, corpus_names: bool = True
) -> pd.DataFrame:
    """Every quotation of every article of ``corpus``, each article read once.

    Returns ``article_id, start, end, text, kind, speaker, speech_verb, attribution``: one row
    per ``quotations(article)`` item (``text`` is ``raw[start:end]``), in corpus order then text
    order. ``corpus_names=True`` judges the names with what the whole corpus writes them as
    (the same as ``quotations(article, people=corpus_people(corpus))``, without reading each
    article twice)."""
    rows = [
        (a.id, q.start, q.end, a.raw[q.start : q.end], q.kind, q.speaker, q.speech_verb,
         q.attribution)
        for a, q in _corpus_found(corpus, min_words, corpus_names)
    ]  # fmt: skip
    df = pd.DataFrame(rows, columns=QUOTATION_COLUMNS)
    return df.astype({"start": "int64", "end": "int64"})


def _corpus_found(
    corpus: Iterable[Article], min_words: int, corpus_names: bool, people: People | None = None
) -> list[tuple[Article, Quotation]]:
    """``(article, quotation)`` for every quotation of the corpus, each article read once;
    names judged with ``people`` when given, else with the corpus's own (``corpus_names``)."""
    readings = [_read(a, min_words) for a in corpus]
    if people is None and corpus_names:
        people = people_from(_evidence(r) for r in readings)
    return [(r.article, q) for r in readings for q in _quotations(r, people)]


def corpus_people(corpus: Iterable[Article], *, min_words: int = DEFAULT_MIN_WORDS) -> People:
    """What the articles of ``corpus`` write each name as, added up over the corpus
    (``newskit.reuse.speakers.people``): pass it to ``quotations(article, people=…)``.
    ``corpus_people(corpus).frame()`` lists the names: ``name, n_articles, n_person,
    n_speaker, n_other, kind``."""
    return people_from(_evidence(_read(a, min_words)) for a in corpus)


def _evidence(r: _Spans) -> Evidence:
    return name_evidence(r.reading.cast, r.reading.events)


def _read(article: Article, min_words: int) -> _Spans:
    """The quotation spans of one article (fragments left out) and its reading."""
    spans = _spans(article, min_words)
    return _Spans(article, spans, _reading(article, spans))


def _reading(article: Article, spans: list[tuple[int, int, int, int, str]]) -> Reading:
    return read(article, [(o, c) for o, c, *_x in spans])


def _spans(article: Article, min_words: int) -> list[tuple[int, int, int, int, str]]:
    """``(open mark, close mark, start, end, words)`` of each quotation of one article, in
    text order; fragments left out."""
    raw = article.raw
    spans: list[tuple[int, int, int, int, str]] = []
    for ks, ke in article.kept:
        for o, c in _pairs(raw, ks, ke):
            s, e = o + 1, c
            while s < e and raw[s].isspace():
                s += 1
            while e > s and (raw[e - 1].isspace() or raw[e - 1] in ",;:"):
                e -= 1
            words = _words(raw[s:e])
            n = len(words.split())
            if n < min_words or (n < FRAGMENT_WORDS and set(words.split()) <= QUOTE_FRAGMENT_WORDS):
                continue
            spans.append((o, c, s, e, words))
    return spans


def _quotations(r: _Spans, people: People | None) -> list[Quotation]:
    raw, spans = r.article.raw, r.spans
    repeated = Counter(w for *_x, w in spans)
    kinds: list[Kind] = []

    def is_quote(k: int, attributed: bool) -> bool:
        _o, _c, s, e, words = spans[k]
        kinds.append(_kind(raw, s, e, words, attributed, repeated[words] > 1))
        return kinds[-1] == "quote"

    found = attribute(r.reading, is_quote, people=people)
    return [
        Quotation(s, e, words, a.speaker, a.speech_verb, a.how, kind)
        for (_o, _c, s, e, words), a, kind in zip(spans, found, kinds, strict=True)
    ]


def _kind(raw: str, s: int, e: int, words: str, attributed: bool, repeated: bool) -> Kind:
    """``"term"`` for a title of a work (every word capitalised: "Man of the Woods"), a
    quotation repeated in the article that is short (a slogan or nickname), or one of at most
    ``TERM_MAX_WORDS`` words that is not a clause ("tough choice", "until further notice"; but
    "I'm retiring", "negotiations will continue") unless it stands as a whole utterance with
    its own attribution (“No fight,” Silverman wrote); else ``"quote"``."""
    text = raw[s:e]
    tokens = _WORD.findall(text)
    n = len(tokens)
    if n >= 2 and _title_case(tokens):
        return "term"
    if repeated and n <= 2 * TERM_MAX_WORDS:
        return "term"
    if n > TERM_MAX_WORDS:
        return "quote"
    low = words.split()
    if any(w in CLAUSE_WORDS for w in low[1:]) or (low and low[0] in CLAUSE_WORDS and low[0]
                                                   not in AUXILIARIES):  # fmt: skip
        return "quote"
    if attributed and text[:1].isupper():
        return "quote"
    return "term"


def _title_case(tokens: list[str]) -> bool:
    """True when every word is capitalised, but for short words after the first: "Can't Stop
    the Feeling", "I Would Die 4 U"."""
    for i, t in enumerate(tokens):
        if t[:1].isupper() or t[:1].isdigit():
            continue
        if i and t.lower() in TITLE_SMALL_WORDS:
            continue
        return False
    return sum(t[:1].isupper() for t in tokens) >= 2


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


def _reopens(raw: str, ch: str, later: list[tuple[int, str]], ps: int, pe: int) -> bool:
    """True when a later mark of kind ``ch`` in the paragraph opens a quotation."""
    return any(c2 == ch and _direction(raw, j, ps, pe) == "open" for j, c2 in later)


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
        marks = [(m.start(), m.group().replace("’’", "”")) for m in _MARK.finditer(raw, ps, pe)]
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
                if kind == '"' and _AFTER_PUNCT.search(raw, max(ps, i - 2), i):
                    # 'the border, "the statement said': a closing mark spaced off its words
                    if i - open_at <= MAX_QUOTE_CHARS:
                        out.append((open_at, i))
                    open_at = None
                else:
                    open_at = i  # the earlier mark was never closed
            elif (
                kind in _DOUBLE
                and ch in _MIXED_CLOSE[kind]
                and d != "open"
                and (
                    not any(c2 == close for _j, c2 in marks[k + 1 :])
                    or _reopens(raw, ch, marks[k + 1 :], ps, pe)
                )
            ):
                # Mixed kinds (“…,"): this mark closes when no mark of the quotation's own
                # kind follows in the paragraph, or one of its kind opens the next quotation
                # (“…," said X. "…”).
                if i - open_at <= MAX_QUOTE_CHARS:
                    out.append((open_at, i))
                open_at = None
    return out


def _words(text: str) -> str:
    return " ".join(w.lower().replace("’", "'") for w in _WORD.findall(text))


def quotes_match(a_words: str, b_words: str, *, min_ratio: float = DEFAULT_MIN_RATIO) -> bool:
    """True when two quotations (lower-case word strings) are the same words, one perhaps
    trimmed from the other: rapidfuzz partial ratio ≥ ``min_ratio``."""
    if not a_words or not b_words:
        return False
    short, long_ = sorted((a_words, b_words), key=len)
    # The cutoff lets rapidfuzz stop early under it; scores at or above it come back unchanged.
    cutoff = 100 * min_ratio - _CUTOFF_MARGIN
    return fuzz.partial_ratio(short, long_, score_cutoff=cutoff) / 100 >= min_ratio


def shared_quotes(
    corpus: Iterable[Article],
    *,
    min_words: int = DEFAULT_MIN_WORDS,
    min_ratio: float = DEFAULT_MIN_RATIO,
    stories: Stories = None,
    across_stories: bool = False,
    corpus_names: bool = True,
    people: People | None = None,
) -> pd.DataFrame:
    """Each quotation that appears in two or more articles of one story, one row per occurrence.

    Returns ``quote_id, article_id, start, end, text, speaker, speech_verb, attribution,
    n_articles``: ``text`` is ``raw[start:end]`` (the quotation without its marks),
    ``speaker`` the speaker the article names (else the one another article names, with
    ``attribution`` ``"other article"``, else ``None``), ``speech_verb`` the verb that
    attributes it, ``attribution`` how the speaker was found (``newskit.reuse.speakers``:
    ``"same sentence"``, ``"pronoun"``, ``"run"``, ``"previous sentence"``, ``"next
    paragraph"``, ``"other article"``, ``"none"``), ``n_articles`` how many articles carry
    that quotation. Terms (``kind="term"``: scare quotes, titles) are never offered. Sorted by
    ``n_articles`` (most first), then by where the quotation first appears (corpus order,
    offset).
    Quotations are only matched between articles of the same story (``stories``:
    ``newskit.stories`` output or ``{article_id: story_id}``; None: the ids the articles carry,
    or computed); ``across_stories=True`` matches them across the whole corpus.
    ``corpus_names``: speakers' names judged with what the whole corpus writes them as
    (``corpus_people``); False reads each article alone. ``people``: names judged with these
    instead (``corpus_people`` of a larger corpus, as a run in parts passes it).
    """
    articles = list(corpus)
    story = story_map(articles, stories, across_stories=across_stories)
    found = [
        (a, q)
        for a, q in _corpus_found(articles, min_words, corpus_names, people)
        if q.kind == "quote"
    ]
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
            how = q.attribution if q.speaker or not speaker else "other article"
            rows.append(
                (qid, a.id, q.start, q.end, a.raw[q.start : q.end], q.speaker or speaker,
                 q.speech_verb, how, n)
            )  # fmt: skip
    df = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return df.astype({"quote_id": "int64", "start": "int64", "end": "int64", "n_articles": "int64"})
