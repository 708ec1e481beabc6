"""JSONL stories (``.jsonl``, ``.jsonl.gz``, ``.ndjson``): one JSON object a line.

Fields (first present wins): id ← ``id``, ``ID``, ``story_id``, ``uid``; text ← ``text``, ``content``,
``content_original``, ``body``, ``article``; published ← ``published``, ``date``, ``publish_date``,
``publication_date``; title ← ``title``, ``headline``; url ← ``url``, ``link``; publisher ←
``publisher``, ``source``, ``publication``; language ← ``language``, ``lang``. ``fields`` (the
``--id-field``, ``--text-field``, ... options) replaces the names looked for, per field. A story
without an id gets ``<file name>:<line number>``.

The file is streamed (a 100 MB ``.jsonl.gz`` is fine); ``max_bytes`` limits each *line*, not the file.
A bad line (not JSON, no text, over the size limit, an unreadable date) becomes an
:class:`~eventcoder.article.InputError` naming the file and line; the other lines are still read. A
line that is not valid UTF-8 is decoded as Windows-1252 and repaired (mixed encodings, mojibake) rather
than rejected; a gzip file cut short yields one error at the point where it ends, after every complete
line before it.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from ..article import Article, InputError, TextBlock
from .encoding import DEFAULT_MAX_BYTES, repair_text, size_mb
from .text import dateline_at, drop_photo_credits

FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "ID", "story_id", "uid"),
    "text": ("text", "content", "content_original", "body", "article"),
    "published": ("published", "date", "publish_date", "publication_date"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "publisher": ("publisher", "source", "publication"),
    "language": ("language", "lang"),
}

#: Bytes read at a time when skipping the rest of an over-long line.
_CHUNK = 1 << 20


def _first(obj: dict, names: tuple[str, ...]):
    for n in names:
        v = obj.get(n)
        if v not in (None, ""):
            return v
    return None


#: dateparser settings for a record's publication date: absolute dates only. Relative phrases
#: ("yesterday", "2 hours ago", "Tuesday") and dates without a year or month would be filled in from the
#: clock of the machine that reads the file, so the same file would give other dates on another day.
_PUBLISHED_SETTINGS = {"PARSERS": ["timestamp", "custom-formats", "absolute-time"],
                       "REQUIRE_PARTS": ["year", "month"], "PREFER_DAY_OF_MONTH": "first"}


def parse_published(value) -> date | None:
    """A date from an ISO-like string ("2015-05-19", "2015-05-19T10:00:00Z", "2015/05/19") or another
    absolute date ("Tue, 19 May 2015 10:00:00 GMT", "May 2015" = the 1st); None if absent.

    Raises:
        ValueError: the value is present but is not an absolute date with at least a year and a month
            (relative phrases such as "yesterday" are refused, not read against today's date).
    """
    if value in (None, ""):
        return None
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10].replace("/", "-"))
    except ValueError:
        import dateparser

        d = dateparser.parse(s, languages=["en"], settings=_PUBLISHED_SETTINGS)
        if d is None:
            raise ValueError(f"unreadable date {s!r} (expected an absolute date with a year and a month, "
                             "such as 2015-05-19)") from None
        return d.date()


def _str_or_none(v) -> str | None:
    if v is None:
        return None
    s = repair_text(str(v)).strip()
    return s or None


def article_from_record(obj: dict, default_id: str, source: str | None = None,
                        fields: dict[str, tuple[str, ...]] | None = None) -> Article:
    """Build an Article from one JSON record (see module doc for the field names).

    If the text starts with the title (as scraped pages often do), that part is marked as the title block.

    Raises:
        ValueError: no text field, or an unreadable date.
        TypeError: the text is not a string, or the id is a list, an object or a boolean.
    """
    f = {**FIELDS, **(fields or {})}
    text = _first(obj, f["text"])
    if text is not None and not isinstance(text, str):
        raise TypeError(f"the text is {_kind(text)}, not a string")
    if text is None or not text.strip():
        raise ValueError("no text (looked for " + ", ".join(f["text"]) + ")")
    sid = _first(obj, f["id"])
    if isinstance(sid, (bool, list, dict)):  # str() would make ids such as "['x']" or "True"
        raise TypeError(f"the id is {_kind(sid)}, not a string or number")
    text = drop_photo_credits(repair_text(text.replace("\r\n", "\n")))
    title = _str_or_none(_first(obj, f["title"]))
    blocks = []
    body_start = 0
    if title and text.startswith(title):
        blocks.append(TextBlock("title", 0, len(title)))
        body_start = len(title)
        while body_start < len(text) and text[body_start].isspace():
            body_start += 1
    dateline = None
    if (found := dateline_at(text[body_start:])) is not None:  # "ISLAMABAD (AP) — A radical cleric ...": a place
        dateline, length = found
        blocks.append(TextBlock("dateline", body_start, body_start + length))
        body_start += length
    blocks.append(TextBlock("body", body_start, len(text)))
    lang = _first(obj, f["language"])
    return Article(
        id=str(sid) if sid is not None else default_id,
        text=text,
        blocks=blocks,
        published=parse_published(_first(obj, f["published"])),
        title=title,
        url=_str_or_none(_first(obj, f["url"])),
        publisher=_str_or_none(_first(obj, f["publisher"])),
        dateline=dateline,
        language=lang.strip().lower() if isinstance(lang, str) and lang.strip() else None,
        source=source,
    )


def _kind(value) -> str:
    """A JSON value's kind for messages: 'a number', 'a list', 'an object', 'true'..."""
    if isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return "a number"
    return {list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


def _decode_line(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252"

        return repair_text(raw.decode("sloppy-windows-1252"))


def _lines(stream: BinaryIO, path: str, max_bytes: int) -> Iterator[tuple[int, bytes | InputError]]:
    """(line number, raw line) pairs; an InputError in place of an over-long line."""
    n = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        n += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            size = len(raw)
            while raw and not raw.endswith(b"\n"):  # skip to the end of this line
                raw = stream.readline(_CHUNK)
                size += len(raw)
            yield n, InputError(f"{path}:{n}: line of {size_mb(size)}, over the {size_mb(max_bytes)} "
                                "size limit (--max-bytes)")
            continue
        yield n, raw


def read(path: str, fields: dict[str, tuple[str, ...]] | None = None,
         max_bytes: int | None = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """Stories of a JSONL file (gzip-compressed when the name ends in ``.gz`` or the bytes say so).

    Args:
        path: the file.
        fields: field names to look for, per field (see module doc).
        max_bytes: the largest line accepted (None or 0: no limit).
    Raises:
        InputError: the file is missing, empty, or not readable at all.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file" if not p.exists() else f"{path}: not a regular file")
    stem = p.name.split(".")[0]
    limit = max_bytes or (1 << 62)
    try:
        with p.open("rb") as fh:
            magic = fh.read(2)
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from err
    gz = magic == b"\x1f\x8b"
    n = 0
    nonblank = 0
    try:
        with (gzip.open(p, "rb") if gz else p.open("rb")) as stream:
            for n, raw in _lines(stream, path, limit):
                if isinstance(raw, InputError):
                    nonblank += 1
                    yield raw
                    continue
                if not raw.strip():
                    continue
                nonblank += 1
                try:
                    try:
                        obj = json.loads(_decode_line(raw))
                    except json.JSONDecodeError as err:
                        raise ValueError(f"not valid JSON ({err.msg} at column {err.colno})") from None
                    if not isinstance(obj, dict):
                        raise TypeError("not a JSON object")
                    yield article_from_record(obj, f"{stem}:{n}", source=f"{path}:{n}", fields=fields)
                except (ValueError, TypeError, RecursionError) as err:
                    yield InputError(f"{path}:{n}: {str(err).splitlines()[0] if str(err) else 'bad record'}")
    except EOFError:
        yield InputError(f"{path}:{n + 1}: truncated gzip data (the file ends in the middle of a record)")
        return
    except (OSError, zlib.error) as err:
        yield InputError(f"{path}:{n + 1}: corrupt gzip data ({err})")
        return
    if nonblank == 0:
        raise InputError(f"{path}: empty file")
