"""``Corpus``: an ordered, immutable collection of articles, and ``load_corpus`` to make one.

load (``newskit.corpus.load``) → clean (``newskit.corpus.clean``) → ``Article`` records in a
``Corpus``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, overload

import pandas as pd

from newskit.corpus.clean import apply_removals, as_rules, clean_text
from newskit.corpus.load import (
    SKIPPED_COLUMNS,
    Errors,
    Problems,
    RawRecord,
    parse_date,
    read_source,
)
from newskit.corpus.records import Article, Removal, Rule
from newskit.errors import ArticleError, CorpusSourceError

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
    "story_id",
]
REMOVED_COLUMNS = ["article_id", "start", "end", "rule", "text"]


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
        n_removed, encoding, source, story_id``. ``n_chars`` counts the cleaned text; ``date`` is a
        datetime64 column (NaT where unknown)."""
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
                a.story_id,
            )
            for a in self._articles
        ]
        df = pd.DataFrame(rows, columns=FRAME_COLUMNS)
        df["date"] = pd.to_datetime(df["date"])
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
) -> Corpus:
    """Load articles from ``source`` and clean them.

    ``source``: a folder of ``.txt`` files (with an optional ``metadata.csv``: ``file, outlet,
    date, title, url, notes``, whose values win over what is read from the text), a list of
    paths, a ``.csv`` or ``.jsonl`` file or a DataFrame (``text`` required; ``id``, ``outlet`` or
    ``source``, ``date``, ``title``, ``url`` optional, any case). ``None`` loads the bundled seeds.
    ``errors="raise"`` raises ``CorpusError`` on the first bad input; ``"skip"`` loads the rest
    and lists the bad ones in ``corpus.skipped``. ``clean=False`` keeps the whole text;
    ``rules`` replaces the boilerplate rules (see ``newskit.boilerplate_rules()``).
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    if source is None:
        source = seeds_path()
    problems = Problems(errors)
    rule_set = as_rules(rules) if clean else ()
    articles, seen = [], {}
    for record in read_source(source, problems):
        try:
            article = _build(record, rule_set)
        except ArticleError as exc:
            problems.report(exc)
            continue
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
    name = None if isinstance(source, pd.DataFrame) else str(source)
    return Corpus(articles, skipped=problems.frame(), source=name)


def _build(record: RawRecord, rules: Sequence[Rule]) -> Article:
    removed: tuple[Removal, ...] = ()
    parsed: dict[str, str] = {}
    if rules:
        removed, parsed = clean_text(record.raw, rules)
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
    date = meta.get("date")
    if date is not None and not isinstance(date, dt.date):
        try:
            date = parse_date(date)
        except ValueError as exc:
            raise ArticleError(str(exc), file=record.file, row=record.row) from exc
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
    )
