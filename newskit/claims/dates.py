"""Resolve date expressions found in a text against the article's date (the anchor).

``newskit.claims`` finds the spans; this module turns what a span says (a weekday, a month and
day without a year, "next week", "early November") into ISO dates. A resolved date is an ISO
string whose length says its precision: ``"2025-09-17"`` (day), ``"2025-09"`` (month),
``"2025"`` (year). When the year is unknown (no anchor) the ISO 8601 truncated forms keep what is
known: ``"--09-17"`` (month and day), ``"--09"`` (month). A weekday that cannot be placed stays
empty; ``newskit.claims`` keeps the weekday's name in its ``weekday`` column.

Direction (``"past"``, ``"future"`` or ``"nearest"``) comes from the words around the
expression (``tense_direction``): "said last month", "was pushed back" point back; "next
deadline is Wednesday", "expected to continue through Wednesday" point ahead.

Rules (the ``rule`` of a ``Resolved``):

- ``explicit``: the text gives the year ("March 2023", "June 19, 2025").
- ``anchor_year``: a month (and day) without a year; the year is the latest such date on or
  before the anchor in the past tense, the first on or after it in the future tense (modals,
  "plans to", "is expected to" count as future), else the nearest ("Sept. 17" in an article of
  2025-09-12 → 2025-09-17).
- ``weekday``: a weekday placed in the seven days around the anchor: ahead for future,
  back for past, nearest otherwise ("Wednesday" on Friday 2025-09-12 with "next deadline" →
  2025-09-17). A past-tense weekday may be the day after the anchor ("resumed talks on
  Monday" in a Sunday-dated story → that Monday): publication dates lag a day across time
  zones.
- ``relative``: "today", "tonight", "this morning" (the anchor), "next week" (ISO week,
  Monday–Sunday; in a Sunday-dated story "last week" is the week before the one ending that
  day), "this weekend", "last month", "this year", "a year earlier", "the past year" (the
  twelve months up to the anchor), "year-end", "last quarter", "this summer", "earlier this
  year", "yesterday", "three years ago", "a century ago".
- ``vague_part``: "early November" (1–10), "mid-March" (11–20), "late October" (21–end).
- ``holiday``: "Thanksgiving Day", "Election Day", "Christmas Eve", "Easter" by rule
  (``HOLIDAYS``), in the year the tense chooses.
- ``context``: "that year" is the year the article named last ("Production fell in 1997 and
  that year profits slid" → 1997); without one, the anchor's.
- ``unanchored``: no anchor; only what the text says is kept (``"--09-17"``, or nothing).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from newskit.resources.numbers import (
    ED_NOT_PAST,
    FUTURE_AUXILIARIES,
    FUTURE_CUES,
    FUTURE_MODALS,
    HOLIDAY_ANCHORS,
    HOLIDAYS,
    PAST_CUES,
    RELATIVE_PERIODS,
    VAGUE_PARTS,
)

Direction = Literal["past", "future", "nearest"]
_WORD = re.compile(r"[A-Za-z’']+")


# Resolutions remembered (the resolvers below that news calls most; ``Resolved`` is frozen, so
# one can be handed out again): the articles of a story share their dates and anchors.
_RESOLVED_MEMO = 4096


@dataclass(frozen=True)
class Resolved:
    """A resolved date: ``date`` (ISO, possibly truncated, or None), ``date_end`` (for ranges),
    ``rule`` (how it was resolved; see the module docstring)."""

    date: str | None
    date_end: str | None
    rule: str


def tense_direction(before: str, after: str = "") -> Direction:
    """Which way a date points, from the words of its clause: the nearest cue before it wins,
    then the first cue after it; ``"nearest"`` when there is none.

    >>> tense_direction("with the next deadline coming up")
    'future'
    >>> tense_direction("resumed high-stakes trade talks on")
    'past'
    >>> tense_direction("The summit will be held on")
    'future'
    """
    words = _WORD.findall(before)
    memo = _CUES_BEFORE  # ``_cue_before``, its memo read here (most words are no cue)
    for i in range(len(words) - 1, -1, -1):
        d = memo.get(words[i], _UNSEEN)
        if d is None:
            continue
        if d is _UNSEEN:
            d = _cue_before(words[i])
        if d == "past":
            prev = _auxiliary(words, i)
            if prev in FUTURE_AUXILIARIES:
                return "future"  # "will be held", "is to be signed", "will be formally completed"
            if prev in _PRESENT_AUXILIARIES:
                continue  # "the parade is held on", "talks are scheduled": present passive
        if d:
            return d
    memo = _CUES
    for word in _WORD.findall(after)[:12]:
        # modals after the date belong to another clause ("… in October warning they could
        # face …"): ``_cue_of``, its memo read here
        d = memo.get(word, _UNSEEN)
        if d is _UNSEEN:
            d = _cue_of(word)
        if d:
            return d  # type: ignore[return-value]
    return "nearest"


def _cue_before(word: str) -> Direction | None:
    """The cue of a word before the date: ``_cue``, or a future modal ("will", "could")."""
    d = _CUES_BEFORE.get(word, _UNSEEN)
    if d is _UNSEEN:
        d = _cue(word) or ("future" if word.lower() in FUTURE_MODALS and word != "May" else None)
        if len(_CUES_BEFORE) < _CUE_MEMO_SIZE:
            _CUES_BEFORE[word] = d
    return d  # type: ignore[return-value]


def _cue_of(word: str) -> Direction | None:
    """``_cue``, remembered per word (news repeats its words)."""
    d = _CUES.get(word, _UNSEEN)
    if d is _UNSEEN:
        d = _cue(word)
        if len(_CUES) < _CUE_MEMO_SIZE:
            _CUES[word] = d
    return d  # type: ignore[return-value]


_UNSEEN = object()
_CUE_MEMO_SIZE = 65536
_CUES_BEFORE: dict[str, Direction | None] = {}
_CUES: dict[str, Direction | None] = {}


_PRESENT_AUXILIARIES = frozenset({"is", "are", "am"})


def _auxiliary(words: list[str], i: int) -> str:
    """The word before ``words[i]``, past one adverb in -ly ("will be formally completed")."""
    j = i - 1
    if j > 0 and words[j].lower().endswith("ly"):
        j -= 1
    return words[j].lower().replace("’", "'") if j >= 0 else ""


def _cue(word: str) -> Direction | None:
    if word == "May":
        return None  # the month, not the modal
    w = word.lower().replace("’", "'")
    if w in FUTURE_CUES:
        return "future"
    if w in PAST_CUES:
        return "past"
    if word[0].islower() and len(w) > 4 and w.endswith("ed") and w not in ED_NOT_PAST:
        return "past"
    return None


def iso(d: dt.date, precision: Literal["day", "month", "year"] = "day") -> str:
    """A date as an ISO string of the given precision: ``2025-09-17``, ``2025-09``, ``2025``."""
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


@lru_cache(maxsize=_RESOLVED_MEMO)
def resolve_weekday(
    weekday: int, anchor: dt.date | None, direction: Direction, *, modifier: str = ""
) -> Resolved:
    """Place a weekday (Monday = 0) relative to ``anchor``.

    ``modifier`` is "last", "next" or "this" when written ("last Monday"). As in TimeML news
    annotation: future, the first such day on or after the anchor; past, the last such day on
    or before the anchor ("the House voted Wednesday" in a Thursday story → the day before);
    nearest: whichever is closer (ties go to the past).
    """
    if anchor is None:
        return Resolved(None, None, "unanchored")
    direction = _modified(direction, modifier)
    ahead = (weekday - anchor.weekday()) % 7
    back = (anchor.weekday() - weekday) % 7
    if direction == "future":
        delta = ahead
    elif direction == "past":
        delta = -back
    else:
        delta = ahead if ahead < back else -back
    if modifier == "last" and delta == 0:
        delta = -7
    if modifier == "next" and delta == 0:
        delta = 7
    return Resolved(iso(anchor + dt.timedelta(days=delta)), None, "weekday")


def _modified(direction: Direction, modifier: str) -> Direction:
    """ "last" points back, "next" ahead, whatever the tense ("last Monday", "next Easter")."""
    return {"last": "past", "next": "future"}.get(modifier, direction)  # type: ignore[return-value]


@lru_cache(maxsize=_RESOLVED_MEMO)
def resolve_month_day(
    month: int,
    day: int | None,
    year: int | None,
    anchor: dt.date | None,
    direction: Direction,
) -> Resolved:
    """A month (and day) with or without a year; with no year the anchor chooses it."""
    if year is not None:
        d = _safe_date(year, month, day or 1)
        if d is None:
            return Resolved(None, None, "invalid")
        return Resolved(iso(d, "day" if day else "month"), None, "explicit")
    if anchor is None:
        text = f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
        return Resolved(text, None, "unanchored")
    candidates = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        start = _safe_date(y, month, day or 1)
        if start is None:
            continue
        end = start if day else _month_end(y, month)
        candidates.append((y, start, end))
    if not candidates:
        return Resolved(None, None, "invalid")
    y = _choose_year(candidates, anchor, direction)
    d = _safe_date(y, month, day or 1)
    assert d is not None
    return Resolved(iso(d, "day" if day else "month"), None, "anchor_year")


def resolve_day_range(
    month: int,
    day: int,
    end_month: int,
    end_day: int,
    year: int | None,
    anchor: dt.date | None,
    direction: Direction,
) -> Resolved:
    """A range such as "Sept. 12-18" or "September 14 to 17" (``end_month`` may differ)."""
    first = resolve_month_day(month, day, year, anchor, direction)
    if first.date is None:
        return first
    if first.date.startswith("--"):
        return Resolved(first.date, f"--{end_month:02d}-{end_day:02d}", first.rule)
    start = dt.date.fromisoformat(first.date)
    end_year = start.year + (1 if end_month < month else 0)
    end = _safe_date(end_year, end_month, end_day)
    if end is None or end < start:
        return Resolved(None, None, "invalid")
    return Resolved(first.date, end.isoformat(), first.rule)


def resolve_vague_part(
    part: str, month: int, year: int | None, anchor: dt.date | None, direction: Direction
) -> Resolved:
    """ "early November" → a range of days within the month (``VAGUE_PARTS``)."""
    first_day, last_day = VAGUE_PARTS[part]
    month_res = resolve_month_day(month, None, year, anchor, direction)
    if month_res.date is None or month_res.date.startswith("--"):
        return Resolved(month_res.date, None, "unanchored")
    y = int(month_res.date[:4])
    last = last_day if last_day is not None else _month_days(y, month)
    return Resolved(
        dt.date(y, month, first_day).isoformat(), dt.date(y, month, last).isoformat(), "vague_part"
    )


def resolve_weekend(phrase: str, anchor: dt.date | None, direction: Direction) -> Resolved:
    """ "the weekend", "this weekend": the weekend of the anchor's week, or, when the clause is
    in the past tense and the anchor is a weekday, the weekend before it ("Protesters marched
    over the weekend" in a Monday story)."""
    if direction == "past" and anchor is not None and anchor.weekday() < 5:
        return resolve_relative("last weekend", anchor)
    return resolve_relative(phrase, anchor)


@lru_cache(maxsize=_RESOLVED_MEMO)
def resolve_relative(phrase: str, anchor: dt.date | None) -> Resolved:
    """A relative period from ``RELATIVE_PERIODS`` ("next week", "last month", "this year")."""
    unit, offset = RELATIVE_PERIODS[phrase.lower()]
    if anchor is None:
        return Resolved(None, None, "unanchored")
    if unit == "day":
        return Resolved(iso(anchor + dt.timedelta(days=offset)), None, "relative")
    if unit == "week":  # ISO weeks: "last week" in a Sunday story is the week before its own
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=offset)
        return Resolved(iso(monday), iso(monday + dt.timedelta(days=6)), "relative")
    if unit == "weekend":
        # The weekend of the anchor's week (on Sunday: that same weekend).
        saturday = anchor + dt.timedelta(days=5 - anchor.weekday()) + dt.timedelta(weeks=offset)
        return Resolved(iso(saturday), iso(saturday + dt.timedelta(days=1)), "relative")
    if unit == "month":
        y, m = _add_months(anchor.year, anchor.month, offset)
        return Resolved(f"{y:04d}-{m:02d}", None, "relative")
    if unit == "year":
        return Resolved(f"{anchor.year + offset:04d}", None, "relative")
    if unit == "year_before":
        return Resolved(f"{anchor.year:04d}-01-01", iso(anchor), "relative")
    if unit == "year_after":
        return Resolved(iso(anchor), f"{anchor.year:04d}-12-31", "relative")
    if unit == "past_year":
        start = _safe_date(anchor.year - 1, anchor.month, anchor.day) or dt.date(
            anchor.year - 1, anchor.month, 28
        )
        return Resolved(iso(start), iso(anchor), "relative")
    if unit == "year_end":
        return Resolved(f"{anchor.year:04d}-12", None, "relative")
    if unit == "quarter":
        y, m = _add_months(anchor.year, (anchor.month - 1) // 3 * 3 + 1, 3 * offset)
        y2, m2 = _add_months(y, m, 2)
        return Resolved(f"{y:04d}-{m:02d}", f"{y2:04d}-{m2:02d}", "relative")
    if unit in _SEASONS:
        return resolve_season(unit, anchor, offset)
    raise ValueError(f"unknown relative unit {unit!r} for {phrase!r}")


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}


def resolve_season(season: str, anchor: dt.date, offset: int = 0) -> Resolved:
    """ "this summer" (offset 0) → the summer of the anchor's year (a winter spans the new
    year: in January "this winter" began the December before); "last summer" (-1) → the most
    recent one that ended before the anchor; "next summer" (1) → the first that starts after."""
    first, last = _SEASONS[season]
    year = anchor.year - 1 if first > last and anchor.month <= last else anchor.year

    def bounds(y: int) -> tuple[dt.date, dt.date]:
        end_year = y + 1 if first > last else y
        return dt.date(y, first, 1), _month_end(end_year, last)

    if offset < 0:
        while bounds(year)[1] >= anchor:
            year -= 1
    elif offset > 0:
        while bounds(year)[0] <= anchor:
            year += 1
    start, end = bounds(year)
    return Resolved(iso(start, "month"), iso(end, "month"), "relative")


def resolve_ago(
    amount: int, unit: str, anchor: dt.date | None, *, day_precision: bool = False
) -> Resolved:
    """ "three years ago" → the year (month, day) that far back from the anchor; with
    ``day_precision`` "a year ago" names the anchor's day a year back (TimeML news: "up 5% from
    a year ago" in a story of 1998-02-13 → 1997-02-13)."""
    if anchor is None:
        return Resolved(None, None, "unanchored")
    if unit == "day":
        return Resolved(iso(anchor - dt.timedelta(days=amount)), None, "relative")
    if unit == "week":
        return Resolved(iso(anchor - dt.timedelta(weeks=amount)), None, "relative")
    if unit == "month":
        y, m = _add_months(anchor.year, anchor.month, -amount)
        return Resolved(f"{y:04d}-{m:02d}", None, "relative")
    if unit == "year" and amount == 1 and day_precision:
        back = _safe_date(anchor.year - 1, anchor.month, anchor.day)
        return Resolved(iso(back or dt.date(anchor.year - 1, anchor.month, 28)), None, "relative")
    if unit == "year":
        return Resolved(f"{anchor.year - amount:04d}", None, "relative")
    if unit == "decade":
        return Resolved(f"{anchor.year - 10 * amount:04d}", None, "relative")
    if unit == "century":
        return Resolved(f"{anchor.year - 100 * amount:04d}", None, "relative")
    return Resolved(None, None, "unanchored")


def resolve_year_part(
    first_month: int, last_month: int, year: int | None, anchor: dt.date | None
) -> Resolved:
    """ "the first half of 2025", "the third quarter" → a range of months."""
    if year is None:
        if anchor is None:
            return Resolved(None, None, "unanchored")
        year = anchor.year
        rule = "anchor_year"
    else:
        rule = "explicit"
    end_year = year + (1 if last_month < first_month else 0)
    return Resolved(f"{year:04d}-{first_month:02d}", f"{end_year:04d}-{last_month:02d}", rule)


def _choose_year(
    candidates: Sequence[tuple[int, dt.date, dt.date]], anchor: dt.date, direction: Direction
) -> int:
    """The year of a month(-day): the tense decides ("sales rose in January" in a November
    story is this January, "will reopen in January" the next one; "in March", past tense, said
    in October is this March), except for a day within ``_NEAR_DAYS`` of the anchor; with no
    tense, the one nearest the anchor ("Dec. 15" in a story of 2 November is this December)."""

    # The candidate nearest the anchor (the later year on a tie), as
    # ``min(candidates, key=lambda c: (distance(c), -c[0]))``.
    day = anchor.toordinal()
    nearest, best = candidates[0], (_FAR, 0)
    for c in candidates:
        first, last = c[1].toordinal(), c[2].toordinal()
        far = 0 if first <= day <= last else min(abs(first - day), abs(last - day))
        if (far, -c[0]) < best:
            nearest, best = c, (far, -c[0])
    if direction == "nearest" or (nearest[1] == nearest[2] and best[0] <= _NEAR_DAYS):
        return nearest[0]
    # A week of slack: an article's date may lag the events it reports ("officials met from
    # Sept. 14 to Sept. 15" in a story dated the 12th is that September, not the year before).
    slack = _SLACK
    if direction == "future":
        ok = [c for c in candidates if c[2] >= anchor - slack]
        return min(ok, key=lambda c: c[1])[0] if ok else candidates[-1][0]
    ok = [c for c in candidates if c[1] <= anchor + slack]
    return max(ok, key=lambda c: c[1])[0] if ok else candidates[0][0]


_SLACK_DAYS = 7
_SLACK = dt.timedelta(days=_SLACK_DAYS)
_FAR = 10**9  # more days than any two dates lie apart
# A day this close to the anchor is the one meant, whatever the tense ("The ceasefire, agreed on
# 10 October, has held" in a story dated 12 September is that October).
_NEAR_DAYS = 45


def resolve_modified_month(
    month: int, modifier: int, anchor: dt.date | None, *, year_offset: bool = False
) -> Resolved:
    """A month moved by a word: "last June" (``modifier`` -1) → the June before the anchor's
    month, "next March" (1) → the one after, "this March" (0) → the anchor's year. With
    ``year_offset`` the modifier counts years from the anchor's: "March last year" → March of
    the year before."""
    if anchor is None:
        return Resolved(f"--{month:02d}", None, "unanchored")
    if year_offset or modifier == 0:
        year = anchor.year + modifier
    elif modifier < 0:
        year = anchor.year if month < anchor.month else anchor.year - 1
    else:
        year = anchor.year if month > anchor.month else anchor.year + 1
    return Resolved(f"{year:04d}-{month:02d}", None, "relative")


def holiday_date(name: str, year: int) -> dt.date:
    """The date of a holiday of ``HOLIDAYS`` in ``year``: "Thanksgiving" 1998 → 1998-11-26."""
    return _rule_date(HOLIDAYS[name], year)


def _rule_date(rule: tuple, year: int) -> dt.date:
    kind = rule[0]
    if kind == "fixed":
        return dt.date(year, rule[1], rule[2])
    if kind == "nth":
        month, weekday, n = rule[1:]
        if n > 0:
            first = dt.date(year, month, 1)
            return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        last = _month_end(year, month)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    if kind == "easter":
        return _easter(year) + dt.timedelta(days=rule[1])
    if kind == "after":
        base = HOLIDAYS.get(rule[1]) or HOLIDAY_ANCHORS[rule[1]]
        return _rule_date(base, year) + dt.timedelta(days=rule[2])
    raise ValueError(f"unknown holiday rule {rule!r}")


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=_RESOLVED_MEMO)
def resolve_holiday(
    name: str, year: int | None, anchor: dt.date | None, direction: Direction, modifier: str = ""
) -> Resolved:
    """A holiday ("Thanksgiving", "Election Day", "Christmas Eve", "Easter") in the year the
    text gives, else the anchor's year moved by the tense or by "last"/"next"."""
    if year is not None:
        return Resolved(iso(holiday_date(name, year)), None, "explicit")
    if anchor is None:
        return Resolved(None, None, "unanchored")
    direction = _modified(direction, modifier)
    candidates = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = holiday_date(name, y)
        candidates.append((y, d, d))
    if modifier in ("last", "next"):
        keep = [c for c in candidates if (c[1] < anchor if modifier == "last" else c[1] > anchor)]
        y = (keep[-1] if modifier == "last" else keep[0])[0]
    else:
        y = _choose_year(candidates, anchor, direction)
    return Resolved(iso(holiday_date(name, y)), None, "holiday")


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, _month_days(y, m))


def _month_days(y: int, m: int) -> int:
    """``calendar.monthrange(y, m)[1]`` without the weekday it also works out."""
    if m == 2 and calendar.isleap(y):
        return 29
    if not 1 <= m <= 12:
        return calendar.monthrange(y, m)[1]  # its error for a month that is none
    return _MONTH_DAYS[m]


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + k
    return total // 12, total % 12 + 1


def weekday_name(iso_date: str | None) -> str | None:
    """The English weekday of a full ISO date, else None."""
    if not iso_date or len(iso_date) != 10 or iso_date.startswith("--"):
        return None
    return calendar.day_name[dt.date.fromisoformat(iso_date).weekday()]
