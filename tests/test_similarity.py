"""similarity: the lexical pair scorer, its terms and its kinds."""

from __future__ import annotations

import pytest

from newskit import similarity
from newskit.reuse.similarity import DEFAULT_MIN_SCORE, content_terms, match_kind

AP = (
    "This will be the fourth round of discussions between U.S. and Chinese counterparts after "
    "meetings in London, Geneva and Stockholm."
)
NEWSLOOKS = (
    "According to the Treasury Department, this marks the fourth round of negotiations between "
    "American and Chinese delegations this year, following earlier meetings in London, Geneva, "
    "and Stockholm."
)
FLOOD_A = (
    "Heavy rain flooded the river valley on Tuesday, forcing hundreds of families to leave "
    "their homes."
)
FLOOD_B = (
    "Hundreds of families were forced from their homes on Tuesday after torrential rain "
    "flooded the valley along the river."
)
BANK = "The central bank kept interest rates unchanged and said inflation was slowing."


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        (FLOOD_A, FLOOD_A, 1.0, 1.0),  # identical
        ("The talks resume in Madrid.", "the talks resume in madrid!", 1.0, 1.0),  # re-punctuated
        (AP, NEWSLOOKS, DEFAULT_MIN_SCORE, 1.0),  # the paraphrase example
        (FLOOD_A, FLOOD_B, DEFAULT_MIN_SCORE, 1.0),  # a rewrite nobody here wrote
        (FLOOD_A, BANK, 0.0, 0.0),  # disjoint
        ("", FLOOD_A, 0.0, 0.0),  # empty
        ("Bessent met He.", "Bessent met Trump in Madrid.", 0.0, 0.5),  # two shared names only
    ],
)
def test_similarity_ranges(a: str, b: str, low: float, high: float) -> None:
    score = similarity(a, b)
    assert low <= score <= high
    assert similarity(b, a) == pytest.approx(score)


def test_rewrite_scores_above_same_topic_sentence() -> None:
    other = "The TikTok issue has become particularly sensitive for officials in London."
    assert similarity(AP, NEWSLOOKS) > similarity(AP, other) + 0.3


def test_weights_change_the_score() -> None:
    plain = similarity(FLOOD_A, FLOOD_B)
    # making the shared words nearly weightless drops the score
    light = {t: 0.01 for t in set(content_terms(FLOOD_A)) & set(content_terms(FLOOD_B))}
    assert similarity(FLOOD_A, FLOOD_B, weights=light) < plain


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("The U.S. and Chinese negotiations", ("us", "china", "talk")),
        ("United States officials", ("us", "official")),
        ("one-third of Americans", ("one-third", "one", "third", "us")),
        ("escalating escalation", ("increase", "increase")),
        ("the of and", ()),
    ],
)
def test_content_terms(text: str, terms: tuple[str, ...]) -> None:
    assert content_terms(text) == terms


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (FLOOD_A, FLOOD_A.upper().replace(",", ""), "verbatim"),
        (FLOOD_A, FLOOD_A.replace("Tuesday", "Wednesday"), "near_verbatim"),
        (
            FLOOD_A,
            "Officials said: " + FLOOD_A + " More rain is expected tonight.",
            "near_verbatim",
        ),
        (AP, NEWSLOOKS, "paraphrase"),
    ],
)
def test_match_kind(a: str, b: str, kind: str) -> None:
    assert match_kind(a, b) == kind


def test_passages_memo_gives_the_module_functions_values() -> None:
    from newskit.reuse.similarity import Passages

    memo = Passages()
    weights = {"talk": 0.3, "china": 2.0, "london": 0.5}
    for a, b in [(AP, NEWSLOOKS), (FLOOD_A, FLOOD_B), (FLOOD_A, BANK), ("", FLOOD_A)]:
        for _ in range(2):  # computed, then kept
            assert memo.terms(a) == content_terms(a)
            assert memo.similarity(a, b) == similarity(a, b)
            assert memo.similarity(a, b, weights) == similarity(a, b, weights=weights)
            assert memo.match_kind(a, b) == match_kind(a, b)
    assert memo.similarity(AP, NEWSLOOKS, weights) != memo.similarity(AP, NEWSLOOKS)


def test_word_table_emptied_when_full_gives_the_same_terms(monkeypatch) -> None:
    import sys

    module = sys.modules["newskit.reuse.similarity"]
    expected = [content_terms.__wrapped__(t) for t in (AP, NEWSLOOKS, FLOOD_A)]
    monkeypatch.setattr(module, "WORD_TABLE_SIZE", 3)
    module._WORD_TERMS.clear()
    got = [content_terms.__wrapped__(t) for t in (AP, NEWSLOOKS, FLOOD_A)]
    assert got == expected
    assert got[0] == ("fourth", "round", "talk", "us", "china", "official", "meet", "london",
                      "geneva", "stockholm")  # fmt: skip
    assert 0 < len(module._WORD_TERMS) <= 3
    module._WORD_TERMS.clear()
