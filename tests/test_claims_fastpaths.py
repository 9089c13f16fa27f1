"""The claims grammar's shortcuts change nothing: with every pattern tried at every number start
(no triggers, no skipped starts, no word-led scans) the claims are the same, and each
look-behind helper returns the match of the plain regex search it stands for, at every position
of varied text.

``benchmarks/claims_equivalence.py`` checks the same on all of the real news, before and after a
change; these tests keep the shortcuts honest without it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from operator import attrgetter

import pandas as pd
import pytest

import newskit
from newskit.claims import builders, context, extract, grammar
from newskit.claims.numbers import _alt
from newskit.corpus import segment
from newskit.synthetic import make_corpus

# The looked-at words as whole tokens, by a look-behind: what ``extract._LOOKED_AT_AFTER`` finds
# faster (the reference the scan was written against).
_LOOKED_AT_RE = re.compile(r"(?<![A-Za-z])(?:" + _alt(extract._LOOKED_AT) + r")(?![A-Za-z])")

TRICKY = [
    "Prices rose 5% to 67% in May, and may rise again on Sunday or sun-dried Sat.",
    "The Kelvin sign in 20\u212a and the long s in \u017feven days, 3rd and 21st, St. Louis.",
    "Between 10 and 15 people, 10-15 km, 2020-21, one in five, 3 out of 10, 1 in 2025.",
    "It cost about $1.5 million, more than 200 jobs, up to 50%, nearly 3,000\n\n4 people.",
    "Pelosi, 76, said; iPhone 16 and S&P 500 rose; the Boeing's 737 was at 10 Downing Street.",
    "WASHINGTON, Sept. 12 (Reuters) - the first lady said a second round, a second later.",
    "First, the toll rose to nineteen. at first 12 \n and  about  40 or roughly\n 7 at  5.",
    "x\u0130n 3 \u0131n 4, minus 7, -4.1%, (+3.2%), \u00bd mile, 2\u00bd times, \u221215C, .5 degrees",
    # Letters next to "½", "²" (word characters, not digits, not letters), unusual spaces and
    # dashes: the reversed-text readers stop where the loops they replaced stop.
    "It was \u00bdover 5, x\u00b2about 7, \u00e9t\u00e9 over\u00a08; Wien, \u2003 12 , - 3 \u2014 4",
    "a\u2009\u2014 5: $US\u00a06 m\u00b2 over\n\n9 (Ltd.\u2019s 10) \u201cup to\u201d 11 \u2013 12, 13",
]


def _texts() -> list[str]:
    seeds = [s for s in newskit.sentences(newskit.load_corpus())["text"]]
    made = newskit.load_corpus(make_corpus(6, 3, seed=4))
    generated = [a.raw[s.start : s.end] for a in made for s in segment.sentence_spans(a)]
    texts = TRICKY + seeds + generated
    return texts + [t.upper() for t in texts[:40]] + [t.lower() for t in texts[:40]]


_FIELDS = attrgetter(
    "start", "end", "kind", "value", "low", "high", "unit", "hedge", "date", "date_end", "context"
)


def _claims(texts: list[str]) -> list[list[tuple]]:
    anchor = dt.date(2025, 11, 14)
    return [[_FIELDS(c) for c in extract._scan(t, anchor, generic=False)] for t in texts]


def test_every_pattern_everywhere_gives_the_same_claims(monkeypatch):
    # Triggers read the ASCII words of the lower case, while (?i) also reads "ı" as "i" ("3 ın
    # 4" is "one in" to the pattern, and has no "in" word): texts with such letters are left out
    # (they lose the same claims as before the shortcuts; claims_equivalence.py checks that).
    texts = [t for t in _texts() if not grammar._FOLDS_TO_ASCII.search(t)]
    fast = _claims(texts)
    every = frozenset(grammar._TRIGGER_NAMES)
    slow_patterns = [
        (p, needs, b, led and ("digit", "word", "between"), False, prio, None, None)
        for p, needs, b, led, _, prio, _, _ in extract._PATTERNS
    ]
    monkeypatch.setattr(extract, "triggers", lambda *args, **kwargs: every)
    monkeypatch.setattr(extract, "_PATTERNS", slow_patterns)
    monkeypatch.setattr(extract, "_PATTERNS_FOR", {})
    slow = _claims(texts)
    assert sum(map(len, fast)) > 100  # the texts hold claims
    for text, a, b in zip(texts, fast, slow, strict=True):
        assert repr(a) == repr(b), text  # repr: NaN values compare equal


def _span(m):
    return None if m is None else (m.span(), m.groups())


@pytest.mark.parametrize("text", TRICKY)
def test_lookbehind_helpers_match_the_plain_searches(text):
    for pos in range(len(text) + 1):
        lo = max(0, pos - 40)
        assert _span(builders._name_before(text, pos)) == _span(
            builders._NAME_BEFORE.search(text, lo, pos)
        ), pos
        assert _span(builders._age_before(text, pos)) == _span(
            builders._AGE_BEFORE.search(text, lo, pos)
        ), pos
        for width in (30, 40):
            assert _span(context._hedge_before(text, pos, width)) == _span(
                context._HEDGE_RE.search(text[max(0, pos - width) : pos])
            ), (pos, width)
        assert context._clause_of(context._clause_bounds(text), pos, pos + 1, len(text)) == (
            _clause_of_by_scan(context._clause_bounds(text), pos, pos + 1, len(text))
        )


def _prev_word_by_loop(text: str, pos: int) -> str:
    """``context._prev_word`` as it was first written: two loops back from ``pos``."""
    end = pos
    while end and text[end - 1].isspace():
        end -= 1
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] in "_.$’'-"):
        start -= 1
    return text[start:end]


@pytest.mark.parametrize("text", TRICKY)
def test_prev_word_reads_the_reversed_text_as_the_loops_read_text(text):
    other = "an other text"  # the memo of the reversed text follows the text asked about
    for pos in range(len(text) + 1):
        assert context._prev_word(text, pos) == _prev_word_by_loop(text, pos), pos
        assert context._prev_word(other, 8) == "other"


def test_prev_word_values():
    text = "the S&P 500 and U.S. 3 rose  \n 7 in Ltd.’s 12"
    assert context._prev_word(text, text.index("500")) == "P"  # "&" is no word character
    assert context._prev_word(text, text.index("3")) == "U.S."
    assert context._prev_word(text, text.index("7")) == "rose"
    assert context._prev_word(text, text.index("12")) == "Ltd.’s"
    assert context._prev_word(text, 0) == ""
    assert context._prev_word("  5", 2) == ""


QUALIFIED = [
    "It runs until  Sept. 12, from\u00a0May, SINCE\n2019, ſince 2020, by 2030, thereby 5, untilMay",
    "before\t",
    "after",
    " through  \n ",
]


def test_qualifier_is_the_search_at_every_cut():
    found = 0
    for text in QUALIFIED + _texts():
        for cut in range(len(text) + 1):
            want = context._QUAL_RE.search(text[:cut])
            got = context._qualifier(text[:cut])
            assert (got and (got.span(), got.group(1))) == (want and (want.span(), want.group(1)))
            found += want is not None
    assert found > 20


def test_qualifier_values():
    assert context._qualifier("on sale until ").group(1) == "until"
    assert context._qualifier("the offer Since\u00a0 ").group(1) == "Since"
    assert context._qualifier("thereby ") is None  # a whole word only
    assert context._qualifier("until") is None  # white space after it
    assert context._qualifier("") is None


def test_clause_bounds_are_the_plain_clause_matches():
    texts = _texts()
    for text in texts:
        plain = [0, *(m.start() for m in context._CLAUSE.finditer(text)), len(text)]
        assert context._clause_bounds(text) == plain, text
    assert context._clause_bounds("a, b — c - d; e, - f") == [0, 1, 4, 8, 12, 15, 20]
    assert context._clause_bounds("a, b; c (d) “e”,f") == [0, 1, 4, 8, 10, 12, 14, 17]
    assert context._clause_bounds("no clause here") == [0, 14]
    assert sum("-" not in t and "–" not in t and "—" not in t for t in texts) > 50  # both ways


def test_has_content_remembers_the_plain_test_per_word():
    def plain(s: str) -> bool:
        return any(
            w.lower().strip(".,’'") not in context.CONTEXT_STOPWORDS and w[0].isalpha()
            for w in s.split()
        )

    for text in _texts()[:200]:
        for cut in range(0, len(text), 7):
            assert context._has_content(text[cut : cut + 30]) == plain(text[cut : cut + 30])
    assert context._has_content("of the 2025") is False
    assert context._has_content("of the tariffs") is True
    assert context._CONTENT_WORDS["tariffs"] is True
    assert context._CONTENT_WORDS["the"] is False
    assert context._has_content("The, of’") is False  # stopwords as written, with punctuation


def test_hedge_bound_is_the_longest_hedge_ending_the_phrase():
    assert context._hedge_bound("well over") == "lower"
    assert context._hedge_bound("no more than") == "upper"  # not "more than" (lower)
    assert context._hedge_bound("more than") == "lower"
    assert context._hedge_bound("about roughly") == "approx"
    assert context._hedge_bound("just") == "exact"
    c = context._hedge(grammar._Claim(13, 16, "count", value=200.0), "no more than 200 jobs")
    assert (c.hedge, c.high) == ("no more than", 200.0)
    assert c.low != c.low  # NaN: no lower bound


def _clause_of_by_scan(bounds: list[int], start: int, end: int, n: int) -> tuple[int, int]:
    lo, hi = 0, n
    for b in bounds:
        if b <= start:
            lo = b
        elif b >= end:
            hi = b
            break
    return lo, hi


def _sentence_scan(text: str) -> tuple[str, str, list[tuple[int, str]], list[int]]:
    """What ``extract._scan`` reads first: the folded text, its lower case, its looked-at tokens
    and where its digit runs start."""
    text = text.translate(grammar._ASCII_FOLD)
    low = text.lower()
    tokens = [(t.start(), t.group()) for t in _LOOKED_AT_RE.finditer(low)]
    return text, low, tokens, [t.start() for t in extract._DIGIT_RUN.finditer(low)]


def test_word_led_patterns_start_only_where_leads_says():
    found = dict.fromkeys(grammar._LEADS, 0)
    for raw in _texts() + EXAMPLES:
        text, _, tokens, digit_starts = _sentence_scan(raw)
        for name, lead in grammar._LEADS.items():
            at = set(extract._lead_starts(lead, tokens, digit_starts))
            for m in grammar._P[name].finditer(text):
                assert m.start() in at, (name, m.group(), text)
                found[name] += 1
    assert all(found.values()), found  # every pattern matched somewhere


def test_number_led_patterns_match_only_at_their_kinds_of_start():
    tried = 0
    for raw in _texts() + EXAMPLES:
        text, low, tokens, digit_starts = _sentence_scan(raw)
        words = {w for _, w in tokens}
        kinds = dict(
            zip(
                ("digit", "word", "between"),
                extract._number_starts(text, low, tokens, words, digit_starts),
                strict=True,
            )
        )
        for name, can in grammar._NUMBER_LED_AT.items():
            for kind, starts in kinds.items():
                if kind not in can:
                    for i in starts:
                        assert grammar._P[name].match(text, i) is None, (name, kind, text[i:])
                        tried += 1
    assert tried > 500


def test_word_after_patterns_hold_their_word():
    found = dict.fromkeys(grammar._WORD_AFTER, 0)
    for raw in _texts() + EXAMPLES:
        text, _, tokens, _ = _sentence_scan(raw)
        for name, words in grammar._WORD_AFTER.items():
            for m in grammar._P[name].finditer(text):
                assert any(m.start() < i < m.end() and w in words for i, w in tokens), m.group()
                found[name] += 1
    assert all(found.values()), found


# One phrase for each way a pattern is found: word-led at its word ("yesterday", "fourth",
# "Sept. 17"), at a digit run ("21st"), at an offset before its word ("last May", "the end of
# March", "next Friday"), number-led at a digit, a word or "between", with its word after it.
EXAMPLES = [
    "Shares fell yesterday, in the fourth round, on Sept. 17 and on the 21st of May.",
    "It opened last May, at the end of March, and opens next Friday and on Christmas Eve.",
    "One in five said it was three times higher; 90 days, 10 billion yuan, between 10 and 15.",
    "Millions of people, a third of voters, triple digits, the year, a year-earlier figure.",
    "On Wednesday, Sept. 17, half of them cut rates by a quarter point for 3-5 years.",
    "A couple of weeks later several hundred people saw profits fall by half.",
    "The party ruled for half a century, the trip took three quarters of an hour and sales"
    " rose in the second quarter.",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            EXAMPLES[0],
            [
                ("yesterday", "date", "2025-11-13"),
                ("fourth", "ordinal", 4.0),
                ("Sept. 17", "date", "2025-09-17"),
                ("21st of May", "date", "2025-05-21"),
            ],
        ),
        (
            EXAMPLES[1],
            [
                ("last May", "date", "2025-05"),
                ("the end of March", "date_range", "2026-03-21"),
                ("next Friday", "date", "2025-11-21"),
                ("Christmas Eve", "date", "2025-12-24"),
            ],
        ),
        (
            EXAMPLES[2],
            [
                ("One in five", "fraction", 0.2),
                ("three times", "multiplier", 3.0),
                ("90 days", "duration", 90.0),
                ("10 billion yuan", "money", 1e10),
                ("between 10 and 15", "count", (10.0, 15.0)),
            ],
        ),
        (
            EXAMPLES[4],
            [
                ("Wednesday, Sept. 17", "date", "2025-09-17"),
                ("half", "fraction", 0.5),
                ("a quarter point", "percent", 0.25),
                ("3-5 years", "duration", (3.0, 5.0)),
            ],
        ),
    ],
)
def test_each_kind_of_start_finds_its_claims(text, expected):
    df = extract.claims_in_text(text, dt.date(2025, 11, 14))
    got = [
        (
            r.surface,
            r.kind,
            r.date
            if isinstance(r.date, str)
            else r.value
            if r.value == r.value
            else (r.low, r.high),
        )
        for r in df.itertuples()
    ]  # the date, else the value, else the range (r.value == r.value: not NaN)
    assert got == expected


def test_matches_at_finds_what_finditer_finds():
    p = grammar.re.compile(r"ab|b")
    assert [m.span() for m in extract._matches_at(p.match, "abab b", [0, 1, 2, 3, 5])] == [
        (0, 2),
        (2, 4),
        (5, 6),
    ]
    assert [m.span() for m in p.finditer("abab b")] == [(0, 2), (2, 4), (5, 6)]


def test_month_days_is_calendar_monthrange():
    import calendar

    from newskit.claims import dates

    for year in (1900, 1996, 2000, 2023, 2024, 2100):
        for month in range(1, 13):
            assert dates._month_days(year, month) == calendar.monthrange(year, month)[1]
    assert dates._month_days(2024, 2) == 29 and dates._month_days(2025, 2) == 28
    with pytest.raises(calendar.IllegalMonthError):
        dates._month_days(2025, 13)


def _choose_year_by_key(candidates, anchor, direction):
    """``dates._choose_year`` as it was first written (``min`` with a key of closures)."""
    from newskit.claims import dates

    def distance(c):
        if c[1] <= anchor <= c[2]:
            return 0
        return min(abs((c[1] - anchor).days), abs((c[2] - anchor).days))

    nearest = min(candidates, key=lambda c: (distance(c), -c[0]))
    if direction == "nearest" or (nearest[1] == nearest[2] and distance(nearest) <= 45):
        return nearest[0]
    slack = dt.timedelta(days=dates._SLACK_DAYS)
    if direction == "future":
        ok = [c for c in candidates if c[2] >= anchor - slack]
        return min(ok, key=lambda c: c[1])[0] if ok else candidates[-1][0]
    ok = [c for c in candidates if c[1] <= anchor + slack]
    return max(ok, key=lambda c: c[1])[0] if ok else candidates[0][0]


def test_choose_year_is_the_nearest_candidate_by_key():
    from newskit.claims import dates

    checked = 0
    for anchor in (dt.date(2024, 2, 29), dt.date(2025, 1, 3), dt.date(2025, 11, 14)):
        for month in range(1, 13):
            for day in (None, 1, 15, 31):
                candidates = []
                for y in (anchor.year - 1, anchor.year, anchor.year + 1):
                    start = dates._safe_date(y, month, day or 1)
                    if start is not None:
                        end = start if day else dates._month_end(y, month)
                        candidates.append((y, start, end))
                if not candidates:  # "Feb. 31": resolve_month_day says "invalid" first
                    continue
                for direction in ("past", "future", "nearest"):
                    got = dates._choose_year(candidates, anchor, direction)
                    assert got == _choose_year_by_key(candidates, anchor, direction)
                    checked += 1
    assert checked == 3 * (12 * 4 - 5) * 3  # no 31st in five months
    # "Dec. 15" in a story of 2 November is this December; "January", past, the last one.
    anchor = dt.date(2025, 11, 2)
    dec = [(y, dt.date(y, 12, 15), dt.date(y, 12, 15)) for y in (2024, 2025, 2026)]
    assert dates._choose_year(dec, anchor, "nearest") == 2025
    jan = [(y, dt.date(y, 1, 1), dt.date(y, 1, 31)) for y in (2024, 2025, 2026)]
    assert dates._choose_year(jan, anchor, "past") == 2025
    assert dates._choose_year(jan, anchor, "future") == 2026


def test_ordinal_value():
    assert builders._ordinal_value("21st") == 21.0
    assert builders._ordinal_value("1,000th") == 1000.0
    assert builders._ordinal_value("Twenty-First") == 21.0
    assert builders._ordinal_value("ninety-ninth") == 99.0
    assert builders._ordinal_value("second") == 2.0


def test_right_words_cut_leading_function_words_and_keep_seven():
    assert (
        context._right_words(" of the new jobs in the state, said") == "new jobs in the state, said"
    )
    assert context._right_words(" In the Of a b c d e f g h i") == "b c d e f g h"
    assert context._right_words(" people and more") == "people"
    assert context._right_words(" of the") == "the"  # a function word needs space after it


_NAN = float("nan")


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "hedge"),
    [
        # post hedges (the character after the space is tested first)
        ("It hired 200 or more workers.", 200.0, 200.0, _NAN, "or more"),
        ("It hired 200 Or So workers.", 200.0, _NAN, _NAN, "Or So"),
        ("It hired 200 plus workers.", 200.0, 200.0, _NAN, "plus"),
        ("It hired 200 other workers.", 200.0, _NAN, _NAN, None),
        ("It hired 200\nor fewer workers.", 200.0, _NAN, 200.0, "or fewer"),
        ("It hired about 200", 200.0, _NAN, _NAN, "about"),
        ("It hired well over 200", 200.0, 200.0, _NAN, "well over"),
    ],
)
def test_hedges_around_the_number(text, value, low, high, hedge):
    row = extract.claims_in_text(text).iloc[0]
    assert row.surface == "200"
    got = tuple(float(x) for x in (row.value, row.low, row.high))
    assert repr(got) == repr((value, low, high))  # NaN as "nan"
    assert (row.hedge if isinstance(row.hedge, str) else None) == hedge


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "unit"),
    [
        ("It was 45C in the shade.", "45C", "count", 45.0, "°C"),
        ("It runs 3x faster.", "3x", "multiplier", 3.0, "times"),
        ("A climb at 3,000m altitude.", "3,000m", "count", 3000.0, "m"),
        ("It rose 12 °F overnight.", "12", "count", 12.0, None),
        ("The 10km race.", "10km", "count", 10.0, "km"),
        ("Of 3/4 of voters.", "3/4", "fraction", 0.75, None),
        ("12 judges ruled.", "12", "count", 12.0, "judges"),
    ],
)
def test_count_units_glued_or_not(text, surface, kind, value, unit):
    row = extract.claims_in_text(text).iloc[0]
    assert (row.surface, row.kind, row.value) == (surface, kind, value)
    assert (row.unit if isinstance(row.unit, str) else None) == unit


def test_resolvers_remember_their_answers():
    from newskit.claims import dates

    friday = dt.date(2025, 9, 12)
    first = dates.resolve_weekday(2, friday, "future")
    assert first == dates.Resolved("2025-09-17", None, "weekday")
    assert dates.resolve_weekday(2, friday, "future") is first  # frozen: safe to hand out again
    assert dates.resolve_weekday(2, friday, "past") == dates.Resolved("2025-09-10", None, "weekday")
    assert dates.resolve_weekday(2, friday, "past", modifier="next").date == "2025-09-17"
    assert dates.resolve_month_day(9, 17, None, friday, "nearest").date == "2025-09-17"
    assert dates.resolve_month_day(1, None, None, friday, "future").date == "2026-01"
    assert dates.resolve_relative("next week", friday).date_end == "2025-09-21"
    assert dates.resolve_holiday("Thanksgiving", 1998, None, "nearest").date == "1998-11-26"
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.date = "2025-01-01"  # type: ignore[misc]


def _is_label_plain(text: str, start: int) -> bool:
    """``context._is_label`` as it was first written (no gate before the letter tests)."""
    if text.endswith("[", 0, start):
        return True
    if context._at_line_start(text, start) and context._LIST_NUMBER.match(text, start):
        return True
    if context._letter_before(text, start) or (
        text.endswith("\n", 0, start) and context._letter_before(text, start - 1)
    ):
        return True
    word = _prev_word_by_loop(text, start)
    if word.lower() in context.CAPITALISED_LABEL_WORDS:
        return word[:1].isupper()
    return word.lower() in context.LABEL_WORDS


def test_is_label_is_the_plain_test_everywhere():
    labels = 0
    for text in [*TRICKY, "COVID-\n19, [3], Section 232\n1. first\nBill 134, the bill 134"]:
        for pos in range(len(text) + 1):
            assert context._is_label(text, pos) == _is_label_plain(text, pos), (text, pos)
            labels += context._is_label(text, pos)
    assert labels > 20
    text = "COVID-19 and [3] and Section 232 and the bill 134 and Bill 134"
    assert context._is_label(text, text.index("19"))
    assert context._is_label(text, text.index("3]"))
    assert context._is_label(text, text.index("232"))
    assert not context._is_label(text, text.index("134"))
    assert context._is_label(text, text.rindex("134"))


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("12 federal judges", "judges"),
        ("12 Federal Judges", "judges"),
        ("42 against", None),
        ("3 now", None),
        ("5 Sept. 2024", None),
        ("7 quickly", None),
        ("8 big additional armed british troops", None),  # four adjectives: no noun in reach
        ("8 big armed british troops", "troops"),
        ("9", None),
        ("10 — more", None),
    ],
)
def test_count_unit_words_remembered(text, unit):
    pos = text.index(" ") if " " in text else len(text)
    assert builders._count_unit(text, pos) == unit
    assert builders._count_unit(text, pos) == unit  # from the memo
    if "federal" in text:
        assert builders._UNIT_WORDS["federal"] is builders._ADJECTIVE


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("the new iPhone 16", True),
        ("In 2019", False),
        ("the S&P 500", True),
        ("the U.S. 3", False),
        ("Boeing's 737", True),
        ("About 40,000", False),
        ("in March 2020", False),
        ("the NFL 2", False),  # three capitals or fewer: an abbreviation
        ("the NASDAQ 100", True),
    ],
)
def test_after_name_words_remembered(text, named):
    start = text.rindex(" ") + 1
    assert builders._after_name(text, start) is named
    assert builders._after_name(text, start) is named  # from the memo
    word = builders._name_before(text, start).group(1)
    assert builders._NAMES[word] is named


# Word and digit runs at the string's ends, after a digit ("5million"), inside longer words
# ("someone", "tonnes"), after non-ASCII letters and folded ones, next to underscores.
WORD_EDGES = [
    "one",
    "5million people, someone said tonnes; éone, _two 3_ x1y",
    "May may MAY; in May, mayday. Sun-dried Sat. New Year’s Day, NewYear, New Years",
    "\u0131n 4, \u212aelvin, twenty\u2011five, ٣ people, 12\u00a0000, 7",
]


@pytest.mark.parametrize("text", WORD_EDGES + TRICKY)
def test_looked_at_words_after_a_character_are_the_looked_at_tokens(text):
    low = text.translate(grammar._ASCII_FOLD).lower()
    after = [(m.start(1) - 1, m.group(1)) for m in extract._LOOKED_AT_AFTER.finditer(" " + low)]
    assert after == [(m.start(), m.group()) for m in _LOOKED_AT_RE.finditer(low)]
    digits = [m.start() for m in extract._DIGIT_RUN.finditer(low)]
    assert digits == [m.start() for m in grammar.re.finditer(r"\d+", low)]


def test_looked_at_words_real_offsets():
    low = "5million people, someone said one"
    found = [(m.start(1) - 1, m.group(1)) for m in extract._LOOKED_AT_AFTER.finditer(" " + low)]
    assert found == [(1, "million"), (30, "one")]  # not the "one" of "someone"
    assert [m.span() for m in extract._DIGIT_RUN.finditer("a 12 ٣4 b7")] == [
        (2, 4),
        (5, 7),
        (9, 10),
    ]


def test_triggers_from_tokens_are_the_triggers_from_searches():
    # ``tokens`` only saves searches: month, weekday and holiday names looked for where their
    # words start set the same triggers as the searches over the whole text.
    compared = dict.fromkeys(("month", "weekday", "holiday"), 0)
    for raw in _texts() + EXAMPLES + WORD_EDGES:
        text, low, tokens, digit_starts = _sentence_scan(raw)
        words = {w for _, w in tokens}
        by_search = grammar.triggers(text, low, words, bool(digit_starts))
        assert grammar.triggers(text, low, words, bool(digit_starts), tokens=tokens) == by_search
        for name in compared:
            compared[name] += name in by_search
    assert all(compared.values()), compared


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("It opens in May.", {"month"}, {"weekday", "holiday"}),
        ("It may open.", set(), {"month"}),  # the modal, not the month
        ("On New Year’s Eve and Sun.", {"holiday", "weekday"}, {"month"}),
        ("A new year, a NewYear sale, the sun.", set(), {"holiday", "weekday"}),
        ("On New Year, early.", {"holiday"}, set()),  # "New" 4 characters before "year"
        # names are ASCII-letter tokens, holiday hints \b-bounded words ("_" is a word character)
        ("In 5May and on Friday_ and _Day.", {"month", "weekday"}, {"holiday"}),
    ],
)
def test_name_triggers_from_tokens(text, present, absent):
    low = text.lower()
    tokens = [(m.start(1) - 1, m.group(1)) for m in extract._LOOKED_AT_AFTER.finditer(" " + low)]
    got = grammar.triggers(text, low, {w for _, w in tokens}, False, tokens=tokens)
    assert present <= got
    assert not absent & got


def test_spelled_numbers_without_a_digit_still_give_claims():
    text = "Twenty-five people died and one in five homes lost power for three days."
    df = extract.claims_in_text(text)
    got = [(r.start, r.end, r.surface, r.kind, r.value) for r in df.itertuples()]
    assert got == [
        (0, 11, "Twenty-five", "count", 25.0),
        (28, 39, "one in five", "fraction", 0.2),
        (61, 71, "three days", "duration", 3.0),
    ]


@pytest.mark.parametrize("n_articles", [0, 1, 6])
def test_claims_frame_is_the_frame_of_the_rows(n_articles):
    # Built column by column; the same values and dtypes as the frame of the row tuples, also
    # with columns that hold only None (one article) and with no row at all.
    made = newskit.load_corpus(make_corpus(6, 3, seed=4))
    rows = [r for a in list(made)[:n_articles] for r in extract._article_rows(a, generic=False)]
    stories = ["s1" if i % 2 else None for i in range(len(rows))]
    want = pd.DataFrame(
        [(*r, s) for r, s in zip(rows, stories, strict=True)], columns=extract.CLAIM_COLUMNS
    )
    want = want.astype({c: "float64" for c in ("value", "low", "high")})
    want = want.astype({c: "int64" for c in ("start", "end", "sentence_start")})
    got = extract._claims_frame(rows, stories)
    assert (len(got) > 0) == (n_articles > 0)
    assert list(got.dtypes) == list(want.dtypes)
    assert got.equals(want)
    pd.testing.assert_frame_equal(got, want)
