"""Keyphrases on news the seeds do not cover: names through initials and without titles, one
entry per person, no amounts, event names, datelines and bylines, verb fragments; F1@10 on
made-up labelled articles (``tests/keyphrase_eval.py``)."""

from __future__ import annotations

import random
import re

import pandas as pd
import pytest
from keyphrase_eval import (
    DATA,
    HELDOUT,
    eval_frame,
    f1_at_k,
    load_eval,
    mean_f1,
    newskit_keywords,
    yake_raw,
)

import newskit
from newskit.resources.abbreviations import TITLE_ABBREVIATIONS
from newskit.resources.stopwords import KEYWORD_SKIP

ARTICLES = {
    "names": (
        "By Jane Mercer\n\n"
        "WASHINGTON — Representative Carolyn B. Maloney introduced a bridge bill on Tuesday. "
        "Ohio Rep. Mark T. Danforth backed the bridge bill. Maloney said bridge repairs "
        "cannot wait. President George W. Bush once signed a similar bridge bill. "
        "Gov. Kathy L. Hochul and Lt. Gen. Ray O. Miles toured a bridge in St. Louis. "
        "Mr. Danforth said the bridge bill would pass.\n"
    ),
    "money": (
        "DES MOINES, Iowa — The state will spend $1.375 billion on flood control after "
        "storms caused 7.5 billion dollars in damage. Flood control money will also reach "
        "800,000 farmers, and flood control crews will start in spring. Officials said 12 "
        "percent of farms flooded. Democrats need more votes for flood control.\n"
    ),
    "cut": (
        "Secretary of State Marco A. Rubio called the meeting serious. Rubio met Iran. "
        "Jones and Cruz discussed the St. Louis stadium plan. The St. Louis stadium plan "
        "passed. In the 2020 election, 81 million votes went to Joe Biden; the 2020 election "
        "result was certified.\n"
    ),
    "event": (
        "NEW YORK — Families marked the anniversary of the Sept. 11 attacks on Thursday. "
        "The Sept. 11 attacks killed 2,977 people. Memorial plaza visitors released doves, "
        "and the memorial plaza stayed open late. Officials released a statement.\n"
    ),
}


def top(corpus, article_id: str, n: int = 15) -> list[str]:
    kw = newskit.keywords(corpus, top=n)
    return list(kw.loc[kw["article_id"] == article_id, "keyword"])


@pytest.fixture(scope="module")
def made_up() -> newskit.Corpus:
    frame = pd.DataFrame({"id": list(ARTICLES), "text": list(ARTICLES.values())})
    return newskit.load_corpus(frame)


@pytest.mark.parametrize(
    ("article", "present", "absent"),
    [
        # one entry per person: the name without its title, whatever the title's spelling
        (
            "names",
            ["Carolyn B. Maloney", "Mark T. Danforth"],
            [
                "Representative Carolyn B. Maloney",
                "Ohio Rep. Mark T. Danforth",
                "Maloney",
                "Danforth",
                "Representative Carolyn B",
                "Ohio Rep",
                "Carolyn B",
                "WASHINGTON",
                "Jane Mercer",
            ],
        ),
        ("names", ["George W. Bush", "Kathy L. Hochul", "Ray O. Miles"], ["President George W"]),
        ("names", ["St. Louis"], ["Mr. Danforth", "Mr", "Lt. Gen. Ray O. Miles", "Gen"]),
        # numbers are claims, not keyphrases
        (
            "money",
            ["flood control"],
            [
                "$1.375 billion",
                "7.5 billion dollars",
                "12 percent",
                "375 billion",
                "7 billion",
                "5 billion dollars",
                "DES MOINES",
                "Iowa",
                "000 farmers",
                "800,000 farmers",
            ],
        ),
        ("money", [], ["Democrats need", "need"]),
        ("event", ["Sept. 11 attacks", "memorial plaza"], ["11 attacks", "NEW YORK", "released"]),
        ("event", [], ["Memorial plaza visitors released", "doves released"]),
        ("cut", ["stadium plan", "2020 election"], ["Louis stadium plan", "81 million"]),
        ("cut", ["Marco A. Rubio"], ["State Marco A. Rubio", "Secretary of State Marco A. Rubio"]),
    ],
)
def test_examples(made_up, article: str, present: list[str], absent: list[str]) -> None:
    listed = top(made_up, article)
    for kw in present:
        assert kw in listed, (kw, listed)
    for kw in absent:
        assert kw not in listed, (kw, listed)


def test_amount_offsets_map_to_raw(made_up) -> None:
    kw = newskit.keywords(made_up, top=15)
    for r in kw.itertuples(index=False):
        # the first occurrence, in any case ("Memorial plaza" at a sentence start)
        assert made_up[r.article_id].raw[r.first_start : r.first_end].lower() == r.keyword.lower()


_BAD_END = re.compile(r"(?:^|\s)(?:[A-Z]\.?)$")


def bad_edges(keywords: pd.Series) -> list[str]:
    """Keywords that end in a single capital letter or a title abbreviation."""
    out = []
    for kw in keywords:
        last = kw.split()[-1]
        if _BAD_END.search(kw) or last.rstrip(".").lower() in TITLE_ABBREVIATIONS:
            out.append(kw)
    return out


FIRST = ["Ana", "Tom", "Maria", "Li", "Sam", "Priya", "Jonas", "Carolyn", "George", "Kathy"]
LAST = ["Ruiz", "Hale", "Okafor", "Wei", "Brandt", "Maloney", "Nair", "Keller", "Bush", "Fields"]
TITLES = ["Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Mr.", "Ms.", "Dr.", "President", "Ohio Rep."]
PLACES = ["WASHINGTON", "DES MOINES, Iowa", "SANTA ROSA, Calif.", "BOSTON", "PORTLAND, Ore."]
NOUNS = ["bridge bill", "flood relief", "tax plan", "school budget", "water permits"]


def generated(n: int, seed: int = 3) -> pd.DataFrame:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        names = [
            f"{rng.choice(TITLES)} {rng.choice(FIRST)} {rng.choice('ABCDEHJKLMRTW')}. "
            f"{rng.choice(LAST)}"
            for _ in range(3)
        ]
        noun = rng.choice(NOUNS)
        amount = f"${rng.randrange(1, 99)}.{rng.randrange(100, 999)} {rng.choice(['million', 'billion'])}"
        text = (
            f"By {rng.choice(FIRST)} {rng.choice(LAST)}\n\n"
            f"{rng.choice(PLACES)} — {names[0]} on Monday proposed a {noun} worth {amount}. "
            f"{names[1]} opposed the {noun}, and {names[2]} said the {noun} needs work.\n\n"
            f"The {noun} follows the Sept. {rng.randrange(1, 29)} vote. {names[0].split()[-1]} "
            f"said the {noun} would pass. Critics of the {noun} met {names[1]}.\n"
        )
        rows.append({"id": f"gen-{i:03d}", "text": text})
    return pd.DataFrame(rows)


def test_no_keyword_ends_in_an_initial_or_title(made_up, seeds) -> None:
    gen = newskit.load_corpus(generated(60))
    labelled = [newskit.load_corpus(eval_frame(p)) for p in (DATA, HELDOUT)]
    for corpus in (made_up, seeds, gen, *labelled):
        kw = newskit.keywords(corpus, top=15)
        assert bad_edges(kw["keyword"]) == []
        assert not kw["keyword"].isin(["WASHINGTON", "BOSTON", "DES MOINES", "PORTLAND"]).any()


def test_generated_names_stay_whole() -> None:
    frame = generated(20)
    corpus = newskit.load_corpus(frame)
    kw = newskit.keywords(corpus, top=15)
    for row in frame.itertuples(index=False):
        listed = set(kw.loc[kw["article_id"] == row.id, "keyword"])
        amount = re.search(r"\$\d+\.\d+ (?:million|billion)", row.text).group()
        assert amount not in listed, (amount, listed)  # a claim, not a keyphrase
        byline = row.text.split("\n")[0].removeprefix("By ")
        assert byline not in listed
        # people are listed by name, without title, and never also by surname alone
        titles = {t.rstrip(".") for t in TITLES} | {"Ohio"}
        assert not any(k.split()[0].rstrip(".") in titles for k in listed), listed
        for k in listed:
            if " " not in k:
                assert not any(other.endswith(" " + k) for other in listed), (k, listed)


def test_bad_edges_catches_what_it_should() -> None:
    assert bad_edges(pd.Series(["Carolyn B", "Carolyn B.", "Ohio Rep", "Ohio Rep.", "Gov."])) == [
        "Carolyn B", "Carolyn B.", "Ohio Rep", "Ohio Rep.", "Gov.",
    ]  # fmt: skip
    assert bad_edges(pd.Series(["Carolyn B. Maloney", "bridge repairs"])) == []


def test_f1_helpers() -> None:
    assert f1_at_k(["Bridge repairs", "x"], ["bridge repair", "y"]) == pytest.approx(0.5)
    assert f1_at_k([], ["a"]) == 0.0
    assert f1_at_k(["$1.375 billion"], ["$1.375 billion"]) == 1.0
    assert f1_at_k(["375 billion"], ["$1.375 billion"]) == 0.0


def test_f1_at_10_beats_raw_yake_on_labelled_articles() -> None:
    """Measured when written: raw YAKE 1-word 0.088, up to 3 words 0.131, newskit 0.442; 0.530
    with one entry per entity and no numbers (issue 22)."""
    assert len(load_eval()) >= 10
    ours = mean_f1(newskit_keywords())
    baseline = mean_f1(yake_raw(1))
    assert ours >= 0.3
    assert ours > baseline + 0.15


def test_f1_at_10_on_the_held_out_articles() -> None:
    """Raw YAKE 1-word 0.134, up to 3 words 0.167; newskit 0.383 when first scored, 0.400
    after two general fixes its lists showed (a title opening a sentence before "of"; verbs
    missing from VERB_LEMMAS), 0.467 with one entry per entity and no numbers (issue 22)."""
    ours = mean_f1(newskit_keywords(), path=HELDOUT)
    assert ours >= 0.3
    assert ours > mean_f1(yake_raw(3), path=HELDOUT) + 0.15


def test_every_list_rule_holds_on_labelled_and_generated_articles() -> None:
    from test_keywords import check_list

    for frame in (eval_frame(), generated(30, seed=11)):
        corpus = newskit.load_corpus(frame)
        check_list(corpus, newskit.keywords(corpus, top=15))


@pytest.mark.parametrize(("name", "pattern", "example"), KEYWORD_SKIP)
def test_skip_rules_match_their_examples(name: str, pattern: str, example: str) -> None:
    assert re.search(pattern, example, re.M), name


_WEB = dict((name, pattern) for name, pattern, _example in KEYWORD_SKIP)["web address"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("see www.harbour.test now", ["www.harbour.test"]),
        ("(www.harbour.test)", ["www.harbour.test"]),
        ("awww.harbour.test", []),  # "www" inside a word: no address
        ("pic.twitter.com/x1 and epic.twitter.com/x2", ["pic.twitter.com/x1"]),
        ("— RT (@RT_com) says", ["@RT_com"]),
        ("@RT_com at the start", ["@RT_com"]),
        ("mail tips@harbour.test or x.@y", []),  # after a letter or a dot: no handle
        ("https://t.co/eVogsTGFcx) next", ["https://t.co/eVogsTGFcx"]),
    ],
)
def test_web_address_rule_keeps_its_word_edges(text: str, found: list[str]) -> None:
    # The rule opens each alternative with a plain character (for speed); where a word
    # character (or a dot, before "@") comes first, nothing matches there, as with \b.
    assert [m.group() for m in re.finditer(_WEB, text, re.M)] == found


def test_credit_lines_and_dated_datelines_give_no_keyphrase() -> None:
    text = (
        "BOSTON, Sept. 12 — Harbor pilots went on strike over harbor pilot pay. Harbor pilots "
        "said harbor pilot pay has not risen since 2015.\n\n"
        "(Reporting by Gwen Ortega; Editing by Tomas Brandt)\n"
    )
    corpus = newskit.load_corpus(pd.DataFrame({"id": ["x"], "text": [text]}))
    listed = top(corpus, "x")
    assert "harbor pilot pay" in listed or "Harbor pilots" in listed
    for name in ("BOSTON", "Gwen Ortega", "Tomas Brandt", "Sept"):
        assert not any(name in kw for kw in listed), (name, listed)
