"""Outlets: one display name per outlet, a user mapping, a name from the URL's domain."""

from __future__ import annotations

import pandas as pd
import pytest

import newskit
from newskit.corpus.outlets import domain, outlet_from_url, outlet_key

TEXT = "The council met on Tuesday to discuss the new bridge."


def load(names, urls=None, **kwargs) -> newskit.Corpus:
    urls = urls or [None] * len(names)
    frame = pd.DataFrame({"text": [TEXT] * len(names), "outlet": names, "url": urls})
    return newskit.load_corpus(frame, **kwargs)


def test_case_and_space_variants_are_one_outlet() -> None:
    c = load(["vpr", "VPR", " VPR ", "Daily  Clarion", "daily clarion", "Daily Clarion"])
    frame = c.frame()
    assert list(frame["outlet"]) == ["VPR"] * 3 + ["Daily Clarion"] * 3
    # the table loader strips the spaces around a cell; inner runs of spaces are kept
    assert list(frame["outlet_raw"]) == ["vpr", "VPR", "VPR", "Daily  Clarion",
                                         "daily clarion", "Daily Clarion"]  # fmt: skip
    assert frame["outlet"].nunique() == 2


def test_well_known_aliases_and_domains_meet() -> None:
    c = load(
        ["nyt", "NYT", " NYT ", "New York Times", None, "associated press", "AP"],
        urls=[None, None, None, None, "https://www.nytimes.com/x", None, None],
    )
    assert list(c.frame()["outlet"]) == ["The New York Times"] * 5 + ["AP"] * 2


def test_tie_goes_to_the_first_spelling() -> None:
    assert list(load(["abc daily", "ABC Daily"]).frame()["outlet"]) == ["abc daily"] * 2


def test_user_mapping_wins_and_merges() -> None:
    c = load(
        ["nyt", "NYT", "The New York Times", None],
        urls=[None, None, None, "https://www.nytimes.com/2025/01/01/a.html"],
        outlets={" NYT": "The New York Times"},
    )
    assert set(c.frame()["outlet"]) == {"The New York Times"}
    assert list(c.frame()["outlet_raw"].fillna("-")) == ["nyt", "NYT", "The New York Times", "-"]


def test_outlet_from_the_url_when_missing() -> None:
    c = load(
        [None, None, None, "", "Courier"],
        urls=[
            "https://edition.cnn.com/2025/politics/x",
            "http://www.the-valley-herald.co.uk/news/1",
            None,
            "apnews.com/article/abc",
            "https://www.nytimes.com/x",
        ],
    )
    frame = c.frame()
    assert list(frame["outlet"].fillna("-")) == ["CNN", "The Valley Herald", "-", "AP", "Courier"]
    assert frame["outlet_raw"].isna().sum() == 4


def test_a_domain_that_spells_a_corpus_outlet_gets_its_name() -> None:
    c = load(
        ["The Evening Bulletin", None, None, "Harbor Gazette", None],
        urls=[
            None,
            "https://www.eveningbulletin.com/a/1",
            "https://harbor-gazette.net/b/2",
            None,
            "https://www.pioneercourier.com/c",
        ],
    )
    assert list(c.frame()["outlet"]) == [
        "The Evening Bulletin",
        "The Evening Bulletin",
        "Harbor Gazette",
        "Harbor Gazette",
        "Pioneercourier",  # no outlet of the corpus spells it: the domain itself
    ]


def test_mapping_by_domain() -> None:
    c = load([None], urls=["https://news.example.org/x"], outlets={"example.org": "Example"})
    assert c[0].outlet == "Example" and c[0].outlet_raw is None


@pytest.mark.parametrize(
    ("url", "host", "name"),
    [
        ("https://www.NYTimes.com/2025/x.html", "nytimes.com", "The New York Times"),
        ("http://m.bbc.co.uk/news", "bbc.co.uk", "BBC"),
        ("abcnews.go.com/Politics/x", "abcnews.go.com", "ABC News"),
        ("https://www.riverside_gazette.com.au/a", "riverside_gazette.com.au", "Riverside Gazette"),
        ("https://localhost/x", None, None),
        ("not a url", None, None),
        ("", None, None),
        (None, None, None),
    ],
)
def test_domain_and_name(url, host, name) -> None:
    assert domain(url) == host
    assert outlet_from_url(url) == name


def test_key() -> None:
    assert outlet_key(" The  NEW York times ") == outlet_key("the new york times")


def test_seed_outlets_unchanged(seeds) -> None:
    frame = seeds.frame()
    assert list(frame["outlet"]) == list(frame["outlet_raw"])
    assert "AP" in set(frame["outlet"])
