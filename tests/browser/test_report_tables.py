"""The report's long tables in Chromium: searchable, sortable and paged (itables), offline.

The report of ``00_corpus`` on a generated corpus of 30 articles is opened from disk (no
server, no network); the overview table must show 10 rows a page, filter on typing in its
search box and sort on a header click. Screenshot: ``test-artifacts/report-tables.png``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from newskit.app.report import build_report, notebooks_folder
from newskit.synthetic import make_corpus

pytestmark = pytest.mark.browser

WAIT_MS = 60_000  # a deadline for the table to redraw on a loaded machine (it takes well under 1 s)


def test_report_tables_are_searchable_sortable_paged(
    tmp_path: Path, browser_context, artifacts: Path
) -> None:
    from playwright.sync_api import expect  # after the fixtures: they skip without playwright

    frame = make_corpus(10, 3, seed=21, p_no_outlet=0)
    source = tmp_path / "corpus.jsonl"
    frame.drop(columns="story").to_json(source, orient="records", lines=True)
    out = tmp_path / "report"
    build_report(source, out, notebooks=[notebooks_folder() / "00_corpus.ipynb"], progress=None)
    page = browser_context.new_page()
    try:
        page.route("http*://**", lambda route: route.abort())  # offline: nothing from the web
        page.goto((out / "00_corpus.html").as_uri())
        overview = page.locator("table.dataTable").first
        overview.wait_for(state="visible")
        wrapper = page.locator(".dt-container").first
        assert overview.locator("tbody tr").count() == 10  # paged
        assert "of 30 entries" in wrapper.locator(".dt-info").inner_text()
        outlet = frame["outlet"].iloc[0]
        wrapper.locator(".dt-search input").fill(outlet)
        n = int((frame["outlet"] == outlet).sum())
        # the table filters as one types: wait for the filtered count, then check the rows
        expect(wrapper.locator(".dt-info")).to_contain_text(f"{n} entries", timeout=WAIT_MS)
        expect(overview.locator("tbody tr")).to_have_count(min(n, 10), timeout=WAIT_MS)
        wrapper.locator(".dt-search input").fill("")
        expect(wrapper.locator(".dt-info")).to_contain_text("of 30 entries", timeout=WAIT_MS)
        header = overview.locator("thead th", has_text="n_words").first
        header.locator(".dt-column-order").click()  # the sort arrows (header text is selectable)
        column = [th.strip() for th in overview.locator("thead th").all_inner_texts()]
        k = column.index("n_words")
        smallest = pd.read_csv(out / "00_corpus.overview.csv")["n_words"].min()
        first = overview.locator("tbody tr").first.locator("td").nth(k)
        expect(first).to_have_text(
            str(smallest), timeout=WAIT_MS
        )  # sorted: the smallest comes first
        shown = [
            int(r.locator("td").nth(k).inner_text()) for r in overview.locator("tbody tr").all()
        ]
        assert shown == sorted(shown) and shown[0] == smallest
        overview.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "report-tables.png"))
    finally:
        page.close()
