"""Step 1 of story grouping: ``article_terms`` reads words straight from the sentences, and must
give the bag a loop over the whole token table (``segment.token_columns``) gives."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest

import newskit
from newskit.corpus.records import Article
from newskit.corpus.segment import token_columns
from newskit.stories import group
from newskit.synthetic import make_corpus


def terms_from_tokens(article: Article) -> Counter[str]:
    """``article_terms`` as a loop over every token of ``token_columns`` (the reference)."""
    bag: Counter[str] = Counter()
    cols = token_columns(article)
    prev_sent, prev_name = -1, None
    for sent_id, text, norm, is_word in zip(
        cols.sent_id, cols.text, cols.norm, cols.is_word, strict=True
    ):
        if not is_word:
            continue
        first = sent_id != prev_sent
        prev_sent = sent_id
        if first:
            prev_name = None
        word = norm.removesuffix("'s")
        capital = text[0].isupper() and not text.isupper()
        if not group._content(word):
            prev_name = None
            continue
        bag[word] += group.NAME_WEIGHT if capital and not first else 1
        if capital and prev_name is not None:
            bag[f"{prev_name} {word}"] += group.NAME_WEIGHT
        prev_name = word if capital else None
    if article.title:
        for raw_word in article.title.lower().replace("’", "'").split():
            word = raw_word.strip(".,:;!?\"'“”‘’()[]").removesuffix("'s")
            if group._content(word):
                bag[word] += group.TITLE_WEIGHT
    return bag


TRICKY = [
    # an abbreviation takes its period inside a sentence, not at its end, nor before a run
    "Talks with Dr. Kamal Yamamoto began in Sept. 2025. They asked Dr.\nMore came from Gov..",
    "The U.S.-China deal, a one-third cut and 90-day pause, was signed. Bessent’s team agreed.",
    "_under_score words and snake_case names stay out. Kamal_Yamamoto met Lena Ortiz‑Cruz.",
    "Mr. and Mrs. Ortiz met Sen. Alvarez at St. Louis (Mo.) on Monday. Prof. Weiss said so.",
    "ΣΟΦΙΑ ΚΑΡΑΣ met Dr. Νίκος Παππάς. É Ölund and Ìra Çelik — both said “no”… e.g. fine.",
]


@pytest.mark.parametrize("text", TRICKY)
def test_article_terms_equal_the_token_table_loop(text):
    article = next(
        iter(
            newskit.load_corpus(
                pd.DataFrame([{"id": "a", "text": text, "title": "Dr. Who’s Plan"}])
            )
        )
    )
    bag = group.article_terms(article)
    assert bag and list(bag.items()) == list(terms_from_tokens(article).items())


def test_article_terms_equal_the_token_table_loop_on_corpora(seeds):
    generated = make_corpus(6, 3, seed=2, length="real").drop(columns=["story"])
    for corpus in (seeds, newskit.load_corpus(generated)):
        for article in corpus:
            assert list(group.article_terms(article).items()) == list(
                terms_from_tokens(article).items()
            )


def test_abbreviation_periods_in_terms():
    text = "They met Dr. Kamal Yamamoto. Later they asked Dr.\nSo it ends."
    article = next(iter(newskit.load_corpus(pd.DataFrame([{"id": "a", "text": text}]))))
    bag = group.article_terms(article)
    # once: the second "Dr." ends its sentence, so its period is a token of its own
    assert bag["dr."] == group.NAME_WEIGHT and bag["dr. kamal"] == group.NAME_WEIGHT
    assert bag["kamal yamamoto"] == group.NAME_WEIGHT and bag["met"] == 1


def test_coded_terms_in_parts_give_the_matrix_term_vectors_gives(monkeypatch):
    frame = make_corpus(8, 3, seed=4)
    articles = list(newskit.load_corpus(frame.drop(columns=["story"])))
    first = frame.index[frame["story"] == frame["story"][0]].tolist()
    bags = [group.article_terms(a) for a in articles]
    df = group.document_frequencies(bags)
    vocabulary = group.vocabulary_of(df)
    idf = group.term_weights(df, len(articles))
    expected = group.term_vectors(bags, idf, vocabulary)
    terms, coded = group.combine_coded(
        [group.coded_terms(articles[:5]), group.coded_terms(articles[5:])]
    )
    assert terms == sorted(vocabulary)
    weights = [idf[t] for t in terms]
    got = group.coded_vectors(coded, np.array(weights), len(articles), len(terms))
    assert got.shape == expected.shape == (24, len(vocabulary))
    for field in ("data", "indices", "indptr"):  # the same bits, not merely close
        assert np.array_equal(getattr(got, field), getattr(expected, field))
    pairs = np.array([[0, first[1]], [0, first[2]], [2, 23], [7, 8]])
    one = group.pair_similarities(expected, pairs)  # two of one story first
    assert min(one[:2]) > 0.3 and one.min() >= 0 and one.max() <= 1 + 1e-12
    monkeypatch.setattr(group, "PAIR_BLOCK", 1)  # four blocks, two processes
    assert group.pair_similarities(expected, pairs, n_jobs=2).tobytes() == one.tobytes()
