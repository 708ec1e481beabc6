"""Command-line interface: a thin shell over the library (``eventcoder COMMAND ...``).

Each command lives in its own module in this package and exposes ``add_parser(subparsers)``, which
registers an ``argparse`` sub-parser whose ``func(args) -> int`` runs it. User errors
(:class:`eventcoder.article.EventcoderError`) are printed as one line on stderr, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

#: BLAS threads per process, set before numpy is first imported. The parse runs on one core per process
#: (the batch engines start one process per core) and OpenBLAS's extra threads only compete for it:
#: en_core_web_sm parses about 13 % more words per second with one thread (docs/benchmarks.md).
BLAS_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
for _var, _value in BLAS_ENV.items():
    os.environ.setdefault(_var, _value)

from .. import __version__
from ..article import EventcoderError

#: Command modules, in the order ``--help`` lists them.
COMMANDS = [
    "extract",
    "read",
    "classify",
    "evaluate",
    "ingest",
    "events",
    "export",
    "dyad",
    "network",
    "serve",
    "watch",
    "batch",
]


def positive_int(s: str) -> int:
    """argparse type: a whole number ≥ 1 (one-line usage error otherwise)."""
    try:
        n = int(s)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {s!r}")
    return n


def seconds(s: str) -> float:
    """argparse type: a finite number of seconds > 0 (one-line usage error otherwise)."""
    try:
        x = float(s)
    except ValueError:
        x = 0.0
    if not 0 < x < float("inf"):
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {s!r}")
    return x


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every command module that is present registered."""
    parser = argparse.ArgumentParser(
        prog="eventcoder",
        description="Code news articles into PLOVER political events.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and debugging detail")
    parser.add_argument("--version", action="version", version=f"eventcoder {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as err:
            if err.name == f"{__name__}.{name}":
                continue  # command not built yet
            raise
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``eventcoder`` script; returns the process exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except EventcoderError as err:
        print(f"eventcoder: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("eventcoder: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
