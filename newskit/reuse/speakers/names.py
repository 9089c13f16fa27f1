"""Names in an article's narrative: runs of capitalised words, titles left out.

``mentions(nar)`` finds every name outside the quotations: runs of capitalised words
(``Sen. Carolyn B. Maloney``, ``Kim Jong-un``, ``Abu Muhammad al-Adnani``, ``University of
Louisville``) without the function words and sentence adverbs that open them (``As Ofeibea`` →
``Ofeibea``), without times and weekdays (misspelt ones too) and with titles left out of the
name (``Japanese Prime Minister Shinzo Abe`` → ``Shinzo Abe``, title ``japanese prime
minister``). A name after a preposition or with a possessive (``the father of Aisha Zanna``,
``Bruce Steinberg's sister``) is a ``modifier`` of another noun and never a subject. Headlines
and photo credits hold no names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from newskit.resources.abbreviations import TITLE_ABBREVIATIONS
from newskit.resources.quotes import (
    NAME_PARTICLES,
    NOT_BEFORE_SPEAKERS,
    NOT_NAME_WORDS,
    ORG_WORDS,
    SPEECH_VERBS,
    TIME_NAMES,
    TITLE_WORDS,
)
from newskit.reuse.speakers.narrative import Narrative, dateline, starts_clause, word_before

_UPPER = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper())
_CAP_WORD = (
    r"(?:[" + _UPPER + r"](?:\.[" + _UPPER + r"])+\.?"  # initials: U.S., A.Q.
    r"|[" + _UPPER + r"][a-z]{0,3}\.(?=[ \t]+[" + _UPPER + r"])"  # Mr., Sen., Jr., Conn.
    r"|[" + _UPPER + r"][\w’'‐‑-]*"  # Maynard, O’Brien, Pierre-Henry
    r"|[a-z]{1,3}[" + _UPPER + r"][\w’'‐‑-]*"  # deVere, iTele, McX
    r"|(?:al|el|ad|ul|bin)[-‐‑][" + _UPPER + r"][\w’'‐‑-]*"  # al-Adnani
    r"|#\w+)"  # #Chibokgirls
)
_GLUE = "(?:" + "|".join(re.escape(p) for p in sorted(NAME_PARTICLES, key=len, reverse=True)) + ")"
_RUN = re.compile(
    r"(?<![\w’'#@])" + _CAP_WORD + r"(?:[ \t]+(?:" + _GLUE + r"[ \t]+)?" + _CAP_WORD + r")*"
)
_OF_JOIN = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?")
_INNER_POSSESSIVE = re.compile(r"[’']s(?=[ \t]+\S)")
_FINAL_POSSESSIVE = re.compile(r"(?:[’']s|(?<=s)[’'])$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_WEEKDAYS = [w for w in TIME_NAMES if w.endswith("day") and len(w) > 5]


class Mention(NamedTuple):
    """One name in the narrative."""

    start: int  # offsets of the name in raw (after any opening words left out)
    end: int
    name: str  # without titles and opening words
    title: str  # the title words left out, lower case
    modifier: bool  # after a preposition, or possessive: never a subject
    after_the: bool


def mentions(nar: Narrative) -> tuple[list[Mention], frozenset[str]]:
    """The names of the narrative in text order, and the capitalised words written inside a
    sentence (names, not sentence-opening words)."""
    text = nar.text
    merged: list[list[int]] = []
    runs = []
    for m in _RUN.finditer(text):
        s = m.start()
        if "’" in m.group() or "'" in m.group():
            for p in _INNER_POSSESSIVE.finditer(text, m.start(), m.end()):
                runs.append((s, p.end()))  # "Japan’s Ambassador": two names
                s = p.end() + 1
        if s < m.end():
            runs.append((s, m.end()))
    for s, e in runs:
        if merged:
            # "University of Louisville", "Secretary of State Rex Tillerson": one name
            ps, pe = merged[-1]
            if _OF_JOIN.fullmatch(text, pe, s):
                last = text[ps:pe].split()[-1].lower().rstrip(".")
                if (last in ORG_WORDS or last in TITLE_WORDS) and not is_time(text[s:e].split()[0]):
                    merged[-1][1] = e
                    continue
        merged.append([s, e])
    midcaps: set[str] = set()
    for s, e in merged:
        words = text[s:e].split()
        midcaps.update(words[1:] if starts_clause(text, s) else words)
    frozen = frozenset(midcaps)
    out = []
    for s, e in merged:
        if nar.in_heading(s):
            continue  # a headline: every word capitalised
        if s > 0 and text[s - 1] in "(/":
            continue  # a credit: "(Jordan Strauss/Invision/AP)"
        m = _mention(nar, s, e, frozen)
        if m is not None:
            out.append(m)
    return out, frozen


def _mention(nar: Narrative, s: int, e: int, midcaps: frozenset[str]) -> Mention | None:
    """The name in the run ``text[s:e]``, or None when it holds none."""
    text = nar.text
    words = text[s:e].split()
    at_start = starts_clause(text, s)
    after_the = False
    pos = s
    while words:
        w = words[0]
        low = norm(w)
        if low in TITLE_ABBREVIATIONS or low in TITLE_WORDS:
            break
        if low == "the":
            after_the = True
        common = at_start and pos == s and low in nar.lower and not _verb_next(text, e)
        if low in NOT_NAME_WORDS or is_time(w) or common or (w.isupper() and dateline(text, s, e)):
            pos = text.index(w, pos) + len(w)
            words.pop(0)
            continue
        break
    while words and is_time(words[-1]):
        words.pop()
    if not words:
        return None
    start = text.index(words[0], pos)
    if at_start and len(words) == 1 and not _verb_next(text, e):
        w = words[0]
        if w not in midcaps and not w.isupper():
            return None  # "Flags will fly …": a capitalised word only because it opens
    before = word_before(text, start)
    if before == "the":
        after_the = True
        i = start
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        before = word_before(text, i - 3)  # the word before "the"
    last = words[-1]
    possessive = last.endswith(("’s", "'s", "s’", "s'"))
    if possessive:
        words[-1] = _FINAL_POSSESSIVE.sub("", last)
    modifier = possessive or before in NOT_BEFORE_SPEAKERS
    title, name = split_title(words)
    if not name:
        return None
    if len(name) == 1 and (norm(name[0]) in NOT_NAME_WORDS or len(name[0]) < 2):
        return None
    if len(name[-1]) > 2 and not initials(name[-1]):
        name[-1] = name[-1].rstrip(".")
    return Mention(start, e, " ".join(name), " ".join(title).lower(), modifier, after_the)


def _verb_next(text: str, e: int) -> bool:
    nxt = _NEXT_WORD.match(text[e : e + 30])
    return bool(nxt and nxt.group(1) in SPEECH_VERBS)


@lru_cache(maxsize=1 << 16)
def is_time(word: str) -> bool:
    """True for a capitalised word that names a time (``TIME_NAMES``), or a weekday misspelt
    by a letter or two ("Wedensday")."""
    w = word.rstrip(".").removesuffix("’s").removesuffix("'s")
    if w in TIME_NAMES or (w[:1].isupper() and w.capitalize() in TIME_NAMES):
        return True
    return (
        6 <= len(w) <= 11
        and w.endswith("day")
        and w[:1].isupper()
        and any(fuzz.ratio(w, t) >= 80 for t in _WEEKDAYS)
    )


@lru_cache(maxsize=1 << 16)
def norm(word: str) -> str:
    """A word in lower case without a final period or "'s" and with plain apostrophes."""
    return word.lower().rstrip(".").replace("’", "'").removesuffix("'s")


def initials(word: str) -> bool:
    """True for initials ("A.", "U.S.")."""
    return bool(_INITIALS.fullmatch(word))


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """``(title words, name words)``: "Japanese Prime Minister Shinzo Abe" → title
    "Japanese Prime Minister", name "Shinzo Abe"; an organisation keeps its words ("Foreign
    Ministry"); a title alone is the name ("Prince")."""
    last = -1
    for i, w in enumerate(words):
        low = w.lower().rstrip(".")
        if low in TITLE_WORDS or low in TITLE_ABBREVIATIONS:
            last = i
    if last < 0 or last == len(words) - 1:
        return [], words
    rest = words[last + 1 :]
    if rest[0].lower() in ("of", "for") or any(w.lower().rstrip(".") in ORG_WORDS for w in rest):
        return [], words
    return words[: last + 1], rest
