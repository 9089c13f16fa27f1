"""Keyphrases per article, where they occur, and how outlets share them.

``keywords`` runs YAKE (through ``newskit.keywords.yake_adapter``, cached) on each article's
cleaned text and turns its ranked n-grams into a list a person would write:

1. Candidate phrases come from the article's sentences (``newskit.corpus.segment``), inside one
   sentence and between punctuation marks: *names* (runs of capitalised words, with ``of`` or
   a capitalised ``He`` inside, e.g. ``"Chinese Vice Premier He Lifeng"``) and *noun phrases*
   (runs of words that are not stopwords, verbs or adverbs, e.g. ``"90-day pauses"``,
   ``"money laundering"``). Phrases are cut at verb fragments and never start or end with a
   stopword, a vague modifier, an evaluative adjective (``"talented"``, ``"massive"``), a
   counting word or a number; a possessive ``’s`` is left out. Word tables live in
   ``newskit.resources.stopwords`` and ``newskit.resources.names``.

   Names run through middle initials and title abbreviations (``"Rep. Carolyn B. Maloney"``)
   and never end in one (``"Ohio Rep."``, ``"Carolyn B."``); a courtesy title is dropped from
   their start (``"Mr. Powell"`` → ``"Powell"``), and a title alone (``"Vice Premier"``) is no
   phrase; nor is a role noun before a name (``"actor Gary Sinise"``: the name is), nor a
   headline's clause of two names and a verb (``"Luck hit Wayne"``: the names are), nor a
   name ending in a demonym (``"North Korean"``, an adjective). A line in title case
   (``"Obama Administration Restores Endangered Species Act Protections!"``) is read as a
   headline: its capitals say nothing of names the article does not capitalise elsewhere. Numbers
   are claims, not keyphrases (``"$1.375 billion"``, ``"12 percent"``: see
   ``newskit.claims``); a year may open a phrase of one noun (``"2020 election"``); a month and
   day before a noun make an event name (``"Sept. 11 attacks"``). Words after ``to`` or a
   modal (``"would build"``), predicate adjectives (``"farmers unable"``), a lone
   ``-ed``/``-ing`` verb (``"released"``) and a lone generic noun (``"people"``) give no
   phrase. Datelines, bylines, credit and caption lines, copyright lines, transcript speaker
   labels and web addresses (``KEYWORD_SKIP``: ``"WASHINGTON —"``, ``"By Jane Mercer"``) are
   left out, of YAKE's text too; the place a dateline names is no keyphrase of the article
   anywhere. Agency and picture credits (``CREDIT_NAMES``) and the names the article's outlet
   uses for itself, learned from the corpus (``newskit.keywords.names.outlet_names``:
   "HuffPost" for an outlet coded ``"hpo"``), never join a phrase.
2. Each candidate gets YAKE's score for the same n-gram. A phrase YAKE did not score itself
   (longer than ``max_ngram``, or holding a number or ``U.S.``) gets the best score among the
   YAKE n-grams inside it, times 1.1 per word it adds. YAKE scores a text longer than
   ``YAKE_CHUNK_CHARS`` in pieces cut between sentences (its time grows faster than the
   text), and an n-gram gets its best score over the pieces.
3. Candidates naming one entity are merged (``_entities``): a person with and without title,
   first name or initial (``"Texas Rep. Blake Farenthold"``, ``"Representative Blake
   Farenthold"``, ``"Farenthold"`` → ``"Blake Farenthold"``: the fullest name, without title);
   phrases built on one name (``"Tea Party supporters"``, ``"Greater Phoenix Tea Party"`` →
   ``"Tea Party"``; ``"North Korean regime"``, ``"North Korean media"`` → one); an acronym
   and the name it abbreviates (``"RAIB"`` → ``"Rail Accident Investigation Branch"``). An
   entity scores its members' best YAKE score; ``count`` adds
   their occurrences, and ``variants`` lists the other forms.
4. Entities are ranked by score and taken greedily: one whose words are a subset or superset
   of one already taken is skipped, and so is one more similar than ``dedup_lim`` to one taken
   (YAKE's similarity function). Two exceptions replace the phrase taken: a fuller name used
   at least as often (``"Falcon Heavy"`` → ``"Falcon Heavy Rocket"`` only then), and a common
   phrase's own words when they stand alone at least twice as often (``"earthquake
   damage"`` once → ``"earthquake"``). The list is then ordered by score.

YAKE itself runs once per text through ``yake_adapter``; everything above works on its
n-gram scores only, so the YAKE backend can change without changing these rules.

Offsets are into ``article.raw``: ``article.raw[start:end]`` is the occurrence.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
import itertools
import math
import operator
import pickle
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

import pandas as pd

from newskit.corpus.records import Article
from newskit.corpus.segment import sentence_spans
from newskit.errors import CorpusError
from newskit.keywords.names import (
    OutletNameCounts,
    acronym_key,
    decide_outlet_names,
    is_role,
    outlet_identities,
    outlet_leads,
    outlet_name_counts,
    person_start,
)
from newskit.keywords.yake_adapter import YakeOptions, make_options, ngram_scores_many, similarity
from newskit.parallel import chunked, effective_jobs, map_articles, resolve_jobs
from newskit.resources.abbreviations import MONTH_ABBREVIATIONS, TITLE_ABBREVIATIONS
from newskit.resources.names import CREDIT_NAMES, ORG_WORDS
from newskit.resources.stopwords import (
    ADJECTIVE_SUFFIX_NOUNS,
    ADJECTIVE_SUFFIXES,
    DEMONYMS,
    DETERMINERS,
    ED_NOUNS,
    EVALUATIVE_ADJECTIVES,
    GENERIC_NOUNS,
    HONORIFICS,
    KEYWORD_SKIP,
    LY_WORDS,
    NAME_CONNECTORS,
    NAME_PREFIXES,
    NOUN_ING,
    NUMBER_WORDS,
    PREDICATE_ADJECTIVES,
    SCALE_WORDS,
    STOPWORDS,
    TIME_ABBREVIATIONS,
    TIME_WORDS,
    TITLE_LOWER,
    VERB_FRAGMENTS,
    VERB_MARKERS,
    WEAK_MODIFIERS,
)

KEYWORD_COLUMNS = [
    "article_id",
    "outlet",
    "rank",
    "keyword",
    "score",
    "yake_score",
    "count",
    "first_start",
    "first_end",
    "variants",
]
SPAN_COLUMNS = ["article_id", "keyword", "start", "end", "text", "sent_id"]
TABLE_COLUMNS = ["keyword", "outlet", "in_top", "rank", "count", "n_outlets", "n_top"]
CONCORDANCE_COLUMNS = [
    "article_id",
    "outlet",
    "keyword",
    "sent_id",
    "start",
    "end",
    "left",
    "match",
    "right",
]

# YAKE's cost grows faster than the text (its co-occurrence graph: 8 s/MB at 50 kB, 21 s/MB at
# 800 kB), so a longer text is scored in pieces of this many characters, cut between
# sentences, each n-gram keeping its best score over the pieces (see ``keywords``). News
# articles are far shorter: their keywords do not change.
YAKE_CHUNK_CHARS = 100_000
PART_ARTICLES = 100  # articles per task of keywords(n_jobs > 1): a bar that moves, even loads
LENGTH_PENALTY = 1.1  # per word a phrase adds to the YAKE n-gram that scored it
CAPTION_SHARE = 0.5  # caption lines covering more of an article than this are its text
MAX_NAME_WORDS = 7  # longer capitalised runs are not taken as one name
MIN_TITLE_WORDS = 4  # a sentence of this many capitalised words and no other is a title
MAX_ACRONYM_LETTERS = 6  # NATO, UNESCO; a longer word in capitals is shouting
_FINAL_PUNCT = ".!?…"
_CURRENCY = "$€£¥"
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# "12th", "1990s", "5-year-old": never the first or last word of a keyphrase
_AGE_OR_RANK = re.compile(r"\d+(?:st|nd|rd|th|s|-(?:year|month|week|day)s?-olds?)")
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_MONTHS = MONTH_ABBREVIATIONS | {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}  # fmt: skip


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(sorted((w.capitalize() for w in words), key=len, reverse=True))


# Words as newskit.segment cuts them (U.S., U.S.-China, 90-day, tit-for-tat, Bessent’s), with
# a title abbreviation or a middle initial before a name kept with its period ("Sen.", "B."),
# a month abbreviation before a day ("Sept. 11"), numbers with their currency, thousands
# separators and decimals ("$1.375", "800,000"), and punctuation marks (group 1), which end a
# phrase. The first four forms are letters and a dot: a lookahead for that spares the regex
# trying each title and month at every other word (the abbreviations are ASCII letters).
_WORD = re.compile(
    r"(?=[A-Za-z]+\.)(?:(?:[A-Za-z]\.){2,}(?:[-‐‑]\w+)*"
    r"|(?:" + _alternatives(TITLE_ABBREVIATIONS) + r")\.(?=[ \t]+[A-Z])"
    r"|[A-Z]\.(?=[ \t]+[A-Z][a-z])"
    r"|(?:" + _alternatives(MONTH_ABBREVIATIONS) + r")\.(?=[ \t]+\d))"
    r"|[" + _CURRENCY + r"]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w‐‑-])"
    r"|[" + _CURRENCY + r"]?\d+\.\d+(?![\w‐‑-])"
    r"|[" + _CURRENCY + r"]\d+(?![\w‐‑-])"
    r"|\w+(?:['’]\w+)*(?:[-‐‑]\w+(?:['’]\w+)*)*|([^\w\s])"
)
_WORD_SPLIT = re.compile("(" + _WORD.pattern + ")")  # ``_WORD`` keeping its tokens in a split
_SKIP = [re.compile(pattern, re.M) for _name, pattern, _example in KEYWORD_SKIP]
_CREDITS = frozenset(CREDIT_NAMES)
_TIME = TIME_WORDS | TIME_ABBREVIATIONS
_NORM = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})

# Token roles inside a sentence.
_BREAK, _NAME, _COMMON, _NAME_STOP = 0, 1, 2, 3
_SKIPPED = -9  # the "initial" class of a word in a dateline or byline
_NAMEISH = frozenset({_NAME, _NAME_STOP})  # the roles of a name's words
_ONLY_COMMON = frozenset({_COMMON})


# A word token with what the chunker needs: raw span (possessive left out), key, role. A plain
# tuple, read with the field numbers below: the garbage collector stops tracking a tuple of
# strings, numbers and booleans, but never a NamedTuple, and an article has hundreds of tokens
# (tracked, they made every full collection of the process walk each one of them).
_Tok = tuple
_START = 0  # raw offset
_END = 1  # raw offset, a possessive left out
_KEY = 2  # ``_norm`` of the word
_SURFACE = 3  # the word as written, a possessive left out
_SENT = 4  # sentence number
_ROLE = 5  # _BREAK, _NAME, _COMMON or _NAME_STOP
_ACRONYM = 6  # ``_is_acronym`` of the surface
_LEAD_WEAK = 7  # may not start a phrase
_TRAIL_WEAK = 8  # may not end a phrase
_CONTENT = 9  # a word that can carry a phrase on its own
_VERBISH = 10  # an -ing/-ed verb when it follows a noun
_FIRST = 11  # the first word of its sentence
_KEY_OF = operator.itemgetter(_KEY)
_SURFACE_OF = operator.itemgetter(_SURFACE)
_ROLE_OF = operator.itemgetter(_ROLE)
_CONTENT_OF = operator.itemgetter(_CONTENT)


@dataclass(frozen=True)
class _ArticleWords:
    """An article's word tokens grouped into segments (runs between punctuation marks), and
    how often each word is written in lower case."""

    segments: tuple[tuple[_Tok, ...], ...]
    heading_sents: frozenset[int]
    lower: Mapping[str, int]


def _outlet(article: Article) -> str:
    return article.outlet or article.id


@contextlib.contextmanager
def _young_collections_only() -> Iterator[None]:
    """Run the block without the garbage collector's full collections (young ones still run,
    and free young cyclic garbage); the thresholds come back when the last such block open in
    the process ends (blocks nest, and may overlap in threads), even on error.

    The keyword stage makes millions of short-lived tuples, and the objects it keeps (cached
    tokens and YAKE scores) pass into the oldest generation fast enough to start a full
    collection every few hundred articles, each walking every object of the process (pandas'
    and the corpus' too): about a tenth of the stage's CPU on real news, for no garbage (what
    the stage leaves behind is freed by reference counts). Full collections resume after."""
    with _GC_LOCK:
        if not _GC_SAVED:
            thresholds = gc.get_threshold()
            gc.set_threshold(thresholds[0], thresholds[1], _NO_FULL)
            _GC_SAVED.append(thresholds)
        else:
            _GC_SAVED.append(_GC_SAVED[-1])
    try:
        yield
    finally:
        with _GC_LOCK:
            thresholds = _GC_SAVED.pop()
            if not _GC_SAVED:
                gc.set_threshold(*thresholds)


_NO_FULL = 2**30  # a third gc threshold no count of young collections reaches
_GC_LOCK = threading.Lock()
_GC_SAVED: list[tuple[int, ...]] = []  # the thresholds to restore, once per open block


def _name_runs(article: Article) -> list[tuple[str, ...]]:
    """The capitalised word runs of an article as written (what ``outlet_names`` reads)."""
    names = []
    for seg in _words(article.raw, article.kept).segments:
        run: list[str] = []
        for tok in seg:
            if tok[_SURFACE][:1].isupper():
                run.append(tok[_SURFACE])
            elif run:
                names.append(tuple(run))
                run = []
        if run:
            names.append(tuple(run))
    return names


OwnNames = Mapping[str, frozenset[tuple[str, ...]]]


def own_name_counts(articles: Iterable[Article], leads: Iterable[str]) -> OutletNameCounts:
    """Step 1 of ``own_names`` on a part of a corpus: ``outlet_name_counts`` of its articles'
    capitalised runs, given ``leads`` (``outlet_leads`` of the whole corpus). Parts merge
    with ``OutletNameCounts.merge``."""
    runs = ((_outlet(a), outlet_identities(a), _name_runs(a)) for a in articles)
    return outlet_name_counts(runs, leads)


def own_names_of(counts: OutletNameCounts) -> dict[str, frozenset[tuple[str, ...]]]:
    """Step 2 of ``own_names``: the names from the counts of the whole corpus."""
    return {
        outlet: frozenset(tuple(_norm(w) for w in name) for name in names)
        for outlet, names in decide_outlet_names(counts).items()
    }


@_young_collections_only()
def own_names(
    articles: Iterable[Article], *, n_jobs: int = 1
) -> dict[str, frozenset[tuple[str, ...]]]:
    """The names each outlet uses for itself (``newskit.keywords.names.outlet_names``) over
    ``articles``, as word keys: outlet -> names. They never join a keyphrase of that outlet's
    articles (``keywords(own_names=)``). ``n_jobs``: processes counting parts of the articles
    (the same names)."""
    articles = list(articles)
    leads = outlet_leads(outlet_identities(a) for a in articles)
    jobs = resolve_jobs(n_jobs)
    if jobs <= 1:
        return own_names_of(own_name_counts(articles, leads))
    counts = map_articles(
        lambda part: own_name_counts(part, leads),
        chunked(articles, jobs),
        n_jobs=jobs,
        desc="own names",
        unit="part",
    )
    return own_names_of(functools.reduce(OutletNameCounts.merge, counts, OutletNameCounts()))


@_young_collections_only()
def keywords(
    corpus: Iterable[Article],
    *,
    top: int = 10,
    max_ngram: int = 3,
    n_jobs: int = 1,
    own_names: OwnNames | None = None,
    **yake_options: Any,
) -> pd.DataFrame:
    """The ``top`` keyphrases of each article.

    ``max_ngram`` is YAKE's n-gram size (names may be longer); ``n_jobs`` processes (``-1``:
    every core) each run YAKE and the picking on a share of the articles; other options go to
    YAKE (``window_size``, ``lan``, ``stopwords``) or to the deduplication (``dedup_lim``, default
    0.9, and ``dedup_func``). In one process YAKE runs once per (text, YAKE options) and keeps
    its scores (``yake_adapter``'s cache): changing ``top`` or ``dedup_lim`` reuses them. With
    ``n_jobs`` > 1 the workers reuse the scores this process has cached, but the scores they
    compute stay there (only the picked rows come back, so this process never holds every
    article's scores): a second run with another ``top`` runs YAKE again, so explore ``top``
    and ``dedup_lim`` in one process. An article whose YAKE text is longer than
    ``YAKE_CHUNK_CHARS`` (100,000 characters; YAKE's time grows faster than the text) is scored
    by YAKE in pieces of that size cut between sentences, every n-gram keeping its best score
    over the pieces; candidates and offsets still come from the whole article. ``own_names``:
    the names each outlet uses for itself, learned over the whole corpus (``own_names(corpus)``,
    the default computes them over ``corpus``); give them when ``corpus`` is a part of a larger
    corpus.

    Returns one row per keyphrase (one per entity: see the module doc): ``article_id, outlet,
    rank, keyword, score, yake_score, count, first_start, first_end, variants``. ``keyword`` is
    written as the article most often writes it (outside headings), its words joined by single
    spaces; a person is shown by the fullest name the article gives, without title.
    ``score`` = log10(1 + 1 / yake_score), higher is better; ``yake_score`` is YAKE's value
    (lower is better; see the module doc for phrases YAKE did not score whole). ``count``
    counts the occurrences of the keyword and its variants in the cleaned text (any case; an
    occurrence inside a longer one counts once); ``first_start``/``first_end`` are the raw
    offsets of the keyword's first occurrence as shown. ``variants``: the other forms merged
    into it, most used first, joined by ``"; "`` (``""`` when none), e.g. ``"Farenthold; Texas
    Rep. Blake Farenthold"``. ``outlet`` is the article's outlet, or its id when unknown.
    """
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    articles = list(corpus)
    options, dedup_lim, dedup_func = make_options(max_ngram, **yake_options)
    jobs = effective_jobs(n_jobs, len(articles))

    def pick(article: Article, scores: Mapping[str, float], own: OwnNames) -> list:
        blocked = _CREDITS | own.get(_outlet(article), frozenset())
        return _pick(article, scores, options, top, dedup_lim, dedup_func, blocked)

    if jobs <= 1:
        own = _own_names_over(articles) if own_names is None else own_names
        scores = _article_scores(articles, options)
        everyone = map_articles(
            lambda k: pick(articles[k], scores[k], own), range(len(articles)), desc="keyphrases"
        )
    elif own_names is not None:
        # YAKE and the pick of an article in the same worker: only the picked rows travel back
        # (a chunk of articles per task, ``map_articles``); the YAKE scores stay there.
        def yake_and_pick(article: Article) -> list:
            (scores,) = _article_scores([article], options, store=False, progress=False)
            return pick(article, scores, own_names)

        everyone = map_articles(yake_and_pick, articles, n_jobs=jobs, desc="keywords")
    else:
        everyone = _keyphrases_learning_own_names(articles, options, pick, jobs)
    rows: list[tuple] = []
    for article, picked in zip(articles, everyone, strict=True):
        for rank, (phrase, h, count, first, variants) in enumerate(picked, start=1):
            rows.append(
                (
                    article.id,
                    _outlet(article),
                    rank,
                    phrase,
                    math.log10(1.0 + 1.0 / h) if h > 0 else math.inf,
                    h,
                    count,
                    first[0],
                    first[1],
                    "; ".join(variants),
                )
            )
    df = pd.DataFrame(rows, columns=KEYWORD_COLUMNS)
    return df.astype(
        {
            "rank": "int64",
            "score": "float64",
            "yake_score": "float64",
            "count": "int64",
            "first_start": "int64",
            "first_end": "int64",
        }
    )


_own_names_over = own_names  # keywords' parameter own_names hides the function
_extract = keywords  # keyword_table and keyword_spans name their frame argument "keywords"


def _keyphrases_learning_own_names(
    articles: Sequence[Article],
    options: YakeOptions,
    pick: Callable[[Article, Mapping[str, float], OwnNames], list],
    jobs: int,
) -> list[list]:
    """``pick`` of every article with the own names of the corpus, in ``jobs`` processes.

    One pass per part of the articles runs YAKE, picks as if no outlet named itself and counts
    the part's own-name candidates (``own_name_counts``), so each article's words are read once
    in one process; the articles of the outlets that do name themselves are then picked again,
    from the scores the pass sent back (pickled: about 9 KB an article)."""
    leads = outlet_leads(outlet_identities(a) for a in articles)

    def first_pass(part: Sequence[Article]) -> tuple[OutletNameCounts, list[tuple[list, bytes]]]:
        out = []
        for article in part:
            (scores,) = _article_scores([article], options, store=False, progress=False)
            blob = pickle.dumps(dict(scores), protocol=pickle.HIGHEST_PROTOCOL)
            out.append((pick(article, scores, {}), blob))
        return own_name_counts(part, leads), out

    parts = map_articles(
        first_pass,
        chunked(articles, jobs, most=PART_ARTICLES),
        n_jobs=jobs,
        desc="keywords",
        unit="part",
    )
    counts = functools.reduce(OutletNameCounts.merge, (c for c, _ in parts), OutletNameCounts())
    own = own_names_of(counts)
    firsts = [got for _, part in parts for got in part]
    everyone = [picked for picked, _ in firsts]
    again = [k for k, a in enumerate(articles) if own.get(_outlet(a))]
    redone = map_articles(
        lambda k: pick(articles[k], pickle.loads(firsts[k][1]), own),
        again,
        n_jobs=jobs,
        desc="keyphrases",
    )
    for k, picked in zip(again, redone, strict=True):
        everyone[k] = picked
    return everyone


def _article_scores(
    articles: Sequence[Article],
    options: YakeOptions,
    *,
    store: bool = True,
    progress: bool | None = None,
) -> list[Mapping[str, float]]:
    """Each article's YAKE scores (``ngram_scores_many``: cached, and kept in the cache unless
    ``store`` is false), a long article's best over its pieces (``_yake_chunks``)."""
    chunks = [_yake_chunks(_yake_text(a)) for a in articles]
    flat = ngram_scores_many(
        [c for cs in chunks for c in cs], options, store=store, progress=progress
    )
    scores = []
    at = 0  # an offset, not slices of what is left: that copied N²/2 items
    for cs in chunks:
        got, at = flat[at : at + len(cs)], at + len(cs)
        scores.append(got[0] if len(got) == 1 else _best_scores(got))
    return scores


def keyword_spans(
    corpus: Iterable[Article], keywords: pd.DataFrame | Sequence[str] | str
) -> pd.DataFrame:
    """Every occurrence of each keyword: ``article_id, keyword, start, end, text, sent_id``.

    ``keywords`` is a frame from ``newskit.keywords`` (each keyword is looked up in its own
    article, with the ``variants`` merged into it, so a keyword has ``count`` rows) or phrases
    to look up in every article. Matching is by whole words inside one sentence, ignoring case
    (an all-capitals word such as ``US`` only matches in capitals) and a possessive ``’s``;
    where forms overlap (``"Trump"`` inside ``"Donald Trump"``) the longer counts.
    ``article.raw[start:end] == text``; rows in corpus order, then by start.
    """
    articles = list(corpus)
    wanted: dict[str, list[str]]
    forms: dict[tuple[str, str], list[str]] = {}
    if isinstance(keywords, pd.DataFrame):
        missing = {"article_id", "keyword"} - set(keywords.columns)
        if missing:
            raise CorpusError(
                f"the keywords frame lacks columns {sorted(missing)}; pass the frame "
                "newskit.keywords returns, or a list of phrases"
            )
        wanted = {}
        variants = keywords["variants"] if "variants" in keywords.columns else [""] * len(keywords)
        for aid, kw, var in zip(keywords["article_id"], keywords["keyword"], variants, strict=True):
            wanted.setdefault(str(aid), []).append(str(kw))
            if isinstance(var, str) and var:
                forms[(str(aid), str(kw))] = var.split("; ")
        known = {a.id for a in articles}
        unknown = sorted(set(wanted) - known)
        if unknown:
            raise CorpusError(
                f"the keywords frame names articles not in the corpus: {unknown[:5]}; "
                "use the corpus the keywords were computed from"
            )
    else:
        phrases = [keywords] if isinstance(keywords, str) else [str(k) for k in keywords]
        wanted = {a.id: phrases for a in articles}
    rows = []
    for a in articles:
        phrases = list(dict.fromkeys(wanted.get(a.id, ())))
        extra = [f for kw in phrases for f in forms.get((a.id, kw), ())]
        found = _find_many(_words(a.raw, a.kept), list(dict.fromkeys(phrases + extra)))
        for kw in phrases:
            spans = [s for f in [kw, *forms.get((a.id, kw), ())] for s in found[f]]
            end = -1
            for start, stop, sid in sorted(spans, key=lambda s: (s[0], -s[1])):
                if start >= end:
                    rows.append((a.id, kw, start, stop, a.raw[start:stop], sid))
                end = max(end, stop)
    df = pd.DataFrame(rows, columns=SPAN_COLUMNS)
    df = df.astype({"start": "int64", "end": "int64", "sent_id": "int64"})
    order = {a.id: i for i, a in enumerate(articles)}
    df["_o"] = df["article_id"].map(order)
    df = df.sort_values(["_o", "start", "end", "keyword"], kind="stable").drop(columns="_o")
    return df.reset_index(drop=True)


def keyword_table(
    corpus: Iterable[Article],
    keywords: pd.DataFrame | None = None,
    *,
    top: int = 10,
    max_ngram: int = 3,
    **yake_options: Any,
) -> pd.DataFrame:
    """Keyword × outlet, long form: ``keyword, outlet, in_top, rank, count, n_outlets, n_top``.

    One row per keyword (from every article's top list, merged ignoring case) and outlet.
    ``in_top``: the keyword is in the top list of one of the outlet's articles; ``rank``: its best
    rank there (NaN if not); ``count``: its occurrences in all the outlet's articles; ``n_outlets``:
    outlets whose text uses it; ``n_top``: outlets that have it in a top list. Sorted with the
    consensus terms first (``n_top``, then ``n_outlets``, descending), then by best rank and
    keyword. For a matrix: ``table.pivot(index="keyword", columns="outlet", values="count")``.
    ``keywords`` defaults to ``newskit.keywords(corpus, top=top, max_ngram=max_ngram, …)``.
    """
    articles = list(corpus)
    if keywords is None:
        keywords = _extract(articles, top=top, max_ngram=max_ngram, **yake_options)
    forms = keyword_forms(articles, keywords)
    shown = forms.shown()
    counts = keyword_counts(articles, shown)
    outlets = list(dict.fromkeys(_outlet(a) for a in articles))
    return keyword_rows(shown, counts, forms.best, outlets)


@dataclass
class KeywordForms:
    """What ``keyword_table`` learns from a keywords frame: the spellings of each keyword key
    (``forms``, in order of first sight) and each (key, outlet)'s best rank (``best``). Parts
    of a corpus merge in corpus order (``merge``), as ``newskit.app.dask`` does."""

    forms: dict[str, Counter[str]] = field(default_factory=dict)
    best: dict[tuple[str, str], int] = field(default_factory=dict)

    def shown(self) -> dict[str, str]:
        """``{key: the spelling shown}``: the most common one, the first seen on ties."""
        return {k: _most_common(c) for k, c in self.forms.items()}

    def merge(self, other: KeywordForms) -> KeywordForms:
        """This and a later part's forms as one."""
        out = KeywordForms({k: Counter(c) for k, c in self.forms.items()}, dict(self.best))
        for k, c in other.forms.items():
            out.forms.setdefault(k, Counter()).update(c)
        for k, r in other.best.items():
            out.best[k] = min(out.best.get(k, r), r)
        return out


def keyword_forms(articles: Iterable[Article], keywords: pd.DataFrame) -> KeywordForms:
    """Step 1 of ``keyword_table``: the spellings and best ranks of ``keywords`` (the frame of
    ``newskit.keywords``) of the ``articles`` (an id of another article is its own outlet)."""
    by_id = {a.id: a for a in articles}
    out = KeywordForms()
    for aid, kw, rank in zip(
        keywords["article_id"], keywords["keyword"], keywords["rank"], strict=True
    ):
        key = _phrase_key(kw)
        out.forms.setdefault(key, Counter())[kw] += 1
        outlet = _outlet(by_id[aid]) if aid in by_id else str(aid)
        out.best[(key, outlet)] = min(out.best.get((key, outlet), int(rank)), int(rank))
    return out


def keyword_counts(
    articles: Iterable[Article], shown: Mapping[str, str]
) -> Counter[tuple[str, str]]:
    """Step 2: ``{(key, outlet): occurrences}`` of each shown spelling in the articles' text."""
    counts: Counter[tuple[str, str]] = Counter()
    index = _phrase_index(list(shown.values()))  # once: many articles, many phrases
    key_of = {phrase: key for key, phrase in shown.items()}
    for a in articles:
        for phrase, found in _find_indexed(_words(a.raw, a.kept), index).items():
            counts[(key_of[phrase], _outlet(a))] += len(found)
    return counts


def keyword_rows(
    shown: Mapping[str, str],
    counts: Mapping[tuple[str, str], int],
    best: Mapping[tuple[str, str], int],
    outlets: Sequence[str],
) -> pd.DataFrame:
    """Step 3: the ``keyword_table`` frame of the shown keywords over ``outlets`` (in corpus
    order), sorted as ``keyword_table`` says."""
    rows = []
    for key, phrase in shown.items():
        n_outlets = sum(counts.get((key, o), 0) > 0 for o in outlets)
        n_top = sum((key, o) in best for o in outlets)
        for o in outlets:
            r = best.get((key, o))
            rows.append(
                (phrase, o, r is not None, math.nan if r is None else r, counts.get((key, o), 0),
                 n_outlets, n_top)
            )  # fmt: skip
    df = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    df = df.astype({"in_top": bool, "rank": "float64", "count": "int64"})
    df = df.astype({"n_outlets": "int64", "n_top": "int64"})
    return sort_keyword_table(df, outlets)


def sort_keyword_table(df: pd.DataFrame, outlets: Sequence[str]) -> pd.DataFrame:
    """``keyword_table`` rows in its order: consensus first (``n_top``, then ``n_outlets``,
    descending), then best rank, keyword and outlet (in corpus order)."""
    best_rank = df.groupby("keyword")["rank"].transform("min")
    outlet_order = {o: i for i, o in enumerate(outlets)}
    df = (
        df.assign(_best=best_rank, _o=df["outlet"].map(outlet_order))
        .sort_values(
            ["n_top", "n_outlets", "_best", "keyword", "_o"],
            ascending=[False, False, True, True, True],
            kind="stable",
        )
        .drop(columns=["_best", "_o"])
    )
    return df.reset_index(drop=True)


def concordance(
    corpus: Iterable[Article], keyword: str, *, width: int | None = None
) -> pd.DataFrame:
    """Keyword in context: every sentence that uses ``keyword``, in every article.

    Returns ``article_id, outlet, keyword, sent_id, start, end, left, match, right``: ``match``
    is ``article.raw[start:end]``; ``left``/``right`` are the rest of its sentence (cut to
    ``width`` characters next to the match when given). Rows in corpus order, then by start.
    """
    rows = []
    for a in corpus:
        sents = sentence_spans(a)
        for start, end, sid in _find(a, keyword):
            s = sents[sid]
            left, right = a.raw[s.start : start], a.raw[end : s.end]
            if width is not None:
                left = ("…" + left[-width:]) if len(left) > width else left
                right = (right[:width] + "…") if len(right) > width else right
            rows.append((a.id, _outlet(a), keyword, sid, start, end, left, a.raw[start:end], right))
    df = pd.DataFrame(rows, columns=CONCORDANCE_COLUMNS)
    return df.astype({"sent_id": "int64", "start": "int64", "end": "int64"})


# --- YAKE input -----------------------------------------------------------------------------


def _yake_text(article: Article) -> str:
    """The cleaned text, one sentence after another, each ending in a full stop, so YAKE's own
    sentence splitter cannot join a heading to the sentence after it."""
    return _yake_text_cached(article.raw, article.kept)


@lru_cache(maxsize=4096)
def _yake_text_cached(raw: str, kept: tuple[tuple[int, int], ...]) -> str:
    from newskit.corpus.segment import _sentence_spans

    parts = []
    skip = _skip_spans(raw, kept)
    for s in _sentence_spans(raw, kept):
        piece = raw[s.start : s.end]
        for a, b in skip:
            if a < s.end and b > s.start:
                lo, hi = max(a, s.start) - s.start, min(b, s.end) - s.start
                piece = piece[:lo] + " " * (hi - lo) + piece[hi:]
        text = " ".join(piece.split())
        if not text:
            continue
        stripped = text.rstrip("”’\"')]}»")
        parts.append(text if stripped[-1:] in _FINAL_PUNCT else text + " .")
    return "\n".join(parts)


def _yake_chunks(text: str) -> list[str]:
    """YAKE's text cut, between sentences (lines), into pieces of at most ``YAKE_CHUNK_CHARS``
    characters (a longer sentence is a piece of its own); a shorter text is one piece."""
    if len(text) <= YAKE_CHUNK_CHARS:
        return [text]
    pieces: list[str] = []
    lines: list[str] = []
    size = 0
    for line in text.split("\n"):
        if lines and size + 1 + len(line) > YAKE_CHUNK_CHARS:
            pieces.append("\n".join(lines))
            lines, size = [], -1
        lines.append(line)
        size += 1 + len(line)
    pieces.append("\n".join(lines))
    return pieces


def _best_scores(chunks: Sequence[Mapping[str, float]]) -> dict[str, float]:
    """Each n-gram's best (lowest) YAKE score over the pieces of a long text."""
    out: dict[str, float] = {}
    for scored in chunks:
        for k, v in scored.items():
            if v < out.get(k, math.inf):
                out[k] = v
    return out


def skip_spans(article: Article) -> tuple[tuple[int, int], ...]:
    """Raw spans of the article that never give a keyphrase (``KEYWORD_SKIP``: datelines,
    bylines, credits, captions, copyright lines, speaker labels, web addresses), merged and in
    order; ``distinctive_terms`` counts their words as house style."""
    return _skip_spans(article.raw, article.kept)


@lru_cache(maxsize=4096)
def _dateline_places(raw: str, kept: tuple[tuple[int, int], ...]) -> frozenset[str]:
    """The keys of the places the article's datelines name (``"WASHINGTON —"`` →
    ``"washington"``), including datelines cleaning removed (``"ERIE, Pa. (AP) -"``): no
    keyphrase of the article, wherever the article names the place."""
    out = set()
    for rx in _SKIP:
        if "place" not in rx.groupindex:
            continue
        for m in rx.finditer(raw):
            place = m.group("place")
            if place:
                out.add(" ".join(_norm(w) for w in place.split()))
    return frozenset(out)


@lru_cache(maxsize=4096)
def _skip_spans(raw: str, kept: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """Raw spans that never give a keyphrase: datelines, bylines, captions … (``KEYWORD_SKIP``).
    Caption lines are kept when they are most of the article (a photo gallery): then they are
    what it says."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for ks, ke in kept:
        for (name, _p, _e), rx in zip(KEYWORD_SKIP, _SKIP, strict=True):
            got = spans.setdefault(name, [])
            got.extend(m.span() for m in rx.finditer(raw, ks, ke) if m.end() > m.start())
    merged = _merge([s for got in spans.values() for s in got])
    size = sum(ke - ks for ks, ke in kept)
    if size and sum(b - a for a, b in merged) > CAPTION_SHARE * size:
        merged = _merge([s for name, got in spans.items() if name != "caption line" for s in got])
    return tuple(merged)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


# --- words and candidates -------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _norm(word: str) -> str:
    """A word's key: lower case, plain apostrophes and hyphens, possessive ``'s`` removed."""
    w = word.lower() if word.isascii() else word.translate(_NORM).lower()  # _NORM: non-ASCII
    return w[:-2] if w.endswith("'s") and len(w) > 2 else w


def _phrase_key(phrase: str) -> str:
    return " ".join(_norm(w) for w in phrase.split())


@lru_cache(maxsize=65536)
def _is_acronym(word: str) -> bool:
    """All capitals, two to six letters: ``US``, ``U.S.``, ``NATO`` (not ``A.``, not a shouted
    ``SHIPPING``)."""
    if not word.isupper() or (len(word) <= 2 and not word.isalpha()):
        return False
    return sum(map(str.isalpha, word)) <= MAX_ACRONYM_LETTERS


@lru_cache(maxsize=65536)
def _word_class(text: str) -> tuple[str, bool, bool, int, bool, int, bool, tuple]:
    """``(key, stop, mixed_case_or_acronym, initial, day, common_role, possessive,
    common_fields)`` for a token's text; ``initial`` is 1 for a capital first letter, 2 for a
    word in capitals that is no acronym (shouted: its capitals say nothing), -1 for a lower-case
    first letter, 0 otherwise; ``day``: one or two digits (``"11"`` of ``"Sept. 11"``);
    ``common_role``: ``_common_role(key)``; ``possessive``: the word ends in ``’s``;
    ``common_fields``: ``_tok_fields`` of the word in its common role (what most words get)."""
    key = _norm(text)
    stop = key in STOPWORDS or key in _TIME or "'" in key
    rest = text[1:]
    mixed = (rest != rest.lower() and rest != rest.upper()) or _is_acronym(text)
    first = text[:1]
    initial = 1 if first.isupper() else -1 if first.islower() else 0
    if initial == 1 and not mixed and text.isupper() and sum(map(str.isalpha, text)) > 1:
        initial = 2
    day = key.isdigit() and len(key) <= 2
    role = _common_role(key)
    fields = _tok_fields(text, key, role)
    return key, stop, mixed, initial, day, role, fields[1], fields


@lru_cache(maxsize=65536)
def _common_role(key: str) -> int:
    """The role of a word that is not part of a name."""
    if key in NAME_CONNECTORS:
        return _NAME_STOP
    if (
        key in STOPWORDS
        or key in _TIME
        or "'" in key
        or (key in VERB_FRAGMENTS and key not in NOUN_ING)
        or key in PREDICATE_ADJECTIVES
        or _adverb(key)
        or not any(map(str.isalnum, key))
    ):
        return _BREAK
    return _COMMON


_TITLE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _title_case(raw: str, start: int, end: int) -> bool:
    """Whether a sentence is a line in title case, as a headline is even when it ends in a
    mark ("Obama Administration Restores Endangered Species Act Protections!"): a line of its
    own with at least ``MIN_TITLE_WORDS`` capitalised words and no other word but
    ``TITLE_LOWER`` ("into", "of")."""
    line_start = raw.rfind("\n", 0, start) + 1
    line_end = raw.find("\n", end)
    if raw[line_start:start].strip() or raw[end : len(raw) if line_end < 0 else line_end].strip():
        return False
    n = 0
    for m in _TITLE_WORD.finditer(raw, start, end):
        word = m.group()
        if word[0].isupper():
            n += 1
        elif word not in TITLE_LOWER:
            return False
    return n >= MIN_TITLE_WORDS


@lru_cache(maxsize=4096)
def _words(raw: str, kept: tuple[tuple[int, int], ...]) -> _ArticleWords:
    from newskit.corpus.segment import _sentence_spans

    sents = _sentence_spans(raw, kept)
    headings = frozenset(
        i for i, s in enumerate(sents) if s.is_heading or _title_case(raw, s.start, s.end)
    )
    skip = _skip_spans(raw, kept)
    skip_starts = [a for a, _b in skip]
    # One pass over the words builds each segment's tokens (runs between punctuation marks).
    # A word that is not capitalised (most words) gets its final token at once: its role
    # depends on the word and the word before it only. A capitalised word's role depends on
    # how the whole article writes it, so its slot is filled afterwards (``_fill_capitalised``),
    # from the classes of its segment's words. What waits for that is kept in flat lists of
    # plain tuples (``classes``, ``pending``, ``todo``), not in lists per segment: lists live
    # until the article is done, and so many of them made the garbage collector's full
    # collections come more often.
    segments: list[Any] = []  # token tuples, or a list of them where words wait (todo)
    todo: list[tuple[int, int, int, int, int, int, bool, bool]] = []  # segments to fill in
    classes: list[tuple] = []  # the ``_word_class`` of each word of the article
    pending: list[tuple] = []  # capitalised words: (word index in segment, token index, …)
    known: set[str] = set()  # capitalised where capitals carry meaning
    pairs: set[tuple[str, str]] = set()  # two such words in a row ("Port Authority")
    lows: list[str] = []  # the keys of words written in lower case, in order
    split, word_class, bisect_right = _WORD_SPLIT.split, _word_class, bisect.bisect_right
    fields, markers = _tok_fields, VERB_MARKERS
    for sid, sent in enumerate(sents):
        s0, s1 = sent.start, sent.end
        # One split per sentence, keeping the tokens: the pieces run space, token,
        # punctuation mark (or None), space, …; offsets are running sums of lengths.
        parts = split(raw[s0:s1])
        marks = parts[2::3]
        del parts[2::3]
        acc = list(itertools.accumulate(map(len, parts), initial=s0))
        k = bisect_right(skip_starts, s1 - 1) - 1
        skipping = k >= 0 and skip[k][1] > s0  # a skip span reaches into the sentence
        heading = sid in headings
        first = True
        out: list[_Tok | None] = []  # the segment's tokens, None for a capitalised word's
        w0, p0 = len(classes), len(pending)  # where the segment's words and pending start
        day = False  # the segment holds a day's number ("Sept. 11 attacks")
        prev = None  # the key of the word before, in the segment
        for start, end, text, mark in zip(acc[1:-1:2], acc[2::2], parts[1::2], marks, strict=True):
            if mark is not None:  # punctuation ends a segment
                if len(classes) > w0:
                    if len(pending) > p0 or day:
                        todo.append(
                            (len(segments), w0, len(classes), p0, len(pending), sid, heading, day)
                        )
                        segments.append(out)
                    else:
                        segments.append(tuple(out))
                    out, w0, p0, day = [], len(classes), len(pending), False
                prev = None
                continue
            cls = word_class(text)
            if skipping:
                k = bisect_right(skip_starts, start) - 1
                if k >= 0 and start < skip[k][1]:  # a dateline or byline word
                    cls = (cls[0], True, False, _SKIPPED, *cls[4:])
            key, initial = cls[0], cls[3]
            if initial == -1 and not cls[2]:  # a word in lower case: most words
                lows.append(key)
                role = cls[5]
                if role == _COMMON and prev in markers:
                    role = _BREAK  # after "to" or a modal: a verb ("would build")
                    surface, possessive, acronym, lead, trail, content, verbish = fields(
                        text, key, role
                    )
                else:
                    surface, possessive, acronym, lead, trail, content, verbish = cls[7]
            elif initial > 0 or cls[2]:  # capitalised, or mixed case ("iPhone", "US")
                if initial == -1:
                    lows.append(key)
                elif (initial == 1 or cls[2]) and not first and not heading:
                    known.add(key)
                    if prev is not None and prev in known:
                        pairs.add((prev, key))
                day = day or cls[4]
                pending.append((len(classes) - w0, len(out), start, end, text, first))
                out.append(None)
                if cls[6]:  # a possessive: its "'s" ends the phrase ("Bessent’s trip")
                    out.append(_possessive_break(end - 2, sid))
                classes.append(cls)
                prev = key
                first = False
                continue
            else:  # a number, a symbol, or a dateline or byline word
                if cls[4]:
                    day = True
                role = _BREAK if initial == _SKIPPED else cls[5]
                surface, possessive, acronym, lead, trail, content, verbish = fields(
                    text, key, role
                )
            if possessive:
                end -= 2
            out.append(
                (start, end, key, surface, sid, role, acronym, lead, trail, content, verbish, first)
            )
            # A possessive ends the phrase it is in: "Bessent’s broader trip" → "Bessent", "trip".
            if possessive:
                out.append(_possessive_break(end, sid))
            classes.append(cls)
            prev = key
            first = False
        if len(classes) > w0:
            if len(pending) > p0 or day:
                todo.append((len(segments), w0, len(classes), p0, len(pending), sid, heading, day))
                segments.append(out)
            else:
                segments.append(tuple(out))
    lower = dict(Counter(lows))  # how often each word shows in lower case
    for i, w0, w1, p0, p1, sid, heading, day in todo:
        _fill_capitalised(  # segments[i] is a list: a segment to fill in
            segments[i], classes[w0:w1], pending[p0:p1], sid, heading, day, known, pairs, lower
        )
    return _ArticleWords(tuple(map(tuple, segments)), headings, lower)


def _possessive_break(at: int, sid: int) -> _Tok:
    """The token of a possessive's ``’s`` (at raw offset ``at``, empty): a phrase break."""
    return (at, at, "'s", "", sid, _BREAK, False, True, True, False, False, False)


def _fill_capitalised(
    out: list[_Tok | None],
    classes: list[tuple],
    pending: list[tuple],
    sid: int,
    heading: bool,
    day: bool,
    known: set[str],
    pairs: set[tuple[str, str]],
    lower: Mapping[str, int],
) -> None:
    """Fill in the tokens of a segment's capitalised words (``pending``: word index, token
    index, start, end, text, first of sentence) with their roles, given the segment's word
    classes and what the article says of capitals (``known``, ``pairs``, ``lower``); with a
    day's number in the segment (``day``), make a month and day before a noun one name."""
    n = len(classes)
    caps = [False] * n  # a word not in ``pending`` is no capitalised one
    for i, _j, _s, _e, _text, first in pending:
        c = classes[i]
        caps[i] = c[2] or (  # TikTok, ByteDance, US, U.S.
            c[3] > 0
            and ((c[3] == 1 and not first and not heading) or (c[0] in known and c[0] not in lower))
        )
    # capitalised only because it starts a sentence or heading
    for i, _j, _s, _e, _text, first in reversed(pending):
        if caps[i] or classes[i][3] <= 0:
            continue
        # A capitalised word at a sentence start starts a name when it never shows in lower case
        # and a name follows ("Federal Reserve Chair Jerome Powell said"), or when the two words
        # show capitalised together elsewhere ("Port Authority" … "the Port Authority said").
        if i + 1 >= n or classes[i][1]:
            continue
        key, nxt = classes[i][0], classes[i + 1][0]
        if _verbish(key) or _adverb(key) or key in VERB_FRAGMENTS or key in EVALUATIVE_ADJECTIVES:
            continue  # "Retired NASA historian …", "Eventually Duisburg …"
        if nxt in NAME_CONNECTORS and i + 2 < n:
            # "Secretary of State Marco Rubio called …" at a sentence start
            if caps[i + 2] and not classes[i + 2][1] and key not in lower:
                caps[i] = True
            continue
        if classes[i + 1][1]:
            continue
        title = heading and not first  # title case says nothing
        if (key, nxt) in pairs or (caps[i + 1] and key not in lower and not title):
            caps[i] = True
    for i, _j, _s, _e, text, _first in pending:
        key = classes[i][0]
        if caps[i] and "-" in key and text[-1:].islower():
            tail = text.rsplit("-", 1)[1]
            if tail.islower() and (len(tail) >= 4 or tail in ("old", "olds") or _verbish(tail)):
                # "Mars-obsessed Musk", "Twitter-happy Musk", "Sixteen-year-old Kimani
                # Gray": a compound adjective ("Kim Jong-un" keeps its short lower-case part)
                caps[i] = False
    # Event names: a month and a day before a noun ("Sept. 11 attacks") read as one name.
    event: list[bool] | None = None
    if day:
        for i in range(n - 2):
            if not classes[i + 1][4]:
                continue
            noun = classes[i + 2]
            if (
                classes[i][0].rstrip(".") in _MONTHS
                and not noun[1]
                and noun[3] == -1
                and noun[5] == _COMMON
            ):
                if event is None:
                    event = [False] * n
                event[i] = event[i + 1] = True
    for i, j, start, end, text, first in pending:
        c = classes[i]
        key = c[0]
        if event is not None and event[i]:
            role = _NAME
        elif caps[i]:
            if c[1]:
                # A capitalised function word inside a name ("Vice Premier He Lifeng").
                inner = i + 1 < n and caps[i + 1] and not classes[i + 1][1]
                role = _NAME_STOP if inner else _BREAK
            else:
                role = _NAME
        else:
            role = c[5]
            # After "to" or a modal a lower-case word is a verb ("would build", "to repay").
            if role == _COMMON and i > 0 and c[3] == -1 and classes[i - 1][0] in VERB_MARKERS:
                role = _BREAK
        surface, possessive, acronym, lead, trail, content, verbish = _tok_fields(text, key, role)
        if possessive:
            end -= 2
        out[j] = (
            start,
            end,
            key,
            surface,
            sid,
            role,
            acronym,
            lead,
            trail,
            content,
            verbish,
            first,
        )
    if event is not None:
        # The words of an event name that are no capitalised words: its day ("11").
        pend = {p[0] for p in pending}
        j = 0
        for i, c in enumerate(classes):
            if event[i] and i not in pend and c[3] != _SKIPPED:
                t = out[j]
                out[j] = (*t[:_ROLE], _NAME, t[_ACRONYM], *_flags(t[_KEY], _NAME), t[_FIRST])
            j += 2 if c[6] else 1


@lru_cache(maxsize=65536)
def _tok_fields(text: str, key: str, role: int) -> tuple[str, bool, bool, bool, bool, bool, bool]:
    """``(surface, possessive, acronym, lead_weak, trail_weak, content, verbish)`` of a word
    token: its text without a possessive ``’s`` and the flags of its key in its role."""
    possessive = len(text) > 2 and text[-2] in "'’" and text[-1] in "sS"
    surface = text[:-2] if possessive else text
    return (surface, possessive, _is_acronym(surface), *_flags(key, role))


def _adverb(key: str) -> bool:
    return len(key) > 4 and key.endswith("ly") and key not in LY_WORDS


def _verbish(key: str) -> bool:
    """An -ing or -ed word that is not a known noun: a verb when it follows a noun."""
    if len(key) <= 4 or "-" in key:
        return False
    if key.endswith("ing"):
        return key not in NOUN_ING
    return key.endswith("ed") and key not in ED_NOUNS


def _candidates(
    words: _ArticleWords, max_ngram: int, blocked: frozenset[tuple[str, ...]] = _CREDITS
) -> dict[str, list[tuple[_Tok, ...]]]:
    """Candidate phrases by key, each with the token runs where it was found. Word runs in
    ``blocked`` (credits, the outlet's own names) are never part of one."""
    found: dict[str, list[tuple[_Tok, ...]]] = {}
    # Blocked runs by their last word (rarer than a first "the": "the times"), those only
    # whose every word the article has (the others block nothing).
    last_of: dict[str, list[tuple[str, ...]]] = {}
    if blocked:
        present = set(map(_KEY_OF, itertools.chain.from_iterable(words.segments)))
        for seq in blocked:
            if present.issuperset(seq):
                last_of.setdefault(seq[-1], []).append(seq)

    def add(run: Sequence[_Tok]) -> None:
        run = _trim(run)
        if (
            run
            and run[0][_KEY][:1].isdigit()
            and _YEAR.fullmatch(run[0][_KEY])
            and (len(run) != 2 or run[1][_ROLE] != _COMMON)
        ):
            run = _trim(run[1:])  # a year opens only "2020 election"
        if not run or not _valid(run):
            return
        if run[-1][_ROLE] != _COMMON and _COMMON in map(_ROLE_OF, run[:-1]):
            # "actor Gary Sinise", "use Internet Explorer": the name is found alone; so are
            # both names of "Luck hit Wayne" and "Colts beat Chiefs" (a headline's clause).
            return
        key = " ".join(map(_KEY_OF, run))
        runs = found.get(key)
        if runs is None:
            found[key] = [tuple(run)]
        elif runs[-1][0][_START] != run[0][_START]:  # a name is also a noun phrase
            runs.append(tuple(run))

    def phrase(run: list[_Tok]) -> None:
        # A run of one common word (most runs) is judged here as ``_noun_phrase`` and ``add``
        # would judge it, without their calls: kept when it may start and end a phrase and
        # stands on its own (``_lone_common``).
        if len(run) == 1 and run[0][_ROLE] == _COMMON:
            t = run[0]
            if (
                t[_CONTENT]
                and not (t[_LEAD_WEAK] or t[_TRAIL_WEAK] or t[_VERBISH])
                and _lone_common(t[_KEY])
            ):
                runs = found.get(t[_KEY])
                if runs is None:
                    found[t[_KEY]] = [(t,)]
                elif runs[-1][0][_START] != t[_START]:
                    runs.append((t,))
            return
        _noun_phrase(run, max_ngram, add)

    for seg in words.segments:
        if last_of and not last_of.keys().isdisjoint(map(_KEY_OF, seg)):
            seg = _block(seg, last_of)
        n = len(seg)
        # Names: capitalised runs, with connectors or capitalised function words inside (the
        # segment's roles as bytes: ``find`` jumps to the next name word).
        roles = bytes(map(_ROLE_OF, seg))
        i = roles.find(_NAME)
        while i >= 0:
            j = i + 1
            while j < n and (
                roles[j] == _NAME
                or (roles[j] == _NAME_STOP and j + 1 < n and roles[j + 1] == _NAME)
            ):
                j += 1
            name = seg[i:j]
            if len(name) <= MAX_NAME_WORDS and name[-1][_KEY] not in DEMONYMS:
                add(name)  # "North Korean" is an adjective, and "North" no name
            i = roles.find(_NAME, j)
        # Noun phrases: runs of names and common words, cut at -ing/-ed verbs after a noun.
        run: list[_Tok] = []
        k = -1
        while k + 1 < n:
            k += 1
            t = seg[k]
            role = t[_ROLE]
            if role == _BREAK:  # a stopword or verb (half the words): the run ends here
                if run:
                    phrase(run)
                    run = []
                continue
            if (
                role == _COMMON
                and not t[_CONTENT]  # a word with a letter in it is no number
                and _is_number(t[_KEY])
                and not (_YEAR.fullmatch(t[_KEY]) and k + 1 < n and seg[k + 1][_CONTENT])
            ):
                # A number is a claim, not a keyphrase, with its scale or not ("$1.375
                # billion", "12 percent"), and it joins none of the words around it, except a
                # year before a noun ("2020 election").
                if run:
                    phrase(run)
                    run = []
                j = k + 1
                while j < n and seg[j][_KEY] in SCALE_WORDS:
                    j += 1
                k = j - 1
                continue
            # An -ing word opening a phrase is an adjective at a sentence start or after a
            # determiner ("the escalating tariffs"), else a verb ("and toppling hundreds").
            if (
                not run
                and t[_VERBISH]
                and t[_KEY].endswith("ing")
                and not (t[_FIRST] or (k > 0 and seg[k - 1][_KEY] in DETERMINERS))
            ):
                continue
            cut = (role == _NAME_STOP and not t[_SURFACE][:1].isupper()) or (t[_VERBISH] and run)
            if cut:
                if run:
                    phrase(run)
                    run = []
            else:
                run.append(t)
        if run:
            phrase(run)
    return found


@lru_cache(maxsize=65536)
def _lone_common(key: str) -> bool:
    """Whether a common word that may start and end a phrase and carries content is a phrase
    alone (``_candidates``' ``add`` and ``_valid`` on a run of one word): not a year, an
    adjective, a generic noun or an evaluative adjective."""
    if key[:1].isdigit() and _YEAR.fullmatch(key):
        return False  # a year opens only "2020 election"
    return not (
        _adjective(key) or key in GENERIC_NOUNS or key in EVALUATIVE_ADJECTIVES
    )  # "economic", "people", "shocking"


def _block(seg: tuple[_Tok, ...], last_of: dict[str, list[tuple[str, ...]]]) -> tuple[_Tok, ...]:
    """The segment with the words of blocked runs (``last_of``: by their last word) made
    phrase breaks."""
    out: list[_Tok] | None = None
    keys = tuple(map(_KEY_OF, seg))
    for e, key in enumerate(keys, start=1):
        for seq in last_of.get(key, ()):
            i = e - len(seq)
            if i >= 0 and keys[i:e] == seq:
                if out is None:
                    out = list(seg)
                for j in range(i, e):
                    t = out[j]  # a phrase break: no lead, no end, no content
                    out[j] = (*t[:_ROLE], _BREAK, t[_ACRONYM], True, True, False, *t[_VERBISH:])
    return seg if out is None else tuple(out)


def _noun_phrase(run: list[_Tok], max_ngram: int, add: Any) -> None:
    run = _trim(run)
    if not run or _NAMEISH.issuperset(map(_ROLE_OF, run)):
        return  # names are found whole as names ("State Marco A. Rubio" is a piece of one)
    if len(run) <= max_ngram or _COMMON not in map(_ROLE_OF, run):
        if len(run) <= MAX_NAME_WORDS:
            add(run)
        return
    if run[-1][_ROLE] != _COMMON:
        # "Chinese leader Xi Jinping": the name (found as a name) and what comes before it.
        k = len(run)
        while k > 0 and run[k - 1][_ROLE] != _COMMON:
            k -= 1
        _noun_phrase(run[:k], max_ngram, add)
        return
    # English noun phrases end in their head noun; the cut never splits a name ("St. Louis
    # stadium plan" → "stadium plan", not "Louis stadium plan").
    k = len(run) - max_ngram
    while k < len(run) - 1 and run[k - 1][_ROLE] != _COMMON and run[k][_ROLE] != _COMMON:
        k += 1
    add(run[k:])


def _trim(run: Sequence[_Tok]) -> Sequence[_Tok]:
    s, e = 0, len(run)
    while s < e and run[s][_LEAD_WEAK]:
        s += 1
    while e > s and run[e - 1][_TRAIL_WEAK]:
        e -= 1
    return run if (s, e) == (0, len(run)) else run[s:e]


@lru_cache(maxsize=65536)
def _flags(key: str, role: int) -> tuple[bool, bool, bool, bool]:
    """``(lead_weak, trail_weak, content, verbish)`` for a word in a role."""
    edge = role in (_BREAK, _NAME_STOP) or (role == _COMMON and key in WEAK_MODIFIERS)
    bare = key.rstrip(".")
    judged = role == _COMMON and (
        key in EVALUATIVE_ADJECTIVES or key in NUMBER_WORDS or bool(_AGE_OR_RANK.fullmatch(key))
    )
    lead = (
        edge
        or judged
        or (role == _NAME and (key in NAME_PREFIXES or bare in HONORIFICS))
        or key in SCALE_WORDS
    )
    trail = (
        edge
        or judged
        or _is_number(key)
        or (role == _NAME and key in DEMONYMS)
        or key in _TIME
        or bare in TITLE_ABBREVIATIONS  # "Ohio Rep."
        or (len(bare) == 1 and bare.isalpha())  # "Carolyn B."
    )
    content = (
        any(map(str.isalpha, key))
        and not judged
        and key not in DEMONYMS
        and key not in WEAK_MODIFIERS
        and role != _NAME_STOP
    )
    return lead, trail, content, role == _COMMON and _verbish(key)


def _adjective(key: str) -> bool:
    return key.endswith(ADJECTIVE_SUFFIXES) and key not in ADJECTIVE_SUFFIX_NOUNS


@lru_cache(maxsize=65536)
def _is_number(key: str) -> bool:
    key = key.lstrip(_CURRENCY)
    return bool(key) and key[0].isdigit() and not any(map(str.isalpha, key))


_is_role = lru_cache(maxsize=65536)(is_role)  # names.is_role, asked of every candidate


def _valid(run: Sequence[_Tok]) -> bool:
    if (
        len(run) == 1
        and run[0][_ROLE] == _COMMON
        and (_adjective(run[0][_KEY]) or run[0][_VERBISH] or run[0][_KEY] in GENERIC_NOUNS)
    ):
        return False  # "economic", "released", "people"
    if (
        _is_role(run[0][_KEY])
        and _is_name(run)
        and all(_is_role(t[_KEY]) or t[_ROLE] == _NAME_STOP for t in run)
    ):
        return False  # a title without its name: "Vice Premier", "President"
    if len(run) == 1 and run[0][_KEY] in EVALUATIVE_ADJECTIVES:
        return False  # "Shocking" opening a title-case caption
    return any(map(_CONTENT_OF, run))


def _score(key: str, scored: Mapping[str, float]) -> tuple[float, str] | None:
    """YAKE's score for the phrase, or the best of its inner n-grams with a length penalty."""
    h = scored.get(key)
    if h is not None:
        return h, key
    words = key.split()
    n = len(words)
    best: tuple[float, str] | None = None
    for size in range(n - 1, 0, -1):
        for i in range(n - size + 1):
            sub = " ".join(words[i : i + size])
            hs = scored.get(sub)
            if hs is not None:
                value = hs * LENGTH_PENALTY ** (n - size)
                if best is None or value < best[0]:
                    best = (value, sub)
    return best


class _Entity(NamedTuple):
    """Candidates that name one thing in an article, and the form shown for them."""

    h: float  # the best YAKE score of its members
    key: str  # the shown form's key
    runs: list  # token runs of the shown form
    members: list[str]  # keys of every member, the shown form's first when it is one


# ``_Entity((h, key, runs, members))`` without the generated ``__new__``'s Python call
_new_entity = functools.partial(tuple.__new__, _Entity)


def _pick(
    article: Article,
    scored: Mapping[str, float],
    options: YakeOptions,
    top: int,
    dedup_lim: float,
    dedup_func: str,
    blocked: frozenset[tuple[str, ...]] = _CREDITS,
) -> list[tuple[str, float, int, tuple[int, int], list[str]]]:
    words = _words(article.raw, article.kept)
    places = _dateline_places(article.raw, article.kept)
    cands: dict[str, tuple[float, list]] = {}
    for key, runs in _candidates(words, options.max_ngram, blocked).items():
        if key in places:
            continue  # the dateline place, wherever it shows
        if (
            len(runs[0]) == 1
            and runs[0][0][_ROLE] == _NAME
            and words.lower.get(key, 0) >= len(runs)
        ):
            continue  # a word capitalised in a title or quote: "Stop", "Feeling"
        s = _score(key, scored)
        if s is not None:
            cands[key] = (s[0], runs)
    ranked = sorted(_entities(cands, scored), key=lambda e: (e.h, -len(e.runs), e.key))
    taken: list[tuple[str, frozenset[str], float, list, list[str]]] = []
    taken_words: set[str] = set()  # every word of a phrase taken: a phrase with none is nested
    for h, key, runs, members in ranked:  # in none of them (most phrases)
        wordset = frozenset(key.split())
        if not wordset or not taken_words.isdisjoint(wordset):
            clash = [i for i, t in enumerate(taken) if wordset <= t[1] or t[1] <= wordset]
            if clash:
                i = clash[0]
                if len(clash) == 1 and _prefer(key, wordset, runs, taken[i]):
                    taken[i] = (key, wordset, min(h, taken[i][2]), runs, members + taken[i][4])
                    taken_words |= wordset
                continue
        if len(taken) == top:
            continue  # the list is full; only fuller names of taken ones still count
        if dedup_lim < 1.0 and any(similarity(key, t[0], dedup_func) > dedup_lim for t in taken):
            continue
        taken.append((key, wordset, h, runs, members))
        taken_words |= wordset
    taken.sort(key=lambda t: (t[2], t[0]))
    surfaces = {
        k: _surface(cands[k][1], words.heading_sents, article.raw)
        for t in taken
        for k in t[4]
        if k in cands
    }
    phrases = [_surface(t[3], words.heading_sents, article.raw) for t in taken]
    found = _find_many(words, list(dict.fromkeys([*phrases, *surfaces.values()])))
    out = []
    for phrase, (_k, _w, h, _runs, members) in zip(phrases, taken, strict=True):
        spans = found[phrase]  # never empty: the phrase was read from these tokens
        forms = [surfaces[k] for k in members if k in surfaces]
        others = [f for f in dict.fromkeys(forms) if f.lower() != phrase.lower()]
        for f in others:
            spans = spans + found[f]
        count = _count_spans(spans)
        others.sort(key=lambda f: -len(found[f]))
        out.append((phrase, h, count, found[phrase][0][:2], others))
    return out


def _count_spans(spans: list[tuple[int, int, int]]) -> int:
    """How many places the spans cover (overlapping spans count once)."""
    n, end = 0, -1
    for s, e, _sid in sorted(spans):
        if s >= end:
            n += 1
        end = max(end, e)
    return n


def _prefer(key: str, wordset: frozenset[str], runs: list, taken: tuple) -> bool:
    """Whether a phrase nested with a taken one should replace it: a fuller name for a name
    used at least as often ("Falcon Heavy" → "Falcon Heavy rocket" only if as frequent), or a
    common noun phrase's head used far more often than the phrase ("powerful earthquake" →
    "earthquake" used four times)."""
    _key, t_words, _h, t_runs, _members = taken
    if t_words < wordset:
        return _is_name(runs[0]) and len(runs) >= len(t_runs)
    if wordset < t_words and not _is_name(t_runs[0]):
        return len(runs) >= max(2, 2 * len(t_runs))
    return False


def _initial_key(key: str) -> bool:
    """A middle initial or name suffix ("b.", "jr."), by its key."""
    bare = key.rstrip(".")
    return (len(bare) == 1 and bare.isalpha()) or key in _NAME_SUFFIXES


def _entities(cands: dict[str, tuple[float, list]], scored: Mapping[str, float]) -> list[_Entity]:
    """Group an article's candidates into entities, one per person, organisation or thing.

    - A person's name with and without its title, first name or middle initial is one entity
      (``"Texas Rep. Blake Farenthold"``, ``"Representative Blake Farenthold"``,
      ``"Farenthold"``), shown as the fullest name without title (``"Blake Farenthold"``); a
      bare surname goes to the full name used most.
    - A phrase made of a name of two or more words and common words, or a longer name ending
      in it, belongs to that name (``"Tea Party supporters"``, ``"Greater Phoenix Tea
      Party"`` → ``"Tea Party"``); so does a one-word name followed by common words
      (``"Microsoft employees"`` → ``"Microsoft"``).
    - An acronym belongs to the name whose initials it spells (``"RAIB"`` → ``"Rail Accident
      Investigation Branch"``), dotted or not (``"U.N."``, ``"UN"``).
    An entity of several names is shown as its person, else its name of two or more words used
    most, else its member used most; its score is its members' best.
    """
    keys = sorted(cands)
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    count = {k: len(cands[k][1]) for k in keys}
    names = [k for k in keys if _is_name(cands[k][1][0])]
    # People: the name after any title, keyed by first and last word.
    cores: dict[str, tuple[int, int]] = {}  # name key -> (core start, words in core)
    full: dict[tuple[str, str], list[str]] = {}
    single: dict[str, list[str]] = {}
    for k in names:
        start, words = _person_core(k)
        if not words or words[-1] in ORG_WORDS or words[-1] in DEMONYMS:
            continue
        cores[k] = (start, len(words))
        if len(words) >= 2:
            full.setdefault((words[0], words[-1]), []).append(k)
        else:
            single.setdefault(words[-1], []).append(k)
    by_last: dict[str, list[list[str]]] = {}
    for (_first, last), group in full.items():
        for k in group[1:]:
            union(group[0], k)
        by_last.setdefault(last, []).append(group)
    for last, group in single.items():
        for k in group[1:]:
            union(group[0], k)
        if last in by_last:
            best = max(by_last[last], key=lambda g: (sum(count[k] for k in g), g[0]))
            union(group[0], best[0])
    # Names inside longer phrases; acronyms.
    multi: dict[str, list[list[str]]] = {}
    for k in names:
        parts = k.split()
        if len(parts) >= 2:
            multi.setdefault(parts[0], []).append(parts)
    one_word = {k for k in names if " " not in k}
    acronyms: dict[str, list[str]] = {}
    by_lead: dict[str, str] = {}  # a leading name -> the first phrase built on it
    for k in keys:
        run = cands[k][1][0]
        if len(run) == 1:
            if run[0][_ACRONYM]:
                letters = (acronym_key(run[0][_SURFACE]) or k).replace(".", "")
                acronyms.setdefault(letters, []).append(k)
            continue  # a one-word phrase holds no other name
        parts = k.split()
        best: list[str] | None = None
        for i, w in enumerate(parts):
            for name in multi.get(w, ()):
                n = len(name)
                if name == parts or parts[i : i + n] != name:
                    continue
                rest = run[:i] + run[i + n :]
                if (i + n == len(parts) or _ONLY_COMMON.issuperset(map(_ROLE_OF, rest))) and (
                    best is None or n > len(best)
                ):
                    best = name
        if best is not None:
            union(k, " ".join(best))
        elif parts[0] in one_word and _ONLY_COMMON.issuperset(map(_ROLE_OF, run[1:])):
            union(k, parts[0])
        else:
            # Phrases built on one name that is no candidate itself ("North Korean regime",
            # "North Korean threats": "North Korean" ends in a demonym) are one entity.
            i = 0
            while i < len(run) and run[i][_ROLE] in (_NAME, _NAME_STOP):
                i += 1
            if i >= 2 and _ONLY_COMMON.issuperset(map(_ROLE_OF, run[i:])):
                lead = " ".join(parts[:i])
                if lead in by_lead:
                    union(by_lead[lead], k)
                else:
                    by_lead[lead] = k
    if acronyms:
        for group in acronyms.values():
            for k in group[1:]:
                union(group[0], k)
        for k in names:
            parts = k.split()
            if len(parts) >= 2:
                spelled = "".join(w[0] for w in parts if w not in NAME_CONNECTORS)
                if spelled in acronyms:
                    union(acronyms[spelled][0], k)
    groups: dict[str, list[str]] = {}
    for k in keys:
        root = k if parent[k] == k else find(k)  # most candidates are alone
        group = groups.get(root)
        if group is None:
            groups[root] = [k]
        else:
            group.append(k)
    out = []
    name_set = set(names)
    for members in groups.values():
        if len(members) == 1 and (members[0] not in cores or cores[members[0]][1] < 2):
            k = members[0]  # a candidate alone and no person (most entities): itself
            h, runs = cands[k]
            out.append(_new_entity((h, k, runs, members)))
            continue
        h = min(cands[k][0] for k in members)
        people = [k for k in members if k in cores and cores[k][1] >= 2]
        if people:
            k = max(people, key=lambda k: (cores[k][1], len(k.split()), count[k], k))
            start = cores[k][0]
            runs = [run[start:] for run in cands[k][1]]
            key = " ".join(map(_KEY_OF, runs[0]))
            core_h = _score(key, scored)
            if core_h is not None:
                h = min(h, core_h[0])
            if key in cands:
                runs = cands[key][1]
        else:
            named = [k for k in members if k in name_set and " " in k] or members
            key = max(named, key=lambda k: (count[k], -len(k), k))
            runs = cands[key][1]
        members.sort(key=lambda k: (k != key, -count[k], k))
        out.append(_new_entity((h, key, runs, members)))
    return out


@lru_cache(maxsize=65536)
def _person_core(key: str) -> tuple[int, tuple[str, ...]]:
    """Where the person's name starts in a name's words (``person_start``, after any title)
    and its words from there without middle initials or suffixes, for the name's key:
    ``"texas rep. blake b. farenthold"`` → ``(2, ("blake", "farenthold"))``."""
    keys = key.split()
    initials = [_initial_key(k) for k in keys]
    start = person_start(keys, initials)
    return start, tuple(k for k, i in zip(keys[start:], initials[start:], strict=True) if not i)


def _is_name(run: Sequence[_Tok]) -> bool:
    return _NAMEISH.issuperset(map(_ROLE_OF, run))


def _surface(runs: list[tuple[_Tok, ...]], headings: frozenset[int], raw: str) -> str:
    """The form a phrase is written in most often (outside headings when it can)."""
    forms: Counter[str] = Counter()
    for run in runs:
        form = " ".join(map(_SURFACE_OF, run))
        spaced = all(raw[a[_END] : b[_START]] == " " for a, b in itertools.pairwise(run))
        if run[0][_SENT] in headings or not spaced:
            weight = 1  # a heading, or words split by a line end or double space
        elif form.isupper() and not all(t[_ACRONYM] for t in run):
            weight = 10  # shouted
        else:
            weight = 1000
        forms[form] += weight
    return _most_common(forms)


def _most_common(forms: Counter[str]) -> str:
    return min(forms.items(), key=lambda kv: (-kv[1], list(forms).index(kv[0])))[0]


# --- finding phrases ------------------------------------------------------------------------


def _find(article: Article, phrase: str) -> list[tuple[int, int, int]]:
    """Occurrences of ``phrase`` in ``article`` as ``(start, end, sent_id)`` (raw offsets)."""
    return _find_many(_words(article.raw, article.kept), [phrase])[phrase]


def _find_many(
    words: _ArticleWords, phrases: Sequence[str]
) -> dict[str, list[tuple[int, int, int]]]:
    """Occurrences of each phrase as ``(start, end, sent_id)`` in raw offsets, in order.

    Whole words inside one segment match, ignoring case, except that an all-capitals word
    (``US``) only matches in capitals; a possessive ends a phrase."""
    out: dict[str, list[tuple[int, int, int]]] = {phrase: [] for phrase in phrases}
    out.update(_find_indexed(words, _phrase_index(phrases)))
    return out


_PhraseIndex = dict[str, list[tuple[str, list[str], list[bool]]]]


def _phrase_index(phrases: Sequence[str]) -> _PhraseIndex:
    """Phrases by their first word's key, with their words' keys and acronym flags: built once
    for many articles (``_find_indexed``)."""
    by_first: _PhraseIndex = {}
    for phrase in phrases:
        parts = phrase.split()
        if parts:
            keys = [_norm(p) for p in parts]
            by_first.setdefault(keys[0], []).append((phrase, keys, [_is_acronym(p) for p in parts]))
    return by_first


def _find_indexed(
    words: _ArticleWords, by_first: _PhraseIndex
) -> dict[str, list[tuple[int, int, int]]]:
    """``_find_many`` with the phrases indexed already; only phrases found are keys."""
    out: dict[str, list[tuple[int, int, int]]] = {}
    if not by_first:
        return out
    firsts = by_first.keys()
    for seg in words.segments:
        if firsts.isdisjoint(map(_KEY_OF, seg)):
            continue  # no phrase starts in the segment
        n = len(seg)
        for i, t in enumerate(seg):
            wanted = by_first.get(t[_KEY])
            if wanted is None or not t[_SURFACE]:
                continue
            for phrase, keys, acro in wanted:
                k = len(keys)
                if i + k > n:
                    continue
                ok = True
                for j in range(k):
                    u = seg[i + j]
                    if u[_KEY] != keys[j] or (acro[j] and not u[_ACRONYM]) or not u[_SURFACE]:
                        ok = False
                        break
                if ok:
                    out.setdefault(phrase, []).append((t[_START], seg[i + k - 1][_END], t[_SENT]))
    return out
