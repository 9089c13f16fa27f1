"""Web archives (WARC and ARC, plain or gzipped) → web pages: the one place that calls warcio.

``archive_records(path)`` yields every record of the archive as an ``ArchiveRecord``: its type
(``response``, ``request``, ``warcinfo``, …), target URL, capture date, HTTP content type and, for
HTML responses, the page bytes. The loader turns each HTML response into an article (through
``newskit.corpus.html``) and lists every other record in ``corpus.skipped``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newskit.corpus.html import iso_date
from newskit.errors import CorpusSourceError

ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class ArchiveRecord:
    """One archive record: ``kind`` (WARC type), ``url``, ``captured`` (date), ``content_type``
    (of the HTTP payload, lower case, without parameters), ``status`` (HTTP), ``payload`` (bytes
    of an HTML response, else ``b""``), ``number`` (1-based position in the archive) and
    ``charset`` (the one the HTTP Content-Type header gives, else ``None``)."""

    kind: str
    url: str | None
    captured: dt.date | None
    content_type: str
    status: int | None
    payload: bytes
    number: int
    charset: str | None = None

    @property
    def is_html(self) -> bool:
        """True for an HTTP response whose payload is an HTML page."""
        return self.kind == "response" and self.content_type in HTML_TYPES


def is_archive(path: Path) -> bool:
    """True if the file name ends like a WARC or ARC archive (optionally gzipped)."""
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def archive_records(path: Path) -> Iterator[ArchiveRecord]:
    """Every record of the archive at ``path``, in order. Raises ``CorpusSourceError`` if the
    file is not a readable WARC/ARC archive."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not _has_archive_header(path):
        raise CorpusSourceError(
            "is not a readable WARC/ARC archive (it does not start with 'WARC/' or "
            "'filedesc://'); give a .warc, .warc.gz or .arc file",
            file=str(path),
        )
    try:
        with path.open("rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream, arc2warc=True), start=1):
                kind = record.rec_type or ""
                url = record.rec_headers.get_header("WARC-Target-URI")
                captured = iso_date(record.rec_headers.get_header("WARC-Date"))
                content_type, status = "", None
                if record.http_headers is not None:
                    content_type = record.http_headers.get_header("Content-Type") or ""
                    code = record.http_headers.get_statuscode()
                    status = int(code) if code and code.isdigit() else None
                charset = _charset(content_type)
                content_type = content_type.split(";")[0].strip().lower()
                payload = b""
                if kind == "response" and content_type in HTML_TYPES:
                    payload = record.content_stream().read()
                yield ArchiveRecord(
                    kind, url, captured, content_type, status, payload, number, charset
                )
    except ArchiveLoadFailed as exc:
        raise CorpusSourceError(
            f"is not a readable WARC/ARC archive ({exc}); give a .warc, .warc.gz or .arc file",
            file=str(path),
        ) from exc


def _charset(content_type: str) -> str | None:
    """``"text/html; charset=windows-1250"`` → ``"windows-1250"``."""
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def _has_archive_header(path: Path) -> bool:
    import gzip
    import zlib

    with path.open("rb") as stream:
        head = stream.read(4096)
    if head.startswith(b"\x1f\x8b"):
        try:
            with gzip.open(path, "rb") as unzipped:
                head = unzipped.read(64)
        except (OSError, EOFError, zlib.error):
            return False
    return head.lstrip().startswith((b"WARC/", b"filedesc://"))
