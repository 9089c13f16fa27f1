"""Distinctive terms: which words and phrases set one group of articles apart from the rest.

``distinctive_terms`` computes, for every group (outlet, article, or any grouping you give) and
every term it uses, the weighted log-odds ratio with an informative Dirichlet prior of Monroe,
Colaresi & Quinn (2008, "Fightin' Words", *Political Analysis* 16(4)), comparing the group with
all other groups together. Any number of groups ≥ 2 works.

For term ``w``, group ``i`` and the rest ``j`` (``y`` counts, ``n`` total term counts, ``α_w``
the prior count of ``w`` and ``α0`` the sum of all prior counts)::

    δ_w = log((y_iw + α_w) / (n_i + α0 - y_iw - α_w)) - log((y_jw + α_w) / (n_j + α0 - y_jw - α_w))
    σ²_w ≈ 1 / (y_iw + α_w) + 1 / (y_jw + α_w)
    z_w = δ_w / σ_w

The prior is informative: ``α_w = α0 · (count of w in the whole corpus) / (all term counts)``,
so it shrinks rare terms towards "no difference". By default ``α0`` is the corpus size, which
makes ``α_w`` the term's corpus count.

How to read ``z``: it is the log-odds difference in units of its standard error. Positive ``z``
means the group uses the term more than the other groups do, negative less. ``|z| > 1.96`` is
the usual two-sided 5 % threshold for a single term; since every term is tested, expect a few
such values by chance in a large vocabulary, and read the top of each group's list as the terms
most particular to it rather than as proof. ``log_odds`` (δ, natural log) is the size of the
difference; ``z`` also weighs how much evidence (how many uses) stands behind it, so a term
used once ranks below one used five times with the same ratio.

House style is told apart from content, and compared on its own. Before counting, the words
of each article are read as *content units*:

- spelling variants are one unit: dotted and undotted acronyms (``"F.B.I."``, ``"FBI"`` →
  ``"fbi"``; ``"U.S."``, ``"US"`` → ``"u.s."``), abbreviated and spelled titles (``"Sen."`` →
  ``"senator"``);
- a person is one unit whatever the article calls them: the name without title, middle initial
  or courtesy title, and a bare surname as the full name the article (or, failing that, the
  corpus) gives (``"President Donald J. Trump"``, ``"Mr. Trump"``, ``"Trump"`` →
  ``"donald trump"``);
- titles and courtesy titles before a name (``"sen."``, ``"president"`` in ``"President
  Trump"``, ``"mr."``), middle initials and other single letters, wire and credit names
  (``HOUSE_STYLE_WORDS``, ``CREDIT_NAMES``: ``"reuters"``, ``"associated press"``) and the
  outlets' own names are no content: the names an outlet uses for itself are learned from the
  corpus (its outlet code, URL, credit lines and the names its articles use, e.g. "HuffPost"
  and "Huffington Post" for an outlet coded ``"hpo"``; ``newskit.keywords.names.outlet_names``).

Content terms are the n-grams of content units (a person counts as one unit: ``"donald
trump"`` is a 1-gram). *Style terms* are the n-grams of the words as written that hold one of
those style words, or a spelling that has a variant in the corpus (``"f.b.i."`` beside
``"fbi"``, ``"sen."``, ``"mr. trump"``, ``"president donald"``, ``"j"``), plus the style
spellings of ``HOUSE_STYLE_TERMS`` on their own (``"a.m."``, ``"per cent"``, ``"u.s."``). Each
kind gets its own log-odds (its own totals and prior). ``style="separate"`` (the default) lists
each group's content terms first, then its style terms; ``"include"`` ranks them together;
``"only"`` lists only the style terms, so house style stays a finding one can ask for.

In parts of a corpus (as ``newskit.app.dask`` runs it), with results equal to the whole:
``context_counts`` per part, merged; ``name_counts`` per part, merged; ``finish_context``
(together ``term_context``); ``term_counts(part, context=)`` per part, merged
(``TermCounts.merge``); ``distinctive_rows`` per kind and shard of terms, given the kind's
totals; ``distinctive_frame``.
"""

from __future__ import annotations

import bisect
import hashlib
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

import pandas as pd

from newskit.corpus.records import Article
from newskit.corpus.segment import article_tokens, sentence_spans
from newskit.errors import CorpusError
from newskit.keywords.keyphrases import skip_spans
from newskit.keywords.names import (
    OutletNameCounts,
    acronym_key,
    decide_outlet_names,
    is_role,
    outlet_identities,
    outlet_leads,
    outlet_name_counts,
    person_start,
    title_key,
)
from newskit.resources.names import CREDIT_NAMES, ORG_WORDS
from newskit.resources.stopwords import (
    DEMONYMS,
    HONORIFICS,
    HOUSE_STYLE_TERMS,
    HOUSE_STYLE_WORDS,
    LY_WORDS,
    NAME_CONNECTORS,
    STOPWORDS,
    TIME_ABBREVIATIONS,
    TIME_WORDS,
    VERB_FRAGMENTS,
    WEAK_MODIFIERS,
)

DISTINCTIVE_COLUMNS = ["group", "term", "log_odds", "z", "count_in", "count_out", "kind"]
_NORM = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# A bare surname stands for the corpus's full name when that name has this share of its uses.
CORPUS_NAME_SHARE = 2 / 3
MAX_NAME_WORDS = 5  # a longer capitalised run (a title-case line) is no one name
# A sentence of at most TEMPLATE_WORDS words found in TEMPLATE_ARTICLES or more articles of one
# outlet is the site's furniture ("Copyright 2017 The Associated Press. All rights reserved.",
# "Invalid email address. Please re-enter."): its words count as style.
TEMPLATE_WORDS = 40
TEMPLATE_ARTICLES = 3
_DIGITS = str.maketrans("0123456789", "0000000000")

By = Literal["outlet", "article"]
Style = Literal["separate", "include", "only"]


def distinctive_terms(
    corpus: Iterable[Article],
    by: By | Mapping[str, str] | Callable[[Article], str] = "outlet",
    *,
    ngram: tuple[int, int] = (1, 2),
    prior: float | None = None,
    min_count: int = 1,
    stopwords: Iterable[str] | None = None,
    style: Style = "separate",
    context: TermContext | None = None,
) -> pd.DataFrame:
    """Weighted log-odds (Monroe et al. 2008) of each term in each group against all others.

    ``by``: ``"outlet"`` (an article without outlet is its own group), ``"article"``, a mapping
    article id → group, or a function of the article. ``ngram``: smallest and largest n-gram
    size, in content units (a person's name is one unit); n-grams stay inside a sentence, skip
    punctuation, and neither start nor end with a stopword (``newskit.resources.stopwords``,
    or ``stopwords``), a time word or a bare number. ``prior``: the prior's total ``α0``
    (default: the term count of the kind, content or style). ``min_count``: the least uses in
    the group for a term to be listed. ``style``: ``"separate"`` lists each group's content
    terms before its house-style terms (titles, honorifics, initials, spelling variants, wire
    and outlet names), ``"include"`` ranks all together, ``"only"`` keeps the style terms.
    ``context``: what the corpus says about spellings and names (``term_context``; default:
    learned from ``corpus``).

    Returns ``group, term, log_odds, z, count_in, count_out, kind``: one row per group and term
    the group uses, groups in corpus order, each group's terms by ``z`` (highest first; with
    ``"separate"``, content terms first), ties by term. ``count_in`` counts uses in the group,
    ``count_out`` in all other groups; ``kind`` is ``"content"`` or ``"style"``. See the
    module doc for how to read ``z`` and which terms are style.
    """
    if style not in ("separate", "include", "only"):
        raise ValueError(f"style must be 'separate', 'include' or 'only', not {style!r}")
    _check_ngram(ngram)
    if prior is not None and prior <= 0:
        raise ValueError(f"prior must be positive, not {prior}")
    group_of = _grouper(by)
    articles = list(corpus)
    groups = [group_of(a) for a in articles]
    if len(set(groups)) < 2:
        found = list(dict.fromkeys(groups))
        raise CorpusError(
            f"distinctive_terms needs at least two groups, found {len(found)} "
            f"({', '.join(map(str, found)) or 'none'}); load more outlets or group by article"
        )
    counts = term_counts(articles, by, ngram=ngram, stopwords=stopwords, context=context)
    if not any(counts.content.values()) and not any(counts.style.values()):
        raise CorpusError("the articles have no countable terms (only stopwords or numbers)")
    rows = []
    for kind, by_group in counts.kinds().items():
        total: Counter[str] = Counter()
        for c in by_group.values():
            total.update(c)
        sizes = {g: sum(c.values()) for g, c in by_group.items()}
        rows += distinctive_rows(by_group, total, sizes, kind, prior=prior, min_count=min_count)
    return distinctive_frame(rows, list(counts.content), style)


def _check_ngram(ngram: tuple[int, int]) -> None:
    lo, hi = ngram
    if lo < 1 or hi < lo:
        raise ValueError(f"ngram must be (min, max) with 1 <= min <= max, not {ngram}")


@dataclass
class TermCounts:
    """Step 1 of ``distinctive_terms``: each group's counts of content terms (``content``) and
    of style terms (``style``), groups in order of their first article. Parts of a corpus
    merge in corpus order (``merge``), as ``newskit.app.dask`` does."""

    content: dict[str, Counter[str]] = field(default_factory=dict)
    style: dict[str, Counter[str]] = field(default_factory=dict)

    def kinds(self) -> dict[str, dict[str, Counter[str]]]:
        """Kind (``"content"``, ``"style"``) -> group -> term counts."""
        return {"content": self.content, "style": self.style}

    def merge(self, other: TermCounts) -> TermCounts:
        """This and a later part's counts as one."""
        out = TermCounts(
            {g: Counter(c) for g, c in self.content.items()},
            {g: Counter(c) for g, c in self.style.items()},
        )
        for g, c in other.content.items():
            out.content.setdefault(g, Counter()).update(c)
        for g, c in other.style.items():
            out.style.setdefault(g, Counter()).update(c)
        return out


def term_counts(
    corpus: Iterable[Article],
    by: By | Mapping[str, str] | Callable[[Article], str] = "outlet",
    *,
    ngram: tuple[int, int] = (1, 2),
    stopwords: Iterable[str] | None = None,
    context: TermContext | None = None,
) -> TermCounts:
    """Step 1 of ``distinctive_terms`` (same ``by``, ``ngram``, ``stopwords``): the content and
    style n-gram counts of each group of ``corpus``. ``context``: ``term_context`` of the whole
    corpus (default: of ``corpus``; give it when ``corpus`` is a part)."""
    _check_ngram(ngram)
    lo, hi = ngram
    stop = frozenset(STOPWORDS if stopwords is None else (w.lower() for w in stopwords))
    stop = stop | TIME_WORDS | TIME_ABBREVIATIONS | VERB_FRAGMENTS | WEAK_MODIFIERS
    group_of = _grouper(by)
    articles = list(corpus)
    ctx = term_context(articles) if context is None else context
    out = TermCounts()
    for article in articles:
        g = group_of(article)
        terms, style_terms = _article_terms(article, lo, hi, stop, ctx)
        out.content.setdefault(g, Counter()).update(terms)
        out.style.setdefault(g, Counter()).update(style_terms)
    return out


def distinctive_rows(
    counts: Mapping[str, Counter[str]],
    total: Mapping[str, int],
    sizes: Mapping[str, int],
    kind: str,
    *,
    prior: float | None = None,
    min_count: int = 1,
) -> list[tuple]:
    """Step 2: the rows (``DISTINCTIVE_COLUMNS``) of one kind of term (``"content"`` or
    ``"style"``, each with its own totals and prior) for the terms in ``counts`` (group → term
    counts, possibly only some terms), given every term's count over all groups (``total``)
    and every group's number of uses of the kind (``sizes``, over all its terms). No rows when
    the kind has no uses."""
    n_total = sum(sizes.values())
    if n_total == 0:
        return []
    a0 = float(n_total if prior is None else prior)
    if a0 <= 0:
        raise ValueError(f"prior must be positive, not {prior}")
    rows = []
    for g, c in counts.items():
        n_i = sizes[g]
        n_j = n_total - n_i
        for term, y_i in c.items():
            if y_i < min_count:
                continue
            y_j = total[term] - y_i
            alpha = a0 * total[term] / n_total
            if total[term] == n_total:  # one term in all: no odds to compare, no difference
                delta, z = 0.0, 0.0
            else:
                delta, z = _log_odds(y_i, y_j, n_i, n_j, alpha, a0)
            rows.append((g, term, delta, z, y_i, y_j, kind))
    return rows


def distinctive_frame(rows: list[tuple], groups: Sequence[str], style: Style) -> pd.DataFrame:
    """Step 3: ``distinctive_terms``'s frame from its rows, groups in the order of ``groups``."""
    df = pd.DataFrame(rows, columns=DISTINCTIVE_COLUMNS)
    if style == "only":
        df = df[df["kind"] == "style"]
    df = df.astype({"log_odds": "float64", "z": "float64", "count_in": "int64"})
    df = df.astype({"count_out": "int64"})
    order = {g: i for i, g in enumerate(groups)}
    df = (
        df.assign(
            _g=df["group"].map(order),
            _k=(df["kind"] == "style") if style == "separate" else False,
        )
        .sort_values(["_g", "_k", "z", "term"], ascending=[True, True, False, True], kind="stable")
        .drop(columns=["_g", "_k"])
    )
    return df.reset_index(drop=True)


def _log_odds(
    y_i: float, y_j: float, n_i: float, n_j: float, alpha: float, a0: float
) -> tuple[float, float]:
    """Monroe et al.'s δ and z for one term (see the module doc)."""
    delta = math.log((y_i + alpha) / (n_i + a0 - y_i - alpha)) - math.log(
        (y_j + alpha) / (n_j + a0 - y_j - alpha)
    )
    var = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
    return delta, delta / math.sqrt(var)


def _grouper(by: By | Mapping[str, str] | Callable[[Article], str]) -> Callable[[Article], str]:
    if by == "outlet":
        return lambda a: a.outlet or a.id
    if by == "article":
        return lambda a: a.id
    if isinstance(by, Mapping):
        mapping = dict(by)

        def lookup(a: Article) -> str:
            if a.id not in mapping:
                raise CorpusError(
                    "the grouping has no entry for this article; map every article id to a group",
                    file=a.source or a.id,
                )
            return str(mapping[a.id])

        return lookup
    if callable(by):
        return lambda a: str(by(a))
    raise ValueError(f"by must be 'outlet', 'article', a mapping or a function, not {by!r}")


def _key(word: str) -> str:
    w = word.translate(_NORM).lower()
    return w[:-2] if w.endswith("'s") and len(w) > 2 else w


def _edge_ok(key: str, stop: frozenset[str]) -> bool:
    if key in stop or "'" in key or not any(c.isalpha() for c in key):
        return False
    return not (len(key) > 4 and key.endswith("ly") and key not in LY_WORDS)  # adverbs


# --- reading an article into content units and style words ------------------------------------


class _Word(NamedTuple):
    """A word token as the term reader needs it."""

    text: str  # as written
    key: str  # lower case, plain apostrophes, possessive removed
    cap: bool  # starts with a capital
    first: bool  # first word of its sentence
    initial: bool  # a single letter followed by a period ("J.")
    sent: int  # sentence index
    start: int  # raw offset
    skipped: bool  # in a dateline, credit, caption label or other ``KEYWORD_SKIP`` text


@dataclass(frozen=True)
class TermContext:
    """What the corpus as a whole says about spellings and names (``term_context``)."""

    style_seqs: Mapping[str, tuple[tuple[str, ...], ...]]  # first word -> style word runs
    variant_acronyms: frozenset[str]  # acronym keys written both dotted and undotted
    full_names: Mapping[str, str]  # surname -> the full name the corpus mostly gives
    known_caps: frozenset[str]  # words the corpus capitalises inside sentences
    templates: frozenset[tuple[str, int]]  # (outlet, sentence hash) of repeated lines


def _segments(article: Article) -> list[list[_Word]]:
    """The article's words in runs between punctuation marks (a middle initial's period does
    not end a run), each run inside one sentence. In a heading (title case) a word counts as
    capitalised only when the article capitalises it elsewhere too. Words of skipped text
    (``KEYWORD_SKIP``: "MUST WATCH", bylines) are marked and join no name."""
    toks = article_tokens(article)
    skipped = skip_spans(article)
    starts = [s for s, _e in skipped]
    headings = {i for i, s in enumerate(sentence_spans(article)) if s.is_heading}
    if headings:
        body = {_key(t.text) for t in toks if t.sent_id not in headings and t.text[:1].isupper()}
    out: list[list[_Word]] = []
    run: list[_Word] = []
    prev_sent = -1
    n = len(toks)
    for i, t in enumerate(toks):
        if t.sent_id != prev_sent:
            if run:
                out.append(run)
            run = []
            first = True
            prev_sent = t.sent_id
        if not t.is_word:
            if t.text == "." and run and run[-1].initial:
                continue
            if run:
                out.append(run)
            run = []
            continue
        text = t.text
        initial = (
            len(text) == 1
            and text.isupper()
            and i + 1 < n
            and toks[i + 1].text == "."
            and toks[i + 1].sent_id == t.sent_id
        )
        key = _key(text)
        k = bisect.bisect_right(starts, t.start) - 1
        skip = k >= 0 and t.start < skipped[k][1]
        cap = text[:1].isupper() and (t.sent_id not in headings or key in body)
        run.append(_Word(text, key, cap, first, initial, t.sent_id, t.start, skip))
        first = False
    if run:
        out.append(run)
    return out


def _caps_runs(
    seg: Sequence[_Word],
    lower: set[str],
    known: frozenset[str] | None = None,
    with_skipped: bool = False,
) -> list[tuple[int, int]]:
    """``(start, end)`` of the capitalised runs of a segment (connectors such as ``of`` and
    initials inside). A sentence's first word only joins when the article never writes it in
    lower case and the corpus capitalises it inside sentences (``known``, when given). Words of
    skipped text end a run unless ``with_skipped`` (credit lines still name outlets)."""
    out = []
    i, n = 0, len(seg)
    while i < n:
        w = seg[i]
        if (
            not w.cap
            or (w.skipped and not with_skipped)
            or w.key in STOPWORDS
            or (w.first and (w.key in lower or (known is not None and w.key not in known)))
        ):
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and (with_skipped or not seg[j].skipped)
            and (
                (seg[j].cap and seg[j].key not in STOPWORDS)
                or (seg[j].key in NAME_CONNECTORS and j + 1 < n and seg[j + 1].cap)
            )
        ):
            j += 1
        if j - i <= MAX_NAME_WORDS:
            out.append((i, j))
        i = j
    return out


def _person(seg: Sequence[_Word], a: int, b: int) -> tuple[int, list[str]] | None:
    """For the capitalised run ``seg[a:b]``: where the person's name starts, and its words
    without initials, or ``None`` when the run names no person (its last word is a place or
    organisation word, a nationality, or nothing follows the title)."""
    keys = [w.key for w in seg[a:b]]
    start = a + person_start(keys, [w.initial for w in seg[a:b]])
    words = [w.key for w in seg[start:b] if not w.initial and w.key not in _SUFFIXES]
    if not words or words[-1] in ORG_WORDS or words[-1] in DEMONYMS:
        return None
    if any(k in STOPWORDS or k in TIME_WORDS or not k[:1].isalpha() for k in words):
        return None
    return start, words


def _article_names(
    segs: list[list[_Word]],
    lower: set[str],
    known: frozenset[str] | None = None,
    style_words: Iterable[str] = (),
) -> dict[str, str]:
    """Surname -> the full name the article gives most (``"trump"`` -> ``"donald trump"``), for
    people the article names with a title (``"President Donald Trump"``, ``"Mr. Trump"``) or
    in full and then by surname alone (``"Blake Farenthold"`` … ``"Farenthold said"``)."""
    singles: set[str] = set()
    runs = []
    for seg in segs:
        for a, b in _caps_runs(seg, lower, known):
            if b - a == 1:
                singles.add(seg[a].key)
            runs.append((seg, a, b))
    full: dict[str, Counter[str]] = {}
    for seg, a, b in runs:
        got = _person(seg, a, b)
        if got is None:
            continue
        start, words = got
        titled = start > a or (a > 0 and is_role(seg[a - 1].key))
        if any(k in style_words for k in words):
            continue
        if (
            2 <= len(words) <= 3
            and words[0] != words[-1]
            and (titled or (words[-1] in singles and words[0] not in singles))
        ):
            full.setdefault(words[-1], Counter())[" ".join(words)] += 1
    return {
        last: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for last, c in full.items() if c
    }


@dataclass
class ContextCounts:
    """Pass 1 of ``term_context`` over a part of a corpus (``context_counts``), merged over
    the parts (``merge``): capitalised words inside sentences (``known``), acronym keys
    written dotted and plain, the articles per (outlet, line hash) (``lines``) and the first
    letters of the outlets' identities (``leads``)."""

    known: set[str] = field(default_factory=set)
    dotted: set[str] = field(default_factory=set)
    plain: set[str] = field(default_factory=set)
    lines: Counter[tuple[str, int]] = field(default_factory=Counter)
    leads: set[str] = field(default_factory=set)

    def merge(self, other: ContextCounts) -> ContextCounts:
        """These counts and another part's as one."""
        return ContextCounts(
            self.known | other.known,
            self.dotted | other.dotted,
            self.plain | other.plain,
            self.lines + other.lines,
            self.leads | other.leads,
        )


@dataclass
class NameCounts:
    """Pass 2 of ``term_context`` over a part (``name_counts``), merged over the parts
    (``merge``): per surname, the articles giving each full name (``names``), and the counts
    that decide the outlets' own names (``outlets``)."""

    names: dict[str, Counter[str]] = field(default_factory=dict)
    outlets: OutletNameCounts = field(default_factory=OutletNameCounts)

    def merge(self, other: NameCounts) -> NameCounts:
        """These counts and another part's as one."""
        names = {k: Counter(c) for k, c in self.names.items()}
        for k, c in other.names.items():
            names.setdefault(k, Counter()).update(c)
        return NameCounts(names, self.outlets.merge(other.outlets))


def context_counts(articles: Iterable[Article]) -> ContextCounts:
    """Pass 1 of ``term_context`` over ``articles`` (a corpus or a part of one)."""
    out = ContextCounts()
    for a in articles:
        for seg in _segments(a):
            for w in seg:
                if w.cap:
                    if not w.first:
                        out.known.add(w.key)
                    k = acronym_key(w.text)
                    if k is not None:
                        (out.dotted if "." in w.text else out.plain).add(k)
        outlet = a.outlet or a.id
        out.lines.update({(outlet, h) for h in _line_hashes(a).values()})
        out.leads |= outlet_leads([outlet_identities(a)])
    return out


def name_counts(articles: Iterable[Article], first: ContextCounts) -> NameCounts:
    """Pass 2 of ``term_context`` over ``articles``, given pass 1 over the whole corpus."""
    known_caps = frozenset(first.known)
    style_words = frozenset(HOUSE_STYLE_WORDS) | {s[0] for s in CREDIT_NAMES}
    names: dict[str, Counter[str]] = {}
    runs = []
    for a in articles:
        segs = _segments(a)
        caps = []
        for seg in segs:
            runs_here = _caps_runs(seg, set(), with_skipped=True)
            caps.extend(tuple(w.text for w in seg[x:y]) for x, y in runs_here)
        runs.append((a.outlet or a.id, outlet_identities(a), caps))
        lower = {w.key for seg in segs for w in seg if not w.cap}
        for last, full in _article_names(segs, lower, known_caps, style_words).items():
            if full != last:
                names.setdefault(last, Counter())[full] += 1
    return NameCounts(names, outlet_name_counts(runs, first.leads))


def finish_context(first: ContextCounts, second: NameCounts) -> TermContext:
    """``term_context`` from its two passes, each merged over the whole corpus."""
    seqs: dict[str, list[tuple[str, ...]]] = {}
    learned = set(CREDIT_NAMES) | {(w,) for w in HOUSE_STYLE_WORDS}
    for found in decide_outlet_names(second.outlets).values():
        learned |= found
    for seq in learned:
        seqs.setdefault(seq[0], []).append(seq)
    full_names = {}
    for last, c in second.names.items():
        name, n = min(c.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= CORPUS_NAME_SHARE * sum(c.values()):
            full_names[last] = name
    return TermContext(
        {k: tuple(sorted(v, key=len, reverse=True)) for k, v in seqs.items()},
        frozenset(first.dotted & first.plain),
        full_names,
        frozenset(first.known),
        frozenset(k for k, n in first.lines.items() if n >= TEMPLATE_ARTICLES),
    )


def term_context(articles: Iterable[Article]) -> TermContext:
    """What a corpus says about spellings and names, for ``term_counts``: outlet names,
    acronym spellings, people's full names, repeated template lines. In parts (as
    ``newskit.app.dask`` does): ``context_counts`` per part, merged; ``name_counts`` per part
    given that, merged; ``finish_context``."""
    articles = list(articles)
    first = context_counts(articles)
    return finish_context(first, name_counts(articles, first))


def _line_hashes(article: Article) -> dict[int, int]:
    """Sentence index -> hash of the sentence's words (lower case, digits as 0), for sentences
    of at most ``TEMPLATE_WORDS`` words: what a site repeats under many of its articles."""
    out = {}
    for i, s in enumerate(sentence_spans(article)):
        words = article.raw[s.start : s.end].lower().split()
        if 0 < len(words) <= TEMPLATE_WORDS:
            line = " ".join(words).translate(_DIGITS).encode()
            out[i] = int.from_bytes(hashlib.blake2b(line, digest_size=8).digest(), "little")
    return out


def _article_terms(
    article: Article, lo: int, hi: int, stop: frozenset[str], ctx: TermContext
) -> tuple[list[str], list[str]]:
    """The article's content terms and style terms (see the module doc)."""
    function_words = stop - WEAK_MODIFIERS - TIME_WORDS
    segs = _segments(article)
    lower = {w.key for seg in segs for w in seg if not w.cap and not w.skipped}
    people = _article_names(segs, lower, ctx.known_caps, ctx.style_seqs)
    outlet = article.outlet or article.id
    furniture = (
        {i for i, h in _line_hashes(article).items() if (outlet, h) in ctx.templates}
        if ctx.templates
        else set()
    )
    content: list[str] = []
    style_terms: list[str] = []
    for seg in segs:
        n = len(seg)
        # a style word: in the style terms, not in the content (furniture, datelines, credits)
        style = [seg[0].sent in furniture or w.skipped for w in seg]
        units: list[str | None] = [None] * n  # content unit starting here (None: none)
        skip = [False] * n  # part of a unit that starts earlier, or an initial
        named = [0] * n  # length of an outlet or wire name starting here ("new york times")
        spelling = [False] * n  # a spelling with a variant: a style term, and still content
        for i, w in enumerate(seg):
            for seq in ctx.style_seqs.get(w.key, ()):
                k = len(seq)
                if i + k <= n and all(seg[i + j].key == seq[j] for j in range(1, k)):
                    for j in range(i, i + k):
                        style[j] = True
                    named[i] = k
                    break
            bare = w.key.rstrip(".")
            if w.initial or (len(bare) == 1 and bare.isalpha() and bare not in stop):
                style[i] = True  # "J." in "Donald J. Trump": a letter, no content
                skip[i] = True
            elif bare in HONORIFICS:
                style[i] = True
            acro = acronym_key(w.text) if w.cap else None
            if acro is not None and "." in acro and acro not in HOUSE_STYLE_TERMS:
                style[i] = True  # "W.H.A.T.", "T.H.E.": letters spelled out, no acronym
            elif acro is not None and acro in ctx.variant_acronyms:
                spelling[i] = True  # "F.B.I." beside "FBI": the spelling is style, the unit not
                units[i] = acro
            elif acro is not None:
                units[i] = acro
            elif not style[i]:
                units[i] = title_key(w.key)
        # Names: a title before a name is style; a person is one unit.
        for a, b in _caps_runs(seg, lower, ctx.known_caps):
            got = _person(seg, a, b)
            if got is None:
                continue
            start, words = got
            name = people.get(words[-1]) or ctx.full_names.get(words[-1]) or ""
            if not name or (len(words) > 1 and name.split()[0] != words[0]):
                if start == a:
                    continue  # no title, and not known as anyone's name: words, not a person
                name = " ".join(words)
            if any(style[j] and not seg[j].initial for j in range(start, b)):
                continue  # an outlet or wire name, not a person
            j = a - 1  # a title opening the sentence is outside the run: "Senator Ted Cruz"
            while j >= 0 and (seg[j].cap or seg[j].first) and is_role(seg[j].key):
                style[j] = True
                units[j] = None
                j -= 1
            for j in range(a, start):
                if is_role(seg[j].key):
                    style[j] = True  # "Sen." / "Senator" / "President" before the name
                    units[j] = None
            units[start] = name
            for j in range(start + 1, b):
                skip[j] = True
                units[j] = None
        # Content n-grams over the units, broken by style words.
        row: list[str] = []
        for i in range(n):
            if skip[i]:
                continue
            if style[i] or units[i] is None:
                _grams(row, lo, hi, stop, content)
                row = []
            else:
                row.append(units[i])  # type: ignore[arg-type]
        _grams(row, lo, hi, stop, content)
        # Style n-grams: the words as written (an outlet or wire name as one unit), those
        # holding a style word; only function words are kept off their edges.
        written: list[tuple[str, bool]] = []
        i = 0
        while i < n:
            k = max(named[i], 1)
            flagged = any(style[i : i + k]) or spelling[i]
            written.append((" ".join(w.key for w in seg[i : i + k]), flagged))
            i += k
        for size in range(lo, hi + 1):
            for i in range(len(written) - size + 1):
                part = written[i : i + size]
                if any(s for _w, s in part) and all(
                    s or (w not in function_words and any(c.isalpha() for c in w))
                    for w, s in (part[0], part[-1])
                ):
                    style_terms.append(" ".join(w for w, _s in part))
    moved = [t for t in content if t in HOUSE_STYLE_TERMS]
    if moved:  # "u.s.", "a.m." alone are style; a spelling with a variant is there already
        content = [t for t in content if t not in HOUSE_STYLE_TERMS]
        style_terms.extend(t for t in moved if t not in ctx.variant_acronyms)
    return content, style_terms


def _grams(row: list[str], lo: int, hi: int, stop: frozenset[str], out: list[str]) -> None:
    for size in range(lo, hi + 1):
        for i in range(len(row) - size + 1):
            if _edge_ok(row[i], stop) and _edge_ok(row[i + size - 1], stop):
                out.append(" ".join(row[i : i + size]))
