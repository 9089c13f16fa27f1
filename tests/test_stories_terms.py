"""Step 1 of story grouping: ``article_terms`` reads words straight from the sentences, and must
give the bag a loop over the whole token table (``segment.token_columns``) gives."""

from __future__ import annotations

from collections import Counter

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
