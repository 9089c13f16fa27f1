"""align: aligned passages with raw offsets, on made-up texts and on the seeds."""

from __future__ import annotations

import pandas as pd
import pytest

from newskit import align
from newskit.corpus.segment import sentence_spans
from newskit.reuse.align import ALIGN_COLUMNS

AP, NL = "003_9f741c860b40ed27", "002_d09e47004eca7c4b"

RIVER = [
    "Heavy rain flooded the river valley on Tuesday, forcing hundreds of families to leave "
    "their homes.",
    "The regional governor declared a state of emergency and asked the army for boats.",
    "Forecasters expect more storms over the weekend, with the river still rising.",
]
# the same story rewritten by someone else, in another order
RIVER_REWRITE = [
    "Meteorologists warned that further storms are expected this weekend as the river keeps "
    "rising.",
    "Hundreds of families were forced from their homes on Tuesday after torrential rain "
    "flooded the valley along the river.",
    "A state of emergency was declared by the regional governor, who requested army boats.",
]
BANK = (
    "The central bank kept interest rates unchanged on Thursday. Its governor said inflation "
    "was slowing faster than expected. Markets rose after the decision."
)


def check_offsets(corpus, df: pd.DataFrame) -> None:
    for r in df.itertuples(index=False):
        assert corpus[r.a_id].raw[r.a_start : r.a_end] == r.a_text
        assert corpus[r.b_id].raw[r.b_start : r.b_end] == r.b_text


def test_seed_offsets_columns_and_order(seeds) -> None:
    df = align(seeds)
    assert list(df.columns) == ALIGN_COLUMNS
    assert len(df) > 20
    check_offsets(seeds, df)
    assert set(df["kind"]) <= {"verbatim", "near_verbatim", "paraphrase", "quote"}
    assert df["score"].between(0, 1).all()
    order = {i: k for k, i in enumerate(seeds.ids)}
    assert (df["a_id"].map(order) < df["b_id"].map(order)).all()


def test_identical_documents_align_verbatim(make_corpus) -> None:
    text = " ".join(RIVER)
    c = make_corpus({"a": text, "b": text})
    df = align(c)
    check_offsets(c, df)
    assert len(df) == 3
    assert (df["kind"] == "verbatim").all() and (df["score"] == 1.0).all()
    assert list(df["a_start"]) == list(df["b_start"])


def test_disjoint_documents_align_nothing(make_corpus) -> None:
    c = make_corpus({"a": " ".join(RIVER), "b": BANK})
    assert align(c).empty


def test_one_document_containing_another(make_corpus) -> None:
    c = make_corpus({"part": " ".join(RIVER), "whole": BANK + "\n\n" + " ".join(RIVER)})
    df = align(c)
    check_offsets(c, df)
    assert sorted(df["a_text"]) == sorted(RIVER)
    assert (df["a_text"] == df["b_text"]).all()


def test_reordered_rewrite_is_aligned_sentence_by_sentence(make_corpus) -> None:
    c = make_corpus({"orig": " ".join(RIVER), "rewrite": " ".join(RIVER_REWRITE)})
    df = align(c)
    check_offsets(c, df)
    pairs = {(r.a_text, r.b_text) for r in df.itertuples()}
    assert pairs == {
        (RIVER[0], RIVER_REWRITE[1]),
        (RIVER[1], RIVER_REWRITE[2]),
        (RIVER[2], RIVER_REWRITE[0]),
    }
    assert set(df["kind"]) == {"paraphrase"}


def test_trimmed_quote_gives_a_quote_row(make_corpus) -> None:
    long = (
        "“We will rebuild every bridge and every road, and we will not leave anyone behind,” "
        "the governor said on Tuesday."
    )
    short = "The governor promised: “we will not leave anyone behind.” Aid arrived later."
    c = make_corpus({"a": long, "b": short})
    df = align(c)
    check_offsets(c, df)
    quote = df[df["kind"] == "quote"]
    assert len(quote) == 1
    assert quote["b_text"].iloc[0] == "we will not leave anyone behind."
    assert "rebuild every bridge" in quote["a_text"].iloc[0]


@pytest.mark.parametrize(
    "texts",
    [
        {"a": " ".join(RIVER), "one": RIVER[0]},  # one-sentence article
        {"a": " ".join(RIVER), "dash": "— … —"},  # an article with no words at all
    ],
)
def test_tiny_articles(make_corpus, texts) -> None:
    c = make_corpus(texts)
    df = align(c)
    check_offsets(c, df)
    if "one" in texts:
        assert list(df["b_text"]) == [RIVER[0]] and list(df["kind"]) == ["verbatim"]
    else:
        assert df.empty


def test_min_score_and_method_are_checked(seeds) -> None:
    assert len(align(seeds, min_score=0.8)) < len(align(seeds))
    with pytest.raises(ValueError, match="method"):
        align(seeds, method="semantic")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="min_score"):
        align(seeds, min_score=1.5)


# --- acceptance on the seeds: AP (003) rewritten by Newslooks (002) -------------------------

# (start of the AP sentence, start of a Newslooks sentence that rewrites it), read by hand
AP_REWRITES = [
    ("U.S. Treasury Secretary Scott Bessent will", "Treasury Secretary Scott Bessent traveling"),
    ("Bessent is slated to meet", "U.S. Treasury Secretary Scott Bessent will meet"),
    ("This will be the fourth round", "According to the Treasury Department, this marks"),
    ("This will be the fourth round", "This marks the fourth round"),
    ("This will be the fourth round", "Fourth round of talks"),
    ("The two governments have agreed", "Both nations have paused"),
    ("During the last round of discussions in Stockholm", "During the Stockholm talks"),
    ("“We just need to de-risk", "“We talked about what we could do"),
    ("“We just need to de-risk", "Discussions cover strategic industries"),
    ("China remains one of the biggest", "While Washington has struck tariff agreements"),
    ("Congress approved a U.S. ban", "The U.S. Congress approved legislation"),
    ("President Donald Trump said last month", "Despite congressional pressure"),
    ("But Trump has so far extended", "President Donald Trump has repeatedly extended"),
    ("But Trump has so far extended", "Trump has extended TikTok’s sale deadline"),
    ("A Pew Research Center survey conducted", "A recent Pew Research Center survey"),
    ("A Pew Research Center survey conducted", "Pew survey: one-third"),
    ("The Treasury Department also says", "Bessent will also meet Spanish officials"),
    ("After his Spain trip", "Following the Madrid stop"),
    ("After his Spain trip", "After Spain, Bessent joins Trump"),
]


@pytest.fixture(scope="module")
def seed_alignment(seeds) -> pd.DataFrame:
    return align(seeds)


def _ap_newslooks(df: pd.DataFrame) -> pd.DataFrame:
    return df[(df["a_id"] == NL) & (df["b_id"] == AP) & (df["kind"] != "quote")]


@pytest.mark.parametrize(("ap", "nl"), AP_REWRITES)
def test_seed_rewrites_are_aligned(seed_alignment, ap: str, nl: str) -> None:
    sub = _ap_newslooks(seed_alignment)
    # a rewrite may be aligned alone or inside a two-sentence passage
    assert (
        sub["b_text"].str.contains(ap, regex=False) & sub["a_text"].str.contains(nl, regex=False)
    ).any()


def test_at_least_twelve_ap_sentences_aligned_to_their_rewrite(seeds, seed_alignment) -> None:
    sub = _ap_newslooks(seed_alignment)
    spans = list(zip(sub["b_start"], sub["b_end"], strict=True))
    covered = [
        s for s in sentence_spans(seeds[AP]) if any(a < s.end and s.start < b for a, b in spans)
    ]
    assert len(covered) >= 12


def test_split_sentence_is_aligned_as_one_passage(make_corpus) -> None:
    one = (
        "The regional governor declared a state of emergency on Tuesday and asked the army to "
        "send boats to the flooded villages."
    )
    two = (
        "On Tuesday the regional governor declared a state of emergency. He also asked the army "
        "to send boats to the villages that were flooded."
    )
    c = make_corpus({"one": one, "two": two})
    df = align(c)
    check_offsets(c, df)
    assert list(df["a_text"]) == [one] and list(df["b_text"]) == [two]


# pairs that read alike but are not reuse: they must not be reported
NOT_REUSE = [
    ("The U.S. and China delegations are also expected", "Delegations led by US Treasury"),
    ("The planned dialogue between Bessent and He", "The Treasury Department also says"),
    ("Treasury Secretary Scott Bessent traveling to Madrid", "Delegations led by US Treasury"),
    ("Congress approved a U.S. ban", "Treasury officials indicated"),
]


@pytest.mark.parametrize(("x", "y"), NOT_REUSE)
def test_seed_look_alikes_are_not_aligned(seed_alignment, x: str, y: str) -> None:
    df = seed_alignment
    both = (df["a_text"].str.startswith(x) & df["b_text"].str.startswith(y)) | (
        df["a_text"].str.startswith(y) & df["b_text"].str.startswith(x)
    )
    assert not both.any()


def test_single_article_corpus(make_corpus) -> None:
    c = make_corpus({"only": " ".join(RIVER)})
    df = align(c)
    assert df.empty and list(df.columns) == ALIGN_COLUMNS


def test_each_passage_is_read_once_per_call_whatever_the_caches(monkeypatch) -> None:
    """align keeps what similarity reads of each passage for the whole call (not only in the
    module's bounded caches, which thrash on large corpora): with those caches taken away,
    every passage's name factors are still computed once per call, and the rows are the
    same."""
    import sys
    from collections import Counter

    import newskit
    from newskit.synthetic import make_corpus

    module = sys.modules["newskit.reuse.similarity"]
    corpus = newskit.load_corpus(make_corpus(4, 4, seed=5, length="real").drop(columns=["story"]))
    expected = align(corpus)
    seen: Counter = Counter()
    uncached = module._name_factors.__wrapped__

    def counted(text: str) -> dict[str, float]:
        seen[text] += 1
        return uncached(text)

    monkeypatch.setattr(module, "_name_factors", counted)
    monkeypatch.setattr(module, "_passage", module._passage.__wrapped__)
    got = align(corpus)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert len(expected) > 20 and (expected["kind"] != "quote").sum() > 0
    assert len(seen) > 50 and max(seen.values()) == 1


def test_a_corpus_larger_than_a_part_aligns_in_parts_with_the_same_rows(monkeypatch):
    import importlib

    import newskit
    from newskit.synthetic import make_corpus

    align_module = importlib.import_module("newskit.reuse.align")  # the package exports align()

    frame = make_corpus(6, 4, seed=9)
    corpus = newskit.load_corpus(frame.drop(columns=["story"]))
    truth = dict(zip(frame["id"], frame["story"], strict=True))
    whole = newskit.align(corpus, stories=truth)
    seen: list[int] = []
    one_part = align_module._align_stories

    def counted(articles, *args):
        seen.append(len(articles))
        return one_part(articles, *args)

    monkeypatch.setattr(align_module, "PART_ARTICLES", 5)
    monkeypatch.setattr(align_module, "_align_stories", counted)
    parts = newskit.align(corpus, stories=truth)
    assert len(seen) == 5 and sum(seen) == len(corpus)  # 24 articles, parts of whole stories
    assert len(whole) > 50
    pd.testing.assert_frame_equal(whole, parts)
