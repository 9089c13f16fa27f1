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

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter

import pandas as pd

from newskit.claims import dates as _dates
from newskit.corpus.records import Article
from newskit.corpus.segment import sentence_spans
from newskit.resources.numbers import (
    CHANGE_VERBS,
    CONTEXT_STOPWORDS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DATE_QUALIFIERS,
    DECADE_PARTS,
    DENOMINATORS,
    DIGIT_MAGNITUDES,
    DURATION_UNITS,
    FRACTION_FOLLOWERS,
    FRACTION_LEADS,
    GENERIC_COUNTS,
    GLUED_UNITS,
    HEDGES,
    IDIOMS,
    LABEL_WORDS,
    MONTH_LEADS,
    MONTHS,
    MULTIPLIER_WORDS,
    NUMBER_NOUNS,
    ORDINAL_HEADS,
    ORDINALS,
    PERCENT_WORDS,
    PLURAL_MAGNITUDES,
    POST_HEDGES,
    RATE_WORDS,
    RELATIVE_PERIODS,
    SCALES,
    STREET_WORDS,
    TENS,
    UNITS,
    VAGUE_PARTS,
    WEEKDAYS,
    YEAR_PARTS,
)

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


def numeric_claims(corpus: Iterable[Article], *, generic: bool = False) -> pd.DataFrame:
    """One row per numeric expression in the cleaned text of each article.

    Columns: ``article_id, outlet, start, end`` (raw offsets: ``raw[start:end] == surface``),
    ``surface``, ``kind`` (see ``KINDS``), ``value``, ``low``, ``high`` (floats, NaN when not
    applicable), ``unit`` ("percent", "day", "USD", …), ``hedge`` (as written: "about",
    "more than", "by"), ``date``/``date_end`` (ISO, possibly truncated: "2025-09-17",
    "2023-03", "--09-17"), ``date_rule`` (how the date was resolved, see ``newskit.claims.dates``),
    ``weekday`` (the weekday named in the text, e.g. "Wednesday"), ``sentence``,
    ``sentence_start`` (raw offset of the sentence), ``context`` (the few words saying what the
    number is about). ``generic=True`` also reports "the two sides" and the like as counts.
    """
    rows: list[tuple] = []
    for article in corpus:
        for sent in sentence_spans(article):
            text = article.raw[sent.start : sent.end]
            for c in _scan(text, article.date, generic=generic):
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
    df = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    for col in ("value", "low", "high"):
        df[col] = df[col].astype("float64")
    for col in ("start", "end", "sentence_start"):
        df[col] = df[col].astype("int64")
    return df


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
    cols = [c for c in CLAIM_COLUMNS if c not in ("article_id", "outlet", "sentence")]
    cols.remove("sentence_start")
    df = pd.DataFrame(rows, columns=cols)
    for col in ("value", "low", "high"):
        df[col] = df[col].astype("float64")
    return df


# --------------------------------------------------------------------------------------------
# The grammar. Each pattern has a priority (lower wins between equally long overlapping
# matches) and a builder that turns its match into a _Claim (or None to reject it).
# --------------------------------------------------------------------------------------------

_NAN = math.nan


@dataclass
class _Claim:
    start: int
    end: int
    kind: str
    value: float = _NAN
    low: float = _NAN
    high: float = _NAN
    unit: str | None = None
    hedge: str | None = None
    date: str | None = None
    date_end: str | None = None
    date_rule: str | None = None
    weekday: str | None = None
    context: str = ""
    priority: int = 0
    resolve: Callable[[_dates.Direction, _dates.dt.date | None], _dates.Resolved] | None = field(
        default=None
    )
    qualifier: str | None = None


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_H = r"[-‐‑–]"  # hyphens written in news text
_UNIT_WORDS = [w for w in UNITS if w != "zero"]
_NUMWORD = (
    r"(?i:(?:" + _alt(TENS) + r")(?:" + _H + r"(?:" + _alt(_UNIT_WORDS) + r"))?"
    r"|(?:" + _alt(_UNIT_WORDS) + r"))"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_LONG_SCALE = r"(?i:hundred|thousand|million|billion|trillion)"
_SHORT_SCALE = r"(?i:bn|mn|mln|tn|trn|k|m|b)"
# A number: digits or words, with an optional scale ("1.5 million", "3bn", "two hundred").


def _number(after_hyphen: bool = False) -> str:
    """A number: digits or words, with an optional scale ("1.5 million", "3bn", "two
    hundred"). Not inside a word or label ("COVID-19", "F-35"); the second number of a range
    may follow a hyphen ("10-15")."""
    before = r"(?<![\w.,/:])" if after_hyphen else r"(?<![\w.,/:-])(?<![A-Za-z]-)"
    return (
        r"(?:" + before + _DIGITS
        + r"(?:\s?" + _LONG_SCALE + r"s?\b|" + _SHORT_SCALE + r"\b)?(?![\d:/]|,\d|\.\d)"
        + r"|\b" + _NUMWORD + r"(?:\s" + _LONG_SCALE + r")*\b)"
    )  # fmt: skip


_NUM = _number()
_NUM2 = _number(after_hyphen=True)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%:])"
_MONTH = (
    r"\b(?:(?:"
    + _alt(k for k in MONTHS if len(k) > 4 or k == "May")
    + r")\b|(?:"
    + _alt(k for k in MONTHS if len(k) <= 4 and k != "May")
    + r")\b\.?)"
)
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d%])"
_WEEKDAY = (
    r"\b(?:(?:"
    + _alt(k for k in WEEKDAYS if k.endswith("day"))
    + r")\b|(?:"
    + _alt(k for k in WEEKDAYS if not k.endswith("day"))
    + r")\.)"
)
_PCT = r"(?:\s?%|\s(?i:" + _alt(k for k in PERCENT_WORDS if k != "%") + r")\b)"
_CURSYM = (
    r"(?:(?i:" + _alt(k for k in CURRENCY_SYMBOLS if k[0].isalpha()) + r")\s?"
    r"|" + _alt(k.upper() for k in CURRENCY_SYMBOLS if not k[0].isalpha()) + r")"
)
_CURWORD = r"(?i:" + _alt(CURRENCY_WORDS) + r")\b"
_TO = r"\s?(?:[-‐‑–—]|to|through|until|till|and)\s?"
_ORDWORD = r"\b(?i:(?:" + _alt(TENS) + r")" + _H + r")?(?i:" + _alt(ORDINALS) + r")\b"
_DUR = r"(?i:" + _alt(DURATION_UNITS) + r")\b"


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_P = {
    "iso_date": _c(r"\b(?P<y>" + _YEAR + r")-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b"),
    "md_range": _c(
        r"(?P<m1>"
        + _MONTH
        + r")\s?(?P<d1>"
        + _DAY
        + r")"
        + _TO
        + r"(?:(?P<m2>"
        + _MONTH
        + r")\s?)?(?P<d2>"
        + _DAY
        + r")(?:,?\s(?P<y>"
        + _YEAR
        + r"))?"
    ),
    "dm_range": _c(
        r"\b(?P<d1>" + _DAY + r")" + _TO + r"(?P<d2>" + _DAY + r")\s(?P<m1>" + _MONTH + r")"
        r"(?:,?\s(?P<y>" + _YEAR + r"))?"
    ),
    "md": _c(
        r"(?P<m>" + _MONTH + r")\s?(?P<d>" + _DAY + r")(?:,?\s(?P<y>" + _YEAR + r"))?"
        r"(?![-‐‑–]?\d)"
    ),
    "dm": _c(
        r"\b(?P<d>" + _DAY + r")\s(?:of\s)?(?P<m>" + _MONTH + r")"
        r"(?:,?\s(?P<y>" + _YEAR + r"))?"
    ),
    "month_year": _c(r"(?P<m>" + _MONTH + r")\s(?:of\s)?(?P<y>" + _YEAR + r")"),
    "vague": _c(
        r"(?P<part>(?i:" + _alt(k for k in VAGUE_PARTS if not k.endswith("-")) + r")\s"
        r"|(?i:mid)[-‐‑]?)(?P<m>" + _MONTH + r")(?:,?\s(?:of\s)?(?P<y>" + _YEAR + r"))?"
    ),
    "year_part": _c(
        r"\b(?P<part>(?i:first|second|third|fourth)\s(?i:quarter|half)|Q[1-4])"
        r"(?:\s(?:of\s)?(?P<y>" + _YEAR + r"|(?i:this|next|last)\syear))?"
    ),
    "season": _c(
        r"\b(?P<part>(?i:spring|summer|autumn|fall|winter))\s(?:of\s)?(?P<y>" + _YEAR + r")"
    ),
    "month": _c(r"(?P<m>\b(?:" + _alt(k for k in MONTHS if len(k) > 3 or k == "May") + r")\b)"),
    "weekday": _c(r"(?:(?P<mod>(?i:last|next|this))\s)?(?P<w>" + _WEEKDAY + r")"),
    "relative": _c(r"\b(?P<rel>(?i:" + _alt(RELATIVE_PERIODS) + r"))\b"),
    "ago": _c(r"(?P<n>" + _NUM + r"|\ba)\s(?P<u>" + _DUR + r")\s(?i:ago)\b"),
    "year_range": _c(
        r"\b(?P<y1>" + _YEAR + r")\s?(?:[-‐‑–/]|to|and|through)\s?(?P<y2>" + _YEAR + r"|\d\d(?!\d))"
    ),
    "decade": _c(
        r"(?:\b(?P<part>(?i:early|mid|late))[-‐‑\s])?(?:the\s)?\b(?P<y>(?:1[89]|20)\d0)['’]?s\b"
    ),
    "year": _c(r"\b(?P<y>" + _YEAR + r")\b(?![-‐‑–]\w)"),
    "money_range": _c(
        r"(?P<cur>" + _CURSYM + r")(?P<n1>" + _NUM + r")" + _TO + r"(?:" + _CURSYM + r")?"
        r"(?P<n2>" + _NUM2 + r")"
    ),
    "money": _c(
        r"(?P<cur>" + _CURSYM + r")(?P<n>" + _NUM + r")"
        r"|(?P<n2>" + _NUM + r")\s(?:(?P<sc>" + _LONG_SCALE + r")\s)?(?P<cw>" + _CURWORD + r")"
    ),
    "pct_range": _c(
        r"(?:(?i:between)\s)?(?P<n1>"
        + _NUM
        + r")(?P<p1>"
        + _PCT
        + r")?"
        + _TO
        + r"(?P<n2>"
        + _NUM2
        + r")(?P<p>"
        + _PCT
        + r")"
    ),
    "pct": _c(r"(?P<n>" + _NUM + r")(?P<p>" + _PCT + r")"),
    "fraction": _c(
        r"\b(?P<num>(?i:" + _alt(_UNIT_WORDS[:10]) + r"))(?:" + _H + r"|\s)"
        r"(?P<den>(?i:" + _alt(DENOMINATORS) + r"))\b"
    ),
    "fraction_det": _c(
        r"\b(?P<det>(?i:a|an|another))\s(?P<den>(?i:" + _alt(DENOMINATORS) + r"))\b"
    ),
    "half_of": _c(r"\b(?P<den>(?i:half))(?=\s(?:of|the)\b)"),
    "one_in": _c(r"(?P<n1>" + _NUM + r")\s(?i:in|out\sof)\s(?P<n2>" + _NUM2 + r")(?!\s?%|[-‐‑]\w)"),
    "a_scale": _c(
        r"\b(?P<det>(?i:a|half\sa))\s(?P<sc>(?i:hundred|thousand|million|billion|trillion))\b"
    ),
    "times": _c(r"(?P<n>" + _NUM + r")\s(?i:times)\b"),
    "fold_word": _c(r"\b(?P<n>" + _NUMWORD + r")(?i:fold)\b"),
    "fold": _c(r"(?P<n>" + _NUM + r")" + _H + r"?(?i:fold)\b"),
    "mult_word": _c(r"\b(?P<w>(?i:" + _alt(MULTIPLIER_WORDS) + r"))\b"),
    "digits_mag": _c(
        r"\b(?P<w>(?i:" + _alt(DIGIT_MAGNITUDES) + r"))[-‐‑\s](?i:digits?|figures?)\b"
    ),
    "plural_mag": _c(r"\b(?P<w>(?i:" + _alt(PLURAL_MAGNITUDES) + r"))\b(?=\s(?:of|more)\b)"),
    "dur_range": _c(
        r"(?P<n1>"
        + _NUM
        + r")"
        + _TO
        + r"(?P<n2>"
        + _NUM2
        + r")(?:\s|"
        + _H
        + r")(?P<u>"
        + _DUR
        + r")"
    ),
    "duration": _c(
        r"(?P<n>" + _NUM + r")(?:\s|" + _H + r")(?P<u>" + _DUR + r")(?:" + _H + r"(?i:long|old))?"
    ),
    "ordinal": _c(r"(?P<w>" + _ORDWORD + r"|\b\d+(?i:st|nd|rd|th)\b)"),
    "count_range": _c(
        r"(?:(?i:between)\s)?(?P<n1>"
        + _NUM
        + r")"
        + r"\s?(?:[-‐‑–]|to|and)\s?(?P<n2>"
        + _NUM2
        + r")"
    ),
    "count": _c(r"(?P<n>" + _NUM + r")"),
    "dozen": _c(r"\b(?P<det>(?i:a|two|three|several))\s(?P<w>(?i:dozen))\b"),
    "frac_point": _c(
        r"\b(?P<f>(?i:a\squarter|a\shalf|half\sa|three\squarters\sof\sa))"
        r"(?:[-‐‑\s](?i:percentage))?[-‐‑\s](?i:points?)\b"
    ),
}
_PRIORITY = {name: i for i, name in enumerate(_P)}

# Cheap tests run once per sentence: a pattern is tried only when all its triggers are found
# (no month name, no date pattern; no digit and no number word, no count). Speed only: a
# trigger never decides what a claim is.
_YEARISH_RE = re.compile(r"(?:1[89]|20)\d\d")
_DECADE_RE = re.compile(r"\d0['’]?s\b")
_SIMPLE_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_NUMBER_WORD_SET = frozenset([*_UNIT_WORDS, *TENS, "dozen"])
_CURRENCY_SIGNS = "$€£¥₹₩₽"


def _lower_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


# Word-set triggers: the sentence must contain one of these (lower-case) words.
_TRIGGER_WORDS: dict[str, frozenset[str]] = {
    "number": _NUMBER_WORD_SET,
    "month": _lower_set(MONTHS),
    "weekday": _lower_set(WEEKDAYS),
    "relative": frozenset({"week", "weekend", "month", "year", "yesterday", "tomorrow"}),
    "ago": frozenset({"ago"}),
    "percent": frozenset({"percent", "per", "point", "points", "pct", "bps"}),
    "currency": _lower_set([*CURRENCY_WORDS, *(k for k in CURRENCY_SYMBOLS if k.isalpha())]),
    "denominator": _lower_set(DENOMINATORS),
    "ordinal": _lower_set([*ORDINALS, "st", "nd", "rd", "th"]),
    "times": frozenset({"times"}),
    "multiplier": _lower_set(MULTIPLIER_WORDS),
    "digits": frozenset({"digit", "digits", "figure", "figures"}),
    "magnitude": frozenset(w.split()[-1] for w in PLURAL_MAGNITUDES),
    "duration": _lower_set(DURATION_UNITS),
    "year_part": frozenset({"quarter", "half", "q"}),
    "season": frozenset({"spring", "summer", "autumn", "fall", "winter"}),
    "one_in": frozenset({"in", "out"}),
    "scale": frozenset({"hundred", "thousand", "million", "billion", "trillion"}),
    "dozen": frozenset({"dozen"}),
}


def _trigger(name: str, text: str, low: str, words: set[str], has_digit: bool) -> bool:
    """Whether ``text`` may hold a match of a pattern that needs ``name``."""
    if name == "digit":
        return has_digit
    if name == "year":
        return has_digit and _YEARISH_RE.search(text) is not None
    if name == "decade":
        return has_digit and _DECADE_RE.search(text) is not None
    if name == "fold":
        return "fold" in low
    hit = not words.isdisjoint(_TRIGGER_WORDS[name])
    if name == "number":
        return has_digit or hit
    if name == "percent":
        return hit or "%" in text
    if name == "currency":
        return hit or any(sign in text for sign in _CURRENCY_SIGNS)
    return hit


_NEEDS: dict[str, tuple[str, ...]] = {
    "iso_date": ("year",),
    "md_range": ("month", "digit"),
    "dm_range": ("month", "digit"),
    "md": ("month", "digit"),
    "dm": ("month", "digit"),
    "month_year": ("month", "year"),
    "vague": ("month",),
    "year_part": ("year_part",),
    "season": ("season", "year"),
    "month": ("month",),
    "weekday": ("weekday",),
    "relative": ("relative",),
    "ago": ("ago",),
    "year_range": ("year",),
    "decade": ("decade",),
    "year": ("year",),
    "money_range": ("currency", "number"),
    "money": ("currency", "number"),
    "pct_range": ("percent", "number"),
    "pct": ("percent", "number"),
    "fraction": ("denominator",),
    "fraction_det": ("denominator",),
    "half_of": ("denominator",),
    "one_in": ("one_in", "number"),
    "a_scale": ("scale",),
    "times": ("times", "number"),
    "fold_word": ("fold",),
    "fold": ("fold",),
    "mult_word": ("multiplier",),
    "digits_mag": ("digits",),
    "plural_mag": ("magnitude",),
    "dur_range": ("duration", "number"),
    "duration": ("duration", "number"),
    "ordinal": ("ordinal",),
    "count_range": ("number",),
    "count": ("number",),
    "dozen": ("dozen",),
    "frac_point": ("percent",),
}
assert set(_NEEDS) == set(_P), set(_P) ^ set(_NEEDS)

_SCALE_RE = re.compile(r"(?i)\s?(" + _LONG_SCALE + r"s?|" + _SHORT_SCALE + r")$")
_WORD_RE = re.compile(r"[A-Za-z][\w’'.-]*|\d[\d,.]*")
_CLAUSE = re.compile(r"[;:()\[\]“”\"]|,\s|\s[—–-]\s|—")
_HEDGE_RE = re.compile(r"(?i)\b(?:(?:" + _alt(HEDGES) + r")\s+)+$")
_POST_HEDGE_RE = re.compile(r"(?i)^\s(" + _alt(POST_HEDGES) + r")\b")
_QUAL_RE = re.compile(r"(?i)\b(" + _alt(DATE_QUALIFIERS) + r")\s+$")
_CLOCK_RE = re.compile(r"^\s?(?:a\.m\.|p\.m\.|[ap]m\b|GMT|UTC|ET\b|EST|EDT|BST|CET|o['’]clock)")
_IDIOM_RE = re.compile(r"(?i)^(?:" + _alt(IDIOMS) + r")\b")
_GENERIC_RE = re.compile(r"(?i)^(?:" + _alt(GENERIC_COUNTS) + r")\b")
_LEADING_FUNCTION = re.compile(
    r"^(?:(?:of|in|on|at|to|for|from|the|a|an|and|by|with|as|than)\s+)+", re.IGNORECASE
)


# Patterns that start with a number (or "between" and a number) are tried only where a digit
# run or a number word starts: the same matches as a scan, without trying every position.
_NUMBER_LED = frozenset(
    {"pct_range", "pct", "times", "fold", "dur_range", "duration", "count_range"}
    | {"count", "one_in", "dm", "dm_range", "year", "year_range", "iso_date", "fraction"}
)


_DATELINE = re.compile(
    r"\s*[A-Z][A-Z .'’-]{2,},\s*" + _MONTH + r"\s?" + _DAY + r"(?:,?\s" + _YEAR + r")?"
    r"\s*(?:\([^)]{1,40}\)\s*)?[-—–]"
)


_TRIGGER_NAMES = sorted({t for needs in _NEEDS.values() for t in needs})


def _scan(text: str, anchor: _dates.dt.date | None, *, generic: bool) -> list[_Claim]:
    found: list[_Claim] = []
    low = text.lower()
    words: set[str] = set()
    starts: list[int] = []
    has_digit = False
    for t in _SIMPLE_TOKEN.finditer(low):
        w = t.group()
        words.add(w)
        if w[0].isdigit():
            has_digit = True
            starts.append(t.start())
        elif w in _NUMBER_WORD_SET or w == "between":
            starts.append(t.start())
    present = {t for t in _TRIGGER_NAMES if _trigger(t, text, low, words, has_digit)}
    for pattern, needs, builder, number_led, priority in _PATTERNS:
        if not needs <= present:
            continue
        if number_led:
            matches: Iterable[re.Match[str] | None] = (pattern.match(text, i) for i in starts)
        else:
            matches = pattern.finditer(text)
        for m in matches:
            if m is None or m.end() <= m.start():
                continue
            claim = builder(m, text, generic)
            if claim is None:
                continue
            claim.priority = priority
            found.append(claim)
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
    taken.sort(key=lambda c: c.start)
    clauses = _clause_bounds(text)
    for i, c in enumerate(taken):
        prev_end = taken[i - 1].end if i else 0
        next_start = taken[i + 1].start if i + 1 < len(taken) else len(text)
        c_start, c_end = _clause_of(clauses, c.start, c.end, len(text))
        left = text[max(c_start, prev_end) : c.start]
        right = text[c.end : min(c_end, next_start)]
        if c.kind in DATE_KINDS or c.kind == "date_range":
            q = _QUAL_RE.search(left)
            if q:
                c.qualifier = q.group(1).lower()
                c.hedge = c.hedge or q.group(1)
        c.context = _context(left, right, date_like=c.kind in DATE_KINDS)
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
            r = c.resolve(direction, anchor)
            c.date, c.date_end, c.date_rule = r.date, r.date_end, r.rule
            if c.kind == "year" and c.date and not c.date.startswith("--"):
                c.value = float(c.date[:4])
    return taken


def _clause_bounds(text: str) -> list[int]:
    return [0, *(m.start() for m in _CLAUSE.finditer(text)), len(text)]


def _clause_of(bounds: list[int], start: int, end: int, n: int) -> tuple[int, int]:
    lo, hi = 0, n
    for b in bounds:
        if b <= start:
            lo = b
        elif b >= end:
            hi = b
            break
    return lo, hi


def _context(left: str, right: str, *, date_like: bool) -> str:
    """The few words saying what a number is about: the words after it in its clause (before
    it, for dates), or the other side when that side has no content word."""
    first, second = _left_words(left), _right_words(right)
    # After the number, unless a new clause starts there ("reaching triple digits and
    # disrupting supply chains" is about the tariffs before it).
    if not date_like and not _NEW_CLAUSE.match(right):
        first, second = second, first
    for candidate in (first, second):
        if _has_content(candidate):
            return candidate
    return ""


_CONJUNCTION = re.compile(r"\s(?:and|or|but|while|whereas)\s")


def _right_words(s: str) -> str:
    s = _CONJUNCTION.split(s)[0]
    s = _LEADING_FUNCTION.sub("", s.strip(' ,.;:”’"“'))
    return " ".join(s.split()[:7]).rstrip(" ,.;:!?”")


def _left_words(s: str) -> str:
    words = _CONJUNCTION.split(s)[-1].strip(' ,.;:”’"“').split()
    while words and words[-1].lower() in _TRAILING_FUNCTION:
        words.pop()
    return " ".join(words[-6:]).strip(" ,.;:”“")


_NEW_CLAUSE = re.compile(r"^\s*(?:and|but|while|though|although|as|after|before|which|who)\b")
_TRAILING_FUNCTION = frozenset(
    {"on", "by", "in", "at", "from", "until", "the", "since", "through", "of", "to", "a", "an"}
    | {"about", "around", "roughly", "nearly", "now", "so", "far"}
)


def _has_content(s: str) -> bool:
    return any(
        w.lower().strip(".,’'") not in CONTEXT_STOPWORDS and w[0].isalpha() for w in s.split() if w
    )


# ---------------------------------------------------------------- number parsing helpers


def parse_number(text: str) -> float | None:
    """A number written in digits or words, with a scale: "1.5 million" → 1.5e6, "3bn" → 3e9,
    "twenty-five" → 25, "two hundred" → 200, "2,000" → 2000. None when it is not a number."""
    s = text.strip().replace("\u00a0", " ")
    scale = 1.0
    while True:
        m = _SCALE_RE.search(s)
        if not m or m.start() == 0:
            break
        word = m.group(1).lower().rstrip("s") if len(m.group(1)) > 2 else m.group(1).lower()
        if word not in SCALES:
            break
        scale *= SCALES[word]
        s = s[: m.start()].rstrip()
    s = s.replace(",", "")
    try:
        return float(s) * scale
    except ValueError:
        pass
    total = 0.0
    for part in re.split(r"[-‐‑–\s]+", s.lower()):
        if part in UNITS:
            total += UNITS[part]
        elif part in TENS:
            total += TENS[part]
        elif part in NUMBER_NOUNS:
            total += NUMBER_NOUNS[part]
        elif part == "and":
            continue
        else:
            return None
    return total * scale


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([\w.$’'-]+)\s*$", text[:pos])
    return m.group(1) if m else ""


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\s*([\w’'-]+)", text[pos:])
    return m.group(1) if m else ""


def _hedge(c: _Claim, text: str) -> _Claim:
    """Fill ``hedge`` (as written) and the bound it implies ("more than 200" → low 200)."""
    m = _HEDGE_RE.search(text[max(0, c.start - 40) : c.start])
    post = _POST_HEDGE_RE.match(text[c.end : c.end + 12])
    words, bound = [], None
    if m:
        phrase = " ".join(m.group(0).split())
        words.append(phrase)
        bound = next(HEDGES[h] for h in _HEDGES_LONGEST_FIRST if phrase.lower().endswith(h))
    if post:
        words.append(post.group(1))
        bound = POST_HEDGES[post.group(1).lower()]
    if words:
        c.hedge = " ".join(words)
    if not math.isnan(c.value):
        if bound == "lower":
            c.low = c.value
        elif bound == "upper":
            c.high = c.value
    return c


_HEDGES_LONGEST_FIRST = sorted(HEDGES, key=len, reverse=True)


def _is_label(text: str, start: int) -> bool:
    """A number that names something ("Section 232", "COVID-19", "[3]", "1." at line start)."""
    before = text[:start]
    if before.endswith("["):
        return True
    if re.search(r"(?:^|\n)\s*$", before) and re.match(r"\d+[.)](?:\s|$)", text[start:]):
        return True
    if re.search(r"[A-Za-z]-?$", before):
        return True
    prev = _prev_word(text, start).lower()
    return prev in LABEL_WORDS


def _quantity_ok(m: re.Match[str], text: str, group: str = "n") -> bool:
    start = m.start(group)
    if _is_label(text, start):
        return False
    if _CLOCK_RE.match(text[m.end(group) :]):
        return False
    return not _IDIOM_RE.match(text[start:])


# ---------------------------------------------------------------- builders, one per pattern


def _date_claim(m: re.Match[str], kind: str, resolve, weekday: str | None = None) -> _Claim:
    return _Claim(m.start(), m.end(), kind, resolve=resolve, weekday=weekday)


def _month_num(s: str) -> int:
    return MONTHS[s.rstrip(".")]


def _day_num(s: str) -> int:
    return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]


def _b_iso_date(m, text, generic):
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    return _date_claim(
        m,
        "date",
        lambda direction, anchor: _dates.resolve_month_day(mo, d, y, None, "nearest"),
    )


def _b_md_range(m, text, generic):
    m1 = _month_num(m["m1"])
    m2 = _month_num(m["m2"]) if m["m2"] else m1
    d1, d2 = _day_num(m["d1"]), _day_num(m["d2"])
    y = int(m["y"]) if m["y"] else None
    if (m2, d2) <= (m1, d1) and m2 == m1:
        return None
    return _date_claim(
        m,
        "date_range",
        lambda direction, anchor: _dates.resolve_day_range(m1, d1, m2, d2, y, anchor, direction),
    )


def _b_dm_range(m, text, generic):
    mo = _month_num(m["m1"])
    d1, d2 = _day_num(m["d1"]), _day_num(m["d2"])
    y = int(m["y"]) if m["y"] else None
    if d2 <= d1:
        return None
    return _date_claim(
        m,
        "date_range",
        lambda direction, anchor: _dates.resolve_day_range(mo, d1, mo, d2, y, anchor, direction),
    )


def _b_md(m, text, generic):
    mo, d = _month_num(m["m"]), _day_num(m["d"])
    y = int(m["y"]) if m["y"] else None
    if m["m"] == "May" and not m["d"]:
        return None
    return _date_claim(
        m, "date", lambda direction, anchor: _dates.resolve_month_day(mo, d, y, anchor, direction)
    )


_b_dm = _b_md  # "17 September 2025" is read like "September 17, 2025"


def _b_month_year(m, text, generic):
    mo, y = _month_num(m["m"]), int(m["y"])
    return _date_claim(
        m, "date", lambda direction, anchor: _dates.resolve_month_day(mo, None, y, None, direction)
    )


def _b_vague(m, text, generic):
    part = m["part"].strip().lower()
    part = "mid" if part.startswith("mid") else part
    mo = _month_num(m["m"])
    y = int(m["y"]) if m["y"] else None
    return _date_claim(
        m,
        "date_range",
        lambda direction, anchor: _dates.resolve_vague_part(part, mo, y, anchor, direction),
    )


def _b_year_part(m, text, generic):
    part = " ".join(m["part"].lower().split())
    first, last = YEAR_PARTS[part]
    ytext = m["y"]
    if ytext is None and part.startswith(("first h", "second h")):
        return None  # "the first half" of a game, a match, a speech
    if (
        ytext is None
        and not part.startswith("q")
        and not re.search(r"(?i)\bthe\s$", text[: m.start()])
    ):
        return None

    def resolve(direction, anchor):
        if ytext and ytext[0].isdigit():
            return _dates.resolve_year_part(first, last, int(ytext), anchor)
        if ytext:
            offset = {"this": 0, "next": 1, "last": -1}[ytext.split()[0].lower()]
            if anchor is None:
                return _dates.Resolved(None, None, "unanchored")
            return _dates.resolve_year_part(first, last, anchor.year + offset, anchor)
        return _dates.resolve_year_part(first, last, None, anchor)

    return _date_claim(m, "date_range", resolve)


def _b_season(m, text, generic):
    first, last = YEAR_PARTS[m["part"].lower()]
    y = int(m["y"])
    return _date_claim(
        m, "date_range", lambda direction, anchor: _dates.resolve_year_part(first, last, y, None)
    )


def _b_month(m, text, generic):
    word = m["m"]
    prev = _prev_word(text, m.start()).lower()
    if prev not in MONTH_LEADS:
        return None
    if word == "May" and prev not in {
        "in",
        "since",
        "by",
        "until",
        "from",
        "through",
        "of",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "during",
    }:
        return None
    mo = MONTHS[word]
    return _date_claim(
        m,
        "date",
        lambda direction, anchor: _dates.resolve_month_day(mo, None, None, anchor, direction),
    )


def _b_weekday(m, text, generic):
    name = m["w"].rstrip(".")
    if len(name) <= 4 and not m["w"].endswith(".") and name not in ("Mon", "Wed", "Fri"):
        return None
    if len(name) <= 3 and not m["w"].endswith("."):
        return None
    wd = WEEKDAYS[name]
    mod = (m["mod"] or "").lower()
    full = next(k for k, v in WEEKDAYS.items() if v == wd)
    return _date_claim(
        m,
        "date",
        lambda direction, anchor: _dates.resolve_weekday(wd, anchor, direction, modifier=mod),
        weekday=full,
    )


def _b_relative(m, text, generic):
    phrase = " ".join(m["rel"].lower().split())
    unit, _ = RELATIVE_PERIODS[phrase]
    kind = {
        "week": "date_range",
        "weekend": "date_range",
        "year": "year",
        "year_before": "date_range",
        "year_after": "date_range",
    }.get(unit, "date")
    return _date_claim(m, kind, lambda direction, anchor: _dates.resolve_relative(phrase, anchor))


def _b_ago(m, text, generic):
    n = 1.0 if m["n"].lower() == "a" else parse_number(m["n"])
    if n is None:
        return None
    unit = DURATION_UNITS[m["u"].lower()]
    return _date_claim(
        m, "date", lambda direction, anchor: _dates.resolve_ago(int(n), unit, anchor)
    )


def _b_year_range(m, text, generic):
    y1 = int(m["y1"])
    y2s = m["y2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if not y1 < y2 <= y1 + 50:
        return None
    return _Claim(
        m.start(),
        m.end(),
        "date_range",
        low=float(y1),
        high=float(y2),
        unit="year",
        date=f"{y1:04d}",
        date_end=f"{y2:04d}",
        date_rule="explicit",
    )


def _b_decade(m, text, generic):
    y = int(m["y"])
    first, last = DECADE_PARTS[(m["part"] or "").lower()]
    return _Claim(
        m.start(),
        m.end(),
        "date_range",
        low=float(y + first),
        high=float(y + last),
        unit="year",
        date=f"{y + first:04d}",
        date_end=f"{y + last:04d}",
        date_rule="explicit" if not m["part"] else "vague_part",
    )


def _b_year(m, text, generic):
    if _is_label(text, m.start()) or text[: m.start()].endswith(("$", "#", "/")):
        return None
    if text[m.end() : m.end() + 1] == "/":
        return None  # inside a web address
    if _HEDGE_RE.search(text[max(0, m.start() - 30) : m.start()]):
        return None  # "about 2000 people" is a count
    nxt = _next_word(text, m.end()).lower()
    if nxt in (
        "people",
        "troops",
        "jobs",
        "workers",
        "soldiers",
        "employees",
        "tons",
        "tonnes",
        "barrels",
        "votes",
        "cases",
        "deaths",
        "units",
        "residents",
    ):
        return None
    y = int(m["y"])
    return _Claim(
        m.start(),
        m.end(),
        "year",
        value=float(y),
        unit="year",
        date=f"{y:04d}",
        date_rule="explicit",
    )


def _currency(cur: str) -> str:
    key = cur.strip().lower()
    return CURRENCY_SYMBOLS.get(key, key.upper())


def _b_money_range(m, text, generic):
    a, b = parse_number(m["n1"]), parse_number(m["n2"])
    if a is None or b is None or _is_change(text, m.start()):
        return None
    scale_b = _SCALE_RE.search(m["n2"])
    if scale_b and not _SCALE_RE.search(m["n1"]):
        a = a * (b / parse_number(m["n2"][: scale_b.start()]))  # type: ignore[operator]
    if a >= b:
        return None
    return _hedge(
        _Claim(m.start(), m.end(), "money", low=a, high=b, unit=_currency(m["cur"])), text
    )


def _b_money(m, text, generic):
    if m["cur"] is not None:
        value, unit = parse_number(m["n"]), _currency(m["cur"])
    else:
        value = parse_number(m["n2"] + (" " + m["sc"] if m["sc"] else ""))
        unit = CURRENCY_WORDS[m["cw"].lower()]
        if m["cw"].lower() == "won" and not m["sc"]:
            return None  # "two won" (the verb)
    if value is None:
        return None
    return _hedge(_Claim(m.start(), m.end(), "money", value=value, unit=unit), text)


def _pct_unit(p: str) -> str:
    key = " ".join(p.strip().lower().split())
    return PERCENT_WORDS.get(key, "percent")


def _b_pct_range(m, text, generic):
    if not _quantity_ok(m, text, "n1"):
        return None
    a, b = parse_number(m["n1"]), parse_number(m["n2"])
    if a is None or b is None or a >= b:
        return None
    if (
        m["p1"] is None
        and m.group(0).lower().startswith("between") is False
        and re.search(r"\s(?:and)\s", m.group(0))
    ):
        return None  # "30 and 10 percent" is two numbers, not a range
    if _is_change(text, m.start()) or (m["p1"] and _pct_unit(m["p1"]) != _pct_unit(m["p"])):
        return None  # "rose by 5 points to 67%", "fell from 50% to 40%": two numbers
    return _hedge(
        _Claim(m.start(), m.end(), "percent", low=a, high=b, unit=_pct_unit(m["p"])), text
    )


_CHANGE_BEFORE = re.compile(
    r"(?i)(?:\bby|\b(?:" + _alt(CHANGE_VERBS) + r")\s(?:\w+\s){0,2}from)\s$"
)


def _is_change(text: str, start: int) -> bool:
    """ "rose by 5 to 67", "fell from 50 to 40": the two numbers are a change, not a range."""
    return _CHANGE_BEFORE.search(text, max(0, start - 60), start) is not None


def _b_pct(m, text, generic):
    if not _quantity_ok(m, text):
        return None
    v = parse_number(m["n"])
    if v is None:
        return None
    return _hedge(_Claim(m.start(), m.end(), "percent", value=v, unit=_pct_unit(m["p"])), text)


def _b_fraction(m, text, generic):
    num = UNITS[m["num"].lower()]
    den = m["den"].lower()
    if num > 1 and not den.endswith("s") and den != "half":
        return None
    if num == 1 and den.endswith("s"):
        return None
    if den in ("fourth",) and _next_word(text, m.end()).lower() in ORDINAL_HEADS:
        return None
    return _hedge(_Claim(m.start(), m.end(), "fraction", value=num * DENOMINATORS[den]), text)


def _b_fraction_det(m, text, generic):
    """ "a third of voters", "another third oppose" → 1/3; "a third round" is an ordinal."""
    den = m["den"].lower()
    if den.endswith("s") or den == "second":
        return None
    nxt = _next_word(text, m.end()).lower()
    prev = _prev_word(text, m.start()).lower()
    # "a third of voters", "fell by a third in June", "another third oppose" are fractions;
    # "a third round", "a third time", "a half-hour" are not.
    fraction = (
        nxt == "of"
        or prev in FRACTION_LEADS
        or nxt in FRACTION_FOLLOWERS
        or not nxt
        or (m["det"].lower() == "another" and nxt not in ORDINAL_HEADS)
    )
    if not fraction or re.match(r"[-‐‑]", text[m.end() : m.end() + 1]):
        return None
    return _hedge(_Claim(m.start(), m.end(), "fraction", value=DENOMINATORS[den]), text)


def _b_half_of(m, text, generic):
    return _hedge(_Claim(m.start(), m.end(), "fraction", value=0.5), text)


def _b_one_in(m, text, generic):
    """ "one in five" → 0.2, "Nine out of 10" → 0.9, "3 in 10" → 0.3."""
    if not _quantity_ok(m, text, "n1"):
        return None
    a, b = parse_number(m["n1"]), parse_number(m["n2"])
    if a is None or not b or not 0 < a < b or b > 1000:
        return None  # "3 in 2025", "20 in 10 days" are not ratios
    return _hedge(_Claim(m.start(), m.end(), "fraction", value=a / b), text)


def _b_a_scale(m, text, generic):
    """ "a million people" → 1e6, "half a billion" → 5e8."""
    value = SCALES[m["sc"].lower()] * (0.5 if m["det"].lower().startswith("half") else 1)
    nxt = _next_word(text, m.end()).lower()
    if nxt in CURRENCY_WORDS:
        return None  # "a million dollars" is money (below)
    return _hedge(
        _Claim(m.start(), m.end(), "count", value=value, unit=_count_unit(text, m.end())), text
    )


def _b_times(m, text, generic):
    if not _quantity_ok(m, text):
        return None
    v = parse_number(m["n"])
    if v is None:
        return None
    return _hedge(_Claim(m.start(), m.end(), "multiplier", value=v, unit="times"), text)


def _b_fold_word(m, text, generic):
    return _b_fold(m, text, generic)


def _b_fold(m, text, generic):
    v = parse_number(m["n"])
    if v is None:
        return None
    return _hedge(_Claim(m.start(), m.end(), "multiplier", value=v, unit="times"), text)


def _b_mult_word(m, text, generic):
    w = m["w"].lower()
    nxt = _next_word(text, m.end()).lower()
    if nxt in ("digit", "digits", "figure", "figures"):
        return None
    if w in ("double", "triple", "quadruple") and nxt not in (
        "the",
        "its",
        "their",
        "that",
        "what",
        "his",
        "her",
        "our",
        "in",
        "by",
        "from",
    ):
        return None
    if w in ("halves",):
        return None
    return _hedge(
        _Claim(m.start(), m.end(), "multiplier", value=MULTIPLIER_WORDS[w], unit="times"), text
    )


def _b_digits_mag(m, text, generic):
    low, high = DIGIT_MAGNITUDES[m["w"].lower()]
    words = {w.lower() for w in _WORD_RE.findall(text)}
    unit = "percent" if words & RATE_WORDS else None
    return _Claim(m.start(), m.end(), "magnitude", low=low, high=high, unit=unit)


def _b_plural_mag(m, text, generic):
    low, high = PLURAL_MAGNITUDES[" ".join(m["w"].lower().split())]
    after = text[m.end() : m.end() + 20].lower()
    unit = "USD" if re.match(r"\s+of\s+dollars", after) else None
    return _Claim(m.start(), m.end(), "magnitude", low=low, high=high, unit=unit)


def _b_dur_range(m, text, generic):
    if not _quantity_ok(m, text, "n1"):
        return None
    a, b = parse_number(m["n1"]), parse_number(m["n2"])
    if a is None or b is None or a >= b:
        return None
    return _hedge(
        _Claim(m.start(), m.end(), "duration", low=a, high=b, unit=DURATION_UNITS[m["u"].lower()]),
        text,
    )


def _b_duration(m, text, generic):
    if not _quantity_ok(m, text):
        return None
    v = parse_number(m["n"])
    if v is None:
        return None
    return _hedge(
        _Claim(m.start(), m.end(), "duration", value=v, unit=DURATION_UNITS[m["u"].lower()]),
        text,
    )


def _b_ordinal(m, text, generic):
    w = m["w"]
    if _IDIOM_RE.match(text[m.start() :]) or _IDIOM_RE.match(
        text[max(0, m.start() - 3) :].lstrip()
    ):
        return None
    before = text[: m.start()]
    if re.search(r"(?i)\bat\s$", before) and w.lower() == "first":
        return None
    if not before.strip() and re.match(r"\s*,", text[m.end() :]):
        return None  # "First, ..." opens a list of points
    if (
        w.lower() == "second"
        and re.search(r"(?i)\b(?:a|an|per|every|split)\s$", before)
        and _next_word(text, m.end()).lower() not in ORDINAL_HEADS
    ):
        return None  # "a second" (time), unless "a second round"
    if w[0].isdigit():
        value = float(re.match(r"\d+", w).group())  # type: ignore[union-attr]
    else:
        parts = re.split(_H, w.lower())
        value = float(sum(TENS.get(p, 0) for p in parts[:-1]) + ORDINALS[parts[-1]])
    return _Claim(m.start(), m.end(), "ordinal", value=value)


def _b_count_range(m, text, generic):
    if not _quantity_ok(m, text, "n1"):
        return None
    a, b = parse_number(m["n1"]), parse_number(m["n2"])
    if a is None or b is None:
        return None
    sep = m.group(0)[m.end("n1") - m.start() : m.start("n2") - m.start()].strip()
    tally_sep = sep in "-‐‑–" or (
        sep == "to" and not re.search(r"(?i)\bfrom\s$", text[: m.start()])
    )
    small = re.compile(r"[1-9]\d{0,2}|0")  # "555-0123" is a phone number
    if a >= b and tally_sep and small.fullmatch(m["n1"]) and small.fullmatch(m["n2"]):
        # A tally ("passed the Senate 51-49", "218 to 214"): high first, low second.
        return _Claim(m.start(), m.end(), "count", low=b, high=a, unit="tally")
    if a >= b or _is_change(text, m.start()):
        return None
    if sep == "and" and not m.group(0).lower().startswith("between"):
        return None
    scale = _SCALE_RE.search(m["n2"])
    if scale and not _SCALE_RE.search(m["n1"]):
        base = parse_number(m["n2"][: scale.start()])
        if base:
            a = a * (b / base)
    c = _Claim(m.start(), m.end(), "count", low=a, high=b, unit=_count_unit(text, m.end()))
    return _hedge(c, text)


def _b_count(m, text, generic):
    n = m["n"]
    if not _quantity_ok(m, text):
        return None
    lower = n.lower()
    is_word = not lower[0].isdigit() and lower[0] != "."
    if is_word:
        if (lower == "one" or lower.startswith("one ")) and not re.search(_LONG_SCALE, n):
            return None  # "one" is mostly a pronoun ("one of", "the one that")
        nxt = _next_word(text, m.end())
        if not nxt or not nxt[0].isalpha():
            return None  # "the two, ..." stands alone
        if _GENERIC_RE.match(text[m.start() :]) and not generic:
            return None
    elif _GENERIC_RE.match(text[m.start() :]) and not generic:
        return None
    if _after_name(text, m.start()) or _STREET_AFTER.match(text, m.end()):
        return None
    v = parse_number(n)
    if v is None:
        return None
    end, unit = m.end(), _count_unit(text, m.end())
    glued = re.match(r"°?[A-Za-z]+\b", text[end:])
    if glued:  # "45C", "10km" carry their unit; "5G", "3D" are names
        unit = GLUED_UNITS.get(glued.group().lower())
        if unit is None:
            return None
        end += glued.end()
    return _hedge(_Claim(m.start(), end, "count", value=v, unit=unit), text)


_STREET_AFTER = re.compile(
    r"\s(?:[A-Z][a-z]+\s){1,2}(?:" + _alt(STREET_WORDS) + r")\b"
)  # "10 Downing Street" is an address
_NAME_BEFORE = re.compile(r"([\w&’'.-]+)\s$")


def _after_name(text: str, start: int) -> bool:
    """A number right after a name is part of it: "S&P 500", "iPhone 16", "Boeing's 737"
    (but not after a month, an abbreviation such as "U.S.", or a capitalised function word
    or hedge opening the sentence: "In 2019", "About 40,000")."""
    m = _NAME_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return False
    word = m.group(1)
    bare = re.sub(r"['’]s$", "", word)
    if "&" in bare:
        return True
    if not bare or bare.endswith(".") or bare in MONTHS or (bare.isupper() and len(bare) <= 3):
        return False
    if bare.lower() in CONTEXT_STOPWORDS or bare.lower() in HEDGES:
        return False
    return bare[0].isupper() or any(ch.isupper() for ch in bare[1:])


_FRACTION_POINTS = {"a quarter": 0.25, "a half": 0.5, "half a": 0.5, "three quarters of a": 0.75}


def _b_frac_point(m, text, generic):
    """ "cut rates by a quarter point" → 0.25 percentage point."""
    value = _FRACTION_POINTS[" ".join(m["f"].lower().split())]
    return _hedge(_Claim(m.start(), m.end(), "percent", value=value, unit="percentage point"), text)


def _b_dozen(m, text, generic):
    det = m["det"].lower()
    if det == "several":
        return _Claim(m.start(), m.end(), "magnitude", low=24, high=99)
    mult = 1 if det == "a" else UNITS[det]
    return _hedge(_Claim(m.start(), m.end(), "count", value=12.0 * mult), text)


_COUNT_UNIT_SKIP = frozenset(
    {"of", "and", "or", "to", "in", "on", "at", "the", "a", "an", "was", "were", "is", "are"}
    | {"has", "have", "had", "will", "would", "percent", "for", "by", "from", "with", "after"}
)


def _count_unit(text: str, pos: int) -> str | None:
    w = _next_word(text, pos)
    if not w or not w[0].isalpha() or w.lower() in _COUNT_UNIT_SKIP:
        return None
    return w.lower()


_BUILDERS: dict[str, Callable[[re.Match[str], str, bool], _Claim | None]] = {
    name: globals()[f"_b_{name}"] for name in _P
}
# (pattern, triggers it needs, builder, number-led, priority), in priority order.
_PATTERNS = [
    (p, frozenset(_NEEDS[name]), _BUILDERS[name], name in _NUMBER_LED, _PRIORITY[name])
    for name, p in _P.items()
]
