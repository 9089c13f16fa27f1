"""Score ``newskit.reuse.quotes`` on real news labelled by reading.

``benchmarks/data/quotes_labels.csv`` lists every quotation (offsets, ``quote``/``term``,
speaker) of 49 articles of ``../shared/realnews/``; its rubric and the matching rules are in
``benchmarks/data/quotes_labels.md``. The quotations are ``corpus_quotations`` over each
realnews file (names judged over the file; ``--no-corpus-names``: each article alone).
Reported for the ``tune``, ``heldout`` and ``heldout2`` articles apart:

- quote recall: labelled quotes found by a newskit ``kind="quote"`` quotation;
- speaker accuracy: labelled quotes with a named speaker whose newskit quotation names the same
  person or organisation (a missed quote counts as wrong);
- terms: newskit ``kind="quote"`` quotations that are labelled terms (count and share of the
  labelled ones it found), and term precision (newskit ``kind="term"`` that are labelled terms);
- how newskit found the speakers it got right and wrong (its ``attribution`` column);
- articles per second of ``quotations`` (CPU time) over every article of the two realnews
  files, and its time as a multiple of tokenising them (``article_tokens``), measured in the
  same run (``bench_quotes.py`` compares the speed with another git ref's).

    .venv/bin/python benchmarks/eval_quotes.py [--split tune|heldout|heldout2|all] [--errors]

``--errors`` prints each wrong or missed speaker with the newskit text span, for reading.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import pandas as pd

import newskit
from newskit.corpus.segment import article_tokens
from newskit.reuse.quotes import corpus_quotations, quotations

HERE = Path(__file__).resolve().parent
LABELS = HERE / "data" / "quotes_labels.csv"
# ``../shared/realnews`` beside the repository (or beside a folder above it: a git worktree),
# or where ``NEWSKIT_REALNEWS`` says.
REALNEWS = next(
    (p for p in [Path(os.environ.get("NEWSKIT_REALNEWS", "/nonexistent"))]
     + [d / "shared" / "realnews" for d in HERE.parents] if p.is_dir()),
    HERE.parent.parent / "shared" / "realnews",
)  # fmt: skip
FILES = {"giveme5w": "giveme5w_calibration.jsonl", "ecbplus": "ecbplus_calibration.jsonl"}
# Titles and words left out before names are compared ("Mr. Abe" = "Shinzo Abe").
TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "president"}
    | {"prime", "minister", "secretary", "mayor", "chief", "the", "a", "an", "of", "s"}
)
_WORD = re.compile(r"\w+")


def name_words(name: str) -> frozenset[str]:
    """Lower-case words of a name without titles: ``"Mr. Abe"`` → ``{"abe"}``."""
    return frozenset(w for w in _WORD.findall(name.lower().replace("’", "'")) if w not in TITLES)


def same_speaker(gold: str, got: str | None) -> bool:
    """True when ``got`` names one of ``gold``'s ``|`` alternatives (one's words contain the
    other's)."""
    if not isinstance(got, str) or not got:
        return False  # None, or a missing value in a table
    g = name_words(got)
    for alt in gold.split("|"):
        if alt.startswith("~"):
            continue
        a = name_words(alt)
        if a and g and (a <= g or g <= a):
            return True
    return False


def overlaps(s1: int, e1: int, s2: int, e2: int) -> bool:
    """Spans overlap by at least half of the shorter one."""
    inter = min(e1, e2) - max(s1, s2)
    return inter > 0 and inter >= 0.5 * min(e1 - s1, e2 - s2)


def load() -> tuple[pd.DataFrame, dict]:
    if not REALNEWS.is_dir():
        sys.exit(f"{REALNEWS} is absent: the labelled real news are not on this machine")
    labels = pd.read_csv(LABELS, keep_default_na=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpora = {k: newskit.load_corpus(REALNEWS / f) for k, f in FILES.items()}
    return labels, corpora


def score(labels: pd.DataFrame, found: dict, show: bool = False, corpora=None) -> dict:
    """Figures for the labelled rows ``labels`` given ``found[article_id]`` quotations."""
    gold_q = labels[labels["kind"] == "quote"]
    named = gold_q[(gold_q["speaker"] != "") & ~gold_q["speaker"].str.startswith("~")]
    hit = spk = 0
    how_right: Counter = Counter()
    how_wrong: Counter = Counter()
    for r in gold_q.itertuples(index=False):
        qs = [q for q in found[r.article_id] if overlaps(r.start, r.end, q.start, q.end)]
        quote = [q for q in qs if getattr(q, "kind", "quote") == "quote"]
        hit += bool(quote)
        if r.speaker == "" or r.speaker.startswith("~"):
            continue
        q = (quote or qs or [None])[0]
        ok = q is not None and same_speaker(r.speaker, q.speaker)
        spk += ok
        how = "missed" if q is None else q.attribution
        (how_right if ok else how_wrong)[how] += 1
        if show and not ok:
            raw = corpora[r.corpus][r.article_id].raw
            got = getattr(q, "speaker", None)
            text = raw[r.start : r.end][:60]
            print(f"  {r.article_id} {r.start}: gold {r.speaker!r} got {got!r} ({how}) «{text}»")
    # newskit quotations that match a label
    n_quote = n_quote_on_term = n_term = n_term_ok = 0
    for aid, qs in found.items():
        rows = labels[labels["article_id"] == aid]
        for q in qs:
            match = [r for r in rows.itertuples(index=False)
                     if overlaps(r.start, r.end, q.start, q.end)]  # fmt: skip
            if not match:
                continue
            kind = getattr(q, "kind", "quote")
            is_term = all(r.kind == "term" for r in match)
            if kind == "quote":
                n_quote += 1
                n_quote_on_term += is_term
            else:
                n_term += 1
                n_term_ok += is_term
    return {
        "articles": labels["article_id"].nunique(),
        "quotes": len(gold_q),
        "terms": int((labels["kind"] == "term").sum()),
        "quote_recall": hit / max(1, len(gold_q)),
        "speaker_accuracy": spk / max(1, len(named)),
        "named": len(named),
        "quotes_on_terms": n_quote_on_term,
        "term_share": n_quote_on_term / max(1, n_quote),
        "term_precision": n_term_ok / max(1, n_term),
        "newskit_terms": n_term,
        "right_by": dict(how_right.most_common()),
        "wrong_by": dict(how_wrong.most_common()),
    }


def found_quotations(labels: pd.DataFrame, corpora: dict, *, corpus_names: bool = True) -> dict:
    """``{article_id: [quotation rows]}`` for the labelled articles: ``corpus_quotations`` over
    each whole realnews file (rows with ``start, end, kind, speaker, attribution``)."""
    found: dict = {aid: [] for aid in labels["article_id"].unique()}
    for c in corpora.values():
        table = corpus_quotations(c, corpus_names=corpus_names)
        table = table[table["article_id"].isin(found)]
        for aid, rows in table.groupby("article_id", sort=False):
            found[aid] = list(rows.itertuples(index=False))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="all", choices=["tune", "heldout", "heldout2", "all"])
    ap.add_argument("--errors", action="store_true", help="print wrong and missed speakers")
    ap.add_argument(
        "--no-corpus-names",
        action="store_true",
        help="read each article alone (names not judged over its file)",
    )
    args = ap.parse_args()
    labels, corpora = load()
    found = found_quotations(labels, corpora, corpus_names=not args.no_corpus_names)
    splits = ["tune", "heldout", "heldout2"] if args.split == "all" else [args.split]
    for split in splits:
        part = labels[labels["split"] == split]
        f = score(part, {k: found[k] for k in part["article_id"].unique()}, args.errors, corpora)
        print(f"{split}: {f['articles']} articles, {f['quotes']} quotes, {f['terms']} terms")
        print(f"  quote recall      {f['quote_recall']:.3f}")
        print(f"  speaker accuracy  {f['speaker_accuracy']:.3f}  (of {f['named']} named)")
        print(f"  quotes on terms   {f['quotes_on_terms']}  (share {f['term_share']:.3f})")
        print(f"  term precision    {f['term_precision']:.3f}  (of {f['newskit_terms']})")
        print(f"  right by {f['right_by']}")
        print(f"  wrong by {f['wrong_by']}")
    articles = [a for c in corpora.values() for a in c]
    # CPU time (the machine is shared), against tokenising the same articles as a baseline
    t = time.process_time()
    for a in articles:
        article_tokens(a)
    base = time.process_time() - t
    t = time.process_time()
    n = sum(len(quotations(a)) for a in articles)
    dt = time.process_time() - t
    rate = len(articles) / dt
    print(f"speed: {len(articles)} realnews articles, {n} quotations, {rate:.0f} articles/s (CPU),")
    print(f"  {dt / base:.2f}× the time of tokenising them")


if __name__ == "__main__":
    main()
