"""The tables a run writes, how each is made in process, and how a table read back from its
parts is put in the in-process order.

``in_process_tables(corpus, options)`` is the definition: the frame of every table as the
in-process functions make it. ``run_distributed`` writes the same frames from Dask workers
(``tests/test_distributed.py`` checks they are equal, values and dtypes), and
``newskit run --in-process`` writes these very frames.

Tables and the function that makes each (``stories=`` is always the run's ``stories`` table):

=================  ===================================================================
articles           ``corpus.with_stories(stories).frame()``
skipped            ``corpus.skipped``
sentences          ``newskit.sentences``
tokens             ``newskit.tokens``
keywords           ``newskit.keywords(top=)``
claims             ``newskit.numeric_claims``
stories            ``newskit.stories(threshold=, days=, relative=)``
candidates         ``newskit.candidate_pairs(method=, threshold=)``
alignments         ``newskit.align(min_score=, candidates=)``
quotes             ``newskit.shared_quotes``
reuse              ``newskit.reuse_graph(alignments=)``
coverage           ``newskit.coverage(form="long", alignments=)``
claim_groups       ``newskit.compare_claims(claims)``
story_table        ``newskit.story_table``
outlet_stories     ``newskit.outlet_story_coverage``
outlet_reuse       ``newskit.outlet_reuse(alignments=)``
keyword_table      ``newskit.keyword_table(keywords)``
distinctive_terms  ``newskit.distinctive_terms`` (no rows when the corpus has one outlet)
=================  ===================================================================
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import pandas as pd

from newskit.claims import compare_claims, numeric_claims
from newskit.corpus import Corpus, sentences, tokens
from newskit.corpus.load import Errors
from newskit.errors import CorpusError
from newskit.keywords import distinctive_terms, keyword_table, keywords
from newskit.keywords.distinctive import DISTINCTIVE_COLUMNS, distinctive_frame
from newskit.keywords.keyphrases import sort_keyword_table
from newskit.reuse import align, candidate_pairs, coverage, outlet_reuse, reuse_graph
from newskit.reuse import shared_quotes as _shared_quotes
from newskit.reuse.candidates import DEFAULT_THRESHOLD as CANDIDATE_THRESHOLD
from newskit.reuse.candidates import LSH_ABOVE, CandidateMethod
from newskit.reuse.similarity import DEFAULT_MIN_SCORE
from newskit.stories import outlet_story_coverage, stories, story_table
from newskit.stories.group import DEFAULT_DAYS, DEFAULT_RELATIVE

#: Every table a run writes, in the order they are listed.
TABLES = (
    "articles",
    "skipped",
    "sentences",
    "tokens",
    "keywords",
    "claims",
    "stories",
    "candidates",
    "alignments",
    "quotes",
    "reuse",
    "coverage",
    "claim_groups",
    "story_table",
    "outlet_stories",
    "outlet_reuse",
    "keyword_table",
    "distinctive_terms",
)


@dataclass(frozen=True)
class RunOptions:
    """What a run does: the loader's ``errors`` and options (``columns``, ``recursive``,
    ``outlet_from``, ``outlets``, ``max_chars``), the stories' ``threshold`` (a number or
    ``"auto"``), ``days`` and ``relative``, the
    candidate pairs' ``candidates`` method and ``candidate_threshold``, alignment's
    ``min_score`` and the keywords' ``top``."""

    errors: Errors = "raise"
    threshold: float | Literal["auto"] = "auto"
    days: float = DEFAULT_DAYS
    relative: float = DEFAULT_RELATIVE
    candidates: CandidateMethod = "auto"
    candidate_threshold: float = CANDIDATE_THRESHOLD
    min_score: float = DEFAULT_MIN_SCORE
    top: int = 10
    columns: Mapping[str, str] | None = None
    recursive: bool = False
    outlet_from: str | None = None
    outlets: Mapping[str, str] | None = field(default=None)
    max_chars: int | None = 20_000_000

    def load_options(self) -> dict[str, Any]:
        """The ``load_corpus`` keyword arguments these options set."""
        return {
            "errors": self.errors,
            "columns": dict(self.columns) if self.columns else None,
            "recursive": self.recursive,
            "outlet_from": self.outlet_from,
            "outlets": dict(self.outlets) if self.outlets else None,
            "max_chars": self.max_chars,
        }

    def candidate_method(self, n_articles: int) -> CandidateMethod:
        """The candidate method ``"auto"`` resolves to on a corpus of ``n_articles`` (decided on
        the whole corpus, never on a part of it)."""
        if self.candidates != "auto":
            return self.candidates
        return "lsh" if n_articles >= LSH_ABOVE else "exhaustive"

    def as_dict(self) -> dict[str, Any]:
        """The options as JSON-ready values (for the run's manifest)."""
        out = asdict(self)
        for key in ("columns", "outlets"):
            out[key] = dict(out[key]) if out[key] else None
        return out


def in_process_tables(corpus: Corpus, options: RunOptions | None = None) -> dict[str, pd.DataFrame]:
    """Every table of ``TABLES`` made in this process from a loaded ``corpus``: the frames a run
    writes. ``options``: a ``RunOptions`` (default: the functions' defaults)."""
    o = options or RunOptions()
    found = stories(corpus, threshold=o.threshold, days=o.days, relative=o.relative)
    method = o.candidate_method(len(corpus))
    kw = keywords(corpus, top=o.top)
    claims = numeric_claims(corpus, stories=found)
    al = align(corpus, min_score=o.min_score, candidates=method, stories=found)
    return {
        "articles": corpus.with_stories(found).frame(),
        "skipped": corpus.skipped,
        "sentences": sentences(corpus),
        "tokens": tokens(corpus),
        "keywords": kw,
        "claims": claims,
        "stories": found,
        "candidates": candidate_pairs(
            corpus, method=method, threshold=o.candidate_threshold, stories=found
        ),
        "alignments": al,
        "quotes": _shared_quotes(corpus, stories=found),
        "reuse": reuse_graph(corpus, alignments=al, stories=found),
        "coverage": coverage(corpus, form="long", alignments=al, stories=found),
        "claim_groups": compare_claims(claims),
        "story_table": story_table(corpus, stories=found),
        "outlet_stories": outlet_story_coverage(corpus, stories=found),
        "outlet_reuse": outlet_reuse(corpus, stories=found, alignments=al),
        "keyword_table": keyword_table(corpus, kw),
        "distinctive_terms": distinctive_or_empty(corpus),
    }


def distinctive_or_empty(corpus: Corpus) -> pd.DataFrame:
    """``distinctive_terms(corpus)``, or its frame without rows when the corpus has fewer than
    two outlets (``distinctive_terms`` raises then: a run keeps going)."""
    try:
        return distinctive_terms(corpus)
    except CorpusError:
        return distinctive_frame([], [], "separate")


# --- putting a table read from its parts in the in-process order ---------------------------


class ReadContext:
    """What ordering a table needs from the others of its run (read lazily): the article ids in
    corpus order and their outlets, and the story table."""

    def __init__(self, read: Callable[[str], pd.DataFrame]) -> None:
        self._read = read
        self._articles: pd.DataFrame | None = None
        self._story_order: dict[str, int] | None = None

    @property
    def articles(self) -> pd.DataFrame:
        if self._articles is None:
            self._articles = self._read("articles")[["id", "outlet"]]
        return self._articles

    def order(self) -> dict[str, int]:
        """Article id → its position in the corpus."""
        return {aid: k for k, aid in enumerate(self.articles["id"])}

    def outlets(self) -> list[str]:
        """Each article's outlet (its id when it has none), first appearance first: the order
        of ``keyword_table``'s and ``distinctive_terms``' groups."""
        a = self.articles
        return list(
            dict.fromkeys(
                o if isinstance(o, str) and o else i
                for i, o in zip(a["id"], a["outlet"], strict=True)
            )
        )

    def story_order(self) -> dict[str, int]:
        """Story id → its position in the story table (largest first, then first date)."""
        if self._story_order is None:
            table = self._read("story_table")
            self._story_order = {sid: k for k, sid in enumerate(table["story_id"])}
        return self._story_order


def _by(df: pd.DataFrame, keys: dict[str, Any], ascending: list[bool]) -> pd.DataFrame:
    """``df`` sorted (stably) by the given key columns (name → Series), which are dropped."""
    names = list(keys)
    out = df.assign(**keys).sort_values(names, ascending=ascending, kind="stable")
    return out.drop(columns=names).reset_index(drop=True)


def _pairs(a: str, b: str, *rest: str) -> Callable[[pd.DataFrame, ReadContext], pd.DataFrame]:
    def sort(df: pd.DataFrame, ctx: ReadContext) -> pd.DataFrame:
        order = ctx.order()
        keys: dict[str, Any] = {"_a": df[a].map(order), "_b": df[b].map(order)}
        names = ["_a", *rest[:2], "_b", *rest[2:]]
        out = df.assign(**keys).sort_values(names, kind="stable")
        return out.drop(columns=["_a", "_b"]).reset_index(drop=True)

    return sort


def _numbered(column: str) -> Callable[[pd.DataFrame, ReadContext], pd.DataFrame]:
    def sort(df: pd.DataFrame, ctx: ReadContext) -> pd.DataFrame:
        return df.sort_values(column, kind="stable").reset_index(drop=True)

    return sort


def _reuse(df: pd.DataFrame, ctx: ReadContext) -> pd.DataFrame:
    out = df.sort_values(
        ["confidence", "source_id", "derived_id"], ascending=[False, True, True], kind="stable"
    )
    return out.reset_index(drop=True)


def _stories(df: pd.DataFrame, ctx: ReadContext) -> pd.DataFrame:
    return _by(df, {"_o": df["article_id"].map(ctx.order())}, [True])


def _story_table(df: pd.DataFrame, ctx: ReadContext) -> pd.DataFrame:
    out = df.sort_values(
        ["n_articles", "first_date", "story_id"],
        ascending=[False, True, True],
        na_position="last",
        kind="stable",
    )
    return out.reset_index(drop=True)


def _outlet_stories(df: pd.DataFrame, ctx: ReadContext) -> pd.DataFrame:
    out = df.assign(_s=df["story_id"].map(ctx.story_order())).sort_values(
        ["_s", "lag_days", "outlet"], na_position="last", kind="stable"
    )
    return out.drop(columns="_s").reset_index(drop=True)


def _outlet_reuse(df: pd.DataFrame, ctx: ReadContext) -> pd.DataFrame:
    out = df.sort_values(
        ["share", "wire_share", "outlet", "source_outlet"],
        ascending=[False, False, True, True],
        kind="stable",
    )
    return out.reset_index(drop=True)


def _keyword_table(df: pd.DataFrame, ctx: ReadContext) -> pd.DataFrame:
    return sort_keyword_table(df, ctx.outlets())


def _distinctive(df: pd.DataFrame, ctx: ReadContext) -> pd.DataFrame:
    rows = list(df[DISTINCTIVE_COLUMNS].itertuples(index=False, name=None))
    return distinctive_frame(rows, ctx.outlets(), "separate")


#: How a table read from its parts is put in the in-process order. Tables written per part of
#: the corpus in corpus order (articles, sentences, tokens, keywords, claims, skipped) need none.
SORTS: dict[str, Callable[[pd.DataFrame, ReadContext], pd.DataFrame]] = {
    "stories": _stories,
    "candidates": _pairs("a_id", "b_id"),
    "alignments": _pairs("a_id", "b_id", "a_start", "a_end", "b_start", "b_end"),
    "quotes": _numbered("quote_id"),
    "reuse": _reuse,
    "coverage": _numbered("fact_id"),
    "claim_groups": _numbered("group"),
    "story_table": _story_table,
    "outlet_stories": _outlet_stories,
    "outlet_reuse": _outlet_reuse,
    "keyword_table": _keyword_table,
    "distinctive_terms": _distinctive,
}

__all__ = [
    "SORTS",
    "TABLES",
    "ReadContext",
    "RunOptions",
    "distinctive_or_empty",
    "in_process_tables",
]
