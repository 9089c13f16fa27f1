"""When two stated values agree: within the rounding they state, wider when hedged.

"$1.4 billion" covers 1.35–1.45 billion, so it agrees with "$1.375 billion", while "$3.5 billion"
and "$3.6 billion" do not; "33%" covers one-third. A hedge ("about", "nearly") widens this to
10 % (3 percentage points for shares); a bound ("more than 300") is a half-open interval that
reaches as far as three times the bound ("at least 60" and "84" agree; "at least 12" and "8,000"
are two numbers). Values
converted from another unit ("6 miles" against "10 kilometres") get ``CONVERTED_TOLERANCE``.
Dates agree when one contains the other ("2023" and "2023-03"); an undated weekday agrees with
any date on that weekday.
"""

from __future__ import annotations

import re
from typing import Protocol

from newskit.claims.dates import weekday_name
from newskit.claims.extract import DATE_KINDS
from newskit.resources.facts import CONVERTED_TOLERANCE

SHARE_HEDGED_TOL = 0.03  # "about one-third" ≈ 0.30–0.36
REL_HEDGED_TOL = 0.1
BOUND_REACH = 3.0  # "at least 60" fits up to 180, "up to 50" down to 17

_NUMERAL = re.compile(r"(\d[\d,  ]*)(?:\.(\d+))?|\.(\d+)")
_SCALE_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


class Valued(Protocol):
    """What the functions here read off a claim (``newskit.claims.facts.Fact``)."""

    family: str
    hedge: str | None
    value: float
    low: float
    high: float
    hedged: bool
    half_step: float
    converted: bool
    size: float
    unit: str | None
    surface: str
    date: str | None
    date_end: str | None
    weekday: str | None


def half_step(surface: str, value: float) -> float:
    """Half the last stated digit of a value, in its own units: "1.4 billion" → 0.05e9,
    "35.7%" → 0.05, "36%" → 0.5, "two million" → 0.5e6, "one-third" → 0 (exact)."""
    if value != value:
        return 0.0
    m = _NUMERAL.search(surface)
    if m:
        decimals = m.group(2) or m.group(3) or ""
        written = float((m.group(1) or "0").replace(",", "").replace(" ", "").replace(" ", ""))
        written += float("0." + decimals) if decimals else 0.0
        scale = abs(value / written) if written else 1.0
        return 0.5 * 10.0 ** -len(decimals) * scale
    low = surface.lower()
    scales = [v for w, v in _SCALE_WORDS.items() if w in low]
    return 0.5 * max(scales) if scales else 0.0 if value < 1 else 0.5


def interval(it: Valued) -> tuple[float, float] | None:
    """The values a claim allows: (low, high), one side infinite for a bound; None when it
    states none."""
    if it.low == it.low and it.high == it.high:
        return it.low, it.high
    if it.low == it.low:  # "at least 40": 40 and more, whatever the value says
        return it.low, float("inf")
    if it.high == it.high:  # "up to 50%"
        return float("-inf"), it.high
    if it.value == it.value:
        return it.value, it.value
    return None


def compatible(a: Valued, b: Valued) -> bool:
    """Whether two claims of one family can state the same value (see the module docstring).
    The same words ("first half of this year" twice) always do, whatever the dates of the two
    articles make of them."""
    if (
        a.surface.lower() == b.surface.lower()
        and (a.hedge or "").lower() == (b.hedge or "").lower()
    ):
        return True
    if a.family in DATE_KINDS:
        return dates_compatible(a, b)
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return a.surface.lower() == b.surface.lower()
    if a.family in ("ordinal", "tally"):
        return ia == ib  # a tally is two numbers: both must match
    hedged = a.hedged or b.hedged
    scale = max(abs(ia[0]), abs(ia[1]), abs(ib[0]), abs(ib[1]), 1e-9)
    scale = scale if scale != float("inf") else max(abs(ia[0]), abs(ib[0]), 1.0)
    if a.family == "share":
        tol = SHARE_HEDGED_TOL if hedged else max(a.half_step, b.half_step)
    else:
        tol = REL_HEDGED_TOL * scale if hedged else max(a.half_step, b.half_step)
    if a.converted and b.converted and a.size != b.size:  # "10 km" and "6 miles"
        tol = max(tol, CONVERTED_TOLERANCE * scale)
    tol += 1e-9 * max(1.0, abs(ia[0]), abs(ib[0]))  # float noise
    if not (ia[0] - tol <= ib[1] and ib[0] - tol <= ia[1]):
        return False
    return _within_reach(ia, ib) and _within_reach(ib, ia)


def _within_reach(bound: tuple[float, float], other: tuple[float, float]) -> bool:
    """A bound covers values near it, not every value past it: "at least 12 killed" fits
    "15" or "20", but "about 8,000 evacuated" is another number (``BOUND_REACH``)."""
    lo, hi = bound
    if lo == float("-inf") and hi != float("inf") and hi > 0:  # "up to 50"
        x = other[0] if other[0] != float("-inf") else other[1]
        return x * BOUND_REACH >= hi if x > 0 else True
    if hi == float("inf") and lo != float("-inf") and lo > 0:  # "at least 45"
        x = other[1] if other[1] != float("inf") else other[0]
        return x <= lo * BOUND_REACH
    return True


def dates_compatible(a: Valued, b: Valued) -> bool:
    """Dates that can name the same day, month or year (see the module docstring)."""
    da, db = a.date, b.date
    if da is None or db is None:
        # A weekday that could not be dated fits any date on that weekday.
        if a.weekday and b.weekday:
            return a.weekday == b.weekday
        if a.weekday and db:
            return weekday_name(db) == a.weekday
        if b.weekday and da:
            return weekday_name(da) == b.weekday
        return a.surface.lower() == b.surface.lower()
    if (a.date_end is None) != (b.date_end is None):
        return False
    return _iso_compatible(da, db) and _iso_compatible(a.date_end, b.date_end)


def _iso_compatible(x: str | None, y: str | None) -> bool:
    if x is None or y is None:
        return x == y
    if x.startswith("--") or y.startswith("--"):  # no year: "--10-19" is in "--10"
        xs, ys = x.lstrip("-"), y.lstrip("-")
        xs = xs[5:] if not x.startswith("--") else xs
        ys = ys[5:] if not y.startswith("--") else ys
        return xs.startswith(ys) or ys.startswith(xs)
    return x.startswith(y) or y.startswith(x)


def shown(it: Valued) -> str:
    """A claim's value as the tables show it: "0.333", "2025-09-17", "134-63", "1e+03..2e+03"."""
    if it.family in DATE_KINDS:
        if it.date and it.date_end:
            return f"{it.date}..{it.date_end}"
        return it.date or (it.weekday or it.surface)
    iv = interval(it)
    if iv is None:
        return it.surface
    lo, hi = iv
    if it.converted:  # shown in the unit it was written in: "6 miles", not 9.66e+03 metres
        lo, hi = lo / it.size, hi / it.size
        return (f"{lo:.3g} {it.unit}" if lo == hi else f"{lo:.3g}..{hi:.3g} {it.unit}").replace(
            "inf", "∞"
        )
    if it.family == "tally":
        return f"{hi:.3g}-{lo:.3g}"
    if lo == hi:
        return f"{lo:.3g}"
    return f"{lo:.3g}..{hi:.3g}"
