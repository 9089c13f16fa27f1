"""What a run reads: the source cut into parts that the workers load themselves.

``plan_source`` runs on the driver and only looks at names: a folder is listed (its files are
read by the workers, ``ROWS_PER_PART`` files per part; its ``metadata.csv`` is read by a worker
and its rows sent to the parts that hold their files), a list or glob of paths keeps its order
(runs of text and web-page files become parts; each table is planned by a worker), a pandas or
Dask DataFrame is cut into partitions. ``plan_table`` runs on a worker and cuts one table into
chunks of about ``ROWS_PER_PART`` rows: JSON lines by byte ranges that start on a line, CSV by
streaming it into Parquet chunks, Parquet by row groups (or streamed into chunks when its row
groups are too large). ``load_part`` (on a worker) reads one part exactly as ``load_corpus``
reads those files or rows, then cleans it; problems are kept with their place in the
in-process order (``phase``) so the run can report them as ``load_corpus`` would.
"""

from __future__ import annotations

import glob as _glob
import math
import os
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from newskit.app.dask.tables import RunOptions
from newskit.corpus.clean import as_rules
from newskit.corpus.corpus import SPEC_SUFFIX, build_articles, read_spec
from newskit.corpus.load import (
    CSV_ENCODINGS,
    CSV_ERRORS,
    NO_SOURCE,
    TABLE_SUFFIXES,
    LoadOptions,
    Problems,
    RawRecord,
    article_ident,
    csv_unreadable,
    jsonl_records,
    list_folder,
    merge_metadata,
    metadata_key,
    read_metadata,
    read_paths,
    read_source,
    table_records,
)
from newskit.corpus.records import Article
from newskit.errors import CorpusError, CorpusSourceError

#: At most this many articles (files, or table rows) per load part, unless the run says
#: otherwise; a smaller corpus is cut into about ``SPREAD`` parts of at least ``MIN_PART``.
ROWS_PER_PART = 1000
SPREAD = 16
MIN_PART = 25
#: Bytes read at a time when cutting a JSON-lines file into chunks.
BLOCK_BYTES = 1 << 22
# Where each kind of problem falls in load_corpus's order: the folder listing, reading files,
# metadata.csv, cleaning, duplicate ids.
LISTING, READ, METADATA, BUILD, DUPLICATE = range(5)


@dataclass(frozen=True)
class FilesPart:
    """Text, web-page and archive files (absolute paths), read as ``load_corpus`` reads a list
    of them; ``root``: the folder they were listed from."""

    paths: tuple[str, ...]
    root: str | None = None


@dataclass(frozen=True)
class TableFile:
    """A table to be cut into chunks by a worker (``plan_table``); ``fatal``: a problem with the
    whole table stops the run (the table is the whole source) rather than being skipped."""

    path: str
    fatal: bool


@dataclass(frozen=True)
class JsonlChunk:
    """Lines of a JSON-lines file: bytes ``start`` to ``end``, the first being line
    ``first_line``; ``encoding`` as ``load_corpus`` names it (``utf-8``, ``utf-8-sig``,
    ``cp1252 (fallback)``)."""

    path: str
    start: int
    end: int
    first_line: int
    encoding: str


@dataclass(frozen=True)
class RowsChunk:
    """Rows of a CSV or Parquet file from ``first_row`` on: the Parquet chunk ``data`` a worker
    streamed them into, or the row groups ``row_groups`` of the file itself."""

    path: str
    first_row: int
    encoding: str = "utf-8"
    data: str | None = None
    row_groups: tuple[int, ...] = ()


@dataclass(frozen=True)
class WholeTable:
    """A table read whole, as ``load_corpus`` reads it (a UTF-16 or binary file, whose problems
    the loader reports in its own words)."""

    path: str
    fatal: bool


@dataclass(frozen=True)
class FailedSource:
    """A table that cannot be read at all: ``reason`` as ``load_corpus`` says it."""

    file: str
    reason: str
    fatal: bool


@dataclass
class FramePart:
    """Rows of a DataFrame source from row ``start`` on (``frame``: the rows, or a future)."""

    frame: Any
    start: int


@dataclass
class MetaFile:
    """A folder's ``metadata.csv`` and, once the folder is cut into parts, which part holds the
    file each name (file name or article id) refers to."""

    path: str
    route: dict[str, int] = field(default_factory=dict)


@dataclass
class Plan:
    """The source as the driver sees it: ``items`` in corpus order (parts, or tables still to
    cut), the folder listing's notes, its ``metadata.csv`` files, the local paths workers must
    see, a Dask DataFrame source, and the name messages use."""

    name: str
    items: list[Any] = field(default_factory=list)
    notes: list[tuple[str, int | None, str]] = field(default_factory=list)
    metas: list[MetaFile] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    dask_frame: Any = None


def auto_part_size(n: int, cap: int = ROWS_PER_PART) -> int:
    """Items per part for ``n`` items: at most ``cap``, and few enough that a small corpus
    still makes about ``SPREAD`` parts (so every worker has work), but never under
    ``MIN_PART``."""
    return max(MIN_PART, min(cap, math.ceil(n / SPREAD)))


def is_dask_frame(source: Any) -> bool:
    """Whether ``source`` is a Dask DataFrame."""
    module = type(source).__module__ or ""
    return module.startswith("dask") and hasattr(source, "to_delayed")


def load_options(options: RunOptions) -> LoadOptions:
    """The reader's options from a run's."""
    return LoadOptions(
        columns=dict(options.columns) if options.columns else None,
        recursive=options.recursive,
        outlet_from=options.outlet_from,  # type: ignore[arg-type]
        max_chars=options.max_chars,
    )


def plan_source(
    source: Any, options: RunOptions, rows_per_part: int | None = None
) -> tuple[Plan, RunOptions]:
    """Cut ``source`` into parts of ``rows_per_part`` articles (``None``: ``auto_part_size``),
    on the driver (names only; nothing is read but a folder's listing). Returns the plan and
    the options (a load spec, ``NAME.corpus.json``, adds its own). Raises
    ``CorpusSourceError`` for a missing path, an empty list, a glob matching nothing or a
    folder without article files."""
    if is_dask_frame(source):
        return Plan("<dask DataFrame>", dask_frame=source), options
    if isinstance(source, pd.DataFrame):
        size = rows_per_part or auto_part_size(len(source))
        items = [
            FramePart(source.iloc[i : i + size], i) for i in range(0, max(len(source), 1), size)
        ]
        return Plan("<DataFrame>", items), options
    if isinstance(source, (str, os.PathLike)):
        text = os.fspath(source)
        if text.lower().endswith(SPEC_SUFFIX):
            spec = read_spec(Path(text).expanduser().resolve())
            options = _with_spec(options, spec)
            return plan_source(str(spec["source"]), options, rows_per_part)
        if _glob.has_magic(text):
            files = sorted(_glob.glob(os.path.expanduser(text)))
            if not files:
                raise CorpusSourceError("the glob matches no files; check the pattern", file=text)
            return _plan_list(files, text, rows_per_part), options
        path = Path(text).expanduser().resolve()
        if not path.exists():
            raise CorpusSourceError(NO_SOURCE, file=str(path))
        if path.is_dir():
            return _plan_folder(path, options, rows_per_part), options
        plan = Plan(str(path), paths=[str(path)])
        if path.suffix.lower() in TABLE_SUFFIXES:
            plan.items.append(TableFile(str(path), fatal=True))
        else:
            plan.items.append(FilesPart((str(path),)))
        return plan, options
    if isinstance(source, Iterable):
        paths = [os.fspath(p) for p in source]
        if not paths:
            raise CorpusSourceError(
                "the list of paths is empty; give at least one .txt, .html, .csv, .jsonl, "
                ".parquet or .warc file"
            )
        return _plan_list(paths, f"{len(paths)} paths", rows_per_part), options
    raise CorpusSourceError(
        f"cannot run on {type(source).__name__}; give a folder, a file, a list or glob of "
        "files, or a (Dask) DataFrame"
    )


def local_source(source: Any) -> Any:
    """``source`` as ``load_corpus`` reads what a run reads: paths made absolute (as the
    workers are given them), a glob expanded into its sorted list of files, a Dask DataFrame
    computed."""
    if is_dask_frame(source):
        return source.compute()
    if isinstance(source, pd.DataFrame):
        return source
    if isinstance(source, (str, os.PathLike)):
        text = os.fspath(source)
        if _glob.has_magic(text):
            files = sorted(_glob.glob(os.path.expanduser(text)))
            if not files:
                raise CorpusSourceError("the glob matches no files; check the pattern", file=text)
            return [str(Path(f).resolve()) for f in files]
        return str(Path(text).expanduser().resolve())
    if isinstance(source, Iterable):
        return [str(Path(os.fspath(p)).expanduser().resolve()) for p in source]
    return source


def _with_spec(options: RunOptions, spec: dict[str, Any]) -> RunOptions:
    from dataclasses import replace

    return replace(
        options,
        columns=options.columns if options.columns is not None else spec.get("columns"),
        recursive=options.recursive or bool(spec.get("recursive")),
        outlet_from=options.outlet_from or spec.get("outlet_from"),
        max_chars=spec.get("max_chars", options.max_chars),
    )


def _plan_list(paths: list[str], name: str, rows_per_part: int | None) -> Plan:
    plan = Plan(name)
    run: list[str] = []
    n_files = sum(Path(p).suffix.lower() not in TABLE_SUFFIXES for p in paths)
    size = rows_per_part or auto_part_size(n_files)

    def flush() -> None:
        for i in range(0, len(run), size):
            plan.items.append(FilesPart(tuple(run[i : i + size])))
        run.clear()

    for p in paths:
        path = str(Path(p).expanduser().resolve())
        plan.paths.append(path)
        if Path(path).suffix.lower() in TABLE_SUFFIXES:
            flush()
            plan.items.append(TableFile(path, fatal=False))
        else:
            run.append(path)
    flush()
    return plan


def _plan_folder(folder: Path, options: RunOptions, rows_per_part: int | None) -> Plan:
    problems = Problems("skip")
    files, metas = list_folder(folder, problems, load_options(options))
    plan = Plan(str(folder), notes=list(problems.rows), paths=[str(folder)])
    names = [str(f) for f in files]
    size = rows_per_part or auto_part_size(len(names))
    for i in range(0, len(names), size):
        plan.items.append(FilesPart(tuple(names[i : i + size]), str(folder)))
    lopts = load_options(options)
    for meta in metas:
        route: dict[str, int] = {}
        for k, f in enumerate(files):
            if f.parent != meta.parent:
                continue
            part = k // size
            route[f.name] = part
            route[article_ident(f, lopts, folder)] = part
        plan.metas.append(MetaFile(str(meta), route))
    return plan


# --- cutting one table into chunks, on a worker ----------------------------------------------


def plan_table(
    table: TableFile, rows_per_part: int | None, n_tables: int, work: tuple[Any, str]
) -> list[Any]:
    """The chunks of ``table`` (specs for ``load_part``), or a ``FailedSource`` saying why it
    cannot be read. ``rows_per_part``: rows per chunk (``None``: ``auto_part_size`` of the
    file's rows times ``n_tables``, the tables of the source); ``work``: a file system and a
    folder for streamed chunks."""
    path = Path(table.path)
    if not path.is_file():
        return [FailedSource(table.path, "no such file; check the path", table.fatal)]
    suffix = path.suffix.lower()
    if rows_per_part is None:
        rows_per_part = auto_part_size(_rows_in(path) * max(n_tables, 1))
    try:
        if suffix == ".csv":
            return _spool_csv(path, rows_per_part, work)
        if suffix in (".jsonl", ".ndjson"):
            return _jsonl_chunks(path, rows_per_part, table.fatal)
        return _parquet_chunks(path, rows_per_part, work)
    except CorpusSourceError as exc:
        return [FailedSource(exc.file or table.path, exc.reason, table.fatal)]


def _rows_in(path: Path) -> int:
    """About how many rows a table has: Parquet's own count, else its line ends."""
    if path.suffix.lower() in (".parquet", ".pq"):
        import pyarrow.parquet as pq

        try:
            return int(pq.ParquetFile(path).metadata.num_rows)
        except (OSError, ValueError):
            return 0
    count = 0
    with open(path, "rb") as f:
        while block := f.read(BLOCK_BYTES):
            count += block.count(b"\n")
    return count


def _jsonl_chunks(path: Path, rows_per_part: int, fatal: bool) -> list[Any]:
    """JSON lines cut at line starts into chunks of about ``rows_per_part`` lines. A file that
    is UTF-16, holds NUL bytes or is neither UTF-8 nor Windows-1252 is read whole (the loader
    says what is wrong with it)."""
    with open(path, "rb") as f:
        head = f.read(4)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return [WholeTable(str(path), fatal)]
    for encoding in ("utf-8", "cp1252"):
        chunks = _cut_lines(path, rows_per_part, encoding)
        if chunks is not None:
            return chunks
    return [WholeTable(str(path), fatal)]


def _cut_lines(path: Path, rows_per_part: int, encoding: str) -> list[Any] | None:
    """Chunks of ``path`` decoded as ``encoding``, each ending after a line feed; ``None`` if the
    file holds NUL bytes or does not decode."""
    chunks: list[Any] = []
    start, line, lines_in_chunk, pos = 0, 1, 0, 0
    flag = "cp1252 (fallback)" if encoding == "cp1252" else "utf-8"
    with open(path, "rb") as f:
        bom = f.read(3) == b"\xef\xbb\xbf"
        f.seek(0)
        if bom and encoding == "utf-8":
            flag = "utf-8-sig"
        while True:
            block = f.read(BLOCK_BYTES)
            if not block:
                break
            if not block.endswith(b"\n"):
                block += f.readline()  # end the block on a line end
            if b"\x00" in block:
                return None
            try:
                text = block.decode(encoding)
            except UnicodeDecodeError:
                return None
            offset = pos
            if pos == 0 and flag == "utf-8-sig":
                text, offset = text[1:], 3
            for piece in text.splitlines(keepends=True):
                offset += len(piece.encode(encoding))
                lines_in_chunk += 1
                if lines_in_chunk >= rows_per_part and piece.endswith("\n"):
                    chunks.append(JsonlChunk(str(path), start, offset, line, flag))
                    line += lines_in_chunk
                    start, lines_in_chunk = offset, 0
            pos += len(block)
    if start < pos or not chunks:
        chunks.append(JsonlChunk(str(path), start, pos, line, flag))
    return chunks


def _spool_csv(path: Path, rows_per_part: int, work: tuple[Any, str]) -> list[Any]:
    """A CSV streamed into Parquet chunks (text columns, as ``load_corpus`` reads a CSV)."""
    fs, folder = work
    for encoding in CSV_ENCODINGS:
        chunks: list[Any] = []
        try:
            reader = pd.read_csv(
                path,
                dtype=str,
                keep_default_na=False,
                encoding=encoding,
                chunksize=rows_per_part,
            )
            first = 1
            for k, frame in enumerate(reader):
                chunks.append(_spooled(fs, folder, path, k, frame, first, encoding))
                first += len(frame)
            if not chunks:  # a header without rows: the columns still decide what is read
                header = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=encoding)
                chunks.append(_spooled(fs, folder, path, 0, header, 1, encoding))
            return chunks
        except UnicodeDecodeError:
            continue
        except CSV_ERRORS as exc:
            raise csv_unreadable(path, exc) from exc
    raise csv_unreadable(path)


def _spooled(
    fs: Any, folder: str, path: Path, k: int, frame: pd.DataFrame, first: int, encoding: str
) -> RowsChunk:
    data = posixpath.join(folder, f"{_slug(path)}-{k:05d}.parquet")
    if not fs.exists(posixpath.dirname(folder)):  # the run's staging folder is gone: stopped
        raise RuntimeError(f"{folder} is gone: the run was stopped")
    fs.makedirs(folder, exist_ok=True)
    with fs.open(data, "wb") as f:
        frame.to_parquet(f, index=False)
    flag = "cp1252 (fallback)" if encoding == "cp1252" else "utf-8"
    return RowsChunk(str(path), first, flag, data=data)


def _slug(path: Path) -> str:
    from newskit.app.dask.exchange import stable_hash

    return f"{path.stem[:40]}-{stable_hash(str(path), 1 << 30):08x}"


def _parquet_chunks(path: Path, rows_per_part: int, work: tuple[Any, str]) -> list[Any]:
    """A Parquet file's row groups, gathered into chunks of about ``rows_per_part`` rows; a file
    whose row groups are much larger is streamed into chunks instead."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
        sizes = [pf.metadata.row_group(i).num_rows for i in range(pf.num_row_groups)]
    except (OSError, ValueError) as exc:
        raise CorpusSourceError(
            f"cannot be read as Parquet ({exc}); check the file", file=str(path)
        ) from exc
    if sizes and max(sizes) > 2 * rows_per_part:
        fs, folder = work
        chunks, first = [], 1
        for k, batch in enumerate(pf.iter_batches(batch_size=rows_per_part)):
            import pyarrow as pa

            frame = pa.Table.from_batches([batch]).to_pandas()
            chunk = _spooled(fs, folder, path, k, frame, first, "utf-8")
            chunks.append(chunk)
            first += len(frame)
        return chunks or [RowsChunk(str(path), 1, row_groups=())]
    chunks, group, first, n = [], [], 1, 0
    for i, size in enumerate(sizes):
        group.append(i)
        n += size
        if n >= rows_per_part:
            chunks.append(RowsChunk(str(path), first, row_groups=tuple(group)))
            first += n
            group, n = [], 0
    if group or not chunks:
        chunks.append(RowsChunk(str(path), first, row_groups=tuple(group)))
    return chunks


# --- loading one part, on a worker -------------------------------------------------------------


@dataclass
class Collected(Problems):
    """Problems gathered without raising; ``reported`` holds the rows ``load_corpus`` would
    raise with ``errors="raise"`` (the others are notes: ignored files, archive records)."""

    reported: set[int] = field(default_factory=set)

    def report(self, exc: CorpusError) -> None:
        self.reported.add(len(self.rows))
        self.rows.append((exc.file or "", exc.row, exc.reason))

    def tagged(self, phase: int, a: int, b: int | None = None) -> list[tuple]:
        """The rows as ``(phase, a, b, file, row, reason, raises)``; ``b`` is the row's place
        (or its row number in the file when ``b`` is None)."""
        return [
            (phase, a, i if b is not None else (row or 0), f, row, why, i in self.reported)
            for i, (f, row, why) in enumerate(self.rows)
        ]


@dataclass
class Loaded:
    """One part, loaded and cleaned: its ``articles`` (outlets not yet named across the corpus),
    each article's ``origins`` (file, row, source of its record), the ``problems`` met
    (``phase, a, b, file, row, reason, raises``: ``(phase, a, b)`` orders them as
    ``load_corpus`` would; ``raises``: whether ``errors="raise"`` stops on it), the loader's
    ``messages`` and a problem that stops the run whatever ``errors`` says (``fatal``:
    ``(file, reason)``)."""

    articles: list[Article]
    origins: list[tuple[str, int | None, str]]
    problems: list[tuple]
    messages: list[str]
    fatal: tuple[str, str] | None = None


def load_part(
    k: int,
    spec: Any,
    options: RunOptions,
    metas: list[tuple[int, str, pd.DataFrame, list[int]]] | None = None,
    frame: pd.DataFrame | None = None,
) -> Loaded:
    """Read and clean part ``k`` of the source (``spec`` from the plan; ``metas``: the rows of
    each ``metadata.csv`` that name its files, as ``(index, path, rows, row numbers)``;
    ``frame``: the rows of a ``FramePart``)."""
    lopts = load_options(options)
    read = Collected("skip")
    fatal = None
    records: list[RawRecord] = []
    if isinstance(spec, FramePart) and frame is not None:
        spec = FramePart(frame, spec.start)
    try:
        records = _read(spec, read, lopts)
    except CorpusError as exc:
        if getattr(spec, "fatal", False) or isinstance(spec, FramePart):
            fatal = (exc.file or "", exc.reason)
        read.report(exc)
    problems = read.tagged(READ, k, 0)
    for index, path, rows, numbers in metas or []:
        meta = Collected("skip")
        folder = Path(path).parent
        in_folder = [r for r in records if Path(r.file).parent == folder]
        merge_metadata(in_folder, rows, Path(path), meta, numbers=numbers)
        problems += meta.tagged(METADATA, index)
    built_problems = Collected("skip")
    built = build_articles(
        records, built_problems, rules=as_rules(None), max_chars=options.max_chars, progress=False
    )
    problems += built_problems.tagged(BUILD, k, 0)
    return Loaded(
        [a for _, a in built],
        [(r.file, r.row, r.source) for r, _ in built],
        problems,
        list(dict.fromkeys(read.messages)),
        fatal,
    )


def route_metadata(index: int, meta: MetaFile) -> dict[str, Any]:
    """Read one ``metadata.csv`` (on a worker) and cut its rows by the part that holds the file
    each names: ``{"parts": {k: (index, path, rows, row numbers)}, "problems": rows naming no
    file, "fatal": (file, reason) when it cannot be read}``."""
    path = Path(meta.path)
    out: dict[str, Any] = {"parts": {}, "problems": [], "fatal": None}
    try:
        frame = read_metadata(path)
    except CorpusError as exc:
        out["fatal"] = (exc.file or str(path), exc.reason)
        return out
    columns, key = metadata_key(frame, path)
    names = frame[columns[key]].map(lambda v: str(v).strip())
    parts = names.map(meta.route)
    numbers = np.arange(1, len(frame) + 1)
    known = parts.notna().to_numpy()
    for part in sorted(set(parts[known].astype(int))):
        mask = (parts == part).to_numpy()
        out["parts"][int(part)] = (index, str(path), frame[mask], numbers[mask].tolist())
    if (~known).any():
        problems = Collected("skip")
        merge_metadata([], frame[~known], path, problems, numbers=numbers[~known].tolist())
        out["problems"] = problems.tagged(METADATA, index)
    return out


def _read(spec: Any, problems: Problems, options: LoadOptions) -> list[RawRecord]:
    if isinstance(spec, FilesPart):
        root = Path(spec.root) if spec.root else None
        return read_paths([Path(p) for p in spec.paths], problems, options, root=root)
    if isinstance(spec, JsonlChunk):
        with open(spec.path, "rb") as f:
            f.seek(spec.start)
            data = f.read(spec.end - spec.start)
        if spec.encoding == "cp1252 (fallback)":
            text = data.decode("cp1252")
        else:
            text = data.decode("utf-8-sig" if spec.start == 0 else "utf-8")
        return jsonl_records(
            text,
            spec.path,
            problems,
            first_line=spec.first_line,
            encoding=spec.encoding,
            columns=options.columns,
        )
    if isinstance(spec, RowsChunk):
        frame = _chunk_frame(spec)
        return table_records(
            frame,
            spec.path,
            problems,
            first_row=spec.first_row,
            encoding=spec.encoding,
            columns=options.columns,
        )
    if isinstance(spec, WholeTable):
        return read_source(spec.path, problems, options)
    if isinstance(spec, FailedSource):
        raise CorpusSourceError(spec.reason, file=spec.file)
    if isinstance(spec, FramePart):
        return table_records(
            spec.frame, "<DataFrame>", problems, first_row=spec.start + 1, columns=options.columns
        )
    raise TypeError(f"unknown part {spec!r}")


def _chunk_frame(spec: RowsChunk) -> pd.DataFrame:
    if spec.data is not None:
        import fsspec

        with fsspec.open(spec.data, "rb") as f:
            return pd.read_parquet(f)
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(spec.path).read_row_groups(list(spec.row_groups)).to_pandas()
    except (OSError, ValueError) as exc:
        raise CorpusSourceError(
            f"cannot be read as Parquet ({exc}); check the file", file=spec.path
        ) from exc
