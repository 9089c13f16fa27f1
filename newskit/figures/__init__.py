"""Plotly figures built from analysis DataFrames. They compute nothing themselves."""

__all__: list[str] = []
