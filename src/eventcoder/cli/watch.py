"""``eventcoder watch FEED_URL... --db PATH``: poll RSS/Atom feeds, fetch new articles, code and store them.

Each poll fetches every feed (conditionally: ETag/Last-Modified), fetches each linked page not fetched
before (never the same URL twice, across polls and runs: the memory is ``PATH.watch.sqlite`` next to the
database), extracts the article, skips other languages and duplicates with a reason, codes the rest
(:meth:`eventcoder.coder.Coder.code_many`) and adds them to the event store
(:class:`eventcoder.store.db.EventStore`). HTTP is bounded: ``--timeout``, ``--retries``, ``--delay``
between requests to one host, ``--max-bytes``, and a User-Agent naming the tool. A feed or page that fails
gets a one-line error and the poll goes on. ``--once`` or ``--polls N`` bound the number of polls
(default: until interrupted), ``--interval`` is the pause between polls.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time

from ..article import Article, EventcoderError, InputError
from ..ingest import DEFAULT_MAX_BYTES, ReadSummary, SkipNotice
from ..ingest.fetch import USER_AGENT, FetchOptions
from . import seconds
from .read import parse_size

log = logging.getLogger(__name__)


def add_parser(subparsers) -> None:
    """Register ``watch``."""
    p = subparsers.add_parser(
        "watch",
        help="poll RSS/Atom feeds, fetch new articles, code and store them",
        description=__doc__.split("\n\n")[0],
    )
    p.add_argument("feeds", nargs="+", metavar="FEED_URL", help="RSS or Atom feed URL")
    p.add_argument("--db", required=True, metavar="PATH", help="event store database")
    n = p.add_mutually_exclusive_group()
    n.add_argument("--once", action="store_true", help="poll once and exit")
    n.add_argument("--polls", type=int, metavar="N", help="poll N times and exit (default: until interrupted)")
    p.add_argument("--interval", type=seconds, default=900.0, metavar="SECONDS",
                   help="pause between polls (default 900)")
    p.add_argument("--timeout", type=seconds, default=10.0, metavar="SECONDS",
                   help="connect/read timeout per request (default 10)")
    p.add_argument("--retries", type=int, default=2, metavar="N",
                   help="retries after a timeout, connection error, HTTP 429 or 5xx (default 2)")
    p.add_argument("--delay", type=float, default=1.0, metavar="SECONDS",
                   help="least time between two requests to the same host (default 1)")
    p.add_argument("--user-agent", default=USER_AGENT, metavar="UA", help="User-Agent header")
    p.add_argument("--max-bytes", type=parse_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                   help="largest feed or page fetched (default 20MB)")
    p.add_argument("--all-languages", action="store_true", help="do not skip articles not in English")
    p.set_defaults(func=run)


def _load_backends(db: str):
    """The coder and the store, imported only now (they are heavy, and built by other stages).

    Raises:
        EventcoderError: one of them is not available.
    """
    try:
        from ..store.db import EventStore
    except ImportError as err:
        raise EventcoderError(f"{db}: the event store is not available ({err})") from err
    from ..coder import Coder

    return Coder(), EventStore(db)


def run(args: argparse.Namespace) -> int:
    """Poll the feeds; return 1 when the last poll had failures, else 0."""
    from ..ingest.feeds import Watcher, WatchState

    if args.polls is not None and args.polls < 1:
        raise EventcoderError(f"--polls must be at least 1, not {args.polls}")
    polls = 1 if args.once else args.polls
    coder, store = _load_backends(args.db)
    state = WatchState(WatchState.path_for(args.db))
    fetch = FetchOptions(timeout=args.timeout, retries=max(0, args.retries), delay=max(0.0, args.delay),
                         user_agent=args.user_agent, max_bytes=args.max_bytes or None)
    total = ReadSummary()
    n = 0
    try:
        with Watcher(args.feeds, state=state, fetch=fetch,
                     languages=None if args.all_languages else ("en",)) as watcher:
            while polls is None or n < polls:
                if n:
                    time.sleep(max(0.0, args.interval))
                n += 1
                summary = ReadSummary()
                articles: list[Article] = []
                for item in watcher.poll():
                    summary.add(item)
                    total.add(item)
                    if isinstance(item, SkipNotice):
                        log.info("%s", item)
                    elif isinstance(item, InputError):
                        print(f"eventcoder: error: {item}", file=sys.stderr)
                    else:
                        articles.append(item)
                stored = events = 0
                if articles:
                    try:
                        for coded in coder.code_many(articles):
                            events += len(coded.events)
                            stored += bool(store.add(coded))
                    except NotImplementedError as err:
                        raise EventcoderError("the coder is not available yet (Coder.code_many)") from err
                print(f"eventcoder watch: poll {n}: {summary.lines(max_failures=0)[0]}; "
                      f"{events} events from {stored} new articles stored in {args.db}", file=sys.stderr)
    finally:
        state.close()
        close = getattr(store, "close", None)
        if callable(close):
            close()
    if n > 1:
        print(f"eventcoder watch: {n} polls: {total.lines(max_failures=0)[0]}", file=sys.stderr)
    return 1 if summary.failed else 0
