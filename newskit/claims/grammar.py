"""The claim grammar: one regex per pattern (dates, money, percents, counts…), its priority and
the cheap per-sentence triggers that decide which patterns are tried."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newskit.claims import dates as _dates
from newskit.claims.numbers import (
    _H,
    _LONG_SCALE,
    _NUM,
    _NUM2,
    _NUMWORD,
    _UNIT_WORDS,
    _alt,
)
from newskit.resources.numbers import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DENOMINATORS,
    DIGIT_MAGNITUDES,
    DURATION_ADJECTIVES,
    DURATION_UNITS,
    HOLIDAYS,
    MONTH_MODIFIERS,
    MONTHS,
    MULTIPLIER_WORDS,
    ORDINALS,
    PERCENT_WORDS,
    PLURAL_MAGNITUDES,
    RELATIVE_PERIODS,
    SIGN_WORDS,
    TENS,
    UNITS,
    VAGUE_PARTS,
    WEEKDAYS,
    WORD_SCALES,
    YEAR_PARTS,
    ZERO_WORDS,
)

_NAN = math.nan


# The kind of a span that is no claim but must not be read piecewise either ("the Sept. 11
# attacks" is neither a date nor the count 11): it takes its place in the scan, then is dropped.
SKIP = "_skip"


@dataclass(slots=True)
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
    # "that year": resolved to the year the article named last (newskit.claims.extract)
    anaphoric: bool = False


_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|:\d)"
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
# "Thanksgiving Day", "Election Day", "Christmas Eve", "New Year’s Eve" (either apostrophe).
_HOLIDAY = "|".join(
    re.escape(k).replace("'", "['’]") for k in sorted(HOLIDAYS, key=len, reverse=True)
)
_TEENS = [w for w, v in UNITS.items() if 10 <= v <= 19]
_UNIT_1_9 = r"(?:" + _alt(w for w, v in UNITS.items() if 1 <= v <= 9) + r")"
# The last two digits of a spelled-out year: "nineteen ninety-seven", "nineteen oh five",
# "eighteen twelve", "nineteen hundred".
_YEAR_REST = (
    r"(?i:(?:" + _alt(TENS) + r")(?:[-‐‑\s]" + _UNIT_1_9 + r")?|" + _alt(_TEENS)
    + r"|hundred|oh[-‐‑\s]" + _UNIT_1_9 + r")"
)  # fmt: skip
_PCT = r"(?:\s?%|\s?(?:pc|pct)\b|\s(?i:" + _alt(k for k in PERCENT_WORDS if k != "%") + r")\b)"
_CURSYM = (
    r"(?:\b(?i:" + _alt(k for k in CURRENCY_SYMBOLS if k[0].isalpha()) + r")\s?"
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
    # "12/25/2024", "25/12/2024": read only when one of the two is above 12 (else either order)
    "slash_date": _c(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>" + _YEAR + r")\b(?!/)"),
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
    "wd_md": _c(
        r"(?P<w>" + _WEEKDAY + r"),?\s(?:(?P<m>" + _MONTH + r")\s?(?P<d>" + _DAY + r")"
        r"|(?P<d2>" + _DAY + r")\s(?P<m2>" + _MONTH + r"))(?:,?\s(?P<y>" + _YEAR + r"))?"
        r"(?![-‐‑–]?\d)"
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
        r"|(?i:mid)[-‐‑]?|(?i:early|late)[-‐‑])(?P<m>" + _MONTH + r")"
        r"(?:,?\s(?:of\s)?(?P<y>" + _YEAR + r"))?"
    ),
    "year_part": _c(
        r"\b(?P<part>(?i:first|second|third|fourth)\s(?i:quarter|half)|Q[1-4]|H[12](?=\s)"
        r"|(?i:" + _alt(k for k in YEAR_PARTS if k.endswith("months")) + r"))"
        r"(?:\s(?:of\s)?(?P<y>" + _YEAR + r"|(?i:this|next|last|the)\syear))?"
    ),
    "season": _c(
        r"\b(?P<part>(?i:spring|summer|autumn|fall|winter))\s(?:of\s)?(?P<y>" + _YEAR + r")"
    ),
    "month": _c(
        r"(?:(?P<mod>(?i:" + _alt(MONTH_MODIFIERS) + r"))\s)?"
        r"(?P<m>\b(?:" + _alt(k for k in MONTHS if len(k) > 3 or k == "May") + r")\b)"
        r"(?:,?\s(?:of\s)?(?P<rel>(?i:this|last|next))\syear\b)?"
    ),
    "holiday": _c(
        r"(?:(?P<mod>(?i:last|next|this))\s)?\b(?P<h>" + _HOLIDAY + r")(?![\w’'])"
        r"(?:,?\s(?P<y>" + _YEAR + r"))?"
    ),
    "part_year": _c(
        r"\b(?P<part>(?i:early|mid|late|post|pre))(?:[-‐‑]|\s(?=\d))(?P<y>" + _YEAR + r")\b"
        r"(?![-‐‑–]\w|['’]?s\b)"
    ),
    "spelled_year": _c(
        r"\b(?P<c>(?i:eighteen|nineteen))[-‐‑\s](?P<r>" + _YEAR_REST + r")\b"
        r"|\b(?P<c2>(?i:twenty))[-‐‑\s](?P<r2>(?i:"
        + _alt(_TEENS)
        + r"|twenty(?:[-‐‑\s]"
        + _UNIT_1_9
        + r")?))\b"
    ),
    "the_year": _c(
        r"\b(?P<det>(?i:the|that))\s(?:(?P<cur>(?i:current|same))\s)?"
        r"(?:(?P<fy>(?i:fiscal|financial))\s)?year\b"
        r"(?!\s(?:\d|(?i:ago|earlier|before|later|after|prior|following|old|end|ended|ending)\b)|[-‐‑]\w)"
    ),
    "fiscal_year": _c(
        r"\b(?:(?P<mod>(?i:this|next|last|previous|prior|coming))\s)?(?i:fiscal|financial)\s"
        r"(?:(?P<w>year)\b(?:\s(?P<y2>" + _YEAR + r"))?|(?:year\s)?(?P<y>" + _YEAR + r")\b)"
        r"|\bFY\s?(?P<fy>" + _YEAR + r"|\d\d)\b"  # "FY2024", "FY 2024", "FY24"
    ),
    "year_earlier": _c(r"\b(?i:year)[-‐‑](?P<w>(?i:earlier|ago))\b"),
    "weekday": _c(r"(?:(?P<mod>(?i:last|next|this))\s)?(?P<w>" + _WEEKDAY + r")"),
    "relative": _c(r"\b(?P<rel>(?i:" + _alt(RELATIVE_PERIODS) + r"))\b"),
    "ago": _c(r"(?P<n>" + _NUM + r"|\b(?i:an?)\b)\s(?P<u>" + _DUR + r")\s(?i:ago)\b"),
    "year_range": _c(
        r"(?:(?i:between)\s)?\b(?P<y1>"
        + _YEAR
        + r")\s?(?:[-‐‑–/]|to|and|through)\s?(?P<y2>"
        + _YEAR
        + r"|\d\d(?!\d))"
    ),
    # "the 21st century", "the early twentieth century", "the mid-19th century"
    "century": _c(
        r"(?:\b(?P<part>(?i:early|mid|late))[-‐‑\s])?"
        r"(?P<w>" + _ORDWORD + r"|\b[1-2]?\d(?i:st|nd|rd|th))[-‐‑\s](?i:century)\b"
    ),
    "decade": _c(
        r"(?:\b(?P<part>(?i:early|mid|late))[-‐‑\s])?(?:the\s)?"
        r"(?:\b(?P<y>(?:1[89]|20)\d0)['’]?s|['’](?P<yy>[2-9]0)s)\b"
    ),
    "year": _c(r"\b(?P<y>" + _YEAR + r")\b(?![-‐‑–]\w)"),
    "money_range": _c(
        r"(?P<cur>" + _CURSYM + r")(?P<n1>" + _NUM + r")" + _TO + r"(?:" + _CURSYM + r")?"
        r"(?P<n2>" + _NUM2 + r")"
    ),
    "money": _c(r"(?P<cur>" + _CURSYM + r")(?P<n>" + _NUM + r")"),
    # "10 billion yuan", "a hundred thousand dollars": number-led, tried where numbers start
    "money_word": _c(
        r"(?P<n2>" + _NUM + r")\s(?:(?P<sc>" + _LONG_SCALE + r")\s)?(?P<cw>" + _CURWORD + r")"
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
    # "one in five", "Nine out of 10", "one in every four", "a 1-in-3 chance"
    "one_in": _c(
        r"(?P<n1>" + _NUM + r")(?:\s|(?P<h>[-‐‑]))(?i:in|out\sof)"
        r"(?(h)[-‐‑]|\s(?:(?i:every)\s)?)(?P<n2>" + _NUM2 + r")(?!\s?%|[-‐‑](?!year\b)\w)"
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
        r"(?P<n>" + _NUM + r")(?:\s(?i:" + _alt(DURATION_ADJECTIVES) + r"))?(?:\s|" + _H + r")"
        r"(?P<u>" + _DUR + r")(?:" + _H + r"(?i:long|old))?"
    ),
    "ordinal": _c(r"(?P<w>" + _ORDWORD + r"|(?<![\d,.])\b\d{1,3}(?:,\d{3})*(?i:st|nd|rd|th)\b)"),
    "count_range": _c(
        r"(?:(?i:between)\s)?(?P<n1>"
        + _NUM
        + r")"
        + r"(?:[-‐‑–]to[-‐‑–]|\s?(?:[-‐‑–]|to|and)\s?)(?P<n2>"
        + _NUM2
        + r")"
    ),
    "count": _c(r"(?P<n>" + _NUM + r")"),
    "dozen": _c(
        r"\b(?P<det>(?i:a|several|the|his|her|their|its|our)|" + _NUMWORD + r"|\d+)\s"
        r"(?P<w>(?i:dozen))\b(?!\s(?i:of)\b)"
    ),
    # "a couple of weeks" → 2 weeks, "a couple of officers" → 2
    "couple": _c(
        r"\b(?i:a)\s(?i:couple)\s(?i:of)\b(?:\s(?P<u>" + _DUR + r")\b"
        r"|\s(?P<w>" + _LONG_SCALE + r"|(?i:dozen))\b)?"
    ),
    # "several hundred people", "a few thousand" → a range of that scale
    "several_scale": _c(
        r"\b(?P<det>(?i:several|a\sfew))\s(?P<w>" + _LONG_SCALE + r")"
        r"(?:\s(?P<w2>(?i:thousand|million|billion|trillion)))?\b(?!\s(?i:and)\b)"
    ),
    # "fell by half", "cut in half" → 0.5
    "by_half": _c(r"\b(?i:by|in)\s(?P<den>(?i:half))\b(?![-‐‑]|\s(?i:a|an|the|of)\b)"),
    "dur_frac": _c(r"\b(?P<det>(?i:a|an|one))\s(?P<u>" + _DUR + r")\s(?i:and\sa\shalf)\b"),
    # "half a century", "a half-hour", "a quarter-century", "three quarters of an hour"
    "dur_part": _c(
        r"\b(?P<f>(?i:half\san?|an?\shalf|an?\squarter(?:\sof\san?)?"
        r"|three[-‐‑\s]quarters\sof\san?))[-‐‑\s](?P<u>" + _DUR + r")\b"
    ),
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
_ZERO_WORDS_LONG = [w for w in ZERO_WORDS if len(w) > 2]  # "nought point nought four"
_SIMPLE_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_NUMBER_WORD_SET = frozenset([*_UNIT_WORDS, *TENS, "dozen", *SIGN_WORDS, *_ZERO_WORDS_LONG])
_CURRENCY_SIGNS = "$€£¥₹₩₽"
assert [c for c in _CURRENCY_SIGNS if c.isascii()] == ["$"]  # see ``triggers``


def _lower_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


# Word-set triggers: the sentence must contain one of these (lower-case) words.
_TRIGGER_WORDS: dict[str, frozenset[str]] = {
    "number": _NUMBER_WORD_SET | frozenset(WORD_SCALES),
    "month": _lower_set(MONTHS),
    "weekday": _lower_set(WEEKDAYS),
    "relative": frozenset(
        w for phrase in RELATIVE_PERIODS for w in re.findall(r"[a-z]+", phrase.split()[-1])
    ),
    "ago": frozenset({"ago"}),
    "percent": frozenset({"percent", "per", "point", "points", "pct", "pc", "bps"}),
    "currency": _lower_set(
        [*(w.split()[-1] for w in CURRENCY_WORDS), *(k for k in CURRENCY_SYMBOLS if k.isalpha())]
    ),
    "denominator": _lower_set(DENOMINATORS),
    "ordinal": _lower_set([*ORDINALS, "st", "nd", "rd", "th"]),
    "times": frozenset({"times"}),
    "multiplier": _lower_set(MULTIPLIER_WORDS),
    "digits": frozenset({"digit", "digits", "figure", "figures"}),
    "magnitude": frozenset(w.split()[-1] for w in PLURAL_MAGNITUDES),
    "duration": _lower_set(DURATION_UNITS),
    "year_part": frozenset({"quarter", "half", "q", "months", "h"}),
    "season": frozenset({"spring", "summer", "autumn", "fall", "winter"}),
    "one_in": frozenset({"in", "out"}),
    "scale": frozenset({"hundred", "thousand", "million", "billion", "trillion"}),
    "dozen": frozenset({"dozen"}),
    "spelled_year": frozenset({"eighteen", "nineteen", "twenty"}),
    "the_year": frozenset({"year"}),
    "half": frozenset({"half"}),  # "a decade and a half"
    "half_quarter": frozenset({"half", "quarter", "quarters"}),  # "half a century"
    "century": frozenset({"century"}),
    "couple": frozenset({"couple"}),
    "several": frozenset({"several", "few"}),
    "fiscal": frozenset({"fiscal", "financial", "fy"}),
}


_NEEDS: dict[str, tuple[str, ...]] = {
    "iso_date": ("year",),
    "slash_date": ("year",),
    "md_range": ("month", "digit"),
    "dm_range": ("month", "digit"),
    "wd_md": ("weekday", "month", "digit"),
    "md": ("month", "digit"),
    "dm": ("month", "digit"),
    "month_year": ("month", "year"),
    "vague": ("month",),
    "year_part": ("year_part",),
    "season": ("season", "year"),
    "month": ("month",),
    "holiday": ("holiday",),
    "part_year": ("year",),
    "spelled_year": ("spelled_year",),
    "the_year": ("the_year",),
    "fiscal_year": ("fiscal",),
    "year_earlier": ("the_year",),
    "weekday": ("weekday",),
    "relative": ("relative",),
    "ago": ("ago",),
    "year_range": ("year",),
    "decade": ("decade",),
    "year": ("year",),
    "money_range": ("currency", "number"),
    "money": ("currency", "number"),
    "money_word": ("currency", "number"),
    "pct_range": ("percent", "number"),
    "pct": ("percent", "number"),
    "fraction": ("denominator",),
    "fraction_det": ("denominator",),
    "half_of": ("denominator",),
    "one_in": ("one_in", "number"),
    "times": ("times", "number"),
    "fold_word": ("fold",),
    "fold": ("fold",),
    "mult_word": ("multiplier",),
    "digits_mag": ("digits",),
    "plural_mag": ("magnitude",),
    "dur_range": ("duration", "number"),
    "duration": ("duration", "number"),
    "ordinal": ("ordinal",),
    "century": ("century",),
    "count_range": ("number",),
    "count": ("number",),
    "dozen": ("dozen",),
    "couple": ("couple",),
    "several_scale": ("several", "scale"),
    "by_half": ("half",),
    "dur_frac": ("duration", "half"),
    "dur_part": ("duration", "half_quarter"),
    "frac_point": ("percent",),
}
assert set(_NEEDS) == set(_P), set(_P) ^ set(_NEEDS)


# Patterns that start with a number (or "between" and a number) are tried only where a number
# starts: the same matches as a scan, without trying every position. Each only at the starts it
# can match at: "digit" (a digit run, its sign or leading dot: "5", "-4.1", ".5", "½"), "word"
# (a number word: "two", "minus 5", "a hundred") or "between" ("between 10 and 15").
_NUMBER_LED_AT: dict[str, tuple[str, ...]] = {
    "pct_range": ("digit", "word", "between"),
    "pct": ("digit", "word"),
    "times": ("digit", "word"),
    "fold": ("digit", "word"),
    "dur_range": ("digit", "word"),
    "duration": ("digit", "word"),
    "count_range": ("digit", "word", "between"),
    "money_word": ("digit", "word"),
    "count": ("digit", "word"),
    "one_in": ("digit", "word"),
    "dm": ("digit",),  # "12 Sept."
    "dm_range": ("digit",),
    "year": ("digit",),
    "year_range": ("digit", "between"),  # "between 2020 and 2022"
    "iso_date": ("digit",),
    "slash_date": ("digit",),
    "fraction": ("word",),  # "one-third"
}
_NUMBER_LED = frozenset(_NUMBER_LED_AT)
# Number-led patterns that read a second number after the first ("10 to 15", "2020-21",
# "one in five", "Sept. 12-18" as "12-18 Sept."): the second one (or its first digit) is itself
# a number start, so they are not tried at the last start of a sentence.
_TWO_NUMBERS = frozenset(
    {
        "pct_range",
        "dur_range",
        "count_range",
        "one_in",
        "year_range",
        "dm_range",
        "iso_date",
        "slash_date",
    }
)
assert _TWO_NUMBERS <= _NUMBER_LED


def _leads(*tables: Iterable[str]) -> frozenset[str]:
    """The lower case of the first run of ASCII letters of every word or phrase in ``tables``
    ("last week" → "last", "St. Patrick's Day" → "st"): the token a match of it starts with."""
    leads = set()
    for table in tables:
        for phrase in table:
            lead = re.match("[A-Za-z]+", phrase)
            assert lead is not None, phrase
            leads.add(lead.group().lower())
    return frozenset(leads)


_MONTH_LEADS = _leads(MONTHS)
_AT = frozenset({0})
_AT_OR_AFTER_MOD = frozenset({0, len("last ")})  # "Friday", "next Friday"
# Where a match of a pattern may start, by pattern: (words, offsets, digits). Every match starts
# the given number of characters before one of the words, found as a whole token of the
# lower-cased text (no ASCII letter either side), or, when ``digits`` is set, where a run of
# digits starts. "relative" starts with ``\b`` and a phrase of ``RELATIVE_PERIODS``, so at a
# token "last", "yesterday"…; "month" at a long month name or a modifier and one space before
# it ("last May"), which need not start a word. Each pattern is tried only there
# (``pattern.match``, skipping starts inside the last match found, as ``finditer`` does).
_LEADS: dict[str, tuple[frozenset[str], frozenset[int], bool]] = {
    "relative": (_leads(RELATIVE_PERIODS), _AT, False),  # "last week", "yesterday"
    "ordinal": (_leads(TENS, ORDINALS), _AT, True),  # "twenty-first", "fourth", "21st"
    "md_range": (_MONTH_LEADS, _AT, False),  # "Sept. 12-18"
    "md": (_MONTH_LEADS, _AT, False),  # "Sept. 17"
    "wd_md": (_leads(WEEKDAYS), _AT, False),  # "Wednesday, Sept. 17"
    "plural_mag": (_leads(PLURAL_MAGNITUDES), _AT, False),  # "millions of"
    "fraction_det": (frozenset({"a", "an", "another"}), _AT, False),  # "a third"
    "half_of": (frozenset({"half"}), _AT, False),  # "half of"
    "couple": (frozenset({"a"}), _AT, False),  # "a couple of"
    "several_scale": (frozenset({"several", "a"}), _AT, False),  # "several hundred"
    "by_half": (frozenset({"by", "in"}), _AT, False),  # "by half"
    "frac_point": (frozenset({"a", "half", "three"}), _AT, False),  # "a quarter point"
    "dur_part": (frozenset({"a", "an", "half", "three"}), _AT, False),  # "half a century"
    # "second quarter", "Q3 2024", "H1 2024", "first nine months of 1997"
    "year_part": (frozenset({"first", "second", "third", "fourth", "q", "h"}), _AT, False),
    "the_year": (frozenset({"the", "that"}), _AT, False),  # "the year"
    "year_earlier": (frozenset({"year"}), _AT, False),  # "year-earlier"
    "mult_word": (_leads(MULTIPLIER_WORDS), _AT, False),  # "twice", "doubled"
    "digits_mag": (_leads(DIGIT_MAGNITUDES), _AT, False),  # "triple digits"
    "month": (  # "May", "last May"
        _leads(k for k in MONTHS if len(k) > 3 or k == "May"),
        frozenset({0, *(len(k) + 1 for k in MONTH_MODIFIERS)}),
        False,
    ),
    "vague": (  # "early May", "mid-May", "mid May", "the end of May"
        _MONTH_LEADS,
        frozenset({len("mid"), len("mid-"), *(len(k) + 1 for k in VAGUE_PARTS)}),
        False,
    ),
    "weekday": (_leads(WEEKDAYS), _AT_OR_AFTER_MOD, False),  # "next Friday"
    "holiday": (_leads(HOLIDAYS), _AT_OR_AFTER_MOD, False),  # "last Christmas Eve"
}
assert not set(_LEADS) & _NUMBER_LED
# Number-led patterns whose match holds one of these words after its first number, as a whole
# token of the lower-cased text ("one in five", "three times", "90 days", "10 billion yuan"):
# not tried at starts after the last such word of the sentence.
_WORD_AFTER: dict[str, frozenset[str]] = {
    "one_in": frozenset({"in", "out"}),
    "times": frozenset({"times"}),
    "duration": _lower_set(DURATION_UNITS),
    "dur_range": _lower_set(DURATION_UNITS),
    "money_word": _leads(CURRENCY_WORDS),
}
assert set(_WORD_AFTER) <= _NUMBER_LED


# "NAIROBI, March 3 (Reuters) -", "NAIROBI, Kenya, 3 March -", "WASHINGTON, Sept. 12, 2025 (AP) —"
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z .'’-]{2,},\s*(?:[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?,\s*)?"
    r"(?:" + _MONTH + r"\s?" + _DAY + r"|" + _DAY + r"\s" + _MONTH + r")(?:,?\s" + _YEAR + r")?"
    r"\s*(?:\([^)]{1,40}\)\s*)?[-—–]"
)


# A holiday's name has a capitalised "Day"/"Eve"/"Night"/"Sunday"… or is one of these words.
_HOLIDAY_HINT_WORDS = (
    "Day", "Eve", "Night", "Sunday", "Monday", "Friday", "Wednesday", "Christmas",
    "Thanksgiving", "Easter", "Halloween", "Juneteenth", "New Year",
)  # fmt: skip
_HOLIDAY_HINT = re.compile(r"\b(?:" + "|".join(_HOLIDAY_HINT_WORDS) + r")\b")
# A sentence can match _HOLIDAY_HINT only if its lower-case words hold one of these.
_HOLIDAY_HINT_TOKENS = frozenset(w.split()[-1].lower() for w in _HOLIDAY_HINT_WORDS)
_TRIGGER_NAMES = sorted({t for needs in _NEEDS.values() for t in needs})

# Each trigger word → the triggers it sets (only triggers some pattern needs).
_WORD_TRIGGERS: dict[str, frozenset[str]] = {
    w: frozenset(n for n in _TRIGGER_NAMES if n in _TRIGGER_WORDS and w in _TRIGGER_WORDS[n])
    for words in _TRIGGER_WORDS.values()
    for w in words
}
_WORD_TRIGGERS = {w: names for w, names in _WORD_TRIGGERS.items() if names}
_ANY_TRIGGER_WORD = frozenset(_WORD_TRIGGERS)
_DIGIT_TRIGGERS = frozenset({"digit", "number"}) & frozenset(_TRIGGER_NAMES)


def triggers(
    text: str,
    low: str,
    words: set[str] | frozenset[str],
    has_digit: bool,
    *,
    tokens: list[tuple[int, str]] | None = None,
) -> frozenset[str]:
    """The triggers ``text`` sets (``low`` its lower case, ``words`` the set of its
    ``_SIMPLE_TOKEN`` tokens in ``low``, ``has_digit`` whether it has a digit): a pattern is tried
    only when all the triggers it needs (``_NEEDS``) are set. Speed only: a trigger never
    decides what a claim is, it only skips patterns that cannot match. ``text`` holds no letter
    that (?i) reads as an ASCII one ("ſecond"): ``_scan`` folds them first (``_ASCII_FOLD``).
    ``tokens``, the ``(start, word)`` of ``words`` in ``low`` (all of them: every word of
    ``_TRIGGER_WORDS`` and ``_HOLIDAY_HINT_TOKENS`` at least), lets month, weekday and holiday
    names be looked for only where those words start, not at every position."""
    present = set(_triggers_of_words(frozenset(words & _ANY_TRIGGER_WORD)))
    if has_digit:
        present |= _DIGIT_TRIGGERS
        if _YEARISH_RE.search(text) is not None:
            present.add("year")
        if _DECADE_RE.search(text) is not None:
            present.add("decade")
    if "fold" in low:
        present.add("fold")
    if "%" in text:
        present.add("percent")
    if ("$" in text) if text.isascii() else _CURRENCY_SIGN_RE.search(text) is not None:
        present.add("currency")
    if not words.isdisjoint(_HOLIDAY_HINT_TOKENS) and _found(
        _HOLIDAY_HINT, text, tokens, _HOLIDAY_HINT_AT
    ):
        present.add("holiday")
    # Month and weekday names are matched as written ("May", not the modal "may"); an ordinal
    # is a word ("second") or digits with a suffix ("21st", not "St.").
    if "month" in present and not _found(_MONTH_TOKEN, text, tokens, _MONTH_AT):
        present.discard("month")
    if "weekday" in present and not _found(_WEEKDAY_TOKEN, text, tokens, _WEEKDAY_AT):
        present.discard("weekday")
    if (
        "ordinal" in present
        and words.isdisjoint(_ORDINAL_WORDS)
        and _ORDINAL_SUFFIX.search(text) is None
    ):
        present.discard("ordinal")
    return frozenset(present)


def _found(
    pattern: re.Pattern[str],
    text: str,
    tokens: list[tuple[int, str]] | None,
    at: dict[str, tuple[int, ...]],
) -> bool:
    """Whether ``pattern`` matches somewhere in ``text``, when every match of it starts the
    given number of characters (``at``) before a token of ``tokens`` (``pattern.search`` when
    there are no tokens): ``pattern.match`` is tried only there."""
    if tokens is None:
        return pattern.search(text) is not None
    match = pattern.match
    for i, w in tokens:
        back = at.get(w)
        if back is not None:
            for k in back:
                if k <= i and match(text, i - k) is not None:
                    return True
    return False


_WORD_SET_TRIGGERS: dict[frozenset[str], frozenset[str]] = {}
_CURRENCY_SIGN_RE = re.compile("[" + re.escape(_CURRENCY_SIGNS) + "]")


def _triggers_of_words(words: frozenset[str]) -> frozenset[str]:
    """The triggers a set of trigger words sets, remembered per set (sentences repeat few)."""
    found = _WORD_SET_TRIGGERS.get(words)
    if found is None:
        found = frozenset().union(*(_WORD_TRIGGERS[w] for w in words))
        if len(_WORD_SET_TRIGGERS) < 65536:
            _WORD_SET_TRIGGERS[words] = found
    return found


def _token_re(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words`` as written, with no ASCII letter either side."""
    return re.compile(r"(?<![A-Za-z])(?:" + _alt(words) + r")(?![A-Za-z])")


_MONTH_TOKEN = _token_re(MONTHS)
_WEEKDAY_TOKEN = _token_re(WEEKDAYS)
# Where a match of _MONTH_TOKEN, _WEEKDAY_TOKEN or _HOLIDAY_HINT starts, before a token (its
# lower case) of the text: at a month or weekday name (a whole run of ASCII letters), at a
# holiday hint's last word, or the words before it ("New Year": 4 characters before "year").
_MONTH_AT = {w.lower(): (0,) for w in MONTHS}
_WEEKDAY_AT = {w.lower(): (0,) for w in WEEKDAYS}
_HOLIDAY_HINT_AT: dict[str, tuple[int, ...]] = {}
for _hint in _HOLIDAY_HINT_WORDS:
    _last = _hint.split()[-1]
    _HOLIDAY_HINT_AT[_last.lower()] = (
        *_HOLIDAY_HINT_AT.get(_last.lower(), ()),
        len(_hint) - len(_last),
    )
assert set(_HOLIDAY_HINT_AT) == _HOLIDAY_HINT_TOKENS
assert all(re.fullmatch("[A-Za-z]+", w) for w in (*MONTHS, *WEEKDAYS))
_ORDINAL_WORDS = frozenset(ORDINALS)
_ORDINAL_SUFFIX = re.compile(r"(?i)\d(?:st|nd|rd|th)")
# Non-ASCII characters that IGNORECASE matches to ASCII letters ("ſ" to "s", the Kelvin sign to
# "k", dotless and dotted i to "i"): a word written with one is no token of the lower case.
_ASCII_FOLD = str.maketrans("\u0131\u017f\u212a\u0130", "isKI")  # one character for one
_FOLDS_TO_ASCII = re.compile("[" + "".join(map(chr, _ASCII_FOLD)) + "]")
