"""Notebooks on generated corpora of many stories, written at test time for the browser test.

``write_many_notebook(folder, n_stories, n_outlets)`` writes ``folder/many-N.jsonl`` (from
``newskit.synthetic.make_corpus``) and ``folder/98_many_N.ipynb``: the corpus-level
figures (story timeline, outlet × story coverage, article lengths, overlap heatmap), the
stories panel and a story picker over the overlap and keywords panels. Not committed, so nbval
never collects them; they exist to look at every figure at 300 and 1,000 articles.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from newskit.synthetic import make_corpus

_CELLS = [
    (
        "import plotly.io as pio\n"
        "import newskit\n"
        "from newskit.app.stories import with_stories\n"
        "from newskit.figures import (lengths_figure, overlap_heatmap,\n"
        "    story_coverage_figure, story_timeline)\n"
        "from newskit.views import keywords_panel, overlap_panel, stories_panel, story_picker\n"
        'pio.renderers.default = "plotly_mimetype"',
        [],
    ),
    ("CORPUS = None", ["parameters"]),
    (
        "full, stories = with_stories(newskit.load_corpus(CORPUS))\n"
        "articles = full.frame()\n"
        "print(len(full), 'articles in', len(stories), 'stories')",
        [],
    ),
    ("story_timeline(articles, stories)", []),
    ("story_coverage_figure(newskit.outlet_story_coverage(full), stories)", []),
    ("lengths_figure(articles)", []),
    ("overlap_heatmap(newskit.overlap_matrix(full), articles=articles)", []),
    ("stories_panel(full, stories, frame=articles)", []),
    ("story_picker(full, overlap_panel, table=stories, name='story-overlap')", []),
    ("story_picker(full, keywords_panel, table=stories, name='story-keywords')", []),
]


def write_many_notebook(folder: Path, n_stories: int, n_outlets: int, *, seed: int = 5) -> Path:
    """Write the corpus and the notebook into ``folder``; returns the notebook's path."""
    frame = make_corpus(n_stories, n_outlets, seed=seed)
    n = len(frame)
    data = folder / f"many-{n}.jsonl"
    frame.to_json(data, orient="records", lines=True, force_ascii=False)
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    for source, tags in _CELLS:
        if tags == ["parameters"]:
            source = f"CORPUS = {str(data)!r}"
        nb.cells.append(nbformat.v4.new_code_cell(source, metadata={"tags": tags}))
    path = folder / f"98_many_{n}.ipynb"
    nbformat.write(nb, path)
    return path
