"""Builders for quantity patterns: a regex match → a money, percent, count… claim, or None."""

from __future__ import annotations

import re
from functools import lru_cache

from newskit.claims import context as _ctx
from newskit.claims.context import (
    _GENERIC_RE,
    _IDIOM_RE,
    _hedge,
    _next_word,
    _prev_word,
    _quantity_ok,
    _reversed,
)
from newskit.claims.grammar import _Claim
from newskit.claims.numbers import _H, _SCALE_RE, _alt, parse_number
from newskit.resources.numbers import (
    CHANGE_VERBS,
    COMPOUND_UNITS,
    CONTEXT_STOPWORDS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DENOMINATORS,
    DIGIT_MAGNITUDES,
    DURATION_UNITS,
    FRACTION_FOLLOWERS,
    FRACTION_LEADS,
    GLUED_UNITS,
    HEDGES,
    LONE_NUMBER_LEADS,
    MONTHS,
    MULTIPLIER_WORDS,
    NOT_HYPHEN_UNITS,
    NOT_UNITS,
    ONE_COUNT_NOUNS,
    ONE_PERSON_NOUNS,
    ONE_PERSON_VERBS,
    ORDINAL_HEADS,
    ORDINALS,
    PERCENT_POINT_WORDS,
    PERCENT_WORDS,
    PLURAL_MAGNITUDES,
    POINTS_CONTEXT,
    RATE_WORDS,
    SCALES,
    STREET_WORDS,
    SUFFIX_HEDGES,
    TENS,
    UNIT_ADJECTIVES,
    UNITS,
    VULGAR_FRACTIONS,
)

_WORD_RE = re.compile(r"[A-Za-z][\w’'.-]*|\d[\d,.]*")


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


def _b_money_word(m, text, generic):
    if _CURRENCY_BEFORE.search(text, max(0, m.start() - 4), m.start()):
        return None  # "$2 million dollars" is read from its "$"
    return _b_money(m, text, generic)


_CURRENCY_BEFORE = re.compile(r"[$€£¥₹₩₽]\s?$")


def _b_money(m, text, generic):
    if m.re.groupindex.get("cur") and m["cur"] is not None:
        value, unit = parse_number(m["n"]), _currency(m["cur"])
    else:
        value = parse_number(m["n2"] + (" " + m["sc"] if m["sc"] else ""))
        unit = CURRENCY_WORDS[" ".join(m["cw"].lower().split())]
        if m["cw"].lower() == "won" and not m["sc"] and not _SCALE_RE.search(m["n2"]):
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


def _b_times(m, text, generic):
    if not _quantity_ok(m, text):
        return None
    v = parse_number(m["n"])
    if v is None:
        return None
    if _TIMES_TO_VERB.match(text, m.end()):
        # "tried three times to reclaim the title": how often, not a multiplier
        return _hedge(_Claim(m.start(), m.end(), "count", value=v, unit="times"), text)
    return _hedge(_Claim(m.start(), m.end(), "multiplier", value=v, unit="times"), text)


_TIMES_TO_VERB = re.compile(r"\s+to\s+[a-z]+(?<!ing)\b(?!\s+(?:the\s+)?(?:size|level|rate)\b)")


def _b_fold_word(m, text, generic):
    return _b_fold(m, text, generic)


def _b_fold(m, text, generic):
    v = parse_number(m["n"])
    if v is None:
        return None
    return _hedge(_Claim(m.start(), m.end(), "multiplier", value=v, unit="times"), text)


def _b_mult_word(m, text, generic):
    w = m["w"].lower()
    if _IDIOM_RE.match(text, m.start()):
        return None  # "doubled down", "twice around the block"
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
    start = m.start()
    if _IDIOM_RE.match(text, start) or _IDIOM_RE.match(text, _skip_space(text, max(0, start - 3))):
        return None
    if w.lower() == "first" and _AT_BEFORE.search(text, max(0, start - 5), start):
        return None
    if _COMMA_AFTER.match(text, m.end()) and not text[:start].strip():
        return None  # "First, ..." opens a list of points
    if not w[0].islower() and _STREET_RIGHT_AFTER.match(text, m.end()):
        return None  # "First Street", "Fifth Avenue": a name
    if (
        w.lower() == "second"
        and _TIME_SECOND_BEFORE.search(text, max(0, start - 8), start)
        and _next_word(text, m.end()).lower() not in ORDINAL_HEADS
    ):
        return None  # "a second" (time), unless "a second round"
    return _Claim(m.start(), m.end(), "ordinal", value=_ordinal_value(w))


@lru_cache(maxsize=4096)
def _ordinal_value(w: str) -> float:
    """The value of an ordinal as the pattern matched it: "21st" → 21, "twenty-first" → 21;
    remembered (news repeats its few ordinals)."""
    if w[0].isdigit():
        return float(re.match(r"[\d,]+", w).group().replace(",", ""))  # type: ignore[union-attr]
    parts = re.split(_H, w.lower())
    return float(sum(TENS.get(p, 0) for p in parts[:-1]) + ORDINALS[parts[-1]])


# Read with ``search(text, start - width, start)``: the same match as on ``text[:start]``, as a
# match can only begin that close to ``start``.
_AT_BEFORE = re.compile(r"(?i)\bat\s$")
_TIME_SECOND_BEFORE = re.compile(r"(?i)\b(?:a|an|per|every|split)\s$")
_FROM_BEFORE = re.compile(r"(?i)\bfrom\s$")
_COMMA_AFTER = re.compile(r"\s*,")


def _skip_space(text: str, pos: int) -> int:
    """The first position at or after ``pos`` that is not white space (``str.isspace``)."""
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    return pos


def _b_count_range(m, text, generic):
    if not _quantity_ok(m, text, "n1"):
        return None
    a, b = parse_number(m["n1"]), parse_number(m["n2"])
    if a is None or b is None:
        return None
    sep = m.group(0)[m.end("n1") - m.start() : m.start("n2") - m.start()].strip()
    if sep in "-‐‑–" and m["n1"][-1].isalpha() and m["n2"][0].isalpha():
        return None  # "forty-five thousand" is one number; word ranges say "five to six"
    tally_sep = (
        sep in "-‐‑–"
        or (sep.strip("-‐‑–") == "to" and sep != "to")
        or (sep == "to" and not _FROM_BEFORE.search(text, max(0, m.start() - 7), m.start()))
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
    start, end = m.span()
    lower = n.lower()
    is_word = not lower[0].isdigit() and lower[0] != "."
    # "thirty-odd", "4,500-odd", "20 odd points": a round number and some more
    odd = (
        _ODD_AFTER.match(text, end)
        if text[end : end + 1] in _ODD_FIRST and text[end + 1 : end + 2] in _ODD_SECOND
        else None
    )
    if odd and odd.group()[0] == " " and is_word:
        odd = None  # "two odd socks": odd is an adjective after a spelled number
    if is_word:
        if lower == "one" and not _one_counts(text, start, end):
            return None  # "one" is mostly a pronoun ("one of", "the one that")
        nxt = _next_word(text, end)
        if (
            not odd
            and (not nxt or not nxt[0].isalpha())
            and (
                (nxt and nxt[0] in "-‐‑")
                or not _LONE_NUMBER_BEFORE.search(text, max(0, start - 30), start)
            )
        ):
            return None  # "the two, ..." stands alone; "the toll rose to nineteen." is a number
        if _GENERIC_RE.match(text, start) and not generic:
            return None
    elif _GENERIC_RE.match(text, start) and not generic:
        return None
    if _after_name(text, start) or _STREET_AFTER.match(text, end):
        return None
    if ("aption" in text or "APTION" in text) and _CAPTION_BEFORE.search(
        text, max(0, start - 24), start
    ):
        return None  # "Hide Caption 14 of 25": a photo gallery's counter
    v = parse_number(n)
    if v is None:
        return None
    # ("/" or "⁄" tested first: ``_BARE_FRACTION`` holds one)
    bare_fraction = n in VULGAR_FRACTIONS or (
        ("/" in n or "⁄" in n) and _BARE_FRACTION.fullmatch(n)
    )
    if bare_fraction and _GALLERY_AFTER.match(text, end):
        return None  # "3/16 A mother and her two children…": a photo counter, not a share
    if bare_fraction and _next_word(text, end).lower() == "of":
        return _hedge(_Claim(start, end, "fraction", value=v), text)  # "½ of voters"
    if odd:
        c = _hedge(_Claim(start, end, "count", value=v, unit=_count_unit(text, odd.end())), text)
        word = odd.group(1)
        c.hedge = f"{c.hedge} {word}" if c.hedge else word
        if SUFFIX_HEDGES[word.lower()] == "lower":
            c.low = v
        return c
    hyphen = _HYPHEN_UNIT.match(text, end) if text[end : end + 1] in _HYPHENS else None
    height = (
        _HEIGHT_HYPHENED.match(text, end)
        if hyphen is None and not is_word and text[end : end + 1] in _HYPHENS
        else None
    )
    if height:  # "a 5-foot-9 guard"
        v += int(height.group(1)) / 12
        return _hedge(_Claim(start, height.end(), "count", value=v, unit="ft"), text)
    if hyphen and not is_word and text[start - 1 : start] not in CURRENCY_SYMBOLS:
        # "a 5-km race", "a 300-page report": the unit written before the noun, with a hyphen
        word = hyphen.group(1).lower()
        parts = re.split("[-‐‑]", word)
        if NOT_HYPHEN_UNITS.isdisjoint(parts) and _unit_word(parts[0]) not in (None, _ADJECTIVE):
            unit = GLUED_UNITS.get(word, word)
            if word in PERCENT_POINT_WORDS:
                c = _Claim(start, hyphen.end(), "percent", value=v, unit="percentage point")
            else:
                c = _Claim(start, hyphen.end(), "count", value=v, unit=unit)
            return _hedge(c, text)
    unit = _count_unit(text, end)
    if unit in ("point", "points") and _points_are_percent(text):
        end += len(_next_word(text, end)) + 1
        return _hedge(_Claim(start, end, "percent", value=v, unit="percentage point"), text)
    age = _age_before(text, start)
    if age and unit is None and v == int(v) and 0 < v < 120 and _AGE_AFTER.match(text, end):
        # "Pelosi, 76, said": an age, about the person named before it
        return _Claim(start, end, "count", value=v, unit="years old", context=age[1])
    if n[-1] == "m" and _METRES.fullmatch(n):  # "at 3,000m altitude": metres, not 3 billion
        v, n, unit = float(n[:-1].replace(",", "")), n[:-1], "m"
        return _hedge(_Claim(start, end, "count", value=v, unit=unit), text)
    # (the next character tested first: a glued unit starts with "°" or an ASCII letter)
    glued = _GLUED.match(text, end) if text[end : end + 1] in _GLUED_FIRST else None
    if glued and glued.group().lower() == "x":  # "3x faster"
        return _Claim(start, end + 1, "multiplier", value=v, unit="times")
    compound = _COMPOUND_UNIT.match(text, end) if glued else None
    if compound and compound.start(1) == end:  # "20km/h"
        return _hedge(_Claim(start, compound.end(), "count", value=v, unit=unit), text)
    if glued:  # "45C", "10km" carry their unit; "5G", "3D" are names
        unit = GLUED_UNITS.get(glued.group().lower())
        if unit is None:
            return None
        end = glued.end()
    if unit in _FEET and (inches := _INCHES_AFTER.match(text, _past_unit(text, end, glued))):
        # "6ft 2in", "6 feet 2 inches": one height, in feet
        v += int(inches.group(1)) / 12
        return _hedge(_Claim(start, inches.end(), "count", value=v, unit="ft"), text)
    return _hedge(_Claim(start, end, "count", value=v, unit=unit), text)


def _one_counts(text: str, start: int, end: int) -> bool:
    """Whether "one" at ``start`` counts: before a thing counted ("one bomb", ONE_COUNT_NOUNS),
    or before a person (ONE_PERSON_NOUNS) beside a hedge or a verb of harm or arrest within a
    few words (ONE_PERSON_VERBS: "killed one man", "one person was arrested")."""
    noun = _next_word(text, end).lower()
    if noun in ONE_COUNT_NOUNS:
        return True
    if noun not in ONE_PERSON_NOUNS:
        return False
    if _ctx._hedge_before(text, start, 40):
        return True
    near = _WORDS_RE.findall(text[max(0, start - 40) : start])[-4:]
    near += _WORDS_RE.findall(text[end : end + 50])[1:7]
    return not ONE_PERSON_VERBS.isdisjoint(w.lower() for w in near)


_WORDS_RE = re.compile(r"[A-Za-z]+")


# Words before a spelled-out number with no noun after it that make it a quantity: "the death
# toll rose to nineteen.", "the answer is minus one", "a family of four." (not "the two,").
_LONE_NUMBER_BEFORE = re.compile(
    r"(?i)\b(?:" + _alt(LONE_NUMBER_LEADS) + r")\s+(?:(?:" + _alt(HEDGES) + r")\s+)?$"
)
_CAPTION_BEFORE = re.compile(r"(?i)\bcaption\s+(?:\d+\s+of\s+)?$")
_FEET = frozenset({"ft", "feet", "foot"})


def _past_unit(text: str, end: int, glued: re.Match[str] | None) -> int:
    """Where the unit word after a count ends: ``end`` when it is glued ("6ft"), else after
    the next word ("6 feet")."""
    if glued:
        return end
    m = _WORD_AFTER.match(text, end)
    return m.end() if m else end


# The inches after a number of feet: "6ft 2in", "6 feet 2 inches", "5-foot-9"
_INCHES_AFTER = re.compile(r"\s(1[01]|[0-9])\s?(?i:in|ins|inches)\b")
_HEIGHT_HYPHENED = re.compile(r"[-‐‑](?i:foot|ft)[-‐‑](1[01]|[0-9])\b(?![-‐‑\d])")
_ODD_FIRST = frozenset("-‐‑ ")
_ODD_SECOND = frozenset(h[0] for h in SUFFIX_HEDGES) | frozenset(
    h[0].upper() for h in SUFFIX_HEDGES
)
# "-odd", "-plus" after any number, " odd" after digits only (the builder checks); not
# "odd-numbered" ("plus" after a space is ``_hedge``'s: "200 plus").
_ODD_AFTER = re.compile(
    r"(?:[-‐‑]| (?=odd\b))(" + "|".join(SUFFIX_HEDGES) + r")\b(?![-‐‑'’])", re.IGNORECASE
)
_HYPHENS = frozenset("-‐‑")
# A unit joined to its number by a hyphen, one or two lower-case words: "5-km", "3-percentage-point"
# (not "2-for-1", "20-year-old": a number or "old" after the words).
_HYPHEN_UNIT = re.compile(r"[-‐‑]([a-z]{2,}(?:[-‐‑][a-z]+)?)\b(?![-‐‑’'\d])")
_GLUED = re.compile(r"°?[A-Za-z]+\b")  # a unit written against the number: "45C", "10km"
_GLUED_FIRST = frozenset("°ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_METRES = re.compile(r"\d{1,3}(?:,\d{3})+m")  # "3,000m": a height; "1.2m homes" is millions
_BARE_FRACTION = re.compile(r"\d{1,2}[/⁄]\d{1,3}")
_GALLERY_AFTER = re.compile(r"\s+[A-Z\d]")
_AGE_BEFORE = re.compile(r"\b([A-Z][\w’'.-]+(?:\s[A-Z][\w’'.-]+)*),\s$")


def _age_before(text: str, start: int) -> re.Match[str] | None:
    """``_AGE_BEFORE`` in the 40 characters before ``start``; it ends in a comma and one white
    space (and perhaps a final newline), so there is no match without a comma just before."""
    lo = max(0, start - 40)
    if "," not in text[max(lo, start - 3) : start]:
        return None
    return _AGE_BEFORE.search(text, lo, start)


_AGE_AFTER = re.compile(r"\s?(?:,|\)|$|\s(?:and|said|says|who|was|is)\b)")
_POINTS_WORD = re.compile(r"%|\b(?:" + "|".join(sorted(POINTS_CONTEXT)) + r")\b", re.IGNORECASE)


def _points_are_percent(text: str) -> bool:
    """ "rose 3 points to 45%", "leads by 5 points in the poll": percentage points."""
    return _POINTS_WORD.search(text) is not None


_STREET_RIGHT_AFTER = re.compile(r"\s(?:" + _alt(STREET_WORDS) + r")\b")
_STREET_AFTER = re.compile(
    r"\s(?:[A-Z][a-z]+\s){1,2}(?:" + _alt(STREET_WORDS) + r")\b"
)  # "10 Downing Street" is an address
_NAME_BEFORE = re.compile(r"([\w&’'.-]+)\s$")


def _name_before(text: str, start: int) -> re.Match[str] | None:
    """``_NAME_BEFORE.search(text, start - 40, start)``, tried only where it can match: at the
    start of the run of name characters before the white space that ends ``text[:start]`` (one
    white space, or two when the last is a newline, as ``$`` allows). The run is read forwards
    in the reversed text (``_reversed``)."""
    lo = max(0, start - 40)
    k = start - 1
    if k < lo or not text[k].isspace():
        return None
    if k - 1 >= lo and text[k - 1].isspace():
        k -= 1
    n = len(text)
    last = _ctx._LAST_REVERSED  # ``_reversed``, its memo read here
    rev = last[1] if last[0] is text else _reversed(text)
    run = _NAME_RUN_REVERSED.match(rev, n - k, n - lo)
    return _NAME_BEFORE.match(text, n - run.end(), start)  # type: ignore[union-attr]


_NAME_RUN_REVERSED = re.compile(r"[\w&’'.-]*")  # ``\w``: ``str.isalnum`` or "_"


def _after_name(text: str, start: int) -> bool:
    """A number right after a name is part of it: "S&P 500", "iPhone 16", "Boeing's 737"
    (but not after a month, an abbreviation such as "U.S.", or a capitalised function word
    or hedge opening the sentence: "In 2019", "About 40,000")."""
    m = _name_before(text, start)
    if not m:
        return False
    word = m.group(1)
    named = _NAMES.get(word)
    if named is None:
        named = _names_something(word)
        if len(_NAMES) < _NAMES_MEMO_SIZE:
            _NAMES[word] = named
    return named


_NAMES_MEMO_SIZE = 65536
_NAMES: dict[str, bool] = {}  # ``_names_something`` per word (news repeats its words)


def _names_something(word: str) -> bool:
    """Whether a number right after ``word`` (``_NAME_BEFORE``'s group) is part of a name."""
    bare = word[:-2] if word.endswith(("'s", "’s")) else word  # no newline in a name
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
    """ "a dozen eggs" → 12, "five dozen" → 60, "several dozen" → 24..99."""
    det = m["det"].lower()
    if det == "several":
        return _Claim(m.start(), m.end(), "magnitude", low=24, high=99)
    unit = _count_unit(text, m.end())
    if det in _POSSESSIVE_DETERMINERS:  # "the dozen people interviewed", "his dozen rounds"
        if unit is None:
            return None  # "the dozen who stayed": a group named, no count of anything
        return _Claim(m.start("w"), m.end(), "count", value=12.0, unit=unit)
    mult = 1.0 if det == "a" else parse_number(det)
    if mult is None:
        return None
    return _hedge(_Claim(m.start(), m.end(), "count", value=12.0 * mult, unit=unit), text)


_POSSESSIVE_DETERMINERS = frozenset({"the", "his", "her", "their", "its", "our"})


def _b_couple(m, text, generic):
    """ "a couple of weeks" → 2 weeks, "a couple of officers" → 2 officers, "a couple of
    hundred people" → 200 people."""
    if m["u"]:
        unit = DURATION_UNITS[m["u"].lower()]
        return _hedge(_Claim(m.start(), m.end(), "duration", value=2.0, unit=unit), text)
    value = 2.0 * (SCALES[m["w"].lower()] if m["w"] else 1.0)
    return _hedge(
        _Claim(m.start(), m.end(), "count", value=value, unit=_count_unit(text, m.end())), text
    )


def _b_several_scale(m, text, generic):
    """ "several hundred" → 200..999 (as "several dozen" → 24..99), "a few thousand" →
    2,000..9,999, "several hundred thousand" → 200,000..999,999."""
    scale = SCALES[m["w"].lower()]
    if m["w2"]:
        scale *= SCALES[m["w2"].lower()]
    return _Claim(m.start(), m.end(), "magnitude", low=2 * scale, high=10 * scale - 1)


def _b_by_half(m, text, generic):
    """ "fell by half", "cut in half" → 0.5."""
    return _hedge(_Claim(m.start(), m.end(), "fraction", value=0.5), text)


def _b_dur_frac(m, text, generic):
    """ "a decade and a half" → 1.5 decade, "an hour and a half" → 1.5 hour."""
    unit = DURATION_UNITS[m["u"].lower()]
    return _hedge(_Claim(m.start(), m.end(), "duration", value=1.5, unit=unit), text)


def _b_dur_part(m, text, generic):
    """ "half a century" → 0.5 century, "a quarter-century" → 0.25 century, "three quarters of
    an hour" → 0.75 hour."""
    f = m["f"].lower()
    value = 0.75 if f.startswith("three") else 0.25 if "quarter" in f else 0.5
    unit = DURATION_UNITS[m["u"].lower()]
    return _hedge(_Claim(m.start(), m.end(), "duration", value=value, unit=unit), text)


_COUNT_UNIT_SKIP = frozenset(
    {"of", "and", "or", "to", "in", "on", "at", "the", "a", "an", "was", "were", "is", "are"}
    | {"has", "have", "had", "will", "would", "percent", "for", "by", "from", "with", "after"}
)
_MONTH_WORDS = frozenset(k.lower() for k in MONTHS)


def _count_unit(text: str, pos: int) -> str | None:
    """The noun a count counts: the next word, past adjectives ("12 federal judges" →
    judges); None when that is a function word, an adverb, a month ("42 against", "3 now",
    "5 Sept") or only adjectives follow ("the full 12")."""
    m = _WORD_AFTER.match(text, pos)
    if m and m.group(1).lower().split("-")[0] in _COMPOUND_FIRST:
        compound = _COMPOUND_UNIT.match(text, pos)
        if compound:
            return COMPOUND_UNITS[" ".join(compound.group(1).lower().split())]
    for _ in range(4):
        if not m:
            return None
        w = m.group(1)
        unit = _UNIT_WORDS.get(w, _UNSEEN)
        if unit is _UNSEEN:
            unit = _unit_word(w)
            if len(_UNIT_WORDS) < _NAMES_MEMO_SIZE:
                _UNIT_WORDS[w] = unit
        if unit is not _ADJECTIVE:
            return unit  # type: ignore[return-value]
        m = _WORD_AFTER.match(text, m.end())
    return None


def _unit_word(w: str) -> str | object | None:
    """What a word after a count says (``_count_unit``): the unit it is (lower case), None
    when it ends the search (a function word, an adverb, a month), ``_ADJECTIVE`` when the
    unit may come after it."""
    low = w.lower()
    if not w[0].isalpha() or low in _COUNT_UNIT_SKIP or low in NOT_UNITS:
        return None
    if low.rstrip(".") in _MONTH_WORDS or (low.endswith("ly") and len(low) > 4):
        return None
    if low in UNIT_ADJECTIVES:
        return _ADJECTIVE
    if len(low) > 1 and low in GLUED_UNITS:  # "50 MW", "3.5 GHz": as when glued ("50MW")
        return GLUED_UNITS[low]
    return low


_UNSEEN = object()
_ADJECTIVE = object()
_UNIT_WORDS: dict[str, str | object | None] = {}  # ``_unit_word`` per word as written


# The first word of each compound unit ("square", "km" of "km/h"): only after one of them is
# ``_COMPOUND_UNIT`` tried.
_COMPOUND_FIRST = frozenset(re.split(r"[\s/-]", u)[0] for u in COMPOUND_UNITS)
_COMPOUND_UNIT = re.compile(
    r"\s*("
    + "|".join(
        re.escape(u).replace(r"\ ", r"\s+") for u in sorted(COMPOUND_UNITS, key=len, reverse=True)
    )
    + r")(?![\w/])",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"\s*([\w’'-]+)")
