"""The word tokens keyphrase merging caches per article: what they hold, and that the garbage
collector leaves them alone (issue 24: tracked, they made every full collection walk each one,
about half of the keyword stage's own time on real-size articles)."""

from __future__ import annotations

import gc
import importlib

import pandas as pd

import newskit
from newskit.resources.abbreviations import MONTH_ABBREVIATIONS, TITLE_ABBREVIATIONS

# The module, not the function of the same name that newskit re-exports.
keyphrases = importlib.import_module("newskit.keywords.keyphrases")


def test_tokens_are_raw_spans_with_their_roles(seeds) -> None:
    for article in seeds:
        words = keyphrases._words(article.raw, article.kept)
        toks = [t for seg in words.segments for t in seg]
        assert len(toks) > 100
        for t in toks:
            start, end, surface = t[keyphrases._START], t[keyphrases._END], t[keyphrases._SURFACE]
            assert article.raw[start:end] == surface  # a possessive's "'s" is a token of its own
            assert t[keyphrases._ROLE] in (
                keyphrases._BREAK,
                keyphrases._NAME,
                keyphrases._COMMON,
                keyphrases._NAME_STOP,
            )
    bessent = [
        t
        for a in seeds
        for seg in keyphrases._words(a.raw, a.kept).segments
        for t in seg
        if t[keyphrases._SURFACE] == "Bessent"
    ]
    assert bessent and all(t[keyphrases._ROLE] == keyphrases._NAME for t in bessent)


def test_cached_tokens_are_not_tracked_by_the_garbage_collector(seeds) -> None:
    article = seeds[0]
    words = keyphrases._words(article.raw, article.kept)
    gc.collect()  # a collection untracks plain tuples of strings, numbers and booleans
    toks = [t for seg in words.segments for t in seg]
    assert toks and all(type(t) is tuple for t in toks)
    assert not any(gc.is_tracked(t) for t in toks)
    assert not any(gc.is_tracked(seg) for seg in words.segments)


def test_one_pass_tokens_lower_case_and_capitalised_words() -> None:
    # ``_words`` gives a lower-case word its token at once and fills a capitalised word's in
    # afterwards (issue 24); every role and offset here is what the two-pass version gave.
    text = (
        "WASHINGTON — Treasury Secretary Scott Bessent’s trip began after the Sept. 11 attacks "
        "anniversary. Officials plan to repay the bank's loans, and may 11 banks follow. "
        "Eventually the iPhone maker's Port Authority deal would build trust.\n"
    )
    [article] = newskit.load_corpus(pd.DataFrame([{"id": "t", "outlet": "x", "text": text}]))
    words = keyphrases._words(article.raw, article.kept)
    b, n, c = keyphrases._BREAK, keyphrases._NAME, keyphrases._COMMON
    got = [[(t[3], t[0], t[1], t[5]) for t in seg] for seg in words.segments]
    assert got == [
        [("WASHINGTON", 0, 10, b)],  # a dateline word
        [("Treasury", 13, 21, n), ("Secretary", 22, 31, n), ("Scott", 32, 37, n),
         ("Bessent", 38, 45, n), ("", 45, 45, b), ("trip", 48, 52, c), ("began", 53, 58, b),
         ("after", 59, 64, b), ("the", 65, 68, b), ("Sept.", 69, 74, n), ("11", 75, 77, n),
         ("attacks", 78, 85, c), ("anniversary", 86, 97, c)],
        [("Officials", 99, 108, c), ("plan", 109, 113, c), ("to", 114, 116, b),
         ("repay", 117, 122, b), ("the", 123, 126, b), ("bank", 127, 131, c),
         ("", 131, 131, b), ("loans", 134, 139, c)],
        # a month word and a day before a noun: an event name, in lower case too
        [("and", 141, 144, b), ("may", 145, 148, n), ("11", 149, 151, n),
         ("banks", 152, 157, c), ("follow", 158, 164, b)],
        [("Eventually", 166, 176, b), ("the", 177, 180, b), ("iPhone", 181, 187, n),
         ("maker", 188, 193, c), ("", 193, 193, b), ("Port", 196, 200, n),
         ("Authority", 201, 210, n), ("deal", 211, 215, c), ("would", 216, 221, b),
         ("build", 222, 227, b), ("trust", 228, 233, c)],
    ]  # fmt: skip
    assert words.lower["the"] == 3 and words.lower["iphone"] == 1 and "officials" not in words.lower
    assert list(words.lower)[:3] == ["trip", "began", "after"]  # in the order first seen


def test_word_class_carries_the_fields_of_its_common_role() -> None:
    for text in ("banks", "bank's", "Bessent’s", "repay", "11", "iPhone", "economic"):
        cls = keyphrases._word_class(text)
        key, role = cls[0], cls[5]
        assert cls[7] == keyphrases._tok_fields(text, key, role)
        assert cls[6] is cls[7][1]  # possessive
    assert keyphrases._word_class("bank's")[6] is True
    assert keyphrases._word_class("bank's")[7][0] == "bank"


def test_word_regex_guard_keeps_titles_initials_and_months() -> None:
    # ``_WORD`` tries its four letters-and-dot forms only where letters and a dot start
    # (issue 24): sound because every title and month abbreviation is ASCII letters.
    assert all(w.isascii() and w.isalpha() for w in TITLE_ABBREVIATIONS | MONTH_ABBREVIATIONS)
    text = (
        "Sen. Carolyn B. Maloney met U.S.-China envoys on Sept. 11 with $1.375 and 800,000 cases."
    )
    words = [m.group() for m in keyphrases._WORD.finditer(text)]
    assert words == [
        "Sen.", "Carolyn", "B.", "Maloney", "met", "U.S.-China", "envoys", "on", "Sept.", "11",
        "with", "$1.375", "and", "800,000", "cases", ".",
    ]  # fmt: skip
    assert [m.group() for m in keyphrases._WORD.finditer("the sen. said Sept. was late")] == [
        "the", "sen", ".", "said", "Sept", ".", "was", "late",
    ]  # fmt: skip


def test_norm_and_person_core() -> None:
    assert keyphrases._norm("Bessent’s") == "bessent"
    assert keyphrases._norm("Bessent's") == "bessent"
    assert keyphrases._norm("U.S.‑China") == "u.s.-china"
    assert keyphrases._norm("tit-for-tat") == "tit-for-tat"
    assert keyphrases._person_core("texas rep. blake b. farenthold") == (2, ("blake", "farenthold"))
    assert keyphrases._person_core("secretary of state marco a. rubio") == (3, ("marco", "rubio"))
    assert keyphrases._person_core("vice premier") == (2, ())
    assert keyphrases._person_core("martin luther king jr.") == (0, ("martin", "luther", "king"))


def test_candidates_cut_at_stopwords_numbers_and_verbs() -> None:
    # _candidates ends a run at a stopword or verb before any other test, and asks whether a
    # word is a number only of words without letters (issue 24); keys and raw spans are what
    # the code gave before.
    text = (
        "The escalating tariffs hit 800,000 farmers in the 2020 election year, and toppling "
        "prices cost $1.375 billion. Actor Gary Sinise said the money laundering case "
        "would build pressure on Federal Reserve Chair Jerome Powell.\n"
    )
    [article] = newskit.load_corpus(pd.DataFrame([{"id": "c", "outlet": "x", "text": text}]))
    found = keyphrases._candidates(keyphrases._words(article.raw, article.kept), 3)
    spans = {k: [(r[0][keyphrases._START], r[-1][keyphrases._END]) for r in runs]
             for k, runs in found.items()}  # fmt: skip
    assert spans == {
        "tariffs hit": [(15, 26)],
        "farmers": [(35, 42)],  # not "800,000 farmers"
        "2020 election": [(50, 63)],  # a year opens a phrase of one noun
        "prices cost": [(83, 94)],  # "toppling" after "and" is a verb
        "actor gary sinise": [(111, 128)],
        "federal reserve chair jerome powell": [(184, 219)],
        "money laundering case": [(138, 159)],
        "pressure": [(172, 180)],  # "build" after "would" is a verb
    }
    assert article.raw[138:159] == "money laundering case"
