"""The one place newskit calls YAKE: ``yake-rust`` where it is installed, the ``yake`` package
otherwise (and for the few texts ``yake-rust`` would read differently).

``ngram_scores(text, options)`` runs YAKE once on a text and returns the score of every candidate
n-gram YAKE considered (lower is better, as in YAKE), keyed by the n-gram in lower case with
words joined by single spaces. Results are cached per ``(text, options)``: changing anything
that is not a YAKE input (top-k, outlets shown, the dedup threshold, which newskit applies
itself with ``similarity``) never reruns YAKE.

``yake-rust`` (Python bindings of a Rust port of YAKE) scores a news article about seven times
faster than ``yake``. Both are given the same stopwords and options; the few words the two read
differently are rewritten first (``newskit.keywords.yake_rust_input``), so that every
candidate gets the same score from either backend (to 1e-15 on the seeds and the real-news
calibration sets; ``tests/test_yake_backends.py``). ``BACKEND`` names the backend in use;
``NEWSKIT_YAKE=yake`` in the environment forces the ``yake`` package. Scores are rounded to
``SCORE_DIGITS`` significant digits, so that a text gets the same scores in every process.

YAKE's own deduplication is switched off here (``dedup_lim=1.0``): newskit merges candidates
into whole phrases first and then deduplicates the phrases with YAKE's similarity function,
under the threshold the caller gives.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from types import MappingProxyType
from typing import Any, Literal

import yake

from newskit.keywords import yake_rust_input
from newskit.parallel import map_articles

try:  # a compiled wheel; where none exists for the platform, yake alone does the work
    import yake_rust
except ImportError:  # pragma: no cover - exercised where the wheel is missing
    yake_rust = None

CACHE_SIZE = 8192
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})
_ALL = 10**9  # "every candidate" for YAKE's top


@dataclass(frozen=True)
class YakeOptions:
    """The YAKE settings that change its scores (so they key the cache).

    ``max_ngram`` is YAKE's ``n``; ``window_size`` its co-occurrence window; ``lan`` picks its
    stopword list; ``stopwords`` replaces it (a frozenset, or ``None`` for YAKE's own).
    """

    max_ngram: int = 3
    window_size: int = 1
    lan: str = "en"
    stopwords: frozenset[str] | None = None


DedupFunc = Literal["seqm", "jaro", "levs"]


def make_options(max_ngram: int = 3, **yake_options: Any) -> tuple[YakeOptions, float, str]:
    """Split keyword options into ``(YakeOptions, dedup_lim, dedup_func)``.

    Accepts YAKE's own names: ``n`` (same as ``max_ngram``), ``window_size``, ``lan``,
    ``stopwords``, ``dedup_lim`` (0-1; 1 keeps near-duplicates), ``dedup_func``. Anything else
    raises ``TypeError`` naming it.
    """
    known = {"n", "window_size", "windowsSize", "lan", "stopwords", "dedup_lim", "dedup_func"}
    unknown = set(yake_options) - known
    if unknown:
        raise TypeError(
            f"unknown YAKE option(s) {sorted(unknown)}; use max_ngram, window_size, lan, "
            "stopwords, dedup_lim or dedup_func"
        )
    n = int(yake_options.get("n", max_ngram))
    if n < 1:
        raise ValueError(f"max_ngram must be at least 1, not {n}")
    window = int(yake_options.get("window_size", yake_options.get("windowsSize", 1)))
    stop = yake_options.get("stopwords")
    dedup_lim = float(yake_options.get("dedup_lim", 0.9))
    if not 0.0 <= dedup_lim <= 1.0:
        raise ValueError(f"dedup_lim must be between 0 and 1, not {dedup_lim}")
    dedup_func = str(yake_options.get("dedup_func", "seqm"))
    opts = YakeOptions(
        max_ngram=n,
        window_size=window,
        lan=str(yake_options.get("lan", "en")),
        stopwords=frozenset(w.lower() for w in stop) if stop is not None else None,
    )
    return opts, dedup_lim, dedup_func


def ngram_scores(text: str, options: YakeOptions | None = None) -> Mapping[str, float]:
    """YAKE's score for every candidate n-gram of ``text`` (lower is better), cached.

    Keys are lower-case n-grams as YAKE tokenises them (``"treasury secretary scott"``); YAKE
    skips n-grams with digits or inner punctuation and those edged by its stopwords.
    """
    return ngram_scores_many([text], options)[0]


def ngram_scores_many(
    texts: Sequence[str],
    options: YakeOptions | None = None,
    *,
    n_jobs: int = 1,
    progress: bool | None = None,
    store: bool = True,
) -> list[Mapping[str, float]]:
    """``ngram_scores`` for many texts; texts not yet cached are scored in ``n_jobs`` processes
    (``-1``: one per core; ``newskit.parallel.map_articles``), in order, and cached (unless
    ``store`` is false: a worker process that keeps only what it makes of the scores). A
    progress bar shows on long runs (``progress`` forces it on or off)."""
    options = options or YakeOptions()
    hits: dict[str, Mapping[str, float]] = {}
    for t in dict.fromkeys(texts):
        key = (t, options)
        if key in _CACHE:
            _CACHE.move_to_end(key)
            hits[t] = _CACHE[key]
    todo = [t for t in dict.fromkeys(texts) if t not in hits]
    scored = map_articles(
        partial(_run_counted, options),
        todo,
        n_jobs=n_jobs,
        desc="keywords (YAKE)",
        progress=progress,
    )
    fresh = {t: MappingProxyType(s) for t, s in zip(todo, scored, strict=True)}
    if store:
        for t, s in fresh.items():
            _store(t, options, s)
    # Answer from what was found and computed, not from the cache: a batch larger than the
    # cache evicts its own first texts, which used to be scored again one by one.
    return [hits[t] if t in hits else fresh[t] for t in texts]


def yake_input(text: str) -> str:
    """The text as handed to YAKE: curly apostrophes and Unicode hyphens made plain, so that
    YAKE splits possessives (``TikTok’s`` → ``TikTok``) like newskit does."""
    return text.translate(_APOSTROPHES)


_CACHE: OrderedDict[tuple[str, YakeOptions], Mapping[str, float]] = OrderedDict()
# How many times YAKE itself ran (tests check the cache with it), and how many of those runs
# the ``yake`` package made because ``yake-rust`` would have read the text differently.
RUNS = {"yake": 0, "python": 0}
Backend = Literal["yake-rust", "yake"]


def default_backend() -> Backend:
    """``"yake-rust"`` when its wheel is installed (and ``NEWSKIT_YAKE`` is not ``yake``),
    else ``"yake"``."""
    if yake_rust is None or os.environ.get("NEWSKIT_YAKE", "").lower() == "yake":
        return "yake"
    return "yake-rust"


BACKEND: Backend = default_backend()


def _store(text: str, options: YakeOptions, scores: Mapping[str, float]) -> None:
    if not isinstance(scores, MappingProxyType):
        scores = MappingProxyType(dict(scores))
    _CACHE[(text, options)] = scores
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)


@lru_cache(maxsize=32)
def _extractor(options: YakeOptions) -> yake.KeywordExtractor:
    return yake.KeywordExtractor(
        lan=options.lan,
        n=options.max_ngram,
        dedup_lim=1.0,
        window_size=options.window_size,
        top=_ALL,
        stopwords=set(options.stopwords) if options.stopwords is not None else None,
    )


def _run(text: str, options: YakeOptions, backend: Backend | None = None) -> dict[str, float]:
    RUNS["yake"] += 1
    scores = run_rust(text, options) if (backend or BACKEND) == "yake-rust" else None
    if scores is None:
        RUNS["python"] += 1
        scores = run_python(text, options)
    # _rounded of every score, without a Python call per score (texts have hundreds)
    return dict(zip(scores, map(float, map(_SCORE_FORMAT, scores.values())), strict=True))


def _rounded(score: float) -> float:
    """``score`` to ``SCORE_DIGITS`` significant digits: yake-rust adds its terms in an order
    that changes from one process to the next (Rust's hash maps are seeded per process), so its
    last digit or two vary between runs; rounded, the same text gets the same scores."""
    return float(_SCORE_FORMAT(score))


#: Significant digits kept of every YAKE score (see ``_rounded``).
SCORE_DIGITS = 10
_SCORE_FORMAT = f"%.{SCORE_DIGITS}g".__mod__  # printf's %g: what f"{score:.10g}" writes


def run_python(text: str, options: YakeOptions | None = None) -> dict[str, float]:
    """Every candidate's score from the ``yake`` package (no cache)."""
    pairs = _extractor(options or YakeOptions()).extract_keywords(yake_input(text))
    return {kw.lower(): float(score) for kw, score in pairs}


def run_rust(text: str, options: YakeOptions | None = None) -> dict[str, float] | None:
    """Every candidate's score from ``yake-rust`` (no cache), or ``None`` for a text it would
    read differently from ``yake`` (``newskit.keywords.yake_rust_input``)."""
    options = options or YakeOptions()
    stopwords = _stopwords(options)
    prepared = yake_rust_input.prepare(yake_rust_input.yake_text(yake_input(text)), stopwords)
    if prepared is None:
        return None
    if prepared.add or prepared.drop:
        extractor = _rust_extractor(options, (stopwords | prepared.add) - prepared.drop)
    else:
        extractor = _rust_extractor(options, stopwords)
    keymap = prepared.keymap
    out: dict[str, float] = {}
    for kw, score in extractor.get_n_best(prepared.text, n=_ALL):
        kw = kw.lower()
        if keymap:
            kw = " ".join(keymap.get(w, w) for w in kw.split(" "))
        out[kw] = score
    return out


def _run_counted(options: YakeOptions, text: str) -> dict[str, float]:
    # Counts runs in this process only; runs in worker processes are counted there.
    return _run(text, options)


@lru_cache(maxsize=32)
def _stopwords(options: YakeOptions) -> frozenset[str]:
    """The stopwords ``yake`` uses for these options (``yake-rust`` is given the same)."""
    return frozenset(_extractor(options).stopword_set)


@lru_cache(maxsize=64)
def _rust_extractor(options: YakeOptions, stopwords: frozenset[str]) -> Any:
    return yake_rust.Yake(
        stopwords=set(stopwords),
        ngrams=options.max_ngram,
        window_size=options.window_size,
        remove_duplicates=False,
    )


def similarity(a: str, b: str, func: str = "seqm") -> float:
    """YAKE's string similarity (0-1) between two phrases, as its deduplication uses it."""
    ex = _similarity_extractor(func)
    return float(ex.dedup_function(a, b))


@lru_cache(maxsize=8)
def _similarity_extractor(func: str) -> yake.KeywordExtractor:
    return yake.KeywordExtractor(dedup_func=func, top=1, stopwords=set())


def clear_cache() -> None:
    """Forget every cached YAKE result (benchmarks call this to time cold runs)."""
    _CACHE.clear()
