"""The Spark engine: the same per-article coding, run by PySpark over partitions, on any Spark master.

The job, in four steps (``DIR`` is the output directory, a local path or any Hadoop URI such as
``s3a://bucket/out`` or ``hdfs:///out``):

1. **Read.** The sources are listed on the driver (local paths as ``eventcoder batch`` lists them,
   other URIs with Hadoop's file system, globs and directories included). Each file is one task that
   runs :func:`.sources.read_file_items`, the reader the local engine uses: JSONL, Parquet, WARC, HTML,
   text. Local files (in ``local[...]`` mode) are read in place; files on HDFS or object storage come
   through ``SparkContext.binaryFiles`` and are read from a temporary copy on the executor. Every item
   carries its place in the stream (file number, record number). The items are persisted on disk.
2. **De-duplicate** (unless ``--no-dedup``). The executors compute each article's canonical URL and text
   fingerprint; the driver walks those keys in stream order, as :class:`~eventcoder.ingest.dedup.
   Deduplicator` would, so the same articles are dropped as by the local engine.
3. **Code.** The articles are spread over ``partitions`` tasks; each Python worker keeps one
   :class:`~eventcoder.coder.Coder` (a lazy module-level singleton, loaded on its first partition and
   reused while the worker lives), codes its partition in batches with :func:`.work.rows_and_failures`
   and yields the rows of :func:`.output.rows_of`, persisted on disk.
4. **Write.** Each dataset is written with Spark's Parquet writer, partitioned by ``year`` and
   ``month`` of the story date and shuffled so each partition is one file; failures go to
   ``DIR/failures.jsonl``, the run description to ``DIR/_batch.json``.

The rows are those of the local engine (same event ids, same values); only file names differ. A killed
Spark job is simply run again: each dataset is written in Spark's ``overwrite`` mode with its output
committer, so nothing is doubled (Spark retries failed tasks by itself).
"""

from __future__ import annotations

import atexit
import dataclasses
import logging
import os
import shutil
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from ..article import Article, InputError
from .common import FAILURES, LAYOUT, MANIFEST, BatchOptions, BatchSummary
from .ledger import LEDGER
from .output import DATASETS, SCHEMAS
from .work import PARSE_WORDS, Failure, release_memory, rows_and_failures

log = logging.getLogger(__name__)

#: Articles coded per ``nlp.pipe`` call inside a partition.
CODE_BATCH = 32

_CODERS: dict[str, Any] = {}

_LOG4J = """\
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = stderr
appender.console.type = Console
appender.console.name = stderr
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
logger.apache.name = org.apache
logger.apache.level = error
logger.netty.name = io.netty
logger.netty.level = error
"""


def get_coder(kwargs: dict[str, Any]):
    """The Coder of this Python process for ``kwargs``, created on first use (one model per worker); its
    tok2vec layers embed long articles window by window (:func:`eventcoder.nlp.bound_tok2vec_memory`)."""
    key = repr(sorted(kwargs.items()))
    coder = _CODERS.get(key)
    if coder is None:
        from ..coder import Coder
        from ..nlp import bound_tok2vec_memory

        coder = Coder(**kwargs)
        bound_tok2vec_memory(coder.nlp)
        try:
            _ = coder.gazetteer
        except Exception:  # the coder copes without a gazetteer
            log.warning("gazetteer unavailable", exc_info=True)
        _CODERS[key] = coder
    return coder


# -- Spark setup ----------------------------------------------------------------------------------------
def _under_spark_submit() -> bool:
    """True when this Python process was started by ``spark-submit`` (its master and conf then win)."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


def session(master: str = "local[*]", conf: dict[str, str] | None = None, progress: bool | None = None):
    """A SparkSession set up to start quietly: no web UI, errors-only logging, local dirs under the
    temporary directory, zstd Parquet, Python workers on this interpreter in local mode. ``conf``
    overrides any of these; under ``spark-submit`` its own ``--master`` and ``--conf`` win.

    Raises:
        InputError: pyspark is not installed or Java cannot be started.
    """
    warnings.filterwarnings("ignore", category=FutureWarning, module=r"pyspark.*")
    try:
        from pyspark.sql import SparkSession
    except ImportError as err:
        raise InputError("the spark engine needs pyspark: pip install 'eventcoder[spark]'") from err
    tmp = Path(tempfile.gettempdir()) / f"eventcoder-spark-{os.getpid()}"
    tmp.mkdir(parents=True, exist_ok=True)
    atexit.register(shutil.rmtree, tmp, True)  # Spark's local dirs and the log settings, gone at exit
    log4j = tmp / "log4j2.properties"
    log4j.write_text(_LOG4J, encoding="utf-8")
    builder = SparkSession.builder.appName("eventcoder batch")
    settings = {
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "true" if progress or (progress is None and sys.stderr.isatty())
        else "false",
        "spark.sql.parquet.compression.codec": "zstd",
        "spark.sql.sources.partitionOverwriteMode": "static",
        "spark.python.worker.reuse": "true",
        # one BLAS thread per Python worker, as the CLI sets for itself (eventcoder.cli.BLAS_ENV)
        **{f"spark.executorEnv.{k}": os.environ.get(k, "1")
           for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")},
    }
    if not _under_spark_submit():
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        builder = builder.master(master)
        settings.update({
            "spark.local.dir": str(tmp),
            "spark.driver.extraJavaOptions": f"-Dlog4j2.configurationFile=file:{log4j}",
            "spark.sql.warehouse.dir": str(tmp / "warehouse"),
        })
    settings.update(conf or {})
    for k, v in settings.items():
        builder = builder.config(k, v)
    try:
        spark = builder.getOrCreate()
    except Exception as err:  # Java missing, port in use...
        msg = str(err).splitlines()[0] if str(err) else err.__class__.__name__
        raise InputError(f"cannot start Spark (master {master}): {msg}") from err
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _hadoop_fs(spark, uri: str):
    jvm = spark._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    return path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), path


def _has_scheme(uri: str) -> bool:
    head = uri.split("/", 1)[0]
    return ":" in head and len(head.split(":", 1)[0]) > 1  # not a Windows drive letter


def _local_path(uri: str) -> str | None:
    """The local path of ``uri`` (plain path or ``file:``), or None for other schemes."""
    if uri.startswith("file://"):
        return uri[len("file://"):]
    if uri.startswith("file:"):
        return uri[len("file:"):]
    return None if _has_scheme(uri) else uri


def list_files(spark, sources: Iterable[str]) -> list[tuple[str, bool]]:
    """The files of ``sources`` in stream order, each as ``(uri, direct)``: ``direct`` when Python on the
    executors can open it itself (local paths in local mode, and http(s) URLs).

    Raises:
        InputError: a source on a Hadoop file system matches nothing.
    """
    from .sources import expand

    local_mode = spark.sparkContext.master.startswith("local")
    out: list[tuple[str, bool]] = []
    for source in sources:
        lp = _local_path(source)
        if source.lower().startswith(("http://", "https://")) or (local_mode and lp is not None):
            out.extend((p, True) for p in expand([lp if lp is not None else source]))
            continue
        fs, path = _hadoop_fs(spark, source)
        statuses = fs.globStatus(path)
        if not statuses:
            raise InputError(f"{source}: no such file or directory")
        for st in sorted(statuses, key=lambda s: s.getPath().toString()):
            if not st.isDirectory():
                out.append((st.getPath().toString(), False))
                continue
            root = st.getPath().toString().rstrip("/") + "/"
            it = fs.listFiles(st.getPath(), True)
            found = []
            while it.hasNext():
                f = it.next().getPath().toString()
                rel = f[len(root):] if f.startswith(root) else f.rsplit("/", 1)[-1]
                parts = rel.split("/")
                if any(p.startswith(".") for p in parts) or parts[-1].startswith("_") or f.endswith(".crc"):
                    continue
                found.append(f)
            out.extend((f, False) for f in sorted(found))
    return out


# -- executor side --------------------------------------------------------------------------------------
def _encode(order: tuple[int, int], item: Article | InputError) -> tuple:
    """A stream item as a picklable tuple: ``(order, "A", article)``, ``(order, "S", (source, reason,
    kind))`` for a skip, ``(order, "E", message)`` for a read error."""
    from ..ingest.report import SkipNotice

    if isinstance(item, Article):
        return (order, "A", item)
    if isinstance(item, SkipNotice):
        return (order, "S", (item.source, item.reason, item.kind))
    return (order, "E", str(item))


def _read_direct(task: tuple[int, str], published, read_options) -> Iterator[tuple]:
    from .sources import read_file_items

    index, path = task
    for n, item in enumerate(read_file_items(path, published, read_options)):
        yield _encode((index, n), item)


def _read_bytes(pair: tuple[str, bytes], index: dict[str, int], published, read_options) -> Iterator[tuple]:
    """Read one file that ``binaryFiles`` delivered as bytes, from a temporary copy with its name."""
    from .sources import read_file_items

    uri, data = pair
    name = uri.rstrip("/").rsplit("/", 1)[-1] or "input"
    with tempfile.TemporaryDirectory(prefix="eventcoder-") as d:
        local = os.path.join(d, name)
        with open(local, "wb") as fh:
            fh.write(data)
        del data
        i = index[uri] if uri in index else index[_uri_path(uri)]
        for n, item in enumerate(read_file_items(local, published, read_options, display=uri)):
            yield _encode((i, n), item)


def _uri_path(uri: str) -> str:
    """The path part of a URI (``hdfs://nn:8020/a/b`` → ``/a/b``), to match the names ``binaryFiles``
    gives with those the driver listed when one of them leaves out the authority."""
    from urllib.parse import urlparse

    return urlparse(uri).path or uri


def _dedup_keys(rec: tuple) -> tuple:
    from ..ingest.dedup import canonical_url, text_key

    order, _, art = rec
    return order, art.id, art.source or art.id, canonical_url(art.url), text_key(art)


def _code_partition(articles: Iterable[Article], coder_kwargs: dict[str, Any]) -> Iterator[tuple]:
    """Code a partition: one row of :func:`coded_schema` per output row or failure, i.e. ``(kind, year,
    month, events, stories, entities, quotes, failure)`` with ``kind`` a dataset name or ``"_failed"``
    and only that kind's column set. The coder is loaded once per Python worker."""
    coder = get_coder(coder_kwargs)
    batch: list[Article] = []
    slot = {ds: i for i, ds in enumerate(DATASETS)}

    def flush() -> Iterator[tuple]:
        rows, failures = rows_and_failures(coder, batch, batch_words=PARSE_WORDS)
        for a, r in rows:
            y, m = (a.published.year, a.published.month) if a.published else (None, None)
            for ds in DATASETS:
                for row in r[ds]:
                    cols: list[Any] = [None] * (len(DATASETS) + 1)
                    cols[slot[ds]] = row
                    yield (ds, y, m, *cols)
        for f in failures:
            yield ("_failed", None, None, *([None] * len(DATASETS)), f.to_dict())
        del rows
        release_memory()

    for a in articles:
        batch.append(a)
        if len(batch) >= CODE_BATCH:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


# -- driver ---------------------------------------------------------------------------------------------
def coded_schema():
    """The Spark schema of the coded rows: ``kind`` (a dataset name or ``"_failed"``), the integer
    partition columns ``year`` and ``month``, one struct column per dataset (its Arrow schema,
    :data:`.output.SCHEMAS`) and ``failure`` (input, story_id, stage, error)."""
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    fields = [StructField("kind", StringType(), False), StructField("year", IntegerType(), True),
              StructField("month", IntegerType(), True)]
    fields += [StructField(ds, from_arrow_schema(SCHEMAS[ds]), True) for ds in DATASETS]
    fields.append(StructField("failure", StructType(
        [StructField(n, StringType(), True) for n in ("input", "story_id", "stage", "error")]), True))
    return StructType(fields)


def _write_text(spark, uri: str, text: str) -> None:
    fs, path = _hadoop_fs(spark, uri)
    stream = fs.create(path, True)
    try:
        stream.write(bytearray(text.encode("utf-8")))
    finally:
        stream.close()


def _read_text(spark, uri: str) -> str | None:
    fs, path = _hadoop_fs(spark, uri)
    if not fs.exists(path):
        return None
    jvm = spark._jvm
    stream = fs.open(path)
    try:
        return jvm.org.apache.commons.io.IOUtils.toString(stream, "UTF-8")
    finally:
        stream.close()


def _check_out(spark, out: str) -> None:
    import json

    fs, path = _hadoop_fs(spark, out.rstrip("/") + "/" + LEDGER)
    if fs.exists(path):
        raise InputError(f"{out}: holds a run of the local engine; use a new --out directory")
    man = _read_text(spark, out.rstrip("/") + "/" + MANIFEST)
    if man is not None:
        try:
            engine = json.loads(man).get("engine")
        except ValueError:
            engine = None
        if engine != "spark":
            raise InputError(f"{out}: holds a run of the {engine} engine; use a new --out directory")


class _Clock:
    """Logs the seconds each step of the job took (``eventcoder -v batch ...``)."""

    def __init__(self) -> None:
        self.t = time.perf_counter()

    def lap(self, what: str) -> None:
        now = time.perf_counter()
        log.info("spark: %s in %.1f s", what, now - self.t)
        self.t = now


def run_spark(sources: list[str], out: str | Path, options: BatchOptions | None = None,
              master: str = "local[*]", partitions: int | None = None,
              conf: dict[str, str] | None = None, spark=None) -> BatchSummary:
    """Code ``sources`` into the Parquet datasets under ``out`` with Spark (see the module doc).

    Args:
        sources: local paths (in ``local[...]`` mode), Hadoop URIs (``hdfs://``, ``s3a://``, ``gs://``,
            ``abfss://``...), globs and directories of JSONL, Parquet, WARC, HTML or text files.
        out: output directory or URI; its datasets are overwritten.
        options: reading and coding settings (``workers``, ``chunk_size`` and ``compact`` are the local
            engine's and are ignored).
        master: Spark master URL (ignored under ``spark-submit``, whose ``--master`` wins).
        partitions: coding tasks (default: four per core of the cluster, ``defaultParallelism × 4``).
        conf: extra Spark settings.
        spark: an existing SparkSession to use (left running); by default one is started and stopped.
    Raises:
        InputError: Spark cannot start, a source matches nothing, or ``out`` holds a local-engine run.
    """
    opts = options or BatchOptions()
    t0 = time.perf_counter()
    own = spark is None
    if own:
        spark = session(master, conf, opts.progress)
    try:
        summary = _run(spark, [str(s) for s in sources], str(out), opts, partitions)
    finally:
        if own:
            spark.stop()
    summary.seconds = time.perf_counter() - t0
    return summary


def _run(spark, sources: list[str], out: str, opts: BatchOptions, partitions: int | None) -> BatchSummary:
    import json

    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from ..ingest import ReadOptions

    sc = spark.sparkContext
    out = out.rstrip("/")
    _check_out(spark, out)
    ropts = opts.read or ReadOptions()
    read_opts = dataclasses.replace(ropts, dedup=False)
    files = list_files(spark, sources)
    direct = [(i, uri) for i, (uri, d) in enumerate(files) if d]
    remote = {uri: i for i, (uri, d) in enumerate(files) if not d}
    index = {**{_uri_path(u): i for u, i in remote.items()}, **remote}
    parts = []
    if direct:
        parts.append(sc.parallelize(direct, numSlices=len(direct))
                     .flatMap(partial(_read_direct, published=opts.published, read_options=read_opts)))
    if remote:
        parts.append(sc.binaryFiles(",".join(remote))
                     .flatMap(partial(_read_bytes, index=index, published=opts.published,
                                      read_options=read_opts)))
    if not parts:
        raise InputError("no input files")
    items = parts[0] if len(parts) == 1 else sc.union(parts)
    items = items.persist(StorageLevel.DISK_ONLY)
    clock = _Clock()

    summary = BatchSummary(out=out, engine="spark")
    failures: list[tuple[tuple[int, int], Failure]] = []
    dups: dict[tuple[int, int], tuple[str, str, str]] = {}
    n_articles = 0
    if ropts.dedup:  # the rule of ingest.dedup.Deduplicator.check, walked in stream order
        urls: dict[str, str] = {}
        texts: dict[str, str] = {}
        keys = items.filter(lambda r: r[1] == "A").map(_dedup_keys).sortBy(lambda k: k[0])
        for order, sid, where, ukey, tkey in keys.toLocalIterator():
            n_articles += 1
            if ukey is not None and ukey in urls:
                dups[order] = (where, f"duplicate of {urls[ukey]} (same URL)", "duplicate")
                continue
            if tkey is not None and tkey in texts:
                dups[order] = (where, f"duplicate of {texts[tkey]} (same text)", "duplicate")
                continue
            if ukey is not None:
                urls[ukey] = sid
            if tkey is not None:
                texts[tkey] = sid
        del urls, texts
    else:
        n_articles = items.filter(lambda r: r[1] == "A").count()
    clock.lap(f"read {len(files)} files: {n_articles} articles, {len(dups)} duplicates")
    drop = sc.broadcast(frozenset(dups))
    to_code = items.filter(lambda r: r[1] == "A" and r[0] not in drop.value).map(lambda r: r[2])
    n_parts = partitions or max(2, sc.defaultParallelism * 4)
    coded = spark.createDataFrame(
        to_code.repartition(n_parts).mapPartitions(partial(_code_partition, coder_kwargs=dict(opts.coder))),
        schema=coded_schema(), verifySchema=False).persist(StorageLevel.DISK_ONLY)

    for ds in DATASETS:
        (coded.where(F.col("kind") == ds).select(f"{ds}.*", "year", "month")
         .repartition("year", "month").write.mode("overwrite").partitionBy("year", "month")
         .option("compression", "zstd").parquet(f"{out}/{ds}"))
        clock.lap(f"wrote {ds}" + (" (coding included)" if ds == DATASETS[0] else ""))

    stats = {r["kind"]: (r["n"], r["words"] or 0) for r in coded.groupBy("kind").agg(
        F.count(F.lit(1)).alias("n"), F.sum("stories.words").alias("words")).collect()}
    for ds in DATASETS:
        summary.rows[ds] = stats.get(ds, (0, 0))[0]
    summary.coded = summary.coded_now = summary.rows["stories"]
    summary.words = summary.words_now = stats.get("stories", (0, 0))[1]
    summary.items = n_articles
    for order, kind, payload in items.filter(lambda r: r[1] != "A").collect():
        summary.items += 1
        if kind == "S":
            summary.skipped[payload[2]] += 1
        else:
            src = payload.split(": ", 1)
            failures.append((order, Failure(input=src[0], error=src[1] if len(src) > 1 else payload,
                                            stage="read")))
    summary.skipped.update(Counter(k for _, _, k in dups.values()))
    coded_fail = [Failure(**r.asDict()) for r in coded.where(F.col("kind") == "_failed")
                  .select("failure.*").collect()]
    summary.failures = [f for _, f in sorted(failures, key=lambda t: t[0])] + sorted(
        coded_fail, key=lambda f: (f.input, f.story_id or ""))
    summary.chunks = n_parts
    clock.lap("counted rows, skips and failures")
    coded.unpersist()
    items.unpersist()

    _write_text(spark, f"{out}/{FAILURES}",
                "".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in summary.failures))
    _write_text(spark, f"{out}/{MANIFEST}", json.dumps(
        {"engine": "spark", "layout": LAYOUT, "master": sc.master, "partitions": n_parts,
         "sources": sources}, indent=2) + "\n")
    return summary
