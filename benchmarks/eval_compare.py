"""Evaluate compare_claims on real labelled news and on made-up stories.

**Real news** (``--labels``, default ``benchmarks/data/number_pairs.csv``, rubric beside it):
cross-outlet pairs of numbers within a story of ``../shared/realnews/``, each number stored as
an article id and offsets into ``article.raw``. The articles are grouped by their gold
``story`` (so grouping cannot interfere), ``numeric_claims`` and ``compare_claims`` run on
them, and each labelled number is matched to the claim whose span overlaps it most. Reported,
per split (``tune``, ``heldout``, all) and beside it per stratum:

- ``link_precision`` / ``link_recall``: of the labelled pairs whose two claims
  ``compare_claims`` puts in one same-fact group, the share that state the same fact; of the
  same-fact pairs, the share put in one group (numbers other than dates; ``*_dates`` for
  dates);
- ``flag_precision`` / ``flag_recall``: a pair is *flagged* when its two claims are in one
  group with ``agree`` False, one of them is among the group's dissenters and the other is
  not, and their two values are not compatible (``newskit.claims.values.compatible``: the tool
  says these two numbers state one fact and differ); precision is the share of flagged pairs
  that are genuine disagreements (same fact, ``agree`` "no"), recall the share of genuine
  disagreements flagged; ``group_flag_precision`` counts flagged groups instead: of the
  groups with ``agree`` False that hold a labelled flagged pair, the share holding a genuine
  disagreement;
- ``matched``: pairs whose two numbers the extractor found (the others count as not linked).

**Generated stories** (``--stories``, ``--seed``):

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
        [--labels benchmarks/data/number_pairs.csv] [--corpus FILE.jsonl ...]
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

import pandas as pd

import newskit
from benchmarks.realnews import realnews_dir
from newskit.claims.facts import build_facts
from newskit.claims.values import compatible

LABELS = Path(__file__).resolve().parent / "data" / "number_pairs.csv"
REALNEWS_FILES = ("giveme5w_calibration.jsonl", "ecbplus_calibration.jsonl")

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


# ---------------------------------------------------------------- real news


def real_claims(files: Sequence[Path]) -> pd.DataFrame:
    """``numeric_claims`` of every article in ``files`` (jsonl with ``id`` and ``story``),
    each article in its gold story."""
    frames = []
    for path in files:
        gold = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                gold[row["id"]] = row["story"]
        corpus = newskit.load_corpus(path)
        frames.append(newskit.numeric_claims(corpus, stories=gold))
    return pd.concat(frames, ignore_index=True)


def match_labels(labels: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """``labels`` with ``a_row``/``b_row``: the index of the claim whose span overlaps the
    labelled number most (None when no claim overlaps it)."""
    by_article: dict[str, list[tuple[int, int, object]]] = {}
    for idx, a, s, e in zip(claims.index, claims["article_id"], claims["start"], claims["end"],
                            strict=True):  # fmt: skip
        by_article.setdefault(a, []).append((int(s), int(e), idx))

    def best(article: str, start: int, end: int) -> object:
        hits = [
            (min(end, e) - max(start, s), -abs((e - s) - (end - start)), idx)
            for s, e, idx in by_article.get(article, [])
            if min(end, e) > max(start, s)
        ]
        return max(hits, key=lambda h: h[:2])[2] if hits else None

    out = labels.copy()
    out["a_row"] = [best(a, int(s), int(e)) for a, s, e in
                    zip(out["a_id"], out["a_start"], out["a_end"], strict=True)]  # fmt: skip
    out["b_row"] = [best(a, int(s), int(e)) for a, s, e in
                    zip(out["b_id"], out["b_start"], out["b_end"], strict=True)]  # fmt: skip
    return out


def judge(pairs: pd.DataFrame, groups: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Per labelled pair: ``linked`` (one same-fact group), ``flagged`` (one group that
    disagrees, exactly one of the two among its dissenters; for a ``compare_claims`` without
    ``dissent_rows``, the two values differ) and ``group``."""
    same = groups[groups["relation"] == "same_fact"] if "relation" in groups else groups
    group_of = {r: g for g, rows in zip(same["group"], same["claim_rows"], strict=True)
                for r in rows}  # fmt: skip
    agree = dict(zip(same["group"], same["agree"], strict=True))
    facts = {f.row: f for f in build_facts(claims)}
    has_dissenters = "dissent_rows" in same
    dissenters = {g: set(rows) for g, rows in zip(same["group"], _dissent_rows(same), strict=True)}
    shown = (claims["date"].fillna(claims["value"].astype(str)) if "date" in claims
             else claims["value"].astype(str))  # fmt: skip
    linked, flagged, gid = [], [], []
    for a, b in zip(pairs["a_row"], pairs["b_row"], strict=True):
        ga = group_of.get(a) if a is not None else None
        gb = group_of.get(b) if b is not None else None
        link = ga is not None and ga == gb
        linked.append(link)
        gid.append(ga if link else None)
        if not (link and not agree[ga]):
            flagged.append(False)
        elif has_dissenters:
            flagged.append(
                (a in dissenters[ga]) != (b in dissenters[ga])
                and not compatible(facts[a], facts[b])
            )
        else:
            flagged.append(shown[a] != shown[b])
    return pairs.assign(linked=linked, flagged=flagged, group=gid)


def _dissent_rows(groups: pd.DataFrame) -> list[list[object]]:
    if "dissent_rows" in groups:
        return list(groups["dissent_rows"])
    return [[] for _ in range(len(groups))]


def real_metrics(judged: pd.DataFrame) -> dict[str, float]:
    """The link and flag figures of ``judged`` (the output of ``judge``)."""
    same = judged["same_fact"]
    real = same & (judged["agree"] == "no")
    out: dict[str, float] = {"pairs": len(judged), "same_fact": int(same.sum()),
                             "disagreements": int(real.sum()),
                             "matched": float((judged["a_row"].notna()
                                               & judged["b_row"].notna()).mean())}  # fmt: skip
    for name, part in (("", judged[judged["kind"] != "date"]),
                       ("_dates", judged[judged["kind"] == "date"])):  # fmt: skip
        linked, sf = part["linked"], part["same_fact"]
        out[f"link_precision{name}"] = _ratio((linked & sf).sum(), linked.sum())
        out[f"link_recall{name}"] = _ratio((linked & sf).sum(), sf.sum())
    flagged = judged["flagged"]
    out["flag_precision"] = _ratio((flagged & real).sum(), flagged.sum())
    out["flag_recall"] = _ratio((flagged & real).sum(), real.sum())
    out["flagged_pairs"] = int(flagged.sum())
    by_group = judged[flagged].groupby("group")
    hits = [bool((real[part.index]).any()) for _, part in by_group]
    out["group_flag_precision"] = _ratio(sum(hits), len(hits))
    out["flagged_groups"] = len(hits)
    return out


def _ratio(a: float, b: float) -> float:
    return float(a) / float(b) if b else float("nan")


def evaluate_real(
    labels_path: Path = LABELS,
    files: Sequence[Path] | None = None,
    *,
    claims: pd.DataFrame | None = None,
) -> dict[str, dict[str, float]]:
    """The real-news figures per split and stratum: ``{"tune": {...}, "heldout": {...},
    "all": {...}, "stratum:any": {...}, ...}``."""
    if claims is None:
        if files is None:
            folder = realnews_dir()
            if folder is None:
                raise SystemExit("no shared/realnews folder found; set NEWSKIT_REALNEWS")
            files = [folder / f for f in REALNEWS_FILES]
        claims = real_claims(files)
    labels = pd.read_csv(labels_path, dtype={"a_id": str, "b_id": str}, keep_default_na=False)
    labels["same_fact"] = labels["same_fact"].astype(str).str.lower().isin(["true", "1", "yes"])
    labels = labels[labels["a_id"].isin(set(claims["article_id"]))
                    | labels["b_id"].isin(set(claims["article_id"]))]  # fmt: skip
    groups = newskit.compare_claims(claims)
    judged = judge(match_labels(labels, claims), groups, claims)
    out = {"all": real_metrics(judged)}
    if "split" in judged:
        for split, part in judged.groupby("split"):
            out[split] = real_metrics(part)
    if "stratum" in judged:
        for stratum, part in judged.groupby("stratum"):
            out[f"stratum:{stratum}"] = real_metrics(part)
    return out


def _print_table(rows: dict[str, dict[str, float]]) -> None:
    keys = list(next(iter(rows.values())))
    names = list(rows)
    print(f"{'':>22}" + "".join(f"{n[:14]:>15}" for n in names))
    for k in keys:
        cells = []
        for n in names:
            v = rows[n].get(k, float("nan"))
            cells.append(f"{v:>15.3f}" if isinstance(v, float) else f"{v:>15}")
        print(f"{k:>22}" + "".join(cells))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--stories", type=int, default=40)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--per-story", action="store_true", help="compare each story on its own")
    p.add_argument("--labels", type=Path, default=LABELS, help="labelled pairs (CSV)")
    p.add_argument("--corpus", type=Path, nargs="*", help="jsonl files the labels point into")
    p.add_argument("--no-real", action="store_true", help="generated stories only")
    args = p.parse_args()
    generated = evaluate(args.stories, args.seed, args.per_story)
    if not args.no_real:
        real = evaluate_real(args.labels, args.corpus)
        print("real news (labelled pairs):")
        _print_table({k: v for k, v in real.items() if not k.startswith("stratum:")})
        print("\nreal news by stratum (all splits):")
        _print_table({k[8:]: v for k, v in real.items() if k.startswith("stratum:")})
        print()
    print("generated stories:")
    for k, v in generated.items():
        print(f"{k:>22}: {v:.3f}" if isinstance(v, float) else f"{k:>22}: {v}")


if __name__ == "__main__":
    main()
