"""What each numeric claim says, read once per claim, for ``compare_claims`` to match facts.

``build_facts(claims)`` turns each row of ``numeric_claims`` into a ``Fact``:

- ``family``: what its value can be compared with: shares (percent and fraction: one-third ≈
  33%), percentage points, money per currency, durations per unit, ages ("16-year-old",
  "33 years old"), vote tallies, lengths, masses and areas in one base unit (so "10 km" meets
  "6 miles"), or the kind itself;
- ``near``: the content terms of its clause (``newskit.reuse.similarity.content_terms``: stemmed,
  synonyms joined), up to ``WINDOW`` on each side, cut at clause punctuation, at "and"/"but"/…
  and at the other numbers; ``head``: what the number counts (the first two terms after it, or
  the last two before it when nothing follows: "45 *people killed*", "mother of *12*");
- ``wide``: the content terms of its whole sentence with every number masked;
- ``article_terms``: the terms of every sentence of its article that holds a claim;
  ``proper``: the proper names of its sentence (capitalised words the corpus never writes in
  lower case); a measure's ``right`` starts with its dimension ("600 metres" counts length),
  an age's drops "old";
- ``entities``: the capitalised names in its clause ("Pelosi, 76"); ``scope``: the groups of
  ``SCOPE_WORDS`` next to it ("four *other* people"); ``when``: a date written right after it
  ("50% in March 2023");
- ``name``: True when the number is part of a name ("117th Street", ".38-caliber").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from newskit.claims.builders import _COMPOUND_UNIT
from newskit.claims.extract import DATE_KINDS
from newskit.claims.values import half_step
from newskit.resources.facts import FACT_SYNONYMS, NAME_HEADS, SCOPE_WORDS, UNIT_SIZES
from newskit.resources.numbers import CONTEXT_STOPWORDS, MONTHS, WEEKDAYS
from newskit.reuse.similarity import content_terms

WINDOW = 5  # content terms on each side of a number that make its clause
# Hedges that put a value just below or above the number, not anywhere below or above it:
# "nearly 300,000" is 270,000–300,000, not "any number up to 300,000".
NEAR_BELOW = frozenset({"nearly", "almost", "just under", "close to", "approaching"})
NEAR_ABOVE = frozenset({"just over", "slightly more than", "a little over"})
NEAR_MARGIN = 0.1

_WORD = re.compile(r"[A-Za-z][A-Za-z’'.-]*[A-Za-z]|[A-Za-z]")
_RAW_WORD = re.compile(r"[A-Za-z]+")
_CLAUSE = re.compile(r"[;:()\[\]“”\"]|,\s|\s[—–-]\s|—")
_CLAUSE_END = re.compile(r"[;:()\[\]“”\"]|,\s|\s[—–-]\s|—|\s(?:and|or|but|while)\s")
_CONJUNCTION = re.compile(r"\s(?:and|or|but|while|whereas)\s")
_CALENDAR = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS))
_WHEN_GAP = re.compile(r"^\s*(?:,\s*)?(?:in|of|as of|since|during|from)?\s*$", re.IGNORECASE)
_AGE = re.compile(r"years?[- ]old", re.IGNORECASE)
_ENTITY = re.compile(r"\b[A-Z][a-z]+(?:[-’'][A-Za-z]+)?\b")
_OPENS = re.compile(r"(?:^|[.!?“\"]\s*)$")
_APPOSITION = re.compile(r"((?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*),\s*$")
_UNIT_SUFFIX = re.compile(r"[A-Za-z.]+$")
_UNIT_WORD = re.compile(r"[\s-]*[A-Za-z.]+")
_OF = re.compile(r"\bof\s*$", re.IGNORECASE)
_NON_DIGIT = re.compile(r"\D")
_APPOSITION_END = re.compile(r"\s*[,)]")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# FACT_SYNONYMS in the terms content_terms makes of them ("died" → "died" → "kill").
_SYNONYM = {
    t: head
    for head, words in FACT_SYNONYMS.items()
    for w in (head, *words)
    for t in content_terms(w)
}
_AGE_TERMS = frozenset({"old", "year", "aged"})
_HEDGE_SCOPE = frozenset({"more", "further", "extra"})
_SCOPE_GROUP = {w: i for i, group in enumerate(SCOPE_WORDS) for w in group}


@dataclass(slots=True, eq=False)
class Fact:
    """One claim as ``compare_claims`` reads it (see the module docstring)."""

    row: Any
    article: str
    outlet: str
    story: str | None
    kind: str
    family: str
    value: float
    low: float
    high: float
    hedge: str | None
    hedged: bool
    half_step: float
    converted: bool
    size: float
    unit: str | None
    surface: str
    sentence: str
    context: str
    date: str | None
    date_end: str | None
    weekday: str | None
    rule: str | None
    when: str | None
    dates_around: frozenset[str]
    near: frozenset[str]
    left: tuple[str, ...]
    right: tuple[str, ...]
    crowded: bool
    head: frozenset[str]
    wide: frozenset[str]
    entities: frozenset[str]
    apposition: bool
    names: frozenset[str]
    proper: frozenset[str]
    article_terms: frozenset[str]
    scope: frozenset[int]
    name: bool
    rare: bool


_COLUMNS = ("article_id", "kind", "value", "surface", "sentence", "start", "end", "low", "high",
            "unit", "hedge", "date", "date_end", "date_rule", "weekday", "context", "outlet",
            "story_id", "sentence_start")  # fmt: skip


def lower_case_words(claims: pd.DataFrame) -> frozenset[str]:
    """The words the claims' sentences write in lower case: not names when they open a
    sentence (``build_facts``'s ``common``)."""
    return frozenset(
        w for sentence in set(claims["sentence"].tolist() if "sentence" in claims else [])
        for w in _WORD.findall(str(sentence)) if w.islower()
    )  # fmt: skip


def build_facts(claims: pd.DataFrame, common: Collection[str] | None = None) -> list[Fact]:
    """One ``Fact`` per row of ``claims`` (the frame of ``numeric_claims``), in row order.
    ``common``: the words the corpus writes in lower case (``lower_case_words``; default: those
    of ``claims``; pass the whole corpus's when ``claims`` is part of it, whole stories)."""
    n = len(claims)
    cols = {c: claims[c].tolist() if c in claims else [None] * n for c in _COLUMNS}
    rows = zip(*cols.values(), strict=True)
    records = [dict(zip(_COLUMNS, values, strict=True)) for values in rows]
    starts = [
        int(r["sentence_start"]) if _num(r["sentence_start"]) == _num(r["sentence_start"])
        else _find_start(r)
        for r in records
    ]  # fmt: skip
    spans: dict[tuple[str, str], list[tuple[int, int, str, Any]]] = {}
    for s0, r in zip(starts, records, strict=True):
        spans.setdefault((r["article_id"], r["sentence"]), []).append(
            (int(r["start"]) - s0, int(r["end"]) - s0, r["kind"], r["date"])
        )
    # words the corpus writes in lower case: not names when they open a sentence
    common = frozenset(lower_case_words(claims) if common is None else common)
    expressions = {
        key: _conversions(str(key[1]), in_sentence) for key, in_sentence in spans.items()
    }
    keys = [(r["article_id"], r["sentence"]) for r in records]
    facts = [
        _fact(idx, r, s0, spans[key], expressions[key], common)
        for idx, r, s0, key in zip(claims.index, records, starts, keys, strict=True)
    ]
    _share_bounds(facts, records, starts, keys, expressions)
    # The terms of each article's sentences that hold a claim (words and names), one set per
    # article shared by its facts.
    terms: dict[str, set[str]] = {}
    for it in facts:
        terms.setdefault(it.article, set()).update(it.wide | it.names)
    frozen = {article: frozenset(t) for article, t in terms.items()}
    for it in facts:
        it.article_terms = frozen[it.article]
    return facts


def _share_bounds(
    facts: list[Fact], records: list[dict[str, Any]], starts: list[int],
    keys: list[tuple[str, str]], expressions: dict[tuple[str, str], dict],
) -> None:  # fmt: skip
    """A conversion in parentheses says what the number before it says: "less than 50 km
    (30 miles)" makes the 30 miles a bound too."""
    where = {}
    for i, (r, s0, key) in enumerate(zip(records, starts, keys, strict=True)):
        span = (int(r["start"]) - s0, int(r["end"]) - s0)
        if span in expressions[key]:
            where.setdefault((key, expressions[key][span]), []).append((span, i))
    for pair in where.values():
        if len(pair) != 2:
            continue
        (_, outer), (_, inner) = sorted(pair)
        o, n = facts[outer], facts[inner]
        if n.hedge is None and o.hedge is not None and n.value == n.value:
            n.hedge, n.hedged = o.hedge, o.hedged
            if o.low == o.low and o.high != o.high:
                n.low, n.value = n.value, float("nan")
            elif o.high == o.high and o.low != o.low:
                n.high, n.value = n.value, float("nan")


_CONVERSION_GAP = re.compile(r"^[\s-]*[A-Za-z.]*\s*\(\s*(?:about|around|some|roughly|nearly)?\s*$")
_CLOSE = re.compile(r"^[\s-]*[A-Za-z.]*\s*\)")


def _conversions(
    sentence: str, in_sentence: list[tuple[int, int, str, Any]]
) -> dict[tuple[int, int], tuple[int, int]]:
    """Spans of a number and its conversion in parentheses, read as one expression:
    "10 kilometres (6 miles)", "a 40-hectare (99-acre) site" → both numbers get the span of the
    whole expression, so both have the clause around it."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    ordered = sorted(in_sentence)
    for (a, b, _, _), (c, d, _, _) in itertools.pairwise(ordered):
        close = _CLOSE.match(sentence[d:])
        if close and _CONVERSION_GAP.match(sentence[b:c]):
            out[(a, b)] = out[(c, d)] = (a, d + close.end())
    return out


def _fact(
    idx: Any, r: dict[str, Any], s0: int, in_sentence: list[tuple[int, int, str, Any]],
    expressions: dict[tuple[int, int], tuple[int, int]], common: frozenset[str],
) -> Fact:  # fmt: skip
    sentence = str(r["sentence"])
    a, b = int(r["start"]) - s0, int(r["end"]) - s0
    kind = str(r["kind"])
    unit = _str(r["unit"])
    surface = str(r["surface"])
    following = _RAW_WORD.findall(sentence[b : b + 20])
    family = _family(kind, unit, surface, sentence[b : b + 12])
    value = _num(r["value"])
    # "60m" may be 60 million (the extractor scaled it) or 60 metres: a suffix is a unit only
    # when the value is the number as written.
    suffix = _suffix(surface) if _written(surface) == value else None
    unit_word = (unit or suffix or (following[0] if following else "")).lower()
    measure = family == "count" and unit_word in UNIT_SIZES
    # The span whose clause is read: the whole "10 km (6 miles)" expression, or the number with
    # its unit word ("10 miles south" reads "south").
    ea, eb = expressions.get((a, b), (a, b))
    if measure and (ea, eb) == (a, b):
        unit_at = _COMPOUND_UNIT.match(sentence, b) or _UNIT_WORD.match(sentence, b)
        eb = unit_at.end() if unit_at and not suffix else b
    others = [s for s in in_sentence if not (ea <= s[0] and s[1] <= eb)]
    lo_c, hi_c = _clause_bounds(sentence, ea, eb)
    hedge = _str(r["hedge"])
    left, right = _window(sentence, ea, eb, others, hedge)
    if family == "age":  # "4 years *old*" says nothing of whose age it is
        right = [t for t in right if t not in _AGE_TERMS]
    if measure:  # what a measure counts is its dimension: "fell 600 *metres*" / "700 *m*"
        right = [UNIT_SIZES[unit_word][0], *right][:WINDOW]
    # What the number counts: the words after it ("45 people killed"), or before it when
    # nothing follows or it ends an "of" phrase ("mother of 12", "a total of 288").
    of = _OF.search(sentence[max(0, ea - 30) : ea].rstrip() + " ")
    if kind in DATE_KINDS:
        head: frozenset[str] = frozenset()
    elif kind == "multiplier":  # what was done three times: "extended the deadline three times"
        head = frozenset(left[-2:] + right[:1])
    elif not right:
        head = frozenset(left[-2:])
    else:
        head = frozenset(right[:2] + (left[-1:] if of else []))
    when = None
    if kind not in DATE_KINDS:
        for x, y, k, date in sorted(others):
            if x >= b and k in DATE_KINDS and _WHEN_GAP.match(sentence[b:x]):
                when = _str(date) or sentence[x:y].lower()
                break
    low, high = _num(r["low"]), _num(r["high"])
    if hedge and hedge.lower() in NEAR_BELOW and value == value:  # "nearly 300,000"
        low, high = value * (1 - NEAR_MARGIN), value
    elif hedge and hedge.lower() in NEAR_ABOVE and value == value:  # "just over 200"
        low, high = value, value * (1 + NEAR_MARGIN)
    half = half_step(surface, value)
    size, converted = 1.0, False
    if measure:
        dimension, size = UNIT_SIZES[unit_word]
        family, converted, unit = f"measure:{dimension}", True, unit_word
        value, low, high, half = value * size, low * size, high * size, half * size
    if family == "share" and kind == "percent":
        value, low, high, half = value / 100, low / 100, high / 100, half / 100
    context = _str(r["context"]) or ""
    outlet = r["outlet"]
    entities, apposition = _entities(sentence, ea, eb, common)
    return Fact(
        row=idx,
        article=str(r["article_id"]),
        outlet=outlet if isinstance(outlet, str) and outlet else str(r["article_id"]),
        story=_str(r["story_id"]),
        kind=kind,
        family=family,
        value=value,
        low=low,
        high=high,
        hedge=hedge,
        hedged=hedge is not None and hedge.lower() not in ("only", "just", "exactly"),
        half_step=half,
        converted=converted,
        size=size,
        unit=unit,
        surface=surface,
        sentence=sentence,
        context=context,
        date=_str(r["date"]),
        date_end=_str(r["date_end"]),
        weekday=_str(r["weekday"]),
        rule=_str(r["date_rule"]),
        when=when,
        dates_around=frozenset(
            d for _x, _y, k, d in others if k in DATE_KINDS and _str(d) is not None
        ),
        near=frozenset(left + right),
        left=tuple(left),
        right=tuple(right),
        crowded=any(
            k == kind and not (ea <= x and y <= eb) and lo_c <= x < hi_c
            for x, y, k, _ in in_sentence
        ),
        head=head,
        wide=_wide(sentence, tuple((x, y) for x, y, _, _ in in_sentence)),
        names=_names(sentence),
        proper=_proper(sentence, common),
        article_terms=frozenset(),
        entities=entities,
        apposition=apposition,
        scope=_scope(sentence, a, b) if kind not in DATE_KINDS else frozenset(),
        name=bool(following) and following[0].lower() in NAME_HEADS,
        rare=_rare(family, surface, value),
    )


def _rare(family: str, surface: str, value: float) -> bool:
    """A value unlikely to be stated twice by chance: a tally, money, or a number with two or
    more significant digits that is not a small whole number ("$1.4 billion", "35.7%",
    "134 to 63", "2.44 million"; not "3" or "20")."""
    if family == "tally" or family.startswith("money"):
        return True
    if value != value or family in DATE_KINDS or family in ("ordinal", "multiplier", "age"):
        return False
    digits = _NON_DIGIT.sub("", surface).strip("0")
    return len(digits) >= 2 and not (value == int(value) and abs(value) < 100)


def _family(kind: str, unit: str | None, surface: str, after: str) -> str:
    if kind in ("date", "year"):
        return "date"  # "2014" and "April 14, 2016" can date one event
    if kind == "fraction" or (kind == "percent" and unit == "percent"):
        return "share"
    if (kind == "duration" and _AGE.search(surface + after)) or unit == "years old":
        return "age"
    if kind in ("money", "duration", "percent"):
        return f"{kind}:{unit}"
    if kind == "count" and unit == "tally":
        return "tally"
    return kind


def _window(
    sentence: str, a: int, b: int, others: Sequence[tuple[int, int, str, Any]],
    hedge: str | None = None,
) -> tuple[list[str], list[str]]:  # fmt: skip
    """The content terms of the clause before and after sentence[a:b] (see the docstring)."""
    bounds = [0, *(m.start() for m in _CLAUSE.finditer(sentence)), len(sentence)]
    lo = max([x for x in bounds if x <= a] or [0])
    hi = min([x for x in bounds if x >= b] or [len(sentence)])
    for x, y, _, _ in others:
        if y <= a:
            lo = max(lo, y)
        elif x >= b:
            hi = min(hi, x)
    # "killing at least 45 people and injuring more than 300": the clause of 45 stops at "and".
    left_text = _CONJUNCTION.split(sentence[lo:a])[-1]
    right_text = _CONJUNCTION.split(sentence[b:hi])[0]
    if hedge:  # "at least 45", "90 days or more": the hedge belongs to the value, not the clause
        h = re.escape(hedge.lower())
        left_text = re.sub(rf"(?i)\b{h}\s*$", "", left_text)
        right_text = re.sub(rf"(?i)^\s*{h}\b", "", right_text)
    left = [_SYNONYM.get(t, t) for t in content_terms(left_text) if t not in _CALENDAR][-WINDOW:]
    right = [_SYNONYM.get(t, t) for t in content_terms(right_text) if t not in _CALENDAR][:WINDOW]
    return left, right


def _clause_bounds(sentence: str, a: int, b: int) -> tuple[int, int]:
    """The clause around sentence[a:b]: from the last clause mark or conjunction before it to
    the first after it."""
    marks = [(m.start(), m.end()) for m in _CLAUSE_END.finditer(sentence)]
    lo = max([e for s_, e in marks if e <= a] or [0])
    hi = min([s_ for s_, e in marks if s_ >= b] or [len(sentence)])
    return lo, hi


def _scope(sentence: str, a: int, b: int) -> frozenset[int]:
    """The ``SCOPE_WORDS`` groups right before the number ("four *other*" is after: "the
    *other* four", "*another* two") or right after it ("two *more* people", "four *others*");
    "more than" and "at least" are hedges, not scope."""
    before_text = _CLAUSE_END.split(sentence[max(0, a - 30) : a])[-1]
    after_text = _CLAUSE_END.split(sentence[b : b + 30])[0]
    before = [w.lower() for w in _RAW_WORD.findall(before_text)][-2:]
    after = [w.lower() for w in _RAW_WORD.findall(after_text)][:3]
    words = [w for w in before if w not in _HEDGE_SCOPE]
    if after and not (len(after) > 1 and after[1] == "than"):
        words.append(after[0])
    words += [w for w in after[1:] if w not in _HEDGE_SCOPE]
    return frozenset(_SCOPE_GROUP[w] for w in words if w in _SCOPE_GROUP)


def _entities(text: str, a: int, b: int, common: frozenset[str]) -> tuple[frozenset[str], bool]:
    """Capitalised names a number belongs to, as content terms ("American" → "us"), and
    whether they are an apposition: the name before a number set off by commas ("Nancy Pelosi,
    76,"), else the names in its clause (bounded by clause punctuation and commas), months and
    weekdays aside. A capitalised word opening a sentence is a name only when the corpus never
    writes it in lower case ("Officials said" is not one; "Biden said" is)."""
    apposition = _APPOSITION.search(text, 0, a)
    in_apposition = bool(apposition and _APPOSITION_END.match(text, b))
    if apposition and in_apposition:
        ranges = [(apposition.start(1), apposition.end(1))]
    else:
        bounds = [0, *(m.start() for m in _CLAUSE.finditer(text)), len(text)]
        lo = max([x for x in bounds if x <= a] or [0])
        hi = min([x for x in bounds if x >= b] or [len(text)])
        ranges = [(lo, a), (b, hi)]
    out = set()
    for start, end, low, terms in _capitalised(text):
        if not any(x <= start and end <= y for x, y in ranges):
            continue
        if low in CONTEXT_STOPWORDS or low in _CALENDAR:
            continue
        if low in common and _OPENS.search(text, max(0, start - 3), start):
            continue
        out.update(terms)
    return frozenset(out), in_apposition and bool(out)


@lru_cache(maxsize=65536)
def _wide(sentence: str, spans: tuple[tuple[int, int], ...]) -> frozenset[str]:
    """The content terms of a sentence with its numbers masked (once per sentence)."""
    return frozenset(_SYNONYM.get(t, t) for t in content_terms(_blank(sentence, spans)))


@lru_cache(maxsize=65536)
def _capitalised(text: str) -> tuple[tuple[int, int, str, tuple[str, ...]], ...]:
    """The capitalised words of a text before any "©" credit: (start, end, lower case, content
    terms), once per sentence."""
    return tuple(
        (m.start(), m.end(), m.group().lower(), content_terms(m.group()))
        for m in _ENTITY.finditer(text.split("©")[0])
    )


def _proper(sentence: str, common: frozenset[str]) -> frozenset[str]:
    """The proper names of a sentence as content terms: capitalised words the corpus never
    writes in lower case, months, weekdays and stop words aside ("Evansville", not "Taking")."""
    return frozenset(
        t
        for _s, _e, low, terms in _capitalised(sentence)
        if low not in common and low not in _CALENDAR and low not in CONTEXT_STOPWORDS
        for t in terms
    )


@lru_cache(maxsize=65536)
def _names(sentence: str) -> frozenset[str]:
    """Every capitalised word of a sentence as a content term (to tell whether a name one
    clause gives appears anywhere in the other sentence)."""
    return frozenset(t for m in _ENTITY.finditer(sentence) for t in content_terms(m.group()))


def _suffix(surface: str) -> str | None:
    """The unit written onto a number: "27km" → "km", "200ft" → "ft"."""
    m = _UNIT_SUFFIX.search(surface)
    return m.group() if m and m.start() and surface[m.start() - 1].isdigit() else None


def _written(surface: str) -> float:
    """The number as written in a surface: "27km" → 27, "60m" → 60, "1,200" → 1200."""
    m = _DIGITS.search(surface)
    return float(m.group().replace(",", "")) if m else float("nan")


def _find_start(r: Any) -> int:
    return int(r["start"]) - max(str(r["sentence"]).find(str(r["surface"])), 0)


def _num(x: Any) -> float:
    try:
        return float(x)
    except (TypeError, ValueError):
        return float("nan")


def _str(x: Any) -> str | None:
    return x if isinstance(x, str) and x else None


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        for k in range(max(a, 0), min(b, len(chars))):
            chars[k] = " "
    return "".join(chars)
