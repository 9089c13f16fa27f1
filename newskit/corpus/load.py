"""Reading corpus sources into raw records: folders of .txt files, file lists, CSV, JSONL and
DataFrames. Decoding, metadata columns and every input problem are handled here; cleaning and
sentence splitting happen downstream.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from newskit.errors import ArticleError, CorpusError, CorpusSourceError

Errors = Literal["raise", "skip"]
META_FIELDS = ("outlet", "date", "title", "url")
SKIPPED_COLUMNS = ["file", "row", "reason"]
_COLUMN_ALIASES = {"source": "outlet"}


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


@dataclass
class Problems:
    """Collects skipped inputs; raises at once when ``errors="raise"``."""

    errors: Errors
    rows: list[tuple[str, int | None, str]] = field(default_factory=list)

    def report(self, exc: CorpusError) -> None:
        """Raise ``exc`` or record it as a skipped row, by the error mode."""
        if self.errors == "raise":
            raise exc
        self.rows.append((exc.file or "", exc.row, exc.reason))

    def note(self, file: str, reason: str) -> None:
        """Record an input that was passed over on purpose (never raises)."""
        self.rows.append((file, None, reason))

    def frame(self) -> pd.DataFrame:
        """The skipped inputs: ``file, row, reason`` (``row`` is empty for whole files)."""
        df = pd.DataFrame(self.rows, columns=SKIPPED_COLUMNS)
        df["row"] = df["row"].astype("Int64")
        return df


def read_source(source: Any, problems: Problems) -> list[RawRecord]:
    """Read any supported source into raw records, reporting problems to ``problems``."""
    if isinstance(source, pd.DataFrame):
        return _read_frame(source, "<DataFrame>", problems)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists():
            raise CorpusSourceError(
                "no such file or folder; give a folder of .txt files, a .csv or .jsonl file, "
                "or a list of paths",
                file=str(path),
            )
        if path.is_dir():
            return _read_folder(path, problems)
        suffix = path.suffix.lower()
        if suffix == ".csv":
            return _read_csv(path, problems)
        if suffix in (".jsonl", ".ndjson"):
            return _read_jsonl(path, problems)
        return _read_files([path], problems)
    if isinstance(source, Iterable):
        paths = [Path(p) for p in source]
        if not paths:
            raise CorpusSourceError("the list of paths is empty; give at least one .txt file")
        return _read_files(paths, problems)
    raise CorpusSourceError(
        f"cannot read a corpus from {type(source).__name__}; give a folder, a .csv/.jsonl file, "
        "a list of paths or a pandas DataFrame"
    )


def _read_folder(folder: Path, problems: Problems) -> list[RawRecord]:
    entries = sorted(folder.iterdir(), key=lambda p: p.name)
    texts = [p for p in entries if p.suffix.lower() == ".txt" and p.is_file()]
    text_set = set(texts)
    for p in entries:
        if p in text_set or p.name.lower() == "metadata.csv":
            continue
        kind = "a folder (subfolders are not read)" if p.is_dir() else "not a .txt file"
        problems.note(str(p), f"ignored: {kind}")
    if not texts:
        raise CorpusSourceError(
            "the folder has no .txt files; put one article per .txt file in it", file=str(folder)
        )
    records = _read_files(texts, problems)
    meta_path = next((p for p in entries if p.name.lower() == "metadata.csv"), None)
    if meta_path is not None:
        _apply_metadata(records, meta_path, problems)
    return records


def _read_files(paths: Sequence[Path], problems: Problems) -> list[RawRecord]:
    records = []
    for path in paths:
        try:
            raw, encoding = read_text_file(path)
        except ArticleError as exc:
            problems.report(exc)
            continue
        records.append(RawRecord(path.stem, raw, {}, str(path), str(path), None, encoding))
    return records


def read_text_file(path: Path) -> tuple[str, str]:
    """Decode one article file; return ``(text, encoding)``.

    UTF-8 with or without BOM, and UTF-16 with a BOM, are read as such. A file that is not valid
    UTF-8 is decoded as Windows-1252 and flagged ``"cp1252 (fallback)"``; a file that is neither
    is rejected. Line ends are kept as they are in the file.
    """
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


def _read_csv(path: Path, problems: Problems) -> list[RawRecord]:
    frame = None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=encoding)
            break
        except UnicodeDecodeError:
            continue
        except (pd.errors.ParserError, pd.errors.EmptyDataError, OSError) as exc:
            raise CorpusSourceError(
                f"cannot be read as CSV ({exc}); check quoting and the header line",
                file=str(path),
            ) from exc
    if frame is None:
        raise CorpusSourceError(
            "is neither UTF-8 nor Windows-1252; re-save it as UTF-8", file=str(path)
        )
    flagged = "cp1252 (fallback)" if encoding == "cp1252" else "utf-8"
    return _read_frame(frame, str(path), problems, encoding=flagged)


def _read_jsonl(path: Path, problems: Problems) -> list[RawRecord]:
    try:
        raw, encoding = read_text_file(path)
    except ArticleError as exc:
        raise CorpusSourceError(exc.reason, file=str(path)) from exc
    rows: list[dict[str, Any]] = []
    numbers: list[int] = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.report(
                ArticleError(
                    f"not valid JSON ({exc.msg}); one JSON object per line",
                    file=str(path),
                    row=number,
                )
            )
            continue
        if not isinstance(obj, dict):
            problems.report(
                ArticleError(
                    "is not a JSON object; write one {...} object per line",
                    file=str(path),
                    row=number,
                )
            )
            continue
        rows.append(obj)
        numbers.append(number)
    frame = pd.DataFrame(rows)
    return _read_frame(frame, str(path), problems, row_numbers=numbers, encoding=encoding)


def _read_frame(
    frame: pd.DataFrame,
    name: str,
    problems: Problems,
    *,
    row_numbers: Sequence[int] | None = None,
    encoding: str = "utf-8",
) -> list[RawRecord]:
    columns = {str(c).strip().lower(): c for c in frame.columns}
    for alias, target in _COLUMN_ALIASES.items():
        if alias in columns and target not in columns:
            columns[target] = columns[alias]
    if "text" not in columns:
        raise CorpusSourceError(
            f"has no 'text' column (columns: {', '.join(map(str, frame.columns)) or 'none'}); "
            "name the column holding the article text 'text'",
            file=name,
        )
    stem = Path(name).stem if not name.startswith("<") else "row"
    records = []
    for i, (_, row) in enumerate(frame.iterrows()):
        number = row_numbers[i] if row_numbers is not None else i + 1
        text = row[columns["text"]]
        if _missing(text) or not str(text).strip():
            problems.report(
                ArticleError(
                    "has no text; fill the 'text' column or drop the row", file=name, row=number
                )
            )
            continue
        ident = row[columns["id"]] if "id" in columns else None
        ident = (
            f"{stem}-{number}" if _missing(ident) or not str(ident).strip() else str(ident).strip()
        )
        meta = {}
        for key in META_FIELDS:
            if (
                key in columns
                and not _missing(row[columns[key]])
                and str(row[columns[key]]).strip()
            ):
                meta[key] = row[columns[key]]
        try:
            if "date" in meta:
                meta["date"] = parse_date(meta["date"])
        except ValueError as exc:
            problems.report(ArticleError(str(exc), file=name, row=number))
            continue
        records.append(
            RawRecord(ident, str(text), meta, f"{name}, row {number}", name, number, encoding)
        )
    return records


def _apply_metadata(records: list[RawRecord], path: Path, problems: Problems) -> None:
    """Merge ``metadata.csv`` (``file`` or ``id`` column) into the folder's records."""
    try:
        meta = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, OSError) as exc:
        raise CorpusSourceError(
            f"cannot be read as CSV ({exc}); fix it or remove it", file=str(path)
        ) from exc
    columns = {c.strip().lower(): c for c in meta.columns}
    for alias, target in _COLUMN_ALIASES.items():
        if alias in columns and target not in columns:
            columns[target] = columns[alias]
    key = "file" if "file" in columns else "id" if "id" in columns else None
    if key is None:
        raise CorpusSourceError(
            "needs a 'file' column naming each .txt file (or an 'id' column)", file=str(path)
        )
    by_name = {}
    for r in records:
        by_name[Path(r.file).name] = r
        by_name[r.id] = r
    for i, row in enumerate(meta.itertuples(index=False), start=1):
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
