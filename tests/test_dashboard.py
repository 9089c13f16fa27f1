"""newskit.app.dashboard without a browser: corpus injection, the Voilà command line, the CLI.

The dashboard itself (Voilà serving a notebook whose panel works) is tested in a real browser in
``tests/browser/test_voila.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

import newskit
from newskit.app import cli, dashboard


def _notebook(tags_per_cell: list[list[str]]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    for i, tags in enumerate(tags_per_cell):
        cell = nbformat.v4.new_code_cell(f"x{i} = {i}")
        if tags:
            cell.metadata["tags"] = tags
        nb.cells.append(cell)
    return nb


@pytest.mark.parametrize(
    ("tags", "where", "n_cells"),
    [
        ([[], ["parameters"], []], 2, 4),  # right after the parameters cell
        ([["parameters"], ["injected-parameters"], []], 1, 3),  # replaces an earlier injection
        ([[], []], 0, 3),  # no parameters cell: first
    ],
)
def test_inject_parameters_follows_papermill(tags, where, n_cells) -> None:
    nb = _notebook(tags)
    dashboard.inject_parameters(nb, {"CORPUS": "/data/my articles"})
    assert len(nb.cells) == n_cells
    cell = nb.cells[where]
    assert cell.metadata["tags"] == ["injected-parameters"]
    namespace: dict = {}
    exec(cell.source, namespace)
    assert namespace["CORPUS"] == "/data/my articles"


def _write_notebooks(folder: Path) -> Path:
    folder.mkdir()
    for name in ["00_a.ipynb", "01_b.ipynb", "notes.ipynb"]:
        nbformat.write(_notebook([[], ["parameters"], []]), folder / name)
    return folder


def test_prepare_dashboard_copies_numbered_notebooks_with_the_corpus(
    tmp_path: Path, make_corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _write_notebooks(tmp_path / "nbs")
    before = (source / "00_a.ipynb").read_text()
    make_corpus({"a1": "One article.", "a2": "Another article."})
    monkeypatch.chdir(tmp_path)  # a relative corpus path must reach the kernels absolute
    pages = dashboard.prepare_dashboard("corpus", tmp_path / "out", notebooks=source)
    assert [p.name for p in pages] == ["00_a.ipynb", "01_b.ipynb"]
    for page in pages:
        nb = nbformat.read(page, as_version=4)
        assert nb.cells[2].metadata["tags"] == ["injected-parameters"]
        assert repr(str(tmp_path / "corpus")) in nb.cells[2].source
    assert (source / "00_a.ipynb").read_text() == before  # the originals are untouched


def test_prepare_dashboard_without_corpus_keeps_the_notebooks(tmp_path: Path) -> None:
    source = _write_notebooks(tmp_path / "nbs")
    (page, _) = dashboard.prepare_dashboard(None, tmp_path / "out", notebooks=source)
    assert nbformat.read(page, as_version=4) == nbformat.read(source / page.name, as_version=4)


@pytest.mark.parametrize(
    ("corpus", "notebooks", "message"),
    [
        ("missing-folder", "nbs", "missing-folder"),
        (None, "empty", "no notebooks"),
    ],
)
def test_bad_input_names_the_problem(tmp_path: Path, corpus, notebooks, message) -> None:
    _write_notebooks(tmp_path / "nbs")
    (tmp_path / "empty").mkdir()
    if corpus is not None:
        corpus = tmp_path / corpus
    with pytest.raises(newskit.CorpusError, match=message):
        dashboard.prepare_dashboard(corpus, tmp_path / "out", notebooks=tmp_path / notebooks)


def test_cli_reports_a_bad_corpus_and_starts_nothing(tmp_path: Path, capsys) -> None:
    status = cli.main(["dashboard", str(tmp_path / "nowhere"), "--no-browser"])
    assert status == 2
    err = capsys.readouterr().err
    assert err.startswith("newskit dashboard: error: ") and "nowhere" in err


def test_cli_lists_the_dashboard(capsys) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "dashboard" in capsys.readouterr().out


def test_voila_command_hides_code_and_stays_local(tmp_path: Path) -> None:
    cmd = dashboard.voila_command(tmp_path, port=8899, open_browser=False, token="t0k")
    assert Path(cmd[0]).name == "voila" and cmd[1] == str(tmp_path)
    for flag in ["--port=8899", "--Voila.ip=127.0.0.1", "--strip_sources=True", "--no-browser"]:
        assert flag in cmd
    assert "--token=t0k" in cmd
    assert "--no-browser" not in dashboard.voila_command(tmp_path)


def test_kernel_env_puts_this_newskit_first() -> None:
    root = str(Path(newskit.__file__).resolve().parent.parent)
    env = dashboard.kernel_env({"PYTHONPATH": os.pathsep.join(["/elsewhere", root])})
    assert env["PYTHONPATH"].split(os.pathsep) == [root, "/elsewhere"]
    assert dashboard.kernel_env({})["PYTHONPATH"] == root
