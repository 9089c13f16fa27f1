"""Run newskit's pipeline on a Dask cluster: ``run_distributed(source, out, client=...)``.

The implementation is the package ``newskit.app.dask`` (see its modules); this module keeps the
entry points where they have always been.
"""

from newskit.app.dask import (
    TABLES,
    DistributedRun,
    RunError,
    RunOptions,
    RunSetupError,
    in_process_tables,
    read_output,
    run_distributed,
    run_in_process,
)

__all__ = [
    "TABLES",
    "DistributedRun",
    "RunError",
    "RunOptions",
    "RunSetupError",
    "in_process_tables",
    "read_output",
    "run_distributed",
    "run_in_process",
]
