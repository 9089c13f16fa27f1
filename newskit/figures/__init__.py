"""Plotly figures built from analysis DataFrames. They compute nothing themselves."""

from newskit.figures.corpus import lengths_figure
from newskit.figures.keywords import distinctive_bars, keyword_heatmap

__all__: list[str] = ["distinctive_bars", "keyword_heatmap", "lengths_figure"]
