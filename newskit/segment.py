"""Sentences and tokens with offsets into ``Article.raw``.

Sentences never cross a removed (boilerplate) span or a paragraph break. A line that starts with
a bullet marker is its own block (the marker is not part of the sentence); a short line with no
sentence-final punctuation is a heading. Inside a block, a boundary is a ``.``, ``!`` or ``?``
(with any closing quotes or brackets, which stay with the sentence) followed by space and a
capital letter, digit or opening quote, unless the word before the period is a known
abbreviation (``newskit.resources.abbreviations``). A hard-wrapped line whose next line starts in
lower case is joined to it.

Tokens keep abbreviations (``U.S.``, ``Sept.``), hyphenated words (``one-third``, ``90-day``,
``U.S.-China``, ``tit-for-tat``), contractions and possessives (``there’s``, ``Bessent’s``) whole.
``norm`` is the lower-cased token with curly apostrophes and Unicode hyphens made plain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from newskit.clean import match_view
from newskit.records import Article
from newskit.resources.abbreviations import (
    ABBREVIATIONS,
    BULLETS,
    CLOSERS,
    OPENERS,
    SENTENCE_STARTERS,
    TERMINAL_ABBREVIATIONS,
)

SENTENCE_COLUMNS = ["article_id", "sent_id", "start", "end", "text", "is_heading"]
TOKEN_COLUMNS = ["article_id", "sent_id", "tok_id", "start", "end", "text", "norm", "is_word"]

MAX_HEADING_WORDS = 15
_FINAL = ".!?…:;" + CLOSERS

_BOUNDARY = re.compile(
    r"[.!?…]+[" + re.escape(CLOSERS) + r"]*(?=\s+[" + re.escape(OPENERS) + r"]?[^\W_])"
)
_WORD_BEFORE = re.compile(r"[\w.’'-]+$")
_SPACE = re.compile(r"\s+")

_ABBREV_ALT = "|".join(sorted((re.escape(a) for a in ABBREVIATIONS), key=len, reverse=True))
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}(?:[-‐‑][\w]+(?:[-‐‑]\w+)*)?"  # U.S., U.K., U.S.-China, e.g.
    r"|(?i:\b(?:" + _ABBREV_ALT + r")\.)(?!\w)"  # Sept., Dr., Jan.
    r"|\d+(?:[.,:/]\d+)*(?:%|(?:[-‐‑–]\w+)+)?"  # 50%, 2,000, 3.5, 90-day, 12-18
    r"|\w+(?:['’]\w+)*(?:[-‐‑]\w+(?:['’]\w+)*)*"  # tit-for-tat, there’s, de-risk
    r"|([^\w\s])\1*"  # punctuation; runs of one mark kept together (--, ...)
)
_NORM_TABLE = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})


class Sentence(NamedTuple):
    """A sentence span in raw offsets."""

    start: int
    end: int
    is_heading: bool


def sentence_spans(article: Article) -> tuple[Sentence, ...]:
    """The sentences of one article as ``(start, end, is_heading)`` in raw offsets."""
    return _sentence_spans(article.raw, article.kept)


@lru_cache(maxsize=16384)
def _sentence_spans(raw: str, kept: tuple[tuple[int, int], ...]) -> tuple[Sentence, ...]:
    view = match_view(raw)
    out: list[Sentence] = []
    for piece_start, piece_end in kept:
        for b_start, b_end, bullet in _blocks(view, piece_start, piece_end):
            text = view[b_start:b_end]
            spans = _split_block(text)
            heading = (
                not bullet
                and len(spans) == 1
                and text[-1] not in _FINAL
                and len(text.split()) <= MAX_HEADING_WORDS
            )
            for s, e in spans:
                out.append(Sentence(b_start + s, b_start + e, heading))
    return tuple(out)


def _blocks(view: str, start: int, end: int) -> Iterable[tuple[int, int, bool]]:
    """Paragraph blocks inside ``view[start:end]``: ``(start, end, is_bullet)``, stripped."""
    lines: list[list[int]] = []  # [start, end, is_bullet] of stripped non-empty lines
    pos = start
    while pos < end:
        nl = view.find("\n", pos, end)
        line_end = end if nl == -1 else nl
        s, e = pos, line_end
        while s < e and view[s].isspace():
            s += 1
        while e > s and view[e - 1].isspace():
            e -= 1
        if e > s:
            bullet = view.startswith(BULLETS, s)
            if bullet:
                s += 2
                while s < e and view[s].isspace():
                    s += 1
            joined = (
                lines
                and not bullet
                and pos == lines[-1][3]  # no blank line in between
                and (view[s].islower() or view[lines[-1][1] - 1] in ",;-‐‑")
            )
            if joined:
                lines[-1][1] = e
                lines[-1][3] = line_end + 1
            elif e > s:
                lines.append([s, e, bullet, line_end + 1])
        pos = line_end + 1
    for s, e, bullet, _ in lines:
        yield s, e, bool(bullet)


def _split_block(text: str) -> list[tuple[int, int]]:
    """Sentence spans inside one block of text (offsets relative to the block)."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if not _starts_sentence(text, m.end()):
            continue
        single_period = m.group()[0] == "." and len(m.group().rstrip(CLOSERS)) == 1
        if single_period and not _period_ends_sentence(text, m.start(), m.end()):
            continue
        spans.append((start, m.end()))
        nxt = _SPACE.match(text, m.end())
        start = nxt.end() if nxt else m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _starts_sentence(text: str, pos: int) -> bool:
    """True if the text after ``pos`` (past spaces and one opening quote) starts in upper case
    or with a digit."""
    nxt = text[pos:].lstrip()[:2]
    if nxt[:1] in OPENERS:
        nxt = nxt[1:]
    return bool(nxt) and (nxt[0].isupper() or nxt[0].isdigit())


def _period_ends_sentence(text: str, dot: int, after: int) -> bool:
    """Decide whether the single period at ``dot`` ends a sentence."""
    before = _WORD_BEFORE.search(text, 0, dot)
    word = before.group().lstrip(".’'-") if before else ""
    low = word.lower()
    nxt = text[after:].lstrip()
    nxt_word = re.match(r"[" + re.escape(OPENERS) + r"]?(\w+)", nxt)
    opener = nxt[:1] in OPENERS
    starter = bool(nxt_word) and nxt_word.group(1).lower() in SENTENCE_STARTERS
    if not word:
        return True
    if len(word) == 1 and word.isupper():  # an initial: J. Mansour
        return starter and nxt_word is not None and len(nxt_word.group(1)) > 1
    if low in TERMINAL_ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", low):
        return starter or opener
    return low not in ABBREVIATIONS


def sentences(corpus: Iterable[Article]) -> pd.DataFrame:
    """One row per sentence: ``article_id, sent_id, start, end, text, is_heading``.

    ``start``/``end`` are offsets into ``article.raw`` and ``text == raw[start:end]``;
    ``sent_id`` counts from 0 within each article.
    """
    rows = [
        (a.id, i, s.start, s.end, a.raw[s.start : s.end], s.is_heading)
        for a in corpus
        for i, s in enumerate(sentence_spans(a))
    ]
    return _frame(rows, SENTENCE_COLUMNS)


def tokens(corpus: Iterable[Article]) -> pd.DataFrame:
    """One row per token: ``article_id, sent_id, tok_id, start, end, text, norm, is_word``.

    Offsets are into ``article.raw``; ``tok_id`` counts from 0 within each article; ``is_word``
    is True for tokens with a letter or digit; ``norm`` is lower case with plain apostrophes
    and hyphens.
    """
    cols: dict[str, list] = {c: [] for c in TOKEN_COLUMNS}
    for a in corpus:
        toks = article_tokens(a)
        n = len(toks)
        cols["article_id"].extend([a.id] * n)
        for i, name in enumerate(TOKEN_COLUMNS[1:]):
            cols[name].extend(t[i] for t in toks)
    return _frame_cols(cols, TOKEN_COLUMNS)


class Token(NamedTuple):
    """A token in raw offsets, with its sentence index."""

    sent_id: int
    tok_id: int
    start: int
    end: int
    text: str
    norm: str
    is_word: bool


def article_tokens(article: Article) -> tuple[Token, ...]:
    """The tokens of one article, sentence by sentence, in raw offsets."""
    return _article_tokens(article.raw, article.kept)


@lru_cache(maxsize=4096)
def _article_tokens(raw: str, kept: tuple[tuple[int, int], ...]) -> tuple[Token, ...]:
    out: list[Token] = []
    k = 0
    for sid, sent in enumerate(_sentence_spans(raw, kept)):
        for m in _TOKEN.finditer(raw, sent.start, sent.end):
            t = m.group()
            out.append(
                Token(sid, k, m.start(), m.end(), t, t.lower().translate(_NORM_TABLE), m[1] is None)
            )
            k += 1
    return tuple(out)


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns)
    return _types(df)


def _frame_cols(cols: dict[str, list], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(cols, columns=columns)
    return _types(df)


def _types(df: pd.DataFrame) -> pd.DataFrame:
    for c in ("sent_id", "tok_id", "start", "end"):
        if c in df:
            df[c] = df[c].astype("int64")
    for c in ("is_heading", "is_word"):
        if c in df:
            df[c] = df[c].astype(bool)
    return df
