"""Compare numeric claims across articles: which outlets state the same fact, and do they agree?

``compare_claims(claims)`` takes the frame of ``newskit.numeric_claims`` and links two claims
when they are about the same thing:

- same *family*: ``percent`` (in percent) and ``fraction`` are one family, "share", so
  one-third ≈ 33% ≈ 0.33; every other kind is its own family;
- overlapping context: the content words around the number (its clause, cut at the claims
  next to it: the *near* words) and in its sentence (the *wide* words), compared after a light
  stemming ("tariffs" = "tariff", "extended" = "extend");
- the same time qualifier, when one is written right after the number ("50% in March 2023"
  is about 2023; "one-third" today is not linked to it).

Two claims with compatible values (within rounding; wider when hedged) are linked when they
share a near word and two wide words, or, for the same calendar day, one wide word. A weekday
that could not be dated (no article date, e.g. Newslooks' "next deadline is Wednesday") is
compatible with any date on that weekday, so it joins the deadline named by other outlets
through its context ("deadline", "extended"). Two claims with *different* values are linked
only across articles and only when they agree on the word the number counts (the *head*:
"round" in "fifth round of talks", "Americans" in "40% of Americans") and share two near
words: that is a disagreement. Linked claims form groups (connected components); a group
agrees when every pair of its values is compatible.

What a claim is about (its *subject*) decides grouping, not kind and value alone:

- the unit must match: shares with shares, percentage points with points, money in one
  currency, durations in one unit ("two months" never meets "two years"), counts of the same
  head noun ("45 people" never meets "45 homes"); a vote tally ("134 to 63") is one claim of two
  numbers and meets only another tally;
- the entity it belongs to: when both clauses name people or organisations (capitalised words:
  "Pelosi, 76" and "Schumer, 74") and they share none, the claims are about different things;
- the year it refers to ("50% in March 2023");
- the story: claims with different non-null ``story_id`` never meet unless
  ``across_stories=True``.

Values are compatible when equal within the rounding they state: "$1.4 billion" covers
1.35–1.45 billion, so it agrees with "$1.375 billion", while "$3.5 billion" and "$3.6 billion"
do not; "33%" covers one-third. A hedge ("about", "nearly") widens this to 10 % (3 percentage
points for shares); a bound ("more than 300") is a half-open interval.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from newskit.claims.dates import weekday_name
from newskit.claims.extract import DATE_KINDS
from newskit.grouping import connected_groups
from newskit.resources.numbers import CONTEXT_STOPWORDS, MONTHS, WEEKDAYS

GROUP_COLUMNS = [
    "group",
    "kind",
    "context",
    "value",
    "n_claims",
    "n_articles",
    "n_outlets",
    "outlets",
    "agree",
    "values",
    "dissent",
    "article_ids",
    "claim_rows",
]

_WORD = re.compile(r"[A-Za-z][A-Za-z’'.-]*[A-Za-z]|[A-Za-z]")
_CLAUSE = re.compile(r"[;:()\[\]“”\"]|,\s|\s[—–-]\s|—")
_CONJUNCTION = re.compile(r"\s(?:and|or|but|while|whereas)\s")
_CALENDAR = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS))
_WHEN_GAP = re.compile(r"^\s*(?:,\s*)?(?:in|of|as of|since|during|from)?\s*$", re.IGNORECASE)
_SHARE_HEDGED_TOL = 0.03  # "about one-third" ≈ 0.30–0.36
_REL_HEDGED_TOL = 0.1


@dataclass
class _Item:
    row: Any
    article: str
    outlet: str
    family: str
    kind: str
    value: float
    low: float
    high: float
    hedged: bool
    date: str | None
    date_end: str | None
    weekday: str | None
    surface: str
    near: frozenset[str]
    wide: frozenset[str]
    head: str | None
    when: str | None
    story: str | None
    unit: str | None
    half_step: float
    entities: frozenset[str]
    topic: frozenset[str] = frozenset()
    rule: str | None = None
    dates_around: frozenset[str] = frozenset()


def compare_claims(
    claims: pd.DataFrame,
    *,
    min_outlets: int = 2,
    across_stories: bool = False,
    common_words: Collection[str] | None = None,
) -> pd.DataFrame:
    """Group claims about the same thing across articles and say whether they agree.

    ``claims``: the frame of ``numeric_claims``. Returns one row per group stated by at least
    ``min_outlets`` outlets (an article without an outlet counts as its own outlet):
    ``group`` (number, by size then first appearance), ``kind`` (the kinds in it, e.g.
    "fraction+percent"), ``context`` (the most common context), ``value`` (the most common
    normalised value: a share as a proportion, a date as ISO), ``n_claims``, ``n_articles``,
    ``n_outlets``, ``outlets`` (sorted, ", "-joined), ``agree`` (True when all values are
    compatible), ``values`` (who says what: "AP: about one-third (0.333); …"), ``dissent``
    (the outlets whose value differs from the most common one, with what they say; "" when
    all agree, never "" when ``agree`` is False), ``article_ids`` and ``claim_rows`` (index
    labels of the member claims). Claims of articles in different stories (non-null
    ``story_id``) are never grouped unless ``across_stories=True``. Missing values, dates or
    contexts never raise: such a claim is only compared by its surface. ``common_words``: the
    words written in lower case in the claims' sentences (``lower_case_words``; default: those
    of ``claims``); pass the whole corpus's when ``claims`` is part of it (one story).
    """
    missing = {"article_id", "kind", "value", "surface", "sentence", "start"} - set(claims)
    if missing:
        raise ValueError(
            f"compare_claims needs the frame of numeric_claims; missing columns {sorted(missing)}"
        )
    items = _items(claims, lower_case_words(claims) if common_words is None else common_words)
    by_family: dict[tuple[str, str | None], list[int]] = {}
    for i, it in enumerate(items):
        story = None if across_stories else it.story
        by_family.setdefault((it.family, story), []).append(i)
    links = (
        (i, j)
        for members in by_family.values()
        for x, i in enumerate(members)
        for j in members[x + 1 :]
        if _linked(items[i], items[j])
    )
    groups = connected_groups(len(items), links)
    rows = []
    for members in groups:
        group = [items[i] for i in members]
        outlets = sorted({it.outlet for it in group})
        if len(outlets) < min_outlets:
            continue
        rows.append(_summary(group, claims))
    rows.sort(key=lambda r: (-r["n_outlets"], -r["n_claims"], r["_first"]))
    for n, r in enumerate(rows):
        r["group"] = n
        del r["_first"]
    return pd.DataFrame(rows, columns=GROUP_COLUMNS)


# ---------------------------------------------------------------- building items


def lower_case_words(claims: pd.DataFrame) -> frozenset[str]:
    """The words the claims' sentences write in lower case: not names when they open a
    sentence (``compare_claims``'s ``common_words``)."""
    return frozenset(
        w for sentence in set(claims["sentence"]) for w in _WORD.findall(sentence) if w.islower()
    )


def _items(claims: pd.DataFrame, common: Collection[str]) -> list[_Item]:
    out: list[_Item] = []
    sent_start = claims.get("sentence_start")
    spans: dict[tuple[str, str], list[tuple[int, int, str, Any]]] = {}
    for idx, r in claims.iterrows():
        s0 = int(sent_start[idx]) if sent_start is not None else _find_start(r)
        spans.setdefault((r["article_id"], r["sentence"]), []).append(
            (int(r["start"]) - s0, int(r["end"]) - s0, r["kind"], r.get("date"))
        )
    for idx, r in claims.iterrows():
        s0 = int(sent_start[idx]) if sent_start is not None else _find_start(r)
        sentence = r["sentence"]
        a, b = int(r["start"]) - s0, int(r["end"]) - s0
        others = [s for s in spans[(r["article_id"], sentence)] if s[:2] != (a, b)]
        near, head = _near(sentence, a, b, others, date_like=r["kind"] in DATE_KINDS)
        wide = _stems(_blank(sentence, [(x, y) for x, y, _, _ in others] + [(a, b)]))
        when = None
        if r["kind"] not in DATE_KINDS:
            for x, _y, kind, date in sorted(others):
                if x >= b and kind in DATE_KINDS and _WHEN_GAP.match(sentence[b:x]):
                    when = _str(date) or sentence[x:_y].lower()
                    break
        kind = r["kind"]
        unit = _str(r.get("unit"))
        family = _family(kind, unit)
        value, low, high = _num(r["value"]), _num(r.get("low")), _num(r.get("high"))
        half = _half_step(str(r["surface"]), value)
        if family == "share" and kind == "percent":
            value, low, high, half = value / 100, low / 100, high / 100, half / 100
        context = _str(r.get("context")) or ""
        near = near | _stems(context) if kind not in DATE_KINDS else near
        entities = _entities(sentence, a, b, common) | _entities(context, 0, 0, common)
        outlet = r.get("outlet")
        out.append(
            _Item(
                row=idx,
                article=r["article_id"],
                outlet=outlet if isinstance(outlet, str) and outlet else r["article_id"],
                family=family,
                kind=kind,
                value=value,
                low=low,
                high=high,
                hedged=isinstance(r.get("hedge"), str)
                and r.get("hedge", "").lower() not in ("only", "just", "exactly"),
                date=_str(r.get("date")),
                date_end=_str(r.get("date_end")),
                weekday=_str(r.get("weekday")),
                surface=r["surface"],
                near=near,
                wide=wide,
                head=head,
                when=when,
                story=_str(r.get("story_id")),
                unit=unit,
                half_step=half,
                rule=_str(r.get("date_rule")),
                dates_around=frozenset(
                    d for _x, _y, k, d in others if k in DATE_KINDS and _str(d) is not None
                ),
                entities=entities,
                # What is said of the counted thing ("killed", "evacuated"): the near words
                # without the head, the unit and the names.
                topic=near
                - {head, stem(unit or "")}
                - {stem(e) for e in entities}
                - {stem(w) for e in entities for w in e.split()},
            )
        )
    return out


def _family(kind: str, unit: str | None) -> str:
    """What a claim's value can be compared with: shares (percent and fraction), percentage
    points, money per currency, durations per unit, vote tallies, or the kind itself."""
    if kind == "fraction" or (kind == "percent" and unit == "percent"):
        return "share"
    if kind in ("money", "duration", "percent"):
        return f"{kind}:{unit}"
    if kind == "count" and unit == "tally":
        return "tally"
    return kind


_NUMERAL = re.compile(r"(\d[\d,  ]*)(?:\.(\d+))?|\.(\d+)")
_SCALE_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _half_step(surface: str, value: float) -> float:
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


_ENTITY = re.compile(r"\b[A-Z][a-z]+(?:[-’'][A-Za-z]+)?\b")
_OPENS = re.compile(r"(?:^|[.!?“\"]\s*)$")


def _entities(text: str, a: int, b: int, common: Collection[str]) -> frozenset[str]:
    """Capitalised names in the clause of text[a:b] (all of ``text`` when a == b == 0): the
    people and organisations a number belongs to ("Pelosi, 76", "Biden paid"), months and
    weekdays aside. A capitalised word opening a sentence is a name only when the corpus never
    writes it in lower case ("Officials said" is not one; "Biden said" is)."""
    if a or b:
        bounds = [0, *(m.start() for m in _CLAUSE_OR_COMMA.finditer(text)), len(text)]
        lo = max([x for x in bounds if x <= a] or [0])
        hi = min([x for x in bounds if x >= b] or [len(text)])
        ranges = [(lo, a), (b, hi)]
    else:
        ranges = [(0, len(text))]
    out = set()
    for m in _ENTITY.finditer(text):
        if not any(x <= m.start() and m.end() <= y for x, y in ranges):
            continue
        low = m.group().lower()
        if low in CONTEXT_STOPWORDS or low in _CALENDAR:
            continue
        if low in common and _OPENS.search(text, max(0, m.start() - 3), m.start()):
            continue
        out.add(low)
    return frozenset(out)


_CLAUSE_OR_COMMA = re.compile(r"[;:()\[\]“”\"]|\s[—–-]\s|—")


def _find_start(r: Any) -> int:
    return int(r["start"]) - max(r["sentence"].find(r["surface"]), 0)


def _num(x: Any) -> float:
    try:
        return float(x)
    except (TypeError, ValueError):
        return float("nan")


def _str(x: Any) -> str | None:
    return x if isinstance(x, str) and x else None


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        for k in range(max(a, 0), min(b, len(chars))):
            chars[k] = " "
    return "".join(chars)


def stem(word: str) -> str:
    """A light stem for comparing contexts: lower case, no possessive, no plural, no -ed/-ing.

    >>> [stem(w) for w in ["Tariffs", "extended", "TikTok’s", "duties", "paused", "pauses"]]
    ['tariff', 'extend', 'tiktok', 'duty', 'paus', 'paus']
    """
    w = word.lower().replace("’", "'").strip(".'-")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]  # "pause" = "paus(ed)", "increase" = "increas(ing)"
    return w


def _content(words: Sequence[str]) -> list[str]:
    out = []
    for w in words:
        lw = w.lower().replace("’", "'")
        if lw in CONTEXT_STOPWORDS or lw in _CALENDAR or len(lw) < 2:
            continue
        out.append(stem(w))
    return out


def _stems(text: str) -> frozenset[str]:
    return frozenset(_content(_WORD.findall(text)))


def _near(
    sentence: str,
    a: int,
    b: int,
    others: Sequence[tuple[int, int, str, Any]],
    *,
    date_like: bool,
) -> tuple[frozenset[str], str | None]:
    bounds = [0, *(m.start() for m in _CLAUSE.finditer(sentence)), len(sentence)]
    lo = max([x for x in bounds if x <= a] or [0])
    hi = min([x for x in bounds if x >= b] or [len(sentence)])
    for x, y, _, _ in others:
        if y <= a:
            lo = max(lo, y)
        elif x >= b:
            hi = min(hi, x)
    # "killing at least 45 people and injuring more than 300": the near words of 45 stop at
    # the conjunction.
    left_text = _CONJUNCTION.split(sentence[lo:a])[-1]
    right_text = _CONJUNCTION.split(sentence[b:hi])[0]
    left = _content(_WORD.findall(left_text))[-6:]
    right = _content(_WORD.findall(right_text))[:6]
    if date_like:
        head = left[-1] if left else (right[0] if right else None)
    else:
        head = right[0] if right else (left[-1] if left else None)
    return frozenset(left + right), head


# ---------------------------------------------------------------- linking


def _linked(a: _Item, b: _Item) -> bool:
    if a.when != b.when and not (
        _when_compatible(a.when, b.when)
        or (a.when is None and b.when in a.dates_around)  # "35.7% effective tax rate in 2005"
        or (b.when is None and a.when in b.dates_around)
    ):
        return False
    if a.entities and b.entities and not a.entities & b.entities:
        return False  # "Pelosi, 76" and "Schumer, 74": two people
    if a.family == "count" and a.unit and b.unit and stem(a.unit) != stem(b.unit):
        return False  # "45 people" and "45 homes"
    near = len(a.near & b.near)
    wide = len(a.wide & b.wide)
    # A claim whose clause holds no content word ("down from 50% in March 2023") is
    # compared on its sentence alone.
    near_ok = near >= 1 or not a.near or not b.near
    if _compatible(a, b):
        if a.article == b.article:
            return near >= 2 and wide >= 2
        if near_ok and wide >= 2:
            return True
        if near >= 1 and _distinctive(a) and _distinctive(b):
            return True  # "$1.4 billion in losses" / "losses reached $1.4 billion"
        return _same_day(a, b) and wide >= 1
    if a.article == b.article or a.when != b.when:
        return False
    if a.family in DATE_KINDS and not (_dated(a) and _dated(b)):
        return False  # "next week" without an article date cannot contradict anything
    if a.topic and b.topic and not a.topic & b.topic:
        return False  # "45 people were killed" and "840 people were evacuated"
    return a.head is not None and a.head == b.head and near >= 2


def _distinctive(it: _Item) -> bool:
    """A value unlikely to be stated twice by chance: a tally, money, or a number with two or
    more significant digits that is not a small whole number ("$1.4 billion", "35.7%",
    "134 to 63"; not "3" or "20")."""
    if it.family == "tally" or it.family.startswith("money"):
        return True
    v = it.value
    if v != v or it.family in DATE_KINDS or it.family in ("ordinal", "multiplier"):
        return False
    digits = re.sub(r"\D", "", it.surface).strip("0")
    return len(digits) >= 2 and not (v == int(v) and abs(v) < 100)


def _dated(it: _Item) -> bool:
    return it.date is not None or it.weekday is not None


def _when_compatible(x: str | None, y: str | None) -> bool:
    if x is None or y is None:
        return False
    return x.startswith(y) or y.startswith(x)


def _same_day(a: _Item, b: _Item) -> bool:
    """Two claims naming the same calendar day ("Sept. 17", "Wednesday"); "today" in two
    stories of the same day says nothing about a shared fact."""
    if a.rule == "relative" or b.rule == "relative":
        return False
    return (
        a.date is not None
        and a.date == b.date
        and len(a.date) == 10
        and a.date_end is None
        and b.date_end is None
    )


def _interval(it: _Item) -> tuple[float, float] | None:
    if it.low == it.low and it.high == it.high:
        return it.low, it.high
    if it.value == it.value:
        return it.value, it.value
    if it.low == it.low:
        return it.low, float("inf")
    if it.high == it.high:
        return float("-inf"), it.high
    return None


def _compatible(a: _Item, b: _Item) -> bool:
    """Values that state the same fact, within rounding (wider when either is hedged)."""
    if a.family in DATE_KINDS:
        return _dates_compatible(a, b)
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return a.surface.lower() == b.surface.lower()
    if a.family in ("ordinal", "tally"):
        return ia == ib  # a tally is two numbers: both must match
    hedged = a.hedged or b.hedged
    if a.family == "share":
        tol = _SHARE_HEDGED_TOL if hedged else max(a.half_step, b.half_step)
    else:
        scale = max(abs(ia[0]), abs(ia[1]), abs(ib[0]), abs(ib[1]), 1e-9)
        scale = scale if scale != float("inf") else max(abs(ia[0]), abs(ib[0]), 1.0)
        tol = _REL_HEDGED_TOL * scale if hedged else max(a.half_step, b.half_step)
    tol += 1e-9 * max(1.0, abs(ia[0]), abs(ib[0]))  # float noise
    return ia[0] - tol <= ib[1] and ib[0] - tol <= ia[1]


def _dates_compatible(a: _Item, b: _Item) -> bool:
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
    if x.startswith("--") or y.startswith("--"):
        xs, ys = x.lstrip("-"), y.lstrip("-")
        xs = xs[5:] if not x.startswith("--") else xs
        ys = ys[5:] if not y.startswith("--") else ys
        return xs == ys
    return x.startswith(y) or y.startswith(x)


# ---------------------------------------------------------------- summaries


def _shown(it: _Item) -> str:
    if it.family in DATE_KINDS:
        if it.date and it.date_end:
            return f"{it.date}..{it.date_end}"
        return it.date or (it.weekday or it.surface)
    iv = _interval(it)
    if iv is None:
        return it.surface
    lo, hi = iv
    if it.family == "tally":
        return f"{hi:.3g}-{lo:.3g}"
    if lo == hi:
        return f"{lo:.3g}"
    return f"{lo:.3g}..{hi:.3g}"


def _summary(group: list[_Item], claims: pd.DataFrame) -> dict[str, Any]:
    values = Counter(_shown(it) for it in group)
    # The reference value: the one most members agree with (ties: the most common, then the
    # largest shown value, so the choice is deterministic).
    ref = max(
        group,
        key=lambda r: (
            sum(_compatible(r, it) for it in group),
            values[_shown(r)],
            _shown(r),
        ),
    )
    top = _shown(ref)
    agree = all(_compatible(x, y) for i, x in enumerate(group) for y in group[i + 1 :])
    by_outlet: dict[str, list[str]] = {}
    for it in group:
        by_outlet.setdefault(it.outlet, []).append(f"{_said(it, claims)} ({_shown(it)})")
    said = "; ".join(f"{o}: {', '.join(dict.fromkeys(v))}" for o, v in sorted(by_outlet.items()))
    dissent = sorted(
        {
            f"{it.outlet}: {_said(it, claims)} ({_shown(it)})"
            for it in group
            if not _compatible(it, ref)
        }
    )
    if not agree and not dissent:  # a chain: every value fits the reference, not each other
        dissent = sorted(
            {f"{it.outlet}: {_said(it, claims)} ({_shown(it)})" for it in group if it is not ref}
        )
    contexts = Counter(claims.at[it.row, "context"] for it in group if claims.at[it.row, "context"])
    context = (
        max(contexts.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0] if contexts else ""
    )
    return {
        "kind": "+".join(sorted({it.kind for it in group})),
        "context": context,
        "value": top,
        "n_claims": len(group),
        "n_articles": len({it.article for it in group}),
        "n_outlets": len({it.outlet for it in group}),
        "outlets": ", ".join(sorted({it.outlet for it in group})),
        "agree": bool(agree),
        "values": said,
        "dissent": "; ".join(dissent),
        "article_ids": ", ".join(sorted({it.article for it in group})),
        "claim_rows": [it.row for it in group],
        "_first": min(it.row for it in group),
    }


def _said(it: _Item, claims: pd.DataFrame) -> str:
    hedge = claims.at[it.row, "hedge"] if "hedge" in claims else None
    return f"{hedge} {it.surface}" if isinstance(hedge, str) and hedge else it.surface
