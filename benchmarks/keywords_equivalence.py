"""Keywords unchanged: dump what ``newskit.keywords`` gives, or compare with a dump, exactly.

Usage (from the repository root, with the project's environment)::

    PYTHONPATH=. .venv/bin/python benchmarks/keywords_equivalence.py dump  OUT.pkl [--generated 200]
    PYTHONPATH=. .venv/bin/python benchmarks/keywords_equivalence.py check OUT.pkl [--generated 200]

Corpora: the seeds, the two real-news calibration sets in ``../shared/realnews/`` (whole; read,
never copied) and ``make_corpus(..., length="real")`` (``--generated`` articles). For each it
keeps every column of ``newskit.keywords(corpus)`` (top 10), of ``newskit.keywords(corpus,
top=10**6)`` (every entity the greedy pass keeps, not only the top 10), of ``keyword_spans``
and ``keyword_table`` over the top-10 frame, and of ``own_names``. ``check`` compares a fresh
run with the dump value for value (floats exactly) and prints the first difference of each
table; it exits 1 when anything differs. Made to check that a speed change leaves the output
as it was (issue 24). One caveat: yake-rust sums in an order that changes between processes,
and a raw score right at a rounding boundary of ``yake_adapter.SCORE_DIGITS`` (``0.61956674415``
arrives as ``…4414999997`` or ``…44150000…``) can round either way; a lone score differing in its
tenth digit is that (check its article again in a few processes), not the change.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import warnings
from pathlib import Path

import pandas as pd

import newskit
from benchmarks.realnews import realnews_dir
from newskit.keywords.keyphrases import own_names
from newskit.synthetic import make_corpus

ALL = 10**6  # "every entity" for keywords' top


def corpora(generated: int) -> dict[str, newskit.Corpus]:
    """The seeds, each real-news calibration set and a generated corpus of real weight."""
    out = {"seeds": newskit.load_corpus()}
    folder = realnews_dir()
    if folder is not None:
        for path in sorted(folder.glob("*_calibration.jsonl")):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out[path.stem] = newskit.load_corpus(path, progress=False)
    if generated:
        frame = make_corpus(max(1, generated // 5), 5, seed=11, length="real").iloc[:generated]
        out["generated"] = newskit.load_corpus(frame.reset_index(drop=True), progress=False)
    return out


def tables(corpus: newskit.Corpus) -> dict[str, pd.DataFrame]:
    """Every table the keyword stage gives for ``corpus``."""
    top = newskit.keywords(corpus)
    names = own_names(corpus)
    return {
        "keywords": top,
        "keywords_all": newskit.keywords(corpus, top=ALL),
        "spans": newskit.keyword_spans(corpus, top),
        "table": newskit.keyword_table(corpus, top),
        "own_names": pd.DataFrame(
            sorted((o, " ".join(n)) for o, ns in names.items() for n in ns),
            columns=["outlet", "name"],
        ),
    }


def first_difference(old: pd.DataFrame, new: pd.DataFrame) -> str | None:
    """Where two frames differ first (columns, length, dtypes, then values), or ``None``."""
    if list(old.columns) != list(new.columns):
        return f"columns {list(old.columns)} != {list(new.columns)}"
    if len(old) != len(new):
        return f"{len(old)} rows != {len(new)} rows"
    if list(old.dtypes) != list(new.dtypes):
        return f"dtypes {list(old.dtypes)} != {list(new.dtypes)}"
    for col in old.columns:
        if old[col].equals(new[col]):  # NaN equals NaN here, floats exactly
            continue
        for i, (a, b) in enumerate(zip(old[col].tolist(), new[col].tolist(), strict=True)):
            if a != b and not (a != a and b != b):  # NaN equals NaN here
                return f"column {col!r}, row {i}: {a!r} != {b!r}"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("dump", "check"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--generated", type=int, default=200, help="generated articles")
    args = parser.parse_args(argv)
    got = {name: tables(c) for name, c in corpora(args.generated).items()}
    if args.mode == "dump":
        with args.path.open("wb") as f:
            pickle.dump(got, f)
        for name, t in got.items():
            print(name, {k: len(v) for k, v in t.items()})
        return 0
    with args.path.open("rb") as f:
        want = pickle.load(f)
    bad = 0
    if set(want) != set(got):
        print(f"corpora {sorted(want)} != {sorted(got)}")
        bad += 1
    for name in sorted(set(want) & set(got)):
        for table in want[name]:
            diff = first_difference(want[name][table], got[name][table])
            print(f"{name:28s} {table:14s} {len(want[name][table]):7d} rows  {diff or 'same'}")
            bad += diff is not None
    print("IDENTICAL" if not bad else f"{bad} table(s) differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
