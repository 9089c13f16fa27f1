"""The one place newskit calls wordfreq (the ``wordfreq`` package): how common a word is in
general English.

Story grouping weighs a word by how rare it is in the corpus (IDF). In a small corpus, or one of
a few stories, the corpus alone cannot tell an everyday word (*said*, *workers*, *plant*) from a
telling one (*Klitschko*, *Hokkaido*): both occur in a handful of articles. ``general_share``
gives the share of general news articles expected to contain each word, from wordfreq's English
word frequencies (its ``small`` list: every word with a frequency of at least one in a million;
rarer words count as 0). An article of ``ARTICLE_WORDS`` words contains a word of frequency
``f`` with probability ``1 - exp(-ARTICLE_WORDS * f)`` (words taken as independent draws).

wordfreq ships its data in the package (no download); its data are CC-BY-SA 4.0, its code
Apache-2.0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

# Words in a typical news article (the length that turns a word frequency into the share of
# articles that contain the word).
ARTICLE_WORDS = 500


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", wordlist="small")


def general_share(terms: Iterable[str]) -> dict[str, float]:
    """``{term: share of general English news articles expected to contain it}`` (0–1).

    A term of several words (a two-word name) or one wordfreq does not list gets 0: it tells
    stories apart as if no unrelated article used it."""
    freq = _frequencies()
    out = {}
    for t in terms:
        f = 0.0 if " " in t else freq.get(t, 0.0)
        out[t] = 1.0 - math.exp(-ARTICLE_WORDS * f) if f else 0.0
    return out
