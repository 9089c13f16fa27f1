"""Compare numeric claims across articles: which outlets state the same fact, and do they agree?

``compare_claims(claims)`` takes the frame of ``newskit.numeric_claims`` and groups the claims
that state the same fact: the same quantity of the same thing in the same situation, told by two
or more outlets. Each claim is read once (``newskit.claims.facts``); two claims of one story and
one *family* (shares with shares, money in one currency, durations in one unit, ages, tallies,
lengths in any unit, counts, dates…) are compared by ``newskit.claims.evidence.assess``, which
weighs what the number counts (its head noun), how much of its clause and of its sentence the
other repeats (sentence similarity as ``newskit.reuse`` computes it, numbers masked), and vetoes
(different names, "other"/"past"/"in cash" scope words, a different year, a name such as
"117th Street"). Equal values need less evidence than different ones; two different values are
called a disagreement only when their clauses say the same thing apart from the number, and
only between the best-matching claims of two articles ("seven life sentences and four…" in
both pairs seven with seven, never seven with four).

Same-fact links are joined into groups, strongest first (see ``_join``): first the claims that
agree, never two values that do not fit each other; then two agreeing groups into one
disagreement when most articles of the smaller are linked into the larger, never joining two
claims that a veto keeps apart, nor two groups that many articles state both of (a correction
in a few articles is allowed: ``SHARE_BOTH``). A group ``agree``s
when every pair of its values is compatible within the rounding they state ("$1.4 billion"
covers $1.375 billion; "about 1,000" covers 1,080; "one-third" ≈ 33%;
"6 miles" ≈ "10 km"; "more than 300" covers 310; see ``newskit.claims.values``); a vote tally
("134 to 63") is one claim of two numbers. Numbers that share only a kind and a loose context
(the same counted thing, a word nearby) are *related*, never a disagreement: ask for them with
``related=True``.

Claims of articles in different stories (non-null ``story_id``) are never compared unless
``across_stories=True``; claims of one article are not compared with each other.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from typing import Any

import pandas as pd

from newskit.claims.evidence import FAR_RATIO, Assessment, assess, close_values
from newskit.claims.extract import DATE_KINDS
from newskit.claims.facts import Fact, build_facts
from newskit.claims.values import compatible, interval, shown
from newskit.grouping import connected_groups

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
    "relation",
    "confidence",
    "evidence",
    "dissent_rows",
    "dissent_sentences",
]
SAME_FACT, RELATED = "same_fact", "related"
# Two agreeing groups with different values join into a disagreement when at least this share
# of the articles of the smaller group hold a same-fact link into the other.
JOIN_SHARE = 0.5
# A disagreement stands only when no claim of the other article matches better; an equal value
# counts this much more than a different one.
PREFER_EQUAL = 0.1
# A disagreement may join two groups in which a few articles state both values (a
# correction: "initially reported to be 4 years old, but police later said 3"): at most this
# share of the articles.
SHARE_BOTH = 0.2


def compare_claims(
    claims: pd.DataFrame,
    *,
    min_outlets: int = 2,
    across_stories: bool = False,
    related: bool = False,
    common_words: Collection[str] | None = None,
) -> pd.DataFrame:
    """Group claims that state the same fact across articles and say whether they agree.

    ``claims``: the frame of ``numeric_claims``. Returns one row per group stated by at least
    ``min_outlets`` outlets (an article without an outlet counts as its own outlet),
    disagreements first (then by number of outlets, claims, first appearance):

    - ``group`` (its number in this order), ``kind`` (the kinds in it, e.g.
      "fraction+percent"), ``context`` (the most common context), ``value`` (the value most
      members agree with: a share as a proportion, a date as ISO), ``n_claims``,
      ``n_articles``, ``n_outlets``, ``outlets`` (sorted, ", "-joined);
    - ``agree``: True when every pair of values is compatible, False when not; ``pd.NA`` for a
      related group (never a disagreement);
    - ``values`` (who says what: "AP: about one-third (0.333); …"), ``dissent`` (the outlets
      whose value differs from ``value``, with what they say; "" when all agree, never "" when
      ``agree`` is False), ``dissent_rows`` (their claims' index labels) and
      ``dissent_sentences`` ("Outlet: sentence" per dissenter, " | "-joined);
    - ``article_ids`` and ``claim_rows`` (index labels of the member claims);
    - ``relation``: "same_fact", or "related" for the groups added by ``related=True``;
    - ``confidence`` (0–1: how strongly the weakest link needed for the group, or for a
      disagreement the link to the dissenter, says "same fact") and ``evidence`` (both sentences
      of that link and what matched: "counts the same: people; shared words: killed, school;
      sentences alike 0.55").

    ``related=True`` adds, after the same-fact groups, one row per set of claims that are only
    related (the same counted thing or a shared word, but not shown to be one fact).
    Claims of articles in different stories (non-null ``story_id``) are never grouped unless
    ``across_stories=True``. Missing values, dates or contexts never raise: such a claim is only
    compared by its surface. ``common_words``: the words written in lower case in the claims'
    sentences (``lower_case_words``; default: those of ``claims``); pass the whole corpus's when
    ``claims`` is part of it (whole stories), to group as on the whole corpus.
    """
    missing = {"article_id", "kind", "value", "surface", "sentence", "start"} - set(claims)
    if missing:
        raise ValueError(
            f"compare_claims needs the frame of numeric_claims; missing columns {sorted(missing)}"
        )
    facts = build_facts(claims, common_words)
    same, loose, vetoed = _links(facts, across_stories)
    groups = _join(facts, same, vetoed)
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    links_in: dict[int, dict[Link, Assessment]] = {}
    for (i, j), a in same.items():
        if group_of[i] == group_of[j]:
            links_in.setdefault(group_of[i], {})[(i, j)] = a
    rows = []
    for g, members in enumerate(groups):
        group = [facts[i] for i in members]
        if len({it.outlet for it in group}) < min_outlets:
            continue
        rows.append(_summary(group, members, links_in.get(g, {})))
    rows.sort(key=lambda r: (r["agree"], -r["n_outlets"], -r["n_claims"], r["_first"]))
    if related:
        rows += _related(facts, groups, loose, min_outlets)
    for n, r in enumerate(rows):
        r["group"] = n
        del r["_first"]
    frame = pd.DataFrame(rows, columns=GROUP_COLUMNS)
    frame["agree"] = frame["agree"].astype("boolean")
    return frame


# ---------------------------------------------------------------- linking


Link = tuple[int, int]


def _links(
    facts: list[Fact], across_stories: bool
) -> tuple[dict[Link, Assessment], dict[Link, Assessment], set[Link]]:
    """Same-fact links, related links and vetoed pairs among candidate pairs: claims of one
    family and story, from two articles, that share a clause term or (dates) a date."""
    blocks: dict[tuple[str, str | None], list[int]] = {}
    for i, it in enumerate(facts):
        if it.name:
            continue
        blocks.setdefault((it.family, None if across_stories else it.story), []).append(i)
    same: dict[Link, Assessment] = {}
    loose: dict[Link, Assessment] = {}
    vetoed: set[Link] = set()
    best: dict[tuple[int, str], float] = {}  # the strongest link of a claim into an article
    for members in blocks.values():
        for i, j in _candidates(facts, members):
            a, b = facts[i], facts[j]
            if a.article == b.article:
                continue
            result = assess(a, b)
            if result.vetoed:
                vetoed.add((i, j))
            elif result.relation == SAME_FACT or (
                result.relation is not None and (result.compatible or close_values(a, b, FAR_RATIO))
            ):
                # Only a plausible other reading competes: "two people were killed when a
                # shell hit a school" is no closer match for "some 30" than "at least 43".
                key = result.confidence + PREFER_EQUAL * result.compatible
                for k, other in ((i, b.article), (j, a.article)):
                    best[(k, other)] = max(best.get((k, other), 0.0), key)
            if result.relation == SAME_FACT:
                same[(i, j)] = result
            elif result.relation == RELATED:
                loose[(i, j)] = result
    # A disagreement only between mutual best matches: "seven life sentences and four…" in
    # both articles pairs seven with seven, never seven with four. Only plausible readings
    # compete (equal values, or values within FAR_RATIO).
    for (i, j), result in list(same.items()):
        if not result.compatible and (
            result.confidence < best[(i, facts[j].article)]
            or result.confidence < best[(j, facts[i].article)]
        ):
            del same[(i, j)]
            closer = result.said.noted("a closer match in the same article")
            loose[(i, j)] = Assessment(RELATED, result.confidence, False, closer)
    return same, loose, vetoed


def _candidates(facts: list[Fact], members: list[int]) -> Iterable[Link]:
    """Pairs (i < j) of ``members`` sharing a clause term, a stated value, or a date or
    weekday."""
    index: dict[object, list[int]] = {}
    for i in members:
        it = facts[i]
        keys: set[object] = set(it.near)
        iv = interval(it)
        if iv is not None:
            keys.add(("value", iv))
        if it.family in DATE_KINDS:
            keys.add(("date", it.date[:10] if it.date else it.weekday or it.surface.lower()))
        for key in keys:
            index.setdefault(key, []).append(i)
    seen: set[Link] = set()
    for posting in index.values():
        for x, i in enumerate(posting):
            for j in posting[x + 1 :]:
                pair = (i, j) if i < j else (j, i)
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def _join(facts: list[Fact], same: dict[Link, Assessment], vetoed: set[Link]) -> list[list[int]]:
    """Groups from same-fact links, strongest first, in two passes.

    1. Equal values: two groups join through a link when every two values between them are
       compatible and no pair is vetoed, so an agreeing group states one value throughout.
    2. Different values: two agreeing groups join into a disagreement when at least
       ``JOIN_SHARE`` of the articles of the smaller group hold a same-fact link into the other,
       none is vetoed and at most ``SHARE_BOTH`` of their articles would hold two different
       values (a correction): one loose link cannot chain two facts into one group.

    Each group's members in row order, groups in order of their first member."""
    n = len(facts)
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    linked = set(same)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def merge(ri: int, rj: int) -> None:
        parent[rj] = ri
        members[ri] += members.pop(rj)

    order = sorted(same.items(), key=lambda kv: (-kv[1].confidence, kv[0]))
    for (i, j), link in order:
        if not link.compatible:
            continue
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        pairs = [(min(x, y), max(x, y)) for x in members[ri] for y in members[rj]]
        if any(p in vetoed or not compatible(facts[p[0]], facts[p[1]]) for p in pairs):
            continue
        merge(ri, rj)
    for (i, j), link in order:
        if link.compatible:
            continue
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        pairs = [(min(x, y), max(x, y)) for x in members[ri] for y in members[rj]]
        if any(p in vetoed for p in pairs):
            continue
        # Articles that would state both values: a few corrections ("initially reported to be
        # 4 years old, but police later said 3") do not keep the disagreement apart.
        both = {
            facts[x].article
            for x, y in pairs
            if facts[x].article == facts[y].article and not compatible(facts[x], facts[y])
        }
        everyone = {facts[x].article for x in members[ri] + members[rj]}
        if len(both) > SHARE_BOTH * len(everyone):
            continue
        # The articles of the smaller group that hold a same-fact link into the other: one
        # outlet dissenting from ten agreeing ones joins them; two large groups need most of
        # their articles linked.
        small, large = sorted((members[ri], members[rj]), key=len)
        other = {facts[y].article for y in large}
        articles = {facts[x].article for x in small} - other
        hit = {facts[x].article for x in small for y in large
               if (min(x, y), max(x, y)) in linked}  # fmt: skip
        if not articles:
            # Every article of the smaller group is in the other already: it joins when each
            # of its claims repeats a value its article states there (a caption repeating a
            # sentence).
            if not all(
                any(facts[y].article == facts[x].article and compatible(facts[x], facts[y])
                    for y in large)
                for x in small
            ):  # fmt: skip
                continue
        elif len(hit & articles) < JOIN_SHARE * len(articles):
            continue
        merge(ri, rj)
    groups = [sorted(m) for m in members.values()]
    return sorted(groups, key=lambda g: g[0])


# ---------------------------------------------------------------- summaries


def _summary(
    group: list[Fact], members: list[int], inside: dict[Link, Assessment]
) -> dict[str, Any]:
    outlets_saying: dict[str, set[str]] = {}
    for it in group:
        outlets_saying.setdefault(shown(it), set()).add(it.outlet)
    # Claims that state a value the same way (shown value, hedge) compare alike: compare one
    # of each.
    kinds: dict[tuple[str, str | None, bool], list[Fact]] = {}
    for it in group:
        kinds.setdefault((shown(it), it.hedge, it.converted), []).append(it)
    reps = [same[0] for same in kinds.values()]
    fits = {(id(x), id(y)): compatible(x, y) for x in reps for y in reps}
    rep_of = {id(it): id(same[0]) for same in kinds.values() for it in same}

    def fit(x: Fact, y: Fact) -> bool:
        return fits[(rep_of[id(x)], rep_of[id(y)])]

    # The reference value: the one most outlets state (ties: the one most members are
    # compatible with, then an exact value before a bound, then the largest shown value, so
    # the choice is deterministic). "At least four" fits "four" and "five" alike: never the
    # reference when "four" is stated.
    ref = max(
        reps,
        key=lambda r: (
            len(outlets_saying[shown(r)]),
            sum(fit(r, it) for it in group),
            r.value == r.value,
            shown(r),
        ),
    )
    agree = all(fits.values())
    dissenters = [it for it in group if not fit(it, ref)]
    if not agree and not dissenters:  # a chain: every value fits the reference, not each other
        dissenters = [it for it in group if it is not ref]
    position = {it.row: i for i, it in zip(members, group, strict=True)}
    link = _deciding_link(inside, ref, dissenters, position)
    by_outlet: dict[str, list[str]] = {}
    for it in group:
        by_outlet.setdefault(it.outlet, []).append(f"{_said(it)} ({shown(it)})")
    contexts = Counter(it.context for it in group if it.context)
    context = (
        max(contexts.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0] if contexts else ""
    )
    return {
        "kind": "+".join(sorted({it.kind for it in group})),
        "context": context,
        "value": shown(ref),
        "n_claims": len(group),
        "n_articles": len({it.article for it in group}),
        "n_outlets": len({it.outlet for it in group}),
        "outlets": ", ".join(sorted({it.outlet for it in group})),
        "agree": bool(agree),
        "values": "; ".join(
            f"{o}: {', '.join(dict.fromkeys(v))}" for o, v in sorted(by_outlet.items())
        ),
        "dissent": "; ".join(
            sorted({f"{it.outlet}: {_said(it)} ({shown(it)})" for it in dissenters})
        ),
        "article_ids": ", ".join(sorted({it.article for it in group})),
        "claim_rows": [it.row for it in group],
        "relation": SAME_FACT,
        "confidence": round(link[2].confidence, 3) if link else 0.0,
        "evidence": _evidence(link, group, position) if link else "",
        "dissent_rows": [it.row for it in dissenters],
        "dissent_sentences": " | ".join(
            dict.fromkeys(f"{it.outlet}: {it.sentence}" for it in dissenters)
        ),
        "_first": members[0],
    }


def _deciding_link(
    inside: dict[Link, Assessment], ref: Fact, dissenters: list[Fact], position: dict[Any, int]
) -> tuple[int, int, Assessment] | None:
    """The link that shows the group's point: the strongest between the reference and a
    dissenter when there is one, else the weakest of the strongest links that hold the group
    together (how sure the group is as a whole)."""
    if not inside:
        return None
    if dissenters:
        r = position[ref.row]
        wanted = {position[d.row] for d in dissenters}
        across = [(i, j, a) for (i, j), a in inside.items()
                  if (i == r and j in wanted) or (j == r and i in wanted)]  # fmt: skip
        if not across:
            across = [(i, j, a) for (i, j), a in inside.items() if not a.compatible]
        if across:
            return max(across, key=lambda t: (t[2].confidence, -t[0], -t[1]))
    # Kruskal on the strongest links: the weakest one it needs is how sure the group is.
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            i = parent[i]
        return i

    needed = None
    for (i, j), a in sorted(inside.items(), key=lambda kv: (-kv[1].confidence, kv[0])):
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[rj] = ri
            needed = (i, j, a)
    return needed


def _evidence(
    link: tuple[int, int, Assessment], group: list[Fact], position: dict[Any, int]
) -> str:
    by_position = {position[it.row]: it for it in group}
    a, b = by_position[link[0]], by_position[link[1]]
    return (
        f"{a.outlet}: “{a.sentence}” ({_said(a)}) ↔ {b.outlet}: “{b.sentence}” "
        f"({_said(b)}); {link[2].evidence}"
    )


def _related(
    facts: list[Fact],
    groups: list[list[int]],
    loose: dict[Link, Assessment],
    min_outlets: int,
) -> list[dict[str, Any]]:
    """One row per set of claims joined only by related links (between claims in no common
    same-fact group)."""
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    edges = {(min(group_of[i], group_of[j]), max(group_of[i], group_of[j]))
             for i, j in loose if group_of[i] != group_of[j]}  # fmt: skip
    rows = []
    for component in connected_groups(len(groups), edges):
        if len(component) < 2:
            continue
        members = sorted(i for g in component for i in groups[g])
        group = [facts[i] for i in members]
        if len({it.outlet for it in group}) < min_outlets:
            continue
        inside = [a for (i, j), a in loose.items() if group_of[i] in component
                  and group_of[j] in component]  # fmt: skip
        best = max(inside, key=lambda a: a.confidence)
        by_outlet: dict[str, list[str]] = {}
        for it in group:
            by_outlet.setdefault(it.outlet, []).append(f"{_said(it)} ({shown(it)})")
        rows.append(
            {
                "kind": "+".join(sorted({it.kind for it in group})),
                "context": "",
                "value": "",
                "n_claims": len(group),
                "n_articles": len({it.article for it in group}),
                "n_outlets": len({it.outlet for it in group}),
                "outlets": ", ".join(sorted({it.outlet for it in group})),
                "agree": None,
                "values": "; ".join(
                    f"{o}: {', '.join(dict.fromkeys(v))}" for o, v in sorted(by_outlet.items())
                ),
                "dissent": "",
                "article_ids": ", ".join(sorted({it.article for it in group})),
                "claim_rows": [it.row for it in group],
                "relation": RELATED,
                "confidence": round(best.confidence, 3),
                "evidence": best.evidence,
                "dissent_rows": [],
                "dissent_sentences": "",
                "_first": 0,
            }
        )
    return rows


def _said(it: Fact) -> str:
    return f"{it.hedge} {it.surface}" if it.hedge else it.surface


def stem(word: str) -> str:
    """A light stem for comparing words: lower case, no possessive, no plural, no -ed/-ing.

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
