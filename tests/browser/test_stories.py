"""The story figures and pickers in a real JupyterLab, on generated corpora of 300 and 1,000
articles (``many.py``): run the notebook, screenshot every figure it draws (to check that each
stays readable at that size: ``test-artifacts/many-N-*.png``), then drive the stories panel and
two story pickers and check that their output visibly changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from . import drive
from .conftest import Server
from .interactions import Interaction
from .many import write_many_notebook

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.parametrize(("n_stories", "n_outlets"), [(100, 3), (50, 20)])
def test_story_figures_and_pickers_at_scale(
    n_stories: int, n_outlets: int, lab: Server, browser_context, artifacts: Path
) -> None:
    path = write_many_notebook(lab.root, n_stories, n_outlets)
    n = n_stories * n_outlets
    page = browser_context.new_page()
    try:
        drive.open_notebook(page, lab.url(f"lab/workspaces/nk-many-{n}/tree/{path.name}?reset"))
        drive.run_all_cells(page)
        figures = page.locator(".js-plotly-plot")  # in page order: the 4 figure cells first
        count = figures.count()
        assert count >= 4, f"{count} figures drawn"
        for k in range(4):  # timeline, coverage, lengths, overlap: the corpus-level figures
            figure = figures.nth(k)
            figure.scroll_into_view_if_needed()
            box = figure.bounding_box()
            assert box is not None and box["height"] <= 1300, f"figure {k} is {box} tall"
            figure.screenshot(path=str(artifacts / f"many-{n}-figure-{k}.png"))
        rows = [
            Interaction(path.name, "stories", "outlet", "select"),
            Interaction(path.name, "story-overlap", "story", "select"),
            Interaction(path.name, "story-keywords", "story", "select"),
        ]
        for row in rows:
            before = drive.wait_for_output(page, row)
            drive.change_control(page, row)
            after = drive.wait_for_change(page, row, before)
            assert after != before
            drive.screenshot(page, row, artifacts / f"many-{n}-{row.panel}.png")
    except BaseException:
        drive.failure_evidence(page, lab, artifacts / f"many-{n}-failed.png")
        raise
    finally:
        page.close()
