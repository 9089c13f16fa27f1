"""Command-line arguments shared by every ``newskit`` subcommand (below both ``cli`` and
``dashboard``, so neither imports the other for them)."""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from newskit.corpus.corpus import SPEC_SUFFIX


def add_corpus_argument(parser: argparse.ArgumentParser) -> None:
    """Declare the optional positional ``CORPUS`` argument every subcommand takes, with the
    loader options ``--columns``, ``--recursive`` and ``--outlet-from``."""
    parser.add_argument(
        "corpus",
        nargs="?",
        default=None,
        metavar="CORPUS",
        help="a folder of .txt/.html files, a .csv/.jsonl/.parquet table or a .warc archive "
        "(default: the bundled seeds)",
    )
    add_loader_options(parser)


def add_loader_options(parser: argparse.ArgumentParser) -> None:
    """Declare the loader options ``--columns``, ``--recursive`` and ``--outlet-from``."""
    parser.add_argument(
        "--columns",
        action="append",
        default=None,
        metavar="FIELD=COLUMN",
        help="which table column holds a field, e.g. --columns text=body,date=published "
        "(dotted paths for nested JSON: text=content.body); repeatable",
    )
    parser.add_argument(
        "--recursive", action="store_true", help="read the folders inside CORPUS as well"
    )
    parser.add_argument(
        "--outlet-from",
        choices=["folder"],
        default=None,
        help="take each article's outlet from the name of the folder holding it",
    )


def parse_columns(values: list[str] | None) -> dict[str, str] | None:
    """``["text=body,date=published"]`` → ``{"text": "body", "date": "published"}``."""
    if not values:
        return None
    out: dict[str, str] = {}
    for value in values:
        for pair in value.split(","):
            if not pair.strip():
                continue
            field, sep, column = pair.partition("=")
            if not sep or not field.strip() or not column.strip():
                raise argparse.ArgumentTypeError(
                    f"--columns {pair!r}: write FIELD=COLUMN, e.g. --columns text=body"
                )
            out[field.strip()] = column.strip()
    return out


def corpus_source(args: argparse.Namespace, folder: str | Path | None = None) -> str | None:
    """What to hand the notebooks as ``CORPUS``: the path as given, or, when loader options were
    set, a load spec (``NAME.corpus.json``: ``source`` and ``load_corpus`` options, read by
    ``newskit.load_corpus``) written into ``folder`` (a new temporary folder if ``None``)."""
    columns = parse_columns(getattr(args, "columns", None))
    recursive = bool(getattr(args, "recursive", False))
    outlet_from = getattr(args, "outlet_from", None)
    if args.corpus is None or not (columns or recursive or outlet_from):
        return args.corpus
    spec = {
        "source": str(Path(args.corpus).expanduser().resolve()),
        "columns": columns,
        "recursive": recursive,
        "outlet_from": outlet_from,
    }
    target = Path(folder) if folder is not None else Path(tempfile.mkdtemp(prefix="newskit-"))
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"corpus{SPEC_SUFFIX}"
    path.write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
    return str(path)
