"""pytest settings for running the notebooks under nbval (``pytest --nbval notebooks``).

Passes ``nbval_sanitize.cfg`` beside this file to nbval unless ``--nbval-sanitize-with`` was
given, so a bare ``pytest --nbval tests notebooks`` compares outputs the way CI does.

nbval's waits are made deadlines a loaded machine never reaches (a kernel starts in 5-30 s
there, a cell's output can trail its reply by seconds): the kernel may take
``KERNEL_STARTUP_TIMEOUT`` seconds to start (nbval: 60, unless ``--nbval-kernel-startup-timeout``
is given) and a cell's next output message ``OUTPUT_TIMEOUT`` seconds (nbval: 5).
"""

from __future__ import annotations

from pathlib import Path

import pytest

SANITIZE = Path(__file__).with_name("nbval_sanitize.cfg")
KERNEL_STARTUP_TIMEOUT = 300
OUTPUT_TIMEOUT = 120
_NBVAL_STARTUP_DEFAULT = 60


def pytest_configure(config: pytest.Config) -> None:
    if getattr(config.option, "nbval_sanitize_with", "absent") is None:
        config.option.nbval_sanitize_with = str(SANITIZE)
    startup = getattr(config.option, "nbval_kernel_startup_timeout", None)
    if startup is not None and float(startup) == _NBVAL_STARTUP_DEFAULT:
        config.option.nbval_kernel_startup_timeout = KERNEL_STARTUP_TIMEOUT


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if isinstance(getattr(item, "output_timeout", None), (int, float)):
            item.output_timeout = max(item.output_timeout, OUTPUT_TIMEOUT)
