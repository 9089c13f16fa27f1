"""How much real news weighs, beside generated articles: the figures ``newskit.synthetic.body``
is set on.

Usage (from the repository root, with the project's environment)::

    .venv/bin/python benchmarks/measure_weight.py [--stories 100] [--outlets 5]

For each set (the real-news calibration sets in ``../shared/realnews/``, the seeds, and
``make_corpus(..., length="real")`` and ``length="short"``) it prints article length in
characters (median, 90th and 99th percentile), paragraphs per article and characters per
paragraph (non-empty lines), words per sentence, distinct words over words per article,
distinct words in the first 10,000 and 100,000 words of the set, and the share of capitalised
words and of numbers. Texts are read, never copied.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newskit.synthetic import make_corpus
from newskit.synthetic.weight import weigh

HERE = Path(__file__).resolve().parent
REALNEWS = next(
    (p for p in [d / "shared" / "realnews" for d in HERE.parents] if p.is_dir()),
    HERE.parent.parent / "shared" / "realnews",
)


def real_texts() -> dict[str, list[str]]:
    """The realnews calibration sets' texts by set name (empty when the folder is absent)."""
    out = {}
    for path in sorted(REALNEWS.glob("*_calibration.jsonl")):
        with path.open(encoding="utf-8") as f:
            out[path.stem.split("_")[0]] = [json.loads(line)["text"] for line in f]
    return out


def seed_texts() -> list[str]:
    """The bundled seeds' texts, without their ``date`` line."""
    out = []
    for path in sorted((HERE.parent / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.append(text.split("\n", 1)[1] if text.startswith("date ") else text)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=100)
    parser.add_argument("--outlets", type=int, default=5)
    args = parser.parse_args(argv)
    sets = {**real_texts(), "seeds": seed_texts()}
    for length in ("real", "short"):
        frame = make_corpus(args.stories, args.outlets, seed=1, length=length)
        sets[f"generated ({length})"] = frame["text"].tolist()
    rows = {name: weigh(texts) for name, texts in sets.items()}
    keys = list(next(iter(rows.values())))
    print(f"{'':24}" + "".join(f"{name[:18]:>20}" for name in rows))
    for key in keys:
        cells = "".join(
            f"{v:>20.3f}" if v < 10 and v != round(v) else f"{v:>20,.0f}"
            for v in (rows[name][key] for name in rows)
        )
        print(f"{key:24}{cells}")


if __name__ == "__main__":
    main()
