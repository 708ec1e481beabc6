"""The input stream of a batch, identical for both engines: files in order, articles in file order.

A batch reads its sources one *file* at a time with :func:`read_file_items` (the Spark engine runs it
on executors, one task per file; the local engine in its main process), then drops duplicates with one
:class:`~eventcoder.ingest.dedup.Deduplicator` over the whole stream, in stream order. Everything but
Parquet goes through :func:`eventcoder.ingest.read_sources` (text, JSONL, HTML, WARC, feeds, URLs),
with de-duplication switched off there and done here instead, so that "first one wins" means the
same in both engines. Parquet files (``*.parquet``, e.g. a ``stories`` dataset of an earlier batch or
a corpus exported by another tool) are read here with pyarrow, in record batches, with the JSONL
field mapping (:func:`eventcoder.ingest.jsonl.article_from_record`), so the ``stories`` dataset of a
batch can be coded again.

Directory sources are walked in sorted order (hidden files left out, as ``read_sources`` does); files
whose name starts with ``_`` (Hadoop/Spark markers such as ``_SUCCESS``) or ends in ``.crc`` are left
out of directory walks too.
"""

from __future__ import annotations

import dataclasses
import gzip
import logging
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..article import Article, InputError

log = logging.getLogger(__name__)

#: Rows read from a Parquet file at a time.
PARQUET_BATCH = 256

#: Date fields of the JSONL mapping; a Parquet row with none of them but a ``story_date`` (the stories
#: dataset of a batch) takes that as its publication date.
_DATE_FIELDS = ("published", "date", "publish_date", "publication_date")


def is_parquet(path: str) -> bool:
    """True for a Parquet file name (``*.parquet``, ``*.parq``)."""
    return path.lower().endswith((".parquet", ".parq"))


def expand(sources: Iterable[str]) -> list[str]:
    """The files a batch reads, in order: each source expanded like ``read_sources`` does (globs sorted,
    directories walked sorted without hidden files; URLs kept), marker files left out of walks."""
    from ..ingest import _expand  # the readers' own expansion, so both engines list the same files

    out: list[str] = []
    for source in sources:
        walked = not source.lower().startswith(("http://", "https://")) and Path(source).is_dir()
        for path in _expand(source):
            name = Path(path).name
            if walked and (name.startswith("_") or name.endswith(".crc")):
                continue
            out.append(path)
    return out


def read_parquet(path: str, published: date | None = None, options=None,
                 display: str | None = None) -> Iterator[Article | InputError]:
    """Articles of one Parquet file, one per row, fields mapped as for JSONL; a row without text or with
    an unreadable date becomes an InputError naming ``<file>:<row>`` (rows count from 1).

    Args:
        path: the file on local disk.
        published: date for rows without one.
        options: a :class:`~eventcoder.ingest.ReadOptions` (``fields`` and ``languages`` are used).
        display: the name used in ids and messages (default ``path``; the Spark engine passes the
            original URI of a file it copied to local disk).
    Raises:
        InputError: the file is not a readable Parquet file.
    """
    import pyarrow.parquet as pq

    from ..ingest import lang
    from ..ingest.jsonl import article_from_record

    name = display or path
    stem = Path(name).name.split(".")[0]
    fields = getattr(options, "fields", None)
    languages = getattr(options, "languages", ("en",))
    try:
        pf = pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises ArrowInvalid, OSError...
        raise InputError(f"{name}: not a readable Parquet file ({str(err).splitlines()[0]})") from err
    n = 0
    for batch in pf.iter_batches(batch_size=PARQUET_BATCH):
        for obj in batch.to_pylist():
            n += 1
            if obj.get("story_date") is not None and not any(obj.get(k) for k in _DATE_FIELDS):
                obj["published"] = obj["story_date"]  # a stories dataset written by a batch
            try:
                art = article_from_record(obj, f"{stem}:{n}", source=f"{name}:{n}", fields=fields)
            except (ValueError, TypeError) as err:
                yield InputError(f"{name}:{n}: {str(err).splitlines()[0] if str(err) else 'bad record'}")
                continue
            if art.published is None and published is not None:
                art.published = published
            skip = lang.check(art, languages)
            yield skip if skip is not None else art


def read_file_items(path: str, published: date | None = None, options=None,
                    display: str | None = None) -> Iterator[Article | InputError]:
    """Every item of one file, in order, without de-duplication: Articles, and InputErrors/SkipNotices
    in place of bad records, other languages and unreadable files. Never raises for bad input.

    Args:
        path: a local file path or an http(s) URL.
        published, options: as for :func:`eventcoder.ingest.read_sources`.
        display: name to use in ids and messages instead of ``path`` (Spark: the original URI).
    """
    from ..ingest import ReadOptions, read_sources

    opts = dataclasses.replace(options or ReadOptions(), dedup=False)
    if is_parquet(path):
        try:
            yield from read_parquet(path, published, opts, display)
        except InputError as err:
            yield err
        return
    for item in read_sources([path], published=published, options=opts):
        if display and display != path:
            item = _renamed(item, path, display)
        yield item


def _renamed(item: Article | InputError, path: str, display: str) -> Article | InputError:
    """``item`` with the local copy's name ``path`` replaced by the original ``display`` name."""
    from ..ingest.report import SkipNotice

    if isinstance(item, Article):
        if item.source:
            item.source = item.source.replace(path, display)
        return item
    if isinstance(item, SkipNotice):
        return SkipNotice(item.source.replace(path, display), item.reason, kind=item.kind)
    return InputError(str(item).replace(path, display))


def iter_items(sources: Iterable[str], published: date | None = None,
               options=None) -> Iterator[Article | InputError]:
    """The whole input stream of a batch (see the module doc): every file's items in order, with later
    duplicates replaced by a :class:`~eventcoder.ingest.report.SkipNotice` when ``options.dedup``."""
    from ..ingest import ReadOptions
    from ..ingest.dedup import Deduplicator

    opts = options or ReadOptions()
    dedup = Deduplicator() if opts.dedup else None
    for path in expand(sources):
        for item in read_file_items(path, published, opts):
            if dedup is not None and isinstance(item, Article):
                skip = dedup.check(item)
                if skip is not None:
                    yield skip
                    continue
            yield item


def count_records(paths: Iterable[str]) -> int | None:
    """About how many items the files hold (JSONL: non-blank lines; Parquet: rows; other files: one), for
    a progress bar's total; None when a file's count cannot be known cheaply (WARC archives, URLs)."""
    import pyarrow.parquet as pq

    total = 0
    for path in paths:
        low = path.lower()
        if low.startswith(("http://", "https://")) or ".warc" in low or low.endswith((".arc", ".arc.gz")):
            return None
        base = low.removesuffix(".gz")
        try:
            if is_parquet(low):
                total += pq.ParquetFile(path).metadata.num_rows
            elif base.endswith((".jsonl", ".ndjson")):
                with open(path, "rb") as fh:
                    gz = fh.read(2) == b"\x1f\x8b"
                with (gzip.open(path, "rb") if gz else open(path, "rb")) as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                total += 1
        except Exception:  # the reader reports bad files; the total is only a hint
            log.debug("cannot count the records of %s", path, exc_info=True)
            total += 1
    return total
