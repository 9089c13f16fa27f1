"""yake-rust and the yake package give every candidate the same score, and newskit the same
keywords: on the seeds, on generated articles and on the real-news calibration sets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import newskit
from newskit.keywords import yake_adapter, yake_rust_input
from newskit.keywords.keyphrases import _yake_text
from newskit.synthetic import make_corpus

pytestmark = pytest.mark.skipif(
    yake_adapter.yake_rust is None, reason="yake-rust has no wheel for this platform"
)

HERE = Path(__file__).resolve().parent
REALNEWS = next(
    (p for p in [d / "shared" / "realnews" for d in HERE.parents] if p.is_dir()),
    HERE.parent.parent / "shared" / "realnews",
)
REL = 1e-13  # measured: at most 4e-15 (the two sum the same terms in another order)


def assert_same_scores(text: str) -> None:
    rust = yake_adapter.run_rust(text)
    python = yake_adapter.run_python(text)
    assert rust is not None
    assert rust.keys() == python.keys()
    for key, score in python.items():
        assert rust[key] == pytest.approx(score, rel=REL, abs=0), key


def backend_keywords(corpus, backend: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(yake_adapter, "BACKEND", backend)
    yake_adapter.clear_cache()
    try:
        return newskit.keywords(corpus)
    finally:
        yake_adapter.clear_cache()


def top10_sets(frame) -> dict[str, list[tuple[float, frozenset[str]]]]:
    """Per article, its top 10 as groups of keywords of one score (tie order aside)."""
    out: dict[str, dict[float, set[str]]] = {}
    for row in frame.itertuples():
        out.setdefault(row.article_id, {}).setdefault(round(row.score, 12), set()).add(row.keyword)
    return {a: sorted((s, frozenset(k)) for s, k in g.items()) for a, g in out.items()}


def test_seeds_score_alike(seeds) -> None:
    for article in seeds:
        assert_same_scores(_yake_text(article))


@pytest.mark.parametrize(
    "text",
    [
        # two marks of one kind: yake discards the word, yake-rust would not
        "Officials met face-to-face in Madrid. The face-to-face meeting lasted an hour.",
        "The U.S. Treasury and the U.K. Treasury met. U.S. officials said the U.S. side "
        "agreed, e.g. on tariffs.",
        "The vote ends at 5 p.m. local time. By 6 p.m. Officials counted. Polls close at 8 p.m.",
        "His record fell to 45-7-2 after the fight. The 45-7-2 record still stands.",
        "Visit seattlepi.com. Readers of seattlepi.com wrote in. The F.A.A. said so. F.A.A.",
        # a stopword's plural met first or second
        "The changes were approved. One change was rejected. Changes follow.",
        "One change was rejected. The changes were approved. A change follows.",
        # words Rust reads as numbers
        "Infinity Ward released a game. The nan bread was warm. Inf. Col. Inf said so.",
        # capitals with a mark: an acronym to yake
        "ITAR-TASS reported the strike. Itar-Tass said more. ITAR-TASS's editor agreed.",
        "The story ran on TMZ. com. Fans read TMZ. He told CNN. Then CNN. and others.",
        # addresses, one word to segtok
        "Send tips to tips@the-sun.co.uk today. See https://t.co/FeITuw0h for more. "
        "Harambe! https://t.co/FeITuw0h Reporters wrote about the story.",
        "Trading on (NASDAQ:TSLA) rose. Tesla shares rose again. NYSE:BA fell.",
    ],
)
def test_words_read_alike_after_rewriting(text: str) -> None:
    assert yake_rust_input.prepare(
        yake_rust_input.yake_text(yake_adapter.yake_input(text)),
        yake_adapter._stopwords(yake_adapter.YakeOptions()),
    )
    assert_same_scores(text)


@pytest.mark.parametrize(
    "text",
    [
        "Fans chanted Klitschko! stirred. Klitschko won the fight easily in Bern.",
        "The whole virtual reality thing . . . it really is demonic. Virtual reality is here.",
    ],
)
def test_texts_split_otherwise_go_to_yake(text: str) -> None:
    assert yake_adapter.run_rust(text) is None
    runs = dict(yake_adapter.RUNS)
    scores = yake_adapter._run(text, yake_adapter.YakeOptions(), "yake-rust")
    assert scores == yake_adapter.run_python(text)
    assert yake_adapter.RUNS["python"] == runs["python"] + 1


def test_abbreviation_ends_cover_segtok() -> None:
    from segtok.segmenter import ABBREVIATIONS

    known = ABBREVIATIONS.pattern.split(r"\b(?:", 1)[1].split(")", 1)[0]
    for word in known.split("|"):
        plain = word.replace(r"\.?", "").replace("s?", "")
        last = re.split(r"\\\.", plain)[-1].lower()
        assert len(last) == 1 or last in yake_rust_input.ABBREVIATION_ENDS, word


def test_generated_articles_score_alike() -> None:
    frame = make_corpus(12, 3, seed=5, length="real")
    for text in frame["text"]:
        assert_same_scores(text)


@pytest.mark.skipif(not REALNEWS.is_dir(), reason="../shared/realnews is not here")
def test_real_news_same_scores_and_top10(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = []  # every sixth article of the two calibration sets (yake itself is slow)
    for path in sorted(REALNEWS.glob("*_calibration.jsonl")):
        with pytest.warns(newskit.LoadWarning):
            articles += list(newskit.load_corpus(path))[::6]
    monkeypatch.setattr(yake_adapter, "BACKEND", "yake")
    yake_adapter.clear_cache()
    python = top10_sets(newskit.keywords(articles))
    fell_back = 0
    for article in articles:  # every candidate's score, against the cached yake scores
        text = _yake_text(article)
        rust = yake_adapter.run_rust(text)
        if rust is None:
            fell_back += 1
            continue
        expected = yake_adapter._CACHE[(text, yake_adapter.YakeOptions())]
        assert rust.keys() == expected.keys()
        for key, score in expected.items():
            assert rust[key] == pytest.approx(score, rel=REL, abs=0), key
    assert fell_back <= len(articles) // 50
    rust_top = top10_sets(backend_keywords(articles, "yake-rust", monkeypatch))
    assert rust_top == python
