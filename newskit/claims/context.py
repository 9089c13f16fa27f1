"""What surrounds a number: its clause and context words, hedges ("more than"), labels and clock
times that make it no claim."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from newskit.claims.grammar import _Claim
from newskit.claims.numbers import _alt
from newskit.resources.numbers import (
    CAPITALISED_LABEL_WORDS,
    CONTEXT_STOPWORDS,
    DATE_QUALIFIERS,
    GENERIC_COUNTS,
    HEDGES,
    IDIOMS,
    LABEL_WORDS,
    POST_HEDGES,
)

_CLAUSE = re.compile(r"[;:()\[\]“”\"]|,\s|\s[—–-]\s|—")
# ``_CLAUSE`` written to start with one character class (every match starts with one of its
# characters, and each alternative is told apart by that character), so that the regex engine
# skips to such a character instead of trying every alternative at every position; the same
# matches (tests/test_claims_fastpaths.py).
_CLAUSE_SCAN = re.compile(r"[;:()\[\]“”\"—,\s](?:(?<=,)\s|(?<=\s)[—–-]\s|(?<=[;:()\[\]“”\"—]))")
# The same for a text with no dash ("-", "–", "—"), where only the first two alternatives of
# ``_CLAUSE`` can match: no white space starts a match, so the engine skips the spaces too.
_CLAUSE_SCAN_NO_DASH = re.compile(r"[;:()\[\]“”\",](?:(?<=,)\s|(?<=[;:()\[\]“”\"]))")
_HEDGE_RE = re.compile(r"(?i)\b(?:(?:" + _alt(HEDGES) + r")\s+)+$")
# The last word of each hedge (every hedge ends in a letter): see ``_hedge_before``.
_HEDGE_LAST_WORDS = frozenset(h.split()[-1].lower() for h in HEDGES)
assert all(h[-1].isalpha() and h.split()[-1].isalpha() for h in HEDGES)
_POST_HEDGE_RE = re.compile(r"(?i)^\s(" + _alt(POST_HEDGES) + r")\b")
_QUAL_RE = re.compile(r"(?i)\b(" + _alt(DATE_QUALIFIERS) + r")\s+$")
_LONGEST_QUALIFIER = max(map(len, DATE_QUALIFIERS))
assert all(" " not in q for q in DATE_QUALIFIERS)
# _CLOCK_RE, _IDIOM_RE and _GENERIC_RE are used with ``pattern.match(text, pos)``: they read
# what starts at ``pos``.
_CLOCK_RE = re.compile(r"\s?(?:a\.m\.|p\.m\.|[ap]m\b|GMT|UTC|ET\b|EST|EDT|BST|CET|o['’]clock)")
# (not "one day before/after/later/earlier/ago": a day's time)
_IDIOM_RE = re.compile(
    r"(?i)(?:" + _alt(IDIOMS) + r")\b(?!\s+(?:before|after|later|earlier|ago)\b)"
)
_GENERIC_RE = re.compile(r"(?i)(?:" + _alt(GENERIC_COUNTS) + r")\b")
_LEADING_FUNCTION = re.compile(
    r"^(?:(?:of|in|on|at|to|for|from|the|a|an|and|by|with|as|than)\s+)+", re.IGNORECASE
)


def _clause_bounds(text: str) -> list[int]:
    """Where the clauses of ``text`` start (``_CLAUSE``), with 0 first and ``len(text)`` last."""
    bounds = [0]
    scan = _CLAUSE_SCAN if "-" in text or "–" in text or "—" in text else _CLAUSE_SCAN_NO_DASH
    bounds.extend([m.start() for m in scan.finditer(text)])
    bounds.append(len(text))
    return bounds


def _clause_of(bounds: list[int], start: int, end: int, n: int) -> tuple[int, int]:
    """The clause around ``start:end`` (``start < end``): the last bound at or before
    ``start``, the first at or after ``end`` (``bounds`` ascending, from 0 to ``n``)."""
    lo = bounds[bisect_right(bounds, start) - 1] if bounds and bounds[0] <= start else 0
    k = bisect_left(bounds, end)
    return lo, (bounds[k] if k < len(bounds) else n)


def _qualifier(left: str) -> re.Match[str] | None:
    """``_QUAL_RE.search(left)`` ("until " before a date), tried only near the end: a match is
    one word (``DATE_QUALIFIERS``) that ends where the trailing white space of ``left`` starts
    (``\\s`` is ``str.isspace``, what ``rstrip`` strips)."""
    end = len(left.rstrip())
    if end == len(left):
        return None
    return _QUAL_RE.search(left, max(0, end - _LONGEST_QUALIFIER))


def _context(left: str, right: str, *, date_like: bool) -> str:
    """The few words saying what a number is about: the words after it in its clause (before
    it, for dates), or the other side when that side has no content word."""
    # After the number, unless a new clause starts there ("reaching triple digits and
    # disrupting supply chains" is about the tariffs before it).
    # (the second side is read only when the first has no content)
    if not date_like and not _NEW_CLAUSE.match(right):
        candidate = _right_words(right)
        if _has_content(candidate):
            return candidate
        candidate = _left_words(left)
    else:
        candidate = _left_words(left)
        if _has_content(candidate):
            return candidate
        candidate = _right_words(right)
    return candidate if _has_content(candidate) else ""


_CONJUNCTION = re.compile(r"\s(?:and|or|but|while|whereas)\s")


def _right_words(s: str) -> str:
    conjunction = _CONJUNCTION.search(s)
    if conjunction:
        s = s[: conjunction.start()]
    s = s.strip(' ,.;:”’"“')
    lead = _LEADING_FUNCTION.match(s)  # (anchored at the start: ``sub`` would only cut it)
    if lead:
        s = s[lead.end() :]
    return " ".join(s.split(None, 7)[:7]).rstrip(" ,.;:!?”")  # the first seven words


def _left_words(s: str) -> str:
    if _CONJUNCTION.search(s):  # after the last one (most have none: no list then)
        s = _CONJUNCTION.split(s)[-1]
    words = s.strip(' ,.;:”’"“').split()
    while words and words[-1].lower() in _TRAILING_FUNCTION:
        words.pop()
    return " ".join(words[-6:]).strip(" ,.;:”“")


_NEW_CLAUSE = re.compile(r"^\s*(?:and|but|while|though|although|as|after|before|which|who)\b")
_TRAILING_FUNCTION = frozenset(
    {"on", "by", "in", "at", "from", "until", "the", "since", "through", "of", "to", "a", "an"}
    | {"about", "around", "roughly", "nearly", "now", "so", "far"}
)


def _has_content(s: str) -> bool:
    """Some word of ``s`` is a content word (``_content_word``), remembered per word."""
    memo = _CONTENT_WORDS
    for w in s.split():
        content = memo.get(w)
        if content:
            return True
        if content is None:
            content = _content_word(w)
            if len(memo) < _CONTENT_MEMO_SIZE:
                memo[w] = content
            if content:
                return True
    return False


def _content_word(w: str) -> bool:
    """A word (no white space in it) that starts with a letter and is no stopword."""
    return w.lower().strip(".,’'") not in CONTEXT_STOPWORDS and w[0].isalpha()


_CONTENT_MEMO_SIZE = 65536
_CONTENT_WORDS: dict[str, bool] = {}


def _prev_word(text: str, pos: int) -> str:
    """The run of word characters (``[\\w.$’'-]``) that ends ``text[:pos]``, past trailing
    white space; "" when there is none. Read forwards in the reversed text (``_reversed``) from
    where ``pos`` falls in it: a regex anchored at the end of ``text[:pos]`` would try every
    position of the sentence."""
    n = len(text)
    last = _LAST_REVERSED  # ``_reversed``, its memo read here
    m = _PREV_WORD_REVERSED.match(last[1] if last[0] is text else _reversed(text), n - pos)
    return text[n - m.end() : n - m.start(1)]  # type: ignore[union-attr]


# ``\s`` is ``str.isspace`` and ``\w`` is ``str.isalnum`` or "_", as the loops it replaced read.
_PREV_WORD_REVERSED = re.compile(r"\s*([\w.$’'-]*)")
_LAST_REVERSED: tuple[str, str] = ("", "")


def _reversed(text: str) -> str:
    """``text[::-1]``, remembered for the last text asked (the builders of one sentence ask
    about the same text in turn). The memo holds ``text`` itself, so a text found there by
    identity is the same text; it is replaced in one assignment (safe across threads)."""
    global _LAST_REVERSED
    last = _LAST_REVERSED
    if last[0] is not text:
        last = _LAST_REVERSED = (text, text[::-1])
    return last[1]


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


_NEXT_WORD = re.compile(r"\s*([\w’'-]+)")


def _hedge_before(text: str, start: int, width: int) -> re.Match[str] | None:
    """``_HEDGE_RE`` on the ``width`` characters before ``start``. A match ends with a hedge's
    last word, then white space to the end; so nothing is searched unless the run of letters
    before the trailing white space (inside the window) is such a word, or not ASCII (under
    ``(?i)`` "K", the Kelvin sign, matches "k")."""
    lo = max(0, start - width)
    n = len(text)
    # The white space and the word before ``start``, read forwards in the reversed text.
    last = _LAST_REVERSED  # ``_reversed``, its memo read here
    rev = last[1] if last[0] is text else _reversed(text)
    tail = _WORD_BEFORE_SPACE_REVERSED.match(rev, n - start, n - lo)
    k = n - tail.start(1)  # type: ignore[union-attr]
    if k == start:
        return None
    word = text[n - tail.end() : k]  # type: ignore[union-attr]
    if not word.isascii():  # the letters alone (a run of \w but digits may hold "½", "²")
        j = k
        while j > lo and text[j - 1].isalpha():
            j -= 1
        word = text[j:k]
    if word.isascii() and word.lower() not in _HEDGE_LAST_WORDS:
        return None
    return _HEDGE_RE.search(text[lo:start])


# White space, then a run of word characters that are no digit nor "_": ASCII letters where it
# is ASCII (``_hedge_before`` reads the others letter by letter).
_WORD_BEFORE_SPACE_REVERSED = re.compile(r"\s*([^\W\d_]*)")


def _hedge(c: _Claim, text: str) -> _Claim:
    """Fill ``hedge`` (as written) and the bound it implies ("more than 200" → low 200)."""
    m = _hedge_before(text, c.start, 40)
    end = c.end
    post = (
        _POST_HEDGE_RE.match(text[end : end + 12])
        # one white space, then "or …" or "plus" (no other letter is "o" or "p" under (?i))
        if text[end + 1 : end + 2] in _POST_HEDGE_FIRST and text[end].isspace()
        else None
    )
    if m is None and post is None:
        return c
    words, bound = [], None
    if m:
        phrase = " ".join(m.group(0).split())
        words.append(phrase)
        bound = _hedge_bound(phrase.lower())
    if post:
        words.append(post.group(1))
        bound = POST_HEDGES[post.group(1).lower()]
    if words:
        c.hedge = " ".join(words)
    if not math.isnan(c.value):
        if bound == "lower":
            c.low = c.value
        elif bound == "upper":
            c.high = c.value
    return c


_POST_HEDGE_FIRST = frozenset("oOpP")
assert all(h[0] in "op" for h in POST_HEDGES)
_HEDGES_LONGEST_FIRST = sorted(HEDGES, key=len, reverse=True)


@lru_cache(maxsize=1024)
def _hedge_bound(phrase: str) -> str:
    """The bound ``HEDGES`` gives the longest hedge that ends ``phrase`` (lower case, words
    joined by one space): "well over" → "lower"; remembered (news repeats its hedges)."""
    return next(HEDGES[h] for h in _HEDGES_LONGEST_FIRST if phrase.endswith(h))


def _is_label(text: str, start: int) -> bool:
    """A number that names something ("Section 232", "COVID-19", "[3]", "1." at line start)."""
    before = text[start - 1] if start else ""
    if before == "[" and _CITATION.match(text, start):
        return True  # "[3]" (not "[Five things to know]")
    if _LIST_NUMBER.match(text, start) and _at_line_start(text, start):
        return True
    # (a letter, a hyphen or a newline just before: the only cases the next test can be true)
    if before in _LETTER_TEST_GATE and (
        _letter_before(text, start) or (before == "\n" and _letter_before(text, start - 1))
    ):
        return True
    word = _prev_word(text, start)
    prev = word.lower()
    if prev in CAPITALISED_LABEL_WORDS:
        return word[:1].isupper()  # "Bill 134" names a bill; "passed the bill 134 to 63"
    return prev in LABEL_WORDS


_CITATION = re.compile(r"\d+\]")
_LIST_NUMBER = re.compile(r"\d+[.)](?:\s|$)")


def _at_line_start(text: str, pos: int) -> bool:
    """Only white space between the start of ``text`` or of a line and ``pos``."""
    k = pos
    while k and text[k - 1].isspace():
        if text[k - 1] == "\n":
            return True
        k -= 1
    return k == 0


def _letter_before(text: str, pos: int) -> bool:
    """An ASCII letter, perhaps with a hyphen after it, right before ``pos`` ("COVID-19")."""
    if pos and text[pos - 1] == "-":
        pos -= 1
    return pos > 0 and text[pos - 1] in _ASCII_LETTERS


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_LETTER_TEST_GATE = _ASCII_LETTERS | {"-", "\n"}


def _quantity_ok(m: re.Match[str], text: str, group: str = "n") -> bool:
    start = m.start(group)
    if _is_label(text, start):
        return False
    if _CLOCK_RE.match(text, m.end(group)):
        return False
    return not _IDIOM_RE.match(text, start)
