"""newskit.dates: weekdays, yearless dates, ranges, vague parts, relative periods, tense."""

from __future__ import annotations

import datetime as dt

import pytest

from newskit.claims import dates

FRI = dt.date(2025, 9, 12)
SUN = dt.date(2025, 9, 14)
WED = dt.date(2025, 9, 17)


@pytest.mark.parametrize(
    ("weekday", "anchor", "direction", "modifier", "expected"),
    [
        (2, FRI, "future", "", "2025-09-17"),  # "next deadline is Wednesday", dated Friday
        (2, FRI, "past", "", "2025-09-10"),  # "met on Wednesday"
        (2, FRI, "nearest", "", "2025-09-10"),
        (0, SUN, "nearest", "", "2025-09-15"),  # "Monday" in a Sunday-dated story
        (0, SUN, "past", "", "2025-09-08"),  # "resumed talks on Monday": on or before (TimeML)
        (3, dt.date(2025, 11, 6), "past", "", "2025-11-06"),  # "voted Thursday", a Thursday
        (2, dt.date(2025, 11, 6), "past", "", "2025-11-05"),  # "voted Wednesday afternoon"
        (2, dt.date(2025, 11, 6), "future", "", "2025-11-12"),  # "will vote Wednesday"
        (1, dt.date(2025, 11, 6), "nearest", "", "2025-11-04"),  # Tuesday: 2 back, 5 ahead
        (0, dt.date(2025, 11, 6), "nearest", "", "2025-11-03"),  # Monday: 3 back, 4 ahead
        (0, dt.date(2025, 11, 7), "nearest", "", "2025-11-10"),  # from Friday: 4 back, 3 ahead
        (0, SUN, "past", "last", "2025-09-08"),  # "last Monday" is never tomorrow
        (3, FRI, "past", "", "2025-09-11"),  # "released on Thursday"
        (4, FRI, "past", "", "2025-09-12"),  # "sent Friday morning", the same day
        (4, FRI, "future", "next", "2025-09-19"),  # "next Friday" on a Friday
        (2, WED, "future", "", "2025-09-17"),  # "Wednesday" on a Wednesday: today
        (5, FRI, "future", "", "2025-09-13"),
    ],
)
def test_resolve_weekday(weekday, anchor, direction, modifier, expected):
    r = dates.resolve_weekday(weekday, anchor, direction, modifier=modifier)
    assert (r.date, r.rule) == (expected, "weekday")


def test_weekday_without_anchor_is_left_empty():
    assert dates.resolve_weekday(2, None, "future") == dates.Resolved(None, None, "unanchored")


@pytest.mark.parametrize(
    ("month", "day", "year", "anchor", "direction", "expected", "rule"),
    [
        (9, 17, None, FRI, "nearest", "2025-09-17", "anchor_year"),
        (1, None, None, FRI, "past", "2025-01", "anchor_year"),  # "A January deadline was…"
        (1, None, None, FRI, "future", "2026-01", "anchor_year"),  # "a January deadline looms"
        (1, None, None, FRI, "nearest", "2026-01", "anchor_year"),
        (12, 20, None, dt.date(2026, 1, 5), "nearest", "2025-12-20", "anchor_year"),
        (3, None, 2023, FRI, "future", "2023-03", "explicit"),  # "March 2023"
        (9, 17, None, None, "future", "--09-17", "unanchored"),
        (4, None, None, None, "past", "--04", "unanchored"),
        (2, 30, 2025, FRI, "nearest", None, "invalid"),
    ],
)
def test_resolve_month_day(month, day, year, anchor, direction, expected, rule):
    r = dates.resolve_month_day(month, day, year, anchor, direction)
    assert (r.date, r.rule) == (expected, rule)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((9, 12, 9, 18, None, FRI, "nearest"), ("2025-09-12", "2025-09-18")),  # "Sept. 12-18"
        ((9, 14, 9, 17, None, SUN, "nearest"), ("2025-09-14", "2025-09-17")),
        ((12, 28, 1, 3, None, FRI, "future"), ("2025-12-28", "2026-01-03")),  # over New Year
        ((9, 14, 9, 17, None, None, "nearest"), ("--09-14", "--09-17")),
    ],
)
def test_resolve_day_range(args, expected):
    r = dates.resolve_day_range(*args)
    assert (r.date, r.date_end) == expected


@pytest.mark.parametrize(
    ("part", "month", "year", "anchor", "expected"),
    [
        ("early", 11, None, FRI, ("2025-11-01", "2025-11-10")),
        ("mid", 3, 2024, None, ("2024-03-11", "2024-03-20")),
        ("late", 2, None, dt.date(2024, 4, 1), ("2024-02-21", "2024-02-29")),  # leap year
        ("late", 10, None, None, ("--10", None)),
    ],
)
def test_resolve_vague_part(part, month, year, anchor, expected):
    r = dates.resolve_vague_part(part, month, year, anchor, "nearest")
    assert (r.date, r.date_end) == expected


@pytest.mark.parametrize(
    ("phrase", "anchor", "expected"),
    [
        ("next week", FRI, ("2025-09-15", "2025-09-21")),
        ("this week", FRI, ("2025-09-08", "2025-09-14")),
        ("last week", SUN, ("2025-09-01", "2025-09-07")),  # the week before the one ending
        ("this week", SUN, ("2025-09-08", "2025-09-14")),  # that Sunday (ISO weeks)
        ("next week", SUN, ("2025-09-15", "2025-09-21")),
        ("last week", FRI, ("2025-09-01", "2025-09-07")),
        ("this weekend", FRI, ("2025-09-13", "2025-09-14")),
        ("this weekend", SUN, ("2025-09-13", "2025-09-14")),
        ("last month", FRI, ("2025-08", None)),
        ("next month", dt.date(2025, 12, 3), ("2026-01", None)),
        ("this year", FRI, ("2025", None)),
        ("earlier this year", SUN, ("2025-01-01", "2025-09-14")),
        ("later this year", SUN, ("2025-09-14", "2025-12-31")),
        ("yesterday", FRI, ("2025-09-11", None)),
        ("next week", None, (None, None)),
    ],
)
def test_resolve_relative(phrase, anchor, expected):
    r = dates.resolve_relative(phrase, anchor)
    assert (r.date, r.date_end) == expected


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("with the next deadline coming up", "", "future"),
        ("President Donald Trump said", "that he will keep extending", "past"),
        ("China and the United States resumed high-stakes trade talks on", "", "past"),
        ("with meetings expected to continue through", "", "future"),
        ("The summit will be held on", "", "future"),
        ("according to a schedule released by the Treasury Department on", "", "past"),
        ("A", "deadline for ByteDance to find a local buyer was pushed back", "past"),
        ("the latest being a 90-day extension from", "", "nearest"),
        ("The United States and", "", "nearest"),  # a capitalised "-ed" is a name
    ],
)
def test_tense_direction(before, after, expected):
    assert dates.tense_direction(before, after) == expected


def test_year_part_and_ago():
    assert dates.resolve_year_part(7, 9, None, FRI) == dates.Resolved(
        "2025-07", "2025-09", "anchor_year"
    )
    assert dates.resolve_year_part(12, 2, 2024, None).date_end == "2025-02"  # winter
    assert dates.resolve_ago(3, "year", FRI).date == "2022"
    assert dates.resolve_ago(2, "month", dt.date(2025, 1, 15)).date == "2024-11"


def test_weekday_name():
    assert dates.weekday_name("2025-09-17") == "Wednesday"
    assert dates.weekday_name("2025-09") is None and dates.weekday_name(None) is None


# ---------------------------------------------------------------- in made-up sentences
# (text, anchor, surface, kind, date, date_end, date_rule); every example is invented.
OCT15 = dt.date(2025, 10, 15)  # a Wednesday
NOV2 = dt.date(2025, 11, 2)  # a Sunday
NOV6 = dt.date(2025, 11, 6)  # a Thursday
IN_TEXT = [
    # today, tonight, this morning → the article's date
    ("The mayor spoke today about the budget.", OCT15, "today", "date", "2025-10-15", None, "relative"),
    ("He will speak tonight in Leeds.", OCT15, "tonight", "date", "2025-10-15", None, "relative"),
    ("Police said this morning that two men were held.", OCT15, "this morning", "date", "2025-10-15", None, "relative"),
    ("The strike ended last night.", OCT15, "last night", "date", "2025-10-14", None, "relative"),
    # weekdays by tense
    ("The House voted Wednesday afternoon on the bill.", NOV6, "Wednesday", "date", "2025-11-05", None, "weekday"),
    ("The Senate will vote Wednesday on the bill.", NOV6, "Wednesday", "date", "2025-11-12", None, "weekday"),
    ("The council met on Friday to discuss rents.", NOV6, "Friday", "date", "2025-10-31", None, "weekday"),
    # month(-day) without a year: nearest, then tense past a quarter away
    ("Shareholders of record on Dec. 15 will be paid.", NOV2, "Dec. 15", "date", "2025-12-15", None, "anchor_year"),
    ("Sales slumped in March, the company said.", OCT15, "March", "date", "2025-03", None, "anchor_year"),
    ("The plant will reopen in March.", OCT15, "March", "date", "2026-03", None, "anchor_year"),
    ("The deal closed on Jan. 9 after months of talks.", dt.date(2026, 2, 3), "Jan. 9", "date", "2026-01-09", None, "anchor_year"),
    # relative periods and ranges, granularity kept
    ("Profit doubled from a year earlier.", OCT15, "a year earlier", "year", "2024", None, "relative"),
    # "a year ago" names the article's day a year back (TimeML news, issue 19)
    ("Prices rose 3% from a year ago.", OCT15, "a year ago", "date", "2024-10-15", None, "relative"),
    ("The valley held 5 million people a century ago.", OCT15, "a century ago", "date", "1925", None, "relative"),
    ("Over the past year, rents rose sharply.", OCT15, "the past year", "date_range", "2024-10-15", "2025-10-15", "relative"),
    ("The fund aims to close the deal by year-end.", OCT15, "year-end", "date", "2025-12", None, "relative"),
    ("Output fell in the third quarter.", OCT15, "third quarter", "date_range", "2025-07", "2025-09", "anchor_year"),
    ("Output fell last quarter.", OCT15, "last quarter", "date_range", "2025-07", "2025-09", "relative"),
    ("Output will rise next quarter.", OCT15, "next quarter", "date_range", "2026-01", "2026-03", "relative"),
    ("Growth slowed in the first half of 2024.", OCT15, "first half of 2024", "date_range", "2024-01", "2024-06", "explicit"),
    ("The works finished this summer.", OCT15, "this summer", "date_range", "2025-06", "2025-08", "relative"),
    ("The plan was agreed last spring.", OCT15, "last spring", "date_range", "2025-03", "2025-05", "relative"),
    ("Talks are set for this winter.", OCT15, "this winter", "date_range", "2025-12", "2026-02", "relative"),
    ("The bridge opens next summer.", OCT15, "next summer", "date_range", "2026-06", "2026-08", "relative"),
    ("Rents soared in the 1990s.", OCT15, "the 1990s", "date_range", "1990", "1999", "explicit"),
    ("They met last month.", OCT15, "last month", "date", "2025-09", None, "relative"),
    ("The ministers will meet next week.", OCT15, "next week", "date_range", "2025-10-20", "2025-10-26", "relative"),
    ("Last week, the council voted.", NOV2, "Last week", "date_range", "2025-10-20", "2025-10-26", "relative"),
    # year spans are year ranges, never counts
    ("Inflation averaged 3% between 1994 and 1997.", OCT15, "between 1994 and 1997", "date_range", "1994", "1997", "explicit"),
    ("The mill ran from 1990 to 1995.", OCT15, "1990 to 1995", "date_range", "1990", "1995", "explicit"),
    ("In 1994-97 the mill grew.", OCT15, "1994-97", "date_range", "1994", "1997", "explicit"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "anchor", "surface", "kind", "date", "end", "rule"), IN_TEXT)
def test_dates_in_text(text, anchor, surface, kind, date, end, rule):
    from newskit.claims.extract import claims_in_text

    df = claims_in_text(text, anchor)
    rows = df[df["surface"] == surface]
    assert len(rows) == 1, df[["surface", "kind", "date"]]
    r = rows.iloc[0]
    assert text[r.start : r.end] == surface
    assert (r.kind, r.date, r.date_end, r.date_rule) == (kind, date, end, rule)


@pytest.mark.parametrize(
    "text",
    [
        "Relatives of the Sept. 11 attacks victims met the senator.",
        "9/11 families sued the kingdom.",
        "Traffic peaked before the July 4 holiday.",
        "The Fourth of July parade was cancelled.",
    ],
)
def test_event_names_are_not_dates_of_this_year(text):
    from newskit.claims.extract import claims_in_text

    assert claims_in_text(text, OCT15).empty


@pytest.mark.parametrize(
    "text",
    [
        "NAIROBI, Kenya, March 3 (Reuters) - Kenya's central bank lowered rates on Tuesday.",
        "NAIROBI, 3 March (Reuters) - Kenya's central bank lowered rates on Tuesday.",
        "LIMA, Peru, Feb. 27, 2025 (AP) — Kenya's central bank lowered rates on Tuesday.",
    ],
)
def test_dateline_variants_are_not_claims(text):
    from newskit.claims.extract import claims_in_text

    assert list(claims_in_text(text, dt.date(2025, 3, 3))["surface"]) == ["Tuesday"]


def test_dateline_is_not_a_body_claim():
    from newskit.claims.extract import claims_in_text

    text = "NAIROBI, March 3 (Reuters) - Kenya's central bank lowered rates on Tuesday."
    df = claims_in_text(text, dt.date(2025, 3, 3))
    assert list(df["surface"]) == ["Tuesday"]
    assert df.iloc[0].date == "2025-02-25"  # past tense, on or before the Monday story date
