"""Sentences and tokens: boundaries, abbreviations, quotes, dashes, hyphens, headings, bullets."""

from __future__ import annotations

import pytest

import newskit
from newskit.corpus.records import Article


def _article(text: str) -> Article:
    return Article("t", None, None, None, None, text, text)


def _sents(text: str) -> list[str]:
    return list(newskit.sentences([_article(text)]).text)


def _toks(text: str) -> list[str]:
    return list(newskit.tokens([_article(text)]).text)


def test_seed_003_real_sentences(seeds):
    sents = newskit.sentences([seeds["003_9f741c860b40ed27"]])
    texts = list(sents.text)
    assert len(texts) == 15
    assert texts[2] == (
        "This will be the fourth round of discussions between U.S. and Chinese counterparts "
        "after meetings in London, Geneva and Stockholm."
    )
    assert texts[7] == (
        "The U.S. and China delegations are also expected to continue discussions about "
        "ownership of TikTok."
    )
    assert texts[4].endswith('as " very fulsome."')
    assert texts[5].startswith("“We just need to de-risk") and texts[5].endswith(
        "Bessent said at the time."
    )
    assert texts[14].startswith("After his Spain trip") and "U.K. to join Trump" in texts[14]
    assert not sents.is_heading.any()


def test_seed_002_headings_and_bullets(seeds):
    sents = newskit.sentences([seeds["002_d09e47004eca7c4b"]])
    headings = list(sents[sents.is_heading].text)
    assert headings[:3] == [
        "Bessent’s Madrid Talks on Trade and TikTok: Quick Looks",
        "Bessent to Meet Chinese Officials in Spain for TikTok, Trade Talks",
        "Deep Look",
    ]
    assert "Fourth Round of U.S.-China Negotiations" in headings
    texts = list(sents.text)
    assert (
        "Treasury Secretary Scott Bessent traveling to Madrid for U.S.-China negotiations." in texts
    )
    assert "After Spain, Bessent joins Trump in the U.K. for a state visit." in texts
    assert not any(t.startswith("- ") for t in texts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Chan met Gov. Newsom on Jan. 5. They talked.", ["Dr. Chan met Gov. Newsom on Jan. 5.", "They talked."]),
        ("The deadline is Sept. 17 for the sale. It may move.", ["The deadline is Sept. 17 for the sale.", "It may move."]),
        ("He flew to the U.S. The talks began.", ["He flew to the U.S.", "The talks began."]),
        ("U.K. officials met U.S. envoys. Nothing changed.", ["U.K. officials met U.S. envoys.", "Nothing changed."]),
        ("“We will win,” she said. Then she left.", ["“We will win,” she said.", "Then she left."]),
        ('"It is done." He left.', ['"It is done."', "He left."]),
        ("He said “it is over.” Markets fell!", ["He said “it is over.”", "Markets fell!"]),
        ("Is it over? Maybe. 2025 was hard.", ["Is it over?", "Maybe.", "2025 was hard."]),
        ("Written by J. Mansour for the desk. Next.", ["Written by J. Mansour for the desk.", "Next."]),
        ("Rates rose 3.5 percent. Shares fell.", ["Rates rose 3.5 percent.", "Shares fell."]),
        ("A soft\nwrapped line ends here. New one.", ["A soft\nwrapped line ends here.", "New one."]),
    ],
)  # fmt: skip
def test_sentence_boundaries_made_up(text, expected):
    assert _sents(text) == expected


def test_headings_and_bullets_made_up():
    text = "Key Points\n- First item here.\n• Second item\nBody text follows. More text."
    sents = newskit.sentences([_article(text)])
    assert list(sents.text) == [
        "Key Points",
        "First item here.",
        "Second item",
        "Body text follows.",
        "More text.",
    ]
    assert list(sents.is_heading) == [True, False, False, False, False]


@pytest.mark.parametrize(
    "word",
    ["one-third", "90-day", "face-to-face", "tit-for-tat", "high-stakes", "U.S.-China", "U.S.",
     "U.K.", "Sept.", "Jan.", "Dr.", "there’s", "weren't", "50%", "12-18", "2,000", "3.5"],
)  # fmt: skip
def test_tokens_kept_whole_made_up(word):
    assert word in _toks(f"They said {word} was key.")


@pytest.mark.parametrize(
    ("article", "words"),
    [
        ("000", ["face-to-face", "Sept.", "90-day", "Trump-Xi", "12-18"]),
        ("002", ["U.S.-China", "one-third", "50%", "de-risk"]),
        ("003", ["U.S.", "U.K.", "90-day", "one-third", "weren't", "there’s"]),
        ("004", ["tit-for-tat", "high-stakes", "US-China"]),
    ],
)
def test_tokens_on_seeds(seeds, article, words):
    art = next(a for a in seeds if a.id.startswith(article))
    toks = set(newskit.tokens([art]).text)
    for w in words:
        assert w in toks


def test_dashes_and_quotes_are_separate_tokens():
    toks = newskit.tokens([_article("Trade—and tariffs – rose “sharply” -- again.")])
    assert list(toks.text) == ["Trade", "—", "and", "tariffs", "–", "rose", "“", "sharply", "”",
                               "--", "again", "."]  # fmt: skip
    assert list(toks.is_word) == [True, False, True, True, False, True, False, True, False,
                                  False, True, False]  # fmt: skip


def test_token_norm_and_ids():
    toks = newskit.tokens([_article("Bessent’s U.S.‑China plan. Next")])
    assert list(toks.norm) == ["bessent's", "u.s.-china", "plan", ".", "next"]
    assert list(toks.sent_id) == [0, 0, 0, 0, 1]
    assert list(toks.tok_id) == [0, 1, 2, 3, 4]


def test_no_span_crosses_a_removal(make_corpus):
    art = make_corpus({"a": "Markets fell sharply\nAdvertisement\ntoday in Asia."})["a"]
    sents = newskit.sentences([art])
    assert list(sents.text) == ["Markets fell sharply", "today in Asia."]
    for row in sents.itertuples():
        assert "Advertisement" not in art.raw[row.start : row.end]


def test_empty_corpus_frames_have_columns():
    assert list(newskit.sentences([]).columns) == [
        "article_id", "sent_id", "start", "end", "text", "is_heading"]  # fmt: skip
    assert list(newskit.tokens([]).columns) == [
        "article_id", "sent_id", "tok_id", "start", "end", "text", "norm", "is_word"]  # fmt: skip


def test_over_long_sentence_is_cut_at_the_bound():
    from newskit.corpus.segment import MAX_SENTENCE_CHARS

    words = [f"word{i % 97}" for i in range(2500)]  # ~15,000 chars, no punctuation at all
    text = " ".join(words)
    art = _article(text)
    sents = newskit.sentences([art])
    assert len(sents) > 1
    assert sents["text"].str.len().max() <= MAX_SENTENCE_CHARS
    assert sents["text"].str.len()[:-1].min() >= MAX_SENTENCE_CHARS // 2  # cut near the bound
    assert " ".join(sents.text).split() == words  # nothing lost, no word cut in two
    for row in sents.itertuples():
        assert art.raw[row.start : row.end] == row.text
    toks = newskit.tokens([art])
    assert list(toks.text) == words


def test_over_long_run_without_spaces_is_cut_hard():
    from newskit.corpus.segment import MAX_SENTENCE_CHARS

    text = "x" * (MAX_SENTENCE_CHARS * 2 + 10)
    sents = newskit.sentences([_article(text)])
    assert list(sents.text.str.len()) == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 10]


def test_sentences_under_the_bound_are_untouched():
    text = "A short one. " + "Long " * 150 + "end. Last."
    assert _sents(text) == ["A short one.", ("Long " * 150 + "end.").strip(), "Last."]


def test_abbreviation_periods_merge_on_a_long_single_line():
    # many abbreviations on one line: each merged, the sentence-final ones not
    text = " ".join(["Dr. Chan met Gov. Lee on Jan. 5 in the U.S. today."] * 400)
    toks = newskit.tokens([_article(text)])
    assert (toks.text == "Dr.").sum() == 400
    assert (toks.text == "Gov.").sum() == 400
    assert (toks.text == "Jan.").sum() == 400
    assert (toks.text == ".").sum() == 400
    assert toks.tok_id.tolist() == list(range(len(toks)))


def test_token_columns_are_article_tokens_by_field(seeds) -> None:
    from newskit.corpus.segment import article_tokens, token_columns

    for article in seeds:
        toks = article_tokens(article)
        cols = token_columns(article)
        assert len(toks) > 100
        for field in ("sent_id", "start", "end", "text", "norm", "is_word"):
            assert getattr(cols, field) == tuple(getattr(t, field) for t in toks), field
        assert all(
            article.raw[s:e] == t for s, e, t in zip(cols.start, cols.end, cols.text, strict=True)
        )
