"""Errors raised for bad input. Every message names the file (and row) and says how to fix it."""

from __future__ import annotations


class CorpusError(ValueError):
    """A corpus source cannot be read as articles.

    Attributes: ``file`` (path or source name), ``row`` (1-based data row for CSV/JSONL, else
    ``None``), ``reason`` (the problem, without the location).
    """

    def __init__(self, reason: str, *, file: str | None = None, row: int | None = None) -> None:
        self.file = file
        self.row = row
        self.reason = reason
        where = file or "<corpus>"
        if row is not None:
            where = f"{where}, row {row}"
        super().__init__(f"{where}: {reason}")


class CorpusSourceError(CorpusError):
    """The source as a whole is unusable: missing path, unknown format, no articles."""


class ArticleError(CorpusError):
    """One article (file or row) is unusable; with ``errors="skip"`` it is skipped and reported."""
