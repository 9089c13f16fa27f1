"""Plotly figures built from analysis DataFrames. They compute nothing themselves."""

from newskit.figures.claims import claim_timeline
from newskit.figures.corpus import lengths_figure
from newskit.figures.keywords import distinctive_bars, keyword_heatmap

__all__: list[str] = ["claim_timeline", "distinctive_bars", "keyword_heatmap", "lengths_figure"]
