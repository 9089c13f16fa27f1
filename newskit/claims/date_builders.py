"""Builders for date patterns: a regex match → a date claim whose date is resolved later."""

from __future__ import annotations

import re

from newskit.claims import dates as _dates
from newskit.claims.builders import _ordinal_value
from newskit.claims.context import (
    _hedge_before,
    _is_label,
    _next_word,
    _prev_word,
)
from newskit.claims.grammar import SKIP, _Claim
from newskit.claims.numbers import _alt, parse_number
from newskit.resources.numbers import (
    DECADE_PARTS,
    DURATION_UNITS,
    EVENT_BEFORE_MONTH,
    EVENT_FOLLOWERS,
    HOLIDAY_LEADS,
    MONTH_LEADS,
    MONTH_MODIFIERS,
    MONTHS,
    RELATIVE_PERIODS,
    SPORTS_WORDS,
    WEEKDAYS,
    YEAR_PARTS,
    YEAR_TITLE_WORDS,
)


def _date_claim(m: re.Match[str], kind: str, resolve, weekday: str | None = None) -> _Claim:
    return _Claim(m.start(), m.end(), kind, resolve=resolve, weekday=weekday)


def _month_num(s: str) -> int:
    return MONTHS[s.rstrip(".")]


def _day_num(s: str) -> int:
    return int(_DIGIT_RUN.match(s).group())  # type: ignore[union-attr]


_DIGIT_RUN = re.compile(r"\d+")


_THE_BEFORE = re.compile(r"(?i)\bthe\s$")  # searched from 6 characters before


def _b_iso_date(m, text, generic):
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    return _date_claim(
        m,
        "date",
        lambda direction, anchor: _dates.resolve_month_day(mo, d, y, None, "nearest"),
    )


def _b_slash_date(m, text, generic):
    """ "12/25/2024" (month first) or "25/12/2024" (day first): the order is known only when
    one number is above 12; "3/4/2024" may be either, and is left out."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if a > 12 and 1 <= b <= 12:
        mo, d = b, a
    elif b > 12 and 1 <= a <= 12:
        mo, d = a, b
    else:
        return None
    if _dates._safe_date(y, mo, d) is None:
        return None
    return _date_claim(
        m,
        "date",
        lambda direction, anchor: _dates.resolve_month_day(mo, d, y, None, "nearest"),
    )


def _b_md_range(m, text, generic):
    m1 = _month_num(m["m1"])
    m2 = _month_num(m["m2"]) if m["m2"] else m1
    d1, d2 = _day_num(m["d1"]), _day_num(m["d2"])
    y = int(m["y"]) if m["y"] else None
    if (m2, d2) <= (m1, d1) and m2 == m1:
        return None
    return _date_claim(
        m,
        "date_range",
        lambda direction, anchor: _dates.resolve_day_range(m1, d1, m2, d2, y, anchor, direction),
    )


def _b_dm_range(m, text, generic):
    mo = _month_num(m["m1"])
    d1, d2 = _day_num(m["d1"]), _day_num(m["d2"])
    y = int(m["y"]) if m["y"] else None
    if d2 <= d1:
        return None
    return _date_claim(
        m,
        "date_range",
        lambda direction, anchor: _dates.resolve_day_range(mo, d1, mo, d2, y, anchor, direction),
    )


def _b_md(m, text, generic):
    mo, d = _month_num(m["m"]), _day_num(m["d"])
    y = int(m["y"]) if m["y"] else None
    if m["m"] == "May" and not m["d"]:
        return None
    if y is None and _next_word(text, m.end()).lower() in EVENT_FOLLOWERS:
        return _Claim(m.start(), m.end(), SKIP)  # "the Sept. 11 attacks": an event's name
    return _date_claim(
        m, "date", lambda direction, anchor: _dates.resolve_month_day(mo, d, y, anchor, direction)
    )


_b_dm = _b_md  # "17 September 2025" is read like "September 17, 2025"


def _b_month_year(m, text, generic):
    mo, y = _month_num(m["m"]), int(m["y"])
    return _date_claim(
        m, "date", lambda direction, anchor: _dates.resolve_month_day(mo, None, y, None, direction)
    )


def _b_vague(m, text, generic):
    part = m["part"].strip().lower().rstrip("-‐‑")
    part = "mid" if part.startswith("mid") else part
    mo = _month_num(m["m"])
    y = int(m["y"]) if m["y"] else None
    return _date_claim(
        m,
        "date_range",
        lambda direction, anchor: _dates.resolve_vague_part(part, mo, y, anchor, direction),
    )


def _b_year_part(m, text, generic):
    part = " ".join(m["part"].lower().split())
    first, last = YEAR_PARTS[part]
    ytext = m["y"]
    if ytext is None and (part.startswith(("first h", "second h", "h")) or part.endswith("months")):
        return None  # "the first half" of a game, a match, a speech; "the first six months"
    if (
        ytext is None
        and not part.startswith("q")
        and not _THE_BEFORE.search(text, max(0, m.start() - 6), m.start())
    ):
        return None

    if ytext is None and _SPORTS_RE.search(text):
        return None  # "a touchdown in the second quarter": a game's quarter

    def resolve(direction, anchor):
        if ytext and ytext[0].isdigit():
            return _dates.resolve_year_part(first, last, int(ytext), anchor)
        if ytext:
            offset = {"this": 0, "the": 0, "next": 1, "last": -1}[ytext.split()[0].lower()]
            if anchor is None:
                return _dates.Resolved(None, None, "unanchored")
            return _dates.resolve_year_part(first, last, anchor.year + offset, anchor)
        return _dates.resolve_year_part(first, last, None, anchor)

    return _date_claim(m, "date_range", resolve)


# a game word, or a score ("14-0", "20-13")
_SPORTS_RE = re.compile(
    r"(?i)\b(?:" + _alt(SPORTS_WORDS) + r")\b|\b\d{1,2}[-–]\d{1,2}\b"
    r"(?![-–]?\d|\.\d|\s?%|\s*(?:per\s?cent|percent|pct|points?|basis|[mb]illion|bn|m)\b)"
)


def _b_season(m, text, generic):
    first, last = YEAR_PARTS[m["part"].lower()]
    y = int(m["y"])
    return _date_claim(
        m, "date_range", lambda direction, anchor: _dates.resolve_year_part(first, last, y, None)
    )


_EVENT_BEFORE_MONTH = re.compile(r"(?i)\b(?:" + _alt(EVENT_BEFORE_MONTH) + r")\s$")


def _b_month(m, text, generic):
    word = m["m"]
    mo = MONTHS[word]
    if m["rel"] or m["mod"]:  # "last June", "next March", "March this year"
        rel = m["rel"] or m["mod"]
        offset = MONTH_MODIFIERS[rel.lower()]
        by_year = m["rel"] is not None
        if word == "May" and not by_year and m["mod"].lower() in ("this", "coming", "past"):
            return None  # "this may …"
        return _date_claim(
            m,
            "date",
            lambda direction, anchor: _dates.resolve_modified_month(
                mo, offset, anchor, year_offset=by_year
            ),
        )
    event = _EVENT_BEFORE_MONTH.search(text, max(0, m.start() - 12), m.start())
    if event:
        return _Claim(event.start(), m.end(), SKIP)  # "the Fourth of July" is a holiday
    prev = _prev_word(text, m.start()).lower()
    if prev not in MONTH_LEADS:
        return None
    if prev in ("and", "or") and _named_pair(text, m.start(), m.end()):
        return None  # "Craig and April Likhite drove …": a first name
    if word == "May" and prev not in {
        "in",
        "since",
        "by",
        "until",
        "from",
        "through",
        "of",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "during",
    }:
        return None
    return _date_claim(
        m,
        "date",
        lambda direction, anchor: _dates.resolve_month_day(mo, None, None, anchor, direction),
    )


def _named_pair(text: str, start: int, end: int) -> bool:
    """A month name between "and"/"or" after a capitalised word that is no month, and a
    capitalised word that is no date word: "Craig and April Likhite" (not "March and April
    Apple sold", "Craig and April 2019")."""
    after = _CAPITALISED_AFTER.match(text, end)
    if not after or after.group(1) in MONTHS or after.group(1) in WEEKDAYS:
        return False
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    return bool(before) and before.group(1) not in MONTHS


_CAPITALISED_AFTER = re.compile(r" ([A-Z][a-z]+)\b")
_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][a-z]+) (?:and|or) $")


def _b_wd_md(m, text, generic):
    """ "Friday, Jan. 7" and "Friday 7 January": one date, with its weekday."""
    mo, d = _month_num(m["m"] or m["m2"]), _day_num(m["d"] or m["d2"])
    y = int(m["y"]) if m["y"] else None
    full = next(k for k, v in WEEKDAYS.items() if v == WEEKDAYS[m["w"].rstrip(".")])
    return _date_claim(
        m,
        "date",
        lambda direction, anchor: _dates.resolve_month_day(mo, d, y, anchor, direction),
        weekday=full,
    )


def _b_holiday(m, text, generic):
    """ "Thanksgiving Day", "on Election Day", "last Christmas" (a one-word name needs a
    preposition or "last"/"next" before it: "Christmas trees" is no date)."""
    name = m["h"].replace("’", "'")
    one_word = " " not in name and not m["mod"] and not m["y"]
    if one_word and _prev_word(text, m.start()).lower() not in HOLIDAY_LEADS:
        return None
    mod = (m["mod"] or "").lower()
    y = int(m["y"]) if m["y"] else None
    return _date_claim(
        m,
        "date",
        lambda direction, anchor: _dates.resolve_holiday(name, y, anchor, direction, mod),
    )


def _year_claim(m, year: int, *, hedge: str | None = None, rule: str = "explicit") -> _Claim:
    return _Claim(
        m.start(), m.end(), "year", value=float(year), unit="year", hedge=hedge,
        date=f"{year:04d}", date_rule=rule,
    )  # fmt: skip


def _b_part_year(m, text, generic):
    """ "mid-1997", "late 1996", "post-1960", "pre-2008": the year, the part as the hedge."""
    return _year_claim(m, int(m["y"]), hedge=m["part"].lower())


def _b_spelled_year(m, text, generic):
    """ "nineteen ninety-seven" → 1997, "nineteen oh five" → 1905, "twenty twelve" → 2012."""
    century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[(m["c"] or m["c2"]).lower()]
    rest = " ".join(re.split(r"[-‐‑\s]+", (m["r"] or m["r2"]).lower()))
    tail = 0.0 if rest == "hundred" else parse_number(rest.replace("oh ", ""))
    if tail is None or not 0 <= tail <= 99:
        return None
    if not (m["c"] or _YEAR_CONTEXT.search(text, max(0, m.start() - 12), m.start())):
        return None  # "twenty twenty" alone is rarely a year; "in twenty twenty" is
    return _year_claim(m, century * 100 + int(tail))


_YEAR_CONTEXT = re.compile(r"(?i)\b(?:in|since|of|by|until|from|before|after)\s+$")


def _relative_year(m, offset: int, *, anaphoric: bool = False) -> _Claim:
    def resolve(direction, anchor):
        if anchor is None:
            return _dates.Resolved(None, None, "unanchored")
        return _dates.Resolved(f"{anchor.year + offset:04d}", None, "relative")

    c = _Claim(m.start(), m.end(), "year", unit="year", resolve=resolve, anaphoric=anaphoric)
    return c


def _b_the_year(m, text, generic):
    """ "for the year", "the current fiscal year" → the article's year; "that year", "the
    same year" → the year the article named last (else the article's)."""
    before = text[max(0, m.start() - 30) : m.start()].lower().split()
    if len(before) >= 2 and before[-1] == "of" and before[-2] in YEAR_TITLE_WORDS:
        return None  # "player of the year"
    anaphoric = m["det"].lower() == "that" or (m["cur"] or "").lower() == "same"
    return _relative_year(m, 0, anaphoric=anaphoric)


def _b_fiscal_year(m, text, generic):
    """ "fiscal 1991" → 1991 as given; "this fiscal year" → the article's year, "next fiscal
    year" → the one after."""
    y = m["y"] or m["y2"]
    if y:
        return _year_claim(m, int(y))
    if m["fy"]:  # "FY2024"; "FY24" → 2024, "FY91" → 1991
        fy = int(m["fy"])
        return _year_claim(m, fy if fy > 99 else fy + (2000 if fy <= 50 else 1900))
    if not m["mod"]:
        return None  # "the fiscal year" is read by the_year
    offset = {"this": 0, "coming": 1, "next": 1}.get(m["mod"].lower(), -1)
    return _relative_year(m, offset)


def _b_year_earlier(m, text, generic):
    """ "the year-earlier period", "year-ago levels" → the year before the article's."""
    return _relative_year(m, -1)


def _b_weekday(m, text, generic):
    name = m["w"].rstrip(".")
    if len(name) <= 4 and not m["w"].endswith(".") and name not in ("Mon", "Wed", "Fri"):
        return None
    if len(name) <= 3 and not m["w"].endswith("."):
        return None
    wd = WEEKDAYS[name]
    mod = (m["mod"] or "").lower()
    full = next(k for k, v in WEEKDAYS.items() if v == wd)
    return _date_claim(
        m,
        "date",
        lambda direction, anchor: _dates.resolve_weekday(wd, anchor, direction, modifier=mod),
        weekday=full,
    )


def _b_relative(m, text, generic):
    phrase = " ".join(m["rel"].lower().split())
    unit, _ = RELATIVE_PERIODS[phrase]
    kind = (
        "year"
        if unit == "year"
        else "date"
        if unit in ("day", "month", "year_end")
        else ("date_range")
    )
    if unit == "weekend" and not phrase.startswith(("next", "last")):
        # "over the weekend, protesters …" in a Monday story: the weekend just past
        return _date_claim(
            m, kind, lambda direction, anchor: _dates.resolve_weekend(phrase, anchor, direction)
        )
    return _date_claim(m, kind, lambda direction, anchor: _dates.resolve_relative(phrase, anchor))


def _b_ago(m, text, generic):
    word = m["n"].lower()
    n = 1.0 if word in ("a", "an") else parse_number(m["n"])
    if n is None:
        return None
    unit = DURATION_UNITS[m["u"].lower()]
    day = word in ("a", "an", "one")  # "a year ago" names the article's day a year back
    return _date_claim(
        m,
        "date",
        lambda direction, anchor: _dates.resolve_ago(int(n), unit, anchor, day_precision=day),
    )


def _b_year_range(m, text, generic):
    y1 = int(m["y1"])
    y2s = m["y2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if not y1 < y2 <= y1 + 50:
        return None
    return _Claim(
        m.start(),
        m.end(),
        "date_range",
        low=float(y1),
        high=float(y2),
        unit="year",
        date=f"{y1:04d}",
        date_end=f"{y2:04d}",
        date_rule="explicit",
    )


def _b_century(m, text, generic):
    """ "the 21st century" → 2000–2099 (TimeML's centuries: the years whose first two digits
    are one less than the ordinal); "the late 19th century" → 1870–1899."""
    n = int(_ordinal_value(m["w"]))
    if not 1 <= n <= 22:
        return None
    first, last = DECADE_PARTS[(m["part"] or "").lower()]
    return _years_claim(m, (n - 1) * 100 + first * 10, (n - 1) * 100 + last * 10 + 9)


def _years_claim(m: re.Match[str], first: int, last: int) -> _Claim:
    """A range of whole years (a decade, a century or part of one): low/high and date/date_end
    the first and last year; ``date_rule`` "vague_part" when the match has an early/mid/late
    ``part``."""
    return _Claim(
        m.start(),
        m.end(),
        "date_range",
        low=float(first),
        high=float(last),
        unit="year",
        date=f"{first:04d}",
        date_end=f"{last:04d}",
        date_rule="explicit" if not m["part"] else "vague_part",
    )


def _b_decade(m, text, generic):
    y = int(m["y"]) if m["y"] else 1900 + int(m["yy"])  # "the '80s" → the 1980s
    first, last = DECADE_PARTS[(m["part"] or "").lower()]
    if y % 100 == 0 and y < 2000:  # "the 1800s", "the late 1900s": a century (not "the 2000s")
        first, last = first * 10, last * 10 + 9
    return _years_claim(m, y + first, y + last)


def _b_year(m, text, generic):
    if _is_label(text, m.start()) or text.endswith(("$", "#", "/"), 0, m.start()):
        return None
    if text[m.end() : m.end() + 1] == "/":
        return None  # inside a web address
    if _hedge_before(text, m.start(), 30):
        return None  # "about 2000 people" is a count
    nxt = _next_word(text, m.end()).lower()
    if nxt in (
        "people",
        "troops",
        "jobs",
        "workers",
        "soldiers",
        "employees",
        "tons",
        "tonnes",
        "barrels",
        "votes",
        "cases",
        "deaths",
        "units",
        "residents",
    ):
        return None
    y = int(m["y"])
    return _Claim(
        m.start(),
        m.end(),
        "year",
        value=float(y),
        unit="year",
        date=f"{y:04d}",
        date_rule="explicit",
    )
