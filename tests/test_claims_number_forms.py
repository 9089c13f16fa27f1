"""Every way news writes a number (issue 19), on made-up news sentences: spelled compounds with
scales and fractions, fractions in digits and characters, signs, scale words after digits,
spoken decimals and spelled numbers that end a sentence."""

from __future__ import annotations

import math

import pytest

from newskit.claims.extract import claims_in_text
from newskit.claims.numbers import parse_number

NAN = math.nan

# (text, surface, kind, value, unit)
FORMS = {
    "spelled compounds with scales": [
        ("Organisers said forty-five thousand people joined the march.", "forty-five thousand", "count", 45_000, "people"),
        ("The winner took home a hundred thousand dollars.", "a hundred thousand dollars", "money", 100_000, "USD"),
        ("The census counted three hundred and five thousand residents.", "three hundred and five thousand", "count", 305_000, "residents"),
        ("The national debt passed thirty-two trillion dollars.", "thirty-two trillion dollars", "money", 32e12, "USD"),
        ("Two million two hundred thousand voters turned out.", "Two million two hundred thousand", "count", 2.2e6, "voters"),
        ("The budget is seven hundred and fifty million pounds.", "seven hundred and fifty million pounds", "money", 7.5e8, "GBP"),
        ("The cost came to one million three hundred thousand euros.", "one million three hundred thousand euros", "money", 1.3e6, "EUR"),
        ("The town has about seventeen thousand inhabitants.", "seventeen thousand", "count", 17_000, "inhabitants"),
        ("A thousand volunteers cleaned the beach.", "A thousand", "count", 1000, "volunteers"),
        ("The clerk recorded 4 hundred and 12 ballots.", "4 hundred and 12", "count", 412, "ballots"),
    ],
    "spelled fractions": [
        ("The fence runs one and a half miles along the border.", "one and a half", "count", 1.5, "miles"),
        ("The fund grew to six billion and a quarter.", "six billion and a quarter", "count", 6.25e9, None),
        ("Half a dozen trucks were stuck at the crossing.", "Half a dozen", "count", 6, "trucks"),
        ("Half a million people lost power.", "Half a million", "count", 5e5, "people"),
        ("A quarter of a million fans watched the final.", "A quarter of a million", "count", 2.5e5, "fans"),
        ("The mill needs three quarters of a million pounds.", "three quarters of a million pounds", "money", 7.5e5, "GBP"),
        ("Ten and a half tonnes of cocaine were seized.", "Ten and a half", "count", 10.5, "tonnes"),
    ],
    "fractions as digits and characters": [
        ("Only 3/4 of the ballots were counted.", "3/4", "fraction", 0.75, None),
        ("The river rose 2 1/4 feet overnight.", "2 1/4", "count", 2.25, "feet"),
        ("The pitcher threw 1 1/3 innings in relief.", "1 1/3", "count", 4 / 3, "innings"),
        ("The new bridge is ½ mile long.", "½", "count", 0.5, "mile"),
        ("About ½ of the members voted.", "½", "fraction", 0.5, None),
        ("The plank is 3¾ inches thick.", "3¾", "count", 3.75, "inches"),
    ],
    "signs": [
        ("The economy shrank -4.1% in the second quarter.", "-4.1%", "percent", -4.1, "percent"),
        ("Temperatures plunged to -15C in the hills.", "-15C", "count", -15, "°C"),
        ("Overnight the temperature dropped to minus 7.", "minus 7", "count", -7, None),
        ("Growth was revised to minus 0.2 percent.", "minus 0.2 percent", "percent", -0.2, "percent"),
        ("The shares rose +3.2% on Friday.", "+3.2%", "percent", 3.2, "percent"),
        ("The index ended the week (−2.5%) lower.", "−2.5%", "percent", -2.5, "percent"),
        ("Asked how many seats were left, the answer is minus one.", "minus one", "count", -1, None),
    ],
    "scale words after digits": [
        ("The company raised 12 bln rupees.", "12 bln rupees", "money", 1.2e10, "INR"),
        ("The video drew 3.5 k views in an hour.", "3.5 k", "count", 3500, "views"),
        ("The baker sold 4 dozens of rolls.", "4 dozens", "count", 48, None),
        ("The scheme gave 2 lakh farmers new seeds.", "2 lakh", "count", 2e5, "farmers"),
        ("He was fined Rs 5 crore by the court.", "Rs 5 crore", "money", 5e7, "INR"),
        ("The storm left 1.2m homes without power.", "1.2m", "count", 1.2e6, "homes"),
        ("The firm booked 40bln yen in profit.", "40bln yen", "money", 4e10, "JPY"),
        ("Inflation eased to 2.9pc in March.", "2.9pc", "percent", 2.9, "percent"),
    ],
    "spoken decimals": [
        ("The error rate was nought point nought four.", "nought point nought four", "count", 0.04, None),
        ("The index closed at three hundred point zero five.", "three hundred point zero five", "count", 300.05, None),
        ("The crate weighs one point five tonnes.", "one point five", "count", 1.5, "tonnes"),
        ("Growth hit two point oh five percent.", "two point oh five percent", "percent", 2.05, "percent"),
        ("Output grew by one point two billion dollars.", "one point two billion dollars", "money", 1.2e9, "USD"),
    ],
    "units and multipliers written onto numbers": [
        ("The phone has 128GB of storage.", "128GB", "count", 128, "GB"),
        ("They gave 500mg doses.", "500mg", "count", 500, "mg"),
        ("The new chip is 3x faster.", "3x", "multiplier", 3, "times"),
        ("Climbers camped at 3,000m altitude.", "3,000m", "count", 3000, "m"),
        ("It was the 1,000th visitor this year.", "1,000th", "ordinal", 1000, None),
    ],
    "a couple of, by half": [
        ("A couple of officers were hurt.", "A couple of", "count", 2, "officers"),
        ("The repairs took a couple of weeks.", "a couple of weeks", "duration", 2, "week"),
        ("A couple of hundred fans waited outside.", "A couple of hundred", "count", 200, "fans"),
        ("Sales fell by half after the recall.", "by half", "fraction", 0.5, None),
        ("The council cut the budget in half.", "in half", "fraction", 0.5, None),
    ],
    "units joined by a hyphen": [
        ("The runners set off on a 5-km loop.", "5-km", "count", 5, "km"),
        ("Investigators released a 300-page report.", "300-page", "count", 300, "page"),
        ("A 25-tonne truck blocked the road.", "25-tonne", "count", 25, "tonne"),
        ("A 7.8-magnitude quake hit the coast.", "7.8-magnitude", "count", 7.8, "magnitude"),
        ("Rates saw a 3-percentage-point drop.", "3-percentage-point", "percent", 3, "percentage point"),
        ("The agency tapped a $5-million fund.", "$5-million", "money", 5e6, "USD"),
        ("A 12-member jury was seated.", "12-member", "count", 12, "member"),
    ],
    "units of more than one word": [
        ("The storm's winds reached 120 km/h.", "120", "count", 120, "km/h"),
        ("Police clocked him at 90km/h.", "90km/h", "count", 90, "km/h"),
        ("Gusts of 75 miles per hour were recorded.", "75", "count", 75, "mph"),
        ("The fire burned 300 square miles.", "300", "count", 300, "sq mi"),
        ("The flat measures 50 square metres.", "50", "count", 50, "m²"),
        ("It was 38 degrees Celsius in Seville.", "38", "count", 38, "°C"),
        ("Output rose to 1.2 million barrels a day.", "1.2 million", "count", 1.2e6, "barrels per day"),
        ("The galaxy is 3.8 billion light years away.", "3.8 billion", "count", 3.8e9, "light-years"),
        ("The new plant makes 50 MW.", "50", "count", 50, "MW"),
    ],
    "hyphened fractions, shares and parts of a unit": [
        ("The hearing lasted two-and-a-half hours.", "two-and-a-half hours", "duration", 2.5, "hour"),
        ("It was a two-and-a-half-hour meeting.", "two-and-a-half-hour", "duration", 2.5, "hour"),
        ("Costs rose one-and-a-half times.", "one-and-a-half times", "multiplier", 1.5, "times"),
        ("Forecasters gave it a 1-in-3 chance.", "1-in-3", "fraction", 1 / 3, None),
        ("One in every four adults smokes.", "One in every four", "fraction", 0.25, None),
        ("The region floods in a 1-in-100-year storm.", "1-in-100", "fraction", 0.01, None),
        ("The pad hoisted men to the moon a half-century ago.", "a half-century", "duration", 0.5, "century"),
        ("The party ruled for half a century.", "half a century", "duration", 0.5, "century"),
        ("Rescuers arrived within three quarters of an hour.", "three quarters of an hour", "duration", 0.75, "hour"),
    ],
    "heights in feet and inches": [
        ("The suspect is 6ft 2in tall.", "6ft 2in", "count", 6 + 2 / 12, "ft"),
        ("He stands 6 feet 11 inches.", "6 feet 11 inches", "count", 6 + 11 / 12, "ft"),
        ("The 5-foot-9 guard scored 20.", "5-foot-9", "count", 5.75, "ft"),
    ],
    "thousands in text tokenised with spaces": [
        ("Activists sent more than 70, 000 petitions.", "70, 000", "count", 70_000, "petitions"),
        ("Rewards totaling $30, 000 are offered.", "$30, 000", "money", 30_000, "USD"),
        ("Some 230, 000 people fled.", "230, 000", "count", 230_000, "people"),
    ],
    "a time adjective before the unit": [
        ("He reached the playoffs in 10 consecutive years.", "10 consecutive years", "duration", 10, "year"),
        ("The talks need two more weeks.", "two more weeks", "duration", 2, "week"),
    ],
    "spelled numbers that end a sentence": [
        ("The death toll rose to nineteen.", "nineteen", "count", 19, None),
        ("A late layup cut the deficit to four, but the visitors held on.", "four", "count", 4, None),
        ("Police said the victims were a family of four.", "four", "count", 4, None),
        ("By the evening the number of missing stood at eleven.", "eleven", "count", 11, None),
    ],
}  # fmt: skip
CASES = [(family, *case) for family, cases in FORMS.items() for case in cases]


@pytest.mark.parametrize(
    ("family", "text", "surface", "kind", "value", "unit"),
    CASES,
    ids=[f"{c[0][:12]}-{c[2]}" for c in CASES],
)
def test_number_forms(family, text, surface, kind, value, unit):
    df = claims_in_text(text)
    rows = df[df["surface"] == surface]
    assert len(rows) == 1, (family, list(zip(df["surface"], df["value"], strict=True)))
    r = rows.iloc[0]
    assert text[r.start : r.end] == surface
    assert (r.kind, r.unit) == (kind, unit)
    assert r.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "Rescuers worked 24/7 to reach them.",  # not 24 sevenths
        "Relatives of 9/11 victims met the senator.",  # a date's name, not 9/11
        "3/16 A mother looks out from her cave home.",  # a photo counter
        "The two, who met in 2019, declined to comment.",  # a lone "two" after "the"
        "She has a fine three-point shot.",  # "three-point" names a shot
        "The fighters answered one by one.",
        "The 5G network launched.",  # a name, not five grams
        "RAISR and Zero Shutter Lag sharpen shots.",  # a name
        "The police have zero tolerance.",
    ],
)
def test_not_numbers(text):
    df = claims_in_text(text)
    bad = df[df["kind"].isin(["count", "fraction", "percent"])]
    assert bad.empty, list(bad["surface"])


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("Several hundred people gathered.", "Several hundred", 200, 999),
        ("A few thousand fans marched.", "A few thousand", 2_000, 9_999),
        ("Several hundred thousand homes lost power.", "Several hundred thousand", 2e5, 999_999),
    ],
)
def test_several_and_a_few_of_a_scale_are_ranges(text, surface, low, high):
    (r,) = claims_in_text(text).itertuples()
    assert (r.surface, r.kind, r.low, r.high) == (surface, "magnitude", low, high)
    assert text[r.start : r.end] == surface


@pytest.mark.parametrize(
    ("text", "surface", "hedge", "low", "unit"),
    [
        ("Twenty-odd protesters gathered outside.", "Twenty", "odd", 20, "protesters"),
        ("The 100-odd passengers waited.", "100", "odd", 100, "passengers"),
        ("He scored 20 odd points.", "20", "odd", 20, "points"),
        ("Some 4,500-odd fans came.", "4,500", "Some odd", 4500, "fans"),
        ("A 100-plus crowd cheered.", "100", "plus", 100, "crowd"),
        ("They spent three-plus seasons in Portland.", "three", "plus", 3, "seasons"),
        ("A 20-ish crowd came.", "20", "ish", NAN, "crowd"),
    ],
)
def test_a_number_and_some_more(text, surface, hedge, low, unit):
    """ "-odd" and "-plus" make a lower bound, "-ish" an approximation; the unit is the noun
    after them."""
    rows = claims_in_text(text)
    r = rows[rows["surface"] == surface].iloc[0]
    assert (r.kind, r.hedge, r.unit) == ("count", hedge, unit)
    assert r.low == pytest.approx(low, nan_ok=True)
    assert text[r.start : r.end] == surface


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("A 20-something founder spoke.", "20", None),  # no unit in "something"
        ("He got a 2-for-1 deal.", "2", None),  # a number after the word
        ("They won 2-nil at home.", "2", None),
        ("The $2 billion-dollar question.", "$2 billion", "USD"),  # money, not "dollar" counted
        ("A 20-year-old man was held.", "20-year-old", "year"),  # an age stays a duration
    ],
)
def test_hyphen_words_that_are_no_unit(text, surface, unit):
    df = claims_in_text(text)
    assert surface in set(df["surface"]), list(df["surface"])
    assert df[df["surface"] == surface].iloc[0].unit == unit


@pytest.mark.parametrize(
    ("text", "surface", "kind", "unit"),
    [
        ("The quake killed at least one person.", "one", "count", "person"),
        ("One person was arrested after the clash.", "One", "count", "person"),
        ("Police arrested 17 men and one woman.", "one", "count", "woman"),
        ("One bomb fell inside the camp.", "One", "count", "bomb"),
        ("The move came one day after the vote.", "one day", "duration", "day"),
    ],
)
def test_one_that_counts(text, surface, kind, unit):
    df = claims_in_text(text)
    r = df[df["surface"] == surface].iloc[0]
    assert (r.kind, r.value, r.unit) == (kind, 1, unit)


@pytest.mark.parametrize(
    "text",
    [
        "One woman told police she was surrounded.",  # "a woman"
        "Eyewitness News spoke to one man who saw the crash.",
        "One day, he said, the town will recover.",  # "some day"
        "It is one of the largest camps.",
        "One way or another the deal will close.",
    ],
)
def test_one_that_is_a_pronoun_or_an_article(text):
    assert claims_in_text(text).empty


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("The beach is about 300, 400 meters away.", ["300", "400"]),  # three to four hundred
        ("Bell (5-11, 220) played at Wayne State.", ["5-11", "220"]),  # height, weight
        ("They scored 100, 200 and 300.", ["100", "200", "300"]),  # a list
        ("On Dec. 25, 100 people gathered.", ["Dec. 25", "100"]),
    ],
)
def test_comma_and_space_between_numbers_that_are_not_thousands(text, surfaces):
    assert list(claims_in_text(text)["surface"]) == surfaces


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The court ordered him to pay 1 million Egyptian pounds.", "1 million Egyptian pounds", 1e6, "EGP"),
        ("It sold for 5 billion Hong Kong dollars.", "5 billion Hong Kong dollars", 5e9, "HKD"),
    ],
)  # fmt: skip
def test_a_countrys_pound_or_dollar(text, surface, value, unit):
    (r,) = claims_in_text(text).itertuples()
    assert (r.surface, r.kind, r.value, r.unit) == (surface, "money", value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "The players later flew first class to Sioux Falls.",
        "They moved to First Street in the spring.",
        "She was struck on 117th Street near 97th Avenue.",
    ],
)
def test_ordinals_in_names_and_idioms_are_no_claims(text):
    assert claims_in_text(text).empty


def test_a_headline_in_brackets_is_not_a_citation():
    df = claims_in_text("[Five things to remember about the victory]")
    assert list(df["surface"]) == ["Five"] and claims_in_text("as shown [3] here").empty


def test_plus_or_minus_is_a_margin_not_a_sign():
    (r,) = claims_in_text("They can pin it down within plus or minus three hours.").itertuples()
    assert (r.surface, r.value, r.hedge) == ("three hours", 3, "plus or minus")


@pytest.mark.parametrize("text", ["Profits were a third more.", "Rents are a quarter higher."])
def test_a_third_more_is_a_fraction(text):
    (r,) = claims_in_text(text).itertuples()
    assert r.kind == "fraction"


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Few of the dozen people interviewed had a job.", "dozen", "people"),
        ("He said his dozen rounds were meant for a rival gang.", "dozen", "rounds"),
    ],
)
def test_a_dozen_after_a_determiner(text, surface, unit):
    (r,) = claims_in_text(text).itertuples()
    assert (r.surface, r.value, r.unit) == (surface, 12, unit)
    assert claims_in_text("The dozen who stayed were fed.").empty


def test_a_photo_gallery_counter_is_no_claim():
    assert claims_in_text("Hide Caption 14 of 25 Photos: the aftermath").empty


def test_half_in_other_phrases_is_not_by_half():
    df = claims_in_text("He arrived in half an hour and won by half a point.")
    assert "by half" not in set(df["surface"]) and "in half" not in set(df["surface"])


def test_a_range_of_spelled_numbers_stays_a_range():
    df = claims_in_text("Between two and three hundred people were evacuated.")
    assert list(df["surface"]) == ["Between two and three hundred"]
    assert (df.iloc[0].low, df.iloc[0].high) == (200, 300)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("forty-five thousand", 45_000),
        ("a hundred thousand", 100_000),
        ("three hundred and five thousand", 305_000),
        ("thirty-two trillion", 32e12),
        ("six billion and a quarter", 6.25e9),
        ("half a dozen", 6),
        ("a quarter of a million", 250_000),
        ("4 hundred and 12", 412),
        ("nought point nought four", 0.04),
        ("three hundred point zero five", 300.05),
        ("12 bln", 1.2e10),
        ("3.5 k", 3500),
        ("4 dozens", 48),
        ("5-million", 5e6),
        ("two-and-a-half", 2.5),
        ("three-and-a-quarter", 3.25),
        ("2 lakh", 2e5),
        ("5 crore", 5e7),
        ("-4.1", -4.1),
        ("−15", -15),
        ("+3.2", 3.2),
        ("minus 7", -7),
        ("2 1/4", 2.25),
        ("3/4", 0.75),
    ],
)
def test_parse_number_forms(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["24/7", "9/11", "one two", "twenty thirty", "hundred", "two hundred three hundred"]
)
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None
