"""Engines: code a whole corpus into Parquet datasets, on one machine or on a Spark cluster.

Both engines run the same per-article work (:mod:`.work`: :class:`eventcoder.coder.Coder` then
:func:`.output.rows_of`) over the same input stream (:mod:`.sources`) and write the same datasets
(:mod:`.output`: ``events``, ``stories``, ``entities``, ``quotes``, partitioned by story date), so
their outputs hold identical rows with identical event ids.

* :func:`run_local` (:mod:`.local`): a process pool on one machine; progress bar, resumable after a
  kill (:mod:`.ledger`), bounded memory.
* :func:`run_spark` (:mod:`.spark`): a PySpark job, one coder per Python worker, any Spark master.

See docs/scale.md for the layout, resume semantics and how to run on a cluster.
"""

from __future__ import annotations

from pathlib import Path

from .common import BatchOptions, BatchSummary
from .output import DATASETS, SCHEMAS

__all__ = ["DATASETS", "SCHEMAS", "BatchOptions", "BatchSummary", "run_batch", "run_local", "run_spark"]


def run_local(sources: list[str], out: str | Path, options: BatchOptions | None = None) -> BatchSummary:
    """Run the local engine (see :func:`eventcoder.engines.local.run_local`)."""
    from .local import run_local as _run

    return _run(sources, out, options)


def run_spark(sources: list[str], out: str | Path, options: BatchOptions | None = None,
              master: str = "local[*]", partitions: int | None = None,
              conf: dict[str, str] | None = None) -> BatchSummary:
    """Run the Spark engine (see :func:`eventcoder.engines.spark.run_spark`)."""
    from .spark import run_spark as _run

    return _run(sources, out, options, master=master, partitions=partitions, conf=conf)


def run_batch(sources: list[str], out: str | Path, engine: str = "local", options: BatchOptions | None = None,
              **spark_args) -> BatchSummary:
    """Run ``engine`` (``"local"`` or ``"spark"``) over ``sources`` into ``out``.

    Raises:
        ValueError: unknown engine.
    """
    if engine == "local":
        return run_local(sources, out, options)
    if engine == "spark":
        return run_spark(sources, out, options, **spark_args)
    raise ValueError(f"unknown engine {engine!r} (local or spark)")
