"""``newskit dashboard``: the notebooks as a Voilà dashboard (widgets live, code hidden).

The notebooks in ``notebooks/`` are copied to a working folder with the corpus injected after
their ``parameters`` cell (papermill's convention, which ``CORPUS = None`` follows), then
Voilà serves that folder: a list of the notebooks, each opening as a page where every panel works
and no code is shown. The committed notebooks are never modified.

Example::

    newskit dashboard path/to/articles          # or: python -m newskit.app.dashboard ...
    newskit dashboard --port 8870 --no-browser
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import nbformat

from newskit.app.args import add_corpus_argument, corpus_source
from newskit.corpus.corpus import load_corpus
from newskit.errors import CorpusError, CorpusSourceError

DEFAULT_PORT = 8866
NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"
"""Where the notebook series lives in a checkout (``notebooks/NN_name.ipynb``)."""


def prepare_dashboard(
    corpus: str | os.PathLike[str] | None,
    folder: str | os.PathLike[str],
    *,
    notebooks: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Copy every ``NN_name.ipynb`` into ``folder`` with ``CORPUS`` set; return the copies.

    ``corpus`` is anything ``newskit.load_corpus`` takes as a path (``None`` = the seeds); it is
    loaded once here so a bad corpus fails now with a ``CorpusError`` naming the problem, not
    later inside every page. Relative paths are made absolute, because Voilà runs each notebook
    from ``folder``. ``notebooks`` defaults to the checkout's ``notebooks/``.
    """
    value = None
    if corpus is not None:
        value = str(Path(corpus).expanduser().resolve())
        load_corpus(value)  # fail early, with the loader's message
    source = Path(notebooks) if notebooks is not None else NOTEBOOKS_DIR
    paths = sorted(source.glob("[0-9][0-9]_*.ipynb"))
    if not paths:
        raise CorpusSourceError(
            "no notebooks (NN_name.ipynb) here; pass the folder that holds them (--notebooks)",
            file=str(source),
        )
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if value is not None:
            inject_parameters(nb, {"CORPUS": value})
        target = out / path.name
        nbformat.write(nb, target)
        written.append(target)
    return written


def inject_parameters(nb: nbformat.NotebookNode, values: dict[str, object]) -> None:
    """Put ``NAME = value`` lines in a cell tagged ``injected-parameters``, in place.

    papermill's convention: the cell goes right after the one tagged ``parameters`` (or first,
    when there is none) and replaces an earlier injected cell, so the notebook's own defaults
    stay visible and the injected values win. Values are written with ``repr``.
    """
    source = "# Parameters\n" + "".join(f"{name} = {value!r}\n" for name, value in values.items())
    cell = nbformat.v4.new_code_cell(source.rstrip("\n"))
    cell.metadata["tags"] = ["injected-parameters"]
    tagged = [set(c.get("metadata", {}).get("tags", [])) for c in nb.cells]
    injected = [i for i, tags in enumerate(tagged) if "injected-parameters" in tags]
    params = [i for i, tags in enumerate(tagged) if "parameters" in tags]
    if injected:
        nb.cells[injected[0]] = cell
    else:
        nb.cells.insert(params[0] + 1 if params else 0, cell)


def voila_command(
    folder: str | os.PathLike[str],
    *,
    port: int = DEFAULT_PORT,
    open_browser: bool = True,
    token: str | None = None,
    ip: str = "127.0.0.1",
) -> list[str]:
    """The command line that serves ``folder`` (a notebook or a folder of them) with Voilà.

    Uses the ``voila`` next to the running Python (the same environment as newskit). Code cells
    are hidden (Voilà strips sources); tracebacks are shown so a failing cell is not a blank page.
    """
    exe = Path(sys.executable).parent / "voila"
    if not exe.exists():
        found = shutil.which("voila")
        if found is None:
            raise FileNotFoundError(
                "voila is not installed in this environment; install newskit's dev extra "
                "(pip install -e '.[dev]') or `pip install voila`"
            )
        exe = Path(found)
    cmd = [
        str(exe),
        str(folder),
        f"--port={port}",
        "--Voila.port_retries=0",
        f"--Voila.ip={ip}",
        "--strip_sources=True",
        "--show_tracebacks=True",
    ]
    if not open_browser:
        cmd.append("--no-browser")
    if token is not None:
        cmd.append(f"--token={token}")
    return cmd


def dashboard(
    corpus: str | os.PathLike[str] | None = None,
    *,
    notebooks: str | os.PathLike[str] | None = None,
    port: int = DEFAULT_PORT,
    open_browser: bool = True,
    token: str | None = None,
) -> int:
    """Serve the notebooks on ``corpus`` (``None`` = the seeds) with Voilà until stopped.

    Blocks while Voilà runs (Ctrl-C stops it) and returns its exit status. The kernels import
    the same newskit as this process.
    """
    with tempfile.TemporaryDirectory(prefix="newskit-dashboard-") as tmp:
        pages = prepare_dashboard(corpus, tmp, notebooks=notebooks)
        cmd = voila_command(tmp, port=port, open_browser=open_browser, token=token)
        print(
            f"newskit dashboard: {len(pages)} notebooks on "
            f"{corpus if corpus is not None else 'the bundled seeds'} "
            f"at http://127.0.0.1:{port}/ (Ctrl-C to stop)",
            flush=True,
        )
        return _run_until_stopped(cmd, cwd=tmp)


def _run_until_stopped(cmd: list[str], *, cwd: str) -> int:
    """Run ``cmd``; when this process is stopped (Ctrl-C or SIGTERM), stop it too."""
    child = subprocess.Popen(cmd, env=kernel_env(), cwd=cwd)

    def _stop(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        return child.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if child.poll() is None:
            child.terminate()  # Voilà shuts its kernels down on SIGTERM
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def kernel_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """``base`` (default: this process's environment) with this newskit first on PYTHONPATH.

    Kernels started by Voilà or JupyterLab then import the newskit that launched them, also
    from a checkout that is not pip-installed.
    """
    env = dict(os.environ if base is None else base)
    root = str(Path(__file__).resolve().parents[2])
    parts = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    env["PYTHONPATH"] = os.pathsep.join([root, *(p for p in parts if p != root)])
    return env


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the ``newskit dashboard`` arguments on ``parser``."""
    add_corpus_argument(parser)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default: 8866)")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    parser.add_argument("--token", default=None, help="require this token in the URL")
    parser.add_argument(
        "--notebooks",
        default=None,
        metavar="DIR",
        help="folder of NN_name.ipynb (default: the checkout's notebooks/)",
    )


def run_args(args: argparse.Namespace) -> int:
    """Run :func:`dashboard` with parsed arguments; 2 and a message on bad input."""
    try:
        return dashboard(
            corpus_source(args),
            notebooks=args.notebooks,
            port=args.port,
            open_browser=not args.no_browser,
            token=args.token,
        )
    except (CorpusError, FileNotFoundError, argparse.ArgumentTypeError, ValueError) as exc:
        print(f"newskit dashboard: error: {exc}", file=sys.stderr)
        return 2


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newskit.app.dashboard [ARGS]``: the same as ``newskit dashboard [ARGS]``."""
    parser = argparse.ArgumentParser(
        prog="newskit dashboard", description="Open the notebooks as a Voilà dashboard."
    )
    add_arguments(parser)
    return run_args(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
