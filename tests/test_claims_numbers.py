"""Spelled-out numbers, units, idioms and ages in numeric_claims, on made-up sentences."""

from __future__ import annotations

import math

import pytest
from text_to_num import alpha2digit, text2num

from newskit.claims.extract import claims_in_text
from newskit.claims.numbers import parse_number
from newskit.claims.text2num_adapter import words_to_int

NAN = math.nan


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("seven", 7),
        ("thirteen", 13),
        ("sixty", 60),
        ("sixty-four", 64),
        ("sixty four", 64),
        ("three hundred and thirty-one", 331),
        ("one hundred twenty", 120),
        ("two thousand and five", 2005),
        ("twenty five thousand", 25_000),
        ("three hundred thousand", 300_000),
        ("four million", 4_000_000),
        ("two and a half million", 2_500_000),
        ("one and a half", 1.5),
        ("forty two and a third", 42 + 1 / 3),
        ("six and a quarter", 6.25),
        ("nine point four", 9.4),
        ("zero point five", 0.5),
        ("minus five", -5),
        ("negative 12", -12),
        ("2½", 2.5),
        ("¾", 0.75),
        (".75", 0.75),
        ("1 000 000", 1_000_000),
        ("12\u2009500", 12_500),
        ("3,400", 3400),
        ("1.375 billion", 1.375e9),
    ],
)
def test_parse_number_spelled_out(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["hundred and", "the", "two apples", "½x"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


# text2num is right for integers in words, so the adapter uses it ...
@pytest.mark.parametrize(
    ("words", "value"),
    [("three hundred and thirty-one", 331), ("forty two", 42), ("two thousand and five", 2005)],
)
def test_text2num_integers(words, value):
    assert words_to_int(words) == value == text2num(words, "en")


# ... and wrong or silent where our grammar reads the number: each known failure.
@pytest.mark.parametrize(
    "words",
    ["two and a half million", "a hundred", "a dozen", "minus five", "forty two and a third"],
)
def test_text2num_known_failures(words):
    with pytest.raises(ValueError):
        text2num(words, "en")
    assert words_to_int(words) is None
    assert parse_number(words) is not None or words == "a hundred" or words == "a dozen"


def test_alpha2digit_known_failures():
    assert alpha2digit("a third of voters", "en") == "a 3rd of voters"  # not a fraction
    assert alpha2digit("one of them", "en") == "one of them"


# (text, surface, kind, value, low, high, unit)
SPELLED = [
    ("About three hundred and thirty-one people were evacuated.", "three hundred and thirty-one", "count", 331, NAN, NAN, "people"),
    ("The resort drew two and a half million tourists.", "two and a half million", "count", 2.5e6, NAN, NAN, "tourists"),
    ("The trail runs forty two and a third miles.", "forty two and a third", "count", 42 + 1 / 3, NAN, NAN, "miles"),
    ("Unemployment reached nine point four percent.", "nine point four percent", "percent", 9.4, NAN, NAN, "percent"),
    ("A hundred and fifty pilgrims arrived.", "A hundred and fifty", "count", 150, NAN, NAN, "pilgrims"),
    ("Fifteen hundred people marched.", "Fifteen hundred", "count", 1500, NAN, NAN, "people"),
    ("One hundred and five ships docked.", "One hundred and five", "count", 105, NAN, NAN, "ships"),
    ("The chef baked five dozen loaves.", "five dozen", "count", 60, NAN, NAN, "loaves"),
    ("A dozen ferries were idle.", "A dozen", "count", 12, NAN, NAN, "ferries"),
    ("It took a decade and a half to finish the dam.", "a decade and a half", "duration", 1.5, NAN, NAN, "decade"),
    ("The hearing lasted an hour and a half.", "an hour and a half", "duration", 1.5, NAN, NAN, "hour"),
    ("The hearing lasted one and a half hours.", "one and a half hours", "duration", 1.5, NAN, NAN, "hour"),
    ("Temperatures fell to minus five degrees overnight.", "minus five", "count", -5, NAN, NAN, "degrees"),
    ("Dozens of fishermen protested.", "Dozens", "magnitude", NAN, 24, 99, None),
    ("Scores of villagers fled.", "Scores", "magnitude", NAN, 40, 99, None),
    ("Hundreds of homes flooded.", "Hundreds", "magnitude", NAN, 100, 999, None),
    ("The town has 1 000 000 residents.", "1 000 000", "count", 1e6, NAN, NAN, "residents"),
    ("The loch is 2½ miles long.", "2½", "count", 2.5, NAN, NAN, "miles"),
    ("About ½ of the members voted.", "½", "fraction", 0.5, NAN, NAN, None),
    ("The index rose .5 points in the poll.", ".5 points", "percent", 0.5, NAN, NAN, "percentage point"),
    # units are nouns
    ("The motion failed with 42 against.", "42", "count", 42, NAN, NAN, None),
    ("On 5 Sept the 9 judges met.", "9", "count", 9, NAN, NAN, "judges"),
    ("The full 12 federal judges heard the case.", "12", "count", 12, NAN, NAN, "judges"),
    ("The firm hired 3,000 new workers.", "3,000", "count", 3000, NAN, NAN, "workers"),
    ("The share is 0.5 now.", "0.5", "count", 0.5, NAN, NAN, None),
    # points after a percentage or in a poll/vote/rate sentence
    ("The senator rose 3 points to 45% in the poll.", "3 points", "percent", 3, NAN, NAN, "percentage point"),
    ("The bank raised rates by 2 points.", "2 points", "percent", 2, NAN, NAN, "percentage point"),
    ("The Hawks won by 12 points.", "12", "count", 12, NAN, NAN, "points"),
    # tallies: one claim of two numbers
    ("The assembly passed the bill 134 to 63.", "134 to 63", "count", NAN, 63, 134, "tally"),
    ("It was a 134-to-63 vote.", "134-to-63", "count", NAN, 63, 134, "tally"),
    # idioms are not multipliers
    ("She tried three times to reclaim the title.", "three times", "count", 3, NAN, NAN, "times"),
    ("Prices are three times the level of 2019.", "three times", "multiplier", 3, NAN, NAN, "times"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "surface", "kind", "value", "low", "high", "unit"), SPELLED)
def test_spelled_out_and_units(text, surface, kind, value, low, high, unit):
    df = claims_in_text(text)
    rows = df[df["surface"] == surface]
    assert len(rows) == 1, df[["surface", "kind", "value", "unit"]]
    r = rows.iloc[0]
    assert text[r.start : r.end] == surface
    assert r.kind == kind and r.unit == unit
    for got, want in ((r.value, value), (r.low, low), (r.high, high)):
        assert (math.isnan(got) and math.isnan(want)) or got == pytest.approx(want)


@pytest.mark.parametrize(
    "text",
    [
        "He doubled down on the claim.",
        "The runner went twice around the track.",
        "They are doubling down on tariffs.",
    ],
)
def test_idioms_are_not_multipliers(text):
    assert not (claims_in_text(text)["kind"] == "multiplier").any()


def test_no_piecewise_reading_of_compounds():
    df = claims_in_text("Officials counted three hundred and thirty-one ballots.")
    assert list(df["surface"]) == ["three hundred and thirty-one"]
    df = claims_in_text("The port handled two and a half million containers.")
    assert list(df["value"]) == [2.5e6]


def test_age_has_the_person_as_context():
    df = claims_in_text("Speaker Nancy Pelosi, 76, said she would not run again.")
    r = df.iloc[0]
    assert (r.surface, r.value, r.unit) == ("76", 76, "years old")
    assert "Pelosi" in r.context


def test_every_row_points_at_its_surface():
    from tests.test_dates import IN_TEXT

    texts = [t for t, *_ in SPELLED] + [t for t, *_ in IN_TEXT]
    for text in texts:
        df = claims_in_text(text)
        assert not df.empty, text
        for r in df.itertuples():
            assert text[r.start : r.end] == r.surface, (text, r.surface)
