"""Where the real labelled news lives: ``$NEWSKIT_REALNEWS``, else the first ``shared/realnews``
folder beside the repository or one of its parents (``/work/shared/realnews`` for a worktree in
``/work/wt/…`` as for ``/work/main``); ``None`` when there is none (a fresh clone elsewhere)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def realnews_dir() -> Path | None:
    """The folder holding ``giveme5w_calibration.jsonl`` and ``ecbplus_calibration.jsonl``."""
    env = os.environ.get("NEWSKIT_REALNEWS")
    if env:
        return Path(env)
    for parent in ROOT.parents:
        folder = parent / "shared" / "realnews"
        if folder.is_dir():
            return folder
    return None
