"""The durable record of finished work in a local-engine output directory: ``DIR/_ledger.jsonl``.

A batch cuts its input stream into *chunks* of N consecutive items (articles, skips and read errors):
chunk ``c000000`` holds items 0..N-1, ``c000001`` the next N, and so on, so a rerun over the same
sources with the same ``--chunk-size`` cuts the same chunks. A chunk is committed in this order:

1. a worker writes the chunk's Parquet files under hidden temporary names (``.part-c000007.<tag>.tmp``);
2. the main process fsyncs each and renames it to its final name ``part-c000007.parquet`` in its
   partition directory (``part-c000007-03.parquet`` when the chunk was coded in pieces: the last chunks
   of a run are, so that the workers finish together), and fsyncs the directories;
3. it appends one JSON line for the chunk to the ledger and fsyncs the ledger.

A chunk is done exactly when its ledger line is there. On start, :meth:`Ledger.recover` drops a torn
last line (a kill during step 3), deletes every temporary file, and deletes every ``part-c*.parquet``
whose chunk has no ledger line (a kill during step 2), so a rerun codes those chunks again and nothing
is lost or doubled. The ledger line keeps the chunk's fingerprint (a hash of its items' ids), its
counts and its failures; a rerun whose chunk differs from the recorded one is refused.

When every chunk is done, the small per-chunk files of each partition are merged into one file
(*compaction*), also crash-safe: the merged file is written under a temporary name and fsynced, an
intent line (``{"compact": dir, "output": name, "inputs": [...]}``) is logged, the file is renamed into
place, the inputs are deleted, and a ``{"compacted": dir}`` line closes it. Partitions are merged in
groups (several at once): a group's intent lines are logged together with one fsync, after all its
merged files are fsynced and before any is renamed, and its closing lines likewise. :meth:`Ledger.recover` finishes an
intent whose output exists (deleting the leftover inputs) and abandons one whose output does not.
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import Any

from ..article import InputError
from .output import DATASETS, fsync_dir

log = logging.getLogger(__name__)

LEDGER = "_ledger.jsonl"

#: A committed chunk file: ``part-c000007.parquet``, or ``part-c000007-03.parquet`` for a chunk coded in
#: pieces (the last chunks of a local run).
CHUNK_FILE = re.compile(r"^part-(c\d+)(?:-\d+)?\.parquet$")


def chunk_id(index: int) -> str:
    """Name of the ``index``-th chunk (0-based): ``c000007``."""
    return f"c{index:06d}"


class Ledger:
    """The ledger of the output directory ``out`` (see the module doc).

    Attributes:
        chunks: chunk id → its ledger record (``{"chunk", "fingerprint", "items", "coded", ...}``).
        pending: partition directory → compaction intent not yet closed.
    Raises:
        InputError: the ledger has an unreadable line before its last one (not a torn write).
    """

    def __init__(self, out: str | Path):
        self.out = Path(out)
        self.path = self.out / LEDGER
        self.chunks: dict[str, dict[str, Any]] = {}
        self.pending: dict[str, dict[str, Any]] = {}
        self._load()

    def _load(self) -> None:
        if not self.path.exists():
            return
        data = self.path.read_bytes()
        complete, sep, tail = data.rpartition(b"\n")
        if tail.strip():  # a line without its newline: the run was killed while appending it
            log.warning("%s: dropping a torn last line (the previous run was killed)", self.path)
            with open(self.path, "r+b") as fh:
                fh.truncate(len(complete) + len(sep))
                os.fsync(fh.fileno())
        for i, raw in enumerate(complete.split(b"\n")):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except ValueError:
                rec = None
            if not isinstance(rec, dict):
                raise InputError(f"{self.path}:{i + 1}: unreadable ledger line; the output directory is "
                                 "damaged (use a new --out)")
            self._apply(rec)

    def _apply(self, rec: dict[str, Any]) -> None:
        if "chunk" in rec:
            self.chunks[rec["chunk"]] = rec
        elif "compact" in rec:
            self.pending[rec["compact"]] = rec
        elif "compacted" in rec or "abandoned" in rec:
            self.pending.pop(rec.get("compacted") or rec.get("abandoned"), None)

    def append(self, rec: dict[str, Any]) -> None:
        """Append one record as a JSON line and fsync the ledger (the commit point)."""
        self.append_many([rec])

    def append_many(self, recs: list[dict[str, Any]]) -> None:
        """Append records as JSON lines with one fsync of the ledger (a kill can tear only the last)."""
        if not recs:
            return
        text = "".join(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n" for rec in recs)
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        for rec in recs:
            self._apply(rec)

    def recover(self) -> tuple[int, int]:
        """Undo what a killed run left: finish or abandon open compactions, delete temporary files and
        files of uncommitted chunks. Returns ``(temporary files, uncommitted chunk files)`` deleted."""
        for pdir, rec in list(self.pending.items()):
            d = self.out / pdir
            if (d / rec["output"]).exists():
                for name in rec["inputs"]:
                    (d / name).unlink(missing_ok=True)
                fsync_dir(str(d))
                self.append({"compacted": pdir, "output": rec["output"]})
            else:
                self.append({"abandoned": pdir})
        tmp = orphans = 0
        for ds in DATASETS:
            root = self.out / ds
            if not root.is_dir():
                continue
            for dirpath, _dirs, files in os.walk(root):
                for name in files:
                    if name.endswith(".tmp"):
                        os.unlink(os.path.join(dirpath, name))
                        tmp += 1
                        continue
                    m = CHUNK_FILE.match(name)
                    if m and m.group(1) not in self.chunks:
                        os.unlink(os.path.join(dirpath, name))
                        orphans += 1
        if tmp or orphans:
            log.info("removed %d temporary and %d uncommitted chunk files from %s", tmp, orphans, self.out)
        return tmp, orphans
