"""The notebooks in a real JupyterLab, driven through headless Chromium.

For each notebook in the interactions table: open it, answer the first-open questions, Run All
Cells from the menu, then change each listed control as a person would and check that the
panel's figure or table visibly changed. A screenshot per notebook (the last changed control,
outlined, above its updated output) is written to ``test-artifacts/lab-<notebook>.png``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from . import drive
from .conftest import Server
from .interactions import SCRATCH, notebooks_in_table, rows_for

pytestmark = pytest.mark.browser

SELFTEST = os.environ.get("NEWSKIT_BROWSER_SELFTEST") == "1"
"""Also run the harness's own scratch notebook (every action kind; about 30 s more)."""


@pytest.mark.parametrize(
    "notebook",
    [
        pytest.param(
            name,
            marks=pytest.mark.skipif(
                name == SCRATCH and not SELFTEST,
                reason="harness self-test: set NEWSKIT_BROWSER_SELFTEST=1 to run it",
            ),
        )
        for name in notebooks_in_table()
    ],
)
def test_notebook_in_jupyterlab(
    notebook: str, lab: Server, browser_context, artifacts: Path
) -> None:
    page = browser_context.new_page()
    stem = Path(notebook).stem
    try:
        answered = drive.open_notebook(
            page, lab.url(f"lab/workspaces/nk-{stem}/tree/{notebook}?reset")
        )
        drive.run_all_cells(page)
        rows = rows_for(notebook)
        for row in rows:
            before = drive.wait_for_output(page, row)
            drive.change_control(page, row)
            after = drive.wait_for_change(page, row, before)
            assert after != before
        drive.screenshot(page, rows[-1], artifacts / f"lab-{stem}.png")
        print(f"{notebook}: first-open questions answered: {answered or 'none asked'}")
    except BaseException:
        drive.failure_evidence(page, lab, artifacts / f"lab-{stem}-failed.png")
        raise
    finally:
        page.close()
