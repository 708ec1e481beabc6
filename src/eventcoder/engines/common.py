"""Settings and the end-of-run summary shared by the local and the Spark engine."""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..article import InputError
from .output import DATASETS
from .work import Failure

#: The run description kept in every output directory.
MANIFEST = "_batch.json"
FAILURES = "failures.jsonl"
LOG = "_batch.log"

#: Output layout version written to the manifest.
LAYOUT = 1


@dataclass
class BatchOptions:
    """How a batch reads and codes.

    Attributes:
        workers: coding processes (local engine; default: every core, ``os.cpu_count()``). 1 codes in
            the main process.
        chunk_size: items (articles, skips, read errors) per chunk, the unit of resume and of work
            handed to a worker; a rerun must use the same value.
        published: date for stories that carry none.
        read: a :class:`eventcoder.ingest.ReadOptions` (languages, de-duplication, JSONL field names).
        coder: keyword arguments for :class:`eventcoder.coder.Coder` (``show_negated``,
            ``actor_dictionaries``).
        compact: merge each partition's per-chunk files into one when the run completes.
        progress: show a progress bar on stderr (None: only when stderr is a terminal).
        verbose: log INFO detail to the run log.
    """

    workers: int | None = None
    chunk_size: int = 100
    published: date | None = None
    read: Any = None
    coder: dict[str, Any] = field(default_factory=dict)
    compact: bool = True
    progress: bool | None = None
    verbose: bool = False

    def n_workers(self) -> int:
        return max(1, self.workers or os.cpu_count() or 1)


@dataclass
class BatchSummary:
    """What a batch did, resumed chunks included.

    Attributes:
        items: input items seen (articles, skips, read errors). coded: stories coded and written.
        skipped: skips by kind (``"duplicate"``, ``"language de"``...). failures: every failed input.
        rows: rows written per dataset. words: whitespace words of the coded stories.
        chunks, resumed: chunks in the input, and how many a previous run had finished.
        seconds: wall time of this run; coded_now, words_now: stories and words coded by this run.
    """

    out: str
    engine: str
    items: int = 0
    coded: int = 0
    skipped: Counter = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    rows: Counter = field(default_factory=Counter)
    words: int = 0
    chunks: int = 0
    resumed: int = 0
    seconds: float = 0.0
    coded_now: int = 0
    words_now: int = 0

    def lines(self, max_failures: int = 10) -> list[str]:
        """The end-of-run summary for stderr: totals, rate, failures (up to ``max_failures``)."""
        skips = ", ".join(f"{k}: {n}" for k, n in self.skipped.most_common())
        rows = ", ".join(f"{self.rows[d]} {d}" for d in DATASETS)
        first = (f"batch ({self.engine}): {self.items} inputs, {self.coded} stories coded, "
                 f"{sum(self.skipped.values())} skipped{f' ({skips})' if skips else ''}, "
                 f"{len(self.failures)} failed; wrote {rows}")
        out = [first]
        if self.resumed:
            out.append(f"  resumed: {self.resumed} of {self.chunks} chunks were done by an earlier run")
        if self.seconds > 0:
            out.append(f"  this run: {self.coded_now} stories in {self.seconds:.1f} s "
                       f"({self.coded_now / self.seconds:.2f} stories/s, {self.words_now / self.seconds:,.0f} words/s)")
        for f in self.failures[:max_failures]:
            out.append(f"  failed: {f.line()}")
        if len(self.failures) > max_failures:
            out.append(f"  ... and {len(self.failures) - max_failures} more")
        if self.failures:
            where = f"; details in {Path(self.out) / LOG}" if self.engine == "local" else ""
            out.append(f"  all failures: {self.out.rstrip('/')}/{FAILURES}{where}")
        out.append(f"  output: {self.out}")
        return out


def read_manifest(out: Path) -> dict[str, Any] | None:
    """The manifest of output directory ``out``, or None when there is none.

    Raises:
        InputError: the manifest is not readable JSON.
    """
    p = out / MANIFEST
    if not p.exists():
        return None
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"{p}: unreadable batch manifest ({err.__class__.__name__})") from err


def write_json_atomic(path: Path, obj: Any) -> None:
    """Write ``obj`` as JSON to ``path`` via a temporary file and a rename."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(obj, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def write_failures(out: Path, failures: list[Failure]) -> None:
    """Write ``out/failures.jsonl`` (one JSON object per failed input) atomically; remove it when empty."""
    path = out / FAILURES
    if not failures:
        path.unlink(missing_ok=True)
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in failures)
    os.replace(tmp, path)


def check_out_dir(out: Path, engine: str) -> None:
    """Refuse an output directory that holds something other than a batch of ``engine``.

    Raises:
        InputError: ``out`` is a file, holds another engine's run, or holds dataset folders but no manifest.
    """
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: --out must be a directory")
    man = read_manifest(out) if out.is_dir() else None
    if man is not None and man.get("engine") != engine:
        raise InputError(f"{out}: holds a run of the {man.get('engine')} engine; use a new --out directory")
    if man is None and out.is_dir() and any((out / d).exists() for d in DATASETS):
        raise InputError(f"{out}: has dataset folders but no {MANIFEST}; use a new --out directory")
