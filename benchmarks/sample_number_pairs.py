"""Draw the cross-outlet pairs of numbers that ``benchmarks/data/number_pairs.csv`` labels.

How the pairs were drawn (documented in ``benchmarks/data/number_pairs.md``): every article of
``../shared/realnews/`` (Giveme5W1H and ECB+) is read with ``newskit.load_corpus`` and its
numbers found with ``newskit.numeric_claims`` (the extractor of the day only proposes
*where* numbers are; a label stores the number's own span, widened over a broken-up numeral
such as ECB+'s "6. 1", so it does not depend on the extractor). Candidates are the pairs of two
numbers of one gold story, from two outlets (in ECB+ every article is its own outlet), of a
comparable kind (counts and magnitudes; shares; money; durations; ordinals; multipliers; dates
and years). Per story, a seeded random sample is drawn from four strata, so that labels are
not only what a method proposes:

- ``same_value``: both numbers have the same value (or the same date);
- ``near_value``: different values within a factor of two (dates within 60 days, years within
  ten), the pool where disagreements live, sampled uniformly;
- ``any``: uniformly from all candidates of the story;
- ``hunt``: near-value pairs whose sentences, numbers masked, are most alike
  (``newskit.reuse.similarity``): the search for genuine disagreements the rubric asks for;
- ``hunt_local``: pairs of different values (within a factor of ten) whose four words on each
  side of the number overlap most (Jaccard of lower-cased words), a second search for
  disagreements told in different sentences.

Stories about disasters, attacks, crashes, hacks, trials, elections and deals (death tolls,
magnitudes, money, dates) get a larger quota (``RICH``) than the others.

    PYTHONPATH=. python benchmarks/sample_number_pairs.py --out /tmp/candidates.csv [--show]

``--show`` prints both sentences of each pair for reading (to the terminal only: the texts
never enter the repository).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from itertools import combinations

import pandas as pd

import newskit
from benchmarks.realnews import realnews_dir
from newskit.reuse import similarity

SOURCES = {"giveme5w": "giveme5w_calibration.jsonl", "ecbplus": "ecbplus_calibration.jsonl"}
FAMILY = {"count": "count", "magnitude": "count", "percent": "share", "fraction": "share",
          "money": "money", "duration": "duration", "ordinal": "ordinal",
          "multiplier": "multiplier", "date": "date", "date_range": "date",
          "year": "date"}  # fmt: skip
RICH = (
    "37-ecb", "37-ecbplus", "33-ecb", "33-ecbplus", "19-ecb", "19-ecbplus", "3-ecb",
    "3-ecbplus", "21-ecb", "21-ecbplus", "23-ecbplus", "41-ecb", "41-ecbplus", "27-ecb",
    "27-ecbplus", "11-ecb", "43-ecb", "43-ecbplus", "45-ecbplus", "13-ecb", "hack_equifax_breach",
    "new_york_family_of_5_among_12_killed_in_costa_rica_plane_crash", "truck_attack_in_nice",
    "boko_haram_21_schoolgirls_freed", "panama_papers", "north_Korea_hokkaido_missile",
    "Benghazi_US_consulate_attack", "Broadcom_Raises_Its_Qualcomm_Offer_to_121",
    "chinas_tiangong_1_space_station_is_out_of_control_and_will_soon_fall_to_earth",
    "tourist_boat_hits_bridge_in_germany", "erie_smashes_snowfall_record_with_flakes_still_falling",
    "NewYearsEveSexualAssaultsGermany", "First_Falcon_Heavy_launch", "harambe",
)  # fmt: skip
QUOTA_RICH = {"same_value": 4, "near_value": 3, "any": 3, "hunt": 3, "hunt_local": 5}
QUOTA_OTHER = {"same_value": 1, "near_value": 1, "any": 1, "hunt": 0, "hunt_local": 2}
_NUMERAL_PIECE = re.compile(r"(?:\d[.,] ?)?\d+(?:[.,] ?\d+)*")


def number_span(raw: str, start: int, end: int) -> tuple[int, int]:
    """The span of the whole numeral around ``raw[start:end]``: ECB+'s detokenised "6. 1" and
    "170, 000" are one number that the extractor of the day may read as two."""
    s, e = start, end
    while True:
        m = re.search(r"\d[.,] ?$", raw[max(0, s - 3) : s])
        if not (m and raw[s : s + 1].isdigit()):
            break
        s = max(0, s - 3) + m.start()
        while s > 0 and raw[s - 1].isdigit():
            s -= 1
    while True:
        m = re.match(r"[.,] ?\d+", raw[e : e + 12])
        if not (m and raw[e - 1 : e].isdigit()):
            break
        e += m.end()
    return s, e


def load_claims() -> tuple[pd.DataFrame, dict[str, str]]:
    frames, raws = [], {}
    folder = realnews_dir()
    if folder is None:
        raise SystemExit("no shared/realnews folder found; set NEWSKIT_REALNEWS")
    for name, file in SOURCES.items():
        path = folder / file
        gold = {json.loads(line)["id"]: json.loads(line)["story"] for line in path.open()}
        corpus = newskit.load_corpus(path)
        raws.update({a.id: a.raw for a in corpus})
        claims = newskit.numeric_claims(corpus, stories=gold)
        claims["corpus"] = name
        claims["outlet"] = claims["outlet"].fillna(claims["article_id"])
        frames.append(claims)
    claims = pd.concat(frames, ignore_index=True)
    claims["family"] = claims["kind"].map(FAMILY)
    spans = [number_span(raws[a], s, e) for a, s, e in
             zip(claims["article_id"], claims["start"], claims["end"], strict=True)]  # fmt: skip
    claims["span_start"] = [s for s, _ in spans]
    claims["span_end"] = [e for _, e in spans]
    # one row per number: the pieces of "6. 1" become one candidate
    claims = claims.drop_duplicates(["article_id", "span_start", "span_end"])
    return claims, raws


def _key(r: pd.Series) -> object:
    if r["family"] == "date":
        return r["date"] if isinstance(r["date"], str) else r["surface"].lower()
    return r["value"] if r["value"] == r["value"] else r["surface"].lower()


def _near(a: pd.Series, b: pd.Series) -> bool:
    if a["family"] == "date":
        da, db = a["date"], b["date"]
        if not (isinstance(da, str) and isinstance(db, str)) or da == db:
            return False
        if da.startswith("-") or db.startswith("-"):
            return False
        if len(da) == 4 and len(db) == 4:
            return abs(int(da) - int(db)) <= 10
        try:
            d = abs(pd.Timestamp(da[:10]) - pd.Timestamp(db[:10])).days
        except ValueError:
            return False
        return d <= 60
    x, y = a["value"], b["value"]
    if x != x or y != y or x == y or x <= 0 or y <= 0:
        return False
    return max(x, y) / min(x, y) <= 2


def _masked(r: pd.Series) -> str:
    s0 = int(r["sentence_start"])
    sent = r["sentence"]
    a, b = int(r["start"]) - s0, int(r["end"]) - s0
    return re.sub(r"\d", "#", sent[:a] + " # " + sent[b:])


def _window(r: pd.Series) -> frozenset[str]:
    s0 = int(r["sentence_start"])
    sent = r["sentence"]
    a, b = int(r["start"]) - s0, int(r["end"]) - s0
    left = re.findall(r"[a-z]+", sent[:a].lower())[-4:]
    right = re.findall(r"[a-z]+", sent[b:].lower())[:4]
    return frozenset(left + right)


def _different(a: pd.Series, b: pd.Series) -> bool:
    if a["family"] == "date":
        return _key(a) != _key(b)
    x, y = a["value"], b["value"]
    return x == x and y == y and x != y and x > 0 and y > 0 and max(x, y) / min(x, y) <= 10


def sample(claims: pd.DataFrame, seed: int = 18) -> pd.DataFrame:
    rng = random.Random(seed)
    out = []
    for story, part in sorted(claims.groupby("story_id"), key=lambda kv: kv[0]):
        rows = [r for _, r in part.iterrows()]
        pool: dict[str, list[tuple[int, int]]] = {"same_value": [], "near_value": [], "any": []}
        for i, j in combinations(range(len(rows)), 2):
            a, b = rows[i], rows[j]
            if a["outlet"] == b["outlet"] or a["family"] != b["family"]:
                continue
            pool["any"].append((i, j))
            if _key(a) == _key(b):
                pool["same_value"].append((i, j))
            elif _near(a, b):
                pool["near_value"].append((i, j))
        quota = QUOTA_RICH if story in RICH else QUOTA_OTHER
        picked: list[tuple[str, tuple[int, int]]] = []
        seen: set[tuple[int, int]] = set()
        for stratum in ("same_value", "near_value", "any"):
            cands = [p for p in pool[stratum] if p not in seen]
            for p in rng.sample(cands, min(quota[stratum], len(cands))):
                picked.append((stratum, p))
                seen.add(p)
        if quota["hunt"]:
            ranked = sorted(
                (p for p in pool["near_value"] if p not in seen),
                key=lambda p: -similarity(_masked(rows[p[0]]), _masked(rows[p[1]])),
            )
            picked += [("hunt", p) for p in ranked[: quota["hunt"]]]
            seen.update(ranked[: quota["hunt"]])
        if quota["hunt_local"]:
            windows = [_window(r) for r in rows]
            ranked = sorted(
                (p for p in pool["any"] if p not in seen and _different(rows[p[0]], rows[p[1]])),
                key=lambda p, w=windows: -len(w[p[0]] & w[p[1]]) / max(1, len(w[p[0]] | w[p[1]])),
            )
            picked += [("hunt_local", p) for p in ranked[: quota["hunt_local"]]]
        for stratum, (i, j) in picked:
            a, b = rows[i], rows[j]
            out.append(
                {
                    "corpus": a["corpus"],
                    "story": story,
                    "stratum": stratum,
                    "a_id": a["article_id"],
                    "a_start": int(a["span_start"]),
                    "a_end": int(a["span_end"]),
                    "b_id": b["article_id"],
                    "b_start": int(b["span_start"]),
                    "b_end": int(b["span_end"]),
                    "kind": a["family"],
                    "_a_sentence": a["sentence"],
                    "_b_sentence": b["sentence"],
                    "_a_outlet": a["outlet"],
                    "_b_outlet": b["outlet"],
                    "_a_offset": int(a["span_start"]) - int(a["sentence_start"]),
                    "_b_offset": int(b["span_start"]) - int(b["sentence_start"]),
                }
            )
    return pd.DataFrame(out)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", required=True, help="CSV of the drawn pairs (ids and offsets only)")
    p.add_argument("--seed", type=int, default=18)
    p.add_argument("--show", action="store_true", help="print both sentences of each pair")
    args = p.parse_args()
    claims, raws = load_claims()
    pairs = sample(claims, args.seed)
    pairs[[c for c in pairs.columns if not c.startswith("_")]].to_csv(args.out, index_label="n")
    if args.show:
        for n, r in pairs.iterrows():
            a = raws[r["a_id"]][r["a_start"] : r["a_end"]]
            b = raws[r["b_id"]][r["b_start"] : r["b_end"]]
            print(f"#{n} {r['story']} [{r['stratum']}/{r['kind']}] «{a}» vs «{b}»")
            print(f"  A ({r['_a_outlet']}): {r['_a_sentence']}")
            print(f"  B ({r['_b_outlet']}): {r['_b_sentence']}")
    print(f"{len(pairs)} pairs from {pairs['story'].nunique()} stories → {args.out}")


if __name__ == "__main__":
    main()
