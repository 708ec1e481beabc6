"""``eventcoder serve --db PATH --host --port``: the HTTP API and dashboard (FastAPI on uvicorn).

Loads one coder at start, opens the event store (creating it unless ``--read-only``), then serves
``/`` (dashboard), ``/v1/...`` (API) and ``/docs`` (OpenAPI) until interrupted. See :mod:`eventcoder.web`.
"""

from __future__ import annotations

import argparse
import errno
import logging
import socket

from ..article import InputError
from ..web.app import DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_S
from . import seconds
from .events import add_db_argument

log = logging.getLogger(__name__)


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "serve", help="serve the HTTP API and the dashboard",
        description="Serve the HTTP API (/v1/..., OpenAPI at /docs) and the dashboard (/) over one coder "
                    "and one event store. Bind to 127.0.0.1 unless others should reach it.")
    add_db_argument(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    p.add_argument("--read-only", action="store_true",
                   help="open the store read-only (POST /v1/stories is refused; other readers may share it)")
    p.add_argument("--max-body-kb", type=int, default=DEFAULT_MAX_BODY_BYTES // 1000, metavar="KB",
                   help=f"largest request body in kB (default {DEFAULT_MAX_BODY_BYTES // 1000})")
    p.add_argument("--timeout", type=seconds, default=DEFAULT_TIMEOUT_S, metavar="SECONDS",
                   help="limit on receiving a body and on coding one article "
                        f"(default {DEFAULT_TIMEOUT_S:g})")
    p.add_argument("--model", default=None, help="spaCy model package (default: the project's model)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ..coder import Coder
    from ..store.db import EventStore
    from ..web import create_app

    if not 0 <= args.port <= 65535:
        raise InputError(f"--port {args.port}: expected 0..65535")
    if args.max_body_kb < 1:
        raise InputError("--max-body-kb must be positive")
    EventStore(args.db, read_only=args.read_only).close()  # a bad store fails now, not after loading models
    sock = listening_socket(args.host, args.port)  # so does a busy port or an unknown host
    try:
        log.info("loading the coder")
        coder = Coder(model=args.model)
        app = create_app(args.db, coder=coder, max_body_bytes=args.max_body_kb * 1000,
                         timeout_s=args.timeout, read_only=args.read_only)
        level = "info" if logging.getLogger().isEnabledFor(logging.INFO) else "warning"
        host, port = sock.getsockname()[:2]
        where = f"[{host}]" if ":" in host else host
        print(f"eventcoder: serving {args.db} on http://{where}:{port}/ (API docs at /docs)", flush=True)
        uvicorn.Server(uvicorn.Config(app, log_level=level)).run(sockets=[sock])
    finally:
        sock.close()
    return 0


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` (``port`` 0: a free one, which the caller reads back), for
    uvicorn to listen on.

    Raises:
        InputError: the host does not resolve, or the address is in use or not this machine's.
    """
    try:
        family, kind, proto, _, addr = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                          flags=socket.AI_PASSIVE)[0]
    except (socket.gaierror, UnicodeError) as err:
        raise InputError(f"--host {host}: not an address of this machine ({_reason(err)})") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        sock.bind(addr)
    except OSError as err:
        sock.close()
        reason = "address already in use" if err.errno == errno.EADDRINUSE else _reason(err)
        raise InputError(f"{host}:{port}: cannot listen there ({reason})") from None
    return sock


def _reason(err: Exception) -> str:
    return getattr(err, "strerror", None) or str(err) or err.__class__.__name__
