"""Re-execute and re-save the notebooks in place, deterministically (``./run notebooks``).

``python -m newskit.app.notebooks [NOTEBOOK ...]`` runs each notebook (default: every
``notebooks/*.ipynb``, in name order) top to bottom in a fresh kernel started in the notebook's
folder with ``PYTHONHASHSEED=0`` (as ``./run test`` runs nbval), then saves it with its outputs
and execution counts (nbval needs both) and without what would change on every run: no
per-cell timing metadata and no widget state (random model ids; nbval ignores widget views): a
widget output is saved as a one-line note.
Running it twice on unchanged code leaves the files byte-identical.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from newskit.app.report import WIDGET_VIEW_MIME, ReportError, find_notebooks, run_notebook


def refresh_notebook(path: Path | str, *, timeout: int = 600) -> Path:
    """Execute one notebook in place and save it with its outputs; returns the path.

    Raises ``ReportError`` naming the notebook and cell when a cell fails (the file is then left
    as it was).
    """
    import nbformat

    path = Path(path).resolve()
    nb = nbformat.read(path, as_version=4)
    os.environ["PYTHONHASHSEED"] = "0"  # the kernel inherits it: set ordering as under nbval
    os.environ["NEWSKIT_PROGRESS"] = "0"  # and this: no progress bar in committed outputs
    try:
        run_notebook(nb, cwd=path.parent, timeout=timeout)
    except ReportError as exc:
        raise ReportError(f"{path}: {exc}") from exc
    _normalise(nb)
    nbformat.write(nb, path)
    return path


WIDGET_PLACEHOLDER = "(a live widget panel: run the notebook to use it)"


def _normalise(nb) -> None:
    """Drop what changes from run to run without changing what the reader sees.

    A saved widget view points at a model id that is random and means nothing without a
    running kernel (the widget state is not saved), so its output becomes a plain-text note.
    """
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        if cell.cell_type == "code":
            for out in cell.outputs:
                out.get("metadata", {}).pop("execution", None)
                data = out.get("data", {})
                if WIDGET_VIEW_MIME in data:
                    out["data"] = {"text/plain": WIDGET_PLACEHOLDER}


def refresh(
    paths: Iterable[Path | str] | None = None,
    *,
    timeout: int = 600,
    progress: Callable[[str], None] | None = print,
) -> list[Path]:
    """Refresh every notebook in ``paths`` (default: all of ``notebooks/``), in order."""
    say = progress or (lambda _line: None)
    todo = [Path(p) for p in paths] if paths else find_notebooks()
    done = []
    for i, path in enumerate(todo, 1):
        started = time.perf_counter()
        say(f"[{i}/{len(todo)}] {path.name} …")
        done.append(refresh_notebook(path, timeout=timeout))
        say(f"[{i}/{len(todo)}] {path.name} saved in {time.perf_counter() - started:.1f} s")
    return done


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m newskit.app.notebooks [NOTEBOOK ...] [--timeout S]``."""
    parser = argparse.ArgumentParser(
        prog="python -m newskit.app.notebooks",
        description="Re-execute notebooks and save them in place with their outputs.",
    )
    parser.add_argument("notebooks", nargs="*", help="notebooks to refresh (default: all)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    args = parser.parse_args(argv)
    try:
        refresh(args.notebooks or None, timeout=args.timeout)
    except ReportError as exc:
        print(f"newskit notebooks: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
