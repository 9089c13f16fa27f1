"""The report on corpora of many stories, and every notebook on the corpus shapes of issue 10.

The per-story mechanics are tested on a small made-up notebook with stories taken from the
generator's true labels; the shapes run the real notebooks end to end (slow).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from newskit.app import report as report_module
from newskit.app import stories as stories_module
from newskit.app.report import build_report, find_notebooks
from newskit.synthetic import make_corpus

PER_STORY = nbformat.v4.new_notebook(
    cells=[
        nbformat.v4.new_markdown_cell("# Per story\n\nOne story at a time."),
        nbformat.v4.new_code_cell("import newskit\nfrom newskit.app.report import table"),
        nbformat.v4.new_code_cell("CORPUS = None\nSTORY = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(
            "from newskit.app.stories import pick_story, with_stories\n"
            "full, _ = with_stories(newskit.load_corpus(CORPUS))\n"
            "corpus = pick_story(full, STORY)\n"
            'table(corpus.frame()[["id", "outlet"]], "ids")'
        ),
    ]
)
CORPUS_LEVEL = nbformat.v4.new_notebook(
    cells=[
        nbformat.v4.new_markdown_cell("# Whole corpus"),
        nbformat.v4.new_code_cell("CORPUS = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import newskit\nprint(len(newskit.load_corpus(CORPUS)))"),
    ]
)


KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}
PER_STORY.metadata["kernelspec"] = CORPUS_LEVEL.metadata["kernelspec"] = KERNEL


def _truth(frame: pd.DataFrame):
    """``with_stories`` replaced by the generator's true labels (story-000 → s000)."""
    labels = dict(zip(frame["id"], frame["story"].str.replace("story-", "s"), strict=True))

    def assign(corpus, **_):
        for a in corpus:
            object.__setattr__(a, "story_id", labels.get(a.id))
        table = (
            pd.DataFrame(
                {"story_id": [a.story_id for a in corpus], "date": [a.date for a in corpus]}
            )
            .groupby("story_id")
            .agg(n_articles=("date", "size"), first_date=("date", "min"), last_date=("date", "max"))
            .reset_index()
            .assign(n_outlets=1, outlets="", label="made up")
        )
        return corpus, table.sort_values(["n_articles", "story_id"], ascending=[False, True])

    return assign


def test_report_writes_pages_for_the_largest_stories(tmp_path, monkeypatch):
    frame = make_corpus(4, 2, seed=3)
    frame = pd.concat(
        [frame, make_corpus(1, 5, seed=4).assign(id=lambda d: "big-" + d["id"], story="story-big")],
        ignore_index=True,
    )
    source = tmp_path / "corpus.jsonl"
    frame.drop(columns="story").to_json(source, orient="records", lines=True)
    monkeypatch.setattr(stories_module, "with_stories", _truth(frame))
    books = tmp_path / "nb"
    books.mkdir()
    nbformat.write(CORPUS_LEVEL, books / "00_all.ipynb")
    nbformat.write(PER_STORY, books / "01_story.ipynb")
    lines: list[str] = []
    rep = build_report(
        source, tmp_path / "out", notebooks=find_notebooks(books), stories=2, progress=lines.append
    )
    out = tmp_path / "out"
    assert [p.page.name for p in rep.pages] == [
        "00_all.html",
        "01_story.sbig.html",
        "01_story.s000.html",
    ]
    ids = pd.read_csv(out / "01_story.sbig.ids.csv")
    assert len(ids) == 5 and ids["id"].str.startswith("big-").all()
    assert len(pd.read_csv(out / "01_story.s000.ids.csv")) == 2
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="00_all.html">' in index
    rows = re.findall(r'<tr class="nk-story" data-story="([^"]+)">(.*?)</tr>', index)
    assert [sid for sid, _ in rows] == ["sbig", "s000", "s001", "s002", "s003"]
    assert 'href="01_story.sbig.html"' in rows[0][1] and "href" not in rows[2][1]
    assert "5 stories, largest first. The 2 largest have their own pages" in index
    assert any("5 stories, pages for 2" in ln for ln in lines)
    # --stories 0: the per-story notebook runs once, with its default story (the kernel groups
    # the stories itself: the labels patched in above are this process's only)
    rep0 = build_report(
        source, tmp_path / "out0", notebooks=find_notebooks(books), stories=0, progress=None
    )
    assert [p.page.name for p in rep0.pages] == ["00_all.html", "01_story.html"]
    assert not rep0.failed and (tmp_path / "out0" / "01_story.ids.csv").is_file()


def test_cli_passes_stories(monkeypatch, tmp_path):
    from newskit.app import cli

    seen = {}
    monkeypatch.setattr(report_module, "build_report", lambda *a, **k: seen.update(k))
    assert cli.main(["report", str(tmp_path), "--stories", "7"]) == 0
    assert seen["stories"] == 7


# ------------------------------------------------------------------ the corpus shapes


def _shape(name: str) -> pd.DataFrame:
    if name == "one-article":
        return make_corpus(1, 1, seed=11, p_undated=0, p_no_outlet=0)
    if name == "two-one-outlet":
        return make_corpus(2, 1, seed=12, p_undated=0, p_no_outlet=0)
    if name == "no-outlet-no-date":
        return make_corpus(2, 3, seed=13).assign(outlet=None, date=None)
    if name == "300":
        return make_corpus(100, 3, seed=14)
    return make_corpus(50, 20, seed=15, coverage=1.0)  # 1,000 articles from 20 outlets


def _run_shape(name: str, tmp_path: Path, stories: int) -> None:
    frame = _shape(name)
    source = tmp_path / f"{name}.jsonl"
    frame.drop(columns="story").to_json(source, orient="records", lines=True)
    rep = build_report(source, tmp_path / "out", stories=stories, progress=None)
    assert not rep.failed
    names = {p.notebook.stem for p in rep.pages}
    assert names == {p.stem for p in find_notebooks()}
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert f"({len(frame)} articles)" in index


# newskit/reuse/graph.py:72 and coverage.py:71 (branch stories) keep a story's rows with
# ``alignments[[bool, ...]]``: with no alignments that is ``alignments[[]]``, a selection of no
# *columns*, so reuse_graph / coverage given an empty align() frame raise KeyError ('a_id',
# 'kind'). 02_overlap passes align's output to both; these shapes align nothing.
@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        "one-article",
        "two-one-outlet",
        "no-outlet-no-date",
    ],
)
def test_every_notebook_runs_on_small_shapes(name, tmp_path):
    _run_shape(name, tmp_path, stories=1)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["300", "1000"])
def test_every_notebook_runs_on_many_stories(name, tmp_path):
    _run_shape(name, tmp_path, stories=1)
