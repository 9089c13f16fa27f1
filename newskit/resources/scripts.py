"""Scripts written without spaces between words, and how many characters make a word in each.

``newskit.corpus.html.word_count`` counts a text's length in words for every script: words
separated by spaces are counted one by one; characters of the scripts below (which put no space
between words) are counted and divided by ``chars_per_word``, the rough length of a word in that
script, so that a page of 650 Chinese characters counts as about 430 words, not as the handful
of space-separated runs it holds. The figures are rough averages (Chinese words are one to two
characters long, Japanese mixes kanji and kana, Thai and the other Southeast Asian scripts write
vowels and tone marks as characters of their own); they only decide whether a page holds an
article at all, never an analysis.
"""

from __future__ import annotations

from typing import NamedTuple


class UnspacedScript(NamedTuple):
    """A script written without spaces: ``name``, its ``ranges`` (the inside of a regex
    character class), ``chars_per_word`` and an ``example`` word written in it."""

    name: str
    ranges: str
    chars_per_word: float
    example: str


UNSPACED_SCRIPTS: tuple[UnspacedScript, ...] = (
    UnspacedScript(
        "Han",
        "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff",
        1.5,
        "政府",  # "government" (Chinese; also Japanese kanji)
    ),
    UnspacedScript("Kana", "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f", 2.0, "ニュース"),
    UnspacedScript("Thai", "\u0e00-\u0e7f", 5.0, "รัฐบาล"),
    UnspacedScript("Lao", "\u0e80-\u0eff", 5.0, "ລັດຖະບານ"),
    UnspacedScript("Khmer", "\u1780-\u17ff", 5.0, "រដ្ឋាភិបាល"),
    UnspacedScript("Myanmar", "\u1000-\u109f", 5.0, "အစိုးရ"),
    UnspacedScript("Tibetan", "\u0f00-\u0fff", 4.0, "གཞུང་"),
)
