"""``eventcoder events``: list stored events, filtered, as a table, JSONL or CSV.

Also home of the ``--db`` and filter options the other store commands (export, dyad, network) share.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..store import DEFAULT_DB
from . import positive_int

#: Rows the table view shows when no ``--limit`` is given.
TABLE_DEFAULT_LIMIT = 50


def add_db_argument(p: argparse.ArgumentParser) -> None:
    """Add ``--db PATH`` (default :data:`~eventcoder.store.db.DEFAULT_DB`)."""
    p.add_argument("--db", default=DEFAULT_DB, metavar="PATH",
                   help=f"DuckDB event store (default: {DEFAULT_DB})")


def add_filter_arguments(p: argparse.ArgumentParser, limit: bool = True) -> None:
    """Add the event filter options (see :class:`~eventcoder.store.query.EventFilter`)."""
    g = p.add_argument_group("filters")
    g.add_argument("--actor", action="append", default=[], metavar="CODE",
                   help="actor side carries CODE (USA, RUSGOV, NATO); repeat for any of several")
    g.add_argument("--recipient", action="append", default=[], metavar="CODE",
                   help="recipient side carries CODE; repeat for any of several")
    g.add_argument("--party", action="append", default=[], metavar="CODE",
                   help="either side carries CODE")
    g.add_argument("--undirected", action="store_true",
                   help="with --actor and --recipient, also match the reverse direction")
    g.add_argument("--type", dest="event", action="append", default=[], metavar="EVENT",
                   help="PLOVER event type (CONSULT, ACCUSE, ...); repeatable")
    g.add_argument("--cameo", action="append", default=[], metavar="PREFIX",
                   help="CAMEO code prefix (04 = all consult codes); repeatable")
    g.add_argument("--quad", action="append", type=int, choices=[1, 2, 3, 4], default=[],
                   help="quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict")
    g.add_argument("--since", metavar="DATE", help="events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    g.add_argument("--until", metavar="DATE", help="events on or before DATE (end of a YYYY or YYYY-MM)")
    g.add_argument("--place", metavar="NAME|ISO3", help="event place name or country code")
    g.add_argument("--min-mentions", type=positive_int, default=1, metavar="N",
                   help="events with at least N mentions")
    g.add_argument("--story", metavar="ID", help="events mentioned by this story")
    if limit:
        g.add_argument("--limit", type=positive_int, metavar="N", help="at most N events (in date order)")


def filter_from_args(args: argparse.Namespace):
    """The :class:`~eventcoder.store.query.EventFilter` of parsed filter options (dates, event types and
    CAMEO prefixes are checked: InputError when malformed or unknown)."""
    from ..store.query import EventFilter, check_cameo_prefixes, check_event_types, parse_date_bound

    check_event_types(args.event)
    check_cameo_prefixes(args.cameo)
    return EventFilter(
        actor=args.actor, recipient=args.recipient, party=args.party, undirected=args.undirected,
        event=args.event, cameo=args.cameo, quad=args.quad,
        since=parse_date_bound(args.since) if args.since else None,
        until=parse_date_bound(args.until, end=True) if args.until else None,
        place=args.place, min_mentions=args.min_mentions, story=args.story,
        limit=getattr(args, "limit", None),
    )


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "events", help="list stored events (filtered) as a table, JSONL or CSV",
        description="List deduplicated events from the event store. Each event is shown once, with its "
                    "number of mentions, sources and articles.")
    add_db_argument(p)
    add_filter_arguments(p)
    p.add_argument("--format", choices=["table", "jsonl", "csv"], default="table",
                   help="table (default), jsonl (one docs/output.md record per event) or csv")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..store.db import EventStore
    from ..store.export import table_sql
    from ..store.query import TABLE_COLUMNS, event_records, events_frame

    flt = filter_from_args(args)
    with EventStore(args.db, read_only=True) as store:
        if args.format == "jsonl":
            for rec in event_records(store, flt):
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            return 0
        if args.format == "csv":
            sql, params = table_sql("events", flt, flat=True)
            store.con.execute(sql, params).df().to_csv(sys.stdout, index=False)
            return 0
        shown = flt.limit if flt.limit is not None else TABLE_DEFAULT_LIMIT
        flt.limit = shown
        df = events_frame(store, flt, columns=TABLE_COLUMNS)
        total = _count(store, flt)
    if df.empty:
        print("no events match")
        return 0
    df = df.rename(columns={"event_id": "id", "event_date": "date", "actor_label": "actor",
                            "recipient_label": "recipient", "quad_code": "quad", "place_name": "place",
                            "num_mentions": "mentions", "num_sources": "sources", "num_articles": "articles"})
    df = df.astype(object).where(df.notna(), "")
    print(df.to_string(index=False))
    if total > len(df):
        print(f"({len(df)} of {total} events shown; use --limit N or --format jsonl|csv for more)")
    return 0


def _count(store, flt) -> int:
    """Number of events ``flt`` selects, without its limit."""
    where, params = flt.where("e")
    return store.con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]
