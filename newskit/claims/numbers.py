"""Numbers as written → values: the number regex pieces (digits, words, scales), parse_number."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newskit.claims.text2num_adapter import words_to_int
from newskit.resources.numbers import (
    NUMBER_NOUNS,
    SCALES,
    SIGN_WORDS,
    TENS,
    UNITS,
    VULGAR_FRACTIONS,
    WORD_FRACTIONS,
)


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_H = r"[-‐‑–]"  # hyphens written in news text
_UNIT_WORDS = [w for w in UNITS if w != "zero"]
_NUMWORD = (
    r"(?i:(?:" + _alt(TENS) + r")(?:" + _H + r"(?:" + _alt(_UNIT_WORDS) + r"))?"
    r"|(?:" + _alt(_UNIT_WORDS) + r"))"
)
_VULGAR = "[" + "".join(VULGAR_FRACTIONS) + "]"
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:[ \u2009\u202f\u00a0]\d{3})+(?![\d,.]\d|\d)"  # "1 000 000", thin spaces
    r"|\d+" + _VULGAR + r"|" + _VULGAR + r"|\d+(?:\.\d+)?|\.\d+)"
)
_LONG_SCALE = r"(?i:hundred|thousand|million|billion|trillion)"
# Spelled-out numbers, whole: "forty two", "three hundred and thirty-one", "two thousand and
# five", then a fraction or decimals: "two and a half", "forty two and a third", "nine point
# four". The value comes from parse_number (text2num for the integer part).
_UNIT_1_9 = r"(?:" + _alt(w for w, v in UNITS.items() if 1 <= v <= 9) + r")"
_SMALL = (
    r"(?:(?:" + _alt(TENS) + r")(?:(?:" + _H + r"|\s)" + _UNIT_1_9 + r"\b)?"
    r"|(?:" + _alt(_UNIT_WORDS) + r"))"
)
_WORDINT = (
    r"(?i:" + _SMALL + r"(?:\s" + _LONG_SCALE + r"(?:\s(?:and\s)?" + _SMALL + r"(?!\s"
    + _LONG_SCALE + r"))?)*)"
)  # fmt: skip
_WORDFRAC = (
    r"(?i:\sand\s(?:a|one)\s(?:" + _alt(WORD_FRACTIONS) + r")"
    r"|\spoint(?:\s(?:" + _alt(w for w, v in UNITS.items() if v <= 9) + r"|oh))+)"
)
_SIGN = r"(?:(?i:" + _alt(SIGN_WORDS) + r")\s)?"
_SHORT_SCALE = r"(?i:bn|mn|mln|tn|trn|k|m|b)"
# A number: digits or words, with an optional scale ("1.5 million", "3bn", "two hundred").


def _number(after_hyphen: bool = False) -> str:
    """A number: digits or words, with an optional scale ("1.5 million", "3bn", "two
    hundred"). Not inside a word or label ("COVID-19", "F-35"); the second number of a range
    may follow a hyphen ("10-15")."""
    before = r"(?<![\w.,/:])" if after_hyphen else r"(?<![\w.,/:-])(?<![A-Za-z]-)"
    return (
        r"(?:" + _SIGN + before + _DIGITS
        + r"(?:\s?" + _LONG_SCALE + r"s?\b|" + _SHORT_SCALE + r"\b)?(?![\d:/]|,\d|\.\d)"
        + r"|" + _SIGN + r"\b" + _WORDINT + r"\b(?:" + _WORDFRAC + r"\b)?"
        + r"(?:\s" + _LONG_SCALE + r")*\b)"
    )  # fmt: skip


_NUM = _number()
_NUM2 = _number(after_hyphen=True)
_SCALE_RE = re.compile(r"(?i)\s?(" + _LONG_SCALE + r"s?|" + _SHORT_SCALE + r")$")


def parse_number(text: str) -> float | None:
    """A number written in digits or words, with a scale: "1.5 million" → 1.5e6, "3bn" → 3e9,
    "twenty-five" → 25, "three hundred and thirty-one" → 331, "two and a half million" →
    2.5e6, "forty two and a third" → 42.333, "nine point four" → 9.4, "minus five" → -5,
    "2½" → 2.5, "1 000 000" → 1e6, "2,000" → 2000. None when it is not a number."""
    s = " ".join(text.replace("\u00a0", " ").split())
    sign = 1.0
    first, _, rest = s.partition(" ")
    if rest and first.lower() in SIGN_WORDS:
        sign, s = -1.0, rest
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
    s = _DIGIT_GROUP.sub("", s).replace(",", "")
    if s and s[-1] in VULGAR_FRACTIONS:
        whole = s[:-1]
        if whole and not whole.isdigit():
            return None
        return sign * (float(whole or 0) + VULGAR_FRACTIONS[s[-1]]) * scale
    try:
        return sign * float(s) * scale
    except ValueError:
        pass
    low = s.lower()
    fraction = 0.0
    m = _FRACTION_TAIL.search(low)
    if m:
        fraction = WORD_FRACTIONS[m.group(1)]
        low = low[: m.start()]
    else:
        m = _POINT_TAIL.search(low)
        if m:
            digits = "".join(str(UNITS.get(w, 0)) for w in m.group(1).split())
            fraction = float("0." + digits)
            low = low[: m.start()]
    value = _words_value(low)
    if value is None:
        return None
    return sign * (value + fraction) * scale


_DIGIT_GROUP = re.compile(r"(?<=\d)[ \u2009\u202f](?=\d{3}(?!\d))")
_FRACTION_TAIL = re.compile(r"\s+and\s+(?:a|one)\s+(" + _alt(WORD_FRACTIONS) + r")$")
_POINT_TAIL = re.compile(r"\s+point((?:\s+\w+)+)$")


def _words_value(words: str) -> float | None:
    """An integer in words: text2num when it can ("three hundred and thirty-one"), else our
    own sum of the parts ("a dozen", "two-score")."""
    if not words:
        return None
    value = words_to_int(words.replace("‐", "-").replace("‑", "-").replace("–", "-"))
    if value is not None:
        return float(value)
    total = 0.0
    for part in re.split(r"[-‐‑–\s]+", words):
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
    return total
