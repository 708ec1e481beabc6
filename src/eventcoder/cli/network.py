"""``eventcoder network``: the top actors by number of events with partners, and their ties.

See :mod:`eventcoder.analysis.network`. The event filters of ``eventcoder events`` select the events.
"""

from __future__ import annotations

import argparse

from ..article import InputError
from . import positive_int
from .events import add_db_argument, add_filter_arguments, filter_from_args

#: Node levels (as in :data:`eventcoder.analysis.network.LEVELS`).
LEVELS = ("country", "sector")


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "network", help="top actors and their ties (table, CSV, picture)",
        description="Directed ties from actors to recipients over the selected events; actors ranked by "
                    "the number of events with a known partner.")
    add_db_argument(p)
    p.add_argument("--top", type=positive_int, default=15, metavar="N", help="number of actors (default 15)")
    p.add_argument("--level", choices=LEVELS, default="country",
                   help="country (RUS, NATO) or sector (RUSGOV) nodes")
    p.add_argument("--ties", type=positive_int, default=20, metavar="N", help="ties to print (default 20)")
    p.add_argument("--csv", metavar="FILE", help="write the ties among the top actors as CSV")
    p.add_argument("--plot", metavar="FILE.png", help="draw the network of the top actors (PNG)")
    add_filter_arguments(p, limit=False)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..analysis.network import actor_network, plot_network
    from ..store.db import EventStore

    flt = filter_from_args(args)
    with EventStore(args.db, read_only=True) as store:
        net = actor_network(store, flt, level=args.level).top(args.top)
    if net.actors.empty:
        print("no ties between known actors in the selected events")
        return 0
    print(f"top {len(net.actors)} actors")
    print(net.actors.to_string(index=False))
    print(f"\ntop ties among them ({len(net.ties)} in all)")
    print(net.ties.head(args.ties).to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    if args.csv:
        try:
            net.ties.to_csv(args.csv, index=False, float_format="%.4f")
        except OSError as err:
            raise InputError(f"{args.csv}: cannot write ({err.strerror or err})") from err
    if args.plot:
        plot_network(net, args.plot, title=f"Top {len(net.actors)} actors ({args.level} level) and their ties")
    return 0
