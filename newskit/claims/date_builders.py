"""Builders for date patterns: a regex match → a date claim whose date is resolved later."""

from __future__ import annotations

import re

from newskit.claims import dates as _dates
from newskit.claims.context import (
    _HEDGE_RE,
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
    MONTH_LEADS,
    MONTHS,
    RELATIVE_PERIODS,
    WEEKDAYS,
    YEAR_PARTS,
)


def _date_claim(m: re.Match[str], kind: str, resolve, weekday: str | None = None) -> _Claim:
    return _Claim(m.start(), m.end(), kind, resolve=resolve, weekday=weekday)


def _month_num(s: str) -> int:
    return MONTHS[s.rstrip(".")]


def _day_num(s: str) -> int:
    return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]


def _b_iso_date(m, text, generic):
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
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
    part = m["part"].strip().lower()
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
    if ytext is None and part.startswith(("first h", "second h")):
        return None  # "the first half" of a game, a match, a speech
    if (
        ytext is None
        and not part.startswith("q")
        and not re.search(r"(?i)\bthe\s$", text[: m.start()])
    ):
        return None

    def resolve(direction, anchor):
        if ytext and ytext[0].isdigit():
            return _dates.resolve_year_part(first, last, int(ytext), anchor)
        if ytext:
            offset = {"this": 0, "next": 1, "last": -1}[ytext.split()[0].lower()]
            if anchor is None:
                return _dates.Resolved(None, None, "unanchored")
            return _dates.resolve_year_part(first, last, anchor.year + offset, anchor)
        return _dates.resolve_year_part(first, last, None, anchor)

    return _date_claim(m, "date_range", resolve)


def _b_season(m, text, generic):
    first, last = YEAR_PARTS[m["part"].lower()]
    y = int(m["y"])
    return _date_claim(
        m, "date_range", lambda direction, anchor: _dates.resolve_year_part(first, last, y, None)
    )


_EVENT_BEFORE_MONTH = re.compile(r"(?i)\b(?:" + _alt(EVENT_BEFORE_MONTH) + r")\s$")


def _b_month(m, text, generic):
    word = m["m"]
    event = _EVENT_BEFORE_MONTH.search(text, max(0, m.start() - 12), m.start())
    if event:
        return _Claim(event.start(), m.end(), SKIP)  # "the Fourth of July" is a holiday
    prev = _prev_word(text, m.start()).lower()
    if prev not in MONTH_LEADS:
        return None
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
    mo = MONTHS[word]
    return _date_claim(
        m,
        "date",
        lambda direction, anchor: _dates.resolve_month_day(mo, None, None, anchor, direction),
    )


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
    return _date_claim(m, kind, lambda direction, anchor: _dates.resolve_relative(phrase, anchor))


def _b_ago(m, text, generic):
    n = 1.0 if m["n"].lower() == "a" else parse_number(m["n"])
    if n is None:
        return None
    unit = DURATION_UNITS[m["u"].lower()]
    return _date_claim(
        m, "date", lambda direction, anchor: _dates.resolve_ago(int(n), unit, anchor)
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


def _b_decade(m, text, generic):
    y = int(m["y"])
    first, last = DECADE_PARTS[(m["part"] or "").lower()]
    return _Claim(
        m.start(),
        m.end(),
        "date_range",
        low=float(y + first),
        high=float(y + last),
        unit="year",
        date=f"{y + first:04d}",
        date_end=f"{y + last:04d}",
        date_rule="explicit" if not m["part"] else "vague_part",
    )


def _b_year(m, text, generic):
    if _is_label(text, m.start()) or text[: m.start()].endswith(("$", "#", "/")):
        return None
    if text[m.end() : m.end() + 1] == "/":
        return None  # inside a web address
    if _HEDGE_RE.search(text[max(0, m.start() - 30) : m.start()]):
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
