"""How figures name articles: by outlet (the title goes in the hover), never by file id alone.

Helpers shared by the figure modules; they read ``Corpus.frame()`` columns and compute nothing.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd

UNKNOWN_OUTLET = "(unknown outlet)"


def outlet_of(frame: pd.DataFrame) -> dict[str, str]:
    """Article id → outlet (``UNKNOWN_OUTLET`` where missing), from a frame with ``id, outlet``."""
    outlets = frame["outlet"] if "outlet" in frame.columns else pd.Series([None] * len(frame))
    return {
        str(i): (str(o) if isinstance(o, str) and o else UNKNOWN_OUTLET)
        for i, o in zip(frame["id"], outlets, strict=True)
    }


def article_labels(frame: pd.DataFrame) -> dict[str, str]:
    """Article id → a short readable label: the outlet, numbered when the outlet has several
    articles ("AP", "Reuters 1", "Reuters 2"), HTML-escaped. Frame order decides the numbers."""
    outlets = outlet_of(frame)
    totals = pd.Series(list(outlets.values())).value_counts().to_dict() if outlets else {}
    seen: dict[str, int] = {}
    labels = {}
    for i, o in outlets.items():
        seen[o] = seen.get(o, 0) + 1
        labels[i] = html.escape(o if totals[o] == 1 else f"{o} {seen[o]}")
    return labels


def article_titles(frame: pd.DataFrame) -> dict[str, str]:
    """Article id → its title (or the id when it has none), HTML-escaped, for hover text."""
    titles = frame["title"] if "title" in frame.columns else pd.Series([None] * len(frame))
    return {
        str(i): html.escape(str(t) if isinstance(t, str) and t else str(i))
        for i, t in zip(frame["id"], titles, strict=True)
    }


def label_or_id(labels: Mapping[str, str] | None, key: str) -> str:
    """``labels[key]`` when given, else ``key`` escaped."""
    return labels.get(key, html.escape(key)) if labels else html.escape(key)
