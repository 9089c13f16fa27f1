"""Dump or compare the output of ``align``, ``stories``, ``candidate_pairs`` and
``overlap_matrix`` on fixed corpora, to show that a speed change leaves every value as it was.

Usage (from the repository root, with the project's environment)::

    .venv/bin/python benchmarks/check_align_equal.py dump /tmp/before   # on the old code
    .venv/bin/python benchmarks/check_align_equal.py compare /tmp/before  # on the new code

Corpora: the bundled seeds; both real labelled sets (``../shared/realnews``, grouped by their
gold stories for align, and by ``newskit.stories`` too); a generated corpus
(``make_corpus(30, 10, seed=3, length="real")``). The frames are pickled in the folder given
(outside the repository: they hold real-news text). ``compare`` fails on the first difference
(``pandas.testing.assert_frame_equal`` with ``check_exact=True``: values, dtypes, order).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from realnews import realnews_dir

import newskit
from newskit.synthetic import make_corpus

ROOT = Path(__file__).resolve().parents[1]


def corpora() -> dict[str, tuple[newskit.Corpus, dict[str, str] | None]]:
    """Name -> (corpus, gold stories or None)."""
    generated = make_corpus(30, 10, seed=3, length="real")
    out: dict[str, tuple[newskit.Corpus, dict[str, str] | None]] = {
        "seeds": (newskit.load_corpus(ROOT / "seeds"), None),
        "generated": (newskit.load_corpus(generated.drop(columns=["story"])), None),
    }
    folder = realnews_dir()
    if folder is not None:
        for name in ("giveme5w_calibration", "ecbplus_calibration"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "kept as metadata: story"
                corpus = newskit.load_corpus(folder / f"{name}.jsonl")
            out[name] = (corpus, {a.id: a.meta["story"] for a in corpus})
    return out


def outputs() -> dict[str, pd.DataFrame]:
    """Every frame checked, by name, with the CPU seconds of each call printed."""
    out: dict[str, pd.DataFrame] = {}

    def run(name: str, call: Callable[[], pd.DataFrame]) -> None:
        start = time.process_time()
        out[name] = call()
        print(f"{name}: {len(out[name])} rows, {time.process_time() - start:.2f} s CPU")

    for name, (corpus, gold) in corpora().items():
        run(f"{name}/stories", lambda c=corpus: newskit.stories(c))
        found = out[f"{name}/stories"]
        run(f"{name}/candidates", lambda c=corpus, s=found: newskit.candidate_pairs(c, stories=s))
        run(f"{name}/align", lambda c=corpus, s=found: newskit.align(c, stories=s))
        run(f"{name}/overlap", lambda c=corpus, s=found: newskit.overlap_matrix(c, stories=s))
        if gold is not None:
            run(f"{name}/align_gold", lambda c=corpus, s=gold: newskit.align(c, stories=s))
            run(
                f"{name}/reuse_gold",
                lambda c=corpus, s=gold, n=name: newskit.reuse_graph(
                    c, stories=s, alignments=out[f"{n}/align_gold"]
                ),
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["dump", "compare"])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    got = outputs()
    path = args.folder / "frames.pkl"
    if args.mode == "dump":
        args.folder.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(got))
        print(f"wrote {len(got)} frames to {path}")
        return
    want = pickle.loads(path.read_bytes())
    assert sorted(got) == sorted(want), (sorted(got), sorted(want))
    for name in want:
        pd.testing.assert_frame_equal(got[name], want[name], check_exact=True)
        assert got[name].attrs == want[name].attrs, name
    print(f"identical: {len(want)} frames ({', '.join(want)})")


if __name__ == "__main__":
    main()
