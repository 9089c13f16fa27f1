"""The harness's own notebook: a small ``Panel`` with one control of every kind the table uses.

It is written at test time (not committed as ``.ipynb``, so ``pytest --nbval`` does not collect
it) and proves the harness end to end (open, run all, drive each kind of control, see the
figure or table change) independently of the real notebooks.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

_CELLS = [
    (
        "import plotly.io as pio\n"
        'pio.renderers.default = "plotly_mimetype"\n'
        "import ipywidgets as widgets\n"
        "import plotly.express as px\n"
        "import newskit\n"
        "from newskit.views import Panel",
        [],
    ),
    ("CORPUS = None", ["parameters"]),
    ("corpus = newskit.load_corpus(CORPUS)\ntoks = newskit.tokens(corpus)", []),
    (
        "# live widget panel: driven by the browser test\n"
        "def render(article, words, kind, contains, top):\n"
        "    rows = toks[toks.article_id == article]\n"
        "    if words:\n"
        "        rows = rows[rows.is_word]\n"
        "    rows = rows[rows.norm.str.contains(contains, regex=False)]\n"
        "    counts = rows.norm.value_counts().rename_axis('token').reset_index()\n"
        "    counts = counts.sort_values(['count', 'token'], ascending=[False, True]).head(top)\n"
        "    if kind == 'table':\n"
        "        return counts.reset_index(drop=True)\n"
        "    return px.bar(counts, x='token', y='count', title=f'{article}: top {top} tokens')\n"
        "\n"
        "Panel(\n"
        "    {\n"
        "        'article': widgets.Dropdown(options=list(corpus.ids), description='article'),\n"
        "        'words': widgets.Checkbox(value=False, description='words only'),\n"
        "        'kind': widgets.ToggleButtons(options=['chart', 'table']),\n"
        "        'contains': widgets.Text(value='', description='contains'),\n"
        "        'top': widgets.IntSlider(value=10, min=3, max=20, description='top'),\n"
        "    },\n"
        "    render,\n"
        "    title='Scratch: token counts',\n"
        "    name='scratch',\n"
        ")",
        [],
    ),
]


def write_scratch_notebook(path: Path) -> Path:
    """Write the scratch notebook (unexecuted, python3 kernel) to ``path``; return it."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    for source, tags in _CELLS:
        cell = nbformat.v4.new_code_cell(source)
        cell.metadata["tags"] = tags
        nb.cells.append(cell)
    nb.cells.insert(0, nbformat.v4.new_markdown_cell("# Scratch panel for the browser test"))
    nbformat.write(nb, path)
    return path
