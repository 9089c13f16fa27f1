"""``Panel``: the one way newskit builds an interactive view.

A panel is a ``VBox`` of controls above an ``Output``. Each time a control changes, the panel
calls its ``render`` function with the current control values and shows what it returns: plotly
figures, DataFrames, or ``HTML`` strings. What was last shown is kept on the panel
(``panel.items``, ``panel.figure``, ``panel.table``, ``panel.html``), so tests can set
``panel.controls[name].value`` and check what a user would now see, without a browser.
"""

from __future__ import annotations

import html as _html
from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd
from IPython import get_ipython
from IPython.display import HTML

Rendered = Any  # a plotly Figure, a DataFrame, an HTML object, or a list of them


class Panel(widgets.VBox):
    """Controls plus an output area that ``render(**values)`` refills on every change.

    ``controls`` maps a name (the keyword ``render`` receives) to a widget; ``name`` names the
    panel in CSS classes (``nk-panel-NAME``, ``nk-control-KEY``, ``nk-output``).
    """

    def __init__(
        self,
        controls: Mapping[str, widgets.Widget],
        render: Callable[..., Rendered],
        *,
        title: str | None = None,
        name: str = "panel",
        layout: str = "vertical",
    ) -> None:
        self.controls = dict(controls)
        self.output = widgets.Output()
        self.output.add_class("nk-output")
        self.items: list[Any] = []
        self._render = render
        boxes: list[widgets.Widget] = []
        if title:
            boxes.append(widgets.HTML(f"<b>{_html.escape(title)}</b>"))
        row = widgets.HBox if layout == "horizontal" else widgets.VBox
        boxes.append(row(list(self.controls.values())))
        boxes.append(self.output)
        super().__init__(boxes)
        # CSS classes let a browser test find the panel and its controls: nk-panel-NAME on the
        # panel, nk-control-KEY on each control, nk-output on the output area.
        self.add_class(f"nk-panel-{name}")
        for key, control in self.controls.items():
            control.add_class(f"nk-control-{key}")
        for control in self.controls.values():
            if hasattr(control, "value"):
                control.observe(self._on_change, names="value")
        self.refresh()

    def values(self) -> dict[str, Any]:
        """The current value of every control, by name."""
        return {name: w.value for name, w in self.controls.items() if hasattr(w, "value")}

    def refresh(self) -> None:
        """Re-render with the current control values."""
        result = self._render(**self.values())
        self.items = list(result) if isinstance(result, (list, tuple)) else [result]
        if _in_kernel():
            # Set the Output's state instead of capturing display messages in it (``with
            # output: display(...)``): captured messages sent while a cell is still running
            # stall Voilà and notebook runners (voila #1428); state is synced either way.
            self.output.outputs = tuple(
                {"output_type": "display_data", "data": data, "metadata": meta}
                for data, meta in map(_mimebundle, self.items)
            )

    def _on_change(self, _change: dict) -> None:
        self.refresh()

    @property
    def figure(self) -> Any:
        """The first plotly figure last shown, or ``None``."""
        return next((i for i in self.items if hasattr(i, "to_plotly_json")), None)

    @property
    def table(self) -> pd.DataFrame | None:
        """The first DataFrame last shown (unstyled), or ``None``."""
        for item in self.items:
            if isinstance(item, pd.DataFrame):
                return item
            if hasattr(item, "data") and isinstance(item.data, pd.DataFrame):  # a Styler
                return item.data
        return None

    @property
    def html(self) -> str | None:
        """The first HTML fragment last shown, as a string, or ``None``."""
        return next((i.data for i in self.items if isinstance(i, HTML)), None)


def _mimebundle(item: Any) -> tuple[dict, dict]:
    """What ``display(item)`` would send, ``(data, metadata)`` by MIME type, without sending it.

    An object's own ``_repr_mimebundle_`` wins (a plotly figure gives just its plotly JSON,
    not also a multi-megabyte HTML page). Otherwise IPython's formatters are used, with the
    ``_ipython_display_`` hook off, since that hook would publish to the cell as a side effect.
    """
    if hasattr(item, "_repr_mimebundle_"):
        bundle = item._repr_mimebundle_()
        data, meta = bundle if isinstance(bundle, tuple) else (bundle, {})
        if data:
            return data, meta or {}
    formatter = get_ipython().display_formatter
    hook = formatter.ipython_display_formatter
    enabled, hook.enabled = hook.enabled, False
    try:
        data, meta = formatter.format(item)
    finally:
        hook.enabled = enabled
    return data, meta or {}


def escape(text: str) -> str:
    """Article text made safe to show as HTML: markup in it is shown, never run."""
    return _html.escape(text, quote=True)


def _in_kernel() -> bool:
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None
