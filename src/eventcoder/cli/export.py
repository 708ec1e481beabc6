"""``eventcoder export --format plover|gdelt|icews|csv|parquet -o PATH``: write stored events out.

GDELT writes two files, the 61-column event table at PATH and the 16-column mentions table beside it
(``X.export.CSV`` → ``X.mentions.CSV``; see :func:`eventcoder.store.export.mentions_path_for`). The event
filters of ``eventcoder events`` apply to every format.
"""

from __future__ import annotations

import argparse
import sys

from .events import add_db_argument, add_filter_arguments, filter_from_args

#: Formats and tables (as in :mod:`eventcoder.store.export`, repeated so that ``--help`` loads no DuckDB).
FORMATS = ("plover", "gdelt", "icews", "csv", "parquet")
TABLES = ("events", "mentions", "stories", "entities", "quotes")


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "export", help="export stored events as PLOVER JSONL, GDELT 2.0, ICEWS TSV, CSV or Parquet",
        description="Write deduplicated events in a standard layout. gdelt: GDELT 2.0 event table (61 "
                    "columns, tab-separated, no header unless --header) plus its mentions table; icews: "
                    "ICEWS 20-column TSV with header; plover: one PLOVER JSON record per event; csv/parquet: "
                    "one table of the store (--table).")
    add_db_argument(p)
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("-o", "--output", required=True, metavar="PATH",
                   help="output file ('-' for plover to standard output)")
    p.add_argument("--table", choices=TABLES, default="events", help="table for csv/parquet (default events)")
    p.add_argument("--header", action="store_true", help="gdelt: write GDELT's column names as a first line")
    p.add_argument("--mentions-output", metavar="PATH", help="gdelt: where the mentions table goes")
    add_filter_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..store.db import EventStore
    from ..store.export import export, mentions_path_for, write_plover

    flt = filter_from_args(args)
    with EventStore(args.db, read_only=True) as store:
        if args.output == "-":
            if args.format != "plover":
                print("eventcoder: error: -o - (standard output) works only with --format plover",
                      file=sys.stderr)
                return 2
            write_plover(store, sys.stdout, flt)  # not /dev/stdout: reopening it truncates `>> file`
            return 0
        counts = export(store, args.format, args.output, flt, table=args.table, header=args.header,
                        mentions_path=args.mentions_output)
    what = ", ".join(f"{n} {k}" for k, n in counts.items())
    where = args.output
    if args.format == "gdelt":
        where += f" and {args.mentions_output or mentions_path_for(args.output)}"
    print(f"wrote {what} to {where}", file=sys.stderr)
    return 0
