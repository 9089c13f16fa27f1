"""An article's narrative: its text outside quotations, its sentences and paragraphs.

``narrative(article, marks)`` returns a ``Narrative``: ``raw`` with the words inside every
quotation blanked (their final ``.,!?`` kept, offsets unchanged), so a name or a verb inside a
quotation is never read as an attribution; its units (the article's sentences, joined where a
quotation runs across a sentence end) and its paragraph starts. The small helpers below read
positions in that text (the word before an offset, where a clause starts).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newskit.corpus.records import Article
from newskit.corpus.segment import sentence_spans

_NOT_BREAK = re.compile(r"[^\r\n]")
_PARAGRAPH = re.compile(r"\n\s*")
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]+")
_STRAIGHT = re.compile('"')
_DATELINE_TAIL = re.compile(r"[\s,A-Za-z.]*\s*[—–(-]")


@dataclass(frozen=True)
class Narrative:
    """One article's text outside its quotations, with its units and paragraphs."""

    raw: str
    text: str  # raw with the words inside quotations blanked
    marks: tuple[tuple[int, int], ...]  # (open mark, close mark) of each quotation
    units: tuple[tuple[int, int], ...]  # sentences, joined where a quotation spans two
    unit_starts: tuple[int, ...]
    headings: frozenset[tuple[int, int]]  # sentences that are headlines
    heading_spans: tuple[tuple[int, int], ...]  # the same, in text order
    paras: tuple[int, ...]  # paragraph starts
    lower: frozenset[str]  # every lower-case word of raw (plain apostrophes)

    def unit_of(self, pos: int) -> tuple[int, int]:
        """The unit holding ``pos`` (``(pos, pos)`` when none does)."""
        k = bisect.bisect_right(self.unit_starts, pos) - 1
        if k < 0 or self.units[k][1] < pos:
            return pos, pos
        return self.units[k]

    def unit_before(self, start: int) -> tuple[int, int] | None:
        """The unit before the one that starts at ``start``."""
        k = bisect.bisect_left(self.unit_starts, start) - 1
        return self.units[k] if k >= 0 else None

    def para_of(self, pos: int) -> int:
        """The index of the paragraph holding ``pos``."""
        return bisect.bisect_right(self.paras, pos) - 1

    def in_heading(self, pos: int) -> bool:
        """True when ``pos`` lies in a headline unit."""
        heads = self.heading_spans
        k = bisect.bisect_right(heads, (pos, float("inf"))) - 1
        return k >= 0 and heads[k][0] <= pos < heads[k][1]


def narrative(article: Article, marks: Sequence[tuple[int, int]]) -> Narrative:
    """The ``Narrative`` of ``article`` whose quotations open and close at ``marks``."""
    raw = article.raw
    marks = tuple(marks)
    units = tuple(_units(article, marks))
    headings = frozenset((s.start, s.end) for s in sentence_spans(article) if s.is_heading)
    return Narrative(
        raw=raw,
        text=blank_quotations(raw, marks),
        marks=marks,
        units=units,
        unit_starts=tuple(s for s, _e in units),
        headings=headings,
        heading_spans=tuple(sorted(headings)),
        paras=tuple([0] + [m.end() for m in _PARAGRAPH.finditer(raw)]),
        lower=frozenset(_LOWER_WORD.findall(raw.replace("’", "'"))),
    )


def blank_quotations(raw: str, marks: Sequence[tuple[int, int]]) -> str:
    """``raw`` with the words of every quotation replaced by spaces (line breaks and the
    quotation's final ``.,!?;:`` kept), so offsets stay the same."""
    pieces, at = [], 0
    for o, c in marks:
        if o + 1 < at:
            continue
        last = c - 1
        while last > o and raw[last].isspace():
            last -= 1
        keep = raw[last] if last > o and raw[last] in ".,!?;:" else " "
        inner = _NOT_BREAK.sub(" ", raw[o + 1 : last]) + keep + " " * (c - last - 1)
        pieces += [raw[at : o + 1], inner if last > o else " " * (c - o - 1)]
        at = c
    pieces.append(raw[at:])
    return "".join(pieces)


def _units(article: Article, marks: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The article's sentences, joined where a quotation spans a sentence end (within one
    paragraph)."""
    out: list[list[int]] = []
    k = 0
    for sent in sentence_spans(article):
        s, e = sent.start, sent.end
        while k < len(marks) and marks[k][1] < s:
            k += 1  # marks[k] is the first quotation that closes at or after s
        joined = out and k < len(marks) and marks[k][0] < out[-1][1]
        if joined and "\n" not in article.raw[out[-1][1] : s]:
            out[-1][1] = e
            continue
        out.append([s, e])
    return [(s, e) for s, e in out]


def starts_clause(text: str, s: int) -> bool:
    """True when ``s`` opens a paragraph or a sentence, or follows an opening mark, a dash or a
    colon: where any word is capitalised."""
    i = s
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == 0 or text[i - 1] in '\n\r“"‘(«—–:':
        return True
    while i > 0 and text[i - 1] in '”’")»':
        i -= 1
    return i > 0 and text[i - 1] in ".!?"


def word_before(text: str, s: int) -> str:
    """The lower-case word right before ``s`` (spaces skipped), or ``""``."""
    i = s
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "’'"):
        j -= 1
    return text[j:i].lower()


def clause_start(text: str, lo: int, vs: int) -> int:
    """Where the clause holding a verb at ``vs`` starts: after a closing quotation mark, a
    ``;`` or a ``:`` before it (or ``lo``)."""
    best = lo
    for ch in "”;:»":
        i = text.rfind(ch, lo, vs)
        if i + 1 > best:
            best = i + 1
    for m in _STRAIGHT.finditer(text, lo, vs):
        # a straight mark followed by a space or comma closes a quotation
        i = m.start()
        if i + 1 < len(text) and (text[i + 1] in " ,") and i + 1 > best:
            best = i + 1
    return best


def dateline(text: str, s: int, e: int) -> bool:
    """True for a dateline ("PARIS —", "TEMPE, Ariz. —") opening a paragraph."""
    return (s == 0 or text[s - 1] == "\n") and bool(_DATELINE_TAIL.match(text[e : e + 12]))
