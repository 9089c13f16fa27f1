"""Plotly figures built from analysis DataFrames. They compute nothing themselves."""

from newskit.figures.claims import claim_timeline

__all__: list[str] = ["claim_timeline"]
