"""Plotly figures built from analysis DataFrames. They compute nothing themselves."""

from newskit.figures.claims import claim_timeline, disagreement_figure
from newskit.figures.corpus import lengths_figure
from newskit.figures.keywords import distinctive_bars, keyword_heatmap
from newskit.figures.overlap import coverage_figure, overlap_heatmap, reuse_figure
from newskit.figures.stories import (
    outlet_reuse_frame,
    outlet_reuse_heatmap,
    story_coverage_figure,
    story_timeline,
)

__all__: list[str] = [
    "claim_timeline",
    "coverage_figure",
    "disagreement_figure",
    "distinctive_bars",
    "keyword_heatmap",
    "lengths_figure",
    "outlet_reuse_frame",
    "outlet_reuse_heatmap",
    "overlap_heatmap",
    "reuse_figure",
    "story_coverage_figure",
    "story_timeline",
]
