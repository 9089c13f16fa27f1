"""What ``yake-rust`` must be given to score a text exactly as the ``yake`` package does.

``yake-rust`` (a Rust port of YAKE) computes the same features and scores as ``yake`` on the
same words, but reads a few words differently. ``prepare(text, stopwords)`` rewrites only those
words, and the stopword list of one text, so that both give every candidate the same score
(``tests/test_yake_backends.py`` checks it on the seeds, on generated articles and on the
real-news calibration sets). It returns ``None`` for a text it cannot make equal (the caller
then runs ``yake``); on real news that is about one article in a hundred.

What differs, and what is done about it (a *discarded* word is one YAKE tags ``d`` or ``u``:
a number, or a word mixing digits and letters or holding several punctuation marks; it never
starts, ends or joins a keyword):

- ``yake`` discards a word with two punctuation marks of one kind (``face-to-face``,
  ``U.S.``, ``p.m.``, ``45-7-2``); ``yake-rust`` only one with two *different* marks. The first
  mark is replaced by another (``face,to-face``), which keeps the word one token, its length
  and the sentence splitter's decisions. A word segtok treats as a known abbreviation
  (``U.S.``, ``e.g.``) before a sentence break instead ends in ``0`` (``U.S0``): the splitter
  joins there anyway, and a ``0`` cannot change that. A word ending a sentence loses its final
  dot in both; the keyword it may then head is mapped back (``keymap``).
- ``yake`` decides once per word whether it is a stopword, from the form it meets first
  (``changes`` is a stopword, ``change`` is not: a text that says ``changes`` first treats both
  as stopwords); ``yake-rust`` decides per form. The text's stopword list is adjusted.
- ``yake-rust`` reads ``inf``, ``nan`` and ``infinity`` as numbers, counts only ASCII digits
  as digits, and tags as an acronym only a word of capital letters alone (``yake`` also
  ``AL-QAEDA``); ``yake`` unescapes HTML entities. Texts with such words go to ``yake``.
"""

from __future__ import annotations

import html
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache

from segtok.segmenter import (
    ABBREVIATIONS,
    BEFORE_LOWER,
    CONTINUATIONS,
    ENDS_IN_DATE_DIGITS,
    HYPHENS,
    LONE_WORD,
    LOWER_WORD,
    MAY_CROSS_ONE_LINE,
    MIDDLE_INITIAL_END,
    MONTH,
    SENTENCE_TERMINALS,
    UPPER_CASE_END,
    UPPER_CASE_START,
    UPPER_WORD_START,
    _is_open,
    split_multi,
)
from segtok.tokenizer import IS_CONTRACTION, web_tokenizer, word_tokenizer

_PUNCT = frozenset(string.punctuation)  # YAKE's punctuation in both implementations
_P = re.escape(string.punctuation)
# A mark, a word character, then another mark: where a token may hold two marks.
# Two marks, each after a letter or digit: where a segtok token can hold two (its marks are
# dots, commas, colons, hyphens and apostrophes, each after a letter or digit).
_TWO_MARKS = re.compile(r"[-'.,:](?<=[^\W_][-'.,:])[^\W_]+[-'.,:]")
_AT = re.compile(r"://|@")
_CHUNK_END = re.compile(r"\S*")
_TOKEN = word_tokenizer.split.__self__  # segtok's own token pattern, as yake applies it
_WEB = web_tokenizer.split.__self__  # addresses and e-mail addresses, one token to segtok
_T = re.escape(SENTENCE_TERMINALS)
_Q = "['\"\u2019\u201d]?[)\\]]*"  # what may close a sentence after its terminal
# Sentence breaks yake-rust draws otherwise: one right after another (". . ."), and before a
# lone lower-case word after "!" or "?" (which segtok keeps a sentence of its own).
_SPLITS_DIFFER = re.compile(
    rf"[{_T}]{_Q}\s+[{_T}]{_Q}(?:\s|$)"
    rf"|[!?\u203c\u203d\u2047-\u2049\uff01\uff1f]{_Q}\s+"
    rf"[a-z]+[a-z0-9{re.escape(HYPHENS)}]*(?:[{_T}]{_Q}(?:\s|$)|\s*$)"
)
_NON_WORD = re.compile(r"\W")
_HEAD = re.compile(r"[^\W\d_]*")
_TAIL = re.compile(r"[^\W_]*\.?$")
# segtok's rules on the start of the text after a break and the end of the text before one
_START_RULES = (LONE_WORD, MONTH, UPPER_WORD_START, LOWER_WORD, CONTINUATIONS, UPPER_CASE_START)
_END_RULES = (ABBREVIATIONS, ENDS_IN_DATE_DIGITS, MIDDLE_INITIAL_END)
_LAST = re.compile(r"(['\"\u2019\u201d]?[)\]]*)\s*")  # closing the last sentence
# where a word stands alone after a break (segtok treats a one-word sentence apart)
_OPENERS = SENTENCE_TERMINALS + "'\"\u2019\u201d)]"
_LAST_LETTERS = re.compile(r"[^\W\d_]+$")
# The last letters of every abbreviation segtok knows (segmenter.ABBREVIATIONS), lower case.
ABBREVIATION_ENDS = frozenset(
    {
        "abr", "approx", "apr", "aug", "capt", "cf", "col", "dec", "dez", "dic", "dr", "eg",
        "ene", "fe", "feb", "fig", "figs", "gen", "ie", "iv", "jan", "jul", "jun", "jän", "mag",
        "mar", "may", "med", "mr", "mrs", "mt", "mär", "nat", "no", "nov", "nr", "oct", "okt",
        "phil", "prof", "rer", "sci", "sep", "sept", "sgt", "sr", "sra", "srta", "st", "univ",
        "vol", "vs",
    }
)  # fmt: skip
_CAPS_COLON = re.compile(r":(?<=[A-Z]:)(?=[A-Z])")
# A sentence break right after a final dot: closing quote, brackets, then a space.
_BREAK = re.compile(r"['\"\u2019\u201d]?[)\]]*\s")
# inf, infinity, nan as whole words (searched for in lower case, word first)
_FLOAT_WORD = re.compile(
    r"(?:infinity(?<![\w'.,:-]infinity)|inf(?<![\w'.,:-]inf)|nan(?<![\w'.,:-]nan))"
    r"(?=(?:'(?:s|d|ll|m|re|ve)|n't)\b|(?![\w])(?![-'.,:][\w]))"
)
_WORD_END = re.compile(r"[\w'.,:-]*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# Words of capitals holding a mark (AL-QAEDA, O'NEILL, CNN.): an acronym only for yake.
_CAPS = re.compile(
    r"[A-ZÀ-ÖØ-Þ](?<![\w'.,:-][A-ZÀ-ÖØ-Þ])[A-ZÀ-ÖØ-Þ]*(?:(?:['.,-][A-ZÀ-ÖØ-Þ]+)+\.?|\.)"
    r"(?![\w]|['.,:-]\w)"
)
_LONE_WORD = re.compile(rf"[a-z]+[a-z0-9{re.escape(HYPHENS)}]*")


@dataclass(frozen=True)
class Prepared:
    """A text ready for ``yake-rust``: ``text``, the stopwords to ``add`` and ``drop`` for it,
    and ``keymap`` (rewritten word → original, both lower case) to undo in its keys."""

    text: str
    add: frozenset[str] = frozenset()
    drop: frozenset[str] = frozenset()
    keymap: dict[str, str] = field(default_factory=dict)


def yake_text(text: str) -> str:
    """The text as ``yake`` sees it before splitting sentences (newlines and tabs as spaces,
    one leading space); ``yake-rust`` is given the same."""
    return " " + text.replace("\n", " ").replace("\t", " ")


def prepare(text: str, stopwords: frozenset[str]) -> Prepared | None:
    """``text`` (from ``yake_text``) rewritten for ``yake-rust``, or ``None`` when it holds a
    word the two read differently and no rewriting makes them agree (see the module doc)."""
    lowered = text.lower()
    edits: dict[int, str] = {}  # position → what replaces the text there (as long)
    keymap: dict[str, str] = {}
    if ("inf" in lowered or "nan" in lowered) and not _float_words(text, lowered, edits, keymap):
        return None
    if not text.isascii():
        runs = _NON_ASCII.findall(text)
        if any(c.isdigit() for run in runs for c in run) or _other_caps_mark(text):
            return None
    if "&" in text and html.unescape(text) != text:
        return None
    if _SPLITS_DIFFER.search(text):
        return None
    ends = _SentenceEnds(text)
    addresses: list[tuple[int, int]] = []
    if ("://" in text or "@" in text) and not _addresses(text, edits, addresses):
        return None
    for m in _CAPS_COLON.finditer(text):  # yake-rust keeps NASDAQ:TSLA one word
        edits[m.start()] = "/"
    add: set[str] = set()
    done = 0
    for two in _TWO_MARKS.finditer(text):
        if two.start() < done:
            continue
        base = _chunk_start(text, two.start(), done)
        done = _CHUNK_END.match(text, two.start()).end()
        for start, end in _tokens(text, base, done, addresses):
            tok = text[start:end]
            if all(c in _PUNCT for c in tok):
                continue
            # A word ending in a dot is read with it inside its sentence, without it at the end.
            differs = _differs(tok)
            abbreviation = False
            if tok.endswith(".") and len(tok) > 1:
                differs_last = _differs(tok[:-1])
                if differs is None and differs_last is None:
                    continue
                abbreviation = _abbreviation_before_break(text, tok, start, end)
                if not abbreviation and ends.drops_dot(tok, end):
                    differs = differs_last
            if differs is None:
                continue
            if differs == "rust":
                return None
            if abbreviation:
                if _merges_spans(text, end):
                    return None
                edits[end - 1] = "0"
                new = (tok[:-1] + "0").lower()
                if yake_stopword(tok.lower(), stopwords) and not yake_stopword(new, stopwords):
                    add.add(new)
                continue
            if _may_be_lone_word(text, tok, start, end):
                return None
            i = start + next(i for i, c in enumerate(tok) if c in _PUNCT)
            edits[i] = "," if text[i] != "," else "-"
    if not _acronyms(text, lowered, edits, ends, stopwords, keymap):
        return None
    add_pairs, drop = _first_forms(lowered, stopwords)
    return Prepared(_apply(text, edits), frozenset(add | add_pairs), frozenset(drop), keymap)


def _other_caps_mark(text: str) -> bool:
    """A capital beyond Latin-1 before a mark (an acronym such as НАТО. that ``_CAPS`` does
    not cover); looked for in the runs of non-ASCII characters only (a regex class of every
    such capital made each search a millisecond)."""
    for m in _NON_ASCII.finditer(text):
        for i, c in enumerate(m.group(), m.start()):
            if ord(c) >= 0x100 and c.isupper() and text[i + 1 : i + 2] in ("-", "'", ".", ","):
                return True
    return False


def _apply(text: str, edits: dict[int, str]) -> str:
    """``text`` with every edit made (an edit inside an earlier one is dropped)."""
    out, pos = [], 0
    for i in sorted(edits):
        if i >= pos:
            out += (text[pos:i], edits[i])
            pos = i + len(edits[i])
    out.append(text[pos:])
    return "".join(out)


def _tokens(
    text: str, start: int, end: int, addresses: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """segtok's word tokens of ``text[start:end]`` (no spaces inside) as ``(start, end)``,
    outside the web and e-mail addresses (which segtok keeps whole)."""
    pieces = [(start, end)]
    for a, b in addresses:
        if a < end and b > start:
            pieces = [p for s, e in pieces for p in ((s, min(e, a)), (max(s, b), e)) if p[0] < p[1]]
    return [(s + t.start(), s + t.end()) for s, e in pieces for t in _TOKEN.finditer(text[s:e])]


def _addresses(text: str, edits: dict[int, str], spans: list[tuple[int, int]]) -> bool:
    """Rewrite web and e-mail addresses (one discarded token to segtok, split by
    ``yake-rust``) into one word of the same length that ``yake-rust`` discards: the
    address's leading letters, ``-0Q``, its number among the text's addresses, zeros, ``-``
    and its trailing letters and digits (``tips@the-sun.co.uk`` → ``tips-0Q1000000-uk``),
    which keeps segtok's sentence breaks. Their spans go to ``spans``; ``False`` where that
    cannot be done."""
    numbers: dict[str, int] = {}
    done = 0
    for at in _AT.finditer(text):  # addresses hold no space: look in the words around
        if at.start() < done:
            continue
        base = _chunk_start(text, at.start(), done)
        done = _CHUNK_END.match(text, at.start()).end()
        for m in _WEB.finditer(text, base, done):
            address = m.group(0)
            head = _HEAD.match(address).group(0)
            tail = _TAIL.search(address).group(0)
            number = numbers.setdefault(address.lower(), len(numbers))
            # a mark after the head and before the tail stays a mark, a word character one
            middle = ("-" if _NON_WORD.match(address, len(head)) else "") + f"0Q{number}"
            sep = "-" if tail and _NON_WORD.match(address, len(address) - len(tail) - 1) else ""
            pad = len(address) - len(head) - len(middle) - len(sep) - len(tail)
            if not head or pad < 1:
                return False
            new = head + middle + "0" * pad + sep + tail
            if not _same_breaks(address, new):
                return False
            edits[m.start()] = new
            spans.append((m.start(), m.end()))
    return True


def _chunk_start(text: str, pos: int, floor: int) -> int:
    """Where the run of non-space characters holding ``pos`` starts (not before ``floor``)."""
    while pos > floor and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _same_breaks(old: str, new: str) -> bool:
    """Whether segtok's sentence-break rules read a word the same at a sentence's start and
    end in both spellings."""
    for pattern in _START_RULES:
        if (pattern.match(old) is None) != (pattern.match(new) is None):
            return False
    for pattern in _END_RULES:
        if (pattern.search(old) is None) != (pattern.search(new) is None):
            return False
    return all(
        (pattern.search(old + ". ") is None) == (pattern.search(new + ". ") is None)
        for pattern in (BEFORE_LOWER, UPPER_CASE_END)
    )


class _SentenceEnds:
    """Where segtok (as ``yake`` calls it) ends sentences in a text, computed when first
    asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends: set[int] | None = None

    def drops_dot(self, tok: str, end: int) -> bool:
        """Whether ``tok`` (ending at ``end``) ends its sentence, so that segtok splits its
        final dot off: at the end of the text, or before a sentence break that segtok does
        not join (with at most two closing quotes or brackets between)."""
        if not tok.endswith(".") or len(tok) < 2:
            return False
        text = self.text
        m = _BREAK.match(text, end)
        if m is None:
            last = _LAST.fullmatch(text, end)
            return last is not None and len(last.group(1)) <= 2
        closing = m.end() - 1 - end
        if closing > 2:
            return False
        joined = _joined_here(text, end - len(tok), end, m.end())
        if joined is not None:
            return not joined
        if self._ends is None:
            self._ends = set()
            pos = 0
            for sentence in split_multi(text):
                pos = text.index(sentence, pos) + len(sentence)
                self._ends.add(pos)
        return end + closing in self._ends


def _joined_here(text: str, start: int, end: int, after: int) -> bool | None:
    """Whether segtok joins the sentences at the break after a word ending in a dot
    (``text[start:end]``; the next sentence starts at ``after``), where the words around
    tell: after an abbreviation, a date's day before a month, a middle initial before a
    name, an initial before a lower-case word or a continuation (``and``, ``of``). It joins
    nowhere else but inside brackets, after a one-word sentence and before a one-word one.
    ``None``: segtok must be asked."""
    before = text[max(0, start - 24) : end - 1]
    nxt = text[after : after + 64]  # segtok's rules on the next sentence anchor at its start
    if (
        _abbreviation(before)
        or (ENDS_IN_DATE_DIGITS.search(before) and MONTH.match(nxt))
        or (MIDDLE_INITIAL_END.search(before) and UPPER_WORD_START.match(nxt))
        or CONTINUATIONS.match(nxt)
        or (BEFORE_LOWER.match(text[max(0, start - 24) : after]) and LOWER_WORD.match(nxt))
    ):
        return True
    if (
        nxt[:1].islower()
        or text[:start].rstrip()[-1:] in _OPENERS
        or _is_open(text[max(0, start - 400) : start])
        or _is_open(text[max(0, start - 400) : start], "[]")
    ):
        return None
    return False


def _acronyms(
    text: str,
    lowered: str,
    edits: dict[int, str],
    ends: _SentenceEnds,
    stopwords: frozenset[str],
    keymap: dict[str, str],
) -> bool:
    """Rewrite words of capitals holding one mark (``AL-QAEDA``, ``CNN.`` within a sentence),
    an acronym to ``yake`` but not to ``yake-rust``, into letters alone (``ALQQAEDA``,
    ``CNNQ``, every case of the word alike), noting in ``keymap`` how to map them back;
    ``False`` where that cannot be done."""

    def differs(form: str) -> bool:
        return (
            any(c in _PUNCT for c in form)
            and not yake_discards(form)
            and not yake_stopword(form.lower(), stopwords)
        )

    for m in _CAPS.finditer(text):
        tok = m.group(0)
        if not differs(tok) and not (tok.endswith(".") and differs(tok[:-1])):
            continue
        form = tok[:-1] if ends.drops_dot(tok, m.end()) else tok
        if not differs(form):
            continue
        lower = form.lower()
        if lower in keymap.values():
            continue
        new = "".join("q" if c in _PUNCT else c for c in lower)
        if not form[0].isalpha() or new in lowered or yake_stopword(new, stopwords):
            return False
        pattern = re.compile(
            rf"(?<![\w'.,:-]){re.escape(lower)}"
            rf"(?=(?-i:'(?:s|d|ll|m|re|ve)|n't)\b|(?![\w])(?![-'.,:][\w]))",
            re.I,
        )
        for occ in pattern.finditer(text):
            word, end = occ.group(0), occ.end()
            if IS_CONTRACTION.match(word):  # "China's": segtok splits it, unlike "CHINA'S"
                continue
            if word.endswith("."):
                if ends.drops_dot(word, end):  # the last word of its sentence: "cnn"
                    continue
                if _merges_spans(text, end):
                    return False
            elif text.startswith(".", end) and not ends.drops_dot(word + ".", end + 1):
                continue  # "AL-QAEDA." within a sentence: a word of two marks to both
            for i, c in enumerate(word, occ.start()):
                if c in _PUNCT:
                    edits[i] = "Q" if word.isupper() else "q"
        keymap[new] = lower
    return True


def _float_words(text: str, lowered: str, edits: dict[int, str], keymap: dict[str, str]) -> bool:
    """Rewrite ``inf``, ``nan`` and ``infinity`` (numbers to Rust, words to ``yake``) with a
    last letter ``q`` (``Infinitq``), noting in ``keymap`` how to map them back; ``False``
    where that cannot be done."""
    for m in _FLOAT_WORD.finditer(lowered):
        word = text[m.start() : m.end()]
        if text.startswith("'", m.end()):  # a contraction segtok splits off, or one word?
            whole = text[m.start() : _WORD_END.match(text, m.end()).end()]
            if not IS_CONTRACTION.match(whole):
                continue
        new = word[:-1] + ("Q" if word[-1].isupper() else "q")
        if new.lower() in lowered or not _same_breaks(word, new):
            return False
        edits[m.end() - 1] = new[-1]
        keymap[new.lower()] = word.lower()
        keymap[new.lower() + "."] = word.lower() + "."
    return True


def _merges_spans(text: str, end: int) -> bool:
    """Whether removing the sentence break after position ``end`` could change segtok's
    decisions further on: the text up to the next break is one character or a number, which
    segtok reads as the end of an abbreviation."""
    m = _BREAK.match(text, end)
    if m is None:
        return False
    nxt = MAY_CROSS_ONE_LINE.search(text, m.end())
    span = text[m.end() : nxt.start() if nxt else len(text)].strip()
    return len(span) == 1 or span.isdigit()


def _differs(word: str) -> str | None:
    """Which of the two alone discards ``word`` (``"yake"`` or ``"rust"``), or ``None``."""
    y, r = yake_discards(word), rust_discards(word)
    return None if y == r else ("yake" if y else "rust")


def yake_discards(word: str) -> bool:
    """Whether ``yake`` tags ``word`` ``d`` (a number) or ``u`` (digits and letters mixed, no
    letter or digit at all, or more than one punctuation mark)."""
    bare = word.replace(",", "")
    if bare.isdigit() or bare.replace(".", "", 1).isdigit():
        return True
    digits = letters = marks = 0
    for c in word:
        digits += c.isdigit()
        letters += c.isalpha()
        marks += c in _PUNCT
    return (digits > 0 and letters > 0) or (digits == 0 and letters == 0) or marks > 1


def rust_discards(word: str) -> bool:
    """Whether ``yake-rust`` tags ``word`` ``d`` (Rust parses it as a number) or ``u`` (marks
    of two kinds, ASCII digits and letters mixed, or neither)."""
    if _rust_number(word.replace(",", "")):
        return True
    if len({c for c in word if c in _PUNCT}) > 1:
        return True
    digits = sum("0" <= c <= "9" for c in word)
    letters = sum(c.isalpha() for c in word)
    return (letters > 0 and digits > 0) or (letters == 0 and digits == 0)


def yake_stopword(lower: str, stopwords: frozenset[str]) -> bool:
    """Whether a lower-case word (met first in this form) is a stopword to ``yake``: listed,
    listed without a final ``s``, or under three letters and digits."""
    single = lower[:-1] if lower.endswith("s") and len(lower) > 3 else lower
    return lower in stopwords or single in stopwords or sum(c not in _PUNCT for c in single) < 3


# What Rust's f64 parser accepts (digits are ASCII only).
_RUST_FLOAT = re.compile(
    r"[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?|inf|infinity|nan)", re.I
)


def _rust_number(bare: str) -> bool:
    return _RUST_FLOAT.fullmatch(bare) is not None


def _abbreviation_before_break(text: str, tok: str, start: int, end: int) -> bool:
    """A word ending in a dot that segtok joins to the next sentence as an abbreviation."""
    return (
        tok.endswith(".")
        and end < len(text)
        and _BREAK.match(text, end) is not None
        and _abbreviation(text[max(0, start - 24) : end - 1])
    )


def _abbreviation(before: str) -> bool:
    """``segtok``'s abbreviation rule on the text before a dot (asked only where the last
    letters could end one: a single letter or a known abbreviation; the rule is slow)."""
    run = _LAST_LETTERS.search(before)
    if run is None or (len(run.group(0)) > 1 and run.group(0).lower() not in ABBREVIATION_ENDS):
        return False
    return ABBREVIATIONS.search(before) is not None


def _may_be_lone_word(text: str, tok: str, start: int, end: int) -> bool:
    """A lower-case hyphenated word that may stand alone between two sentence ends (segtok
    joins such a one-word sentence to the one before, and a rewritten word would not be)."""
    if not _LONE_WORD.fullmatch(tok):
        return False
    after = text[end : end + 1]
    before = text[:start].rstrip()[-1:]
    return (after in SENTENCE_TERMINALS or not after) and (
        not before or before in SENTENCE_TERMINALS or before in "'\"\u2019\u201d)]"
    )


def _first_forms(lowered: str, stopwords: frozenset[str]) -> tuple[set[str], set[str]]:
    """Stopwords to add and drop so that ``yake-rust`` agrees with ``yake``'s first form: where
    a listed plural (``changes``) and its unlisted singular (``change``) both occur, both are
    stopwords if the plural comes first and neither if the singular does."""
    add: set[str] = set()
    drop: set[str] = set()
    for plural, pattern in _plural_patterns(stopwords):
        single = plural[:-1]
        if plural not in lowered or lowered.count(single) <= lowered.count(plural):
            continue
        forms = [m.group(0) for m in pattern.finditer(lowered)]
        if plural in forms and single in forms:
            (add.add(single) if forms[0] == plural else drop.add(plural))
    return add, drop


@lru_cache(maxsize=8)
def _plural_patterns(stopwords: frozenset[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Listed plurals whose singular is not listed, each with a pattern finding both as
    whole segtok tokens (a contraction may follow); the word comes first in the pattern, so
    that it is searched for as a string."""
    out = []
    for w in sorted(stopwords):
        single = w[:-1]
        if len(w) > 3 and w.endswith("s") and single not in stopwords and single.isalpha():
            word = re.escape(single)
            out.append(
                (
                    w,
                    re.compile(
                        rf"{word}(?<!\w{word})(?<!\w[-'.,:]{word})s?"
                        rf"(?=(?:'(?:s|d|ll|m|re|ve)|n't)\b|(?![\w])(?![-'.,:][\w]))"
                    ),
                )
            )
    return tuple(out)
