"""``Corpus``: an ordered, immutable collection of articles, and ``load_corpus`` to make one.

load (``newskit.corpus.load``) → clean (``newskit.corpus.clean``) → ``Article`` records in a
``Corpus``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any, overload

import pandas as pd

from newskit.corpus.clean import apply_removals, as_rules, clean_text, dateline_date
from newskit.corpus.load import (
    SKIPPED_COLUMNS,
    Errors,
    LoadOptions,
    OutletFrom,
    Problems,
    RawRecord,
    parse_date,
    read_source,
)
from newskit.corpus.outlets import canonical_outlets
from newskit.corpus.records import Article, Removal
from newskit.corpus.wire import as_wire_rules, detect_wire
from newskit.errors import ArticleError, CorpusSourceError
from newskit.parallel import map_articles
from newskit.resources.rule import Rule, WireRule

FRAME_COLUMNS = [
    "id",
    "outlet",
    "date",
    "title",
    "url",
    "n_chars",
    "n_words",
    "n_sentences",
    "n_removed",
    "encoding",
    "source",
    "outlet_raw",
    "wire",
    "wire_evidence",
    "story_id",
    "date_source",
    "extractor",
    "notes",
]
REMOVED_COLUMNS = ["article_id", "start", "end", "rule", "text"]
SPEC_SUFFIX = ".corpus.json"

MAX_CHARS = 20_000_000
"""Default ``load_corpus(max_chars=...)``: an article longer than this (about 20 MB of text) is
refused up front, naming the limit and how to raise it."""
LARGE_CHARS = 1_000_000
"""An article longer than this is loaded with a note (``notes`` in ``corpus.frame()``): every
stage is linear in length, but analyses of it take seconds rather than milliseconds."""


class LoadWarning(UserWarning):
    """What the loader chose for you or passed over: which table column became the text or the
    date, which columns were kept as metadata, and — whatever ``errors=`` says — how many
    inputs were skipped and why (the rows are in ``corpus.skipped``)."""


class Corpus(Sequence[Article]):
    """An ordered, immutable collection of ``Article``; index by position or by id.

    ``corpus["003_9f741c860b40ed27"]`` and ``corpus[0]`` both return an ``Article``;
    ``corpus.skipped`` lists what the loader passed over (``file, row, reason``).
    """

    def __init__(
        self,
        articles: Iterable[Article],
        *,
        skipped: pd.DataFrame | None = None,
        source: str | None = None,
    ) -> None:
        self._articles = tuple(articles)
        self._by_id = {a.id: a for a in self._articles}
        if len(self._by_id) != len(self._articles):
            raise ArticleError("two articles share an id; ids must be unique")
        self._skipped = (
            skipped.copy() if skipped is not None else pd.DataFrame(columns=SKIPPED_COLUMNS)
        )
        self.source = source

    @overload
    def __getitem__(self, key: int | str) -> Article: ...
    @overload
    def __getitem__(self, key: slice) -> Corpus: ...
    def __getitem__(self, key: int | str | slice) -> Article | Corpus:
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                raise KeyError(f"no article with id {key!r}; ids are {self.ids}") from None
        if isinstance(key, slice):
            return Corpus(self._articles[key], skipped=self._skipped, source=self.source)
        return self._articles[key]

    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return item in self._articles

    def __repr__(self) -> str:
        return f"Corpus({len(self)} articles from {self.source or 'memory'})"

    @property
    def ids(self) -> list[str]:
        """Article ids in corpus order."""
        return [a.id for a in self._articles]

    @property
    def skipped(self) -> pd.DataFrame:
        """What the loader passed over: ``file, row, reason`` (a copy)."""
        return self._skipped.copy()

    def select(self, ids: Iterable[str]) -> Corpus:
        """A corpus of the given article ids, in corpus order."""
        wanted = set(ids)
        unknown = wanted - set(self._by_id)
        if unknown:
            raise KeyError(f"no articles with ids {sorted(unknown)}")
        return Corpus(
            (a for a in self._articles if a.id in wanted), skipped=self._skipped, source=self.source
        )

    def frame(self) -> pd.DataFrame:
        """One row per article: ``id, outlet, date, title, url, n_chars, n_words, n_sentences,
        n_removed, encoding, source, outlet_raw, wire, wire_evidence, story_id, date_source,
        extractor, notes``, then
        one column per extra metadata key (``Article.meta``, e.g. a table's ``section``; a key
        that clashes with a column above is shown as ``meta.KEY``). ``n_chars`` counts the
        cleaned text; ``date`` is a datetime64 column (NaT where unknown). ``outlet`` is the
        canonical display name, ``outlet_raw`` what the file said (see
        ``newskit.corpus.outlets``); ``wire`` the wire service whose copy the article carries
        (``"AP"``, ``"Reuters"``, … or None) and ``wire_evidence`` what credited it
        (``newskit.corpus.wire``); ``story_id`` the story the article was assigned
        (``Corpus.with_stories``), else None; ``date_source`` says where the date came from
        (``metadata``, ``text``, ``dateline``, ``capture``; web pages: ``page``, ``url``,
        ``page-text``); ``notes`` joins the
        loader's warnings with ``"; "``."""
        from newskit.corpus.segment import article_tokens, sentence_spans

        rows = [
            (
                a.id,
                a.outlet,
                a.date,
                a.title,
                a.url,
                len(a.text),
                sum(t.is_word for t in article_tokens(a)),
                len(sentence_spans(a)),
                len(a.removed),
                a.encoding,
                a.source,
                a.outlet_raw,
                a.wire,
                a.wire_evidence,
                a.story_id,
                a.date_source,
                a.extractor,
                "; ".join(a.notes) or None,
            )
            for a in self._articles
        ]
        df = pd.DataFrame(rows, columns=FRAME_COLUMNS)
        df["date"] = pd.to_datetime(df["date"])
        keys = list(dict.fromkeys(k for a in self._articles for k in a.meta))
        for key in keys:
            name = key if key not in df.columns else f"meta.{key}"
            df[name] = [a.meta.get(key) for a in self._articles]
        return df

    def with_stories(self, stories: pd.DataFrame | Mapping[str, str | None]) -> Corpus:
        """A corpus whose articles carry their story ids.

        ``stories``: ``newskit.stories(corpus)`` output (``article_id, story_id`` columns) or a
        mapping ``{article_id: story_id}``. Every article of the corpus must be in it.
        """
        if isinstance(stories, pd.DataFrame):
            missing_cols = {"article_id", "story_id"} - set(stories.columns)
            if missing_cols:
                raise ValueError(
                    f"the stories frame has no {sorted(missing_cols)} column; pass "
                    "newskit.stories(corpus)"
                )
            mapping = dict(zip(stories["article_id"], stories["story_id"], strict=True))
        else:
            mapping = dict(stories)
        missing = [a.id for a in self._articles if a.id not in mapping]
        if missing:
            raise ValueError(
                f"no story for articles {missing[:5]}{' …' if len(missing) > 5 else ''}; "
                "pass newskit.stories(corpus) computed on this corpus"
            )
        articles = (
            dataclasses.replace(a, story_id=None if pd.isna(mapping[a.id]) else str(mapping[a.id]))
            for a in self._articles
        )
        return Corpus(articles, skipped=self._skipped, source=self.source)

    def story(self, story_id: str) -> Corpus:
        """The articles of one story (``Corpus.with_stories`` first), in corpus order."""
        known = list(dict.fromkeys(a.story_id for a in self._articles if a.story_id))
        if not known:
            raise ValueError(
                "no article has a story id yet; use corpus.with_stories(newskit.stories(corpus))"
            )
        if story_id not in known:
            raise KeyError(f"no story {story_id!r}; stories are {sorted(known)}")
        return Corpus(
            (a for a in self._articles if a.story_id == story_id),
            skipped=self._skipped,
            source=self.source,
        )

    def removed(self) -> pd.DataFrame:
        """Every span cleaning removed: ``article_id, start, end, rule, text`` (raw offsets)."""
        rows = [
            (a.id, r.start, r.end, r.rule, a.raw[r.start : r.end])
            for a in self._articles
            for r in a.removed
        ]
        return pd.DataFrame(rows, columns=REMOVED_COLUMNS)


def seeds_path() -> Path:
    """The folder of the bundled seed corpus (``seeds/`` beside the package)."""
    path = Path(__file__).resolve().parents[2] / "seeds"
    if not path.is_dir():
        raise CorpusSourceError(
            "the bundled seeds are not here; install newskit from its repository "
            "(pip install -e .) or pass a corpus path",
            file=str(path),
        )
    return path


def load_corpus(
    source: Any = None,
    *,
    errors: Errors = "raise",
    clean: bool = True,
    rules: Sequence[Rule] | pd.DataFrame | None = None,
    outlets: Mapping[str, str] | None = None,
    columns: Mapping[str, str] | None = None,
    recursive: bool = False,
    outlet_from: OutletFrom | None = None,
    max_chars: int | None = MAX_CHARS,
    wires: Sequence[WireRule] | pd.DataFrame | None = None,
    n_jobs: int = 1,
    progress: bool | None = None,
) -> Corpus:
    """Load articles from ``source`` and clean them.

    ``source``: a folder of ``.txt`` and ``.html``/``.htm`` files and ``.warc`` archives (with
    an optional ``metadata.csv``: ``file, outlet, date, title, url, notes``, whose values win
    over what is read from the text), a list of paths (each read by its kind, in list order: a
    ``.txt``/``.html`` file is one article, a table's rows and an archive's pages are articles),
    a ``.csv``, ``.jsonl`` or ``.parquet`` file, a ``.warc``/``.warc.gz``/``.arc`` archive, or
    a DataFrame. ``None`` loads the bundled seeds. Web pages (and ``.txt`` files that hold one)
    become their main text, extracted by trafilatura; their title, date, author, site name
    (→ outlet) and URL are metadata.

    Tables: the text column is ``text`` or a recognised name (``body``, ``content``, …; see
    ``newskit.resources.columns``), or say which with ``columns={"text": "body", "date":
    "published"}``; nested JSON fields by dotted path (``"content.body"``). Other columns are
    kept in ``Article.meta`` and shown in ``corpus.frame()``; a ``LoadWarning`` says which
    columns were recognised and which were kept.

    A ``NAME.corpus.json`` file is a load spec: the source and these options (see
    ``read_spec``; ``newskit report --columns …`` writes one for the notebooks).

    ``recursive=True`` reads subfolders (ids are then relative paths, ``cnn/story1``);
    ``outlet_from="folder"`` takes the outlet from the name of the folder holding each file.
    ``max_chars``: an article longer than this is refused (``None``: no limit); articles over
    ``LARGE_CHARS`` are loaded with a note. ``errors="raise"`` raises ``CorpusError`` on the
    first bad input; ``"skip"`` loads the rest and lists the bad ones in ``corpus.skipped``.
    Whatever ``errors`` says, anything skipped (a bad row under ``"skip"``, a web page without
    article text, a file that is not an article, a non-HTML archive record) is counted, with
    its reasons, in a ``LoadWarning``.
    ``clean=False`` keeps the whole text; ``rules`` replaces the boilerplate rules (see
    ``newskit.boilerplate_rules()``). ``outlets`` maps outlet names or URL domains to display
    names (``{"nyt": "The New York Times"}``); outlets are merged ignoring case and spaces
    (``newskit.corpus.outlets``). ``wires`` replaces the rules that tell which wire service's
    copy an article carries (``newskit.resources.wires.WIRE_RULES``; add your own with
    ``wires=[*WIRE_RULES, newskit.WireRule(...)]``): the ``wire`` column of ``corpus.frame()``.
    ``n_jobs`` cleans in that many processes (``-1``: one per
    core; same corpus as one); ``progress`` forces the progress bar on or off
    (``newskit.parallel.map_articles``).
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    if source is None:
        source = seeds_path()
    if isinstance(source, (str, Path)) and str(source).lower().endswith(SPEC_SUFFIX):
        spec = read_spec(Path(source))
        source = spec.pop("source")
        columns = columns if columns is not None else spec.get("columns")
        recursive = recursive or bool(spec.get("recursive"))
        outlet_from = outlet_from if outlet_from is not None else spec.get("outlet_from")
        if max_chars == MAX_CHARS and "max_chars" in spec:
            max_chars = spec["max_chars"]
    if outlet_from not in (None, "folder"):
        raise ValueError(f"outlet_from must be 'folder' or None, not {outlet_from!r}")
    problems = Problems(errors)
    rule_set = as_rules(rules) if clean else ()
    options = LoadOptions(
        columns=columns, recursive=recursive, outlet_from=outlet_from, max_chars=max_chars
    )
    articles, seen = [], {}
    records = read_source(source, problems, options)
    built = build_articles(
        records,
        problems,
        rules=rule_set,
        wires=as_wire_rules(wires),
        max_chars=max_chars,
        n_jobs=n_jobs,
        progress=progress,
    )
    for record, article in built:
        if article.id in seen:
            problems.report(
                ArticleError(
                    f"duplicate id {article.id!r} (also {seen[article.id]}); give each article "
                    "a unique id or file name",
                    file=record.file,
                    row=record.row,
                )
            )
            continue
        seen[article.id] = record.source
        articles.append(article)
    if not articles:
        detail = "; ".join(f"{f}: {r}" for f, _, r in problems.rows[:5])
        raise CorpusSourceError(
            "no articles could be loaded" + (f" ({detail})" if detail else ""),
            file=str(source) if not isinstance(source, pd.DataFrame) else "<DataFrame>",
        )
    for message in problems.messages:
        warnings.warn(message, LoadWarning, stacklevel=2)
    skipped = problems.summary()
    if skipped:
        warnings.warn(skipped, LoadWarning, stacklevel=2)
    name = None if isinstance(source, pd.DataFrame) else str(source)
    articles = canonical_outlets(articles, outlets)
    return Corpus(articles, skipped=problems.frame(), source=name)


def read_spec(path: Path) -> dict[str, Any]:
    """Read a load spec (``NAME.corpus.json``, written by ``newskit report --columns …``):
    ``{"source": PATH, "columns": {...}, "recursive": bool, "outlet_from": "folder",
    "max_chars": N}``; a relative ``source`` is taken from the spec's folder."""
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CorpusSourceError(f"cannot be read as a corpus spec ({exc})", file=str(path)) from exc
    allowed = {"source", "columns", "recursive", "outlet_from", "max_chars"}
    if not isinstance(spec, dict) or "source" not in spec or set(spec) - allowed:
        raise CorpusSourceError(
            "a corpus spec is a JSON object with 'source' and optionally "
            "'columns', 'recursive', 'outlet_from', 'max_chars'",
            file=str(path),
        )
    source = Path(spec["source"]).expanduser()
    spec["source"] = source if source.is_absolute() else path.parent / source
    return spec


def _check_size(record: RawRecord, max_chars: int | None) -> None:
    n = len(record.raw)
    if max_chars is not None and n > max_chars:
        raise ArticleError(
            f"has {n:,} characters, over the limit of {max_chars:,}; raise it with "
            f"load_corpus(..., max_chars={n + 1:_}) (every stage is linear: about a second per "
            "MB for sentences and tokens) or split the article",
            file=record.file,
            row=record.row,
        )
    if n > LARGE_CHARS:
        record.notes.append(f"large article: {n:,} characters (over {LARGE_CHARS:,})")


def build_articles(
    records: Sequence[RawRecord],
    problems: Problems,
    *,
    rules: Sequence[Rule],
    wires: Sequence[WireRule] | None = None,
    max_chars: int | None = MAX_CHARS,
    n_jobs: int = 1,
    progress: bool | None = None,
) -> list[tuple[RawRecord, Article]]:
    """Clean each raw record into an ``Article`` (in ``n_jobs`` processes), in order, paired
    with its record, its wire found by ``wires`` (default ``WIRE_RULES``); a record over
    ``max_chars`` or with nothing left after cleaning is reported to ``problems`` instead (raised
    or listed, as ``problems`` says)."""
    built = map_articles(
        partial(_build_or_error, rules=rules, wires=as_wire_rules(wires), max_chars=max_chars),
        records,
        n_jobs=n_jobs,
        desc="load and clean",
        progress=progress,
    )
    out = []
    for record, article in zip(records, built, strict=True):
        if isinstance(article, tuple):
            reason, file, row = article
            problems.report(ArticleError(reason, file=file, row=row))
        else:
            out.append((record, article))
    return out


def _build_or_error(
    record: RawRecord, rules: Sequence[Rule], wires: Sequence[WireRule], max_chars: int | None
) -> Article | tuple[str, str | None, int | None]:
    """``_check_size`` then ``_build``, or a bad record's ``(reason, file, row)``, returned
    rather than raised so one bad article in a worker process does not stop the others (the
    caller reports it in order; a plain tuple because ``CorpusError`` keyword arguments do not
    survive pickling)."""
    try:
        _check_size(record, max_chars)
        return _build(record, rules, wires)
    except ArticleError as exc:
        return (exc.reason, exc.file, exc.row)


def _build(record: RawRecord, rules: Sequence[Rule], wires: Sequence[WireRule]) -> Article:
    removed: tuple[Removal, ...] = ()
    parsed: dict[str, str] = {}
    if rules:
        removed, parsed = clean_text(record.raw, rules)
    if record.extractor is not None:
        # a web page's outlet is the site that published it (its metadata, else its domain),
        # never a wire its dateline credits ("(Reuters) -"): that goes to Article.wire
        parsed.pop("outlet", None)
    text = apply_removals(record.raw, removed)
    if not text.strip():
        raise ArticleError(
            "nothing is left after removing boilerplate; check the cleaning rules or load "
            "with clean=False",
            file=record.file,
            row=record.row,
        )
    meta: dict[str, Any] = dict(parsed)
    meta.update(record.meta)
    notes = list(record.notes)
    date = meta.get("date")
    if "date" in record.meta:
        date_source = record.date_source or "metadata"
    else:
        date_source = "text" if date is not None else None
    if date is not None and not isinstance(date, dt.date):
        try:
            date = parse_date(date)
        except ValueError as exc:
            raise ArticleError(str(exc), file=record.file, row=record.row) from exc
    if date is None and "dateline_date" in parsed:
        date, note = dateline_date(parsed["dateline_date"], record.captured)
        date_source = "dateline" if date is not None else None
        if note:
            notes.append(note)
    if date is None and record.captured is not None:
        date, date_source = record.captured, "capture"
    wire, wire_evidence = detect_wire(
        record.raw,
        url=meta.get("url"),
        meta={**record.extra, "author": meta.get("author")},
        outlet=meta.get("outlet"),
        rules=wires,
    )
    return Article(
        id=record.id,
        outlet=meta.get("outlet"),
        date=date,
        title=meta.get("title"),
        url=meta.get("url"),
        raw=record.raw,
        text=text,
        removed=removed,
        source=record.source,
        encoding=record.encoding,
        author=meta.get("author"),
        meta=dict(record.extra),
        date_source=date_source,
        extractor=record.extractor,
        notes=tuple(notes),
        story_id=meta.get("story_id"),
        wire=wire,
        wire_evidence=wire_evidence,
    )
