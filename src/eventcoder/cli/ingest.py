"""``eventcoder ingest SOURCE... --db PATH``: code stories and store them, deduplicating their events.

Stories already in the store (same id and content) are neither coded nor stored again, so a second run
changes nothing and an interrupted run resumes where it stopped. Each story is stored in one transaction.
A source or story that cannot be read or stored is reported in one line and the others go on; the exit
status is then 1. Stories the readers skip on purpose (other language, duplicate) are only counted.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import sys
from collections.abc import Iterator

from ..article import Article, InputError
from . import positive_int
from .events import add_db_argument

log = logging.getLogger(__name__)


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "ingest", help="code stories and store their events in a DuckDB event store",
        description="Read stories (text, JSONL, HTML, WARC...), code them and store stories, entities, quotes "
                    "and events with their evidence. Idempotent: stories already stored are skipped.")
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="files, directories or glob patterns")
    add_db_argument(p)
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for stories that carry none")
    p.add_argument("--model", help="spaCy model package (default: the project's default model)")
    p.add_argument("--batch-size", type=positive_int, default=16, metavar="N",
                   help="stories per parsing batch")
    p.add_argument("--limit", type=positive_int, metavar="N", help="read at most N stories (for trials)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from tqdm import tqdm

    from ..ingest import ReadSummary, SkipNotice, read_sources
    from ..store.db import EventStore

    published = None
    if args.published:
        try:
            published = date.fromisoformat(args.published)
        except ValueError as err:
            raise InputError(f"--published {args.published!r}: expected YYYY-MM-DD") from err
    counts = {"already": 0, "failed": 0}
    reading = ReadSummary()

    with EventStore(args.db) as store:
        def fresh() -> Iterator[Article]:
            items = read_sources(args.sources, published=published)
            if args.limit is not None:
                items = itertools.islice(items, args.limit)
            for item in items:
                reading.add(item)
                if isinstance(item, SkipNotice):  # not to be coded (language, duplicate...): counted only
                    log.info("%s", item)
                    continue
                if isinstance(item, InputError):
                    print(f"eventcoder: error: {item}", file=sys.stderr)
                    continue
                if store.has_story(item):
                    counts["already"] += 1
                    continue
                yield item

        todo = fresh()
        first = next(todo, None)
        if first is not None:  # load the models only when there is something to code
            from ..coder import Coder

            coder = Coder(model=args.model)
            bar = tqdm(coder.code_many(itertools.chain([first], todo), batch_size=args.batch_size),
                       unit="story", desc="ingest", disable=True if args.no_progress else None,
                       file=sys.stderr)
            for coded in bar:
                art = coded.article
                try:
                    before = store.story_source(art.id)
                    if store.add(coded) and before is not None and before != art.source:
                        # the same id from elsewhere: two text files named alike (ids are file names)
                        # or two JSONL records; the store keeps one story per id, so say which went
                        print(f"eventcoder: warning: {art.source}: story id {art.id!r} was stored from "
                              f"{before}; this story replaces it (give the stories distinct ids)",
                              file=sys.stderr)
                except Exception as err:  # one bad story must not end the batch
                    counts["failed"] += 1
                    log.debug("storing %s failed", art.id, exc_info=True)
                    reason = str(err).splitlines()[0] if str(err) else err.__class__.__name__
                    print(f"eventcoder: error: story {art.id}: not stored ({reason})",
                          file=sys.stderr)
                bar.set_postfix(events=store.stats.events_created, merged=store.stats.merged_across
                                + store.stats.merged_within, refresh=False)
        st = store.stats
        summary = store.summary()
    errors = len(reading.failed) + counts["failed"]
    print(reading.lines(max_failures=0)[0])
    print(f"{args.db}: {st.stories_added} stories stored ({st.stories_replaced} replaced), "
          f"{counts['already']} already stored, {errors} errors; {st.mentions_added} mentions -> "
          f"{st.events_created} new events, {st.merged_across + st.merged_within} merged "
          f"({st.merged_across} across stories)")
    print(f"store: {summary['stories']} stories, {summary['mentions']} mentions, {summary['events']} events "
          f"({summary['merged']} mentions merged into existing events)")
    return 1 if errors else 0
