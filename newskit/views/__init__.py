"""Interactive panels (ipywidgets) built from analysis frames and figures.

This is the only package that imports ipywidgets. Every panel is a ``newskit.views.Panel``.
"""

from newskit.views._panel import Panel, escape
from newskit.views.claims import agreement_panel, claims_panel, reader_panel

__all__ = ["Panel", "agreement_panel", "claims_panel", "escape", "reader_panel"]
