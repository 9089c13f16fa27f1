"""Outlets: one display name per outlet, a user mapping, a name from the URL's domain."""

from __future__ import annotations

import pandas as pd
import pytest

import newskit
from newskit.corpus.outlets import domain, outlet_from_url, outlet_key, outlet_name_problem

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


# --- web pages: a site name that is a name, the site not the wire ---------------------------


@pytest.mark.parametrize(
    "name",
    [
        "The New York Times",
        "U.S. News & World Report",
        "St. Louis Post-Dispatch",
        "Kurdistan24",
        "France 24",
        "Salon.com",
        "Yahoo! News",
        "NBC 5 Chicago",
        "WSB-TV Channel 2 - Atlanta",
        "Tel Aviv Today",
        "FAZ.NET",
        "Süddeutsche Zeitung",
        "The Times & The Sunday Times",
        "ABC7 Los Angeles",
        "news.com.au",
        "20 Minutes",
        "i24NEWS",
        "新华网",
        "朝日新聞デジタル",
    ],
)
def test_real_outlet_names_are_names(name) -> None:
    assert outlet_name_problem(name) is None


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("© 2016 Harbour Ledger Media Group", "a copyright line"),
        ("Harbour Ledger Media. All rights reserved", "a copyright line"),
        ("12 Harbour Street, Portside PS1 4QA", "a postal address"),
        ("Hafenstraße 12, 20457 Hamburg", "a postal address"),
        ("Tel. 01632 960 123", "a phone number"),
        ("+44 (0)1632 960123", "a phone number"),
        ("https://www.harbourledger.test/", "a web address"),
        ("www.harbourledger.test", "a web address"),
        ("newsdesk@harbourledger.test", "an e-mail address"),
        (
            "The Harbour Ledger brings you the latest local news. Sport, weather and business "
            "from Portside and the county.",
            "a description",
        ),
        ("Politics", "a section name"),
        ("国际", "a section name"),
        ("2016", "not a name (no letters)"),
    ],
)
def test_junk_site_names_are_rejected(name, problem) -> None:
    assert outlet_name_problem(name) == problem


def test_headline_and_the_page_sections_are_not_names() -> None:
    headline = "Harbour city votes to close old ferry pier"
    assert outlet_name_problem(headline, headlines=[headline]) == "the headline"
    assert outlet_name_problem("Waterfront", sections=["waterfront"]) == "a section name"
    assert outlet_name_problem("Harbour Ledger", headlines=[headline]) is None


JUNK_SITE_NAMES = [
    "&amp;copy; 2016 Harbour Ledger Media Group",
    "12 Harbour Street, Portside PS1 4QA · Tel. 01632 960 123 · Fax 01632 960 124",
    "The Harbour Ledger brings you the latest local news, sport, weather, business and "
    "entertainment from Portside and the surrounding county, every single day of the year.",
    "https://www.harbourledger.test/",
    "Politics",
    "Harbour city votes to close old ferry pier",
]


@pytest.mark.parametrize("junk", JUNK_SITE_NAMES)
def test_junk_site_name_falls_back_to_the_title_then_the_domain(tmp_path, junk) -> None:
    from news_pages import news_page

    title = "Harbour city votes to close old ferry pier"
    titled, untitled = tmp_path / "titled", tmp_path / "untitled"
    titled.mkdir()
    untitled.mkdir()
    (titled / "page.html").write_text(
        news_page(site_name=junk, title_tag=f"{title} | The Harbour Ledger"), encoding="utf-8"
    )
    (untitled / "page.html").write_text(
        news_page(site_name=junk, title_tag=title, url="https://www.harbour-ledger.test/a/1"),
        encoding="utf-8",
    )
    for folder, outlet in [(titled, "The Harbour Ledger"), (untitled, "Harbour Ledger")]:
        art = newskit.load_corpus(folder)["page"]
        assert art.outlet == outlet  # the title's site name, else the domain
        assert art.title == title
        assert any("is not the outlet" in note for note in art.notes)
    assert art.outlet_raw is None


def test_same_wire_story_on_two_sites_is_two_outlets_one_wire(tmp_path) -> None:
    from news_pages import json_ld, news_page

    ap = {"@type": "Organization", "name": "The Associated Press"}
    (tmp_path / "ledger.html").write_text(
        news_page(ld=json_ld(headline="Pier to close", publisher=ap)), encoding="utf-8"
    )
    (tmp_path / "gazette.html").write_text(
        news_page(
            site_name=None,
            title_tag="Harbour city votes to close old ferry pier | Portside Gazette",
            url="https://portsidegazette.test/2024/pier",
            head='<meta name="dc.rights" content="Copyright 2024 The Associated Press. '
            'All rights reserved.">',
        ),
        encoding="utf-8",
    )
    (tmp_path / "valley.html").write_text(  # only the publisher names anyone: the domain wins
        news_page(
            site_name=None,
            title_tag="Harbour city votes to close old ferry pier",
            url="https://www.valley-times.test/news/pier",
            ld=json_ld(publisher={"@type": "NewsMediaOrganization", "name": "AP"}),
        ),
        encoding="utf-8",
    )
    frame = newskit.load_corpus(tmp_path).frame().set_index("id")
    assert frame.loc["ledger", "outlet"] == "The Harbour Ledger"
    assert frame.loc["gazette", "outlet"] == "Portside Gazette"
    assert frame.loc["valley", "outlet"] == "Valley Times"
    assert set(frame["wire"]) == {"AP"}
    assert frame.loc["ledger", "publisher"] == "The Associated Press"
    assert frame.loc["gazette", "copyright"] == "© 2024 The Associated Press"
    assert frame.loc["ledger", "wire_evidence"] == 'metadata "The Associated Press"'


@pytest.mark.parametrize(
    ("value", "outlet"),
    [
        ("Home | The Daily Planet", "The Daily Planet"),
        ("The Daily Planet - Latest News", "The Daily Planet"),
        ("WSB-TV Channel 2 - Atlanta", "WSB-TV Channel 2 - Atlanta"),  # both parts are names
    ],
)
def test_site_name_joined_to_a_section_is_the_name(value, outlet) -> None:
    from newskit.corpus.outlets import page_outlet

    assert page_outlet([("og:site_name", value)], url="https://dailyplanet.test/a")[0] == outlet


def test_title_of_headline_section_and_site_parts() -> None:
    from newskit.corpus.outlets import split_title

    title = "Novelist wins book prize - Regional news from the valley - Valley Courier"
    assert split_title(title, headlines=["Novelist wins book prize"]) == (
        "Novelist wins book prize",
        "Valley Courier",
    )
    assert split_title(title) == (title, None)  # nothing says which part is the site
