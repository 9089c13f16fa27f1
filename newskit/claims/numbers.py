"""Numbers as written → values: the number regex pieces (digits, words, scales), parse_number."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from newskit.claims.text2num_adapter import words_to_int
from newskit.resources.numbers import (
    DIGIT_DENOMINATORS,
    NUMBER_NOUNS,
    SCALE_FRACTIONS,
    SCALES,
    SIGN_WORDS,
    SPACED_SCALES,
    TENS,
    UNITS,
    VULGAR_FRACTIONS,
    WORD_FRACTIONS,
    WORD_SCALES,
    ZERO_WORDS,
)


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` that matches what ``"|".join(longest first)`` matches,
    with the same preference (the longest word that lets the rest of the pattern match), also
    inside ``(?i:…)``. Written as a trie ("last (?:week|month)" rather than "last week|last
    month"), so the regex engine tries a word's continuations only where its first letters
    match: up to 7x faster scans for lists of phrases such as ``RELATIVE_PERIODS``."""
    ordered = sorted(set(words), key=len, reverse=True)
    trie = _trie(ordered)
    if trie is None:
        return "|".join(re.escape(w) for w in ordered)
    return _trie_regex(trie)


def _trie(words: list[str]) -> dict | None:
    """``words`` as a trie of nested dicts (``""`` marks a word's end), or None when a trie could
    match differently from the plain alternation under ``(?i)``: an empty word, a cased
    non-ASCII character, or two branches of a node that differ only in case ("May"/"may")."""
    if not words or "" in words:
        return None
    root: dict = {}
    for w in words:
        if not all(ch.isascii() or ch.lower() == ch.upper() for ch in w):
            return None
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        branches = [k for k in node if k]
        if len({k.lower() for k in branches}) != len(branches):
            return None
        stack.extend(node[k] for k in branches)
    return root


def _trie_regex(node: dict) -> str:
    """One trie node as a regex: its branches (longer words first), then the end of a word."""
    alts = []
    for ch, child in node.items():
        if not ch:
            continue
        piece = re.escape(ch)
        while len(child) == 1 and "" not in child:  # a chain of single branches: "week"
            ((ch, child),) = child.items()
            piece += re.escape(ch)
        alts.append(piece + _trie_regex(child))
    if not alts:
        return ""
    if len(alts) == 1 and "" not in node:
        return alts[0]
    return "(?:" + "|".join(alts) + ("|" if "" in node else "") + ")"


_H = r"[-‐‑–]"  # hyphens written in news text
_UNIT_WORDS = [w for w in UNITS if w != "zero"]
_NUMWORD = (
    r"(?i:(?:" + _alt(TENS) + r")(?:" + _H + r"(?:" + _alt(_UNIT_WORDS) + r"))?"
    r"|(?:" + _alt(_UNIT_WORDS) + r"))"
)
_VULGAR = "[" + "".join(VULGAR_FRACTIONS) + "]"
# "3/4", "2 1/4", "1⁄2": a fraction in digits (the builder checks the denominator).
_DIGIT_FRACTION = r"(?:\d{1,3}[ \u00a0])?\d{1,2}[/⁄]\d{1,3}(?![\d/⁄])"
# Thousands written ", " apart, as in text tokenised with spaces ("70, 000", "1, 300"): with one
# or two digits first, or three and then only zeros ("230, 000"); not "about 300, 400 metres"
# (three to four hundred), "100, 200 and 300" (a list), nor after a hyphen ("5-11, 220").
_SPACED_THOUSANDS = r"(?:\d{1,2}(?:, \d{3})+|\d{3}(?:, 000)+)(?![\d,.]\d|\d|,? (?:and|or) \d)"


def _digits(spaced_thousands: bool) -> str:
    return (
        r"(?:" + _DIGIT_FRACTION + r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
        r"|\d{1,3}(?:[ \u2009\u202f\u00a0]\d{3})+(?![\d,.]\d|\d)"  # "1 000 000", thin spaces
        + (r"|" + _SPACED_THOUSANDS if spaced_thousands else "")
        + r"|\d+"
        + _VULGAR
        + r"|"
        + _VULGAR
        + r"|\d+(?:\.\d+)?|\.\d+)"
    )


_DIGITS = _digits(spaced_thousands=True)
_LONG_SCALE = r"(?i:hundred|thousand|million|billion|trillion)"
_WORD_SCALE = r"(?i:" + _alt(WORD_SCALES) + r")"
# Spelled-out numbers, whole: "forty two", "three hundred and thirty-one", "three hundred and
# five thousand", "a hundred thousand", then a fraction or decimals: "two and a half", "six
# billion and a quarter", "nine point four", "nought point nought four". The value comes from
# parse_number (text2num for the integer part).
_UNIT_1_9 = r"(?:" + _alt(w for w, v in UNITS.items() if 1 <= v <= 9) + r")"
_SMALL = (
    r"(?:(?:" + _alt(TENS) + r")(?:(?:" + _H + r"|\s)" + _UNIT_1_9 + r"\b)?"
    r"|(?:" + _alt(_UNIT_WORDS) + r"))"
)
_ZERO = r"(?:" + _alt(w for w in ZERO_WORDS if len(w) > 2) + r")"
# A group: "three hundred", "forty-five thousand", "a hundred thousand", "half a million".
_SCALE_LEAD = r"(?:" + _alt(SCALE_FRACTIONS) + r"|an?)"
_GROUP = (
    r"(?:" + _SMALL + r"|" + _SCALE_LEAD + r"(?=\s" + _WORD_SCALE + r"))"
    r"(?:\s" + _WORD_SCALE + r"s?\b)+"
)
_WORDINT = (
    r"(?i:" + _GROUP + r"(?:,?\s(?:and\s)?" + _GROUP + r")*(?:,?\s(?:and\s)?" + _SMALL + r"\b)?"
    r"|" + _SMALL + r"|" + _ZERO + r"(?=\spoint\b)|(?-i:zero))"
)  # fmt: skip
_DECIMAL_WORD = r"(?:" + _alt([*(w for w, v in UNITS.items() if v <= 9), *ZERO_WORDS]) + r")"
_WORDFRAC = (
    r"(?i:(?:[-‐‑]and[-‐‑](?:a|one)[-‐‑]|\sand\s(?:a|one)\s)(?:" + _alt(WORD_FRACTIONS) + r")"
    r"|\spoint(?:\s" + _DECIMAL_WORD + r"\b)+)"
)
_SIGN = r"(?:(?i:" + _alt(SIGN_WORDS) + r")\s)?"
_SHORT_SCALE = r"(?i:bn|bln|mn|mln|tn|trn|k|m|b)"
_SPACED_SCALE = r"(?i:" + _alt(SPACED_SCALES) + r"|lakhs?|lacs?|crores?|dozens?)"
# "-4.1%", "−15C", "+3.2%": a sign character after a space or an opening bracket.
_SIGN_CHAR = r"(?:(?<![\w.,/:%)\]\-−+])[-−+](?=\.?\d))"


def _number(after_hyphen: bool = False) -> str:
    """A number: digits or words, with an optional scale ("1.5 million", "3bn", "two
    hundred", "12 bln", "4 hundred and 12"). Not inside a word or label ("COVID-19", "F-35");
    the second number of a range may follow a hyphen ("10-15")."""
    before = r"(?<![\w.,/:])" if after_hyphen else r"(?<![\w.,/:−+-])(?<![A-Za-z]-)"
    return (
        r"(?:" + _SIGN + r"(?:" + _SIGN_CHAR + r"|" + before + r")"
        + _digits(spaced_thousands=not after_hyphen)
        + r"(?:\s(?i:hundred)\s(?i:and)\s(?:\d{1,2}\b|" + _SMALL + r"\b)"
        + r"|(?:\s|-(?=(?i:[mbtr]illion)))?" + _LONG_SCALE + r"s?\b"
        + r"|" + _SHORT_SCALE + r"\b|\s" + _SPACED_SCALE + r"\b)?"
        + r"(?![\d:/⁄]|,\d|\.\d)"
        + r"|" + _SIGN + r"\b" + _WORDINT + r"\b(?:" + _WORDFRAC + r"\b)?"
        + r"(?:\s" + _WORD_SCALE + r")*\b)"
    )  # fmt: skip


_NUM = _number()
_NUM2 = _number(after_hyphen=True)
_SCALE_RE = re.compile(
    r"(?i)[\s-]?(" + _LONG_SCALE + r"s?|" + _SHORT_SCALE + r"|" + _SPACED_SCALE + r")$"
)
# Where a spelled-out number that starts with "a"/"half" may begin: "a hundred thousand",
# "half a million", "a quarter of a billion".
SCALE_LEAD_RE = re.compile(r"(?i)\b" + _SCALE_LEAD + r"\s" + _WORD_SCALE + r"\b")


def parse_number(text: str) -> float | None:
    """A number written in digits or words, with a scale: "1.5 million" → 1.5e6, "3bn" → 3e9,
    "twenty-five" → 25, "three hundred and thirty-one" → 331, "two and a half million" →
    2.5e6, "forty two and a third" → 42.333, "nine point four" → 9.4, "minus five" → -5,
    "-4.1" → -4.1, "2½" → 2.5, "2 1/4" → 2.25, "1 000 000" → 1e6, "2,000" → 2000, "half a
    million" → 5e5, "4 hundred and 12" → 412, "12 bln" → 1.2e10. None when it is not a number."""
    return _parse_written(text)


@lru_cache(maxsize=8192)
def _parse_written(text: str) -> float | None:
    return _parse_number(" ".join(text.replace("\u00a0", " ").split()))


@lru_cache(maxsize=8192)
def _parse_number(s: str) -> float | None:
    sign = 1.0
    if s[:1] in "-−+" and len(s) > 1:
        sign, s = (1.0 if s[0] == "+" else -1.0), s[1:]
    first, _, rest = s.partition(" ")
    if rest and first.lower() in SIGN_WORDS:
        sign, s = -1.0, rest
        if s[:1] in "-−" and len(s) > 1:
            return None
    value = _digits_value(s)
    if value is None:
        words = s.lower().replace("‐", "-").replace("‑", "-").replace("–", "-")
        if "-and-" in words:  # "two-and-a-half" is "two and a half"
            words = _HYPHENED_AND.sub(r" and \1 ", words)
        value = _words_value(words)
    return None if value is None else sign * value


_HYPHENED_AND = re.compile(r"-and-(a|one)-")
_DIGIT_GROUP = re.compile(r"(?<=\d),?[ \u2009\u202f](?=\d{3}(?!\d))")
_FRACTION_RE = re.compile(r"(?:(\d{1,3}) )?(\d{1,2})[/⁄](\d{1,3})")


def _digits_value(s: str) -> float | None:
    """A number in digits with an optional scale ("1.5 million", "3bn", "12 bln"), a vulgar
    fraction ("2½") or a digit fraction ("2 1/4"); None for anything else."""
    m = _FRACTION_RE.fullmatch(s)
    if m:
        num, den = int(m.group(2)), int(m.group(3))
        if den not in DIGIT_DENOMINATORS or not 0 < num < den:
            return None
        return float(m.group(1) or 0) + num / den
    scale = 1.0
    while True:
        m = _SCALE_RE.search(s)
        if not m or m.start() == 0:
            break
        word = m.group(1).lower()
        if len(word) > 2 and word not in SCALES:
            word = word.rstrip("s")
        if word not in SCALES:
            break
        scale *= SCALES[word]
        s = s[: m.start()].rstrip()
    s = _DIGIT_GROUP.sub("", s).replace(",", "")
    if s and s[-1] in VULGAR_FRACTIONS:
        whole = s[:-1]
        if whole and not whole.isdigit():
            return None
        return (float(whole or 0) + VULGAR_FRACTIONS[s[-1]]) * scale
    try:
        return float(s) * scale
    except ValueError:
        return None


_FRACTION_TAIL = re.compile(r"\s+and\s+(?:a|one)\s+(" + _alt(WORD_FRACTIONS) + r")(?=\s|$)")
_POINT_TAIL = re.compile(r"\s+point((?:\s+[a-z\d]+)+?)(?=(?:\s+" + _WORD_SCALE + r")*$)")
_LEAD_RE = re.compile(r"^(" + _alt(SCALE_FRACTIONS) + r"|an?)\s+")
_WORD_SCALE_SET = frozenset(WORD_SCALES)


def _words_value(words: str) -> float | None:
    """A number in words (digits may stand for a group: "4 hundred and 12"): text2num reads
    plain integers ("three hundred and thirty-one"); our own sum of groups reads the rest ("a
    hundred thousand", "thirty-two trillion", "six billion and a quarter", "half a dozen",
    "nought point nought four")."""
    if not words:
        return None
    factor = 1.0
    lead = _LEAD_RE.match(words)
    if lead:
        factor = SCALE_FRACTIONS.get(lead.group(1), 1.0)
        words = "one " + words[lead.end() :]
    fraction = 0.0
    m = _FRACTION_TAIL.search(words) or _POINT_TAIL.search(words)
    if m:
        if m.re is _FRACTION_TAIL:
            fraction = WORD_FRACTIONS[m.group(1)]
        else:
            digits = [_DECIMAL_DIGITS.get(w, w) for w in m.group(1).split()]
            if not all(d.isdigit() for d in digits):
                return None
            fraction = float("0." + "".join(digits))
        words = words[: m.start()] + " " + _FRACTION_MARK + words[m.end() :]
    value = _groups_value(words.split(), fraction)
    return None if value is None else value * factor


_FRACTION_MARK = "<fraction>"
_DECIMAL_DIGITS = {
    **{w: "0" for w in ZERO_WORDS},
    **{w: str(v) for w, v in UNITS.items() if v <= 9},
}


def _groups_value(tokens: list[str], fraction: float) -> float | None:
    """The value of number tokens: groups below a thousand closed by scale words; the fraction
    (at ``_FRACTION_MARK``) joins the group before it ("two and a half million" → 2.5e6) or,
    after a closed group, the last scale ("six billion and a quarter" → 6.25e9)."""
    if not tokens or tokens[0] in ("and", _FRACTION_MARK) or tokens[0] in _WORD_SCALE_SET:
        return None
    if not fraction and not any(t[0].isdigit() for t in tokens) and set(tokens) <= _T2N:
        integer = words_to_int(" ".join(tokens))
        if integer is not None:
            return float(integer)
    total, group, last_scale = 0.0, 0.0, None
    for tok in tokens:
        for t in tok.split("-") if not tok[0].isdigit() else (tok,):
            if t == "and" or not t:
                continue
            if t == _FRACTION_MARK:
                if group == 0 and last_scale is not None:  # "six billion and a quarter"
                    total += fraction * last_scale
                else:
                    group += fraction
            elif t[0].isdigit() or t in UNITS or t in TENS or t in ZERO_WORDS:
                v = _digits_value(t) if t[0].isdigit() else UNITS.get(t, TENS.get(t, 0))
                rest = group % 100
                if v is None or not (rest == 0 or (1 <= v <= 9 and rest >= 20 and rest % 10 == 0)):
                    return None  # "one two", "twenty thirty"
                group += v
            elif t in _WORD_SCALE_SET or t.rstrip("s") in _WORD_SCALE_SET:
                scale = SCALES[t if t in SCALES else t.rstrip("s")]
                if scale == 100 and group >= 100:
                    return None  # "two hundred three hundred"
                if scale < 1000:  # "fifteen hundred", "four dozen": multiply the group
                    group = (group or 1.0) * scale
                    continue
                if last_scale is not None and scale >= last_scale:
                    return None  # "two hundred thousand and three hundred thousand"
                total += (group or 1.0) * scale
                group, last_scale = 0.0, scale
            elif t in NUMBER_NOUNS:
                group += NUMBER_NOUNS[t]
            else:
                return None
    return total + group


_T2N = frozenset(
    [*UNITS, *TENS, "hundred", "thousand", "million", "billion", "and"]
    + [f"{t}-{u}" for t in TENS for u, v in UNITS.items() if 1 <= v <= 9]
)
