"""pytest settings for running the notebooks under nbval (``pytest --nbval notebooks``).

Passes ``nbval_sanitize.cfg`` beside this file to nbval unless ``--nbval-sanitize-with`` was
given, so a bare ``pytest --nbval tests notebooks`` compares outputs the way CI does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SANITIZE = Path(__file__).with_name("nbval_sanitize.cfg")


def pytest_configure(config: pytest.Config) -> None:
    if getattr(config.option, "nbval_sanitize_with", "absent") is None:
        config.option.nbval_sanitize_with = str(SANITIZE)
