"""``eventcoder batch SOURCE... --out DIR [--engine local|spark] [--workers N]``: code a corpus into Parquet.

Writes ``DIR/events``, ``DIR/stories``, ``DIR/entities`` and ``DIR/quotes`` (Parquet, partitioned by
story date as ``year=YYYY/month=M``; docs/scale.md). The local engine shows a progress bar with rate
and ETA on stderr and resumes after a kill: run the same command again. Exit status 0 when every input
was coded or skipped, 1 when some failed (listed in ``DIR/failures.jsonl``).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path


def add_parser(sub) -> None:
    p = sub.add_parser(
        "batch", help="code a corpus into Parquet datasets (all cores, resumable; or Spark)",
        description="Code every article of the sources into Parquet datasets under --out: events, stories, "
                    "entities, quotes, partitioned by story date. Rerun the same command to resume.")
    p.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="files, directories, globs: text, JSONL, HTML, WARC, Parquet (Spark: also hdfs://, s3a://)")
    p.add_argument("--out", required=True, metavar="DIR", help="output directory")
    p.add_argument("--engine", choices=["local", "spark"], default="local",
                   help="local (default): processes on this machine; spark: a PySpark job")
    p.add_argument("--workers", type=_positive, metavar="N",
                   help="local engine: coding processes (default: every core)")
    p.add_argument("--chunk-size", type=_positive, default=100, metavar="N",
                   help="local engine: inputs per chunk, the unit of resume (default 100; keep it on reruns)")
    p.add_argument("--no-compact", dest="compact", action="store_false",
                   help="local engine: keep one file per chunk and partition (default: merge them at the end)")
    p.add_argument("--master", default="local[*]",
                   help="spark engine: Spark master URL (default local[*]; with spark-submit, its --master wins)")
    p.add_argument("--partitions", type=_positive, metavar="N",
                   help="spark engine: coding partitions (default: 4 per core of the cluster)")
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                   help="spark engine: a Spark setting (repeatable), e.g. spark.executor.memory=4g")
    p.add_argument("--published", type=_date, help="publication date for stories that carry none (YYYY-MM-DD)")
    p.add_argument("--all-languages", action="store_true", help="code every language (default: English only)")
    p.add_argument("--no-dedup", dest="dedup", action="store_false",
                   help="code repeated stories (same URL or text) again (default: the first one only)")
    p.add_argument("--show-negated", action="store_true", help="also keep negated and hypothetical events")
    p.add_argument("--actor-dictionary", action="append", default=[], metavar="PATH",
                   help="PETRARCH/TABARI actor or agent dictionary to add (repeatable)")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    p.set_defaults(func=run)


from . import positive_int as _positive


def _date(s: str) -> date:
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {s!r}") from None


def _conf(items: list[str]) -> dict[str, str]:
    from ..article import InputError

    out = {}
    for item in items:
        key, eq, value = item.partition("=")
        if not eq or not key.strip():
            raise InputError(f"--conf {item!r}: expected KEY=VALUE")
        out[key.strip()] = value.strip()
    return out


def check_local_out(out: str) -> None:
    """Create a local ``--out`` directory, or raise InputError naming it and the reason it is unusable.

    A path that is already a file is left to the engine (which says so); URIs (``s3a://``...) are not
    touched.
    """
    from ..article import InputError

    if "://" in out:
        return
    path = Path(out)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        return  # a file: the engine reports it
    except OSError as err:
        raise InputError(f"{out}: cannot create the output directory ({err.strerror or err})") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise InputError(f"{out}: the output directory is not writable")


def run(args) -> int:
    from ..engines import BatchOptions, run_batch
    from ..ingest import ReadOptions

    options = BatchOptions(
        workers=args.workers,
        chunk_size=args.chunk_size,
        published=args.published,
        read=ReadOptions(languages=None if args.all_languages else ("en",), dedup=args.dedup),
        coder={"show_negated": args.show_negated, "actor_dictionaries": tuple(args.actor_dictionary)},
        compact=args.compact,
        progress=False if args.quiet else None,
        verbose=bool(getattr(args, "verbose", False)),
    )
    extra = {}
    if args.engine == "local":
        check_local_out(args.out)
    if args.engine == "spark":
        extra = {"master": args.master, "partitions": args.partitions, "conf": _conf(args.conf)}
    summary = run_batch(args.sources, args.out, engine=args.engine, options=options, **extra)
    if not args.quiet:
        for line in summary.lines():
            print(line, file=sys.stderr)
    return 1 if summary.failures else 0


if __name__ == "__main__":  # for spark-submit: spark-submit .../eventcoder/cli/batch.py SOURCE... --out DIR --engine spark
    from eventcoder.cli import main

    sys.exit(main(["batch", *sys.argv[1:]]))
