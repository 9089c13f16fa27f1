"""A run's output folder: written into a staging folder beside it, checked, then moved into place
with its manifest; read back table by table in the in-process order.

Layout of ``OUT`` (every table is Parquet, in parts)::

    OUT/newskit-run.json          the manifest: tables, their part files and row counts, options
    OUT/<table>/part-NNNNN.parquet

Tables made per part of the corpus (articles, sentences, tokens, keywords, claims, stories) have
one file per load part, in corpus order; tables made per story partition (candidates,
alignments, quotes, reuse, coverage, claim groups, story table, outlet × story) one file per
partition; corpus-wide tables (keyword table, distinctive terms) one file per shard of their
terms. ``read_output(OUT, name)`` (and ``DistributedRun.read``) concatenates the parts listed in
the manifest and puts the rows in the order of the in-process function
(``newskit.app.dask.tables.SORTS``), with its dtypes.

A run writes into ``.OUT.newskit-run-TOKEN`` beside ``OUT``; only when every table is complete
and consistent is the manifest written and the folder moved to ``OUT`` (a previous run's output
there is replaced: on a local disk by two renames). A failed run deletes its staging folder and
leaves ``OUT`` as it was. On object stores, where a move is a copy, the manifest is written
last: ``read_output`` refuses a folder without one.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from newskit.app.dask.address import Output, RunSetupError, resolve_output
from newskit.app.dask.tables import SORTS, TABLES, ReadContext

MANIFEST = "newskit-run.json"
#: Bumped when the layout changes; read_output refuses other versions.
LAYOUT = 1
STAGING = ".{name}.newskit-run-{token}"
OLD = ".{name}.newskit-old-{token}"


class RunError(RuntimeError):
    """A run failed (a task raised, workers kept dying, or a check of the outputs failed). The
    previous output, if any, is untouched; the message says what failed."""


def part_name(k: int) -> str:
    """The file name of part ``k`` of a table."""
    return f"part-{k:05d}.parquet"


def write_frame(fs: Any, path: str, frame: pd.DataFrame) -> int:
    """Write ``frame`` as Parquet at ``path`` (in the file system ``fs``), replacing any file
    there; returns its number of rows."""
    fs.makedirs(posixpath.dirname(path), exist_ok=True)
    with fs.open(path, "wb") as f:
        frame.to_parquet(f, index=False)
    return len(frame)


@dataclass
class Staging:
    """The folder a run writes into before it is moved to ``target``."""

    target: Output
    token: str
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def dir(self) -> Output:
        name = posixpath.basename(self.target.path)
        return self.target.sibling(STAGING.format(name=name, token=self.token))

    def path(self, table: str, k: int) -> str:
        """Where part ``k`` of ``table`` is written."""
        return self.dir.join(table, part_name(k))

    def check_target(self) -> None:
        """Refuse a target that exists and is not a newskit run's output (a file, or a folder
        with other things in it): a run replaces its target whole."""
        fs, path = self.target.fs, self.target.path
        if not fs.exists(path):
            return
        if not fs.isdir(path):
            raise RunSetupError(f"{self.target.url} is a file; give a folder for the output")
        if fs.ls(path) and not fs.exists(posixpath.join(path, MANIFEST)):
            raise RunSetupError(
                f"{self.target.url} exists and is not the output of a newskit run (it has no "
                f"{MANIFEST}); a run replaces its output folder whole, so give a new or empty "
                "folder"
            )

    def create(self) -> None:
        self.dir.fs.makedirs(self.dir.path, exist_ok=True)

    def record(self, table: str, files: Sequence[str], rows: int) -> None:
        """Note a finished table: its part files (paths in the staging folder) and rows."""
        base = self.dir.path.rstrip("/") + "/"
        self.tables[table] = {
            "files": [f[len(base) :] if f.startswith(base) else f for f in files],
            "rows": int(rows),
        }

    def verify_files(self) -> None:
        """Every recorded part file is there, and no other Parquet file is."""
        fs = self.dir.fs
        wanted = {
            posixpath.join(self.dir.path, f) for t in self.tables.values() for f in t["files"]
        }
        found = {p for p in fs.find(self.dir.path) if p.endswith(".parquet")}
        found = {_strip(fs, p) for p in found}
        missing = sorted(wanted - found)
        if missing:
            raise RunError(
                f"{len(missing)} output file(s) were not written, e.g. {missing[0]}; the run's "
                "tables would be incomplete"
            )
        stray = sorted(p for p in found - wanted if "/_work/" not in p)
        if stray:
            raise RunError(f"unexpected output file(s) in the staging folder, e.g. {stray[0]}")

    def commit(self, manifest: dict[str, Any]) -> None:
        """Write the manifest and move the staging folder to the target."""
        fs = self.dir.fs
        work = self.dir.join("_work")
        if fs.exists(work):
            fs.rm(work, recursive=True)
        body = {"layout": LAYOUT, **manifest, "tables": self.tables}
        with fs.open(self.dir.join(MANIFEST), "w") as f:
            json.dump(body, f, indent=1, default=str)
        target = self.target
        if fs.exists(target.path):
            name = posixpath.basename(target.path)
            old = target.sibling(OLD.format(name=name, token=self.token))
            fs.mv(target.path, old.path, recursive=True)
            fs.mv(self.dir.path, target.path, recursive=True)
            fs.rm(old.path, recursive=True)
        else:
            fs.mv(self.dir.path, target.path, recursive=True)

    def abort(self) -> None:
        """Delete the staging folder (the target is untouched)."""
        fs = self.dir.fs
        try:
            if fs.exists(self.dir.path):
                fs.rm(self.dir.path, recursive=True)
        except OSError:
            pass


def _strip(fs: Any, path: str) -> str:
    return fs._strip_protocol(path) if hasattr(fs, "_strip_protocol") else path


def read_manifest(out: str | Any) -> tuple[Output, dict[str, Any]]:
    """The resolved output and its manifest; ``FileNotFoundError`` naming the folder when it is
    not a complete newskit run output."""
    output = out if isinstance(out, Output) else resolve_output(out)
    path = output.join(MANIFEST)
    if not output.fs.exists(path):
        raise FileNotFoundError(
            f"{output.url} is not a complete newskit run output (no {MANIFEST}); run "
            "newskit run again"
        )
    with output.fs.open(path, "r") as f:
        manifest = json.load(f)
    if manifest.get("layout") != LAYOUT:
        raise ValueError(
            f"{output.url} was written by another version of newskit (layout "
            f"{manifest.get('layout')}, this one reads {LAYOUT}); run newskit run again"
        )
    return output, manifest


def read_output(out: Any, name: str | None = None) -> pd.DataFrame:
    """One table of a run's output as the in-process function returns it.

    ``out``: the output folder (path or fsspec URL) and ``name`` a table of ``TABLES``; or,
    without ``name``, the table's own path (``OUT/tokens``). Its parts are concatenated and put
    in the in-process order, with the in-process dtypes."""
    if name is None:
        text = str(out).rstrip("/")
        parent, base = posixpath.split(text)
        out, name = parent, base.removesuffix(".parquet")
    output, manifest = read_manifest(out)
    tables = manifest["tables"]
    if name not in tables:
        known = [t for t in TABLES if t in tables]
        raise KeyError(f"the run at {output.url} has no table {name!r}; it has {known}")
    frames = [_read_part(output, f) for f in tables[name]["files"]]
    df = concat_parts(frames)
    sort = SORTS.get(name)
    if sort is not None and len(df):
        df = sort(df, ReadContext(lambda t: read_output(output, t)))
    return df


def _read_part(output: Output, file: str) -> pd.DataFrame:
    """One part file as written: Parquet has no second-resolution timestamps, so datetime
    columns get back the unit pandas recorded in the file."""
    import pyarrow.parquet as pq

    with output.fs.open(output.join(file), "rb") as f:
        table = pq.read_table(f)
    df = table.to_pandas()
    for col in (table.schema.pandas_metadata or {}).get("columns", []):
        name, numpy_type = col.get("name"), str(col.get("numpy_type"))
        if (
            numpy_type.startswith("datetime64[")
            and name in df
            and str(df[name].dtype) != numpy_type
        ):
            df[name] = df[name].astype(numpy_type)
    return df


def concat_parts(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Parts of one table as one frame with the dtypes the in-process function gives the whole:
    a column's type is inferred from all its values (a part where it is all missing does not
    make it ``object``), categoricals get every part's categories (in order, as ``object``),
    list cells come back as lists."""
    frames = list(frames)
    if not frames:
        return pd.DataFrame()
    df = pd.concat(frames, ignore_index=True, sort=False) if len(frames) > 1 else frames[0]
    df = df.copy()
    for col in df.columns:
        parts = [f[col] for f in frames if col in f.columns]
        cats = [p for p in parts if isinstance(p.dtype, pd.CategoricalDtype)]
        if cats:
            categories = pd.Index(
                list(dict.fromkeys(c for p in cats for c in p.cat.categories)), dtype=object
            )
            df[col] = pd.Categorical(df[col].astype(object), categories=categories)
        elif df[col].dtype == object or len({str(p.dtype) for p in parts}) > 1:
            values = [v.tolist() if isinstance(v, np.ndarray) else v for v in df[col].tolist()]
            df[col] = pd.Series(values, index=df.index, dtype=_common_dtype(parts, values))
    return df


def _common_dtype(parts: Sequence[pd.Series], values: list) -> Any:
    """The dtype to give a column made of ``parts``: theirs when they agree and it is not
    ``object``, else what pandas infers from the values (``None``)."""
    kinds = {str(p.dtype) for p in parts if len(p) and p.notna().any()}
    if len(kinds) == 1:
        dtype = next(p.dtype for p in parts if len(p) and p.notna().any())
        return None if pd.api.types.is_object_dtype(dtype) else dtype
    return None
