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
    monkeypatch.setattr(extract, "triggers", lambda *args: every)
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
