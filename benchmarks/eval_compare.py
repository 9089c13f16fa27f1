"""Evaluate compare_claims on made-up stories with known agreements and disagreements.

Each story has a few facts (an evacuation count, a cost, a poll share, a vote tally, a strike's
length, a death toll, a round of talks, an age); three outlets each state most of them in their
own words, sometimes rounded or converted ("$1.4 billion" for 1.375 billion, "one-third" for
33%), and sometimes one outlet states a different value. Distractors share a value but not a
subject ("45 homes" beside "45 people"). Every sentence holds one fact, so each claim's true
fact is known. Reported:

- pairwise grouping precision and recall over claims of different articles (same true fact
  ⇔ same group);
- agreement: for each fact stated by two or more outlets, whether its group's ``agree`` is
  right, and whether a disagreement's ``dissent`` names the outlet that got it wrong.

    PYTHONPATH=. python benchmarks/eval_compare.py [--stories 40] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
from itertools import combinations

import pandas as pd

import newskit

PLACES = ["Arden", "Bexley", "Corran", "Dunmore", "Elsby", "Fenwick", "Garston", "Holm",
          "Ivel", "Jarrow", "Kelso", "Lanark", "Morven", "Nairn", "Oban", "Pelton"]  # fmt: skip
PEOPLE = ["Ada Marsh", "Ben Okafor", "Cara Lind", "Dev Patel", "Eli Stone", "Faye Moss",
          "Gus Brandt", "Hana Ito", "Ivo Kral", "Jo Reyes"]  # fmt: skip
OUTLETS = ["Ledger", "Courier", "Herald"]


def _fmt_money(v: float, rounded: bool) -> str:
    return f"${v / 1e9:.1f} billion" if rounded else f"${v / 1e9:.3f} billion"


def _facts(rng: random.Random, place: str, person: str, other: str):
    """(fact id, true value, list of sentence makers taking a value and 'rounded')."""
    evac = rng.choice([1200, 3400, 560, 8000])
    cost = rng.choice([1.375e9, 2.125e9, 3.625e9])
    share = rng.choice([1 / 3, 0.25, 0.5])
    share_words = {1 / 3: ("one-third", "33%"), 0.25: ("a quarter", "25%"), 0.5: ("half", "50%"),
                   0.4: ("two-fifths", "40%"), 0.6: ("three-fifths", "60%")}  # fmt: skip
    yes = rng.randint(60, 140)
    no = rng.randint(10, yes - 5)
    days = rng.choice([30, 60, 90])
    dead = rng.choice([12, 45, 52])
    rnd = rng.choice([3, 4, 5])
    ords = {3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}
    age = rng.randint(55, 80)
    return [
        (
            "evacuated",
            evac,
            [
                lambda v, r: f"Officials said {v:,} people were evacuated from {place} on Monday.",
                lambda v, r: f"About {v:,} people were evacuated from {place}, officials said.",
            ],
        ),
        (
            "cost",
            cost,
            [
                lambda v, r: (
                    f"The {place} flood wall will cost {_fmt_money(v, r)}, the council said."
                ),
                lambda v, r: f"Councillors backed the {_fmt_money(v, r)} flood wall for {place}.",
            ],
        ),
        (
            "share",
            share,
            [
                lambda v, r: (
                    f"A poll found that {share_words[v][1] if r else share_words[v][0]} of "
                    f"{place} voters back the flood wall."
                ),
                lambda v, r: (
                    f"{(share_words[v][1] if r else share_words[v][0]).capitalize()} of "
                    f"{place} voters support the flood wall, a poll found."
                ),
            ],
        ),
        (
            "tally",
            (yes, no),
            [
                lambda v, r: f"The {place} council approved the wall plan {v[0]} to {v[1]}.",
                lambda v, r: f"The wall plan passed the {place} council {v[0]}-{v[1]}.",
            ],
        ),
        (
            "strike",
            days,
            [
                lambda v, r: f"Dock workers in {place} began a {v}-day strike.",
                lambda v, r: f"The {v}-day strike by {place} dock workers began this week.",
            ],
        ),
        (
            "dead",
            dead,
            [
                lambda v, r: f"At least {v} people were killed in the {place} storm.",
                lambda v, r: f"The {place} storm killed {v} people, the authorities said.",
            ],
        ),
        (
            "round",
            rnd,
            [
                lambda v, r: f"It is the {ords[v]} round of talks on the {place} wall.",
                lambda v, r: f"Negotiators met for a {ords[v]} round of talks on the {place} wall.",
            ],
        ),
        (
            "age",
            age,
            [
                lambda v, r: f"{person}, {v}, leads the {place} council.",
                lambda v, r: f"The {place} council leader, {person}, {v}, spoke to reporters.",
            ],
        ),
        # Distractors: same kinds of numbers, other subjects.
        ("homes", evac, [lambda v, r: f"In {place}, {v:,} homes were damaged by water."]),
        (
            "other_age",
            age + rng.choice([-3, 2, 5]),
            [lambda v, r: f"Her deputy, {other}, {v}, stayed in {place}."],
        ),
    ]


def _wrong(fact: str, v):
    if fact == "tally":
        return (v[0] - 3, v[1] + 3)
    if fact == "share":
        return 0.4 if v != 0.4 else 0.6
    if fact == "cost":
        return v + 0.3e9
    if fact == "round":
        return v + 1
    if fact == "evacuated":
        return int(v * 1.5)
    return v + 7


def build(n_stories: int, seed: int):
    rng = random.Random(seed)
    rows, truth, dissenters = [], {}, {}
    for s in range(n_stories):
        place = PLACES[s % len(PLACES)] + ("", " Vale", " Bay", " Cross")[s // len(PLACES) % 4]
        person, other = rng.sample(PEOPLE, 2)
        facts = _facts(rng, place, person, other)
        wrong = {f for f, _, _ in facts if not f.endswith(("homes", "age")) and rng.random() < 0.3}
        liar = {f: rng.choice(OUTLETS) for f in sorted(wrong)}
        for o, outlet in enumerate(OUTLETS):
            sentences = []
            for fact, value, makers in facts:
                if rng.random() > 0.85 and fact not in wrong:
                    continue
                v = _wrong(fact, value) if liar.get(fact) == outlet else value
                text = rng.choice(makers)(v, rng.random() < 0.5)
                sentences.append(text)
                truth[(f"s{s}_{o}", text)] = f"s{s}:{fact}"
                if liar.get(fact) == outlet:
                    dissenters[f"s{s}:{fact}"] = outlet
            rng.shuffle(sentences)
            rows.append((f"s{s}_{o}", outlet, "2025-06-04", " ".join(sentences), f"story{s}"))
    frame = pd.DataFrame(rows, columns=["id", "outlet", "date", "text", "story"])
    return frame, truth, dissenters


def evaluate(n_stories: int = 40, seed: int = 1, per_story: bool = False) -> dict[str, float]:
    """The metrics above; ``per_story`` compares each story's claims on its own (for versions of
    compare_claims that do not know stories)."""
    frame, truth, dissenters = build(n_stories, seed)
    corpus = newskit.load_corpus(frame.drop(columns=["story"]))
    claims = newskit.numeric_claims(corpus)
    story_of = dict(zip(frame["id"], frame["story"], strict=True))
    claims["story_id"] = claims["article_id"].map(story_of)
    claims = claims[claims["kind"].isin(["count", "money", "percent", "fraction", "duration",
                                          "ordinal"])]  # fmt: skip
    if per_story:
        parts = [newskit.compare_claims(c) for _, c in claims.groupby("story_id")]
        groups = pd.concat(parts, ignore_index=True)
        groups["group"] = range(len(groups))
    else:
        groups = newskit.compare_claims(claims)
    group_of = {
        row: g
        for g, rows in zip(groups["group"], groups["claim_rows"], strict=True)
        for row in rows
    }
    keys = zip(claims.index, claims["article_id"], claims["sentence"], strict=True)
    labels = {i: truth.get((a, s)) for i, a, s in keys}
    tp = fp = fn = 0
    for i, j in combinations(claims.index, 2):
        if claims.at[i, "article_id"] == claims.at[j, "article_id"]:
            continue
        same = labels[i] is not None and labels[i] == labels[j]
        grouped = group_of.get(i) is not None and group_of.get(i) == group_of.get(j)
        tp += same and grouped
        fp += grouped and not same
        fn += same and not grouped
    right_agree = n_facts = named = n_dissent = 0
    by_fact: dict[str, list[int]] = {}
    for i, lab in labels.items():
        if lab and not lab.endswith(("homes", "other_age")):
            by_fact.setdefault(lab, []).append(i)
    for fact, members in by_fact.items():
        if len({claims.at[i, "outlet"] for i in members}) < 2:
            continue
        n_facts += 1
        gids = [group_of[i] for i in members if i in group_of]
        if not gids:
            continue
        g = groups[groups["group"] == max(set(gids), key=gids.count)].iloc[0]
        expected = fact not in dissenters
        right_agree += bool(g["agree"]) == expected
        if not expected:
            n_dissent += 1
            named += g["dissent"].startswith(dissenters[fact] + ":") or (
                f"; {dissenters[fact]}:" in g["dissent"]
            )
    return {
        "claims": len(claims),
        "groups": len(groups),
        "pair_precision": tp / (tp + fp) if tp + fp else 1.0,
        "pair_recall": tp / (tp + fn) if tp + fn else 1.0,
        "facts": n_facts,
        "agree_accuracy": right_agree / n_facts if n_facts else 1.0,
        "disagreements": n_dissent,
        "dissenter_named": named / n_dissent if n_dissent else 1.0,
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--stories", type=int, default=40)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--per-story", action="store_true", help="compare each story on its own")
    args = p.parse_args()
    for k, v in evaluate(args.stories, args.seed, args.per_story).items():
        print(f"{k:>16}: {v:.3f}" if isinstance(v, float) else f"{k:>16}: {v}")


if __name__ == "__main__":
    main()
