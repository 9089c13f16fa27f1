"""The one place that calls text2num: an integer written in words → its value.

Evaluated on our own compounds (``tests/test_claims_numbers.py``): text2num's ``text2num`` is
right for every integer we tried ("three hundred and thirty-one" → 331, "twenty five thousand"
→ 25000, "two thousand and five" → 2005, "forty two" → 42), so newskit uses it for the integer
part. It is wrong or silent elsewhere, where newskit's own grammar reads the number: it has no
fractions ("two and a half million", "forty two and a third" raise), no "a" as one ("a
hundred", "a million" raise), no "dozen", no signs ("minus five" raises), and ``alpha2digit``
turns "a third" into "a 3rd" and leaves "one" alone. Each of these is a test.
"""

from __future__ import annotations

from functools import lru_cache

from text_to_num import text2num


@lru_cache(maxsize=4096)
def words_to_int(words: str) -> int | None:
    """An English integer in words ("three hundred and thirty-one") → 331; None when text2num
    cannot read it (not a number, or a form it does not know, e.g. "a hundred")."""
    try:
        return int(text2num(" ".join(words.lower().split()), "en"))
    except (ValueError, TypeError, IndexError):
        return None
