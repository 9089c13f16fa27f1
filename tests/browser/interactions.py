"""What the browser test does in each notebook: one row per control change, kept as data.

A new notebook gets a row here (``test_every_notebook_has_a_row`` fails until it has one). Each
row names the panel (``nk-panel-<panel>``), the control (``nk-control-<control>``), how a person
changes it and what must visibly change in the panel's output (``nk-output``):

- ``action="select"``: pick ``value`` (an option's label) in the control's drop-down, or, when
  ``value`` is ``None``, an option other than the one shown (works on any corpus). In a list
  box (several can be picked) ``value`` is ``"a|b"``; ``None`` unpicks the last one picked.
- ``action="click"``: click the control: a checkbox or toggle, or in a row of toggle buttons
  the button labelled ``value`` (``None``: the first one not pressed).
- ``action="type"``: click into the text box, select what is there, type ``value``, press Enter.
- ``action="key"``: click the control's handle (a slider) and press the key ``value``.

``expect`` is what the output shows after the change: ``plot`` (a drawn plotly figure),
``table`` (an HTML table) or ``html`` (any text). The test waits for the output's text or figure
data to differ from before, and for that element to be visible, then takes the screenshot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Action = Literal["select", "click", "type", "key"]
Expect = Literal["plot", "table", "html"]

SCRATCH = "99_scratch.ipynb"
"""The harness's own notebook (written by ``scratch.py``): proves every action kind works."""


@dataclass(frozen=True)
class Interaction:
    """One control change in one notebook, and what must change on screen."""

    notebook: str
    panel: str
    control: str
    action: Action
    value: str | None = None
    expect: Expect = "plot"


INTERACTIONS: tuple[Interaction, ...] = (
    Interaction(SCRATCH, "scratch", "article", "select"),
    Interaction(SCRATCH, "scratch", "words", "click"),
    Interaction(SCRATCH, "scratch", "kind", "click", "table", expect="table"),
    Interaction(SCRATCH, "scratch", "contains", "type", "e", expect="table"),
    Interaction(SCRATCH, "scratch", "top", "key", "ArrowLeft", expect="table"),
    Interaction("00_corpus.ipynb", "reader", "article", "select", expect="html"),
    Interaction("00_corpus.ipynb", "reader", "sentences", "click", expect="html"),
    Interaction("01_keywords.ipynb", "keywords", "keyword", "select", expect="table"),
    Interaction("01_keywords.ipynb", "keywords", "top", "key", "ArrowLeft"),
    Interaction("01_keywords.ipynb", "keywords", "outlet", "select"),
    Interaction("02_overlap.ipynb", "pair", "b", "select", expect="table"),
    Interaction("02_overlap.ipynb", "overlap", "metric", "select"),
    # min_outlets, not show: the seeds agree, so "disagreements only" would show no table now
    # that the made-up dissenter stays out of the user's panel (issue 12).
    Interaction(
        "03_numbers.ipynb", "claims-agreement", "min_outlets", "key", "ArrowRight", expect="table"
    ),
    Interaction("03_numbers.ipynb", "claims-reader", "article", "select", expect="html"),
    Interaction("03_numbers.ipynb", "claims", "kind", "select"),
    Interaction("04_stories.ipynb", "stories", "outlet", "select"),
)

VOILA_NOTEBOOK = "01_keywords.ipynb"
"""The notebook the Voilà dashboard test opens (its rows above are replayed there): the
keywords panel, whose plotly figures once stalled Voilà (voila #1428) while ``Panel`` drew them
with ``with output: display(fig)``; ``Panel`` now sets the Output's state instead."""


def notebooks_in_table(*, scratch: bool = True) -> list[str]:
    """The notebooks named in the table, in table order, without repeats."""
    names = dict.fromkeys(row.notebook for row in INTERACTIONS)
    return [name for name in names if scratch or name != SCRATCH]


def rows_for(notebook: str) -> list[Interaction]:
    """The table's rows for ``notebook``, in order."""
    return [row for row in INTERACTIONS if row.notebook == notebook]
