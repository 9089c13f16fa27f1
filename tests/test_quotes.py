"""shared_quotes: quotations found in two or more articles, trimmed or re-punctuated."""

from __future__ import annotations

import pytest

from newskit import shared_quotes
from newskit.reuse.quotes import QUOTE_COLUMNS, quotations, quotes_match

LONG = (
    "“We will rebuild every bridge and every road, and we will not leave anyone behind,” "
    "Governor Ana Ruiz said on Tuesday."
)
TRIMMED = "Officials promised to help. “We will not leave anyone behind,” said Ana Ruiz."
REPUNCT = (
    'Ruiz added: "we will rebuild every bridge, and every road; and we will not leave anyone '
    'behind"'
)
OTHER = "“Markets will decide,” the banker said. Rates stayed where they were."


def check_offsets(corpus, df) -> None:
    for r in df.itertuples(index=False):
        assert corpus[r.article_id].raw[r.start : r.end] == r.text


def test_trimmed_and_repunctuated_quotes_match(make_corpus) -> None:
    c = make_corpus({"a": LONG, "b": TRIMMED, "c": REPUNCT, "d": OTHER})
    df = shared_quotes(c)
    assert list(df.columns) == QUOTE_COLUMNS
    check_offsets(c, df)
    assert list(df["article_id"]) == ["a", "b", "c"]
    assert set(df["quote_id"]) == {0} and set(df["n_articles"]) == {3}
    assert df.loc[df["article_id"] == "b", "text"].item() == "We will not leave anyone behind"
    assert set(df["speaker"]) == {"Governor Ana Ruiz", "Ana Ruiz", "Ruiz"}


def test_quote_in_one_article_only_is_not_shared(make_corpus) -> None:
    assert shared_quotes(make_corpus({"a": LONG, "d": OTHER})).empty


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The river is rising fast,” Mayor Tom Hale said.", "Mayor Tom Hale"),
        ("“The river is rising fast,” said Tom Hale, the mayor.", "Tom Hale"),
        ("Hale described the river as “rising fast and wide.”", "Hale"),
        ("“The river is rising fast,” he said.", None),
        ("According to Tom Hale, the river was “rising fast and wide.”", "Tom Hale"),
    ],
)
def test_speaker(make_corpus, text: str, speaker: str | None) -> None:
    c = make_corpus({"a": text})
    (q,) = quotations(c["a"])
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            "we will not leave anyone behind",
            "we will rebuild and we will not leave anyone behind",
            True,
        ),
        ("very fulsome", "very fulsome", True),
        ("very fulsome", "very close", False),
        ("", "very close", False),
    ],
)
def test_quotes_match(a: str, b: str, same: bool) -> None:
    assert quotes_match(a, b) is same


def test_seed_quotes(seeds) -> None:
    df = shared_quotes(seeds)
    check_offsets(seeds, df)
    # AP's long Bessent quote is trimmed by Newslooks; "very fulsome" is in both
    assert set(df["article_id"]) == {"002_d09e47004eca7c4b", "003_9f741c860b40ed27"}
    assert df["text"].str.startswith("We talked about").any()
    assert df["text"].str.startswith("We just need to de-risk").any()
    assert (df["speaker"] == "Bessent").all()
