"""newskit on a Dask cluster: every table of the in-process API written as Parquet by workers.

``run_distributed(source, out)`` (``newskit run``) runs the pipeline (``run``); ``tables``
defines every table and how it is made in process; ``source`` cuts the source into parts the
workers read; ``work`` is what the workers do; ``stories`` finds the stories; ``exchange``
moves pieces between tasks and numbers rows over the corpus; ``output`` stages, checks, commits
and reads a run's output; ``address`` resolves the output and scheduler addresses.
"""

from newskit.app.dask.address import RunSetupError, check_scheduler, resolve_output
from newskit.app.dask.output import RunError, read_output
from newskit.app.dask.run import DistributedRun, run_distributed, run_in_process
from newskit.app.dask.tables import TABLES, RunOptions, in_process_tables

__all__ = [
    "TABLES",
    "DistributedRun",
    "RunError",
    "RunOptions",
    "RunSetupError",
    "check_scheduler",
    "in_process_tables",
    "read_output",
    "resolve_output",
    "run_distributed",
    "run_in_process",
]
