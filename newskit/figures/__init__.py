"""Plotly figures built from analysis DataFrames. They compute nothing themselves."""

from newskit.figures.corpus import lengths_figure

__all__: list[str] = ["lengths_figure"]
