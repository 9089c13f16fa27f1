"""Numeric claims: every number, share, date and magnitude in the cleaned text, normalised.

``numeric_claims(corpus)`` scans each sentence (``newskit.corpus.segment``) with the grammar below,
built from the tables in ``newskit.resources.numbers``, and resolves dates against the
article's date with ``newskit.claims.dates``.

Why our own grammar: on the seeds quantulum3 reads "fourth" as 0.25 and "Sept. 12-18" as 15
and finds nothing in "triple digits"; dateparser's ``search_dates`` reads "50%" as the year
2050, "12-18" as 18 December and a bare "Wednesday" as the past one; text2num has no fractions
("one-third" fails) and no ordinals; number-parser turns "one-third" into "1 - 3". Each of these
is a test in ``tests/test_claims.py``. Date arithmetic needs nothing beyond the standard library.

Kinds (``kind`` column):

- ``percent``: "50%", "30 percent", "2 percentage points" (value as written: 50, 30, 2).
- ``fraction``: "one-third", "Another third", "two-thirds", "half of", "one in five"
  (value as a proportion: 0.3333).
- ``count``: a plain quantity, "3,000 jobs", "1.5 million people" (unit: the next word).
  Generic small numbers about the parties ("the two sides") are left out unless
  ``generic=True``; lone "one" is not a claim ("one of the biggest" is an idiom).
- ``multiplier``: "three times", "twice", "doubled", "threefold" (value 3, 2, 2, 3).
- ``ordinal``: "fourth round" → 4, "second term" → 2, "21st" → 21.
- ``duration``: "90-day" → 90 unit day, "two years" → 2 unit year.
- ``money``: "$1.5 billion" → 1.5e9 unit USD, "10 billion yuan" → 1e10 unit CNY.
- ``year``: "2020", "in 2023", "this year" (value = the year; date = "2023").
- ``date``: one day or month: "Sept. 17", "Wednesday", "March 2023", "last month".
- ``date_range``: "Sept. 12-18", "September 14 to 17", "early November", "next week".
- ``magnitude``: a size without a number: "triple digits" (low 100, high 999, unit percent in
  a sentence about rates), "millions of users" (low 2e6).

``value`` is NaN for ranges and magnitudes, which fill ``low``/``high``. A hedge that bounds
the number fills one side: "more than 200" → low 200; "up to 50%" → high 50.

Not claims: boilerplate (cleaned before), reference indices "[1]", list numbering at a line
start, labels ("Section 232", "COVID-19", "Top 7"), clock times ("10:30", "5 p.m."), and the
idioms in ``IDIOMS``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import partial
from itertools import chain, repeat
from operator import attrgetter

import numpy as np
import pandas as pd

from newskit.claims import builders as _quantity_builders
from newskit.claims import date_builders as _date_builders
from newskit.claims import dates as _dates
from newskit.claims.context import _clause_bounds, _clause_of, _context, _qualifier
from newskit.claims.grammar import (
    _ANY_TRIGGER_WORD,
    _ASCII_FOLD,
    _AT,
    _DATELINE,
    _FOLDS_TO_ASCII,
    _HOLIDAY_HINT_TOKENS,
    _LEADS,
    _NEEDS,
    _NUMBER_LED_AT,
    _NUMBER_WORD_SET,
    _P,
    _PRIORITY,
    _TWO_NUMBERS,
    _WORD_AFTER,
    SKIP,
    _Claim,
    triggers,
)
from newskit.claims.numbers import SCALE_LEAD_RE, _alt
from newskit.corpus.records import Article
from newskit.corpus.segment import sentence_spans
from newskit.parallel import map_articles
from newskit.resources.numbers import VULGAR_FRACTIONS, WORD_SCALES
from newskit.stories import Stories, assigned_story, story_map

CLAIM_COLUMNS = [
    "article_id",
    "outlet",
    "start",
    "end",
    "surface",
    "kind",
    "value",
    "low",
    "high",
    "unit",
    "hedge",
    "date",
    "date_end",
    "date_rule",
    "weekday",
    "sentence",
    "sentence_start",
    "context",
    "story_id",
]
# The claim fields between ``surface`` and ``sentence`` in CLAIM_COLUMNS, read off a candidate.
_VALUE_FIELDS = attrgetter(
    "kind", "value", "low", "high", "unit", "hedge", "date", "date_end", "date_rule", "weekday"
)
KINDS = (
    "percent",
    "fraction",
    "count",
    "multiplier",
    "ordinal",
    "duration",
    "money",
    "year",
    "date",
    "date_range",
    "magnitude",
)
DATE_KINDS = frozenset({"date", "date_range", "year"})


def numeric_claims(
    corpus: Iterable[Article],
    *,
    generic: bool = False,
    stories: Stories = None,
    n_jobs: int = 1,
    progress: bool | None = None,
) -> pd.DataFrame:
    """One row per numeric expression in the cleaned text of each article.

    Columns: ``article_id, outlet, start, end`` (raw offsets: ``raw[start:end] == surface``),
    ``surface``, ``kind`` (see ``KINDS``), ``value``, ``low``, ``high`` (floats, NaN when not
    applicable), ``unit`` ("percent", "day", "USD", …), ``hedge`` (as written: "about",
    "more than", "by"), ``date``/``date_end`` (ISO, possibly truncated: "2025-09-17",
    "2023-03", "--09-17"), ``date_rule`` (how the date was resolved, see ``newskit.claims.dates``),
    ``weekday`` (the weekday named in the text, e.g. "Wednesday"), ``sentence``,
    ``sentence_start`` (raw offset of the sentence), ``context`` (the few words saying what the
    number is about), ``story_id`` (the article's story: from ``stories`` — ``newskit.stories``
    output or ``{article_id: story_id}`` — else the ids the articles carry, else computed with
    ``newskit.stories``; ``compare_claims`` never groups claims of two stories).
    ``generic=True`` also reports "the two sides" and the like as counts. ``n_jobs`` scans the
    articles in that many processes (same rows as one); ``progress`` forces the progress bar
    on or off (``newskit.parallel.map_articles``).
    """
    articles = list(corpus)
    story_of = story_map(articles, stories)
    per_article = map_articles(
        partial(_article_rows, generic=generic),
        articles,
        n_jobs=n_jobs,
        desc="numeric claims",
        progress=progress,
    )
    stories_of_rows = [
        story
        for a, found in zip(articles, per_article, strict=True)
        for story in repeat(assigned_story(story_of[a.id]), len(found))
    ]
    return _claims_frame(list(chain.from_iterable(per_article)), stories_of_rows)


_FLOAT_COLUMNS = frozenset({"value", "low", "high"})
_INT_COLUMNS = frozenset({"start", "end", "sentence_start"})


def _claims_frame(rows: list[tuple], story_ids: list[str | None]) -> pd.DataFrame:
    """The ``numeric_claims`` frame of ``rows`` (``_article_rows``) and their ``story_ids``:
    built column by column, the numbers as numpy arrays (the same frame as
    ``pd.DataFrame(rows, columns=…)`` then ``astype``, in two thirds of the time)."""
    if not rows:
        df = pd.DataFrame([], columns=CLAIM_COLUMNS)
        return df.astype(
            dict.fromkeys(_FLOAT_COLUMNS, "float64") | dict.fromkeys(_INT_COLUMNS, "int64")
        )
    data: dict[str, object] = {}
    for col, values in zip(CLAIM_COLUMNS, (*zip(*rows, strict=True), story_ids), strict=True):
        if col in _FLOAT_COLUMNS:
            data[col] = np.array(values, dtype="float64")
        elif col in _INT_COLUMNS:
            data[col] = np.array(values, dtype="int64")
        else:
            data[col] = values
    return pd.DataFrame(data, columns=CLAIM_COLUMNS)


def _article_rows(article: Article, *, generic: bool) -> list[tuple]:
    """The claim rows of one article, every column of ``CLAIM_COLUMNS`` but ``story_id``."""
    rows = []
    context = _Context()
    for sent in sentence_spans(article):
        text = article.raw[sent.start : sent.end]
        for c in _scan(text, article.date, generic=generic, context=context):
            rows.append(
                (
                    article.id,
                    article.outlet,
                    sent.start + c.start,
                    sent.start + c.end,
                    text[c.start : c.end],
                    *_VALUE_FIELDS(c),
                    text,
                    sent.start,
                    c.context,
                )
            )
    return rows


def claims_in_text(
    text: str, anchor: _dates.dt.date | None = None, *, generic: bool = False
) -> pd.DataFrame:
    """Claims in one piece of text (offsets into ``text``), dated against ``anchor``.

    Same columns as ``numeric_claims`` minus ``article_id, outlet, sentence, sentence_start``;
    handy for trying the grammar on a sentence.
    """
    rows = [
        (c.start, c.end, text[c.start : c.end], *_VALUE_FIELDS(c), c.context)
        for c in _scan(text, anchor, generic=generic)
    ]
    cols = [c for c in CLAIM_COLUMNS if c not in ("article_id", "outlet", "sentence", "story_id")]
    cols.remove("sentence_start")
    df = pd.DataFrame(rows, columns=cols)
    for col in ("value", "low", "high"):
        df[col] = df[col].astype("float64")
    return df


_SIGN_BEFORE = frozenset(" \t\n([\u00a0")
# Where a number may start in the lower-cased text: where a digit run starts (as
# ``_SIMPLE_TOKEN`` cuts them) or a whole word token that is a number word or "between".
# ``\d\d*`` is ``\d+`` that starts with a character class (see ``_LOOKED_AT_AFTER``): 2x.
_DIGIT_RUN = re.compile(r"\d\d*")
_NUMBER_WORDS = frozenset(w for w in (*_NUMBER_WORD_SET, "between") if re.fullmatch("[a-z]+", w))
_SCALE_WORDS = frozenset(WORD_SCALES)
_LEAD_WORDS = frozenset().union(*(w for w, _, _ in _LEADS.values()), *_WORD_AFTER.values())
# Every word ``_scan`` and ``triggers`` test for, or a pattern starts near (``_LEADS``) or holds
# (``_WORD_AFTER``); a sentence's other words are never looked at. Found as whole
# ``_SIMPLE_TOKEN`` tokens of the lower-cased text (no ASCII letter either side).
_LOOKED_AT = _ANY_TRIGGER_WORD | _NUMBER_WORDS | _SCALE_WORDS | _HOLIDAY_HINT_TOKENS | _LEAD_WORDS
assert all(re.fullmatch("[a-z]+", w) for w in _LOOKED_AT)
# Read with the character before them, in " " + the lower case (group 1 the word, one character
# on): a regex that starts with a character class lets the engine skip to where it may match,
# where one that starts with a look-behind (``(?<![A-Za-z])``) is tried at every position (1.4x).
# ``[a-z]`` stands for ``[A-Za-z]``: no character's lower case is an ASCII capital (7% faster).
_LOOKED_AT_AFTER = re.compile(r"[^a-z](" + _alt(_LOOKED_AT) + r")(?![a-z])")
_VULGAR_RE = re.compile(r"(?<!\d)[" + "".join(VULGAR_FRACTIONS) + "]")
_VULGAR_CHAR = re.compile("[" + "".join(VULGAR_FRACTIONS) + "]")  # a quick test before it


def _scan(
    text: str,
    anchor: _dates.dt.date | None,
    *,
    generic: bool,
    context: _Context | None = None,
) -> list[_Claim]:
    context = context or _Context()
    if not text.isascii() and _FOLDS_TO_ASCII.search(text):
        # Letters that (?i) matches to ASCII ("ſ", "ı", "İ", the Kelvin sign) read as those
        # letters, one character for one, so the word tables know what a pattern matched and
        # offsets stay those of ``text`` ("İ".lower() alone is two characters long).
        text = text.translate(_ASCII_FOLD)
    low = text.lower()
    # Only the words some test below looks at (``_SIMPLE_TOKEN`` tokens in ``_LOOKED_AT``), and
    # where they start.
    # (a match starts one character before its word, in a text one character longer)
    tokens = [(m.start(), m[1]) for m in _LOOKED_AT_AFTER.finditer(" " + low)]
    words = {w for _, w in tokens}
    digit_starts = [m.start() for m in _DIGIT_RUN.finditer(low)]
    has_digit = bool(digit_starts)
    at_digit, at_word, at_between = _number_starts(text, low, tokens, words, digit_starts)
    if not text.isascii() and _VULGAR_CHAR.search(text) and _VULGAR_RE.search(text):  # "½ mile"
        has_digit = True
        at_digit.extend(m.start() for m in _VULGAR_RE.finditer(text))
        at_digit.sort()
    present = triggers(text, low, words, has_digit, tokens=tokens)
    if not present:
        return []
    starts_at: dict[str | tuple[str, ...], list[int]] = {
        "digit": at_digit,
        "word": at_word,
        "between": at_between,
        ("digit",): at_digit,
        ("word",): at_word,
    }
    last_start = max([*at_digit[-1:], *at_word[-1:], *at_between[-1:]], default=None)
    found: list[_Claim] = []
    # Below the last start: where a pattern reading two numbers may match (no letter that (?i)
    # reads as an ASCII one hides a number word from the starts: they are folded above).
    last = last_start if last_start is not None else len(text) + 1
    for match, finditer, builder, number_led, two_numbers, priority, lead, after in _patterns_for(
        present
    ):
        if number_led:
            at = starts_at.get(number_led)
            if at is None:  # two or three kinds of start
                at = starts_at[number_led] = sorted(
                    [i for kind in number_led for i in starts_at[kind]]
                )
            # (``at`` ascending: the starts before a bound are a prefix)
            if after is not None:  # "one in five": not after the last "in" of the sentence
                before = max((i for i, w in tokens if w in after), default=-1)
                at = at[: bisect_left(at, before)]
            if two_numbers:
                at = at[: bisect_left(at, last)]
            if not at:
                continue
            # ``match`` at each start, the misses (None) dropped, in C
            matches: Iterable[re.Match[str]] = filter(None, map(match, repeat(text), at))
        elif lead is None:
            matches = finditer(text)
        else:  # only where a match may start (``_LEADS``)
            matches = _matches_at(match, text, _lead_starts(lead, tokens, digit_starts))
        for m in matches:
            start, end = m.span()
            if end <= start:
                continue
            claim = builder(m, text, generic)
            if claim is None:
                continue
            claim.priority = priority
            found.append(claim)
    if not found:
        return []
    found.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[_Claim] = []
    occupied = bytearray(len(text) + 1)
    dateline = _DATELINE.match(text)
    if dateline:  # "WASHINGTON, Sept 12 (Reuters) -" dates the story; it is not a claim
        occupied[: dateline.end()] = b"\x01" * dateline.end()
    for c in found:
        if any(occupied[c.start : c.end]):
            continue
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
        taken.append(c)
    taken = sorted((c for c in taken if c.kind != SKIP), key=lambda c: c.start)
    if not taken:
        return taken
    clauses = _clause_bounds(text)
    for i, c in enumerate(taken):
        prev_end = taken[i - 1].end if i else 0
        next_start = taken[i + 1].start if i + 1 < len(taken) else len(text)
        c_start, c_end = _clause_of(clauses, c.start, c.end, len(text))
        left = text[max(c_start, prev_end) : c.start]
        right = text[c.end : min(c_end, next_start)]
        if c.kind in DATE_KINDS or c.kind == "date_range":
            q = _qualifier(left)
            if q:
                c.qualifier = q.group(1).lower()
                c.hedge = c.hedge or q.group(1)
        c.context = c.context or _context(left, right, date_like=c.kind in DATE_KINDS)
        if not c.context:
            # Nothing in its own clause: "down from 50% in March 2023" is about what the
            # claim before it is about; "Last week, Beijing urged…" about the next clause.
            if i and taken[i - 1].context:
                c.context = taken[i - 1].context
            else:
                c.context = _context(text[: c.start], text[c.end :], date_like=True)
        if c.resolve is not None:
            direction = _dates.tense_direction(text[c_start : c.start], text[c.end : c_end])
            if direction == "nearest" and c.qualifier:
                if c.qualifier in ("by", "until", "through", "before"):
                    direction = "future"
                elif c.qualifier in ("since", "after"):
                    direction = "past"
            if direction == "nearest" and _fronted(text, c_start, c.start, c.end, c_end):
                # "In March, the company reported a loss": the tense is the next clause's
                direction = _dates.tense_direction("", text[c_end:])
            r = c.resolve(direction, anchor)
            c.date, c.date_end, c.date_rule = r.date, r.date_end, r.rule
            if c.anaphoric and context.year is not None:  # "that year": the last one named
                c.date, c.date_rule = f"{context.year:04d}", "context"
            if c.kind == "year" and c.date and not c.date.startswith("--"):
                c.value = float(c.date[:4])
        if c.kind in DATE_KINDS and c.date_rule == "explicit" and c.date:
            context.year = int(c.date[:4])
    return taken


# A date is fronted when its clause holds no more than this many words before it and nothing
# after it: "In March, …", "Friday, Jan. 7: …", "Early on Monday, …".
FRONTED_WORDS = 2
_FRONTED_TAIL = frozenset(" \t,:;—–-")


def _fronted(text: str, c_start: int, start: int, end: int, c_end: int) -> bool:
    """Whether the date at ``start:end`` is fronted in its clause ``c_start:c_end``."""
    tail = text[end:c_end]
    if tail and not _FRONTED_TAIL.issuperset(tail):
        return False
    return len(text[c_start:start].split()) <= FRONTED_WORDS


def _number_starts(
    text: str,
    low: str,
    tokens: list[tuple[int, str]],
    words: set[str],
    digit_starts: list[int],
) -> tuple[list[int], list[int], list[int]]:
    """Where numbers start in ``text`` (``low`` its lower case, ``tokens`` its looked-at words
    and where they start, ``words`` those words, ``digit_starts`` where its digit runs start),
    ascending, by kind (``_NUMBER_LED_AT``): "digit" (the run, or its sign or leading dot),
    "word" (a number word, "a hundred", "half a million") and "between"."""
    at_digit: list[int] = []
    at_word: list[int] = []
    at_between: list[int] = []
    for i in digit_starts:
        # ".5 degrees": a leading-dot decimal starts at its dot
        if i > 0 and low[i - 1] == "." and (i < 2 or not low[i - 2].isalnum()):
            i -= 1
        # "-4.1%", "(+3.2%)": a sign character after a space or a bracket
        if i > 0 and low[i - 1] in "-−+" and (i < 2 or low[i - 2] in _SIGN_BEFORE):
            at_digit.append(i - 1)
        at_digit.append(i)
    if not words.isdisjoint(_NUMBER_WORDS):
        for i, w in tokens:
            if w in _NUMBER_WORDS:
                (at_between if w == "between" else at_word).append(i)
    if not words.isdisjoint(_SCALE_WORDS):  # "a hundred thousand", "half a million"
        at_word.extend(m.start() for m in SCALE_LEAD_RE.finditer(text))
        at_word.sort()
    return at_digit, at_word, at_between


def _lead_starts(
    lead: tuple[frozenset[str], frozenset[int], bool],
    tokens: list[tuple[int, str]],
    digit_starts: list[int],
) -> list[int]:
    """Where a match of a pattern with this entry of ``_LEADS`` may start, ascending: the given
    offsets before each of its words in ``tokens``, and where digit runs start if it says so."""
    words, offsets, digits = lead
    at = [i for i, w in tokens if w in words]
    if offsets is not _AT:
        at = sorted({i - k for i in at for k in offsets if i >= k})
    if digits:
        at = sorted(at + digit_starts)
    return at


def _matches_at(
    match: Callable[[str, int], re.Match[str] | None], text: str, at: list[int]
) -> list[re.Match[str]]:
    """What ``finditer`` finds when every match starts at one of ``at`` (ascending): the match
    at each position of ``at`` not inside the last match found."""
    found = []
    end = 0
    for i in at:
        if i < end:
            continue
        m = match(text, i)
        if m is not None:
            found.append(m)
            end = m.end()
    return found


class _Context:
    """What earlier sentences of the article said: the last year named explicitly."""

    __slots__ = ("year",)

    def __init__(self) -> None:
        self.year: int | None = None


_BUILDERS: dict[str, Callable[[re.Match[str], str, bool], _Claim | None]] = {
    name: getattr(_date_builders, f"_b_{name}", None) or getattr(_quantity_builders, f"_b_{name}")
    for name in _P
}


# (pattern, triggers it needs, builder, number-led (its kinds of start, or None), reads two
# numbers, priority, lead (``_LEADS``), word after (``_WORD_AFTER``)), in priority order.
_PATTERNS = [
    (
        p,
        frozenset(_NEEDS[name]),
        _BUILDERS[name],
        _NUMBER_LED_AT.get(name),
        name in _TWO_NUMBERS,
        _PRIORITY[name],
        _LEADS.get(name),
        _WORD_AFTER.get(name),
    )
    for name, p in _P.items()
]
_PATTERNS_FOR: dict[frozenset[str], list[tuple]] = {}


def _patterns_for(present: frozenset[str]) -> list[tuple]:
    """(match, finditer, builder, number-led, two numbers, priority, lead, word after) of the
    patterns whose triggers are all in ``present``, in priority order; remembered per set of
    triggers (there are few)."""
    chosen = _PATTERNS_FOR.get(present)
    if chosen is None:
        chosen = [
            (p.match, p.finditer, b, led, two, prio, lead, after)
            for p, needs, b, led, two, prio, lead, after in _PATTERNS
            if needs <= present
        ]
        if len(_PATTERNS_FOR) < 4096:
            _PATTERNS_FOR[present] = chosen
    return chosen
