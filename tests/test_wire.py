"""Which wire service's copy an article carries: credits, addresses, metadata, never citations."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import newskit
from newskit.corpus.wire import as_wire_rules, detect_wire, wire_name, wire_rules
from newskit.resources.wires import WIRE_NAMES, WIRE_RULES

BODY = "The ship struck the bridge on Sunday evening, officials said.\n\n"


@pytest.mark.parametrize("rule", WIRE_RULES, ids=lambda r: r.name)
def test_every_rule_recognises_its_example(rule) -> None:
    match = re.search(rule.pattern, rule.example)
    assert match, rule.name
    assert rule.wire or wire_name(match.group("wire")) in set(WIRE_NAMES.values())


@pytest.mark.parametrize("rule", [r for r in WIRE_RULES if r.needs], ids=lambda r: r.name)
def test_a_rule_s_needs_are_in_its_example_and_its_matches_hold_one(rule) -> None:
    assert any(n in rule.example for n in rule.needs)
    without = rule.example
    for n in rule.needs:
        without = without.replace(n, "")
    assert re.search(rule.pattern, without) is None


def test_a_rule_is_searched_only_where_the_text_holds_what_it_needs() -> None:
    rule = newskit.WireRule("x", "text", r"(?P<wire>AP) wrote", needs=("never here",))
    assert detect_wire("AP wrote this.", rules=(rule,)) == (None, None)
    assert detect_wire("AP wrote this, never here.", rules=(rule,)) == ("AP", 'x "AP wrote"')


@pytest.mark.parametrize(
    ("text", "wire", "rule"),
    [
        ("BERLIN (AP) — A tourist ship struck a bridge.\n\nMore text.", "AP", "dateline"),
        ("Intro line.\n\nSAN JOSE, Dec 31 (Reuters) - A plane crashed.", "Reuters", "dateline"),
        ("(Bloomberg) -- US Treasury Secretary Scott Bessent said", "Bloomberg", "dateline"),
        (BODY + "Copyright 2017 The Associated Press. All rights reserved.", "AP", "copyright"),
        (
            BODY + "This material may not be published, broadcast, rewritten or redistributed.",
            "AP",
            "ap furniture",
        ),
        (
            BODY + "(Reporting by Hyonhee Shin; Editing by Michael Perry)",
            "Reuters",
            "reuters sign-off",
        ),
        (BODY + "jm/dm (AFP, dpa)", "AFP", "credit line"),
        ("By Jane Smith, Associated Press\n\n" + BODY, "AP", "byline"),
        ("By JOSH BOAK, AP Economics Writer\n\n" + BODY, "AP", "wire writer"),
        (BODY + "The Associated Press contributed to this report.", "AP", "contributed"),
        (
            BODY + "Associated Press writer Jane Doe in Berlin contributed to this report.",
            "AP",
            "contributed",
        ),
        (BODY + "Reuters contributed reporting.", "Reuters", "contributed"),
        (BODY + "Material from Reuters was used in this report.", "Reuters", "material from"),
        (
            "China opposes the launch\nXinhua | Updated: 2017-09-15 17:52\n" + BODY,
            "Xinhua",
            "source line",
        ),
        (
            "Truck rams into crowd Updated: 2016-07-15 06:50 (Xinhua)\n" + BODY,
            "Xinhua",
            "updated line",
        ),
        (BODY + "Beijing says its programme is peaceful.\nReuters", "Reuters", "sign-off"),
        (BODY + "“We're world champions.”\nPA\n", "PA Media", "sign-off"),
    ],
)
def test_text_credits_name_the_wire(text: str, wire: str, rule: str) -> None:
    found, evidence = detect_wire(text)
    assert found == wire
    assert evidence.startswith(rule)


@pytest.mark.parametrize(
    "text",
    [
        BODY + "“We are looking,” the police chief told the Associated Press.",
        BODY + "The plan was first reported by Reuters on Monday.",
        BODY + "Rescuers search the river. (Matt Rourke, File/Associated Press)",
        BODY + "Image copyright AFP Image caption A cordon around the crash site",
        BODY + "The girls, shown in 2014. (AFP/Getty Images)",
        BODY + "(Costa Rica’s Public Safety Ministry via AP) ( /Associated Press)",
        BODY + "NPR's Sarah Knight contributed to this report.",
        "ERBIL (Kurdistan24) — Talks resumed in Madrid.",
        BODY + "The AP poll found one-third of Americans agree.",
        BODY + "Reuters\nThe ministry said talks would resume.",  # a name, not the last line
        BODY + "Reuters - Ap - Afp",  # several agencies: not one wire's copy
    ],
)
def test_citations_and_photo_credits_are_not_wire_copy(text: str) -> None:
    assert detect_wire(text) == (None, None)


@pytest.mark.parametrize(
    ("url", "wire"),
    [
        ("https://www.nytimes.com/aponline/2017/12/27/us/ap-us-fireball.html", "AP"),
        ("https://www.nytimes.com/reuters/2018/01/02/sports/02reuters-nfl.html", "Reuters"),
        ("http://www.dailymail.co.uk/wires/afp/article-3523948/Panama.html", "AFP"),
        ("http://www.dailymail.co.uk/wires/ap/article-5214463/Erie.html", "AP"),
        ("https://apnews.com/article/north-korea-0a1b2c", "AP"),
        ("https://uk.reuters.com/article/us-qualcomm-m-a-broadcom", "Reuters"),
        ("http://www.dailymail.co.uk/wires/pa/article-3919284/Tram.html", "PA Media"),
    ],
)
def test_wire_feed_addresses(url: str, wire: str) -> None:
    assert detect_wire(BODY, url=url)[0] == wire


@pytest.mark.parametrize(
    "url",
    [
        "https://www.washingtonpost.com/world/the_americas/plane-crash.html",
        "https://www.example.com/apartments/2017/rent.html",
        "https://www.example.com/news/reutersfan/",
    ],
)
def test_other_addresses_are_not_wire_feeds(url: str) -> None:
    assert detect_wire(BODY, url=url) == (None, None)


def test_metadata_publisher_outlet_and_given_wire() -> None:
    assert detect_wire(BODY, meta={"Publisher": "The Associated Press"})[0] == "AP"
    assert detect_wire(BODY, meta={"author": "By AFP"})[0] == "AFP"
    assert detect_wire(BODY, meta={"publisher": "The Evening Bulletin"}) == (None, None)
    assert detect_wire(BODY, outlet="Reuters") == ("Reuters", 'outlet "Reuters"')
    assert detect_wire(BODY, outlet="www.bloomberg.com")[0] == "Bloomberg"
    # a table's own wire column is taken as given, known names made canonical
    assert detect_wire(BODY, meta={"wire": "associated press"})[0] == "AP"
    assert detect_wire(BODY, meta={"wire": "Noah Wire Services"})[0] == "Noah Wire Services"
    assert detect_wire(BODY, meta={"wire": float("nan")}) == (None, None)


def test_wire_column_in_frame_from_tables_and_seeds() -> None:
    frame = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "outlet": ["Daily Clarion", "Evening Bulletin", "Morning Star"],
            "url": ["https://clarion.example/aponline/2017/x.html", None, None],
            "text": [BODY, "BERLIN (AP) — " + BODY, BODY],
            "credit": [None, None, "Reuters"],
        }
    )
    c = newskit.load_corpus(frame)
    got = c.frame().set_index("id")
    assert list(got["wire"]) == ["AP", "AP", "Reuters"]
    assert got.loc["b", "wire_evidence"].startswith("dateline")
    assert list(got["outlet"]) == ["Daily Clarion", "Evening Bulletin", "Morning Star"]
    seeds = newskit.load_corpus().frame().set_index("outlet")["wire"]
    assert seeds["AP"] == "AP" and seeds["Bloomberg"] == "Bloomberg"
    assert seeds[["Newslooks", "Kurdistan24", "Noah Wire Services"]].isna().all()


def test_users_add_their_own_rules() -> None:
    frame = pd.DataFrame({"id": ["a"], "text": ["NEW DELHI (ANI): The minister said " + BODY]})
    assert newskit.load_corpus(frame)[0].wire == "ANI"  # a known wire's dateline
    mine = newskit.WireRule(
        "house agency", "text", r"\[Agencia Sur\]", wire="Agencia Sur", example="[Agencia Sur]"
    )
    frame = pd.DataFrame({"id": ["a"], "text": ["[Agencia Sur] " + BODY]})
    assert newskit.load_corpus(frame)[0].wire is None
    loaded = newskit.load_corpus(frame, wires=[*WIRE_RULES, mine])
    assert (loaded[0].wire, loaded[0].wire_evidence) == (
        "Agencia Sur",
        'house agency "[Agencia Sur]"',
    )
    assert newskit.load_corpus(frame, wires=wire_rules().iloc[:0])[0].wire is None


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (newskit.WireRule("x", "body", r"AP", wire="AP"), "field must be one of"),
        (newskit.WireRule("x", "text", r"(AP", wire="AP"), "bad pattern"),
        (newskit.WireRule("x", "text", r"AP"), "names no wire"),
    ],
)
def test_bad_rules_are_refused(rule, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        as_wire_rules([rule])
