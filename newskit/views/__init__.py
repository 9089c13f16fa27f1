"""Interactive panels (ipywidgets) built from analysis frames and figures.

This is the only package that imports ipywidgets. Every panel is a ``newskit.views.Panel``.
"""

from newskit.views._panel import Panel, escape
from newskit.views.claims import claims_agreement_panel, claims_panel, claims_reader_panel
from newskit.views.corpus import article_html, reader_panel
from newskit.views.keywords import keywords_panel
from newskit.views.overlap import (
    coverage_panel,
    overlap_panel,
    pair_panel,
    quotes_panel,
    reuse_panel,
    with_alignments,
)
from newskit.views.stories import stories_panel, story_choices, story_corpus, story_picker

__all__ = [
    "Panel",
    "article_html",
    "claims_agreement_panel",
    "claims_panel",
    "claims_reader_panel",
    "coverage_panel",
    "escape",
    "keywords_panel",
    "overlap_panel",
    "pair_panel",
    "quotes_panel",
    "reader_panel",
    "reuse_panel",
    "stories_panel",
    "story_choices",
    "story_corpus",
    "story_picker",
    "with_alignments",
]
