"""Numbers as written → values: the number regex pieces (digits, words, scales), parse_number."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newskit.resources.numbers import (
    NUMBER_NOUNS,
    SCALES,
    TENS,
    UNITS,
)


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
_SCALE_RE = re.compile(r"(?i)\s?(" + _LONG_SCALE + r"s?|" + _SHORT_SCALE + r")$")


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
