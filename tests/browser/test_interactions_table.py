"""The interactions table is complete and points at real notebooks (no browser needed)."""

from __future__ import annotations

from .conftest import NOTEBOOKS
from .interactions import INTERACTIONS, SCRATCH, VOILA_NOTEBOOK, notebooks_in_table


def test_every_notebook_has_a_row() -> None:
    numbered = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    missing = [name for name in numbered if name not in notebooks_in_table()]
    assert not missing, f"add rows to tests/browser/interactions.py for {missing}"


def test_rows_name_existing_notebooks_and_what_to_do() -> None:
    for row in INTERACTIONS:
        assert row.notebook == SCRATCH or (NOTEBOOKS / row.notebook).is_file(), row
        assert row.action in {"select", "click", "type", "key"}, row
        assert row.expect in {"plot", "table", "html"}, row
        if row.action in {"type", "key"}:
            assert row.value, f"{row}: say what to type or which key"
    assert VOILA_NOTEBOOK in notebooks_in_table()
