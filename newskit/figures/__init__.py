"""Plotly figures built from analysis DataFrames. They compute nothing themselves."""

from newskit.figures.overlap import coverage_figure, overlap_heatmap, reuse_figure

__all__: list[str] = ["coverage_figure", "overlap_heatmap", "reuse_figure"]
