"""``eventcoder read SOURCE...``: print the Article records ingest makes of files, archives and URLs.

Sources are files (plain text, HTML, JSONL, WARC/ARC, RSS/Atom; gzip-compressed or not), directories,
glob patterns and http(s) URLs (see :mod:`eventcoder.ingest`). Output is one JSON Article a line
(``--format jsonl``: id, url, title, published, publisher, dateline, language, text, blocks, source) or a
short table. Every bad input gets a one-line error on stderr and the run goes on; an end-of-run summary
(read, skipped with reasons, failed) follows on stderr. Exit status 1 when any input failed (skips are
not failures).

Other commands reuse :func:`add_source_options` and :func:`read_options` so they accept the same
sources and options.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from datetime import date

from ..article import Article, InputError
from ..ingest import DEFAULT_MAX_BYTES, ReadOptions, ReadSummary, SkipNotice, read_sources

log = logging.getLogger(__name__)

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)


def parse_size(value: str) -> int:
    """A byte count from "20000000", "500k", "20MB", "1.5GiB" (powers of 1024); 0 means no limit.

    Raises:
        argparse.ArgumentTypeError: not a size.
    """
    m = _SIZE.match(value)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 20MB, 500k, 1048576)")
    n = float(m.group(1))
    unit = (m.group(2) or "b").lower()[:1]
    return int(n * {"b": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[unit])


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from None


def add_source_options(p: argparse.ArgumentParser) -> None:
    """Add the options every command that reads sources shares: ``--max-bytes``, the JSONL field
    mapping (``--id-field``, ``--text-field``, ``--date-field``, ``--title-field``, ``--url-field``),
    ``--all-languages`` and ``--keep-duplicates``."""
    g = p.add_argument_group("sources")
    g.add_argument("--max-bytes", type=parse_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                   help="largest file, archive record or JSONL line read (default 20MB; 0: no limit)")
    for name, what in (("id", "story id"), ("text", "article text"), ("date", "publication date"),
                       ("title", "title"), ("url", "URL")):
        g.add_argument(f"--{name}-field", metavar="NAME", help=f"JSONL field holding the {what}")
    g.add_argument("--all-languages", action="store_true",
                   help="do not skip articles detected as not English")
    g.add_argument("--keep-duplicates", action="store_true",
                   help="do not skip articles with the URL or text of one already read")


def read_options(args: argparse.Namespace) -> ReadOptions:
    """The :class:`~eventcoder.ingest.ReadOptions` of parsed arguments (see :func:`add_source_options`)."""
    fields = {}
    for name, key in (("id", "id"), ("text", "text"), ("date", "published"), ("title", "title"),
                      ("url", "url")):
        v = getattr(args, f"{name}_field", None)
        if v:
            fields[key] = (v,)
    return ReadOptions(
        max_bytes=getattr(args, "max_bytes", DEFAULT_MAX_BYTES) or None,
        fields=fields or None,
        languages=None if getattr(args, "all_languages", False) else ("en",),
        dedup=not getattr(args, "keep_duplicates", False),
    )


def add_parser(subparsers) -> None:
    """Register ``read``."""
    p = subparsers.add_parser(
        "read",
        help="read sources and print the Article records (text, blocks, metadata)",
        description=__doc__.split("\n\n")[0],
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="file, directory, glob pattern or http(s) URL (text, HTML, JSONL, WARC, feed; .gz ok)")
    p.add_argument("--format", choices=("jsonl", "table"), default="jsonl", help="output format")
    p.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                   help="publication date for articles that carry none")
    add_source_options(p)
    p.set_defaults(func=run)


def _row(a: Article) -> str:
    title = (a.title or "").replace("\t", " ")
    if len(title) > 60:
        title = title[:59] + "\u2026"
    return "\t".join([a.id, a.published.isoformat() if a.published else "-", a.language or "-",
                      (a.publisher or "-")[:24], str(len(a.text)), title])


def run(args: argparse.Namespace) -> int:
    """Print the articles of ``args.sources``; return 1 when any input failed, else 0."""
    summary = ReadSummary()
    out = sys.stdout
    if args.format == "table":
        out.write("id\tpublished\tlang\tpublisher\tchars\ttitle\n")
    for item in read_sources(args.sources, published=args.published, options=read_options(args)):
        summary.add(item)
        if isinstance(item, SkipNotice):
            log.info("%s", item)
        elif isinstance(item, InputError):
            print(f"eventcoder: error: {item}", file=sys.stderr)
        elif args.format == "jsonl":
            out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        else:
            out.write(_row(item) + "\n")
    out.flush()
    for line in summary.lines():
        print(f"eventcoder read: {line}", file=sys.stderr)
    return 1 if summary.failed else 0
