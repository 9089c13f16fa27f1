"""The work a run sends to its workers: functions of one part of the corpus, one story
partition or one shard of a corpus-wide table, each calling newskit's in-process functions.

Every function here is a pure function of its arguments, except the ``write_*`` steps, which
write their part of a table into the run's staging folder: a part file is written by exactly
one task, and always with the same content, so a task that Dask runs again after a worker died
rewrites the same file.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from newskit.app.dask.exchange import stable_hash
from newskit.app.dask.output import part_name, write_frame
from newskit.app.dask.source import DUPLICATE, Loaded
from newskit.app.dask.tables import RunOptions
from newskit.claims import compare_claims, numeric_claims
from newskit.claims.facts import lower_case_words
from newskit.corpus import Corpus, sentences, tokens
from newskit.corpus.outlets import (
    OutletForms,
    OutletNames,
    apply_outlets,
    outlet_forms,
    outlet_names,
)
from newskit.corpus.records import Article
from newskit.keywords import keywords
from newskit.keywords.distinctive import (
    ContextCounts,
    NameCounts,
    TermContext,
    TermCounts,
    context_counts,
    distinctive_frame,
    distinctive_rows,
    finish_context,
    name_counts,
)
from newskit.keywords.distinctive import term_counts as group_term_counts
from newskit.keywords.keyphrases import (
    KeywordForms,
    OwnNames,
    keyword_counts,
    keyword_forms,
    keyword_rows,
    own_name_counts,
    own_names_of,
)
from newskit.keywords.names import OutletNameCounts
from newskit.reuse import align, candidate_pairs, coverage, reuse_graph, shared_quotes
from newskit.reuse.outlets import ReuseCounts, outlet_reuse_counts, outlet_reuse_frame
from newskit.reuse.quotes import corpus_people
from newskit.reuse.speakers import People
from newskit.stories import outlet_story_coverage, story_map
from newskit.stories.table import _story_groups, story_table_frame
from newskit.stories.table import story_rows as story_table_rows

#: Where a run's tables go: (file system, staging folder).
Target = tuple[Any, str]


def write_part(target: Target, table: str, k: int, frame: pd.DataFrame) -> str:
    """Write part ``k`` of ``table``; returns its path."""
    fs, folder = target
    if not fs.exists(folder):  # the run failed and deleted its staging folder: write nothing
        raise RuntimeError(f"{folder} is gone: the run was stopped")
    path = posixpath.join(folder, table, part_name(k))
    write_frame(fs, path, frame)
    return path


# --- load parts ------------------------------------------------------------------------------


def load_summary(loaded: Loaded) -> dict[str, Any]:
    """What the driver needs of a loaded part: article count, problems, messages, fatal."""
    return {
        "n": len(loaded.articles),
        "problems": loaded.problems,
        "messages": loaded.messages,
        "fatal": loaded.fatal,
    }


def id_pieces(loaded: Loaded, k: int, n_buckets: int) -> dict[int, pd.DataFrame]:
    """The part's article ids by bucket (``stable_hash``), with where each came from."""
    ids = [a.id for a in loaded.articles]
    frame = pd.DataFrame(
        {
            "id": pd.Series(ids, dtype=object),
            "k": np.int64(k),
            "pos": np.arange(len(ids), dtype=np.int64),
            "file": pd.Series([o[0] for o in loaded.origins], dtype=object),
            "row": pd.Series([o[1] for o in loaded.origins], dtype=object),
            "source": pd.Series([o[2] for o in loaded.origins], dtype=object),
        }
    )
    buckets = np.array([stable_hash(i, n_buckets) for i in ids], dtype=np.int64)
    return {int(b): frame[buckets == b] for b in np.unique(buckets)}


def duplicates(*pieces: pd.DataFrame) -> list[tuple]:
    """The articles whose id an earlier one (in corpus order) already has, as problems
    (``phase, k, pos, file, row, reason, raises``) worded as ``load_corpus`` words them."""
    out: list[tuple] = []
    seen: dict[str, str] = {}
    for piece in pieces:  # pieces come in part order, rows in part order
        for aid, k, pos, file, row, source in piece.itertuples(index=False, name=None):
            if aid in seen:
                reason = (
                    f"duplicate id {aid!r} (also {seen[aid]}); give each article a unique id or "
                    "file name"
                )
                out.append((DUPLICATE, int(k), int(pos), file, row, reason, True))
            else:
                seen[aid] = source
    return out


def names_of(loaded: Loaded, drop: Sequence[int], outlets: Mapping[str, str] | None) -> OutletNames:
    """Step 1 of outlet naming for the part's kept articles."""
    return outlet_names(_kept(loaded, drop), outlets)


def given_of(names: OutletNames) -> dict[str, str]:
    return names.given


def forms_of(names: OutletNames, given: Mapping[str, str]) -> OutletForms:
    return outlet_forms(names, given)


def canonical(
    loaded: Loaded,
    drop: Sequence[int],
    names: OutletNames,
    chosen: Mapping[str, str],
    given: Mapping[str, str],
) -> list[Article]:
    """The part's kept articles with the outlet names chosen over the whole corpus."""
    return apply_outlets(_kept(loaded, drop), names, chosen, given)


def _kept(loaded: Loaded, drop: Sequence[int]) -> list[Article]:
    gone = set(drop)
    return [a for i, a in enumerate(loaded.articles) if i not in gone]


# --- what the keywords and distinctive terms learn over the whole corpus ----------------------


def context_pass(articles: list[Article]) -> ContextCounts:
    """Pass 1 over a load part: ``newskit.keywords.distinctive.context_counts`` (capitalised
    words, acronym spellings, template lines, the first letters of outlet identities)."""
    return context_counts(articles)


def merge_context(*parts: ContextCounts) -> ContextCounts:
    """Pass 1 of several parts as one."""
    out = ContextCounts()
    for part in parts:
        out = out.merge(part)
    return out


@dataclass
class NamePass:
    """Pass 2 over a load part: the distinctive terms' name counts (``names``) and the
    keywords' outlet-name counts (``own``)."""

    names: NameCounts
    own: OutletNameCounts


def name_pass(articles: list[Article], first: ContextCounts) -> NamePass:
    """Pass 2 over a load part, given pass 1 merged over the whole corpus."""
    return NamePass(name_counts(articles, first), own_name_counts(articles, first.leads))


def merge_names(*parts: NamePass) -> NamePass:
    """Pass 2 of several parts as one."""
    out = NamePass(NameCounts(), OutletNameCounts())
    for part in parts:
        out = NamePass(out.names.merge(part.names), out.own.merge(part.own))
    return out


@dataclass
class Learned:
    """What the keywords (``own_names``) and distinctive terms (``context``) learn over the
    whole corpus, as the in-process functions learn it."""

    own_names: OwnNames
    context: TermContext


def learned_of(first: ContextCounts, second: NamePass) -> Learned:
    """The corpus-wide results from both passes, each merged over the whole corpus."""
    return Learned(own_names_of(second.own), finish_context(first, second.names))


# --- per-article tables -----------------------------------------------------------------------


@dataclass
class PartOut:
    """What the rest of the run needs from a load part once its per-article tables are written:
    ``rows`` per table written, its ``claims`` (for the claim groups), the summaries that are
    merged over the corpus (keyword forms, distinctive-term counts, lower-case words of the
    claims, outlets in order of appearance) and the problems found (``checks``)."""

    rows: dict[str, int]
    files: dict[str, str]
    claims: pd.DataFrame
    keyword_forms: KeywordForms
    term_counts: TermCounts
    lower_words: frozenset[str]
    people: People
    outlets: list[str]
    checks: list[str] = field(default_factory=list)


def part_tables(
    k: int,
    articles: list[Article],
    story_rows: pd.DataFrame,
    options: RunOptions,
    target: Target,
    learned: Learned,
) -> PartOut:
    """Write the per-article tables of load part ``k`` (articles, stories, sentences, tokens,
    keywords, claims), each tagged with the stories found on the whole corpus; keywords and
    term counts use what ``learned`` holds over the whole corpus."""
    corpus = Corpus(articles)
    ids = set(corpus.ids)
    checks = []
    if list(story_rows["article_id"]) != corpus.ids:
        checks.append(f"part {k}: the stories do not list its articles in order")
    kw = keywords(corpus, top=options.top, own_names=learned.own_names)
    claims = numeric_claims(corpus, stories=story_rows, progress=False)
    frames = {
        "articles": corpus.with_stories(story_rows).frame(),
        "stories": story_rows,
        "sentences": sentences(corpus, progress=False),
        "tokens": tokens(corpus, progress=False),
        "keywords": kw,
        "claims": claims,
    }
    untagged = int(claims["story_id"].isna().sum())
    if untagged:
        checks.append(f"part {k}: {untagged} claims have no story")
    for name, frame in frames.items():
        col = "id" if name == "articles" else "article_id"
        unknown = set(frame[col].astype(object)) - ids
        if unknown:
            checks.append(f"part {k}: {name} names {len(unknown)} articles it does not hold")
    files = {name: write_part(target, name, k, frame) for name, frame in frames.items()}
    return PartOut(
        rows={name: len(frame) for name, frame in frames.items()},
        files=files,
        claims=claims,
        keyword_forms=keyword_forms(articles, kw),
        term_counts=group_term_counts(articles, context=learned.context),
        lower_words=lower_case_words(claims),
        people=corpus_people(corpus),
        outlets=list(dict.fromkeys(a.outlet or a.id for a in articles)),
        checks=checks,
    )


def part_report(out: PartOut) -> dict[str, Any]:
    """The small part of ``PartOut`` the driver gathers."""
    return {
        "rows": out.rows,
        "files": out.files,
        "n_claims": len(out.claims),
        "outlets": out.outlets,
        "checks": out.checks,
        "sizes": {
            kind: {g: sum(c.values()) for g, c in counts.items()}
            for kind, counts in out.term_counts.kinds().items()
        },
    }


def add_counters(*counters: Counter) -> Counter:
    out: Counter = Counter()
    for c in counters:
        out.update(c)
    return out


def union(*sets: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for s in sets:
        out |= set(s)
    return frozenset(out)


# --- story partitions -------------------------------------------------------------------------


def route_part(
    articles: list[Article],
    story_rows: pd.DataFrame,
    claims: pd.DataFrame,
    k: int,
    start: int,
    claim_start: int,
    partition_of: np.ndarray,
) -> dict[int, tuple]:
    """Cut load part ``k`` by story partition (``partition_of``: story number - 1 → its
    partition): ``{s: (positions, articles, story rows, claims)}`` with each article's position
    in the corpus and the claims' row numbers in the corpus's claims table (their index)."""
    numbers = story_rows["story_id"].str[1:].astype(np.int64).to_numpy()
    parts = partition_of[numbers - 1]
    claims = claims.copy()
    claims.index = pd.RangeIndex(claim_start, claim_start + len(claims))
    claim_parts = (
        claims["article_id"]
        .astype(object)
        .map(dict(zip(story_rows["article_id"], parts, strict=True)))
    )
    pieces = {}
    for s in np.unique(parts):
        mask = parts == s
        idx = np.flatnonzero(mask)
        pieces[int(s)] = (
            (idx + start).tolist(),
            [articles[i] for i in idx],
            story_rows[mask],
            claims[(claim_parts == s).to_numpy()],
        )
    return pieces


@dataclass
class StoryPart:
    """The articles of some whole stories, in corpus order: ``corpus``, each article's
    position in the whole corpus (``order``), their rows of the stories table and their
    claims (indexed by their row in the corpus's claims table)."""

    corpus: Corpus
    order: dict[str, int]
    stories: pd.DataFrame
    claims: pd.DataFrame


def story_part(*pieces: tuple) -> StoryPart:
    """One story partition from its pieces (from every load part that holds its articles, in
    part order)."""
    positions = [p for piece in pieces for p in piece[0]]
    articles = [a for piece in pieces for a in piece[1]]
    stories = pd.concat([piece[2] for piece in pieces], ignore_index=True)
    claims = pd.concat([piece[3] for piece in pieces])
    return StoryPart(
        Corpus(articles),
        dict(zip([a.id for a in articles], positions, strict=True)),
        stories,
        claims,
    )


@dataclass
class StoryOut:
    """A story partition's results: ``rows`` and ``files`` of the tables written, the frames
    still to be numbered over the corpus (``quotes``, ``coverage``, ``claim_groups``) with
    their sort keys, the outlet-reuse counts and the problems found (``checks``)."""

    rows: dict[str, int]
    files: dict[str, str]
    quotes: pd.DataFrame
    coverage: pd.DataFrame
    claim_groups: pd.DataFrame
    outlet_reuse: ReuseCounts
    n_articles: int
    checks: list[str] = field(default_factory=list)


def story_tables(
    s: int,
    part: StoryPart,
    options: RunOptions,
    n_articles: int,
    df: Mapping[str, int],
    lower_words: frozenset[str],
    people: People,
    target: Target,
) -> StoryOut:
    """Every cross-article table of story partition ``s``: candidate pairs, alignments, quotes,
    reuse graph, coverage, claim groups, story table, outlet × story coverage and outlet-reuse
    counts, from newskit's in-process functions on the partition's stories (``options`` as the
    whole run's; ``n_articles``, ``df``, ``lower_words`` and ``people`` of the whole corpus)."""
    corpus, found = part.corpus, part.stories
    method = options.candidate_method(n_articles)
    al = align(corpus, min_score=options.min_score, candidates=method, stories=found)
    _, groups = _story_groups(corpus, found)
    frames = {
        "candidates": candidate_pairs(
            corpus, method=method, threshold=options.candidate_threshold, stories=found
        ),
        "alignments": al,
        "reuse": reuse_graph(corpus, alignments=al, stories=found),
        "story_table": story_table_frame(story_table_rows(groups, df, n_articles)),
        "outlet_stories": outlet_story_coverage(corpus, stories=found),
    }
    checks = []
    ids = set(corpus.ids)
    for name, cols in (("candidates", ("a_id", "b_id")), ("alignments", ("a_id", "b_id"))):
        for col in cols:
            if not set(frames[name][col]) <= ids:
                checks.append(f"story partition {s}: {name} names articles it does not hold")
    files = {name: write_part(target, name, s, frame) for name, frame in frames.items()}
    return StoryOut(
        rows={name: len(frame) for name, frame in frames.items()},
        files=files,
        quotes=shared_quotes(corpus, stories=found, people=people),
        coverage=coverage(corpus, form="long", alignments=al, stories=found),
        claim_groups=compare_claims(part.claims, common_words=lower_words),
        outlet_reuse=outlet_reuse_counts(
            list(corpus),
            story_map(corpus, found),
            al,
            reuse_graph(corpus, min_share=0.0, alignments=al, stories=found),
        ),
        n_articles=len(corpus),
        checks=checks,
    )


def story_report(out: StoryOut) -> dict[str, Any]:
    """The small part of ``StoryOut`` the driver gathers."""
    return {
        "rows": out.rows,
        "files": out.files,
        "n_articles": out.n_articles,
        "checks": out.checks,
    }


# --- numbering over the corpus ------------------------------------------------------------------

#: Tables numbered over the whole corpus: the id column, and how the sort key of each id is
#: read off its first row (the in-process functions sort by it before numbering).
NUMBERED = {"quotes": "quote_id", "coverage": "fact_id", "claim_groups": "group"}


def number_keys(out: StoryOut, table: str, order: Mapping[str, int] | None = None) -> pd.DataFrame:
    """One row per local id of ``table`` (``0 … m-1``), its sort key as int64 columns."""
    frame: pd.DataFrame = getattr(out, table)
    column = NUMBERED[table]
    if not len(frame):
        n_keys = 4 if table == "claim_groups" else 3
        return pd.DataFrame({f"k{i}": [] for i in range(n_keys)}, dtype=np.int64)
    if table == "claim_groups":
        # compare_claims' order: disagreements first, then outlets, claims (most first), then
        # the first claim (claims keep their corpus-wide row labels)
        first = [min(rows) for rows in frame["claim_rows"]]
        return pd.DataFrame(
            {
                "k0": frame["agree"].astype(bool).to_numpy(dtype=np.int64),
                "k1": -frame["n_outlets"].to_numpy(dtype=np.int64),
                "k2": -frame["n_claims"].to_numpy(dtype=np.int64),
                "k3": np.asarray(first, dtype=np.int64),
            }
        )
    count = "n_articles" if table == "quotes" else "n_outlets"
    heads = frame.groupby(column, sort=True).head(1)
    if list(heads[column]) != list(range(len(heads))):
        raise RuntimeError(f"{table}: ids are not numbered 0 … n-1 within a partition")
    assert order is not None
    return pd.DataFrame(
        {
            "k0": -heads[count].to_numpy(dtype=np.int64),
            "k1": heads["article_id"].astype(object).map(order).to_numpy(dtype=np.int64),
            "k2": heads["start"].to_numpy(dtype=np.int64),
        }
    )


def keys_of(out: StoryOut, table: str, part: StoryPart) -> pd.DataFrame:
    return number_keys(out, table, part.order)


def write_numbered(target: Target, table: str, s: int, out: StoryOut, ranks: np.ndarray) -> int:
    """Write ``table`` of story partition ``s`` with its ids numbered over the corpus."""
    frame = getattr(out, table).copy()
    column = NUMBERED[table]
    frame[column] = ranks[frame[column].to_numpy(dtype=np.int64)].astype(np.int64)
    write_part(target, table, s, frame)
    return len(frame)


# --- corpus-wide tables -------------------------------------------------------------------------


def reuse_counts_of(out: StoryOut) -> ReuseCounts:
    return out.outlet_reuse


def write_outlet_reuse(target: Target, counts: ReuseCounts) -> int:
    frame = outlet_reuse_frame(*counts)
    write_part(target, "outlet_reuse", 0, frame)
    return len(frame)


def keyword_forms_by_shard(forms: KeywordForms, k: int, n: int) -> dict[int, KeywordForms]:
    """The part's keyword forms cut into ``n`` shards of keys."""
    shards: dict[int, KeywordForms] = {}
    for key, counter in forms.forms.items():
        shards.setdefault(stable_hash(key, n), KeywordForms()).forms[key] = counter
    for (key, outlet), rank in forms.best.items():
        shards.setdefault(stable_hash(key, n), KeywordForms()).best[(key, outlet)] = rank
    return shards


def merge_keyword_forms(*parts: KeywordForms) -> KeywordForms:
    out = KeywordForms()
    for p in parts:
        out = out.merge(p)
    return out


def shown_of(forms: KeywordForms) -> dict[str, str]:
    return forms.shown()


def keyword_counts_by_shard(
    articles: list[Article], k: int, n: int, *shown: Mapping[str, str]
) -> dict[int, Counter]:
    """Occurrences of every shown keyword (all shards) in the part's articles, by shard."""
    everything: dict[str, str] = {}
    for s in shown:
        everything.update(s)
    counts = keyword_counts(articles, everything)
    out: dict[int, Counter] = {}
    for (key, outlet), c in counts.items():
        out.setdefault(stable_hash(key, n), Counter())[(key, outlet)] += c
    return out


def write_keyword_shard(
    target: Target, h: int, forms: KeywordForms, counts: Counter, outlets: list[str]
) -> int:
    """Write shard ``h`` of the keyword table: its keys' ``forms`` and ``counts`` (summed over
    the parts), over every outlet of the corpus (``outlets``, in corpus order)."""
    frame = keyword_rows(forms.shown(), counts, forms.best, outlets)
    write_part(target, "keyword_table", h, frame)
    return len(frame)


def term_counts_by_shard(
    found: TermCounts, k: int, n: int
) -> dict[int, dict[tuple[str, str], Counter]]:
    """The part's distinctive-term counts ((kind, group) → term → count) cut into ``n`` shards
    of terms."""
    shards: dict[int, dict[tuple[str, str], Counter]] = {}
    for kind, counts in found.kinds().items():
        for g, counter in counts.items():
            for term, c in counter.items():
                shard = shards.setdefault(stable_hash(term, n), {})
                shard.setdefault((kind, g), Counter())[term] = c
    return shards


def merge_group_counts(*pieces: Mapping[Any, Counter]) -> dict[Any, Counter]:
    """One shard's distinctive-term counts from its pieces (one per part)."""
    counts: dict[Any, Counter] = {}
    for piece in pieces:
        for g, c in piece.items():
            counts.setdefault(g, Counter()).update(c)
    return counts


def write_distinctive_shard(
    target: Target,
    h: int,
    counts: Mapping[tuple[str, str], Counter],
    sizes: Mapping[str, Mapping[str, int]],
    groups: Sequence[str],
) -> int:
    """Write shard ``h`` of the distinctive terms: ``counts`` ((kind, group) → term → count) of
    its terms; ``sizes``: kind → each group's uses of the kind over all terms; ``groups`` in
    corpus order. A corpus of fewer than two groups (or no countable term) has no rows, where
    ``distinctive_terms`` raises."""
    rows: list[tuple] = []
    if len(sizes.get("content", {})) >= 2:
        for kind, kind_sizes in sizes.items():
            of_kind = {g: c for (k, g), c in counts.items() if k == kind}
            total: Counter = Counter()
            for c in of_kind.values():
                total.update(c)
            rows += distinctive_rows(of_kind, total, kind_sizes, kind)
    frame = distinctive_frame(rows, groups, "separate")
    write_part(target, "distinctive_terms", h, frame)
    return len(frame)
