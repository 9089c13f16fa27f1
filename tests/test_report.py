"""``newskit.report``: pages, CSV tables, interactive charts, escaping, and clear failures.

One report is built for the whole module (kernels are slow to start): the real corpus notebook
on a made-up corpus holding markup, a made-up notebook exercising tables, a Styler, a panel and
a figure, and a notebook that fails. The rest are unit tests without a kernel.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from newskit.app.report import (
    PLOTLY_JS,
    TABLE_ATTR,
    ReportError,
    _cell_error,
    _static_notebook,
    _TableCapture,
    build_report,
    find_notebooks,
    notebook_html,
    table,
)

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
XSS = "<script>alert(1)</script>"


def _nb(*cells: tuple[str, str] | tuple[str, str, list[str]]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    for kind, source, *tags in cells:
        make = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
        cell = make(source)
        if tags:
            cell.metadata["tags"] = tags[0]
        nb.cells.append(cell)
    return nb


EXTRA = _nb(
    ("markdown", "# Extra <checks>\n\nMade up for the tests."),
    (
        "code",
        "import pandas as pd, plotly.express as px, plotly.io as pio, ipywidgets as w\n"
        "from newskit.app.report import table\nfrom newskit.views import Panel\n"
        'pio.renderers.default = "plotly_mimetype"',
    ),
    ("code", "CORPUS = None", ["parameters"]),
    ("code", "print('corpus is', CORPUS)"),
    ("code", 'pd.DataFrame({"a": [1, 2]})'),
    ("code", 'table(pd.DataFrame({"k": ["x<y", "z"]}).style, "styled")'),
    ("code", 'table(pd.DataFrame({"i": range(100)}), "big")'),
    (
        "code",
        "Panel({'n': w.IntSlider(value=3)}, lambda n: [px.bar(x=['p', 'q'], y=[n, 1]), "
        "pd.DataFrame({'n': [n]})], name='t')",
    ),
    ("code", "px.line(x=[1, 2, 3], y=[3, 1, 2])"),
)
BROKEN = _nb(
    ("markdown", "# Broken"),
    ("code", "CORPUS = None", ["parameters"]),
    ("code", "x = 1"),
    ("code", "y = x + 1\nraise ValueError('boom <here>')"),
    ("code", "print('nev' + 'er')"),
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(out folder, ReportError raised, corpus folder, progress lines) for the shared report."""
    root = tmp_path_factory.mktemp("report")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "x.txt").write_text(
        f"Officials met on Sunday. {XSS} The <b>talks</b> went on.\n\nAdvertisement\nMore later.",
        encoding="utf-8",
    )
    (corpus / "y.txt").write_text("A second article, shorter.", encoding="utf-8")
    (corpus / "metadata.csv").write_text(
        'file,outlet,title\nx.txt,<i>Wire</i>,"<b>Bold</b> title"\n', encoding="utf-8"
    )
    books = root / "notebooks"
    books.mkdir()
    (books / "00_corpus.ipynb").write_bytes((NOTEBOOKS / "00_corpus.ipynb").read_bytes())
    nbformat.write(EXTRA, books / "01_extra.ipynb")
    nbformat.write(BROKEN, books / "02_broken.ipynb")
    out = root / "out"
    lines: list[str] = []
    with pytest.raises(ReportError) as failure:
        build_report(corpus, out, notebooks=find_notebooks(books), progress=lines.append)
    return out, failure.value, corpus, lines


def test_every_notebook_gets_a_page_and_the_index_links_them(built):
    out, _, _, _ = built
    index = (out / "index.html").read_text(encoding="utf-8")
    for stem in ("00_corpus", "01_extra", "02_broken"):
        assert (out / f"{stem}.html").is_file()
        assert f'href="{stem}.html"' in index
    assert "Extra &lt;checks&gt;" in index  # the page title, from the first heading, escaped
    assert "<div>Made up for the tests.</div>" in index  # and its first paragraph
    assert '<a class="nk-csv" href="00_corpus.overview.csv">' in index
    assert (out / PLOTLY_JS).stat().st_size > 1_000_000


def test_progress_is_one_line_per_notebook(built):
    _, _, _, lines = built
    done = [ln for ln in lines if re.match(r"\[\d/3\] \S+ (ok|FAILED) in ", ln)]
    assert [ln.split()[1] for ln in done] == [
        "00_corpus.ipynb",
        "01_extra.ipynb",
        "02_broken.ipynb",
    ]
    assert ["FAILED" in ln for ln in done] == [False, False, True]


def test_failing_notebook_is_named_with_its_cell(built):
    out, error, _, _ = built
    message = str(error)
    assert "02_broken.ipynb: cell 4 failed (`y = x + 1` …): ValueError: boom <here>" in message
    assert "00_corpus" not in message and "01_extra" not in message
    page = (out / "02_broken.html").read_text(encoding="utf-8")
    assert "boom &lt;here&gt;" in page and "boom <here>" not in page
    assert "never" not in page  # the cells after the failing one did not run
    assert "failed: " in (out / "index.html").read_text(encoding="utf-8")


def test_article_markup_is_escaped_in_every_page(built):
    """Acceptance: <script> and <b> from an article show as text in the report pages."""
    out, _, _, _ = built
    page = (out / "00_corpus.html").read_text(encoding="utf-8")
    assert XSS not in page and "<b>talks</b>" not in page and "<b>Bold</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the reader shows it as text
    assert "&lt;b&gt;talks&lt;/b&gt;" in page
    assert "&lt;b&gt;Bold&lt;/b&gt; title" in page  # overview table and reader header
    for other in out.glob("*.html"):
        assert XSS not in other.read_text(encoding="utf-8")


def test_corpus_notebook_page_has_reader_tables_and_chart(built):
    out, _, _, _ = built
    page = (out / "00_corpus.html").read_text(encoding="utf-8")
    assert page.count('class="nk-reader"') == 1  # the panel, as first displayed
    assert 'class="nk-static-note"' in page
    assert "Plotly.newPlot" in page and f'<script src="{PLOTLY_JS}"></script>' in page
    assert "application/vnd.jupyter.widget" not in page
    for cdn in ("require.min.js", "mathjax", "unpkg.com", "cdn.jsdelivr"):
        assert cdn not in page.lower()
    with open(out / "00_corpus.overview.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == ["x", "y"]
    assert rows[0]["title"] == "<b>Bold</b> title"  # CSV keeps the text as it is
    assert {p.name for p in out.glob("00_corpus.*.csv")} == {
        "00_corpus.overview.csv",
        "00_corpus.skipped.csv",
        "00_corpus.removed.csv",
    }
    removed = pd.read_csv(out / "00_corpus.removed.csv")
    assert removed["rule"].tolist() == ["advertisement"]
    assert 'href="00_corpus.removed.csv"' in page


def test_tables_are_written_in_full_with_names_or_numbers(built):
    out, _, _, _ = built
    assert {p.name for p in out.glob("01_extra.*.csv")} == {
        "01_extra.table-1.csv",
        "01_extra.styled.csv",
        "01_extra.big.csv",
        "01_extra.table-2.csv",  # the DataFrame the panel showed
    }
    assert pd.read_csv(out / "01_extra.table-1.csv")["a"].tolist() == [1, 2]
    assert pd.read_csv(out / "01_extra.styled.csv")["k"].tolist() == ["x<y", "z"]
    assert pd.read_csv(out / "01_extra.big.csv")["i"].tolist() == list(range(100))
    assert pd.read_csv(out / "01_extra.table-2.csv")["n"].tolist() == [3]


def test_figures_are_interactive_and_the_corpus_was_injected(built):
    out, _, corpus, _ = built
    page = (out / "01_extra.html").read_text(encoding="utf-8")
    assert page.count("Plotly.newPlot(") == 2  # the panel's bar chart and the line chart
    assert 'id="nk-figure-1"' in page and 'id="nk-figure-2"' in page
    assert f"corpus is {corpus.resolve()}" in page
    assert "x&lt;y" in page and "x<y" not in page  # the Styler's cell, escaped in the report
    assert "_capture_tables" not in page  # the report's setup cell is not shown


def test_notebook_without_parameters_cell_fails_clearly(tmp_path):
    nbformat.write(_nb(("code", "print(1)")), tmp_path / "00_x.ipynb")
    with pytest.raises(ReportError, match=r"00_x\.ipynb: no cell is tagged 'parameters'"):
        build_report(None, tmp_path / "out", notebooks=[tmp_path / "00_x.ipynb"], progress=None)
    assert "no cell is tagged" in (tmp_path / "out" / "00_x.html").read_text(encoding="utf-8")


def test_bad_corpus_fails_before_any_notebook_runs(tmp_path):
    from newskit import CorpusError

    with pytest.raises(CorpusError, match="does-not-exist"):
        build_report(tmp_path / "does-not-exist", tmp_path / "out", progress=None)
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------- without a kernel


@pytest.mark.parametrize("name", ["overview", "table-1", "a_b", "x9"])
def test_table_names_a_shallow_copy(name):
    frame = pd.DataFrame({"a": [1]})
    named = table(frame, name)
    assert named.attrs[TABLE_ATTR] == name and TABLE_ATTR not in frame.attrs
    assert named.equals(frame) and named._repr_html_() == frame._repr_html_()


@pytest.mark.parametrize(
    ("name", "error"),
    [("Has Space", ValueError), ("../up", ValueError), ("", ValueError), (3, ValueError)],
)
def test_table_rejects_bad_names(name, error):
    with pytest.raises(error, match="lower-case letters"):
        table(pd.DataFrame(), name)


def test_table_rejects_other_objects():
    with pytest.raises(TypeError, match="DataFrame or a Styler"):
        table([1, 2], "x")


def test_capture_writes_csv_and_links_it(tmp_path):
    capture = _TableCapture(str(tmp_path / "03_numbers"))
    shown = capture.frame_html(pd.DataFrame({"v": ["<b>", "x"]}))
    assert '<a href="03_numbers.table-1.csv">' in shown and "&lt;b&gt;" in shown
    capture.frame_html(table(pd.DataFrame({"v": [1]}, index=["r1"]), "claims"))
    capture.frame_html(pd.DataFrame({"w": [2]}))
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "03_numbers.claims.csv",
        "03_numbers.table-1.csv",
        "03_numbers.table-2.csv",
    ]
    assert (tmp_path / "03_numbers.table-1.csv").read_text() == "v\n<b>\nx\n"
    assert (tmp_path / "03_numbers.claims.csv").read_text() == ",v\nr1,1\n"  # index kept


def _widget_nb() -> nbformat.NotebookNode:
    fig = {"data": [{"type": "bar", "x": ["a"], "y": [1]}], "layout": {}, "config": {}}
    nb = _nb(("code", "setup", ["newskit-report-setup"]), ("code", "panel"))
    nb.cells[1].outputs = [
        nbformat.v4.new_output(
            "execute_result",
            data={
                "text/plain": "Panel(...)",
                "application/vnd.jupyter.widget-view+json": {"model_id": "box", "version_major": 2},
            },
            execution_count=1,
        )
    ]
    inner = [
        {"output_type": "display_data", "metadata": {}, "data": {"text/html": "<p>first</p>"}},
        {
            "output_type": "display_data",
            "metadata": {},
            "data": {"application/vnd.plotly.v1+json": fig},
        },
    ]
    nb.metadata["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {
            "state": {
                "box": {
                    "model_name": "VBoxModel",
                    "state": {"children": ["IPY_MODEL_ctl", "IPY_MODEL_out"]},
                },
                "ctl": {"model_name": "IntSliderModel", "state": {"value": 3}},
                "out": {"model_name": "OutputModel", "state": {"outputs": inner}},
            }
        }
    }
    return nb


def test_static_notebook_replaces_widgets_by_what_they_showed():
    nb = _static_notebook(_widget_nb())
    assert len(nb.cells) == 1  # the report's setup cell is gone
    outputs = nb.cells[0].outputs
    assert [list(o["data"]) for o in outputs] == [["text/html"]] * 3
    assert "nk-static-note" in outputs[0]["data"]["text/html"]
    assert outputs[1]["data"]["text/html"] == "<p>first</p>"
    assert 'id="nk-figure-1"' in outputs[2]["data"]["text/html"]
    assert "widgets" not in nb.metadata


def test_notebook_html_loads_plotly_from_beside_the_page():
    page = notebook_html(_widget_nb(), title="T <1>", tables=["00_t.a.csv"])
    assert page.index(f'<script src="{PLOTLY_JS}"></script>') < page.index("Plotly.newPlot")
    assert "<title>T &lt;1&gt;</title>" in page
    assert 'href="00_t.a.csv"' in page and 'href="index.html"' in page
    assert ">panel<" not in page  # code hidden by default
    assert "panel" in notebook_html(_widget_nb(), title="T", show_code=True)


def test_cell_error_counts_cells_as_the_author_sees_them():
    nb = _nb(
        ("code", "s", ["newskit-report-setup"]),  # inserted by the report: not counted
        ("markdown", "# t"),
        ("code", "CORPUS = None", ["parameters"]),
        ("code", "CORPUS = 'x'", ["injected-parameters"]),  # inserted by papermill
        ("code", "\n# a comment\nfirst line\nsecond"),
        ("code", "later"),
    )
    assert _cell_error(nb) is None
    nb.cells[4].outputs = [nbformat.v4.new_output("error", ename="KeyError", evalue="'x'")]
    assert _cell_error(nb) == "cell 3 failed (`first line` …): KeyError: 'x'"


@pytest.mark.parametrize(
    ("files", "expected"),
    [(["01_b.ipynb", "00_a.ipynb", "notes.txt"], ["00_a.ipynb", "01_b.ipynb"]), ([], None)],
)
def test_find_notebooks_in_name_order(tmp_path, files, expected):
    for name in files:
        (tmp_path / name).write_text("{}")
    if expected is None:
        with pytest.raises(ReportError, match=r"holds no \.ipynb"):
            find_notebooks(tmp_path)
    else:
        assert [p.name for p in find_notebooks(tmp_path)] == expected
    with pytest.raises(ReportError, match="no notebooks folder"):
        find_notebooks(tmp_path / "missing")


def test_the_checkout_notebooks_are_found():
    assert find_notebooks()[0].name == "00_corpus.ipynb"


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# T\n\nSee [the *docs*](http://x) and `code`.\n\nmore", "See the docs and code."),
        ("# Only a title", ""),
        ("First line\nwraps here.", "First line wraps here."),
    ],
)
def test_summary_is_the_first_paragraph_as_text(markdown, expected):
    from newskit.app.report import _summary

    assert _summary(_nb(("code", "x = 1"), ("markdown", markdown), ("markdown", "no"))) == expected


def test_interactive_tables_page_frames_and_leave_stylers_alone():
    import itables
    from IPython.core.interactiveshell import InteractiveShell

    from newskit.app.report import interactive_tables

    frame = pd.DataFrame({"a": range(30), "b": ["<b>x</b>"] * 30})
    plain = frame._repr_html_()
    shell = InteractiveShell.instance()
    try:
        interactive_tables(page_length=5)
        html = frame._repr_html_()
        assert "itables_nk" in html and '"pageLength": 5' in html and "&lt;b&gt;" in html
        styled = frame.style.map(lambda v: "color:red" if v == 3 else "")
        assert "color: red" in styled._repr_html_()  # pandas' own HTML, no error
    finally:
        itables.init_notebook_mode(all_interactive=False)
        InteractiveShell.clear_instance()
        del shell
    assert frame._repr_html_() == plain


def test_report_kernels_show_no_progress_bar(tmp_path, monkeypatch):
    import nbformat

    from newskit.app.report import run_notebook

    monkeypatch.delenv("NEWSKIT_PROGRESS", raising=False)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import os\nprint(os.environ.get('NEWSKIT_PROGRESS'))")]
    run_notebook(nb, cwd=tmp_path, timeout=120)
    assert nb.cells[0].outputs[0]["text"] == "0\n"
    assert "NEWSKIT_PROGRESS" not in os.environ  # the caller's is left as it was
