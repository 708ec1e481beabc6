"""Readers: turn sources (files, directories, globs, URLs) into :class:`~eventcoder.article.Article` records.

:func:`read_sources` is the one entry point. It never raises for a bad input: it yields an
:class:`~eventcoder.article.InputError` in that input's place and goes on with the others, so a batch
loses no work to one bad file. Articles that are read fine but must not be coded (not English, a
duplicate, a page without article text) come as a :class:`SkipNotice` (an ``InputError`` subclass), so
they are reported but can be told apart; :class:`ReadSummary` counts both for the end-of-run summary.

Kinds of source, by name and then by content (gzip-compressed files are decompressed first):

======================  ==============================================================
``*.warc[.gz]``, ARC    WARC/ARC archive: HTML response records (:mod:`.warc`)
``*.jsonl``, ``*.ndjson``  one JSON story a line, with field mapping (:mod:`.jsonl`)
``*.html``, ``<html``   HTML page: trafilatura + htmldate (:mod:`.html`)
``<rss``, ``<feed``     local RSS/Atom file: entries with full content (:mod:`.feeds`)
``http(s)://...``       fetched: a page, or a feed whose entries are fetched (:mod:`.feeds`)
anything else           plain text with the news layout (:mod:`.text`)
======================  ==============================================================
"""

from __future__ import annotations

import glob
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..article import Article, InputError
from . import jsonl, text
from .encoding import DEFAULT_MAX_BYTES, check_size, gunzip, size_mb
from .encoding import decode_bytes as _decode_bytes
from .html import DEFAULT_OPTIONS, HtmlOptions
from .report import ReadSummary, SkipNotice, one_line, tidy

__all__ = [
    "DEFAULT_MAX_BYTES",
    "HtmlOptions",
    "ReadOptions",
    "ReadSummary",
    "SkipNotice",
    "decode_text",
    "length_error",
    "read_bytes",
    "read_file",
    "read_sources",
]

log = logging.getLogger(__name__)

#: Bytes read to sniff a file's kind.
_SNIFF = 8192

_HTML_EXT = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
_FEED_EXT = (".rss", ".atom", ".xml")
_JSONL_EXT = (".jsonl", ".ndjson")


@dataclass
class ReadOptions:
    """How sources are read.

    Attributes:
        max_bytes: largest file (or, in archives and JSONL, record/line) accepted; None or 0: no limit.
        max_chars: longest article text coded (characters; a news story is under 50,000): a longer one is
            an input error, since parsing time grows with it and one huge "article" would stall a batch.
        fields: JSONL field names per field (``{"text": ("body",)}``), see :mod:`.jsonl`.
        languages: languages kept (ISO 639-1); others are skipped with a reason. None keeps every one.
        dedup: skip articles with the canonical URL or text of one already read in this run.
        html: HTML extraction settings.
        fetch: HTTP settings for URL sources (a :class:`.fetch.FetchOptions`; None: the defaults).
    """

    max_bytes: int | None = DEFAULT_MAX_BYTES
    max_chars: int | None = 200_000
    fields: dict[str, tuple[str, ...]] | None = None
    languages: tuple[str, ...] | None = ("en",)
    dedup: bool = True
    html: HtmlOptions = DEFAULT_OPTIONS
    fetch: object | None = None
    _fetcher: object | None = field(default=None, init=False, repr=False)


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _expand(source: str) -> list[str]:
    """A source as a list of file paths: globs expanded, directories walked (sorted), files as is."""
    if _is_url(source):
        return [source]
    if any(ch in source for ch in "*?[") and not os.path.exists(source):
        return sorted(p for p in glob.glob(source, recursive=True) if not os.path.isdir(p)) or [source]
    p = Path(source)
    if p.is_dir():
        files = sorted(str(f) for f in p.rglob("*")
                       if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts))
        return files or [source]
    return [source]


def read_bytes(path: str, max_bytes: int | None = None) -> bytes:
    """Read a whole file, raising :class:`InputError` (one line, naming ``path``) when it cannot be read
    or is larger than ``max_bytes`` (None or 0: no limit)."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{path}: is a directory with no readable files")
    if not p.exists():
        raise InputError(f"{path}: no such file")
    try:
        check_size(p.stat().st_size, path, max_bytes)
        with p.open("rb") as f:  # a pipe or device has no size: never read past the limit
            data = f.read(max_bytes + 1) if max_bytes else f.read()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from err
    if max_bytes and len(data) > max_bytes:
        raise InputError(f"{path}: over the {size_mb(max_bytes)} size limit (--max-bytes)")
    return data


def decode_text(data: bytes, path: str, content_type: str | None = None) -> str:
    """Decode ``data`` as text: BOM, declared charset, UTF-8, else Windows-1252; mojibake and mixed
    UTF-8/Windows-1252 repaired with ftfy (see :mod:`.encoding`).

    Raises:
        InputError: empty file or binary content (NUL bytes, a known binary format).
    """
    return _decode_bytes(data, path, content_type)


def _strip_gz(name: str) -> str:
    return name.removesuffix(".gz")


def read_file(path: str, published: date | None = None,
              options: ReadOptions | None = None) -> Iterator[Article | InputError]:
    """Articles of one file (or URL), by its name and content (see the module doc); per-record
    problems in archives, JSONL files and feeds come as InputError items. No language or duplicate
    checks here (:func:`read_sources` does them).

    Raises:
        InputError: the file as a whole cannot be read (missing, too large, truncated gzip, binary...).
    """
    from . import feeds, warc
    from .html import looks_like_html, parse_html

    opts = options or ReadOptions()
    if _is_url(path):
        yield from feeds.read_url(path, _fetcher(opts), html=opts.html)
        return
    name = path.lower()
    if warc.is_warc_name(name):
        yield from warc.read(path, max_bytes=opts.max_bytes, options=opts.html)
        return
    if _strip_gz(name).endswith(_JSONL_EXT):
        yield from jsonl.read(path, fields=opts.fields, max_bytes=opts.max_bytes)
        return
    raw = read_bytes(path, None if name.endswith(".gz") else opts.max_bytes)
    if raw[:2] == b"\x1f\x8b":
        raw = gunzip(raw, path, opts.max_bytes)
    elif name.endswith(".gz"):
        check_size(len(raw), path, opts.max_bytes)
    if warc.looks_like_warc(raw[:16]):
        import io

        yield from warc.read_stream(io.BytesIO(raw), path, max_bytes=opts.max_bytes, options=opts.html)
        return
    stem = Path(_strip_gz(path)).name
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    base = _strip_gz(name)
    head = raw[:_SNIFF].lstrip()
    if base.endswith(_HTML_EXT) or looks_like_html(raw):
        yield parse_html(raw, path, story_id=stem, published=published, options=opts.html)
        return
    if base.endswith(_FEED_EXT) or (head.startswith(b"<") and feeds.looks_like_feed(head)):
        yield from feeds.read_feed_file(raw, path)
        return
    art = text.parse(_decode_plain(raw, path), story_id=stem, source=path)
    if not art.text.strip():  # as the HTTP API says of such a request text
        raise InputError(f"{path}: no article text (only metadata lines)")
    if art.published is None:  # ``published`` is for files that carry no date: the file's own date line wins
        art.published = published
    yield art


def _decode_plain(raw: bytes, path: str) -> str:
    """A plain-text file carries no charset declaration, so it must be UTF-8 (issue: a non-UTF-8 file is
    an input error, not a guess); valid UTF-8 with mojibake inside is still repaired."""
    text_ = _decode_bytes(raw, path)  # empty / binary checks and repair
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    if not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"{path}: not valid UTF-8 (byte 0x{body[err.start]:02x} at offset {err.start}); "
                             "save it as UTF-8") from err
    return text_


_SURROGATE = re.compile("[\ud800-\udfff]")


def length_error(article: Article, name: str,
                 max_chars: int | None = ReadOptions.max_chars) -> InputError | None:
    """The InputError for an article longer than ``max_chars`` characters (``name``: the input, for the
    message), else None. A news story is under 50,000 characters; parsing time grows with the length."""
    if max_chars and len(article.text) > max_chars:
        return InputError(f"{name}: article too long ({len(article.text):,} characters; "
                          f"the limit is {max_chars:,}: split it into stories)")
    return None


def _lone_surrogate(article: Article) -> str | None:
    """The name of the first text field holding a lone UTF-16 surrogate (JSON "\\ud800"), else None;
    such text cannot be encoded, printed or stored."""
    for name in ("text", "title", "url", "publisher", "id"):
        value = getattr(article, name, None)
        if isinstance(value, str) and _SURROGATE.search(value):
            return name
    return None


def _fetcher(opts: ReadOptions):
    if opts._fetcher is None:
        from .fetch import Fetcher, FetchOptions

        fo = opts.fetch or FetchOptions(max_bytes=opts.max_bytes)
        opts._fetcher = Fetcher(fo)  # type: ignore[arg-type]
    return opts._fetcher


def read_sources(sources: Iterable[str], published: date | None = None,
                 options: ReadOptions | None = None) -> Iterator[Article | InputError]:
    """Every article of every source, in order; an :class:`InputError` in place of each bad input and a
    :class:`SkipNotice` in place of each article not to be coded (other language, duplicate, no text).

    Args:
        sources: file paths, directories (walked, hidden files left out), glob patterns, http(s) URLs.
        published: a :class:`datetime.date` to use for articles that carry none (e.g. ``--published``).
        options: limits, JSONL field mapping, languages, de-duplication (:class:`ReadOptions`).
    """
    from .dedup import Deduplicator
    from .lang import check as check_language

    opts = options or ReadOptions()
    dedup = Deduplicator() if opts.dedup else None
    try:
        for source in sources:
            for path in _expand(source):
                try:
                    for item in read_file(path, published=published, options=opts):
                        if isinstance(item, Article):
                            if item.published is None and published is not None:
                                item.published = published
                            bad = _lone_surrogate(item)
                            if bad is not None:
                                yield tidy(InputError(f"{item.source or path}: invalid Unicode in {bad} "
                                                      "(a lone surrogate, e.g. a broken \\ud800 escape)"))
                                continue
                            too_long = length_error(item, item.source or path, opts.max_chars)
                            if too_long is not None:
                                yield tidy(too_long)
                                continue
                            skip = check_language(item, opts.languages)
                            if skip is None and dedup is not None:
                                skip = dedup.check(item)
                            if skip is not None:
                                yield skip
                                continue
                        yield tidy(item)
                except InputError as err:
                    yield tidy(err)
                except Exception as err:  # a reader bug must not end the batch
                    log.debug("reader failed on %s", path, exc_info=True)
                    msg = str(err).splitlines()[0] if str(err) else "no detail"
                    yield tidy(InputError(f"{one_line(path)}: cannot read ({err.__class__.__name__}: {msg})"))
    finally:
        if opts._fetcher is not None:
            opts._fetcher.close()
            opts._fetcher = None
