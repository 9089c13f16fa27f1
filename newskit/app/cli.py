"""The ``newskit`` command.

``newskit report [CORPUS] [-o OUT]`` runs every notebook on CORPUS (default: the bundled seeds)
and writes ``OUT/index.html`` (default ``report/``); see ``newskit.app.report``.
``newskit dashboard [CORPUS]`` serves the notebooks on CORPUS with Voilà; see
``newskit.app.dashboard``. ``newskit run CORPUS -o OUT [--scheduler ADDRESS]`` runs the
whole pipeline on a Dask cluster (or ``--in-process``) and writes every table as Parquet; see
``newskit.app.dask``.

Each subcommand is a pair of functions, ``_add_NAME(subparsers)`` declaring its arguments and
``_run_NAME(args) -> int`` doing the work, listed in ``COMMANDS``. To add one (``dashboard``,
say), write those two functions and add its name to ``COMMANDS``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from newskit.app.args import add_corpus_argument, add_loader_options, corpus_source
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
    from newskit.app.dask.tables import RunOptions

    defaults = RunOptions()
    parser = subparsers.add_parser(
        "run",
        help="run the whole pipeline (on a Dask cluster) and write every table as Parquet",
        description=(
            "Load CORPUS and write every table of the in-process API (articles, sentences, "
            "tokens, keywords, claims, stories, candidate pairs, alignments, quotes, reuse "
            "graph, coverage, claim groups, story and outlet tables, keyword table, "
            "distinctive terms) as Parquet into OUT, on a Dask cluster (the one at "
            "--scheduler, or two local worker processes) or --in-process. OUT is replaced "
            "only when every table is complete. See newskit.app.dask."
        ),
    )
    parser.add_argument(
        "corpus",
        nargs="+",
        metavar="CORPUS",
        help="a folder, a file, a quoted glob, or several files (each read by its kind: a "
        ".txt/.html file is one article, a .csv/.jsonl/.parquet table's rows are articles)",
    )
    parser.add_argument(
        "-o",
        "--out",
        required=True,
        metavar="OUT",
        help="output folder or fsspec URL (a relative path is taken from this folder)",
    )
    parser.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)",
    )
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="make the same tables in this process, without Dask",
    )
    parser.add_argument(
        "--skip-bad", action="store_true", help="skip unreadable articles instead of stopping"
    )
    add_loader_options(parser)
    parser.add_argument(
        "--threshold",
        type=_story_threshold,
        default=defaults.threshold,
        metavar="T",
        help="story grouping threshold, 0-1 or 'auto' (newskit.stories; default "
        f"{defaults.threshold})",
    )
    parser.add_argument(
        "--relative",
        type=float,
        default=defaults.relative,
        metavar="R",
        help="how alike two groups must be against their own cohesion to merge into one story, "
        f"0-1 (newskit.stories; default {defaults.relative})",
    )
    parser.add_argument(
        "--days",
        type=float,
        default=defaults.days,
        metavar="D",
        help=f"days before articles count as less alike (default {defaults.days})",
    )
    parser.add_argument(
        "--candidates",
        choices=["auto", "exhaustive", "lsh"],
        default=defaults.candidates,
        help="how candidate pairs are found (newskit.candidate_pairs; default auto)",
    )
    parser.add_argument(
        "--candidate-threshold",
        type=float,
        default=defaults.candidate_threshold,
        metavar="J",
        help=f"sentence Jaccard a candidate pair needs (default {defaults.candidate_threshold})",
    )
    parser.add_argument(
        "--min-score",
        type=float,
        default=defaults.min_score,
        metavar="S",
        help=f"alignment score a passage needs (newskit.align; default {defaults.min_score})",
    )
    parser.add_argument(
        "--top", type=int, default=defaults.top, metavar="N", help="keywords per article"
    )
    parser.add_argument(
        "--part-size",
        type=int,
        default=None,
        metavar="N",
        help="articles (files or table rows) per load part (default: at most 1000, about "
        "16 parts on a smaller corpus)",
    )
    parser.add_argument(
        "--story-part-size",
        type=int,
        default=None,
        metavar="N",
        help="articles per story partition (whole stories; default: at most 2000, about 16 "
        "partitions on a smaller corpus)",
    )
    parser.add_argument(
        "--no-workers-timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="fail the run when the cluster has had no worker this long (default: 300; "
        "raise it for a cluster whose workers take longer to come back)",
    )
    return parser


def _story_threshold(text: str) -> float | str:
    """``--threshold``: ``auto`` or a number."""
    if text == "auto":
        return text
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected 'auto' or a number, not {text!r}") from None


def _run_run(args: argparse.Namespace) -> int:
    from newskit.app.args import parse_columns
    from newskit.app.dask import RunError, RunOptions, RunSetupError
    from newskit.app.dask.run import run_distributed, run_in_process

    source = args.corpus[0] if len(args.corpus) == 1 else list(args.corpus)
    try:
        options = RunOptions(
            errors="skip" if args.skip_bad else "raise",
            threshold=args.threshold,
            days=args.days,
            relative=args.relative,
            candidates=args.candidates,
            candidate_threshold=args.candidate_threshold,
            min_score=args.min_score,
            top=args.top,
            columns=parse_columns(args.columns),
            recursive=args.recursive,
            outlet_from=args.outlet_from,
        )
        if args.in_process:
            run = run_in_process(source, args.out, options=options)
        else:
            run = run_distributed(
                source,
                args.out,
                scheduler=args.scheduler,
                options=options,
                rows_per_part=args.part_size,
                story_part_size=args.story_part_size,
                no_workers_timeout=args.no_workers_timeout,
            )
    except (CorpusError, RunSetupError, argparse.ArgumentTypeError, ImportError) as exc:
        print(f"newskit run: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except RunError as exc:
        print(f"newskit run: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    where = "in process" if args.in_process else f"in {run.n_parts} parts"
    print(
        f"{run.n_articles} articles {where}, {run.n_story_parts} story partitions; wrote {run.out}:"
    )
    for stage, path in run.outputs.items():
        print(f"  {stage}: {path}")
    for note in run.notes:
        print(f"note: {note}")
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
