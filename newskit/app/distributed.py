"""Run newskit's pipeline on a Dask cluster: ``run_distributed(source, out, client=...)``.

Where one machine is not enough, newskit runs on Dask rather than on a scheduler of its own:
Dask runs as a ``LocalCluster`` on a laptop, on Slurm/PBS through dask-jobqueue and on
Kubernetes, and JupyterLab has an extension to watch it. The pipeline is split into tasks:

1. **Per part** (one task per chunk of ``.txt`` files, per file of a glob, or per partition of a
   Dask DataFrame): load and clean (``newskit.load_corpus``), then ``sentences``, ``tokens``,
   ``keywords`` and ``numeric_claims`` of those articles, each written as
   ``OUT/<stage>/part-NNNNN.parquet``. The cleaned articles stay in the workers' memory.
2. **Whole corpus**: story grouping (``newskit.stories``, one task over every part's articles),
   then candidate pairs (``newskit.candidate_pairs``) within stories, one task per slice of
   stories, written as ``OUT/stories.parquet`` and ``OUT/candidates.parquet``.

Every output has the columns of the in-process function that makes it (a test checks the values
are equal); read a stage back with ``pandas.read_parquet("OUT/tokens")``. ``OUT/articles`` holds
``Corpus.frame()`` and ``OUT/skipped.parquet`` what the loader passed over (``file, row,
reason``). Workers write the part files themselves, so on a cluster ``OUT`` must be a folder
every worker can reach (a shared file system, or an fsspec URL such as ``s3://bucket/run``).

``source``: a folder of ``.txt`` files (with its ``metadata.csv``; read here, then sent to the
workers in chunks), a glob or list of ``.csv``/``.jsonl``/``.parquet`` files (each read by a
worker, as ``load_corpus`` reads one file; Parquet like a CSV), or a Dask DataFrame with the
columns ``load_corpus`` reads from a table (``text``; ``id``, ``outlet``, ``date``, ``title``,
``url`` optional).
"""

from __future__ import annotations

import glob as _glob
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from newskit.claims import numeric_claims
from newskit.corpus import Corpus, load_corpus, sentences, tokens
from newskit.corpus.load import SKIPPED_COLUMNS, Errors, Problems, RawRecord, read_source
from newskit.errors import ArticleError, CorpusSourceError
from newskit.keywords import keywords
from newskit.parallel import progress_bar
from newskit.reuse import candidate_pairs
from newskit.reuse.candidates import CANDIDATE_COLUMNS
from newskit.stories import stories as newskit_stories

#: Per-article stages, each run on every part: name → function of a Corpus returning a frame.
PART_STAGES: dict[str, Callable[[Corpus], pd.DataFrame]] = {
    "articles": lambda c: c.frame(),
    "sentences": sentences,
    "tokens": tokens,
    "keywords": keywords,
    # story ids are known only once every part is loaded: tagged after the stories stage
    "claims": lambda c: numeric_claims(c, stories=dict.fromkeys(c.ids)),
}
#: ``.txt`` files (or rows) per task when reading a folder.
FOLDER_PART = 500
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")


@dataclass
class DistributedRun:
    """What ``run_distributed`` wrote: ``outputs`` maps each stage to its Parquet path (a folder
    of parts for per-article stages); ``n_articles`` and ``n_parts`` count what was run."""

    out: Path
    outputs: dict[str, Path] = field(default_factory=dict)
    n_articles: int = 0
    n_parts: int = 0

    def read(self, stage: str) -> pd.DataFrame:
        """One stage's output as a DataFrame, parts in corpus order."""
        return read_output(self.outputs[stage])


def read_output(path: str | os.PathLike) -> pd.DataFrame:
    """A stage written by ``run_distributed`` (one file, or a folder of ``part-NNNNN.parquet``
    files read in part order) as one DataFrame with a fresh index."""
    path = Path(path)
    files = sorted(path.glob("part-*.parquet")) if path.is_dir() else [path]
    frames = [pd.read_parquet(f) for f in files]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def run_distributed(
    source: Any,
    out: str | os.PathLike,
    *,
    client: Any = None,
    scheduler: str | None = None,
    errors: Errors = "raise",
    stages: Sequence[str] = (*PART_STAGES, "stories", "candidates"),
    candidate_options: dict[str, Any] | None = None,
    progress: bool | None = None,
) -> DistributedRun:
    """Run the pipeline on ``source`` over a Dask cluster and write Parquet outputs into ``out``.

    ``client``: a ``dask.distributed.Client`` to use; else ``scheduler`` (an address such as
    ``tcp://10.0.0.5:8786``) to connect to; else a ``LocalCluster`` of two worker processes is
    started for this run and closed after. ``errors`` as in ``load_corpus``; ``stages`` picks
    outputs (``articles, sentences, tokens, keywords, claims, stories, candidates``);
    ``candidate_options`` go to ``candidate_pairs``. Returns a ``DistributedRun`` naming each
    output. Raises ``CorpusSourceError`` for an unreadable source or when no article loads.
    """
    unknown = set(stages) - {*PART_STAGES, "stories", "candidates"}
    if unknown:
        raise ValueError(f"unknown stage(s) {sorted(unknown)}; choose from {list(PART_STAGES)}")
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise ImportError(
            "running on Dask needs dask.distributed; install it with pip install 'newskit[dask]'"
        ) from exc

    out_path = Path(out)
    # read and check the source before reaching for a cluster (a Dask DataFrame needs one)
    parts, problems = _parts(source, errors) if not _is_dask_frame(source) else ([], None)
    out_path.mkdir(parents=True, exist_ok=True)
    own_client = client is None
    if own_client:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None)
            client = Client(cluster)
    try:
        if problems is None:
            parts, problems = _parts(source, errors)
        part_stages = [s for s in stages if s in PART_STAGES]
        for stage in part_stages:  # parts of an earlier run would be read back with these
            for old in (out_path / stage).glob("part-*.parquet"):
                old.unlink()
        corpora = [
            client.submit(_run_part, k, part, errors, part_stages, str(out_path), pure=False)
            for k, part in enumerate(parts)
        ]
        futures = [client.submit(_summary, c, pure=False) for c in corpora]
        with progress_bar(len(futures), "newskit run (parts)", progress, unit="part") as bar:
            for _ in as_completed(futures):
                bar.update(1)
        summaries = client.gather(futures)  # ids and skipped rows only; articles stay put
        skipped = pd.DataFrame(
            [row for s in summaries for row in s["skipped"]] + problems.rows,
            columns=SKIPPED_COLUMNS,
        )
        bad = skipped[~skipped["reason"].str.startswith("ignored:")]  # notes never raise
        if errors == "raise" and len(bad):
            file, row, reason = bad.iloc[0]
            raise ArticleError(reason, file=file, row=None if pd.isna(row) else int(row))
        ids = [i for s in summaries for i in s["ids"]]
        if not ids:
            raise CorpusSourceError("no articles could be loaded", file=_name(source))
        _check_unique(ids)
        run = DistributedRun(out_path, n_articles=len(ids), n_parts=len(parts))
        for stage in part_stages:
            run.outputs[stage] = out_path / stage
        skipped["row"] = skipped["row"].astype("Int64")
        skipped.to_parquet(out_path / "skipped.parquet", index=False)
        run.outputs["skipped"] = out_path / "skipped.parquet"
        if {"stories", "candidates", "claims"} & set(stages):
            whole = client.submit(_whole, *corpora, pure=False)
            story_frame = client.submit(newskit_stories, whole, pure=False)
        if "claims" in stages:
            tagged = [
                client.submit(_tag_claims, str(part), story_frame, pure=False)
                for part in sorted((out_path / "claims").glob("part-*.parquet"))
            ]
            client.gather(tagged)
        if "stories" in stages:
            path = out_path / "stories.parquet"
            client.submit(_write, story_frame, str(path), pure=False).result()
            run.outputs["stories"] = path
        if "candidates" in stages:
            # one task per slice of stories: pairs never cross stories, so the slices are
            # independent; the pieces are put back in corpus order as candidate_pairs sorts
            n_slices = max(1, 4 * len(client.scheduler_info().get("workers", {}) or [0]))
            slices = [
                client.submit(
                    _candidates_slice,
                    whole,
                    story_frame,
                    k,
                    n_slices,
                    candidate_options or {},
                    pure=False,
                )
                for k in range(n_slices)
            ]
            path = out_path / "candidates.parquet"
            client.submit(_write_pairs, whole, *slices, path=str(path), pure=False).result()
            run.outputs["candidates"] = path
        return run
    finally:
        if own_client:
            cluster = client.cluster
            client.close()
            if cluster is not None:
                cluster.close()


@dataclass
class _Part:
    """One task's input: records read here (a folder), a file path, or a table partition."""

    records: list[RawRecord] | None = None
    path: str | None = None
    frame: Any = None  # a pandas DataFrame or a dask Delayed partition
    start: int = 0  # rows of the whole frame before this partition


def _parts(source: Any, errors: Errors) -> tuple[list[_Part], Problems]:
    problems = Problems("skip")
    if _is_dask_frame(source):
        return _frame_parts(source), problems
    if isinstance(source, pd.DataFrame):
        return [_Part(frame=_with_ids(source, 0))], problems
    if isinstance(source, (str, os.PathLike)) and Path(source).is_dir():
        records = read_source(Path(source), problems)  # .txt files and metadata.csv
        if errors == "raise" and problems.rows:
            file, row, reason = problems.rows[0]
            if not reason.startswith("ignored:"):
                raise ArticleError(reason, file=file, row=row)
        return [
            _Part(records=records[i : i + FOLDER_PART]) for i in range(0, len(records), FOLDER_PART)
        ], problems
    files = _table_files(source)
    return [_Part(path=f) for f in files], problems


def _table_files(source: Any) -> list[str]:
    if isinstance(source, (str, os.PathLike)):
        text = str(source)
        files = sorted(_glob.glob(text)) if _glob.has_magic(text) else [text]
    elif isinstance(source, Iterable):
        files = [str(p) for p in source]
    else:
        raise CorpusSourceError(
            f"cannot run on {type(source).__name__}; give a folder of .txt files, a glob of "
            ".csv/.jsonl/.parquet files or a Dask DataFrame"
        )
    if not files:
        raise CorpusSourceError("the glob matches no files; check the pattern", file=str(source))
    for f in files:
        if not Path(f).is_file():
            raise CorpusSourceError("no such file; check the path", file=f)
        if Path(f).suffix.lower() not in TABLE_SUFFIXES:
            raise CorpusSourceError(
                "is not a .csv, .jsonl or .parquet file; give tables, or a folder of .txt files",
                file=f,
            )
    return files


def _is_dask_frame(source: Any) -> bool:
    module = type(source).__module__ or ""
    return module.startswith("dask") and hasattr(source, "to_delayed")


def _frame_parts(frame: Any) -> list[_Part]:
    """One part per partition; rows without an ``id`` column get ``row-N`` numbered across the
    whole frame, as ``load_corpus`` numbers the rows of one DataFrame."""
    lengths = frame.map_partitions(len).compute()
    starts = [0]
    for n in lengths[:-1]:
        starts.append(starts[-1] + int(n))
    return [
        _Part(frame=_delayed_with_ids(part, start), start=start)
        for part, start in zip(frame.to_delayed(), starts, strict=True)
    ]


def _delayed_with_ids(part: Any, start: int) -> Any:
    from dask import delayed

    return delayed(_with_ids)(part, start)


def _with_ids(frame: pd.DataFrame, start: int) -> pd.DataFrame:
    if any(str(c).strip().lower() == "id" for c in frame.columns):
        return frame
    frame = frame.copy()
    frame.insert(0, "id", [f"row-{start + i + 1}" for i in range(len(frame))])
    return frame


def _load_part(part: _Part, errors: Errors) -> Corpus:
    if part.records is not None:
        return _corpus_from_records(part.records, errors)
    if part.path is not None and part.path.lower().endswith(".parquet"):
        frame = pd.read_parquet(part.path)
        frame = _with_file_ids(frame, Path(part.path).stem)
        corpus = load_corpus(frame, errors=errors)
        return Corpus(corpus, skipped=corpus.skipped.assign(file=part.path), source=part.path)
    if part.path is not None:
        return load_corpus(part.path, errors=errors)
    frame = part.frame.compute() if hasattr(part.frame, "compute") else part.frame
    corpus = load_corpus(frame, errors=errors)
    if not part.start:
        return corpus
    # number rows across the whole frame, as load_corpus does for one DataFrame
    articles = [
        replace(a, source=f"<DataFrame>, row {int(a.source.rsplit(' ', 1)[1]) + part.start}")
        for a in corpus
    ]
    skipped = corpus.skipped
    skipped["row"] = skipped["row"] + part.start
    return Corpus(articles, skipped=skipped)


def _with_file_ids(frame: pd.DataFrame, stem: str) -> pd.DataFrame:
    """Ids ``STEM-N`` for a Parquet file without ids, as ``load_corpus`` names CSV rows."""
    if any(str(c).strip().lower() == "id" for c in frame.columns):
        return frame
    frame = frame.copy()
    frame.insert(0, "id", [f"{stem}-{i + 1}" for i in range(len(frame))])
    return frame


def _corpus_from_records(records: list[RawRecord], errors: Errors) -> Corpus:
    from newskit.corpus.corpus import as_rules, build_articles
    from newskit.corpus.outlets import canonical_outlets

    problems = Problems(errors)
    built = build_articles(records, problems, rules=as_rules(None))
    articles = canonical_outlets(article for _, article in built)
    return Corpus(articles, skipped=problems.frame())


def _run_part(k: int, part: _Part, errors: Errors, stages: list[str], out: str) -> Corpus:
    """Load one part, write each per-article stage as ``OUT/<stage>/part-K.parquet``; return
    the part's corpus (kept on the worker for the whole-corpus stages)."""
    try:  # bad rows are skipped here and raised by the caller, first one first
        corpus = _load_part(part, "skip")
    except CorpusSourceError as exc:
        if errors == "raise" or "no articles could be loaded" not in exc.reason:
            raise
        skipped = pd.DataFrame([(exc.file or "", None, exc.reason)], columns=SKIPPED_COLUMNS)
        corpus = Corpus([], skipped=skipped)
    for stage in stages:
        frame = PART_STAGES[stage](corpus)
        folder = Path(out) / stage
        folder.mkdir(parents=True, exist_ok=True)
        _to_parquet(frame, folder / f"part-{k:05d}.parquet")
    return corpus


def _tag_claims(path: str, story_frame: pd.DataFrame) -> None:
    """Fill the ``story_id`` column of one part's claims from the whole corpus's stories."""
    claims = pd.read_parquet(path)
    story = dict(zip(story_frame["article_id"], story_frame["story_id"], strict=True))
    claims["story_id"] = claims["article_id"].map(story)
    _to_parquet(claims, Path(path))


def _summary(corpus: Corpus) -> dict[str, Any]:
    skipped = [tuple(r) for r in corpus.skipped.itertuples(index=False)]
    return {"ids": corpus.ids, "skipped": skipped}


def _whole(*corpora: Corpus) -> Corpus:
    return Corpus([a for c in corpora for a in c])


def _candidates_slice(
    corpus: Corpus, story_frame: pd.DataFrame, k: int, n: int, options: dict[str, Any]
) -> pd.DataFrame:
    """``candidate_pairs`` over the stories numbered ``k``, ``k + n``, ``k + 2n``, … (in order
    of first appearance), whose articles are paired only with each other."""
    story_ids = list(dict.fromkeys(story_frame["story_id"]))[k::n]
    wanted = set(story_frame.loc[story_frame["story_id"].isin(story_ids), "article_id"])
    if len(wanted) < 2:
        return pd.DataFrame(columns=CANDIDATE_COLUMNS)
    return candidate_pairs(corpus.select(wanted), stories=story_frame, **options)


def _write_pairs(corpus: Corpus, *slices: pd.DataFrame, path: str) -> None:
    order = {aid: k for k, aid in enumerate(corpus.ids)}
    frames = [f for f in slices if len(f)]
    pairs = (
        pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=CANDIDATE_COLUMNS)
    )
    keys = pd.DataFrame({"a": pairs["a_id"].map(order), "b": pairs["b_id"].map(order)})
    pairs = pairs.loc[keys.sort_values(["a", "b"]).index].reset_index(drop=True)
    pairs["best_jaccard"] = pairs["best_jaccard"].astype(float)
    _to_parquet(pairs, Path(path))


def _write(frame: pd.DataFrame, path: str) -> None:
    _to_parquet(frame, Path(path))


def _to_parquet(frame: pd.DataFrame, path: Path) -> None:
    frame.to_parquet(path, index=False)


def _check_unique(ids: list[str]) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ArticleError(
                f"duplicate id {i!r} in two parts of the source; give each article a unique id"
            )
        seen.add(i)


def _name(source: Any) -> str:
    return str(source) if isinstance(source, (str, os.PathLike)) else type(source).__name__
