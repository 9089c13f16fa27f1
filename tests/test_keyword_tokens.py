"""The word tokens keyphrase merging caches per article: what they hold, and that the garbage
collector leaves them alone (issue 24: tracked, they made every full collection walk each one,
about half of the keyword stage's own time on real-size articles)."""

from __future__ import annotations

import gc
import importlib

# The module, not the function of the same name that newskit re-exports.
keyphrases = importlib.import_module("newskit.keywords.keyphrases")


def test_tokens_are_raw_spans_with_their_roles(seeds) -> None:
    for article in seeds:
        words = keyphrases._words(article.raw, article.kept)
        toks = [t for seg in words.segments for t in seg]
        assert len(toks) > 100
        for t in toks:
            start, end, surface = t[keyphrases._START], t[keyphrases._END], t[keyphrases._SURFACE]
            assert article.raw[start:end] == surface  # a possessive's "'s" is a token of its own
            assert t[keyphrases._ROLE] in (
                keyphrases._BREAK,
                keyphrases._NAME,
                keyphrases._COMMON,
                keyphrases._NAME_STOP,
            )
    bessent = [
        t
        for a in seeds
        for seg in keyphrases._words(a.raw, a.kept).segments
        for t in seg
        if t[keyphrases._SURFACE] == "Bessent"
    ]
    assert bessent and all(t[keyphrases._ROLE] == keyphrases._NAME for t in bessent)


def test_cached_tokens_are_not_tracked_by_the_garbage_collector(seeds) -> None:
    article = seeds[0]
    words = keyphrases._words(article.raw, article.kept)
    gc.collect()  # a collection untracks plain tuples of strings, numbers and booleans
    toks = [t for seg in words.segments for t in seg]
    assert toks and all(type(t) is tuple for t in toks)
    assert not any(gc.is_tracked(t) for t in toks)
    assert not any(gc.is_tracked(seg) for seg in words.segments)
