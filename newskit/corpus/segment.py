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

Over-long sentences: a sentence longer than ``MAX_SENTENCE_CHARS`` (1,000 characters, about 170
words; real news sentences stay well under 500) is cut into pieces of at most that length, each
ending at the last space before the bound (or at the bound if there is none), so a text without
punctuation becomes many bounded "sentences" and alignment, which compares sentences, stays
linear. Every stage here runs in time linear in the text length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa

from newskit.corpus.clean import match_view
from newskit.corpus.records import Article
from newskit.parallel import chunked, effective_jobs, map_articles
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
MAX_SENTENCE_CHARS = 1000
_FINAL = ".!?…:;" + CLOSERS

# A run of sentence-final marks and closing quotes, with the opener and word that follow it.
_BOUNDARY = re.compile(
    r"[.!?…]+[" + re.escape(CLOSERS) + r"]*(?=\s+([" + re.escape(OPENERS) + r"]?)(\w+))"
)
_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")
_WORD_BEFORE = re.compile(r"[\w.’'-]+$")
_SPACE = re.compile(r"\s+")

# A token is a word (WORD_TOKEN_BODY: every token with a word character) or punctuation. Other
# steps that read words as ``tokens`` does (the stories' terms) use WORD_TOKEN_BODY and
# NORM_PAIRS.
WORD_TOKEN_BODY = (
    r"(?:[A-Za-z]\.){2,}(?:[-‐‑]\w+)*"  # U.S., U.K., U.S.-China, e.g.
    r"|\d+(?:[.,:/]\d+)*(?:%|(?:[-‐‑–]\w+)+)?"  # 50%, 2,000, 3.5, 90-day, 12-18
    r"|\w+(?:['’]\w+)*(?:[-‐‑]\w+(?:['’]\w+)*)*"  # tit-for-tat, there’s, de-risk
)
_TOKEN_BODY = WORD_TOKEN_BODY + r"|-{2,}|\.{2,}|[^\w\s]"  # punctuation: one mark, -- or ...
# Split on tokens, keeping them: the pieces alternate space, token, space, token, … so every
# offset is a running sum of lengths, all computed in C.
_TOKEN_SPLIT = re.compile("(" + _TOKEN_BODY + ")")
# Characters a token's ``norm`` writes plainly: curly apostrophes, non-ASCII hyphens.
NORM_PAIRS = (("’", "'"), ("‘", "'"), ("‐", "-"), ("‑", "-"))


class Sentence(NamedTuple):
    """A sentence span in raw offsets."""

    start: int
    end: int
    is_heading: bool


def sentence_spans(article: Article) -> tuple[Sentence, ...]:
    """The sentences of one article as ``(start, end, is_heading)`` in raw offsets."""
    return _sentence_spans(article.raw, article.kept)


# Articles whose sentence spans are kept (``_sentence_spans``' cache).
SPAN_CACHE_SIZE = 16384
# Spans computed in worker processes, handed to ``_sentence_spans``' cache by ``sentences``.
_FROM_WORKERS: dict[tuple[str, tuple[tuple[int, int], ...]], tuple[Sentence, ...]] = {}


@lru_cache(maxsize=SPAN_CACHE_SIZE)
def _sentence_spans(raw: str, kept: tuple[tuple[int, int], ...]) -> tuple[Sentence, ...]:
    known = _FROM_WORKERS.pop((raw, kept), None)
    if known is not None:
        return known
    view = match_view(raw)
    out: list[Sentence] = []
    for piece_start, piece_end in kept:
        for b_start, b_end, bullet in _blocks(view, piece_start, piece_end):
            text = view[b_start:b_end]
            spans = _bound_spans(text, _split_block(text))
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
        opener, word = m.group(1), m.group(2)
        if not (word[0].isupper() or word[0].isdigit()):
            continue
        marks = m.group()
        single_period = marks[0] == "." and len(marks.rstrip(CLOSERS)) == 1
        if single_period and not _period_ends_sentence(text, m.start(), bool(opener), word):
            continue
        spans.append((start, m.end()))
        nxt = _SPACE.match(text, m.end())
        start = nxt.end() if nxt else m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _bound_spans(
    text: str, spans: list[tuple[int, int]], limit: int = MAX_SENTENCE_CHARS
) -> list[tuple[int, int]]:
    """Cut every span longer than ``limit`` at the last whitespace before the bound (at the bound
    itself when the piece has no whitespace in its second half); pieces are stripped."""
    if all(e - s <= limit for s, e in spans):
        return spans
    out = []
    for s, e in spans:
        while e - s > limit:
            lo, hi = s + limit // 2, s + limit + 1
            cut = max(text.rfind(c, lo, hi) for c in " \n\t\u00a0")
            if cut == -1:
                cut = s + limit
            piece_end = cut
            while piece_end > s and text[piece_end - 1].isspace():
                piece_end -= 1
            out.append((s, piece_end))
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if e > s:
            out.append((s, e))
    return out


def _period_ends_sentence(text: str, dot: int, opener: bool, next_word: str) -> bool:
    """Decide whether the single period at ``dot``, followed by ``next_word`` (after an opening
    quote if ``opener``), ends a sentence."""
    before = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    word = before.group().lstrip(".’'-") if before else ""
    if not word:
        return True
    low = word.lower()
    starter = next_word.lower() in SENTENCE_STARTERS
    if len(word) == 1 and word.isupper():  # an initial: J. Mansour
        return starter and len(next_word) > 1
    if low in TERMINAL_ABBREVIATIONS or _INITIALISM.fullmatch(low):
        return starter or opener
    return low not in ABBREVIATIONS


def sentences(
    corpus: Iterable[Article], *, n_jobs: int = 1, progress: bool | None = None
) -> pd.DataFrame:
    """One row per sentence: ``article_id, sent_id, start, end, text, is_heading``.

    ``start``/``end`` are offsets into ``article.raw`` and ``text == raw[start:end]``;
    ``sent_id`` counts from 0 within each article. ``n_jobs`` splits the articles in that many
    processes (``-1``: one per core; same result as one); ``progress`` as in
    ``newskit.parallel.map_articles``. ``article_id`` is categorical (corpus order), offsets
    int64, ``text`` Arrow-backed strings.
    """
    articles = list(corpus)
    chunks = _chunks(articles, n_jobs)
    batches = map_articles(
        _sentence_batch, chunks, n_jobs=n_jobs, desc="sentences", progress=progress, unit="chunk"
    )
    # split in worker processes (else this process's cache holds them already)
    if effective_jobs(n_jobs, len(chunks)) > 1 and len(articles) <= SPAN_CACHE_SIZE:
        _keep_spans(articles, batches)
    return _assemble(articles, batches, SENTENCE_COLUMNS)


def _keep_spans(articles: list[Article], batches: list[tuple[list[int], pa.RecordBatch]]) -> None:
    """Put the spans that worker processes computed into this process's ``_sentence_spans``
    cache, so that the analyses after ``sentences(n_jobs=...)`` (and the workers they fork)
    do not split every article again."""
    at = iter(articles)
    for counts, batch in batches:
        starts = batch.column("start").to_pylist()
        ends = batch.column("end").to_pylist()
        heads = batch.column("is_heading").to_pylist()
        lo = 0
        for c in counts:
            a = next(at)
            spans = tuple(map(Sentence, starts[lo : lo + c], ends[lo : lo + c], heads[lo : lo + c]))
            _FROM_WORKERS[a.raw, a.kept] = spans
            _sentence_spans(a.raw, a.kept)
            lo += c
    _FROM_WORKERS.clear()  # those already cached here were not asked for


def tokens(
    corpus: Iterable[Article], *, n_jobs: int = 1, progress: bool | None = None
) -> pd.DataFrame:
    """One row per token: ``article_id, sent_id, tok_id, start, end, text, norm, is_word``.

    Offsets are into ``article.raw``; ``tok_id`` counts from 0 within each article; ``is_word``
    is True for tokens that start with a letter or digit (words, numbers, abbreviations);
    ``norm`` is lower case with plain apostrophes and hyphens. ``n_jobs`` tokenises in that many
    processes (``-1``: one per core; same result as one); ``progress`` as in
    ``newskit.parallel.map_articles``.

    Memory per token stays small and free of Python objects: ``article_id`` is categorical
    (corpus order), ``sent_id``/``tok_id``/``start``/``end`` are int32, ``text``/``norm`` are
    Arrow-backed strings, and articles are converted in chunks of ``FRAME_CHUNK``.
    """
    articles = list(corpus)
    batches = map_articles(
        _token_batch,
        _chunks(articles, n_jobs),
        n_jobs=n_jobs,
        desc="tokens",
        progress=progress,
        unit="chunk",
    )
    return _assemble(articles, batches, TOKEN_COLUMNS)


# Articles turned into one Arrow batch at a time by ``sentences`` and ``tokens``.
FRAME_CHUNK = 256


def _chunks(articles: list[Article], n_jobs: int) -> list[Sequence[Article]]:
    """At most ``FRAME_CHUNK`` articles per chunk, and enough chunks to share among the jobs."""
    return chunked(articles, n_jobs, FRAME_CHUNK)


def _sentence_batch(articles: Sequence[Article]) -> tuple[list[int], pa.RecordBatch]:
    counts, starts, ends, texts, heads = [], [], [], [], []
    for a in articles:
        spans = sentence_spans(a)
        counts.append(len(spans))
        raw = a.raw
        for s in spans:
            starts.append(s.start)
            ends.append(s.end)
            texts.append(raw[s.start : s.end])
            heads.append(s.is_heading)
    sent_ids = np.concatenate([np.arange(c, dtype=np.int64) for c in counts] or [[]])
    batch = pa.record_batch(
        [
            pa.array(sent_ids, type=pa.int64()),
            pa.array(starts, type=pa.int64()),
            pa.array(ends, type=pa.int64()),
            pa.array(texts, type=pa.string()),
            pa.array(heads, type=pa.bool_()),
        ],
        names=SENTENCE_COLUMNS[1:],
    )
    return counts, batch


def _token_batch(articles: Sequence[Article]) -> tuple[list[int], pa.RecordBatch]:
    counts: list[int] = []
    sids: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    norms: list[str] = []
    words: list[bool] = []
    for a in articles:
        t = _token_table(a.raw, a.kept)
        counts.append(len(t[0]))
        sids.extend(t[0])
        starts.extend(t[1])
        ends.extend(t[2])
        texts.extend(t[3])
        norms.extend(t[4])
        words.extend(t[5])
    tok_ids = np.concatenate([np.arange(c, dtype=np.int32) for c in counts] or [[]])
    batch = pa.record_batch(
        [
            pa.array(np.asarray(sids, dtype=np.int32)),
            pa.array(tok_ids.astype(np.int32)),
            pa.array(np.asarray(starts, dtype=np.int32)),
            pa.array(np.asarray(ends, dtype=np.int32)),
            pa.array(texts, type=pa.string()),
            pa.array(norms, type=pa.string()),
            pa.array(words, type=pa.bool_()),
        ],
        names=TOKEN_COLUMNS[1:],
    )
    return counts, batch


def _assemble(
    articles: list[Article], batches: list[tuple[list[int], pa.RecordBatch]], columns: list[str]
) -> pd.DataFrame:
    """One frame from per-chunk ``(rows per article, batch)``: ``article_id`` becomes a
    categorical in corpus order, the rest is converted from Arrow without Python objects."""
    counts = np.fromiter((c for cs, _ in batches for c in cs), dtype=np.int64, count=len(articles))
    ids = pd.Index([a.id for a in articles], dtype=object)
    codes = np.repeat(np.arange(len(articles), dtype=np.int32), counts)
    table = pa.Table.from_batches([b for _, b in batches]) if batches else _empty_table(columns)
    df = table.to_pandas()
    df.insert(0, "article_id", pd.Categorical.from_codes(codes, categories=ids))
    return df[columns]


def _empty_table(columns: list[str]) -> pa.Table:
    probe = _token_batch([]) if columns == TOKEN_COLUMNS else _sentence_batch([])
    return pa.Table.from_batches([probe[1]])


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


class TokenColumns(NamedTuple):
    """The tokens of one article as parallel tuples (``Token``'s fields but ``tok_id``, which
    is the position): for loops that read a few fields of every token without building a
    ``Token`` each."""

    sent_id: tuple[int, ...]
    start: tuple[int, ...]
    end: tuple[int, ...]
    text: tuple[str, ...]
    norm: tuple[str, ...]
    is_word: tuple[bool, ...]


def token_columns(article: Article) -> TokenColumns:
    """The tokens of one article (those of ``article_tokens``, in the same order) as columns."""
    return TokenColumns(*_token_table(article.raw, article.kept))


@lru_cache(maxsize=256)
def _article_tokens(raw: str, kept: tuple[tuple[int, int], ...]) -> tuple[Token, ...]:
    sids, starts, ends, texts, norms, words = _token_table(raw, kept)
    return tuple(map(Token, sids, range(len(sids)), starts, ends, texts, norms, words))


@lru_cache(maxsize=1024)
def _token_table(raw: str, kept: tuple[tuple[int, int], ...]) -> tuple[tuple, ...]:
    """Tokens of one article as parallel columns: sent_id, start, end, text, norm, is_word.

    Each sentence is split with one ``re.split`` that keeps the tokens; offsets are running sums
    of piece lengths. This keeps the per-token work in C.
    """
    sids: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    split = _TOKEN_SPLIT.split
    for sid, sent in enumerate(_sentence_spans(raw, kept)):
        parts = split(raw[sent.start : sent.end])
        acc = list(accumulate(map(len, parts), initial=sent.start))
        toks = parts[1::2]
        sids.extend([sid] * len(toks))
        starts.extend(acc[1:-1:2])
        ends.extend(acc[2::2])
        texts.extend(toks)
    if "." in texts:
        _attach_abbreviation_periods(raw, sids, starts, ends, texts)
    words = list(map(str.isalnum, map(itemgetter(0), texts)))
    joined = "\x00".join(texts).lower()
    if not joined.isascii():
        for old, new in NORM_PAIRS:
            joined = joined.replace(old, new)
    norms = joined.split("\x00") if texts else []
    return tuple(sids), tuple(starts), tuple(ends), tuple(texts), tuple(norms), tuple(words)


def _attach_abbreviation_periods(
    raw: str, sids: list, starts: list, ends: list, texts: list
) -> None:
    """Merge a known abbreviation and the period right after it (``Sept.``, ``Dr.``) into one
    token, unless that period ends the sentence. Edits the columns in place, in one pass (time
    linear in the number of tokens: the merged periods are filtered out once at the end)."""
    drop = set()
    n = len(texts)
    for i in [j for j, t in enumerate(texts) if t == "."]:
        prev = i - 1
        if (
            prev >= 0
            and sids[prev] == sids[i]
            and ends[prev] == starts[i]
            and texts[prev].lower() in ABBREVIATIONS
            and i + 1 < n
            and sids[i + 1] == sids[i]
        ):
            ends[prev] = ends[i]
            texts[prev] = raw[starts[prev] : ends[i]]
            drop.add(i)
    if not drop:
        return
    keep = [i for i in range(n) if i not in drop]
    for column in (sids, starts, ends, texts):
        column[:] = [column[i] for i in keep]


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns)
    return df.astype({"sent_id": "int64", "start": "int64", "end": "int64", "is_heading": bool})
