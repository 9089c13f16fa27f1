"""keywords on very long articles: YAKE scores them in pieces (``YAKE_CHUNK_CHARS``), cut
between sentences, without losing text or offsets (issue 13). Texts are made up here."""

from __future__ import annotations

import importlib
import random

import newskit

# The module, not the function of the same name that newskit re-exports.
keyphrases = importlib.import_module("newskit.keywords.keyphrases")

_SYLLABLES = ["ba", "ko", "ri", "tel", "man", "sor", "vin", "da", "pe", "lu", "gar", "mis"]


def _text(n_sentences: int, seed: int) -> str:
    rng = random.Random(seed)
    words = sorted({"".join(rng.choice(_SYLLABLES) for _ in range(3)) for _ in range(400)})
    out = []
    for _ in range(n_sentences):
        out.append(" ".join(rng.choices(words, k=rng.randint(6, 16))).capitalize() + ".")
    return " ".join(out)


def test_chunks_cut_between_sentences_and_keep_all_text() -> None:
    text = "\n".join(f"Sentence number {k} says something about rivers ." for k in range(5000))
    chunks = keyphrases._yake_chunks(text)
    assert len(chunks) > 1
    assert "\n".join(chunks) == text
    assert all(len(c) <= keyphrases.YAKE_CHUNK_CHARS for c in chunks)
    assert all(c.endswith(" .") for c in chunks)
    short = text[: keyphrases.YAKE_CHUNK_CHARS - 100]
    assert keyphrases._yake_chunks(short) == [short]


def test_long_article_keywords_come_from_the_whole_text(make_corpus, monkeypatch) -> None:
    body = _text(400, 4)
    # A name told only near the end, three times: found although it is past the first pieces.
    tail = (
        " Engineers at Velmar Dam opened the spillway. Velmar Dam held through the night. "
        "Residents below Velmar Dam went home."
    )
    corpus = make_corpus({"long": body + tail, "short": _text(20, 5)})
    full = newskit.keywords(corpus, top=10)
    monkeypatch.setattr(keyphrases, "YAKE_CHUNK_CHARS", 3000)
    pieces = keyphrases._yake_chunks(keyphrases._yake_text(corpus["long"]))
    assert len(pieces) >= 5
    got = newskit.keywords(corpus, top=10)
    long = got[got["article_id"] == "long"]
    assert "Velmar Dam" in set(long["keyword"])
    raw = corpus["long"].raw
    for r in long.itertuples(index=False):
        assert " ".join(raw[r.first_start : r.first_end].split()).lower() == r.keyword.lower()
    # the short article is under the limit: same keywords, same scores
    short_full = full[full["article_id"] == "short"].reset_index(drop=True)
    short_got = got[got["article_id"] == "short"].reset_index(drop=True)
    assert short_got.equals(short_full)
