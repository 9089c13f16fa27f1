"""The ``newskit`` command.

``newskit report [CORPUS] [-o OUT]`` runs every notebook on CORPUS (default: the bundled seeds)
and writes ``OUT/index.html`` (default ``report/``); see ``newskit.app.report``.
``newskit dashboard [CORPUS]`` serves the notebooks on CORPUS with Voilà; see
``newskit.app.dashboard``. ``newskit run CORPUS -o OUT [--scheduler ADDRESS]`` runs the
pipeline on a Dask cluster and writes Parquet; see ``newskit.app.distributed``.

Each subcommand is a pair of functions, ``_add_NAME(subparsers)`` declaring its arguments and
``_run_NAME(args) -> int`` doing the work, listed in ``COMMANDS``. To add one (``dashboard``,
say), write those two functions and add its name to ``COMMANDS``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from newskit.app.args import add_corpus_argument, corpus_source
from newskit.app.report import DEFAULT_STORIES
from newskit.errors import CorpusError

EXIT_FAILED = 1  # a notebook (or the command's own work) failed
EXIT_USAGE = 2  # bad arguments or bad input (argparse uses 2 as well)


def _add_report(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "report",
        help="run every notebook on a corpus and write an HTML report",
        description=(
            "Execute every notebook in notebooks/ on CORPUS and write OUT/index.html linking "
            "one page per notebook (interactive charts) and each table as CSV."
        ),
    )
    add_corpus_argument(parser)
    parser.add_argument(
        "-o", "--out", default="report", metavar="OUT", help="output folder (default: report/)"
    )
    parser.add_argument(
        "--notebooks",
        default=None,
        metavar="DIR",
        help="folder of notebooks to run (default: the checkout's notebooks/)",
    )
    parser.add_argument(
        "--show-code", action="store_true", help="show the notebooks' code cells in the pages"
    )
    parser.add_argument(
        "--timeout", type=int, default=600, metavar="S", help="seconds allowed per cell"
    )
    parser.add_argument(
        "--stories",
        type=int,
        default=DEFAULT_STORIES,
        metavar="N",
        help=(
            "on a corpus of several stories, write per-story pages for the N largest "
            f"(default: {DEFAULT_STORIES}; 0: none)"
        ),
    )
    return parser


def _run_report(args: argparse.Namespace) -> int:
    from newskit.app.report import ReportError, build_report, find_notebooks

    try:
        notebooks = find_notebooks(args.notebooks)
        build_report(
            corpus_source(args, args.out),
            args.out,
            notebooks=notebooks,
            show_code=args.show_code,
            timeout=args.timeout,
            stories=args.stories,
        )
    except (CorpusError, argparse.ArgumentTypeError, ValueError) as exc:
        print(f"newskit report: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ReportError as exc:
        print(f"newskit report: error:\n{exc}", file=sys.stderr)
        return EXIT_FAILED
    return 0


def _add_dashboard(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from newskit.app.dashboard import add_arguments

    parser = subparsers.add_parser(
        "dashboard",
        help="open the notebooks as a Voilà dashboard (widgets live, code hidden)",
        description="Serve every notebook in notebooks/, run on CORPUS, with Voilà.",
    )
    add_arguments(parser)
    return parser


def _run_dashboard(args: argparse.Namespace) -> int:
    from newskit.app.dashboard import run_args

    return run_args(args)


def _add_run(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "run",
        help="run the pipeline on a Dask cluster and write Parquet outputs",
        description=(
            "Load CORPUS, then write sentences, tokens, keywords, numeric claims, stories and "
            "candidate pairs as Parquet into OUT, running on a Dask cluster (the one at "
            "--scheduler, or two local worker processes). See newskit.app.distributed."
        ),
    )
    parser.add_argument(
        "corpus",
        metavar="CORPUS",
        help="a folder of .txt files, or a .csv/.jsonl/.parquet file or a quoted glob of them",
    )
    parser.add_argument(
        "-o", "--out", required=True, metavar="OUT", help="output folder (Parquet files)"
    )
    parser.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)",
    )
    parser.add_argument(
        "--skip-bad", action="store_true", help="skip unreadable articles instead of stopping"
    )
    return parser


def _run_run(args: argparse.Namespace) -> int:
    from newskit.app.distributed import run_distributed

    try:
        run = run_distributed(
            args.corpus,
            args.out,
            scheduler=args.scheduler,
            errors="skip" if args.skip_bad else "raise",
        )
    except CorpusError as exc:
        print(f"newskit run: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # the scheduler cannot be reached
        print(f"newskit run: error: {exc}; check --scheduler", file=sys.stderr)
        return EXIT_FAILED
    print(f"{run.n_articles} articles in {run.n_parts} parts; wrote:")
    for stage, path in run.outputs.items():
        print(f"  {stage}: {path}")
    return 0


#: name → (declare arguments, run). Add new subcommands here.
COMMANDS: dict[
    str,
    tuple[
        Callable[[argparse._SubParsersAction], argparse.ArgumentParser],
        Callable[[argparse.Namespace], int],
    ],
] = {
    "report": (_add_report, _run_report),
    "dashboard": (_add_dashboard, _run_dashboard),
    "run": (_add_run, _run_run),
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newskit`` command, with every subcommand of ``COMMANDS``."""
    parser = argparse.ArgumentParser(
        prog="newskit",
        description="Compare how several news outlets covered the same story.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (add, run) in COMMANDS.items():
        add(subparsers).set_defaults(_run=run, command=name)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newskit`` command line; returns the exit status (0: success)."""
    args = build_parser().parse_args(argv)
    return args._run(args)


if __name__ == "__main__":
    sys.exit(main())
