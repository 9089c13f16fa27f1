"""Cleaning: rules as data, every removal reported in raw offsets, nothing else changed."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pandas as pd
import pytest

import newskit
from newskit.corpus.clean import apply_removals, clean_text, dateline_date
from newskit.resources.boilerplate import BOILERPLATE_RULES


@pytest.mark.parametrize("rule", BOILERPLATE_RULES, ids=lambda r: r.name)
def test_every_rule_removes_its_example(rule):
    removed, _ = clean_text(rule.example, [rule])
    assert removed, f"rule {rule.name} does not match its own example"
    assert all(r.rule == rule.name for r in removed)


@pytest.mark.parametrize(
    ("article", "rules"),
    [
        ("000", ["date_header", "dateline", "advertisement", "related_link", "advertisement",
                 "advertisement", "related_link"]),
        ("001", ["reference_map", "source_credit"]),
        ("002", ["slash_header", "comment_prompt"]),
        ("003", ["date_header", "dateline"]),
        ("004", ["date_header", "dateline"]),
    ],
)  # fmt: skip
def test_seed_removals(seeds, article, rules):
    art = next(a for a in seeds if a.id.startswith(article))
    assert [r.rule for r in art.removed] == rules
    assert art.text == apply_removals(art.raw, art.removed)


@pytest.mark.parametrize(
    ("article", "gone", "kept"),
    [
        ("000", ["Advertisement", "Sergio Gor", "Also Read", "(Bloomberg)", "date 2025"],
         ["US Treasury Secretary Scott Bessent will meet", "renewed economic warfare."]),
        ("001", ["Reference Map", "Paragraph 1", "Source: Noah"],
         ["geopolitical dynamics evolve."]),
        ("002", ["J. Mansour", "Morning Edition", "Register or Login"],
         ["U.S. Treasury Secretary Scott Bessent will meet", "Deep Look"]),
        ("003", ["(AP)", "WASHINGTON —"], ["U.S. Treasury Secretary Scott Bessent will travel"]),
        ("004", ["ERBIL (Kurdistan24)", "date 2025"],
         ["Treasury Secretary Scott Bessent and Chinese", "China and the United States resumed"]),
    ],
)  # fmt: skip
def test_seed_text_after_cleaning(seeds, article, gone, kept):
    text = next(a for a in seeds if a.id.startswith(article)).text
    for g in gone:
        assert g not in text
    for k in kept:
        assert k in text


def test_cleaning_changes_nothing_else(seeds):
    for art in seeds:
        pieces = [art.raw[s:e] for s, e in art.kept]
        assert "".join(pieces) == art.text
        for r in art.removed:
            assert r.end > r.start
        for a, b in zip(art.removed, art.removed[1:], strict=False):
            assert a.end <= b.start


def test_to_raw_maps_clean_offsets(seeds):
    art = seeds["000_5edfcbc6f2ce9f7a"]
    for needle in ["The discussions next week", "Top defense", "The timing is also"]:
        i = art.text.index(needle)
        s, e = art.to_raw_span(i, i + len(needle))
        assert art.raw[s:e] == needle


def test_user_rules_and_clean_off(make_corpus):
    text = "Intro line.\nSubscribe now for $1!\nBody text.\n"
    extra = [
        *BOILERPLATE_RULES,
        newskit.Rule("subscribe", r"^Subscribe now[^\n]*\n", "Subscribe now!\n"),
    ]
    art = make_corpus({"a": text}, rules=extra)["a"]
    assert art.text == "Intro line.\nBody text.\n"
    assert [(r.rule, art.raw[r.start : r.end]) for r in art.removed] == [
        ("subscribe", "Subscribe now for $1!\n")
    ]
    as_frame = pd.concat(
        [
            newskit.boilerplate_rules(),
            pd.DataFrame([{"name": "subscribe", "pattern": r"^Subscribe[^\n]*\n"}]),
        ]
    )
    assert make_corpus({"a": text}, rules=as_frame)["a"].text == "Intro line.\nBody text.\n"
    raw = make_corpus({"b": "Advertisement\nText."}, clean=False)["b"]
    assert raw.text == raw.raw and raw.removed == ()


def test_bad_user_rule_is_named(make_corpus):
    with pytest.raises(ValueError, match="cleaning rule 'oops': bad regular expression"):
        make_corpus({"a": "Text."}, rules=[newskit.Rule("oops", "(unclosed")])


def test_rules_table_documents_itself():
    table = newskit.boilerplate_rules()
    assert list(table.columns) == ["name", "pattern", "example", "description"]
    assert {"advertisement", "related_link", "comment_prompt", "reference_map", "source_credit",
            "date_header", "dateline"} <= set(table["name"])  # fmt: skip
    assert table["example"].str.len().gt(0).all()


@pytest.mark.parametrize(
    ("text", "outlet", "left"),
    [
        ("LONDON (Reuters) - Oil fell.", "Reuters", "Oil fell."),
        ("BEIJING, Sept 12 (Reuters) -- Talks end.", "Reuters", "Talks end."),
        ("PARIS (AFP) – Strikes began.", "AFP", "Strikes began."),
        ("ANKARA, Turkey (AP) — A quake hit.", "AP", "A quake hit."),
        ("PORTLAND, Ore. (AP) — Rain fell.", "AP", "Rain fell."),
        ("WASHINGTON, D.C. (Reuters) - Votes counted.", "Reuters", "Votes counted."),
        ("NEW DELHI, Sept 3 (Reuters) - Rates held.", "Reuters", "Rates held."),
        ("Markets rose (slightly) — a note.", None, "Markets rose (slightly) — a note."),
    ],
)
def test_datelines_on_made_up_text(text, outlet, left):
    removed, meta = clean_text(text)
    assert meta.get("outlet") == outlet
    assert apply_removals(text, removed) == left


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Advertisement\nAdvertisement\nBody.", "Body."),
        ("Body one.\nAdvertisement\nAdvertisement\n\nBody two.", "Body one.\n\nBody two."),
        ("Body.\r\nAdvertisement\r\nMore.", "Body.\r\nMore."),
        ("Body.\nAdvertisement", "Body.\n"),
        ("An Advertisement line stays.", "An Advertisement line stays."),
    ],
)
def test_line_rules_at_every_line_position(text, left):
    removed, _ = clean_text(text)
    assert apply_removals(text, removed) == left


@pytest.mark.parametrize(
    ("text", "date_text", "outlet", "left"),
    [
        (
            "NAIROBI, March 3 (Reuters) - Kenya held rates.",
            "March 3",
            "Reuters",
            "Kenya held rates.",
        ),
        ("LONDON, Sept 17 (Reuters) - Oil fell.", "Sept 17", "Reuters", "Oil fell."),
        ("WASHINGTON, Jan. 5, 2024 (AP) — Talks ended.", "Jan. 5, 2024", "AP", "Talks ended."),
        ("PORTLAND, Ore., October 12 (AP) — Rain fell.", "October 12", "AP", "Rain fell."),
        (
            "Body first.\nBERLIN, Dec 1 (AFP) - Second paragraph.",
            "Dec 1",
            "AFP",
            "Body first.\nSecond paragraph.",
        ),
    ],
)
def test_dated_datelines_removed_and_date_read(text, date_text, outlet, left):
    removed, meta = clean_text(text)
    assert meta.get("dateline_date") == date_text
    assert meta.get("outlet") == outlet
    assert apply_removals(text, removed) == left
    assert [r.rule for r in removed] == ["dated_dateline"]


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        ("Jan. 5, 2024", None, dt.date(2024, 1, 5)),
        ("March 3", dt.date(2024, 3, 4), dt.date(2024, 3, 3)),
        ("Dec. 30", dt.date(2024, 1, 2), dt.date(2023, 12, 30)),  # across the new year
        ("Jan 2", dt.date(2023, 12, 30), dt.date(2024, 1, 2)),
        ("Feb. 29", dt.date(2025, 3, 1), dt.date(2024, 2, 29)),
        ("Sept 17", None, None),  # no year, nothing else known
        ("Feb. 30, 2024", None, None),
    ],
)
def test_dateline_date_resolution(text, known, expected):
    got, note = dateline_date(text, known)
    assert got == expected
    assert (note is None) == (expected is not None)


def test_dateline_dates_the_article_only_when_nothing_else_does(make_corpus):
    corpus = make_corpus(
        {
            "a": "WASHINGTON, Jan. 5, 2024 (AP) — Lawmakers met. They agreed.",
            "b": " date 2024-02-01\nLONDON, Jan. 30, 2024 (Reuters) - Shares rose. Bonds fell.",
            "c": "LONDON, Sept 17 (Reuters) - Oil fell. Gas rose.",
        }
    )
    frame = corpus.frame().set_index("id")
    assert corpus["a"].date == dt.date(2024, 1, 5)
    assert frame.loc["a", "date_source"] == "dateline"
    assert corpus["b"].date == dt.date(2024, 2, 1)
    assert frame.loc["b", "date_source"] == "text"
    assert corpus["c"].date is None
    assert pd.isna(frame.loc["c", "date_source"])
    assert "has no year" in frame.loc["c", "notes"]
    assert corpus["c"].text == "Oil fell. Gas rose."


def test_many_boilerplate_lines_all_removed_once():
    paragraphs = [
        f"Paragraph {i} says something.\nAdvertisement\nAlso Read | link {i}\n" for i in range(500)
    ]
    text = "".join(paragraphs)
    removed, _ = clean_text(text)
    assert [r.rule for r in removed] == ["advertisement", "related_link"] * 500
    assert apply_removals(text, removed) == "".join(
        f"Paragraph {i} says something.\n" for i in range(500)
    )
    assert all(a.end <= b.start for a, b in pairwise(removed))
