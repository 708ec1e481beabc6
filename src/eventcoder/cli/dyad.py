"""``eventcoder dyad A B --freq day|week|month``: how two actors treat each other over time.

Prints, per period and direction, the event count, the count per quad class and the mean Goldstein and
PLOVER scores (:func:`eventcoder.analysis.dyad.dyad_series`); ``--csv`` and ``--plot`` write them to files.
"""

from __future__ import annotations

import argparse
import sys

from .events import add_db_argument

#: Periods (as in :data:`eventcoder.analysis.dyad.FREQS`).
FREQS = ("day", "week", "month")


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "dyad", help="counts by quad class and mean Goldstein/PLOVER scores of a dyad over time",
        description="Both directions of the dyad A-B: events from A to B and from B to A, per period.")
    p.add_argument("a", metavar="A", help="actor code or tag (USA, RUSGOV, NATO)")
    p.add_argument("b", metavar="B", help="the other actor")
    add_db_argument(p)
    p.add_argument("--freq", choices=list(FREQS), default="month", help="period (default month)")
    p.add_argument("--since", metavar="DATE", help="first date (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="last date (end of a YYYY or YYYY-MM)")
    p.add_argument("--weight", choices=["events", "mentions"], default="events",
                   help="weight of an event in the means (default: each event once)")
    p.add_argument("--csv", metavar="FILE", help="write the series as CSV")
    p.add_argument("--plot", metavar="FILE.png", help="draw the series (matplotlib PNG)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..analysis.dyad import dyad_series, plot_dyad, write_csv
    from ..store.db import EventStore
    from ..store.query import parse_date_bound

    since = parse_date_bound(args.since) if args.since else None
    until = parse_date_bound(args.until, end=True) if args.until else None
    with EventStore(args.db, read_only=True) as store:
        df = dyad_series(store, args.a, args.b, freq=args.freq, since=since, until=until, weight=args.weight)
    if args.csv:
        write_csv(df, args.csv)
    if args.plot:
        span = ""
        if not df.empty:
            span = f", {df['period'].min():%Y-%m-%d} to {df['period'].max():%Y-%m-%d}"
        plot_dyad(df, args.plot, freq=args.freq,
                  title=f"{args.a.upper()}–{args.b.upper()} events by {args.freq}{span}")
    if df["events"].sum() == 0:
        print(f"no dated events between {args.a.upper()} and {args.b.upper()}", file=sys.stderr)
        return 0
    shown = df.copy()
    shown["period"] = shown["period"].dt.strftime("%Y-%m-%d")
    print(shown.to_string(index=False, na_rep="", float_format=lambda v: f"{v:.2f}"))
    return 0
