"""Reading corpus sources into raw records: folders (optionally nested) of .txt and web-page
files, web archives (WARC/ARC), file lists, CSV, JSONL, Parquet and DataFrames. Decoding,
metadata columns and every input problem are handled here; cleaning and sentence splitting happen
downstream. Web pages go through ``newskit.corpus.html`` (trafilatura), archives through
``newskit.corpus.warc`` (warcio).
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from newskit.corpus.html import EXTRACTOR, MIN_WORDS, extract_page, looks_like_html
from newskit.corpus.warc import archive_records, is_archive
from newskit.errors import ArticleError, CorpusError, CorpusSourceError
from newskit.resources.columns import COLUMN_NAMES

try:  # what pd.json_normalize does to one row (nested keys joined by "."), without the frame
    from pandas.io.json._normalize import _simple_json_normalize
except ImportError:  # pragma: no cover - a pandas that moved its private helper: the public call

    def _simple_json_normalize(ds: dict, sep: str = ".") -> dict:
        return pd.json_normalize([ds], sep=sep).to_dict("records")[0]


def _flatten_json(obj: dict) -> dict:
    """One JSON object's row as ``pd.json_normalize(rows, sep=".")`` makes it."""
    return _simple_json_normalize(obj, sep=".")


Errors = Literal["raise", "skip"]
OutletFrom = Literal["folder"]
META_FIELDS = ("outlet", "date", "title", "url")
SKIPPED_COLUMNS = ["file", "row", "reason"]
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet", ".pq")
_COLUMN_ALIASES = {"source": "outlet"}
#: What a source path that does not exist is told.
NO_SOURCE = (
    "no such file or folder; give a folder of .txt or .html files, a .csv, .jsonl, .parquet "
    "or .warc file, or a list of paths"
)
NO_ARTICLE = (
    f"no article text in the web page (fewer than {MIN_WORDS} words; Chinese, Japanese, Thai "
    "and other scripts without spaces count by characters)"
)


@dataclass(frozen=True)
class LoadOptions:
    """How to read a source: ``columns`` (article field → column name or dotted path),
    ``recursive`` (read subfolders), ``outlet_from`` (``"folder"``: the outlet is the name of
    the folder holding the file), ``max_chars`` (a text file of more than four bytes per allowed
    character cannot fit and is refused before it is read)."""

    columns: Mapping[str, str] | None = None
    recursive: bool = False
    outlet_from: OutletFrom | None = None
    max_chars: int | None = None


@dataclass
class RawRecord:
    """One article as read: its id, decoded text, explicit metadata and where it came from."""

    id: str
    raw: str
    meta: dict[str, Any]
    source: str
    file: str
    row: int | None = None
    encoding: str = "utf-8"
    extra: dict[str, Any] = field(default_factory=dict)
    extractor: str | None = None
    notes: list[str] = field(default_factory=list)
    date_source: str | None = None
    captured: dt.date | None = None


@dataclass
class Problems:
    """Collects skipped inputs; raises at once when ``errors="raise"``. ``kinds`` holds a
    short reason for a skipped row (by its position in ``rows``) where the full reason names
    the row's own details, so that ``summary()`` can count alike rows together."""

    errors: Errors
    rows: list[tuple[str, int | None, str]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    kinds: dict[int, str] = field(default_factory=dict)

    def report(self, exc: CorpusError) -> None:
        """Raise ``exc`` or record it as a skipped row, by the error mode."""
        if self.errors == "raise":
            raise exc
        self.rows.append((exc.file or "", exc.row, exc.reason))

    def note(self, file: str, reason: str, *, row: int | None = None, kind: str = "") -> None:
        """Record an input that was passed over on purpose (never raises); ``kind``: the short
        reason it is counted under in ``summary()`` (default: ``reason``)."""
        if kind:
            self.kinds[len(self.rows)] = kind
        self.rows.append((file, row, reason))

    def summary(self) -> str | None:
        """How many inputs were skipped and why (``"3 inputs skipped (see corpus.skipped): 2 ×
        no article text in the web page; 1 × ignored: not an article file"``), or ``None``."""
        if not self.rows:
            return None
        counts: dict[str, int] = {}
        for i, (_file, _row, reason) in enumerate(self.rows):
            kind = self.kinds.get(i) or _short_reason(reason)
            counts[kind] = counts.get(kind, 0) + 1
        n = len(self.rows)
        listed = "; ".join(f"{c} × {kind}" for kind, c in counts.items())
        return f"{n} input{'s' if n != 1 else ''} skipped (see corpus.skipped): {listed}"

    def say(self, message: str) -> None:
        """Record a message for the user (which column was used, what was kept)."""
        self.messages.append(message)

    def frame(self) -> pd.DataFrame:
        """The skipped inputs: ``file, row, reason`` (``row`` is empty for whole files)."""
        df = pd.DataFrame(self.rows, columns=SKIPPED_COLUMNS)
        df["row"] = df["row"].astype("Int64")
        return df


_DETAILS = re.compile(r"""'[^']*'|"[^"]*"|\bhttps?://\S+|\d[\d,_.]*""")


def _short_reason(reason: str) -> str:
    """A skip reason without what is particular to one row (names, numbers, URLs, the fix)."""
    short = reason.split(";")[0].split(" (")[0]
    return " ".join(_DETAILS.sub("…", short).split())


def read_source(
    source: Any, problems: Problems, options: LoadOptions | None = None
) -> list[RawRecord]:
    """Read any supported source into raw records, reporting problems to ``problems``."""
    options = options or LoadOptions()
    if isinstance(source, pd.DataFrame):
        return _read_frame(source, "<DataFrame>", problems, columns=options.columns)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists():
            raise CorpusSourceError(NO_SOURCE, file=str(path))
        if path.is_dir():
            return _read_folder(path, problems, options)
        suffix = path.suffix.lower()
        if suffix in TABLE_SUFFIXES:
            return _read_table(path, problems, options)
        return _read_files([path], problems, options)
    if isinstance(source, Iterable):
        paths = [Path(p) for p in source]
        if not paths:
            raise CorpusSourceError(
                "the list of paths is empty; give at least one .txt, .html, .csv, .jsonl, "
                ".parquet or .warc file"
            )
        return _read_files(paths, problems, options)
    raise CorpusSourceError(
        f"cannot read a corpus from {type(source).__name__}; give a folder, a .csv/.jsonl/"
        ".parquet/.warc file, a list of paths or a pandas DataFrame"
    )


def _read_table(path: Path, problems: Problems, options: LoadOptions) -> list[RawRecord]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path, problems, options.columns)
    if suffix in (".jsonl", ".ndjson"):
        return _read_jsonl(path, problems, options.columns)
    return _read_parquet(path, problems, options.columns)


def _is_article_file(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(TEXT_SUFFIXES + HTML_SUFFIXES) or is_archive(path)


def _read_folder(folder: Path, problems: Problems, options: LoadOptions) -> list[RawRecord]:
    files, metas = list_folder(folder, problems, options)
    records = _read_files(files, problems, options, root=folder)
    for meta_path in metas:
        in_folder = [r for r in records if Path(r.file).parent == meta_path.parent]
        _apply_metadata(in_folder, meta_path, problems)
    return records


def list_folder(
    folder: Path, problems: Problems, options: LoadOptions
) -> tuple[list[Path], list[Path]]:
    """The article files of ``folder`` (``.txt``, web pages, archives; in subfolders too with
    ``options.recursive``) and its ``metadata.csv`` files, each sorted by relative path; every
    other entry is noted in ``problems`` as ignored. Raises ``CorpusSourceError`` when there is
    no article file."""
    entries = sorted(
        folder.rglob("*") if options.recursive else folder.iterdir(),
        key=lambda p: p.relative_to(folder).as_posix(),
    )
    files = [p for p in entries if p.is_file() and _is_article_file(p)]
    metas = [p for p in entries if p.is_file() and p.name.lower() == "metadata.csv"]
    chosen = set(files) | set(metas)
    for p in entries:
        if p in chosen or (p.is_dir() and options.recursive):
            continue
        kind = (
            "a folder (subfolders are read with recursive=True)"
            if p.is_dir()
            else "not an article file (.txt, .html, .htm, .warc)"
        )
        problems.note(str(p), f"ignored: {kind}")
    if not files:
        raise CorpusSourceError(
            "the folder has no .txt, .html or .warc files; put one article per .txt or .html "
            "file in it" + ("" if options.recursive else " (or pass recursive=True)"),
            file=str(folder),
        )
    return files, metas


def read_paths(
    paths: Sequence[Path],
    problems: Problems,
    options: LoadOptions | None = None,
    *,
    root: Path | None = None,
) -> list[RawRecord]:
    """Read listed files, each by its kind (see ``load_corpus``), in order; ``root``: the
    folder they were listed from (ids are relative to it with ``options.recursive``)."""
    return _read_files(paths, problems, options, root=root)


def article_ident(path: Path, options: LoadOptions, root: Path | None = None) -> str:
    """The id of the article read from the text or web-page file ``path``."""
    if root is not None and options.recursive:
        return path.relative_to(root).with_suffix("").as_posix()
    return path.stem


def _read_files(
    paths: Sequence[Path],
    problems: Problems,
    options: LoadOptions | None = None,
    *,
    root: Path | None = None,
) -> list[RawRecord]:
    options = options or LoadOptions()
    records = []
    for path in paths:
        if is_archive(path):
            records.extend(_read_archive(path, problems))
            continue
        if path.suffix.lower() in TABLE_SUFFIXES:
            records.extend(_read_listed_table(path, problems, options))
            continue
        ident = article_ident(path, options, root)
        meta: dict[str, Any] = {}
        if options.outlet_from == "folder" and (root is None or path.parent != root):
            meta["outlet"] = path.parent.name
        try:
            if path.suffix.lower() in HTML_SUFFIXES:
                record = _read_html_file(path, ident)
            else:
                _check_file_size(path, options.max_chars)
                data = _read_bytes(path)
                if looks_like_html(_sniff(data)):
                    record = _html_record(
                        data, ident, str(path), notes=["read as HTML: the .txt file is a web page"]
                    )
                else:
                    raw, encoding = decode_text(data, str(path))
                    record = RawRecord(ident, raw, {}, str(path), str(path), None, encoding)
        except ArticleError as exc:
            problems.report(exc)
            continue
        if record is None:
            problems.note(str(path), NO_ARTICLE, kind=NO_ARTICLE)
            continue
        for key, value in meta.items():
            record.meta[key] = value
            if key == "outlet":
                record.notes.append("outlet from the folder name")
        records.append(record)
    return records


def _read_listed_table(path: Path, problems: Problems, options: LoadOptions) -> list[RawRecord]:
    """The rows of a table named in a list of paths (each row an article, as when the table is
    the whole source); a missing or unreadable table is reported like an unreadable ``.txt``
    file of the list: raised, or listed in ``skipped`` with ``errors="skip"``."""
    if not path.is_file():
        problems.report(ArticleError("no such file; check the path", file=str(path)))
        return []
    try:
        return _read_table(path, problems, options)
    except CorpusSourceError as exc:
        problems.report(exc)
        return []


def _check_file_size(path: Path, max_chars: int | None) -> None:
    """Refuse, before reading it, a file too big to hold ``max_chars`` characters or fewer."""
    if max_chars is None:
        return
    try:
        size = path.stat().st_size
    except OSError:
        return  # read_text_file reports it
    if size > 4 * max_chars:
        raise ArticleError(
            f"is {size:,} bytes, more than {max_chars:,} characters (the max_chars limit) can "
            f"take; raise it with load_corpus(..., max_chars={size + 1:_}) or split the file",
            file=str(path),
        )


def _read_html_file(path: Path, ident: str) -> RawRecord | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(
            f"cannot be read ({exc.strerror or exc}); check its permissions", file=str(path)
        ) from exc
    if not data.strip():
        raise ArticleError("the file is empty; remove it or add the page", file=str(path))
    return _html_record(data, ident, str(path))


def _sniff(data: bytes) -> str:
    """The start of a file as text, good enough to tell a web page by its structure (any
    ASCII-compatible encoding reads the same here)."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", "replace")
    return head.removeprefix(codecs.BOM_UTF8).decode("latin-1")


def _html_record(
    html: str | bytes,
    ident: str,
    file: str,
    *,
    url: str | None = None,
    notes: Sequence[str] = (),
    row: int | None = None,
    source: str | None = None,
    charset: str | None = None,
) -> RawRecord | None:
    """A raw record for one web page: its extracted text as ``raw``, its metadata (the page's
    publisher and copyright credits go to ``extra``, where the wire detector reads them);
    ``None`` if the page has no article text."""
    page = extract_page(html, url=url, charset=charset)
    if page is None:
        return None
    meta: dict[str, Any] = {}
    for key, value in (
        ("title", page.title),
        ("date", page.date),
        ("author", page.author),
        ("outlet", page.sitename),
        ("url", page.url),
    ):
        if value is not None:
            meta[key] = value
    return RawRecord(
        ident,
        page.text,
        meta,
        source or file,
        file,
        row,
        page.encoding,
        extra=dict(page.credits),
        extractor=EXTRACTOR,
        notes=[*notes, *page.notes],
        date_source=page.date_source,
    )


def _read_archive(path: Path, problems: Problems) -> list[RawRecord]:
    """Every HTML response of a WARC/ARC archive as an article (id: its URL); the capture date
    stands in when the page has no date. Other records and repeated URLs go to skipped."""
    records: list[RawRecord] = []
    seen: dict[str, int] = {}
    for rec in archive_records(path):
        if not rec.is_html:
            what = rec.kind if rec.kind != "response" else f"response of {rec.content_type or '?'}"
            problems.note(
                str(path), f"not an HTML page ({what})", row=rec.number, kind="not an HTML page"
            )
            continue
        url = rec.url or f"{path.name}#{rec.number}"
        if url in seen:
            problems.note(
                str(path),
                f"duplicate URL {url} (also record {seen[url]})",
                row=rec.number,
                kind="a URL already read from the archive",
            )
            continue
        seen[url] = rec.number
        source = f"{path}, record {rec.number}"
        record = _html_record(
            rec.payload, url, str(path), url=url, row=rec.number, source=source, charset=rec.charset
        )
        if record is None:
            problems.note(str(path), f"{NO_ARTICLE}: {url}", row=rec.number, kind=NO_ARTICLE)
            continue
        record.captured = rec.captured
        records.append(record)
    return records


def read_text_file(path: Path) -> tuple[str, str]:
    """Decode one article file; return ``(text, encoding)``.

    UTF-8 with or without BOM, and UTF-16 with a BOM, are read as such. A file that is not valid
    UTF-8 is decoded as Windows-1252 and flagged ``"cp1252 (fallback)"``; a file that is neither
    is rejected. Line ends are kept as they are in the file.
    """
    return decode_text(_read_bytes(path), str(path))


def _read_bytes(path: Path) -> bytes:
    """The bytes of one article file; ``ArticleError`` for a missing, unreadable or empty one."""
    name = str(path)
    if not path.exists():
        raise ArticleError("no such file; check the path", file=name)
    if path.is_dir():
        raise ArticleError("is a folder, not a text file; give the .txt files in it", file=name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(
            f"cannot be read ({exc.strerror or exc}); check its permissions", file=name
        ) from exc
    if not data:
        raise ArticleError("the file is empty; remove it or add the article text", file=name)
    return data


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode a plain-text article's bytes (see ``read_text_file``); ``name`` names the file in
    errors."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ArticleError(
                "starts with a UTF-16 mark but is not valid UTF-16; re-save it as UTF-8",
                file=name,
            ) from exc
    elif b"\x00" in data:
        raise ArticleError(
            "looks like a binary file (it contains NUL bytes); give plain-text articles",
            file=name,
        )
    else:
        try:
            text = data.decode("utf-8-sig")
            encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        except UnicodeDecodeError as exc:
            try:
                text, encoding = data.decode("cp1252"), "cp1252 (fallback)"
            except UnicodeDecodeError:
                raise ArticleError(
                    f"is not valid UTF-8 (bad byte at offset {exc.start}) nor Windows-1252; "
                    "re-save it as UTF-8",
                    file=name,
                ) from exc
    if not text.strip():
        raise ArticleError(
            "the file contains only whitespace; remove it or add the article text", file=name
        )
    return text, encoding


#: The encodings a CSV is tried in, in order (``load_corpus`` and ``newskit run`` alike).
CSV_ENCODINGS = ("utf-8-sig", "cp1252")
#: What pandas raises on a CSV it cannot parse (a ``UnicodeDecodeError`` means: next encoding).
CSV_ERRORS = (pd.errors.ParserError, pd.errors.EmptyDataError, OSError)


def csv_unreadable(path: Path, exc: Exception | None = None) -> CorpusSourceError:
    """The error for a CSV that cannot be parsed (``exc``) or decoded in any ``CSV_ENCODINGS``."""
    if exc is None:
        return CorpusSourceError(
            "is neither UTF-8 nor Windows-1252; re-save it as UTF-8", file=str(path)
        )
    return CorpusSourceError(
        f"cannot be read as CSV ({exc}); check quoting and the header line", file=str(path)
    )


def _read_csv(
    path: Path, problems: Problems, columns: Mapping[str, str] | None = None
) -> list[RawRecord]:
    frame = None
    for encoding in CSV_ENCODINGS:
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=encoding)
            break
        except UnicodeDecodeError:
            continue
        except CSV_ERRORS as exc:
            raise csv_unreadable(path, exc) from exc
    if frame is None:
        raise csv_unreadable(path)
    flagged = "cp1252 (fallback)" if encoding == "cp1252" else "utf-8"
    return _read_frame(frame, str(path), problems, encoding=flagged, columns=columns)


def _read_jsonl(
    path: Path, problems: Problems, columns: Mapping[str, str] | None = None
) -> list[RawRecord]:
    """The records of a JSON-lines file, read ``JSONL_CHUNK_BYTES`` at a time (never the whole
    file at once); a file that is not plain UTF-8 or Windows-1252 text (UTF-16, binary, empty,
    unreadable) is read whole, as ``read_text_file`` reads it, and refused the same way."""
    encoding = _streamed_encoding(path)
    if encoding is None:
        try:
            raw, encoding = read_text_file(path)
        except ArticleError as exc:
            raise CorpusSourceError(exc.reason, file=str(path)) from exc
        return jsonl_records(raw, str(path), problems, encoding=encoding, columns=columns)
    rows: list[dict[str, Any]] = []
    numbers: list[int] = []
    first_line = 1
    for text in _jsonl_chunks(path, encoding):
        lines = text.splitlines()
        del text
        _parse_lines(lines, first_line, str(path), problems, rows, numbers)
        first_line += len(lines)
    return _json_records(rows, numbers, str(path), problems, encoding=encoding, columns=columns)


#: A JSON-lines file is decoded and parsed this many bytes at a time (then to the end of the
#: line), so that only the articles, not copies of the whole file, are held in memory.
JSONL_CHUNK_BYTES = 32 * 1024 * 1024


def _streamed_encoding(path: Path) -> str | None:
    """How ``read_text_file`` would decode ``path`` (``"utf-8"``, ``"utf-8-sig"``,
    ``"cp1252 (fallback)"``), found by reading it block by block; ``None`` when it would
    decode it otherwise or refuse it (UTF-16, NUL bytes, empty, only whitespace, unreadable)."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        with open(path, "rb") as f:
            head = f.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return None
        for name, flag in (("utf-8-sig", None), ("cp1252", "cp1252 (fallback)")):
            decoder = codecs.getincrementaldecoder(name)()
            text_seen = False
            with open(path, "rb") as f:
                while block := f.read(JSONL_CHUNK_BYTES):
                    if b"\x00" in block:
                        return None
                    try:
                        text_seen = bool(decoder.decode(block).strip()) or text_seen
                    except UnicodeDecodeError:
                        break
                else:
                    try:
                        text_seen = bool(decoder.decode(b"", final=True).strip()) or text_seen
                    except UnicodeDecodeError:
                        continue
                    if not text_seen:
                        return None
                    if flag is None:
                        return "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"
                    return flag
    except OSError:
        return None
    return None


def _jsonl_chunks(path: Path, encoding: str) -> Iterable[str]:
    """The text of ``path`` (decoded as ``_streamed_encoding`` found) in pieces of about
    ``JSONL_CHUNK_BYTES``, each ending after a line feed (or at the end of the file)."""
    codec = "cp1252" if encoding == "cp1252 (fallback)" else "utf-8"
    with open(path, "rb") as f:
        first = True
        while block := f.read(JSONL_CHUNK_BYTES):
            if not block.endswith(b"\n"):
                block += f.readline()
            yield block.decode("utf-8-sig" if first and codec == "utf-8" else codec)
            first = False


def jsonl_records(
    text: str,
    name: str,
    problems: Problems,
    *,
    first_line: int = 1,
    encoding: str = "utf-8",
    columns: Mapping[str, str] | None = None,
) -> list[RawRecord]:
    """The records of JSON lines ``text`` (the lines of the file ``name`` from ``first_line``
    on: a whole file, or a chunk of one that starts on a line of its own)."""
    rows: list[dict[str, Any]] = []
    numbers: list[int] = []
    _parse_lines(text.splitlines(), first_line, name, problems, rows, numbers)
    if not rows and first_line > 1:
        return []  # a chunk of bad lines: reported above; the file's columns are elsewhere
    return _json_records(rows, numbers, name, problems, encoding=encoding, columns=columns)


def _parse_lines(
    lines: Sequence[str],
    first_line: int,
    name: str,
    problems: Problems,
    rows: list[dict[str, Any]],
    numbers: list[int],
) -> None:
    """Parse JSON ``lines`` (numbered from ``first_line``) onto ``rows`` (each flattened as
    ``pandas.json_normalize`` flattens it: nested fields as dotted keys) and their line numbers
    onto ``numbers``; a line that is not a JSON object is reported to ``problems``."""
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.report(
                ArticleError(
                    f"not valid JSON ({exc.msg}); one JSON object per line",
                    file=name,
                    row=number,
                )
            )
            continue
        if not isinstance(obj, dict):
            problems.report(
                ArticleError(
                    "is not a JSON object; write one {...} object per line",
                    file=name,
                    row=number,
                )
            )
            continue
        rows.append(_flatten_json(obj))
        numbers.append(number)


def _json_records(
    rows: list[dict[str, Any]],
    numbers: list[int],
    name: str,
    problems: Problems,
    *,
    encoding: str,
    columns: Mapping[str, str] | None,
) -> list[RawRecord]:
    """The records of flattened JSON ``rows``, exactly as ``_read_frame`` reads
    ``pandas.json_normalize(rows)``, without copying their texts into a DataFrame: a column
    holding only strings (or nulls) is read from the rows as they are; any other column goes
    through pandas alone, so that its values come out as the frame would give them (whole
    numbers of a column with gaps as floats, say)."""
    if not rows:
        return _read_frame(
            pd.DataFrame(), name, problems, row_numbers=numbers, encoding=encoding, columns=columns
        )
    order = list(dict.fromkeys(k for row in rows for k in row))
    odd = {k for row in rows for k, v in row.items() if type(v) is not str and v is not None}
    converted = {
        c: [
            r[c]
            for r in pd.DataFrame([{c: r[c]} if c in r else {} for r in rows]).to_dict("records")
        ]
        for c in order
        if c in odd
    }

    def row_at(i: int) -> dict[str, Any]:
        row = rows[i]
        if converted:
            row = {**row, **{c: values[i] for c, values in converted.items()}}
        return row

    head = pd.DataFrame([row_at(i) for i in range(min(len(rows), 50))], columns=order)
    return _rows_records(
        head,
        (row_at(i) for i in range(len(rows))),
        name,
        problems,
        row_numbers=numbers,
        encoding=encoding,
        columns=columns,
    )


def _read_parquet(
    path: Path, problems: Problems, columns: Mapping[str, str] | None = None
) -> list[RawRecord]:
    try:
        frame = pd.read_parquet(path)
    except ImportError as exc:
        raise CorpusSourceError(
            "reading Parquet needs pyarrow; pip install pyarrow", file=str(path)
        ) from exc
    except (OSError, ValueError) as exc:
        raise CorpusSourceError(
            f"cannot be read as Parquet ({exc}); check the file", file=str(path)
        ) from exc
    return _read_frame(frame, str(path), problems, columns=columns)


def table_records(
    frame: pd.DataFrame,
    name: str,
    problems: Problems,
    *,
    first_row: int = 1,
    encoding: str = "utf-8",
    columns: Mapping[str, str] | None = None,
) -> list[RawRecord]:
    """The records of the table rows ``frame`` (of the file ``name``; its data rows numbered
    from ``first_row``: a whole table, or a chunk of one), as ``load_corpus`` reads a table."""
    numbers = range(first_row, first_row + len(frame)) if first_row != 1 else None
    return _read_frame(
        frame, name, problems, row_numbers=numbers, encoding=encoding, columns=columns
    )


def _read_frame(
    frame: pd.DataFrame,
    name: str,
    problems: Problems,
    *,
    row_numbers: Sequence[int] | None = None,
    encoding: str = "utf-8",
    columns: Mapping[str, str] | None = None,
) -> list[RawRecord]:
    frame = _flatten(frame)
    return _rows_records(
        frame,
        frame.to_dict("records"),
        name,
        problems,
        row_numbers=row_numbers,
        encoding=encoding,
        columns=columns,
    )


def _rows_records(
    head: pd.DataFrame,
    rows: Iterable[Mapping[str, Any]],
    name: str,
    problems: Problems,
    *,
    row_numbers: Sequence[int] | None = None,
    encoding: str = "utf-8",
    columns: Mapping[str, str] | None = None,
) -> list[RawRecord]:
    """The records of table ``rows`` (each a mapping of column → value; a column a row lacks
    is missing); ``head``: a frame with the table's columns, in order, and its first rows (the
    columns are chosen from it, and named in messages and errors)."""
    chosen = resolve_columns(head, name, columns)
    recognised = [
        f"{key} from {col!r}"
        for key, col in chosen.items()
        if str(col).strip().lower() != key and not (columns and key in columns)
    ]
    if recognised:
        problems.say(
            f"{name}: {', '.join(recognised)} (recognised column names; choose others with "
            "columns={...})"
        )
    used = set(chosen.values())
    extra_columns = [c for c in head.columns if c not in used]
    if extra_columns:
        problems.say(
            f"{name}: kept as metadata (Article.meta, columns of corpus.frame()): "
            + ", ".join(map(str, extra_columns))
        )
    stem = Path(name).stem if not name.startswith("<") else "row"
    text_col = chosen["text"]
    records = []
    for i, row in enumerate(rows):
        number = row_numbers[i] if row_numbers is not None else i + 1
        text = row.get(text_col)
        if _missing(text) or not str(text).strip():
            problems.report(
                ArticleError(
                    f"has no text; fill the {text_col!r} column or drop the row",
                    file=name,
                    row=number,
                )
            )
            continue
        ident = row.get(chosen["id"]) if "id" in chosen else None
        ident = (
            f"{stem}-{number}" if _missing(ident) or not str(ident).strip() else str(ident).strip()
        )
        meta: dict[str, Any] = {}
        for key in (*META_FIELDS, "author", "story_id"):
            value = row.get(chosen[key]) if key in chosen else None
            if not _missing(value) and str(value).strip():
                meta[key] = value if key == "date" else str(value).strip()
        try:
            if "date" in meta:
                meta["date"] = parse_date(meta["date"])
        except ValueError as exc:
            problems.report(ArticleError(str(exc), file=name, row=number))
            continue
        extra: dict[str, Any] = {}
        for c in extra_columns:
            value = row.get(c)
            if not _missing(value) and not (isinstance(value, str) and not value.strip()):
                extra[str(c)] = value
        records.append(
            RawRecord(
                ident,
                str(text),
                meta,
                f"{name}, row {number}",
                name,
                number,
                encoding,
                extra=extra,
                date_source="metadata" if "date" in meta else None,
            )
        )
    return records


def resolve_columns(
    frame: pd.DataFrame, name: str, columns: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Which column of ``frame`` holds each article field: ``columns`` (field → column name or
    dotted path, any case) first, then the recognised names of
    ``newskit.resources.columns.COLUMN_NAMES``. Raises ``CorpusSourceError`` naming the columns
    and the ``columns=`` call that fixes it when no text column is found."""
    by_lower: dict[str, Any] = {}
    for c in frame.columns:
        by_lower.setdefault(str(c).strip().lower(), c)
    chosen: dict[str, Any] = {}
    for key, col in (columns or {}).items():
        if key not in COLUMN_NAMES:
            raise ValueError(
                f"columns: unknown field {key!r}; fields are {', '.join(COLUMN_NAMES)}"
            )
        found = col if col in frame.columns else by_lower.get(str(col).strip().lower())
        if found is None:
            raise CorpusSourceError(
                f"has no column {col!r} (given as columns={{{key!r}: {col!r}}}); columns are: "
                + (", ".join(map(str, frame.columns)) or "none"),
                file=name,
            )
        chosen[key] = found
    taken = set(chosen.values())
    for key, names in COLUMN_NAMES.items():
        if key in chosen:
            continue
        for candidate in names:
            col = by_lower.get(candidate)
            if col is not None and col not in taken:
                chosen[key] = col
                taken.add(col)
                break
    if "text" not in chosen:
        listed = ", ".join(map(str, frame.columns)) or "none"
        guess = _longest_text_column(frame) or "<the column with the text>"
        source = "frame" if name.startswith("<") else repr(name)
        raise CorpusSourceError(
            f"has no article-text column (columns: {listed}); recognised names are "
            f"{', '.join(COLUMN_NAMES['text'])}. Say which column holds the text, e.g. "
            f"newskit.load_corpus({source}, columns={{'text': {str(guess)!r}}}) "
            f"(or --columns text={guess} on the command line)",
            file=name,
        )
    return chosen


def _longest_text_column(frame: pd.DataFrame) -> Any:
    best, best_len = None, 0.0
    for c in frame.columns:
        values = frame[c].head(50)
        strings = [v for v in values if isinstance(v, str)]
        if not strings:
            continue
        mean = sum(map(len, strings)) / len(strings)
        if mean > best_len:
            best, best_len = c, mean
    return best


def _flatten(frame: pd.DataFrame) -> pd.DataFrame:
    """Nested records (dict cells, Parquet structs) flattened to dotted columns (``a.b``)."""
    nested = [
        c
        for c in frame.columns
        if frame[c].dtype == object and frame[c].map(lambda v: isinstance(v, dict)).any()
    ]
    if not nested:
        return frame
    return pd.json_normalize(frame.to_dict("records"), sep=".")


def _apply_metadata(records: list[RawRecord], path: Path, problems: Problems) -> None:
    """Merge ``metadata.csv`` (``file`` or ``id`` column) into the folder's records."""
    merge_metadata(records, read_metadata(path), path, problems)


def read_metadata(path: Path) -> pd.DataFrame:
    """A ``metadata.csv`` as text columns; ``CorpusSourceError`` when it is not a CSV with a
    ``file`` (or ``id``) column."""
    try:
        meta = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, OSError) as exc:
        raise CorpusSourceError(
            f"cannot be read as CSV ({exc}); fix it or remove it", file=str(path)
        ) from exc
    metadata_key(meta, path)
    return meta


def metadata_key(meta: pd.DataFrame, path: Path) -> tuple[dict[str, str], str]:
    """``metadata.csv``'s columns by lower-case name (``source`` standing in for ``outlet``)
    and the column naming each file (``file``, else ``id``)."""
    columns = {c.strip().lower(): c for c in meta.columns}
    for alias, target in _COLUMN_ALIASES.items():
        if alias in columns and target not in columns:
            columns[target] = columns[alias]
    key = "file" if "file" in columns else "id" if "id" in columns else None
    if key is None:
        raise CorpusSourceError(
            "needs a 'file' column naming each .txt file (or an 'id' column)", file=str(path)
        )
    return columns, key


def merge_metadata(
    records: list[RawRecord],
    meta: pd.DataFrame,
    path: Path,
    problems: Problems,
    *,
    numbers: Sequence[int] | None = None,
) -> None:
    """Merge the rows of ``metadata.csv`` (``path``; ``meta`` all its rows, or some with their
    row numbers in ``numbers``) into ``records`` (articles of its folder); a row naming no
    record is reported to ``problems``."""
    columns, key = metadata_key(meta, path)
    by_name = {}
    for r in records:
        by_name[Path(r.file).name] = r
        by_name[r.id] = r
    rows = meta.itertuples(index=False)
    for i, row in zip(numbers or range(1, len(meta) + 1), rows, strict=True):
        values = dict(zip(meta.columns, row, strict=True))
        target = by_name.get(str(values[columns[key]]).strip())
        if target is None:
            problems.report(
                ArticleError(
                    f"names {values[columns[key]]!r}, which is not a loaded .txt file in the "
                    "folder; fix the name or remove the row",
                    file=str(path),
                    row=i,
                )
            )
            continue
        for field_name in META_FIELDS:
            value = values.get(columns.get(field_name, ""), "")
            if value is None or not str(value).strip():
                continue
            if field_name == "date":
                try:
                    value = parse_date(value)
                except ValueError as exc:
                    problems.report(ArticleError(str(exc), file=str(path), row=i))
                    continue
            target.meta[field_name] = str(value).strip() if field_name != "date" else value
            if field_name == "date":
                target.date_source = "metadata"
            if field_name == "outlet" and "outlet from the folder name" in target.notes:
                target.notes.remove("outlet from the folder name")


def parse_date(value: Any) -> dt.date:
    """Read a publication date (ISO ``YYYY-MM-DD``, an ISO timestamp, or a date object)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        stamp = pd.Timestamp(text)
    except (ValueError, TypeError):
        stamp = None
    if stamp is None or pd.isna(stamp):
        raise ValueError(f"date {text!r} is not a date; write it as YYYY-MM-DD")
    return stamp.date()


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
