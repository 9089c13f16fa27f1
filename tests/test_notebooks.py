"""Refreshing notebooks in place, and the nbval settings that make them compare strictly."""

from __future__ import annotations

import types
from pathlib import Path

import nbformat
import pytest

from newskit.app import notebooks
from newskit.app.report import ReportError

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def _nb(*sources: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    return nb


def test_refresh_is_byte_for_byte_repeatable_and_drops_run_noise(tmp_path):
    path = tmp_path / "00_t.ipynb"
    nbformat.write(
        _nb(
            "import ipywidgets as w\nprint(sorted({'b', 'a', 'c'}))",
            "w.IntSlider(value=2)",
            "{'x': 1}",
        ),
        path,
    )
    notebooks.refresh([path], progress=None)
    first = path.read_bytes()
    notebooks.refresh_notebook(path)
    assert path.read_bytes() == first
    nb = nbformat.read(path, as_version=4)
    assert [c.execution_count for c in nb.cells] == [1, 2, 3]
    assert nb.cells[0].outputs[0]["text"] == "['a', 'b', 'c']\n"
    assert nb.cells[1].outputs[0]["data"] == {"text/plain": notebooks.WIDGET_PLACEHOLDER}
    assert nb.cells[2].outputs[0]["data"]["text/plain"] == "{'x': 1}"
    assert "widgets" not in nb.metadata
    assert all("execution" not in c.metadata for c in nb.cells)


def test_refresh_names_the_failing_cell_and_leaves_the_file(tmp_path):
    path = tmp_path / "01_bad.ipynb"
    nbformat.write(_nb("x = 1", "x / 0"), path)
    before = path.read_bytes()
    with pytest.raises(
        ReportError,
        match=r"01_bad\.ipynb: cell 2 failed \(`x / 0`\): "
        r"ZeroDivisionError",
    ):
        notebooks.refresh_notebook(path)
    assert path.read_bytes() == before
    assert notebooks.main([str(path)]) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<Foo object at 0x7f3a2c1b9d30>", "<Foo object at 0xADDRESS>"),
        ('<div id="3f2b8a1c-0d4e-4f5a-9b6c-7d8e9f0a1b2c">', '<div id="UUID">'),
        ("/tmp/x/newskit/seeds/000_a.txt", "<repo>/seeds/000_a.txt"),
        ("'/home/u/notebooks/seeds/b.txt'", "'<repo>/seeds/b.txt'"),
        ("C:\\Users\\me\\newskit\\notebooks\\00_corpus.ipynb", "<repo>/notebooks\\00_corpus.ipynb"),
        ("seeds/000_a.txt and 0x12", "seeds/000_a.txt and 0x12"),  # left alone
        ('<table id="itables_c73d40b1_a32e_4708_b52f_8cf54d1939c8">', '<table id="itables_ID">'),
    ],
)
def test_sanitize_file(text, expected):
    import re

    from nbval.plugin import get_sanitize_patterns

    patterns = get_sanitize_patterns((NOTEBOOKS / "nbval_sanitize.cfg").read_text())
    assert len(patterns) == 4
    for regex, replace in patterns:
        text = re.sub(regex, replace, text)
    assert text == expected


@pytest.mark.parametrize(
    ("given", "expected"), [(None, "nbval_sanitize.cfg"), ("mine.cfg", "mine.cfg")]
)
def test_conftest_passes_the_sanitize_file_to_nbval(given, expected):
    import importlib.util

    spec = importlib.util.spec_from_file_location("nb_conftest", NOTEBOOKS / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    config = types.SimpleNamespace(option=types.SimpleNamespace(nbval_sanitize_with=given))
    module.pytest_configure(config)
    assert Path(config.option.nbval_sanitize_with).name == expected
