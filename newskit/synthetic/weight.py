"""What a set of article texts weighs: length, paragraphs, sentences and vocabulary.

``weigh(texts) -> dict`` gives the figures ``newskit.synthetic.body`` sets generated articles
on (``benchmarks/measure_weight.py`` prints them for real news and generated corpora side by
side): ``chars_median``, ``chars_p90``, ``chars_p99`` (article length in characters),
``paragraphs_median`` and ``paragraph_chars_median`` (non-empty lines), ``words_per_sentence``
(mean), ``distinct_per_word`` (distinct words over words, median per article),
``distinct_in_10k`` and ``distinct_in_100k`` (distinct words among the set's first 10,000 and
100,000 words; NaN when it has fewer), ``capitalised`` and ``numbers`` (shares of words).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d[\d,.]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def weigh(texts: Sequence[str]) -> dict[str, float]:
    """The figures of a set of article texts (keys in the module doc)."""
    lengths = sorted(len(t) for t in texts)

    def pct(p: float) -> int:
        return lengths[min(len(lengths) - 1, int(p * len(lengths)))]

    paragraphs = [[p for p in t.split("\n") if p.strip()] for t in texts]
    words_per_sentence = [
        len(_WORD.findall(s)) for t in texts for s in _SENTENCE_END.split(t) if s.strip()
    ]
    words = [_WORD.findall(t) for t in texts]
    flat = [w for ws in words for w in ws]
    seen: set[str] = set()
    growth = {}
    for i, w in enumerate(flat, 1):
        seen.add(w.lower())
        if i in (10_000, 100_000):
            growth[i] = len(seen)
    return {
        "articles": len(texts),
        "chars_median": pct(0.5),
        "chars_p90": pct(0.9),
        "chars_p99": pct(0.99),
        "paragraphs_median": statistics.median(len(p) for p in paragraphs),
        "paragraph_chars_median": statistics.median(len(p) for ps in paragraphs for p in ps),
        "words_per_sentence": statistics.mean(words_per_sentence),
        "distinct_per_word": statistics.median(
            len({w.lower() for w in ws}) / len(ws) for ws in words if ws
        ),
        "distinct_in_10k": growth.get(10_000, float("nan")),
        "distinct_in_100k": growth.get(100_000, float("nan")),
        "capitalised": sum(w[0].isupper() for w in flat) / len(flat),
        "numbers": sum(w[0].isdigit() for w in flat) / len(flat),
    }
