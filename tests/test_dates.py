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
        (0, SUN, "past", "", "2025-09-15"),  # "resumed talks on Monday": a day's time-zone lag
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
        ("last week", SUN, ("2025-09-08", "2025-09-14")),  # the week ending that Sunday
        ("this week", SUN, ("2025-09-15", "2025-09-21")),
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
