"""How alike two passages are in wording: ``similarity(a_text, b_text) -> float`` in [0, 1].

Method (lexical, no model):

1. Each text becomes a list of **content terms**: words lower-cased, multi-word names joined
   ("United States" → ``us``), spellings and demonyms of a place made one (``U.S.``,
   ``American`` → ``us``), everyday newswire paraphrases made one (``discussions``,
   ``negotiations`` → ``talk``), function words dropped, then a light suffix stemmer
   (``negotiations`` → ``negotiat``). Hyphenated words also count their parts (``one-third`` →
   ``one-third``, ``one``, ``third``). All tables are in ``newskit.resources.reuse``.
2. **Term overlap**: with ``S`` the weight of the terms both texts share and ``W_a``, ``W_b``
   the weight of each text's terms, ``overlap = (S / min(W_a, W_b) + 2 S / (W_a + W_b)) / 2`` —
   the mean of containment of the shorter text and Dice. Weights default to 1; ``align`` passes
   inverse article frequencies so that words every article uses count for less. The terms of a
   multi-word capitalised name ("Treasury Secretary Scott Bessent") share one term's weight:
   every outlet repeats the names, which says little about rewriting.
3. **Wording**: rapidfuzz's normalised Indel similarity (``fuzz.ratio``) of the two texts'
   lower-cased word sequences, which is 1 for the same wording whatever the punctuation.
4. ``similarity = max(overlap, wording)`` (wording only counts from ``NEAR_VERBATIM_RATIO``),
   then scaled by ``(shared / MIN_SHARED) ** 2`` when the texts share fewer than
   ``MIN_SHARED`` terms (two names in common do not make a rewrite).

Reading the score (sentence against sentence): ≥ 0.95 same wording; ≥ 0.8 a copy with small
edits; 0.5–0.8 a rewrite that keeps most content words (the AP/Newslooks "fourth round of
discussions … after meetings in London, Geneva and Stockholm" pair scores about 0.9 alone and
0.89 in the seeds); 0.3–0.55 mostly the same topic told differently; < 0.3 unrelated.
``align`` reports pairs from ``DEFAULT_MIN_SCORE``. ``match_kind`` names a pair ``verbatim``,
``near_verbatim`` or ``paraphrase`` from the same measures (thresholds below).
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Literal

import numpy as np
from rapidfuzz import fuzz

from newskit.resources.reuse import EQUIVALENTS, PHRASES, STOPWORDS, SUFFIXES, SYNONYMS

MatchKind = Literal["verbatim", "near_verbatim", "paraphrase"]

# Fewer shared content terms than this scales the score by (shared / MIN_SHARED) ** 2.
MIN_SHARED = 3
# Score from which ``align`` reports a pair of sentences.
DEFAULT_MIN_SCORE = 0.55
# ``match_kind``: wording ratio for "verbatim" (same words, punctuation aside) and for
# "near_verbatim" (a copy with a few words changed, added or cut).
VERBATIM_RATIO = 0.97
NEAR_VERBATIM_RATIO = 0.8
# A passage inside the other (trimmed copy) counts as near-verbatim when rapidfuzz's
# partial ratio reaches this and the shorter passage has at least NEAR_MIN_WORDS words.
NEAR_PARTIAL_RATIO = 0.92
NEAR_MIN_WORDS = 6

_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[’'‐‑-]\w+)*%?|%")
_PHRASE = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"[’']s$")
_HYPHENS = frozenset("‐‑-")
_HYPHEN = re.compile("[" + "".join(sorted(_HYPHENS)) + "]")
# A run of two or more capitalised words: a name with its title ("Treasury Secretary Scott
# Bessent"). Its terms share one term's weight, so that a name repeated by every outlet does
# not make two sentences look rewritten from each other.
_NAME_RUN = re.compile(r"(?:[A-Z][\w.’'‐‑-]*)(?:\s+(?:[A-Z][\w.’'‐‑-]*|of|de|al))+")


def _stem(word: str) -> str:
    for _ in range(2):
        for suffix, repl, min_stem in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
                word = word[: len(word) - len(suffix)] + repl
                break
    return word


def _synonym_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for head, members in SYNONYMS.items():
        for m in (head, *members):
            table.setdefault(m, head)
            table.setdefault(_stem(m), head)
    return table


_SYNONYM = _synonym_table()


@lru_cache(maxsize=65536)
def _term(word: str) -> str | None:
    w = word.lower().replace("’", "'")
    w = EQUIVALENTS.get(w, w)
    w = _POSSESSIVE.sub("", w)
    w = EQUIVALENTS.get(w, w)
    if w in STOPWORDS or not (w[:1].isalnum() or any(c.isalnum() for c in w)):
        return None
    if w in _SYNONYM:
        return _SYNONYM[w]
    if w[0].isdigit():
        return w
    s = _stem(w)
    return _SYNONYM.get(s, s)


def _word_terms(word: str) -> tuple[str, ...]:
    """The content terms one word gives: its own term, then those of its hyphenated parts."""
    t = _term(word)
    out = [] if t is None else [t]
    if "." not in word and not _HYPHENS.isdisjoint(word):
        parts = _HYPHEN.split(word)
        out.extend(p for p in (_term(x) for x in parts if x) if p is not None and p != t)
    return tuple(out)


# Words kept by _WORD_TERMS before it is emptied (bounds its memory; a news corpus of 5,000
# articles uses about 30,000 distinct words).
WORD_TABLE_SIZE = 200_000


class _WordTable(dict):
    """word -> ``_word_terms(word)``, filled on first use (a dict read in C per word; emptied at
    ``WORD_TABLE_SIZE`` words)."""

    def __missing__(self, word: str) -> tuple[str, ...]:
        if len(self) >= WORD_TABLE_SIZE:
            self.clear()
        out = self[word] = _word_terms(word)
        return out


_WORD_TERMS = _WordTable()


@lru_cache(maxsize=65536)
def content_terms(text: str) -> tuple[str, ...]:
    """The content terms of ``text`` in order (see the module docstring for the rules).

    >>> content_terms("The U.S. and Chinese negotiations")
    ('us', 'china', 'talk')
    """
    text = _PHRASE.sub(lambda m: PHRASES[m.group().lower()], text)
    return tuple(itertools.chain.from_iterable(map(_WORD_TERMS.__getitem__, _WORD.findall(text))))


@lru_cache(maxsize=65536)
def _name_factors(text: str) -> dict[str, float]:
    """Terms inside multi-word capitalised runs, with 1 / (number of terms in the run)."""
    out: dict[str, float] = {}
    for m in _NAME_RUN.finditer(text):
        terms = content_terms(m.group())
        for t in terms:
            out[t] = min(out.get(t, 1.0), 1 / len(terms))
    return out


@lru_cache(maxsize=65536)
def _wording(text: str) -> str:
    """``fuzz.ratio``'s input for a passage: its words, lower-cased, joined by spaces."""
    # Lower-cased and re-apostrophed after the join: the same as word by word (the words are
    # joined by spaces, which neither rule reads as context).
    return " ".join(_WORD.findall(text)).lower().replace("’", "'")


def overlap_score(
    a_terms: Iterable[str], b_terms: Iterable[str], weights: Mapping[str, float] | None = None
) -> tuple[float, int]:
    """Weighted term overlap of two term collections and the number of shared terms."""
    a, b = set(a_terms), set(b_terms)
    shared = a & b
    if not shared:
        return 0.0, 0
    w = weights or {}
    wa = sum(w.get(t, 1.0) for t in a)
    wb = sum(w.get(t, 1.0) for t in b)
    ws = sum(w.get(t, 1.0) for t in shared)
    score = (ws / min(wa, wb) + 2 * ws / (wa + wb)) / 2
    return min(score, 1.0), len(shared)


@lru_cache(maxsize=65536)
def _passage(text: str) -> tuple[set[str], dict[str, float], str]:
    """What ``similarity`` reads of a passage, once per passage: its content terms as a set
    (never changed), their name factors and its wording."""
    return set(content_terms(text)), _name_factors(text), _wording(text)


def _overlap(
    a: set[str],
    b: set[str],
    base: Mapping[str, float],
    fa: Mapping[str, float],
    fb: Mapping[str, float],
) -> tuple[float, int]:
    """``overlap_score`` of two term sets with weights ``base[t] * min(fa[t], fb[t])`` (1 where
    missing): the same sums in the same order, without building the weight mapping."""
    shared = a & b
    if not shared:
        return 0.0, 0
    one = itertools.repeat(1.0)
    if fa or fb:
        factor = {t: min(fa.get(t, 1.0), fb.get(t, 1.0)) for t in fa.keys() | fb.keys()}

        def total(terms: set[str]) -> float:
            return sum(map(operator.mul, map(base.get, terms, one), map(factor.get, terms, one)))

    else:  # every factor is 1: the weights are base's (x * 1.0 == x)

        def total(terms: set[str]) -> float:
            return sum(map(base.get, terms, one))

    wa, wb, ws = total(a), total(b), total(shared)
    score = (ws / min(wa, wb) + 2 * ws / (wa + wb)) / 2
    return min(score, 1.0), len(shared)


def similarity(a_text: str, b_text: str, *, weights: Mapping[str, float] | None = None) -> float:
    """How alike two passages are in wording: 0 (nothing shared) to 1 (same words).

    ``weights`` optionally maps content terms to weights (default 1 each). See the module
    docstring for the method and how to read the score.

    >>> similarity("Talks resume in Madrid on Monday.", "Talks resume in Madrid on Monday!")
    1.0
    """
    return _similarity(_passage(a_text), _passage(b_text), weights)


def _similarity(
    a: tuple[set[str], dict[str, float], str],
    b: tuple[set[str], dict[str, float], str],
    weights: Mapping[str, float] | None,
) -> float:
    """``similarity`` of two passages as ``_passage`` gives them."""
    a_set, fa, a_words = a
    b_set, fb, b_words = b
    wording = fuzz.ratio(a_words, b_words) / 100
    if not a_set or not b_set:
        return round(wording, 6) if a_words and b_words else 0.0
    return _combined(wording, *_overlap(a_set, b_set, weights or {}, fa, fb))


def _combined(wording: float, overlap: float, n_shared: int) -> float:
    """``similarity`` of two passages with terms from their wording ratio, their weighted
    term overlap and their number of shared terms."""
    score = max(overlap, wording) if wording >= NEAR_VERBATIM_RATIO else overlap
    if n_shared < MIN_SHARED and wording < VERBATIM_RATIO:
        score *= (n_shared / MIN_SHARED) ** 2
    return round(score, 6)


def _combined_many(wording: np.ndarray, overlap: np.ndarray, n_shared: np.ndarray) -> list[float]:
    """``_combined`` of many passage pairs at once (numpy; the same values)."""
    score = np.where(wording >= NEAR_VERBATIM_RATIO, np.maximum(overlap, wording), overlap)
    few = (n_shared < MIN_SHARED) & (wording < VERBATIM_RATIO)
    if few.any():
        scale = np.array([(k / MIN_SHARED) ** 2 for k in range(MIN_SHARED)])
        score = np.where(few, score * scale[np.minimum(n_shared, MIN_SHARED - 1)], score)
    return [round(s, 6) for s in score.tolist()]


def match_kind(a_text: str, b_text: str) -> MatchKind:
    """Name the kind of match between two passages: ``verbatim`` (same words, whatever the
    punctuation and case), ``near_verbatim`` (wording ratio ≥ ``NEAR_VERBATIM_RATIO``, or one
    is a trimmed copy of the other) or ``paraphrase`` (anything else)."""
    return _match_kind(_wording(a_text), _wording(b_text))


def _match_kind(wa: str, wb: str) -> MatchKind:
    """``match_kind`` of two passages by their wording (``_wording``)."""
    ratio = fuzz.ratio(wa, wb) / 100
    if ratio >= VERBATIM_RATIO:
        return "verbatim"
    if ratio >= NEAR_VERBATIM_RATIO:
        return "near_verbatim"
    shorter = min(len(wa.split()), len(wb.split()))
    if shorter >= NEAR_MIN_WORDS and fuzz.partial_ratio(wa, wb) / 100 >= NEAR_PARTIAL_RATIO:
        return "near_verbatim"
    return "paraphrase"


class Passages:
    """What ``similarity`` and ``match_kind`` read of passages, kept for one long computation
    (``align``): plain dicts keyed by text, freed with the object. The module's caches are
    bounded (``lru_cache``): once a corpus has more distinct sentences than they hold, they
    evict what the next article pair needs again, and per-sentence work is redone per pair.
    What is not kept yet is asked of those caches (they serve repeated calls on a small
    corpus, in a notebook)."""

    def __init__(self) -> None:
        self._terms: dict[str, tuple[str, ...]] = {}
        self._passages: dict[str, tuple[set[str], dict[str, float], str]] = {}

    def terms(self, text: str) -> tuple[str, ...]:
        """``content_terms(text)``."""
        out = self._terms.get(text)
        if out is None:
            out = self._terms[text] = content_terms(text)
        return out

    def passage(self, text: str) -> tuple[set[str], dict[str, float], str]:
        """``_passage(text)``: the term set, name factors and wording."""
        out = self._passages.get(text)
        if out is None:
            out = (set(self.terms(text)), _name_factors(text), _wording(text))
            self._passages[text] = out
        return out

    def similarity(
        self, a_text: str, b_text: str, weights: Mapping[str, float] | None = None
    ) -> float:
        """``similarity(a_text, b_text, weights=weights)``."""
        return _similarity(self.passage(a_text), self.passage(b_text), weights)

    def match_kind(self, a_text: str, b_text: str) -> MatchKind:
        """``match_kind(a_text, b_text)``."""
        return _match_kind(self.passage(a_text)[2], self.passage(b_text)[2])
