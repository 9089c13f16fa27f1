"""Evaluation: keyphrases and distinctive terms on real labelled news (``../shared/realnews/``).

Three parts, each printed as a table:

- ``f1``: F1@10, exact and partial match (``tests/keyphrase_eval.py``'s ``f1_entries``), of
  ``newskit.keywords`` and of raw YAKE (``yake.KeywordExtractor(n=1, 2, 3, top=10)`` on
  ``article.raw``) against the keyphrases labelled in ``benchmarks/data/keyphrases_real.json``
  (60 articles; rubric in ``keyphrases_real.md``), for the ``tune`` and ``heldout`` splits.
- ``checks``: on every article of both real files (709), how many top-10 lists hold one entity
  twice (``same_entity``), bare numbers ("10 percent", "$121 billion") and dateline places
  (the place of a dateline anywhere in ``article.raw``, compared ignoring case).
- ``distinctive``: the top 20 content terms of ``newskit.distinctive_terms`` per outlet of the
  Giveme5W1H file (outlets with at least 5 articles), with the ones this script's own word lists
  call house style or self-reference marked ``*`` and counted (the lists are the evaluator's,
  kept apart from newskit's rules on purpose).

Run: ``.venv/bin/python benchmarks/eval_keywords.py [--part f1 checks distinctive]``.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import re
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd

import newskit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from keyphrase_eval import f1_entries  # noqa: E402


def _realnews() -> Path:
    """``../shared/realnews/`` beside the repository (or beside the folder holding a git
    worktree of it), or ``$NEWSKIT_REALNEWS``."""
    env = os.environ.get("NEWSKIT_REALNEWS")
    places = [Path(env)] if env else []
    places += [ROOT.parent / "shared" / "realnews", ROOT.parent.parent / "shared" / "realnews"]
    return next((p for p in places if p.is_dir()), places[0])


REALNEWS = _realnews()
LABELS = ROOT / "benchmarks" / "data" / "keyphrases_real.json"
FILES = ("giveme5w_calibration.jsonl", "ecbplus_calibration.jsonl")


def load_corpus(name: str) -> newskit.Corpus:
    """One file of ``../shared/realnews/`` as newskit loads it (its ``story`` kept as meta)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return newskit.load_corpus(REALNEWS / name)


def load_labels(path: Path = LABELS) -> list[dict]:
    """The labelled articles: ``{"article", "file", "split", "gold"}``, ``gold`` a list of
    entries, each the label and its variants as ``article.raw`` writes them. Fails when a source
    changed."""
    items = json.loads(path.read_text(encoding="utf-8"))
    corpora = {name: {a.id: a for a in load_corpus(name)} for name in {d["file"] for d in items}}
    out = []
    for d in items:
        article = corpora[d["file"]][d["id"]]
        digest = hashlib.sha1(article.raw.encode()).hexdigest()[:12]
        if digest != d["raw_sha1"]:
            raise SystemExit(f"{d['file']} {d['id']}: the text changed since it was labelled")
        gold = [
            [article.raw[e["start"] : e["end"]]] + [article.raw[a:b] for a, b in e["variants"]]
            for e in d["keyphrases"]
        ]
        out.append({"article": article, "file": d["file"], "split": d["split"], "gold": gold})
    return out


def newskit_lists(articles: list) -> dict[str, list[str]]:
    kw = newskit.keywords(articles, top=10)
    return {aid: list(g["keyword"]) for aid, g in kw.groupby("article_id", sort=False)}


def yake_lists(n: int) -> Callable[[list], dict[str, list[str]]]:
    import yake

    extractor = yake.KeywordExtractor(lan="en", n=n, top=10)
    return lambda articles: {
        a.id: [kw for kw, _s in extractor.extract_keywords(a.raw)] for a in articles
    }


METHODS: dict[str, Callable[[list], dict[str, list[str]]]] = {
    "newskit.keywords": newskit_lists,
    "raw YAKE n=1": yake_lists(1),
    "raw YAKE n=2": yake_lists(2),
    "raw YAKE n=3": yake_lists(3),
}


def f1_table(items: list[dict]) -> pd.DataFrame:
    """Mean F1@10 per method and split, exact and partial: ``method, split, n, exact,
    partial``."""
    rows = []
    articles = [d["article"] for d in items]
    for name, method in METHODS.items():
        got = method(articles)
        for split in ("tune", "heldout", "all"):
            part = [d for d in items if split in ("all", d["split"])]
            ex = [f1_entries(got.get(d["article"].id, []), d["gold"]) for d in part]
            pa = [f1_entries(got.get(d["article"].id, []), d["gold"], partial=True) for d in part]
            rows.append((name, split, len(part), sum(ex) / len(ex), sum(pa) / len(pa)))
    return pd.DataFrame(rows, columns=["method", "split", "n", "exact", "partial"])


# --- list checks ------------------------------------------------------------------------------

# The evaluator's own lists (not newskit's): words that do not make two phrases one entity.
_NOT_ENTITY = frozenset(
    """
    the a an of and for in on at to by with from new national united state states north south
    east west president sen senator rep representative gov governor mr mrs ms dr secretary
    minister chief police department university city county house court party league
    center centre war day world american british chinese german french russian japanese
    korean israeli palestinian afghan iraqi iranian syrian european african asian mexican
    canadian australian indian egyptian nigerian turkish spanish italian swiss greek
    """.split()  # noqa: SIM905
)
_NUMBER = re.compile(
    r"[$€£¥]?\d[\d.,]*(?:\s+(?:percent|per cent|million|billion|trillion|thousand|hundred|"
    r"dollars?|euros?|pounds?|yuan|yen|pct|%))*",
    re.I,
)
# A dateline: "WASHINGTON —", "ERIE, Pa. (AP) -", or "Tirana, Albania (CNN)".
_DATELINE = re.compile(
    r"^[ \t]*(?:([A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+)*)"
    r"(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*)*)?[ \t]*(?:\([^()\n]{1,30}\))?"
    r"[ \t]*(?:—|–|―|--?)[ \t]"
    r"|([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?:,[ \t]*[A-Z][A-Za-z.]*)?[ \t]*\([A-Z][A-Za-z]+\))",
    re.M,
)


def _words(kw: str) -> list[str]:
    return [w.strip(".,'’\"“”").removesuffix("’s").removesuffix("'s") for w in kw.split()]


def same_entity(a: str, b: str) -> bool:
    """The evaluator's judgement that two keyphrases name one entity: the words of one are
    among the other's ("Trump", "President Donald Trump"), they share two capitalised words in
    a row ("Tea Party supporters", "Greater Phoenix Tea Party"), or they end in the same
    capitalised word that is no generic head ("Texas Rep. Blake Farenthold", "Representative
    Blake Farenthold"; "Maurice Cheeks", "Mo Cheeks")."""
    wa, wb = _words(a), _words(b)
    la = {w.lower() for w in wa} - _NOT_ENTITY
    lb = {w.lower() for w in wb} - _NOT_ENTITY
    if la and lb and (la <= lb or lb <= la):
        return True

    def pairs(ws: list[str]) -> set[tuple[str, str]]:
        return {
            (x.lower(), y.lower())
            for x, y in itertools.pairwise(ws)
            if x[:1].isupper() and y[:1].isupper()
        }

    if pairs(wa) & pairs(wb):
        return True
    last_a, last_b = wa[-1], wb[-1]
    return (
        last_a[:1].isupper()
        and last_a.lower() == last_b.lower()
        and last_a.lower() not in _NOT_ENTITY
        and len(last_a) > 2
    )


def list_checks(corpus: newskit.Corpus, kw: pd.DataFrame) -> dict[str, object]:
    """Counts of the flaws the issue names, over ``kw`` (top 10 per article)."""
    by_id = {a.id: a for a in corpus}
    dup_articles, dups, numbers, datelines = 0, [], [], []
    for aid, g in kw.groupby("article_id", sort=False):
        phrases = list(g["keyword"])[:10]
        pairs = [
            (phrases[i], phrases[j])
            for i in range(len(phrases))
            for j in range(i + 1, len(phrases))
            if same_entity(phrases[i], phrases[j])
        ]
        if pairs:
            dup_articles += 1
            dups.extend(pairs[:1])
        numbers.extend(p for p in phrases if _NUMBER.fullmatch(p))
        places = {(m.group(1) or m.group(2)).lower() for m in _DATELINE.finditer(by_id[aid].raw)}
        datelines.extend(p for p in phrases if p.lower() in places)
    return {
        "articles": kw["article_id"].nunique(),
        "dup_articles": dup_articles,
        "dup_examples": dups[:8],
        "numbers": len(numbers),
        "number_examples": numbers[:8],
        "datelines": len(datelines),
        "dateline_examples": datelines[:8],
    }


# --- distinctive terms ------------------------------------------------------------------------

_STYLE_WORDS = frozenset(
    """
    mr mr. mrs mrs. ms ms. dr dr. sen. rep. gov. gen. lt. col. capt. sgt. atty. prof. rev.
    senator representative
    photo photos image caption getty copyright reuters ap afp associated press contributed
    reporting editing newsletter subscribe read share click follow enlarge toggle pic.twitter.com
    """.split()  # noqa: SIM905
)
# Self-reference: the outlets' names as their texts write them (for this check only).
_SELF = [
    "daily mail", "mailonline", "dailymail", "mail", "new york times", "nytimes", "times",
    "washington post", "post", "npr", "rt", "rt.com", "the sun", "sun", "sun online", "cnn",
    "usa today", "usat.ly", "guardian", "independent", "china daily", "chinadaily",
    "huffington post", "huffpost", "bbc", "telegraph", "express", "abc news", "cbs news",
    "morning edition", "all things considered", "host", "byline", "transcript",
]  # fmt: skip


def is_style_or_self(term: str) -> bool:
    """The evaluator's judgement: a house-style or self-reference term."""
    words = term.split()
    if any(w in _STYLE_WORDS or re.fullmatch(r"(?:[a-z]\.){2,}", w) for w in words):
        return True
    if any(len(w.strip(".")) == 1 and w.strip(".").isalpha() for w in words):
        return True
    joined = f" {term} "
    return any(f" {s} " in joined for s in _SELF)


def distinctive_table(corpus: newskit.Corpus, min_articles: int = 5) -> pd.DataFrame:
    """Top 20 content terms per outlet with ``min_articles`` or more articles, flagged."""
    dt = newskit.distinctive_terms(corpus)
    sizes = pd.Series([a.outlet for a in corpus]).value_counts()
    keep = set(sizes[sizes >= min_articles].index)
    top = dt[(dt["kind"] == "content") & dt["group"].isin(keep)].groupby("group").head(20)
    return top.assign(flagged=top["term"].map(is_style_or_self))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--part", nargs="+", default=["f1", "checks", "distinctive"],
        choices=["f1", "checks", "distinctive"],
    )  # fmt: skip
    args = parser.parse_args()
    pd.set_option("display.width", 160)
    if "f1" in args.part:
        items = load_labels()
        print(f"F1@10 on {len(items)} real labelled articles ({LABELS.name})")
        print(f1_table(items).to_string(index=False, float_format="%.3f"))
    if "checks" in args.part:
        for name in FILES:
            corpus = load_corpus(name)
            t0 = time.perf_counter()
            kw = newskit.keywords(corpus, top=10)
            took = time.perf_counter() - t0
            print(f"\n{name}: {len(corpus)} articles, keywords in {took:.1f} s")
            for k, v in list_checks(corpus, kw).items():
                print(f"  {k}: {v}")
    if "distinctive" in args.part:
        corpus = load_corpus(FILES[0])
        top = distinctive_table(corpus)
        print("\nTop 20 content terms per outlet (Giveme5W1H, outlets with >= 5 articles); * =")
        print("house style or self-reference by this script's lists")
        for group, g in top.groupby("group", sort=False):
            terms = ", ".join(
                ("*" if f else "") + t for t, f in zip(g["term"], g["flagged"], strict=True)
            )
            print(f"  {group} ({int(g['flagged'].sum())}/{len(g)}): {terms}")
        print(f"  flagged: {int(top['flagged'].sum())} of {len(top)}")


if __name__ == "__main__":
    main()
