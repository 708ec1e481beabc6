"""WARC and ARC archives (``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz``), read with warcio.

Only ``response`` records (ARC records are converted to them by warcio) whose HTTP status is 2xx and
whose payload is HTML (``Content-Type`` text/html or application/xhtml+xml, or HTML-looking bytes when
the header is missing) become articles, through :func:`eventcoder.ingest.html.parse_html` with
``url`` = ``WARC-Target-URI`` and ``crawl_date`` = ``WARC-Date``. Request, metadata, warcinfo, revisit
and resource records, redirects, errors and non-HTML payloads are passed over silently (counted in the
debug log).

The archive is streamed; ``max_bytes`` limits each record's payload, not the file. A bad record yields
an :class:`~eventcoder.article.InputError` naming the archive and the record's URI, and the next record
is read. An archive cut short (truncated gzip member or record) yields one error at that point, after
all complete records before it.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import logging
import zlib
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from ..article import Article, InputError
from .encoding import DEFAULT_MAX_BYTES, check_size
from .html import DEFAULT_OPTIONS, HtmlOptions, looks_like_html, parse_html
from .report import one_line

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc_name(path: str) -> bool:
    """True for file names WARC/ARC archives use."""
    return path.lower().endswith((".warc", ".warc.gz", ".arc", ".arc.gz", ".warc.wet.gz"))


def looks_like_warc(head: bytes) -> bool:
    """True when (decompressed) bytes start like a WARC record or an ARC file header."""
    return head.startswith((b"WARC/", b"filedesc://"))


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def read_stream(stream: BinaryIO, name: str, max_bytes: int | None = DEFAULT_MAX_BYTES,
                options: HtmlOptions = DEFAULT_OPTIONS) -> Iterator[Article | InputError]:
    """Articles (and per-record errors/skips) of the WARC/ARC archive in ``stream``; see module doc.

    Args:
        stream: the archive, compressed or not, opened in binary mode.
        name: its name for messages (``"<name> [<target URI>]"`` names a record).
        max_bytes: the largest record payload accepted (None or 0: no limit).
        options: HTML extraction settings.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    logging.getLogger("warcio").setLevel(logging.ERROR)  # its per-record warnings become our one-line errors
    passed = Counter()
    n = 0
    uri = None
    archive = ArchiveIterator(stream, arc2warc=True)
    records = iter(archive)
    try:
        while True:
            noise = io.StringIO()
            malformed = None
            with contextlib.redirect_stderr(noise):  # warcio prints damage warnings on stderr
                try:
                    record = next(records, None)
                except (AttributeError, TypeError, KeyError, IndexError) as err:
                    # warcio trips over malformed headers (a response record without WARC-Target-URI)
                    malformed = err
            if malformed is not None:
                yield InputError(f"{name}: malformed record {n + 1}, its headers cannot be parsed "
                                 f"({malformed.__class__.__name__}: {malformed})")
                return
            if noise.getvalue():
                log.debug("%s: warcio: %s", name, noise.getvalue().strip())
            if record is None:
                break
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{name} [{one_line(uri, 200) or f'record {n}'}]"
            if record.rec_type != "response":
                passed[record.rec_type] += 1
                continue
            http = record.http_headers
            status = http.get_statuscode() if http is not None else None
            if status is not None and not str(status).startswith("2"):
                passed[f"HTTP {status}"] += 1
                continue
            ctype = (http.get_header("Content-Type") if http is not None else None) or ""
            if ctype and not ctype.lower().split(";")[0].strip() in _HTML_TYPES:
                passed[ctype.split(";")[0].strip() or "no type"] += 1
                continue
            length = record.rec_headers.get_header("Content-Length")
            try:
                if length and length.isdigit():
                    check_size(int(length), where, max_bytes)
                payload = record.content_stream().read((max_bytes or (1 << 62)) + 1)
                check_size(len(payload), where, max_bytes)
            except InputError as err:
                yield err
                continue
            while record.raw_stream.read(1 << 16):  # what is left of the block (nothing, normally)
                pass
            missing = getattr(record.raw_stream, "limit", 0) or 0
            if missing > 0:
                yield InputError(f"{where}: truncated record ({missing} bytes missing at the end of the archive)")
                continue
            if not ctype and not looks_like_html(payload):
                passed["not HTML"] += 1
                continue
            try:
                yield parse_html(
                    payload, where, url=uri,
                    crawl_date=_warc_date(record.rec_headers.get_header("WARC-Date")),
                    content_type=ctype or None, options=options,
                )
            except InputError as err:
                yield err
            except Exception as err:  # one odd page must not end a large archive
                log.debug("extraction failed on %s", where, exc_info=True)
                yield InputError(f"{where}: cannot read ({err.__class__.__name__}: {err})")
    except ArchiveLoadFailed as err:
        msg = str(err).splitlines()[0] if str(err) else "unknown format"
        if n == 0:
            yield InputError(f"{name}: not a WARC/ARC archive ({msg})")
        else:
            yield InputError(f"{name}: corrupt archive after record {n} ({msg})")
    except (EOFError, zlib.error, OSError, ValueError) as err:
        yield InputError(f"{name}: truncated or corrupt archive after record {n} "
                         f"({err.__class__.__name__}: {err})")
    else:
        end = _size(stream)
        if end is not None and archive.offset < end:
            yield InputError(f"{name}: truncated or corrupt archive after record {n} "
                             f"({end - archive.offset} bytes at offset {archive.offset} could not be read)")
    if passed:
        log.debug("%s: records passed over: %s", name, dict(passed))


def _size(stream: BinaryIO) -> int | None:
    """The stream's length in bytes, when it can seek; None otherwise."""
    try:
        here = stream.tell()
        end = stream.seek(0, io.SEEK_END)
        stream.seek(here)
        return end
    except (OSError, ValueError, AttributeError):
        return None


def read(path: str, max_bytes: int | None = DEFAULT_MAX_BYTES,
         options: HtmlOptions = DEFAULT_OPTIONS) -> Iterator[Article | InputError]:
    """Articles of the WARC/ARC file at ``path`` (see :func:`read_stream`).

    Raises:
        InputError: the file is missing or cannot be opened.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file" if not p.exists() else f"{path}: not a regular file")
    try:
        fh = p.open("rb")
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from err
    with fh:
        head = fh.read(2)
        fh.seek(0)
        try:
            head = gzip.GzipFile(fileobj=fh).read(16) if head == b"\x1f\x8b" else fh.read(16)
        except (EOFError, OSError, zlib.error) as err:
            raise InputError(f"{path}: truncated or corrupt gzip data ({err})") from err
        if not looks_like_warc(head):
            raise InputError(f"{path}: not a WARC/ARC archive (it starts with {head[:12]!r})")
        fh.seek(0)
        yield from read_stream(fh, path, max_bytes=max_bytes, options=options)
