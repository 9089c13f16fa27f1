"""Equivalence check for speed work on the claims grammar: the same claims before and after.

Dumps ``numeric_claims`` (every column) on the seeds, on every article of ``../shared/realnews/``
as written and upper- and lower-cased (other paths through case-insensitive patterns), on the
generated articles of ``bench_claims.py`` and of ``newskit.synthetic.make_corpus`` (real
lengths), and ``claims_in_text`` on every string literal of the claims, numbers and dates tests
(the probe sentences, dated against a fixed anchor and undated). ``--save`` writes the frames and
the probes to a pickle; ``--check`` recomputes them (on the saved probes) and compares each with
the saved one exactly (values, offsets, NaNs, dtypes), printing the first differing rows; it
exits 1 when any differs. Save before changing the code (or with the old code checked out: the
editable install makes ``newskit`` this checkout's, whatever ``PYTHONPATH`` says).

    PYTHONPATH=. python benchmarks/claims_equivalence.py --save /tmp/claims_before.pkl
    # … change the grammar …
    PYTHONPATH=. python benchmarks/claims_equivalence.py --check /tmp/claims_before.pkl
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import pickle
import sys
import warnings
from pathlib import Path

import pandas as pd

import newskit
from benchmarks.bench_claims import synthetic_corpus
from benchmarks.realnews import realnews_dir
from newskit.claims.extract import claims_in_text, numeric_claims
from newskit.synthetic import make_corpus

ROOT = Path(__file__).resolve().parents[1]
_TESTS = ("test_claims", "test_number", "test_dates", "test_page_dates", "test_candidates")


def probe_strings() -> list[str]:
    """Every string literal with a letter or digit in the claims, numbers and dates tests."""
    found: set[str] = set()
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        if not path.stem.startswith(_TESTS):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return sorted(s for s in found if any(ch.isalnum() for ch in s))


def _recase(corpus: newskit.Corpus, how: str) -> newskit.Corpus:
    rows = [(a.id, a.outlet, a.date, getattr(a.raw, how)()) for a in corpus]
    frame = pd.DataFrame(rows, columns=["id", "outlet", "date", "text"])
    return newskit.load_corpus(frame)


def frames(probes: list[str]) -> dict[str, pd.DataFrame]:
    """Every frame the check compares, by name (``probes``: the probe sentences)."""
    out: dict[str, pd.DataFrame] = {}
    out["seeds"] = numeric_claims(newskit.load_corpus(), progress=False)
    folder = realnews_dir()
    if folder is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for name in ("ecbplus", "giveme5w"):
                corpus = newskit.load_corpus(folder / f"{name}_calibration.jsonl")
                stories = {a.id: "s" for a in corpus}
                out[f"real {name}"] = numeric_claims(corpus, stories=stories, progress=False)
                for how in ("upper", "lower"):
                    recased = _recase(corpus, how)
                    out[f"real {name} {how}"] = numeric_claims(
                        recased, stories=stories, progress=False
                    )
    else:
        print("no ../shared/realnews: real news left out", file=sys.stderr)
    gen = synthetic_corpus(1500, seed=3)
    out["bench generated"] = numeric_claims(gen, stories={a.id: "s" for a in gen}, progress=False)
    made = newskit.load_corpus(make_corpus(40, 5, seed=2, length="real"))
    out["make_corpus"] = numeric_claims(made, progress=False)
    for anchor in (dt.date(2025, 11, 14), None):
        parts = []
        for i, text in enumerate(probes):
            df = claims_in_text(text, anchor)
            df.insert(0, "probe", i)
            parts.append(df)
        out[f"probes {anchor}"] = pd.concat(parts, ignore_index=True)
    return out


def compare(before: dict[str, pd.DataFrame], after: dict[str, pd.DataFrame]) -> bool:
    """True when every frame is exactly the same; prints what differs."""
    same = True
    for name in sorted(before.keys() | after.keys()):
        a, b = before.get(name), after.get(name)
        if a is None or b is None:
            print(f"{name}: only {'after' if a is None else 'before'}")
            same = False
            continue
        if a.equals(b) and list(a.dtypes) == list(b.dtypes):
            print(f"{name}: identical ({len(a)} rows)")
            continue
        same = False
        print(f"{name}: DIFFERENT ({len(a)} rows before, {len(b)} after)")
        diff = pd.concat([a, b]).drop_duplicates(keep=False)
        print(diff.head(20).to_string())
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--check", type=Path)
    args = parser.parse_args()
    if args.save:
        probes = probe_strings()
        now = frames(probes)
        args.save.write_bytes(pickle.dumps({"probes": probes, "frames": now}))
        print(f"saved {sum(len(f) for f in now.values())} rows in {len(now)} frames")
        return
    saved = pickle.loads(args.check.read_bytes())  # the probes of the saved run, in its order
    sys.exit(0 if compare(saved["frames"], frames(saved["probes"])) else 1)


if __name__ == "__main__":
    main()
