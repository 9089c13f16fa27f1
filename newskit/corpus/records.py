"""Records: one immutable article and the spans removed from it.

Offsets everywhere in newskit are character offsets into ``Article.raw``, the text exactly as
read from the file (after decoding; line ends are kept as they were). ``Article.text`` is the
cleaned text: ``raw`` with the ``removed`` spans cut out and nothing else changed.
``Article.to_raw`` maps an offset in ``text`` back to ``raw``.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True, slots=True)
class Removal:
    """A span of ``Article.raw`` removed by cleaning: ``raw[start:end]``, removed by ``rule``."""

    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class Article:
    """One article.

    ``id`` is unique in its corpus (for files: the file name without extension). ``date`` is the
    publication date when known. ``raw`` is the decoded file text; ``text`` the cleaned text;
    ``removed`` the spans of ``raw`` that cleaning removed, in order and non-overlapping.
    ``source`` says where the article came from (path, or path and row); ``encoding`` how it was
    decoded (``"utf-8"``, ``"utf-8-sig"``, ``"cp1252 (fallback)"``; for a web page also
    ``"windows-1250 (declared)"``, decoded by the charset it declares, or ``"guessed by
    trafilatura"``). ``story_id`` is the story the
    article belongs to once assigned (``Corpus.with_stories``), else None; ``outlet_raw`` the
    outlet as the file gave it (``outlet`` is its canonical display name).

    Loader fields (appended, not compared): ``meta`` holds the extra columns of a table (or a web
    page's fields) that are not one of the above; ``date_source`` says where ``date`` came from
    (``"metadata"``, ``"text"``, ``"dateline"``, ``"capture"``; for a web page ``"page"``, its
    stated publication date, ``"url"`` or ``"page-text"``, a guess; see
    ``newskit.corpus.page_dates``); ``extractor`` names
    the tool that made ``raw`` from a web page (``None`` for plain text); ``notes`` are loader
    warnings about this article (read as HTML, over-size, an unresolved dateline date);
    ``wire`` the wire service whose copy the article carries (``"AP"``, ``"Reuters"``, …; see
    ``newskit.corpus.wire``) or None, and ``wire_evidence`` what credited it.
    """

    id: str
    outlet: str | None
    date: dt.date | None
    title: str | None
    url: str | None
    raw: str
    text: str
    removed: tuple[Removal, ...] = ()
    source: str = ""
    encoding: str = "utf-8"
    author: str | None = field(default=None, compare=False)
    outlet_raw: str | None = field(default=None, compare=False)  # outlet as the file gave it
    story_id: str | None = field(default=None, compare=False)
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False)
    date_source: str | None = field(default=None, compare=False)
    extractor: str | None = field(default=None, compare=False)
    notes: tuple[str, ...] = field(default=(), compare=False)
    wire: str | None = field(default=None, compare=False)
    wire_evidence: str | None = field(default=None, compare=False)

    @cached_property
    def kept(self) -> tuple[tuple[int, int], ...]:
        """The spans of ``raw`` that survive cleaning, as ``(start, end)`` pairs in order."""
        return kept_spans(len(self.raw), self.removed)

    @cached_property
    def _clean_starts(self) -> list[int]:
        starts, pos = [], 0
        for s, e in self.kept:
            starts.append(pos)
            pos += e - s
        return starts

    def to_raw(self, offset: int) -> int:
        """Map an offset into ``text`` to the matching offset into ``raw``.

        An offset that falls exactly on a cut maps to the start of the kept piece after it; map
        spans with ``to_raw_span``, whose end stays in the piece the span ends in.
        """
        if not self.kept:
            return 0
        starts = self._clean_starts
        i = bisect.bisect_right(starts, offset) - 1
        i = max(i, 0)
        s, e = self.kept[i]
        return min(s + offset - starts[i], e)

    def to_raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``(start, end)`` span of ``text`` to ``raw``; the end stays inside its piece."""
        raw_start = self.to_raw(start)
        if end <= start:
            return raw_start, raw_start
        return raw_start, self.to_raw(end - 1) + 1


def kept_spans(n: int, removed: tuple[Removal, ...]) -> tuple[tuple[int, int], ...]:
    """The complement of ``removed`` in ``[0, n)``, skipping empty pieces."""
    out, pos = [], 0
    for r in removed:
        if r.start > pos:
            out.append((pos, r.start))
        pos = max(pos, r.end)
    if pos < n:
        out.append((pos, n))
    return tuple(out)
