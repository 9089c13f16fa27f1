"""Command-line arguments shared by every ``newskit`` subcommand (below both ``cli`` and
``dashboard``, so neither imports the other for them)."""

from __future__ import annotations

import argparse


def add_corpus_argument(parser: argparse.ArgumentParser) -> None:
    """Declare the optional positional ``CORPUS`` argument every subcommand takes."""
    parser.add_argument(
        "corpus",
        nargs="?",
        default=None,
        metavar="CORPUS",
        help="a folder of .txt files, or a .csv/.jsonl file (default: the bundled seeds)",
    )
