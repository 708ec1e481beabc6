"""The local engine: code a corpus with every core of one machine, resumably.

The main process streams the input (:func:`.sources.iter_items`), cuts it into chunks of
``chunk_size`` items, and hands the chunks to a pool of worker processes, at most two per worker in
flight, so memory stays bounded whatever the corpus size. Each worker has one
:class:`~eventcoder.coder.Coder` (spaCy model, knowledge base, gazetteer): on Linux the main process
loads it once and forks the workers, which share its pages; elsewhere each worker loads its own
(``spawn``). Per chunk, a worker codes the articles and writes the chunk's Parquet files under
temporary names. The main process commits each finished chunk (rename, then a ledger line: see
:mod:`.ledger`), updates the progress bar (rate and ETA, on stderr), and at the end merges each
partition's files and writes the failure report. The last chunk per worker goes out in pieces (see
:func:`_run_pool`), so that the workers finish together. With ``workers=1`` the coding runs in the main
process (no pool).

A run killed at any point (SIGKILL, power loss) loses at most the chunks in flight; running the same
command again skips the chunks in the ledger, removes half-written files and codes the rest, so the
output ends with exactly the rows of an uninterrupted run.

Worker processes log to ``DIR/_batch.log`` (warnings, and every coding failure with its traceback).
Testing aid: the environment variable ``EVENTCODER_BATCH_PAUSE`` (seconds) makes the main process
pause after each commit, so a test can kill a run between two chunks.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sys
import threading
import time
import warnings
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..article import Article, EventcoderError, InputError
from .common import (
    LAYOUT,
    LOG,
    BatchOptions,
    BatchSummary,
    check_out_dir,
    read_manifest,
    write_failures,
    write_json_atomic,
)
from .ledger import Ledger, chunk_id
from .output import COMPRESSION, DATASETS, SCHEMAS, fsync_dir, fsync_file, group_by_partition, write_table
from .sources import count_records, expand, iter_items
from .work import PARSE_WORDS, Failure, release_memory, rows_and_failures

log = logging.getLogger(__name__)
#: Per-input failures go here: to the run log, not to the terminal (the summary lists them).
fail_log = logging.getLogger("eventcoder.engines.failures")

#: Rows buffered per row group when merging a partition's files.
MERGE_ROWS = 65536
#: ... and at most this many bytes (Arrow buffers), so that merges in parallel stay small in memory.
MERGE_BYTES = 64 * 2**20
#: Threads that merge partitions at once (:func:`compact`): reading, zstd and fsync release the GIL.
COMPACT_THREADS = 4
#: Partitions merged per group: their intents are logged with one ledger fsync, and at most this many
#: merged copies sit on disk beside their inputs at a time.
COMPACT_GROUP = 64
#: Pieces each of the last ``workers`` chunks of a run is coded in (:func:`pieces`), so that the workers
#: finish together instead of one coding the last chunk alone.
TAIL_PIECES = 8


@dataclass
class Chunk:
    """``items`` of the input stream numbered ``index`` (0-based) and its fingerprint."""

    index: int
    items: list[Article | InputError]

    @property
    def id(self) -> str:
        return chunk_id(self.index)

    def fingerprint(self) -> str:
        """SHA-1 of the items' identities (story ids and text lengths, error messages), 16 hex chars."""
        h = hashlib.sha1()
        for it in self.items:
            key = f"A {it.id} {len(it.text)}" if isinstance(it, Article) else f"E {it}"
            h.update(key.encode("utf-8", "replace") + b"\n")
        return h.hexdigest()[:16]


@dataclass
class ChunkResult:
    """What a worker returns for a chunk: files written (temporary path, final path relative to the
    output directory), rows per dataset, coded stories, words, failures, seconds spent."""

    chunk: str
    files: list[tuple[str, str]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    coded: int = 0
    words: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0


def pieces(articles: list[Article], n: int) -> list[list[Article]]:
    """``articles`` cut into at most ``n`` runs of consecutive articles with about the same number of
    whitespace words each (no run is empty; one run, possibly empty, when there are no articles)."""
    if len(articles) <= 1 or n <= 1:
        return [articles]
    words = [len(a.text.split()) + 1 for a in articles]
    total, acc, k = sum(words), 0, 1
    out: list[list[Article]] = [[]]
    for a, w in zip(articles, words):
        if out[-1] and acc >= total * k / n:
            out.append([])
            k += 1
        out[-1].append(a)
        acc += w
    return out


def chunks(items: Iterable[Article | InputError], size: int) -> Iterator[Chunk]:
    """``items`` cut into consecutive chunks of ``size`` (the last may be shorter)."""
    buf: list[Article | InputError] = []
    index = 0
    for it in items:
        buf.append(it)
        if len(buf) >= size:
            yield Chunk(index, buf)
            index += 1
            buf = []
    if buf:
        yield Chunk(index, buf)


# -- worker side ----------------------------------------------------------------------------------------
_STATE: dict[str, Any] = {}


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the main process dies (so a killed batch leaves no coder
    running on); a no-op elsewhere."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:  # best effort: without it a killed batch's workers finish their chunk, then exit
        log.debug("prctl(PR_SET_PDEATHSIG) unavailable", exc_info=True)


def init_worker(coder_kwargs: dict[str, Any], out: str, log_path: str | None, verbose: bool) -> None:
    """Worker initializer: route logging to the run log, then load the one Coder of this process."""
    if log_path is not None:
        import signal

        _die_with_parent()
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
        root = logging.getLogger()
        for h in list(root.handlers):
            root.removeHandler(h)
        fh = logging.FileHandler(log_path, encoding="utf-8")
        fh.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
        root.addHandler(fh)
        root.setLevel(logging.INFO if verbose else logging.WARNING)
        logging.captureWarnings(True)
        warnings.simplefilter("default")
    if _STATE.get("coder_kwargs") != coder_kwargs:  # a forked worker has its parent's coder already
        load_coder(coder_kwargs)
    _STATE["out"] = out


def load_coder(coder_kwargs: dict[str, Any]) -> None:
    """Load this process's Coder (spaCy model, knowledge base, lexicon, gazetteer) into the worker state;
    its tok2vec layers embed long articles window by window (:func:`eventcoder.nlp.bound_tok2vec_memory`)."""
    from ..coder import Coder
    from ..nlp import bound_tok2vec_memory

    coder = Coder(**coder_kwargs)
    bound_tok2vec_memory(coder.nlp)
    try:
        _ = coder.gazetteer  # load now, not inside the first chunk
    except Exception:  # the coder copes without a gazetteer
        log.warning("gazetteer unavailable", exc_info=True)
    _STATE["coder"] = coder
    _STATE["coder_kwargs"] = dict(coder_kwargs)


def _ping() -> int:
    return os.getpid()


def code_chunk(cid: str, articles: list[Article], piece: int | None = None) -> ChunkResult:
    """Worker task: code ``articles`` (parse batches of about :data:`.work.PARSE_WORDS` words) and write
    their rows as temporary Parquet files, one per dataset and partition, named
    ``.part-<cid>.<pid>-<n>.tmp`` in the partition directory (not fsynced: the main process does that when
    it commits the chunk, while the workers go on coding); then hand the chunk's freed memory back to the
    system (:func:`.work.release_memory`). With ``piece``, the articles are that piece of chunk ``cid``
    (:func:`pieces`) and its files are named ``part-<cid>-<piece>.parquet``."""
    t0 = time.perf_counter()
    out = Path(_STATE["out"])
    rows, failures = rows_and_failures(_STATE["coder"], articles, batch_words=PARSE_WORDS)
    res = ChunkResult(chunk=cid, failures=failures, coded=len(rows),
                      words=sum(len(a.text.split()) for a, _ in rows))
    groups = group_by_partition((a.published, r) for a, r in rows)
    tag = f"{os.getpid()}-{time.monotonic_ns() % 10**9}"
    name = cid if piece is None else f"{cid}-{piece:02d}"
    for (ds, pdir), ds_rows in sorted(groups.items()):
        d = out / ds / pdir
        d.mkdir(parents=True, exist_ok=True)
        tmp = d / f".part-{name}.{tag}.tmp"
        write_table(ds_rows, SCHEMAS[ds], str(tmp), fsync=False)  # the main process fsyncs it
        res.files.append((str(tmp), f"{ds}/{pdir}/part-{name}.parquet"))
        res.rows[ds] = res.rows.get(ds, 0) + len(ds_rows)
    del rows, groups
    release_memory()
    res.seconds = time.perf_counter() - t0
    return res


# -- main process ---------------------------------------------------------------------------------------
def _mp_context():
    """``fork`` on Linux, from a main process that has loaded the coder and frozen the garbage collector
    (``gc.freeze``), so the workers share the model, knowledge base and gazetteer pages instead of
    loading a copy each; ``spawn`` elsewhere. Either way each worker is a direct child of the main
    process, so Linux's parent-death signal ends it when the main process is killed."""
    import multiprocessing as mp

    return mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def _start_pool(workers: int, opts: BatchOptions, out: Path, log_path: Path) -> ProcessPoolExecutor:
    """The worker pool, its processes started (before any thread of the main process: forking a process
    with threads is unsafe)."""
    import gc

    ctx = _mp_context()
    if ctx.get_start_method() == "fork":
        load_coder(opts.coder)
        gc.freeze()
    ex = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker,
                             initargs=(opts.coder, str(out), str(log_path), opts.verbose))
    try:
        ex.submit(_ping).result()
    finally:
        gc.unfreeze()  # the workers are forked; let this process collect again
    return ex


class _NoTracebacks(logging.Filter):
    """Keeps exception records (the coder's ``log.exception``) and per-input failure lines off the
    terminal while a bar is drawn there; the run log has them and the summary lists the failures."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.exc_info and record.name != fail_log.name


@contextlib.contextmanager
def _run_logging(log_path: Path, verbose: bool):
    """Log to the run log file for the duration of a batch; keep tracebacks off stderr."""
    root = logging.getLogger()
    fh = logging.FileHandler(log_path, encoding="utf-8")
    fh.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    fh.setLevel(logging.INFO if verbose else logging.WARNING)
    flt = _NoTracebacks()
    streams = [h for h in root.handlers if isinstance(h, logging.StreamHandler)
               and not isinstance(h, logging.FileHandler)]
    for h in streams:
        h.addFilter(flt)
    old_level = root.level
    if root.level > fh.level or root.level == logging.NOTSET:
        root.setLevel(fh.level)
    root.addHandler(fh)
    try:
        yield
    finally:
        root.removeHandler(fh)
        fh.close()
        root.setLevel(old_level)
        for h in streams:
            h.removeFilter(flt)


def _progress_bar(enabled: bool | None, paths: list[str], resumed: dict[str, int]):
    """A tqdm bar on stderr counting the input items this run codes, with rate and ETA. Its total (all
    items, less ``resumed["items"]``, those of chunks done earlier) is counted in a background thread
    (JSONL lines, Parquet rows) and left open for inputs that cannot be counted cheaply (WARC, URLs)."""
    from tqdm.auto import tqdm

    bar = tqdm(total=None, unit="art", desc="coding", file=sys.stderr, dynamic_ncols=True, smoothing=0.05,
               disable=(None if enabled is None else not enabled), mininterval=0.5)

    def count() -> None:
        n = count_records(paths)
        if n is not None:
            with bar.get_lock():
                resumed["total"] = n
                bar.total = max(bar.n, n - resumed["items"])
            bar.refresh()

    if not bar.disable:
        threading.Thread(target=count, daemon=True, name="count-inputs").start()
    return bar


def compact(out: Path, ledger: Ledger, threads: int = COMPACT_THREADS) -> int:
    """Merge the Parquet files of every partition that has more than one into one file, crash-safely
    (see :mod:`.ledger`); rows are streamed in row groups of at most :data:`MERGE_ROWS` rows and
    :data:`MERGE_BYTES` bytes. Partitions are merged ``threads`` at a time, in groups of
    :data:`COMPACT_GROUP`: the group's merged files are written and fsynced in parallel, their intents
    logged with one ledger fsync, then each is renamed into place, its inputs deleted and its directory
    fsynced (in parallel), and one ledger fsync closes the group. Returns the number of partitions merged."""
    jobs: list[tuple[str, Path, list[str]]] = []
    for ds in DATASETS:
        root = out / ds
        if not root.is_dir():
            continue
        for dirpath, _dirs, files in sorted(os.walk(root)):
            parts = sorted(f for f in files if f.startswith("part-") and f.endswith(".parquet"))
            if len(parts) >= 2:
                jobs.append((ds, Path(dirpath), parts))
    if not jobs:
        return 0
    with ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix="compact") as pool:
        for g in range(0, len(jobs), COMPACT_GROUP):
            group = jobs[g:g + COMPACT_GROUP]
            names = list(pool.map(lambda job: _merge_partition(*job), group))
            ledger.append_many([{"compact": str(d.relative_to(out)), "output": name, "inputs": parts}
                                for (_ds, d, parts), name in zip(group, names)])
            list(pool.map(lambda job, name: _replace_inputs(job[1], job[2], name), group, names))
            ledger.append_many([{"compacted": str(d.relative_to(out)), "output": name}
                                for (_ds, d, _parts), name in zip(group, names)])
    return len(jobs)


def _merge_partition(ds: str, d: Path, parts: list[str]) -> str:
    """Write the rows of the files ``parts`` of partition directory ``d`` (dataset ``ds``), in that
    order, to one fsynced temporary file; return the merged file's final name (it names its inputs)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    name = f"part-m{hashlib.sha1('|'.join(parts).encode()).hexdigest()[:12]}.parquet"
    tmp = d / f".{name}.{os.getpid()}.tmp"
    schema = SCHEMAS[ds]
    with pq.ParquetWriter(str(tmp), schema, compression=COMPRESSION) as writer:
        buf: list = []
        n = size = 0
        for f in parts:
            for batch in pq.ParquetFile(d / f).iter_batches(batch_size=MERGE_ROWS):
                buf.append(batch)
                n += batch.num_rows
                size += batch.nbytes
                if n >= MERGE_ROWS or size >= MERGE_BYTES:
                    writer.write_table(pa.Table.from_batches(buf).cast(schema))
                    buf, n, size = [], 0, 0
        if buf:
            writer.write_table(pa.Table.from_batches(buf).cast(schema))
    fsync_file(str(tmp))
    return name


def _replace_inputs(d: Path, parts: list[str], name: str) -> None:
    """Give the merged temporary file of :func:`_merge_partition` its name, delete its inputs, fsync ``d``."""
    os.replace(d / f".{name}.{os.getpid()}.tmp", d / name)
    for f in parts:
        if f != name:
            (d / f).unlink(missing_ok=True)
    fsync_dir(str(d))


def run_local(sources: list[str], out: str | Path, options: BatchOptions | None = None) -> BatchSummary:
    """Code every article of ``sources`` into the Parquet datasets under ``out`` (see
    :mod:`eventcoder.engines.output`), resuming a previous run into the same directory.

    Args:
        sources: files, directories, globs, URLs (what :func:`eventcoder.ingest.read_sources` reads)
            and Parquet files.
        out: output directory (created).
        options: workers, chunk size, reading and coding settings (:class:`BatchOptions`).
    Returns:
        The run's :class:`BatchSummary` (resumed chunks included).
    Raises:
        InputError: ``out`` is unusable (a file, another engine's output, a different ``chunk_size``, a
            damaged ledger) or the input differs from the run being resumed.
        EventcoderError: a worker process died (out of memory?): finished chunks are kept, rerun to resume.
    """
    opts = options or BatchOptions()
    if opts.chunk_size < 1:
        raise InputError(f"--chunk-size must be at least 1 (got {opts.chunk_size})")
    out = Path(out)
    check_out_dir(out, "local")
    out.mkdir(parents=True, exist_ok=True)
    man = read_manifest(out)
    if man is not None and man.get("chunk_size") != opts.chunk_size:
        raise InputError(f"{out}: was written with --chunk-size {man.get('chunk_size')}; rerun with that "
                         "value to resume, or use a new --out directory")
    if man is None:
        write_json_atomic(out / "_batch.json", {"engine": "local", "layout": LAYOUT,
                                               "chunk_size": opts.chunk_size, "sources": list(sources)})
    ledger = Ledger(out)
    log_path = out / LOG
    with _run_logging(log_path, opts.verbose):
        ledger.recover()
        return _run(sources, out, opts, ledger, log_path)


def _run(sources: list[str], out: Path, opts: BatchOptions, ledger: Ledger, log_path: Path) -> BatchSummary:
    t0 = time.perf_counter()
    summary = BatchSummary(out=str(out), engine="local")
    workers = opts.n_workers()
    pause = float(os.environ.get("EVENTCODER_BATCH_PAUSE", "0") or 0)
    paths = expand(sources)
    progress = {"items": 0}
    ex = _start_pool(workers, opts, out, log_path) if workers > 1 else None
    try:
        bar = _progress_bar(opts.progress, paths, progress)
    except BaseException:
        if ex is not None:
            ex.shutdown(wait=False, cancel_futures=True)
        raise
    failed_in_run = 0

    def add_record(rec: dict[str, Any]) -> None:
        summary.items += rec["items"]
        summary.coded += rec["coded"]
        summary.words += rec["words"]
        summary.skipped.update(rec["skipped"])
        summary.failures.extend(Failure(**f) for f in rec["failures"])
        summary.rows.update(rec["rows"])

    def commit(chunk: Chunk, res: ChunkResult, read_failures: list[Failure], skipped: Counter) -> None:
        nonlocal failed_in_run
        dirs = set()
        for tmp, final in res.files:
            dst = out / final
            fsync_file(tmp)  # durable before it gets its final name
            os.replace(tmp, dst)
            dirs.add(str(dst.parent))
        for d in sorted(dirs):
            fsync_dir(d)
        fails = read_failures + res.failures
        rec = {"chunk": chunk.id, "fingerprint": chunk.fingerprint(), "items": len(chunk.items),
               "coded": res.coded, "words": res.words, "skipped": dict(skipped),
               "rows": {ds: res.rows.get(ds, 0) for ds in DATASETS},
               "failures": [f.to_dict() for f in fails], "files": [f for _, f in res.files],
               "seconds": round(res.seconds, 3)}
        ledger.append(rec)
        add_record(rec)
        summary.coded_now += res.coded
        summary.words_now += res.words
        failed_in_run += len(fails)
        bar.update(len(chunk.items))
        bar.set_postfix(events=summary.rows["events"], failed=failed_in_run, refresh=False)
        if pause:
            time.sleep(pause)

    def split(chunk: Chunk) -> tuple[list[Article], list[Failure], Counter]:
        from ..ingest.report import SkipNotice

        arts: list[Article] = []
        fails: list[Failure] = []
        skipped: Counter = Counter()
        for it in chunk.items:
            if isinstance(it, Article):
                arts.append(it)
            elif isinstance(it, SkipNotice):
                skipped[it.kind] += 1
            else:
                fail_log.error("%s", it)
                src = str(it).split(": ", 1)
                fails.append(Failure(input=src[0], error=src[1] if len(src) > 1 else str(it), stage="read"))
        return arts, fails, skipped

    def resumed(chunk: Chunk) -> bool:
        rec = ledger.chunks.get(chunk.id)
        if rec is None:
            return False
        if rec.get("fingerprint") != chunk.fingerprint():
            raise InputError(f"{out}: chunk {chunk.id} was made from different input; rerun with the same "
                             "sources in the same order, or use a new --out directory")
        add_record(rec)
        summary.resumed += 1
        with bar.get_lock():
            progress["items"] += len(chunk.items)
            if bar.total is not None:
                bar.total = max(bar.n, bar.total - len(chunk.items))
        return True

    stream = chunks(iter_items(paths, opts.published, opts.read), opts.chunk_size)
    try:
        if workers == 1:
            init_worker(opts.coder, str(out), None, opts.verbose)
            for chunk in stream:
                summary.chunks += 1
                if resumed(chunk):
                    continue
                arts, fails, skipped = split(chunk)
                commit(chunk, code_chunk(chunk.id, arts), fails, skipped)
        else:
            _run_pool(ex, stream, workers, out, summary, resumed, split, commit)
    finally:
        bar.close()
        if ex is not None:
            ex.shutdown(wait=False, cancel_futures=True)
    if opts.compact:
        merged = compact(out, ledger)
        if merged:
            log.info("merged the files of %d partitions", merged)
    write_failures(out, summary.failures)
    summary.seconds = time.perf_counter() - t0
    return summary


def _run_pool(ex, stream, workers, out, summary, resumed, split, commit) -> None:
    """Feed chunks to the process pool, at most ``2 × workers`` in flight, committing as they finish.

    The last ``workers`` chunks of the input (known once the stream ends: they are read ahead) are
    coded in :data:`TAIL_PIECES` pieces each, so that no worker sits idle while another codes the last
    chunk alone; such a chunk is committed, as one, when all its pieces are done."""
    limit = 2 * workers
    pending: dict[Future, tuple[int, int]] = {}  # future → (chunk index, piece)
    # chunk index → [chunk, read failures, skips, piece results, pieces left]
    open_chunks: dict[int, list] = {}
    ok = False
    try:
        def drain(block_until: int) -> None:
            while len(pending) > block_until:
                done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
                for fut in sorted(done, key=lambda f: pending[f]):
                    index, piece = pending.pop(fut)
                    state = open_chunks[index]
                    state[3][piece] = fut.result()
                    state[4] -= 1
                    if state[4] == 0:
                        del open_chunks[index]
                        commit(state[0], _joined(state[0].id, state[3]), state[1], state[2])

        def submit(chunk: Chunk, arts: list[Article], fails: list[Failure], skipped: Counter,
                   split_in: int) -> None:
            parts = pieces(arts, split_in)
            open_chunks[chunk.index] = [chunk, fails, skipped, [None] * len(parts), len(parts)]
            for i, part in enumerate(parts):
                args = (chunk.id, part) if len(parts) == 1 else (chunk.id, part, i)
                pending[ex.submit(code_chunk, *args)] = (chunk.index, i)

        ahead: deque = deque()  # chunks read but not yet submitted: the tail, once the stream ends
        for chunk in stream:
            summary.chunks += 1
            if resumed(chunk):
                continue
            ahead.append((chunk, *split(chunk)))
            if len(ahead) > workers:
                submit(*ahead.popleft(), split_in=1)
                drain(limit - 1)
        while ahead:
            submit(*ahead.popleft(), split_in=TAIL_PIECES)
        drain(0)
        ok = True
    except BrokenProcessPool as err:
        raise EventcoderError(f"{out}: a worker process died (out of memory?); {len(Ledger(out).chunks)} "
                              "finished chunks are kept: run the same command again to resume") from err
    finally:
        if not ok:  # interrupted or failed: stop the workers now rather than after their chunk
            for p in list((getattr(ex, "_processes", None) or {}).values()):
                with contextlib.suppress(Exception):
                    p.terminate()
        ex.shutdown(wait=ok, cancel_futures=True)


def _joined(cid: str, results: list[ChunkResult]) -> ChunkResult:
    """The results of a chunk's pieces as the chunk's one result (files, failures in piece order)."""
    if len(results) == 1:
        return results[0]
    res = ChunkResult(chunk=cid)
    for r in results:
        res.files.extend(r.files)
        for ds, n in r.rows.items():
            res.rows[ds] = res.rows.get(ds, 0) + n
        res.coded += r.coded
        res.words += r.words
        res.failures.extend(r.failures)
        res.seconds += r.seconds
    return res
