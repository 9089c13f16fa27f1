"""Letters that case-insensitive patterns read as ASCII ("ſ" as "s", "ı" and "İ" as "i", the
Kelvin sign as "k"): a number word written with one is read as the word, never a ``KeyError``
from a word table, and every claim's offsets still give its surface ("İ".lower() alone is
two characters long)."""

from __future__ import annotations

import pytest

from newskit.claims.extract import claims_in_text
from newskit.resources import numbers

FOLDS = [("s", "\u017f"), ("i", "\u0131"), ("I", "\u0130"), ("k", "\u212a"), ("K", "\u212a")]


def _number_words() -> list[str]:
    words: set[str] = set()
    for name in dir(numbers):
        table = getattr(numbers, name)
        if isinstance(table, (dict, set, frozenset, tuple, list)) and table:
            words.update(w for w in table if isinstance(w, str) and w.replace(" ", "").isalpha())
    return sorted(words)


def test_the_word_tables_are_found():
    assert len(_number_words()) > 500


@pytest.mark.parametrize(
    "text, surface, kind, value",
    [
        ("It came \u017fecond in the race.", "\u017fecond", "ordinal", 2.0),
        ("It came SEC\u0130ND? No: TH\u0130RD in the race.", "TH\u0130RD", "ordinal", 3.0),
        ("Sales fell by a th\u0131rd of a point.", "a th\u0131rd", "fraction", 1 / 3),
    ],
)
def test_a_word_with_a_folded_letter_is_read_as_the_word(text, surface, kind, value):
    claims = claims_in_text(text)
    row = claims[claims["surface"] == surface]
    assert len(row) == 1, claims[["surface", "kind"]]
    assert row["kind"].iloc[0] == kind
    assert row["value"].iloc[0] == pytest.approx(value)


def test_offsets_after_a_dotted_capital_i_are_those_of_the_text():
    text = "In \u0130stanbul, prices rose 3 percent on Wednesday."
    claims = claims_in_text(text)
    assert list(claims["surface"]) == ["3 percent", "Wednesday"]
    for start, end, surface in zip(claims["start"], claims["end"], claims["surface"], strict=True):
        assert text[start:end] == surface


def test_every_number_word_with_a_folded_letter_reads_without_error():
    checked = 0
    for word in _number_words():
        for plain, folded in FOLDS:
            for form in {word, word.capitalize(), word.upper()}:
                odd = form.replace(plain, folded)
                if odd == form:
                    continue
                for text in (f"It came {odd} in the race.", f"{odd} of the 3 rose 4 {odd}."):
                    claims = claims_in_text(text)
                    for start, end, surface in zip(
                        claims.start, claims.end, claims.surface, strict=True
                    ):
                        assert text[start:end] == surface
                    checked += 1
    assert checked > 1000
