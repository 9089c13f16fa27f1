"""The claims grammar's shortcuts change nothing: with every pattern tried at every number start
(no triggers, no skipped starts, no word-led scans) the claims are the same, and each
look-behind helper returns the match of the plain regex search it stands for, at every position
of varied text.

``benchmarks/claims_equivalence.py`` checks the same on all of the real news, before and after a
change; these tests keep the shortcuts honest without it."""

from __future__ import annotations

import datetime as dt
from operator import attrgetter

import pytest

import newskit
from newskit.claims import builders, context, extract, grammar
from newskit.corpus import segment
from newskit.synthetic import make_corpus

TRICKY = [
    "Prices rose 5% to 67% in May, and may rise again on Sunday or sun-dried Sat.",
    "The Kelvin sign in 20\u212a and the long s in \u017feven days, 3rd and 21st, St. Louis.",
    "Between 10 and 15 people, 10-15 km, 2020-21, one in five, 3 out of 10, 1 in 2025.",
    "It cost about $1.5 million, more than 200 jobs, up to 50%, nearly 3,000\n\n4 people.",
    "Pelosi, 76, said; iPhone 16 and S&P 500 rose; the Boeing's 737 was at 10 Downing Street.",
    "WASHINGTON, Sept. 12 (Reuters) - the first lady said a second round, a second later.",
    "First, the toll rose to nineteen. at first 12 \n and  about  40 or roughly\n 7 at  5.",
    "x\u0130n 3 \u0131n 4, minus 7, -4.1%, (+3.2%), \u00bd mile, 2\u00bd times, \u221215C, .5 degrees",
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
    tokens = [(t.start(), t.group()) for t in extract._LOOKED_AT_RE.finditer(low)]
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
    assert after == [(m.start(), m.group()) for m in extract._LOOKED_AT_RE.finditer(low)]
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
